import Testing
@testable import Planning
import Tabular

@Suite struct StaffingPlannerTests {
    @Test func hoursFTEAndCostByHand() {
        let planner = StaffingPlanner()
        // A 28-day period, four weeks of 40 paid hours: one FTE gives 2,080 x 0.9 x 4 / 52 = 144
        // productive hours.
        let perFTE = 144.0
        #expect(abs(planner.productiveHoursPerFTE(days: 28) - perFTE) < 1e-9)
        // 560 patient days at 8 HPPD = 4,480 hours = 31.11 FTE; 28 budgeted FTE cover 4,032 hours.
        let target = StaffingPlanner.Target(targetHPPD: 8, budgetedFTE: 28, hourlyRate: 50, overtimeMultiplier: 1.5, agencyRate: 110)
        let p = planner.plan(patientDays: 560, days: 28, target: target)
        #expect(p.requiredHours == 4_480)
        #expect(abs(p.fteRequired - 4_480 / perFTE) < 1e-9)
        #expect(abs(p.fteGap - (4_480 / perFTE - 28)) < 1e-9)
        // Shortfall 448 h: overtime up to 10% of 4,480 = 448 h covers it, agency 0.
        let shortfall = 4_480 - 28 * perFTE
        #expect(abs(p.overtimeHours - 448) < 1e-9)
        #expect(abs(p.agencyHours - (shortfall - 448)) < 1e-9)
        #expect(abs(p.regularHours - 28 * perFTE) < 1e-9)
        // Payroll: 28 FTE paid 160 hours (four weeks of 40), and the overtime and agency.
        #expect(abs(p.laborCost - (28 * 160 * 50 + 448 * 75 + (shortfall - 448) * 110)) < 1e-6)
        #expect(abs(p.premiumCost - (448 * 25 + (shortfall - 448) * 60)) < 1e-6)
    }

    /// A week is 40 paid hours, 36 productive (README: FTE = hours / (2,080 x 0.9 per year),
    /// 2,080 = 52 x 40): 1,120 hours are 31.11 FTE. A month takes its share of the calendar year.
    @Test func aWeekOfFortyHoursMakesAnFTE() {
        let planner = StaffingPlanner()
        #expect(abs(planner.productiveHoursPerFTE(days: 7) - 36) < 1e-9)
        #expect(abs(planner.productiveHoursPerFTE(days: 14) - 72) < 1e-9)
        #expect(abs(planner.plan(patientDays: 140, days: 7, target: .init(targetHPPD: 8)).fteRequired - 1_120 / 36.0) < 1e-9)
        #expect(abs(planner.productiveHoursPerFTE(days: 31) - 2_080 * 0.9 * 31 / 365.2425) < 1e-9)
        // A 28-day February planned by month takes its share of the calendar year, like the
        // other months, not four weeks of 36 hours.
        #expect(abs(planner.productiveHoursPerFTE(days: 28, wholeWeeks: false) - 2_080 * 0.9 * 28 / 365.2425) < 1e-9)
    }

    /// Blank budgeted FTE or hourly rate: unknown, not zero. No budget leaves the gap and the
    /// overtime and agency split unknown (read as 0 FTE, every hour went to overtime and agency);
    /// no rate leaves the cost unknown (it was 0).
    @Test func blankBudgetsAndRatesAreUnknownNotZero() {
        let noBudget = StaffingPlanner().plan(patientDays: 140, days: 7, target: .init(targetHPPD: 8, hourlyRate: 50))
        #expect(noBudget.requiredHours == 1_120 && noBudget.fteGap.isNaN && noBudget.overtimeHours.isNaN && noBudget.agencyHours.isNaN)
        #expect(noBudget.laborCost.isNaN)
        let noRate = StaffingPlanner().plan(patientDays: 140, days: 7, target: .init(targetHPPD: 8, budgetedFTE: 40))
        #expect(noRate.overtimeHours == 0 && noRate.agencyHours == 0 && noRate.laborCost.isNaN && noRate.premiumCost.isNaN)
    }

