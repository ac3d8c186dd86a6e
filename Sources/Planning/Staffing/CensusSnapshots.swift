import Tabular

/// A census of occupied beds counted at times through the day (midnight and noon, or every
/// hour) as one census a unit and day: the rows of one unit, day and time are added (sub-units,
/// bed types), and a day's counts at different times averaged. Summed, a midnight and a noon
/// count made 294 patient days of a week of 140 to 154, and 1,037 agency hours a week.
///
/// A unit's day is averaged only when its own rows carry two times or more: one day stamped
/// 00:05 beside every other day's 00:00 is no reason to average the two rows (inpatient and
/// observation) that every day adds up.
public enum CensusSnapshots {
    /// Each row's weight in its unit's day, 1 / the distinct times of that unit and day, so that
    /// summing value x weight over a unit's day gives the average over its times of the rows
    /// added at each time; and the unit-days averaged (with two times or more). `minutes` is each
    /// row's time, -1 for none (a row without a time is one time of its own).
    public static func weights(units: [String], days: [CalendarDay], minutes: [Int32]) -> (weights: [Double], averagedDays: Int) {
        struct UnitDay: Hashable { var unit: String, day: Int32 }
        var times: [UnitDay: Set<Int32>] = [:]
        for r in units.indices { times[UnitDay(unit: units[r], day: days[r].daysSinceEpoch), default: []].insert(minutes[r]) }
        let weights = units.indices.map { 1 / Double(times[UnitDay(unit: units[$0], day: days[$0].daysSinceEpoch)]!.count) }
        return (weights, times.values.filter { $0.count > 1 }.count)
    }
}
