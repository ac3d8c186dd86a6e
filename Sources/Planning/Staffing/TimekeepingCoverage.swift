import Forecasting
import Tabular

/// The days each unit's timekeeping has rows on, and the unit's first and last day.
///
/// Hours per patient day, productivity and shift checks read a period without a unit's rows
/// as no hours worked only when the unit's own timekeeping runs through it: a week missing
/// from one unit's export (or an export of one unit that ends a week before the others') is
/// hours not exported, not a unit nobody worked on. Per unit, since a file that holds the other
/// units' week hid the gap (a unit at 4.8 hours per patient day came out 3.2).
public struct TimekeepingCoverage: Sendable {
    private var days: [String: Set<Int32>] = [:]
    private var spans: [String: (first: CalendarDay, last: CalendarDay)] = [:]

    /// - Parameters:
    ///   - units: each row's unit as written; `name` gives the name it is planned under.
    ///   - days: each row's day.
    public init(units: [String], days rowDays: [CalendarDay], name: (String) -> String) {
        var previous: String?, current = ""
        var lastDay = Int32.min
        for r in 0..<min(units.count, rowDays.count) {
            if units[r] != previous {
                previous = units[r]
                current = name(units[r])
                lastDay = .min
            }
            let day = rowDays[r]
            // Rows come a day at a time per unit: one insert per unit and day.
            guard day.daysSinceEpoch != lastDay else { continue }
            lastDay = day.daysSinceEpoch
            days[current, default: []].insert(day.daysSinceEpoch)
            if let span = spans[current] {
                spans[current] = (min(span.first, day), max(span.last, day))
            } else {
                spans[current] = (day, day)
            }
        }
    }

    /// Whether the unit's timekeeping has a row in period `p` of `frequency` (derived from its
    /// days: the periods asked about are the few recent ones).
    public func covers(_ p: Int, of unit: String, frequency: Frequency) -> Bool {
        guard let known = days[unit] else { return false }
        return (frequency.firstDay(of: p).daysSinceEpoch..<frequency.firstDay(of: p + 1).daysSinceEpoch).contains(where: known.contains)
    }

    /// Whether the unit's timekeeping has a row on every day of `needed` (the days its census
    /// had patients on) from `first` through `last`. A row in the period is not enough: a month
    /// whose timekeeping lacked a week (60 hours a day, none from 10 to 16 November) read as 5.66
    /// hours per patient day against a target of 6 and was flagged, where the weekly plan named
    /// the week and measured 6.0. A day of no patients needs no hours (a closed weekend).
    public func coversEveryDay(of unit: String, in needed: DaySet, from first: CalendarDay, through last: CalendarDay) -> Bool {
        guard first <= last else { return true }
        let known = days[unit] ?? []
        for day in first.daysSinceEpoch...last.daysSinceEpoch where needed.contains(day) && !known.contains(day) { return false }
        return true
    }

    /// The days from `first` through `last` on which the unit's timekeeping has a row.
    public func daysWithRows(of unit: String, from first: CalendarDay, through last: CalendarDay) -> Int {
        guard first <= last, let known = days[unit] else { return 0 }
        return (first.daysSinceEpoch...last.daysSinceEpoch).filter(known.contains).count
    }

    /// Whether the unit's timekeeping has a row on `day`.
    public func covers(day: CalendarDay, of unit: String) -> Bool { days[unit]?.contains(day.daysSinceEpoch) ?? false }

    /// The unit's first and last day with timekeeping, nil for a unit without any.
    public func span(of unit: String) -> (first: CalendarDay, last: CalendarDay)? { spans[unit] }
}
