import Tabular

/// Item codes that differ from the item master's only in the leading zeros of their leading
/// number (`900`, `0900` and `000900`; `0409-1111-01` and `00409-1111-01`) or in case (`ab-7`
/// and `AB-7`), read as the master writes them.
///
/// Spreadsheets strip the leading zeros of numeric codes, and other systems pad them or write
/// codes in lower case: matched byte for byte, an item used 20 a day was "no recent demand",
/// flagged dead stock and never ordered, while its usage was "without an inventory row".
/// Only when the master has no such code itself, and only when one master code fits (a
/// master holding both `ab-7` and `AB-7` keeps them apart).
struct ItemCodeMatch {
    /// Master code by its key (`value`), for the codes that are the only one of their key.
    private var byValue: [String: String] = [:]
    private let master: Set<String>
    /// "usage 900 -> 000900", for the run's note; first, rows left out as a repeat of another
    /// once their codes are read so (`repeated`).
    var renamed: [String] { repeated + spelled }
    private var spelled: [String] = []
    /// "orders.csv line 3 repeats line 2's receipt ...": a row the import would have rejected
    /// had it written the item alike.
    private(set) var repeated: [String] = []

    init(master codes: [String]) {
        master = Set(codes)
        var seen: [String: Int] = [:]
        for code in master { if let value = ItemCodeMatch.value(code) { seen[value, default: 0] += 1; byValue[value] = code } }
        for (value, count) in seen where count > 1 { byValue[value] = nil }
    }

    /// `code` as the master writes it (itself when the master has it, or no code fits).
    func masterCode(_ code: String) -> String {
        guard !master.contains(code), let value = ItemCodeMatch.value(code), let found = byValue[value] else { return code }
        return found
    }

