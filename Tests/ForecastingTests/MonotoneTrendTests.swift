import Testing
@testable import Forecasting

@Suite struct MonotoneTrendTests {
    /// The Mann-Kendall z of each series, computed independently in Python from the textbook
    /// formulas (S over every pair; variance n(n-1)(2n+5)/18 less each tie group's
    /// t(t-1)(2t+5)/18; continuity correction), against the 1% two-sided bar of 2.576.
    @Test(arguments: [
        ([1.0, 3, 2, 5, 4, 6, 8, 7, 9, 10], true),   // S 39, variance 125, z 3.399
        ([5.0, 3, 6, 2, 7, 4, 5, 6, 3, 5, 4, 6], false), // S 6, variance 203.3, z 0.351
        ([2.0, 2, 3, 3, 4, 4, 5, 5], true),            // ties: S 24, variance 61.3, z 2.937
        ([4.0, 5, 3, 6, 5, 7, 6, 8], false),           // S 18, variance 63.3, z 2.136: 5%, not 1%
        ([10.0, 9, 8, 7, 6, 5, 4, 3, 2, 1], true),     // falling
        ([3.0, 3, 3, 3, 3, 3, 3, 3, 3], false),        // flat
        ([1.0, 2, 3, 4, 5, 6, 7], false),              // under eight points: not judged
    ])
    func mannKendallAtTheOnePercentLevel(series: [Double], shown: Bool) {
        #expect(series.withUnsafeBufferPointer { MonotoneTrend.isShown(in: $0) } == shown)
    }

    @Test func aRisingShortHistoryIsForecastAlongItsTrend() throws {
        // 23 months rising 10 a month to 320: the means forecast 297, below the last month.
        let y = (0..<23).map { 100 + 10 * Double($0) }
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 3, season: 12)).forecast(y)
        #expect(abs(f.mean[0] - 330) < 5, "\(f.mean) \(f.model)")
        // A short noisy history with no trend keeps the means.
        let flat: [Double] = [52, 47, 55, 49, 51, 46, 54, 50, 48, 53, 47, 51, 55, 49, 50, 52, 46, 54]
        let names = DemandForecaster.candidates(for: .smooth, season: 12, count: flat.count,
                                                trending: flat.withUnsafeBufferPointer { MonotoneTrend.isShown(in: $0) }).map(\.name)
        #expect(names == ["moving_average", "historic_average", "croston_optimized"])
    }
}
