import Testing
@testable import Forecasting

/// A stop is decided on the history, not on the backtest the horizon sets (the first-time
/// analyst's review, item 3): an item issued ~18 a week a few times a month (a quarter of its
/// weeks empty, never more than a few in a row), then not for 27 weeks, was forecast 0.92 a
/// week 8 weeks ahead, where every backtest origin fell in the empty run, and 8.94 a week 52
/// ahead, where the origins fell in its use; monthly, with one earlier month lost from the
/// export, 0 three months ahead and ~40 a month twelve ahead. And a stop of three periods or
/// more is forecast 0 (item 5): six empty months after ~80 a month were forecast 2.86, 2.12,
/// 1.00, 3.33, ... from the history moved down to its noise around nothing.
@Suite struct StopWhateverHorizonTests {
    /// Deterministic noise in 0..<modulus (the C library's linear congruential constants).
    static func noise(_ count: Int, seed: Int = 12345, modulus: Int) -> [Int] {
        var x = seed
        return (0..<count).map { _ in
            x = (x * 1_103_515_245 + 12345) % 2_147_483_648
            return (x >> 16) % modulus
        }
    }

    static func forecast(_ y: [Double], horizon: Int, season: Int, frequency: Frequency) throws -> SeriesForecast {
        try DemandForecaster(settings: ForecastSettings(horizon: horizon, season: season, levels: [80], backtestOrigins: 3,
                                                        shortestStop: frequency.shortestStop)).forecast(y)
    }

    /// 174 weeks issued ~20 a week, every fourth week empty (ADI 1.33: intermittent or lumpy
    /// by its use alone), then 27 empty weeks: 0 at every horizon.
    @Test func aWeeklyItemWithEarlierEmptyWeeksStopsAtEveryHorizon() throws {
        let sizes = Self.noise(174, modulus: 29)
        let used = (0..<174).map { $0 % 4 == 3 ? 0 : Double(6 + sizes[$0]) }
        #expect(DemandClass(classifying: used).judgedOnRMSSE)
        let y = used + [Double](repeating: 0, count: 27)
        for horizon in [4, 8, 26, 52] {
            let f = try Self.forecast(y, horizon: horizon, season: 52, frequency: .week)
            #expect(f.mean.allSatisfy { $0 == 0 }, "h=\(horizon): \(f.mean.prefix(3))")
            #expect(f.step?.stopped == true, "h=\(horizon)")
        }
    }

    /// 40 months of 70 to 94 with one month lost (read as 0), then 82, then 6 empty months.
    @Test func aMonthlyItemWithOneEarlierEmptyMonthStopsAtEveryHorizon() throws {
        var used = Self.noise(40, modulus: 25).map { Double(70 + $0) }
        used[37] = 0
        let y = used + [82] + [Double](repeating: 0, count: 6)
        for horizon in [1, 3, 6, 12, 24] {
            let f = try Self.forecast(y, horizon: horizon, season: 12, frequency: .month)
            #expect(f.mean.allSatisfy { $0 == 0 }, "h=\(horizon): \(f.mean.prefix(3))")
        }
    }

    /// 40 months of 70 to 94, never empty, then 6 empty: the step to nothing is forecast 0,
    /// with no band above it, at every horizon.
    @Test func aStopOfSixMonthsIsForecastZero() throws {
        let y = Self.noise(40, modulus: 25).map { Double(70 + $0) } + [Double](repeating: 0, count: 6)
        for horizon in [2, 12] {
            let f = try Self.forecast(y, horizon: horizon, season: 12, frequency: .month)
            #expect(f.mean.allSatisfy { $0 == 0 }, "h=\(horizon): \(f.mean.prefix(3))")
            #expect(f.upper.allSatisfy { $0.allSatisfy { $0 == 0 } }, "h=\(horizon): \(f.upper)")
            #expect(f.spread.allSatisfy { $0 == 0 }, "h=\(horizon): \(f.spread.prefix(3))")
        }
    }

    /// Not a stop: empty runs of the same length before (its rhythm), or one beyond 1 in 100
    /// but not 1 in 10,000 by the series' own rate of empty periods.
    @Test func anEmptyRunNoLongerThanBeforeOrWithinChanceIsNoStop() {
        func stop(_ y: [Double]) -> Int? { y.withUnsafeBufferPointer { LevelShift.stop(in: $0, season: 12, shortest: 2)?.start } }
        let level = Self.noise(30, modulus: 25).map { Double(70 + $0) }
        var rhythm = level
        rhythm[10] = 0; rhythm[11] = 0; rhythm[12] = 0
        #expect(stop(rhythm + [0, 0, 0]) == nil)
        // Longer than before, and 3 empty of 30 before (a rate of 4 / 32): 5 come once in 32,768.
        #expect(stop(rhythm + [0, 0, 0, 0, 0]) == 30)
        // 2 empty of 30 before: a rate of 3 / 32; 3 empty come once in 1,214, 4 in 12,945.
        var twice = level
        twice[5] = 0; twice[20] = 0
        #expect(stop(twice + [0, 0, 0]) == nil)
        #expect(stop(twice + [0, 0, 0, 0]) == 30)
    }
}
