import Testing
import Tabular
@testable import Forecasting

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
    guard let d = CalendarDay(year: year, month: month, day: day) else { fatalError("test bug: not a date") }
    return d
}

private func month(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }

extension PeriodTotals {
    mutating func add(_ key: String, _ d: CalendarDay, _ value: Double) {
        var key = key
        key.withUTF8 { add(key: $0, day: d, value: value) }
    }

    /// (key, first period, zero-filled values) in visiting order.
    func collected() -> [(key: String, first: Int, values: [Double])] {
        var out: [(key: String, first: Int, values: [Double])] = []
        forEachSeries { id, first, values in out.append((keys.key(id), first, Array(values))) }
        return out
    }
}

@Suite("PeriodTotals")
struct PeriodTotalsTests {
    @Test func sumsZeroFillsAndStartsAtFirstUse() {
        var totals = PeriodTotals(frequency: .month)
        totals.add("A", day(2026, 1, 5), 2)
        totals.add("A", day(2026, 1, 20), 3)
        totals.add("B", day(2026, 3, 1), 1)
        totals.add("A", day(2026, 4, 10), 4)
        totals.add("C", day(2026, 2, 10), 5)
        #expect(totals.seriesCount == 3)
        #expect(totals.rowsAdded == 5)
        #expect(totals.lastPeriod == month(2026, 4))
        let series = totals.collected()
        #expect(series.map(\.key) == ["A", "B", "C"])
        #expect(series.map(\.first) == [month(2026, 1), month(2026, 3), month(2026, 2)])
        #expect(series[0].values == [5, 0, 0, 4])   // January 2 + 3, nothing in February and March
        #expect(series[1].values == [1, 0])         // from March only: nothing before first use
        #expect(series[2].values == [5, 0, 0])      // zero-filled to April, the last period anywhere
        #expect(totals.cellCount == 9)
    }

    @Test func unsortedInputMovesTheFirstPeriodBack() {
        var totals = PeriodTotals(frequency: .month)
        totals.add("B", day(2026, 5, 2), 7)
        totals.add("A", day(2026, 3, 3), 1)
        totals.add("B", day(2026, 2, 14), 2)     // earlier than B's first row
        totals.add("A", day(2025, 11, 30), 0.5)  // earlier than anything so far
        let series = totals.collected()
        #expect(series.map(\.key) == ["A", "B"])
        #expect(series[0].first == month(2025, 11))
        #expect(series[0].values == [0.5, 0, 0, 0, 1, 0, 0])   // Nov ... May
        #expect(series[1].first == month(2026, 2))
        #expect(series[1].values == [2, 0, 0, 7])              // Feb ... May
        let b = totals.values(of: 0)   // "B" was interned first
        #expect(b.firstPeriod == month(2026, 2))
        #expect(b.values == [2, 0, 0, 7])
    }

    @Test func seriesAreVisitedInKeyByteOrder() {
        var totals = PeriodTotals(frequency: .day)
        for key in ["zeta", "alpha", "Mid", "alpha2", "10", "9"] { totals.add(key, day(2026, 7, 1), 1) }
        #expect(totals.collected().map(\.key) == ["10", "9", "Mid", "alpha", "alpha2", "zeta"])
    }

    @Test func negativeAndFractionalValues() {
        var totals = PeriodTotals(frequency: .quarter)
        totals.add("X", day(2026, 7, 1), 0.5)
        totals.add("X", day(2026, 9, 30), 0.25)
        totals.add("X", day(2026, 8, 15), -3)
        totals.add("X", day(2026, 10, 1), 0)
        let series = totals.collected()
        #expect(series.first?.values == [-2.25, 0])
        #expect(series.first?.first == 2026 * 4 + 2)
    }

    @Test func weeksSplitOnMonday() {
        var totals = PeriodTotals(frequency: .week)
        totals.add("K", day(2026, 6, 28), 1)     // Sunday, week 26
        totals.add("K", day(2026, 6, 29), 10)    // Monday, week 27
        totals.add("K", day(2026, 7, 5), 100)    // Sunday, week 27
        let series = totals.collected()
        #expect(series.first.map { Frequency.week.label($0.first) } == "2026-W26")
        #expect(series.first?.values == [1, 110])
    }

    /// Rows in a scrambled order over a wide span of days, checked against a plain dictionary sum.
    @Test func wideSpansInAnyOrderMatchASimpleModel() {
        var totals = PeriodTotals(frequency: .day)
        var model: [String: [Int: Double]] = [:]
        var state: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let start = Int(day(2020, 1, 1).daysSinceEpoch)
        for _ in 0..<5_000 {
            let key = "S\(next(7))"
            let p = start + next(2_000)
            let value = Double(next(9)) * 0.25
            totals.add(key, CalendarDay(daysSinceEpoch: Int32(p)), value)
            model[key, default: [:]][p, default: 0] += value
        }
        let last = model.values.flatMap(\.keys).max()!
        #expect(totals.lastPeriod == last)
        let series = totals.collected()
        #expect(series.map(\.key) == model.keys.sorted())
        for s in series {
            let periods = model[s.key]!
            let first = periods.keys.min()!
            #expect(s.first == first, "\(s.key)")
            let expected = (first...last).map { periods[$0] ?? 0 }
            #expect(s.values.count == expected.count, "\(s.key)")
            let firstDifference = s.values.indices.first { $0 >= expected.count || s.values[$0] != expected[$0] }
            #expect(firstDifference == nil, "\(s.key)")
        }
        #expect(totals.cellCount == series.reduce(0) { $0 + $1.values.count })
    }

    /// Mondays of 70 from 1 September to 22 December 2025 (a steady 10 a day): September has
    /// four whole weeks and 2 days of the week from the 29th, October the other 5 days and
    /// four weeks less the 2 days of the week from the 27th in November; the week from 22
    /// December ends on the 28th, so December is partial.
    static let mondays = stride(from: 0, to: 17 * 7, by: 7).map { day(2025, 9, 1).adding(days: $0) }

