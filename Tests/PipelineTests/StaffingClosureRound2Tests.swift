import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// Session 37's nurse manager review, round 2: zero census before a unit opened, a weekday
/// unit's closure beside its zero weekends, and overtime and agency at trend across a closure.
/// One unit, RN only, 6 hours per patient day, $48 an hour (`StaffingClosedStretchTests`).
@Suite struct StaffingClosureRound2Tests {
    typealias T = StaffingClosedStretchTests

    // MARK: Defect 1: zero census before a unit opens.

    /// 4W is listed with 0 from Monday 2025-10-06 (13 weeks), opens Monday 2026-01-05 at 20
    /// patients every day for 8 weeks to Sunday 2026-03-01, staff punching 120 hours a day
    /// from the opening; 20 budgeted FTE. The zeros learned as census planned 83.7 patient days
    /// a week (502 RN hours, 13.95 FTE: a 6 FTE surplus). Right: 140 a week, 840 h = 23.33 FTE
    /// at 36 h, fte_short, 840 - 720 = 120 premium hours (84 overtime, 10% of 840, and 36
    /// agency); the zeros named as the unit not yet open.
    @Test func zeroCensusBeforeAUnitOpensIsNotCensus() throws {
        let all = T.days(2025, 10, 6, count: 147)  // to Sunday 2026-03-01
        let opened = all.filter { $0 >= "2026-01-05" }
        let result = try T.job(.week, horizon: 4).run(timekeeping: T.timekeeping(opened) { _, _ in 120 },
                                                      census: T.census(all) { $0 >= "2026-01-05" ? 20 : 0 }, targets: T.targets(fte: 20))
        #expect(result.rows.count == 4)
        for row in result.rows {
            #expect(abs(row.censusForecast - 140) < 0.5, "\(row.period) \(row.censusForecast)")
            #expect(row.flags.contains("fte_short"), "\(row.flags)")
            #expect(abs(row.plan.overtimeHours - 84) < 0.5 && abs(row.plan.agencyHours - 36) < 0.5, "\(row.plan)")
        }
        #expect(result.censusBeforeOpening.map { "\($0.unit) \($0.days.lowerBound)...\($0.days.upperBound)" } == ["4W 2025-10-06...2026-01-04"])
        #expect(result.censusClosures.isEmpty)
        let note = StaffingJob.note(result)
        #expect(note.contains("read as the unit not yet open, not as census: its history starts at its first census: 4W 2025-10-06 to 2026-01-04 (91 days)"), "\(note)")
    }

    /// Zeros before the first census that span less than a week stay census (a unit empty on
    /// the export's first days); zeros at the end stay census (a unit that closed has 0); a
    /// unit with no census above zero is left as it is.
    @Test func onlyAWeekOfZerosBeforeTheFirstCensusIsAUnitNotYetOpen() {
        let days = (0..<60).map { CalendarDay(year: 2025, month: 9, day: 1)!.adding(days: $0) }
        func before(_ value: (Int) -> Double) -> ClosedRange<CalendarDay>? { CensusClosure.notYetOpen(days: days, census: (0..<60).map(value)) }
        #expect(before { $0 < 7 ? 0 : 20 } == days[0]...days[6])
        #expect(before { $0 < 6 ? 0 : 20 } == nil)
        #expect(before { $0 >= 50 ? 0 : 20 } == nil)
        #expect(before { _ in 0 } == nil)
    }

    // MARK: Defect 5: a weekday unit's zero weekends do not switch the closure rule off.

    /// PACU, open Monday to Friday at 20 patients, listed with 0 every Saturday and Sunday,
    /// 2025-10-06 to 2026-03-01, closed 2026-01-12 to 2026-02-01 (0 on every day); 16 budgeted
    /// FTE. Its weekend zeros (2 in 7 of its days) were over the one-in-ten share, so the
    /// closure was learned as census: 83.06 a week planned. Right, as with the weekends absent:
    /// 100 a week, 600 h = 16.67 FTE at 36 h, fte_short; the closure named 2026-01-12 to 02-01
    /// (its weekdays to Friday 01-30 and the weekend after them, before it reopened).
    @Test func aWeekdayUnitsZeroWeekendsKeepItsClosureAClosure() throws {
        let all = T.days(2025, 10, 6, count: 147)
        func weekday(_ day: String) -> Bool { T.calendar(day).isoWeekday <= 5 }
        let closed = "2026-01-12"..."2026-02-01"
        let census: (String) -> Double = { weekday($0) && !closed.contains($0) ? 20 : 0 }
        let worked = all.filter { census($0) > 0 }
        let result = try T.job(.week, horizon: 4).run(timekeeping: T.timekeeping(worked, unit: "PACU") { _, _ in 120 },
                                                      census: T.census(all, unit: "PACU", census), targets: T.targets(unit: "PACU", fte: 16))
        #expect(result.rows.count == 4)
        for row in result.rows {
            #expect(abs(row.censusForecast - 100) < 0.5, "\(row.period) \(row.censusForecast)")
            #expect(row.flags.contains("fte_short"), "\(row.flags)")
        }
        #expect(result.censusClosures.map { "\($0.unit) \($0.days.lowerBound)...\($0.days.upperBound)" } == ["PACU 2026-01-12...2026-02-01"])
    }

