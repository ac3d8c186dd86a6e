/// Croston's method for intermittent demand: exponential smoothing of the non-zero demand
/// sizes and of the intervals between them, forecasting size / interval per period.
/// `.sba` applies the Syntetos-Boylan bias correction (1 - alpha / 2).
public struct CrostonModel: ForecastModel {
    public enum Variant: Sendable { case classic, sba }
    public var variant: Variant
    public var alpha: Double

    public init(_ variant: Variant = .classic, alpha: Double = 0.1) {
        self.variant = variant
        self.alpha = alpha
    }

    public var name: String { variant == .classic ? "croston" : "sba" }
    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        // Sizes and intervals (periods since the previous demand, counting from the start).
        var size = 0.0, interval = 0.0
        var seen = 0
        var since = 0
        for value in y {
            since += 1
            guard value != 0 else { continue }
            if seen == 0 {
                size = value
                interval = Double(since)
            } else {
                size += alpha * (value - size)
                interval += alpha * (Double(since) - interval)
            }
            seen += 1
            since = 0
        }
        let rate: Double
        if seen == 0 {
            rate = 0
        } else {
            rate = size / interval * (variant == .sba ? 1 - alpha / 2 : 1)
        }
        return ModelForecast(mean: Array(repeating: rate, count: horizon), label: variant == .classic ? "Croston" : "SBA",
                             isCountModel: true)
    }
}

/// Teunter-Syntetos-Babai: smooths the probability of demand every period (so it decays
/// while an item goes unused) and the size of non-zero demands; forecast = probability x size.
/// Better than Croston for items being phased out.
public struct TSBModel: ForecastModel {
    public let name = "tsb"
    public var alphaDemand: Double
    public var alphaProbability: Double

    public init(alphaDemand: Double = 0.1, alphaProbability: Double = 0.1) {
        self.alphaDemand = alphaDemand
        self.alphaProbability = alphaProbability
    }

    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard let first = y.first else { return nil }
        var probability = first != 0 ? 1.0 : 0.0
        var size = y.first(where: { $0 != 0 }) ?? 0
        for t in 1..<max(y.count, 1) where t < y.count {
            let occurred = y[t] != 0
            probability += alphaProbability * ((occurred ? 1 : 0) - probability)
            if occurred { size += alphaDemand * (y[t] - size) }
        }
        return ModelForecast(mean: Array(repeating: probability * size, count: horizon), label: "TSB", isCountModel: true)
    }
}
