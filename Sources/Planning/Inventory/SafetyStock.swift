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
        isCountClass(demandClass) || intervalMean < 10
    }

    /// The classes planned on counts whatever their volume.
    public static func isCountClass(_ demandClass: DemandClass) -> Bool {
        switch demandClass {
        case .intermittent, .lumpy, .short: return true
        default: return false
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
    /// Peterson's classic rule), found by bisection.
    ///
    /// Negative when the target allows more units short per cycle than the forecast error
    /// makes likely (a busy item with a tight forecast): a 95% fill rate then needs a level
    /// below the expected demand, as Silver, Pyke and Peterson note for fill-rate targets.
    /// Holding the expected demand instead served 96.5-98% in the rolling replay
    /// (Benchmarks/planning), stock nobody asked for. With no spread at all (constant
    /// demand, or a spread that is only rounding noise) nothing is planned short: 0.
    public static func normal(fillRate: Double, standardDeviation sigma: Double, cycleDemand: Double) -> Double {
        guard sigma > 1e-9 * cycleDemand, cycleDemand > 0 else { return 0 }
        let allowed = (1 - fillRate) * cycleDemand / sigma
        // G(k) > -k, so G(low) > allowed: the root lies above `low`.
        var low = min(-4.0, -allowed - 1), high = 8.0
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if normalLoss(mid) > allowed { low = mid } else { high = mid }
        }
        return high * sigma
    }

    /// The same for count demand: the smallest stock level S whose expected shortage
    /// E[(X - S)+] is at most (1 - fill rate) x cycle demand, less the mean. Negative, like
    /// the normal's, when the target allows more short than the spread makes likely.
    ///
    /// When no level within reach meets the target (`countWithinReach` is nil), the level of
    /// the same cycle service level instead: a stock level is never the search's bound.
    public static func count(fillRate: Double, mean: Double, dispersion: Double, cycleDemand: Double) -> Double {
        countWithinReach(fillRate: fillRate, mean: mean, dispersion: dispersion, cycleDemand: cycleDemand)
            ?? count(serviceLevel: fillRate, mean: mean, dispersion: dispersion)
    }

    /// The fill-rate safety stock of count demand, or nil when no stock level within
    /// `reach` standard deviations (plus `reachUnits`) above the mean meets the target.
    ///
    /// The walk ran to a cap of 100,000,000 units and returned it: a forecast of almost
    /// nothing (1.8e-49 a day) with a forecast error of units made a distribution whose mass
    /// sits at 0 and whose tail, at a dispersion of 1e48, does not fall in double precision,
    /// and a vital part forecast at 0 was planned a safety stock of 100,000,000 and ordered
    /// ~100 million units, after 10^8 steps. A level a thousand standard deviations above the
    /// mean already leaves at most sigma / 4,000 short per cycle whatever the distribution
    /// (E[(X - S)+] <= sigma^2 / (4 (S - mean))), so a target it does not meet allows less
    /// short per cycle than the forecast's own error can promise: no level is an answer.
    public static func countWithinReach(fillRate: Double, mean: Double, dispersion: Double, cycleDemand: Double) -> Double? {
        guard mean > 0, cycleDemand > 0 else { return 0 }
        let allowed = (1 - fillRate) * cycleDemand
        let sd = (mean * max(dispersion, 1)).squareRoot()
        let bound = mean + reach * sd + reachUnits
        guard bound.isFinite else { return nil }
        // E[(X - S)+] is at least mean - S, so S below mean - allowed never meets the target.
        var tail = CountTail(mean: mean, dispersion: dispersion, from: mean - allowed)
        while tail.shortage > allowed {
            guard Double(tail.k) < bound else { return nil }
            tail.step()
        }
        return Double(tail.k) - mean
    }

    /// How far above the mean `countWithinReach` looks: standard deviations, plus units.
    public static let reach = 1_000.0
    public static let reachUnits = 10_000.0

    /// E[(X - S)+] for count demand with this mean and variance-to-mean ratio.
    public static func expectedShortage(mean: Double, dispersion: Double, stock: Double) -> Double {
        var walk = CountShortageWalk(mean: mean, dispersion: dispersion)
        return walk.shortage(at: stock)
    }
}

/// E[(X - S)+] of one count distribution at stock levels asked in rising order, from one walk
/// up the distribution (`CountTail`): each level costs the steps from the previous one, where
/// walking afresh from the bottom each time cost steps in proportion to the spread per level,
/// and a class allocation raising a level unit by unit grew with the square of the
/// quantities. The values are those of a fresh walk, bit for bit (the same steps in the same
/// order); a level below the last one asked starts the walk again.
struct CountShortageWalk {
    let mean: Double
    let dispersion: Double
    private var tail: CountTail
    /// Where the walk starts: below it the distribution has no mass to speak of.
    private let start: Int

    init(mean: Double, dispersion: Double) {
        self.mean = mean
        self.dispersion = dispersion
        tail = CountTail(mean: mean, dispersion: dispersion)
        start = tail.k
    }

    mutating func shortage(at stock: Double) -> Double {
        guard mean > 0 else { return 0 }
        let limit = Int(max(0, stock.rounded(.down)))
        if limit < start { return max(0, mean - stock) }
        if limit < tail.k { tail = CountTail(mean: mean, dispersion: dispersion) }
        while tail.k < limit { tail.step() }
        return max(0, mean - tail.partialMean - stock * max(0, 1 - tail.cumulative))
    }
}

/// Walks a Poisson or negative-binomial distribution upward from a few standard deviations
/// below its mean, keeping P(X <= k), sum_{x <= k} x p(x) and E[(X - k)+].
///
/// Starting at 0 with p(0) = exp(-mean) underflows to 0 above a mean of about 745 and the
/// recurrence then stays 0 (a safety stock of 0 for a busy item); starting from the log
/// probability at a point well below the mean keeps every term representable and costs
/// steps in proportion to the spread, not the mean.
struct CountTail {
    let mean: Double
    let poisson: Bool
    let size: Double
    let q: Double
    private(set) var k: Int
    private(set) var probability: Double
    private(set) var cumulative: Double
    private(set) var partialMean: Double

    /// - Parameter from: where the walk may start at the latest (it starts lower when the
    ///   distribution's mass reaches lower).
    init(mean: Double, dispersion: Double, from highest: Double = .infinity) {
        self.mean = mean
        poisson = dispersion <= 1.000_001
        size = poisson ? 0 : mean / (dispersion - 1)
        q = poisson ? 0 : size / (size + mean)
        let sd = (mean * max(dispersion, 1)).squareRoot()
        // 12 standard deviations below the mean leaves out less than 1e-30 of the mass
        // (Chernoff bounds for both families), so the sums start at zero there.
        let start = max(0, Int(min(mean - 12 * sd, highest).rounded(.down)))
        k = start
        let x = Double(start)
        let logP = poisson ? x * log(mean) - mean - lgamma(x + 1)
                           : lgamma(x + size) - lgamma(size) - lgamma(x + 1) + size * log(q) + x * log1p(-q)
        probability = exp(logP)
        cumulative = probability
        partialMean = x * probability
    }

    /// E[(X - k)+].
    var shortage: Double { max(0, mean - partialMean - Double(k) * max(0, 1 - cumulative)) }

    mutating func step() {
        probability *= poisson ? mean / Double(k + 1) : (Double(k) + size) * (1 - q) / Double(k + 1)
        k += 1
        cumulative += probability
        partialMean += Double(k) * probability
    }
}
