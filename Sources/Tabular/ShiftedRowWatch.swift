/// A row moved one column right by a delimiter inside an unquoted text (`Suture nylon 3-0, 18`
/// written by an export that does not quote text): its fields count as the header's when the
/// header ends in a free-text column (`Comments`) that the other rows leave empty, and the
/// numbers land one column late.
///
/// Read so, the suture's length (`18`) was its quantity and its quantity (2-6) its unit cost,
/// 31 rows a month: 558 sutures in October where 121 was right (4.6x), with no word.
///
/// Watched only when the header's last named column is named as free text alone (`Comments`,
/// `Note`, `Memo`; not `Credit Memo Qty`, a number column), skipping the empty-named column a
/// delimiter at the end of every line adds (a trailing comma hid the suture rows again, 558
/// read), and the first rows leave it empty. A row is rejected only with evidence of the move
/// in its own fields: it has as many fields as the header, a number in that column written as
/// the column before it is on the first rows (a price, `4.50`, where those rows write `7.61`),
/// and in that column a number written otherwise (`2`), as the column before that writes them.
/// (The parser strips the space after the cut, ` 18`, so the space itself tells nothing.) A
/// number there without that evidence is a storekeeper's note (a count returned, a PO number):
/// rejected as a shift, four well-formed Foley rows (`Foley tray 16Fr,15,9.85,2`) lost 102
/// units of a quarter, 546 timekeeping rows 5,280.75 hours, and a `Credit Memo Qty` column 43
/// order lines ($26,111.85); such rows are read as written and named in a note. Any other row
/// costs one look at its last field.
struct ShiftedRowWatch {
    /// The trailing free-text column.
    let column: Int
    let header: String
    /// The header's fields, trailing empty-named ones included.
    let fields: Int

    static let freeTextNames: Set<String> = ["comment", "comments", "note", "notes", "remark", "remarks", "memo", "memos"]

    init?(header: [String], leadingRows: [[String]]) {
        guard let k = header.lastIndex(where: { !$0.trimmed().isEmpty }), k >= 2 else { return nil }
        guard ShiftedRowWatch.freeTextNames.contains(header[k].matchKey()) else { return nil }
        // Left empty by the rows that fill every column (a row of the header's length).
        let full = leadingRows.filter { $0.count == header.count && $0[k].trimmed().isEmpty }
        guard !full.isEmpty else { return nil }
        column = k
        fields = header.count
        self.header = header[k]
        // How those rows write the column before it: with a decimal mark on every row (prices).
        let before = full.map { $0[k - 1].trimmed() }.filter { !$0.isEmpty }
        beforeHasDecimals = !before.isEmpty && before.allSatisfy(ShiftedRowWatch.hasDecimals)
    }

    /// Whether the column before the watched one is written with decimals on the first rows.
    let beforeHasDecimals: Bool

    /// Whether a number is written with a decimal mark and digits after it (`4.50`, `0,20`).
    static func hasDecimals(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let mark = bytes.lastIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else { return false }
        return mark + 1 < bytes.count && bytes[mark + 1] &- 48 <= 9 && bytes[..<mark].contains { $0 &- 48 <= 9 }
    }

    /// Whether a row with a number in the watched column shows it moved one column right: the
    /// header's field count, that number written as the column before it writes its values
    /// (with decimals), and that column's own value a number written without.
    func showsMove(_ record: CSVRecord, numbers: NumberParser) -> Bool {
        guard beforeHasDecimals, record.count == fields else { return false }
        let here = String(decoding: record[column], as: UTF8.self).trimmed()
        let before = record[column - 1]
        let beforeText = String(decoding: before, as: UTF8.self).trimmed()
        return ShiftedRowWatch.hasDecimals(here) && numbers.parse(before) != nil && !ShiftedRowWatch.hasDecimals(beforeText)
    }

    /// The rejection's reason for a row `showsMove` finds moved, quoting the row's own fields
    /// from its last text before the watched column (`Suture nylon 3-0,18,2,4.50`).
    func reason(_ record: CSVRecord, delimiter: UInt8, numbers: NumberParser) -> String {
        var first = column - 1
        while first > 0, numbers.parse(record[first]) != nil { first -= 1 }
        let shown = (first...column).map { String(decoding: record[$0], as: UTF8.self) }.joined(separator: String(decoding: [delimiter], as: UTF8.self))
        let number = String(decoding: record[column], as: UTF8.self)
        let before = String(decoding: record[column - 1], as: UTF8.self)
        return "'\(header.clipped)' holds the number '\(number.clipped)' where other rows leave it empty, written as the column before it writes its values, which holds '\(before.clipped)' here: the row's values seem moved one column to the right by a delimiter inside a text before them that is not quoted (the row reads `\(shown.clipped)`), so its quantity and cost would be read from the wrong columns; quote text values in the export (or remove the delimiter from that text)"
    }

    /// The note for rows with a number in the watched column and nothing else that looks
    /// moved, read as written (`lines` in file order, `count` of them).
    func note(lines: [Int], count: Int) -> String {
        let shown = lines.prefix(5).map(String.init).listedWithAnd(upTo: 5, of: count)
        return "\(count == 1 ? "a row holds" : "\(count) rows hold") a number in '\(header.clipped)' (line\(count == 1 ? "" : "s") \(shown)), a column the first rows leave empty: read as written, since nothing else in \(count == 1 ? "it" : "them") looks moved by an unquoted delimiter; if a text before it holds one, quote text values in the export"
    }
}
