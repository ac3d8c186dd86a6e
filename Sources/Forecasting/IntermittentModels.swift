/// Croston's method for intermittent demand: exponential smoothing of the non-zero demand
/// sizes and of the intervals between them, forecasting size / interval per period.
/// `.sba` applies the Syntetos-Boylan bias correction (1 - alpha / 2).
///
/// With a fixed `alpha` both smoothings use it (statsforecast's CrostonClassic / CrostonSBA,
/// alpha 0.1); with `alpha: nil` each is fitted to the series, sizes and intervals apart, by
/// the in-sample squared error in `alphas` (`AlphaRange`: statsforecast's CrostonOptimized
/// searches [0.1, 0.3], ours for intermittent demand from 0.05), and SBA's
/// correction uses the intervals' alpha. Both smoothings start at their mean (`SmoothingStart`)
/// unless told to start at the first value as statsforecast does.
public struct CrostonModel: ForecastModel {
    public enum Variant: Sendable { case classic, sba }
    public var variant: Variant
    /// Smoothing parameter; nil fits it per series.
    public var alpha: Double?
    public var start: SmoothingStart
    /// Where a fitted alpha is searched (`AlphaRange`).
    public var alphas: ClosedRange<Double>

    public init(_ variant: Variant = .classic, alpha: Double? = 0.1, start: SmoothingStart = .mean, alphas: ClosedRange<Double> = AlphaRange.intermittent) {
        self.variant = variant
        self.alpha = alpha
        self.start = start
        self.alphas = alphas
    }

    public var name: String { (variant == .classic ? "croston" : "sba") + (alpha == nil ? "_optimized" : "") }
    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        // Sizes and intervals (periods since the previous demand, counting from the start).
        var sizes = [Double](), intervals = [Double]()
        sizes.reserveCapacity(y.count)
        intervals.reserveCapacity(y.count)
        var since = 0
        for value in y {
            since += 1
            guard value != 0 else { continue }
            sizes.append(value)
            intervals.append(Double(since))
            since = 0
        }
        var rate = 0.0
        if !sizes.isEmpty {
            let (size, _) = sizes.withUnsafeBufferPointer { SES.forecast($0, alpha: alpha, start: start, alphas: alphas) }
            let (interval, intervalAlpha) = intervals.withUnsafeBufferPointer { SES.forecast($0, alpha: alpha, start: start, alphas: alphas) }
            rate = size / interval * (variant == .sba ? 1 - intervalAlpha / 2 : 1)
        }
        let label = (variant == .classic ? "Croston" : "SBA") + (alpha == nil ? "Optimized" : "")
        return ModelForecast(mean: Array(repeating: rate, count: horizon), label: label, isCountModel: true)
    }
}

/// Teunter-Syntetos-Babai: smooths the probability of demand every period (so it decays
/// while an item goes unused) and the size of non-zero demands; forecast = probability x size.
/// Better than Croston for items being phased out. With nil parameters each smoothing is
/// fitted to the series by its in-sample squared error in `alphas`, as CrostonOptimized does.
/// The probability starts at the share of periods with demand and the size at the mean size
/// (`SmoothingStart`).
public struct TSBModel: ForecastModel {
    public var alphaDemand: Double?
    public var alphaProbability: Double?
    public var start: SmoothingStart
    /// Where fitted alphas are searched (`AlphaRange`).
    public var alphas: ClosedRange<Double>

    public init(alphaDemand: Double? = 0.1, alphaProbability: Double? = 0.1, start: SmoothingStart = .mean,
                alphas: ClosedRange<Double> = AlphaRange.intermittent) {
        self.alphaDemand = alphaDemand
        self.alphaProbability = alphaProbability
        self.start = start
        self.alphas = alphas
    }

    /// Both smoothing parameters fitted per series.
    public static let optimized = TSBModel(alphaDemand: nil, alphaProbability: nil)

