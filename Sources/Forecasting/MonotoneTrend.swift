import CGSL

/// Whether a short history climbs or falls beyond chance: the Mann-Kendall test (Mann 1945,
/// Kendall 1975), two-sided at the 1% level.
///
/// Short of two seasons the candidates are means and smoothed levels, which cannot follow a
/// trend: a new service line rising 10 a month for 23 months was forecast flat at 297, below
/// its last month's 320. The test counts, over every pair of periods, whether the later one is
/// higher or lower; it assumes no shape and no distribution, so a noisy intermittent history
/// rarely passes it by chance (1% of the time when it has no trend).
public enum MonotoneTrend {
    /// The two-sided significance level.
    static let level = 0.01

    /// Whether Mann-Kendall's S statistic over `y` (its variance corrected for ties, its normal
    /// approximation with the continuity correction) passes `level`; false under 8 points.
    public static func isShown(in y: UnsafeBufferPointer<Double>) -> Bool {
        let n = y.count
        guard n >= 8 else { return false }
        var s = 0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n where y[j] != y[i] { s += y[j] > y[i] ? 1 : -1 }
        }
        guard s != 0 else { return false }
        // Ties: each group of t equal values takes t(t-1)(2t+5) from the variance.
        let sorted = Array(y).sorted()
        var ties = 0.0, run = 1
        for k in 1...n {
            if k < n && sorted[k] == sorted[k - 1] { run += 1; continue }
            if run > 1 { ties += Double(run * (run - 1) * (2 * run + 5)) }
            run = 1
        }
        let variance = (Double(n * (n - 1) * (2 * n + 5)) - ties) / 18
        guard variance > 0 else { return false }
        let z = (Double(abs(s)) - 1) / variance.squareRoot()
        return z > gsl_cdf_ugaussian_Qinv(level / 2)
    }
}
