import Forecasting
import Testing
@testable import Planning

/// Closed forms worked by hand.
@Suite struct InventoryMathTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func zQuantiles() {
        // Standard normal quantiles from any table: 1.6449 (95%), 2.3263 (99%), 1.2816 (90%).
        #expect(close(SafetyStock.normal(serviceLevel: 0.95, standardDeviation: 1), 1.6448536269514722))
        #expect(close(SafetyStock.normal(serviceLevel: 0.99, standardDeviation: 10), 23.263478740408408))
        #expect(close(SafetyStock.normal(serviceLevel: 0.90, standardDeviation: 2), 2 * 1.2815515655446004))
        #expect(SafetyStock.normal(serviceLevel: 0.5, standardDeviation: 5) == 0)
    }

    @Test func combinedLeadTimeVariance() {
        // d = 10/day, sigma_d = 3/day, L = 7, R = 7, sigma_L = 2:
        // P = 14, mean 140, sigma_P^2 = 14 * 9 + 100 * 4 = 526.
        let p = ProtectionDemand(dailyDemand: 10, dailyStandardDeviation: 3, leadTimeDays: 7, leadTimeStandardDeviationDays: 2, reviewPeriodDays: 7)
        #expect(p.days == 14)
        #expect(p.mean == 140)
        #expect(close(p.standardDeviation, 526.0.squareRoot()))
        // No lead-time variability: the classic sigma_d sqrt(P).
        let q = ProtectionDemand(dailyDemand: 10, dailyStandardDeviation: 3, leadTimeDays: 9, leadTimeStandardDeviationDays: 0, reviewPeriodDays: 0)
        #expect(close(q.standardDeviation, 9.0))
    }

    @Test func poissonAndNegativeBinomialSafetyStock() {
        // Poisson(2): P(X<=4) = 0.9473, P(X<=5) = 0.9834 -> 95% quantile 5, safety stock 3.
        #expect(SafetyStock.count(serviceLevel: 0.95, mean: 2, dispersion: 1) == 3)
        // Negative binomial, mean 2 and variance 6 (size r = 1, p = 1/3): P(X<=k) = 1 - (2/3)^(k+1);
        // k = 7 gives 0.961, k = 6 gives 0.941 -> 95% quantile 7, safety stock 5.
        #expect(SafetyStock.count(serviceLevel: 0.95, mean: 2, dispersion: 3) == 5)
    }

    @Test func economicOrderQuantity() {
        // D = 1200/yr, K = 25, h = 25%, c = 10: sqrt(2 * 1200 * 25 / 2.5) = sqrt(24000) = 154.92.
        #expect(close(OrderQuantity.economic(annualDemand: 1200, orderingCost: 25, holdingRate: 0.25, unitCost: 10)!, 24000.0.squareRoot()))
        #expect(OrderQuantity.economic(annualDemand: 1200, orderingCost: 25, holdingRate: 0.25, unitCost: 0) == nil)
    }

    @Test func packAndMinimumRounding() {
        // 230 needed in packs of 100: 3 packs.
        #expect(OrderQuantity.round(230, packSize: 100, minimumOrder: 0, usableWithinShelfLife: nil) ==
                .init(quantity: 300, packs: 3, cappedByShelfLife: false, raisedToMinimum: false))
        // Exactly two packs stays two packs.
        #expect(OrderQuantity.round(200, packSize: 100, minimumOrder: 0, usableWithinShelfLife: nil).packs == 2)
        // A minimum of 500 lifts a 1-pack need to 5 packs.
        #expect(OrderQuantity.round(60, packSize: 100, minimumOrder: 500, usableWithinShelfLife: nil) ==
                .init(quantity: 500, packs: 5, cappedByShelfLife: false, raisedToMinimum: true))
        #expect(OrderQuantity.round(0, packSize: 100, minimumOrder: 500, usableWithinShelfLife: nil).quantity == 0)
    }

    @Test func shelfLifeCap() {
        // 5 packs of 12 needed, but only 40 units can be used before expiry: 3 whole packs (36).
        #expect(OrderQuantity.round(60, packSize: 12, minimumOrder: 0, usableWithinShelfLife: 40) ==
                .init(quantity: 36, packs: 3, cappedByShelfLife: true, raisedToMinimum: false))
    }

    @Test func abcByCumulativeSpend() {
        let classes = ServiceLevelMatrix.abcClasses(annualSpend: ["a": 700, "b": 150, "c": 100, "d": 30, "e": 20])
        // Cumulative share before each item: a 0 -> A, b 0.70 -> A, c 0.85 -> B, d 0.95 -> C, e 0.98 -> C.
        #expect(classes == ["a": .a, "b": .a, "c": .b, "d": .c, "e": .c])
    }
}

@Suite struct ReorderPlannerTests {
    func item(_ configure: (inout StockItem) -> Void) -> StockItem {
        var s = StockItem(item: "GLV-M")
        s.description = "Gloves nitrile M"
        s.vendor = "Acme"
        s.unitCost = 8
        s.packSize = 100
        s.leadTimeDays = 7
        s.reviewPeriodDays = 7
        s.criticality = .essential
        configure(&s)
        return s
    }

    let steady = DemandEstimate(dailyMean: 50, dailyStandardDeviation: 10, demandClass: .smooth, historyDays: 700, daysSinceLastUse: 0)

