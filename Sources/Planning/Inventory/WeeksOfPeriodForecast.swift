import Forecasting
import Tabular

/// A forecast of period totals (months, quarters) laid on the weeks a reorder plans by.
///
/// A usage export of monthly totals spread over its days makes weeks that repeat within each
/// month: a weekly model sees each week equal to the one before, and its backtest rewards the
/// model that copies the last week. One month without use then forecast a vital part used 30
/// a month for two years at 1e-16 a week, and planned it at no use with none on hand, where
/// `forecast` gave its months 28.36. Forecast by the periods the rows are, as `forecast`
/// does, and laid on the weeks day by day: each day takes its period's forecast over the
/// period's days, and a week's variance is the sum of its days' shares of their periods'
/// variances (the use of a period's days taken as independent), so a whole period's weeks add
/// up to its forecast and its spread.
public enum WeeksOfPeriodForecast {
    /// `forecast` of the periods of `span` from `firstPeriod` on, laid on `weeks` weeks from the
    /// week of Monday `firstMonday`. Days before `firstPeriod` (a week begun in the last period
    /// read) take the first forecast period's rate, days after the last its last one's.
    public static func weekly(_ forecast: SeriesForecast, span: Frequency, firstPeriod: Int, firstMonday: CalendarDay, weeks: Int) -> SeriesForecast {
        let h = forecast.mean.count
        guard h > 0, weeks > 0 else { return forecast }
        var mean = [Double](repeating: 0, count: weeks), variance = mean
        var upper = forecast.upper.map { _ in [Double](repeating: 0, count: weeks) }
        for w in 0..<weeks {
            for d in 0..<7 {
                let day = firstMonday.adding(days: 7 * w + d)
                let period = span.period(of: day)
                let k = min(max(period - firstPeriod, 0), h - 1)
                let days = Double(span.days(in: firstPeriod + k))
                mean[w] += forecast.mean[k] / days
                variance[w] += forecast.spread[k] * forecast.spread[k] / days
                for l in upper.indices where k < forecast.upper[l].count {
                    let half = max(0, forecast.upper[l][k] - forecast.mean[k])
                    upper[l][w] += half * half / days
                }
            }
        }
        var weekly = forecast
        weekly.mean = mean
        weekly.spread = variance.map { $0.squareRoot() }
        weekly.upper = upper.map { halves in zip(mean, halves).map { $0 + $1.squareRoot() } }
        weekly.lower = upper.map { halves in zip(mean, halves).map { max(0, $0 - $1.squareRoot()) } }
        return weekly
    }
}
