import Tabular

/// `export`: writes a table as CSV into the output folder.
public struct ExportStage: Stage {
    public static let kind = "export"
    public static let summary = "Write a table as CSV in the output folder."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "the table to write (stage or stage.table)"),
        ParameterSpec("file", .outputFile, required: true, "file name inside the output folder, e.g. forecasts.csv"),
    ]

    public var input: String
    public var file: String
    public var inputs: [String] { [input] }

    public init(input: String, file: String) throws {
        self.input = input
        self.file = file
        guard ExportStage.isSafeName(file) else {
            throw PipelineError(location: nil, "export file '\(file)' must be a plain file name inside the output folder (no '/', '..' or leading '.')")
        }
    }

    public init(parameters p: StageParameters) throws {
        let file = try p.requiredString("file")
        guard ExportStage.isSafeName(file) else {
            throw p.error("file", "'\(file)' must be a plain file name inside the output folder (no '/', '..' or leading '.')")
        }
        try self.init(input: try p.requiredString("input"), file: file)
    }

    /// Outputs stay inside the output folder: no separators, no parent references, no hidden files.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".") && !name.contains("\0")
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let table = try context.table(input)
        try table.write(to: context.output(file))
        return ["table": table]
    }
}
