import ArgumentParser
import Tabular

/// The longest field and the most columns a command reads, shared by every command that
/// opens a CSV: `inspect` as much as the imports (a file with a genuine 100 KB notes field was
/// refused with advice to raise --max-field-bytes, which inspect did not accept).
struct FieldLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Longest field accepted, in bytes.", valueName: "bytes"))
    var maxFieldBytes: Int = CSVLimits().maxFieldBytes

    @Option(help: ArgumentHelp("Most columns accepted in a record.", valueName: "count"))
    var maxColumns: Int = CSVLimits().maxColumns

    /// The limits, once checked.
    func limits() throws -> CSVLimits {
        guard maxFieldBytes > 0, maxColumns > 0 else {
            throw UsageError("--max-field-bytes and --max-columns must be positive")
        }
        return CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns)
    }
}
