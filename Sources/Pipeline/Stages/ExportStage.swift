import Reports
import Tabular

/// `export`: writes a table as CSV into the output folder, or as a one-sheet Excel workbook
/// when the file is named `.xlsx`.
public struct ExportStage: Stage {
    public static let kind = "export"
    public static let summary = "Write a table as CSV in the output folder (a one-sheet workbook when the file is named .xlsx)."
    public static let outputs = ["table"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "the table to write (stage or stage.table)"),
        ParameterSpec("file", .outputFile, required: true, "file name inside the output folder, e.g. forecasts.csv, or forecasts.xlsx for a workbook"),
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
        if let why = ExportStage.csvUnderSpreadsheetName(file) { throw PipelineError(location: nil, "export file " + why) }
    }

    public init(parameters p: StageParameters) throws {
        let file = try p.requiredString("file")
        guard ExportStage.isSafeName(file) else {
            throw p.error("file", "'\(file)' must be a plain file name inside the output folder (no '/', '..' or leading '.')")
        }
        if let why = ExportStage.csvUnderSpreadsheetName(file) { throw p.error("file", why) }
        try self.init(input: try p.requiredString("input"), file: file)
    }

    /// Why the stage refuses `file`, or nil: it writes a workbook for `.xlsx` and CSV text for
    /// anything else, and CSV text under `.xlsm`, `.xls`, `.xlsb`, `.ods`, `.xltx` or `.numbers`
    /// (`SpreadsheetName`) does not open in Excel. Review wb2-2: `file: monthly_usage.xlsm`,
    /// `.xls` and `.ods` each wrote 70 rows of CSV text, exit 0, `validate` silent, the very
    /// names the command line refuses for `forecast --out`.
    static func csvUnderSpreadsheetName(_ file: String) -> String? {
        let name = SpreadsheetName(file)
        guard let why = name.csvRefusal, !name.isWorkbook else { return nil }
        return "'\(file)': the export stage writes a workbook only for .xlsx, else CSV text, and \(why); name it \(name.stem).xlsx for a workbook or \(name.stem).csv for CSV"
    }

    /// Outputs stay inside the output folder: no separators, no parent references, no hidden files.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".") && !name.contains("\0")
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let table = try context.table(input)
        if SpreadsheetName(file).isWorkbook {
            // A sheet holds 1,048,576 rows with its header: a longer table would lose its tail.
            guard table.rowCount < ReportSheet.maximumRows else {
                throw PipelineError(location: nil, "stage '\(context.stage)': the table has \(table.rowCount) rows, more than an Excel sheet holds (\(ReportSheet.maximumRows - 1) below the header); export it as .csv")
            }
            let stem = String(file.dropLast(5))
            try table.reportSheet(stem.isEmpty ? "Sheet" : stem).writeWorkbook(to: context.output(file), numbers: context.reports.numbers)
        } else {
            try table.write(to: context.output(file))
        }
        return ["table": table]
    }
}
