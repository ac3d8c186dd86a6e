import Testing
import Tabular
@testable import Planning

/// Staff on duty per shift, ratio checks, the grid, pay periods and productivity, by hand.
@Suite struct ShiftStaffingTests {
    static let day = CalendarDay(year: 2026, month: 3, day: 2)!
    /// Minutes since the epoch of `hour:minute` on `day` plus `days`.
    static func at(_ hour: Int, _ minute: Int = 0, plus days: Int = 0) -> Int {
        (Int(day.daysSinceEpoch) + days) * 1_440 + hour * 60 + minute
    }

    @Test func aNightShiftCrossesMidnight() {
        let night = ShiftWindow(start: 19 * 60, end: 7 * 60)
        #expect(night.crossesMidnight && night.minutes == 720)
        let interval = night.interval(on: Self.day)
        #expect(interval.start == Self.at(19) && interval.end == Self.at(7, plus: 1))
        #expect(ShiftWindow.standard(named: " Night ") == night)
        #expect(ShiftWindow.standard(named: "evening") == nil)
        // Ending at its start, a shift ends the next day: 07:00 to 07:00 is 24 hours (the
        // staffing review's shift, once a rejected row).
        let whole = ShiftWindow(start: 7 * 60, end: 7 * 60)
        #expect(whole.crossesMidnight && whole.minutes == 1_440 && whole.interval(on: Self.day) == (Self.at(7), Self.at(7, plus: 1)))
    }

    @Test func staffOnDutyIsTheFewestAtAnyMomentOfTheShift() {
        // Night 19:00-07:00: three nurses the whole night, a fourth 19:00-03:00 only.
        let starts = [Self.at(19), Self.at(19), Self.at(19), Self.at(19)]
        let ends = [Self.at(7, plus: 1), Self.at(7, plus: 1), Self.at(7, plus: 1), Self.at(3, plus: 1)]
        let duty = StaffOnDuty(starts: starts, ends: ends)
        let night = ShiftWindow(start: 19 * 60, end: 7 * 60).interval(on: Self.day)
        #expect(duty.count(at: Self.at(23)) == 4)
        #expect(duty.count(at: Self.at(3, plus: 1)) == 3)
        #expect(duty.fewest(from: night.start, to: night.end) == 3)
        // 19:00-03:00 alone: 4 throughout.
        #expect(duty.fewest(from: night.start, to: Self.at(3, plus: 1)) == 4)
        // The next day shift (07:00-19:00 on day + 1): nobody.
        #expect(duty.fewest(from: Self.at(7, plus: 1), to: Self.at(19, plus: 1)) == 0)
    }

    @Test func aHandoverAtTheSameMinuteIsNoGapButALateArrivalIs() {
        // Day nurse leaves at 19:00 as the night nurse arrives: one on duty at every minute.
        let handover = StaffOnDuty(starts: [Self.at(7), Self.at(19)], ends: [Self.at(19), Self.at(7, plus: 1)])
        #expect(handover.fewest(from: Self.at(7), to: Self.at(7, plus: 1)) == 1)
        // Arriving at 19:30 leaves the first half hour of the night with nobody.
        let late = StaffOnDuty(starts: [Self.at(7), Self.at(19, 30)], ends: [Self.at(19), Self.at(7, plus: 1)])
        #expect(late.fewest(from: Self.at(19), to: Self.at(7, plus: 1)) == 0)
        #expect(late.fewest(from: Self.at(19, 30), to: Self.at(7, plus: 1)) == 1)
    }

    @Test func ratioAndGridByHand() {
        // 20 patients, 3 RNs: 6.67 per RN against a limit of 5.
        let short = ShiftRatio(patients: 20, staffOnDuty: 3, maxPatientsPerStaff: 5)
        #expect(abs(short.patientsPerStaff! - 20.0 / 3) < 1e-12 && !short.isCompliant)
        #expect(ShiftRatio(patients: 20, staffOnDuty: 4, maxPatientsPerStaff: 5).isCompliant)
        #expect(ShiftRatio(patients: 3, staffOnDuty: 0, maxPatientsPerStaff: 5).patientsPerStaff == nil)
        #expect(ShiftRatio(patients: 0, staffOnDuty: 0, maxPatientsPerStaff: 5).isCompliant)
        // ceil(20 / 5) = 4, ceil(21 / 5) = 5, ceil(7 / 2) = 4 (ICU 1:2).
        #expect(ShiftRatio.staffRequired(patients: 20, maxPatientsPerStaff: 5) == 4)
        #expect(ShiftRatio.staffRequired(patients: 21, maxPatientsPerStaff: 5) == 5)
        #expect(ShiftRatio.staffRequired(patients: 7, maxPatientsPerStaff: 2) == 4)
        var grid = StaffingGrid()
        for patients in [20.0, 21, 20] { grid.add(unit: "4W", jobCode: "RN", shift: "night", patients: patients, maxPatientsPerStaff: 5) }
        #expect(grid.sorted.map(\.staffRequired) == [4, 5])
    }

