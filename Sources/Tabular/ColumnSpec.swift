/// A column an import needs, named by its role in DESIGN.md's input table (`date`, `item`, ...).
///
/// The file's own header name comes from the column map, so users point at their export
/// (`quantity = "Qty Issued"`) instead of renaming its columns.
public struct ColumnSpec: Sendable, Equatable {
    public var role: String
    public var required: Bool
    /// Personal data (an employee id) that must never be copied anywhere, rejects files included.
    public var isPrivate: Bool

    public init(_ role: String, required: Bool = true, isPrivate: Bool = false) {
        self.role = role
        self.required = required
        self.isPrivate = isPrivate
    }
}

/// What to do when rows are rejected.
public enum RejectPolicy: String, Sendable, CaseIterable {
    /// Fail the import when more than the threshold share of rows is rejected.
    case fail
    /// Import what parses, whatever the share of rejects.
    case skip
}

/// How to read one export.
public struct ImportOptions: Sendable {
    /// Role -> header name in the file. Roles left out are looked up under their own name.
    public var columns: [String: String]
    public var delimiter: UInt8?
    public var dateFormat: DateFormat
    public var decimalComma: Bool
    /// The decimal mark is said to be the point (`--decimal-point`, `decimal: point` written
    /// out): a comma then groups thousands and a point marks decimals whatever the delimiter,
    /// with none of the doubts of `NumberParser(decimalComma:delimiter:)`.
    public var decimalPointStated = false
    /// What set `decimalComma` (`--decimal-comma`, `--decimal budget=comma`, a pipeline's
    /// `decimal: comma`), so a number that needs a point is told where to undo it.
    public var decimalCommaSource: DecimalCommaSource = .unstated
    /// The file's character encoding; `auto` decides from its first chunk.
    public var encoding: TextEncoding
    /// Largest share of data rows that may be rejected before the import fails (0.01 = 1%).
    public var rejectThreshold: Double
    public var onError: RejectPolicy
    public var limits: CSVLimits
    /// Where rejected rows are written; nil keeps only the counts and the first reasons.
    public var rejectsPath: String?
    /// Roles whose `columns` entry is one map given for all of a command's files (a canned
    /// command's `--columns item=Artikel`): a file whose header lacks the mapped name reads the
    /// role under its own name (the item master's `item`). Any other mapped name must be in the
    /// header: a pipeline import's `columns: {quantity: "Qty Nett"}` (a typo for `Qty Net`)
    /// silently read the gross `quantity` column beside it.
    public var sharedColumnRoles: Set<String> = []
    /// A second name a role's column may have when neither the mapped name nor the role's own
    /// is in the header: aggregate's `period` for a series file's date, so its output reads back
    /// from standard input, which cannot be read twice to try aggregate's header after the
    /// export's.
    public var alternateRoleNames: [String: String] = [:]
    /// Finds the columns of the roles that neither the map nor the role's own name found, by the
    /// role's other names (`Supplier Name` for vendor, `Qty Received` for received_quantity):
    /// given the header, the columns already taken and those roles, each role found and its
    /// column. The pipeline sets it to the matcher `inspect` suggests its map with, so that an
    /// import reads what `inspect` suggests (they disagreed: `inspect` found `Supplier Name`,
    /// `PO Date` and `Order Qty`, and the import stopped at "missing required columns"); nil
    /// reads the roles' own names alone.
    public var roleFinder: (@Sendable (_ header: [String], _ taken: Set<Int>, _ roles: [String]) -> [String: Int])?
    /// The input kind the file is read as (DESIGN.md's usage, census, ...): a header lacking
    /// its columns is told that `quartermaster inspect FILE --kind KIND` suggests a map.
    public var kind: String?
    /// The file is a command's one input (`aggregate`, `forecast`), whose `--date-format`
    /// takes no `kind=` pair: a note's fix names the flag alone.
    public var onlyInput = false
    /// Whether `TableImport.run` may end by throwing `TableImport.SecondLook` when the file's
    /// dates call for reading it again otherwise: a column's two-digit years that the pivot
    /// splits, or slash dates that read only day-first. Set by callers that can read the file
    /// again (not standard input) and do so with the options it carries.
    public var secondLook = false
    /// A second look's findings, by column index: the window each column's two-digit years
    /// are read in (`TwoDigitYearWindow`), and the notes saying so, which the import adds to
    /// its summary.
    public var twoDigitYearWindows: [Int: TwoDigitYearWindow] = [:]
    public var secondLookNotes: [String] = []
    /// A second look's finding for the whole file: its slash dates read day-first, as the date
    /// that reads only so (`DayFirstWitness`) showed. One export writes its dates one way, so
    /// every date and date-time column is read so (`DayMonthEvidence`).
    public var dayFirstWitness: DayFirstWitness?
    /// A second look's finding: rows after a repeated header that repeat the rows above it
    /// (`JoinOverlapCheck`), left out by their lines.
    public var joinOverlaps: [JoinOverlap] = []