    @Test func weeklyRowsAreSpreadOverTheirSevenDaysIntoMonths() {
        var totals = PeriodTotals(frequency: .month)
        for monday in PeriodTotalsTests.mondays { totals.add("A", monday, 70) }
        #expect(totals.spreadsWeeks && totals.sumsOfDays)
        #expect(totals.collected()[0].values == [300, 310, 300, 280])
        #expect(totals.leaveOutPartialPeriods().map(\.description) == ["2025-12 covers 28 of 31 days: left out"])
        #expect(totals.collected()[0].values == [300, 310, 300])
        // Read by quarter, the week from 29 September splits between the third and the fourth.
        var quarters = PeriodTotals(frequency: .quarter)
        for monday in PeriodTotalsTests.mondays { quarters.add("A", monday, 70) }
        #expect(quarters.collected()[0].values == [300, 890])
    }

    @Test func weeksDatedOnTheirSundayOrFridayAreSpreadOverTheirISOWeek() {
        // The same 17 weeks from Monday 1 September 2025, dated on their Sundays ("week ending")
        // or their Fridays: the month view puts them where the week view does. Spread from
        // their dates, the week ending Sunday 5 October gave September 1/7 and October 6/7.
        for offset in [6, 4] {
            var totals = PeriodTotals(frequency: .month)
            for monday in PeriodTotalsTests.mondays { totals.add("A", monday.adding(days: offset), 70) }
            #expect(totals.spreadsWeeks)
            #expect(totals.collected()[0].values == [300, 310, 300, 280], "offset \(offset)")
            #expect(totals.leaveOutPartialPeriods().map(\.description) == ["2025-12 covers 28 of 31 days: left out"])
            var weeks = PeriodTotals(frequency: .week)
            for monday in PeriodTotalsTests.mondays { weeks.add("A", monday.adding(days: offset), 70) }
            #expect(weeks.collected()[0].first == Frequency.week.period(of: day(2025, 9, 1)))
        }
        // A first week dated Sunday 7 September began on the 1st: September is whole, and a
        // new series' first week reaches back into the month before its first row's.
        var late = PeriodTotals(frequency: .month)
        for monday in PeriodTotalsTests.mondays { late.add("A", monday.adding(days: 6), 70) }
        late.add("B", day(2025, 10, 5), 70)
        late.add("B", day(2025, 10, 12), 70)
        #expect(late.leaveOutPartialPeriods().map(\.description) == ["2025-12 covers 28 of 31 days: left out"])
        let b = late.collected().first { $0.key == "B" }
        #expect(b?.first == Frequency.month.period(of: day(2025, 9, 1)) && b?.values == [20, 120, 0], "\(String(describing: b))")
    }

    @Test func weeksAreSpreadAlikeWhetherRowsComeInBatchesOrFromAnotherShard() {
        var loader = PeriodTotalsLoader(frequency: .month), shard = PeriodTotalsLoader(frequency: .month)
        for monday in PeriodTotalsTests.mondays {
            for key in ["A", "B"] {
                var key = key
                key.withUTF8 { loader.add(key: $0, day: monday, value: 70) }
                // The second shard holds B; A's days still count for its calendar.
                if key == "B" { key.withUTF8 { shard.add(key: $0, day: monday, value: 70) } } else { shard.see(day: monday) }
            }
        }
        let whole = loader.finish().collected(), part = shard.finish().collected()
        #expect(whole.map(\.values) == [[300, 310, 300, 280], [300, 310, 300, 280]])
        #expect(part.map(\.key) == ["B"] && part[0].values == whole[1].values)
    }

    @Test func dailyRowsAreNotSpreadEvenWhenTheFirstDayEndsAMonthsWeek() {
        var totals = PeriodTotals(frequency: .month)
        totals.add("A", day(2025, 9, 29), 10)   // a Monday: its week would reach into October
        totals.add("A", day(2025, 9, 30), 10)   // a Tuesday: the rows are daily
        totals.add("A", day(2025, 10, 1), 10)
        #expect(!totals.spreadsWeeks)
        #expect(totals.collected()[0].values == [20, 10])
        // One date alone is a day, not a week: nothing moves.
        var single = PeriodTotals(frequency: .month)
        single.add("A", day(2025, 9, 29), 70)
        #expect(single.collected()[0].values == [70])
        #expect(single.lastPeriod == month(2025, 9))
    }

    @Test func aMissingMonthStaysMissingWhenWeeksAreSpread() {
        var totals = PeriodTotals(frequency: .month, gaps: .missing)
        for monday in PeriodTotalsTests.mondays where monday < day(2025, 10, 27) || monday > day(2025, 11, 30) {
            totals.add("A", monday, 70)
        }
        let values = totals.collected()[0].values
        #expect(values[0] == 300 && values[1] == 310 - 50 && values[2].isNaN && values[3] == 280)
    }

    /// A ward with no rows for the last 5 of 12 weeks (closed, or no longer reporting) is named
    /// with its last recorded week; one missing the last 3 weeks is not yet.
    @Test func levelSeriesSilentAtTheEndAreFound() {
        var totals = PeriodTotals(frequency: .week, gaps: .missing)
        for k in 0..<84 {
            let d = day(2025, 9, 1).adding(days: k)
            totals.add("A", d, 10)
            if k < 49 { totals.add("B", d, 7) }
            if k < 63 { totals.add("C", d, 5) }
        }
        let silent = totals.seriesSilentAtTheEnd(periods: 4)
        #expect(silent.map { totals.keys.key($0.id) } == ["B"])
        #expect(silent.map { Frequency.week.label($0.lastRecorded) } == ["2025-W42"])
    }

