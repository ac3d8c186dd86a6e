import Forecasting
import Foundation
import Testing
@testable import Planning

/// A part used for nine months and then not at all (r8): its forecast decays to almost
/// nothing (1.8e-49 a day) while the forecast's error stays in units. Vital parts, parts
/// with their own service level and every part under min/max were planned a safety stock of
/// 100,000,000 (a search's bound) and ordered ~100 million units, with days of supply of
/// 5.7e49 "at 0/day". Each case failed before its fix.
@Suite struct ZeroForecastSafetyStockTests {
    /// The r8 part: 10 on hand, lead time 7 days, $100 a unit.
    func part(_ criticality: ServiceLevelMatrix.Criticality, serviceLevel: Double? = nil) -> StockItem {
        var s = StockItem(item: "V1")
        s.criticality = criticality
        s.serviceLevel = serviceLevel
        s.leadTimeDays = 7
        s.unitCost = 100
        s.onHand = 10
        return s
    }

    /// A forecast of 1.8e-49 a day whose error over the interval is a few units, as a model
    /// whose level decayed after use stopped gives it; last used `since` days ago.
    func decayed(since: Int = 61) -> DemandEstimate {
        let d = 1.76e-49
        var e = DemandEstimate(dailyMean: d, dailyStandardDeviation: 0.8, demandClass: .smooth, dispersion: 1.5,
                               historyDays: 365, daysSinceLastUse: since)
        e.overProtection = IntervalDemand(mean: d * 14, variance: 9)
        e.overLead = IntervalDemand(mean: d * 7, variance: 4.5)
        return e
    }

    func plan(_ s: StockItem, policy: ReorderPolicy = .periodicReview) -> (ReorderLine, Duration) {
        var settings = ReorderSettings()
        settings.policy = policy
        let planner = ReorderPlanner(settings: settings)
        var line: ReorderLine!
        let took = ContinuousClock().measure { line = planner.plan(s, demand: decayed(), abc: .c) }
        return (line, took)
    }

    func expectNoOrder(_ line: ReorderLine, _ took: Duration, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(line.safetyStock.isFinite && abs(line.safetyStock) < 1, "\(line.safetyStock)", sourceLocation: sourceLocation)
        #expect(line.orderQuantity == 0, "\(line.orderQuantity)", sourceLocation: sourceLocation)
        #expect(line.orderUpTo == 0 && line.reorderPoint == 0, "\(line.reorderPoint) \(line.orderUpTo)", sourceLocation: sourceLocation)
        #expect(line.orderCost == 0, sourceLocation: sourceLocation)
        #expect(line.daysOfSupply == nil, "\(String(describing: line.daysOfSupply))", sourceLocation: sourceLocation)
        #expect(line.reason.hasPrefix("on hand 10, no forecast use (last used 61 days ago); lead time 7 days"), "\(line.reason)", sourceLocation: sourceLocation)
        #expect(!line.reason.contains("covers"), "\(line.reason)", sourceLocation: sourceLocation)
        #expect(!line.flags.contains("below_safety_stock") && !line.flags.contains("excess"), "\(line.flags)", sourceLocation: sourceLocation)
        #expect(took < .seconds(1), "\(took)", sourceLocation: sourceLocation)
    }

    /// Vital (held to its own 99% fill rate), default periodic policy.
    @Test func vitalPartForecastAtNothingOrdersNothing() {
        let (line, took) = plan(part(.vital))
        expectNoOrder(line, took)
        #expect(line.reason.contains("no order: position 10 is above the order-up-to level 0; a vital item used lately but forecast at no use: check whether it must stay on the shelf"), "\(line.reason)")
    }

    /// Essential under min/max (min/max plans each item on its own fill rate).
    @Test func essentialPartUnderMinMaxOrdersNothing() {
        let (line, took) = plan(part(.essential), policy: .minMax)
        expectNoOrder(line, took)
        #expect(!line.reason.contains("vital"), "\(line.reason)")
    }

