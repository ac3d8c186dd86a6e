import Forecasting
import Tabular

extension StaffingJob {
    /// What a census's rows stand for when they are totals of a month, a quarter or a year:
    /// `2025-07` (the import labels the rows), or every date the first or the last day of a
    /// month (`RowDays`, as reorder reads a usage export of monthly totals). Nil for a daily
    /// census, and for rows one a week: a unit recorded on Mondays only (a clinic) reads the
    /// same as weekly totals, and its own weekdays already read it as days (`OpenWeekdays`).
    ///
    /// Read as single days, a monthly census (one row per unit and month, the month's patient
    /// days) put each month's total on its 1st: about 1,000 "days not recorded" per unit over
    /// three years, and a weekly plan for a unit of 620 patient days a month forecast 620 a
    /// week, four times its census.
    static func censusTotals(_ census: Table, days: [CalendarDay]) -> (span: Frequency, shape: String)? {
        var rowDays = RowDays()
        // A census lists many units on one date: each date is seen once in a row. A shard sees
        // the calendar of the whole file.
        var previous = CalendarDay(daysSinceEpoch: .min)
        for day in census.unshardedDays ?? days where day != previous {
            rowDays.see(day)
            previous = day
        }
        guard !rowDays.isEmpty else { return nil }
        rowDays.labelled = census.labelledSpans["date"]
        let span = rowDays.span
        guard span.rank >= Frequency.month.rank else { return nil }
        return (span, rowDays.spanShape)
    }

    /// The census by the day: a census of period totals spread over their days
    /// (`spreadOverDays`), else the census itself. The shift checks' productivity reads it too
    /// (their pay periods count the census's days, and a monthly census missed all but one).
    public static func censusByDay(_ census: Table) -> Table {
        guard let units = census.texts("unit"), let values = census.numbers("patient_days"), let days = census.days("date"),
              let totals = censusTotals(census, days: days) else { return census }
        return spreadOverDays(census, span: totals.span, units: units, values: values, days: days)
    }

    /// The census with each row's total spread evenly over its period's days, one row a unit
    /// and day, as reorder spreads a period's usage: a month of 620 patient days is 20 a day
    /// through its 31 days. Every day of the period is then recorded (none is reported
    /// missing), its weeks hold the month's daily average, and a plan by month holds its total;
    /// a row dated inside its period is the period to its date, spread over those days.
    /// A unit whose rows went on with patient_days empty is left empty through the end of
    /// the last such period.
    static func spreadOverDays(_ census: Table, span: Frequency, units: [String], values: [Double], days: [CalendarDay]) -> Table {
        var spreadUnits: [String] = [], spreadValues: [Double] = [], spreadDays: [CalendarDay] = []
        let n = min(units.count, values.count, days.count)
        spreadUnits.reserveCapacity(n * 31)
        spreadValues.reserveCapacity(n * 31)
        spreadDays.reserveCapacity(n * 31)
        for r in 0..<n {
            let period = span.period(of: days[r])
            let first = span.firstDay(of: period), length = span.days(in: period)
            // A row dated inside its period, neither its first nor its last day, holds the
            // period to its date: a month-end census whose last row is December to date (7 days,
            // 140 patient days) read as December spread over 31 days planned 4.5 patients a day
            // for 20. Its days are then a partial period, left out and named like a daily one.
            let toDate = days[r] != first && days[r] != first.adding(days: length - 1)
            let covered = toDate ? Int(days[r].daysSinceEpoch - first.daysSinceEpoch) + 1 : length
            let daily = values[r] / Double(covered)
            for k in 0..<covered {
                spreadUnits.append(units[r])
                spreadValues.append(daily)
                spreadDays.append(first.adding(days: k))
            }
        }
        var table = Table([("date", .date(spreadDays)), ("unit", .text(spreadUnits)), ("patient_days", .number(spreadValues))])
        table.sourceFile = census.sourceFile
        table.sourceHeaders = census.sourceHeaders
        table.unrecordedKeys = census.unrecordedKeys
        table.unrecordedRows = census.unrecordedRows
        table.unrecordedRowsByUnit = census.unrecordedRowsByUnit
        table.unrecordedThrough = census.unrecordedThrough.mapValues { span.firstDay(of: span.period(of: $0) + 1).adding(days: -1) }
        return table
    }

    /// The note of a census read as period totals, planned by `frequency`.
    static func censusTotalsNote(span: Frequency, shape: String, planned frequency: Frequency) -> String {
        let name = span.rawValue
        let plan: String
        if frequency == span {
            plan = "so each \(name) holds its total"
        } else if frequency == .day {
            plan = "so each day holds its \(name)'s daily average (--frequency month plans by whole months)"
        } else if frequency == .week {
            plan = "so each week holds seven days at its \(name)'s daily average (--frequency month plans by whole months)"
        } else {
            plan = "so each \(frequency.rawValue) holds its share of the \(name) by its days"
        }
        return "census rows are \(name)ly totals (\(shape)): spread evenly over their days, \(plan), and none of their days is missing; if they are single days' census, export the days between too"
    }
}
