import Foundation
import Testing
@testable import Forecasting

/// Deterministic noise in [-1, 1) (a linear congruential generator), so the series are the
/// same on every run and machine.
private struct Noise {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }
}

@Suite("RegimeStart")
struct RegimeStartTests {
    /// Issue 16's case: 900 days around 2,000 with large swings, then 600 days at 50 +- 3.
    private func census() -> [Double] {
        var noise = Noise(state: 11)
        return (0..<1_500).map { i in
            i < 900 ? max(0, 2_000 + 600 * noise.next() + 800 * Double((i / 30) % 2)) : 50 + 3 * noise.next()
        }
    }

    @Test func findsTheCalmRegimeAfterAWildOne() {
        let y = census()
        let start = y.withUnsafeBufferPointer { RegimeStart.index(in: $0, season: 7) }
        #expect(abs(start - 900) <= 2, "break found at \(start)")
    }

    @Test func intervalsFollowTheRecentRegime() throws {
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 28, season: 7, levels: [95], backtestOrigins: 3))
        let f = try forecaster.forecast(census())
        #expect(abs(f.mean[27] - 50) < 3)
        #expect(f.upper[0][27] - f.mean[27] < 25, "95% upper bound \(f.upper[0][27]) around \(f.mean[27])")
        #expect(f.mean[27] - f.lower[0][27] < 25, "95% lower bound \(f.lower[0][27]) around \(f.mean[27])")
    }

    /// Five years of a census by week, the first two in waves of 5,000-25,000 and the last
    /// three near 350: the cut needs a whole season (52 weeks) on each side, not three (which
    /// kept the waves in the fit until six years were seen, and gave a 95% interval from 0 to
    /// thousands). A seasonal weekly census of three years is no change of regime.
    @Test func aWeeklyCensusFollowsItsCalmYears() throws {
        var noise = Noise(state: 7)
        let y = (0..<260).map { i -> Double in
            i < 104 ? 15_000 + 10_000 * sin(Double(i) * 2 * .pi / 26) + 2_000 * noise.next()
                : 350 + 60 * sin(Double(i) * 2 * .pi / 52) + 30 * noise.next()
        }
        let start = y.withUnsafeBufferPointer { RegimeStart.index(in: $0, season: 52) }
        #expect(abs(start - 104) <= 2, "break found at \(start)")
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 8, season: 52, levels: [95], backtestOrigins: 3))
        let f = try forecaster.forecast(y)
        #expect(f.upper[0][7] - f.lower[0][7] < 600, "95% interval [\(f.lower[0][7]), \(f.upper[0][7])] around \(f.mean[7])")
        let seasonal = (0..<156).map { i in 500 + 400 * sin(Double(i) * 2 * .pi / 52) + 20 * noise.next() }
        #expect(seasonal.withUnsafeBufferPointer { RegimeStart.index(in: $0, season: 52) } == 0)
    }

    /// One use in six years of months is no change of regime: cut after it, the history was
    /// all zeros and the series read as never used (class zero).
    @Test func aSingleUseIsNoRegime() throws {
        let y = [Double](repeating: 0, count: 40) + [1] + [Double](repeating: 0, count: 31)
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 12, season: 12)).forecast(y)
        #expect(f.demandClass == .short, "\(f.demandClass) \(f.model)")
    }

    /// Growth, seasons and a wilder present are not a calmer regime: the whole history is kept.
    @Test func ordinaryHistoriesKeepTheirWholeLength() {
        var noise = Noise(state: 5)
        let seasonal = (0..<730).map { i in 500 + 300 * sin(Double(i) * 2 * .pi / 365) + 40 * noise.next() + Double(i % 7) * 20 }
        let growing = (0..<400).map { i in 100 + Double(i) * 2 + 10 * noise.next() }
        let wilder = (0..<400).map { i in i < 200 ? 100 + noise.next() : 100 + 50 * noise.next() }
        let short = [Double](repeating: 5, count: 40) + [Double](repeating: 500, count: 20)
        for y in [seasonal, growing, wilder, short] {
            #expect(y.withUnsafeBufferPointer { RegimeStart.index(in: $0, season: 7) } == 0)
        }
        #expect([Double](repeating: 3, count: 200).withUnsafeBufferPointer { RegimeStart.index(in: $0, season: 7) } == 0)
    }

    /// Use every 10 days for 490 days, then 41 quiet days: intermittent demand has no regimes
    /// to cut (`DemandForecaster.forecast`). Cut at the silence, the fit saw one use or none
    /// (class short or zero, a [0, 0] interval); it sees the whole history, intermittent,
    /// with a 95% upper bound above zero.
    @Test func aQuietMonthOfIntermittentUseIsNoNewRegime() throws {
        let y = (0..<531).map { i in i < 490 && i % 10 == 0 ? 50.0 : 0 }
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 7, season: 7, levels: [95], backtestOrigins: 3))
        let f = try forecaster.forecast(y)
        #expect(f.demandClass == .intermittent)
        #expect(f.upper[0][0] > 0)
    }
}
