import Forecasting
import Planning
import Tabular

extension ReorderJob {
    /// What each usage row stands for: one day's use, or a whole period's total in an export of
    /// weekly, monthly, quarterly or yearly totals (`RowDays`: `2023-01`, or every date the 1st
    /// or the last day of a month; `2025-W40`, or one date a week on one weekday; one date every
    /// other week, two weeks' totals, `RowDays.weeksPerRow`).
    ///
    /// A period's total is spread evenly over its calendar days (the file's open weekdays are
    /// not known from period rows): the weekly history, the recent days, the usage's end and
    /// as-of, first and last use all see daily use. Read as one day's use, 300 a month dated
    /// on the 1st put the month in one week and none in the four others: a safety stock of 823
    /// and an order of 740 for an item holding 300 and using 207 over its 21 days, flagged
    /// unreliable_forecast, and the plan dated on the 1st of the last month, whose total fell
    /// in an incomplete week and was dropped. Dates that are not plainly one shape are days, as
    /// before (`RowDays.span`).
    struct UsageRows: Sendable {
        /// `.day`, or the period each row is the total of.
        let span: Frequency
        /// How the dates name their periods ("every date is the first or the last day of a
        /// month").
        let shape: String
        /// The weeks a weekly row's total covers: 2 for rows every other week (`RowDays.weeksPerRow`:
        /// a biweekly export's 1,400 covers its ISO week and the one before). Read as one week,
        /// a flat 100 a day dated every other Saturday was 200 a day in alternate weeks and none
        /// between.
        let weeksPerRow: Int
        /// Rows dated in a week between two fortnights' (a holiday's row dated the Friday
        /// before), by their week's Monday: the Monday of the week their fortnight ends in
        /// (`RowDays.fortnightWeek(of:)`). Read in their own week and the one before, the one
        /// shifted row of 26 made 14 days of 200 a day and 7 of none: 1,127 units ordered of a
        /// flat item needing none.
        let fortnightEnds: [Int32: Int32]
        /// The first and the last day the rows cover (a monthly file through `2025-12` runs to
        /// 31 December, or to the 3rd when the last month is read through a snapshot or an
        /// as-of of 3 December: `readLastPeriod(throughSnapshotOf:)`, `readLastPeriod(throughAsOf:)`).
        let first: CalendarDay
        private(set) var last: CalendarDay
        /// The day the last period's total runs to when the inventory's snapshot date or a given
        /// as-of is dated inside it (`PartialLastPeriod`); nil when the period is read whole.
        private(set) var lastPeriodPulledOn: CalendarDay?
        /// The inventory's count dates, for the note; nil when the last period was read through
        /// a given as-of or not looked at.
        private(set) var counts: PartialLastPeriod.CountDates?

        /// Nil when there are no rows. `labelled`: the period every row's label names, from
        /// the importer (`Table.labelledSpans`).
        init?(days: [CalendarDay], labelled: Frequency?) {
            var rowDays = RowDays()
            // Exports list many rows of one date in a row: each is seen once.
            var previous = CalendarDay(daysSinceEpoch: .min)
            for day in days where day != previous {
                rowDays.see(day)
                previous = day
            }
            guard !rowDays.isEmpty else { return nil }
            rowDays.labelled = labelled
            span = rowDays.span
            shape = rowDays.spanShape
            weeksPerRow = rowDays.weeksPerRow
            fortnightEnds = Dictionary(rowDays.weeksBetweenFortnights.map { ($0.week.daysSinceEpoch, $0.endsIn.daysSinceEpoch) },
                                       uniquingKeysWith: { a, _ in a })
            (first, last) = rowDays.covered
        }

        /// Whether rows are spread over the days of their periods.
        var spreads: Bool { span != .day }

        /// Reads the last period as pulled on the inventory's snapshot date when that date is
        /// inside it (`PartialLastPeriod`): its total is spread over its days to the snapshot,
        /// and the usage, so the plan, ends there. A monthly export pulled on 3 December, read
        /// whole, spread December's 3 days of use over 31: demand 117 where 207 was right, and
        /// the count of 3 December stale. Daily rows, and a snapshot on the period's last day,
        /// outside it or missing, leave the rows as they are; so does a cycle count on another
        /// date than the snapshot's (`PartialLastPeriod.CountDates`).
        mutating func readLastPeriod(throughSnapshotOf counts: PartialLastPeriod.CountDates) {
            self.counts = counts
            readLastPeriod(through: counts.snapshot)
        }

        /// Reads the last period through a given as-of dated inside it: the plan cannot be as of
        /// a day before the use it spreads (given 10 December, December's total was spread over
        /// 31 days and cut at the 10th: GAUZE's demand 122 against 140 as of its snapshot).
        mutating func readLastPeriod(throughAsOf day: CalendarDay) {
            readLastPeriod(through: day)
            if lastPeriodPulledOn != nil { counts = nil }
        }

        /// Whether the last period is read through a day inside it.
        var readsLastPeriodInPart: Bool { lastPeriodPulledOn != nil }

        private mutating func readLastPeriod(through day: CalendarDay?) {
            guard spreads else { return }
            guard let end = PartialLastPeriod.end(first: firstDay(ofRowOn: last), last: last, pulledOn: day) else { return }
            lastPeriodPulledOn = end
            last = end
        }

