import Tabular

/// A stretch of zero census inside a unit's history: the unit closed (a renovation), not a
/// ward without patients.
///
/// ADT systems export a unit that stays on the bed board while closed with a midnight census
/// of 0 on each closed day. Learned as census, 21 such days in 4W Med-Surg (156 patient days in
/// every open week before and after) drew its weekly forecast to 127.6 and erased its shortage
/// (765.6 RN hours planned where 936 are needed, 26 FTE against 25 budgeted), while the same
/// closure with the days absent from the file planned 156. A closure's days are read as days
/// not recorded, as absent days are, and named.
///
/// A run of zero days is a closure when it spans `minimumDays` (7) calendar days or more from
/// its first zero to its last, with census above zero before and after it (days without a row
/// inside it do not break it: a weekday unit exports no weekends), in a unit whose other days
/// are rarely zero (at most `otherZeroShare`, one in ten, of them): a unit of few patients
/// that empties now and then (a swing bed, a step-down unit at night) keeps its zeros as the
/// census they are, and a run at the end of a unit's history (no census after it) is no
/// closure either (`CensusStop` judges a unit that stopped).
public enum CensusClosure {
    /// The fewest calendar days a run of zero census must span to be a closure: a week.
    public static let minimumDays = 7
    /// The largest share of a unit's other recorded days that may be zero for its runs of zero
    /// to read as closures.
    public static let otherZeroShare = 0.1

    /// The closures in one unit's census, first to last day of each run. `days` and `census`
    /// are its rows in any order; a day's rows are summed and days without a value (NaN) are
    /// not recorded.
    public static func runs(days: [CalendarDay], census: [Double]) -> [ClosedRange<CalendarDay>] {
        var byDay: [Int32: Double] = [:]
        for (day, value) in zip(days, census) where !value.isNaN { byDay[day.daysSinceEpoch, default: 0] += value }
        let recorded = byDay.sorted { $0.key < $1.key }
        var closures: [ClosedRange<Int>] = []
        var k = 0
        while k < recorded.count {
            guard recorded[k].value == 0 else { k += 1; continue }
            var end = k
            while end + 1 < recorded.count && recorded[end + 1].value == 0 { end += 1 }
            let spans = Int(recorded[end].key) - Int(recorded[k].key) + 1
            // Census before and after: the run is inside the unit's history.
            if k > 0, end + 1 < recorded.count, spans >= minimumDays { closures.append(k...end) }
            k = end + 1
        }
        guard !closures.isEmpty else { return [] }
        let inClosures = closures.reduce(0) { $0 + $1.count }
        let others = recorded.count - inClosures
        let otherZeros = recorded.filter { $0.value == 0 }.count - inClosures
        guard others > 0, Double(otherZeros) <= otherZeroShare * Double(others) else { return [] }
        return closures.map { CalendarDay(daysSinceEpoch: recorded[$0.lowerBound].key)...CalendarDay(daysSinceEpoch: recorded[$0.upperBound].key) }
    }
}
