import Foundation
import Testing
@testable import Forecasting

/// A step of level in a history's last periods (`LevelShift`), and the forecasts after it.
@Suite struct LevelShiftTests {
    /// Deterministic noise in [-1, 1), the same on every run and machine.
    private struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    private static func found(_ y: [Double], season: Int = 12) -> (start: Int, shift: Double)? {
        y.withUnsafeBufferPointer { LevelShift.find(in: $0, season: season) }
    }

    private static func monthly(_ y: [Double]) throws -> [Double] {
        try DemandForecaster(settings: ForecastSettings(horizon: 3, season: 12, levels: [80], backtestOrigins: 3)).forecast(y).mean
    }

    /// The review's ward: 30 patients a day (930 a month) for nine months, then 5 a day (155)
    /// for three. The history's mean and Croston's level forecast 577 a month, 12 FTE short.
    @Test func aWardThatDroppedIsForecastAtItsNewLevel() throws {
        let y = Array(repeating: 930.0, count: 9) + Array(repeating: 155.0, count: 3)
        #expect(Self.found(y)?.start == 9)
        for value in try Self.monthly(y) { #expect(abs(value - 155) < 1, "\(value)") }
        // Two years, the drop in the last three months: 536 a month before.
        let twoYears = Array(repeating: 930.0, count: 21) + Array(repeating: 155.0, count: 3)
        #expect(Self.found(twoYears)?.start == 21)
        for value in try Self.monthly(twoYears) { #expect(abs(value - 155) < 5, "\(value)") }
    }

    /// With noise: 24 months around 900 (+-30), then three around 150 (+-10).
    @Test func aNoisyStepIsFoundAndItsSizeMeasured() throws {
        var noise = Noise(state: 3)
        let y = (0..<27).map { $0 < 24 ? 900 + 30 * noise.next() : 150 + 10 * noise.next() }
        let step = try #require(Self.found(y))
        #expect(step.start == 24)
        #expect(abs(step.shift + 750) < 40, "\(step.shift)")
        for value in try Self.monthly(y) { #expect(abs(value - 150) < 30, "\(value)") }
    }

    /// No step: a steady climb (each period a little above the last), a seasonal history
    /// growing 10% a year (its peak months above every month of the year before), two low
    /// months at the end (an outlier or two, not a level), and a small step of 5%.
    @Test func trendsSeasonsOutliersAndSmallStepsAreNoShift() {
        var noise = Noise(state: 5)
        #expect(Self.found((0..<24).map { 100 + 10 * Double($0) + 3 * noise.next() }) == nil)
        let seasonal = (0..<48).map { i in
            (1000 + 100 * Double(i) / 12) * (1 + 0.3 * sin(Double(i) * 2 * .pi / 12)) + 10 * noise.next()
        }
        #expect(Self.found(seasonal) == nil)
        #expect(Self.found(Array(repeating: 500.0, count: 22) + [100, 100]) == nil)
        #expect(Self.found((0..<24).map { ($0 < 21 ? 1000 : 1050) + noise.next() }) == nil)
    }

    /// A seasonal ward that lost half its beds three months ago keeps its season, at half.
    @Test func aSeasonalHistoryKeepsItsSeasonAtTheNewLevel() throws {
        let season = (0..<12).map { 1 + 0.2 * sin(Double($0) * 2 * .pi / 12) }
        let y = (0..<39).map { i in (i < 36 ? 900 : 450) * season[i % 12] }
        let step = try #require(Self.found(y))
        #expect(step.start == 36)
        let adjusted = try #require(y.withUnsafeBufferPointer { LevelShift.adjusted($0, season: 12) })
        #expect(abs(adjusted.history[0] - 450 * season[0]) < 1e-6 && abs(adjusted.history[3] - 450 * season[3]) < 1e-6)
        let f = try Self.monthly(y)
        for (k, value) in f.enumerated() { #expect(abs(value - 450 * season[(39 + k) % 12]) < 25, "\(k): \(value)") }
    }

    /// Models the user names get the history as written.
    @Test func namedModelsSeeTheHistoryAsItIs() throws {
        let y = Array(repeating: 930.0, count: 9) + Array(repeating: 155.0, count: 3)
        let settings = ForecastSettings(horizon: 3, season: 12, levels: [80], backtestOrigins: 3, models: [HistoricAverageModel()])
        let f = try DemandForecaster(settings: settings).forecast(y)
        #expect(abs(f.mean[0] - (9 * 930 + 3 * 155) / 12) < 1e-6)
    }
}
