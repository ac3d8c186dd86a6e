import Forecasting
import Tabular

/// Which day of its pay period a timekeeping row of two-week totals is dated by: the last
/// (the two ISO weeks ending with the date's week, as `RowDays.firstDayOfWeeklyRow` reads
/// them) or the first (the two ISO weeks the period mostly falls in from its date on).
///
/// A Sunday is ambiguous: it ends an ISO week (a Monday-to-Sunday period dated by its last
/// day) and begins a Sunday-to-Saturday pay period, which many payroll reports date by their
/// "Pay Period Begin". Read as the last day, a summary of 96-hour periods dated 12/28, 1/11,
/// ... (census from Sunday 12/28) had every period's hours placed on the two weeks before it
/// (12/15-12/28): recent hours per patient day read 5.79 for 5.49 and `below_target_hppd`
/// was lost. The reading is, in order:
/// 1. the date column's header: `begin`, `beginning`, `start`, `starting` or `from` is the
///    first day; `end`, `ending`, `through` or `thru` the last;
/// 2. rows dated on one weekday: the reading whose periods share more days with the census
///    (the file above covers 83 census days read forwards, 71 backwards). Not only Sundays:
///    Monday-to-Sunday periods dated by their Monday under a plain `Pay Period` header (the
///    commonest US payroll calendar) were read as ending on it, each period's hours a week
///    early: census 20 a day for 5 periods then 26 for 2, every period at 5.6 HPPD, read
///    5.73 (the first period on the week before the census, the census's last week "not
///    covered") and `below_target_hppd` was lost; read forwards the periods are the census's;
/// 3. otherwise (no census, or both readings cover it alike) the last day, as before.
public struct PayPeriodDating: Sendable, Equatable {
    public enum Day: Sendable, Equatable { case first, last }
    public enum Evidence: Sendable, Equatable { case header, census, assumed }

    public var day: Day
    public var evidence: Evidence

    public init(day: Day, evidence: Evidence) {
        self.day = day
        self.evidence = evidence
    }

    /// The reading of rows `rowDays` (two-week totals) whose date column is headed `header`,
    /// beside a census recorded from `census.first` to `census.last` (nil without one).
    public static func of(_ rowDays: RowDays, header: String?, census: (first: CalendarDay, last: CalendarDay)?) -> PayPeriodDating {
        let words = Set((header ?? "").lowercased().split { !$0.isLetter }.map(String.init))
        if !words.isDisjoint(with: ["begin", "beginning", "start", "starting", "from"]) { return PayPeriodDating(day: .first, evidence: .header) }
        if !words.isDisjoint(with: ["end", "ending", "through", "thru"]) { return PayPeriodDating(day: .last, evidence: .header) }
        guard rowDays.first.isoWeekday == rowDays.last.isoWeekday, let census, census.first <= census.last else {
            return PayPeriodDating(day: .last, evidence: .assumed)
        }
        func shared(_ from: CalendarDay, _ through: CalendarDay) -> Int {
            max(0, Int(min(through, census.last).daysSinceEpoch) - Int(max(from, census.first).daysSinceEpoch) + 1)
        }
        let backwards = shared(firstDay(of: rowDays.first, in: rowDays, reading: .last), firstDay(of: rowDays.last, in: rowDays, reading: .last).adding(days: 13))
        let forwards = shared(firstDay(of: rowDays.first, in: rowDays, reading: .first), firstDay(of: rowDays.last, in: rowDays, reading: .first).adding(days: 13))
        return PayPeriodDating(day: forwards > backwards ? .first : .last, evidence: forwards == backwards ? .assumed : .census)
    }

    /// The first of the 14 days a row dated `day` is spread over.
    public func firstDay(of day: CalendarDay, in rowDays: RowDays) -> CalendarDay {
        Self.firstDay(of: day, in: rowDays, reading: self.day)
    }

    /// Read as the first day, the two ISO weeks from the week holding most of the period: a
    /// period begun Monday to Thursday starts in its date's week, one begun Friday to Sunday
    /// in the week after (a Sunday-to-Saturday period is 13 of its 14 days there).
    static func firstDay(of day: CalendarDay, in rowDays: RowDays, reading: Day) -> CalendarDay {
        switch reading {
        case .last: return rowDays.firstDayOfWeeklyRow(day)
        case .first: return rowDays.fortnightWeek(of: day).adding(days: day.isoWeekday >= 5 ? 7 : 0)
        }
    }
}
