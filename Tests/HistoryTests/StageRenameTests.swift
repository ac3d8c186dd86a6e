import Foundation
import Testing
@testable import Forecasting
@testable import History

/// Review case 03: a forecast stage renamed between monthly runs (`demand` -> `supply_demand`)
/// orphaned its archived forecasts, actuals being matched by stage only.
@Suite struct StageRenameTests {
    static let january2025 = Frequency.month.period(ofLabel: "2025-01")!
    static let december2025 = Frequency.month.period(ofLabel: "2025-12")!

    /// Appends a run of one stage: series `A` with `values` from January 2025 to `last`, and a
    /// flat forecast of `forecast` for the 3 months after it.
    static func append(_ history: RunHistory, stage name: String, values: [Double], forecast: Double, series: String = "A") throws {
        let last = january2025 + values.count - 1
        var record = RunRecord(command: "run", output: "out")
        var stage = StageRecord(stage: name, frequency: .month, lastPeriod: last)
        stage.add(series: series, forecast: flatForecast(forecast, horizon: 3, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                  levels: [80, 95], history: values, season: 12)
        stage.addActuals(monthlyTotals(series, first: january2025, values))
        record.stages = [stage]
        try history.append(record)
    }

    static let year = Array(repeating: 100.0, count: 12)

    /// Runs 1 and 2 of `demand`: through 2025-12 (forecast 100 for 2026-01..03), then through
    /// 2026-01 with January mis-keyed as 150 (forecast 100 for 2026-02..04). Run 3, renamed
    /// `supply_demand`, reads through 2026-03: January restated to 110, February and March 110.
    /// Both stages hold 2025 alike (12 of the 13 shared periods), and `demand` stopped before
    /// `supply_demand` began: a rename. `demand`'s 5 forecasts of January to March (3 of run
    /// 1, 2 of run 2) are scored against 110: error 100 - 110 = -10 each, WAPE 10/110 = 9.1%.
    /// Before, only run 1's January was scored, against the mis-keyed 150 (error -50).
    @Test func aRenamedStagesForecastsAreScoredAgainstTheLaterNamesActuals() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = StageRenameTests.year
        try StageRenameTests.append(history, stage: "demand", values: y, forecast: 100)
        try StageRenameTests.append(history, stage: "demand", values: y + [150], forecast: 100)
        try StageRenameTests.append(history, stage: "supply_demand", values: y + [110, 110, 110], forecast: 110)
        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.scored == 5)
        #expect(rows.map(\.error) == [-10, -10, -10, -10, -10])
        #expect(rows.allSatisfy { $0.stage == "demand" && $0.actual == 110 })
        #expect(tracking.renames == [ForecastTracking.Rename(from: "demand", to: "supply_demand", frequency: "month", shared: 13, alike: 12, series: 1, seriesAlike: 1, scored: 5)])
        let wape = tracking.groups[ForecastTracking.Group(stage: "supply_demand", frequency: "month")]!.overall.wape
        #expect(abs(wape - 10.0 / 110) < 1e-12)
        let note = try #require(tracking.renamesNote)
        #expect(note.contains("stage 'supply_demand' (month) began after stage 'demand' had stopped and recorded the same figures for 12 of the 13 non-zero figures both hold, and for 1 of the 1 series of 'demand': taken as its new name, so 5 forecasts of 'demand' are scored against the actuals 'supply_demand' recorded"), "\(note)")
    }

    /// Not a rename: a later stage of other figures (another department's usage of the same
    /// item, 1.3 times as much), or one that ran beside the first (two stages of one run).
    /// Run 1's forecasts stay unscored, as no run of their stage read their months.
    @Test func anotherJobsStageIsNotTakenAsARename() throws {
        let y = StageRenameTests.year
        let other = try RunHistory.open(temporaryHistoryPath())
        try StageRenameTests.append(other, stage: "icu", values: y, forecast: 100)
        try StageRenameTests.append(other, stage: "medsurg", values: (y + [110, 110, 110]).map { $0 * 1.3 }, forecast: 143)
        let apart = try ForecastTracking.score(other) { _ in }
        #expect(apart.renames.isEmpty && apart.scored == 0)
        // Not matched, yet said: icu stopped at 2025-12, its 3 forecasts of 2026-01..03 wait
        // for a run of its own while medsurg read those months.
        #expect(apart.stopped == [ForecastTracking.StoppedStage(stage: "icu", frequency: "month", lastPeriod: "2025-12", forecasts: 3, readBy: ["medsurg"])])
        #expect(apart.stoppedNote?.contains("stage 'icu' (month) has no run reading past 2025-12: 3 forecasts of it of later periods, which 'medsurg' read, are not scored") == true, "\(apart.stoppedNote ?? "")")

        let beside = try RunHistory.open(temporaryHistoryPath("beside.sqlite"))
        var record = RunRecord(command: "run", output: "out")
        for name in ["by_item", "all_items"] {
            var stage = StageRecord(stage: name, frequency: .month, lastPeriod: StageRenameTests.december2025)
            stage.add(series: "A", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 90, hi95: 110), levels: [80, 95], history: y, season: 12)
            stage.addActuals(monthlyTotals("A", first: StageRenameTests.january2025, y))
            record.stages.append(stage)
        }
        try beside.append(record)
        try StageRenameTests.append(beside, stage: "all_items", values: y + [110, 110, 110], forecast: 110)
        var rows: [TrackedForecast] = []
        let side = try ForecastTracking.score(beside) { rows.append($0) }
        #expect(side.renames.isEmpty)
        #expect(rows.allSatisfy { $0.stage == "all_items" } && side.scored == 3)
    }

    /// Round 2, finding 2: a stage renamed (`demand` -> `supply_demand`) is one stage, yet its
    /// series were summed and their signal taken by each name: the rename reset every tracking
    /// signal and named one item twice. Six monthly runs forecast 100 for 110 (three under each
    /// name): five runs scored, each 10 low, a signal of -5 across the rename (-3 and -2 apart).
    @Test func aRenamedStagesSeriesHaveOneSignalAndOneAccuracyAcrossTheRename() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        for k in 0..<6 {
            try StageRenameTests.append(history, stage: k < 3 ? "demand" : "supply_demand", values: Array(repeating: 110, count: 12 + k), forecast: 100)
        }
        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.renames.map(\.to) == ["supply_demand"])
        #expect(Array(tracking.groups.keys) == [ForecastTracking.Group(stage: "supply_demand", frequency: "month")])
        let drift = try #require(tracking.drifting.first)
        #expect(tracking.drifting.count == 1 && drift.stage == "supply_demand" && drift.errors.count == 5)
        #expect(abs(drift.trackingSignal + 5) < 1e-9)
    }
}
