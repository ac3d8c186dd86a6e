import Tabular

/// The days a file's rows fall on, and what they say each row stands for.
///
/// An export of totals dates each row by its period: `2026-06` and `JUN26` read as the 1st,
/// an ERP's period-end export puts a month on its last day, a weekly one every week on one
/// weekday, a quarterly or yearly one on the first or the last day of the quarter or year.
/// Such a row
/// covers its whole period: the file's first and last periods are complete (a monthly file
/// through `2025-12` covers the fourth quarter to its last day), and the rows cannot be
/// split into shorter periods (a month is not four weeks of its total).
public struct RowDays: Sendable, Equatable {
    /// The earliest and the latest day of any row.
    public private(set) var first = CalendarDay(daysSinceEpoch: .max)
    public private(set) var last = CalendarDay(daysSinceEpoch: .min)
    private var allYearStarts = true, allQuarterStarts = true, allMonthStarts = true
    private var allYearEnds = true, allQuarterEnds = true, allMonthEnds = true
    /// The one ISO weekday of every row so far, 0 before any row, -1 once two differ.
    private var weekday = 0
    /// Every day with a row.
    public private(set) var dates = DaySet()

    public init() {}

    public var isEmpty: Bool { first > last }

    /// False once two rows fall on different weekdays: the rows cannot be weekly.
    public var mayBeWeekly: Bool { weekday >= 0 }

    /// Counts one row's day.
    public mutating func see(_ day: CalendarDay) {
        if day < first { first = day }
        if day > last { last = day }
        dates.insert(day.daysSinceEpoch)
        guard weekday >= 0 || allMonthStarts || allMonthEnds else { return }
        let w = day.isoWeekday
        if weekday == 0 { weekday = w } else if weekday != w { weekday = -1 }
        guard allMonthStarts || allMonthEnds else { return }
        let (year, month, d) = day.components
        let monthEnd = d == CalendarDay.daysIn(month: month, year: year)
        allMonthEnds = allMonthEnds && monthEnd
        allQuarterEnds = allQuarterEnds && monthEnd && month % 3 == 0
        allYearEnds = allYearEnds && monthEnd && month == 12
        allMonthStarts = allMonthStarts && d == 1
        allQuarterStarts = allQuarterStarts && d == 1 && month % 3 == 1
        allYearStarts = allYearStarts && d == 1 && month == 1
    }

    /// The days of both files' rows (a shard passes the days of the rows it leaves to others,
    /// so every shard sees the calendar of the whole file).
    public mutating func merge(_ other: RowDays) {
        guard !other.isEmpty else { return }
        if isEmpty { self = other; return }
        first = min(first, other.first)
        last = max(last, other.last)
        allYearStarts = allYearStarts && other.allYearStarts
        allQuarterStarts = allQuarterStarts && other.allQuarterStarts
        allMonthStarts = allMonthStarts && other.allMonthStarts
        allYearEnds = allYearEnds && other.allYearEnds
        allQuarterEnds = allQuarterEnds && other.allQuarterEnds
        allMonthEnds = allMonthEnds && other.allMonthEnds
        weekday = weekday == other.weekday ? weekday : -1
        dates.formUnion(other.dates)
    }

    /// The weekdays daily rows fall on (`DaySet.openWeekdays`: once they span four weeks, a
    /// weekday with rows in under half as many weeks as the busiest is one the file does not
    /// record, such as a clinic's weekend); every weekday for rows that are whole periods.
    public var openWeekdays: OpenWeekdays { span == .day ? dates.openWeekdays : .all }

    /// The period each row covers whole: the year, quarter, month or week its day names when
    /// every row names one the same way (its first or its last day; for a week, one weekday),
    /// else the day itself. One day alone says nothing of the sort: it is a day.
    public var span: Frequency {
        guard first < last else { return .day }
        if allYearStarts || allYearEnds { return .year }
        if allQuarterStarts || allQuarterEnds { return .quarter }
        if allMonthStarts || allMonthEnds { return .month }
        if weekday > 0 { return .week }
        return .day
    }

    /// The first and the last day the rows cover: from the start of the first row's span to
    /// the end of the last row's.
    public var covered: (first: CalendarDay, last: CalendarDay) {
        let span = self.span
        guard span != .day else { return (first, last) }
        return (span.firstDay(of: span.period(of: first)), span.firstDay(of: span.period(of: last) + 1).adding(days: -1))
    }
}
