import Reports
import ArgumentParser
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// The help of the per-input options (`--date-format`, `--encoding`, `--decimal-comma`,
/// `--decimal`), which differs by how many inputs a command reads: a command of several takes
/// `kind=value` pairs for some of them, a command of one (aggregate, forecast) refuses them
/// (`refusePairs`), so its help must not offer them. `forecast --help` described pairs that
/// forecast then refused with a usage error.
protocol InputHelp {
    static var dateFormat: String { get }
    static var encoding: String { get }
    static var decimalComma: String { get }
    static var decimal: String { get }
    static var decimalValueName: String { get }
}

/// The words both helps share.
enum InputHelpText {
    static let dateLayouts = "Date layout: auto, iso, mdy, dmy, or a pattern like DD/MM/YYYY, DD-MMM-YY or 'MMM D, YYYY' (MMM: a month name)"
    static let encodings = "Text encoding: auto, utf-8, windows-1252, latin-1 (read as Windows-1252, as browsers do: 0x80 is \u{20AC}, 0x92 \u{2019}), utf-16 (without a byte-order mark, big- or little-endian as its zero bytes show), utf-16le, utf-16be (that byte order without a mark)"
    static let autoEncoding = "auto: UTF-8, UTF-16 by its byte-order mark or zero bytes, else Windows-1252. Default: auto."
}

/// The help of a command that reads several inputs (reorder, variance, staffing): one value
/// for all, or `kind=value` pairs for some.
enum SeveralInputs: InputHelp {
    static let dateFormat = InputHelpText.dateLayouts + "; for one input of several, kind=format, e.g. actuals=YYYYMM or 'actuals=MMM D, YYYY,budget=YYYY-MM' (the others stay auto; a comma ends a pair only before the next kind=; pairs may also be given in several --date-format). Default: auto."
    static let encoding = InputHelpText.encodings + "; for one input of several, kind=name, e.g. budget=windows-1252 (the others stay auto). " + InputHelpText.autoEncoding
    static let decimalComma = "Numbers use a decimal comma (1.234,50), in every input (--decimal kind=comma for some)."
    static let decimal = "The decimal mark of one input of several: kind=comma or kind=point, comma-separated, e.g. budget=comma (a European budget beside a GL written 1,234.50); the others follow --decimal-comma / --decimal-point. A plain comma or point is that flag."
    static let decimalValueName = "kind=mark"
}

/// The help of a command of one input (aggregate, forecast): no pairs, which it refuses.
enum OneInput: InputHelp {
    static let dateFormat = InputHelpText.dateLayouts + ". Default: auto."
    static let encoding = InputHelpText.encodings + ". " + InputHelpText.autoEncoding
    static let decimalComma = "Numbers use a decimal comma (1.234,50)."
    static let decimal = "The decimal mark, comma or point: the same as --decimal-comma or --decimal-point."
    static let decimalValueName = "mark"
}

/// How to read the exports, shared by every command that imports (DESIGN.md: every command
/// takes `--columns`, `--delimiter` and `--shard`; README promises the date and number flags
/// on every command too). One definition, so a flag cannot exist on one command and be
/// refused by another; only the help of the per-input options differs (`InputHelp`).
struct InputOptions<Help: InputHelp>: ParsableArguments {
    @Option(help: ArgumentHelp("Map roles to your files' headers: item=\"Item #\",...", valueName: "map"))
    var columns: String?

