import CGSL
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
}