    @Test func aLevelsWeekIsPartialForTheSeriesThatMissedSomeOfItsDays() {
        var totals = PeriodTotals(frequency: .week, gaps: .missing)
        // Two wards, day by day over three ISO weeks from Monday 2025-09-01, two rows a day for
        // A (a day and a night shift). B opens on Wednesday the 3rd and skips the 17th.
        for k in 0..<21 {
            let d = day(2025, 9, 1).adding(days: k)
            totals.add("A", d, 10)
            totals.add("A", d, 5)
            if k >= 2 && k != 16 { totals.add("B", d, 7) }
        }
        #expect(totals.leaveOutPartialPeriods().isEmpty)
        let series = totals.collected()
        #expect(series[0].values == [105, 105, 105])
        #expect(series[1].values[0].isNaN && series[1].values[1] == 49 && series[1].values[2].isNaN)
        #expect(totals.periodsSeriesCoverInPart == 2)
        #expect(totals.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("(B 2025-W36: 5 of 7 days, B 2025-W38: 6 of 7 days)") == true)
        // A clinic closed at weekends among seven-day wards records its own weekdays: its weeks
        // are whole, while a ward's week without a Saturday is not.
        var mixed = PeriodTotals(frequency: .week, gaps: .missing)
        for k in 0..<35 {
            let d = day(2025, 9, 1).adding(days: k)
            mixed.add("ward", d, 20)
            if d.isoWeekday <= 5 { mixed.add("clinic", d, 3) }
            if k != 12 { mixed.add("short", d, 1) }   // Saturday the 13th unrecorded
        }
        _ = mixed.leaveOutPartialPeriods()
        let byKey = Dictionary(uniqueKeysWithValues: mixed.collected().map { ($0.key, $0.values) })
        #expect(byKey["clinic"] == [15, 15, 15, 15, 15] && byKey["ward"] == [140, 140, 140, 140, 140])
        #expect(byKey["short"]?[1].isNaN == true && byKey["short"]?[0] == 7)
        #expect(mixed.periodsSeriesCoverInPart == 1)
        // Usage has no such rule: a day without a row is a day without use.
        var usage = PeriodTotals(frequency: .week)
        for k in 2..<21 where k != 16 { usage.add("B", day(2025, 9, 1).adding(days: k), 7) }
        _ = usage.leaveOutPartialPeriods()
        #expect(usage.collected()[0].values == [49, 42])   // its file starts on a Wednesday: the first week is partial for all
    }

    @Test func aDayNoSeriesRecordsLeavesItsPeriodOutAndAStrayWeekendRowOpensNoWeekend() {
        // Wards A and B every day of September and October 2025, and a weekday clinic C with one
        // stray Saturday row; the export skipped Wednesday 15 October for all three. October
        // summed from 30 of its 31 days would read as a fall in census (it was kept as 300 for
        // A, and a week missing three days as 4/7 of itself).
        var totals = PeriodTotals(frequency: .month, gaps: .missing)
        for k in 0..<61 {
            let d = day(2025, 9, 1).adding(days: k)
            guard d != day(2025, 10, 15) else { continue }
            totals.add("A", d, 10)
            totals.add("B", d, 20)
            if d.isoWeekday <= 5 || d == day(2025, 9, 13) { totals.add("C", d, 1) }
        }
        #expect(totals.leaveOutPartialPeriods().isEmpty)
        let byKey = Dictionary(uniqueKeysWithValues: totals.collected().map { ($0.key, $0.values) })
        #expect(byKey["A"]?[0] == 300 && byKey["B"]?[0] == 600, "\(byKey) \(totals.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
        #expect(byKey["C"]?[0] == 23)   // 22 September weekdays and the Saturday: the weekends stay closed
        #expect(["A", "B", "C"].allSatisfy { byKey[$0]?[1].isNaN == true })
        #expect(totals.periodsSeriesCoverInPart == 3 && totals.daysWithoutAnyRow == 1)
        #expect(totals.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("no series has a row on 1 day (2025-10-15): if nothing happened on them") == true,
                "\(totals.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
    }

    @Test func shiftsListedApartCountTheirDayOnce() {
        // Every day shift of October first, then the night shifts; C has no rows from the 1st
        // to the 12th. Counted by rows, its days would double and October would pass as whole.
        var rows: [(String, CalendarDay, Double)] = []
        for shift in 0..<2 {
            for k in 0..<61 {
                let d = day(2025, 9, 1).adding(days: k)
                rows.append(("A", d, 5))
                if !(d >= day(2025, 10, 1) && d <= day(2025, 10, 12)) { rows.append(("C", d, Double(shift + 1))) }
            }
        }
        for order in [rows, rows.sorted { ($0.1, $0.0) < ($1.1, $1.0) }] {
            var totals = PeriodTotals(frequency: .month, gaps: .missing)
            for (key, d, v) in order { totals.add(key, d, v) }
            _ = totals.leaveOutPartialPeriods()
            let byKey = Dictionary(uniqueKeysWithValues: totals.collected().map { ($0.key, $0.values) })
            #expect(byKey["A"] == [300, 310])
            #expect(byKey["C"]?[0] == 90 && byKey["C"]?[1].isNaN == true)
        }
    }

    @Test func aWeekDatedOnTheTuesdayAfterAHolidayIsStillAWeek() {
        // Mondays of 70 from 1 September 2025, but the week of 6 October is dated Tuesday the 7th.
        var totals = PeriodTotals(frequency: .month)
        for monday in PeriodTotalsTests.mondays { totals.add("A", monday == day(2025, 10, 6) ? day(2025, 10, 7) : monday, 70) }
        #expect(totals.spreadsWeeks)
        #expect(totals.collected()[0].values == [300, 310, 300, 280])
        // Two dates in one week are days, not weeks.
        var days = PeriodTotals(frequency: .month)
        for monday in PeriodTotalsTests.mondays { days.add("A", monday, 70) }
        days.add("A", day(2025, 10, 7), 1)
        #expect(!days.spreadsWeeks)
    }

    @Test func aWeeklyCensusSeriesThatStartsAfterItsMonthBeganHasAPartialMonth() {
        // Ward A weekly from 1 September 2025; ward B from 6 October, so its first week covers
        // 6 to 12 October and the 1st to the 5th of October are not in its rows.
        var totals = PeriodTotals(frequency: .month, gaps: .missing)
        for monday in PeriodTotalsTests.mondays {
            totals.add("A", monday, 70)
            if monday >= day(2025, 10, 6) { totals.add("B", monday, 35) }
        }
        _ = totals.leaveOutPartialPeriods()
        let byKey = Dictionary(uniqueKeysWithValues: totals.collected().map { ($0.key, $0.values) })
        #expect(byKey["A"] == [300, 310, 300])
        #expect(byKey["B"]?[0].isNaN == true && byKey["B"]?[1] == 150)   // from October, its first period
        #expect(totals.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("B 2025-10: 26 of 31 days") == true, "\(totals.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
    }

