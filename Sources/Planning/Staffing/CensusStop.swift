import Tabular

/// When a unit's census has stopped: its last recorded day falls `days` (28) or more before
/// the census's last day (`reference`, a stray row aside: closed, or no longer exported),
/// whatever the plan's frequency.
///
/// Counted in periods, the rule moved with them: 4 silent weeks by week, but 3 silent months
/// by month, so a unit whose census stopped 6 weeks before the file's end was named "census
/// stopped" by week and planned by month at its last level (ICU, 372 patient days a month),
/// with no word. In days it is one rule, and a unit short of it is open: the days after its
/// last are missing days, like any others (the period it ends within is read from the days it
/// recorded, `PeriodTotals.seriesOpenIfRecordedSince`).
public enum CensusStop {
    /// Days without census at the file's end that make a unit stopped: 4 weeks.
    public static let days = 28

    /// Whether a unit whose census was last recorded on `last` has stopped, in a census
    /// ending on `censusLast`.
    public static func hasStopped(last: CalendarDay, censusLast: CalendarDay) -> Bool {
        Int(censusLast.daysSinceEpoch) - Int(last.daysSinceEpoch) >= days
    }

    /// The day units are judged against: the latest of the units' last days, where trailing
    /// rows of a unit (up to `strayRows`) after a gap wider than `isolatedDays`, or three times
    /// the unit's median spacing, do not count: stray rows. One row of unit A dated
    /// 29 July, a month after every unit's census ended, stopped the other five; so did two.
    /// A unit that reports once a month keeps its last row (its spacing is a month). The median
    /// of the units' last days, tried once, planned closed units whenever most had closed.
    /// `unitDays`: each unit's recorded days, sorted, without repeats. Nil without units.
    public static func reference(unitDays: [[CalendarDay]]) -> CalendarDay? {
        unitDays.compactMap { days -> CalendarDay? in
            guard days.count >= 3 else { return days.last }
            var gaps = (1..<days.count).map { daysBetween(days[$0 - 1], days[$0]) }
            gaps.sort()
            let allowed = max(isolatedDays, 3 * gaps[gaps.count / 2])
            // Up to three stray rows at the end (07-29 and 07-30 after a census to 30 June):
            // the unit ends before the first wide gap among them.
            for j in max(1, days.count - strayRows)..<days.count where daysBetween(days[j - 1], days[j]) > allowed { return days[j - 1] }
            return days[days.count - 1]
        }.max()
    }

    /// Days after a unit's previous row beyond which its last rows may be stray ones.
    public static let isolatedDays = 7
    /// The most rows at a unit's end that may be stray.
    public static let strayRows = 3

    /// The first day on which a last recorded census day leaves its unit open.
    public static func openIfRecordedSince(censusLast: CalendarDay) -> CalendarDay {
        censusLast.adding(days: -(days - 1))
    }

    /// Days from `last` to `censusLast`, for the notes.
    public static func daysBetween(_ last: CalendarDay, _ censusLast: CalendarDay) -> Int {
        Int(censusLast.daysSinceEpoch) - Int(last.daysSinceEpoch)
    }
}
