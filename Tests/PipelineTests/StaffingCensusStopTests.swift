import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// Session 33's staffing review: the rule that a unit's census stopped was counted in silent
/// periods (4 weeks, but 3 months), so a unit stopped 6 weeks before the census's end was not
/// planned by week and planned by month at its last level, with no word; and a unit whose
/// census ended 3 weeks before the end had its last month left out, unsaid. Tables built in
/// memory: 4 West 10 a day every day of 2025, ICU 12 a day from 1 January to `icuLast`.
@Suite struct StaffingCensusStopTests {
    static let year = (0..<365).map { ISO.day(2025, 1, 1, plus: $0) }

    static func census(icuLast: String) -> Table {
        let icu = year.filter { $0 <= icuLast }
        return Table([("date", .text(year + icu)), ("unit", .text(year.map { _ in "4 West" } + icu.map { _ in "ICU" })),
                      ("patient_days", .number(year.map { _ in 10 } + icu.map { _ in 12 }))])
    }

    /// 6 RN hours per patient day on every day each unit has census.
    static func timekeeping(icuLast: String) -> Table {
        let icu = year.filter { $0 <= icuLast }
        let units = year.map { _ in "4 West" } + icu.map { _ in "ICU" }
        return Table([("date", .text(year + icu)), ("unit", .text(units)), ("hours", .number(year.map { _ in 60 } + icu.map { _ in 72 })),
                      ("pay_type", .text(units.map { _ in "REG" })), ("job_code", .text(units.map { _ in "RN" }))])
    }

    static let targets = Table([("unit", .text(["4 West", "ICU"])), ("job_code", .text(["RN", "RN"])), ("target_hppd", .number([6, 12])),
                                ("budgeted_fte", .number([10, 10])), ("hourly_rate", .number([50, 60]))])

    static func run(_ frequency: Frequency, icuLast: String, horizon: Int = 3) throws -> StaffingJob.Result {
        var job = StaffingJob()
        job.frequency = frequency
        job.horizon = horizon
        return try job.run(timekeeping: timekeeping(icuLast: icuLast), census: census(icuLast: icuLast), targets: targets)
    }

    /// ICU's census stops on 20 November, 41 days before 31 December: by month it was planned at
    /// 372 patient days a month, unnamed, where by week it was "census stopped". Now by every
    /// frequency it is not planned and is named with its last period recorded.
    @Test func aUnitStoppedSixWeeksBeforeTheEndIsNotPlannedByMonth() throws {
        for (frequency, last) in [(Frequency.month, "2025-10"), (.week, "2025-W46")] {
            let result = try Self.run(frequency, icuLast: "2025-11-20")
            #expect(result.stoppedUnits.map(\.unit) == ["ICU"] && result.stoppedUnits.first?.last == last, "\(frequency) \(result.stoppedUnits)")
            #expect(!result.rows.isEmpty && result.rows.allSatisfy { $0.unit == "4 West" }, "\(frequency) \(Set(result.rows.map(\.unit)))")
            #expect(result.units.map(\.unit) == ["4 West"])
            #expect(result.censusEndingEarly.isEmpty)
            let note = StaffingJob.note(result)
            #expect(note.contains("Not planned, census stopped: ICU (last \(last))"), "\(note)")
        }
    }

    /// The rule is in days, the same at every frequency: 28 days or more before the census's
    /// last day is stopped, 27 is not.
    @Test func theStopRuleCountsDays() {
        let end = CalendarDay(daysSinceEpoch: 20_453)
        #expect(CensusStop.hasStopped(last: end.adding(days: -28), censusLast: end))
        #expect(!CensusStop.hasStopped(last: end.adding(days: -27), censusLast: end))
        #expect(CensusStop.openIfRecordedSince(censusLast: end) == end.adding(days: -27))
    }