    @Test func seriesAreCheckedInAOnePeriodFileAndOnTheirOwnSevenDays() {
        // One month: ward B has no rows from the 11th to the 20th while A has.
        var one = PeriodTotals(frequency: .month, gaps: .missing)
        for k in 0..<31 {
            let d = day(2025, 1, 1).adding(days: k)
            one.add("A", d, 10)
            if !(11...20).contains(k + 1) { one.add("B", d, 10) }
        }
        _ = one.leaveOutPartialPeriods()
        #expect(one.collected().map(\.values.description) == ["[310.0]", "[nan]"])
        #expect(one.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("B 2025-01: 21 of 31 days") == true)
        // A weekday clinic all year makes the file's weekends closed; a ward open every day from
        // October that misses November's weekends is judged on its own seven days.
        var mix = PeriodTotals(frequency: .month, gaps: .missing)
        for k in 0..<365 {
            let d = day(2025, 1, 1).adding(days: k)
            if d.isoWeekday <= 5 { mix.add("clinic", d, 1) }
            guard d >= day(2025, 10, 1) else { continue }
            mix.add("ward2", d, 10)
            if !(d.components.month == 11 && d.isoWeekday >= 6) { mix.add("ward", d, 10) }
        }
        _ = mix.leaveOutPartialPeriods()
        let byKey = Dictionary(uniqueKeysWithValues: mix.collected().map { ($0.key, $0.values) })
        #expect(byKey["ward"]?[1].isNaN == true && byKey["ward2"]?[1] == 300)
        #expect(mix.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("ward 2025-11: 20 of 30 days") == true, "\(mix.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
    }

    @Test func aMonthOnlyAWeeksLastDaysReachIsNamedAndAZeroWeekCarriesAZero() {
        // Levels on Mondays: A from 1 September to 17 November, C and Z (at zero) to 29 September.
        func totals() -> PeriodTotals {
            var t = PeriodTotals(frequency: .month, gaps: .missing)
            for k in 0..<12 {
                let monday = day(2025, 9, 1).adding(days: 7 * k)
                t.add("A", monday, 70)
                if k < 5 { t.add("C", monday, 70); t.add("Z", monday, 0) }
            }
            return t
        }
        let kept = Dictionary(uniqueKeysWithValues: totals().collected().map { ($0.key, $0.values) })
        #expect(kept["C"]?[1] == 50 && kept["Z"]?[1] == 0)
        var dropped = totals()
        _ = dropped.leaveOutPartialPeriods()
        let left = Dictionary(uniqueKeysWithValues: dropped.collected().map { ($0.key, $0.values) })
        #expect(left["C"]?[1].isNaN == true && left["Z"]?[1].isNaN == true)
        #expect(dropped.periodsSeriesCoverInPartNote(option: "--gaps")?.contains("C 2025-10: 5 of 31 days") == true, "\(dropped.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
    }

    @Test func weeksDatedOnSundaysCoverTheirISOWeek() {
        // Sundays of 70 from 1 June to 31 August 2025 end the weeks from Monday 26 May: May is
        // partial, and August ends with the last of them.
        var totals = PeriodTotals(frequency: .month)
        for k in 0..<14 { totals.add("A", day(2025, 6, 1).adding(days: 7 * k), 70) }
        #expect(totals.leaveOutPartialPeriods().map(\.description) == ["2025-05 covers 6 of 31 days: left out"])
        #expect(totals.collected()[0].values == [300, 310, 310])
    }

    @Test func aMonthOnlyAWeekReachesIsKeptAsItsDaysUnderKeepAndMissingUnderDrop() {
        // Mondays from 29 September to 29 December 2025 as levels: the last week's 4 days in
        // January 2026 have no row of their own there.
        func totals() -> PeriodTotals {
            var t = PeriodTotals(frequency: .month, gaps: .missing)
            for k in 0..<14 { t.add("A", day(2025, 9, 29).adding(days: 7 * k), 70) }
            return t
        }
        let kept = totals().collected()[0].values
        #expect(kept == [20, 310, 300, 310, 40])   // all 980
        var dropped = totals()
        #expect(dropped.leaveOutPartialPeriods().map(\.label) == ["2025-09", "2026-01"])
        #expect(dropped.collected()[0].values == [310, 300, 310])
    }

    @Test func emptyTotalsVisitNothing() {
        let totals = PeriodTotals(frequency: .month)
        #expect(totals.seriesCount == 0)
        #expect(totals.collected().isEmpty)
        #expect(totals.cellCount == 0)
    }
}

@Suite("PeriodTotalsLoader")
struct PeriodTotalsLoaderTests {
    /// Tags ride with their rows through the batches and the long keys added directly: a
    /// series' tags are known by its id, and only series with two or more are kept.
    @Test func tagsAreKeptBySeriesWhereTheyDiffer() {
        var loader = PeriodTotalsLoader(frequency: .month)
        let long = "A KEY LONGER THAN SIXTEEN BYTES"
        for k in 0..<600 {
            let key = k % 3 == 0 ? "GLOVES" : k % 3 == 1 ? "GAUZE" : long
            // GLOVES in tag 0 except row 300; the long key in 0 then 1; GAUZE untagged or 0.
            let tag: Int32 = key == "GLOVES" ? (k == 300 ? 1 : 0) : key == long ? (k < 400 ? 0 : 1) : (k % 2 == 0 ? -1 : 0)
            var bytes = key
            bytes.withUTF8 { loader.add(key: $0, day: day(2025, 1, 1 + k % 28), value: 1, tag: tag) }
        }
        let totals = loader.finish()
        let mixed = Dictionary(uniqueKeysWithValues: loader.tags.mixed.map { (totals.keys.key($0.key), $0.value) })
        #expect(mixed == ["GLOVES": [0, 1], long: [0, 1]], "\(mixed)")
    }