    @Test func periodicReviewOrdersUpToSInWholePacks() {
        let line = ReorderPlanner().plan(item { $0.onHand = 300; $0.onOrder = 100 }, demand: steady, abc: .a)
        // P = 14: demand 700; sigma_P = 10 sqrt(14); SS = 1.6449 x 37.417 = 61.55; S = 761.55.
        let ss = 1.6448536269514722 * 10 * 14.0.squareRoot()
        #expect(abs(line.safetyStock - ss) < 1e-9)
        #expect(abs(line.orderUpTo - (700 + ss)) < 1e-9)
        // Position 400: need 361.55 -> 4 packs of 100.
        #expect(line.orderQuantity == 400)
        #expect(line.packs == 4)
        #expect(line.orderCost == 3200)
        #expect(line.serviceLevel == 0.95)
        #expect(line.flags.contains("stockout_risk"))   // 300 on hand < 7 days x 50
        #expect(line.reason.contains("on hand 300 covers 6 days at 50/day"))
        #expect(line.reason.contains("order 4 packs of 100"))
    }

    @Test func discontinuedItemsAreNeverOrdered() {
        let line = ReorderPlanner().plan(item { $0.onHand = 0; $0.discontinued = true }, demand: steady, abc: .a)
        #expect(line.orderQuantity == 0)
        #expect(line.flags.contains("discontinued"))
    }

    @Test func overstockWithShortShelfLifeGetsNoOrderAndAnExpiryFlag() {
        let line = ReorderPlanner().plan(item { $0.onHand = 20_000; $0.shelfLifeDays = 90 }, demand: steady, abc: .b)
        #expect(line.orderQuantity == 0)
        #expect(line.flags.contains("expiry_risk"))
        #expect(line.flags.contains("excess"))
    }

    @Test func itemServiceLevelOverridesTheMatrix() {
        var settings = ReorderSettings()
        settings.serviceLevel = 0.9
        #expect(ReorderPlanner(settings: settings).plan(item { $0.serviceLevel = 0.99 }, demand: steady, abc: .c).serviceLevel == 0.99)
        #expect(ReorderPlanner(settings: settings).plan(item { _ in }, demand: steady, abc: .c).serviceLevel == 0.9)
        #expect(ReorderPlanner().plan(item { $0.criticality = .vital }, demand: steady, abc: .c).serviceLevel == 0.99)
    }

    @Test func continuousReviewOrdersEconomicLots() {
        var settings = ReorderSettings()
        settings.policy = .continuous
        let line = ReorderPlanner(settings: settings).plan(item { $0.onHand = 100; $0.packSize = 1 }, demand: steady, abc: .a)
        // s = 350 + 1.6449 x 10 sqrt(7); EOQ = sqrt(2 x 18250 x 25 / (0.25 x 8)) = 675.46; one lot lifts 100 above s.
        let eoq = (2 * 18_250 * 25 / (0.25 * 8)).squareRoot()
        #expect(abs(line.reorderPoint - (350 + 1.6448536269514722 * 10 * 7.0.squareRoot())) < 1e-9)
        #expect(line.orderQuantity == eoq.rounded(.up))
    }

    @Test func slowItemsUseCounts() {
        let slow = DemandEstimate(dailyMean: 0.1, dailyStandardDeviation: 0.3, demandClass: .intermittent, historyDays: 700, daysSinceLastUse: 20)
        let line = ReorderPlanner().plan(item { $0.onHand = 0; $0.packSize = 1; $0.criticality = .vital }, demand: slow, abc: .c)
        // P = 14 days: mean 1.4; Poisson(1.4) 99% quantile is 5 (P(X<=4) = 0.9857, P(X<=5) = 0.9968).
        #expect(abs(line.safetyStock - (5 - 1.4)) < 1e-9)
        #expect(line.orderQuantity == 5)
    }
}

@Suite struct PolicySimulationTests {
    @Test func aReplayByHand() {
        // Up to 10, review every 2 days, lead time 1 day, no packs; demand 4 a day.
        // Day 0: 10 -> 6. Day 1: 6 -> 2, review: order 8 (arrives day 3).
        // Day 2: 2 -> 0 (2 short, stockout). Day 3: +8 -> 4, review: position 4, order 6 (arrives day 5).
        let o = PolicySimulation().replay(demand: [4, 4, 4, 4], orderUpTo: 10, reviewDays: 2, leadTimeDays: 1,
                                          packSize: 1, minimumOrder: 0, unitCost: 2)
        #expect(o.demanded == 16)
        #expect(o.served == 14)
        #expect(o.stockoutDays == 1)
        #expect(o.orders == 2)
        // Stock at the end of each day: 6, 2, 0, 4 -> mean 3 units, $6.
        #expect(o.averageInventoryValue == 6)
        #expect(o.fillRate == 14.0 / 16)
    }

    @Test func packsRoundOrdersUp() {
        let o = PolicySimulation().replay(demand: [3, 0], orderUpTo: 10, reviewDays: 1, leadTimeDays: 5, packSize: 4, minimumOrder: 0, unitCost: 1)
        // Day 0: 10 -> 7, order 1 pack of 4 (need 3). Day 1: position 11 >= 10, no order.
        #expect(o.orders == 1)
    }
}
