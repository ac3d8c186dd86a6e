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

    /// The day units are judged against: the latest of the units' last days, where a unit's
    /// last row more than `isolatedDays` after its previous one does not count (a stray row:
    /// one row of unit A dated 29 July, a month after every unit's census ended, stopped the
    /// other five). The median of the units' last days, tried first, planned units that had
    /// closed whenever most of them had. `lastTwo`: each unit's last and previous recorded
    /// days (nil when it has one). Nil without units.
    public static func reference(lastTwo: [(last: CalendarDay, previous: CalendarDay?)]) -> CalendarDay? {
        lastTwo.map { unit in
            guard let previous = unit.previous, daysBetween(previous, unit.last) > isolatedDays else { return unit.last }
            return previous
        }.max()
    }

    /// Days after a unit's previous row beyond which its last row is a stray one.
    public static let isolatedDays = 7

    /// The first day on which a last recorded census day leaves its unit open.
    public static func openIfRecordedSince(censusLast: CalendarDay) -> CalendarDay {
        censusLast.adding(days: -(days - 1))
    }

    /// Days from `last` to `censusLast`, for the notes.
    public static func daysBetween(_ last: CalendarDay, _ censusLast: CalendarDay) -> Int {
        Int(censusLast.daysSinceEpoch) - Int(last.daysSinceEpoch)
    }
}
