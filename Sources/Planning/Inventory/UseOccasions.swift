import Glibc

/// How often an item is used, counted in occasions (days or weeks with a use), not units:
/// whether its silence since the last use is beyond chance.
///
/// Why occasions: the dead-item rule compared the units expected in 90 days with 1, so the
/// size of an issue decided whether an item had stopped. Dantrolene used 36 vials in each
/// malignant-hyperthermia crisis, one crisis every ~6 months (4 in 2 years), expected 17.7
/// vials in 90 days and was called dead 100 days after the last crisis: not reordered with an
/// empty shelf, or a stocked cart's $3,420 called dead stock, while the restock kit of the
/// same crises (1 a crisis, 0.49 expected) kept its level. Counted in uses, all three expect
/// 4 / 89 weeks' share: a 55% chance of 90 silent days, well within their own rhythm.
public enum UseOccasions {
    /// A silence is beyond chance when the item's own rate of use occasions gives it a chance
    /// below this (1%): `-ln(0.01)` = 4.6 occasions expected in the silence's days at least.
    public static let chanceOfSilence = 0.01

    /// Use occasions per day from an item's weekly history (oldest first, from its first week
    /// of use on): a week's chance of a use is the share of weeks with one, `p`; read as the
    /// Poisson rate that leaves a week empty with chance `1 - p`, `-ln(1 - p) / 7` a day.
    /// Every week used (a daily item) is read as `(n - 0.5) / n`, no rate being infinite.
    /// Nil with no week.
    public static func dailyRate(weeklyHistory: [Double]) -> Double? {
        guard !weeklyHistory.isEmpty else { return nil }
        var used = 0
        for x in weeklyHistory where x > 0 { used += 1 }
        let n = Double(weeklyHistory.count)
        let share = min(Double(used), n - 0.5) / n
        return -log(1 - share) / 7
    }

    /// Use occasions expected in `days` days at `dailyRate`.
    public static func expected(in days: Int, dailyRate: Double) -> Double { max(0, dailyRate) * Double(days) }

    /// Whether `days` days without a use are beyond chance at `dailyRate` occasions a day: a
    /// Poisson chance of none, `exp(-expected)`, below `chanceOfSilence`.
    public static func silenceIsBeyondChance(days: Int, dailyRate: Double) -> Bool {
        exp(-expected(in: days, dailyRate: dailyRate)) < chanceOfSilence
    }
}
