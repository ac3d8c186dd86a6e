import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// Session 33's staffing review: census days missing here and there read as a unit that
/// closed, and a week of timekeeping missing inside a month went unseen. Tables built in memory:
/// 4 West's daily census through 2025, 6 RN hours per patient day in timekeeping every day.
@Suite struct StaffingMissingDaysTests {
    /// Every day of 2025 but those in `skipping`, with `census(day)` patients.
    static func census(skipping: Set<String> = [], _ census: (String) -> Double) -> Table {
        let days = (0..<365).map { ISO.day(2025, 1, 1, plus: $0) }.filter { !skipping.contains($0) }
        return Table([("date", .text(days)), ("unit", .text(days.map { _ in "4 West" })), ("patient_days", .number(days.map(census)))])
    }

    /// RN regular hours on every day of 2025 but those in `skipping`.
    static func timekeeping(skipping: Set<String> = [], hours: (String) -> Double) -> Table {
        let days = (0..<365).map { ISO.day(2025, 1, 1, plus: $0) }.filter { !skipping.contains($0) }
        return Table([("date", .text(days)), ("unit", .text(days.map { _ in "4 West" })), ("hours", .number(days.map(hours))),
                      ("pay_type", .text(days.map { _ in "REG" })), ("job_code", .text(days.map { _ in "RN" }))])
    }

    static let targets = Table([("unit", .text(["4 West"])), ("job_code", .text(["RN"])), ("target_hppd", .number([6])),
                                ("budgeted_fte", .number([10])), ("hourly_rate", .number([50]))])

    static func job(_ frequency: Frequency, horizon: Int = 4) -> StaffingJob {
        var job = StaffingJob()
        job.frequency = frequency
        job.horizon = horizon
        return job
    }

