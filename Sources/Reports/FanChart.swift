import Tabular

/// A forecast drawn as a fan: the history as a solid line, the forecast as a dashed line
/// continuing from it, and prediction intervals as nested shaded bands that widen with the
/// horizon, so a reader sees both the expected path and how sure it is.
///
/// Non-finite values are gaps in the lines and bands; a chart with nothing finite to draw
/// says so instead of showing an empty plot.
public struct FanChart: Sendable {
    /// A prediction interval over the forecast periods, e.g. the 80% or 95% interval.
    public struct Band: Sendable {
        /// Coverage in percent (`80`) or as a share (`0.8`); both are labelled "80% interval".
        public var level: Double
        public var lower: [Double]
        public var upper: [Double]

        public init(level: Double, lower: [Double], upper: [Double]) {
            self.level = level
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var caption: String
    /// X labels, one per point: history periods then forecast periods (`2026-07`, `2026-W27`).
    public var periods: [String]
    /// Values for `periods[0..<history.count]`.
    public var history: [Double]
    /// Values for the `forecast.count` periods after the history.
    public var forecast: [Double]
    /// Intervals over the forecast periods, in any order; the widest is drawn first.
    public var bands: [Band]
    public var format: ChartValueFormat

    public init(title: String, caption: String, periods: [String], history: [Double], forecast: [Double],
                bands: [Band] = [], format: ChartValueFormat = .quantity) {
        self.title = title
        self.caption = caption
        self.periods = periods
        self.history = history
        self.forecast = forecast
        self.bands = bands
        self.format = format
    }

    /// The same history, forecast and interval bounds as lines over periods for a native
    /// workbook chart; each series is empty where it does not apply.
    public func workbookChart() -> WorkbookChart {
        let gap = [Double](repeating: .nan, count: history.count)
        let ahead = [Double](repeating: .nan, count: forecast.count)
        var series: [WorkbookChart.Series] = [.init(name: "History", values: history + ahead), .init(name: "Forecast", values: gap + forecast)]
        for band in bands {
            let level = NumberFormat.fixed(band.level < 1 ? band.level * 100 : band.level, decimals: 0)
            series.append(.init(name: "Low \(level)%", values: gap + band.lower.prefix(forecast.count)))
            series.append(.init(name: "High \(level)%", values: gap + band.upper.prefix(forecast.count)))
        }
        return WorkbookChart(kind: .line, title: title, categoryHeader: "Period", categories: periods, series: series, format: format)
    }

    static let plotHeight = 260.0
    static let maxPeriodLabelWidth = 90.0
    /// Room above the plot for the top tick label and below it for the period labels.
    static let topPad = 8.0
    static let bottomPad = 26.0

    /// The chart as a standalone SVG document; the same chart always gives the same bytes.
    public func svg() -> String {
        let count = history.count + forecast.count
        let values = history + forecast + bands.flatMap { Array($0.lower.prefix(forecast.count)) + Array($0.upper.prefix(forecast.count)) }
        let finite = values.filter(\.isFinite)
        guard count > 0, let low = finite.min(), let high = finite.max() else {
            return ChartFrame(title: title, caption: caption).noDataChart()
        }
        let shades = bandShades()
        let frame = ChartFrame(title: title, caption: caption, legend: legendItems(shades: shades))
        let axis = ChartAxis(covering: low, high, includingZero: Self.startsAtZero(low, high), minimumStep: format.minimumStep)
        let tickLabels = format.tickLabels(for: axis)
        let periodLabels = (0..<count).map { index in
            index < periods.count
                ? SVGText.truncated(periods[index], toWidth: Self.maxPeriodLabelWidth, size: ChartFrame.tickSize)
                : ""
        }
        let widestPeriod = periodLabels.map { SVGText.width($0, size: ChartFrame.tickSize) }.max() ?? 0
        let widestTick = tickLabels.map { SVGText.width($0, size: ChartFrame.tickSize) }.max() ?? 0

        let bodyHeight = Self.topPad + Self.plotHeight + Self.bottomPad
        let plot = (left: ChartFrame.margin + max(widestTick + 8, widestPeriod / 2 - 8),
                    right: ChartFrame.width - ChartFrame.margin - max(4, widestPeriod / 2 - 8),
                    top: frame.bodyTop + Self.topPad,
                    bottom: frame.bodyTop + Self.topPad + Self.plotHeight)
        // Points sit a little inside the plot so markers never touch the axis.
        let firstX = plot.left + 8, lastX = plot.right - 8
        let x: (Int) -> Double = { index in
            count == 1 ? (firstX + lastX) / 2 : firstX + (lastX - firstX) * Double(index) / Double(count - 1)
        }
        let y: (Double) -> Double = { axis.position(of: $0, from: plot.bottom, to: plot.top) }

        var document = frame.begin(bodyHeight: bodyHeight)
        for (tick, label) in zip(axis.ticks, tickLabels) {
            let tickY = y(tick)
            document.line(x1: plot.left, y1: tickY, x2: plot.right, y2: tickY, stroke: ChartPalette.gridline)
            document.text(label, x: plot.left - 6, y: tickY + 4, size: ChartFrame.tickSize, anchor: .end, fill: ChartPalette.muted)
        }
        if axis.lower < 0 && axis.upper > 0 {
            document.line(x1: plot.left, y1: y(0), x2: plot.right, y2: y(0), stroke: ChartPalette.axis)
        }
        document.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartPalette.axis)

        if !history.isEmpty && !forecast.isEmpty {
            let boundary = x(history.count - 1)
            document.line(x1: boundary, y1: plot.top, x2: boundary, y2: plot.bottom, stroke: ChartPalette.divider, dashed: true)
        }
        drawPeriodLabels(periodLabels, widest: widestPeriod, x: x, baseline: plot.bottom + 17, into: &document)

        // The forecast, and each band, starts at the last observed value so the fan opens from it.
        let anchor: (index: Int, value: Double)? = history.last.flatMap { $0.isFinite ? (history.count - 1, $0) : nil }
        for (band, shade) in shades {
            drawBand(band, anchor: anchor, x: x, y: y, fill: shade, into: &document)
        }
        let historyPoints: [(Int, Double)?] = history.enumerated().map { $0.element.isFinite ? ($0.offset, $0.element) : nil }
        drawLine(historyPoints, x: x, y: y, color: ChartPalette.history, dashed: false, into: &document)
        var forecastPoints: [(Int, Double)?] = forecast.enumerated().map { $0.element.isFinite ? (history.count + $0.offset, $0.element) : nil }
        if let anchor, forecast.first?.isFinite == true { forecastPoints.insert(anchor, at: 0) }
        drawLine(forecastPoints, x: x, y: y, color: ChartPalette.forecast, dashed: true, into: &document)
        return frame.finish(document, bodyHeight: bodyHeight)
    }

