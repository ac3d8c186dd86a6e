import Forecasting
import Tabular

/// The last period of a usage export of period totals (a monthly export, a weekly one), when
/// the inventory says the export was pulled before that period ended.
///
/// A totals export's last row holds the period's use so far: pulled on 3 December, December's
/// row is 3 days' use. Read as the whole month, it was spread over 31 days and the plan dated
/// 31 December: an item used 69 a day read as using 7 a day in December, its demand and
/// order planned low, its stock-out risk missed, and the count of 3 December called stale.
/// The inventory's snapshot date is the export's date (`CountDates.snapshot`): dated inside
/// the last period, before its last day, it is the day that period's total runs to (DESIGN.md,
/// Calendar: planning learns from complete periods only, so the part-period is read as the
/// days it holds, not as a period of low use). A snapshot on the last day, before the period
/// or after its end, or no snapshot date, says nothing of the kind: the period is read whole.
/// A given as-of inside the last period ends it the same way (`reorder --as-of`,
/// `purchasing --as-of`): a plan cannot be as of a day before the use it spreads.
public enum PartialLastPeriod {
    /// The day the last period's total runs to, or nil when the period is read whole.
    /// `first`, `last`: the last period's first and last days; `pulledOn`: the inventory's
    /// snapshot date, or a given as-of. One dated after the period's end (a snapshot taken
    /// after a complete month's export) leaves the period whole.
    public static func end(first: CalendarDay, last: CalendarDay, pulledOn: CalendarDay?) -> CalendarDay? {
        guard let day = pulledOn, day >= first, day < last else { return nil }
        return day
    }

    /// What the last period's total holds when read through `pulledOn` inside it, as the notes
    /// of `reorder` and `purchasing` say it: "its first 3 of 31 days", "its first day".
    public static func held(_ span: Frequency, through pulledOn: CalendarDay) -> String {
        let p = span.period(of: pulledOn)
        let days = Int(pulledOn.daysSinceEpoch - span.firstDay(of: p).daysSinceEpoch) + 1
        return days == 1 ? "its first day" : "its first \(days) of \(span.days(in: p)) days"
    }

    /// The dates an inventory's rows were counted on, and its snapshot date.
    ///
    /// The snapshot date is the date at least half of the dated rows share: the day the
    /// inventory was taken, and so the day the exports were pulled. A count on another date (a
    /// cycle count of one item) says nothing of when the export was pulled: a complete
    /// December with SALINE counted 30 November and GAUZE cycle-counted 15 December, read to the
    /// latest count, spread every item's December over 15 days (SALINE's demand 301 against
    /// 207, the orders costing 567 against 167). When two dates hold half the rows each, neither is
    /// known to be the snapshot's (that same inventory of two rows is such a tie): there is no
    /// snapshot date, and the last period is read whole (`--as-of` reads it through a day).
    /// Undated rows count among the rows: one row dated 15 December beside nine undated ones
    /// was "the count date of 1 of its 1 dated rows", and read a complete December as 15 days
    /// (orders of 445 where none was due).
    public struct CountDates: Sendable, Equatable {
        /// Dated rows per count day (days since the epoch).
        public private(set) var rowsByDay: [Int32: Int] = [:]
        /// Rows with a count date.
        public private(set) var datedRows = 0
        /// Rows without one.
        public private(set) var undatedRows = 0

        public init() {}

        /// The count days of the rows, nil for a row without a date.
        public init<S: Sequence>(_ days: S) where S.Element == Int32? {
            for day in days {
                if let day { add(day) } else { undatedRows += 1 }
            }
        }

        /// The count days of rows all dated.
        public init<S: Sequence>(_ days: S) where S.Element == Int32 {
            self.init(days.lazy.map { Optional($0) })
        }

        public mutating func add(_ day: Int32) {
            rowsByDay[day, default: 0] += 1
            datedRows += 1
        }

        /// Rows, dated or not.
        public var rows: Int { datedRows + undatedRows }

        /// The date at least half the rows share; nil when none does, when two dates hold half
        /// each, or when no row is dated.
        public var snapshot: CalendarDay? {
            let held = rowsByDay.filter { 2 * $0.value >= rows }
            guard held.count == 1, let day = held.first?.key else { return nil }
            return CalendarDay(daysSinceEpoch: day)
        }

        /// Whether two dates hold half the rows each.
        public var isTie: Bool { rowsByDay.filter { 2 * $0.value >= rows }.count == 2 }

        /// Dated rows counted on the snapshot date (0 without one).
        public var rowsOnSnapshot: Int { snapshot.map { rowsByDay[$0.daysSinceEpoch] ?? 0 } ?? 0 }
    }
}
