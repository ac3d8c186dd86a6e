import Foundation
import Testing
@testable import Forecasting
@testable import History

/// Review r2c cases 02, 05, 06 and 07: a stage taken as renamed on too little evidence (half the
/// shared pairs, zeros counted, one of two successors), and a restatement of a month only the
/// old name forecast not recorded after a true rename.
@Suite struct StageRenameEvidenceTests {
    static let january2025 = StageRenameTests.january2025

    /// Appends one run holding `stages`, each a name and its series' monthly values from
    /// January 2025 on; every series is forecast flat at `forecast` for the 3 months after.
    static func append(_ history: RunHistory, _ stages: [(name: String, series: [String: [Double]])], forecast: Double = 100) throws {
        var record = RunRecord(command: "run", output: "out")
        for (name, series) in stages {
            let count = series.values.map(\.count).max() ?? 0
            var stage = StageRecord(stage: name, frequency: .month, lastPeriod: january2025 + count - 1)
            for (key, values) in series.sorted(by: { $0.key < $1.key }) {
                stage.add(series: key, forecast: flatForecast(forecast, horizon: 3, lo80: forecast - 5, hi80: forecast + 5, lo95: forecast - 10, hi95: forecast + 10),
                          levels: [80, 95], history: values, season: 12)
                stage.addActuals(monthlyTotals(key, first: january2025, values))
            }
            record.stages.append(stage)
        }
        try history.append(record)
    }

    static func months(_ value: Double, _ count: Int) -> [Double] { Array(repeating: value, count: count) }

