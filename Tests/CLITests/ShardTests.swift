import Foundation
import Testing

/// `--shard K/N`: shards partition the series, so their union is the unsharded output.
@Suite struct ShardTests {
    static func input() -> String {
        var csv = "item,date,quantity\n"
        for s in 0..<40 {
            for month in 0..<30 {
                let value = (s * 7 + month * 3) % 11 + (s % 3 == 0 ? 0 : 5)
                csv += "ITEM-\(s),\(2023 + month / 12)-\(String(format: "%02d", month % 12 + 1))-10,\(value)\n"
            }
        }
        return csv
    }

    func dataRows(_ text: String) -> [Substring] { text.split(separator: "\n").dropFirst().map { $0 } }

    @Test(arguments: ["aggregate", "forecast"])
    func unionOfShardsEqualsTheUnshardedOutput(command: String) throws {
        let dir = try CLIRunner.workspace()
        try ShardTests.input().write(to: dir.appendingPathComponent("in.csv"), atomically: false, encoding: .utf8)
        var base = [command, "--input", "in.csv", "--frequency", "month"]
        if command == "forecast" { base += ["--horizon", "3", "--backtest", "1", "--quiet"] }
        let whole = try CLIRunner.run(base + ["--out", "-"], in: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = dataRows(whole.stdout).sorted()
        for n in [1, 2, 7] {
            var union: [Substring] = []
            var nonEmpty = 0
            for k in 1...n {
                let part = try CLIRunner.run(base + ["--shard", "\(k)/\(n)", "--out", "-"], in: dir)
                #expect(part.status == 0, "\(part.stderr)")
                let rows = dataRows(part.stdout)
                if !rows.isEmpty { nonEmpty += 1 }
                union += rows
            }
            #expect(union.sorted() == expected, "N = \(n)")
            #expect(union.count == expected.count)
            if n > 1 { #expect(nonEmpty > 1, "the hash should spread 40 series over several shards") }
        }
    }

    @Test func accuracyHasRMSSEBesideMASEAndNeitherFileDependsOnTheThreadCount() throws {
        let dir = try CLIRunner.workspace()
        try ShardTests.input().write(to: dir.appendingPathComponent("in.csv"), atomically: false, encoding: .utf8)
        var outputs: [(String, String)] = []
        for threads in [1, 3] {
            let result = try CLIRunner.run(["forecast", "--input", "in.csv", "--frequency", "month", "--horizon", "3", "--quiet",
                                            "--threads", "\(threads)", "--out", "f\(threads).csv"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append((try CLIRunner.read(dir.appendingPathComponent("f\(threads).csv")),
                            try CLIRunner.read(dir.appendingPathComponent("f\(threads).accuracy.csv"))))
        }
        #expect(outputs[0].0 == outputs[1].0)
        #expect(outputs[0].1 == outputs[1].1)
        let lines = outputs[0].1.split(separator: "\n")
        #expect(lines.first == "series,model,mase,smape,wape,bias,origins,chosen,rmsse")
        #expect(lines.count > 40)
        #expect(lines.dropFirst().allSatisfy { Double($0.split(separator: ",").last ?? "") != nil })
    }

    @Test func badShardIsAUsageError() throws {
        let dir = try CLIRunner.workspace()
        let result = try CLIRunner.run(["aggregate", "--input", "x.csv", "--out", "-", "--shard", "3/2"], in: dir)
        #expect(result.status == 2)
    }
}
