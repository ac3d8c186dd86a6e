import Forecasting

/// What one forecasting stage of a run gives the history: its forecasts with the 80% and 95%
/// intervals, the seasonal naive forecast of the same periods (the benchmark tracking scores
/// value added against), and the period totals it saw, which are the actuals of earlier runs'
/// forecasts.
///
/// Filled while the stage runs, written by `RunHistory.append` only after the run's outputs
/// are in place.
public struct StageRecord: Sendable {
    /// The stage (or command) name: forecasts and actuals match within one stage, so two
    /// stages of one pipeline that aggregate differently never score each other.
    public let stage: String
    public let frequency: Frequency
    /// The last period of history the stage saw: the run's as-of.
    public let lastPeriod: Int
    /// What the stage reads, as a pipeline wrote it (the import's table, columns and `where:`,
    /// filters, the aggregate's series and value), nil for a canned command: a run of the
    /// stage name reading other rows is another job (`RunHistory.scope(of:)`).
    public var scope: String?
    /// The files the stage read, kept beside `scope` for the message naming both jobs; not
    /// compared (this month's export may have this month's name).
    public var scopeFiles: String?

    struct Forecasts: Sendable {
        var series: String
        var mean: [Double]
        var lo80: [Double], hi80: [Double], lo95: [Double], hi95: [Double]
        var snaive: [Double]
        var model: String
        var demandClass: String
    }

    struct Actuals: Sendable {
        var series: String
        var firstPeriod: Int
        var values: [Double]
    }

    private(set) var forecasts: [Forecasts] = []
    private(set) var actuals: [Actuals] = []

    /// Interval levels the stage forecast at that the history has no columns for (it keeps
    /// the 80% and 95% intervals): the run's note says they are not archived.
    public private(set) var levelsNotKept: [Double] = []

    /// Whether the stage recorded no forecast and no actual.
    public var isEmpty: Bool { forecasts.isEmpty && actuals.isEmpty }

    /// Forecast rows (series x horizon) recorded.
    public var forecastCount: Int { forecasts.reduce(0) { $0 + $1.mean.count } }

    public init(stage: String, frequency: Frequency, lastPeriod: Int) {
        self.stage = stage
        self.frequency = frequency
        self.lastPeriod = lastPeriod
    }

    /// The forecast of one series, made from `history` (the values the models saw, ending at
    /// `lastPeriod`). Intervals at levels other than 80 and 95 are not kept.
    public mutating func add(series: String, forecast: SeriesForecast, levels: [Double], history: [Double], season: Int) {
        let h = forecast.mean.count
        if forecasts.isEmpty { levelsNotKept = levels.filter { $0 != 80 && $0 != 95 } }
        func bound(_ level: Double, _ bounds: [[Double]]) -> [Double] {
            guard let l = levels.firstIndex(of: level), l < bounds.count else { return [Double](repeating: .nan, count: h) }
            return bounds[l]
        }
        forecasts.append(Forecasts(series: series, mean: forecast.mean,
                                   lo80: bound(80, forecast.lower), hi80: bound(80, forecast.upper),
                                   lo95: bound(95, forecast.lower), hi95: bound(95, forecast.upper),
                                   snaive: StageRecord.seasonalNaive(history, horizon: h, season: season),
                                   model: forecast.model, demandClass: forecast.demandClass.rawValue))
    }

    /// Every series' period totals (missing periods, NaN, are not actuals and are skipped),
    /// under the name `name` gives its key (the same as its forecasts were given).
    public mutating func addActuals(_ totals: PeriodTotals, name: (String) -> String = { $0 }, leavingOut partial: Set<Int> = []) {
        totals.forEachSeries { id, first, values in
            var values = values
            for period in partial where period >= first && period < first + values.count { values[period - first] = .nan }
            actuals.append(Actuals(series: name(totals.keys.key(id)), firstPeriod: first, values: values))
        }
    }

    /// The value one season before each forecast period (NaN where the history is shorter
    /// than a season): what a planner would have said without a model.
    static func seasonalNaive(_ history: [Double], horizon: Int, season: Int) -> [Double] {
        let usable = history.contains(where: \.isNaN) ? [] : history
        let forecast = usable.withUnsafeBufferPointer { try? SeasonalNaiveModel().forecast($0, horizon: horizon, season: season) }
        return forecast?.mean ?? [Double](repeating: .nan, count: horizon)
    }
}