    var isOptimized: Bool { alphaDemand == nil || alphaProbability == nil }
    public var name: String { isOptimized ? "tsb_optimized" : "tsb" }
    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard !y.isEmpty else { return nil }
        var sizes = [Double](), occurrence = [Double](repeating: 0, count: y.count)
        sizes.reserveCapacity(y.count)
        for t in 0..<y.count where y[t] != 0 {
            sizes.append(y[t])
            occurrence[t] = 1
        }
        var rate = 0.0
        if !sizes.isEmpty {
            let (size, _) = sizes.withUnsafeBufferPointer { SES.forecast($0, alpha: alphaDemand, start: start, alphas: alphas) }
            let (probability, _) = occurrence.withUnsafeBufferPointer { SES.forecast($0, alpha: alphaProbability, start: start, alphas: alphas) }
            rate = probability * size
        }
        return ModelForecast(mean: Array(repeating: rate, count: horizon), label: isOptimized ? "TSBOptimized" : "TSB",
                             isCountModel: true)
    }
}

/// ADIDA (Nikolopoulos et al. 2011), built as statsforecast's: sums the series over
/// non-overlapping buckets of the mean inter-demand interval (dropping the oldest remainder), so
/// most buckets hold demand, forecasts the bucket sums with fitted simple exponential smoothing
/// and spreads the forecast evenly over the bucket's periods. The smoothing starts at the
/// buckets' mean (`SmoothingStart`); `.firstValue` gives statsforecast's figures.
public struct ADIDAModel: ForecastModel {
    public let name = "adida"
    public var start: SmoothingStart
    /// Where the fitted alpha is searched (`AlphaRange`).
    public var alphas: ClosedRange<Double>
    public init(start: SmoothingStart = .mean, alphas: ClosedRange<Double> = AlphaRange.intermittent) {
        self.start = start
        self.alphas = alphas
    }
    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard !y.isEmpty else { return nil }
        let rate = TemporalAggregation.rate(y, start: start, alphas: alphas) { top in top...top }
        return ModelForecast(mean: Array(repeating: rate, count: horizon), label: "ADIDA", isCountModel: true)
    }
}

/// IMAPA (Petropoulos and Kourentzes 2015), built as statsforecast's: ADIDA at every
/// aggregation level from 1 to the mean inter-demand interval, the per-period forecasts
/// averaged, each smoothing started as `start` says (`.firstValue` gives statsforecast's).
public struct IMAPAModel: ForecastModel {
    public let name = "imapa"
    public var start: SmoothingStart
    /// Where the fitted alphas are searched (`AlphaRange`).
    public var alphas: ClosedRange<Double>
    public init(start: SmoothingStart = .mean, alphas: ClosedRange<Double> = AlphaRange.intermittent) {
        self.start = start
        self.alphas = alphas
    }
    public func minimumLength(season: Int) -> Int { 1 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard !y.isEmpty else { return nil }
        let rate = TemporalAggregation.rate(y, start: start, alphas: alphas) { top in 1...top }
        return ModelForecast(mean: Array(repeating: rate, count: horizon), label: "IMAPA", isCountModel: true)
    }
}

/// Temporal aggregation shared by ADIDA and IMAPA.
enum TemporalAggregation {
    /// The per-period forecast averaged over the aggregation levels `levels(top)`, where top is
    /// the mean inter-demand interval; 0 for a series without demand.
    static func rate(_ y: UnsafeBufferPointer<Double>, start: SmoothingStart, alphas: ClosedRange<Double>, levels: (Int) -> ClosedRange<Int>) -> Double {
        let top = meanIntervalLevel(y)
        guard top > 0 else { return 0 }
        var scratch = [Double](repeating: 0, count: y.count)
        let range = levels(top)
        var sum = 0.0
        for level in range { sum += forecast(y, level: level, start: start, alphas: alphas, scratch: &scratch) / Double(level) }
        return sum / Double(range.count)
    }

    /// The mean interval between demands (the first counted from the start), rounded half to
    /// even as Python's round() in statsforecast; 0 when there is no demand.
    static func meanIntervalLevel(_ y: UnsafeBufferPointer<Double>) -> Int {
        var count = 0, last = -1
        for t in 0..<y.count where y[t] != 0 {
            count += 1
            last = t
        }
        guard count > 0 else { return 0 }
        // The intervals telescope: their sum is the position of the last demand, counted from 1.
        let mean = Double(last + 1) / Double(count)
        return max(1, Int(mean.rounded(.toNearestOrEven)))
    }

