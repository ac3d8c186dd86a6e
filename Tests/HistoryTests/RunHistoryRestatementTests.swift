import Foundation
import Testing
@testable import Forecasting
@testable import History
import Tabular

/// A run that restates most series the history holds, in every period compared, the same way:
/// another job's figures (an ICU-only export under the hospital job's stage name, 0.65x in
/// every month, under the factor-two check) or a change to what the job reads (a closed
/// department left out). Refused, unless the user says it is the same job (`sameJob`).
@Suite struct RunHistoryRestatementTests {
    static let december = RunHistoryActualsTests.december2025

    /// A run of stage `forecast`: each series' 2025 months, a flat forecast of 100 for 3 months.
    static func record(_ series: [(String, [Double])]) -> RunRecord {
        var record = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: december)
        for (name, values) in series {
            stage.add(series: name, forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 90, hi95: 110),
                      levels: [80, 95], history: values, season: 12)
            stage.addActuals(monthlyTotals(name, first: RunHistoryActualsTests.january2025, values))
        }
        record.stages = [stage]
        return record
    }

    static let year = RunHistoryActualsTests.year

    /// Items A, B and C at 100 a month. A run with every month at 65 (the ICU's share, 35%
    /// down: compared are October-December, the window, and July-September before it, 6
    /// periods of each of 3 series, 18 in all) is refused, naming the stage, 3 of the 3 series,
    /// 18 periods, 35% and a sample (A 2025-07 100 -> 65); the history keeps one run. Before,
    /// 0.65x passed as a restatement (apart needs a factor of two).
    @Test func mostSeriesRestatedTheSameWayAreRefused() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryRestatementTests.year
        try history.append(RunHistoryRestatementTests.record([("A", y), ("B", y), ("C", y)]))
        let icu = y.map { $0 * 0.65 }
        #expect {
            try history.append(RunHistoryRestatementTests.record([("A", icu), ("B", icu), ("C", icu)]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("the history's stage 'forecast' holds other figures for the same series: 3 of the 3 series this run shares with it differ by more than 10% in every period of theirs the history holds that was compared (18 periods in all")
                && text.contains("all down, by 35% (A 2025-07 100 -> 65, B 2025-07 100 -> 65, C 2025-07 100 -> 65)")
                && text.contains("--same-job")
        }
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 1)
    }

    /// Late postings are recorded: one series' one month up 30% (A December 100 -> 130), and a
    /// feed whose recent months all fill in (every series' October-December +60%: the months
    /// before them, July-September, stay as held). So is one series of three restated (C at
    /// 65 throughout: 1 of 3, under half).
    @Test func latePostingsAndOneSeriesRestatedAreRecorded() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryRestatementTests.year
        try history.append(RunHistoryRestatementTests.record([("A", y), ("B", y), ("C", y)]))
        var late = y
        late[11] = 130
        try history.append(RunHistoryRestatementTests.record([("A", late), ("B", y), ("C", y)]))
        let filled = y.enumerated().map { $0.offset >= 9 ? $0.element * 1.6 : $0.element }
        try history.append(RunHistoryRestatementTests.record([("A", filled), ("B", filled), ("C", filled)]))
        try history.append(RunHistoryRestatementTests.record([("A", filled), ("B", filled), ("C", y.map { $0 * 0.65 })]))
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 4)
    }

    /// Surgical Services (55% of the use) closes and the job leaves it out: every month at 45
    /// for 100, a factor of two or more apart. `sameJob` records it, says what it let through,
    /// and the next run of the same figures is recorded without it (the window now holds 45).
    @Test func sameJobRecordsARestatementThatIsMeant() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryRestatementTests.year
        try history.append(RunHistoryRestatementTests.record([("A", y), ("B", y)]))
        let open = y.map { $0 * 0.45 }
        #expect(throws: InputError.self) { try history.append(RunHistoryRestatementTests.record([("A", open), ("B", open)])) }
        let appended = try history.append(RunHistoryRestatementTests.record([("A", open), ("B", open)]), sameJob: true)
        #expect(appended.id == 2)
        #expect(appended.restated.map(\.stage) == ["forecast"])
        #expect(appended.restated.first?.change.contains("2 of the 2 series a factor of two or more apart") == true)
        #expect(try history.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-12' AND value = 45") == 2)
        try history.append(RunHistoryRestatementTests.record([("A", open), ("B", open)]))
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 3)
    }

    /// Finding 2 of the run-history review: one item of five restated in cases of 10 for its
    /// whole history was recorded without a word (1 of 5 is under the "most series" guard) and
    /// its forecasts scored as ~900% misses. Items A to E at 100 a month; the next run, three
    /// months on, has A at 10 in every month and the others as before, and 100 in January to
    /// March. It is recorded, with a note naming A and x0.1; track leaves run 1's three
    /// forecasts of A (100, in eaches) out, says so, and scores the others' 12 (error 0).
    @Test func oneSeriesRestatedByOneFactorIsNamedAndItsOldForecastsLeftOut() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryRestatementTests.year
        let names = ["A", "B", "C", "D", "E"]
        try history.append(RunHistoryRestatementTests.record(names.map { ($0, y) }))
        var record = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: RunHistoryRestatementTests.december + 3)
        for name in names {
            let values = name == "A" ? Array(repeating: 10.0, count: 15) : y + [100, 100, 100]
            stage.add(series: name, forecast: flatForecast(values[0], horizon: 3, lo80: 0, hi80: 200, lo95: 0, hi95: 300), levels: [80, 95], history: values, season: 12)
            stage.addActuals(monthlyTotals(name, first: RunHistoryActualsTests.january2025, values))
        }
        record.stages = [stage]
        let appended = try history.append(record, sameJob: false)
        #expect(appended.notes.count == 1)
        #expect(appended.notes.first?.contains("stage 'forecast': 1 series restated by one factor in every period the history held: A (every one of its 6 periods compared x0.1)") == true, "\(appended.notes)")

        let tracking = try ForecastTracking.score(history) { _ in }
        let change = try #require(tracking.unitChanges.first)
        #expect(tracking.unitChanges.count == 1 && change.series == "A" && change.run == 2 && change.periods == 3 && change.leftOut == 3 && abs(change.factor - 0.1) < 1e-9)
        #expect(tracking.scored == 12)
        #expect(tracking.groups.first?.value.overall.wape == 0)
        #expect(tracking.report(history: "h.sqlite").summary.contains { $0.hasPrefix("1 series restated by one factor in every period held, as when an item's unit of measure changes: A (stage 'forecast', x0.1 in every one of 3 periods by run 2; 3 forecasts of earlier runs left out)") })
    }

    /// Round 2, finding 1: a unit change reverted (x0.1, then x10 back) left out every forecast
    /// made before the revert, and the reverting run said nothing. Items A to E at 100 a month;
    /// runs every three months; run 3 has A at 10 in every month, run 4 at 100 again. Run 4
    /// names A; track scores runs 1 and 2's forecasts of A (eaches, against eaches) and leaves
    /// out only run 3's (cases).
    @Test func aUnitChangeRevertedIsNamedAndOnlyTheOtherUnitsForecastsLeftOut() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = RunHistoryRestatementTests.year
        let names = ["A", "B", "C", "D", "E"]
        try history.append(RunHistoryRestatementTests.record(names.map { ($0, y) }))
        var notes: [[String]] = []
        for (k, aValue) in [(1, 100.0), (2, 10.0), (3, 100.0)] {
            var record = RunRecord(command: "forecast", output: "out")
            var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: RunHistoryRestatementTests.december + 3 * k)
            for name in names {
                let values = name == "A" ? Array(repeating: aValue, count: 12 + 3 * k) : y + Array(repeating: 100, count: 3 * k)
                stage.add(series: name, forecast: flatForecast(values[0], horizon: 3, lo80: 0, hi80: 200, lo95: 0, hi95: 300), levels: [80, 95], history: values, season: 12)
                stage.addActuals(monthlyTotals(name, first: RunHistoryActualsTests.january2025, values))
            }
            record.stages = [stage]
            notes.append(try history.append(record, sameJob: false).notes)
        }
        #expect(notes[1].contains { $0.contains("A (every one of") && $0.contains("x0.1") }, "\(notes)")
        #expect(notes[2].contains { $0.contains("A (every one of its 6 periods restated before x10, back to the figures held before") }, "\(notes)")

        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.scored == 5 * 9 - 3)
        #expect(tracking.unitChanges.map(\.run) == [3, 4])
        #expect(tracking.unitChanges.map(\.leftOut).reduce(0, +) == 3)
        #expect(tracking.groups.first?.value.overall.wape == 0)
    }
}
