/// Horizontal bars around zero, coloured favorable / unfavorable (budget variance by department).
///
/// Whether a variance is good depends on the account (spending over budget is bad, revenue
/// over budget is good), so the caller says which each bar is. Colour is backed by two other
/// cues: unfavourable bars are hatched, and every bar has its value written at its end.
public struct VarianceBarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// The variance (actual - budget); NaN or infinite is shown as "no data".
        public var value: Double
        public var favorable: Bool

        public init(label: String, value: Double, favorable: Bool) {
            self.label = label
            self.value = value
            self.favorable = favorable
        }
    }

    public var title: String
    public var caption: String
    /// Drawn top to bottom in the given order.
    public var bars: [Bar]
    public var format: ChartValueFormat
    /// How negative labels are written, as the report's numbers (`--negatives parentheses`).
    public var negatives: NumberStyle.Negatives = .minus

    public init(title: String, caption: String, bars: [Bar], format: ChartValueFormat = .money) {
        self.title = title
        self.caption = caption
        self.bars = bars
        self.format = format
    }

    /// The same bars for a native workbook chart: one series, each bar coloured favorable
    /// or unfavorable.
    public func workbookChart(categoryHeader: String, seriesName: String) -> WorkbookChart {
        WorkbookChart(kind: .bar, title: title, categoryHeader: categoryHeader, categories: bars.map(\.label),
                      series: [.init(name: seriesName, values: bars.map(\.value), favorable: bars.map(\.favorable))], format: format)
    }

    static let rowHeight = 26.0
    static let barThickness = 16.0

    /// The chart as a standalone SVG document; the same chart always gives the same bytes.
    public func svg() -> String {
        guard bars.contains(where: { $0.value.isFinite }) else {
            return ChartFrame(title: title, caption: caption).noDataChart()
        }
        let frame = ChartFrame(title: title, caption: caption, legend: [
            .init(label: "Favorable", swatch: .box(color: ChartPalette.favorable)),
            .init(label: "Unfavorable", swatch: .hatchedBox),
        ])
        let names = BarPlot.fittedNames(bars.map(\.label))
        let labels = bars.map { bar in
            (value: bar.value, text: bar.value.isFinite ? format.valueLabel(bar.value, signed: true, negatives: negatives) : BarPlot.missingNote)
        }
        let plot = BarPlot(top: frame.bodyTop, rowCount: bars.count, rowHeight: Self.rowHeight, names: names, labels: labels, format: format, negatives: negatives)
        var document = frame.begin(bodyHeight: plot.bodyHeight)
        plot.drawAxis(into: &document)
        for (row, bar) in bars.enumerated() {
            let middle = plot.top + (Double(row) + 0.5) * Self.rowHeight
            plot.drawName(names[row], middle: middle, into: &document)
            plot.drawBar(bar.value, label: labels[row].text, middle: middle, thickness: Self.barThickness,
                         fill: bar.favorable ? ChartPalette.favorable : ChartPalette.hatchFill, into: &document)
        }
        plot.drawZeroLine(into: &document)
        return frame.finish(document, bodyHeight: plot.bodyHeight)
    }
}