    @Option(help: ArgumentHelp("Field delimiter: , ; tab | (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp(Help.dateFormat, valueName: "format"))
    var dateFormat: [String] = []

    @Option(help: ArgumentHelp(Help.encoding, valueName: "name"))
    var encoding: [String] = []

    @Flag(help: ArgumentHelp(Help.decimalComma))
    var decimalComma = false

    @Flag(help: "Numbers use a decimal point and commas group thousands (1,234.50), also in files separated by semicolons, where 1,500 and 1.200 are otherwise refused as ambiguous.")
    var decimalPoint = false

    @Option(help: ArgumentHelp(Help.decimal, valueName: Help.decimalValueName))
    var decimal: [String] = []

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

    /// `--date-format` for an input of `kind` (nil: the command's one input, `command`): one
    /// format for every input, or `kind=format` pairs for some (a ledger dated 202507 beside a
    /// budget dated 2025-07, where one format for both rejected the budget), the others automatic.
    func dateFormat(for kind: String?, command: String? = nil) throws -> DateFormat {
        try Self.value(of: "--date-format", dateFormat, for: kind, command: command, valueName: "format", example: "actuals=YYYYMM",
                       parse: DateFormat.init(parsing:)) ?? .automatic
    }

    /// `--encoding` for an input of `kind`, as `--date-format`: one encoding for every input,
    /// or `kind=name` pairs (a budget saved by a European spreadsheet in Windows-1252 beside a
    /// GL from the ERP in UTF-8), the others automatic.
    func encoding(for kind: String?, command: String? = nil) throws -> TextEncoding {
        try Self.value(of: "--encoding", encoding, for: kind, command: command, valueName: "name", example: "budget=windows-1252",
                       parse: TextEncoding.init(parsing:)) ?? .auto
    }

    /// Whether the numbers of an input of `kind` have a decimal comma, whether a decimal point
    /// is stated for it, and what set the comma (for the message on a number it cannot read):
    /// `--decimal kind=mark` for the kinds it names, else the flags (or `--decimal`'s plain
    /// mark). A budget from a European spreadsheet (1.234,50) beside a GL from the ERP
    /// (1,234.50) could not be read in one command while the flag was for all.
    func decimalMark(for kind: String?, command: String? = nil) throws -> (comma: Bool, pointStated: Bool, source: DecimalCommaSource) {
        guard !(decimalComma && decimalPoint) else { throw ValidationError("--decimal-comma and --decimal-point contradict each other: give one") }
        func comma(_ text: String) throws -> Bool {
            switch text.trimmed().lowercased() {
            case "comma": return true
            case "point": return false
            default: throw UsageError("--decimal '\(text.clipped)' is not a decimal mark; use comma or point (kind=comma for one input, e.g. budget=comma)")
            }
        }
        let given = try Self.values(of: "--decimal", decimal, valueName: "mark", example: "budget=comma", parse: comma)
        let flagged: Bool? = decimalComma ? true : decimalPoint ? false : nil
        if let plain = given.plain, let flagged, flagged != plain.value {
            throw ValidationError("--decimal \(plain.text) and --decimal-\(flagged ? "comma" : "point") contradict each other: give one")
        }
        // `--decimal comma` alone is the flag, for every input.
        let mark = given.plain?.value ?? flagged
        let flag = given.plain.map { "--decimal \($0.text.trimmed())" } ?? "--decimal-comma"
        guard let kind else {
            try Self.refusePairs(of: "--decimal", given.byKind, command: command, valueName: "mark")
            return (mark == true, mark == false, .flag(flag))
        }
        if let own = given.byKind[kind]?.value { return (own, !own, .pair(kind: kind)) }
        return (mark == true, mark == false, .sharedFlag(flag, kind: kind))
    }

    /// The value of a per-input option (`--date-format`, `--encoding`) for an input of `kind`:
    /// the one value given, or, written `kind=value` pairs, the value of `kind`'s pair; nil when
    /// no pair names it. A command of one input (`kind` nil) refuses pairs: `--encoding
    /// budget=utf-8` on aggregate read its usage file as UTF-8, and pairs that disagreed were
    /// dropped without a word.
    static func value<Value: Equatable>(of flag: String, _ given: [String], for kind: String?, command: String? = nil,
                                        valueName: String, example: String, parse: (String) throws -> Value) throws -> Value? {
        let values = try values(of: flag, given, valueName: valueName, example: example, parse: parse)
        if let plain = values.plain, let pair = values.byKind.values.min(by: { $0.text < $1.text }) {
            throw UsageError("\(flag) '\(plain.text.clipped)' is for every input and '\(pair.text.clipped)' for one kind: give one \(valueName) for all, or kind=\(valueName) pairs (the inputs they do not name stay auto)")
        }
        guard let kind else {
            try refusePairs(of: flag, values.byKind, command: command, valueName: valueName)
            return values.plain?.value
        }
        return values.byKind[kind]?.value ?? values.plain?.value
    }

    /// A per-input option as given, each time it is given (`--decimal budget=comma --decimal
    /// actuals=point` is `--decimal budget=comma,actuals=point`; only the last was kept, and
    /// the budget's 252 rows were all rejected): its value for every input, and its value by
    /// kind. The same value twice is one; two values for every input, or for one kind, are a
    /// usage error (`--encoding budget=utf-8,budget=windows-1252` read the budget by the last).
    /// A pair whose kind is not an input kind is a usage error listing them.
    static func values<Value: Equatable>(of flag: String, _ given: [String], valueName: String, example: String,
                                         parse: (String) throws -> Value) throws -> (plain: (text: String, value: Value)?, byKind: [String: (text: String, value: Value)]) {
        var plain: (text: String, value: Value)?
        var byKind: [String: (text: String, value: Value)] = [:]
        /// `value` parsed, a message of the parser's own (`date format 'MMM Q, YYYY' is not
        /// understood`) prefixed with the option and what was written, so that of several pairs
        /// the one at fault is named; a pair's value holding a comma is told why the comma is
        /// its own (`actuals=YYYYMM,budget` is the pattern `YYYYMM,budget`).
        func parsed(_ value: String, as written: Substring, pair: Bool) throws -> Value {
            do {
                return try parse(value)
            } catch let error as UsageError where !error.message.hasPrefix(flag) {
                let comma = pair && value.contains(",") ? " (a comma ends a pair only before the next kind=, so this one is part of the \(valueName))" : ""
                throw UsageError("\(flag) '\(String(written).trimmed().clipped)': \(error.message)\(comma)")
            }
        }
        for text in given {
            guard text.contains("=") else {
                let value = try parsed(text, as: text[...], pair: false)
                if let earlier = plain, earlier.value != value {
                    throw UsageError("\(flag) is given twice, as '\(earlier.text.clipped)' and '\(text.clipped)': give one \(valueName)")
                }
                plain = (text, value)
                continue
            }
            for pair in Self.pairs(text) {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmed() }
                guard parts.count == 2, InputSchema.all[parts[0]] != nil else {
                    throw UsageError("\(flag) '\(String(pair).clipped)' is not kind=\(valueName) with an input kind (\(InputSchema.all.keys.sorted().joined(separator: ", "))), e.g. \(example)")
                }
                let value = try parsed(parts[1], as: pair, pair: true)
                if let earlier = byKind[parts[0]], earlier.value != value {
                    throw UsageError("\(flag) names '\(parts[0])' twice, as '\(earlier.text.clipped)' and '\(String(pair).trimmed().clipped)': give one \(valueName) for each kind")
                }
                byKind[parts[0]] = (String(pair).trimmed(), value)
            }
        }
        return (plain, byKind)
    }

    /// `kind=value` pairs as written in one option: split at the commas that start a new pair,
    /// a word and `=` after them (`actuals=MMM D, YYYY,budget=YYYY-MM` is `actuals=MMM D, YYYY`
    /// and `budget=YYYY-MM`). Split at every comma, a pattern with one (`MMM D, YYYY`, the way US
    /// exports write `Jun 2, 2006`) was cut in two and refused, and only a pipeline's
    /// `date_format:` could read it. No value of these options holds `=`, so a comma before a
    /// word and `=` can only start a pair; a misspelt kind after it (`budgte=iso`) is still a
    /// pair of its own, refused as naming no input kind.
    static func pairs(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var k = text.startIndex
        while let comma = text[k...].firstIndex(of: ",") {
            k = text.index(after: comma)
            if startsPair(text[k...]) {
                pieces.append(text[start..<comma])
                start = k
            }
        }
        pieces.append(text[start...])
        return pieces
    }

    /// Whether `text` begins (after spaces) with a kind's name and `=`: letters, digits, `_`,
    /// `-` or `.`, then spaces at most.
    static func startsPair(_ text: Substring) -> Bool {
        let name = text.drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        guard !name.isEmpty else { return false }
        return text[name.endIndex...].drop { $0 == " " }.first == "="
    }

    /// The usage error for `kind=value` pairs given to a command of one input (aggregate,
    /// forecast): its one file is of no kind, so a pair could only name the wrong one.
    static func refusePairs<Value>(of flag: String, _ byKind: [String: (text: String, value: Value)], command: String?, valueName: String) throws {
        guard let pair = byKind.values.min(by: { $0.text < $1.text }) else { return }
        let value = pair.text.split(separator: "=", maxSplits: 1).last.map { $0.trimmed() } ?? valueName
        // Quoted when the shell would split it (`'MMM D, YYYY'`), so the advice can be pasted.
        let shown = value.contains(where: { $0 == " " || $0 == "," }) ? "'\(value.clipped)'" : value.clipped
        throw UsageError("\(flag) '\(pair.text.clipped)' names an input kind, but \(command ?? "this command") has one input (--input): give it without a kind, e.g. \(flag) \(shown)")
    }

    /// The input kinds that `--date-format`, `--encoding` and `--decimal` name in `kind=value`
    /// pairs, by option: a command checks them against the kinds it reads.
    func namedKinds() -> [(option: String, kind: String)] {
        [("--date-format", dateFormat), ("--encoding", encoding), ("--decimal", decimal)].flatMap { option, texts in
            texts.filter { $0.contains("=") }.flatMap { text in
                Self.pairs(text).compactMap { pair in
                    pair.split(separator: "=", maxSplits: 1).first.map { (option, $0.trimmed()) }
                }
            }
        }
    }

    /// The import settings of an input file of `kind` (nil: the one input of `command`); where
    /// rejected rows go is the command's choice.
    func importOptions(kind: String? = nil, command: String? = nil) throws -> ImportOptions {
        let mark = try decimalMark(for: kind, command: command)
        var options = ImportOptions(
            columns: try columnMap(),
            delimiter: try delimiter.map(ImportOptions.delimiter(named:)),
            dateFormat: try dateFormat(for: kind, command: command),
            decimalComma: mark.comma,
            encoding: try encoding(for: kind, command: command)
        )
        options.decimalPointStated = mark.pointStated
        options.decimalCommaSource = mark.source
        try limits.apply(to: &options)
        return options
    }

    /// `--shard` checked (1 <= K <= N), nil when not given.
    func parsedShard() throws -> Shard? { try shard.map(Shard.init(parsing:)) }
}

/// Paths beside a command's output.
enum OutputPaths {
    /// `out/series.csv` -> `out/series.rejects.csv`; nothing for standard output or a device
    /// such as /dev/null (a file beside it would land in /dev).
    static func defaultRejectsPath(for output: String) -> String? {
        guard output != "-", !isDevice(output) else { return nil }
        let base = output.hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return base + ".rejects.csv"
    }

    /// Refuses a spreadsheet's name (`fc.xlsx`, `fc.numbers`, `"fc.xlsx "`: `SpreadsheetName`)
    /// for a file written as CSV text: `forecast --out fc.xlsx` wrote `series,period,forecast,...`
    /// under it with exit 0, which Excel refuses to open ("file format or file extension is not
    /// valid") and LibreOffice opens as text, item 000123 read back as 123. `flag` names the
    /// option, `command` the command.
    static func refuseSpreadsheetName(_ path: String, flag: String, command: String) throws {
        let name = SpreadsheetName(path)
        guard let why = name.csvRefusal else { return }
        throw UsageError("\(flag) \(path): \(command) writes CSV text, not a workbook, and \(why); "
                         + "name it .csv (\(flag) \(name.stem).csv), or, for a workbook, run a pipeline whose export stage names its file .xlsx (file: NAME.xlsx)")
    }

    /// True for an existing path that is neither a regular file nor a folder (a device, a pipe).
    static func isDevice(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }
}
