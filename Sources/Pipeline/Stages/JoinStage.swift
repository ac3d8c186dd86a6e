import Tabular

/// `join`: adds the columns of a lookup table (e.g. the item master) to each row of another
/// (e.g. usage) by a shared key, as a left or inner join.
public struct JoinStage: Stage {
    public static let kind = "join"
    public static let summary = "Add a lookup table's columns to each row by a key (left or inner join)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("left", .reference, required: true, "rows to keep (e.g. usage)"),
        ParameterSpec("right", .reference, required: true, "lookup table, one row per key (e.g. items)"),
        ParameterSpec("on", .list, default: "item", "key column(s) present in both (e.g. item, or [item, location])"),
        ParameterSpec("how", .string, default: "left", "left keeps unmatched rows with empty values; inner drops them"),
    ]

    public var left: String
    public var right: String
    public var keys: [String]
    public var inner: Bool
    public var inputs: [String] { [left, right] }

    public init(left: String, right: String, on keys: [String] = ["item"], inner: Bool = false) {
        self.left = left
        self.right = right
        self.keys = keys
        self.inner = inner
    }

    public init(parameters p: StageParameters) throws {
        let how = try p.string("how") ?? "left"
        guard how == "left" || how == "inner" else { throw p.error("how", "how must be left or inner") }
        let keys = try p.list("on")
        guard !keys.isEmpty, !keys.contains(where: \.isEmpty) else { throw p.error("on", "on names the key column(s), e.g. item or [item, location]") }
        self.init(left: try p.requiredString("left"), right: try p.requiredString("right"), on: keys, inner: how == "inner")
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let l = try context.table(left), r = try context.table(right)
        let leftColumns = keys.map { l.texts($0) }, rightColumns = keys.map { r.texts($0) }
        let absent = keys.indices.filter { leftColumns[$0] == nil || rightColumns[$0] == nil }.map { "'\(keys[$0])'" }
        guard absent.isEmpty else {
            throw PipelineError(location: nil, "stage '\(context.stage)': both tables need the column\(absent.count == 1 ? "" : "s") \(absent.joined(separator: ", "))")
        }
        let leftKeys = JoinStage.compositeKeys(leftColumns.compactMap { $0 }, rows: l.rowCount)
        let rightKeys = JoinStage.compositeKeys(rightColumns.compactMap { $0 }, rows: r.rowCount)
        var lookup: [String: Int] = [:]
        for (row, k) in rightKeys.enumerated() {
            // A second row for a key: kept, the first row's values went to every match and the
            // second row's were lost without a word (an item stocked at two locations lost one).
            if let first = lookup[k] { throw duplicate(k, rows: first, row, in: r, beside: l, stage: context.stage) }
            lookup[k] = row
        }
        let matches = leftKeys.map { lookup[$0] }
        if let note = unmatchedNote(matches: matches, keys: leftKeys, in: l, lookupColumns: r.names.filter { !keys.contains($0) }) { context.note(note) }
        let keep = inner ? matches.map { $0 != nil } : [Bool](repeating: true, count: l.rowCount)
        var result = l.filtered(keep)
        let kept = zip(matches, keep).compactMap { $1 ? $0 : nil as Int?? }
        for (name, column) in zip(r.names, r.columns) where !keys.contains(name) {
            let outName = l.index(of: name) == nil ? name : "\(right).\(name)"
            switch column {
            case .text(let v): result.append(outName, .text(kept.map { $0.map { v[$0] } ?? "" }))
            case .number(let v): result.append(outName, .number(kept.map { $0.map { v[$0] } ?? .nan }))
            case .date(let v): result.append(outName, .text(kept.map { $0.map { v[$0].description } ?? "" }))
            }
        }
        return ["table": result]
    }

    /// The rows of `left` whose key has no row in `right`, how many, a few keys, their
    /// quantity when the table has one, and what became of them: dropped (inner) or kept with
    /// the lookup's columns empty (left). Nil when every row matched. A reviewer's usage of 149
    /// units joined to an item master without UNKNOWN-1 (a new item the master did not hold
    /// yet) lost its 9 units to an inner join, or kept them under an empty vendor with a left
    /// one, and the run said only "joined 8 rows".
    func unmatchedNote(matches: [Int?], keys leftKeys: [String], in l: Table, lookupColumns: [String]) -> String? {
        var unmatched = 0, named: [String] = [], seen = Set<String>()
        let quantities = l.numbers("quantity")
        var quantity = 0.0
        for (row, match) in matches.enumerated() where match == nil {
            unmatched += 1
            if let quantities, quantities[row].isFinite { quantity += quantities[row] }
            if seen.insert(leftKeys[row]).inserted, named.count < 3 { named.append("'" + CompositeKey.parts(of: leftKeys[row]).joined(separator: ", ").clipped + "'") }
        }
        guard unmatched > 0 else { return nil }
        let more = seen.count > named.count ? " and \(NumberFormat.count(seen.count - named.count, "other"))" : ""
        let held = quantities == nil ? "" : ", \(NumberFormat.fixed(quantity)) of quantity"
        let which = "\(NumberFormat.count(unmatched, "row")) of '\(left)' (\(keys.joined(separator: ", ")) \(named.joined(separator: ", "))\(more)\(held)) \(unmatched == 1 ? "has" : "have") no row in '\(right)'"
        if inner {
            return which + ": dropped (how: inner); add \(unmatched == 1 ? "its key" : "their keys") to '\(right)', or use how: left to keep \(unmatched == 1 ? "it" : "them") with the columns of '\(right)' empty"
        }
        let columns = lookupColumns.prefix(4).joined(separator: ", ") + (lookupColumns.count > 4 ? ", ..." : "")
        return which + ": kept with the columns of '\(right)' empty (how: left)" + (columns.isEmpty ? "" : ": \(columns)")
            + "; an aggregate keyed by those columns alone puts \(unmatched == 1 ? "it" : "them") in the series '\(AggregateStage.blankSeries)'; add \(unmatched == 1 ? "its key" : "their keys") to '\(right)' to place \(unmatched == 1 ? "it" : "them")"
    }

    /// Each row's key: the one column's value, or the columns' values as one `CompositeKey`.
    static func compositeKeys(_ columns: [[String]], rows: Int) -> [String] {
        columns.count == 1 ? columns[0] : (0..<rows).map { row in CompositeKey.joined(columns.map { $0[row] }) }
    }

    /// The error for two rows of the lookup table with one key, naming the columns both tables
    /// share that tell the two rows apart (`location` for an item stocked in two places).
    func duplicate(_ key: String, rows first: Int, _ second: Int, in r: Table, beside l: Table, stage: String) -> PipelineError {
        let telling = r.names.filter { name in
            guard !keys.contains(name), l.index(of: name) != nil, let values = r.texts(name) else { return false }
            return values[first] != values[second]
        }
        let shown = CompositeKey.parts(of: key).joined(separator: ", ")
        let remedy = telling.isEmpty ? "filter the table to one row per key first"
            : "join on [\((keys + telling.prefix(1)).joined(separator: ", "))], which tells them apart, or filter the table to one row per key first"
        return PipelineError(location: nil, "stage '\(stage)': the lookup table '\(right)' has more than one row for \(keys.joined(separator: ", ")) '\(shown)' (its rows \(first + 1) and \(second + 1)); each row of '\(left)' would take the first one's values and lose the others: \(remedy)")
    }
}
