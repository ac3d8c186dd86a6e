import CGSL
#if canImport(Glibc)
import Glibc
#endif
import Forecasting

/// Safety stock for a cycle service level: the stock held beyond expected demand over the
/// protection interval so that it covers demand with that probability.
///
/// Regular demand uses the normal quantile, z x sigma_P. Slow and intermittent items use a
/// count distribution (Poisson, or negative binomial when demand is over-dispersed), where
/// the normal would put mass on negative and fractional units and understate the tail.
public enum SafetyStock {
    /// z x sigma for a normal demand over the interval.
    public static func normal(serviceLevel: Double, standardDeviation: Double) -> Double {
        GSL.prepare()
        return max(0, gsl_cdf_ugaussian_Pinv(serviceLevel) * standardDeviation)
    }

    /// The service-level quantile of a count distribution with the interval's mean and
    /// variance-to-mean ratio, less the mean.
    public static func count(serviceLevel: Double, mean: Double, dispersion: Double) -> Double {
        let quantile = CountDistribution(mean: mean, dispersion: dispersion).quantile(serviceLevel)
        return max(0, quantile - mean)
    }

    /// Which of the two fits the demand: counts for low volume (under ~10 units per interval)
    /// or intermittent classes.
    public static func usesCounts(demandClass: DemandClass, intervalMean: Double) -> Bool {
        switch demandClass {
        case .intermittent, .lumpy, .short: return true
        default: return intervalMean < 10
        }
    }

    // MARK: - Fill-rate targets

    /// Standard normal loss function G(k) = phi(k) - k (1 - Phi(k)): expected units short per
    /// unit of standard deviation when k standard deviations are held.
    public static func normalLoss(_ k: Double) -> Double {
        GSL.prepare()
        return gsl_ran_ugaussian_pdf(k) - k * gsl_cdf_ugaussian_Q(k)
    }

    /// Safety stock giving a fill rate (share of units served from stock): the k with
    /// sigma G(k) = (1 - fill rate) x demand per replenishment cycle (Silver, Pyke and
    /// Peterson's classic rule), found by bisection; never negative.
    public static func normal(fillRate: Double, standardDeviation sigma: Double, cycleDemand: Double) -> Double {
        guard sigma > 0, cycleDemand > 0 else { return 0 }
        let allowed = (1 - fillRate) * cycleDemand / sigma
        var low = -4.0, high = 8.0
        if normalLoss(low) <= allowed { return 0 }
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if normalLoss(mid) > allowed { low = mid } else { high = mid }
        }
        return max(0, high * sigma)
    }

    /// The same for count demand: the smallest stock level S whose expected shortage
    /// E[(X - S)+] is at most (1 - fill rate) x cycle demand, less the mean.
    public static func count(fillRate: Double, mean: Double, dispersion: Double, cycleDemand: Double) -> Double {
        guard mean > 0, cycleDemand > 0 else { return 0 }
        let allowed = (1 - fillRate) * cycleDemand
        // Probabilities by recurrence (Poisson: p(k+1) = p(k) mu / (k+1); negative binomial with
        // size r and success probability q: p(k+1) = p(k) (k + r) (1 - q) / (k+1)), and
        // E[(X - S)+] = mean - sum_{x <= S} x p(x) - S P(X > S), updated as S grows.
        let poisson = dispersion <= 1.000_001
        let size = poisson ? 0 : mean / (dispersion - 1)
        let q = poisson ? 0 : size / (size + mean)
        var probability = poisson ? exp(-mean) : pow(q, size)
        var cumulative = probability
        var partialMean = 0.0
        var shortage = mean
        var s = 0
        while shortage > allowed && s < 10_000_000 {
            probability *= poisson ? mean / Double(s + 1) : (Double(s) + size) * (1 - q) / Double(s + 1)
            s += 1
            cumulative += probability
            partialMean += Double(s) * probability
            shortage = max(0, mean - partialMean - Double(s) * max(0, 1 - cumulative))
        }
        return max(0, Double(s) - mean)
    }

    /// E[(X - S)+] for count demand with this mean and variance-to-mean ratio.
    public static func expectedShortage(mean: Double, dispersion: Double, stock: Double) -> Double {
        guard mean > 0 else { return 0 }
        let limit = Int(max(0, stock.rounded(.down)))
        let poisson = dispersion <= 1.000_001
        let size = poisson ? 0 : mean / (dispersion - 1)
        let q = poisson ? 0 : size / (size + mean)
        var probability = poisson ? exp(-mean) : pow(q, size)
        var cumulative = probability, partialMean = 0.0
        var k = 0
        while k < limit {
            probability *= poisson ? mean / Double(k + 1) : (Double(k) + size) * (1 - q) / Double(k + 1)
            k += 1
            cumulative += probability
            partialMean += Double(k) * probability
        }
        return max(0, mean - partialMean - stock * max(0, 1 - cumulative))
    }
}
