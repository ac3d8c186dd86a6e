/// A chart's data for a native Excel chart, so a workbook's chart is one Excel can restyle,
/// resize and re-point, rather than a picture of the SVG.
///
/// The workbook writes the categories and series as a small table on the chart's own sheet
/// and points the chart at those cells.
public struct WorkbookChart: Sendable {
    public enum Kind: Sendable {
        /// Horizontal bars (variance by department, FTE by unit): long names fit.
        case bar
        /// Lines over periods (a fan chart's history, forecast and interval bounds).
        case line
    }

    public struct Series: Sendable {
        public var name: String
        /// One per category; NaN is an empty cell, a gap in a line.
        public var values: [Double]
        /// Per-point favorable (true) or unfavorable (false) colouring, for variance bars.
        public var favorable: [Bool]?

        public init(name: String, values: [Double], favorable: [Bool]? = nil) {
            self.name = name
            self.values = values
            self.favorable = favorable
        }
    }

    public var kind: Kind
    public var title: String
    public var categoryHeader: String
    public var categories: [String]
    public var series: [Series]
    public var format: ChartValueFormat
    /// The sheet's name; by default the figure's name (`by_department` is `By department`).
    public var sheet: String?

    public init(kind: Kind, title: String, categoryHeader: String, categories: [String], series: [Series], format: ChartValueFormat, sheet: String? = nil) {
        self.sheet = sheet
        self.kind = kind
        self.title = title
        self.categoryHeader = categoryHeader
        self.categories = categories
        self.series = series
        self.format = format
    }
}