    /// The fitted-SES forecast of the next bucket's sum at `level` periods per bucket, buckets
    /// aligned to the end of the history; `scratch` (at least y.count long) holds the sums.
    static func forecast(_ y: UnsafeBufferPointer<Double>, level: Int, start: SmoothingStart, alphas: ClosedRange<Double>, scratch: inout [Double]) -> Double {
        let n = y.count
        let lost = n % level
        let buckets = (n - lost) / level
        guard buckets > 0 else { return y[n - 1] }
        return scratch.withUnsafeMutableBufferPointer { sums in
            for i in 0..<buckets {
                var s = 0.0
                let base = lost + i * level
                for j in 0..<level { s += y[base + j] }
                sums[i] = s
            }
            return SES.forecast(UnsafeBufferPointer(rebasing: sums[0..<buckets]), alpha: nil, start: start, alphas: alphas).forecast
        }
    }
}

/// Simple exponential smoothing as the intermittent-demand models use it, with the level
/// started where `SmoothingStart` says.
enum SES {
    /// The one-step forecast after the whole of `x`, and the alpha used: `alpha`, or when nil the
    /// one fitted by `fittedAlpha` in `alphas`.
    static func forecast(_ x: UnsafeBufferPointer<Double>, alpha: Double?, start: SmoothingStart,
                         alphas: ClosedRange<Double> = AlphaRange.statsforecast) -> (forecast: Double, alpha: Double) {
        let a = alpha ?? fittedAlpha(x, start: start, in: alphas)
        guard !x.isEmpty else { return (0, a) }
        // Written as statsforecast's C++ writes it (a x + (1 - a) level), so a fitted alpha
        // found on a flat error curve agrees to the last bits.
        let complement = 1 - a
        var level = initialLevel(x, start)
        for i in firstSmoothed(start)..<x.count { level = a * x[i] + complement * level }
        return (level, a)
    }

    /// The level before the first smoothed value.
    static func initialLevel(_ x: UnsafeBufferPointer<Double>, _ start: SmoothingStart) -> Double {
        switch start {
        case .firstValue: return x[0]
        case .mean: return x.reduce(0, +) / Double(x.count)
        }
    }

    /// The index of the first value smoothed in: started at the first value, smoothing begins
    /// with the second; started at the mean, with the first.
    static func firstSmoothed(_ start: SmoothingStart) -> Int { start == .firstValue ? 1 : 0 }

    /// In-sample sum of squared one-step errors.
    static func sse(_ x: UnsafeBufferPointer<Double>, alpha: Double, start: SmoothingStart) -> Double {
        guard x.count > 1 else { return 0 }
        let complement = 1 - alpha
        var forecast = initialLevel(x, start), sum = 0.0
        // statsforecast smooths the first value into itself before the first error; kept so
        // that its fitted alphas agree to the last bits.
        if start == .firstValue { forecast = alpha * x[0] + complement * forecast }
        for i in firstSmoothed(start)..<x.count {
            let e = x[i] - forecast
            sum += e * e
            forecast = alpha * x[i] + complement * forecast
        }
        return sum
    }

    /// The alpha in `alphas` with the least in-sample squared error, by golden-section search
    /// to 1e-12 (statsforecast's golden_section_ses, including its stop on a tie).
    static func fittedAlpha(_ x: UnsafeBufferPointer<Double>, start: SmoothingStart, in alphas: ClosedRange<Double> = AlphaRange.statsforecast) -> Double {
        let ratio = (5.0.squareRoot() + 1) / 2
        var a = alphas.lowerBound, b = alphas.upperBound
        var c = b - (b - a) / ratio, d = a + (b - a) / ratio
        var fc = sse(x, alpha: c, start: start), fd = sse(x, alpha: d, start: start)
        while abs(b - a) >= 1e-12 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - (b - a) / ratio
                fc = sse(x, alpha: c, start: start)
            } else if fd < fc {
                a = c; c = d; fc = fd
                d = a + (b - a) / ratio
                fd = sse(x, alpha: d, start: start)
            } else {
                break
            }
        }
        return (a + b) / 2
    }
}
