/// A calendar date without time zone, stored as days since 1970-01-01.
///
/// Exports carry dates, not instants; a plain day count keeps period arithmetic
/// (weeks, months, fiscal quarters) exact and cheap, with no time-zone surprises.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var daysSinceEpoch: Int32

    @inlinable
    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// Builds a day from a valid year, month and day; returns nil when the date does not exist.
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDay.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.daysSinceEpoch = Int32(CalendarDay.days(year: year, month: month, day: day))
    }

    /// Years outside this range are almost always typos (year 0, 9999) in hospital exports.
    public static let supportedYears = 1800...2200

    @inlinable
    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    @inlinable
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
    @inlinable
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of this date.
    @inlinable
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday, Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday).
    @inlinable
    public var isoWeekday: Int {
        let r = (Int(daysSinceEpoch) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The day's bit in a set of weekdays: bit `w - 1` for ISO weekday `w`.
    @inlinable
    public var weekdayBit: UInt8 { 1 << UInt8(isoWeekday - 1) }

    @inlinable
    public func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

    /// The Monday and the Sunday of the ISO week holding this day.
    public var startOfISOWeek: CalendarDay { adding(days: 1 - isoWeekday) }
    public var endOfISOWeek: CalendarDay { adding(days: 7 - isoWeekday) }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }
}
