import Tabular

/// The days a file's rows fall on, and what they say each row stands for.
///
/// An export of totals dates each row by its period: `2026-06` and `JUN26` read as the 1st,
/// an ERP's period-end export puts a month on its last day, a weekly one every week on one
/// weekday, a quarterly or yearly one on the first or the last day of the quarter or year.
/// A weekly export may date a week after a holiday on the Tuesday: weeks are one date per
/// ISO week, nine in ten of them on one weekday. Such a row
/// covers its whole period: the file's first and last periods are complete (a monthly file
/// through `2025-12` covers the fourth quarter to its last day), and the rows cannot be
/// split into shorter periods (a month is not four weeks of its total).
public struct RowDays: Sendable, Equatable {
    /// The earliest and the latest day of any row.
    public private(set) var first = CalendarDay(daysSinceEpoch: .max)
    public private(set) var last = CalendarDay(daysSinceEpoch: .min)
    private var allYearStarts = true, allQuarterStarts = true, allMonthStarts = true
    private var allYearEnds = true, allQuarterEnds = true, allMonthEnds = true
    /// Every day with a row, how many fall on each ISO weekday (index 0 is Monday), and
    /// whether two fall in one ISO week (then the rows are not weeks).
    public private(set) var dates = DaySet()
    private var datesByWeekday = [Int](repeating: 0, count: 7)
    private var twoInAWeek = false

    public init() {}

    public var isEmpty: Bool { first > last }

    /// False once two rows fall in one ISO week: the rows cannot be weekly.
    public var mayBeWeekly: Bool { !twoInAWeek }

    /// Counts one row's day.
    public mutating func see(_ day: CalendarDay) {
        if day < first { first = day }
        if day > last { last = day }
        let number = day.daysSinceEpoch
        guard !dates.contains(number) else { return }
        let w = day.isoWeekday
        if !twoInAWeek {
            let monday = number - Int32(w - 1)
            twoInAWeek = dates.count(from: monday, through: monday + 6) > 0
        }
        dates.insert(number)
        datesByWeekday[w - 1] += 1
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
        if dates.formUnion(other.dates) {
            datesByWeekday = dates.countByWeekday
            twoInAWeek = twoInAWeek || other.twoInAWeek || dates.hasTwoDaysInAWeek
        }
    }

    /// The weekdays daily rows fall on (`DaySet.openWeekdays`: once they span four weeks, a
    /// weekday with rows in under half as many weeks as the busiest is one the file does not
    /// record, such as a clinic's weekend); every weekday for rows that are whole periods.
    public var openWeekdays: OpenWeekdays { span == .day ? dates.openWeekdays ?? .all : .all }

    /// The period each row covers whole: the year, quarter, month or week its day names when
    /// every row names one the same way (its first or its last day; for a week, one date a
    /// week, nine in ten on one weekday),
    /// else the day itself. One day alone says nothing of the sort: it is a day.
    public var span: Frequency {
        guard first < last else { return .day }
        if allYearStarts || allYearEnds { return .year }
        if allQuarterStarts || allQuarterEnds { return .quarter }
        if allMonthStarts || allMonthEnds { return .month }
        let dated = datesByWeekday.reduce(0, +)
        if !twoInAWeek, 10 * (datesByWeekday.max() ?? 0) >= 9 * dated { return .week }
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
