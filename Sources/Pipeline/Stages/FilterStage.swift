import Tabular

/// `filter`: keeps the rows whose columns equal given values.
public struct FilterStage: Stage {
    public static let kind = "filter"
    public static let summary = "Keep rows whose columns equal given values (alternatives separated by |)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "the table to filter"),
        ParameterSpec("where", .map, required: true, "column: value (or value1|value2) to keep; a value the column holds, | included, is one value"),
        ParameterSpec("exclude", .boolean, default: "false", "drop the matching rows instead"),
    ]

    public var input: String
    /// Each column's value as written: one value, or alternatives separated by `|`.
    public var conditions: [String: String]
    public var exclude: Bool
    public var inputs: [String] { [input] }

    public init(input: String, where conditions: [String: String], exclude: Bool = false) {
        self.input = input
        self.conditions = conditions
        self.exclude = exclude
    }

    public init(parameters p: StageParameters) throws {
        self.init(input: try p.requiredString("input"), where: try p.map("where"), exclude: try p.boolean("exclude") ?? false)
    }

    /// The values a condition keeps. A value the column holds as written is that value, `|`
    /// and all: `aggregate` names a series of several columns `A|ICU`, which read as the
    /// alternatives `A` or `ICU` matched nothing, and no filter could select it. Otherwise `|`
    /// separates alternatives.
    static func alternatives(_ written: String, present: Set<String>) -> Set<String> {
        present.contains(written) ? [written] : Set(written.split(separator: "|").map(String.init))
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let table = try context.table(input)
        var keep = [Bool](repeating: true, count: table.rowCount)
        for (column, written) in conditions.sorted(by: { $0.key < $1.key }) {
            if let i = table.index(of: column), case .number(let numbers) = table.columns[i] {
                try FilterStage.keep(&keep, numbers, equalTo: written, column: column, context)
                continue
            }
            guard let values = table.texts(column) else {
                throw PipelineError(location: nil, "stage '\(context.stage)': no column '\(column)'; the input has \(table.names.joined(separator: ", "))")
            }
            let present = Set(values)
            let allowed = FilterStage.alternatives(written, present: present)
            for row in keep.indices where !allowed.contains(values[row]) { keep[row] = false }
            // A value no row has (`icu` against `ICU`) is named: the stage kept nothing and the
            // run said only "0 rows".
            let missing = allowed.subtracting(present).sorted()
            if !missing.isEmpty { context.note(WhereValues.unmatched(missing, column: column, present: present.sorted(), in: "the table")) }
        }
        if exclude { keep = keep.map { !$0 } }
        return ["table": table.filtered(keep)]
    }

    /// A condition on a column of numbers compares values, as the column holds numbers and
    /// not their spelling: `7.50` and `1,000` as the export wrote them matched no row when
    /// compared with the text `7.5` and `1000`.
    static func keep(_ keep: inout [Bool], _ numbers: [Double], equalTo written: String, column: String, _ context: StageContext) throws {
        let parser = NumberParser()
        var wanted: Set<Double> = []
        for text in written.split(separator: "|").map({ $0.trimmed() }) {
            guard let value = parser.parse(text) else {
                throw PipelineError(location: nil, "stage '\(context.stage)': where: \(column) '\(text.clipped)' is not a number, and the column holds numbers; write the value as a number, or | between several")
            }
            wanted.insert(value)
        }
        for row in keep.indices where !wanted.contains(numbers[row]) { keep[row] = false }
        let missing = wanted.subtracting(numbers).sorted()
        if !missing.isEmpty {
            context.note("where: \(column) \(missing.map { NumberFormat.fixed($0) }.joined(separator: ", ")) matched no row; numbers are compared by value")
        }
    }
}