    /// Lines whose values stay far from zero are easier to read zoomed in; those that come
    /// near it keep the zero baseline so their size is not exaggerated.
    static func startsAtZero(_ low: Double, _ high: Double) -> Bool {
        if low >= 0 { return low <= high / 2 }
        if high <= 0 { return high >= low / 2 }
        return true
    }

    /// Drawable bands with their fill, widest first, each a lighter tint of the forecast colour the
    /// wider it is. Ties keep their given order so the output never depends on sorting.
    private func bandShades() -> [(band: Band, fill: String)] {
        // A band with no period where both bounds are finite has nothing to draw or explain.
        let drawable = bands.enumerated().filter { entry in
            zip(entry.element.lower.prefix(forecast.count), entry.element.upper).contains { $0.isFinite && $1.isFinite }
        }
        let ordered = drawable.sorted { a, b in
            let levelA = Self.percent(a.element.level), levelB = Self.percent(b.element.level)
            return levelA != levelB ? levelA > levelB : a.offset < b.offset
        }
        return ordered.enumerated().map { rank, entry in
            let amount = ordered.count == 1 ? 0.7 : 0.82 - 0.24 * Double(rank) / Double(ordered.count - 1)
            return (entry.element, ChartPalette.tint(ChartPalette.forecast, towardWhite: amount))
        }
    }

    private static func percent(_ level: Double) -> Double {
        guard level.isFinite else { return 0 }
        return level <= 1 ? level * 100 : level
    }

