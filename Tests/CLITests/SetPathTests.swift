import Foundation
import Testing

/// Review case 02: `run pipelines/monthly.yml --set usage.file=exports/usage_latest.csv --out
/// out` from the data folder read `pipelines/exports/usage_latest.csv` (March's, left from a
/// test) instead of `./exports/usage_latest.csv` (April's), exit 0: the path typed on the
/// command line was resolved from the pipeline's folder while `--out` beside it was not.
@Suite struct SetPathTests {
    /// Item A, 100 a month, one row on the 15th of each month from 2025-01 to `last` (2025-MM).
    static func usage(through last: Int) -> String {
        "date,item,quantity\n" + (1...last).map { m in "2025-\(m < 10 ? "0" : "")\(m)-15,A,100" }.joined(separator: "\n") + "\n"
    }

    /// The stale export beside the pipeline ends in March, the current folder's in April: the
    /// first forecast period must be 2025-05 (it was 2025-04). A path written in the YAML
    /// stays relative to the pipeline's folder.
    @Test func aSetFileIsReadFromTheCurrentFolder() throws {
        let dir = try CLIRunner.workspace()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("pipelines/exports"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("exports"), withIntermediateDirectories: true)
        try SetPathTests.usage(through: 3).write(to: dir.appendingPathComponent("pipelines/exports/u.csv"), atomically: false, encoding: .utf8)
        try SetPathTests.usage(through: 4).write(to: dir.appendingPathComponent("exports/u.csv"), atomically: false, encoding: .utf8)
        try """
            stages:
              usage: {kind: import, table: usage, file: exports/u.csv}
              monthly: {kind: aggregate, input: usage}
              demand: {kind: forecast, input: monthly, horizon: 1, backtest: 0, models: naive}
              save: {kind: export, input: demand.forecasts, file: forecasts.csv}

            """.write(to: dir.appendingPathComponent("pipelines/monthly.yml"), atomically: false, encoding: .utf8)
        let given = try CLIRunner.run(["run", "pipelines/monthly.yml", "--quiet", "--out", "out", "--set", "usage.file=exports/u.csv"], in: dir)
        #expect(given.status == 0, "\(given.stderr)")
        let forecasts = try CLIRunner.read(dir.appendingPathComponent("out/forecasts.csv"))
        #expect(forecasts.split(separator: "\n").dropFirst().first?.hasPrefix("A,2025-05,") == true, "\(forecasts)")
        let written = try CLIRunner.run(["run", "pipelines/monthly.yml", "--quiet", "--out", "out2"], in: dir)
        #expect(written.status == 0, "\(written.stderr)")
        let fromYAML = try CLIRunner.read(dir.appendingPathComponent("out2/forecasts.csv"))
        #expect(fromYAML.split(separator: "\n").dropFirst().first?.hasPrefix("A,2025-04,") == true, "\(fromYAML)")
    }
}
