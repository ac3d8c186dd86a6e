import Forecasting

/// How many of the last complete periods a unit's recent hours per patient day and premium
/// share are measured over (and as many before, for `rising_overtime_agency`).
///
/// A quarter of a season and at least 4: 13 weeks, 4 months. A daily plan takes whole weeks,
/// 28 days: 4 days set Thursday to Sunday against Monday to Wednesday, so a unit staffed the
/// same every week flipped between "premium rising" and "below target" with the weekday its
/// export ended on.
public enum RecentWindow {
    public static func periods(of frequency: Frequency, season: Int) -> Int {
        frequency == .day ? 28 : max(4, season / 4)
    }
}
