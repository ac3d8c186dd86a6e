import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// Session 39's staffing review: a daily plan measured over 4 days, and a census missing the
/// days a unit's timekeeping shows it worked. Tables built in memory, one unit (4W), RN only,
/// 6 hours per patient day (`StaffingClosedStretchTests`' helpers).
@Suite struct StaffingWeekdayMixTests {
    typealias Fixture = StaffingClosedStretchTests

    /// 4 West: 24 patients on weekdays and 14 at weekends; 115 regular hours a day and 24
    /// agency hours each weekend day, the same every week: (805 + 48) / 148 = 5.76 hours per
    /// patient day (at least 95% of 6), 5.6% agency, neither flag. `count` days from Monday
    /// 2026-01-19.
    static func unit(days count: Int, frequency: Frequency) throws -> StaffingJob.UnitSummary {
        let days = Fixture.days(2026, 1, 19, count: count)
        let index = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        func weekend(_ day: String) -> Bool { index[day]! % 7 >= 5 }
        let census = Fixture.census(days) { weekend($0) ? 14 : 24 }
        let timekeeping = Fixture.timekeeping(days, payTypes: ["REG", "AGY"]) { day, pay in pay == "REG" ? 115 : weekend(day) ? 24 : 0 }
        let result = try Fixture.job(frequency, horizon: frequency == .day ? 7 : 2).run(timekeeping: timekeeping, census: census, targets: Fixture.targets())
        return try #require(result.units.first)
    }

    /// Finding 6: with --frequency day the recent window was 4 days, Thursday to Sunday
    /// (6.68, "rising_overtime_agency") or Sunday to Wednesday (5.63, "below_target_hppd"),
    /// the flags flipping with the weekday the export ends on. Whole weeks (28 days) read the
    /// week's 5.76 whichever day it ends, as the weekly plan does.
    @Test(arguments: [56, 52]) func aDailyPlanMeasuresWholeWeeks(_ count: Int) throws {
        let day = try Self.unit(days: count, frequency: .day)
        #expect(abs((day.recentHPPD ?? 0) - 853.0 / 148) < 0.005, "\(String(describing: day.recentHPPD))")
        #expect(!day.flags.contains("rising_overtime_agency") && !day.flags.contains("below_target_hppd"), "\(day.flags)")
        #expect(abs((day.recentPremiumShare ?? 0) - 48.0 / 853) < 0.001, "\(String(describing: day.recentPremiumShare))")
    }

    /// Weekly and monthly plans keep their window (a quarter of a season, at least 4).
    @Test func weeklyAndMonthlyWindowsAreUnchanged() throws {
        #expect(RecentWindow.periods(of: .week, season: Frequency.week.defaultSeasonLength) == 13)
        #expect(RecentWindow.periods(of: .month, season: Frequency.month.defaultSeasonLength) == 4)
        #expect(RecentWindow.periods(of: .day, season: Frequency.day.defaultSeasonLength) == 28)
        let week = try Self.unit(days: 56, frequency: .week)
        #expect(abs((week.recentHPPD ?? 0) - 853.0 / 148) < 0.005)
    }

    /// Finding 3: a census of 20 patients a day run on business days (no weekend rows), while
    /// the timekeeping has 105 hours worked every day: planned as a Monday-to-Friday unit,
    /// hours per patient day 7.35 (seven days' hours over five days' census), with no note.
    /// The census's weekdays stay the contract (a clinic shut at weekends), but hours worked
    /// on days it reads as closed are named, in the report and the summary; a Monday-only
    /// snapshot census too. A weekday clinic without weekend hours gets no such note.
    @Test func weekdaysTheCensusReadsAsClosedButStaffWorkedAreNamed() throws {
        let days = Fixture.days(2026, 1, 5, count: 12 * 7)
        let index = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        let weekdays = days.filter { index[$0]! % 7 < 5 }, mondays = days.filter { index[$0]! % 7 == 0 }
        let everyDay = Fixture.timekeeping(days) { _, _ in 105 }
        let weekdayHours = Fixture.timekeeping(weekdays) { _, _ in 105 }
        func run(_ censusDays: [String], _ timekeeping: Table) throws -> (note: String, report: String) {
            let result = try Fixture.job(.week, horizon: 3).run(timekeeping: timekeeping, census: Fixture.census(censusDays) { _ in 20 }, targets: Fixture.targets())
            return (StaffingJob.note(result), StaffingJob.report(result).markdown(figurePrefix: "staffing_plan"))
        }
        let businessDays = try run(weekdays, everyDay)
        for text in [businessDays.note, businessDays.report] {
            #expect(text.contains("read as closed where staff worked: 4W: the census records patients Monday to Friday only, so the plan reads Saturday and Sunday as closed, but the unit's timekeeping has 2520 h worked on those days (29% of its hours)"), "\(text.prefix(3000))")
        }
        let snapshot = try run(mondays, everyDay)
        #expect(snapshot.note.contains("the census records patients Monday only, so the plan reads Tuesday to Sunday as closed"), "\(snapshot.note)")
        let clinic = try run(weekdays, weekdayHours), sevenDays = try run(days, everyDay)
        #expect(!clinic.note.contains("read as closed where staff worked") && !sevenDays.note.contains("read as closed where staff worked"), "\(clinic.note)")
    }
}
