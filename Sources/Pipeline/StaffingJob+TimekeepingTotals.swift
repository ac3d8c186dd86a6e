import Forecasting
import Planning
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
    /// hours themselves. Start and end columns empty on every row carry no span: mapped as the
    /// tool's own hint asked ("'Punch In' (start), 'Punch Out' (end); if they are, map them"),
    /// they turned the reading off, and the recent HPPD went blank with a note that 11 weeks
    /// were not covered; they are left out of the spread table and said in the note.
    /// The day of its period each row is dated by is `PayPeriodDating`'s (`census`: the census's
    /// first and last day).
    static func timekeepingByDay(_ timekeeping: Table, census: (first: CalendarDay, last: CalendarDay)? = nil) -> (table: Table, note: String)? {
        let emptySpanColumns = ["start", "end"].filter { timekeeping.index(of: $0) != nil }
        guard let days = timekeeping.days("date"), emptySpanColumns.allSatisfy({ !hasValues(timekeeping, $0) }),
              let rowDays = payPeriods(timekeeping.unshardedDays ?? days) else { return nil }
        let header = timekeeping.sourceHeaders.first { $0.role == "date" }?.header
        let dating = PayPeriodDating.of(rowDays, header: header, census: census)
        let spanned = 14
        var table = Table()
        for (name, column) in zip(timekeeping.names, timekeeping.columns) {
            if emptySpanColumns.contains(name) { continue }
            // The dates (read from text or dates alike): each row's 14 days.
            if name == "date" {
                table.append(name, .date(days.flatMap { day in (0..<spanned).map { dating.firstDay(of: day, in: rowDays).adding(days: $0) } }))
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
        let column = header.map { "'\($0)'" } ?? "the date column"
        let reading: String, change: String
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rowDays.first.isoWeekday - 1]
        switch (dating.day, dating.evidence) {
        case (.first, .header):
            reading = "dated by the period's first day, as \(column) says: each row's hours spread evenly over the two ISO weeks the period falls in from its date"
            change = ""
        case (.first, _):
            reading = "dated by the period's first day (dated on \(weekday)s, and so read they cover the census from \(census.map { "\($0.first)" } ?? "its start") best): each row's hours spread evenly over the two ISO weeks \(rowDays.first.isoWeekday >= 5 ? "from the Monday after its date" : "from its date's week")"
            change = "; if they are dated by the period's last day, head the date column 'Pay Period End'"
        case (.last, .header):
            reading = "dated by the period's last day, as \(column) says: each row's hours spread evenly over its ISO week and the week before"
            change = ""
        case (.last, .census):
            reading = "read as dated by the period's last day (dated on \(weekday)s, and so read they cover the census from \(census.map { "\($0.first)" } ?? "its start") best): each row's hours spread evenly over its ISO week and the week before"
            change = "; if they are dated by the period's first day, head the date column 'Pay Period Begin'"
        case (.last, _):
            reading = "read as dated by the period's last day: each row's hours spread evenly over its ISO week and the week before"
            change = "; if they are dated by the period's first day, head the date column 'Pay Period Begin'"
        }
        var note = "timekeeping rows are two-week totals (\(rowDays.spanShape), \(rowDays.first) to \(rowDays.last), pay periods) \(reading), 14 days, so every day of a pay period is covered\(change); if they are single days' hours, export the days between too"
        if !emptySpanColumns.isEmpty {
            let names = emptySpanColumns.map { role in timekeeping.sourceHeaders.first { $0.role == role }.map { "'\($0.header)' (\(role))" } ?? role }
            note += "; the \(names.joined(separator: " and ")) column\(names.count == 1 ? " is" : "s are") empty on every row: no shift spans, read as pay-period totals"
        }
        return (table, note)
    }

    /// Whether `column` holds a value on any row (a date-time, a number, a non-blank text).
    static func hasValues(_ table: Table, _ column: String) -> Bool {
        guard let i = table.index(of: column) else { return false }
        switch table.columns[i] {
        case .number(let v): return v.contains { !$0.isNaN }
        case .date(let v): return !v.isEmpty
        case .text(let v): return v.contains { !$0.trimmed().isEmpty }
        }
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
