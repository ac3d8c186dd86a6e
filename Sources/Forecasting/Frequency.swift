import Tabular

/// How finely a series is bucketed in time, with DESIGN.md's period labels:
/// day `2026-07-01`, week `2026-W27` (ISO, Monday start), month `2026-07`,
/// quarter `2026-Q3`, year `2026`.
///
/// A period is an integer index so that arithmetic (next period, gaps, horizons) is exact.
public enum Frequency: String, CaseIterable, Sendable {
    case day, week, month, quarter, year

    /// Shorter periods first: a day ranks below a week, a month below a quarter.
    public var rank: Int {
        switch self {
        case .day: return 0
        case .week: return 1
        case .month: return 2
        case .quarter: return 3
        case .year: return 4
        }
    }

    /// Whether the field is an ISO week's label as `aggregate` writes it (`2025-W40`).
    public static func namesISOWeek(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0, end = field.count
        while start < end && field[start] == 0x20 { start += 1 }
        while end > start && field[end - 1] == 0x20 { end -= 1 }
        guard end - start == 8, field[start + 4] == UInt8(ascii: "-"), field[start + 5] | 0x20 == UInt8(ascii: "w") else { return false }
        func digit(_ k: Int) -> Bool { field[start + k] &- 48 <= 9 }
        return digit(0) && digit(1) && digit(2) && digit(3) && digit(6) && digit(7)
    }

    /// The year or quarter a label names as a whole (`2026`, `2026-Q3`, as `aggregate` writes
    /// them), or nil for dates, months and other text. Such a label parses as its first day,
    /// so a year's total among monthly rows would otherwise be added to January.
    public static func longPeriodNamed(by field: UnsafeBufferPointer<UInt8>) -> Frequency? {
        var start = 0, end = field.count
        while start < end && field[start] == 0x20 { start += 1 }
        while end > start && field[end - 1] == 0x20 { end -= 1 }
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { field[$0] >= 48 && field[$0] <= 57 } }
        switch end - start {
        case 4 where digits(start..<end):
            return .year
        case 7 where digits(start..<start + 4) && (field[start + 4] == UInt8(ascii: "-") || field[start + 4] == UInt8(ascii: "/"))
            && field[start + 5] == UInt8(ascii: "Q") && digits(start + 6..<end):
            return .quarter
        default:
            return nil
        }
    }

    /// The usual seasonal cycle: a week of days, a year of weeks, months or quarters.
    public var defaultSeasonLength: Int {
        switch self {
        case .day: return 7
        case .week: return 52
        case .month: return 12
        case .quarter: return 4
        case .year: return 1
        }
    }

    /// Average days in one period, for converting demand rates between frequencies.
    public var averageDays: Double {
        switch self {
        case .day: return 1
        case .week: return 7
        case .month: return 365.2425 / 12
        case .quarter: return 365.2425 / 4
        case .year: return 365.2425
        }
    }

    /// Index of the period containing `day`.
    @inlinable
    public func period(of day: CalendarDay) -> Int {
        switch self {
        case .day:
            return Int(day.daysSinceEpoch)
        case .week:
            // 1969-12-29 (day -3) was a Monday.
            let shifted = Int(day.daysSinceEpoch) + 3
            return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        case .month:
            let c = day.components
            return c.year * 12 + c.month - 1
        case .quarter:
            let c = day.components
            return c.year * 4 + (c.month - 1) / 3
        case .year:
            return day.components.year
        }
    }

    /// First day of a period.
    public func firstDay(of period: Int) -> CalendarDay {
        switch self {
        case .day: return CalendarDay(daysSinceEpoch: Int32(period))
        case .week: return CalendarDay(daysSinceEpoch: Int32(period * 7 - 3))
        case .month: return CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: floorDiv(period, 12), month: floorMod(period, 12) + 1, day: 1)))
        case .quarter: return CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: floorDiv(period, 4), month: floorMod(period, 4) * 3 + 1, day: 1)))
        case .year: return CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: period, month: 1, day: 1)))
        }
    }

    /// Number of days in a period (months and years vary).
    public func days(in period: Int) -> Int {
        Int(firstDay(of: period + 1).daysSinceEpoch - firstDay(of: period).daysSinceEpoch)
    }

    /// The label DESIGN.md fixes for a period.
    public func label(_ period: Int) -> String {
        switch self {
        case .day:
            return firstDay(of: period).description
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = firstDay(of: period).adding(days: 3)
            let year = thursday.components.year
            let jan4 = CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: year, month: 1, day: 4)))
            let week1 = self.period(of: jan4)
            let week = period - week1 + 1
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            let month = floorMod(period, 12) + 1
            return "\(floorDiv(period, 12))-\(month < 10 ? "0" : "")\(month)"
        case .quarter:
            return "\(floorDiv(period, 4))-Q\(floorMod(period, 4) + 1)"
        case .year:
            return String(period)
        }
    }

    /// Reads a label this frequency writes (or any date inside the period).
    public func period(ofLabel label: String) -> Int? {
        // A year label (`2026`) is not a date shape the parser accepts on its own.
        if self == .year, label.utf8.count == 4, label.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           let year = Int(label), CalendarDay.supportedYears.contains(year) {
            return year
        }
        return DateParser().parse(label).map { period(of: $0) }
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

extension Frequency {
    /// A year in periods when it is a second cycle longer than the default season (days: the
    /// week is the season, the year the long cycle); nil when the season already is the year.
    public var longCycle: Double? { self == .day ? 365.2425 : nil }

    /// The fewest empty periods, at the end of a history never empty before, that read as a
    /// stop (`LevelShift.stop`): two months, quarters or years; three weeks, as a fortnight's
    /// closure empties two without a stop; fourteen days. Days have common causes of empty
    /// spells that the chance rule cannot see, as a series' own history need not show them: a
    /// long weekend with a day or two of posting lag, a clinic closed from Christmas Eve to
    /// 2 January (ten days). At three days, heparin used 6 to 14 every day for 18 months with
    /// its last 3 days empty was forecast 18 doses over 28 days for about 280; two weeks empty
    /// after a steady history is past a holiday closure and a late export, while a stop is
    /// still named a fortnight before the 28 days `reorder` waits.
    public var shortestStop: Int {
        switch self {
        case .day: 14
        case .week: 3
        default: 2
        }
    }
}
