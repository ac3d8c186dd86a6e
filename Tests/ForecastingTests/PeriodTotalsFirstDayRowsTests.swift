import Testing
import Tabular
@testable import Forecasting

/// Rows on their periods' first days keep nothing aside for weekly rows until a row falls off
/// one (`PeriodTotals.becomeFinerThanPeriods`): a monthly file dated on the 1st never makes the
/// grids, and a weekly file whose first rows fall on the 1st of a month spreads them as if the
/// grids had been made from its first row.
@Suite struct PeriodTotalsFirstDayRowsTests {
    private static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    private static func add(_ rows: [(String, CalendarDay, Double)], _ frequency: Frequency) -> PeriodTotals {
        var totals = PeriodTotals(frequency: frequency)
        for (key, d, value) in rows { totals.add(key, d, value) }
        return totals
    }

    private static func load(_ rows: [(String, CalendarDay, Double)], _ frequency: Frequency, shardKeys: Set<String>? = nil) -> PeriodTotals {
        var loader = PeriodTotalsLoader(frequency: frequency)
        for (key, d, value) in rows {
            if let shardKeys, !shardKeys.contains(key) { loader.see(day: d); continue }
            var key = key
            key.withUTF8 { loader.add(key: $0, day: d, value: value) }
        }
        return loader.finish()
    }

    /// 100,000 series of such a file took 526 MB with both grids, 398 MB with `carry` alone
    /// (which such rows also made), against 260 MB without: each grid is as large as the totals.
    @Test func monthlyRowsOnTheFirstKeepNothingAside() {
        var rows: [(String, CalendarDay, Double)] = []
        for m in 0..<24 { for key in ["A", "B", "C"] { rows.append((key, Self.day(2024 + m / 12, m % 12 + 1, 1), Double(m + 1))) } }
        let totals = Self.add(rows, .month), loaded = Self.load(rows, .month)
        #expect(totals.cellsKeptAside == 0 && loaded.cellsKeptAside == 0)
        #expect(totals.collected()[0].values == (1...24).map(Double.init))
        #expect(loaded.collected()[2].values == (1...24).map(Double.init))
    }

    /// Weekly rows of 700 (100 a day) every Monday from Monday 1 June 2026 to Monday 24 August,
    /// its first rows on the 1st of June: June 3,000, July 3,100, August 3,000 (its 31st is past
    /// the last row's week). Series A's 1 June row comes in two lines of 350, summed in its cell
    /// before the grids are made.
    static let mondays: [(String, CalendarDay, Double)] = {
        var rows: [(String, CalendarDay, Double)] = [("A", day(2026, 6, 1), 350), ("A", day(2026, 6, 1), 350), ("B", day(2026, 6, 1), 700)]
        for w in 1...12 { for key in ["A", "B"] { rows.append((key, day(2026, 6, 1).adding(days: 7 * w), 700)) } }
        return rows
    }()

    @Test func weeklyRowsBeginningOnTheFirstSpreadAsFromTheStart() {
        // The same rows with a row off the 1st first: the grids are made from the first row.
        let offFirst = [Self.mondays[3]] + Self.mondays.enumerated().filter { $0.offset != 3 }.map(\.element)
        for totals in [Self.add(Self.mondays, .month), Self.load(Self.mondays, .month), Self.add(offFirst, .month)] {
            #expect(totals.spreadsWeeks)
            let series = totals.collected()
            #expect(series.map(\.values) == [[3000, 3100, 3000], [3000, 3100, 3000]])
            #expect(series[0].first == Frequency.month.period(of: Self.day(2026, 6, 1)))
        }
        let shard = Self.load(Self.mondays, .month, shardKeys: ["B"]).collected()
        #expect(shard.count == 1 && shard[0].values == [3000, 3100, 3000])
    }

    /// Two-week totals of 1,400 every other Monday from 1 June 2026 to 24 August: each covers
    /// its week and the week before, so the file covers 25 May to 30 August at 100 a day. May's
    /// last 7 days (700) come back from the 1 June row through `carryBack`, which the rows on
    /// the 1st did not make.
    @Test func twoWeekRowsBeginningOnTheFirstSpreadAsFromTheStart() {
        let rows = stride(from: 0, through: 84, by: 14).map { ("A", Self.day(2026, 6, 1).adding(days: $0), 1400.0) }
        let reversed = Array(rows.reversed())
        for totals in [Self.add(rows, .month), Self.load(rows, .month), Self.add(reversed, .month)] {
            #expect(totals.spreadsFortnights)
            let series = totals.collected()[0]
            #expect(series.first == Frequency.month.period(of: Self.day(2026, 5, 1)))
            #expect(series.values == [700, 3000, 3100, 3000])
        }
    }
}