    /// Case 02: an ICU job (`icu`, series A, B, C at 100 a month) runs through 2025-12 and
    /// 2026-01, then a hospital-wide job (`hospital`) through 2026-03, where A and B are the
    /// ICU's alone (100) and C is used hospital-wide (300). Of the 39 non-zero pairs both hold
    /// (13 months x 3), 26 agree (67%, more than half: linked before) and C's 13 differ 3-fold,
    /// 10 of them before the ICU's revision window (2025-11..2026-01): 10 of 36 is far more than
    /// one in ten, so no link. Before, C's January forecast (run 1, 100) was scored against the
    /// hospital's 300 (error -200) though the ICU's own run 2 recorded 100; now the ICU's 3
    /// January forecasts are scored against its own 100 (error 0 each) and none against the
    /// hospital's figures.
    @Test func anotherJobWhoseFiguresDifferOnAFewSeriesIsNotARename() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let m = StageRenameEvidenceTests.months
        try StageRenameEvidenceTests.append(history, [("icu", ["A": m(100, 12), "B": m(100, 12), "C": m(100, 12)])])
        try StageRenameEvidenceTests.append(history, [("icu", ["A": m(100, 13), "B": m(100, 13), "C": m(100, 13)])])
        try StageRenameEvidenceTests.append(history, [("hospital", ["A": m(100, 15), "B": m(100, 15), "C": m(300, 15)])])
        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.renames.isEmpty)
        let icu = rows.filter { $0.stage == "icu" }
        #expect(icu.count == 3)
        #expect(icu.allSatisfy { $0.period == "2026-01" && $0.actual == 100 && $0.error == 0 })
    }

    /// Case 05: two hospitals' intermittent jobs on the same item code. `north` (A used 5 in
    /// March and 3 in September 2025, else nothing) runs through 2025-12; `south` (A used 4 in
    /// April and 2 in November) through 2026-03. Of the 12 months both hold, 8 are empty on both
    /// sides (8 of 12, more than half: linked before, north's 3 forecasts scored against
    /// south's months); the 4 non-zero pairs all differ. Now no link and nothing scored.
    @Test func monthsBothLeftEmptyAreNoEvidenceOfARename() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        var north = StageRenameEvidenceTests.months(0, 12)
        north[2] = 5
        north[8] = 3
        var south = StageRenameEvidenceTests.months(0, 15)
        south[3] = 4
        south[10] = 2
        try StageRenameEvidenceTests.append(history, [("north", ["A": north])], forecast: 1)
        try StageRenameEvidenceTests.append(history, [("south", ["A": south])], forecast: 1)
        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.renames.isEmpty)
        #expect(tracking.scored == 0)
    }

    /// Case 07: `demand` (I1, I2 of the ICU, O1, O2, O3 of the OR, 100 a month) runs through
    /// 2025-12; from the next run it is split into `icu_demand` (I1, I2) and `or_demand` (O1..O3),
    /// each with the same figures. Before, `or_demand` (36 alike pairs against 24) was taken as
    /// the new name and I1, I2 were said to be absent from its data. A split has no single new
    /// name: now neither is linked. Nor is a later stage holding 2 of the 5 series alone
    /// (`icu_demand` without `or_demand`, 24 of 24 pairs alike: linked before): most of the
    /// old stage's series must be found under the new name.
    @Test func aStageSplitInTwoIsNotRenamedToOneHalf() throws {
        let m = StageRenameEvidenceTests.months
        let all = ["I1": m(100, 12), "I2": m(100, 12), "O1": m(100, 12), "O2": m(100, 12), "O3": m(100, 12)]
        let split = try RunHistory.open(temporaryHistoryPath())
        try StageRenameEvidenceTests.append(split, [("demand", all)])
        try StageRenameEvidenceTests.append(split, [("icu_demand", ["I1": m(100, 15), "I2": m(100, 15)]),
                                                    ("or_demand", ["O1": m(100, 15), "O2": m(100, 15), "O3": m(100, 15)])])
        let tracking = try ForecastTracking.score(split) { _ in }
        #expect(tracking.renames.isEmpty)
        #expect(tracking.absent.isEmpty)

        let part = try RunHistory.open(temporaryHistoryPath("part.sqlite"))
        try StageRenameEvidenceTests.append(part, [("demand", all)])
        try StageRenameEvidenceTests.append(part, [("icu_demand", ["I1": m(100, 15), "I2": m(100, 15)])])
        #expect(try ForecastTracking.score(part) { _ in }.renames.isEmpty)
    }

    /// A true rename still links: `demand` (A, B at 100) through 2025-12, `supply_demand` from
    /// the next run with the same figures and a restated December (120 for A, inside the
    /// revision window): 23 of the 24 non-zero pairs alike, both series alike, one successor.
    @Test func aTrueRenameWithARestatementInsideTheWindowIsStillLinked() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let m = StageRenameEvidenceTests.months
        try StageRenameEvidenceTests.append(history, [("demand", ["A": m(100, 12), "B": m(100, 12)])])
        try StageRenameEvidenceTests.append(history, [("supply_demand", ["A": m(100, 11) + [120] + m(100, 3), "B": m(100, 15)])])
        let tracking = try ForecastTracking.score(history) { _ in }
        #expect(tracking.renames == [ForecastTracking.Rename(from: "demand", to: "supply_demand", frequency: "month", shared: 24, alike: 23, series: 2, seriesAlike: 2, scored: 6)])
    }

    /// Case 06: `demand` runs through 2025-12 (forecast 100 for 2026-01..03) and 2026-01
    /// (January 105); renamed `supply_demand`, it runs through 2026-02..05 (the same figures,
    /// its first forecast of 2026-03), then through 2026-06 with January restated to 165.
    /// January is before the new name's revision window (2026-03..05) and before its first
    /// forecast: not compared, not recorded, and `demand`'s January forecast was scored against
    /// 105 (error -5). Compared from the old name's first forecast (2026-01), the restatement
    /// is recorded and the forecast scored against 165: error 100 - 165 = -65.
    @Test func aRestatementOfAMonthOnlyTheOldNameForecastIsRecorded() throws {
        let history = try RunHistory.open(temporaryHistoryPath())
        let y = StageRenameTests.year
        try StageRenameTests.append(history, stage: "demand", values: y, forecast: 100)
        try StageRenameTests.append(history, stage: "demand", values: y + [105], forecast: 100)
        for extra in 1...4 {
            try StageRenameTests.append(history, stage: "supply_demand", values: y + [105] + Array(repeating: 100, count: extra), forecast: 100)
        }
        try StageRenameTests.append(history, stage: "supply_demand", values: y + [165] + Array(repeating: 100, count: 5), forecast: 100)
        var rows: [TrackedForecast] = []
        let tracking = try ForecastTracking.score(history) { rows.append($0) }
        #expect(tracking.renames.map(\.to) == ["supply_demand"])
        let january = try #require(rows.first { $0.stage == "demand" && $0.period == "2026-01" })
        #expect(january.actual == 165 && january.error == -65)
    }
}
