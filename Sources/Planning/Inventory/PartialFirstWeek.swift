/// A new item's first week, when its use began after the Monday: the week holds only the
/// days since the first use, and read as a whole week it lowers the item's weekly rate. An
/// item used 8 a day from a Sunday had a first week of 8 and was planned at 5.7 a day from
/// three weeks of history, without the stock-out warning its 8.75 days of cover deserved.
///
/// Only for items used on most days since they began: their days before the first use were
/// days without the item, not quiet days. An item used once a fortnight that happens to
/// start on a Thursday has a whole first week; its first use says nothing about the days
/// before it.
public enum PartialFirstWeek {
    /// The factor that turns the first week's total into a whole week's: 7 / days covered, or
    /// nil when the week is whole (use began on its Monday) or the item is not used on most
    /// days. `firstDayOffset` is the first use's day in its ISO week (0 = Monday);
    /// `daysSinceFirstUse` the item's daily use from its first use to the usage's end.
    public static func scale(firstDayOffset: Int, daysSinceFirstUse: [Float]) -> Double? {
        guard firstDayOffset > 0, firstDayOffset < 7, daysSinceFirstUse.count >= 7 else { return nil }
        let used = daysSinceFirstUse.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        guard 2 * used > daysSinceFirstUse.count else { return nil }
        return 7 / Double(7 - firstDayOffset)
    }

    /// Whether a new item, first used `historyDays` days before the usage's end (counting that
    /// day) and used on `daysUsed` of them, is planned from its daily use since rather than
    /// from whole weeks: under two weeks of use hold at most one whole week, and often none
    /// when the usage ends mid-week. An item used 8 a day from a Monday, with the export
    /// ending on the Wednesday, had no whole week and was planned at 0 ("no recent demand");
    /// one first used on the Friday before was planned at 3.4 a day, its three days read as a
    /// week. Three days at least, so a single first issue (a shelf stocked at once) is not
    /// read as a daily rate, and used on most of them, as `scale` asks.
    public static func plansByDay(historyDays: Int, daysUsed: Int) -> Bool {
        (3..<14).contains(historyDays) && 2 * daysUsed > historyDays
    }

    /// The week an item's weekly history is started in when its first use falls in the file's
    /// own partial first week (an export from a Tuesday), which the history leaves out: the
    /// file's first whole week, its weeks from there on zeros where it was not used; nil when
    /// its first use is in a whole week (its rows start it) or it has none. Started at its next
    /// use instead, an item used on 2 July and again on 24 June had a history of one week, that
    /// use's: planned at 0.71 a day with a safety stock of 15 and an order of 25, where one
    /// first used on 8 July, the same 6 units a year, was planned at 0.03 a day and 12.
    public static func historyStartWeek(firstUseWeek: Int?, firstFullWeek: Int, lastFullWeek: Int) -> Int? {
        guard let week = firstUseWeek, week < firstFullWeek, firstFullWeek <= lastFullWeek else { return nil }
        return firstFullWeek
    }
}
