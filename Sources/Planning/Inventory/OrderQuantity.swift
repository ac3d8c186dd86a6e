/// Economic order quantity and the rounding every real order goes through.
public enum OrderQuantity {
    /// EOQ = sqrt(2 D K / (h c)): annual demand D, cost per order K, annual holding rate h
    /// (share of unit cost), unit cost c. Nil when a cost is missing or zero.
    public static func economic(annualDemand: Double, orderingCost: Double, holdingRate: Double, unitCost: Double) -> Double? {
        guard annualDemand > 0, orderingCost > 0, holdingRate > 0, unitCost > 0 else { return nil }
        return (2 * annualDemand * orderingCost / (holdingRate * unitCost)).squareRoot()
    }

    public struct Rounded: Sendable, Equatable {
        public var quantity: Double
        public var packs: Double
        /// The order was cut to what can be used before it expires.
        public var cappedByShelfLife: Bool
        /// The minimum order forced a larger order than needed.
        public var raisedToMinimum: Bool
        /// The shelf-life cap left the order below the vendor's minimum: the two cannot both
        /// hold, and the buyer has to choose (the order as sent would be refused or filled to
        /// the minimum with the surplus expiring).
        public var belowMinimum = false
    }

    /// Rounds a needed quantity up to whole packs and at least the minimum order, then caps
    /// it at what can be used within the shelf life (keeping whole packs).
    /// - Parameter usableWithinShelfLife: units that can be used before expiry, beyond stock
    ///   already held; nil when the item does not expire.
    public static func round(_ needed: Double, packSize: Double, minimumOrder: Double, usableWithinShelfLife: Double?) -> Rounded {
        guard needed > 0 else { return Rounded(quantity: 0, packs: 0, cappedByShelfLife: false, raisedToMinimum: false) }
        let pack = packSize > 0 ? packSize : 1
        var packs = (needed / pack - 1e-9).rounded(.up)
        var raised = false
        if minimumOrder > 0 && packs * pack < minimumOrder {
            packs = (minimumOrder / pack - 1e-9).rounded(.up)
            raised = true
        }
        var capped = false
        if let usable = usableWithinShelfLife, packs * pack > usable {
            let limit = (max(usable, 0) / pack + 1e-9).rounded(.down)
            if limit < packs {
                packs = limit
                capped = true
            }
        }
        return Rounded(quantity: packs * pack, packs: packs, cappedByShelfLife: capped, raisedToMinimum: raised && !capped,
                       belowMinimum: capped && minimumOrder > 0 && packs * pack < minimumOrder)
    }
}
