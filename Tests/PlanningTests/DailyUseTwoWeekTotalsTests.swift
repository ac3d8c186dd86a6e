import Forecasting
import Tabular
import Testing
@testable import Planning

/// Purchasing's daily use from a biweekly usage export (`DailyUse.rowWeeks`).
@Suite struct DailyUseTwoWeekTotalsTests {
    /// The review's heparin: 1,400 every other Saturday from 4 October 2025 to 21 March 2026, a
    /// flat 100 a day. The usage runs to Sunday 22 March; the 21 days back from it (2 to 22
    /// March) hold 100 a day. Spread over one week before the fix, the weeks of 2 and 16 March
    /// held 200 a day and the week between none: 2,800 / 21 = 133.3 a day.
    @Test func twoWeekTotalsCoverTheirFourteenDays() throws {
        let first = try #require(CalendarDay(year: 2025, month: 10, day: 4))
        let days = (0..<13).map { first.adding(days: 14 * $0) }
        let use = try #require(DailyUse(days: days, items: days.map { _ in "HEP5000" }, quantity: days.map { _ in 1400 }, asOf: nil, windowDays: 21))
        #expect(use.rowSpan == .week && use.rowWeeks == 2)
        #expect(use.asOf == CalendarDay(year: 2026, month: 3, day: 22))
        #expect(abs(try #require(use.perItem["HEP5000"]) - 100) < 1e-9, "\(use.perItem)")
    }
}
