import ArgumentParser
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// How to read the exports, shared by every command that imports (DESIGN.md: every command
/// takes `--columns`, `--delimiter` and `--shard`; README promises the date and number flags
/// on every command too). One definition, so a flag cannot exist on one command and be
/// refused by another.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map roles to your files' headers: item=\"Item #\",...", valueName: "map"))
    var columns: String?

    @Option(help: ArgumentHelp("Field delimiter: , ; tab | (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Date layout: auto, iso, mdy, dmy, or a pattern like DD/MM/YYYY or DD-MMM-YY (MMM: a month name); for one input of several, kind=format, e.g. actuals=YYYYMM (the others stay auto).", valueName: "format"))
    var dateFormat: String = "auto"

    @Option(help: ArgumentHelp("Text encoding: auto, utf-8, windows-1252, latin-1, utf-16 (auto: UTF-8, UTF-16 by its byte-order mark, else Windows-1252).", valueName: "name"))
    var encoding: String = "auto"

    @Flag(help: "Numbers use a decimal comma (1.234,50).")
    var decimalComma = false

    @Flag(help: "Numbers use a decimal point and commas group thousands (1,234.50), also in files separated by semicolons, where 1,500 and 1.200 are otherwise refused as ambiguous.")
    var decimalPoint = false

    @Option(help: ArgumentHelp("Keep only shard K of N, by a stable hash of the key: the series (aggregate, forecast), item (reorder), department (variance), unit (staffing).", valueName: "K/N"))
    var shard: String?

    @OptionGroup var limits: RejectLimitOptions

    @Option(help: ArgumentHelp("Wide export: headers to turn into rows, globs separated by commas (* ? [A-Z]; \"*\" = every column not mapped to a role whose header fits --names-to). Fits the main input: --input (aggregate, forecast), --usage (reorder), --actuals (variance), --timekeeping (staffing); read into every input whose header lacks the --values-to column (a wide budget beside long actuals).", valueName: "globs"))
    var unpivot: String?

    @Option(help: ArgumentHelp("With --unpivot: the role(s) the header text becomes, e.g. date or job_code,pay_type.", valueName: "roles"))
    var namesTo: String?

    @Option(help: ArgumentHelp("With --unpivot: regular expression matching the whole header, one (...) group per --names-to role.", valueName: "regex"))
    var namesPattern: String?

    @Option(help: ArgumentHelp("With --unpivot: the role the cell values become, e.g. quantity or hours.", valueName: "role"))
    var valuesTo: String?

    /// `--unpivot` and its companions, nil when not given.
    func unpivotSettings() throws -> Unpivot? {
        guard let unpivot else {
            if namesTo != nil || namesPattern != nil || valuesTo != nil {
                throw UsageError("--names-to, --names-pattern and --values-to go with --unpivot COLUMNS")
            }
            return nil
        }
        guard let namesTo, let valuesTo else {
            throw UsageError("--unpivot needs --names-to ROLE[,ROLE] and --values-to ROLE, e.g. --unpivot '2026-*' --names-to date --values-to quantity")
        }
        func list(_ text: String) -> [String] { text.split(separator: ",").map { $0.trimmed() } }
        return Unpivot(columns: list(unpivot), namesTo: list(namesTo), namesPattern: namesPattern, valuesTo: valuesTo.trimmed())
    }

    /// The column map as given.
    func columnMap() throws -> [String: String] { try columns.map(ImportOptions.parseColumnMap) ?? [:] }

    /// `--date-format` for an input of `kind` (nil: the command's one input): one format for
    /// every input, or `kind=format` pairs for some (a ledger dated 202507 beside a budget dated
    /// 2025-07, where one format for both rejected the budget), the others automatic.
    func dateFormat(for kind: String?) throws -> DateFormat {
        guard dateFormat.contains("=") else { return try DateFormat(parsing: dateFormat) }
        var byKind: [String: DateFormat] = [:]
        for pair in dateFormat.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmed() }
            guard parts.count == 2, InputSchema.all[parts[0]] != nil else {
                throw UsageError("--date-format '\(String(pair).clipped)' is not kind=format with an input kind (\(InputSchema.all.keys.sorted().joined(separator: ", "))), e.g. actuals=YYYYMM")
            }
            byKind[parts[0]] = try DateFormat(parsing: parts[1])
        }
        guard let kind else {
            // The command's one input takes the one format given.
            let given = Array(byKind.values)
            guard let one = given.first, given.allSatisfy({ $0 == one }) else { return .automatic }
            return one
        }
        return byKind[kind] ?? .automatic
    }

    /// The import settings of an input file of `kind` (nil: the command's one input); where
    /// rejected rows go is the command's choice.
    func importOptions(kind: String? = nil) throws -> ImportOptions {
        var options = ImportOptions(
            columns: try columnMap(),
            delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
            dateFormat: try dateFormat(for: kind),
            decimalComma: decimalComma,
            encoding: try TextEncoding(parsing: encoding)
        )
        guard !(decimalComma && decimalPoint) else { throw ValidationError("--decimal-comma and --decimal-point contradict each other: give one") }
        options.decimalPointStated = decimalPoint
        try limits.apply(to: &options)
        return options
    }

    /// `--shard` checked (1 <= K <= N), nil when not given.
    func parsedShard() throws -> Shard? { try shard.map(Shard.init(parsing:)) }

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
