/// Replays actual daily demand through a periodic-review policy, to compare the recommended
/// levels with the par levels in use on the user's own history.
///
/// Each policy starts full (at its order-up-to level), reviews every R days, orders up to
/// its level in whole packs (at least the minimum order), and receives L days later. Demand
/// not met from stock is lost, so the fill rate is units served over units demanded.
public struct PolicySimulation: Sendable {
    public struct Outcome: Sendable, Equatable {
        public var demanded = 0.0
        public var served = 0.0
        public var stockoutDays = 0
        public var inventoryValueDays = 0.0
        public var days = 0
        public var orders = 0

        public init() {}

        init(demanded: Double, served: Double, stockoutDays: Int, inventoryValueDays: Double, days: Int, orders: Int) {
            self.demanded = demanded
            self.served = served
            self.stockoutDays = stockoutDays
            self.inventoryValueDays = inventoryValueDays
            self.days = days
            self.orders = orders
        }

        public var fillRate: Double { demanded > 0 ? served / demanded : 1 }
        public var averageInventoryValue: Double { days > 0 ? inventoryValueDays / Double(days) : 0 }

        public static func + (a: Outcome, b: Outcome) -> Outcome {
            Outcome(demanded: a.demanded + b.demanded, served: a.served + b.served, stockoutDays: a.stockoutDays + b.stockoutDays,
                    inventoryValueDays: a.inventoryValueDays + b.inventoryValueDays, days: max(a.days, b.days), orders: a.orders + b.orders)
        }
    }

    public init() {}

    /// - Parameters:
    ///   - demand: actual daily demand, oldest first.
    ///   - orderUpTo: the level orders bring the inventory position back to.
    public func replay(demand: [Double], orderUpTo: Double, reviewDays: Int, leadTimeDays: Int,
                       packSize: Double, minimumOrder: Double, unitCost: Double) -> Outcome {
        var outcome = Outcome()
        // Stock is whole units: a level of 274.93 started the replay 0.07 of a unit short of
        // 275 and counted a stockout day at a 100% fill rate.
        var stock = (orderUpTo - 1e-9).rounded(.up)
        var pipeline: [(arrives: Int, quantity: Double)] = []
        let review = max(1, reviewDays), lead = max(0, leadTimeDays)
        let pack = packSize > 0 ? packSize : 1
        for (day, d) in demand.enumerated() {
            // Receipts first, then the day's demand, then the review.
            stock += pipeline.filter { $0.arrives == day }.reduce(0) { $0 + $1.quantity }
            pipeline.removeAll { $0.arrives == day }
            let want = max(0, d)
            let served = min(stock, want)
            outcome.demanded += want
            outcome.served += served
            if served < want { outcome.stockoutDays += 1 }
            stock -= served
            if day % review == review - 1 {
                let position = stock + pipeline.reduce(0) { $0 + $1.quantity }
                if position < orderUpTo {
                    var packs = ((orderUpTo - position) / pack - 1e-9).rounded(.up)
                    if minimumOrder > 0 && packs * pack < minimumOrder { packs = (minimumOrder / pack - 1e-9).rounded(.up) }
                    pipeline.append((day + 1 + lead, packs * pack))
                    outcome.orders += 1
                }
            }
            outcome.inventoryValueDays += stock * unitCost
            outcome.days += 1
        }
        return outcome
    }
}
