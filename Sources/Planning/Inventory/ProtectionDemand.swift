/// Demand over the protection interval P = lead time + review period, with its spread.
///
/// DESIGN.md's reorder math: with daily demand d (standard deviation sigma_d per day,
/// independent days) and lead time L (standard deviation sigma_L days),
/// sigma_P^2 = P sigma_d^2 + d^2 sigma_L^2.
public struct ProtectionDemand: Sendable, Equatable {
    /// Protection interval in days.
    public var days: Double
    /// Expected demand over the interval.
    public var mean: Double
    /// Standard deviation of demand over the interval.
    public var standardDeviation: Double

    public init(dailyDemand d: Double, dailyStandardDeviation sigmaD: Double, leadTimeDays: Double,
                leadTimeStandardDeviationDays sigmaL: Double, reviewPeriodDays: Double) {
        days = max(0, leadTimeDays) + max(0, reviewPeriodDays)
        mean = d * days
        standardDeviation = (days * sigmaD * sigmaD + d * d * sigmaL * sigmaL).squareRoot()
    }

    /// From demand known day by day over the interval (`IntervalDemand`), plus the spread
    /// the lead time's own spread adds, d^2 sigma_L^2.
    public init(_ interval: IntervalDemand, days: Double, dailyDemand d: Double, leadTimeStandardDeviationDays sigmaL: Double) {
        self.days = days
        mean = interval.mean
        standardDeviation = (max(0, interval.variance) + d * d * sigmaL * sigmaL).squareRoot()
    }
}
