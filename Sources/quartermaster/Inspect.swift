import ArgumentParser
import Pipeline
import Tabular

/// `quartermaster inspect FILE`: what the tool sees in an export, before anyone writes a pipeline.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an export's encoding, delimiter, columns with guessed types and samples, and a suggested column map."
    )

    @Argument(help: ArgumentHelp("The CSV export (- for standard input).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Input kind to suggest a column map for: \(ExportInspection.kinds.joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Field delimiter: , ; tab | (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Text encoding: auto, utf-8, windows-1252, latin-1, utf-16.", valueName: "name"))
    var encoding: String = "auto"

    // The limits every command takes: a file with a genuine 100 KB notes field was refused
    // with advice to raise --max-field-bytes, which inspect did not accept.
    @Option(help: ArgumentHelp("Longest field accepted, in bytes.", valueName: "bytes"))
    var maxFieldBytes: Int = CSVLimits().maxFieldBytes

    @Option(help: ArgumentHelp("Most columns accepted in a record.", valueName: "count"))
    var maxColumns: Int = CSVLimits().maxColumns

    func run() throws {
        guard maxFieldBytes > 0, maxColumns > 0 else {
            throw UsageError("--max-field-bytes and --max-columns must be positive")
        }
        let inspection = try ExportInspection(path: file, kind: kind,
                                              delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
                                              encoding: try TextEncoding(parsing: encoding),
                                              limits: CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns))
        print(inspection.report, terminator: "")
    }
}