    /// ICU's census stops on 10 December, 21 days before the end: short of the stop rule, so
    /// planned as open. Its December (10 of 31 days) was left out of the fit without a word; it
    /// is read from its 10 days (12 a day over 31 days, 372, not 120 for a month), and the note
    /// names the month and the unit's last day. By week, its week of 3 days is read the same.
    @Test func aUnitEndingThreeWeeksBeforeTheEndHasItsLastPartMonthReadFromItsDaysAndSaid() throws {
        for (frequency, period, recorded, days) in [(Frequency.month, "2025-12", 10, 31), (.week, "2025-W50", 3, 7)] {
            let result = try Self.run(frequency, icuLast: "2025-12-10")
            #expect(result.stoppedUnits.isEmpty, "\(frequency) \(result.stoppedUnits)")
            #expect(result.rows.contains { $0.unit == "ICU" })
            let outlook = try #require(result.censusOutlooks.first { $0.name == "ICU" })
            let index = try #require(outlook.periods.firstIndex(of: period))
            #expect(abs(outlook.history[index] - 12 * Double(days)) < 1e-6, "\(frequency) \(outlook.history[index])")
            #expect(result.censusPeriodsReadFromRecordedDays.map { "\($0.unit) \($0.period) \($0.recorded)/\($0.days)" } == ["ICU \(period) \(recorded)/\(days)"])
            #expect(result.censusEndingEarly.map(\.unit) == ["ICU"] && result.censusEndingEarly.first?.days == 21)
            let note = StaffingJob.note(result)
            #expect(note.contains("read from the days recorded (their daily average times the \(frequency.rawValue)'s days), not as a fall in census or a closed unit: ICU \(period) (\(recorded) of \(days) days)"), "\(note)")
            #expect(note.contains("Census ending before its last day (2025-12-31), by fewer than 28 days, so planned as open, the days since read as missing, not as an empty unit: ICU (last 2025-12-10, 21 days before)"), "\(note)")
            // Planned at its level, 12 a day: 372 for January, 84 a week.
            let first = try #require(result.rows.first { $0.unit == "ICU" })
            #expect(abs(first.censusForecast - 12 * Double(frequency == .month ? 31 : 7)) < 1, "\(first.period) \(first.censusForecast)")
        }
    }

    /// Six units to 30 June 2025 and one row of unit A dated 29 July (a mis-keyed date, or one
    /// unit's export pulled a month later): against that one row the other five read as
    /// stopped and only A was planned. A stray last row aside, all are planned but F, which
    /// really closed in May.
    @Test func oneUnitsLateRowStopsNoOtherUnit() throws {
        let days = (0..<181).map { ISO.day(2025, 1, 1, plus: $0) }
        let units = ["A", "B", "C", "D", "E", "F"]
        var dates: [String] = [], names: [String] = [], values: [Double] = []
        for unit in units {
            for day in days where unit != "F" || day <= "2025-05-20" { dates.append(day); names.append(unit); values.append(10) }
        }
        dates.append("2025-07-29"); names.append("A"); values.append(21)
        let census = Table([("date", .text(dates)), ("unit", .text(names)), ("patient_days", .number(values))])
        let timekeeping = Table([("date", .text(dates)), ("unit", .text(names)), ("hours", .number(values.map { $0 * 6 })),
                                 ("pay_type", .text(names.map { _ in "REG" })), ("job_code", .text(names.map { _ in "RN" }))])
        let targets = Table([("unit", .text(units)), ("job_code", .text(units.map { _ in "RN" })), ("target_hppd", .number(units.map { _ in 6 })),
                             ("budgeted_fte", .number(units.map { _ in 10 })), ("hourly_rate", .number(units.map { _ in 50 }))])
        let june30 = CalendarDay(year: 2025, month: 6, day: 30)!
        let daily = (0..<60).map { june30.adding(days: -$0) }.reversed().map { $0 }
        // One stray row, or two, after a daily census: the daily units' last day.
        #expect(CensusStop.reference(unitDays: [daily + [june30.adding(days: 29)], daily]) == june30)
        #expect(CensusStop.reference(unitDays: [daily + [june30.adding(days: 29), june30.adding(days: 59)], daily]) == june30)
        #expect(CensusStop.reference(unitDays: [daily + [june30.adding(days: 29), june30.adding(days: 30)], daily]) == june30)
        // Most units closed and one runs on: the one running sets the day.
        #expect(CensusStop.reference(unitDays: [daily, Array(daily.prefix(10))]) == june30)
        // A unit reporting once a month keeps its last row: its spacing is a month.
        let monthly = (0..<6).map { CalendarDay(year: 2025, month: 2 + $0, day: 1)! }
        #expect(CensusStop.reference(unitDays: [monthly, Array(daily.prefix(10))]) == CalendarDay(year: 2025, month: 7, day: 1))
        for frequency in [Frequency.month, .week] {
            var job = StaffingJob()
            job.frequency = frequency
            job.horizon = 3
            let result = try job.run(timekeeping: timekeeping, census: census, targets: targets)
            #expect(result.stoppedUnits.map(\.unit) == ["F"], "\(frequency) \(result.stoppedUnits)")
            #expect(Set(result.rows.map(\.unit)) == ["A", "B", "C", "D", "E"], "\(frequency)")
            #expect(result.censusEndingEarly.isEmpty, "\(frequency) \(result.censusEndingEarly)")
        }
    }
}