    @Test func payPeriodsCountFourteenDaysBothWaysFromTheAnchor() {
        let periods = PayPeriod(anchor: CalendarDay(year: 2026, month: 1, day: 4)!)
        #expect(periods.index(of: CalendarDay(year: 2026, month: 1, day: 4)!) == 0)
        #expect(periods.index(of: CalendarDay(year: 2026, month: 1, day: 17)!) == 0)
        #expect(periods.index(of: CalendarDay(year: 2026, month: 1, day: 18)!) == 1)
        #expect(periods.index(of: CalendarDay(year: 2026, month: 1, day: 3)!) == -1)
        #expect(periods.index(of: CalendarDay(year: 2025, month: 12, day: 21)!) == -1)
        #expect(periods.index(of: CalendarDay(year: 2025, month: 12, day: 20)!) == -2)
        #expect(periods.lastDay(of: -1) == CalendarDay(year: 2026, month: 1, day: 3)!)
    }

    @Test func productivityByHand() {
        // 1,000 regular + 100 overtime + 50 agency worked, 60 vacation; target 1,092.5 hours.
        var p = Productivity()
        p.add(hours: 1_000, as: .regular)
        p.add(hours: 100, as: .overtime)
        p.add(hours: 50, as: .agency)
        p.add(hours: 60, as: .nonProductive)
        p.targetHours = 1_092.5
        #expect(p.workedHours == 1_150)
        // 100 x 1,092.5 / 1,150 = 95; overtime 100 / 1,150; non-productive 60 / 1,210 paid.
        #expect(abs(p.index! - 95) < 1e-9)
        #expect(abs(p.overtimeShare! - 100.0 / 1_150) < 1e-12 && abs(p.agencyShare! - 50.0 / 1_150) < 1e-12)
        #expect(abs(p.nonProductiveShare! - 60.0 / 1_210) < 1e-12)
        #expect(Productivity().index == nil)
    }
}

/// A shift's weekdays ahead (`ShiftWeekdays`): a day surgery open Monday to Friday, 10
/// patients a shift and 2 RNs at most 4 patients each; spread over seven days its week of 50
/// was 7.1 patients a shift, 2 RNs enough.
@Suite struct ShiftWeekdaysTests {
    @Test func eachWeekdayKeepsItsPatientsAndSchedule() {
        var weekdays = ShiftWeekdays()
        let monday = CalendarDay(year: 2026, month: 1, day: 5)!
        for k in 0..<28 where k % 7 < 5 { weekdays.add(day: monday.adding(days: k), patients: 10, staffOnDuty: k % 7 == 0 ? 3 : 2) }
        let week = (28..<35).map { monday.adding(days: $0) }
        let days = weekdays.days(week, level: 1, maxPatientsPerStaff: 4)
        // The weekend is closed: no day. Monday has 3 on, the other weekdays 2 against 3 needed.
        #expect(days.count == 5 && days.allSatisfy { $0.patients == 10 && $0.staffRequired == 3 })
        #expect(days.filter { $0.shortBy > 0 }.map(\.day) == Array(week[1..<5]))
        #expect(ShiftWeekdays.worst(days)?.day == week[1])
        // A period 20% busier than the recent weeks: 12 patients, still 3 needed.
        #expect(weekdays.days(week, level: 1.2, maxPatientsPerStaff: 4).allSatisfy { abs($0.patients - 12) < 1e-9 && $0.staffRequired == 3 })
        // With none short, the busiest day (the earliest of equals).
        #expect(ShiftWeekdays.worst(weekdays.days(week, level: 0.5, maxPatientsPerStaff: 4))?.day == week[0])
    }

