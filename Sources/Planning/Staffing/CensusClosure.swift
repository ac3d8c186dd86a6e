import Forecasting
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
    ///
    /// Only the unit's open weekdays count (`OpenWeekdays` of its days with patients): a
    /// Monday-to-Friday PACU whose bed board lists 0 every Saturday and Sunday had 2 in 7 of its
    /// days zero, over the one-in-ten share, so its 3-week renovation (2026-01-12 to 01-30) was
    /// learned as census, 83.06 patient days a week planned for 100 and its shortage lost. Its
    /// weekends are closed days, not zero census: left out of the runs and of the share. Zero
    /// days before the unit's first census (`notYetOpen`) are not counted among the others.
    public static func runs(days: [CalendarDay], census: [Double]) -> [ClosedRange<CalendarDay>] {
        var byDay: [Int32: Double] = [:]
        for (day, value) in zip(days, census) where !value.isNaN { byDay[day.daysSinceEpoch, default: 0] += value }
        let open = OpenWeekdays(recordedOn: byDay.filter { $0.value > 0 }.keys.map { CalendarDay(daysSinceEpoch: $0) }) ?? .all
        let all = byDay.sorted { $0.key < $1.key }
        var recorded = all.filter { open.contains(CalendarDay(daysSinceEpoch: $0.key)) }
        // (The days before the unit opened are neither a closure nor census.)
        if let opening = recorded.firstIndex(where: { $0.value > 0 }) { recorded.removeFirst(opening) }
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
        // A closure runs on over the closed weekdays' zeros that follow it (the weekend after a
        // Friday's last closed day): kept, they made the week the unit reopened after a week of
        // two zero days, read as 0 and the forecast 88.36 for 100.
        return closures.map { run in
            var end = recorded[run.upperBound].key
            for (day, value) in all where day > end {
                guard value == 0, !open.contains(CalendarDay(daysSinceEpoch: day)) else { break }
                end = day
            }
            return CalendarDay(daysSinceEpoch: recorded[run.lowerBound].key)...CalendarDay(daysSinceEpoch: end)
        }
    }

    /// The zero days a unit's census lists before its first census above zero, first to last,
    /// when they span `minimumDays` or more: a unit on the bed board before it opens, not a
    /// unit of no patients. 4W Med-Surg, listed with 0 for 13 weeks and then at 140 patient days
    /// for 8, was planned at 83.7 a week (502 RN hours where 840 are needed, 20 budgeted FTE
    /// against 23.33 required read as a 6 FTE surplus, the shortage lost). Its history starts
    /// at its first day of census; nil for a unit with no such run (or no census above zero:
    /// a unit never open is left as it is). Zeros at the end of a history stay census: a unit
    /// that closed has 0 (`CensusStop` judges it).
    public static func notYetOpen(days: [CalendarDay], census: [Double]) -> ClosedRange<CalendarDay>? {
        var first: CalendarDay?, opening: CalendarDay?
        for (day, value) in zip(days, census) where !value.isNaN {
            if value > 0 { opening = min(opening ?? day, day) } else { first = min(first ?? day, day) }
        }
        guard let first, let opening, first < opening else { return nil }
        var lastZero = first
        for (day, value) in zip(days, census) where value == 0 && day < opening { lastZero = max(lastZero, day) }
        return CensusStop.daysBetween(first, opening) >= minimumDays ? first...lastZero : nil
    }
}
