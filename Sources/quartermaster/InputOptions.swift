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

    @OptionGroup var limits: RejectLimitOptions

    @Option(help: ArgumentHelp("Where rejected rows go (default: beside the output as NAME.rejects.csv).", valueName: "path"))
    var rejects: String?

    func importOptions(output: String) throws -> ImportOptions {
        var options = ImportOptions(
            columns: try columns.map(ImportOptions.parseColumnMap) ?? [:],
            delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
            dateFormat: try DateFormat(parsing: dateFormat),
            decimalComma: decimalComma,
            rejectsPath: rejects ?? InputOptions.defaultRejectsPath(for: output)
        )
        try limits.apply(to: &options)
        return options
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
