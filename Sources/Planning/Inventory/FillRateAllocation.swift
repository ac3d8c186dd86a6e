import Forecasting

/// Spreads safety stock across the items of a class so that the class as a whole serves
/// its target share of units from stock at the least inventory value.
///
/// A per-item fill rate treats a $2,500 implant used twice a month like a box of gloves used
/// fifty times a day; buyers are held to the class's fill rate, so the cheap, fast items can
/// carry most of it. Greedy marginal analysis: start every item at the lowest level it could
/// need and repeatedly add a step of stock where it removes the most expected units short per
/// year per dollar, until the class meets its target.
public struct FillRateAllocation: Sendable {
    public struct Item: Sendable {
        public var dailyDemand: Double
        public var reviewDays: Double
        /// Demand over the protection interval: its mean, spread and distribution.
        public var protectionMean: Double
        public var protectionStandardDeviation: Double
        public var usesCounts: Bool
        public var dispersion: Double
        public var unitCost: Double

        public init(dailyDemand: Double, reviewDays: Double, protectionMean: Double, protectionStandardDeviation: Double,
                    usesCounts: Bool, dispersion: Double, unitCost: Double) {
            self.dailyDemand = dailyDemand
            self.reviewDays = reviewDays
            self.protectionMean = protectionMean
            self.protectionStandardDeviation = protectionStandardDeviation
            self.usesCounts = usesCounts
            self.dispersion = dispersion
            self.unitCost = unitCost
        }

        /// Expected units short per replenishment cycle with stock level `s`.
        func shortage(at s: Double) -> Double {
            if usesCounts { return SafetyStock.expectedShortage(mean: protectionMean, dispersion: dispersion, stock: s) }
            guard protectionStandardDeviation > 0 else { return max(0, protectionMean - s) }
            return protectionStandardDeviation * SafetyStock.normalLoss((s - protectionMean) / protectionStandardDeviation)
        }

        var cyclesPerYear: Double { 365 / max(reviewDays, 1) }
        var step: Double { usesCounts ? 1 : max(1, (protectionStandardDeviation / 5).rounded(.up)) }
    }

    public init() {}

    /// Order-up-to levels giving the class at least `fillRate` of its units from stock.
    public func levels(_ items: [Item], fillRate: Double) -> [Double] {
        // Each item starts where it could be short its whole share of the target even with
        // no spread at all (its expected demand less the allowed shortfall of one cycle): the
        // class's least-cost levels are never below that, and may be below the expected
        // demand (SafetyStock.normal(fillRate:)).
        // An item whose forecast has no spread at all starts (and stays) at its expected demand,
        // as `SafetyStock.normal` plans it alone: its shortfall would be certain, not a risk
        // (10 a day planned 3.5 short each cycle stocked out every cycle).
        var level = items.map { item in
            if !item.usesCounts && item.protectionStandardDeviation <= 1e-9 * item.protectionMean { return item.protectionMean }
            let start = max(0, item.protectionMean - (1 - fillRate) * item.dailyDemand * max(item.reviewDays, 1))
            return item.usesCounts ? start.rounded(.down) : start
        }
        var short = items.indices.map { items[$0].shortage(at: level[$0]) * items[$0].cyclesPerYear }
        let demand = items.reduce(0) { $0 + $1.dailyDemand * 365 }
        guard demand > 0 else { return level }
        let allowed = (1 - fillRate) * demand
        var total = short.reduce(0, +)
        func gain(_ i: Int) -> Double {
            let item = items[i]
            let after = item.shortage(at: level[i] + item.step) * item.cyclesPerYear
            return (short[i] - after) / (item.step * max(item.unitCost, 0.01))
        }
        // A max-heap of (gain, item); ties broken by index so the result is reproducible.
        var heap: [(Double, Int)] = items.indices.map { (gain($0), $0) }
        func before(_ a: (Double, Int), _ b: (Double, Int)) -> Bool { a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < heap.count && before(heap[l], heap[best]) { best = l }
                if r < heap.count && before(heap[r], heap[best]) { best = r }
                if best == i { return }
                heap.swapAt(i, best)
                i = best
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        var guardSteps = 0
        while total > allowed, let top = heap.first, top.0 > 0, guardSteps < 50_000_000 {
            guardSteps += 1
            let i = top.1
            level[i] += items[i].step
            let updated = items[i].shortage(at: level[i]) * items[i].cyclesPerYear
            total += updated - short[i]
            short[i] = updated
            heap[0] = (gain(i), i)
            siftDown(0)
        }
        return level
    }
}
