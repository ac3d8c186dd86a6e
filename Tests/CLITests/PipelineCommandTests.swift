import Foundation
import Testing

@Suite struct PipelineCommandTests {
    static let pipeline = """
    stages:
      usage:
        kind: import
        table: usage
        file: usage_quirks.csv
        decimal: comma
        reject_threshold: 50
        columns: {date: "Trans Date", item: "Item #", quantity: "Qty Issued"}
      monthly:
        kind: aggregate
        input: usage
        partial: keep
      save:
        kind: export
        input: monthly
        file: series.csv
    """

    /// `--version` names the release and the commit (or "unknown" when the build had no stamp),
    /// and a run's manifest records the same.
    @Test func versionNamesTheReleaseAndCommit() throws {
        let dir = try CLIRunner.workspace(with: ["usage_quirks.csv"])
        let version = try CLIRunner.run(["--version"], in: dir)
        #expect(version.status == 0)
        let line = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.wholeMatch(of: /0\.1\.0 \(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\)/) != nil, "\(line)")
        try PipelineCommandTests.pipeline.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        #expect(try CLIRunner.run(["run", "p.yml", "--out", "out", "--quiet"], in: dir).status == 0)
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/manifest.json")).contains("\"version\": \"\(line)\""))
    }

    /// A pipeline's forecast stage exported writes the command's files byte for byte: its
    /// accuracy table had 6 places (0.518639) where accuracy.csv has 4 (0.5186).
    @Test func aForecastStageExportsTheCommandsFiles() throws {
        let dir = try CLIRunner.workspace(with: [])
        var usage = "date,item,quantity\n"
        for month in 1...12 { for (item, base) in [("A", 40), ("B", 7)] { usage += "2025-\(month < 10 ? "0" : "")\(month)-15,\(item),\(base + (month * 37 % 11))\n" } }
        for month in 1...12 { for (item, base) in [("A", 40), ("B", 7)] { usage += "2024-\(month < 10 ? "0" : "")\(month)-15,\(item),\(base + (month * 53 % 13))\n" } }
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let command = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "4", "--out", "forecasts.csv"], in: dir)
        #expect(command.status == 0, "\(command.stderr)")
        try """
        stages:
          usage: {kind: import, table: usage, file: u.csv}
          monthly: {kind: aggregate, input: usage}
          demand: {kind: forecast, input: monthly, horizon: 4}
          save: {kind: export, input: demand.forecasts, file: forecasts.csv}
          scores: {kind: export, input: demand.accuracy, file: accuracy.csv}

        """.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["run", "p.yml", "--out", "out", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["forecasts.csv", "accuracy.csv"] {
            let mine = try CLIRunner.read(dir.appendingPathComponent(file)), stage = try CLIRunner.read(dir.appendingPathComponent("out/" + file))
            #expect(mine == stage, "\(file)")
            #expect(mine.split(separator: "\n").count > 2)
        }
    }

    /// Six weeks of daily use forecast by the month: every month is partial. Refused as
    /// `forecast` refuses the export, unless the aggregate upstream was told `partial: keep`
    /// (a daily aggregate kept them, and the forecast stage refused them all the same).
    @Test func aForecastStageKeepsPartialMonthsOnlyWhenTheAggregateKeepsThem() throws {
        let dir = try CLIRunner.workspace(with: [])
        let usage = "date,item,quantity\n" + (10...31).map { "2023-07-\($0),GAUZE,22" }.joined(separator: "\n") + "\n"
            + (1...20).map { "2023-08-\($0 < 10 ? "0" : "")\($0),GAUZE,22" }.joined(separator: "\n") + "\n"
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        func pipeline(_ partial: String) -> String {
            """
            stages:
              usage: {kind: import, table: usage, file: u.csv}
              daily: {kind: aggregate, input: usage, frequency: day\(partial)}
              demand: {kind: forecast, input: daily, frequency: month, horizon: 2}
              save: {kind: export, input: demand.forecasts, file: forecasts.csv}

            """
        }
        try pipeline("").write(to: dir.appendingPathComponent("drop.yml"), atomically: false, encoding: .utf8)
        try pipeline(", partial: keep").write(to: dir.appendingPathComponent("keep.yml"), atomically: false, encoding: .utf8)
        let refused = try CLIRunner.run(["run", "drop.yml", "--out", "o1", "--quiet"], in: dir)
        #expect(refused.status == 1 && refused.stderr.contains("every month the dates reach is covered only in part"), "\(refused.stderr)")
        let kept = try CLIRunner.run(["run", "keep.yml", "--out", "o2", "--quiet"], in: dir)
        #expect(kept.status == 0 && kept.stderr.contains("kept, as leaving them out would leave nothing"), "\(kept.stderr)")
    }

    @Test func validateAndRunAPipeline() throws {
        let dir = try CLIRunner.workspace(with: ["usage_quirks.csv"])
        try PipelineCommandTests.pipeline.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let validate = try CLIRunner.run(["validate", "p.yml"], in: dir)
        #expect(validate.status == 0, "\(validate.stderr)")
        let run = try CLIRunner.run(["run", "p.yml", "--out", "result", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // The pipeline's aggregate equals the aggregate command's golden output.
        #expect(try CLIRunner.read(dir.appendingPathComponent("result/series.csv")) == CLIRunner.read(CLIRunner.fixture("usage_quirks.expected.csv")))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("result/manifest.json").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("result/usage.rejects.csv").path))
    }

    @Test func invalidPipelinesExitOneNamingTheLine() throws {
        let dir = try CLIRunner.workspace(with: ["usage_quirks.csv"])
        let broken = PipelineCommandTests.pipeline.replacingOccurrences(of: "kind: aggregate", with: "kind: sum")
        try broken.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        for command in [["validate", "p.yml"], ["run", "p.yml", "--quiet"]] {
            let result = try CLIRunner.run(command, in: dir)
            #expect(result.status == 1)
            #expect(result.stderr.contains("p.yml:10:11: stage 'monthly': unknown kind 'sum'"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func stagesListsKindsWithParameters() throws {
        let result = try CLIRunner.run(["stages"], in: try CLIRunner.workspace())
        #expect(result.status == 0)
        #expect(result.stdout.contains("forecast: "))
        #expect(result.stdout.contains("horizon (integer) = 12"))
        #expect(result.stdout.contains("file (input file, required)"))
    }

    /// The pipeline's import weighs subtotals per item as the commands do (`SubtotalCheck`): a
    /// kit that is the sum of the day's rows on some days only is read whole; an `ICU Total`
    /// that is the date's sum on every date is rejected on each, the date of zeros too, and
    /// leaves no series behind.
    @Test func thePipelineImportWeighsSubtotalsPerItem() throws {
        let dir = try CLIRunner.workspace(with: [])
        var usage = "date,item,quantity\n"
        for day in 1...28 {
            let a = day % 5 == 0 ? 0 : 1 + day % 3, b = day % 5 == 0 ? 0 : day % 2, g = day % 9 == 0 ? 0 : 3 + day % 4, t = day % 9 == 0 ? 0 : 2
            let date = "2025-02-\(day < 10 ? "0" : "")\(day)"
            // ICU first on each date: its total is the sum of the date's rows so far.
            usage += "\(date),ICU Gauze,\(g)\n\(date),ICU Tape,\(t)\n\(date),ICU Total,\(g + t)\n"
            usage += "\(date),Hip Stem A,\(a)\n\(date),Hip Stem B,\(b)\n\(date),Total Hip Kit,\(a + b + (day % 11 == 3 ? 1 : 0))\n"
        }
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        try """
        calendar: {frequency: month}
        stages:
          usage: {kind: import, table: usage, file: u.csv, on_error: skip}
          monthly: {kind: aggregate, input: usage}
          save: {kind: export, input: monthly, file: series.csv}

        """.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["run", "p.yml", "--out", "out"], in: dir)
        #expect(run.status == 0 && run.stderr.contains("168 rows read, 140 accepted, 28 rejected"), "\(run.stderr)")
        let series = try CLIRunner.read(dir.appendingPathComponent("out/series.csv"))
        #expect(series.contains("Total Hip Kit,2025-02,") && !series.contains("ICU Total"), "\(series)")
        let rejects = try CLIRunner.read(dir.appendingPathComponent("out/usage.rejects.csv"))
        #expect(rejects.contains("every quantity of 'ICU Total' other than zero is a sum of rows of the file") && !rejects.contains("Hip Kit"), "\(rejects)")
    }
}