    /// 30 a day through September, 5 a day since, and one day missing in each of the last five
    /// weeks: the run stopped with "the census of every unit the targets name stopped before
    /// its last 4 weeks (4 West to 2025-W48)". Those weeks are read from their six days, 4 West
    /// is planned at 35 a week, as with every day recorded, and the note names the weeks.
    @Test func aFewMissingDaysAreNotAStoppedUnitByWeek() throws {
        let missing: Set = ["2025-11-26", "2025-12-03", "2025-12-10", "2025-12-17", "2025-12-24"]
        let level: (String) -> Double = { $0 < "2025-10-01" ? 30 : 5 }
        let result = try Self.job(.week).run(timekeeping: Self.timekeeping { 6 * level($0) }, census: Self.census(skipping: missing, level),
                                             targets: Self.targets)
        #expect(result.stoppedUnits.isEmpty, "\(result.stoppedUnits)")
        #expect(result.rows.count == 4 && result.rows.allSatisfy { $0.unit == "4 West" })
        for row in result.rows { #expect(abs(row.censusForecast - 35) < 1, "\(row.period) \(row.censusForecast)") }
        // The weeks holding a missing day carry 5 a day over their 7 days, not 30 for 6.
        let outlook = try #require(result.censusOutlooks.first)
        let w49 = try #require(outlook.periods.firstIndex(of: "2025-W49"))
        #expect(abs(outlook.history[w49] - 35) < 1e-6, "\(outlook.history[w49])")
        #expect(result.censusPeriodsReadFromRecordedDays.map(\.period) == ["2025-W48", "2025-W49", "2025-W50", "2025-W51", "2025-W52"])
        let note = StaffingJob.note(result)
        #expect(note.contains("Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: 4 West 5 days (2025-11-26 to 2025-12-24); 5 weeks missing some days are read from the days recorded (their daily average times the week's days), not as a fall in census or a closed unit: 4 West 2025-W48 (6 of 7 days), "), "\(note)")
        #expect(!note.contains("census stopped"), "\(note)")
        // Hours per patient day over weeks read from six days: 30 hours a day against 5 patients.
        let hppd = try #require(result.units.first?.recentHPPD)
        #expect(abs(hppd - 6) < 1e-6, "\(hppd)")
    }

    /// By month, one day missing in each of October, November and December ("stopped before its
    /// last 3 months"), and one missing in December alone (December was dropped from the fit):
    /// each month is read from its other days, 10 a day, and January is planned at 310. A month
    /// with no day recorded (June) stays missing, neither zero nor filled in as recorded.
    @Test func aFewMissingDaysAreNotAStoppedUnitByMonth() throws {
        let june = Set((0..<30).map { ISO.day(2025, 6, 1, plus: $0) })
        for missing: Set<String> in [["2025-10-15", "2025-11-12", "2025-12-10"], ["2025-12-14"]] {
            let result = try Self.job(.month, horizon: 3).run(timekeeping: Self.timekeeping(skipping: june) { _ in 60 },
                                                              census: Self.census(skipping: missing.union(june)) { _ in 10 }, targets: Self.targets)
            #expect(result.stoppedUnits.isEmpty, "\(result.stoppedUnits)")
            let january = try #require(result.rows.first { $0.period == "2026-01" })
            #expect(abs(january.censusForecast - 310) < 0.5, "\(january.censusForecast)")
            let outlook = try #require(result.censusOutlooks.first)
            let december = try #require(outlook.periods.firstIndex(of: "2025-12"))
            #expect(abs(outlook.history[december] - 310) < 1e-6, "\(outlook.history[december])")
            let june = try #require(outlook.periods.firstIndex(of: "2025-06"))
            #expect(outlook.history[june].isNaN)
            #expect(result.censusPeriodsReadFromRecordedDays.count == missing.count)
            #expect(StaffingJob.note(result).contains("read from the days recorded"), "\(StaffingJob.note(result))")
        }
    }

    /// A unit whose census ends within a month (closed on the 10th) still has that month left
    /// out, not read from its ten days, and one silent for three months is still stopped.
    @Test func aCensusThatStopsIsStillStopped() throws {
        let level: (String) -> Double = { _ in 10 }
        let stopped = Set((0..<365).map { ISO.day(2025, 1, 1, plus: $0) }.filter { $0 > "2025-09-10" })
        let census = Self.census(skipping: stopped, level)
        let west = Table([("date", .text(census.texts("date")! + (0..<365).map { ISO.day(2025, 1, 1, plus: $0) })),
                          ("unit", .text(census.texts("unit")! + (0..<365).map { _ in "5 East" })),
                          ("patient_days", .number(census.numbers("patient_days")! + (0..<365).map { _ in 12 }))])
        let targets = Table([("unit", .text(["4 West", "5 East"])), ("job_code", .text(["RN", "RN"])), ("target_hppd", .number([6, 6])),
                             ("budgeted_fte", .number([10, 10])), ("hourly_rate", .number([50, 50]))])
        let result = try Self.job(.month, horizon: 3).run(timekeeping: Self.timekeeping { _ in 60 }, census: west, targets: targets)
        #expect(result.stoppedUnits.map(\.unit) == ["4 West"] && result.stoppedUnits.first?.last == "2025-08", "\(result.stoppedUnits)")
        #expect(result.censusPeriodsReadFromRecordedDays.isEmpty)
    }

    /// Timekeeping with no rows from 10 to 16 November (60 hours a day, census 10 a day, target 6):
    /// by week the week is named and left out (6.0), by month November was measured over its
    /// 23 days of hours against 30 of census, 5.66, flagged below_target_hppd without a word.
    @Test func aWeekWithoutTimekeepingInsideAMonthIsLeftOut() throws {
        let gap = Set((0..<7).map { ISO.day(2025, 11, 10, plus: $0) })
        let timekeeping = Self.timekeeping(skipping: gap) { _ in 60 }
        for frequency in [Frequency.month, .week] {
            let result = try Self.job(frequency).run(timekeeping: timekeeping, census: Self.census { _ in 10 }, targets: Self.targets)
            let west = try #require(result.units.first)
            let hppd = try #require(west.recentHPPD)
            #expect(abs(hppd - 6) < 1e-6, "\(frequency): \(hppd)")
            #expect(!west.flags.contains("below_target_hppd") && result.rows.allSatisfy { !$0.flags.contains("below_target_hppd") }, "\(west.flags)")
            let named = frequency == .month ? "month 2025-11" : "week 2025-W46"
            #expect(result.timekeepingGaps?.contains("does not cover the census's recent \(named)") == true, "\(result.timekeepingGaps ?? "nil")")
        }
        // Days without patients need no hours: a census of 0 on the days without timekeeping.
        let closed = try Self.job(.month).run(timekeeping: timekeeping, census: Self.census { gap.contains($0) ? 0 : 10 }, targets: Self.targets)
        #expect(closed.timekeepingGaps == nil, "\(closed.timekeepingGaps ?? "")")
        #expect(abs((closed.units.first?.recentHPPD ?? 0) - 6) < 1e-6)
    }

    /// A review of the blank census values: a unit whose every census value was empty was
    /// named among "timekeeping units the census does not name ... spell the unit as the
    /// census does". It is said as a unit without census, and the shifts left without a
    /// patient count are counted as not checked.
    @Test func aUnitWhoseCensusIsAllEmptyIsNoSpellingMismatch() throws {
        var census = Self.census { _ in 10 }
        census.unrecordedKeys = ["5 East"]
        var hours = Self.timekeeping { _ in 60 }
        let days = hours.texts("date")!
        hours = Table([("date", .text(days + days)), ("unit", .text(days.map { _ in "4 West" } + days.map { _ in "5 east" })),
                       ("hours", .number(hours.numbers("hours")! + hours.numbers("hours")!)),
                       ("pay_type", .text((days + days).map { _ in "REG" })), ("job_code", .text((days + days).map { _ in "RN" }))])
        let result = try Self.job(.week).run(timekeeping: hours, census: census, targets: Self.targets)
        #expect(result.timekeepingUnitsWithoutCensus.isEmpty, "\(result.timekeepingUnitsWithoutCensus)")
        #expect(result.unitsWithEmptyCensus.map(\.unit) == ["5 east"], "\(result.unitsWithEmptyCensus)")
        let note = StaffingJob.note(result)
        // All 365 days x 60 h of the export (21,900), as the untargeted job codes' hours are:
        // the 21,720 of the census's complete weeks left the last 3 days' 180 h unsaid.
        #expect(note.contains("Units whose census rows all leave patient_days empty (no census recorded), their hours left out: '5 east' (21,900 h)"), "\(note)")
        #expect(!note.contains("spell the unit as the census does"), "\(note)")

        var shifts = ShiftStaffingJob.Result()
        shifts.shiftsWithoutPatients = 181
        #expect(ShiftStaffingJob.summary(shifts).contains("181 shift rows with no patient count (empty) not checked: the census of those shifts was not recorded."))
        // The units they are on are named, most first, as the import's note names them.
        shifts.shiftsWithoutPatientsByUnit = [("ICU", 120), ("5 East", 40), ("4 West", 10), ("PICU", 5), ("NICU", 3), ("Burn", 2), ("Rehab", 1)]
        #expect(ShiftStaffingJob.summary(shifts).contains("181 shift rows with no patient count (empty) not checked ('ICU' 120, '5 East' 40, '4 West' 10, 'PICU' 5, 'NICU' 3 and 2 more units): the census of those shifts was not recorded."),
                "\(ShiftStaffingJob.summary(shifts))")
    }

