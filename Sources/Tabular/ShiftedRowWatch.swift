/// A row moved one column right by a delimiter inside an unquoted text (`Suture nylon 3-0, 18`
/// written by an export that does not quote text): its fields count as the header's when the
/// header ends in a free-text column (`Comments`) that the other rows leave empty, and the
/// numbers land one column late.
///
/// Read so, the suture's length (`18`) was its quantity and its quantity (2-6) its unit cost,
/// 31 rows a month: 558 sutures in October where 121 was right (4.6x), with no word. Only a
/// row whose number in the trailing text column would have been caught (the Foley rows'
/// `10 mL balloon` in the quantity were "not a number"). Watched only when the header's last
/// column is named as free text (comments, notes, remarks, memo) and the first rows leave it
/// empty; such a row is then rejected when that column holds a number. Any other row costs
/// one look at its last field.
struct ShiftedRowWatch {
    /// The trailing free-text column.
    let column: Int
    let header: String

    static let freeTextWords = ["comment", "note", "remark", "memo"]

    init?(header: [String], leadingRows: [[String]]) {
        guard header.count >= 3, let last = header.last else { return nil }
        let name = last.matchKey()
        guard ShiftedRowWatch.freeTextWords.contains(where: { name.contains($0) }) else { return nil }
        let k = header.count - 1
        // Left empty by the rows that fill every column (a row of the header's length).
        guard leadingRows.contains(where: { $0.count == header.count && $0[k].trimmed().isEmpty }) else { return nil }
        column = k
        self.header = last
    }

    /// The rejection's reason for the number `field` in the free-text column.
    func reason(_ field: UnsafeBufferPointer<UInt8>) -> String {
        "'\(header.clipped)' holds the number '\(String(decoding: field, as: UTF8.self).clipped)' where other rows leave it empty: the row's values seem moved one column to the right by a delimiter inside a text before them that is not quoted (`Suture nylon 3-0, 18`), so its quantity and cost would be read from the wrong columns; quote text values in the export (or remove the delimiter from that text)"
    }
}
