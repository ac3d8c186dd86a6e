import CGSL

/// The weekdays one series is used on, told from its own rows: the item of a clinic closed at
/// weekends in a health system's export whose wards record every day.
///
/// The file's weekdays (`RowDays.openWeekdays`) come from all of its rows, and a ward's
/// Saturdays opened them for every series. A clinic item used 10 on each weekday, beside a ward
/// item, was then read as used on five days in seven: by day an intermittent series forecast at
/// 7.0 every day, weekends too; by month its totals were scaled by their calendar days (221.5 in
/// July and in August 2026 for 230 and 210, the weekdays' 23 and 21 times 10). On its own
/// weekdays it is a steady 10 a day, and its months are as long as their weekdays.
///
/// A weekday is closed for the series when chance cannot explain how seldom it is used: at the
/// rate of use of the series' other weekdays, as few periods with use on it (or fewer) would
/// happen with probability under `chance`, and it has use in a tenth of its periods at most. A
/// stray posting on a Saturday closes nothing by itself being there; a clinic that began to open
/// on Saturdays half a year ago keeps them open. Results depend on the series alone.
///
/// By day, a weekday the series has begun to use lately stays open however seldom its whole
/// history holds it (`isInRecentUse`): an item used on weekends in only its last 8 to 15 weeks
/// of two years has use on them in under a tenth of their days, and was forecast 0 at weekends
/// once stray use no longer kept a series on every day. By month a weekday used in three months
/// of two years is over the tenth already, and periods' masks are judged on the whole history
/// alone.
public struct SeriesWeekdays: Sendable {
    /// Below this probability a weekday's scarcity is no accident (one in ten thousand: over 100,000
    /// series an item used at random is closed a weekday about ten times, each time one it
    /// hardly used).
    static let chance = 1e-4

    /// The weeks through a daily series' last use that tell whether it uses a weekday lately:
    /// eight, long enough that an item used on one day in two shows about four uses on each of
    /// its weekdays, short enough that a weekday begun two months ago fills them.
    static let recentWeeks = 8

    /// Periods with use on each ISO weekday (index 0 is Monday), and periods that hold that
    /// weekday between the series' first and last use.
    private var used = [Int](repeating: 0, count: 7)
    private var possible = [Int](repeating: 0, count: 7)
    /// Days with use on each weekday in the `recentWeeks` weeks through the last use (by day
    /// only: from periods' masks, 0).
    private var recent = [Int](repeating: 0, count: 7)
    /// Days of each weekday from its first use in those weeks through the last use (0 when
    /// none): a weekday begun three weeks ago holds 3, however many the window holds.
    private var recentSpan = [Int](repeating: 0, count: 7)

    /// From a daily history whose first day is period `first` (`Frequency.day`): a day with use
    /// is one with a positive value. A 0 is a day without use, whether an export listed it or
    /// not, and so is a day of returns: stock comes back on whatever day it is counted, and a
    /// clinic's Saturday credits do not make it open on Saturdays.
    public init(daily history: [Double], first: Int) {
        guard let from = history.firstIndex(where: SeriesWeekdays.isUse),
              let through = history.lastIndex(where: SeriesWeekdays.isUse) else { return }
        var weekday = Frequency.day.firstDay(of: first + from).isoWeekday - 1
        let recentFrom = through - 7 * SeriesWeekdays.recentWeeks + 1
        for k in from...through {
            possible[weekday] += 1
            if SeriesWeekdays.isUse(history[k]) {
                used[weekday] += 1
                if k >= recentFrom {
                    if recent[weekday] == 0 { recentSpan[weekday] = (through - k) / 7 + 1 }
                    recent[weekday] += 1
                }
            }
            weekday = weekday == 6 ? 0 : weekday + 1
        }
    }

    /// From the weekdays of each period's rows (bit `w - 1` for ISO weekday `w`), one period after
    /// the other: periods of a week or longer hold every weekday.
    public init(masks: some Sequence<UInt8>) {
        var periodsSinceUse = 0, seen = false
        for mask in masks {
            if mask == 0 {
                if seen { periodsSinceUse += 1 }
                continue
            }
            // Periods between two with use count as possible; those after the last do not.
            for w in 0..<7 { possible[w] += periodsSinceUse + 1 }
            periodsSinceUse = 0
            seen = true
            for w in 0..<7 where mask & (1 << UInt8(w)) != 0 { used[w] += 1 }
        }
    }

