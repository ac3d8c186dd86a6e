import Forecasting
import Reports

/// A series' recent history and its forecast with intervals, kept for a report's fan chart.
public struct SeriesOutlook: Sendable {
    public var name: String
    /// Period labels: the history's, then the forecast's.
    public var periods: [String]
    public var history: [Double]
    public var forecast: [Double]
    /// Interval bands over the forecast periods, widest first.
    public var bands: [FanChart.Band]
    /// Days of the first forecast week already used, when the forecast is a daily one summed by
    /// week (an item the reorder list plans day by day, `WeeksOfDailyForecast`); nil for a
    /// weekly forecast. The chart's caption says which it shows.
    public var bookedDaysOfFirstWeek: Int?

    /// The last `keep` periods of `history` (ending at period `last`) and `forecast` after it.
    public init(name: String, frequency: Frequency, history: [Double], last: Int, forecast: SeriesForecast, levels: [Double], keep: Int) {
        self.name = name
        let shown = Array(history.suffix(keep))
        let first = last - shown.count + 1
        self.periods = (first..<(last + 1 + forecast.mean.count)).map { frequency.label($0) }
        self.history = shown
        self.forecast = forecast.mean
        self.bands = zip(levels, zip(forecast.lower, forecast.upper)).map { FanChart.Band(level: $0, lower: $1.0, upper: $1.1) }.sorted { $0.level > $1.level }
    }
}

extension SeriesOutlook {
    /// The fan chart of this outlook, as a report figure.
    public func figure(name: String, title: String, caption: String, format: ChartValueFormat) -> Report.Figure {
        let chart = FanChart(title: title, caption: caption, periods: periods, history: history, forecast: forecast,
                             bands: bands, format: format)
        return Report.Figure(name: name, description: title, svg: chart.svg(), chart: chart.workbookChart())
    }
}
