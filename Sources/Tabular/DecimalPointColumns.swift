/// The columns whose own values settle the point as the decimal mark, in a file whose marks
/// are in doubt (`NumberParser.marksInDoubt`: semicolons, or dates written `01.10.2025`).
///
/// A point followed by one, two or four or more digits (`12.5`, `7.75`) cannot group
/// thousands, so in a column holding such a value `1.250` is 1.25 too. Refused as in doubt
/// all the same, an SAP export of albumin in litres (`7.75`, `2.5`, `12.5` ... and one
/// `1.250`) lost 1.25 L of November's 497.25 (496 read), under the 1% limit and with exit 0.
/// A column whose every dotted value has three digits after the point (`950`, `1.050`,
/// `1.200`) settles nothing, and its `1.200` stays refused. Judged from the rows the import
/// looks at first (`TableImport.rowsLookedAt`), as the dotted dates are, so every thread and
/// shard reads a column alike.
enum DecimalPointColumns {
    /// The columns of `rows` settled so.
    static func settled(in rows: [[String]], columns: Int) -> Set<Int> {
        let plain = NumberParser(decimalComma: false)
        var settled = Set<Int>()
        for row in rows {
            for (k, value) in row.enumerated() where k < columns && !settled.contains(k) {
                if pointsADecimal(value), plain.parse(value) != nil { settled.insert(k) }
            }
        }
        return settled
    }

    /// Whether the value's last point is followed by a run of digits other than three long.
    static func pointsADecimal(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let point = bytes.lastIndex(of: UInt8(ascii: ".")) else { return false }
        var digits = 0
        for b in bytes[(point + 1)...] { if b &- 48 <= 9 { digits += 1 } else { break } }
        return digits > 0 && digits != 3
    }
}
