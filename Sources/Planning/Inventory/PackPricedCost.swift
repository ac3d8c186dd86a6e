import Glibc

/// An item master's unit cost that is the price of the item's pack, not of one unit.
///
/// Many ERPs keep the item cost in the purchasing unit: `Unit Cost $1,250.00` for 10 mL
/// syringes in packs of 100, while the usage prices every issue `12.50` each. Read as the
/// price of an each, an order of 200 syringes cost $250,000 instead of $2,500, and with
/// alcohol pads ($90.00 a pack of 200 against 0.45 each) the order list totalled $268,000
/// for $2,590 (a reviewer's case), the item pushed into class A on the way. PO lines already
/// get this test (`PurchaseUnits.factor`): a price within half to twice the pack's cost is
/// the pack's. Here the usage's price per unit is the witness: a master cost within half to
/// twice `pack_size` x the usage's price, and nearer it than the usage's price itself, is
/// the pack's, and the unit's cost is that over `pack_size`. Without a usage price, or with
/// a pack of one, nothing says, and the master's cost stands as written.
public enum PackPricedCost {
    /// The cost of one unit when `masterCost` is the pack's price, nil when it is not (or
    /// nothing shows it): 1,250 for a pack of 100 against a usage price of 12.50 is 12.50.
    public static func unitCost(masterCost: Double, packSize: Double, usagePrice: Double) -> Double? {
        guard masterCost > 0, masterCost.isFinite, packSize > 1, packSize.isFinite, usagePrice > 0, usagePrice.isFinite else { return nil }
        let packRatio = masterCost / (packSize * usagePrice)
        guard packRatio >= 0.5 && packRatio <= 2 else { return nil }
        // Nearer the pack's price than the unit's: with a pack of 2, a cost 1.5 times the
        // usage's price is within both, and is read as written.
        let unitRatio = masterCost / usagePrice
        guard abs(log(packRatio)) < abs(log(unitRatio)) else { return nil }
        return masterCost / packSize
    }
}
