import Foundation
import Testing
import Tabular

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
            if n == 7 {
                // The summary line names the shard (a data engineer's review).
                let part = try CLIRunner.run(base.filter { $0 != "--quiet" } + ["--shard", "3/7", "--out", "-"], in: dir)
                #expect(part.stderr.contains("series in shard 3/7"), "\(part.stderr)")
            }
            #expect(union.count == expected.count)
            if n > 1 { #expect(nonEmpty > 1, "the hash should spread 40 series over several shards") }
        }
    }

    /// A file's order of day and month is decided from the whole file, before a shard keeps
    /// its series: only ITEM-0's dates (the 25th) say DD/MM/YYYY, and every shard reads the
    /// other items' `10/02/2023` as 10 February, as the unsharded run does, not as 2 October.
    @Test func everyShardReadsTheFilesDatesInTheFilesOneOrder() throws {
        let dir = try CLIRunner.workspace()
        var csv = "item,date,quantity\n"
        for s in 0..<20 {
            for month in 0..<12 {
                csv += "ITEM-\(s),\(s == 0 ? 25 : 10)/\(String(format: "%02d", month + 1))/2023,\(s + month)\n"
            }
        }
        try csv.write(to: dir.appendingPathComponent("in.csv"), atomically: false, encoding: .utf8)
        let base = ["aggregate", "--input", "in.csv", "--frequency", "month", "--partial", "keep"]
        let whole = try CLIRunner.run(base + ["--out", "-"], in: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("ITEM-5,2023-02,6\n"), "\(whole.stdout)")
        #expect(whole.stderr.contains("dates read day-first (DD/MM/YYYY) in 'date'"), "\(whole.stderr)")
        let expected = dataRows(whole.stdout).sorted()
        var union: [Substring] = []
        for k in 1...5 {
            let part = try CLIRunner.run(base + ["--shard", "\(k)/5", "--out", "-"], in: dir)
            #expect(part.status == 0, "\(part.stderr)")
            union += dataRows(part.stdout)
        }
        #expect(union.sorted() == expected)
    }

    /// Standard input cannot be read a second time day-first: a purchase-order export given
    /// as `--orders -` stopped at "file is empty" when its dates called for it. It is read
    /// once: day-first dates rejected with the hint, two orders refused as from a file.
    @Test func ordersOnStandardInputAreReadOnce() throws {
        let dir = try CLIRunner.workspace()
        try "item,vendor,unit_cost,lead_time_days\nA,V1,10,14\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let header = "po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity\n"
        let dayFirst = header + "P1,A,V1,25/01/2026,100,10,05/02/2026,100\nP2,A,V1,20/02/2026,100,10,03/03/2026,100\n"
        let run = try CLIRunner.run(["purchasing", "--orders", "-", "--items", "items.csv", "--out", "out", "--quiet"], in: dir, stdin: Data(dayFirst.utf8))
        #expect(run.status == 1 && !run.stderr.contains("file is empty") && run.stderr.contains("read day-first it is 25 January 2026: add --date-format dmy"), "\(run.stderr)")
        let given = try CLIRunner.run(["purchasing", "--orders", "-", "--items", "items.csv", "--date-format", "dmy", "--out", "out2", "--quiet"], in: dir, stdin: Data(dayFirst.utf8))
        #expect(given.status == 0, "\(given.stderr)")
        let twoOrders = header + "P1,A,V1,25/01/2026,100,10,02/05/2026,100\nP2,A,V1,02/02/2026,100,10,02/13/2026,100\n"
        let refused = try CLIRunner.run(["purchasing", "--orders", "-", "--items", "items.csv", "--out", "out3", "--quiet"], in: dir, stdin: Data(twoOrders.utf8))
        #expect(refused.status == 1 && refused.stderr.contains("<stdin>:2: column 'order_date': the dates are written in two orders"), "\(refused.stderr)")
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

    /// Staffing shards by unit, matched ignoring case and spaces as the plan matches them: the
    /// targets' `WARD 3` went to another shard than the census's `Ward 3` and was planned in
    /// neither. A shard that holds no unit is an empty plan, not a failure ("the census is empty").
    @Test func staffingShardsKeepRespelledUnitsTogetherAndMayBeEmpty() throws {
        let dir = try CLIRunner.workspace()
        let units = ["ICU", "Ward 3", "4 West", "5 North"]
        let days = CSVInput.days(56)
        let census = "date,unit,patient_days\n" + days.flatMap { d in (units + ["ED Obs"]).map { "\(d),\($0),12" } }.joined(separator: "\n") + "\n"
        let hours = "date,unit,hours,job_code,pay_type\n" + days.flatMap { d in units.map { "\(d),\($0),90,RN,REG" } }.joined(separator: "\n") + "\n"
        let targets = "unit,job_code,target_hppd,budgeted_fte\n" + units.map { "\($0 == "Ward 3" ? "WARD  3" : $0),RN,8,10" }.joined(separator: "\n") + "\nGhost Ward,RN,8,10\n"
        for (name, text) in [("census.csv", census), ("tk.csv", hours), ("targets.csv", targets)] {
            try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let base = ["staffing", "--timekeeping", "tk.csv", "--census", "census.csv", "--targets", "targets.csv", "--horizon", "2", "--quiet"]
        let whole = try CLIRunner.run(base + ["--out", "all"], in: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = dataRows(try CLIRunner.read(dir.appendingPathComponent("all/staffing_plan.csv"))).sorted()
        #expect(expected.count == 8)
        var union: [Substring] = [], messages = ""
        for k in 1...6 {
            let part = try CLIRunner.run(base + ["--shard", "\(k)/6", "--out", "s\(k)"], in: dir)
            #expect(part.status == 0, "\(part.stderr)")
            union += dataRows(try CLIRunner.read(dir.appendingPathComponent("s\(k)/staffing_plan.csv")))
            messages += part.stderr
        }
        #expect(union.sorted() == expected)
        // A target unit without census is named in its shard, as in the whole run, also when
        // the shard holds no other unit.
        #expect(whole.stderr.contains("Not planned, no census for the unit: Ghost Ward"), "\(whole.stderr)")
        #expect(messages.components(separatedBy: "Not planned, no census for the unit: Ghost Ward").count == 2, "\(messages)")
        // And a census unit no target names, which the plan left out without a word.
        #expect(whole.stderr.contains("Not planned, no staffing targets for the unit: ED Obs"), "\(whole.stderr)")
        #expect(messages.components(separatedBy: "Not planned, no staffing targets for the unit: ED Obs").count == 2, "\(messages)")
    }

    /// Whether a ledger dated by the day begins part-way through its first month is the whole
    /// file's to say: Unit 1 posts every weekday from 1 July, Units 2-12 from 15 July (new
    /// cost centres), so July is whole and no row is flagged partial; a shard without Unit 1,
    /// judging its own rows, would have flagged its July partial and left it out of its fits.
    /// Every line's rows, flags included, are the unsharded run's.
    @Test func varianceShardsJudgeAPartFirstMonthByTheWholeLedger() throws {
        let dir = try CLIRunner.workspace()
        var budget = "department,account,period,amount\n", actuals = budget
        for u in 1...12 {
            for m in 7...12 { budget += "Unit \(u),Supplies,2025-\(m < 10 ? "0" : "")\(m),2000\n" }
            var day = CalendarDay(year: 2025, month: 7, day: u == 1 ? 1 : 15)!
            while day <= CalendarDay(year: 2025, month: 9, day: 30)! {
                if day.isoWeekday <= 5 { actuals += "Unit \(u),Supplies,\(day),100\n" }
                day = day.adding(days: 1)
            }
        }
        try budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        func lines(_ out: String, _ extra: [String]) throws -> Set<String> {
            let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--as-of", "2025-09", "--quiet", "--out", out] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try CLIRunner.read(dir.appendingPathComponent(out + "/budget_variance.csv"))
            return Set(dataRows(text).filter { !$0.contains(",TOTAL,") && !$0.contains("-YTD,") }.map {
                let f = $0.split(separator: ",", omittingEmptySubsequences: false)
                return (f.prefix(6) + [f[16]]).joined(separator: ",")
            })
        }
        let whole = try lines("whole", [])
        #expect(!whole.contains { $0.hasSuffix(",partial") })
        var union = Set<String>()
        for k in 1...3 { union.formUnion(try lines("s\(k)", ["--shard", "\(k)/3"])) }
        let differing = union.symmetricDifference(whole)
        #expect(differing.isEmpty && union.count == whole.count, "\(differing.sorted().prefix(4))")
    }

    /// An unbudgeted line takes the behavior of its account's budget lines in other
    /// departments, and a shard reads the whole budget's: Unit 1 budgets `Agency Staffing`
    /// (variable, no behavior column), Units 2-6 book it unbudgeted. Every one of the five is
    /// named variable in the shards' notes as in the unsharded run's; read from a shard's own
    /// budget, those in a shard without Unit 1 were fixed.
    @Test func varianceShardsGiveUnbudgetedLinesTheWholeBudgetsBehavior() throws {
        let dir = try CLIRunner.workspace()
        var budget = "department,account,period,amount\n", actuals = budget
        for u in 1...6 {
            for m in 7...12 {
                budget += "Unit \(u),Supplies,2025-\(m < 10 ? "0" : "")\(m),2000\n" + (u == 1 ? "Unit 1,Agency Staffing,2025-\(m < 10 ? "0" : "")\(m),500\n" : "")
            }
            for m in 7...9 { actuals += "Unit \(u),Supplies,2025-0\(m),2000\nUnit \(u),Agency Staffing,2025-0\(m),400\n" }
        }
        try budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        func variable(_ out: String, _ extra: [String]) throws -> Set<String> {
            let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--as-of", "2025-09", "--out", out] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let report = try CLIRunner.read(dir.appendingPathComponent(out + "/budget_variance.md"))
            return Set((2...6).map { "Unit \($0)" }.filter { report.contains("\($0) / Agency Staffing variable (as the budget has the account in Unit 1)") })
        }
        let whole = try variable("whole", [])
        #expect(whole.count == 5, "\(whole)")
        var union = Set<String>()
        for k in 1...2 { union.formUnion(try variable("s\(k)", ["--shard", "\(k)/2"])) }
        #expect(union == whole, "\(union.sorted())")
    }

    /// Variance shards by department, so a report's subtotal lines meet the lines they sum: split
    /// by department and account, `Total Operating Expenses` fell in a shard without its lines
    /// and was read as spending there (the diff review's case). Each department's rows in the
    /// shards are the unsharded run's.
    @Test func varianceShardsKeepADepartmentsSubtotalsWithItsLines() throws {
        let dir = try CLIRunner.workspace()
        var budget = "department,account,period,amount\n", actuals = budget
        let departments = (1...24).map { "\(6000 + 10 * $0) Unit \($0)" }
        for d in departments {
            for m in 7...12 { for (a, v) in [("Salaries", 5_000), ("Supplies", 1_000)] { budget += "\(d),\(a),2025-\(m < 10 ? "0" : "")\(m),\(v)\n" } }
            for m in 7...9 {
                let month = "2025-0\(m)"
                actuals += "\(d),Salaries,\(month),5000\n\(d),Supplies,\(month),1100\n\(d),Total Operating Expenses,\(month),6100\n"
            }
        }
        try budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try actuals.write(to: dir.appendingPathComponent("actuals.csv"), atomically: false, encoding: .utf8)
        func lines(_ out: String, _ extra: [String]) throws -> Set<String> {
            let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--as-of", "2025-09", "--quiet", "--out", out] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try CLIRunner.read(dir.appendingPathComponent(out + "/budget_variance.csv"))
            // Line, period, budget, actual and variance (a shard leaves some whole-ledger
            // columns blank, as documented).
            return Set(dataRows(text).filter { !$0.hasPrefix("TOTAL") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") })
        }
        let whole = try lines("whole", [])
        #expect(!whole.contains { $0.contains("Total Operating Expenses") })
        var union = Set<String>()
        for k in 1...3 { union.formUnion(try lines("s\(k)", ["--shard", "\(k)/3"])) }
        let differing = union.symmetricDifference(whole)
        #expect(differing.isEmpty && union.count == whole.count, "\(differing.sorted().prefix(4))")
        // A shard's report says it is one (a data engineer's review: its totals read as the
        // whole hospital's); the whole run's does not.
        let shardReport = try CLIRunner.read(dir.appendingPathComponent("s1/budget_variance.md"))
        #expect(shardReport.hasPrefix("# Budget variance") && shardReport.contains("(shard 1/3)")
                && shardReport.contains("- This is shard 1/3 of the run, split by department"), "\(shardReport.prefix(600))")
        #expect(!(try CLIRunner.read(dir.appendingPathComponent("whole/budget_variance.md"))).contains("shard"))
    }

    /// What a usage row stands for is told from the whole file in every shard: item A used 10 a
    /// day and item B booked 300 on each month's last day read as days together, and B's shard
    /// alone read its rows as monthly totals (order 0 against the whole run's 527; a review), and
    /// then, read as days, forecast 227.53 over 21 days for the whole run's 197.97 (its weeks
    /// ended with its own last row).
    @Test func reorderShardsReadUsageRowsAsTheWholeFileDoes() throws {
        let dir = try CLIRunner.workspace()
        var usage = "date,item,quantity\n"
        for (month, length) in [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].enumerated() {
            for d in 1...length {
                let day = "2025-\(month < 9 ? "0" : "")\(month + 1)-\(d < 10 ? "0" : "")\(d)"
                usage += "\(day),A,10\n"
                if d == length { usage += "\(day),B,300\n" }
            }
        }
        try usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "item,vendor,unit_cost,lead_time_days,review_period_days,criticality\nA,V,1,14,7,E\nB,V,1,14,7,E\n"
            .write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try "item,on_hand\nA,300\nB,300\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        func lines(_ out: String, _ extra: [String]) throws -> Set<String> {
            let run = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--quiet", "--out", out] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            // Item to demand forecast: the class fill-rate allocation pools each shard's items
            // alone, so safety stock may differ (a documented limit of shards).
            return Set(dataRows(try CLIRunner.read(dir.appendingPathComponent(out + "/reorder.csv"))).map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(8).joined(separator: ",") })
        }
        let whole = try lines("whole", [])
        var union = Set<String>()
        for k in 1...2 { union.formUnion(try lines("s\(k)", ["--shard", "\(k)/2"])) }
        #expect(union == whole, "\(union.symmetricDifference(whole).sorted())")
    }

    /// A totals export's last period ends at the inventory's snapshot date, read from the whole
    /// inventory in every shard: a shard took the latest count of its own rows while its usage
    /// days came from the whole file, and planned as of 31 December where the whole run planned
    /// as of the 3rd (I00's demand 3.08 against 15, flagged stale_count; a review). Seven items
    /// counted on 3 December, three cycle-counted on the 15th: every shard plans as of the 3rd.
    @Test func reorderShardsEndTheLastPeriodAtTheWholeInventorysSnapshotDate() throws {
        let dir = try CLIRunner.workspace()
        let codes = (0..<10).map { "I0\($0)" }
        var usage = "date,item,quantity\n"
        for month in 1...12 {
            for (k, code) in codes.enumerated() {
                let days = month == 12 ? 3 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30][month - 1]
                usage += "2025-\(month < 10 ? "0" : "")\(month),\(code),\(5 * (k + 1) * days)\n"
            }
        }
        try usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try ("item,vendor,unit_cost,lead_time_days,review_period_days,criticality\n" + codes.map { "\($0),Medline,1,2,1,E\n" }.joined())
            .write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try ("item,on_hand,as_of\n" + codes.enumerated().map { k, code in "\(code),\(20 + 12 * k),\(k % 3 == 1 ? "2025-12-15" : "2025-12-03")\n" }.joined())
            .write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        func lines(_ out: String, _ extra: [String]) throws -> Set<String> {
            let run = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--quiet", "--out", out] + extra, in: dir)
            #expect(run.status == 0 && run.stderr.contains("as of 2025-12-03"), "\(extra): \(run.stderr)")
            return Set(dataRows(try CLIRunner.read(dir.appendingPathComponent(out + "/reorder.csv"))).map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(8).joined(separator: ",") })
        }
        let whole = try lines("whole", [])
        for n in [2, 3] {
            var union = Set<String>()
            for k in 1...n { union.formUnion(try lines("s\(k)of\(n)", ["--shard", "\(k)/\(n)"])) }
            #expect(union == whole, "\(n) shards: \(union.symmetricDifference(whole).sorted())")
        }
    }

    @Test func badShardIsAUsageError() throws {
        let dir = try CLIRunner.workspace()
        let result = try CLIRunner.run(["aggregate", "--input", "x.csv", "--out", "-", "--shard", "3/2"], in: dir)
        #expect(result.status == 2)
    }
}
