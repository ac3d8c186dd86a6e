/// A report for people: a title, an executive summary, then headings, text, tables and charts.
///
/// Kept as blocks rather than text so one report renders as Markdown (with its charts as
/// SVG files beside it), as a standalone HTML page (charts inline) or as an Excel workbook
/// (key figures, typed sheets, native charts), and so every report starts with its summary:
/// the initialiser takes it.
public struct Report: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// A run of text: plain (escaped when rendered), or a link to another output.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case link(String, to: String)
    }

    /// A chart: `name` becomes part of its file name next to a Markdown report. `chart`, when
    /// given, is the same chart's data for a native chart in a workbook.
    public struct Figure: Sendable {
        public var name: String
        public var description: String
        public var svg: String
        public var chart: WorkbookChart?

        public init(name: String, description: String, svg: String, chart: WorkbookChart? = nil) {
            self.name = name
            self.description = description
            self.svg = svg
            self.chart = chart
        }
    }

    /// A number the summary states, kept as a number for the workbook's Summary sheet.
    public struct KeyFigure: Sendable {
        public var label: String
        public var value: Double
        public var style: ReportSheet.Style

        public init(_ label: String, _ value: Double, style: ReportSheet.Style = .number(decimals: 0)) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    public struct Table: Sendable {
        public var header: [String]
        public var rows: [[String]]
        public var alignments: [Alignment]
        /// The exact figures behind the rows' display text, cell by cell (nil where a cell is
        /// text, or the text is exact); empty when none are given. A workbook stores these,
        /// formatted as the text shows them: parsed back from `$4,239` the Summary held 4239
        /// where the CSV has 4239.36, and a column of orders summed to $20,091.80 against
        /// the report's own total of $20,092.21. A percentage's value is a share: 0.95 for
        /// `95%` (the workbook shows it with a % format).
        public var values: [[Double?]] = []

        /// The exact figure of a cell, if one was given.
        public func value(row: Int, column: Int) -> Double? {
            guard row < values.count, column < values[row].count, let value = values[row][column], value.isFinite else { return nil }
            return value
        }
    }

    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph([Segment])
        case bullets([[Segment]])
        case table(Table)
        case figure(Figure)
    }

    public let title: String
    /// The few lines a reader needs if they read nothing else; the run's index repeats them.
    public let summary: [String]
    public private(set) var blocks: [Block] = []
    /// The summary's figures as numbers (workbooks only; the summary's text already says them).
    public private(set) var keyFigures: [KeyFigure] = []
    /// The report's data in full and typed, one workbook sheet each (workbooks only: the
    /// Markdown and HTML point at the CSV that holds the same rows).
    public private(set) var sheets: [ReportSheet] = []

    public init(title: String, summary: [String]) {
        self.title = title
        self.summary = summary.isEmpty ? ["Nothing to report."] : summary
        heading("Executive summary")
        bullets(self.summary)
    }

    /// This report for part of the data (a shard): the title names the part and the summary
    /// starts with it, so that a shard's totals do not read as the whole hospital's.
    public func scoped(_ part: String, sentence: String) -> Report {
        var scoped = Report(title: title + " (" + part + ")", summary: [sentence] + summary)
        scoped.blocks += blocks.dropFirst(2)
        scoped.keyFigures = keyFigures
        scoped.sheets = sheets
        return scoped
    }

    public mutating func heading(_ text: String, level: Int = 2) {
        blocks.append(.heading(text, level: max(2, min(level, 6))))
    }

    public mutating func paragraph(_ text: String) { blocks.append(.paragraph([.text(text)])) }

    public mutating func paragraph(_ segments: [Segment]) { blocks.append(.paragraph(segments)) }

    public mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        blocks.append(.bullets(items.map { [.text($0)] }))
    }

    public mutating func bullets(_ items: [[Segment]]) {
        guard !items.isEmpty else { return }
        blocks.append(.bullets(items))
    }

    /// A bullet list of links to other outputs of the run.
    public mutating func links(_ targets: [String]) {
        bullets(targets.map { [.link($0, to: $0)] })
    }

    /// A table; `values`, row by row beside `rows`, holds the exact figures behind rounded
    /// display text (see `Table.values`).
    public mutating func table(_ header: [String], _ rows: [[String]], alignments: [Alignment]? = nil, values: [[Double?]] = []) {
        blocks.append(.table(Table(header: header, rows: rows, alignments: alignments ?? header.map { _ in .left }, values: values)))
    }

    public mutating func figure(_ figure: Figure) { blocks.append(.figure(figure)) }

    public mutating func keyFigure(_ label: String, _ value: Double, style: ReportSheet.Style = .number(decimals: 0)) {
        keyFigures.append(KeyFigure(label, value, style: style))
    }

    public mutating func sheet(_ sheet: ReportSheet) { sheets.append(sheet) }

    public var figures: [Figure] {
        blocks.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
    }

    /// The file a figure is written to next to a Markdown report whose files start with `prefix`.
    public static func figureFile(_ figure: Figure, prefix: String) -> String { "\(prefix)_\(figure.name).svg" }
}
