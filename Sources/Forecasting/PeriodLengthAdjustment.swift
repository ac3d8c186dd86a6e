/// Months, quarters and years of daily rows are forecast per average-length period, then
/// given back their own lengths.
///
/// A month's total of daily use is its days times the daily rate: 10 a day is 280 in
/// February and 310 in March. Fitted as they are, the totals swing with the calendar, and a
/// model without a season (any history under two years) forecasts their mean, 304 in every
/// month. Scaled to the average month (30.44 days) first, a constant rate is a constant
/// series; the forecast is then scaled to each future month's days (Hyndman and
/// Athanasopoulos, Forecasting: Principles and Practice, section 3.1, calendar adjustments).
///
/// Only for sums of daily rows (rows that are months already carry no day count) and only for
/// histories without an empty period: the scaling makes counts fractional, and intermittent
/// demand keeps its count-distribution intervals, whose whole-number quantiles need them whole.
///
/// A period's length is its open days (`OpenWeekdays`): a clinic closed at weekends has
/// months of 20 to 23 days, and steady use on each of them is a constant per open day.
public struct PeriodLengthAdjustment: Sendable {
    public let frequency: Frequency
    public let open: OpenWeekdays
    private let averageDays: Double

    /// Nil where periods all have one length (days, weeks).
    public init?(frequency: Frequency, open: OpenWeekdays = .all) {
        guard frequency == .month || frequency == .quarter || frequency == .year else { return nil }
        self.frequency = frequency
        self.open = open
        averageDays = open.averageDays(of: frequency)
    }

    /// Whether a history gets the adjustment: every period has some demand (missing ones may
    /// be NaN).
    public func applies(to history: [Double]) -> Bool {
        !history.isEmpty && history.allSatisfy { $0 != 0 }
    }

    /// Each period's factor to the average length: average days / its days.
    @inline(__always)
    func toAverage(_ period: Int) -> Double { averageDays / Double(open.days(in: period, of: frequency)) }

    /// The history per average-length period; `first` is its first period.
    func perAverageLength(_ history: [Double], first: Int) -> [Double] {
        history.enumerated().map { $1 * toAverage(first + $0) }
    }

    /// The reverse of `perAverageLength`.
    func perOwnLength(_ values: [Double], first: Int) -> [Double] {
        values.enumerated().map { $1 / toAverage(first + $0) }
    }

    /// Forecasts a history whose first period is `first` per average-length period, and
    /// gives back the forecast and the fitted history (after any leading missing periods, as
    /// `forecast(allowingGaps:)` fits it) in their periods' own lengths.
    public func forecast(_ history: [Double], first: Int, with forecaster: DemandForecaster) throws -> (forecast: SeriesForecast, fitted: [Double]) {
        let (forecast, fitted) = try forecaster.forecast(allowingGaps: perAverageLength(history, first: first))
        let leading = history.prefix(while: \.isNaN).count
        return (perOwnLength(forecast, first: first + history.count), perOwnLength(fitted, first: first + leading))
    }

    /// A forecast made per average-length period, given each future period's own length;
    /// `first` is the first period forecast.
    func perOwnLength(_ forecast: SeriesForecast, first: Int) -> SeriesForecast {
        var f = forecast
        f.mean = perOwnLength(f.mean, first: first)
        f.lower = f.lower.map { perOwnLength($0, first: first) }
        f.upper = f.upper.map { perOwnLength($0, first: first) }
        f.spread = perOwnLength(f.spread, first: first)
        return f
    }
}
