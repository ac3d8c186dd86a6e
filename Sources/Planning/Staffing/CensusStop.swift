import Tabular

/// When a unit's census has stopped: its last recorded day falls `days` (28) or more before
/// the census's last day (closed, or no longer exported), whatever the plan's frequency.
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

    /// The first day on which a last recorded census day leaves its unit open.
    public static func openIfRecordedSince(censusLast: CalendarDay) -> CalendarDay {
        censusLast.adding(days: -(days - 1))
    }

    /// Days from `last` to `censusLast`, for the notes.
    public static func daysBetween(_ last: CalendarDay, _ censusLast: CalendarDay) -> Int {
        Int(censusLast.daysSinceEpoch) - Int(last.daysSinceEpoch)
    }
}
