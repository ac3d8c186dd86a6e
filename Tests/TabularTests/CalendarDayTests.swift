import Testing
@testable import Tabular

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test func epochCounts() {
        #expect(day(1970, 1, 1).daysSinceEpoch == 0)
        #expect(day(1970, 1, 2).daysSinceEpoch == 1)
        #expect(day(1969, 12, 31).daysSinceEpoch == -1)
        // 56 years of 365 days plus 14 leap days (1972...2024) to 2026-01-01, then 181 days to July.
        #expect(day(2026, 1, 1).daysSinceEpoch == 20_454)
        #expect(day(2026, 7, 1).daysSinceEpoch == 20_635)
        // 2000-01-01: 30 years, 7 leap days (1972...1996).
        #expect(day(2000, 1, 1).daysSinceEpoch == 10_957)
    }

    @Test func componentsRoundTrip() {
        for (y, m, d) in [(1800, 1, 1), (1899, 12, 31), (1969, 12, 31), (1970, 1, 1), (2000, 2, 29),
                          (2024, 2, 29), (2026, 7, 1), (2100, 3, 1), (2200, 12, 31)] {
            let c = day(y, m, d).components
            #expect(c.year == y && c.month == m && c.day == d, "\(y)-\(m)-\(d)")
        }
    }

    @Test func invalidDays() {
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDay(year: 2026, month: 1, day: 0) == nil)
        #expect(CalendarDay(year: 1799, month: 12, day: 31) == nil)
        #expect(CalendarDay(year: 2201, month: 1, day: 1) == nil)
    }

    @Test func isoWeekdays() {
        #expect(day(1970, 1, 1).isoWeekday == 4)     // Thursday
        #expect(day(1969, 12, 29).isoWeekday == 1)   // Monday
        #expect(day(1969, 12, 28).isoWeekday == 7)   // Sunday
        #expect(day(2026, 7, 1).isoWeekday == 3)     // Wednesday
        #expect(day(2026, 6, 29).isoWeekday == 1)
        #expect(day(2024, 12, 30).isoWeekday == 1)
    }

    @Test func isoWeeksInYear() {
        #expect(DateParser.isoWeeks(in: 2015) == 53)   // starts on a Thursday
        #expect(DateParser.isoWeeks(in: 2020) == 53)   // leap year starting on a Wednesday
        #expect(DateParser.isoWeeks(in: 2026) == 53)
        #expect(DateParser.isoWeeks(in: 2021) == 52)
        #expect(DateParser.isoWeeks(in: 2025) == 52)   // starts on a Wednesday, not leap
    }

    @Test func descriptionAndArithmetic() {
        #expect(day(2026, 7, 1).description == "2026-07-01")
        #expect(day(1999, 12, 31).adding(days: 1) == day(2000, 1, 1))
        #expect(day(2024, 3, 1).adding(days: -1) == day(2024, 2, 29))
        #expect(day(2026, 1, 1) < day(2026, 1, 2))
    }
}
