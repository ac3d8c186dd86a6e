import Tabular

/// The units of measure each series' rows are written in, to name the series that mix them:
/// one item issued in boxes (BX) and in eaches (EA) was summed as one number, 62 boxes and 100
/// eaches read as 162, with no word (the reorder command flags it as `uom_mismatch`).
///
/// Units are compared ignoring ASCII case and the spaces around them; an empty unit is none.
/// Every row costs two lookups of its bytes and no allocation: a file of millions of rows in
/// any order reads as fast as without the column.
struct UnitsBySeries {
    private var series = ByteKeyTable(capacity: 256)
    private var units = ByteKeyTable(capacity: 16)
    /// Per series id, the unit of its first row.
    private var firstUnit: [Int] = []
    /// The series written in more than one unit, with their units' ids.
    private var mixed: [Int: Set<Int>] = [:]
    private var upper: [UInt8] = []

    mutating func see(series key: UnsafeBufferPointer<UInt8>, unit field: UnsafeBufferPointer<UInt8>) {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return }
        upper.removeAll(keepingCapacity: true)
        for i in start..<end { upper.append(field[i] >= 0x61 && field[i] <= 0x7A ? field[i] - 0x20 : field[i]) }
        let unit = upper.withUnsafeBufferPointer { units.intern($0) }
        let id = series.intern(key)
        if id == firstUnit.count {
            firstUnit.append(unit)
        } else if firstUnit[id] != unit {
            mixed[id, default: [firstUnit[id]]].insert(unit)
        }
    }

    /// "1 series is written in more than one unit of measure in column 'UOM' (Gloves: BX,
    /// EA): ...", or nil when none is.
    func mixedNote(column: String) -> String? {
        guard !mixed.isEmpty else { return nil }
        let named = mixed.map { (series: series.key($0.key), units: $0.value.map { units.key($0) }.sorted()) }.sorted { $0.series < $1.series }
        let shown = named.prefix(5).map { "\($0.series): \($0.units.joined(separator: ", "))" }.listed(of: named.count)
        let one = named.count == 1
        return "\(one ? "1 series is" : "\(named.count) series are") written in more than one unit of measure in column '\(column)' (\(shown)): summed as written, as no conversion is known; convert \(one ? "it" : "them") to one unit before reading"
    }
}
