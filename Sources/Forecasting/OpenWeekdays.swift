import Tabular

/// The weekdays on which a file records anything: a clinic closed at weekends never has a row
/// on a Saturday or a Sunday.
///
/// Its days are the ones that count. An export through Friday 28 November covers November to
/// the end (the 29th and 30th are a weekend it never records), so the month is not partial;
/// and its months are as long as their open days (20 to 23), so steady use on each of them
/// forecasts the same per open day, as a seven-day ward's forecasts the same per calendar day.
public struct OpenWeekdays: Sendable, Equatable {
    /// Bit `w - 1` is set for ISO weekday `w` (1 is Monday).
    public let mask: UInt8

    public static let all = OpenWeekdays(mask: 0x7F)

    public init(mask: UInt8) { self.mask = mask & 0x7F }

    /// The weekdays a file's rows record (`DaySet.openWeekdays`), or nil when its days are too
    /// few or too sparse to tell.
    public init?(recordedOn days: some Sequence<CalendarDay>) {
        var set = DaySet()
        for day in days { set.insert(day.daysSinceEpoch) }
        guard let open = set.openWeekdays else { return nil }
        self = open
    }

    /// Whether no day of `first` through `last` is open (true when `last` is before `first`).
    public func noneOpen(from first: CalendarDay, through last: CalendarDay) -> Bool { count(from: first, through: last) == 0 }

    /// Open days in a week.
    public var count: Int { mask.nonzeroBitCount }

    public func contains(_ day: CalendarDay) -> Bool { mask & (1 << (day.isoWeekday - 1)) != 0 }

    /// Open days from `first` through `last`; 0 when `last` is before `first`.
    public func count(from first: CalendarDay, through last: CalendarDay) -> Int {
        let days = Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1
        guard days > 0 else { return 0 }
        var open = days / 7 * count
        for k in 0..<days % 7 where contains(first.adding(days: k)) { open += 1 }
        return open
    }

    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The weekdays in words, runs of three or more as a span: "Monday to Friday",
    /// "Monday, Wednesday and Friday", "Monday to Wednesday and Saturday".
    public var names: String {
        var parts: [String] = [], w = 0
        while w < 7 {
            guard mask & (1 << UInt8(w)) != 0 else { w += 1; continue }
            var end = w
            while end + 1 < 7 && mask & (1 << UInt8(end + 1)) != 0 { end += 1 }
            if end - w >= 2 {
                parts.append("\(Self.dayNames[w]) to \(Self.dayNames[end])")
            } else {
                parts += Self.dayNames[w...end]
            }
            w = end + 1
        }
        guard parts.count > 1 else { return parts.first ?? "no weekday" }
        return parts.joinedWithAnd
    }

    /// Open days in one period.
    public func days(in period: Int, of frequency: Frequency) -> Int {
        guard self != .all else { return frequency.days(in: period) }
        return count(from: frequency.firstDay(of: period), through: frequency.firstDay(of: period + 1).adding(days: -1))
    }

    /// Open days in a period of average length.
    public func averageDays(of frequency: Frequency) -> Double {
        self == .all ? frequency.averageDays : frequency.averageDays * Double(count) / 7
    }
}
