import Foundation
import Testing
import Tabular

/// Issue 23: the input flags README promises on every command work on the planning commands
/// too. Each flag is checked against the plain run: the same inputs written the way the flag
/// describes must give byte for byte the same plan, and without the flag they must not.
@Suite struct CannedFlagTests {
    /// Runs `inputs` written plainly and written through `cell` (joined by `delimiter`) with
    /// `flags`; returns the two main CSVs and the run without the flags.
    func compare(_ inputs: PlanningInputs, delimiter: String, cell: @escaping (String) -> String, flags: [String]) throws
        -> (plain: String, flagged: String, without: CLIRunner.Outcome, withoutOutput: String?) {
        let plainDir = try CLIRunner.workspace(), otherDir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: plainDir); try? FileManager.default.removeItem(at: otherDir) }
        try inputs.write(to: plainDir)
        try inputs.write(to: otherDir, delimiter: delimiter, cell: cell)
        let plain = try CLIRunner.run(inputs.arguments + ["--out", "out"], in: plainDir)
        #expect(plain.status == 0, "\(plain.stderr)")
        let flagged = try CLIRunner.run(inputs.arguments + flags + ["--out", "out"], in: otherDir)
        #expect(flagged.status == 0, "\(flagged.stderr)")
        let without = try CLIRunner.run(inputs.arguments + (delimiter == "," ? [] : ["--delimiter", delimiter]) + ["--out", "plain"], in: otherDir)
        return (try CLIRunner.read(plainDir.appendingPathComponent("out/\(inputs.output)")),
                try CLIRunner.read(otherDir.appendingPathComponent("out/\(inputs.output)")),
                without, try? CLIRunner.read(otherDir.appendingPathComponent("plain/\(inputs.output)")))
    }

    /// The manifest says how a canned command's run was made: its name in place of a pipeline
    /// file, and the options as given on the command's own stage.
    @Test(arguments: PlanningInputs.all)
    func theManifestRecordsTheCommandAndItsOptions(_ inputs: PlanningInputs) throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try inputs.write(to: dir)
        let run = try CLIRunner.run(inputs.arguments + ["--reject-threshold", "0.5", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try CLIRunner.read(dir.appendingPathComponent("out/manifest.json"))
        #expect(manifest.contains("\"pipeline\": {\"file\": \"quartermaster \(inputs.command)\""), "\(manifest.prefix(300))")
        let stage = try #require(manifest.split(separator: "\n").first { $0.hasPrefix("    \"\(inputs.command)\": {") })
        #expect(stage.contains("\"reject_threshold\": \"0.5\"") && stage.contains("\"quiet\": \"true\""), "\(stage)")
        #expect(!manifest.contains("(Swift)"))
        // The settings left at their defaults are recorded too: a workbook's About sheet showed
        // only what was typed, and a buyer could not see the policy the list was made with.
        let defaults = ["reorder": ["\"policy\": \"periodic\"", "\"service_measure\": \"fill-rate\"", "\"ordering_cost\": \"25\""],
                        "variance": ["\"flag_percent\": \"5\"", "\"flag_amount\": \"5000\""],
                        "staffing": ["\"frequency\": \"week\"", "\"productive_share\": \"0.9\""]][inputs.command] ?? []
        #expect(!defaults.isEmpty && defaults.allSatisfy(stage.contains), "\(stage)")
    }

    @Test(arguments: PlanningInputs.all)
    func dateFormatReadsDayFirstDates(_ inputs: PlanningInputs) throws {
        let run = try compare(inputs, delimiter: ",", cell: PlanningInputs.dayFirst, flags: ["--date-format", "DD/MM/YYYY"])
        #expect(run.flagged == run.plain)
        // The fixture must need the flag: read month-first, the dates are rejected or wrong;
        // or, where a date reads only day-first, the column is read so and the run says it.
        #expect(run.without.status != 0 || run.withoutOutput != run.plain || run.without.stderr.contains("read day-first (DD/MM/YYYY)"),
                "\(run.without.stderr)")
    }

    @Test(arguments: PlanningInputs.all)
    func decimalCommaReadsEuropeanNumbers(_ inputs: PlanningInputs) throws {
        let run = try compare(inputs, delimiter: ";", cell: PlanningInputs.decimalComma, flags: ["--decimal-comma", "--delimiter", ";"])
        #expect(run.flagged == run.plain)
        #expect(run.without.status != 0 || run.withoutOutput != run.plain)
    }

    /// The keys of an output's rows (department totals are not a line of their own).
    static func keys(_ url: URL, _ columns: [String]) throws -> Set<String> {
        Set(try PlanningInputs.records(url).filter { $0["account"] != "TOTAL" }.map { row in columns.map { row[$0] ?? "" }.joined(separator: "|") })
    }

    @Test(arguments: PlanningInputs.all)
    func shardsPartitionTheKeys(_ inputs: PlanningInputs) throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try inputs.write(to: dir)
        let whole = try CLIRunner.run(inputs.arguments + ["--out", "whole"], in: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        let all = try Self.keys(dir.appendingPathComponent("whole/\(inputs.output)"), inputs.key)
        #expect(all.count >= 6)
        var union = Set<String>(), nonEmpty = 0
        for k in 1...3 {
            let part = try CLIRunner.run(inputs.arguments + ["--shard", "\(k)/3", "--out", "shard\(k)"], in: dir)
            // The fixtures have keys enough for every shard to hold some, but for variance's few
            // departments (it shards by department), where an empty shard says so.
            if inputs.command == "variance" && part.status == 1 && part.stderr.contains("this shard holds none of the actuals' lines") { continue }
            guard part.status == 0 else { Issue.record("shard \(k)/3: \(part.stderr)"); continue }
            let keys = try Self.keys(dir.appendingPathComponent("shard\(k)/\(inputs.output)"), inputs.key)
            #expect(union.isDisjoint(with: keys), "shard \(k)/3 repeats keys of another shard")
            union.formUnion(keys)
            if !keys.isEmpty { nonEmpty += 1 }
            if inputs.command == "reorder" {
                // The item hash is the series hash: reorder's shard holds the forecast's shard's items.
                let series = try CLIRunner.run(["aggregate", "--input", "usage.csv", "--frequency", "month", "--shard", "\(k)/3", "--out", "-"], in: dir)
                let items = Set(CSVText.parse(series.stdout).dropFirst().map { $0[0] })
                #expect(items == keys)
            }
        }
        #expect(union == all)
        #expect(nonEmpty > 1, "the hash should spread the keys over several shards")
    }

    @Test(arguments: PlanningInputs.all)
    func badShardIsAUsageError(_ inputs: PlanningInputs) throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try inputs.write(to: dir)
        let result = try CLIRunner.run(inputs.arguments + ["--shard", "4/3", "--out", "out"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard"))
    }

    /// `--date-format kind=format` reads one input's dates so: a ledger dated 202507 beside a
    /// budget dated 2025-07, where one format for both rejected the budget.
    @Test func dateFormatForOneInputOfSeveral() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        var budget = "department,account,period,amount\n", actuals = "department,account,period,amount\n"
        for m in 7...12 { budget += "ICU,Supplies,2025-\(m < 10 ? "0" : "")\(m),1000\n" }
        for m in 7...9 { actuals += "ICU,Supplies,2025\(m < 10 ? "0" : "")\(m),1100\n" }
        try budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        let both = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--date-format", "YYYYMM", "--out", "both"], in: dir)
        #expect(both.status == 1 && both.stderr.contains("budget.csv"), "\(both.stderr)")
        let one = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--date-format", "actuals=YYYYMM", "--out", "out"], in: dir)
        #expect(one.status == 0, "\(one.stderr)")
        let csv = try String(contentsOf: dir.appendingPathComponent("out/budget_variance.csv"), encoding: .utf8)
        #expect(csv.contains("ICU,Supplies,2025-08,1000,1100,100,10,"), "\(csv)")
        let wrong = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--date-format", "ledger=YYYYMM", "--out", "x"], in: dir)
        #expect(wrong.status == 2 && wrong.stderr.contains("is not kind=format with an input kind"), "\(wrong.stderr)")
    }

    /// `--encoding kind=name` and `--decimal kind=mark`: a budget from a European spreadsheet
    /// (semicolons, 1.234,50, Windows-1252) beside a GL from the ERP (UTF-8, "1,300.25"), where
    /// --decimal-comma for both rejected every ledger row and --encoding windows-1252 for both
    /// garbled the ledger's departments (`PÃ©diatrie`, no actuals for the budget's).
    @Test func encodingAndDecimalMarkForOneInputOfSeveral() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        var budget = "department;account;period;amount\n", actuals = "department,account,period,amount\n"
        for m in 7...12 { budget += "P\u{E9}diatrie;Fournitures;2025-\(m < 10 ? "0" : "")\(m);1.234,50\n" }
        for m in 7...9 { actuals += "P\u{E9}diatrie,Fournitures,2025-0\(m),\"1,300.25\"\n" }
        try Data(try #require(TextEncoding.windows1252Bytes(budget))).write(to: dir.appendingPathComponent("budget.csv"))
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        func variance(_ flags: [String], _ out: String) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--out", out] + flags, in: dir)
        }
        let both = try variance(["--decimal-comma"], "both")
        #expect(both.status == 1 && both.stderr.contains("actuals.csv") && both.stderr.contains("--decimal budget=comma"), "\(both.stderr)")
        for flags in [["--decimal", "budget=comma", "--encoding", "budget=windows-1252"], ["--decimal-comma", "--decimal", "actuals=point"]] {
            let one = try variance(flags, "out")
            #expect(one.status == 0, "\(flags): \(one.stderr)")
            let csv = try String(contentsOf: dir.appendingPathComponent("out/budget_variance.csv"), encoding: .utf8)
            #expect(csv.contains("P\u{E9}diatrie,Fournitures,2025-08,1234.5,1300.25,65.75,"), "\(csv)")
        }
        let garbled = try variance(["--decimal", "budget=comma", "--encoding", "windows-1252"], "garbled")
        #expect(garbled.status == 0 && garbled.stderr.contains("No actuals at all for department P\u{E9}diatrie"), "\(garbled.stderr)")
        let unknown = try variance(["--encoding", "ledger=utf-8"], "x")
        #expect(unknown.status == 2 && unknown.stderr.contains("--encoding 'ledger=utf-8' is not kind=name with an input kind (actuals, budget,"), "\(unknown.stderr)")
        let unread = try variance(["--decimal", "items=comma"], "x")
        #expect(unread.status == 2 && unread.stderr.contains("--decimal names 'items', which no input of variance reads; its inputs are actuals, budget"), "\(unread.stderr)")
        let contradiction = try variance(["--decimal", "point", "--decimal-comma"], "x")
        #expect(contradiction.status == 2 && contradiction.stderr.contains("--decimal point and --decimal-comma contradict each other"), "\(contradiction.stderr)")
    }
}
