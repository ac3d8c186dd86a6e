import Tabular

/// A report's data as a workbook sheet: typed columns (numbers stay numbers, money and
/// percentages keep their values and get a display format, days are dates) plus the flags
/// worth colouring.
///
/// Markdown and HTML show people a formatted extract of a table; a workbook is where they
/// sort, filter and sum, so its sheets carry every row with its value, the same as the CSV
/// beside it. Columns are stored whole (not as rows of cells) so a 100,000-line sheet
/// shares the arrays the stage already built instead of copying them.
public struct ReportSheet: Sendable {
    /// How a column's values are shown; the stored value never changes.
    public enum Style: Sendable, Equatable {
        case text
        /// Thousands separators and a fixed number of decimals.
        case number(decimals: Int)
        /// `$#,##0`, negatives as the run's NumberStyle writes them.
        case money
        /// `$#,##0.00##`: unit costs and prices, where cents (and fractions of a cent) matter.
        case price
        /// A share, 0.95 shown as 95.0%.
        case percent
        /// Already a percentage, as in budget_variance.csv (21.0 shown as 21.0%).
        case percentagePoints
        /// A calendar day, shown yyyy-mm-dd.
        case date
    }

    public enum Values: Sendable {
        /// Written as strings, always: `=1+1` in a description stays text.
        case text([String])
        /// NaN (an empty CSV cell) becomes an empty cell.
        case number([Double])
        /// nil becomes an empty cell.
        case date([CalendarDay?])
        /// TRUE and FALSE cells (`favorable`, `chosen`): as the text "true" Excel's filters
        /// listed them as words and `COUNTIF(range, TRUE)` counted none. nil is an empty cell.
        case flag([Bool?])

        public var count: Int {
            switch self {
            case .text(let v): v.count
            case .number(let v): v.count
            case .date(let v): v.count
            case .flag(let v): v.count
            }
        }
    }

    public struct Column: Sendable {
        public var header: String
        public var values: Values
        public var style: Style

        public init(_ header: String, _ values: Values, style: Style? = nil) {
            self.header = header
            self.values = values
            switch values {
            case .text, .flag: self.style = style ?? .text
            case .number: self.style = style ?? .number(decimals: 2)
            case .date: self.style = .date
            }
        }
    }

    /// A conditional format: cells of `column` that match `rule` are coloured, so a reader
    /// finds the stockout risks and unfavorable lines without filtering.
    public struct Highlight: Sendable {
        public enum Rule: Sendable {
            /// Text cells holding this word (flags are lists such as `stockout_risk;excess`).
            case contains(String)
            /// Text cells equal to this (compliant = `false`).
            case equals(String)
            /// Number cells above this value.
            case above(Double)
            /// Number cells below this value.
            case below(Double)
            /// FALSE cells of a true/false column (`Values.flag`): a rule comparing them with
            /// the text "false" matches none, as Excel's FALSE is no text.
            case isFalse
        }

        public enum Tone: Sendable {
            /// Light red fill, dark red text: money lost or a patient at risk.
            case alarm
            /// Light amber fill: worth a look.
            case caution
        }

        public var column: String
        public var rule: Rule
        public var tone: Tone
        /// The rows the rule applies to (true), row by row beside the columns; nil = every row.
        /// A rule's meaning can depend on the row: in the Scenarios sheet a projected variance
        /// above budget is an overspend on an expense line but good news on a revenue line.
        public var rows: [Bool]?

        public init(_ column: String, _ rule: Rule, tone: Tone = .alarm, rows: [Bool]? = nil) {
            self.column = column
            self.rule = rule
            self.tone = tone
            self.rows = rows
        }
    }

    public var name: String
    public var columns: [Column]
    public var highlights: [Highlight]

    public init(name: String, columns: [Column], highlights: [Highlight] = []) {
        precondition(columns.allSatisfy { $0.values.count == (columns.first?.values.count ?? 0) }, "sheet \(name): columns differ in length")
        self.name = name
        self.columns = columns
        self.highlights = highlights
    }

    public var rowCount: Int { columns.first?.values.count ?? 0 }
}