    /// Non-essential with its own service level of 0.9.
    @Test func partWithItsOwnServiceLevelOrdersNothing() {
        let (line, took) = plan(part(.nonEssential, serviceLevel: 0.9))
        expectNoOrder(line, took)
        #expect(line.serviceLevel == 0.9)
    }

    /// Unused for longer than the dead-stock window: still "no recent demand", and dead stock.
    @Test func partUnusedLongAgoIsDeadStock() {
        var e = decayed(since: 200)
        e.historyDays = 600
        let line = ReorderPlanner().plan(part(.vital), demand: e, abc: .c)
        #expect(line.orderQuantity == 0 && line.daysOfSupply == nil)
        #expect(line.reason.hasPrefix("on hand 10, no recent demand;"), "\(line.reason)")
        #expect(line.flags.contains("dead_stock"), "\(line.flags)")
    }

    /// The least forecast read as use: one unit in ten times the history, ten years at least.
    /// The spare part used 4 a month for 20 months, then not for three, forecast 3.2e-5 a day
    /// (496,402.7 days of supply for 16 on hand), is no use; one used once in two years is.
    @Test func leastDailyUseScalesWithTheHistory() {
        #expect(DemandEstimate.leastDailyUse(historyDays: 30) == 1.0 / 3_650)
        #expect(DemandEstimate.leastDailyUse(historyDays: 730) == 1.0 / 7_300)
        func estimate(_ d: Double, history: Int) -> DemandEstimate {
            DemandEstimate(dailyMean: d, dailyStandardDeviation: 0, demandClass: .intermittent, historyDays: history, daysSinceLastUse: 91)
        }
        #expect(estimate(3.2e-5, history: 730).forecastsNoUse)
        #expect(estimate(0, history: 730).forecastsNoUse && estimate(-1, history: 730).forecastsNoUse && estimate(.nan, history: 730).forecastsNoUse)
        #expect(!estimate(1.0 / 730, history: 730).forecastsNoUse)
        var s = part(.essential)
        s.onHand = 16
        var e = estimate(3.2e-5, history: 730)
        e.overProtection = IntervalDemand(mean: 3.2e-5 * 28, variance: 4)
        let line = ReorderPlanner().plan(s, demand: e, abc: .b)
        #expect(line.daysOfSupply == nil && line.orderQuantity == 0 && line.orderUpTo == 0)
        #expect(line.flags == ["dead_stock"], "\(line.flags)")
        #expect(line.reason.hasPrefix("on hand 16, no recent demand;"), "\(line.reason)")
    }

    /// The fill-rate search never returns its bound as a level: with a forecast of almost
    /// nothing and an error of units it gives up within reach (nil), quickly, and the
    /// fill-rate safety stock falls back to the cycle service level's, finite and small.
    @Test func fillRateSearchOutOfReachIsNilNotItsBound() {
        let mean = 2.5e-48, dispersion = 9 / mean
        var reached: Double?? = .none
        let took = ContinuousClock().measure {
            reached = SafetyStock.countWithinReach(fillRate: 0.99, mean: mean, dispersion: dispersion, cycleDemand: mean / 2)
        }
        #expect(reached == .some(nil))
        #expect(took < .seconds(1), "\(took)")
        let ss = SafetyStock.count(fillRate: 0.99, mean: mean, dispersion: dispersion, cycleDemand: mean / 2)
        #expect(ss.isFinite && ss >= 0 && ss < 1, "\(ss)")
        // Targets within reach are unchanged (InventoryMathTests pins these).
        #expect(SafetyStock.countWithinReach(fillRate: 0.95, mean: 2, dispersion: 1, cycleDemand: 2) == 2)
        #expect(SafetyStock.countWithinReach(fillRate: 0.94, mean: 2, dispersion: 3, cycleDemand: 2) == 5)
    }

