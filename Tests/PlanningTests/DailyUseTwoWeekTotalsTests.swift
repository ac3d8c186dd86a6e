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

/// A biweekly export with one row dated off its fortnight (`RowDays.fortnightWeek(of:)`).
@Suite struct DailyUseShiftedFortnightTests {
    /// The review's case 01: 1,400 every other Monday of 2026, a flat 100 a day, the Memorial
    /// Day row (25 May) dated Friday 22 May. As of Sunday 31 May, the 14 days back (18 to 31
    /// May) are that row's fortnight: 1,400 / 14 = 100 a day. Covering its own week and the
    /// one before (11 to 24 May), it left 25 to 31 May empty: 700 / 14 = 50 a day; read as
    /// weekly rows (before the fix), 1,400 / 14 = 100 by luck, so the check is also its weeks.
    @Test func aRowDatedBeforeAHolidayCoversItsFortnight() throws {
        let first = try #require(CalendarDay(year: 2026, month: 1, day: 5))
        let days = (0..<26).map { k in k == 10 ? CalendarDay(year: 2026, month: 5, day: 22)! : first.adding(days: 14 * k) }
        let use = try #require(DailyUse(days: days, items: days.map { _ in "SALINE" }, quantity: days.map { _ in 1400 },
                                        asOf: CalendarDay(year: 2026, month: 5, day: 31), windowDays: 14))
        #expect(use.rowSpan == .week && use.rowWeeks == 2)
        #expect(abs(try #require(use.perItem["SALINE"]) - 100) < 1e-9, "\(use.perItem)")
    }
}
