import Testing
@testable import Planning

@Suite struct StaffingPlannerTests {
    @Test func hoursFTEAndCostByHand() {
        let planner = StaffingPlanner()
        // A 28-day period: one FTE gives 2,080 x 0.9 x 28 / 365.2425 = 143.52 productive hours.
        let perFTE = 2_080 * 0.9 * 28 / 365.2425
        #expect(abs(planner.productiveHoursPerFTE(days: 28) - perFTE) < 1e-9)
        // 560 patient days at 8 HPPD = 4,480 hours = 31.22 FTE; 28 budgeted FTE cover 4,018.5 hours.
        let target = StaffingPlanner.Target(targetHPPD: 8, budgetedFTE: 28, hourlyRate: 50, overtimeMultiplier: 1.5, agencyRate: 110)
        let p = planner.plan(patientDays: 560, days: 28, target: target)
        #expect(p.requiredHours == 4_480)
        #expect(abs(p.fteRequired - 4_480 / perFTE) < 1e-9)
        #expect(abs(p.fteGap - (4_480 / perFTE - 28)) < 1e-9)
        // Shortfall 461.5 h: overtime up to 10% of 4,480 = 448 h, agency the remaining 13.5 h.
        let shortfall = 4_480 - 28 * perFTE
        #expect(abs(p.overtimeHours - 448) < 1e-9)
        #expect(abs(p.agencyHours - (shortfall - 448)) < 1e-9)
        #expect(abs(p.regularHours - 28 * perFTE) < 1e-9)
        #expect(abs(p.laborCost - (28 * perFTE * 50 + 448 * 75 + (shortfall - 448) * 110)) < 1e-6)
    }

    @Test func noOvertimeWhenBudgetedStaffCover() {
        let p = StaffingPlanner().plan(patientDays: 100, days: 7, target: .init(targetHPPD: 5, budgetedFTE: 40, hourlyRate: 40))
        #expect(p.overtimeHours == 0 && p.agencyHours == 0)
        #expect(p.regularHours == 500)
        #expect(p.laborCost == 20_000)
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
}
