import Tabular

/// The unit each item's purchase order lines and contract prices are counted in, and the factor
/// that takes a line written in another unit there.
///
/// ERPs export PO lines in the unit bought (a box, priced per box) while the item master and
/// the usage count eaches: read as written, one box on order was one unit on order, and its
/// $20 box price became the cost of an each (an order of $2,000 for nothing needed). Units are
/// compared by their usual spellings (`EA`, `EACH`, `PC`; `BX`, `BOX`; `CS`, `CASE`). A line in
/// another unit than its item's is converted by the item master's `pack_size` only when its
/// price shows it is the pack: within half to twice the pack's cost at the item master's unit
/// cost (a line in `CS` of ten boxes, or in eaches against a master kept in boxes, is not).
/// Otherwise, and where the item master gives no unit, the item's own unit is the one most of
/// its lines use, else the one its contract gives, and a line in another unit cannot be
/// counted with the others: `factor` is nil, and the caller leaves it out and says so.
public struct PurchaseUnits: Sendable {
    /// The item master's unit, pack size and unit cost of an item.
    public struct Master: Sendable {
        public var unit: String
        public var packSize: Double
        public var unitCost: Double
        public init(unit: String, packSize: Double, unitCost: Double = .nan) {
            self.unit = unit
            self.packSize = packSize
            self.unitCost = unitCost
        }
    }

    private let master: [String: Master]
    /// Each item's unit where the item master gives none: its lines' most common, else its contract's.
    private var fallback: [String: String] = [:]

    /// - Parameters:
    ///   - master: the item master's unit, pack size and cost by item.
    ///   - lines: every order line's item and unit, and every contract's, to settle items the
    ///     master does not give a unit.
    public init(master: [String: Master], lines: [(item: String, unit: String)], contracts: [(item: String, unit: String)]) {
        self.master = master
        var counts: [String: [String: Int]] = [:]
        for (item, unit) in lines where master[item]?.unit.isEmpty ?? true {
            let key = PurchaseUnits.key(unit)
            if !key.isEmpty { counts[item, default: [:]][key, default: 0] += 1 }
        }
        // A tie among the lines' units goes to the contract's unit when it is one of them (by
        // the alphabet, one line in BX beside one in EA left the EA contract out).
        var contractUnit: [String: String] = [:]
        for (item, unit) in contracts where !PurchaseUnits.key(unit).isEmpty { contractUnit[item] = PurchaseUnits.key(unit) }
        for (item, byUnit) in counts {
            let most = byUnit.values.max() ?? 0
            if let unit = contractUnit[item], byUnit[unit] == most {
                fallback[item] = unit
            } else {
                fallback[item] = byUnit.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            }
        }
        // The lines' unit before the contract's: lines in boxes against one contract row in
        // eaches left every line out (spend 0, an empty scorecard), where leaving the contract
        // out loses one price to compare with.
        for (item, unit) in contracts where (master[item]?.unit.isEmpty ?? true) && fallback[item] == nil {
            let key = PurchaseUnits.key(unit)
            if !key.isEmpty { fallback[item] = key }
        }
    }

    /// Spellings of one unit, read as the first. With the ANSI X12 355 and GS1 codes EDI-fed
    /// ERPs write: `CA` case, `CT`/`CTN` carton, `BO` bottle, `VI` vial, `TU` tube, `DZN` dozen.
    /// Without `CA`, a PO export writing cases as `CA` against an item master in `CS` had every
    /// line left out: an open PO of 20 cases was ordered again (18 cases, $684), and the vendor's
    /// whole scorecard ($3,952 on 7 lines) vanished. Only codes that mean one unit in both
    /// lists are here (`PH` is X12's pack but a pitcher in UN/ECE's); a carton (`CT` in both)
    /// is a unit of its own, never read as an each or a case.
    static let spellings: [String: String] = {
        var map: [String: String] = [:]
        for names in [["EA", "EACH", "EACHES", "UNIT", "UNITS", "PC", "PCS", "PIECE", "PIECES", "UN"], ["BX", "BOX", "BOXES"], ["CS", "CASE", "CASES", "CA"],
                      ["PK", "PACK", "PACKS", "PKG", "PACKAGE"], ["BT", "BTL", "BOTTLE", "BOTTLES", "BO"], ["VL", "VIAL", "VIALS", "VI"], ["DZ", "DOZEN", "DZN"],
                      ["PR", "PAIR", "PAIRS"], ["RL", "ROLL", "ROLLS"], ["BG", "BAG", "BAGS"], ["KT", "KIT", "KITS"], ["TB", "TUBE", "TUBES", "TU"],
                      ["CT", "CTN", "CARTON", "CARTONS"]] {
            for name in names { map[name] = names[0] }
        }
        return map
    }()

    /// Whether `unit` is one of the spellings above: a code outside them (`CJ`) may be any
    /// unit, and the note says so rather than asking again for the item master's.
    public static func isKnown(_ unit: String) -> Bool {
        spellings[unit.trimmed().uppercased()] != nil
    }

    /// The item master of `item` gives its unit, a pack size and a unit cost: all a line in
    /// its pack needs to be read, so a line left out is in a unit code nothing reads.
    public func masterIsComplete(for item: String) -> Bool {
        guard let m = master[item] else { return false }
        return !m.unit.isEmpty && m.unitCost > 0
    }

    /// Units compared without case, surrounding spaces or spelling (`bx `, `Box`).
    static func key(_ unit: String) -> String {
        let key = unit.trimmed().uppercased()
        return spellings[key] ?? key
    }

    /// What one unit of `unit` of `item` is in the item's own unit: 1 when it is that unit (or
    /// the line names none); the pack size when the line's `price` (per `unit`) is the pack's;
    /// nil when nothing says.
    public func factor(item: String, unit: String, price: Double = .nan) -> Double? {
        let written = PurchaseUnits.key(unit)
        guard !written.isEmpty else { return 1 }
        if let m = master[item], !m.unit.isEmpty {
            if written == PurchaseUnits.key(m.unit) { return 1 }
            guard m.packSize > 1, m.unitCost > 0, price.isFinite, price > 0 else { return nil }
            let ratio = price / (m.packSize * m.unitCost)
            return ratio >= 0.5 && ratio <= 2 ? m.packSize : nil
        }
        guard let own = fallback[item] else { return 1 }
        return written == own ? 1 : nil
    }

    /// The item's own unit, for a note; empty when none is known.
    public func unit(of item: String) -> String {
        if let m = master[item], !m.unit.isEmpty { return m.unit }
        return fallback[item] ?? ""
    }
}
