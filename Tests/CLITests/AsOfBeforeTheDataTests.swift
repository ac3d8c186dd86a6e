import Foundation
import Testing
@testable import History

/// Review case 02: a replay whose aggregate `as_of` is typed a year early (2023-12-31 for an
/// export starting 2024-01) kept no row, yet the run exited 0, replaced the good forecasts
/// (2 rows here) with an empty file and archived a run with as_of NULL. It fails now, naming
/// the stage, the as_of and the input's first date, and leaves the outputs and the history
/// as they were.
@Suite struct AsOfBeforeTheDataTests {
    /// Item A, 100 a month from 2024-01 to 2025-12, one row on the 15th of each month.
    static let usage = "date,item,quantity\n" + (0..<24).map { k in
        "\(2024 + k / 12)-\(k % 12 < 9 ? "0" : "")\(k % 12 + 1)-15,A,100"
    }.joined(separator: "\n") + "\n"

    static let pipeline = """
        history: h.sqlite
        stages:
          usage: {kind: import, table: usage, file: usage.csv}
          monthly: {kind: aggregate, input: usage}
          demand: {kind: forecast, input: monthly, horizon: 2, backtest: 0, models: naive}
          save: {kind: export, input: demand.forecasts, file: forecasts.csv}

        """

    @Test func anAsOfBeforeTheFirstRowFailsAndLeavesTheOutputsAndTheHistory() throws {
        let dir = try CLIRunner.workspace()
        try AsOfBeforeTheDataTests.usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try AsOfBeforeTheDataTests.pipeline.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let good = try CLIRunner.run(["run", "p.yml", "--quiet", "--out", "out", "--set", "monthly.as_of=2025-06-30"], in: dir)
        #expect(good.status == 0, "\(good.stderr)")
        let forecasts = dir.appendingPathComponent("out/forecasts.csv")
        let before = try Data(contentsOf: forecasts)
        let typo = try CLIRunner.run(["run", "p.yml", "--quiet", "--out", "out", "--set", "monthly.as_of=2023-12-31"], in: dir)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("stage 'monthly': as_of 2023-12-31 is before the first row of 'usage' (2024-01-15): it keeps none of its 24 rows"), "\(typo.stderr)")
        #expect(typo.stderr.contains("give as_of a day on or after 2024-01-15"), "\(typo.stderr)")
        #expect(try Data(contentsOf: forecasts) == before)
        let reader = try RunHistory.openForReading(dir.appendingPathComponent("h.sqlite").path)
        #expect(try reader.connection.integer("SELECT count(*) FROM runs") == 1)
        #expect(try reader.connection.integer("SELECT count(*) FROM runs WHERE as_of IS NULL") == 0)
    }
}
