import Foundation
import Testing
@testable import Pipeline
import Tabular

/// Timekeeping of pay-period totals (`StaffingJob.timekeepingByDay`): one row a unit every
/// other Sunday, the hours of the two ISO weeks ending on it.
@Suite struct StaffingPayPeriodTimekeepingTests {
    /// 4 West worked 100 hours every day for 26 weeks from Monday 6 January 2025: as 13 pay
    /// periods, 1,400 hours a row dated on every other Sunday (19 January to 6 July). Spread
    /// over their 14 days, hours per patient day are those of the daily export, with no gap
    /// named. Read as single days before the fix, every day but one in fourteen was timekeeping
    /// missing: the recent weeks were left out as not covered and named as such.
    @Test func payPeriodHoursAreReadOverTheirFourteenDays() throws {
        let tests = StaffingJobTests()
        let targets = tests.targets([("4 West", "RN")])
        let daily = try tests.job().run(timekeeping: tests.timekeeping(), census: tests.census(["4 West"]), targets: targets)
        let sundays = stride(from: 13, to: 26 * 7, by: 14).map { StaffingJobTests.days[$0] }
        let payPeriods = Table([("date", .text(sundays)), ("unit", .text(sundays.map { _ in "4 West" })),
                                ("hours", .number(sundays.map { _ in 1400 })), ("pay_type", .text(sundays.map { _ in "REG" }))])
        let result = try tests.job().run(timekeeping: payPeriods, census: tests.census(["4 West"]), targets: targets)
        let hppd = try #require(result.units.first?.recentHPPD), expected = try #require(daily.units.first?.recentHPPD)
        #expect(abs(hppd - expected) < 1e-9 * expected, "\(hppd) vs \(expected)")
        #expect(result.timekeepingGaps == nil, "\(result.timekeepingGaps ?? "")")
        #expect(result.timekeepingTotals?.hasPrefix("timekeeping rows are two-week totals (one date every two weeks, on one weekday, 2025-01-19 to 2025-07-06") == true,
                "\(result.timekeepingTotals ?? "nil")")
        #expect(StaffingJob.note(result).contains("Timekeeping rows are two-week totals"))
        #expect(daily.timekeepingTotals == nil)
    }
}