    /// Batching the lookups must not change ids or sums: keys of every length (long ones
    /// flush the batch), more rows than one batch, dates out of order, each compared with
    /// adding the same rows one at a time.
    @Test func givesTheTotalsOfAddingRowByRow() {
        var direct = PeriodTotals(frequency: .week)
        var loader = PeriodTotalsLoader(frequency: .week)
        var state: UInt64 = 42
        for row in 0..<3_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)                 // 0...31 bytes
            let key = "K" + String(repeating: "x", count: length) + String(Int(state >> 40) % 37)
            let d = CalendarDay(daysSinceEpoch: Int32(20_000 + Int(state >> 33) % 400 - (row % 7 == 0 ? 300 : 0)))
            let value = Double(Int(state >> 20) % 9) / 4
            direct.add(key, d, value)
            var bytes = key
            bytes.withUTF8 { loader.add(key: $0, day: d, value: value) }
        }
        let loaded = loader.finish()
        #expect(loaded.seriesCount == direct.seriesCount)
        #expect((0..<direct.seriesCount).map { loaded.keys.key($0) } == (0..<direct.seriesCount).map { direct.keys.key($0) })
        let a = loaded.collected(), b = direct.collected()
        #expect(a.map(\.key) == b.map(\.key))
        #expect(a.map(\.first) == b.map(\.first))
        #expect(a.map(\.values) == b.map(\.values))
        #expect(loaded.rowsAdded == 3_000)
    }

    /// The rows' weekdays, marked in the batch's own loop, tell each series' weekdays as adding
    /// the rows one by one does: a clinic's keys used on weekdays only, a ward's every day.
    @Test func marksTheWeekdaysOfAddingRowByRow() {
        var direct = PeriodTotals(frequency: .month)
        var loader = PeriodTotalsLoader(frequency: .month)
        var d = CalendarDay(year: 2025, month: 1, day: 1)!
        var state: UInt64 = 7
        while d <= CalendarDay(year: 2025, month: 12, day: 31)! {
            for k in 0..<40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let clinic = k % 2 == 0
                guard !clinic || d.isoWeekday <= 5, (state >> 61) != 0 else { continue }
                let key = (clinic ? "CLINIC-" : "WARD-") + String(k)
                direct.add(key, d, 1)
                var bytes = key
                bytes.withUTF8 { loader.add(key: $0, day: d, value: 1) }
            }
            d = d.adding(days: 1)
        }
        let loaded = loader.finish()
        #expect(loaded.daysSummed == .all && direct.daysSummed == .all)
        for id in 0..<direct.seriesCount {
            let key = direct.keys.key(id)
            let own = direct.weekdaysSummed(by: id)
            #expect(own == (key.hasPrefix("CLINIC") ? OpenWeekdays(mask: 0b0011111) : .all), "\(key)")
            #expect((0..<loaded.seriesCount).first { loaded.keys.key($0) == key }.map { loaded.weekdaysSummed(by: $0) } == own, "\(key)")
        }
        #expect(direct.keysOnFewerWeekdays.count == 20)
    }

    /// A 0 row is a row, not use, and neither is a return: a clinic item listed with 0 on each
    /// weekend day (as many ERP exports list unused days, and `aggregate --frequency day`
    /// writes them), and with a return of 2 on some Saturdays, is used Monday to Friday, row by
    /// row and in batches. Read as use, its weekends were open and July 2025 of a clinic pad at
    /// 8 a weekday was forecast at 177.02 for 184.
    @Test func zeroAndReturnRowsAreNoUseOfTheirWeekday() {
        var direct = PeriodTotals(frequency: .month)
        var loader = PeriodTotalsLoader(frequency: .month)
        func add(_ key: String, _ day: CalendarDay, _ value: Double) {
            direct.add(key, day, value)
            var bytes = key
            bytes.withUTF8 { loader.add(key: $0, day: day, value: value) }
        }
        var d = CalendarDay(year: 2025, month: 1, day: 1)!
        var k = 0
        while d <= CalendarDay(year: 2025, month: 12, day: 31)! {
            add("WARD", d, 7)
            add("CLINIC", d, d.isoWeekday <= 5 ? 8 : d.isoWeekday == 6 && k % 3 == 0 ? -2 : 0)
            d = d.adding(days: 1)
            k += 1
        }
        let loaded = loader.finish()
        for totals in [direct, loaded] {
            let clinic = (0..<totals.seriesCount).first { totals.keys.key($0) == "CLINIC" }!
            #expect(totals.weekdaysSummed(by: clinic) == OpenWeekdays(mask: 0b0011111))
            #expect(totals.keysOnFewerWeekdays == ["CLINIC": OpenWeekdays(mask: 0b0011111)])
        }
    }
}

@Suite("Partial periods and gaps")
struct PartialPeriodTests {
    private func totals(_ frequency: Frequency, gaps: GapPolicy = .zero, _ days: [(Int, Int, Int)]) -> PeriodTotals {
        var t = PeriodTotals(frequency: frequency, gaps: gaps)
        for (y, m, d) in days { t.add("A", day(y, m, d), 1) }
        return t
    }

    /// One row a day from `first` through `last`, except on `skipping`.
    private func everyDay(_ frequency: Frequency, from first: CalendarDay, through last: CalendarDay, skipping: Set<CalendarDay> = []) -> PeriodTotals {
        var t = PeriodTotals(frequency: frequency)
        var d = first
        while d <= last {
            if !skipping.contains(d) { t.add("A", d, 1) }
            d = d.adding(days: 1)
        }
        return t
    }

    @Test func firstAndLastPartialPeriodsAreLeftOut() {
        // Every day from 2026-01-13 (a Tuesday in January) to 2026-04-15: January and April are partial.
        var t = everyDay(.month, from: day(2026, 1, 13), through: day(2026, 4, 15))
        let left = t.leaveOutPartialPeriods()
        #expect(left.map(\.description) == ["2026-01 covers 19 of 31 days: left out", "2026-04 covers 15 of 30 days: left out"])
        #expect(t.values(of: 0).firstPeriod == month(2026, 2))
        #expect(t.values(of: 0).values == [28, 31])
        #expect(t.cellCount == 2)
    }

