import Tabular

/// An item whose use stopped while its shelf was empty: the silence may be a stockout (the
/// issue history records only what was on the shelf to issue), not a stop.
///
/// Why: central-line dressing kits issued 16-24 a day (mean 20) for six months, then not at
/// all for the last 21, 28 and 42 days, with 0 on hand, were forecast 0 (or 1.37 over 14
/// days), ordered 0 or 1 with no flag, and left out of "may stock out": about 3 x 280 kits,
/// $15,000 of an essential item. With an empty shelf the silence is at least as likely a
/// stockout as a stop. Such an item is planned on its level before the silence (`earlier`)
/// and said so; the buyer who knows it stopped marks it discontinued.
public enum StockoutSilence {
    /// Weeks before the last week with use that give the earlier level.
    public static let weeksOfLevel = 8

    /// The earlier level, per day: the mean and standard deviation of the weekly use in the
    /// `weeksOfLevel` weeks before the last week with use (that week itself, part of which may
    /// be after the stop, only when it is the only one), over 7 and over the square root of 7.
    /// Nil without use.
    public static func earlierDailyUse(weeklyHistory y: [Double]) -> (mean: Double, standardDeviation: Double)? {
        guard let last = y.lastIndex(where: { $0 > 0 }) else { return nil }
        let weeks = last == 0 ? y[0...0] : y[max(0, last - weeksOfLevel)..<last]
        let n = Double(weeks.count)
        let mean = weeks.reduce(0) { $0 + max(0, $1) } / n
        let variance = n > 1 ? weeks.reduce(0) { $0 + (max(0, $1) - mean) * (max(0, $1) - mean) } / (n - 1) : mean
        return (mean / 7, (variance / 7).squareRoot())
    }

    /// The demand to plan when the silence may be a stockout, nil when it is not one: the
    /// shelf holds less than a day of the earlier use, the silence is beyond chance at the
    /// item's rate of uses (`UseOccasions`) and at least a week long, and the forecast is cut to
    /// under half the earlier level. A shelf with stock, or a forecast near the earlier level
    /// (kits silent for 14 days, forecast 278.86 over 14), leaves the plan as it is.
    public static func plannedDemand(_ demand: DemandEstimate, shelf: Double, earlier: (mean: Double, standardDeviation: Double)) -> DemandEstimate? {
        guard earlier.mean > 0, shelf < earlier.mean, let since = demand.daysSinceLastUse, since >= 7,
              demand.silenceIsBeyondChance(days: since), demand.dailyMean < earlier.mean / 2 else { return nil }
        var planned = DemandEstimate(dailyMean: earlier.mean, dailyStandardDeviation: earlier.standardDeviation,
                                     demandClass: demand.demandClass == .zero ? .smooth : demand.demandClass,
                                     dispersion: demand.dispersion, historyDays: demand.historyDays, daysSinceLastUse: demand.daysSinceLastUse,
                                     backtestMASE: demand.backtestMASE)
        // Counted in uses at the earlier rate: this plan is not a dead item's.
        planned.useOccasionsPerDay = 0
        return planned
    }

    /// The note said on the line.
    public static func note(daysSinceLastUse since: Int, earlierDailyUse: Double) -> String {
        "no use in the last \(since) days while the shelf is empty: a stockout hides demand, so planned at the earlier use of \(NumberFormat.fixed(earlierDailyUse, decimals: 2))/day; if the use has stopped, mark the item discontinued"
    }
}
