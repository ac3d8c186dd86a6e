#if canImport(Glibc)
import Glibc
#endif
import Forecasting
import Tabular

/// Rows of one date column labelled with a whole period among rows dated otherwise.
///
/// A label such as `2025`, `2025-Q1` or `2025-02` parses as its period's first day. A year's
/// or a quarter's total among months or days (`2025` beside `2025-01`), or a month's among
/// days (`2025-02` beside `2025-02-05`), is a total or an adjustment of the others: summed with
/// them it counts them twice, and at a shorter frequency it all falls on the period's first
/// day (January at 13 times a month beside a year's total; a week of 70 read 770). A file of
/// such labels alone is periods (`RowDays`), and first-of-month dates beside month labels are
/// months too. Month labels are refused only among rows mostly dated by day: a monthly export
/// with a correction dated mid-month is months, as `RowDays` reads it.
struct PeriodLabelMix {
    private typealias Seen = (line: Int, text: String)
    /// The first row labelled with a whole year or quarter, and the first labelled otherwise.
    private var long: (line: Int, text: String, period: Frequency)?, other: Seen?
    /// The first row labelled with a whole month, and the first dated on a day other than a
    /// month's first; and how many rows are each.
    private var month: Seen?, day: Seen?
    private var monthRows = 0, dayRows = 0
    /// The previous row's field and what it was: rows alike (exports list many rows of one
    /// date) are counted without being read again. Kept in a reused buffer.
    private var previous: [UInt8] = []
    private var previousKind = Kind.other

    private enum Kind { case month, week, day, other }
    /// Rows in all, and those labelled with a whole ISO week (`2025-W40`); whether the year and
    /// quarter labels are of both kinds.
    private var rows = 0, weekRows = 0
    private var longKindsMixed = false

    /// Counts one row's date field, which parsed as `parsed`.
    mutating func see(_ field: UnsafeBufferPointer<UInt8>, parsed: CalendarDay, line: Int) {
        // (memcmp: the generic sequence comparison cost 2% of a 5M-row import.)
        if field.count == previous.count, field.count == 0 || previous.withUnsafeBufferPointer({ memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0 }) {
            count(previousKind)
            return
        }
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: field)
        if long == nil || other == nil {
            if let named = Frequency.longPeriodNamed(by: field) {
                if long == nil { long = (line, String(decoding: field, as: UTF8.self), named) } else if long?.period != named { longKindsMixed = true }
            } else if other == nil {
                other = (line, String(decoding: field, as: UTF8.self))
            }
        }
        let kind: Kind
        if Frequency.namesISOWeek(field) {
            kind = .week
        } else if parsed.components.day != 1 {
            kind = .day
            if day == nil { day = (line, String(decoding: field, as: UTF8.self)) }
        } else if DateParser.namesMonth(field) {
            kind = .month
            if month == nil { month = (line, String(decoding: field, as: UTF8.self)) }
        } else {
            kind = .other
        }
        previousKind = kind
        count(kind)
    }

    private mutating func count(_ kind: Kind) {
        rows += 1
        switch kind {
        case .month: monthRows += 1
        case .week: weekRows += 1
        case .day: dayRows += 1
        case .other: break
        }
    }

    /// The period every row's label names, when each is one: a year, a quarter, a month or an
    /// ISO week (`2025`, `2025-Q2`, `2025-06`, `2025-W40`). Such labels say what the rows
    /// stand for even where their dates cannot (`RowDays.labelled`): a file of one quarter's
    /// totals, all labelled `2026-Q2`, was one date, read as a day's issues on 1 April and then
    /// as April's whole total (900 a month forecast from a quarter's 900).
    var labelledSpan: Frequency? {
        guard rows > 0 else { return nil }
        if let long, other == nil, !longKindsMixed { return long.period }
        if weekRows == rows { return .week }
        if monthRows == rows { return .month }
        return nil
    }

    /// The error naming the first total's line, when the column mixes them with other rows.
    func problem(file: String, column: String) -> InputError? {
        if let long, let other {
            return InputError(file: file, line: long.line, column: column,
                              "'\(long.text)' names a whole \(long.period.rawValue) among rows dated like '\(other.text)' (line \(other.line)): it is a total of the others, and read with them it would count them twice; remove the total rows from the export")
        }
        if let month, let day, dayRows > monthRows {
            return InputError(file: file, line: month.line, column: column,
                              "'\(month.text)' names a whole month among rows dated by day like '\(day.text)' (line \(day.line)): a month's total or adjustment cannot be put on a day, and read with the days it would count them twice; remove the month rows from the export, or date each on its day")
        }
        return nil
    }
}