    /// Round 3 of the review: a unit whose census rows went on for 90 days with patient_days
    /// empty (17,415 hours worked there meanwhile) was "Not planned, census stopped ... a closed
    /// unit needs no staff". Its census was left empty while staff worked on: said so, with the
    /// hours. A unit that closed and kept its empty rows (no hours since) is still closed.
    @Test func aCensusLeftEmptyIsNotAClosedUnit() throws {
        let west = Self.census { _ in 10 }
        let eastDays = west.texts("date")!.filter { $0 < "2025-10-01" }
        var census = Table([("date", .text(west.texts("date")! + eastDays)),
                            ("unit", .text(west.texts("unit")! + eastDays.map { _ in "5 East" })),
                            ("patient_days", .number(west.numbers("patient_days")! + eastDays.map { _ in 12 }))])
        census.unrecordedThrough = ["5 East": CalendarDay(year: 2025, month: 12, day: 31)!]
        let targets = Table([("unit", .text(["4 West", "5 East"])), ("job_code", .text(["RN", "RN"])), ("target_hppd", .number([6, 6])),
                             ("budgeted_fte", .number([10, 10])), ("hourly_rate", .number([50, 50]))])
        let westHours = Self.timekeeping { _ in 60 }
        let days = westHours.texts("date")!
        // 5 East's hours go on through December (written `5 EAST`: units match ignoring case).
        let both = Table([("date", .text(days + days)), ("unit", .text(days.map { _ in "4 West" } + days.map { _ in "5 EAST" })),
                          ("hours", .number(days.map { _ in 60 } + days.map { _ in 72 })),
                          ("pay_type", .text((days + days).map { _ in "REG" })), ("job_code", .text((days + days).map { _ in "RN" }))])
        let result = try Self.job(.week).run(timekeeping: both, census: census, targets: targets)
        #expect(result.stoppedUnits.map(\.unit) == ["5 East"] && result.stoppedUnitsLeftEmpty["5 East"] != nil, "\(result.stoppedUnits)")
        let note = StaffingJob.note(result)
        #expect(note.contains("Not planned, census left empty while staff worked on: 5 East (recorded to 2025-09-30, its rows go on with patient_days empty to 2025-12-31, 6,624 h worked since)"), "\(note)")
        #expect(!note.contains("a closed unit needs no staff"), "\(note)")
        // No hours since its last census day: closed, its empty rows aside.
        let closed = try Self.job(.week).run(timekeeping: westHours, census: census, targets: targets)
        #expect(closed.stoppedUnitsLeftEmpty.isEmpty && StaffingJob.note(closed).contains("Not planned, census stopped: 5 East (last 2025-W39); a closed unit needs no staff"))
    }
}
