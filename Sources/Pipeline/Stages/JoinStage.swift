/// `join`: adds the columns of a lookup table (e.g. the item master) to each row of another
/// (e.g. usage) by a shared key, as a left or inner join.
public struct JoinStage: Stage {
    public static let kind = "join"
    public static let summary = "Add a lookup table's columns to each row by a key (left or inner join)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("left", .reference, required: true, "rows to keep (e.g. usage)"),
        ParameterSpec("right", .reference, required: true, "lookup table, one row per key (e.g. items)"),
        ParameterSpec("on", .string, default: "item", "key column present in both"),
        ParameterSpec("how", .string, default: "left", "left keeps unmatched rows with empty values; inner drops them"),
    ]

    public var left: String
    public var right: String
    public var key: String
    public var inner: Bool
    public var inputs: [String] { [left, right] }

    public init(left: String, right: String, on key: String = "item", inner: Bool = false) {
        self.left = left
        self.right = right
        self.key = key
        self.inner = inner
    }

    public init(parameters p: StageParameters) throws {
        let how = try p.string("how") ?? "left"
        guard how == "left" || how == "inner" else { throw p.error("how", "how must be left or inner") }
        self.init(left: try p.requiredString("left"), right: try p.requiredString("right"), on: try p.string("on") ?? "item", inner: how == "inner")
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let l = try context.table(left), r = try context.table(right)
        guard let leftKeys = l.texts(key), let rightKeys = r.texts(key) else {
            throw PipelineError(location: nil, "stage '\(context.stage)': both tables need the column '\(key)'")
        }
        var lookup: [String: Int] = [:]
        for (row, k) in rightKeys.enumerated() where lookup[k] == nil { lookup[k] = row }
        let matches = leftKeys.map { lookup[$0] }
        var keep = matches.map { !inner || $0 != nil }
        if !inner { keep = [Bool](repeating: true, count: l.rowCount) }
        var result = l.filtered(keep)
        let kept = zip(matches, keep).compactMap { $1 ? $0 : nil as Int?? }
        for (name, column) in zip(r.names, r.columns) where name != key {
            let outName = l.index(of: name) == nil ? name : "\(right).\(name)"
            switch column {
            case .text(let v): result.append(outName, .text(kept.map { $0.map { v[$0] } ?? "" }))
            case .number(let v): result.append(outName, .number(kept.map { $0.map { v[$0] } ?? .nan }))
            case .date(let v): result.append(outName, .text(kept.map { $0.map { v[$0].description } ?? "" }))
            }
        }
        return ["table": result]
    }
}
