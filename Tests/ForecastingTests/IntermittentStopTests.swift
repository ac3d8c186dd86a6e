import Testing
@testable import Forecasting

/// A stop (`LevelShift.stop`) that its own empty run makes intermittent: the review of reorder's
/// defect 2, where items unused for 95-180 days were reordered and those unused 21-90 days not.
@Suite struct IntermittentStopTests {
    private static func weekly(_ y: [Double]) throws -> SeriesForecast {
        try DemandForecaster(settings: ForecastSettings(horizon: 4, season: 52, levels: [80], backtestOrigins: 3,
                                                        shortestStop: Frequency.week.shortestStop)).forecast(y)
    }

    /// An implant screw used 35 a week for 38 weeks, then not for 13 (95 days). The empty run
    /// makes the history intermittent (ADI 51 / 38 = 1.34 against 1.32), and its intermittent
    /// models forecast about 0.28 a week from the earlier use; 12 empty weeks (ADI 50 / 38 =
    /// 1.32, erratic) were forecast 0. Never empty before, 13 empty weeks come by chance once
    /// in 40^13: a stop, forecast 0 whatever class the empty run makes the history.
    @Test func aStopLongEnoughToLookIntermittentIsStillAStop() throws {
        let thirteen = Array(repeating: 35.0, count: 38) + Array(repeating: 0, count: 13)
        #expect(DemandClass(classifying: thirteen) == .intermittent)
        for value in try Self.weekly(thirteen).mean { #expect(value < 1e-9, "\(value)") }
        // Half a year unused (26 weeks, ADI 64 / 38 = 1.68), with noise in the weeks of use.
        let noisy = (0..<38).map { 30.0 + Double(($0 * 7) % 11) } + Array(repeating: 0, count: 26)
        #expect(DemandClass(classifying: noisy) == .intermittent)
        for value in try Self.weekly(noisy).mean { #expect(value < 0.1 * 35, "\(value)") }
    }

    /// Not a stop: a history already empty now and then before its last empty run keeps its
    /// intermittent models (use every other week, 20 a time, then 4 empty weeks: forecast above 0).
    @Test func anIntermittentHistoryWithEarlierGapsIsNoStop() throws {
        let y = (0..<40).map { $0 % 2 == 0 ? 20.0 : 0 } + Array(repeating: 0, count: 4)
        #expect(try Self.weekly(y).mean.allSatisfy { $0 > 0 })
    }
}
