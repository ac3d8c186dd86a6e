import Tabular

/// A return: a usage row of a negative quantity, stock a ward sends back to the storeroom.
///
/// It is stock coming back, part of the inventory position (counted on hand at the next
/// count; rolled forward with the use since an older count), not negative demand. Read into
/// the demand history, one ward's 500 sent back in the last week of an item used 10 a day
/// made that week -430: forecast 0 over 14 days, no order, "no recent demand"; a return of 30
/// took 10 off the forecast and one of 200 cut it to 76 with a larger safety stock, while the
/// same 500 sent back in January changed nothing. Which issue a return undoes is not in the
/// export, so it is netted against none: the history holds the issues, as first and last use,
/// the weekdays an item is used on and the replay of `--simulate` already read it, but for a
/// reversal (`netOfSameDay`): an issue keyed 500 and reversed by -500 that day is no use. `reorder` leaves returns out of the history it learns from (by day a return on an
/// open day is left out as one on a closed day is, `OpenDaySeries`); `forecast` and `aggregate`
/// sum every row as written, since a negative value there may be a correction or a net change.
public enum ReturnedStock {
    /// Whether a usage row's quantity is a return, left out of the demand history a forecast
    /// learns from (a 0 is a row but no use: it still starts a series, as before).
    @inline(__always)
    public static func isReturn(_ quantity: Double) -> Bool { quantity < 0 }

    /// The quantities with each reversal taken out: a return of exactly an issue's quantity, of
    /// the same item (`key` of a row) on the same day, cancels that issue, and both count as
    /// nothing. An issue keyed 500 and reversed that day was 500 of use once returns were left
    /// out (an order of 689 for 90). Any other return stays one, left out of the history (500
    /// sent back on a day the item was issued 10 keeps the day's 10). Only the days holding a
    /// return are looked at, so a file without returns is returned as it is.
    public static func netOfSameDay(_ quantities: [Double], days: [CalendarDay], key: (Int) -> String) -> [Double] {
        var returnDays = Set<Int32>()
        for row in quantities.indices where isReturn(quantities[row]) { returnDays.insert(days[row].daysSinceEpoch) }
        guard !returnDays.isEmpty else { return quantities }
        struct Entry: Hashable { var key: String, day: Int32, quantity: Double }
        // Issues of each item, day and quantity on a day with a return, not yet cancelled.
        var issues: [Entry: [Int]] = [:], returns: [(row: Int, entry: Entry)] = []
        for row in quantities.indices where returnDays.contains(days[row].daysSinceEpoch) {
            let entry = Entry(key: key(row), day: days[row].daysSinceEpoch, quantity: abs(quantities[row]))
            if isReturn(quantities[row]) { returns.append((row, entry)) } else if quantities[row] > 0 { issues[entry, default: []].append(row) }
        }
        var netted = quantities
        for (row, entry) in returns {
            guard let issue = issues[entry]?.popLast() else { continue }
            netted[row] = 0
            netted[issue] = 0
        }
        return netted
    }
}