    /// A year's export whose first row is on 2 January and last on 30 December, with nothing on
    /// the Christmas and New Year's Days inside it: the day missing at each edge is as quiet
    /// as those, so January and December are whole, not left out as 30 of 31 days. Without
    /// quiet days inside, the same edges are cuts; and a census (missing gaps) has a row every
    /// day, so a day missing at its edge always is one.
    @Test func anEdgeAsQuietAsTheHolidaysInsideIsNotACut() {
        let holidays: Set = [day(2024, 12, 25), day(2025, 1, 1), day(2025, 12, 25)]
        var quiet = everyDay(.month, from: day(2024, 1, 2), through: day(2025, 12, 30), skipping: holidays)
        #expect(quiet.leaveOutPartialPeriods().isEmpty)
        #expect(quiet.values(of: 0).values.count == 24)

        var busy = everyDay(.month, from: day(2024, 1, 2), through: day(2025, 12, 30))
        #expect(busy.leaveOutPartialPeriods().map(\.description) == ["2024-01 covers 30 of 31 days: left out", "2025-12 covers 30 of 31 days: left out"])

        // One quiet day inside is not yet a habit of the file.
        var once = everyDay(.month, from: day(2024, 1, 2), through: day(2024, 12, 30), skipping: [day(2024, 12, 25)])
        #expect(once.leaveOutPartialPeriods().count == 2)

        // Missing more than half of the period is a cut however quiet the file is.
        var half = everyDay(.month, from: day(2024, 1, 20), through: day(2025, 12, 30), skipping: holidays)
        #expect(half.leaveOutPartialPeriods().map(\.description) == ["2024-01 covers 12 of 31 days: left out"])

        var census = PeriodTotals(frequency: .month, gaps: .missing)
        var d = day(2024, 1, 2)
        while d <= day(2025, 12, 30) {
            if !holidays.contains(d) { census.add("A", d, 1) }
            d = d.adding(days: 1)
        }
        #expect(census.leaveOutPartialPeriods().count == 2)
    }

    @Test func wholePeriodsAndDaysAreNeverPartial() {
        var whole = totals(.month, [(2026, 1, 1), (2026, 2, 28)])
        #expect(whole.leaveOutPartialPeriods().isEmpty)
        var daily = totals(.day, [(2026, 1, 13), (2026, 1, 15)])
        #expect(daily.leaveOutPartialPeriods().isEmpty)
        // Rows that are months already (2026-01, JUN26: first days) cover their months.
        var monthly = totals(.month, [(2026, 1, 1), (2026, 2, 1), (2026, 6, 1)])
        #expect(monthly.leaveOutPartialPeriods().isEmpty)
        #expect(monthly.values(of: 0).values.count == 6)
        // Nothing but two partial months: both kept rather than leaving nothing.
        var short = totals(.month, [(2026, 1, 20), (2026, 2, 10)])
        #expect(short.leaveOutPartialPeriods().isEmpty)
        #expect(short.values(of: 0).values == [1, 1])
    }

    /// A series first seen in the left-out last period has nothing left and is skipped; one
    /// seen only in the left-out first period has zero demand since (it stopped).
    @Test func aSeriesWithRowsOnlyInALeftOutPeriodIsSkipped() {
        var t = PeriodTotals(frequency: .month)
        t.add("early", day(2026, 1, 20), 5)
        t.add("main", day(2026, 2, 1), 1)
        t.add("main", day(2026, 3, 31), 1)
        t.add("new", day(2026, 4, 10), 3)
        _ = t.leaveOutPartialPeriods()
        var visited: [String: [Double]] = [:]
        t.forEachSeries { id, _, values in visited[t.keys.key(id)] = values }
        #expect(visited == ["early": [0, 0], "main": [1, 1]])
    }

    @Test func missingGapsAreNaNAndZeroGapsAreZero() {
        let days = [(2026, 1, 5), (2026, 3, 5)]
        #expect(totals(.month, gaps: .zero, days).values(of: 0).values == [1, 0, 1])
        let missing = totals(.month, gaps: .missing, days).values(of: 0).values
        #expect(missing[0] == 1 && missing[1].isNaN && missing[2] == 1)
    }

    /// DESIGN.md's default gaps by input kind, read from the value column's header.
    @Test func levelHeadersImplyMissingGapsAndOthersZero() {
        for header in ["patient_days", "MDScensus", "Census", "Occupied Beds", "occupancy_pct", "ADC", "resident days", "BedDays", "Pt Days", "Pat Days", "PD", "Pt_Days"] {
            #expect(GapPolicy(impliedByValueColumn: header) == .missing, "\(header)")
        }
        for header in ["quantity", "qty_issued", "value", "hours", "visits", "admissions", "Amount", "cadence", "PDF pages", "Pads"] {
            #expect(GapPolicy(impliedByValueColumn: header) == .zero, "\(header)")
        }
    }

    /// Periods no series has a row in are named; at day frequency only the days the file
    /// records count, so a weekday clinic's weekends are not gaps.
    @Test func periodsWithoutAnyRowAreTheFilesHoles() {
        let months = totals(.month, gaps: .missing, [(2026, 1, 5), (2026, 4, 5), (2026, 5, 5)])
        #expect(months.periodsWithoutAnyRow == [month(2026, 2), month(2026, 3)])
        #expect(months.periodsWithoutAnyRowNote(option: "--gaps") == "no series has a row in 2 months inside the file's span (2026-02 to 2026-03): missing, neither fitted nor written as zero")
        // Zero gaps of a single series: no word.
        #expect(totals(.month, gaps: .zero, [(2026, 1, 5), (2026, 4, 5)]).periodsWithoutAnyRowNote(option: "--gaps") == nil)
        // Weekdays of five weeks (Monday 5 January to Friday 6 February) but Wednesday the 14th:
        // one hole, and no weekend among them.
        var weekdays: [(Int, Int, Int)] = []
        for d in 5...31 where ![10, 11, 14, 17, 18, 24, 25, 31].contains(d) { weekdays.append((2026, 1, d)) }
        for d in 2...6 { weekdays.append((2026, 2, d)) }
        let days = totals(.day, gaps: .missing, weekdays)
        #expect(days.periodsWithoutAnyRow.map { Frequency.day.label($0) } == ["2026-01-14"])
    }

