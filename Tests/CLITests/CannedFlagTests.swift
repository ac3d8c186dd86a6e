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

    /// A pattern with a comma in a pair (`actuals=MMM D, YYYY`, US exports' `Jul 15, 2025`) was
    /// split at its comma and refused (" YYYY' is not kind=format"): pairs are split only at a
    /// comma before the next `kind=`, in --date-format, --encoding and --decimal alike. A plain
    /// pattern with a comma stays one format for every input, on commands of one input too.
    @Test func aPatternWithACommaInAPair() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        var budget = "department,account,period,amount\n", actuals = "department,account,period,amount\n"
        for m in 7...12 { budget += "ICU,Supplies,2025-\(m < 10 ? "0" : "")\(m),1000\n" }
        for m in ["Jul", "Aug", "Sep"] { actuals += "ICU,Supplies,\"\(m) 15, 2025\",1100\n" }
        try budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        func variance(_ flags: [String], _ out: String) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--out", out] + flags, in: dir)
        }
        for (k, flags) in [["--date-format", "actuals=MMM D, YYYY"], ["--date-format", "actuals=MMM D, YYYY,budget=YYYY-MM"],
                           ["--date-format", "budget=YYYY-MM, actuals=MMM D, YYYY"], ["--date-format", "budget = YYYY-MM,actuals=MMM D, YYYY"],
                           ["--date-format", "budget=YYYY-MM", "--date-format", "actuals=MMM D, YYYY"],
                           ["--date-format", "actuals=MMM D, YYYY", "--encoding", "budget=utf-8, actuals=utf-8", "--decimal", "budget=point,actuals=point"]].enumerated() {
            let run = try variance(flags, "out\(k)")
            #expect(run.status == 0, "\(flags): \(run.stderr)")
            let csv = (try? String(contentsOf: dir.appendingPathComponent("out\(k)/budget_variance.csv"), encoding: .utf8)) ?? ""
            #expect(csv.contains("ICU,Supplies,2025-08,1000,1100,100,10,"), "\(flags): \(csv)")
        }
        // The pattern is the actuals' own: read by it, a budget dated 2025-07 is refused.
        let both = try variance(["--date-format", "MMM D, YYYY"], "both")
        #expect(both.status == 1 && both.stderr.contains("budget.csv"), "\(both.stderr)")
        // Usage errors stay as clear: a misspelt kind after a comma is a pair of its own, and a
        // pattern that is no pattern is named whole.
        let misspelt = try variance(["--date-format", "actuals=MMM D, YYYY,budgte=iso"], "x")
        #expect(misspelt.status == 2 && misspelt.stderr.contains("--date-format 'budgte=iso' is not kind=format with an input kind"), "\(misspelt.stderr)")
        let twice = try variance(["--date-format", "actuals=MMM D, YYYY,actuals=iso"], "x")
        #expect(twice.status == 2 && twice.stderr.contains("--date-format names 'actuals' twice, as 'actuals=MMM D, YYYY' and 'actuals=iso'"), "\(twice.stderr)")
        let mixed = try variance(["--date-format", "MMM D, YYYY", "--date-format", "actuals=MMM D, YYYY"], "x")
        #expect(mixed.status == 2 && mixed.stderr.contains("is for every input and 'actuals=MMM D, YYYY' for one kind"), "\(mixed.stderr)")
        // A command of one input reads the plain pattern, and refuses the pair whole.
        let usage = "date,item,quantity\n\"Jan 5, 2025\",Gauze,3\n\"Feb 5, 2025\",Gauze,4\n"
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let plain = try CLIRunner.run(["aggregate", "--input", "u.csv", "--out", "a.csv", "--partial", "keep", "--date-format", "MMM D, YYYY"], in: dir)
        #expect(plain.status == 0 && (try? CLIRunner.read(dir.appendingPathComponent("a.csv")))?.contains("Gauze,2025-02,4") == true, "\(plain.stderr)")
        let pair = try CLIRunner.run(["aggregate", "--input", "u.csv", "--out", "p.csv", "--date-format", "usage=MMM D, YYYY"], in: dir)
        #expect(pair.status == 2 && pair.stderr.contains("--date-format 'usage=MMM D, YYYY' names an input kind, but aggregate has one input (--input): give it without a kind, e.g. --date-format 'MMM D, YYYY'"), "\(pair.stderr)")
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
        // The advice is for where the comma was set (it said `--decimal budget=comma` whatever
        // set it, and that --decimal-comma read a file only `--decimal actuals=comma` did).
        let both = try variance(["--decimal-comma"], "both")
        #expect(both.status == 1 && both.stderr.contains("actuals.csv") && both.stderr.contains("as --decimal-comma reads this file")
                && both.stderr.contains("add --decimal actuals=point"), "\(both.stderr)")
        let pair = try variance(["--decimal", "budget=comma,actuals=comma", "--encoding", "budget=windows-1252"], "pair")
        #expect(pair.status == 1 && pair.stderr.contains("as --decimal actuals=comma reads this file")
                && pair.stderr.contains("give --decimal actuals=point instead") && !pair.stderr.contains("--decimal-comma"), "\(pair.stderr)")
        // A repeated option adds its pairs: `--decimal actuals=point` after `--decimal
        // budget=comma` dropped the budget's pair, and all its rows were rejected.
        for flags in [["--decimal", "budget=comma", "--encoding", "budget=windows-1252"], ["--decimal-comma", "--decimal", "actuals=point"],
                      ["--decimal", "budget=comma", "--decimal", "actuals=point", "--encoding", "budget=windows-1252", "--encoding", "budget=cp1252"]] {
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
        // One kind given two values, in one option or two, is a usage error: the last won.
        for flags in [["--encoding", "budget=utf-8,budget=windows-1252"], ["--encoding", "budget=windows-1252", "--encoding", "budget=utf-8"]] {
            let twice = try variance(["--decimal", "budget=comma"] + flags, "x")
            #expect(twice.status == 2 && twice.stderr.contains("--encoding names 'budget' twice"), "\(flags): \(twice.stderr)")
        }
        let plainTwice = try variance(["--encoding", "utf-8", "--encoding", "windows-1252"], "x")
        #expect(plainTwice.status == 2 && plainTwice.stderr.contains("--encoding is given twice"), "\(plainTwice.stderr)")
        // A kind the command reads when its file is given: reorder reads orders with --orders.
        let notGiven = try variance(["--encoding", "volumes=utf-8"], "x")
        #expect(notGiven.status == 2 && notGiven.stderr.contains("--encoding names 'volumes', but no --volumes file was given"), "\(notGiven.stderr)")
        let contradiction = try variance(["--decimal", "point", "--decimal-comma"], "x")
        #expect(contradiction.status == 2 && contradiction.stderr.contains("--decimal point and --decimal-comma contradict each other"), "\(contradiction.stderr)")
    }

    /// aggregate and forecast read one file of no kind: a `kind=value` pair was applied to it
    /// whatever kind it named (`--encoding budget=utf-8` rejected a Windows-1252 usage file's
    /// every row), and pairs that disagreed were dropped without a word. They are usage errors.
    @Test func pairsOnACommandOfOneInputAreUsageErrors() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        let usage = "date,item,quantity\n" + (1...3).map { "2025-0\($0)-05,Gauze,\"1,300.25\"\n" }.joined()
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let series = ["--input", "u.csv", "--series", "item", "--date", "date", "--value", "quantity"]
        for (option, value) in [("--decimal", "budget=comma"), ("--encoding", "budget=utf-8"), ("--date-format", "budget=dmy"),
                                ("--encoding", "census=windows-1252,budget=utf-8")] {
            for command in [["aggregate", "--out", "a.csv"], ["forecast", "--horizon", "2", "--out", "f.csv"]] {
                let run = try CLIRunner.run(command + series + [option, value], in: dir)
                #expect(run.status == 2 && run.stderr.contains("\(option) '") && run.stderr.contains("but \(command[0]) has one input (--input): give it without a kind"),
                        "\(command[0]) \(option) \(value): \(run.stderr)")
            }
        }
        let plain = try CLIRunner.run(["aggregate", "--out", "a.csv"] + series + ["--encoding", "utf-8", "--date-format", "iso"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        // The advice for the comma set on a command of one file is to leave it out, not to give
        // it by kind (`--decimal budget=comma`, itself a usage error here).
        let comma = try CLIRunner.run(["aggregate", "--out", "c.csv"] + series + ["--decimal-comma"], in: dir)
        #expect(comma.status == 1 && comma.stderr.contains("as --decimal-comma reads this file") && comma.stderr.contains("leave --decimal-comma out")
                && !comma.stderr.contains("budget"), "\(comma.stderr)")
    }

    /// A command's help offers only what it accepts: `forecast --help` described `kind=value`
    /// pairs for --date-format, --encoding, --decimal-comma and --decimal, which forecast and
    /// aggregate refuse (above) since they read one file. The commands of several inputs still
    /// describe them.
    @Test func helpOffersPairsOnlyOnCommandsOfSeveralInputs() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["forecast", "aggregate"] {
            let help = try CLIRunner.run([command, "--help"], in: dir)
            #expect(help.status == 0, "\(help.stderr)")
            let text = help.stdout + help.stderr
            for option in ["--date-format", "--encoding", "--decimal-comma", "--decimal <mark>"] {
                #expect(text.contains(option), "\(command) --help lacks \(option): \(text)")
            }
            for offered in ["kind=", "actuals=YYYYMM", "budget=windows-1252", "budget=comma", "one input of several"] {
                #expect(!text.contains(offered), "\(command) --help offers '\(offered)': \(text)")
            }
        }
        for command in ["variance", "reorder", "staffing"] {
            let help = try CLIRunner.run([command, "--help"], in: dir)
            let text = help.stdout + help.stderr
            #expect(help.status == 0 && text.contains("kind=format") && text.contains("kind=name") && text.contains("--decimal <kind=mark>"), "\(command): \(text)")
        }
    }

    /// `reorder --encoding orders=...` without `--orders` said no input of reorder reads orders.
    @Test func aPairForAnInputNotGivenSaysSo() throws {
        let inputs = PlanningInputs.reorder
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, rows) in inputs.files {
            try CSVInput.csv(rows[0], Array(rows.dropFirst())).write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let run = try CLIRunner.run(inputs.arguments + ["--encoding", "orders=utf-8", "--out", "o"], in: dir)
        #expect(run.status == 2 && run.stderr.contains("--encoding names 'orders', but no --orders file was given; give --orders FILE"), "\(run.stderr)")
        let unread = try CLIRunner.run(inputs.arguments + ["--decimal", "budget=comma", "--out", "o"], in: dir)
        #expect(unread.status == 2 && unread.stderr.contains("--decimal names 'budget', which no input of reorder reads"), "\(unread.stderr)")
    }

    /// A pipeline's `decimal:` reads any case, as `--decimal budget=Comma` does (`decimal:
    /// Comma` was refused), and a point file read with a comma is told to change that key, not
    /// a command-line flag.
    @Test func pipelineDecimalKeyInAnyCaseAndItsAdvice() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        let comma = "date;item;quantity\n" + (1...3).map { "2025-0\($0)-05;Gauze;1,5\n" }.joined()
        let point = "date,item,quantity\n" + (1...3).map { "2025-0\($0)-05,Gauze,\"1,300.25\"\n" }.joined()
        try comma.write(to: dir.appendingPathComponent("comma.csv"), atomically: false, encoding: .utf8)
        try point.write(to: dir.appendingPathComponent("point.csv"), atomically: false, encoding: .utf8)
        func pipeline(_ file: String, _ decimal: String) -> String {
            "stages:\n  usage:\n    kind: import\n    table: usage\n    file: \(file)\n    decimal: \(decimal)\n"
                + "  series:\n    kind: aggregate\n    input: usage\n"
        }
        try pipeline("comma.csv", "Comma").write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let any = try CLIRunner.run(["run", "p.yml", "--out", "o"], in: dir)
        #expect(any.status == 0, "\(any.stderr)")
        try pipeline("point.csv", "COMMA").write(to: dir.appendingPathComponent("q.yml"), atomically: false, encoding: .utf8)
        let wrong = try CLIRunner.run(["run", "q.yml", "--out", "q"], in: dir)
        #expect(wrong.status == 1 && wrong.stderr.contains("as decimal: comma on import 'usage' reads this file")
                && wrong.stderr.contains("write decimal: point on import 'usage'") && !wrong.stderr.contains("--decimal"), "\(wrong.stderr)")
    }
}
