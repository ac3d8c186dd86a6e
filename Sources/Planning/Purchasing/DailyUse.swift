import Forecasting
import Tabular

/// Each item's average daily use over the days before an as-of day: how fast a lot on the
/// shelf is used up.
///
/// Usage exports come by the day or as totals per period (`2025-03` or the month's last day:
/// `RowDays` tells). A period's row covers its whole period, so it counts in the window by the
/// share of its days that fall there, and the usage runs to its last period's last day. Read
/// as single days, a monthly file's as-of was the 1st of its last month, and a 91-day window
/// took in four months' totals: 13.2 a day for an item used 9.9 a day, and a lot's expected
/// waste a sixth of what it was.
///
/// A given as-of after the usage's last day does not read the days between as days without
/// use: the window ends where the usage does (`usageEnd`), as `reorder` reads it. Read as
/// zeros, an item used 10 a day with the export ending a month before as-of was used 6.7 a
/// day, and a lot of 600 used in time read as 191 units of waste.
public struct DailyUse: Sendable {
    /// The day lots are planned from: as given, else the last day the usage covers.
    public var asOf: CalendarDay
    /// The last day the usage covers when it is before a given as-of (the window ends there);
    /// nil when the usage reaches as-of.
    public var usageEnd: CalendarDay?
    /// Units a day per item.
    public var perItem: [String: Double]
    /// What each usage row stands for (`.day`, or the period of a totals export).
    public var rowSpan: Frequency
    /// How the dates name the periods when the rows are totals ("every date is a Monday").
    public var rowSpanShape: String
    /// The weeks a weekly row is the total of: 2 for rows every other week (`RowDays.weeksPerRow`).
    public var rowWeeks: Int
    /// The day the last period's total runs to when a given as-of is inside it, before its
    /// last day (`PartialLastPeriod`, as `reorder` reads it); nil when the period is read whole.
    public var lastPeriodPulledOn: CalendarDay?

    /// - Parameters: usage rows as parallel columns; `windowDays` back from as-of (or from an
    ///   item's first use, when that is later) are averaged. Nil when there are no rows.
    public init?(days: [CalendarDay], items: [String], quantity: [Double], asOf given: CalendarDay?, windowDays: Int) {
        var rowDays = RowDays()
        for day in days { rowDays.see(day) }
        guard !rowDays.isEmpty else { return nil }
        let span = rowDays.span
        rowSpan = span
        rowSpanShape = rowDays.spanShape
        rowWeeks = rowDays.weeksPerRow
        // A given as-of inside the last period reads its total through as-of, as reorder does:
        // spread over the whole period and cut at as-of, 3 days' use read as a tenth of it.
        // Rows every other week cover their ISO week and the week before (`RowDays.weeksPerRow`).
        let weeksBefore = span == .week ? 7 * (rowDays.weeksPerRow - 1) : 0
        let lastPeriod = span.period(of: rowDays.last)
        let pulledOn = span == .day ? nil
            : PartialLastPeriod.end(first: span.firstDay(of: lastPeriod).adding(days: -weeksBefore), last: span.firstDay(of: lastPeriod + 1).adding(days: -1), pulledOn: given)
        lastPeriodPulledOn = pulledOn
        let fortnightEnds = Dictionary(rowDays.weeksBetweenFortnights.map { ($0.week.daysSinceEpoch, $0.endsIn.daysSinceEpoch) },
                                       uniquingKeysWith: { a, _ in a })
        /// The first and last day a row covers: the last period's only to as-of inside it.
        func covered(_ day: CalendarDay) -> (Int32, Int32) {
            guard span != .day else { return (day.daysSinceEpoch, day.daysSinceEpoch) }
            let p = span.period(of: day)
            // A row dated between two fortnights' weeks covers the fortnight it belongs to
            // (`RowDays.fortnightWeek(of:)`).
            if !fortnightEnds.isEmpty, let ends = fortnightEnds[day.startOfISOWeek.daysSinceEpoch] {
                return (ends - 7, min(ends + 6, pulledOn?.daysSinceEpoch ?? .max))
            }
            return (span.firstDay(of: p).daysSinceEpoch - Int32(weeksBefore), min(span.firstDay(of: p + 1).daysSinceEpoch - 1, pulledOn?.daysSinceEpoch ?? .max))
        }
        let end = covered(rowDays.last).1
        let last = min(given?.daysSinceEpoch ?? end, end)
        asOf = given ?? CalendarDay(daysSinceEpoch: end)
        usageEnd = asOf.daysSinceEpoch > end ? CalendarDay(daysSinceEpoch: end) : nil
        let start = last - Int32(windowDays) + 1
        var total: [String: Double] = [:], first: [String: Int32] = [:]
        // A return is stock coming back, not negative use, and an issue reversed the same day is
        // no use (`ReturnedStock`), as `reorder` reads them: netted into the daily rate, 500
        // sent back made a lot's expected waste 110 units more here than in reorder's plan.
        let used = ReturnedStock.netOfSameDay(quantity, days: days) { items[$0] }
        for row in days.indices {
            let (from, through) = covered(days[row])
            guard from <= last, used[row] > 0 else { continue }
            first[items[row]] = min(first[items[row]] ?? from, from)
            let overlap = min(through, last) - max(from, start) + 1
            if overlap > 0 { total[items[row], default: 0] += used[row] * Double(overlap) / Double(through - from + 1) }
        }
        perItem = [:]
        for (item, sum) in total {
            let from = max(start, first[item] ?? start)
            perItem[item] = sum / Double(max(1, last - from + 1))
        }
    }
}
