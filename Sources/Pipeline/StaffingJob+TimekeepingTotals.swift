import Forecasting
import Tabular

extension StaffingJob {
    /// A timekeeping export of pay-period totals: every row dated one every two weeks on one
    /// weekday (`RowDays.weeksPerRow`, each row a unit's or a person's hours of the two weeks
    /// ending with its date's ISO week), spread evenly over the 14 days, as `reorder` spreads
    /// a biweekly usage export. Read as single days, each pay period's hours fell on its last
    /// Saturday, so every week but one in two, and every day but one in fourteen, read as
    /// timekeeping missing: the recent periods were left out of hours per patient day as not
    /// covered, and a week plan's hours doubled in one week and vanished in the next.
    /// Nil when the rows are not so, or carry shift spans (`start`, `end`), which date the
    /// hours themselves.
    static func timekeepingByDay(_ timekeeping: Table) -> (table: Table, note: String)? {
        guard let days = timekeeping.days("date"), timekeeping.numbers("start") == nil, timekeeping.days("start") == nil,
              let rowDays = payPeriods(timekeeping.unshardedDays ?? days) else { return nil }
        let spanned = 14
        var table = Table()
        for (name, column) in zip(timekeeping.names, timekeeping.columns) {
            // The dates (read from text or dates alike): each row's 14 days.
            if name == "date" {
                table.append(name, .date(days.flatMap { day in (0..<spanned).map { rowDays.firstDayOfWeeklyRow(day).adding(days: $0) } }))
                continue
            }
            switch column {
            case .text(let v): table.append(name, .text(v.flatMap { Array(repeating: $0, count: spanned) }))
            case .number(let v):
                // Hours add up over the days; other numbers (a rate) hold on each.
                let share = name == "hours" ? 1 / Double(spanned) : 1
                table.append(name, .number(v.flatMap { Array(repeating: $0 * share, count: spanned) }))
            case .date(let v): table.append(name, .date(v.flatMap { Array(repeating: $0, count: spanned) }))
            }
        }
        table.sourceFile = timekeeping.sourceFile
        table.sourceHeaders = timekeeping.sourceHeaders
        let note = "timekeeping rows are two-week totals (\(rowDays.spanShape), \(rowDays.first) to \(rowDays.last), pay periods): each row's hours spread evenly over its ISO week and the week before, 14 days, so every day of a pay period is covered; if they are single days' hours, export the days between too"
        return (table, note)
    }

    /// The days of timekeeping rows that are pay-period totals (one date every two weeks on one
    /// weekday, `RowDays.weeksPerRow`), or nil.
    static func payPeriods(_ days: [CalendarDay]) -> RowDays? {
        var rowDays = RowDays()
        var previous = CalendarDay(daysSinceEpoch: .min)
        for day in days where day != previous {
            rowDays.see(day)
            previous = day
        }
        guard !rowDays.isEmpty, rowDays.labelled == nil, rowDays.span == .week, rowDays.weeksPerRow == 2 else { return nil }
        return rowDays
    }
}
