/// Which stock will expire before it is used: an item's lots consumed first-expiry-first-out
/// at its expected daily use, from the as-of day on.
///
/// Using lots in expiry order at d units a day, the units used from all lots expiring by
/// day T can never exceed d x T; so lot k (in expiry order, T_k days away) gives
/// min(quantity, d x T_k - units already taken from the earlier lots), and the rest of it
/// is waste. A lot of 100 expiring in 30 days at 2 a day: 60 used, 40 wasted.
public enum LotExpiry {
    public struct Lot: Sendable, Equatable {
        public var item: String
        public var lot: String
        public var expiryDay: Int32
        public var quantity: Double
        public var location: String

        public init(item: String, lot: String, expiryDay: Int32, quantity: Double, location: String = "") {
            self.item = item
            self.lot = lot
            self.expiryDay = expiryDay
            self.quantity = quantity
            self.location = location
        }
    }

    /// One row of expiry_risk.csv.
    public struct Risk: Sendable, Equatable {
        public var lot: Lot
        public var expectedUseBeforeExpiry: Double
        public var expectedWaste: Double
        /// expected waste x unit cost; NaN when the item has no known cost.
        public var wasteValue: Double
        public var dailyUse: Double
        /// The stock the lot is used with (`plan`'s `stock` key): the item, or the item at a location.
        public var stock = ""
    }

    /// The lots as they can hold a count of `units` that is less than they list (a stale lot
    /// file, or a wrong count): the first `units` in expiry order (ties by lot), the later lots
    /// cut or left out. Planned on these, no lot wastes more than is left of the counted stock
    /// when it expires, the most that can be wasted whichever lots the count holds. Planned on
    /// the lots as listed and capped at the count, 300 on hand used 100 a day and a lot of
    /// 1,000 expiring in 5 days read as all 300 expiring (500 of the 1,000), with 0 days of
    /// supply, a false stockout_risk and 400 ordered where 100 were needed.
    public static func holding(_ units: Double, of lots: [Lot]) -> [Lot] {
        var left = max(0, units), kept: [Lot] = []
        for lot in lots.sorted(by: { ($0.expiryDay, $0.lot) < ($1.expiryDay, $1.lot) }) where left > 0 {
            var part = lot
            part.quantity = min(max(0, lot.quantity), left)
            left -= part.quantity
            if part.quantity > 0 { kept.append(part) }
        }
        return kept
    }

    /// The lots of every item planned FEFO. Lots are used up together when they have the same
    /// `stock` key (the item by default; the item and its location where each location uses
    /// its own stock), at that key's `dailyUse`; `unitCost` is per item. A lot expiring on or
    /// before `asOf` is wasted whole, stock without use wastes every lot that expires. Results
    /// are in the order of the keys, then expiry.
    public static func plan(_ lots: [Lot], asOf: Int32, stock: (Lot) -> String = { $0.item }, dailyUse: (String) -> Double,
                            unitCost: (String) -> Double?) -> [Risk] {
        let keys = lots.map(stock)
        let ordered = lots.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8) }
            return (lots[a].expiryDay, a) < (lots[b].expiryDay, b)
        }
        var risks: [Risk] = []
        risks.reserveCapacity(lots.count)
        var current: String?
        var taken = 0.0, use = 0.0, cost: Double?
        for k in ordered {
            let lot = lots[k]
            if keys[k] != current {
                current = keys[k]
                taken = 0
                use = max(0, dailyUse(keys[k]))
                cost = unitCost(lot.item)
            }
            let days = Double(max(0, lot.expiryDay - asOf))
            let used = min(max(0, lot.quantity), max(0, use * days - taken))
            taken += used
            let waste = max(0, lot.quantity - used)
            risks.append(Risk(lot: lot, expectedUseBeforeExpiry: used, expectedWaste: waste,
                              wasteValue: cost.map { waste * $0 } ?? .nan, dailyUse: use, stock: keys[k]))
        }
        return risks
    }
}