    /// Review s39 (a first-time analyst), items 1 and 2: three items issued on the 1st, 12th and
    /// 20th of each month of 2024 and 2025 (and A on 31 December, so the file ends with a whole
    /// month), none in 2025-03 (an export that lost it). The rows fall on a tenth of the days but
    /// in 23 of the 24 months: under zero gaps March stays zero use (DESIGN.md, Calendar) and the
    /// note names it (before: no word, as rows on nine in ten days were asked). Under missing
    /// gaps March alone is missing: three issue rows make a whole month of summed use (before:
    /// every month of every item was left out as recorded on only some days, and nothing was
    /// written). An item with rows in every other month gets no note: its quiet months are no
    /// lost export.
    @Test func aMonthASupplyExportLostIsNamedAndIsTheOnlyOneMissing() {
        func totals(_ gaps: GapPolicy, months: StrideTo<Int> = stride(from: 0, to: 24, by: 1), keys: [String] = ["A", "B", "C"]) -> PeriodTotals {
            var t = PeriodTotals(frequency: .month, gaps: gaps)
            for m in months where m != 14 {
                for (k, key) in keys.enumerated() {
                    for d in [1, 12, 20] { t.add(key, day(2024 + m / 12, m % 12 + 1, d), Double(10 * (k + 1))) }
                }
            }
            t.add(keys[0], day(2025, 12, 31), 1)
            _ = t.leaveOutPartialPeriods()
            return t
        }
        let zero = totals(.zero)
        #expect(zero.values(of: 1).values == (0..<24).map { $0 == 14 ? 0 : 60 })
        let note = zero.periodsWithoutAnyRowNote(option: "--gaps")
        #expect(note?.hasPrefix("no series has a row in 1 month inside the file's span (2025-03): read as zero use; if they were not recorded") == true, "\(note ?? "nil")")
        let missing = totals(.missing)
        #expect(missing.periodsSeriesCoverInPart == 0, "\(missing.periodsSeriesCoverInPartNote(option: "--gaps") ?? "")")
        for id in 0..<3 {
            let values = missing.values(of: id).values
            #expect(values.count == 24 && values.indices.allSatisfy { values[$0].isNaN == ($0 == 14) }, "\(values)")
        }
        #expect(missing.periodsWithoutAnyRowNote(option: "--gaps")?.hasPrefix("no series has a row in 1 month inside the file's span (2025-03): missing") == true)
        let slow = totals(.zero, months: stride(from: 0, to: 24, by: 2), keys: ["S"])
        #expect(slow.periodsWithoutAnyRowNote(option: "--gaps") == nil, "\(slow.periodsWithoutAnyRowNote(option: "--gaps") ?? "nil")")
        // Beside them, an item issued on a few days of every other month, and one that stopped
        // after a year: with missing gaps their own months without a row are zero use (the
        // file has rows in them), and only the lost month is missing. Read as missing, the
        // slow item was "smooth" at its issuing months' level and the stopped one never stopped.
        var mixed = PeriodTotals(frequency: .month, gaps: .missing)
        for m in 0..<24 where m != 14 {
            for d in [1, 12, 20] {
                mixed.add("A", day(2024 + m / 12, m % 12 + 1, d), 10)
                if m % 2 == 0 { mixed.add("SLOW", day(2024 + m / 12, m % 12 + 1, d), 1) }
                if m < 12 { mixed.add("STOP", day(2024 + m / 12, m % 12 + 1, d), 5) }
            }
        }
        mixed.add("A", day(2025, 12, 31), 1)
        _ = mixed.leaveOutPartialPeriods()
        let slowValues = mixed.values(of: 1).values, stopValues = mixed.values(of: 2).values
        #expect(slowValues.indices.allSatisfy { slowValues[$0].isNaN == ($0 == 14) && ($0 == 14 || slowValues[$0] == ($0 % 2 == 0 ? 3 : 0)) }, "\(slowValues)")
        #expect(stopValues.count == 24 && stopValues[12...].allSatisfy { $0 == 0 || $0.isNaN } && stopValues[14].isNaN, "\(stopValues)")
        #expect(mixed.periodsWithoutAnyRowNote(option: "--gaps")?.contains("of single series issued on a few days a month, without a row of theirs while the file has rows, are read as zero use") == true)
    }

    /// A shard sees the calendar of the whole file: another shard's later rows move its last
    /// period and its partial periods exactly as in the unsharded run.
    @Test func rowsOfOtherShardsStillSetTheCalendar() {
        var loader = PeriodTotalsLoader(frequency: .month)
        var key = "A"
        key.withUTF8 { loader.add(key: $0, day: day(2026, 1, 1), value: 1) }
        key.withUTF8 { loader.add(key: $0, day: day(2026, 2, 1), value: 1) }
        loader.see(day: day(2026, 4, 10))
        var t = loader.finish()
        #expect(t.lastPeriod == month(2026, 4))
        #expect(t.leaveOutPartialPeriods().map(\.label) == ["2026-04"])
        #expect(t.values(of: 0).values == [1, 1, 0])
    }
}

@Suite("MissingPeriods")
struct MissingPeriodsTests {
    @Test func interiorGapsAreInterpolatedAndEndsDropped() {
        let gaps = MissingPeriods([.nan, 10, .nan, .nan, 40, 50, .nan, .nan])
        #expect(gaps.filled == [10, 20, 30, 40, 50])
        #expect(gaps.trailing == 2)
        #expect(gaps.interpolated == 2)
        let none = MissingPeriods([.nan, .nan])
        #expect(none.filled.isEmpty)
        #expect(MissingPeriods([3]).filled == [3])
    }

    /// Trailing missing periods push the forecast further ahead: a flat series at 7 with its
    /// last two periods missing still forecasts 7 for the periods asked for.
    @Test func trailingGapsForecastThePeriodsAskedFor() throws {
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 3, season: 1, levels: [80], backtestOrigins: 2))
        let history = [Double](repeating: 7, count: 30) + [.nan, .nan]
        let (f, fitted) = try forecaster.forecast(allowingGaps: history)
        #expect(fitted.count == 30)
        #expect(f.mean.count == 3)
        for v in f.mean { #expect(abs(v - 7) < 1e-6) }
        #expect(f.lower[0].count == 3)
    }
}

