import Tabular

/// The units of measure each series' rows are written in, to name the series that mix them:
/// one item issued in boxes (BX) and in eaches (EA) was summed as one number, 62 boxes and 100
/// eaches read as 162, with no word (the reorder command flags it as `uom_mismatch`).
///
/// Units are compared ignoring ASCII case and the spaces around them; an empty unit is none.
/// Each unit becomes a small tag (`tag(of:)`) that a row carries beside its series' id (from
/// `PeriodTotalsLoader`'s batches, or `PeriodTotals.id(adding:day:value:)`) into `SeriesTags`,
/// so a row costs no lookup of its series of its own; a row whose unit is the last row's costs
/// one comparison.
struct UnitsBySeries {
    private var units = ByteKeyTable(capacity: 16)
    private var upper: [UInt8] = []
    private var lastField: [UInt8] = []
    private var lastTag: Int32 = -1

    /// The unit's tag, or -1 for an empty unit.
    mutating func tag(of field: UnsafeBufferPointer<UInt8>) -> Int32 {
        if field.elementsEqual(lastField) { return lastTag }
        lastField.removeAll(keepingCapacity: true)
        lastField.append(contentsOf: field)
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        guard start < end else { lastTag = -1; return -1 }
        upper.removeAll(keepingCapacity: true)
        for i in start..<end { upper.append(field[i] >= 0x61 && field[i] <= 0x7A ? field[i] - 0x20 : field[i]) }
        lastTag = Int32(upper.withUnsafeBufferPointer { units.intern($0) })
        return lastTag
    }

    /// "1 series is written in more than one unit of measure in column 'UOM' (Gloves: BX,
    /// EA): ...", or nil when `mixed` is empty. `mixed` holds each series' name and tags.
    func note(_ mixed: [(series: String, tags: Set<Int32>)], column: String) -> String? {
        guard !mixed.isEmpty else { return nil }
        let named = mixed.map { (series: $0.series, units: $0.tags.map { units.key(Int($0)) }.sorted()) }.sorted { $0.series < $1.series }
        let shown = named.prefix(5).map { "\($0.series): \($0.units.joined(separator: ", "))" }.listed(of: named.count)
        let one = named.count == 1
        return "\(one ? "1 series is" : "\(named.count) series are") written in more than one unit of measure in column '\(column)' (\(shown)): summed as written, as no conversion is known; convert \(one ? "it" : "them") to one unit before reading"
    }
}
