import Glibc

/// An item master's unit cost that is the price of the item's pack, not of one unit.
///
/// Many ERPs keep the item cost in the purchasing unit: `Unit Cost $1,250.00` for 10 mL
/// syringes in packs of 100, while the usage prices every issue `12.50` each. Read as the
/// price of an each, an order of 200 syringes cost $250,000 instead of $2,500, and with
/// alcohol pads ($90.00 a pack of 200 against 0.45 each) the order list totalled $268,000
/// for $2,590 (a reviewer's case), the item pushed into class A on the way. The usage's
/// price each is the witness (`witnessPrice`): a master cost within 20% of `pack_size` x
/// that price is the pack's, and the unit's cost is that over `pack_size`. Without a usage
/// price, or with a pack of one, nothing says, and the master's cost stands as written.
///
/// Why within 20%, not half to twice: with small packs that window took price rises for
/// packs. Nicardipine at 45.00 a vial in packs of 2 against a stale usage price of 30.00
/// (1.5x) and labetalol at 22.00 in packs of 3 against 11.00 (2x) were read as packs and
/// costed 22.50 and 7.33 a vial: $1,585 for an order of $3,720. A pack under 5 is read as
/// the pack's price only when the cost is also clearly nearer the pack's price than the
/// unit's (`smallPack`, 5): a price rise and a pack of 2 or 3 are otherwise alike.
public enum PackPricedCost {
    /// How far from `pack_size` x the usage's price each a master cost may be and be the pack's.
    public static let tolerance = 0.2
    /// Packs under this many units must also be clearly the pack's price (`unitCost`).
    public static let smallPack = 5.0
    /// How many of the usage's latest priced lines `witnessPrice` takes the median of.
    public static let recentLines = 20

    /// The cost of one unit when `masterCost` is the pack's price, nil when it is not (or
    /// nothing shows it): 1,250 for a pack of 100 against a usage price of 12.50 is 12.50.
    public static func unitCost(masterCost: Double, packSize: Double, usagePrice: Double) -> Double? {
        guard masterCost > 0, masterCost.isFinite, packSize > 1, packSize.isFinite, usagePrice > 0, usagePrice.isFinite else { return nil }
        let packRatio = masterCost / (packSize * usagePrice)
        guard abs(packRatio - 1) <= tolerance + 1e-12 else { return nil }
        if packSize < smallPack {
            // Clearly nearer the pack's price than the unit's: within a third of the distance
            // (in log) the unit's price is. A pack of 2 at 58.00 against 30.00 each (0.97 of
            // the pack's, 1.93 of the unit's) is the pack's; 50.00 (0.83, 1.67) is not said.
            let unitRatio = masterCost / usagePrice
            guard abs(log(packRatio)) * 3 < abs(log(unitRatio)) else { return nil }
        }
        return masterCost / packSize
    }

    /// The usage's typical price each: the median of its latest `recentLines` priced lines
    /// (`prices` with their days, in the item master's unit: the caller leaves out the others).
    /// The latest line alone decided: one box issued on the export's last day at 1,250.00 (in
    /// BX) among 175 issues at 12.50 each made the master's 1,250.00 a syringe's price, and an
    /// order of 300 cost $375,000 for $3,750. Nil with no price.
    public static func witnessPrice(_ prices: [(day: Int32, price: Double)]) -> Double? {
        let valid = prices.filter { $0.price > 0 && $0.price.isFinite }
        guard !valid.isEmpty else { return nil }
        // Latest first; the same day's lines by price, so the order of the export's lines does not matter.
        let recent = valid.sorted { $0.day != $1.day ? $0.day > $1.day : $0.price < $1.price }.prefix(recentLines).map(\.price).sorted()
        let n = recent.count
        return n % 2 == 1 ? recent[n / 2] : (recent[n / 2 - 1] + recent[n / 2]) / 2
    }
}