        /// The first and the last day the row dated `day` covers: its period's, the last
        /// period's only to the day it was pulled on.
        @inline(__always)
        func covered(_ day: CalendarDay) -> (from: Int32, through: Int32) {
            guard span != .day else { return (day.daysSinceEpoch, day.daysSinceEpoch) }
            let from = firstDay(ofRowOn: day).daysSinceEpoch
            let end = weeksPerRow == 2 && span == .week ? from + 13 : span.firstDay(of: span.period(of: day) + 1).daysSinceEpoch - 1
            return (from, min(end, last.daysSinceEpoch))
        }

        /// The first day of the period a row dated `day` is the total of: its period's, or for
        /// rows every other week the Monday of the week before its own (`weeksPerRow`).
        @inline(__always)
        func firstDay(ofRowOn day: CalendarDay) -> CalendarDay {
            if span == .week && !fortnightEnds.isEmpty, let ends = fortnightEnds[day.startOfISOWeek.daysSinceEpoch] {
                return CalendarDay(daysSinceEpoch: ends - 7)
            }
            return span.firstDay(of: span.period(of: day)).adding(days: span == .week ? -7 * (weeksPerRow - 1) : 0)
        }

        /// The weeks `firstWeek` through `lastWeek` that the row dated `day` holds use in, up to
        /// `end` (its last covered day, at most the usage's end; `from` its first): for a day's
        /// row its own day once; for a period's total each week's Monday with the number of the
        /// row's days in that week. The weekly history adds each share, and a shard covers the
        /// whole file's weeks with the same walk.
        @inline(__always)
        func weeks(of day: CalendarDay, from: Int32, end: Int32, within firstWeek: Int, _ lastWeek: Int,
                   _ body: (_ day: CalendarDay, _ days: Int32) -> Void) {
            let week = Frequency.week
            guard spreads else {
                let period = week.period(of: day)
                if period <= lastWeek && period >= firstWeek { body(day, 1) }
                return
            }
            var monday = CalendarDay(daysSinceEpoch: from).startOfISOWeek.daysSinceEpoch
            var period = week.period(of: CalendarDay(daysSinceEpoch: monday))
            while monday <= end && period <= lastWeek {
                if period >= firstWeek { body(CalendarDay(daysSinceEpoch: monday), min(end, monday + 6) - max(from, monday) + 1) }
                monday += 7
                period += 1
            }
        }

        /// The run's note when the rows are period totals, else nil. `asOfGiven`: as-of came
        /// from the user, not from the usage's end.
        /// The last period read whole is said to be so, with why, when as-of is the usage's end:
        /// a snapshot date inside that period would have ended it there.
        func note(asOf: CalendarDay, asOfGiven: Bool) -> String? {
            guard spreads else { return nil }
            let twoWeeks = span == .week && weeksPerRow == 2
            let name = twoWeeks ? "two-week period" : span.rawValue
            let lastPeriod = span.label(span.period(of: last))
            var text = "usage rows are \(twoWeeks ? "two-week" : name + "ly") totals (\(shape)\(twoWeeks ? ", each the total of its ISO week and the week before" : "")): spread evenly over their days"
            if let pulled = lastPeriodPulledOn {
                let through = counts.map { "the inventory's snapshot date, \(pulled), the count date of \($0.rowsOnSnapshot) of its \($0.rows) rows" }
                    ?? "the as-of day, \(pulled)"
                text += ", the last \(name), \(lastPeriod), read through \(through) (its total is the use of \(twoWeeks ? "its first \(pulled.daysSinceEpoch - firstDay(ofRowOn: last).daysSinceEpoch + 1) of 14 days" : PartialLastPeriod.held(span, through: pulled))),"
                    + " so the usage runs to \(last)"
            } else {
                text += ", so the usage runs to \(last), the last \(name)'s end"
            }
            text += asOfGiven ? "" : ", and the plan is as of that day"
            if !asOfGiven && lastPeriodPulledOn == nil, let counts {
                if let snapshot = counts.snapshot {
                    // Counts on other dates inside the period (cycle counts) are named as not dating it.
                    let from = span.firstDay(of: span.period(of: last)).daysSinceEpoch
                    let cycle = counts.rowsByDay.filter { $0.key != snapshot.daysSinceEpoch && $0.key >= from && $0.key < last.daysSinceEpoch }.values.reduce(0, +)
                    text += " (\(lastPeriod) read as complete: the inventory's snapshot date, \(snapshot), the count date of \(counts.rowsOnSnapshot) of its \(counts.rows) rows, is not inside it before its last day"
                        + (cycle == 0 ? ")" : cycle == 1 ? "; 1 row counted inside it on another date, a cycle count, does not date the export)"
                            : "; \(cycle) rows counted inside it on other dates, cycle counts, do not date the export)")
                } else if counts.datedRows > 0 {
                    text += counts.isTie
                        ? " (\(lastPeriod) read as complete: two count dates hold half of the inventory's \(counts.rows) rows each, so neither dates the export; --as-of reads it through a given day)"
                        : " (\(lastPeriod) read as complete: no count date is shared by at least half of the inventory's \(counts.rows) rows (\(counts.datedRows) dated), so none dates the export; --as-of reads it through a given day)"
                } else {
                    text += " (\(lastPeriod) read as complete: the inventory's counts are not dated)"
                }
            }
            return text + "; if they are single days' use, export the days between too"
        }
    }
}
