import Tabular

/// `filter`: keeps the rows whose columns equal given values.
public struct FilterStage: Stage {
    public static let kind = "filter"
    public static let summary = "Keep rows whose columns equal given values (alternatives separated by |)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "the table to filter"),
        ParameterSpec("where", .map, required: true, "column: value (or value1|value2) to keep"),
        ParameterSpec("exclude", .boolean, default: "false", "drop the matching rows instead"),
    ]

    public var input: String
    public var conditions: [String: Set<String>]
    public var exclude: Bool
    public var inputs: [String] { [input] }

    public init(input: String, where conditions: [String: Set<String>], exclude: Bool = false) {
        self.input = input
        self.conditions = conditions
        self.exclude = exclude
    }

    public init(parameters p: StageParameters) throws {
        self.init(input: try p.requiredString("input"),
                  where: try p.map("where").mapValues { Set($0.split(separator: "|").map(String.init)) },
                  exclude: try p.boolean("exclude") ?? false)
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let table = try context.table(input)
        var keep = [Bool](repeating: true, count: table.rowCount)
        for (column, allowed) in conditions {
            guard let values = table.texts(column) else {
                throw PipelineError(location: nil, "stage '\(context.stage)': no column '\(column)'; the input has \(table.names.joined(separator: ", "))")
            }
            for row in keep.indices where !allowed.contains(values[row]) { keep[row] = false }
            // A value no row has (`icu` against `ICU`) is named: the stage kept nothing and the
            // run said only "0 rows".
            let present = Set(values)
            let missing = allowed.subtracting(present).sorted()
            if !missing.isEmpty { context.note(WhereValues.unmatched(missing, column: column, present: present.sorted(), in: "the table")) }
        }
        if exclude { keep = keep.map { !$0 } }
        return ["table": table.filtered(keep)]
    }
}