    /// Over open weekdays: with 0 every Saturday and Sunday (Monday 2025-09-01 on), weekdays
    /// 0 from Monday day 49 to Thursday day 59 are a closure (11 calendar days; to Friday day 60,
    /// it runs on to Sunday day 62); Monday to
    /// Friday alone (5 days) is not a week. A unit with census on every weekday in two weeks of
    /// three keeps them all as open days, and its zeros (a weekend in one week of three, a
    /// Wednesday in another: 15 of 107 other days, over one in ten) keep the rule off.
    @Test func theClosureShareCountsOpenWeekdaysOnly() {
        let days = (0..<120).map { CalendarDay(year: 2025, month: 9, day: 1)!.adding(days: $0) }
        func runs(_ value: (Int) -> Double) -> [ClosedRange<CalendarDay>] { CensusClosure.runs(days: days, census: (0..<120).map(value)) }
        #expect(runs { $0 % 7 >= 5 || (49..<60).contains($0) ? 0 : 20 } == [days[49]...days[59]])
        // Ending on a Friday, it runs on over the weekend's zeros after it.
        #expect(runs { $0 % 7 >= 5 || (49..<61).contains($0) ? 0 : 20 } == [days[49]...days[62]])
        #expect(runs { $0 % 7 >= 5 || (49..<54).contains($0) ? 0 : 20 }.isEmpty)
        #expect(runs { ($0 % 7 >= 5 && ($0 / 7) % 3 == 0) || ($0 % 7 == 2 && ($0 / 7) % 3 == 1) || (49..<60).contains($0) ? 0 : 20 }.isEmpty)
    }

    // MARK: Defect 4: overtime and agency at trend leave a closed unit's weeks out.

    /// 5E, 20 patients a day, 2026-01-05 to 2026-03-29, every open day 72 regular, 24 overtime
    /// and 12 agency hours (168 and 84 a week); closed 2026-02-02 to 02-22 (3 whole ISO weeks):
    /// census 0 on those days, or no rows, and no timekeeping. 13 weeks at trend are 2,184
    /// overtime and 1,092 agency hours, as without the closure; the closed weeks learned as
    /// weeks of no premium pay gave 1,648 and 824.
    @Test func premiumHoursAtTrendLeaveAClosedUnitsWeeksOut() throws {
        let all = T.days(2026, 1, 5, count: 84)
        let closed = "2026-02-02"..."2026-02-22"
        let open = all.filter { !closed.contains($0) }
        let hours: [String: Double] = ["REG": 72, "OT": 24, "AGENCY": 12]
        let timekeeping = T.timekeeping(open, payTypes: ["REG", "OT", "AGENCY"]) { hours[$1]! }
        for census in [T.census(all) { closed.contains($0) ? 0 : 20 }, T.census(open) { _ in 20 }] {
            let result = try T.job(.week, horizon: 13).run(timekeeping: timekeeping, census: census, targets: T.targets())
            let unit = try #require(result.units.first)
            #expect(abs(unit.projectedOvertime - 2_184) < 0.5, "\(unit.projectedOvertime)")
            #expect(abs(unit.projectedAgency - 1_092) < 0.5, "\(unit.projectedAgency)")
        }
    }

    /// The periods left out: no census recorded and no hours worked, both.
    @Test func aClosedPeriodHasNeitherCensusNorHours() {
        let census: [Double] = [140, .nan, .nan, 140, .nan]
        #expect(ClosedPeriods.of(censusFrom: 10, census, hoursWorked: [10: 800, 12: 40, 13: 800], in: 10...15) == [11, 14, 15])
    }
}
