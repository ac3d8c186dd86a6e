import Tabular

/// The three fiscal years of history (July start, named by the year they end):
/// FY2024 = 2023-07-01 .. 2024-06-30, FY2025, FY2026 = 2025-07-01 .. 2026-06-30.
/// Days are indexed 0 ..< dayCount from 2023-07-01; months 0 ..< 36 from 2023-07.
final class DemoCalendar: Sendable {
    static let firstDay = CalendarDay(year: 2023, month: 7, day: 1)!
    static let lastDay = CalendarDay(year: 2026, month: 6, day: 30)!
    static let firstFiscalYear = 2024
    static let fiscalYears = 3

    let dayCount: Int
    let monthCount: Int
    /// Per day: calendar parts, ISO weekday (Mon = 1), month index, fiscal year index.
    let year: [Int], month: [Int], dayOfMonth: [Int], weekday: [Int]
    let monthIndex: [Int], fiscalIndex: [Int], dayOfYear: [Int]
    let isHoliday: [Bool]
    /// First day index of each month and its length.
    let monthStart: [Int], monthLength: [Int]
    /// Export texts of each day: `7/1/2023` and `2023-07-01`.
    let usDate: [[UInt8]], isoDate: [[UInt8]]

    init() {
        let first = Int(DemoCalendar.firstDay.daysSinceEpoch)
        dayCount = Int(DemoCalendar.lastDay.daysSinceEpoch) - first + 1
        var year: [Int] = [], month: [Int] = [], dom: [Int] = [], weekday: [Int] = []
        var monthIndex: [Int] = [], fiscal: [Int] = [], doy: [Int] = [], holiday: [Bool] = []
        var us: [[UInt8]] = [], iso: [[UInt8]] = []
        var monthStart: [Int] = [], monthLength: [Int] = []
        for d in 0..<dayCount {
            let day = CalendarDay(daysSinceEpoch: Int32(first + d))
            let c = day.components
            year.append(c.year); month.append(c.month); dom.append(c.day)
            weekday.append(day.isoWeekday)
            let m = (c.year - 2023) * 12 + c.month - 7
            if c.day == 1 { monthStart.append(d); monthLength.append(CalendarDay.daysIn(month: c.month, year: c.year)) }
            monthIndex.append(m)
            fiscal.append((c.year + (c.month >= 7 ? 1 : 0)) - DemoCalendar.firstFiscalYear)
            doy.append(CalendarDay.days(year: c.year, month: c.month, day: c.day) - CalendarDay.days(year: c.year, month: 1, day: 1))
            holiday.append(DemoCalendar.isUSHoliday(year: c.year, month: c.month, day: c.day, weekday: day.isoWeekday))
            us.append(Array("\(c.month)/\(c.day)/\(c.year)".utf8))
            iso.append(Array(day.description.utf8))
        }
        self.year = year; self.month = month; self.dayOfMonth = dom; self.weekday = weekday
        self.monthIndex = monthIndex; self.fiscalIndex = fiscal; self.dayOfYear = doy; self.isHoliday = holiday
        self.usDate = us; self.isoDate = iso
        self.monthStart = monthStart; self.monthLength = monthLength
        monthCount = monthStart.count
    }

    /// Day index of a date inside the history.
    static func index(_ year: Int, _ month: Int, _ day: Int) -> Int {
        Int(CalendarDay(year: year, month: month, day: day)!.daysSinceEpoch - firstDay.daysSinceEpoch)
    }

    /// Month index of a calendar month (2023-07 = 0).
    static func monthIndex(_ year: Int, _ month: Int) -> Int { (year - 2023) * 12 + month - 7 }

    /// `2025-07` for month index 24.
    static func periodLabel(_ m: Int) -> String {
        let year = 2023 + (m + 6) / 12, month = (m + 6) % 12 + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// `FY2026` for fiscal index 2.
    static func fiscalLabel(_ f: Int) -> String { "FY\(firstFiscalYear + f)" }

    /// Last calendar day of month `m`, as `M/D/YYYY` (GL period end dates).
    static func monthEndUS(_ m: Int) -> String {
        let year = 2023 + (m + 6) / 12, month = (m + 6) % 12 + 1
        return "\(month)/\(CalendarDay.daysIn(month: month, year: year))/\(year)"
    }

    /// New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving, Christmas:
    /// the clinics close, elective surgery pauses.
    static func isUSHoliday(year: Int, month: Int, day: Int, weekday: Int) -> Bool {
        switch (month, day) {
        case (1, 1), (7, 4), (12, 25): return true
        default: break
        }
        if month == 5 && weekday == 1 && day + 7 > 31 { return true }            // last Monday of May
        if month == 9 && weekday == 1 && day <= 7 { return true }                // first Monday of September
        if month == 11 && weekday == 4 && day > 21 && day <= 28 { return true }  // fourth Thursday of November
        return false
    }

    // MARK: seasonality

    /// Smooth annual wave, +1 in mid-January, -1 in mid-July.
    func winter(_ d: Int) -> Double {
        DetMath.cos(DetMath.twoPi * Double(dayOfYear[d] - 18) / 365.25)
    }

    /// Respiratory virus season intensity (0 in summer, about 1 at a typical peak): one
    /// Gaussian bump per season with its own peak date and strength, so the three winters
    /// differ like real ones: an early 2023-24, a severe late 2024-25, and a 2025-26 season
    /// exactly as budgeted (the typical curve of `CensusGenerator.typicalRespiratory`).
    static let respiratorySeasons: [(peak: (Int, Int, Int), strength: Double, width: Double)] = [
        ((2024, 1, 8), 1.0, 28),
        ((2025, 2, 3), 1.35, 30),
        ((2026, 1, 20), 1.0, 30),
    ]

    func respiratory(_ d: Int) -> Double {
        var total = 0.0
        for season in DemoCalendar.respiratorySeasons {
            let peak = DemoCalendar.index(season.peak.0, season.peak.1, season.peak.2)
            let z = Double(d - peak) / season.width
            if abs(z) < 6 { total += season.strength * DetMath.exp(-0.5 * z * z) }
        }
        return total
    }
}
