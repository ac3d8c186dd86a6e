import Tabular

/// The unit each item's purchase order lines and contract prices are counted in, and the factor
/// that takes a line written in another unit there.
///
/// ERPs export PO lines in the unit bought (a box, priced per box) while the item master and
/// the usage count eaches: read as written, one box on order was one unit on order, and its
/// $20 box price became the cost of an each (an order of $2,000 for nothing needed). A line in
/// another unit than its item's is converted by the item master's `pack_size` (the eaches in
/// the unit ordered, as orders round to whole packs). Where no pack size says how many (no
/// item master row, a pack of 1, or an item master without a unit), the item's own unit is the
/// one its contract gives, else the one most of its lines use, and a line in another unit
/// cannot be counted with the others: `factor` is nil, and the caller leaves it out and says so.
public struct PurchaseUnits: Sendable {
    /// The item master's unit and pack size of an item.
    public struct Master: Sendable {
        public var unit: String
        public var packSize: Double
        public init(unit: String, packSize: Double) {
            self.unit = unit
            self.packSize = packSize
        }
    }

    private let master: [String: Master]
    /// Each item's unit where the item master gives none: its contract's, else its lines' most common.
    private var fallback: [String: String] = [:]

    /// - Parameters:
    ///   - master: the item master's unit and pack size by item.
    ///   - lines: every order line's item and unit, and every contract's, to settle items the
    ///     master does not give a unit.
    public init(master: [String: Master], lines: [(item: String, unit: String)], contracts: [(item: String, unit: String)]) {
        self.master = master
        var counts: [String: [String: Int]] = [:]
        for (item, unit) in lines where master[item]?.unit.isEmpty ?? true {
            let key = PurchaseUnits.key(unit)
            if !key.isEmpty { counts[item, default: [:]][key, default: 0] += 1 }
        }
        for (item, byUnit) in counts {
            fallback[item] = byUnit.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        for (item, unit) in contracts where master[item]?.unit.isEmpty ?? true {
            let key = PurchaseUnits.key(unit)
            if !key.isEmpty { fallback[item] = key }
        }
    }

    /// Units compared without case or surrounding spaces (`bx`, `BX `).
    static func key(_ unit: String) -> String { unit.trimmed().uppercased() }

    /// What one unit of `unit` of `item` is in the item's own unit: 1 when it is that unit (or
    /// the line names none), the pack size for the unit bought, nil when nothing says.
    public func factor(item: String, unit: String) -> Double? {
        let written = PurchaseUnits.key(unit)
        guard !written.isEmpty else { return 1 }
        if let m = master[item], !m.unit.isEmpty {
            if written == PurchaseUnits.key(m.unit) { return 1 }
            return m.packSize > 1 ? m.packSize : nil
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
