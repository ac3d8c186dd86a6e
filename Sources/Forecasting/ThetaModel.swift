#if canImport(Glibc)
import Glibc
#endif

/// The standard Theta method (Assimakopoulos and Nikolopoulos 2000) in the form of
/// Hyndman and Billah (2003), as R's `thetaf`: test for seasonality, remove it by classical
/// multiplicative decomposition, forecast with simple exponential smoothing plus half the
/// slope of the linear trend, and put the seasonality back.
public struct ThetaModel: ForecastModel {
    public let name = "theta"
    public init() {}
    public func minimumLength(season: Int) -> Int { 4 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        let n = y.count
        guard n >= minimumLength(season: season) else { return nil }
        let m = season
        var indices: [Double]? = nil
        if m > 1, n >= 2 * m, ThetaModel.isSeasonal(y, m), y.allSatisfy({ $0 > 0 }) {
            indices = ThetaModel.multiplicativeIndices(y, m)
        }
        var adjusted = Array(y)
        if let indices {
            for t in 0..<n { adjusted[t] /= indices[t % m] }
        }
        let ses = try adjusted.withUnsafeBufferPointer {
            try ETSFit.fit(ETSSpec(error: .additive, trend: .none, season: .none), $0, season: 1)
        }
        guard let ses else { return nil }
        let alpha = max(ses.parameters.alpha, 1e-10)
        let xs = (0..<n).map(Double.init)
        let halfSlope = leastSquaresLine(xs, adjusted).slope / 2
        let drift = (1 - pow(1 - alpha, Double(n))) / alpha
        let sigma = ses.sigma2.squareRoot()
        var mean = [Double](repeating: 0, count: horizon)
        var sd = [Double](repeating: 0, count: horizon)
        for h in 0..<horizon {
            var f = ses.state.level + halfSlope * (Double(h) + drift)
            var s = sigma * (1 + alpha * alpha * Double(h)).squareRoot()
            if let indices {
                let index = indices[(n + h) % m]
                f *= index
                s *= index
            }
            mean[h] = f
            sd[h] = s
        }
        return ModelForecast(mean: mean, standardDeviation: sd, label: "Theta")
    }

    /// The 90% test of `thetaf`: the lag-m autocorrelation against its standard error
    /// under Bartlett's formula.
    static func isSeasonal(_ y: UnsafeBufferPointer<Double>, _ m: Int) -> Bool {
        let n = y.count
        let r = autocorrelations(y, maxLag: m)
        guard r.count > m else { return false }
        var sum = 0.0
        for i in 1..<m { sum += r[i] * r[i] }
        let limit = 1.6448536269514722 * ((1 + 2 * sum) / Double(n)).squareRoot()
        return abs(r[m]) > limit
    }

    /// Seasonal indices of a classical multiplicative decomposition over the whole history.
    static func multiplicativeIndices(_ y: UnsafeBufferPointer<Double>, _ m: Int) -> [Double]? {
        let trend = centredMovingAverage(y, m)
        var sums = [Double](repeating: 0, count: m)
        var counts = [Int](repeating: 0, count: m)
        for t in 0..<y.count {
            guard let ma = trend[t], ma > 0 else { continue }
            sums[t % m] += y[t] / ma
            counts[t % m] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        var s = (0..<m).map { sums[$0] / Double(counts[$0]) }
        let mean = s.reduce(0, +) / Double(m)
        guard mean > 0 else { return nil }
        s = s.map { $0 / mean }
        return s.allSatisfy({ $0 > 0 }) ? s : nil
    }
}

/// Sample autocorrelations r_0...r_maxLag.
func autocorrelations(_ y: UnsafeBufferPointer<Double>, maxLag: Int) -> [Double] {
    let n = y.count
    guard n > maxLag else { return [] }
    let mean = y.reduce(0, +) / Double(n)
    var denominator = 0.0
    for t in 0..<n { denominator += (y[t] - mean) * (y[t] - mean) }
    guard denominator > 0 else { return [Double](repeating: 0, count: maxLag + 1) }
    return (0...maxLag).map { lag in
        var s = 0.0
        for t in lag..<n { s += (y[t] - mean) * (y[t - lag] - mean) }
        return s / denominator
    }
}
