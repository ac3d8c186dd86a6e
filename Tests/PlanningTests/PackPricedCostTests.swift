import Testing
@testable import Planning

/// `PackPricedCost`: an item-master cost that is the pack's price, by the usage's price each.
@Suite struct PackPricedCostTests {
    /// $1,250.00 for a pack of 100 against 12.50 each is 12.50 each (1,250 / 100 = 12.50, the
    /// ratio to 100 x 12.50 exactly 1); $90.00 for 200 pads at 0.45 each is 0.45. A price
    /// within half to twice of the pack's (1,000 for 100 at 12.50: ratio 0.8) is still the
    /// pack's: 10.00 each.
    @Test func aCostNearThePacksPriceIsThePacks() {
        #expect(PackPricedCost.unitCost(masterCost: 1250, packSize: 100, usagePrice: 12.5) == 12.5)
        #expect(PackPricedCost.unitCost(masterCost: 90, packSize: 200, usagePrice: 0.45) == 0.45)
        #expect(PackPricedCost.unitCost(masterCost: 1000, packSize: 100, usagePrice: 12.5) == 10)
    }

    /// A cost near the usage's each price is the unit's (12.00 against 12.50), one far from
    /// both is not read either way (300 for 100 at 12.50: 0.24 of the pack's), and without a
    /// usage price, or with a pack of one, nothing shows it. With a pack of 2, 2.50 against
    /// 2.00 each is within half to twice of both (0.625 of the pack, 1.25 of the unit) and
    /// nearer the unit's: read as written.
    @Test func otherCostsStandAsWritten() {
        #expect(PackPricedCost.unitCost(masterCost: 12, packSize: 100, usagePrice: 12.5) == nil)
        #expect(PackPricedCost.unitCost(masterCost: 300, packSize: 100, usagePrice: 12.5) == nil)
        #expect(PackPricedCost.unitCost(masterCost: 1250, packSize: 100, usagePrice: .nan) == nil)
        #expect(PackPricedCost.unitCost(masterCost: 1250, packSize: 1, usagePrice: 12.5) == nil)
        #expect(PackPricedCost.unitCost(masterCost: 2.5, packSize: 2, usagePrice: 2) == nil)
    }
}
