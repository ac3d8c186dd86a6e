import Testing
import Tabular
@testable import Planning

/// The ratio minimum over the hours a unit is staffed (`StaffedHours`), and corrections that
/// take a nurse off duty (`StaffOnDuty`), worked by hand.
@Suite struct StaffedHoursTests {
    /// Monday 2026-03-30, the first day of 2026-W14.
    static let monday = CalendarDay(year: 2026, month: 3, day: 30)!

    /// An endoscopy recovery unit open Monday to Friday 07:00-17:00, 20 patients, 1:4 and
    /// 2.5 HPPD: 100 patient days x 2.5 = 250 h a week; the ratio needs 5 RNs x 10 h x 5
    /// days = 250 h, not below it. Counted 24 hours a day it was 5 x 24 x 5 = 600 h and the
    /// week was flagged below the ratio minimum while every shift check passed.
    @Test func theRatioMinimumCountsTheHoursTheShiftsStaff() throws {
        var builder = StaffedHours.Builder()
        for d in 0..<14 where Self.monday.adding(days: d).isoWeekday <= 5 {
            builder.add(unit: "endorecovery", day: Self.monday.adding(days: d), window: ShiftWindow(start: 7 * 60, end: 17 * 60))
        }
        let staffed = try #require(builder.units["endorecovery"])
        #expect(staffed.hoursByWeekday == [10, 10, 10, 10, 10, 0, 0])
        let target = StaffingPlanner.Target(targetHPPD: 2.5, budgetedFTE: 7, hourlyRate: 48, maxPatientsPerStaff: 4)
        let census = [20.0, 20, 20, 20, 20, 0, 0]
        let planner = StaffingPlanner()
        let byShifts = planner.plan(patientDays: 100, days: 7, wholeWeeks: true, target: target, dailyCensus: census,
                                    staffedHours: staffed.hours(from: Self.monday, count: 7))
        #expect(byShifts.requiredHours == 250)
        #expect(byShifts.ratioMinimumHours == 250)
        #expect(!byShifts.belowRatio)
        let roundTheClock = planner.plan(patientDays: 100, days: 7, wholeWeeks: true, target: target, dailyCensus: census)
        #expect(roundTheClock.ratioMinimumHours == 600)
        #expect(roundTheClock.belowRatio)
        // By day, the same: Monday's 20 patients need 5 x 10 = 50 h, Saturday none.
        let days = planner.plan(days: census.map { $0 }, from: Self.monday, target: target, staffed: staffed)
        #expect(days.map(\.ratioMinimumHours) == [50, 50, 50, 50, 50, 0, 0])
    }

    /// An infusion unit open Monday, Wednesday and Friday 08:00-20:00, 10 patients each open
    /// day (30 patient days a week) at 1:5 and 1.3 HPPD: 39 h planned against a ratio of
    /// 2 RNs x 12 h x 3 days = 72 h, below it. With no weekday shape (12 census days in 4
    /// weeks are too few) the week's 30 were spread over 7 days, 4.3 patients -> 1 RN x 12 h
    /// x 3 = 36 h, and 39 h passed. A weekend clinic (Saturday and Sunday 08:00-20:00, 20 a
    /// week) needs 2 x 12 x 2 = 48 h: its 26 h at 1.3 HPPD are below it (was 24 h, not below).
    @Test func theRatioMinimumSpreadsTheCensusOverTheOpenDays() {
        let planner = StaffingPlanner()
        let target = StaffingPlanner.Target(targetHPPD: 1.3, budgetedFTE: 25, hourlyRate: 48, maxPatientsPerStaff: 5)
        let mwf = planner.plan(patientDays: 30, days: 7, wholeWeeks: true, target: target, staffedHours: [12, 0, 12, 0, 12, 0, 0])
        #expect(mwf.requiredHours == 39)
        #expect(mwf.ratioMinimumHours == 72)
        #expect(mwf.belowRatio)
        let weekend = planner.plan(patientDays: 20, days: 7, wholeWeeks: true, target: target, staffedHours: [0, 0, 0, 0, 0, 12, 12])
        #expect(weekend.ratioMinimumHours == 48)
        #expect(weekend.belowRatio)
        // A unit staffed every day keeps the 7-day average: 140 a week at 1:5, 4 RNs x 24 x 7.
        let everyDay = planner.plan(patientDays: 140, days: 7, wholeWeeks: true, target: target, staffedHours: Array(repeating: 24, count: 7))
        #expect(everyDay.ratioMinimumHours == 672)
    }

    /// A day 07:00-19:00 and a night 19:00-07:00 staff 24 hours; a second shift inside the
    /// day's (a 07:00-15:00 8-hour shift beside it) adds none; a shifts file of three days
    /// gives its other weekdays the mean of those it shows (12 h), not a closed day.
    @Test func shiftsCountTheirClockTimeOnce() {
        var builder = StaffedHours.Builder()
        let day = ShiftWindow(start: 7 * 60, end: 19 * 60), night = ShiftWindow(start: 19 * 60, end: 7 * 60)
        for d in 0..<7 {
            builder.add(unit: "4w", day: Self.monday.adding(days: d), window: day)
            builder.add(unit: "4w", day: Self.monday.adding(days: d), window: night)
            builder.add(unit: "4w", day: Self.monday.adding(days: d), window: ShiftWindow(start: 7 * 60, end: 15 * 60))
        }
        for d in 0..<3 { builder.add(unit: "short", day: Self.monday.adding(days: d), window: day) }
        #expect(builder.units["4w"]?.hoursByWeekday == Array(repeating: 24, count: 7))
        #expect(builder.units["short"]?.hoursByWeekday == Array(repeating: 12, count: 7))
    }

    /// Two RNs on 07:00-19:00 and one sent home at 15:00 (a correction of -4 h from 15:00 to
    /// 19:00): 2 on duty to 15:00, 1 from then; the fewest over the day shift is 1, not 2.
    @Test func aCorrectionWithASpanTakesTheNurseOffDuty() {
        let start = 7 * 60, end = 19 * 60
        let duty = StaffOnDuty(starts: [start, start], ends: [end, end], offStarts: [15 * 60], offEnds: [end])
        #expect(duty.count(at: 14 * 60) == 2)
        #expect(duty.count(at: 15 * 60) == 1)
        #expect(duty.fewest(from: start, to: end) == 1)
        #expect(StaffOnDuty(starts: [start, start], ends: [end, end]).fewest(from: start, to: end) == 2)
    }
}
