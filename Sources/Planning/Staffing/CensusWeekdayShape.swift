import Tabular

/// A unit's census by weekday over its recent weeks, to spread a period's census over its days.
///
/// A staffing ratio holds on every shift, so the staff it demands in a week is the sum of each
/// day's, not the week's average day's: 24 patients on weekdays and 10 at weekends need 5 RNs
/// a shift at 1:5 on weekdays and 2 at weekends, 696 hours a week, where the average day of 20
/// patients needs 4 RNs, 672 hours. Read from the average, a target of 4.8 hours per patient
/// day (672 hours) passed the weekly plan's ratio check while the plan by day flagged every
/// weekday. The forecast gives the period's census; the recent weeks give its shape.
public struct CensusWeekdayShape: Sendable, Equatable {
    /// Mean patients on each ISO weekday (index 0 is Monday) over the recent weeks; 0 on a
    /// weekday the unit had no patients.
    public private(set) var perWeekday: [Double]

    /// Weeks of census the shape is read from: the latest 4, as the shifts ahead read each
    /// weekday's patients (28 days). A unit whose weekdays changed (24 patients on weekdays and
    /// 10 at weekends for a year, then 20 every day) reads a blend of both until the old weeks
    /// leave the window: from 8 weeks, 22.5 on weekdays and 13.75 at weekends three weeks after
    /// the change, 744 hours against a true 672 at 1:5, flagged below the ratio for five more
    /// weeks than from 4.
    public static let weeks = 4

    /// The shape of a unit's census from its days (each with its patients), or nil when the
    /// days are too few to tell each weekday's level: fewer than two weeks of days, or a
    /// weekday with patients seen only once (a census of weekly or monthly totals, one row a
    /// period, has no weekdays to read).
    public init?(days census: [CalendarDay: Double]) {
        var sums = [Double](repeating: 0, count: 7), counts = [Int](repeating: 0, count: 7)
        for (day, patients) in census {
            sums[day.isoWeekday - 1] += patients
            counts[day.isoWeekday - 1] += 1
        }
        guard census.count >= 14 else { return nil }
        for w in 0..<7 where sums[w] > 0 && counts[w] < 2 { return nil }
        perWeekday = (0..<7).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        guard perWeekday.contains(where: { $0 > 0 }) else { return nil }
    }

    /// Each day's census in a period of `days` whose census per day is `perDay`: the period's
    /// census shared among its days as the weekdays share the recent weeks'.
    public func census(on days: [CalendarDay], perDay: Double) -> [Double] {
        let weights = days.map { perWeekday[$0.isoWeekday - 1] }
        let mean = weights.reduce(0, +) / Double(max(1, weights.count))
        guard mean > 0 else { return days.map { _ in perDay } }
        return weights.map { perDay * $0 / mean }
    }
}
