import Foundation
import Testing

/// The canned planning commands on the demo exports: each is a ready pipeline with flags.
@Suite struct CannedCommandTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/demo").path

    @Test func varianceWritesItsReportsAndTheProposal() throws {
        let dir = try CLIRunner.workspace()
        let result = try CLIRunner.run([
            "variance", "--budget", "\(CannedCommandTests.demo)/budget.csv", "--actuals", "\(CannedCommandTests.demo)/gl_actuals.csv",
            "--columns", "fiscal_year=Fiscal Year,department=Cost Center,account=Account,account_type=Account Type,behavior=Behavior,amount=Amount,volume=Stat Volume",
            "--fiscal-start", "7", "--as-of", "2026-03", "--propose", "FY2027", "--out", "out", "--quiet",
        ], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // One summary line under --quiet (about 7 came out), notes on `note:` lines only.
        let summaries = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        #expect(summaries.count == 1 && summaries[0].hasPrefix("variance: FY2026 through 2026-03: "), "\(result.stderr)")
        #expect(result.stderr.contains("\nnote: variance: budget_proposal.csv for FY2027: "), "\(result.stderr)")
        for file in ["budget_variance.csv", "budget_variance.md", "budget_proposal.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path), "\(file)")
        }
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/budget_proposal.csv")).hasPrefix("Fiscal Year,Period,Cost Center,Account,Account Type,Behavior,Amount,Stat Volume\n"))
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.md")).contains("through 2026-03"))
    }

    /// One `--columns` for all of a command's files: a file without the mapped header reads
    /// the role's own name, `kind.role` maps one input only, and a key no input reads is a
    /// usage error instead of being ignored.
    @Test func oneColumnMapServesFilesThatNameARoleDifferently() throws {
        let dir = try CLIRunner.workspace()
        let days = CSVInput.days(56)
        try ("Datum,Artikel,Menge,Kostenstelle\n" + days.map { "\($0),A1,10,ICU" }.joined(separator: "\n") + "\n")
            .write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "item,vendor,unit_cost,lead_time_days,review_period_days\nA1,Acme,2,7,7\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try "Code,vendor,unit_cost,lead_time_days,review_period_days\nA1,Acme,2,7,7\n".write(to: dir.appendingPathComponent("codes.csv"), atomically: false, encoding: .utf8)
        try "item,location,on_hand\nA1,ICU,30\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        let map = "date=Datum,item=Artikel,quantity=Menge,location=Kostenstelle"
        func reorder(_ items: String, _ columns: String, _ out: String) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", items, "--inventory", "inventory.csv", "--columns", columns,
                               "--out", out, "--quiet"], in: dir)
        }
        let fallback = try reorder("items.csv", map, "a")
        #expect(fallback.status == 0, "\(fallback.stderr)")
        // The inventory's own location column still counts: one line, at ICU.
        let lines = try CLIRunner.read(dir.appendingPathComponent("a/reorder.csv")).split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("A1,,Acme,ICU,30,"), "\(lines)")
        let perFile = try reorder("codes.csv", map + ",items.item=Code", "b")
        #expect(perFile.status == 0, "\(perFile.stderr)")
        let typo = try reorder("items.csv", map + ",quantitiy=Qty,itemz.item=Code", "c")
        #expect(typo.status == 2 && typo.stderr.contains("--columns names 'itemz.item', 'quantitiy', which no input of reorder reads"), "\(typo.stderr)")
    }

    /// A shard holds some ledger lines only: a scenario naming a department of the other
    /// shard must not fail it, and the union of the shards' scenario rows names both.
    /// A budget with months across beside a ledger whose period header needs mapping, mapped
    /// for the ledger alone or for every file: both stopped at "'period' is also mapped to a
    /// column in columns:", the README's own layout.
    @Test func aWideBudgetReadsBesideALedgerWhosePeriodIsMapped() throws {
        let dir = try CLIRunner.workspace()
        try "Department,Account,Jul-25,Aug-25,Sep-25\nICU,Supplies,1000,1000,1000\n".write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try "Fiscal Period,Department,Account,Amount\n2025-07,ICU,Supplies,1100\n2025-08,ICU,Supplies,900\n".write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        for (k, map) in ["actuals.period=Fiscal Period", "period=Fiscal Period"].enumerated() {
            let result = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--unpivot", "*", "--names-to", "period",
                                            "--values-to", "amount", "--columns", map, "--out", "out\(k)", "--quiet"], in: dir)
            #expect(result.status == 0, "\(map): \(result.stderr)")
            let csv = try CLIRunner.read(dir.appendingPathComponent("out\(k)/budget_variance.csv"))
            #expect(csv.contains("ICU,Supplies,2025-08,1000,900,-100"), "\(csv)")
        }
        // Sharded, the long ledger is sharded too: the mapped file was returned before its shard
        // was set, and every shard read the whole ledger (its lines unbudgeted in the others).
        var lines: [Substring] = []
        for k in 1...2 {
            let result = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--unpivot", "*", "--names-to", "period",
                                            "--values-to", "amount", "--columns", "actuals.period=Fiscal Period", "--shard", "\(k)/2", "--out", "s\(k)", "--quiet"], in: dir)
            // One line: the other shard holds none of it, which variance refuses by design.
            guard result.status == 0 else {
                #expect(result.stderr.contains("this shard holds none of the actuals' lines"), "\(result.stderr)")
                continue
            }
            lines += try CLIRunner.read(dir.appendingPathComponent("s\(k)/budget_variance.csv")).split(separator: "\n").dropFirst().filter { $0.contains(",Supplies,2025-0") }
        }
        #expect(lines.count == 3, "\(lines)")
    }

    @Test func scenariosRunOnEveryShard() throws {
        let dir = try CLIRunner.workspace()
        try """
        scenarios:
          - name: census_up_10
            volume: {"6030 Med-Surg 4E": 10, "6020 Med-Surg 3W": 10}
        """.write(to: dir.appendingPathComponent("s.yml"), atomically: false, encoding: .utf8)
        var departments = Set<String>()
        var shardsWithoutBoth = 0
        for shard in (1...8).map({ "\($0)/8" }) {
            let out = "out\(shard.split(separator: "/")[0])"
            let result = try CLIRunner.run([
                "variance", "--budget", "\(CannedCommandTests.demo)/budget.csv", "--actuals", "\(CannedCommandTests.demo)/gl_actuals.csv",
                "--columns", "fiscal_year=Fiscal Year,department=Cost Center,account=Account,account_type=Account Type,behavior=Behavior,amount=Amount,volume=Stat Volume",
                "--as-of", "2026-03", "--scenarios", "s.yml", "--shard", shard, "--out", out, "--quiet",
            ], in: dir)
            // Variance shards by department: a shard may hold none of the demo's departments.
            if result.status == 1 && result.stderr.contains("this shard holds none of the actuals' lines") { shardsWithoutBoth += 1; continue }
            #expect(result.status == 0, "shard \(shard): \(result.stderr)")
            let rows = try CLIRunner.read(dir.appendingPathComponent("\(out)/budget_scenarios.csv")).split(separator: "\n").dropFirst()
            let here = Set(rows.map { String($0.split(separator: ",")[1]) })
            if !here.isSuperset(of: ["6030 Med-Surg 4E", "6020 Med-Surg 3W"]) { shardsWithoutBoth += 1 }
            departments.formUnion(here)
        }
        // The case that failed: a shard without one of the named departments' lines.
        #expect(shardsWithoutBoth > 0)
        #expect(departments.isSuperset(of: ["6030 Med-Surg 4E", "6020 Med-Surg 3W"]))
    }

    /// A budget with its months across, beside long actuals: one `--unpivot` reads the file
    /// that is wide and leaves the one that holds its `amount` column as it is, either way round.
    @Test func unpivotReadsWhicheverInputIsWide() throws {
        let dir = try CLIRunner.workspace()
        let months = ["Jul-25", "Aug-25", "Sep-25"]
        try ("Department,Account," + months.joined(separator: ",") + "\nICU,Supplies,\"1,000\",\"1,000\",\"1,200\"\n")
            .write(to: dir.appendingPathComponent("budget_wide.csv"), atomically: false, encoding: .utf8)
        try "department,account,period,amount\nICU,Supplies,2025-07,1100\nICU,Supplies,2025-08,950\nICU,Supplies,2025-09,1200\n"
            .write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        try "department,account,period,amount\nICU,Supplies,2025-07,1000\nICU,Supplies,2025-08,1000\nICU,Supplies,2025-09,1200\n"
            .write(to: dir.appendingPathComponent("budget_long.csv"), atomically: false, encoding: .utf8)
        try ("Department,Account," + months.joined(separator: ",") + "\nICU,Supplies,1100,950,1200\n")
            .write(to: dir.appendingPathComponent("actuals_wide.csv"), atomically: false, encoding: .utf8)
        let unpivot = ["--unpivot", "*", "--names-to", "period", "--values-to", "amount", "--as-of", "2025-09", "--quiet"]
        for (budget, actuals, out) in [("budget_wide.csv", "actuals.csv", "wide_budget"), ("budget_long.csv", "actuals_wide.csv", "wide_actuals")] {
            let result = try CLIRunner.run(["variance", "--budget", budget, "--actuals", actuals, "--out", out] + unpivot, in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try CLIRunner.read(dir.appendingPathComponent("\(out)/budget_variance.csv")).split(separator: "\n")
            let byMonth = rows.filter { $0.hasPrefix("ICU,Supplies,2025-0") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
            #expect(byMonth == ["ICU,Supplies,2025-07,1000,1100,100", "ICU,Supplies,2025-08,1000,950,-50", "ICU,Supplies,2025-09,1200,1200,0"], "\(out)")
        }
        // Without --unpivot the wide budget's error says how to read it.
        let plain = try CLIRunner.run(["variance", "--budget", "budget_wide.csv", "--actuals", "actuals.csv", "--out", "plain", "--quiet"], in: dir)
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("--unpivot '*' --names-to period --values-to amount"), "\(plain.stderr)")
    }

    /// A census with a column per unit (a national census's ward and ICU columns) beside long
    /// timekeeping: `--values-to patient_days` is the census's unpivot, so staffing reads it
    /// (it stopped at "'patient_days' is not a column of timekeeping"); values of no input's
    /// kind are a usage error naming each input's roles.
    @Test func staffingUnpivotsAWideCensus() throws {
        let dir = try CLIRunner.workspace()
        var census = "data,Ward,ICU\n", hours = "data,unit,job_code,hours\n"
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withFullDate]
        for k in 0..<70 {
            // From Monday 6 January 2025.
            let day = iso.string(from: Date(timeIntervalSince1970: 1_736_121_600 + Double(k) * 86_400))
            census += "\(day),\(20 + k % 3),\(8 + k % 2)\n"
            hours += "\(day),Ward,RN,\((20 + k % 3) * 6)\n\(day),ICU,RN,\((8 + k % 2) * 16)\n"
        }
        try census.write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        try hours.write(to: dir.appendingPathComponent("hours.csv"), atomically: false, encoding: .utf8)
        try "unit,job_code,target_hppd\nWard,RN,6\nICU,RN,16\n".write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        let command = ["staffing", "--timekeeping", "hours.csv", "--census", "census.csv", "--targets", "targets.csv", "--columns", "date=data",
                       "--unpivot", "Ward,ICU", "--names-to", "unit"]
        let run = try CLIRunner.run(command + ["--values-to", "patient_days", "--out", "out", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.csv"))
        #expect(plan.contains("\nICU,RN,") && plan.contains("\nWard,RN,"), "\(plan)")
        let wrong = try CLIRunner.run(command + ["--values-to", "beds", "--out", "wrong", "--quiet"], in: dir)
        #expect(wrong.status == 2 && wrong.stderr.contains("fits none of staffing's inputs; their roles are census: admissions, date, patient_days"), "\(wrong.stderr)")
    }

    /// Purchasing reads an item master's lead time and cost: its shelf life was suggested for
    /// mapping, to no effect. `Lead Time (Days)` is read as its words (it was only suggested
    /// for mapping, and the line was on time, on_time_rate 1): received 5 days after the
    /// order against a lead time of 2, the line is late, on_time_rate 0.
    @Test func purchasingSuggestsOnlyTheItemColumnsItReads() throws {
        let dir = try CLIRunner.workspace()
        try "item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity\nA1,Acme,2025-03-01,10,5,2025-03-06,10\n"
            .write(to: dir.appendingPathComponent("orders.csv"), atomically: false, encoding: .utf8)
        try "Item #,Shelf Life (Days),Lead Time (Days)\nA1,365,2\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["purchasing", "--orders", "orders.csv", "--items", "items.csv", "--columns", "item=Item #", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("left unread") && !run.stderr.contains("shelf_life_days"), "\(run.stderr)")
        let scorecard = try CLIRunner.read(dir.appendingPathComponent("out/vendor_scorecard.csv"))
        #expect(scorecard.contains("\nAcme,1,50,1,0,5,"), "\(scorecard)")
        // `Days Lead Time`, lead_time_days' words in another order, is read as `inspect` maps it
        // (it was only suggested for mapping): the same late line.
        try "Item #,Shelf Life (Days),Days Lead Time\nA1,365,2\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let reordered = try CLIRunner.run(["purchasing", "--orders", "orders.csv", "--items", "items.csv", "--columns", "item=Item #", "--out", "out2"], in: dir)
        #expect(reordered.status == 0 && !reordered.stderr.contains("left unread") && !reordered.stderr.contains("shelf_life_days"), "\(reordered.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out2/vendor_scorecard.csv")).contains("\nAcme,1,50,1,0,5,"))
    }

    @Test func badFlagsAreUsageErrorsAndMissingFilesDataErrors() throws {
        let dir = try CLIRunner.workspace()
        let badMonth = try CLIRunner.run(["variance", "--budget", "b.csv", "--actuals", "a.csv", "--fiscal-start", "13", "--out", "o"], in: dir)
        #expect(badMonth.status == 2)
        let badPolicy = try CLIRunner.run(["reorder", "--usage", "u", "--items", "i", "--inventory", "v", "--policy", "sometimes", "--out", "o"], in: dir)
        #expect(badPolicy.status == 2)
        let missing = try CLIRunner.run(["staffing", "--timekeeping", "t.csv", "--census", "c.csv", "--targets", "s.csv", "--out", "o"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("t.csv: file not found"))
    }
}
