import Testing
import Forecasting
import Tabular
@testable import Pipeline

/// `ParallelForecast` fits months summed from days per average-length month and hands back
/// forecasts and the fitted history in each month's own days.
@Suite struct ParallelForecastTests {
    /// 10 a day from 2025-01-15 (January partial, left out), nothing recorded in February
    /// (`--gaps missing`), then every day of March to December: the history starts with a
    /// missing month, and the fitted history handed back must still be 310, 300, ... month
    /// by month, not shifted by that missing February.
    @Test func theFittedHistoryKeepsEachMonthsDaysAfterALeadingGap() throws {
        var totals = PeriodTotals(frequency: .month, gaps: .missing)
        var day = CalendarDay(year: 2025, month: 1, day: 15)!
        let end = CalendarDay(year: 2025, month: 12, day: 31)!
        var key = "A"
        while day <= end {
            if day.components.month != 2 { key.withUTF8 { totals.add(key: $0, day: day, value: 10) } }
            day = day.adding(days: 1)
        }
        #expect(totals.leaveOutPartialPeriods().map(\.label) == ["2025-01"])
        let settings = ForecastSettings(horizon: 2, season: 12, levels: [80], backtestOrigins: 0)
        var fitted: [Double] = [], means: [Double] = []
        try ParallelForecast.each(totals, forecaster: DemandForecaster(settings: settings), threads: 1,
                                  progress: Progress(label: "test", total: 1, quiet: true)) { _, history, forecast in
            fitted = history
            means = forecast.mean
        }
        // March .. December (February, missing, is not part of the fitted history).
        let days: [Double] = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        #expect(fitted.count == days.count)
        for (value, d) in zip(fitted, days) { #expect(abs(value - 10 * d) < 1e-9, "\(fitted)") }
        #expect(means.count == 2 && abs(means[0] - 310) < 1e-6 && abs(means[1] - 280) < 1e-6, "\(means)")
    }
}