    /// The code as matched, as `Shard` hashes it: its leading number without its leading zeros
    /// ("0" for zeros alone) and its letters in upper case, by Unicode's rules for a code that
    /// is not ASCII (an upper-case item master's `PARACÉTAMOL 500 MG CP` is the dispensing
    /// export's `Paracétamol 500 mg cp`: folded as ASCII, `É` and `é` stayed apart, and three
    /// drugs in daily use with a week of stock were flagged dead stock and not ordered, where
    /// 200 / 60 / 140 was right); nil for an empty code. Spaces
    /// around it are no part of it: a quoted `" 6010"` is the master's `06010`. So a
    /// 10-digit NDC and its 11-digit form, `0409-1111-01` and `00409-1111-01`, are one item (only
    /// all-digit codes were, and a pharmacy's dashed NDCs in use were planned as dead stock).
    static func value(_ code: String) -> String? {
        let code = code.first?.isWhitespace == true || code.last?.isWhitespace == true ? code.trimmed() : code
        guard !code.isEmpty else { return nil }
        let bytes = Array(code.utf8)
        var i = 0
        while i + 1 < bytes.count && bytes[i] == 0x30 && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 { i += 1 }
        if bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes[i...], as: UTF8.self).uppercased() }
        return String(decoding: bytes[i...].map { $0 &- 97 < 26 ? $0 &- 32 : $0 }, as: UTF8.self)
    }

    /// `table`'s item column with codes read as the master's; `what` names the input for the
    /// note. The column is rebuilt only when some code is read otherwise (a usage export holds
    /// millions of rows and few distinct codes).
    ///
    /// Rows of events (usage issues, PO lines, contracts) of two spellings of one item are that
    /// item's, summed or listed as rows spelled alike are, and the note names both spellings:
    /// a usage file writing `06010` on one day and `6010` on the next stopped the run, asking
    /// to "keep one row" of two real issues.
    ///
    /// `oneRowPer`, for a table of counts, names the columns that, with the item, a row stands
    /// alone for (an inventory's location; `[]` for an inventory without one): two rows that
    /// are one once read so are an error, as two rows spelled alike are at the import (`000123`
    /// and `123` at Central were summed to twice the stock). It names the two rows' file lines.
    /// A location is compared as the import compares it (`UniqueRows`: case and spaces aside),
    /// so `Main` and `MAIN` are one place here too; a lot number byte for byte.
    ///
    /// `oneRowPerReceipt`, for PO lines, is the import's repeated-row key (`InputSchema.orderReceipt`):
    /// a row alike in all its columns to an earlier one once its code is read as the master's is
    /// the same receipt twice, rejected as the import rejects a repeat written alike (which it
    /// cannot see before the codes are read): left out, and named with both file lines in the
    /// note. Counted, `P5,06010,...,100` and `P5,6010,...,100` received 200.
    mutating func apply(to table: inout Table, _ what: String, oneRowPer others: [String]? = nil, oneRowPerReceipt receipt: InputSchema.UniqueKey? = nil) throws {
        guard !byValue.isEmpty, let items = table.texts("item") else { return }
        var seen = Set<String>(), targets: [String: String] = [:], found: [String] = []
        /// Master code -> the spellings of it the table writes, in first-seen order.
        var spellings: [String: [String]] = [:]
        for code in items where seen.insert(code).inserted {
            if master.contains(code) {
                spellings[code, default: []].append(code)
            } else if let value = ItemCodeMatch.value(code), let target = byValue[value] {
                targets[code] = target
                found.append(code)
                spellings[target, default: []].append(code)
            }
        }
        guard !targets.isEmpty else { return }
        for code in found {
            let target = targets[code]!, others = spellings[target, default: []].filter { $0 != code }
            spelled.append("\(what) \(code) -> \(target)" + (others.isEmpty ? "" : " (\(what) writes \(others.joined(separator: " and ")) too: one item)"))
        }
        let read = items.map { targets[$0] ?? $0 }
        if let given = others {
            // A column the table lacks (an inventory without locations) is no part of the key.
            let others = given.filter { table.index(of: $0) != nil }
            let columns = others.compactMap { name in table.texts(name).map { name == "location" ? $0.map { $0.matchKey() } : $0 } }
            let written = others.compactMap { table.texts($0) }
            if let (earlier, row) = Self.respelledRepeats(read: read, written: items, columns: columns).first {
                let place = zip(others, written).map { " at \($0) \($1[row])" + ($1[earlier] != $1[row] ? " (\($1[earlier]) on the other)" : "") }.joined()
                let header = table.sourceHeaders.first { $0.role == "item" }?.header
                let lines = Self.lines(of: table, rows: read.count, earlier, row)
                let rows = lines.map { "lines \($0.0) and \($0.1)" } ?? "rows \(earlier + 1) and \(row + 1) of the table"
                throw InputError(file: table.sourceFile ?? what, line: lines.map { Int($0.1) }, column: header,
                                 "\(rows) count the same stock: item \(items[earlier]) and item \(items[row])\(place) are one item (\(read[row]) in the item master, written with other leading zeros or case), and summed the stock would count twice; keep one count: remove the line that repeats it, or add the two into one line if they count different shelves")
            }
        }
        table.replace("item", with: .text(read))
        if let receipt { dropRepeatedReceipts(&table, what, written: items, key: receipt) }
    }

    /// Leaves out a row that repeats an earlier one in every column of `key` (the item as read),
    /// where the two write the item differently (`apply`'s `oneRowPerReceipt`).
    private mutating func dropRepeatedReceipts(_ table: inout Table, _ what: String, written items: [String], key: InputSchema.UniqueKey) {
        guard let read = table.texts("item") else { return }
        if let required = key.onlyWith, table.index(of: required) == nil { return }
        let required = key.onlyWith.flatMap { table.texts($0) }
        let names = key.roles.filter { $0 != "item" && table.index(of: $0) != nil }
        let columns = names.compactMap { table.texts($0) }
        var keep = [Bool](repeating: true, count: read.count)
        for (earlier, row) in Self.respelledRepeats(read: read, written: items, columns: columns, where: { !(required?[$0].isEmpty ?? false) }) {
            keep[row] = false
            let lines = Self.lines(of: table, rows: read.count, earlier, row)
            let file = table.sourceFile ?? what
            let said = lines.map { "\(file) line \($0.1) repeats line \($0.0)" } ?? "\(what) row \(row + 1) repeats row \(earlier + 1)"
            let po = table.texts("po").map { " \($0[row])" } ?? ""
            repeated.append("\(said): the same receipt of PO\(po) (item \(items[earlier]) and item \(items[row]) are one item, \(read[row]) in the item master), rejected as a repeated row is, so it is counted once; remove the repeat from the export")
        }
        if keep.contains(false) { table = table.filtered(keep) }
    }

    /// Pairs of rows alike in the item as read and in `columns`, the later written otherwise
    /// than the earlier (`written`): one row twice under two spellings. Rows `where` rejects
    /// take no part.
    private static func respelledRepeats(read: [String], written: [String], columns: [[String]],
                                         where included: (Int) -> Bool = { _ in true }) -> [(earlier: Int, row: Int)] {
        var first: [String: Int] = [:], pairs: [(earlier: Int, row: Int)] = []
        for row in read.indices where included(row) {
            let key = CompositeKey.joined([read[row]] + columns.map { $0[row] })
            guard let earlier = first[key] else { first[key] = row; continue }
            if written[earlier] != written[row] { pairs.append((earlier, row)) }
        }
        return pairs
    }

    /// The file lines of two of `table`'s `rows` rows, when its import kept them (`Table.sourceLines`).
    private static func lines(of table: Table, rows: Int, _ a: Int, _ b: Int) -> (Int32, Int32)? {
        table.sourceLines.flatMap { $0.count == rows ? ($0[a], $0[b]) : nil }
    }

    /// The same for an input that may be absent.
    mutating func apply(to table: inout Table?, _ what: String, oneRowPer others: [String]? = nil, oneRowPerReceipt receipt: InputSchema.UniqueKey? = nil) throws {
        guard var given = table else { return }
        try apply(to: &given, what, oneRowPer: others, oneRowPerReceipt: receipt)
        table = given
    }
}
