import CGSL

/// Linear regression on a time trend and seasonal dummies, optionally with external
/// drivers (e.g. census for staffing hours): trend and season alone in closed form
/// (`SeasonalTrendLine`), with drivers by GSL's `gsl_multifit_linear`.
/// Drivers need their future values to forecast; without them the model is trend + season.
public struct TrendSeasonRegression: ForecastModel {
    public let name = "regression"
    /// Driver columns: each has history.count + horizon values (history then future).
    public var drivers: [[Double]]

    public init(drivers: [[Double]] = []) { self.drivers = drivers }

    public func minimumLength(season: Int) -> Int { max(season, 1) + 3 }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        let n = y.count
        let m = season > 1 && n >= 2 * season ? season : 1
        let usable = drivers.filter { $0.count >= n + horizon }
        let p = 2 + (m - 1) + usable.count
        guard n > p + 1 else { return nil }
        if usable.isEmpty, let line = SeasonalTrendLine(y, seasons: m) {
            let future = (0..<horizon).map { n + $0 }
            return ModelForecast(mean: future.map(line.value), standardDeviation: future.map { (line.predictionVariance(at: $0) ?? 0).squareRoot() },
                                 label: "Regression")
        }
        GSL.prepare()
        func row(_ t: Int) -> [Double] {
            var r = [1.0, Double(t)]
            if m > 1 { for k in 1..<m { r.append(t % m == k ? 1 : 0) } }
            for d in usable { r.append(d[t]) }
            return r
        }
        guard let X = gsl_matrix_alloc(n, p), let Y = gsl_vector_alloc(n), let c = gsl_vector_alloc(p),
              let cov = gsl_matrix_alloc(p, p), let work = gsl_multifit_linear_alloc(n, p) else {
            throw GSLError(status: Int32(GSL_ENOMEM), call: "gsl_multifit_linear_alloc")
        }
        defer { gsl_matrix_free(X); gsl_vector_free(Y); gsl_vector_free(c); gsl_matrix_free(cov); gsl_multifit_linear_free(work) }
        for t in 0..<n {
            for (j, v) in row(t).enumerated() { gsl_matrix_set(X, t, j, v) }
            gsl_vector_set(Y, t, y[t])
        }
        var chisq = 0.0
        try GSL.check(gsl_multifit_linear(X, Y, c, cov, &chisq, work), "gsl_multifit_linear")
        let coefficients = (0..<p).map { gsl_vector_get(c, $0) }
        let sigma2 = chisq / Double(n - p)
        var mean = [Double](), sd = [Double]()
        for h in 0..<horizon {
            let x = row(n + h)
            var f = 0.0, leverage = 0.0
            for i in 0..<p {
                f += coefficients[i] * x[i]
                for j in 0..<p { leverage += x[i] * gsl_matrix_get(cov, i, j) * x[j] }
            }
            mean.append(f)
            // cov from gsl_multifit_linear is already scaled by sigma^2.
            sd.append((sigma2 + leverage).squareRoot())
        }
        return ModelForecast(mean: mean, standardDeviation: sd, label: "Regression")
    }
}