    private static func isUse(_ value: Double) -> Bool { value > 0 }

    /// The weekdays of `file` the series is used on (`file` itself when none is closed).
    public func open(within file: OpenWeekdays) -> OpenWeekdays {
        var mask = file.mask
        for w in 0..<7 where file.mask & (1 << UInt8(w)) != 0 && isScarce(w, besides: file.mask) { mask &= ~(1 << UInt8(w)) }
        return OpenWeekdays(mask: mask)
    }

    /// Whether the series' use on the weekdays outside `own` (`open(within: file)`) is stray
    /// use alone, which a daily forecast on `own` may leave to its open days
    /// (`OpenDaySeries.applies(to:first:strays:)`): the weekdays of `file` it closed are so by
    /// that rule, and a weekday the file itself does not record must pass the same test against
    /// the series' own weekdays. A biopsy kit used on about every other Monday, Wednesday,
    /// Thursday and Friday, once on a Tuesday and on 3 Sundays in two years, was closed on
    /// Tuesdays and weekends by month, while by day its stray uses kept every day open at
    /// 0.583; a clinic item used on Saturdays in half the weeks of a file that records no
    /// Saturday, or on each of its last eight, is used on them, and forecast as it is.
    public func onlyStrayUse(outside own: OpenWeekdays, within file: OpenWeekdays) -> Bool {
        for w in 0..<7 where own.mask & (1 << UInt8(w)) == 0 && used[w] > 0 {
            guard file.mask & (1 << UInt8(w)) != 0 || isScarce(w, besides: own.mask) else { return false }
        }
        return true
    }

    /// Whether weekday `w` has use in a tenth of its periods at most and, at the rate of use of
    /// the weekdays of `mask` other than `w`, as few periods with use or fewer would happen with
    /// probability under `chance`, and is not in recent use (`isInRecentUse`).
    private func isScarce(_ w: Int, besides mask: UInt8) -> Bool {
        guard possible[w] > 0, 10 * used[w] <= possible[w], !isInRecentUse(w, besides: mask) else { return false }
        var othersUsed = 0, othersPossible = 0
        for v in 0..<7 where v != w && mask & (1 << UInt8(v)) != 0 {
            othersUsed += used[v]
            othersPossible += possible[v]
        }
        guard othersPossible > 0, othersUsed > 0 else { return false }
        let rate = min(1, Double(othersUsed) / Double(othersPossible))
        let tail = rate >= 1 ? (used[w] < possible[w] ? 0 : 1) : gsl_cdf_binomial_P(UInt32(used[w]), rate, UInt32(possible[w]))
        return tail < SeriesWeekdays.chance
    }

    /// Whether weekday `w` is used in the series' last `recentWeeks` weeks: on two days at
    /// least, and either on half as many days at least as the busiest of its other weekdays
    /// (those of `mask`), or on half its days at least from its first use there through the
    /// series' last. The first is the file's own test of a weekday it records
    /// (`DaySet.openWeekdays`: rows in half as many weeks as its busiest weekday) put to the
    /// series' recent weeks; the second keeps a weekday begun under four weeks ago, which
    /// cannot fill half the window yet (a weekend begun three weeks ago, 3 of 3 beside 8, was
    /// closed and its use read with the Mondays: 30 each Monday for 10 a day). One use is a
    /// stray wherever it falls. A clinic item used on its weekends for its last ten weeks of
    /// two years is used on them (8 of 8 beside 8); a kit used on every other Monday with a
    /// stray Sunday last month is not (1 of 8 beside 4), nor one with two stray Sundays six
    /// weeks apart (2 of 7 beside 8).
    private func isInRecentUse(_ w: Int, besides mask: UInt8) -> Bool {
        guard recent[w] >= 2 else { return false }
        if 2 * recent[w] >= recentSpan[w] { return true }
        var busiest = 0
        for v in 0..<7 where v != w && mask & (1 << UInt8(v)) != 0 { busiest = max(busiest, recent[v]) }
        return 2 * recent[w] >= busiest
    }
}