    public init(columns: [String: String] = [:], delimiter: UInt8? = nil, dateFormat: DateFormat = .automatic,
                decimalComma: Bool = false, rejectThreshold: Double = 0.01, onError: RejectPolicy = .fail,
                limits: CSVLimits = CSVLimits(), rejectsPath: String? = nil, encoding: TextEncoding = .auto) {
        self.encoding = encoding
        self.columns = columns
        self.delimiter = delimiter
        self.dateFormat = dateFormat
        self.decimalComma = decimalComma
        self.rejectThreshold = rejectThreshold
        self.onError = onError
        self.limits = limits
        self.rejectsPath = rejectsPath
    }

    /// Parses `name=Header,name2="Header, with comma"` as given on the command line.
    public static func parseColumnMap(_ text: String) throws -> [String: String] {
        try parseMap(text, flag: "--columns", example: "date=\"Trans Date\",item=\"Item #\"")
    }

    /// Parses a `key=value,...` flag (`--columns`, `--pay-codes`); messages name the flag.
    public static func parseMap(_ text: String, flag: String, example: String) throws -> [String: String] {
        var result: [String: String] = [:]
        var key = "", value = ""
        var inValue = false, inQuotes = false
        func flush() throws {
            let k = key.trimmed(), v = value.trimmed()
            if k.isEmpty && v.isEmpty { return }
            guard !k.isEmpty, inValue, !v.isEmpty else {
                throw UsageError("\(flag) expects name=value pairs separated by commas, e.g. \(example); got '\(text)'")
            }
            result[k] = v
        }
        var characters = Array(text)[...]
        while let ch = characters.popFirst() {
            // Inside quotes, `""` (as `inspect` and CSV write a quote) and `\"` are a quote
            // of the header's own: `item="Item ""Code"""`, as inspect suggests it, reached no header before.
            if inQuotes && (ch == "\"" || ch == "\\") && characters.first == "\"" {
                characters.removeFirst()
                (inValue ? { value.append("\"") } : { key.append("\"") })()
                continue
            }
            if ch == "\"" { inQuotes.toggle(); continue }
            if !inQuotes && ch == "," {
                try flush()
                key = ""; value = ""; inValue = false
            } else if !inQuotes && ch == "=" && !inValue {
                inValue = true
            } else if inValue {
                value.append(ch)
            } else {
                key.append(ch)
            }
        }
        guard !inQuotes else { throw UsageError("\(flag) has an unclosed quote: '\(text)'") }
        try flush()
        return result
    }
}

extension ImportOptions {
    /// Largest magnitude an imported number may have. Hospital quantities and money (even in
    /// cents) stay far below it; anything larger is a unit, format or column-map mistake, and
    /// letting it through would overflow sums and integer day counts downstream. Doubles are
    /// also exact for whole numbers only up to about 9e15.
    public static let largestMagnitude = 1e15

    /// The rejects-file sentence for a number above `largestMagnitude`.
    public static func explainTooLarge(_ field: UnsafeBufferPointer<UInt8>) -> String {
        "'\(String(decoding: field, as: UTF8.self).clipped)' is out of range: numbers up to 1,000,000,000,000,000 in magnitude are accepted; check the column map, the unit and the decimal setting"
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    public func trimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension ImportOptions {
    /// A delimiter as users write it: `,` `;` `|`, or `tab`.
    public static func delimiter(named text: String) throws -> UInt8 {
        switch text {
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "\t", "tab", "\\t": return 0x09
        case "|", "pipe": return UInt8(ascii: "|")
        default: throw UsageError("the delimiter must be one of , ; tab |, not '\(text)'")
        }
    }
}

/// The date that turned a file's slash dates day-first: the column (a header index), the date
/// as written and its line, for the note saying so and for the error when another column of
/// the same file holds a date that reads only month-first.
public struct DayFirstWitness: Sendable, Equatable {
    public var column: Int
    public var text: String
    public var line: Int
    /// No date decided: every slash date of the file reads either way, and its numbers are
    /// read with a decimal comma, a convention that goes with day-first dates (continental
    /// Europe, Latin America). A Spanish export of 2-12 March 2026 (`02/03/2026`, `1.200,0`)
    /// read month-first was one row a month, February to December, and reorder ordered 0 of
    /// an antibiotic used at 1,500 a day where 18,000 were needed.
    public var byDecimalComma = false
    /// No date decided: every slash date of the file reads either way, and a column's are all
    /// the 1st of a month written day-first (`DayMonthEvidence.firstsOfMonths`), which read
    /// month-first would all be January 1-12.
    public var byFirstsOfMonths = false

    public init(column: Int, text: String, line: Int, byDecimalComma: Bool = false, byFirstsOfMonths: Bool = false) {
        self.column = column
        self.text = text
        self.line = line
        self.byDecimalComma = byDecimalComma
        self.byFirstsOfMonths = byFirstsOfMonths
    }
}
