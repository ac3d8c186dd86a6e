import Forecasting
import Testing
@testable import Planning

/// Issue 23, reorder items 3-6: each case failed on the planner before its fix.
@Suite struct ReorderDefectTests {
    func item(lead: Double, review: Double = 7, leadSD: Double = 0, cost: Double = 1) -> StockItem {
        var s = StockItem(item: "X")
        s.leadTimeDays = lead
        s.reviewPeriodDays = review
        s.leadTimeStandardDeviationDays = leadSD
        s.unitCost = cost
        s.serviceLevel = 0.95
        return s
    }

    func demand(_ d: Double, sd: Double, _ demandClass: DemandClass = .smooth, dispersion: Double = 1) -> DemandEstimate {
        DemandEstimate(dailyMean: d, dailyStandardDeviation: sd, demandClass: demandClass, dispersion: dispersion, historyDays: 400, daysSinceLastUse: 0)
    }

    /// Item 3: min/max gave min = max because the review period was dropped for every policy
    /// but periodic. Max must lie a review period's demand above min.
    @Test func minMaxLeavesAReviewPeriodBetweenMinAndMax() {
        var settings = ReorderSettings()
        settings.policy = .minMax
        let planner = ReorderPlanner(settings: settings)
        let levels = planner.levels(item(lead: 7, review: 7), demand: demand(10, sd: 3), abc: .a)
        #expect(levels.orderUpTo > levels.reorderPoint)
        #expect(abs(levels.orderUpTo - levels.reorderPoint - 70) < 1e-9)
        // An order placed at min brings the position up to max.
        var s = item(lead: 7, review: 7)
        s.onHand = levels.reorderPoint - 1
        let line = planner.plan(s, demand: demand(10, sd: 3), abc: .a)
        #expect(line.orderQuantity >= 70)
    }

    /// Item 4: exp(-mean) underflows above a mean of ~745, which gave a busy new item a safety
    /// stock of 0. 100/day over 14 + 7 days at 99.9% needs about 80 (normal loss: sigma 45.8,
    /// G(k) = 0.7 / 45.8, k = 1.78).
    @Test func countSafetyStockHoldsForLargeMeans() {
        let ss = SafetyStock.count(fillRate: 0.999, mean: 2_100, dispersion: 1, cycleDemand: 700)
        #expect(ss > 70 && ss < 90)
        // Agrees with the normal approximation where the Poisson is nearly normal, up to 10^6.
        for mean in [1_000.0, 10_000, 100_000, 1_000_000] {
            let count = SafetyStock.count(fillRate: 0.99, mean: mean, dispersion: 1, cycleDemand: mean / 3)
            let normal = SafetyStock.normal(fillRate: 0.99, standardDeviation: mean.squareRoot(), cycleDemand: mean / 3)
            #expect(abs(count - normal) <= max(2, 0.02 * normal), "mean \(mean): count \(count), normal \(normal)")
            let shortage = SafetyStock.expectedShortage(mean: mean, dispersion: 1, stock: mean)
            // E[(X - mean)+] for a near-normal X is sigma G(0) = 0.3989 sigma.
            #expect(abs(shortage - 0.3989 * mean.squareRoot()) < 0.02 * mean.squareRoot() + 0.5, "mean \(mean): shortage \(shortage)")
        }
        // Negative binomial, large mean.
        let nb = SafetyStock.count(fillRate: 0.99, mean: 5_000, dispersion: 4, cycleDemand: 1_000)
        let nbNormal = SafetyStock.normal(fillRate: 0.99, standardDeviation: (5_000.0 * 4).squareRoot(), cycleDemand: 1_000)
        #expect(nb > 0 && abs(nb - nbNormal) < 0.1 * nbNormal)
        // The planner with a new busy item that falls to the count model.
        let planner = ReorderPlanner()
        var s = item(lead: 14)
        s.serviceLevel = 0.999
        let levels = planner.levels(s, demand: DemandEstimate(dailyMean: 100, dailyStandardDeviation: 10, demandClass: .short, historyDays: 20, daysSinceLastUse: 0), abc: .a)
        #expect(levels.safetyStock > 50)
    }

    /// Item 5: the lead time's spread was ignored for items on the count model.
    @Test func leadTimeSpreadRaisesCountSafetyStock() {
        let planner = ReorderPlanner()
        let slow = demand(0.5, sd: 0.8, .intermittent, dispersion: 2)
        let steady = planner.levels(item(lead: 14, leadSD: 0), demand: slow, abc: .a)
        let erratic = planner.levels(item(lead: 14, leadSD: 10), demand: slow, abc: .a)
        #expect(steady.usesCounts && erratic.usesCounts)
        #expect(erratic.safetyStock > steady.safetyStock + 2)
    }

    /// Item 6: a blank unit cost is flagged and said, not planned as a free order.
    @Test func missingCostIsFlagged() {
        var s = item(lead: 7)
        s.unitCost = 0
        s.missingCost = true
        let line = ReorderPlanner().plan(s, demand: demand(10, sd: 3), abc: .a)
        #expect(line.flags.contains("missing_cost"))
        #expect(line.reason.contains("no unit cost"))
        let priced = ReorderPlanner().plan(item(lead: 7, cost: 2), demand: demand(10, sd: 3), abc: .a)
        #expect(!priced.flags.contains("missing_cost"))
    }
}
