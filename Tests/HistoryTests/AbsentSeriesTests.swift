import Foundation
import Testing
@testable import Forecasting
@testable import History

/// Review case 04: a series that drops out of the later exports (an ERP listing active items
/// only) had its archived forecasts left unscored without a word.
@Suite struct AbsentSeriesTests {
    /// Run 1 reads A and B at 100 a month through 2025-12 and forecasts both at 100 for
    /// 2026-01..03; run 2 reads through 2026-03, A at 110 and no B (discontinued). A's 3
    /// forecasts are scored (-10 each); B's 3 are named, not scored: run 2 read their months
    /// without B. Run 2's own forecasts (April to June) are of months no run read: not named.
    @Test func forecastsOfASeriesLaterRunsReadWithoutAreNamed() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = Array(repeating: 100.0, count: 12), december = StageRenameTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y), ("B", y)], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: december + 3, series: [("A", y + [110, 110, 110])], forecast: 110, horizon: 3)
        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.scored == 3)
        #expect(tracking.unrecorded == 0)
        #expect(tracking.absent == [ForecastTracking.AbsentSeries(stage: "forecast", series: "B", forecasts: 3)])
        let note = try #require(tracking.absentNote)
        #expect(note.contains("3 archived forecasts of 1 series are not scored: later runs of the stage read their periods without the series (B (3, stage 'forecast'))"), "\(note)")
        #expect(note.contains("its actual is 0"))
        let summary = tracking.report(history: "h.sqlite").summary.joined(separator: " ")
        #expect(summary.contains("3 archived forecasts of 1 series are not scored"), "\(summary)")
    }

    /// A run whose data ends in a period it kept in part (`--partial keep`: 15 days of
    /// January) records no actual of it: run 1's January forecast of A waits for the run that
    /// holds January whole, and A is not named as absent (it is in run 2's data).
    @Test func aPeriodKeptInPartIsNotReadWithoutTheSeries() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = Array(repeating: 100.0, count: 12), december = StageRenameTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y)], forecast: 100, horizon: 3)
        var record = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: december + 1)
        stage.add(series: "A", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 90, hi95: 110), levels: [80, 95], history: y + [50], season: 12)
        stage.addActuals(monthlyTotals("A", first: StageRenameTests.january2025, y + [50]), leavingOut: [december + 1])
        record.stages = [stage]
        try history.append(record)
        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.scored == 0)
        #expect(tracking.absent.isEmpty && tracking.absentNote == nil)
    }
}
