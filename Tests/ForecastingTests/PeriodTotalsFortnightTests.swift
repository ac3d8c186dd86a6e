import Testing
import Tabular
@testable import Forecasting

/// Rows every other week (`RowDays.weeksPerRow`): two weeks' totals, spread over the row's ISO
/// week and the week before, as weekly rows are spread over their ISO week.
@Suite struct PeriodTotalsFortnightTests {
    private static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    /// The review's heparin: a flat 100 a day, one row every other Saturday from 4 October 2025
    /// to 21 March 2026 (13 rows of 1,400). Each covers Monday 12 days before it to the Sunday
    /// after (its ISO week and the one before), so the file covers 22 September 2025 to 22 March
    /// 2026 at 100 a day: October 3,100, November 3,000, December 3,100, January 3,100, February
    /// 2,800; September (9 of 30 days) and March (22 of 31) are partial. Read as weeks, before
    /// the fix: weeks of 1,400, 0, 1,400, 0 and months of 3,400, 3,200, 2,800, 2,800, 2,800.
    static let saturdays = stride(from: 0, to: 13 * 14, by: 14).map { day(2025, 10, 4).adding(days: $0) }

    private static func totals(_ frequency: Frequency, days: [CalendarDay] = saturdays, value: Double = 1400) -> PeriodTotals {
        var totals = PeriodTotals(frequency: frequency)
        for d in days { totals.add("HEP5000", d, value) }
        return totals
    }

    @Test func rowsEveryOtherWeekAreTwoWeeksTotals() {
        var rows = RowDays()
        for d in Self.saturdays { rows.see(d) }
        #expect(rows.span == .week && rows.weeksPerRow == 2)
        #expect(rows.spanShape == "one date every two weeks, on one weekday")
        #expect(rows.covered.first == Self.day(2025, 9, 22) && rows.covered.last == Self.day(2026, 3, 22))
        // A period missing (no use in it, or not exported): still every other week, 12 of 13.
        var missed = RowDays()
        for (k, d) in Self.saturdays.enumerated() where k != 6 { missed.see(d) }
        #expect(missed.weeksPerRow == 2)
    }

    @Test func monthsHoldTheirDaysOfEachFortnight() {
        var months = Self.totals(.month)
        #expect(months.spreadsFortnights)
        #expect(months.collected()[0].first == Frequency.month.period(of: Self.day(2025, 9, 1)))
        #expect(months.collected()[0].values == [900, 3100, 3000, 3100, 3100, 2800, 2200])
        #expect(months.leaveOutPartialPeriods().map(\.description) == ["2025-09 covers 9 of 30 days: left out", "2026-03 covers 22 of 31 days: left out"])
        #expect(months.collected()[0].values == [3100, 3000, 3100, 3100, 2800])
    }

    @Test func weeksHoldHalfOfEachFortnight() {
        let weeks = Self.totals(.week).collected()[0]
        #expect(weeks.first == Frequency.week.period(of: Self.day(2025, 9, 22)))
        #expect(weeks.values == [Double](repeating: 700, count: 26))
    }

    @Test func batchesAndShardsSpreadFortnightsAlike() {
        var loader = PeriodTotalsLoader(frequency: .month), shard = PeriodTotalsLoader(frequency: .month)
        for d in Self.saturdays {
            for key in ["A", "B"] {
                var key = key
                key.withUTF8 { loader.add(key: $0, day: d, value: 1400) }
                if key == "B" { key.withUTF8 { shard.add(key: $0, day: d, value: 1400) } } else { shard.see(day: d) }
            }
        }
        let whole = loader.finish().collected(), part = shard.finish().collected()
        #expect(whole.map(\.values) == [[900, 3100, 3000, 3100, 3100, 2800, 2200], [900, 3100, 3000, 3100, 3100, 2800, 2200]])
        #expect(part.map(\.key) == ["B"] && part[0].values == whole[1].values)
    }

    /// Not fortnights: a weekly file with a week missing, or a few (rows in weeks side by
    /// side), three rows every other week (too few to tell from a weekly file's gaps), and rows
    /// every four weeks (13 periods a year, in weeks of one parity: not fortnights with two
    /// empty weeks between).
    @Test func weeklyFilesWithMissingWeeksStayWeekly() {
        let mondays = stride(from: 0, to: 17 * 7, by: 7).map { Self.day(2025, 9, 1).adding(days: $0) }
        var gapped = mondays
        gapped.remove(at: 5)
        gapped.remove(at: 9)
        let fourWeekly = stride(from: 0, to: 13 * 28, by: 28).map { Self.day(2025, 10, 4).adding(days: $0) }
        for days in [mondays, gapped, Array(Self.saturdays.prefix(3)), fourWeekly] {
            var rows = RowDays()
            for d in days { rows.see(d) }
            #expect(rows.weeksPerRow == 1)
        }
        var weekly = Self.totals(.month, days: mondays, value: 70)
        #expect(!weekly.spreadsFortnights)
        #expect(weekly.collected()[0].values == [300, 310, 300, 280])
        _ = weekly.leaveOutPartialPeriods()
    }
}
