import Testing
@testable import Planning

/// The unit an item's PO lines and contracts are counted in (`PurchaseUnits`).
@Suite struct PurchaseUnitsTests {
    /// G1 is counted in EA, 100 to the box: a line in BX is 100 of them, one in EA or with no
    /// unit is itself. G2 has a pack of 1: a box of it says nothing about its eaches. G3 has no
    /// item master row: its contract's unit is its own, and a line in another is not counted.
    /// G4 has neither master nor contract: its lines' most common unit.
    @Test func factorsToTheItemsOwnUnit() {
        let units = PurchaseUnits(master: ["G1": .init(unit: "EA", packSize: 100), "G2": .init(unit: "EA", packSize: 1)],
                                  lines: [("G1", "BX"), ("G3", "EA"), ("G4", "CS"), ("G4", "CS"), ("G4", "EA")],
                                  contracts: [("G3", "bx ")])
        #expect(units.factor(item: "G1", unit: "BX") == 100 && units.factor(item: "G1", unit: " ea") == 1 && units.factor(item: "G1", unit: "") == 1)
        #expect(units.factor(item: "G2", unit: "BX") == nil && units.factor(item: "G2", unit: "EA") == 1)
        #expect(units.factor(item: "G3", unit: "BX") == 1 && units.factor(item: "G3", unit: "EA") == nil)
        #expect(units.unit(of: "G3") == "BX")
        #expect(units.factor(item: "G4", unit: "CS") == 1 && units.factor(item: "G4", unit: "EA") == nil)
        #expect(units.factor(item: "G5", unit: "BX") == 1)
    }
}
