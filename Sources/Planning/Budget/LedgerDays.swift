import Forecasting
import Tabular

/// The days a general ledger dated by the day posts on, and whether its first and last months
/// are covered only in part.
///
/// A month is judged by the ledger's own posting days, not by a fixed count of calendar days:
/// a GL detail extract taken as "the last N days" began on Wednesday 14 October, and its
/// October (18 of 31 days, the lease posted on the 1st not in it) was read as a booked month,
/// every line 33-40% favorable and the year end $178,001 under budget where the whole month
/// gives $108,011 over. An extract that posts every weekday and was pulled on Tuesday 26
/// January held 17 of January's 21 posting days; stopping 6 calendar days short it passed the
/// old rule (a week or more short), and the year end read $71,103 under budget for $30,117
/// over. A ledger that stops on the last business day before a month-end weekend (Friday 29
/// January), or two posting days short (holidays: `isShort`), is whole.
public struct LedgerDays: Sendable {
    /// The first month, or the last, as the ledger covers it in part.
    public struct Part: Sendable, Equatable {
        /// The month (a `Frequency.month` period).
        public var month: Int
        /// The days of it the ledger covers: from its first posting to the month's end, or
        /// from the month's start to its last posting.
        public var from: CalendarDay, through: CalendarDay
        /// The ledger's posting days in the month outside what it covers (weekdays, for a
        /// ledger that posts on weekdays).
        public var missingPostingDays: Int

        /// Calendar days covered, and the month's length.
        public var daysCovered: Int { Int(through.daysSinceEpoch - from.daysSinceEpoch) + 1 }
        public var daysInMonth: Int { CalendarDay.daysIn(month: from.components.month, year: from.components.year) }
    }

    /// The distinct posting days, in order.
    public let days: [CalendarDay]
    /// ISO weekdays (1 = Monday) the ledger posts on: a weekday with postings in under half as
    /// many weeks as the busiest is not one (a Saturday journal now and then), once the ledger
    /// spans four weeks and its busiest weekday posts in half of them; else every weekday it
    /// posts on at all.
    public let postingWeekdays: Set<Int>
    /// The longest run of posting weekdays without a posting between the first and the last
    /// posting (a holiday is 1, Thanksgiving's Thursday and Friday 2): a ledger that skips as
    /// many inside is not short at its ends for skipping as many there.
    public let longestGap: Int

    /// The posting days of a ledger dated by the day: posting on eight days of one month or
    /// more. A ledger of month totals (one date a month, the 1st or the last day) or of a few
    /// journals a month is not, and has nil.
    public init?(_ given: some Sequence<CalendarDay>) {
        let days = Array(Set(given)).sorted()
        var perMonth: [Int: Int] = [:]
        for day in days { perMonth[Frequency.month.period(of: day), default: 0] += 1 }
        guard let first = days.first, let last = days.last, (perMonth.values.max() ?? 0) >= 8 else { return nil }
        self.days = days
        var weeksByWeekday = [Int](repeating: 0, count: 8)
        for day in days { weeksByWeekday[day.isoWeekday] += 1 }
        let span = Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1, busiest = weeksByWeekday.max() ?? 0
        if span >= 28 && 2 * busiest >= span / 7 && busiest >= 4 {
            postingWeekdays = Set((1...7).filter { 2 * weeksByWeekday[$0] >= busiest })
        } else {
            postingWeekdays = Set((1...7).filter { weeksByWeekday[$0] > 0 })
        }
        let posted = Set(days.map(\.daysSinceEpoch))
        var run = 0, longest = 0
        for offset in 0..<span {
            let day = first.adding(days: offset)
            guard postingWeekdays.contains(day.isoWeekday) else { continue }
            if posted.contains(day.daysSinceEpoch) { run = 0 } else { run += 1; longest = max(longest, run) }
        }
        longestGap = longest
    }

    /// The posting weekdays from `start` through `end`, both included (none when end < start).
    func postingDays(from start: CalendarDay, through end: CalendarDay) -> Int {
        guard end >= start else { return 0 }
        return (0...Int(end.daysSinceEpoch - start.daysSinceEpoch)).filter { postingWeekdays.contains(start.adding(days: $0).isoWeekday) }.count
    }

    /// Whether a month's end missing `postingDays` of the ledger's posting days and
    /// `calendarDays` calendar days is missing part of the month: more than `holidayDays`
    /// posting days and more than the ledger ever skips inside, or a week or more.
    ///
    /// Two posting days may be holidays: a weekday ledger of January to March 2026 beginning
    /// Monday 5 January (Thursday 1 January New Year's Day, Friday 2 January a bank holiday in
    /// Scotland and New Zealand and an office closure in many US finance teams) had January
    /// flagged partial on every line, its quarter and its year to date, left out of every
    /// forecast, with advice to "re-export from 1 January" from a file that began at its first
    /// posting; a short ledger has no skip inside long enough to compare with.
    func isShort(postingDays: Int, calendarDays: Int) -> Bool {
        (postingDays > Self.holidayDays && postingDays > longestGap) || calendarDays >= 7
    }

    /// The posting days at a month's end or start that may be holidays (New Year's Day and the
    /// day after; Memorial Day and the Friday before a long weekend).
    public static let holidayDays = 2

    /// The first month when the ledger begins part-way through it (an extract from the 14th).
    public var partialFirstMonth: Part? {
        guard let first = days.first, let last = days.last else { return nil }
        let month = Frequency.month.period(of: first), start = Frequency.month.firstDay(of: month)
        let missing = postingDays(from: start, through: first.adding(days: -1))
        guard isShort(postingDays: missing, calendarDays: Int(first.daysSinceEpoch - start.daysSinceEpoch)) else { return nil }
        // A ledger of that month alone, stopping short of its end too, covers up to its last day.
        let end = Frequency.month.firstDay(of: month + 1).adding(days: -1)
        return Part(month: month, from: first, through: partialLastMonth?.month == month ? last : end, missingPostingDays: missing)
    }

    /// The last month when the ledger stops part-way through it (an extract taken on the 26th).
    public var partialLastMonth: Part? {
        guard let last = days.last else { return nil }
        let month = Frequency.month.period(of: last), end = Frequency.month.firstDay(of: month + 1).adding(days: -1)
        let missing = postingDays(from: last.adding(days: 1), through: end)
        guard isShort(postingDays: missing, calendarDays: Int(end.daysSinceEpoch - last.daysSinceEpoch)) else { return nil }
        return Part(month: month, from: Frequency.month.firstDay(of: month), through: last, missingPostingDays: missing)
    }

    /// How the ledger's posting days read in a note: "weekdays", "every day", or the weekdays.
    public var postingDaysDescription: String {
        if postingWeekdays.count == 7 { return "days" }
        if postingWeekdays == Set(1...5) { return "weekdays" }
        let names = ["", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        return postingWeekdays.sorted().map { names[$0] }.listed(upTo: 7)
    }
}