    @Test func noOvertimeWhenBudgetedStaffCover() {
        let p = StaffingPlanner().plan(patientDays: 100, days: 7, target: .init(targetHPPD: 5, budgetedFTE: 40, hourlyRate: 40))
        #expect(p.overtimeHours == 0 && p.agencyHours == 0)
        #expect(p.regularHours == 500)
        // 500 hours needed, but 40 FTE in post are paid 40 hours a week each.
        #expect(abs(p.laborCost - 64_000) < 1e-6 && p.premiumCost == 0)
        #expect(p.fteGap < 0)
    }

    @Test func ratioMinimum() {
        // ICU at 1:2 with an average census of 9: 5 RNs on every shift, 120 hours a day.
        // 7 days x 9 patients at HPPD 12 = 756 hours < 7 x 120 = 840: below the ratio.
        let target = StaffingPlanner.Target(targetHPPD: 12, maxPatientsPerStaff: 2)
        let p = StaffingPlanner().plan(patientDays: 63, days: 7, target: target)
        #expect(p.ratioMinimumHours == 840)
        #expect(p.belowRatio)
        // At HPPD 14: 882 hours, above the ratio minimum.
        #expect(!StaffingPlanner().plan(patientDays: 63, days: 7, target: .init(targetHPPD: 14, maxPatientsPerStaff: 2)).belowRatio)
    }

    /// A nurse manager's review: 24 patients on weekdays and 10 at weekends at 1:5 need 5 RNs
    /// a shift on weekdays and 2 at weekends, 696 hours a week; the week's average day (20)
    /// needs 4, 672 hours, which a target of 4.8 hours per patient day (672) passed.
    @Test func ratioMinimumDayByDay() {
        let monday = CalendarDay(year: 2026, month: 3, day: 2)!
        var recent: [CalendarDay: Double] = [:]
        for k in 0..<56 { recent[monday.adding(days: k)] = k % 7 < 5 ? 24 : 10 }
        let shape = try! #require(CensusWeekdayShape(days: recent))
        #expect(shape.perWeekday == [24, 24, 24, 24, 24, 10, 10])
        let week = (56..<63).map { monday.adding(days: $0) }
        let daily = shape.census(on: week, perDay: 140.0 / 7)
        #expect(daily.map { ($0 * 1e9).rounded() / 1e9 } == [24, 24, 24, 24, 24, 10, 10])
        let target = StaffingPlanner.Target(targetHPPD: 4.8, maxPatientsPerStaff: 5)
        let plan = StaffingPlanner().plan(patientDays: 140, days: 7, target: target, dailyCensus: daily)
        #expect(plan.ratioMinimumHours == 696 && plan.belowRatio)
        #expect(StaffingPlanner().plan(patientDays: 140, days: 7, target: target).ratioMinimumHours == 672)
        // A forecast 10% busier keeps the shape: 26.4 and 11 a day.
        #expect(abs(shape.census(on: week, perDay: 154.0 / 7)[0] - 26.4) < 1e-9)
        // A month starting on a Saturday spreads its census by the same weekdays.
        let month = (0..<31).map { CalendarDay(year: 2026, month: 8, day: 1)!.adding(days: $0) }
        let august = shape.census(on: month, perDay: 20)
        #expect(abs(august.reduce(0, +) - 620) < 1e-9 && august[0] < august[2])
        // Weekly or monthly totals (one row a period) have no weekdays to read.
        #expect(CensusWeekdayShape(days: [monday: 700, monday.adding(days: 7): 700]) == nil)
        #expect(CensusWeekdayShape(days: Dictionary(uniqueKeysWithValues: (0..<8).map { (monday.adding(days: 7 * $0 + $0 % 3), 140.0) })) == nil)
    }
}

