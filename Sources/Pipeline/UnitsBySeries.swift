/// The units of measure each series' rows are written in, to name the series that mix them:
/// one item issued in boxes (BX) and in eaches (EA) was summed as one number, 62 boxes and 100
/// eaches read as 162, with no word (the reorder command flags it as `uom_mismatch`).
///
/// Units are compared ignoring case and spaces; an empty unit is none. Consecutive rows of the
/// same series and unit are seen once, so a file sorted by item costs one comparison a row.
struct UnitsBySeries {
    private var units: [String: Set<String>] = [:]
    private var lastSeries: [UInt8] = []
    private var lastUnit: [UInt8] = []

    mutating func see(series: UnsafeBufferPointer<UInt8>, unit: UnsafeBufferPointer<UInt8>) {
        guard !unit.isEmpty, !(series.elementsEqual(lastSeries) && unit.elementsEqual(lastUnit)) else { return }
        lastSeries = Array(series)
        lastUnit = Array(unit)
        let name = String(decoding: unit, as: UTF8.self).matchKey()
        guard !name.isEmpty else { return }
        units[String(decoding: series, as: UTF8.self), default: []].insert(name.uppercased())
    }

    /// "1 series is written in more than one unit of measure in column 'UOM' (Gloves Nitrile M:
    /// BX, EA): ...",
    /// or nil when none is.
    func mixedNote(column: String) -> String? {
        let mixed = units.filter { $0.value.count > 1 }.keys.sorted()
        guard !mixed.isEmpty else { return nil }
        let shown = mixed.prefix(5).map { "\($0): \(units[$0]!.sorted().joined(separator: ", "))" }.listed(of: mixed.count)
        let one = mixed.count == 1
        return "\(one ? "1 series is" : "\(mixed.count) series are") written in more than one unit of measure in column '\(column)' (\(shown)): summed as written, as no conversion is known; convert \(one ? "it" : "them") to one unit before reading"
    }
}
