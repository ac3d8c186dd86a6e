import Testing
@testable import Planning

/// The unit an item's PO lines and contracts are counted in (`PurchaseUnits`).
@Suite struct PurchaseUnitsTests {
    /// G1 is counted in EA at $0.20, 100 to the box: a line in BX priced about $20 is 100 of
    /// them; one in EA, EACH or PC, or with no unit, is itself; a line in CS at $200 (ten boxes)
    /// or a box without a price is not known to be the pack. G2 has a pack of 1: a box of it
    /// says nothing. G3 has no item master row: its lines' unit is its own, and its contract in
    /// another is not counted (the buyer review's lines in boxes against one contract row in
    /// eaches had every line left out, spend 0). G7 has no lines: its contract's unit. G4 has
    /// neither master nor contract: its lines' most common unit.
    /// The diff review found 500 EACH against a master in EA read as 50,000.
    @Test func factorsToTheItemsOwnUnit() {
        let units = PurchaseUnits(master: ["G1": .init(unit: "EA", packSize: 100, unitCost: 0.2), "G2": .init(unit: "EA", packSize: 1, unitCost: 1),
                                           "G6": .init(unit: "BX", packSize: 10, unitCost: 10)],
                                  lines: [("G1", "BX"), ("G3", "EA"), ("G4", "CS"), ("G4", "CS"), ("G4", "EA")],
                                  contracts: [("G3", "bx "), ("G7", "Box")])
        #expect(units.factor(item: "G1", unit: "BX", price: 21) == 100 && units.factor(item: "G1", unit: "Box", price: 19) == 100)
        #expect(units.factor(item: "G1", unit: " ea") == 1 && units.factor(item: "G1", unit: "") == 1)
        #expect(units.factor(item: "G1", unit: "EACH") == 1 && units.factor(item: "G1", unit: "pcs") == 1)
        #expect(units.factor(item: "G1", unit: "CS", price: 200) == nil && units.factor(item: "G1", unit: "BX") == nil)
        #expect(units.factor(item: "G2", unit: "BX", price: 1) == nil && units.factor(item: "G2", unit: "EA") == 1)
        // A master kept in boxes: a line in eaches at a tenth of the box price is no box.
        #expect(units.factor(item: "G6", unit: "EA", price: 1) == nil)
        #expect(units.factor(item: "G3", unit: "EA") == 1 && units.factor(item: "G3", unit: "BX") == nil)
        #expect(units.unit(of: "G3") == "EA" && units.unit(of: "G7") == "BX")
        // The diff review: one line in EA and one in BX, the contract in EA: the tie goes to the
        // contract's unit (the alphabet chose BX, and the contract was left out).
        let tied = PurchaseUnits(master: [:], lines: [("T1", "EA"), ("T1", "BX")], contracts: [("T1", "ea")])
        #expect(tied.unit(of: "T1") == "EA" && tied.factor(item: "T1", unit: "BX") == nil)
        #expect(units.factor(item: "G4", unit: "CS") == 1 && units.factor(item: "G4", unit: "case") == 1 && units.factor(item: "G4", unit: "EA") == nil)
        #expect(units.factor(item: "G5", unit: "BX") == 1)
    }
}
