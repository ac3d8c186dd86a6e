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

        /// The step a count item's level first rises by: a unit for small counts, a fiftieth
        /// of the spread for large ones (then refined unit by unit). A unit at a time, an item
        /// issued 5,000 at once a month took some 10,000 steps.
        var coarseStep: Double {
            guard usesCounts else { return step }
            let spread = (max(0, protectionMean) * max(dispersion, 1)).squareRoot()
            return max(1, (spread / Self.stepsPerSpread).rounded(.down))
        }

        /// Steps of a count item's level per standard deviation of its demand, at most.
        static let stepsPerSpread = 50.0
    }

    public init() {}

    /// Order-up-to levels giving the class at least `fillRate` of its units from stock.
    ///
    /// A count item with a large spread rises by `Item.coarseStep` first; once the class meets
    /// its target, each such item raised gives back its last coarse step and the class is
    /// brought back to the target unit by unit, so the levels are those of unit steps or
    /// within a unit or two of them, in steps that do not grow with the quantities. Small
    /// counts (a standard deviation under 100 units) rise by units throughout, as before.
    public func levels(_ items: [Item], fillRate: Double) -> [Double] {
        // Each item starts where it could be short its whole share of the target even with
        // no spread at all (its expected demand less the allowed shortfall of one cycle): the
        // class's least-cost levels are never below that, and may be below the expected
        // demand (SafetyStock.normal(fillRate:)).
        // An item whose forecast has no spread at all starts (and stays) at its expected demand,
        // as `SafetyStock.normal` plans it alone: its shortfall would be certain, not a risk
        // (10 a day planned 3.5 short each cycle stocked out every cycle).
        let start = items.map { item in
            if !item.usesCounts && item.protectionStandardDeviation <= 1e-9 * item.protectionMean { return item.protectionMean }
            let start = max(0, item.protectionMean - (1 - fillRate) * item.dailyDemand * max(item.reviewDays, 1))
            return item.usesCounts ? start.rounded(.down) : start
        }
        var level = start
        // Count items' shortages from one walk each up their distribution, as levels only rise.
        var walks = items.map { $0.usesCounts ? CountShortageWalk(mean: $0.protectionMean, dispersion: $0.dispersion) : nil }
        func shortage(_ i: Int, at s: Double) -> Double {
            if walks[i] != nil { return walks[i]!.shortage(at: s) }
            return items[i].shortage(at: s)
        }
        var short = items.indices.map { shortage($0, at: level[$0]) * items[$0].cyclesPerYear }
        let demand = items.reduce(0) { $0 + $1.dailyDemand * 365 }
        guard demand > 0 else { return level }
        let allowed = (1 - fillRate) * demand
        var total = short.reduce(0, +)
        var step = items.map(\.coarseStep)
        func gain(_ i: Int) -> Double {
            let item = items[i]
            let after = shortage(i, at: level[i] + step[i]) * item.cyclesPerYear
            return (short[i] - after) / (step[i] * max(item.unitCost, 0.01))
        }
        var guardSteps = 0
        /// Raises the level with the best gain a step at a time until the class meets its target.
        func allocate() {
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
            while total > allowed, let top = heap.first, top.0 > 0, guardSteps < 50_000_000 {
                guardSteps += 1
                let i = top.1
                level[i] += step[i]
                let updated = shortage(i, at: level[i]) * items[i].cyclesPerYear
                total += updated - short[i]
                short[i] = updated
                heap[0] = (gain(i), i)
                siftDown(0)
            }
        }
        allocate()
        // Refined: each item raised by coarse steps gives its last one back and rises again by
        // units (its walk starts again below the lower level).
        let coarse = items.indices.filter { step[$0] > 1 && items[$0].usesCounts && level[$0] > start[$0] }
        guard !coarse.isEmpty else { return level }
        for i in coarse {
            level[i] = max(start[i], level[i] - step[i])
            step[i] = 1
            walks[i] = CountShortageWalk(mean: items[i].protectionMean, dispersion: items[i].dispersion)
            let updated = shortage(i, at: level[i]) * items[i].cyclesPerYear
            total += updated - short[i]
            short[i] = updated
        }
        allocate()
        return level
    }
}
