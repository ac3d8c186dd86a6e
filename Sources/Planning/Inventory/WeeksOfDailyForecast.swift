import Forecasting

/// A daily forecast summed into weeks, for the outlook chart of an item the reorder list plans
/// day by day (`IntervalDemand.RecentWeeks.isUsedDaily`): the chart is to show the forecast
/// the list used.
///
/// The outlook drew the weekly model beside a list planned on the daily one: item A-77's chart
/// forecast 829.4 a week where the list planned 130.01 a day (910.1 a week), since the weekly
/// model leaves out the week under way (February 23-28, its six busiest days at 151 a day) that
/// the daily model learns from. Here the week under way is its days booked plus the forecast of
/// its other days, and each later week the forecast of its seven days, each day's mean at 0 or
/// more as the planner sums them (`IntervalDemand(dayMeans:daySpreads:days:)`). A week's
/// spread is the root of its forecast days' variances summed (the days taken as independent,
/// as the planner takes them), and each band's half-width the root of its days' squared
/// half-widths, as `WeeksOfPeriodForecast` lays periods on weeks; booked days add no spread.
public enum WeeksOfDailyForecast {
    /// The weeks `forecast` covers whole, the first of them holding `booked` (the days of the
    /// week under way already used, Monday first; none when the history ends on a Sunday).
    /// `forecast`'s first day is the day after the last booked one. A forecast too short for
    /// one whole week still gives that week, its missing days at the forecast's mean day.
    public static func weekly(_ forecast: SeriesForecast, booked: [Double]) -> SeriesForecast {
        let h = forecast.mean.count, n = min(booked.count, 6)
        guard h > 0 else { return forecast }
        let weeks = max(1, (n + h) / 7)
        let meanDay = forecast.mean.reduce(0) { $0 + max(0, $1) } / Double(h)
        let varianceDay = forecast.spread.reduce(0) { $0 + $1 * $1 } / Double(max(1, forecast.spread.count))
        func half(_ l: Int, _ k: Int) -> Double { max(0, forecast.upper[l][k] - forecast.mean[k]) }
        let halfDay = forecast.upper.indices.map { l in (0..<min(h, forecast.upper[l].count)).reduce(0) { $0 + half(l, $1) * half(l, $1) } / Double(h) }
        var mean = [Double](repeating: 0, count: weeks), variance = mean
        var halves = forecast.upper.map { _ in [Double](repeating: 0, count: weeks) }
        mean[0] = booked.suffix(n).reduce(0, +)
        for k in 0..<(7 * weeks - n) {
            let w = (n + k) / 7
            let known = k < h
            mean[w] += known ? max(0, forecast.mean[k]) : meanDay
            variance[w] += known ? (k < forecast.spread.count ? forecast.spread[k] * forecast.spread[k] : varianceDay) : varianceDay
            for l in halves.indices { halves[l][w] += known && k < forecast.upper[l].count ? half(l, k) * half(l, k) : halfDay[l] }
        }
        var weekly = forecast
        weekly.mean = mean
        weekly.spread = variance.map { $0.squareRoot() }
        weekly.upper = halves.map { squares in zip(mean, squares).map { $0 + $1.squareRoot() } }
        // (Never below the week's days already used.)
        let floor = mean.indices.map { $0 == 0 ? booked.suffix(n).reduce(0, +) : 0 }
        weekly.lower = halves.map { squares in mean.indices.map { max(floor[$0], mean[$0] - squares[$0].squareRoot()) } }
        return weekly
    }
}
