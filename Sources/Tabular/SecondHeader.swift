/// A header line part way down a file that is not a byte-for-byte repeat of the first: two
/// exports joined with `cat` whose report templates differ. The rows after it belong to it,
/// not to the first header.
///
/// Read by the first header's positions, they were wrong without a word: a December export
/// appended under `Trans Date,Item #,Description,Unit Cost,Qty Issued` (the last two swapped)
/// had its unit cost summed as quantity (31 x 7.61 = 235.91 issued instead of 1,306), and a
/// wide sheet's second half-year under `Item Code,Description,JAN26..JUN26` was added onto
/// July to December (RX10010's July read 98 + 109 = 207, and 2026 vanished).
///
/// Only a line the import could not read is looked at (a header's names are no dates or
/// numbers), so the rows of an ordinary file pay nothing. Such a line is a header when it
/// names every column the import reads by role (`Trans Date`, `Item #`, `Qty Issued`), or
/// half of those and half of the first header's names (with no role read, an unpivot alone,
/// half of the header's names);
/// names compare as the column map compares them, and month labels by their month (`key`).
/// - Every column the import reads is found by name: the rows after it are re-mapped by name
///   (`fields`), a column it does not read and the new header lacks reading as empty.
/// - A column the import reads is missing (a wide sheet's other months, a renamed column):
///   the rows cannot be read by either header, and the import stops naming the line and the
///   columns (`error`).
public struct SecondHeader {
    /// For each column of the first header, the field of the new header's rows that holds it;
    /// -1 for a column the new header lacks (read as empty; never one the import reads).
    public let fields: [Int]
    /// How many fields the new header has: its rows are checked against that count.
    public let count: Int
    /// The first header's columns the new header lacks, among those the import reads.
    public let missing: [Int]
    /// The new header's names the first lacks.
    public let extra: [String]

    /// The key a header name is compared by: as the column map compares names (`matchKey`:
    /// case, surrounding spaces and runs of spaces aside), a UTF-8 byte-order mark (a second
    /// "CSV UTF-8" export's, carried into the file by `cat`) dropped, and a month label by the
    /// month it names. Compared trimmed and lower-cased only, November's `Qty  Issued` (two
    /// spaces) stopped an import the column map reads without a word under `Qty Issued`, and a
    /// second sheet's `Jul-25,Aug-25,Sep-25` under the first's `JUL25,AUG25,SEP25` stopped a
    /// run as lacking three months it holds.
    static func key(_ name: String) -> String {
        var name = name
        if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
        let bytes = Array(name.utf8)
        let month = bytes.withUnsafeBufferPointer { field -> CalendarDay? in
            DateParser.namesMonth(field) ? DateParser().parse(field) : nil
        }
        if let month { return "\u{1}month \(month)" }
        return name.matchKey()
    }

    /// The second header `record` is, or nil when it is not one (a bad data row). `read` is
    /// the first header's columns the import reads (its roles' and an unpivot's cells), `roles`
    /// those of the roles alone.
    public static func of(_ record: CSVRecord, header: [String], read: Set<Int>, roles: Set<Int>) -> SecondHeader? {
        guard record.count > 0, !header.isEmpty else { return nil }
        let names = record.strings.map(key)
        var positions: [String: [Int]] = [:]
        for (k, name) in names.enumerated() where !name.isEmpty { positions[name, default: []].append(k) }
        var used: [String: Int] = [:]
        var fields = [Int](repeating: -1, count: header.count)
        var found = 0
        for k in header.indices {
            let name = key(header[k])
            guard !name.isEmpty, let at = positions[name] else { continue }
            let n = used[name, default: 0]
            guard n < at.count else { continue }
            used[name] = n + 1
            fields[k] = at[n]
            found += 1
        }
        // The columns read by role must all be named; with none, half of the header at least.
        // (Or half of them and half of the header: `Trans Date,Item #,Quantity` under
        // `Trans Date,Item #,Qty Issued` is a header lacking a column, not a bad row.)
        let rolesFound = roles.filter { fields[$0] >= 0 }.count
        let halfTheHeader = found * 2 >= header.count && found >= 2
        if roles.isEmpty {
            guard halfTheHeader else { return nil }
        } else {
            guard rolesFound == roles.count || (rolesFound * 2 >= roles.count && halfTheHeader) else { return nil }
        }
        let missing = read.filter { fields[$0] < 0 }.sorted()
        let known = Set(header.map(key))
        let extra = record.strings.filter { !key($0).isEmpty && !known.contains(key($0)) }
        return SecondHeader(fields: fields, count: record.count, missing: missing, extra: extra)
    }

    /// Whether its rows read as the first header's do: every column in its place and no other.
    public var isTheFirst: Bool { count == fields.count && fields.enumerated().allSatisfy { $0.offset == $0.element } }

    /// The stop for a second header lacking columns the import reads.
    public func error(file: String, line: Int, header: [String]) -> InputError {
        let lacks = missing.map { "'\(header[$0].clipped)'" }
        let lacksText = lacks.count > 6 ? lacks.prefix(3).joined(separator: ", ") + " ... " + lacks.suffix(2).joined(separator: ", ") + " (\(lacks.count) columns)" : lacks.joinedWithAnd
        let has = extra.map { "'\($0.clipped)'" }
        let hasText = has.isEmpty ? "" : ", and has " + (has.count > 6 ? has.prefix(3).joined(separator: ", ") + " ... " + has.suffix(2).joined(separator: ", ") + " (\(has.count) columns)" : has.joinedWithAnd) + " instead"
        return InputError(file: file, line: line,
                          "a second header, not the first one repeated: it lacks \(lacksText) of the file's first header\(hasText). The file joins exports with different columns, and the rows after this line cannot be read by the first header's columns; save them as a file of their own (with this header) and import it separately, or export the whole range at once")
    }
}
