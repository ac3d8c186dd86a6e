import Testing
import Tabular
@testable import Forecasting

/// A biweekly export with one row dated off its fortnight's weekday (`RowDays.fortnightWeek(of:)`):
/// still two weeks' totals, nine dates in ten in weeks of one parity being enough, as nine in
/// ten on one weekday are for weekly rows.
@Suite struct PeriodTotalsFortnightShiftTests {
    private static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    /// The review's case 01: a flat 100 a day, 1,400 every other Monday from 5 January to 21
    /// December 2026 (26 rows), the Memorial Day row (Monday 25 May) dated the Friday before,
    /// 22 May, in the ISO week between two fortnights'. Each row covers the Monday before its
    /// own week to its own week's Sunday: 29 December 2025 to 27 December 2026 at 100 a day.
    /// Before the fix the file was read as weekly rows: weeks of 1,400, 1,400, 0, 0 around
    /// May, months of 3,400 (May) and 2,800 (June).
    static let mondays: [CalendarDay] = (0..<26).map { k in k == 10 ? day(2026, 5, 22) : day(2026, 1, 5).adding(days: 14 * k) }

    private static func totals(_ frequency: Frequency) -> PeriodTotals {
        var totals = PeriodTotals(frequency: frequency)
        for d in mondays { totals.add("SALINE", d, 1400) }
        return totals
    }

    @Test func oneRowOffItsFortnightKeepsTheRowsTwoWeeksTotals() {
        var rows = RowDays()
        for d in Self.mondays { rows.see(d) }
        #expect(rows.weeksPerRow == 2)
        // The Friday before Memorial Day ends its fortnight in the week of 25 May, which has no row.
        #expect(rows.fortnightWeek(of: Self.day(2026, 5, 22)) == Self.day(2026, 5, 25))
        #expect(rows.fortnightWeek(of: Self.day(2026, 5, 11)) == Self.day(2026, 5, 11))
    }

    /// Weeks: 700 each, the shifted row's in the weeks of 18 and 25 May (without moving it,
    /// the week of 11 May held 1,400 and that of 25 May none).
    @Test func weeksHoldHalfOfEachFortnightWithTheShiftedRowInItsOwn() {
        let weeks = Self.totals(.week).collected()[0]
        #expect(weeks.first == Frequency.week.period(of: Self.day(2025, 12, 29)))
        #expect(weeks.values == [Double](repeating: 700, count: 52))
    }

    /// Months: the days of each at 100 (December 2025 holds 3 days, December 2026 27).
    @Test func monthsHoldTheirDays() {
        let months = Self.totals(.month).collected()[0]
        #expect(months.values == [300, 3100, 2800, 3100, 3000, 3100, 3000, 3100, 3100, 3000, 3100, 3000, 2700])
    }

    /// A row dated a week late (on the Monday of the week after its fortnight's, which a row
    /// already holds) falls back to the fortnight it missed.
    @Test func aRowAWeekLateFallsBackToTheFortnightItMissed() {
        var rows = RowDays()
        for (k, d) in Self.mondays.enumerated() where k != 10 { rows.see(k == 5 ? d.adding(days: 7) : d) }
        #expect(rows.weeksPerRow == 2)
        #expect(rows.fortnightWeek(of: Self.day(2026, 3, 23)) == Self.day(2026, 3, 16))
    }
}

/// Rows moved to their fortnight at the file's ends lose nothing (`RowDays.fortnightWeek(of:)`).
@Suite struct PeriodTotalsFortnightEndsTests {
    private static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    /// The last row (Monday 21 December 2026) dated the Friday before, 18 December: the week
    /// after holds no row, but it is past the file's last week, so the row keeps its own week
    /// and the one before (7 to 20 December), which the row of 7 December also covers (its
    /// weeks of 30 November and 7 December): the weeks hold 25 x 1,400 + 1,400 = 36,400 all
    /// the same, the week of 7 December 1,400, the last (14 December) 700. Moved forward,
    /// half of it (700) fell past the last week and was lost; moved back, the last week was 0.
    @Test func aLastRowDatedEarlyKeepsItsWholeTotal() {
        var totals = PeriodTotals(frequency: .week)
        for k in 0..<26 { totals.add("SALINE", k == 25 ? Self.day(2026, 12, 18) : Self.day(2026, 1, 5).adding(days: 14 * k), 1400) }
        let weeks = totals.collected()[0].values
        #expect(weeks.reduce(0, +) == 36_400)
        #expect(weeks.last == 700)
    }

    /// A series whose first row is dated a week late (its fortnight's week holds no row): the
    /// row moves back a week, and both weeks of its fortnight are kept, 700 each; 26 rows, 52
    /// weeks of 700.
    @Test func aFirstRowMovedBackKeepsBothItsWeeks() {
        var totals = PeriodTotals(frequency: .week)
        for k in 0..<26 { totals.add("SALINE", k == 0 ? Self.day(2026, 1, 12) : Self.day(2026, 1, 5).adding(days: 14 * k), 1400) }
        let weeks = totals.collected()[0]
        #expect(weeks.values.reduce(0, +) == 36_400)
        #expect(weeks.first == Frequency.week.period(of: Self.day(2025, 12, 29)))
    }
}
