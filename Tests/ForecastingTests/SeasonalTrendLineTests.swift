import Testing
@testable import Forecasting

/// The closed-form trend-and-season fit against answers worked by hand (simple regression's
/// textbook formulas: slope Sxy / Sxx, prediction variance s^2 (1 + 1/n + (t - mean t)^2 / Sxx)).
@Suite struct SeasonalTrendLineTests {
    @Test func oneSeasonIsSimpleLinearRegression() throws {
        let y: [Double] = [1, 3, 2, 5, 4]
        let line = try #require(y.withUnsafeBufferPointer { SeasonalTrendLine($0, seasons: 1) })
        // mean t 2, mean y 3, Sxy 8, Sxx 10: slope 0.8, level 1.4; residuals -0.4, 0.8, -1, 1.2, -0.6.
        #expect(abs(line.slope - 0.8) < 1e-12 && abs(line.levels[0] - 1.4) < 1e-12)
        #expect(abs(line.residualVariance! - 1.2) < 1e-12)
        #expect(abs(line.value(at: 5) - 5.4) < 1e-12)
        #expect(abs(line.predictionVariance(at: 5)! - 2.52) < 1e-12)
    }

    @Test func anExactSeasonalLineIsRecovered() throws {
        let effect: [Double] = [0, 2, -1]
        let y = (0..<12).map { 3 + 0.5 * Double($0) + effect[$0 % 3] }
        let line = try #require(y.withUnsafeBufferPointer { SeasonalTrendLine($0, seasons: 3) })
        #expect(abs(line.slope - 0.5) < 1e-12)
        for s in 0..<3 { #expect(abs(line.levels[s] - (3 + effect[s])) < 1e-12) }
        #expect(abs(line.residualVariance!) < 1e-20)
        #expect(abs(line.value(at: 13) - (3 + 6.5 + 2)) < 1e-12)
        // Too short to see each season twice: no fit.
        #expect(y.prefix(5).withUnsafeBufferPointer { SeasonalTrendLine($0, seasons: 3) } == nil)
    }

    /// The regression model (trend and season, no drivers) forecasts through the closed form:
    /// an exact line with a season of four continues as it was made.
    @Test func theRegressionModelForecastsTheLine() throws {
        let effect: [Double] = [0, 2, -1, 1]
        let y = (0..<16).map { 10 + 0.25 * Double($0) + effect[$0 % 4] }
        let f = try #require(try y.withUnsafeBufferPointer { try TrendSeasonRegression().forecast($0, horizon: 4, season: 4) })
        for h in 0..<4 { #expect(abs(f.mean[h] - (10 + 0.25 * Double(16 + h) + effect[(16 + h) % 4])) < 1e-9) }
    }
}
