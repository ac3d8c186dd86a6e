/// Forecast accuracy against actuals, with the scale-free measures used in forecasting
/// competitions so that items of very different volume can be averaged.
public struct AccuracyMetrics: Sendable, Equatable {
    /// Mean absolute error over the in-sample mean absolute seasonal difference.
    public var mase: Double
    /// Symmetric MAPE on the 0-200 scale; a period where forecast and actual are both 0 counts as 0.
    public var smape: Double
    /// Sum of absolute errors over sum of absolute actuals.
    public var wape: Double
    /// Sum of (forecast - actual) over sum of absolute actuals: positive means over-forecasting.
    public var bias: Double
    /// Root mean squared error over the in-sample root mean squared lag-1 difference (DESIGN.md's
    /// accuracy.csv rmsse). Intermittent series are judged on it: MASE rewards near-zero forecasts.
    public var rmsse: Double

    public init(mase: Double, smape: Double, wape: Double, bias: Double, rmsse: Double) {
        self.mase = mase
        self.smape = smape
        self.wape = wape
        self.bias = bias
        self.rmsse = rmsse
    }

    /// Scores `forecast` against `actual`: MASE scaled by the seasonal differences of `history`,
    /// RMSSE by its lag-1 differences.
    public init(actual: ArraySlice<Double>, forecast: ArraySlice<Double>, history: UnsafeBufferPointer<Double>, season: Int) {
        let scale = AccuracyMetrics.scales(history, season: season)
        var absSum = 0.0, sqSum = 0.0, smapeSum = 0.0, actualSum = 0.0, errorSum = 0.0
        let count = min(actual.count, forecast.count)
        for (a, f) in zip(actual, forecast) {
            let e = f - a
            absSum += abs(e)
            sqSum += e * e
            errorSum += e
            actualSum += abs(a)
            let denominator = abs(a) + abs(f)
            smapeSum += denominator > 0 ? 200 * abs(e) / denominator : 0
        }
        let n = Double(max(count, 1))
        // A constant history has no scale: errors within rounding of 0 (a steady 10 forecast as
        // 9.999999999999998 by weights that sum to 1 within rounding) score 0, not infinity,
        // which would flag a perfect forecast as unreliable.
        // So does a scale within rounding of 0: a month's total of 10 a day, fitted per average
        // month length and given back its days, differs from its neighbours by 1e-14, and such
        // noise over such noise scored a perfect forecast's MASE 0.6 (2 for a clinic closed at
        // weekends).
        let rounding = 1e-9 * max(1, actualSum / n)
        mase = scale.mae > rounding ? absSum / n / scale.mae : (absSum / n <= rounding ? 0 : .infinity)
        rmsse = scale.mse.squareRoot() > rounding ? (sqSum / n / scale.mse).squareRoot() : ((sqSum / n).squareRoot() <= rounding ? 0 : .infinity)
        smape = smapeSum / n
        wape = actualSum > 0 ? absSum / actualSum : (absSum == 0 ? 0 : .infinity)
        bias = actualSum > 0 ? errorSum / actualSum : (errorSum == 0 ? 0 : .infinity)
    }

    /// Mean absolute lag-m differences of the history (lag 1 when the history is shorter than a
    /// season plus one) and mean squared lag-1 differences.
    static func scales(_ y: UnsafeBufferPointer<Double>, season: Int) -> (mae: Double, mse: Double) {
        let lag = season > 1 && y.count > season ? season : 1
        guard y.count > lag else { return (0, 0) }
        var a = 0.0, s = 0.0
        for t in lag..<y.count { a += abs(y[t] - y[t - lag]) }
        for t in 1..<y.count { s += (y[t] - y[t - 1]) * (y[t] - y[t - 1]) }
        return (a / Double(y.count - lag), s / Double(y.count - 1))
    }
}
