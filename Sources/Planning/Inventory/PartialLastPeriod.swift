import Tabular

/// The last period of a usage export of period totals (a monthly export, a weekly one), when
/// the inventory says the export was pulled before that period ended.
///
/// A totals export's last row holds the period's use so far: pulled on 3 December, December's
/// row is 3 days' use. Read as the whole month, it was spread over 31 days and the plan dated
/// 31 December: an item used 69 a day read as using 7 a day in December, its demand and
/// order planned low, its stock-out risk missed, and the count of 3 December called stale.
/// The count is the export's date: a count dated inside the last period, before its last day,
/// is the day that period's total runs to (DESIGN.md, Calendar: planning learns from complete
/// periods only, so the part-period is read as the days it holds, not as a period of low use).
/// A count on the last day, before the period or after its end, or no dated count, says
/// nothing of the kind: the period is read whole, as before.
public enum PartialLastPeriod {
    /// The day the last period's total runs to, or nil when the period is read whole.
    /// `first`, `last`: the last period's first and last days; `latestCount`: the latest
    /// inventory count date. The latest count decides, so one dated after the period's end
    /// (a snapshot taken after a complete month's export) leaves the period whole.
    public static func end(first: CalendarDay, last: CalendarDay, latestCount: CalendarDay?) -> CalendarDay? {
        guard let count = latestCount, count >= first, count < last else { return nil }
        return count
    }
}
