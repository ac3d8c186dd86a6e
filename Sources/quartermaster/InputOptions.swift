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

    @Option(help: ArgumentHelp("Text encoding: auto, utf-8, windows-1252, latin-1 (read as Windows-1252, as browsers do: 0x80 is \u{20AC}, 0x92 \u{2019}), utf-16 (without a byte-order mark, big- or little-endian as its zero bytes show); for one input of several, kind=name, e.g. budget=windows-1252 (the others stay auto). auto: UTF-8, UTF-16 by its byte-order mark or zero bytes, else Windows-1252.", valueName: "name"))
    var encoding: String = "auto"

    @Flag(help: "Numbers use a decimal comma (1.234,50), in every input (--decimal kind=comma for some).")
    var decimalComma = false

    @Flag(help: "Numbers use a decimal point and commas group thousands (1,234.50), also in files separated by semicolons, where 1,500 and 1.200 are otherwise refused as ambiguous.")
    var decimalPoint = false

    @Option(help: ArgumentHelp("The decimal mark of one input of several: kind=comma or kind=point, comma-separated, e.g. budget=comma (a European budget beside a GL written 1,234.50); the others follow --decimal-comma / --decimal-point. A plain comma or point is that flag.", valueName: "kind=mark"))
    var decimal: String?

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
        try Self.value(of: "--date-format", dateFormat, for: kind, valueName: "format", example: "actuals=YYYYMM",
                       parse: DateFormat.init(parsing:)) ?? .automatic
    }

    /// `--encoding` for an input of `kind`, as `--date-format`: one encoding for every input,
    /// or `kind=name` pairs (a budget saved by a European spreadsheet in Windows-1252 beside a
    /// GL from the ERP in UTF-8), the others automatic.
    func encoding(for kind: String?) throws -> TextEncoding {
        try Self.value(of: "--encoding", encoding, for: kind, valueName: "name", example: "budget=windows-1252",
                       parse: TextEncoding.init(parsing:)) ?? .auto
    }

    /// Whether the numbers of an input of `kind` have a decimal comma, and whether a decimal
    /// point is stated for it: `--decimal kind=mark` for the kinds it names, else the flags (or
    /// `--decimal`'s plain mark). A budget from a European spreadsheet (1.234,50) beside a GL
    /// from the ERP (1,234.50) could not be read in one command while the flag was for all.
    func decimalMark(for kind: String?) throws -> (comma: Bool, pointStated: Bool) {
        guard !(decimalComma && decimalPoint) else { throw ValidationError("--decimal-comma and --decimal-point contradict each other: give one") }
        let flagged: Bool? = decimalComma ? true : decimalPoint ? false : nil
        guard let decimal else { return (decimalComma, decimalPoint) }
        func comma(_ text: String) throws -> Bool {
            switch text.trimmed().lowercased() {
            case "comma": return true
            case "point": return false
            default: throw UsageError("--decimal '\(text.clipped)' is not a decimal mark; use comma or point (kind=comma for one input, e.g. budget=comma)")
            }
        }
        guard decimal.contains("=") else {
            let mark = try comma(decimal)
            if let flagged, flagged != mark { throw ValidationError("--decimal \(decimal) and --decimal-\(flagged ? "comma" : "point") contradict each other: give one") }
            return (mark, !mark)
        }
        guard let mark = try Self.value(of: "--decimal", decimal, for: kind, valueName: "mark", example: "budget=comma", parse: comma) else {
            return (decimalComma, decimalPoint)
        }
        return (mark, !mark)
    }

    /// The value of a per-input option (`--date-format`, `--encoding`, `--decimal`) for an
    /// input of `kind`: the one value given, or, written `kind=value` pairs separated by commas,
    /// the value of `kind`'s pair; nil when no pair names it. For the command's one input (nil)
    /// the pairs' value when they all agree. A pair whose kind is not an input kind is a usage
    /// error listing them.
    static func value<Value: Equatable>(of flag: String, _ text: String, for kind: String?, valueName: String, example: String,
                                        parse: (String) throws -> Value) throws -> Value? {
        guard text.contains("=") else { return try parse(text) }
        var byKind: [String: Value] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmed() }
            guard parts.count == 2, InputSchema.all[parts[0]] != nil else {
                throw UsageError("\(flag) '\(String(pair).clipped)' is not kind=\(valueName) with an input kind (\(InputSchema.all.keys.sorted().joined(separator: ", "))), e.g. \(example)")
            }
            byKind[parts[0]] = try parse(parts[1])
        }
        guard let kind else {
            // The command's one input takes the one value given.
            let given = Array(byKind.values)
            guard let one = given.first, given.allSatisfy({ $0 == one }) else { return nil }
            return one
        }
        return byKind[kind]
    }

    /// The input kinds that `--date-format`, `--encoding` and `--decimal` name in `kind=value`
    /// pairs, by option: a command checks them against the kinds it reads.
    func namedKinds() -> [(option: String, kind: String)] {
        [("--date-format", dateFormat), ("--encoding", encoding), ("--decimal", decimal ?? "")].flatMap { option, text in
            text.contains("=") ? text.split(separator: ",").compactMap { pair in
                pair.split(separator: "=", maxSplits: 1).first.map { (option, $0.trimmed()) }
            } : []
        }
    }

    /// The import settings of an input file of `kind` (nil: the command's one input); where
    /// rejected rows go is the command's choice.
    func importOptions(kind: String? = nil) throws -> ImportOptions {
        let mark = try decimalMark(for: kind)
        var options = ImportOptions(
            columns: try columnMap(),
            delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
            dateFormat: try dateFormat(for: kind),
            decimalComma: mark.comma,
            encoding: try encoding(for: kind)
        )
        options.decimalPointStated = mark.pointStated
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
