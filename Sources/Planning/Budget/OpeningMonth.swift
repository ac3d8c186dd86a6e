/// A ledger line's first month when the line opened within it (a service line started on the
/// 15th): the month holds part of a month's spending or revenue, and read as a whole one it
/// pulls the line's forecast down. A line opened mid-September at $10,000 a month booked
/// $5,000 that month, and its forecast came out at $8,783 a month from the four months.
///
/// Only for lines booked for under a year, where one month weighs on the forecast, and only
/// when the month stands out: every month booked above zero and the first at most half the
/// median of the others. A line that merely starts with the export has a whole first month
/// and keeps it; with a year or more the seasonal models see the month for what it is.
public enum OpeningMonth {
    /// Whether `amounts`, a line's months in order from its first booked to as-of, begin with
    /// a part month: 3 to 11 months, all above zero, the first at most half the others' median.
    public static func isPart(_ amounts: [Double]) -> Bool {
        guard (3..<12).contains(amounts.count), amounts.allSatisfy({ $0 > 0 }) else { return false }
        let rest = amounts.dropFirst().sorted()
        return amounts[0] <= Median.of(sorted: rest) / 2
    }
}
