/// Least squares of a series on a straight-line trend and one level per season (the
/// intercept and seasonal dummies of `TrendSeasonRegression` and of MSTL's season without the
/// year), solved in closed form.
///
/// Why not GSL's `gsl_multifit_linear`: its SVD of the n x (m + 1) design took a quarter of the
/// time of a 72-month series' whole forecast (four such fits a model, two models), for a
/// design whose solution is known: within each season the values are centred on the season's
/// means, the slope is the ratio of the centred cross-product to the centred squares, and
/// each season's level is its mean less the slope times its mean time (the Frisch-Waugh
/// theorem; the same fit, to rounding).
struct SeasonalTrendLine {
    /// Each season's level (the value of season `s` at t = 0) and the common slope per period.
    let levels: [Double]
    let slope: Double
    /// Residual variance on n - (seasons + 1) degrees of freedom; nil when there are none.
    let residualVariance: Double?
    private let counts: [Int]
    private let meanTimes: [Double]
    private let centredSquares: Double

    /// Fits `y` (t = 0, 1, ...) with season t % `seasons`; nil when a season has fewer than two
    /// points (the slope is then not identified within it alone).
    init?(_ y: UnsafeBufferPointer<Double>, seasons: Int) {
        let m = max(seasons, 1), n = y.count
        guard n >= 2 * m else { return nil }
        var counts = [Int](repeating: 0, count: m), sumT = [Double](repeating: 0, count: m), sumY = [Double](repeating: 0, count: m)
        for t in 0..<n {
            let s = t % m
            counts[s] += 1
            sumT[s] += Double(t)
            sumY[s] += y[t]
        }
        let meanT = (0..<m).map { sumT[$0] / Double(counts[$0]) }, meanY = (0..<m).map { sumY[$0] / Double(counts[$0]) }
        var sxx = 0.0, sxy = 0.0
        for t in 0..<n {
            let s = t % m
            let dt = Double(t) - meanT[s]
            sxx += dt * dt
            sxy += dt * (y[t] - meanY[s])
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let levels = (0..<m).map { meanY[$0] - slope * meanT[$0] }
        var rss = 0.0
        for t in 0..<n {
            let e = y[t] - levels[t % m] - slope * Double(t)
            rss += e * e
        }
        self.levels = levels
        self.slope = slope
        self.residualVariance = n > m + 1 ? rss / Double(n - m - 1) : nil
        self.counts = counts
        self.meanTimes = meanT
        self.centredSquares = sxx
    }

    /// The fitted value at time `t` (past or future).
    func value(at t: Int) -> Double { levels[t % levels.count] + slope * Double(t) }

    /// The variance of a new value at `t`: the residual variance plus that of the fitted line
    /// there, sigma^2 (1 / n_s + (t - mean time of s)^2 / Sxx).
    func predictionVariance(at t: Int) -> Double? {
        guard let sigma2 = residualVariance else { return nil }
        let s = t % levels.count, dt = Double(t) - meanTimes[s]
        return sigma2 * (1 + 1 / Double(counts[s]) + dt * dt / centredSquares)
    }
}
