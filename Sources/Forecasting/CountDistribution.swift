import CGSL

/// Poisson or negative-binomial demand per period, for intervals and safety stock on slow
/// items where a normal distribution would put mass on negative or fractional units.
public struct CountDistribution: Sendable {
    public let mean: Double
    /// Variance-to-mean ratio; 1 (or less) means Poisson.
    public let dispersion: Double

    public init(mean: Double, dispersion: Double) {
        self.mean = max(mean, 0)
        self.dispersion = dispersion
    }

    /// Variance-to-mean ratio of a history.
    public static func dispersion(of y: UnsafeBufferPointer<Double>) -> Double {
        guard y.count > 1 else { return 1 }
        let mean = y.reduce(0, +) / Double(y.count)
        guard mean > 0 else { return 1 }
        var v = 0.0
        for x in y { v += (x - mean) * (x - mean) }
        v /= Double(y.count - 1)
        return max(1, v / mean)
    }

    /// Probability of at most k units.
    public func cdf(_ k: Int) -> Double {
        GSL.prepare()
        if mean <= 0 { return 1 }
        if dispersion <= 1.000_001 { return gsl_cdf_poisson_P(UInt32(clamping: k), mean) }
        // Negative binomial with the same mean and variance mean x dispersion.
        let size = mean / (dispersion - 1)
        let p = size / (size + mean)
        return gsl_cdf_negative_binomial_P(UInt32(clamping: k), p, size)
    }

    /// Smallest k with P(X <= k) >= probability (capped at 10,000,000).
    ///
    /// A bisection over k, since the distribution function only grows: a few dozen evaluations
    /// whatever the mean. (Stepping up one unit at a time from six standard deviations below
    /// took a third of a second per series on weekly counts in the tens of thousands with a
    /// wide dispersion.)
    public func quantile(_ probability: Double) -> Double {
        guard mean > 0, probability > 0 else { return 0 }
        let cap = 10_000_000
        let sd = (mean * max(dispersion, 1)).squareRoot()
        // Invariant: cdf(below) < probability <= cdf(above), with below = -1 standing for "none".
        var below = max(-1, Int(min(mean - 6 * sd, Double(cap))) - 1)
        if below >= 0 && cdf(below) >= probability { below = -1 }
        var above = Int(min(mean + 6 * sd + 1, Double(cap)))
        while above < cap && cdf(above) < probability { above = min(cap, above * 2 + 1) }
        if cdf(above) < probability { return Double(cap) }
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if cdf(middle) >= probability { above = middle } else { below = middle }
        }
        return Double(above)
    }

    /// The standard normal quantile, for callers without GSL in scope.
    public static func normalQuantile(_ p: Double) -> Double {
        GSL.prepare()
        return gsl_cdf_ugaussian_Pinv(p)
    }
}