/// The 1st of each month written day-first (01/07/2025) and read month-first lands on January
/// 1-12: the message about partial months says so and names --date-format dmy.
@Suite struct DayFirstHintTests {
    /// January 1 to `lastDay`, 100 a day, by month with partial periods left out.
    static func january(through lastDay: Int) -> PeriodTotals {
        var totals = PeriodTotals(frequency: .month)
        for d in 1...lastDay {
            var key = "A"
            key.withUTF8 { totals.add(key: $0, day: CalendarDay(year: 2024, month: 1, day: d)!, value: 100) }
        }
        _ = totals.leaveOutPartialPeriods()
        return totals
    }

    /// Two years of a monthly export dated the 10th, read month-first: October 1-12 of each
    /// year, summed into two Octobers; the note says how the dates look and what to add.
    @Test func octoberFirstToTwelfthOfTwoYearsSuggestsDayFirst() throws {
        var totals = PeriodTotals(frequency: .month)
        for year in [2023, 2024] {
            for d in 1...12 {
                var key = "A"
                key.withUTF8 { totals.add(key: $0, day: CalendarDay(year: year, month: 10, day: d)!, value: 100) }
            }
        }
        _ = totals.leaveOutPartialPeriods()
        let note = try #require(totals.dayFirstNote ?? totals.partialPeriodsKeptNote)
        #expect(note.contains("October 1-12, as the 10th of every month written day-first (10/MM/YYYY)") && note.hasSuffix("add --date-format dmy"), "\(note)")
    }

    @Test func januaryFirstToTwelfthSuggestsDayFirst() throws {
        let twelve = Self.january(through: 12), twenty = Self.january(through: 20)
        #expect(twelve.partialPeriodsKeptNote?.hasSuffix("if so, add --date-format dmy") == true, "\(twelve.partialPeriodsKeptNote ?? "")")
        #expect(twenty.partialPeriodsKeptNote?.contains("dmy") == false, "\(twenty.partialPeriodsKeptNote ?? "")")
    }
}

/// A drug added on 16 September and used every day since has September in part: left out of
/// its fit (it pulled January's forecast to 108.5 for 4 a day); an item used now and then
/// keeps its first month, and so does a series that began with the file.
@Suite struct NewSeriesFirstPeriodTests {
    @Test func aNewDailyItemLeavesOutItsFirstMonth() throws {
        var totals = PeriodTotals(frequency: .month)
        func add(_ key: String, _ day: CalendarDay, _ value: Double) {
            var key = key
            key.withUTF8 { totals.add(key: $0, day: day, value: value) }
        }
        let start = try #require(CalendarDay(year: 2024, month: 1, day: 1))
        for d in 0..<366 {
            let day = start.adding(days: d)
            add("OLD", day, 10)
            if day >= CalendarDay(year: 2024, month: 9, day: 16)! { add("NEW", day, 4) }
        }
        for (m, d) in [(3, 20), (5, 2), (8, 10), (11, 5)] { add("RARE", CalendarDay(year: 2024, month: m, day: d)!, 1) }
        #expect(totals.leaveOutPartialPeriods().isEmpty)
        let months = Frequency.month
        func series(_ key: String) -> (String, [Double]) {
            let id = (0..<totals.seriesCount).first { totals.keys.key($0) == key }!
            let (first, values) = totals.fitValues(of: id)
            return (months.label(first), values)
        }
        #expect(series("NEW").0 == "2024-10" && series("NEW").1 == [124, 120, 124])
        // The totals keep the month: a series runs from its first use (DESIGN.md).
        let new = (0..<totals.seriesCount).first { totals.keys.key($0) == "NEW" }!
        #expect(totals.values(of: new).values == [60, 124, 120, 124])
        #expect(series("OLD").0 == "2024-01")
        #expect(series("RARE").0 == "2024-03" && series("RARE").1.first == 1)
        #expect(totals.seriesStartingInPartNote == "1 series begins within its first month and is used on most days since: that month holds part of its use, so it is left out as partial (of the output and of the fit), and the series starts with its first whole month (NEW 2024-09 from 2024-09-16)",
                "\(totals.seriesStartingInPartNote ?? "")")
    }

    /// An export that lists 0 on each day an item is not used: the occasional item's zeros are
    /// no use, so its first month stays in its fit (a catheter used on 101 of 715 days was left
    /// out of its first month as "used on most days since"), while a drug added on 16
    /// September and listed with 0 from the 1st still begins within September.
    @Test func zeroRowsAreNoUseOfANewItemsFirstMonth() throws {
        func firstMonths(zeros: Bool) throws -> (fit: [String: String], starting: Int) {
            var totals = PeriodTotals(frequency: .month)
            let start = try #require(CalendarDay(year: 2024, month: 1, day: 1))
            for d in 0..<366 {
                let day = start.adding(days: d)
                totals.add("OLD", day, 10)
                if day >= CalendarDay(year: 2024, month: 9, day: 16)! { totals.add("NEW", day, 4) } else if zeros, day >= CalendarDay(year: 2024, month: 9, day: 1)! { totals.add("NEW", day, 0) }
                // Used on one day in seven, at no fixed weekday, from 12 March.
                if day >= CalendarDay(year: 2024, month: 3, day: 12)! {
                    if d % 7 == (d / 7) % 7 { totals.add("RARE", day, 1) } else if zeros { totals.add("RARE", day, 0) }
                }
            }
            _ = totals.leaveOutPartialPeriods()
            var fit: [String: String] = [:]
            for id in 0..<totals.seriesCount { fit[totals.keys.key(id)] = Frequency.month.label(totals.fitValues(of: id).firstPeriod) }
            return (fit, totals.seriesStartingInPart)
        }
        let plain = try firstMonths(zeros: false), listed = try firstMonths(zeros: true)
        #expect(plain.fit["NEW"] == "2024-10" && plain.fit["RARE"] == "2024-03" && plain.starting == 1)
        #expect(listed.fit == plain.fit, "\(listed.fit)")
        #expect(listed.starting == plain.starting)
    }
}
