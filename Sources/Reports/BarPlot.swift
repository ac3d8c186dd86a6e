/// The horizontal-bar plot the bar charts share: one row per category with its name on the
/// left, bars growing left or right from zero, each bar's value written at its end, and the
/// value axis with gridlines along the bottom.
///
/// Horizontal bars leave room for long department and unit names, and the chart grows
/// downward with each row instead of squeezing bars together. The axis is placed so that a
/// value label never runs into the names or off the chart: the space either side of the
/// axis is as wide as the widest label that goes there.
struct BarPlot {
    static let maxCategoryWidth = 200.0
    static let valueLabelGap = 4.0
    static let missingNote = "no data"

    let axis: ChartAxis
    let tickLabels: [String]
    let format: ChartValueFormat
    /// Right edge of the category names.
    let namesRight: Double
    /// Screen span of the value axis.
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    /// Height of the plot plus the tick labels under it.
    var bodyHeight: Double { bottom - top + 28 }

    /// A plot starting at `top` for `rowCount` rows of `rowHeight`, sized for the given
    /// category names and bar labels (`labels` pairs each value with what is written at its end).
    init(top: Double, rowCount: Int, rowHeight: Double, names: [String], labels: [(value: Double, text: String)], format: ChartValueFormat,
         negatives: NumberStyle.Negatives = .minus) {
        let finite = labels.map(\.value).filter(\.isFinite)
        let size = ChartFrame.tickSize
        let widestName = names.map { SVGText.width($0, size: ChartFrame.labelSize) }.max() ?? 0
        // Labels of negative values sit left of their bar, all others (and "no data") right of it.
        let leftLabels = labels.filter { $0.value < 0 }.map { SVGText.width($0.text, size: size) }.max()
        let rightLabels = labels.filter { !($0.value < 0) }.map { SVGText.width($0.text, size: size) }.max()
        let namesRight = ChartFrame.margin + min(widestName, Self.maxCategoryWidth)
        // Fewer ticks when their labels would crowd each other on a narrow axis.
        func layout(ticks target: Int) -> (axis: ChartAxis, ticks: [String], left: Double, right: Double, fits: Bool) {
            let axis = ChartAxis(covering: finite.min() ?? 0, finite.max() ?? 0, includingZero: true, targetTicks: target,
                                 minimumStep: format.minimumStep)
            let ticks = format.tickLabels(for: axis, negatives: negatives)
            let tickWidths = ticks.map { SVGText.width($0, size: size) }
            let left = namesRight + 10 + max(leftLabels.map { $0 + Self.valueLabelGap + 4 } ?? 0, (tickWidths.first ?? 0) / 2)
            let right = ChartFrame.width - ChartFrame.margin
                - max(rightLabels.map { $0 + Self.valueLabelGap + 2 } ?? 0, (tickWidths.last ?? 0) / 2)
            // Labels are bounded, so the minimum width only guards against a future label that is not.
            let span = max(right, left + 120) - left
            let fits = span / Double(max(1, ticks.count - 1)) >= (tickWidths.max() ?? 0) + 8
            return (axis, ticks, left, left + span, fits)
        }
        let layout = [5, 4, 3, 2].lazy.map(layout(ticks:)).first(where: \.fits) ?? layout(ticks: 1)
        axis = layout.axis
        tickLabels = layout.ticks
        left = layout.left
        right = layout.right
        self.namesRight = namesRight
        self.format = format
        self.top = top
        bottom = top + Double(max(rowCount, 1)) * rowHeight
    }

    /// Category names cut to the name column, for the caller to pass back to `drawName`.
    static func fittedNames(_ names: [String]) -> [String] {
        names.map { SVGText.truncated($0, toWidth: maxCategoryWidth, size: ChartFrame.labelSize) }
    }

    func x(_ value: Double) -> Double { axis.position(of: value, from: left, to: right) }

    /// Vertical gridlines at the ticks, their labels under the plot, and a darker zero line.
    func drawAxis(into document: inout SVGDocument) {
        for tick in axis.ticks where tick != 0 {
            document.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: ChartPalette.gridline)
        }
        document.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: ChartPalette.gridline)
        for (tick, label) in zip(axis.ticks, tickLabels) {
            document.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 4, stroke: ChartPalette.axis)
            document.text(label, x: x(tick), y: bottom + 17, size: ChartFrame.tickSize, anchor: .middle, fill: ChartPalette.muted)
        }
    }

    /// The zero line, drawn after the bars so it stays visible where they meet.
    func drawZeroLine(into document: inout SVGDocument) {
        document.line(x1: x(0), y1: top, x2: x(0), y2: bottom + 4, stroke: ChartPalette.ink)
    }

    /// A category name, right-aligned against the plot, vertically centred on `middle`.
    func drawName(_ name: String, middle: Double, into document: inout SVGDocument) {
        document.text(name, x: namesRight, y: middle + 4, size: ChartFrame.labelSize, anchor: .end)
    }

    /// One bar from zero to `value`, `thickness` tall and centred on `middle`, with `label`
    /// at its outer end; a missing value gets a note at zero instead of a bar.
    func drawBar(_ value: Double, label: String, middle: Double, thickness: Double, fill: String, into document: inout SVGDocument) {
        guard value.isFinite else {
            document.text(Self.missingNote, x: x(0) + Self.valueLabelGap, y: middle + 4, size: ChartFrame.tickSize,
                          fill: ChartPalette.muted, italic: true)
            return
        }
        let zero = x(0), end = x(value)
        document.rect(x: min(zero, end), y: middle - thickness / 2, width: abs(end - zero), height: thickness, fill: fill)
        if value < 0 {
            document.text(label, x: end - Self.valueLabelGap, y: middle + 4, size: ChartFrame.tickSize, anchor: .end)
        } else {
            document.text(label, x: end + Self.valueLabelGap, y: middle + 4, size: ChartFrame.tickSize)
        }
    }
}
