import Foundation
import Testing
@testable import Forecasting
@testable import History
import Reports
import TestScratch

/// A history in a fresh temporary folder.
func temporaryHistoryPath(_ name: String = "history.sqlite") -> String {
    let folder = TestScratch.path("qm-history").path
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder + "/" + name
}

/// A forecast of `mean` every period with the given 80% and 95% bounds.
func flatForecast(_ mean: Double, horizon: Int, lo80: Double, hi80: Double, lo95: Double, hi95: Double) -> SeriesForecast {
    SeriesForecast(mean: Array(repeating: mean, count: horizon),
                   lower: [Array(repeating: lo80, count: horizon), Array(repeating: lo95, count: horizon)],
                   upper: [Array(repeating: hi80, count: horizon), Array(repeating: hi95, count: horizon)],
                   spread: Array(repeating: 1, count: horizon), model: "Test", demandClass: .smooth, candidates: [])
}

/// Totals of one series over consecutive months from `first`.
func monthlyTotals(_ series: String, first: Int, _ values: [Double]) -> PeriodTotals {
    var totals = PeriodTotals(frequency: .month)
    var key = series
    for (k, v) in values.enumerated() {
        key.withUTF8 { totals.add(key: $0, day: Frequency.month.firstDay(of: first + k), value: v) }
    }
    return totals
}

@Suite struct ForecastTrackingTests {
    static let march2026 = Frequency.month.period(ofLabel: "2026-03")!