    /// A small but real forecast (0.001 a day) whose error is far beyond it: no level within
    /// reach meets the fill rate; planned to the cycle service level and the reason says so.
    @Test func unreachableFillRateIsSaidNotOrdered() {
        var e = DemandEstimate(dailyMean: 1e-3, dailyStandardDeviation: 27, demandClass: .smooth, historyDays: 365, daysSinceLastUse: 20)
        e.overProtection = IntervalDemand(mean: 0.014, variance: 10_000)
        e.overLead = IntervalDemand(mean: 0.007, variance: 5_000)
        var line: ReorderLine!
        let took = ContinuousClock().measure { line = ReorderPlanner().plan(part(.vital), demand: e, abc: .c) }
        #expect(took < .seconds(2), "\(took)")
        #expect(line.orderUpTo < 10 && line.orderQuantity == 0, "\(line.orderUpTo) \(line.orderQuantity)")
        #expect(line.reason.contains("the 99% fill rate cannot be planned: the forecast's error (standard deviation 100 over 14 days) dwarfs its demand of 0.01"), "\(line.reason)")
        #expect(line.reason.contains("planned to a 99% chance of no stockout per cycle instead"), "\(line.reason)")
    }
}

/// Review 2 (a3): under `--policy continuous` a part of no forecast use (or a forecast of 0)
/// was ordered a lot of at least 1 (`max(d * 7, 1)`), raised to its pack and the vendor's
/// minimum: X6 (pack 5, minimum 20, $100) ordered 20 units, $2,000, beside "no forecast use".
@Suite struct ZeroForecastContinuousTests {
    func x6(onHand: Double) -> StockItem {
        var s = StockItem(item: "X6")
        s.leadTimeDays = 14
        s.unitCost = 100
        s.packSize = 5
        s.minimumOrder = 20
        s.onHand = onHand
        return s
    }

    @Test(arguments: [0.0, 1.76e-49])
    func noUseOrdersNothingUnderContinuousReview(_ daily: Double) {
        var settings = ReorderSettings()
        settings.policy = .continuous
        let planner = ReorderPlanner(settings: settings)
        let demand = DemandEstimate(dailyMean: daily, dailyStandardDeviation: daily > 0 ? 0.8 : 0, demandClass: .smooth, dispersion: 1.5,
                                    historyDays: 365, daysSinceLastUse: 30)
        let line = planner.plan(x6(onHand: 0), demand: demand, abc: .c)
        #expect(line.orderQuantity == 0 && line.orderCost == 0, "\(line.orderQuantity) \(line.reason)")
        #expect(line.reorderPoint == 0 && line.orderUpTo == 0, "\(line.reorderPoint) \(line.orderUpTo)")
        #expect(!line.flags.contains("minimum_order"), "\(line.flags)")
        // Used: the lot is as before (a week's use at least, without ordering costs).
        let used = planner.plan(x6(onHand: 0), demand: DemandEstimate(dailyMean: 2, dailyStandardDeviation: 1, demandClass: .smooth, dispersion: 1.5,
                                                                       historyDays: 365, daysSinceLastUse: 1), abc: .c)
        #expect(used.orderQuantity >= 20, "\(used.orderQuantity)")
    }
}

extension ZeroForecastContinuousTests {
    /// The reason of such a part under continuous review says no order against the level of 0
    /// (it read "position 0 is above the reorder point 0").
    @Test func noUseReasonUnderContinuousReviewIsTrue() {
        var settings = ReorderSettings()
        settings.policy = .continuous
        let line = ReorderPlanner(settings: settings).plan(x6(onHand: 0), demand: DemandEstimate(dailyMean: 0, dailyStandardDeviation: 0, demandClass: .smooth,
                                                                                                   historyDays: 365, daysSinceLastUse: 30), abc: .c)
        #expect(line.reason.contains("no order: position 0 is at the order-up-to level 0"), "\(line.reason)")
        #expect(!line.reason.contains("is above the reorder point 0"), "\(line.reason)")
    }
}
