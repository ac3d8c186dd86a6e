/// Grouped horizontal bars: several named series per category (FTE required vs budgeted per unit).
///
/// Bars run horizontally so long unit names fit and the chart grows a row per category.
/// Within a group the series keep the legend's order top to bottom, each in its own
/// Okabe-Ito colour, and each bar has its value written at its end.
public struct GroupedBarChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One value per category, in the categories' order; a missing or non-finite value
        /// is shown as "no data".
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var caption: String
    public var categories: [String]
    public var series: [Series]
    public var format: ChartValueFormat
    /// How negative labels are written, as the report's numbers (`--negatives parentheses`).
    public var negatives: NumberStyle.Negatives = .minus

    public init(title: String, caption: String, categories: [String], series: [Series], format: ChartValueFormat = .quantity) {
        self.title = title
        self.caption = caption
        self.categories = categories
        self.series = series
        self.format = format
    }

    /// The same groups for a native workbook chart, a series per column.
    public func workbookChart(categoryHeader: String) -> WorkbookChart {
        WorkbookChart(kind: .bar, title: title, categoryHeader: categoryHeader, categories: categories,
                      series: series.map { .init(name: $0.name, values: $0.values) }, format: format)
    }

    static let barThickness = 14.0
    static let barGap = 2.0
    static let groupGap = 14.0

    /// The chart as a standalone SVG document; the same chart always gives the same bytes.
    public func svg() -> String {
        let values = categories.indices.map { category in
            series.map { category < $0.values.count ? $0.values[category] : .nan }
        }
        guard values.contains(where: { $0.contains(where: \.isFinite) }) else {
            return ChartFrame(title: title, caption: caption).noDataChart()
        }
        let legend: [ChartLegend.Item] = series.count > 1
            ? series.enumerated().map { .init(label: $0.element.name, swatch: .box(color: ChartPalette.series($0.offset))) }
            : []
        let frame = ChartFrame(title: title, caption: caption, legend: legend)
        let names = BarPlot.fittedNames(categories)
        let labels = values.joined().map { value in
            (value: value, text: value.isFinite ? format.valueLabel(value, negatives: negatives) : BarPlot.missingNote)
        }
        let rowHeight = Double(series.count) * (Self.barThickness + Self.barGap) - Self.barGap + Self.groupGap
        let plot = BarPlot(top: frame.bodyTop, rowCount: categories.count, rowHeight: rowHeight, names: names, labels: labels, format: format, negatives: negatives)
        var document = frame.begin(bodyHeight: plot.bodyHeight)
        plot.drawAxis(into: &document)
        for (row, group) in values.enumerated() {
            let groupTop = plot.top + Double(row) * rowHeight + Self.groupGap / 2
            plot.drawName(names[row], middle: plot.top + (Double(row) + 0.5) * rowHeight, into: &document)
            for (index, value) in group.enumerated() {
                let middle = groupTop + Double(index) * (Self.barThickness + Self.barGap) + Self.barThickness / 2
                plot.drawBar(value, label: labels[row * series.count + index].text, middle: middle, thickness: Self.barThickness,
                             fill: ChartPalette.series(index), into: &document)
            }
        }
        plot.drawZeroLine(into: &document)
        return frame.finish(document, bodyHeight: plot.bodyHeight)
    }
}
