import Foundation
import Testing
@testable import Forecasting
@testable import History

/// Which actuals a run records and which one tracking scores against: per series (runs that
/// covered only some series) and by vintage (replays of older data).
@Suite struct RunHistoryActualsTests {
    static let january2025 = Frequency.month.period(ofLabel: "2025-01")!
    static let december2025 = Frequency.month.period(ofLabel: "2025-12")!

    /// Appends a run of stage `forecast` whose data ends at `last`: each series' values from
    /// January 2025, and a flat forecast of `forecast` for `horizon` months after `last`.
    static func append(_ history: RunHistory, last: Int, series: [(String, [Double])], forecast: Double, horizon: Int, sameJob: Bool = false) throws {
        var record = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: last)
        for (name, values) in series {
            #expect(january2025 + values.count - 1 == last)
            stage.add(series: name, forecast: flatForecast(forecast, horizon: horizon, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                      levels: [80, 95], history: values, season: 12)
            stage.addActuals(monthlyTotals(name, first: january2025, values))
        }
        record.stages = [stage]
        _ = try history.append(record, sameJob: sameJob)
    }

    static let year = Array(repeating: 100.0, count: 12)

    /// A review pointed two jobs at one history: supplies through 2025-06 and a pharmacy's
    /// figures, a tenth of them, of items also named A and B. The forecast stage shares its
    /// name, and the pharmacy's months scored the supplies' forecasts (WAPE 1154%). The second
    /// job is refused, the history left as it was; a later run of the same data revising one
    /// month of the last three is recorded.
    @Test func anotherJobsFiguresForTheSameSeriesAreRefused() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryActualsTests.year, december = RunHistoryActualsTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y), ("B", y)], forecast: 100, horizon: 6)
        let tenth = y.map { $0 / 10 + 1 }
        #expect {
            try RunHistoryActualsTests.append(history, last: december, series: [("A", tenth), ("B", tenth)], forecast: 10, horizon: 6)
        } throws: { error in
            "\(error)".contains("2 of the 2 series this run shares with it are a factor of two or more apart in every recent period (A 2025-10 is 11 here and 100 there)")
        }
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 1)
        // The same data with November revised, and the series of one other job: recorded. So
        // is data restated by 8% in every month, and late postings that raise the whole window
        // by up to 60% (the diff review's weekly feed was refused).
        var revised = y
        revised[10] = 130
        try RunHistoryActualsTests.append(history, last: december, series: [("A", revised), ("B", y), ("C", tenth)], forecast: 100, horizon: 6)
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 2)
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y.map { $0 * 1.08 }), ("B", y.map { $0 * 1.08 })], forecast: 100, horizon: 6)
        let late = y.enumerated().map { $0.offset >= 9 ? $0.element * 1.6 : $0.element }
        try RunHistoryActualsTests.append(history, last: december, series: [("A", late), ("B", late)], forecast: 100, horizon: 6)
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 4)
    }

    /// A second review: two departments' copies of one pipeline share a history and a stage
    /// name, their figures 1.25 to 1.4 times apart (inside the factor of two restatements may
    /// move). Each run recorded its figures over the other's; the third run, ICU's again, takes
    /// every recent period back to the figures the second replaced, which no restatement does:
    /// refused, the history left as it was. An older export run again (its figures the ones a
    /// later run restated) is still recorded.
    ///
    /// Review 2: the second run, every month of both series 21% down (GLV July 496 -> 390), is
    /// refused already, at the first switch (`SameData.restated`); recorded under `sameJob`,
    /// the third is still refused for going back.
    @Test func twoJobsWritingOneStageByTurnsAreRefused() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let december = RunHistoryActualsTests.december2025
        let icu = (0..<12).map { 490.0 + Double($0) }, medSurg = (0..<12).map { 384.0 + Double($0) }
        try RunHistoryActualsTests.append(history, last: december, series: [("GLV", icu), ("SYR", icu.map { $0 / 2 })], forecast: 490, horizon: 3)
        #expect {
            try RunHistoryActualsTests.append(history, last: december, series: [("GLV", medSurg), ("SYR", medSurg.map { $0 / 2 })], forecast: 384, horizon: 3)
        } throws: { error in
            "\(error)".contains("2 of the 2 series this run shares with it differ by more than 10% in every period of theirs the history holds that was compared (12 periods in all: the recent ones and as many before them), all down, by 21% (GLV 2025-07 496 -> 390, SYR 2025-07 248 -> 195)")
        }
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 1)
        try RunHistoryActualsTests.append(history, last: december, series: [("GLV", medSurg), ("SYR", medSurg.map { $0 / 2 })], forecast: 384, horizon: 3, sameJob: true)
        #expect {
            try RunHistoryActualsTests.append(history, last: december, series: [("GLV", icu), ("SYR", icu.map { $0 / 2 })], forecast: 490, horizon: 3)
        } throws: { error in
            "\(error)".contains("this run's go back to the ones they replaced: in every recent period of 2 of the 2 series")
        }
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 2)
        // One job: November restated to 130 and then a replay of the data before it, ending a
        // month earlier (an older export run again): recorded, and not another job.
        let y = RunHistoryActualsTests.year
        let other = try RunHistory.open(temporaryHistoryPath())
        try RunHistoryActualsTests.append(other, last: december, series: [("A", y), ("B", y)], forecast: 100, horizon: 6)
        var revised = y
        revised[10] = 130
        try RunHistoryActualsTests.append(other, last: december, series: [("A", revised), ("B", revised)], forecast: 100, horizon: 6)
        try RunHistoryActualsTests.append(other, last: december - 1, series: [("A", Array(y.prefix(11))), ("B", Array(y.prefix(11)))], forecast: 100, horizon: 6)
        #expect(try other.connection.integer("SELECT count(*) FROM runs") == 3)
    }

    /// Report section 2 (`--shard`): A and B at 100 a month through 2025-12, forecast 6 months
    /// ahead at 100 (run 1); then run 2 sees A alone through 2026-06 and run 3 B alone through
    /// 2026-07, both at 110 a month from 2026-01. Every one of run 1's 12 forecasts (2 series x
    /// 2026-01..06) has its actual read by a later run: 12 scored, error 100 - 110 = -10 each,
    /// whichever shard ran last. Runs 2 and 3 forecast past every actual: nothing more.
    /// Before, the last run recorded only from 3 periods before the stage's previous run's last
    /// period, that of the other shard: B from 2026-04 (9 scored), or, shards swapped, A from
    /// 2026-05 (8 scored).
    @Test(arguments: [false, true])
    func aRunOfSomeSeriesRecordsEachSeriesFromItsOwnLastActual(swapped: Bool) throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryActualsTests.year, december = RunHistoryActualsTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y), ("B", y)], forecast: 100, horizon: 6)
        let shardA = (last: december + 6, series: [("A", y + Array(repeating: 110, count: 6))])
        let shardB = (last: december + 7, series: [("B", y + Array(repeating: 110, count: 7))])
        for shard in swapped ? [shardB, shardA] : [shardA, shardB] {
            try RunHistoryActualsTests.append(history, last: shard.last, series: shard.series, forecast: 110, horizon: 6)
        }
        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.scored == 12)
        #expect(rows.allSatisfy { $0.runID == 1 && $0.actual == 110 && $0.error == -10 })
        for series in ["A", "B"] {
            #expect(rows.filter { $0.series == series }.map(\.period) == (1...6).map { "2026-0\($0)" })
        }
        // Each series' actuals once: A 2025-01..2026-06 (18), B 2025-01..2026-07 (19).
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 37)
    }

    /// Report section 9: A at 100 through 2025-12, forecast 3 months ahead at 100 (run 1).
    /// Run 2 (data through 2026-03) has 2026-01 revised to 130, 2026-02 = 80, 2026-03 = 100;
    /// run 3 then replays older data (through 2026-02) with the 2026-01 of before the revision,
    /// 120. The actual of 2026-01 is the one of the most recent data, run 2's 130: run 1's
    /// errors are 100 - 130 = -30, 100 - 80 = +20, 100 - 100 = 0. Before, the run appended
    /// last won: 120, error -20.
    @Test func anOlderReplayDoesNotOverrideTheActualOfNewerData() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryActualsTests.year, december = RunHistoryActualsTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y)], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: december + 3, series: [("A", y + [130, 80, 100])], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: december + 2, series: [("A", y + [120, 80])], forecast: 100, horizon: 3)
        var errors: [String: Double] = [:]
        _ = try ForecastTracking.score(history) { if $0.runID == 1 { errors[$0.period] = $0.error } }
        #expect(errors == ["2026-01": -30, "2026-02": 20, "2026-03": 0])
        // A later run of the newest data that revises 2026-01 again (to 125) wins: -25.
        try RunHistoryActualsTests.append(history, last: december + 4, series: [("A", y + [125, 80, 100, 100])], forecast: 100, horizon: 3)
        errors = [:]
        _ = try ForecastTracking.score(history) { if $0.runID == 1 { errors[$0.period] = $0.error } }
        #expect(errors["2026-01"] == -25)
    }

    /// A back-filled history (a review's case): the run of data through December first, then
    /// replays as of June and September. The June run's forecasts of July to September were
    /// never scored: no run recorded those months, which lay between the periods held, though
    /// the December and September runs both read them. Known answers: 100 against 107, 108
    /// and 109.
    @Test func aBackFilledRunsForecastsAreScoredAgainstTheMonthsLaterRunsRead() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = (1...12).map { 100 + Double($0) }, january = RunHistoryActualsTests.january2025
        try RunHistoryActualsTests.append(history, last: january + 11, series: [("A", y)], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: january + 5, series: [("A", Array(y[0..<6]))], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: january + 8, series: [("A", Array(y[0..<9]))], forecast: 100, horizon: 3)
        var errors: [String: Double] = [:]
        _ = try ForecastTracking.score(history) { if $0.runID == 2 { errors[$0.period] = $0.error } }
        #expect(errors == ["2025-07": -7, "2025-08": -8, "2025-09": -9])
    }

    /// Finding 1 of the history review: the run of data through December, then a replay as of
    /// June (the current run first, then a back-fill), against the same two runs the other way
    /// round. The June run forecasts July to September at 100 and the December run read them
    /// (107, 108, 109): errors -7, -8, -9 in both orders. Before, the December run appended
    /// first stored only October on (3 periods before its own first forecast), and the June
    /// run's 3 forecasts were never scored: 0 of 6 in that order, 3 of 6 in the other.
    @Test(arguments: [false, true])
    func scoresDoNotDependOnTheOrderTheRunsWereAppended(newestFirst: Bool) throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = (1...12).map { 100 + Double($0) }, january = RunHistoryActualsTests.january2025
        let runs = [(last: january + 5, values: Array(y[0..<6])), (last: january + 11, values: y)]
        for run in newestFirst ? runs.reversed() : runs {
            try RunHistoryActualsTests.append(history, last: run.last, series: [("A", run.values)], forecast: 100, horizon: 3)
        }
        var errors: [String: Double] = [:]
        let tracking = try ForecastTracking.score(history) { errors[$0.period] = $0.error }
        #expect(errors == ["2025-07": -7, "2025-08": -8, "2025-09": -9])
        #expect(tracking.scored == 3 && tracking.archivedForecasts == 6 && tracking.unrecorded == 0)
        // Each month once, whichever order: 2025-01..12.
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 12)
    }

    /// A history written before runs recorded every period they read, in that order: the
    /// December run stored October on, the June replay April to June. The June run's forecasts
    /// of July to September have no actual though October has one: the report says new data
    /// will not fill them and to run the newest export again, not to wait for new periods.
    /// Running it again records them.
    @Test func aGapOfAnEarlierVersionIsNamedAndTheNewestRunFillsIt() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = (1...12).map { 100 + Double($0) }, january = RunHistoryActualsTests.january2025
        try RunHistoryActualsTests.append(history, last: january + 11, series: [("A", y)], forecast: 100, horizon: 3)
        try RunHistoryActualsTests.append(history, last: january + 5, series: [("A", Array(y[0..<6]))], forecast: 100, horizon: 3)
        // As the earlier version left it: no actual before October but April to June.
        try history.connection.execute("DELETE FROM actuals WHERE period < '2025-10' AND NOT period BETWEEN '2025-04' AND '2025-06'")
        var tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.scored == 0 && tracking.unrecorded == 3)
        let summary = tracking.report(history: "h.sqlite").summary.joined(separator: " ")
        #expect(summary.contains("3 archived forecasts are of periods before the latest actual of their series"))
        #expect(summary.contains("run the newest export again"))
        #expect(!summary.contains("once new periods are in the data"))
        try RunHistoryActualsTests.append(history, last: january + 11, series: [("A", y)], forecast: 100, horizon: 3)
        tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.scored == 3 && tracking.unrecorded == 0)
    }

    /// Finding 10 of the history review: a run with a monthly stage through 2025-06 and a
    /// weekly one through 2025-W52 saw data to late December; its as_of said 2025-06 (a month's
    /// number beat a week's). Compared by last days: 2025-W52 (ends 2025-12-28), also with
    /// the stages the other way round; a daily stage through 2025-12-31 ends later still.
    @Test func aRunsAsOfIsTheStageThatEndsLatest() throws {
        func stage(_ name: String, _ frequency: Frequency, _ label: String) throws -> StageRecord {
            var stage = StageRecord(stage: name, frequency: frequency, lastPeriod: try #require(frequency.period(ofLabel: label)))
            stage.addActuals(monthlyTotals("A", first: RunHistoryActualsTests.january2025, [1]))
            return stage
        }
        var record = RunRecord(command: "run", output: "out")
        record.stages = [try stage("m", .month, "2025-06"), try stage("w", .week, "2025-W52")]
        #expect(record.asOf == "2025-W52")
        record.stages.reverse()
        #expect(record.asOf == "2025-W52")
        record.stages.append(try stage("d", .day, "2025-12-31"))
        #expect(record.asOf == "2025-12-31")
        record.stages.append(try stage("q", .quarter, "2025-Q3"))
        #expect(record.asOf == "2025-12-31")
        let history = try RunHistory.open(temporaryHistoryPath())
        let id = try history.append(record)
        let stored = try history.connection.prepare("SELECT as_of FROM runs WHERE run_id = \(id)")
        #expect(try stored.step() && stored.text(0) == "2025-12-31")
    }

    /// A stage that saw no rows (a filter that matched none) beside one that forecast: the
    /// run was recorded without it; it had crashed on the label of its last period.
    @Test func aStageWithNoRowsIsNotRecorded() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        var record = RunRecord(command: "run", output: "out")
        var stage = StageRecord(stage: "demand", frequency: .month, lastPeriod: RunHistoryActualsTests.december2025)
        stage.add(series: "A", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 90, hi95: 110), levels: [80, 95],
                  history: RunHistoryActualsTests.year, season: 12)
        stage.addActuals(monthlyTotals("A", first: RunHistoryActualsTests.january2025, RunHistoryActualsTests.year))
        record.stages = [stage, StageRecord(stage: "none", frequency: .month, lastPeriod: Int.min)]
        #expect(try history.append(record) == 1)
    }

    /// A history written by the previous version, run in the order a, c, b (the reviewer's
    /// h_order.sqlite, row for row): run 3, the older data, stored 2026-01 = 120 after run 2
    /// stored 130. It reads as it is, and run 1's 2026-01 forecast of 100 scores against 130
    /// (error -30), not 120.
    @Test func aHistoryOfThePreviousVersionScoresTheNewestVintage() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        try history.connection.execute("""
            INSERT INTO runs VALUES (1, '2026-12-04T00:53:18Z', '2026-12-04T00:53:18Z', 'forecast', NULL, '2025-12', 'ra/f.csv'),
                                    (2, '2026-12-04T00:53:18Z', '2026-12-04T00:53:18Z', 'forecast', NULL, '2026-03', 'rc/f.csv'),
                                    (3, '2026-12-04T00:53:18Z', '2026-12-04T00:53:18Z', 'forecast', NULL, '2026-02', 'rb/f.csv');
            INSERT INTO stage_runs(run_id, stage, frequency, last_period) VALUES (1, 'forecast', 'month', '2025-12'), (2, 'forecast', 'month', '2026-03'), (3, 'forecast', 'month', '2026-02');
            INSERT INTO forecasts(run_id, stage, series, period, lag, forecast, lo80, hi80, lo95, hi95, model, demand_class, snaive)
                VALUES (1, 'forecast', 'A', '2026-01', 1, 100, 100, 100, 100, 100, 'Combo', 'smooth', 100);
            INSERT INTO actuals VALUES (2, 'forecast', 'A', '2026-01', 130), (3, 'forecast', 'A', '2026-01', 120);
            """)
        var rows: [TrackedForecast] = []
        _ = try ForecastTracking.score(history) { rows.append($0) }
        #expect(rows.map(\.actual) == [130])
        #expect(rows.map(\.error) == [-30])
    }

    /// One stage run weekly, then monthly (a staffing run changed frequency): each run records
    /// its own frequency's actuals, looking only at its own labels. Guards the per-series
    /// lookup: a week label ("2026-W07") sorts after every month of 2026 and, read as the
    /// series' last actual, would have put 2026-01..03 inside the periods already held.
    /// Known answer: A at 100 through 2025-12 forecast 3 months ahead (run 1); a weekly run of
    /// the same stage and series (forecasts and actuals in weeks); then a monthly run through
    /// 2026-03 at 110: run 1's 3 monthly forecasts score -10 each.
    @Test func weeklyLabelsInTheStageDoNotHideMonthlyPeriods() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryActualsTests.year, december = RunHistoryActualsTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y)], forecast: 100, horizon: 3)
        let week = Frequency.week.period(ofLabel: "2026-W05")!
        for last in [week, week + 2] {
            var record = RunRecord(command: "staffing", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .week, lastPeriod: last)
            stage.add(series: "A", forecast: flatForecast(25, horizon: 4, lo80: 20, hi80: 30, lo95: 15, hi95: 35), levels: [80, 95],
                      history: Array(repeating: 25, count: 10), season: 52)
            var totals = PeriodTotals(frequency: .week)
            var key = "A"
            for k in 0..<10 { key.withUTF8 { totals.add(key: $0, day: Frequency.week.firstDay(of: last - 9 + k), value: 25) } }
            stage.addActuals(totals)
            record.stages = [stage]
            try history.append(record)
        }
        try RunHistoryActualsTests.append(history, last: december + 3, series: [("A", y + [110, 110, 110])], forecast: 110, horizon: 3)
        var monthly: [TrackedForecast] = []
        _ = try ForecastTracking.score(history) { if $0.runID == 1 { monthly.append($0) } }
        #expect(monthly.map(\.period) == ["2026-01", "2026-02", "2026-03"])
        #expect(monthly.allSatisfy { $0.error == -10 })
    }

    /// Review case 07: A at 100 a month through 2025-12 forecast 100 for 2026-01..06 (run 1);
    /// run 2 reads 110 for each of those months; run 3's export, through 2026-07, restates
    /// February to 160 (a late credit re-posted five months back) and March 2025 to 999. The
    /// revision window (the 3 months up to June) did not reach February: it stayed 110, and
    /// run 1's February forecast was scored -10 where 100 - 160 = -60 is right. February is
    /// recorded now (an archived forecast targets it); March 2025, which no forecast targets,
    /// is not: 12 + 6 + 2 (February, July) = 20 actuals.
    @Test func aRestatementBeforeTheRevisionWindowOfAForecastPeriodIsScored() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryActualsTests.year, december = RunHistoryActualsTests.december2025
        try RunHistoryActualsTests.append(history, last: december, series: [("A", y)], forecast: 100, horizon: 6)
        let later = Array(repeating: 110.0, count: 6)
        try RunHistoryActualsTests.append(history, last: december + 6, series: [("A", y + later)], forecast: 110, horizon: 3)
        var restated = y + later + [110]
        restated[13] = 160
        restated[2] = 999
        try RunHistoryActualsTests.append(history, last: december + 7, series: [("A", restated)], forecast: 110, horizon: 3)
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 20)
        var february: [Double] = [], march2025 = 0
        _ = try ForecastTracking.score(history) { row in
            if row.period == "2026-02" && row.runID == 1 { february.append(row.error) }
        }
        march2025 = try history.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-03' AND value = 999")
        #expect(february == [-60])
        #expect(march2025 == 0)
    }
}
