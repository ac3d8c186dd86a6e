import CGSL

/// Two seasonal cycles (the week of daily data and the year) removed, the rest forecast by
/// non-seasonal ETS, the seasonality put back: the shape of statsforecast's MSTL with its
/// default trend forecaster AutoETS(ZZN).
///
/// Where MSTL estimates the seasonal parts by iterated STL, this fits them in one GSL least
/// squares regression: intercept, linear trend (so growth does not leak into the seasonal
/// estimates), m - 1 dummies for the short season and `harmonics` sine/cosine pairs for the
/// long cycle (Fourier terms, which need no whole number of periods per cycle: 365.2425 days).
/// The long cycle is left out until the history covers one of it.
public struct MSTLModel: ForecastModel {
    public let name = "mstl"
    /// The long cycle in periods.
    public var cycle: Double
    /// Fourier pairs for the long cycle.
    public var harmonics: Int
    /// ETS forms for the deseasonalised series; nil chooses by AICc among the non-seasonal ones
    /// with no trend or a damped one (as the automatic ETS search does).
    public var trendSpecs: [ETSSpec]?

    public init(cycle: Double = 365.2425, harmonics: Int = 4, trendSpecs: [ETSSpec]? = nil) {
        self.cycle = cycle
        self.harmonics = harmonics
        self.trendSpecs = trendSpecs
    }

    public func minimumLength(season: Int) -> Int { 2 * max(season, 1) + 2 }

    public func backtestVariant(selectingOn history: UnsafeBufferPointer<Double>, season: Int) throws -> any ForecastModel {
        guard trendSpecs?.count != 1, let (adjusted, _) = try decompose(history, horizon: 0, season: season),
              let chosen = try trendModel.forecast(adjusted, horizon: 1, season: 1),
              let spec = ETSSpec(chosen.label) else { return self }
        return MSTLModel(cycle: cycle, harmonics: harmonics, trendSpecs: [spec])
    }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard y.count >= minimumLength(season: season),
              let (adjusted, future) = try decompose(y, horizon: horizon, season: season),
              let trend = try trendModel.forecast(adjusted, horizon: horizon, season: 1) else { return nil }
        var mean = trend.mean
        for h in 0..<horizon { mean[h] += future[h] }
        return ModelForecast(mean: mean, standardDeviation: trend.standardDeviation, label: "MSTL(\(trend.label))")
    }

    var trendModel: ETSModel { ETSModel(specs: trendSpecs, undampedTrends: false) }

    /// The series less its fitted seasonal parts, and those parts for the next `horizon` periods.
    func decompose(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ([Double], [Double])? {
        let n = y.count
        let m = max(season, 1)
        let pairs = Double(n) >= cycle ? harmonics : 0
        let p = 2 + (m - 1) + 2 * pairs
        guard n > p + 1, m > 1 || pairs > 0 else { return nil }
        GSL.prepare()
        guard let X = gsl_matrix_alloc(n, p), let Y = gsl_vector_alloc(n), let c = gsl_vector_alloc(p),
              let cov = gsl_matrix_alloc(p, p), let work = gsl_multifit_linear_alloc(n, p) else {
            throw GSLError(status: Int32(GSL_ENOMEM), call: "gsl_multifit_linear_alloc")
        }
        defer { gsl_matrix_free(X); gsl_vector_free(Y); gsl_vector_free(c); gsl_matrix_free(cov); gsl_multifit_linear_free(work) }
        var row = [Double](repeating: 0, count: p)
        func fill(_ t: Int) {
            row[0] = 1
            row[1] = Double(t) / Double(n)
            for k in 1..<max(m, 1) { row[1 + k] = t % m == k ? 1 : 0 }
            for k in 0..<pairs {
                let angle = 2 * Double.pi * Double(k + 1) * Double(t) / cycle
                row[m + 1 + 2 * k] = sin(angle)
                row[m + 2 + 2 * k] = cos(angle)
            }
        }
        for t in 0..<n {
            fill(t)
            for j in 0..<p { gsl_matrix_set(X, t, j, row[j]) }
            gsl_vector_set(Y, t, y[t])
        }
        var chisq = 0.0
        try GSL.check(gsl_multifit_linear(X, Y, c, cov, &chisq, work), "gsl_multifit_linear")
        var coefficients = [Double](repeating: 0, count: p)
        for j in 0..<p { coefficients[j] = gsl_vector_get(c, j) }
        // The seasonal part: every column but the intercept and the trend.
        func seasonal(_ t: Int) -> Double {
            fill(t)
            var s = 0.0
            for j in 2..<p { s += coefficients[j] * row[j] }
            return s
        }
        var adjusted = [Double](repeating: 0, count: n)
        for t in 0..<n { adjusted[t] = y[t] - seasonal(t) }
        var future = [Double](repeating: 0, count: horizon)
        for h in 0..<horizon { future[h] = seasonal(n + h) }
        return (adjusted, future)
    }
}

#if canImport(Glibc)
import Glibc
#endif
