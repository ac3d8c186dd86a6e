/// One parameter a stage kind accepts, as listed by `quartermaster stages` and checked by
/// `validate` before anything runs.
public struct ParameterSpec: Sendable {
    public enum Kind: String, Sendable {
        case string, integer, number, boolean
        /// A `role: "Header"` map.
        case map
        /// A list of strings.
        case list
        /// A list of records written inline (numbered dotted parameters `name.1.key`, ...) or
        /// the path of a YAML file holding them.
        case records = "records or file"
        /// Another stage's output: `stage` or `stage.table`.
        case reference
        /// A file, relative to the pipeline file.
        case inputFile = "input file"
        /// A file name inside the output folder.
        case outputFile = "output file"
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    /// Shown in `stages` and used when the YAML leaves the parameter out.
    public var defaultValue: String?
    public var help: String

    /// For a reference named after an input kind (`budget`, `actuals`, `usage`, ..., `targets`
    /// for staffing targets, `spans` for timekeeping): the import table it must be when it
    /// names an import. Two imports swapped (budget for actuals) ran with exit 0 and a
    /// report of nonsense.
    public var expectedTable: String? {
        guard kind == .reference else { return nil }
        if let special = ["targets": "staffing_targets", "spans": "timekeeping"][name] { return special }
        return InputSchema.all[name] != nil ? name : nil
    }

    public init(_ name: String, _ kind: Kind, required: Bool = false, default defaultValue: String? = nil, _ help: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
    }
}

extension Array where Element == ParameterSpec {
    /// The parameters that have a default, by name: what a stage runs with where nothing is
    /// given (recorded in the manifest beside the values given).
    public var defaults: [String: String] {
        Dictionary(uniqueKeysWithValues: compactMap { p in p.defaultValue.map { (p.name, $0) } })
    }
}