    /// Must show 1. A series at 100 a month for two years (to March 2026) is forecast 3 months
    /// ahead at 100 with 80% interval [95, 105] and 95% interval [88, 112]; the next run, three
    /// months later, saw 110 in April, May and June. Each month is one lag: lags 1, 2, 3 with
    /// forecast 100, actual 110, error = 100 - 110 = -10; 110 is above 105 (outside the 80%
    /// interval) and below 112 (inside the 95% one). The seasonal naive forecast (the value
    /// 12 months before) is also 100, so its error is -10 too and the value added is
    /// 1 - 10/10 = 0. WAPE = 30 / 330 = 0.0909.
    @Test func aFlatSeriesForecastThreeMonthsAheadIsScoredAtLagsOneToThree() throws {
        let path = temporaryHistoryPath()
        let history = try RunHistory.open(path)
        let start = ForecastTrackingTests.march2026 - 23
        var first = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: ForecastTrackingTests.march2026)
        stage.add(series: "A", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 88, hi95: 112),
                  levels: [80, 95], history: Array(repeating: 100, count: 24), season: 12)
        stage.addActuals(monthlyTotals("A", first: start, Array(repeating: 100, count: 24)))
        first.stages = [stage]
        let firstID = try history.append(first)

        var second = RunRecord(command: "forecast", output: "out")
        var later = StageRecord(stage: "forecast", frequency: .month, lastPeriod: ForecastTrackingTests.march2026 + 3)
        let seen = Array(repeating: 100.0, count: 24) + [110, 110, 110]
        later.add(series: "A", forecast: flatForecast(110, horizon: 3, lo80: 100, hi80: 120, lo95: 90, hi95: 130),
                  levels: [80, 95], history: seen, season: 12)
        later.addActuals(monthlyTotals("A", first: start, seen))
        second.stages = [later]
        try history.append(second)

        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(rows.map(\.lag) == [1, 2, 3])
        #expect(rows.map(\.period) == ["2026-04", "2026-05", "2026-06"])
        #expect(rows.allSatisfy { $0.runID == firstID && $0.forecast == 100 && $0.actual == 110 && $0.error == -10 })
        #expect(rows.allSatisfy { $0.inside80 == false && $0.inside95 == true })
        #expect(rows.allSatisfy { $0.seasonalNaive == 100 })
        #expect(tracking.archivedForecasts == 6)   // the second run's 3 have no actual yet
        #expect(tracking.scored == 3)
        let group = try #require(tracking.groups[.init(stage: "forecast", frequency: "month")])
        #expect(tracking.groups.count == 1)
        for lag in 1...3 {
            let a = try #require(group.byLag[lag])
            #expect(a.mae == 10 && a.bias == -10 && a.coverage80 == 0 && a.coverage95 == 1 && a.valueAdded == 0)
        }
        #expect(abs(group.overall.wape - 30.0 / 330.0) < 1e-12)
        // Three errors of -10: sum -30 over MAD 10 = -3, inside the threshold of 4.
        #expect(ForecastTracking.trackingSignal([-10, -10, -10]) == -3)
        #expect(tracking.drifting.isEmpty)
    }

    /// Finding 4 of the history review: a history of a variance stage (dollars) and a demand
    /// stage (units, monthly and weekly) was scored as one: one bias "a period" adding dollars
    /// to units, one lag 1 that was a month in one row and a week in the next. Each stage and
    /// frequency is scored apart: variance 3 forecasts of 10,000 against 12,000 (bias -2,000 a
    /// month, WAPE 2,000 / 12,000 = 16.7%), demand monthly 100 against 90 (bias +10), demand
    /// weekly 25 against 20 in two weeks (bias +5). Finding 11: under `--negatives
    /// parentheses` the report writes -2,000 as (2,000).
    @Test func eachStageAndFrequencyIsScoredApart() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let december = Frequency.month.period(ofLabel: "2025-12")!, january = december - 11
        let week = Frequency.week.period(ofLabel: "2026-W05")!
        func stage(_ name: String, _ frequency: Frequency, last: Int, first: Int, values: [Double], forecast: Double) -> StageRecord {
            var stage = StageRecord(stage: name, frequency: frequency, lastPeriod: last)
            stage.add(series: "A", forecast: flatForecast(forecast, horizon: 3, lo80: forecast - 1, hi80: forecast + 1, lo95: forecast - 2, hi95: forecast + 2),
                      levels: [80, 95], history: values, season: frequency == .week ? 52 : 12)
            var totals = PeriodTotals(frequency: frequency)
            var key = "A"
            for (k, v) in values.enumerated() { key.withUTF8 { totals.add(key: $0, day: frequency.firstDay(of: first + k), value: v) } }
            stage.addActuals(totals)
            return stage
        }
        var first = RunRecord(command: "run", output: "out")
        first.stages = [stage("variance", .month, last: december, first: january, values: Array(repeating: 10000, count: 12), forecast: 10000),
                        stage("demand", .month, last: december, first: january, values: Array(repeating: 100, count: 12), forecast: 100)]
        try history.append(first)
        var second = RunRecord(command: "run", output: "out")
        second.stages = [stage("variance", .month, last: december + 3, first: january, values: Array(repeating: 10000, count: 12) + [12000, 12000, 12000], forecast: 12000),
                         stage("demand", .month, last: december + 3, first: january, values: Array(repeating: 100, count: 12) + [90, 90, 90], forecast: 90)]
        try history.append(second)
        // The same stage run weekly (one frequency a run).
        for (last, values, forecast) in [(week, Array(repeating: 25.0, count: 10), 25.0), (week + 2, Array(repeating: 25.0, count: 10) + [20, 20], 20.0)] {
            var weekly = RunRecord(command: "run", output: "out")
            weekly.stages = [stage("demand", .week, last: last, first: week - 9, values: values, forecast: forecast)]
            try history.append(weekly)
        }
        let tracking = try ForecastTracking.score(history) { _ in }
        typealias Group = ForecastTracking.Group
        #expect(tracking.groups.keys.sorted() == [Group(stage: "demand", frequency: "month"), Group(stage: "demand", frequency: "week"), Group(stage: "variance", frequency: "month")])
        let variance = try #require(tracking.groups[Group(stage: "variance", frequency: "month")]?.overall)
        #expect(variance.count == 3 && variance.bias == -2000 && abs(variance.wape - 2000.0 / 12000.0) < 1e-12)
        #expect(tracking.groups[Group(stage: "demand", frequency: "month")]?.overall.bias == 10)
        let weekly = try #require(tracking.groups[Group(stage: "demand", frequency: "week")])
        #expect(weekly.overall.count == 2 && weekly.overall.bias == 5 && weekly.byLag.keys.sorted() == [1, 2])
        let minus = tracking.report(history: "h.sqlite")
        let summary = minus.summary.joined(separator: "\n")
        #expect(summary.contains("stage 'variance' (month): 3 scored; WAPE 16.7%, bias -2,000 a month"))
        #expect(summary.contains("stage 'demand' (week): 2 scored; WAPE 25%, bias 5 a week"))
        #expect(!summary.contains("Overall"))
        let parentheses = tracking.report(history: "h.sqlite", numbers: NumberStyle(negatives: .parentheses))
        #expect(parentheses.summary.joined(separator: "\n").contains("bias (2,000) a month"))
        let markdown = parentheses.markdown(figurePrefix: "t")
        #expect(markdown.contains("| variance | month | 1 | 1 | 2,000 | 16.7% | (2,000) |"))
        #expect(!markdown.contains("-2,000"))
    }

    /// Only new or revised actuals are stored: a third run over the same data adds none,
    /// and a revised June replaces the actual tracking uses (the latest recorded).
    @Test func anActualOnAnIntervalWithNoSpreadIsInsideIt() {
        // A steady 100 forecast as a combination whose weights sum to 1 within rounding.
        let bound = 99.99999999999998
        let row = TrackedForecast(stage: "forecast", series: "S1", period: "2024-09", lag: 3, runID: 1, forecast: bound, actual: 100,
                                  lo80: bound, hi80: bound, lo95: bound, hi95: bound, seasonalNaive: 100, demandClass: "smooth")
        #expect(row.inside80 == true && row.inside95 == true)
        var off = row
        off.actual = 100.001
        #expect(off.inside80 == false)
        off.lo80 = .nan
        #expect(off.inside80 == nil)
    }

    @Test func actualsAreStoredOnceAndTheLatestRevisionScores() throws {
        let path = temporaryHistoryPath()
        let history = try RunHistory.open(path)
        let start = ForecastTrackingTests.march2026 - 23
        func run(last: Int, seen: [Double]) throws {
            var record = RunRecord(command: "forecast", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: last)
            stage.add(series: "A", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 88, hi95: 112),
                      levels: [80, 95], history: seen, season: 12)
            stage.addActuals(monthlyTotals("A", first: start, seen))
            record.stages = [stage]
            try history.append(record)
        }
        let base = Array(repeating: 100.0, count: 24)
        try run(last: ForecastTrackingTests.march2026, seen: base)
        // Nothing to score yet: the 24 months read, which a replay of older data may forecast.
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 24)
        try run(last: ForecastTrackingTests.march2026 + 3, seen: base + [110, 110, 110])
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 27)   // April-June
        try run(last: ForecastTrackingTests.march2026 + 3, seen: base + [110, 110, 110])
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 27)
        try run(last: ForecastTrackingTests.march2026 + 3, seen: base + [110, 110, 130])
        #expect(try history.connection.integer("SELECT count(*) FROM actuals") == 28)
        var june: [Double] = []
        _ = try ForecastTracking.score(history) { if $0.period == "2026-06" && $0.runID == 1 { june.append($0.actual) } }
        #expect(june == [130])
    }

    /// Report section 6: A at 100 a month through 2025-12, forecast 2 months ahead at 100 by
    /// three identical runs, then a run that saw 120 in 2026-01 and 2026-02. Scored once: two
    /// forecasts, errors -20 and -20, of one run, so not judged for drift; the other 4 are
    /// repeats. Before, all 6 were scored: -120 / 20 = -6, flagged as drifting.
    /// A run over revised data that ends at the same period but forecasts 105 is a new
    /// forecast: scored too, errors -15 and -15; with two runs scored, one error a run
    /// (-20 and -15, signal -35 / 17.5 = -2), not drifting.
    @Test func aReRunOverTheSameDataIsScoredOnce() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let december = Frequency.month.period(ofLabel: "2025-12")!, january2025 = december - 11
        func run(last: Int, seen: [Double], forecast: Double) throws {
            var record = RunRecord(command: "forecast", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: last)
            stage.add(series: "A", forecast: flatForecast(forecast, horizon: 2, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                      levels: [80, 95], history: seen, season: 12)
            stage.addActuals(monthlyTotals("A", first: january2025, seen))
            record.stages = [stage]
            try history.append(record)
        }
        let year = Array(repeating: 100.0, count: 12)
        for _ in 1...3 { try run(last: december, seen: year, forecast: 100) }
        try run(last: december + 2, seen: year + [120, 120], forecast: 120)
        var rows: [TrackedForecast] = []
        var tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.archivedForecasts == 8)
        #expect(tracking.scored == 2 && tracking.repeats == 4)
        #expect(rows.map(\.runID) == [1, 1] && rows.map(\.lag) == [1, 2] && rows.map(\.error) == [-20, -20])
        #expect(tracking.groups.first?.value.byLag[1]?.count == 1 && tracking.groups.first?.value.byLag[2]?.count == 1)
        #expect(tracking.drifting.isEmpty && tracking.judgedOnOneRun == 1)
        #expect(tracking.report(history: "h.sqlite").summary[0].contains("4 more repeat a forecast already scored"))

        var revised = year
        revised[0] = 110
        try run(last: december, seen: revised, forecast: 105)
        rows = []
        tracking = try ForecastTracking.score(history) { rows.append($0) }
        // From the same data cutoff (December), so it replaces runs 1 to 3's forecasts.
        #expect(tracking.scored == 2 && tracking.repeats == 0 && tracking.superseded == 6 && tracking.supersededRuns == [1, 2, 3])
        #expect(rows.map(\.runID) == [5, 5] && rows.map(\.error) == [-15, -15])
        #expect(tracking.drifting.isEmpty && tracking.judgedOnOneRun == 1)
    }

    /// Finding 1 of the run-history review: the Monday job re-run over the same export with
    /// `--models ets` forecast other values from the same data cutoff, and both runs were
    /// scored: the week counted twice, and two unbiased items were flagged as drifting. One
    /// forecast counts per series, period and cutoff, the latest run's: run 1 forecasts 100 for
    /// January to March 2026 from December, run 2 re-runs December forecasting 110 for January
    /// only, run 3 sees 120 in January to March. Scored: run 2's January (-10) and run 1's
    /// February and March (-20, -20), the only forecasts of theirs from December; run 1's
    /// January is superseded. One cutoff, so one forecast for the signal, not judged yet
    /// (keyed by run, runs 1 and 2 read as two).
    @Test func aReRunFromTheSameCutoffReplacesTheEarlierForecast() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let december = Frequency.month.period(ofLabel: "2025-12")!, january2025 = december - 11
        func run(last: Int, seen: [Double], forecast: Double, horizon: Int) throws {
            var record = RunRecord(command: "forecast", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: last)
            stage.add(series: "A", forecast: flatForecast(forecast, horizon: horizon, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                      levels: [80, 95], history: seen, season: 12)
            stage.addActuals(monthlyTotals("A", first: january2025, seen))
            record.stages = [stage]
            try history.append(record)
        }
        let year = Array(repeating: 100.0, count: 12)
        try run(last: december, seen: year, forecast: 100, horizon: 3)
        try run(last: december, seen: year, forecast: 110, horizon: 1)
        try run(last: december + 3, seen: year + [120, 120, 120], forecast: 120, horizon: 1)
        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.scored == 3 && tracking.superseded == 1 && tracking.repeats == 0)
        #expect(rows.map(\.runID) == [2, 1, 1] && rows.map(\.error) == [-10, -20, -20])
        #expect(tracking.groups.first?.value.byLag[1]?.count == 1)
        #expect(tracking.drifting.isEmpty && tracking.judgedOnOneRun == 1)
        #expect(tracking.report(history: "h.sqlite").summary[0].contains("1 forecast of 1 run (1) left out as superseded"))
    }

    /// Finding 4 of the run-history review: 120 gloves posted late into one week made one
    /// error of -162.4 of a sum of -169 over 10 runs, 5 errors above and 5 below; the report
    /// said the forecasts lean low. The signal stays the contract's (-8.4 here, flagged), and
    /// the report says most of it comes from that period; a series short every run leans.
    @Test func aSignalMadeByOnePeriodIsSaidToComeFromIt() throws {
        let small: [Double] = [1, -1, 1, -1, 1, -1, 1, -1, -1]
        let errors = small.enumerated().map { (period: "2026-W0\($0.offset + 1)", lag: 1, run: $0.offset + 1, error: $0.element) } + [(period: "2026-W10", lag: 1, run: 10, error: -40.0)]
        let late = ForecastTracking.Drifting(stage: "forecast", series: "10-4410", trackingSignal: ForecastTracking.trackingSignal(errors.map(\.error))!, errors: errors)
        #expect(late.trackingSignal < -ForecastTracking.signalThreshold)
        let oneOff = try #require(late.oneOff)
        #expect(oneOff.period == "2026-W10" && oneOff.error == -40 && oneOff.signalWithout == -1)
        let format = ForecastTracking.Format(numbers: NumberStyle())
        #expect(ForecastTracking.reading(late, format).hasPrefix("most of this lean comes from 2026-W10 (-40 of -41 summed): a late or corrected posting?"))

        let leaning = ForecastTracking.Drifting(stage: "forecast", series: "B", trackingSignal: -6,
                                                errors: (1...6).map { (period: "2026-W0\($0)", lag: 1, run: $0, error: -10.0) })
        #expect(leaning.oneOff == nil)
        #expect(ForecastTracking.reading(leaning, format).hasPrefix("forecasts lean low"))
        var tracking = ForecastTracking()
        tracking.drifting = [late, leaning]
        tracking.scored = 1
        tracking.groups[.init(stage: "forecast", frequency: "week")] = ForecastTracking.GroupAccuracy()
        let report = tracking.report(history: "h.sqlite")
        #expect(report.summary.contains { $0.hasPrefix("2 series drift (|tracking signal| above 4), 1 of them by one period's error") })
        #expect(report.markdown(figurePrefix: "t").contains("| 10-4410 | forecast | -8.4 | most of this lean comes from 2026-W10"))
    }

    /// One run forecast 100 for six months that came in at 120: six errors of -20 are one
    /// forecast's one error of level, not drift (summed over its lags they read -6, and the
    /// demo's one scored run flagged 121 of 392 series). It is counted as not judged yet. A
    /// second run a month later adds one forecast, not its six lags again: two errors, -2.
    /// Runs forecasting 100 month after month, each short by 20, drift: one error a run, at its
    /// shortest lag, six runs, -6.
    @Test func driftIsJudgedOverRunsNotOverOneRunsLags() throws {
        let december = Frequency.month.period(ofLabel: "2025-12")!, january2025 = december - 11
        let year = Array(repeating: 100.0, count: 12)
        /// A run that saw `months` of 120 after a year at 100 and forecasts `forecast` six ahead.
        func run(_ history: RunHistory, months: Int, forecast: Double) throws {
            let seen = year + Array(repeating: 120, count: months)
            var record = RunRecord(command: "forecast", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: december + months)
            stage.add(series: "A", forecast: flatForecast(forecast, horizon: 6, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                      levels: [80, 95], history: seen, season: 12)
            stage.addActuals(monthlyTotals("A", first: january2025, seen))
            record.stages = [stage]
            try history.append(record)
        }
        let first = try RunHistory.open(temporaryHistoryPath())
        try run(first, months: 0, forecast: 100)
        try run(first, months: 6, forecast: 120)
        var tracking = try ForecastTracking.score(first) { _ in }
        #expect(tracking.scored == 6)
        #expect(tracking.drifting.isEmpty && tracking.judgedOnOneRun == 1)
        #expect(tracking.report(history: "h.sqlite").summary.contains { $0.contains("1 series has scored forecasts from one run only") })

        let second = try RunHistory.open(temporaryHistoryPath())
        try run(second, months: 0, forecast: 100)
        try run(second, months: 1, forecast: 100)
        try run(second, months: 7, forecast: 120)
        tracking = try ForecastTracking.score(second) { _ in }
        #expect(tracking.judgedOnOneRun == 0 && tracking.drifting.isEmpty)
        for months in 2...5 { try run(second, months: months, forecast: 100) }
        try run(second, months: 7, forecast: 120)
        tracking = try ForecastTracking.score(second) { _ in }
        let drift = try #require(tracking.drifting.first)
        #expect(drift.trackingSignal == -6 && drift.errors.count == 6)
        #expect(drift.errors.map(\.lag) == Array(repeating: 1, count: 6) && drift.errors.map(\.run) == [1, 2, 4, 5, 6, 7])
    }

    /// Five errors of +10 and one of -2: sum 48 over MAD 52/6 = 5.54 > 4, flagged; a series
    /// with errors +10, -10 (sum 0) is not.
    @Test func trackingSignalFlagsSeriesThatLeanOneWay() throws {
        let signal = try #require(ForecastTracking.trackingSignal([10, 10, 10, 10, 10, -2]))
        #expect(abs(signal - 48 / (52.0 / 6)) < 1e-12)
        #expect(ForecastTracking.trackingSignal([10, -10]) == 0)
        #expect(ForecastTracking.trackingSignal([0, 0]) == nil)
        // A flat 50 stored as 49.999999999999986: errors of float noise are no signal (it read -6).
        #expect(ForecastTracking.trackingSignal(Array(repeating: 49.999999999999986 - 50, count: 6)) == nil)
    }

    /// Round 2, finding 3: "most of this lean comes from one period" was said of a lasting rise
    /// in use (IV start kits up 60%: -54 then -66 after errors above). Said only when that error
    /// dwarfs the others (twice the next largest) and those after it do not all lean its way.
    @Test func aLastingRiseIsNotSaidToComeFromOnePeriod() throws {
        func drifting(_ errors: [Double]) -> ForecastTracking.Drifting {
            let e = errors.enumerated().map { (period: "2026-W\(10 + $0.offset)", lag: 1, run: $0.offset + 1, error: $0.element) }
            return ForecastTracking.Drifting(stage: "forecast", series: "22-0812", trackingSignal: ForecastTracking.trackingSignal(errors)!, errors: e)
        }
        #expect(drifting([20, 25, 22, -54, -66]).oneOff == nil)
        #expect(drifting([20, 25, 22, -20, -100, -10]).oneOff == nil)
        let alone = try #require(drifting([5, -5, 4, -4, -100, 3]).oneOff)
        #expect(alone.error == -100 && alone.period == "2026-W14")
    }
}
