import Tabular

/// When a unit's census has stopped: its last recorded day falls `days` (28) or more before
/// the census's last day as most units reach it (`reference`: closed, or no longer exported),
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

    /// The day units are judged against: the last day at least half the units reach (of an
    /// even count the later middle one). One unit's last row does not set it: a census of six
    /// units to 30 June with one row of unit A dated 29 July stopped the other five, and
    /// their plans vanished; nor does one unit a day ahead make every other "ending early".
    /// A unit closed while the others run on is still past it. Nil without units.
    public static func reference(lastDays: [CalendarDay]) -> CalendarDay? {
        guard !lastDays.isEmpty else { return nil }
        let sorted = lastDays.sorted(by: >)
        return sorted[(sorted.count - 1) / 2]
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
