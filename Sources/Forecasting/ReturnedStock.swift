/// A return: a usage row of a negative quantity, stock a ward sends back to the storeroom.
///
/// It is stock coming back, part of the inventory position (counted on hand at the next
/// count; rolled forward with the use since an older count), not negative demand. Read into
/// the demand history, one ward's 500 sent back in the last week of an item used 10 a day
/// made that week -430: forecast 0 over 14 days, no order, "no recent demand"; a return of 30
/// took 10 off the forecast and one of 200 cut it to 76 with a larger safety stock, while the
/// same 500 sent back in January changed nothing. Which issue a return undoes is not in the
/// export, so it is netted against none: the history holds the issues, as first and last use,
/// the weekdays an item is used on and the replay of `--simulate` already read it. `reorder`
/// and `forecast` leave returns out of the history they learn from (by day a return on an
/// open day is left out as one on a closed day is, `OpenDaySeries`); `aggregate` sums every row
/// as written.
public enum ReturnedStock {
    /// Whether a usage row's quantity is a return, left out of the demand history a forecast
    /// learns from (a 0 is a row but no use: it still starts a series, as before).
    @inline(__always)
    public static func isReturn(_ quantity: Double) -> Bool { quantity < 0 }
}
