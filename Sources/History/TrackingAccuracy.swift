/// Running sums over scored forecasts, from which every accuracy figure of the tracking
/// report follows: MAE, WAPE, bias, value added over the seasonal naive, interval coverage.
public struct TrackingAccuracy: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var sumAbsError = 0.0
    public private(set) var sumError = 0.0
    public private(set) var sumAbsActual = 0.0
    /// Over the forecasts that have a seasonal naive beside them: both absolute errors.
    public private(set) var pairedCount = 0
    public private(set) var pairedAbsError = 0.0
    public private(set) var pairedAbsNaiveError = 0.0
    public private(set) var intervals80 = 0, inside80 = 0
    public private(set) var intervals95 = 0, inside95 = 0

    public init() {}

    mutating func add(_ row: TrackedForecast) {
        let error = row.error
        count += 1
        sumAbsError += abs(error)
        sumError += error
        sumAbsActual += abs(row.actual)
        if row.seasonalNaive.isFinite {
            pairedCount += 1
            pairedAbsError += abs(error)
            pairedAbsNaiveError += abs(row.seasonalNaive - row.actual)
        }
        if let inside = row.inside80 { intervals80 += 1; if inside { inside80 += 1 } }
        if let inside = row.inside95 { intervals95 += 1; if inside { inside95 += 1 } }
    }

    /// Mean absolute error.
    public var mae: Double { count > 0 ? sumAbsError / Double(count) : .nan }
    /// Sum of absolute errors over the sum of absolute actuals.
    public var wape: Double { sumAbsActual > 0 ? sumAbsError / sumAbsActual : .nan }
    /// Mean error (forecast - actual): positive means over-forecasting.
    public var bias: Double { count > 0 ? sumError / Double(count) : .nan }
    /// 1 - MAE(ours) / MAE(seasonal naive) over the same forecasts: the share of the naive
    /// forecast's error the engine removed (negative: the naive forecast did better).
    public var valueAdded: Double { pairedAbsNaiveError > 0 ? 1 - pairedAbsError / pairedAbsNaiveError : .nan }
    public var coverage80: Double { intervals80 > 0 ? Double(inside80) / Double(intervals80) : .nan }
    public var coverage95: Double { intervals95 > 0 ? Double(inside95) / Double(intervals95) : .nan }
}

/// One archived forecast with the actual a run recorded for its period.
public struct TrackedForecast: Sendable, Equatable {
    public var stage: String
    public var series: String
    public var period: String
    public var lag: Int
    public var runID: Int
    public var forecast: Double
    public var actual: Double
    public var lo80, hi80, lo95, hi95: Double
    public var seasonalNaive: Double
    public var demandClass: String

    /// forecast - actual, as DESIGN defines it: positive means the forecast was too high.
    public var error: Double { forecast - actual }
    /// Whether the actual fell in the 80% interval (nil: the run kept no such interval).
    public var inside80: Bool? { Self.holds(actual, from: lo80, to: hi80) }
    public var inside95: Bool? { Self.holds(actual, from: lo95, to: hi95) }

    /// Bounds included, to the last few bits: a steady 100 is forecast as a combination of
    /// weights that sum to 1 within rounding, 99.99999999999998 with no spread, and the actual
    /// 100 is inside that interval, not outside it.
    static func holds(_ value: Double, from lower: Double, to upper: Double) -> Bool? {
        guard !lower.isNaN, !upper.isNaN else { return nil }
        let slack = 1e-9 * max(1, abs(lower), abs(upper))
        return value >= lower - slack && value <= upper + slack
    }
}
