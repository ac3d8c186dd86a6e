import ArgumentParser
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// Flags every import-reading command shares (DESIGN.md: every command takes
/// `--columns` and `--delimiter`).
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map roles to your file's headers: name=Header,...", valueName: "map"))
    var columns: String?

    @Option(help: ArgumentHelp("Field delimiter: , ; tab | (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Date layout: auto, iso, mdy, dmy, or a pattern like DD/MM/YYYY.", valueName: "format"))
    var dateFormat: String = "auto"

    @Flag(help: "Numbers use a decimal comma (1.234,50).")
    var decimalComma = false

    @Option(help: ArgumentHelp("fail: stop when more than --reject-threshold of rows are rejected; skip: import the rest.", valueName: "fail|skip"))
    var onError: String = "fail"

    @Option(help: ArgumentHelp("Largest share of rejected rows before failing, in percent.", valueName: "percent"))
    var rejectThreshold: Double = 1

    @Option(help: ArgumentHelp("Where rejected rows go (default: beside the output as NAME.rejects.csv).", valueName: "path"))
    var rejects: String?

    @Option(help: ArgumentHelp("Longest field accepted, in bytes.", valueName: "bytes"))
    var maxFieldBytes: Int = CSVLimits().maxFieldBytes

    @Option(help: ArgumentHelp("Most columns accepted in a record.", valueName: "count"))
    var maxColumns: Int = CSVLimits().maxColumns

    func importOptions(output: String) throws -> ImportOptions {
        guard let policy = RejectPolicy(rawValue: onError) else {
            throw UsageError("--on-error must be fail or skip, not '\(onError)'")
        }
        guard rejectThreshold >= 0, rejectThreshold <= 100 else {
            throw UsageError("--reject-threshold is a percentage between 0 and 100")
        }
        guard maxFieldBytes > 0, maxColumns > 0 else {
            throw UsageError("--max-field-bytes and --max-columns must be positive")
        }
        return ImportOptions(
            columns: try columns.map(ImportOptions.parseColumnMap) ?? [:],
            delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
            dateFormat: try DateFormat(parsing: dateFormat),
            decimalComma: decimalComma,
            rejectThreshold: rejectThreshold / 100,
            onError: policy,
            limits: CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns),
            rejectsPath: rejects ?? InputOptions.defaultRejectsPath(for: output)
        )
    }

    /// `out/series.csv` -> `out/series.rejects.csv`; nothing for standard output or a device
    /// such as /dev/null (a file beside it would land in /dev).
    static func defaultRejectsPath(for output: String) -> String? {
        guard output != "-", !isDevice(output) else { return nil }
        let base = output.hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return base + ".rejects.csv"
    }

    /// True for an existing path that is neither a regular file nor a folder (a device, a pipe).
    static func isDevice(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }
}