    /// The review's nights: 16 patients and 4 RNs at 1:4, a census forecast 0.1% above the
    /// recent weeks. 16.02 expected patients are 16 on the shift: 4 RNs, not 5; 16.5 are 17.
    @Test func theRatioCountsWholePatients() {
        var weekdays = ShiftWeekdays()
        let monday = CalendarDay(year: 2026, month: 1, day: 5)!
        for k in 0..<28 { weekdays.add(day: monday.adding(days: k), patients: 16, staffOnDuty: 4) }
        let week = (28..<35).map { monday.adding(days: $0) }
        let nights = weekdays.days(week, level: 1.001, maxPatientsPerStaff: 4)
        #expect(nights.count == 7 && nights.allSatisfy { abs($0.patients - 16.016) < 1e-9 && $0.staffRequired == 4 && $0.shortBy == 0 })
        #expect(weekdays.days(week, level: 16.5 / 16, maxPatientsPerStaff: 4).allSatisfy { $0.staffRequired == 5 })
        // One patient every fourth night: 0.25 expected still needs someone on duty.
        #expect(weekdays.days(week, level: 0.25 / 16, maxPatientsPerStaff: 4).allSatisfy { $0.staffRequired == 1 })
        #expect(weekdays.days(week, level: 0, maxPatientsPerStaff: 4).allSatisfy { $0.staffRequired == 0 })
    }

    /// A nurse manager's review: 25 patients one week and 26 the next at 1:5, staffed to ratio
    /// on every shift (5 RNs, then 6). The forecast of 25.5 needs 6; the unit put 6 on at that
    /// workload, so no day is short (against the weekday's median of 5 every day was). A unit
    /// that kept 5 on at 26 patients is short by one; at a workload not seen lately the weekday's
    /// median is today's schedule.
    @Test func theScheduleIsTheStaffAtTheSameWorkload() {
        let monday = CalendarDay(year: 2026, month: 1, day: 5)!
        var flexing = ShiftWeekdays(), fixed = ShiftWeekdays()
        for k in 0..<28 {
            let patients = (k / 7) % 2 == 0 ? 25.0 : 26.0
            flexing.add(day: monday.adding(days: k), patients: patients, staffOnDuty: patients == 25 ? 5 : 6)
            fixed.add(day: monday.adding(days: k), patients: patients, staffOnDuty: 5)
        }
        let week = (28..<35).map { monday.adding(days: $0) }
        let forecast = flexing.days(week, level: 25.51 / 25.5, maxPatientsPerStaff: 5)
        #expect(forecast.count == 7 && forecast.allSatisfy { $0.staffRequired == 6 && $0.staffScheduled == 6 && $0.shortBy == 0 })
        #expect(fixed.days(week, level: 25.51 / 25.5, maxPatientsPerStaff: 5).allSatisfy { $0.staffScheduled == 5 && $0.shortBy == 1 })
        // 35 patients, never seen: the weekday's median (5), short by 2.
        #expect(flexing.days(week, level: 35 / 25.5, maxPatientsPerStaff: 5).allSatisfy { $0.staffRequired == 7 && $0.staffScheduled == 5 && $0.shortBy == 2 })
        // Only Mondays reached 26: another weekday at 26 takes the Mondays' staff.
        var mondays = ShiftWeekdays()
        for k in 0..<28 { mondays.add(day: monday.adding(days: k), patients: k % 7 == 0 ? 26 : 24, staffOnDuty: k % 7 == 0 ? 6 : 5) }
        #expect(mondays.days([week[1]], level: 26 / 24.0, maxPatientsPerStaff: 5).first?.staffScheduled == 6)
    }
}

/// A census counted at times through the day (`CensusSnapshots`): rows of one unit, day and
/// time add up; a day's times are averaged.
@Suite struct CensusSnapshotsTests {
    @Test func rowsAddAtATimeAndTimesAverage() {
        let day = CalendarDay(year: 2026, month: 1, day: 5)!, next = day.adding(days: 1)
        // Day 1: 00:00 (12 + 8) and 12:00 (22): (20 + 22) / 2 = 21. Day 2: two rows at 00:05.
        let (weights, averaged) = CensusSnapshots.weights(units: ["4W", "4W", "4W", "4W", "4W"], days: [day, day, day, next, next],
                                                          minutes: [0, 0, 720, 5, 5])
        #expect(weights == [0.5, 0.5, 0.5, 1, 1] && averaged == 1)
        let values = [12.0, 8, 22]
        #expect(zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } == 21)
    }
}
