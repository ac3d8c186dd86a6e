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

    @Option(help: ArgumentHelp("Text encoding: auto, utf-8, windows-1252, latin-1 (read as Windows-1252), utf-16.", valueName: "name"))
    var encoding: String = "auto"

    @OptionGroup var fieldLimits: FieldLimitOptions

    func run() throws {
        let limits = try fieldLimits.limits()
        let inspection = try ExportInspection(path: file, kind: kind,
                                              delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
                                              encoding: try TextEncoding(parsing: encoding),
                                              limits: limits)
        print(inspection.report, terminator: "")
    }
}