    private func legendItems(shades: [(band: Band, fill: String)]) -> [ChartLegend.Item] {
        var items: [ChartLegend.Item] = []
        if history.contains(where: \.isFinite) { items.append(.init(label: "History", swatch: .line(color: ChartPalette.history, dashed: false))) }
        if forecast.contains(where: \.isFinite) { items.append(.init(label: "Forecast", swatch: .line(color: ChartPalette.forecast, dashed: true))) }
        for (band, fill) in shades {
            let level = Self.percent(band.level)
            let label = level > 0 ? NumberFormat.fixed(level, decimals: 1) + "% interval" : "Interval"
            items.append(.init(label: label, swatch: .box(color: fill)))
        }
        // One series explains itself through the title.
        return items.count > 1 ? items : []
    }

    /// Period labels under the plot, thinned to every k-th so they never overlap (and to
    /// about ten at most); counting starts from the first forecast period so it is always labelled.
    private func drawPeriodLabels(_ labels: [String], widest: Double, x: (Int) -> Double, baseline: Double,
                                  into document: inout SVGDocument) {
        let count = labels.count
        var every = max(1, (count + 9) / 10)
        if count > 1 {
            let spacing = abs(x(1) - x(0))
            if spacing > 0 {
                let needed = ((widest + 12) / spacing).rounded(.up)
                every = max(every, needed < Double(count) ? Int(needed) : count)
            }
        }
        let start = history.isEmpty || forecast.isEmpty ? 0 : history.count
        for index in 0..<count where ((index - start) % every + every) % every == 0 {
            let tickX = x(index)
            document.line(x1: tickX, y1: baseline - 17, x2: tickX, y2: baseline - 13, stroke: ChartPalette.axis)
            document.text(labels[index], x: tickX, y: baseline, size: ChartFrame.tickSize, anchor: .middle, fill: ChartPalette.muted)
        }
    }

    /// One band as closed areas over each run of periods where both bounds are finite.
    private func drawBand(_ band: Band, anchor: (index: Int, value: Double)?, x: (Int) -> Double, y: (Double) -> Double,
                          fill: String, into document: inout SVGDocument) {
        let length = min(band.lower.count, band.upper.count, forecast.count)
        var path = SVGPath()
        var run: [(index: Int, lower: Double, upper: Double)] = []
        func closeRun() {
            guard !run.isEmpty else { return }
            if run.count == 1 {
                // A lone period has no width to fill, so it gets a narrow bar of its own.
                let center = x(run[0].index)
                path.move(to: center - 5, y(run[0].upper))
                path.line(to: center + 5, y(run[0].upper))
                path.line(to: center + 5, y(run[0].lower))
                path.line(to: center - 5, y(run[0].lower))
                path.close()
                run.removeAll(keepingCapacity: true)
                return
            }
            path.move(to: x(run[0].index), y(run[0].upper))
            for point in run.dropFirst() { path.line(to: x(point.index), y(point.upper)) }
            for point in run.reversed() { path.line(to: x(point.index), y(point.lower)) }
            path.close()
            run.removeAll(keepingCapacity: true)
        }
        for offset in 0..<length {
            let lower = band.lower[offset], upper = band.upper[offset]
            guard lower.isFinite && upper.isFinite else {
                closeRun()
                continue
            }
            if offset == 0, let anchor { run.append((anchor.index, anchor.value, anchor.value)) }
            run.append((history.count + offset, lower, upper))
        }
        closeRun()
        document.path(path, fill: fill)
    }

    /// A line through the given points, broken where a point is missing; a point with no
    /// neighbour on either side gets a dot so it is not lost.
    private func drawLine(_ points: [(Int, Double)?], x: (Int) -> Double, y: (Double) -> Double, color: String, dashed: Bool,
                          into document: inout SVGDocument) {
        var path = SVGPath()
        var lonely: [(Int, Double)] = []
        var previous: (Int, Double)? = nil
        for (position, point) in points.enumerated() {
            guard let point else {
                previous = nil
                continue
            }
            if previous == nil {
                path.move(to: x(point.0), y(point.1))
                let next = position + 1 < points.count ? points[position + 1] : nil
                if next == nil { lonely.append(point) }
            } else {
                path.line(to: x(point.0), y(point.1))
            }
            previous = point
        }
        document.path(path, stroke: color, width: 2.5, dashed: dashed)
        for point in lonely { document.circle(x: x(point.0), y: y(point.1), radius: 3.5, fill: color) }
    }
}