/// A plan by day takes its FTEs and premium hours from the day's week (a staffing review's
/// case): day by day against a seventh of the budgeted week, 24 patients on weekdays and 10 at
/// weekends had 96 overtime and 95 agency hours a week, where the week plan had 40 and none.
@Suite struct StaffingPlanByDayTests {
    @Test func theDaysOfAWeekAddUpToTheWeeksPlan() {
        let planner = StaffingPlanner()
        let target = StaffingPlanner.Target(targetHPPD: 8, budgetedFTE: 30, hourlyRate: 50)
        let monday = CalendarDay(year: 2026, month: 4, day: 13)!
        let census: [Double] = [24, 24, 24, 24, 24, 10, 10]
        let days = planner.plan(days: census, from: monday, target: target)
        let week = planner.plan(patientDays: 140, days: 7, wholeWeeks: true, target: target)
        // By hand: 1,120 h needed, 30 x 36 = 1,080 h in post, 40 h short, all within 10% overtime;
        // payroll 30 x 40 h x $50 and 40 h at $75.
        #expect(abs(week.overtimeHours - 40) < 1e-9 && week.agencyHours == 0 && abs(week.laborCost - 63_000) < 1e-6)
        #expect(abs(days.reduce(0) { $0 + $1.overtimeHours } - week.overtimeHours) < 1e-9)
        #expect(days.allSatisfy { $0.agencyHours == 0 && abs($0.fteRequired - week.fteRequired) < 1e-9 })
        #expect(abs(days.reduce(0) { $0 + $1.laborCost } - week.laborCost) < 1e-6)
        // The weekdays carry the overtime, 8 h each; the weekend none.
        #expect(days.prefix(5).allSatisfy { abs($0.overtimeHours - 8) < 1e-9 } && days.suffix(2).allSatisfy { $0.overtimeHours == 0 })
        // A plan starting on a Thursday pools Thursday to Sunday, then the next week.
        let late = planner.plan(days: Array(census.suffix(4)) + census, from: monday.adding(days: 3), target: target)
        #expect(late.count == 11 && abs(late.suffix(7).reduce(0) { $0 + $1.overtimeHours } - 40) < 1e-9)
    }

    /// A plan that ends inside a week costs its days with the rest of that week, read from the
    /// same weekdays planned a week before (a staffing review's case): 24 patients on weekdays
    /// and 18 at weekends at 6 HPPD, 25 FTEs: the week is 156 patient days, 936 h = 26 FTE,
    /// 900 h in post, 36 overtime hours (7.2 each weekday), no agency. Planned for 11 days from
    /// a Monday, the second week's Monday to Thursday were 576 h against four sevenths of the
    /// budget (514.3 h): 28.1 FTE, 57.6 overtime and 5.9 agency hours. Now 26 FTE and 4 x 7.2 =
    /// 28.8 overtime hours; for 13 days (to Saturday), 26 FTE and the week's 36.
    @Test func aPartialLastWeekIsCostedWithTheRestOfItsWeek() {
        let planner = StaffingPlanner()
        let target = StaffingPlanner.Target(targetHPPD: 6, budgetedFTE: 25, hourlyRate: 48)
        let monday = CalendarDay(year: 2026, month: 3, day: 30)!
        let week: [Double] = [24, 24, 24, 24, 24, 18, 18]
        for horizon in [11, 13] {
            let days = planner.plan(days: Array((week + week).prefix(horizon)), from: monday, target: target)
            let partial = days.suffix(horizon - 7)
            #expect(days.allSatisfy { abs($0.fteRequired - 26) < 1e-9 && $0.agencyHours == 0 })
            #expect(partial.allSatisfy { $0.patientDays == 24 ? abs($0.overtimeHours - 7.2) < 1e-9 : $0.overtimeHours == 0 })
            #expect(abs(partial.reduce(0) { $0 + $1.overtimeHours } - (horizon == 11 ? 28.8 : 36)) < 1e-9)
        }
    }
}
