import Tabular

/// The days a file's rows fall on, and what they say each row stands for.
///
/// An export of totals dates each row by its period: `2026-06` and `JUN26` read as the 1st,
/// an ERP's period-end export puts a month on its last day, a weekly one every week on one
/// weekday, a quarterly or yearly one on the first or the last day of the quarter or year.
/// Nine in ten dates of one shape are enough: a monthly export may hold a correction dated
/// mid-month, and a weekly one date a week after a holiday on the Tuesday (weeks are also one
/// date per ISO week). Rows one to a month, quarter or year are also periods when nine in ten
/// fall within four days of the period's start or end (the first or the last business day) or,
/// for months, on one day of the month (a ledger dated on the 15th). Such a row
/// covers its whole period: the file's first and last periods are complete (a monthly file
/// through `2025-12` covers the fourth quarter to its last day), and the rows cannot be
/// split into shorter periods (a month is not four weeks of its total).
public struct RowDays: Sendable, Equatable {
    /// The earliest and the latest day of any row.
    public private(set) var first = CalendarDay(daysSinceEpoch: .max)
    public private(set) var last = CalendarDay(daysSinceEpoch: .min)
    /// Dates that are the first or the last day of a year, a quarter or a month.
    private var yearStarts = 0, quarterStarts = 0, monthStarts = 0
    private var yearEnds = 0, quarterEnds = 0, monthEnds = 0
    /// Dates within four days of the start or the end of a year, a quarter or a month (the
    /// first or the last business day), and dates by day of the month (index 0 is the 1st).
    private var nearYearStarts = 0, nearQuarterStarts = 0, nearMonthStarts = 0
    private var nearYearEnds = 0, nearQuarterEnds = 0, nearMonthEnds = 0
    private var datesByDayOfMonth = [Int](repeating: 0, count: 31)
    /// Whether two dates fall in one year, quarter or month (then rows are not those periods
    /// unless dated on their first or last day).
    private var twoInAYear = false, twoInAQuarter = false, twoInAMonth = false
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
        func anotherIn(_ frequency: Frequency) -> Bool {
            let period = frequency.period(of: day)
            return dates.count(from: frequency.firstDay(of: period).daysSinceEpoch,
                               through: frequency.firstDay(of: period + 1).daysSinceEpoch - 1) > 0
        }
        if !twoInAMonth { twoInAMonth = anotherIn(.month) }
        if !twoInAQuarter { twoInAQuarter = anotherIn(.quarter) }
        if !twoInAYear { twoInAYear = anotherIn(.year) }
        dates.insert(number)
        datesByWeekday[w - 1] += 1
        countEdges(of: day)
    }

    private mutating func countEdges(of day: CalendarDay) {
        let (year, month, d) = day.components
        let length = CalendarDay.daysIn(month: month, year: year)
        datesByDayOfMonth[d - 1] += 1
        if d <= 4 {
            nearMonthStarts += 1
            if month % 3 == 1 { nearQuarterStarts += 1 }
            if month == 1 { nearYearStarts += 1 }
        } else if d > length - 4 {
            nearMonthEnds += 1
            if month % 3 == 0 { nearQuarterEnds += 1 }
            if month == 12 { nearYearEnds += 1 }
        }
        if d == 1 {
            monthStarts += 1
            if month % 3 == 1 { quarterStarts += 1 }
            if month == 1 { yearStarts += 1 }
        } else if d == length {
            monthEnds += 1
            if month % 3 == 0 { quarterEnds += 1 }
            if month == 12 { yearEnds += 1 }
        }
    }

    /// The days of both files' rows (a shard passes the days of the rows it leaves to others,
    /// so every shard sees the calendar of the whole file).
    public mutating func merge(_ other: RowDays) {
        guard !other.isEmpty else { return }
        if isEmpty { self = other; return }
        first = min(first, other.first)
        last = max(last, other.last)
        if dates.formUnion(other.dates) {
            datesByWeekday = dates.countByWeekday
            twoInAWeek = twoInAWeek || other.twoInAWeek || dates.hasTwoDays(inOne: .week)
            twoInAMonth = twoInAMonth || other.twoInAMonth || dates.hasTwoDays(inOne: .month)
            twoInAQuarter = twoInAQuarter || other.twoInAQuarter || dates.hasTwoDays(inOne: .quarter)
            twoInAYear = twoInAYear || other.twoInAYear || dates.hasTwoDays(inOne: .year)
            (yearStarts, quarterStarts, monthStarts, yearEnds, quarterEnds, monthEnds) = (0, 0, 0, 0, 0, 0)
            (nearYearStarts, nearQuarterStarts, nearMonthStarts, nearYearEnds, nearQuarterEnds, nearMonthEnds) = (0, 0, 0, 0, 0, 0)
            datesByDayOfMonth = [Int](repeating: 0, count: 31)
            dates.forEachDay { countEdges(of: CalendarDay(daysSinceEpoch: $0)) }
        }
    }

    /// The weekdays daily rows fall on (`DaySet.openWeekdays`: once they span four weeks, a
    /// weekday with rows in under half as many weeks as the busiest is one the file does not
    /// record, such as a clinic's weekend); every weekday for rows that are whole periods.
    public var openWeekdays: OpenWeekdays { span == .day ? dates.openWeekdays ?? .all : .all }

    /// The period each row covers whole: the year, quarter, month or week its day names when
    /// nine in ten of the dates name one the same way (its first or its last day; with one date
    /// a period, a day within four of them or, for months, one day of the month; for a week,
    /// one weekday, with one date a week), else the day itself. One day alone says nothing of
    /// the sort: it is a day.
    public var span: Frequency {
        guard first < last else { return .day }
        // Nine in ten dates of one shape: a monthly export with one correction dated mid-month
        // is still months.
        let dated = datesByWeekday.reduce(0, +)
        func most(_ count: Int) -> Bool { 10 * count >= 9 * dated }
        if most(yearStarts) || most(yearEnds) { return .year }
        if most(quarterStarts) || most(quarterEnds) { return .quarter }
        if most(monthStarts) || most(monthEnds) { return .month }
        // One row to a period, dated near its start or end, or a month on one day of it. Three
        // dates at least: two days a month apart say nothing of the sort.
        if dated >= 3 {
            if !twoInAYear && (most(nearYearStarts) || most(nearYearEnds)) { return .year }
            if !twoInAQuarter && (most(nearQuarterStarts) || most(nearQuarterEnds)) { return .quarter }
            if !twoInAMonth && (most(nearMonthStarts) || most(nearMonthEnds) || most(datesByDayOfMonth.max() ?? 0)) { return .month }
        }
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
