import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What reaches the outputs from users' data: no spreadsheet formulas in any CSV file, no
/// broken Markdown tables, no employee ids anywhere, no whole rows on standard error, and
/// no device or link replaced by `--out`.
@Suite struct OutputSafetyTests {
    /// Text a spreadsheet would run as a formula, in every shape DESIGN.md lists.
    static let formulas = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTAB", "\rCR"]

    // MARK: - Helpers

    static func write(_ files: [String: String], in dir: URL) throws {
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
    }

    /// Every regular file under `folder`, by path relative to it.
    static func files(under folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let name as String in walker {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                result[name] = data
            }
        }
        return result
    }

    /// Cells of the CSV files under `folder` that a spreadsheet would evaluate.
    static func formulaCells(under folder: URL) -> [String] {
        var found: [String] = []
        for (name, data) in files(under: folder) where name.hasSuffix(".csv") {
            for record in CSVText.parse(String(decoding: data, as: UTF8.self)) {
                for cell in record where isFormula(cell) { found.append("\(name): \(cell.debugDescription)") }
            }
        }
        return found
    }

    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-": return Double(cell) == nil
        default: return false
        }
    }

    /// Markdown tables whose rows do not all have the header's number of cells, or that a
    /// line break cut in two.
    static func brokenTables(under folder: URL) -> [String] {
        var problems: [String] = []
        for (name, data) in files(under: folder) where name.hasSuffix(".md") {
            var columns: Int?
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("|") else {
                    if columns != nil && !line.isEmpty { problems.append("\(name): a table row continues on the next line: \(line)") }
                    columns = nil
                    continue
                }
                // Cells are separated by pipes not escaped with a backslash.
                var count = 0
                var previous: Character = " "
                for ch in line { if ch == "|" && previous != "\\" { count += 1 }; previous = ch }
                if let expected = columns, count != expected { problems.append("\(name): \(count - 1) cells instead of \(expected - 1): \(line)") }
                if columns == nil { columns = count }
            }
        }
        return problems
    }

    // MARK: - Formula injection

    @Test func noCSVOutputCellIsAFormula() throws {
        let dir = try CLIRunner.workspace()
        // Reorder: items, descriptions and vendors that are formulas, and a rejected row too.
        let items = ["=A100", "+B200", "@C300", "-D400", "E500", "F600"]
        var usage = "date,item,quantity\n"
        for (k, day) in CSVInput.days(84).enumerated() where k % 2 == 0 {
            for (n, item) in items.enumerated() { usage += "\(day),\(item),\(1 + (k + n) % 4)\n" }
        }
        var master = "item,description,vendor,unit_cost,pack_size,lead_time_days\n"
        for (n, item) in items.enumerated() {
            let description = OutputSafetyTests.formulas[n]
            master += "\(item),\"\(description) desc\",\"=cmd|' /C calc'!A0\",2.5,10,3\n"
        }
        master += "=EVIL(),bad pack,Acme,1,-4,3\n"
        var inventory = "item,on_hand,on_order\n"
        for item in items { inventory += "\(item),0,0\n" }
        try OutputSafetyTests.write(["usage.csv": usage, "items.csv": master, "inventory.csv": inventory], in: dir)
        let reorder = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv",
                                         "--out", "reorder", "--quiet", "--on-error", "skip"], in: dir)
        #expect(reorder.status == 0, "\(reorder.stderr)")

        // Aggregate and forecast: series keys that are formulas, and their rejects.
        try OutputSafetyTests.write(["usage2.csv": usage + "2025-03-01,=BAD,oops\n"], in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agg"), withIntermediateDirectories: true)
        let aggregate = try CLIRunner.run(["aggregate", "--input", "usage2.csv", "--frequency", "week", "--out", "agg/series.csv", "--on-error", "skip"], in: dir)
        #expect(aggregate.status == 0, "\(aggregate.stderr)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fc"), withIntermediateDirectories: true)
        // Forecast: a year and more of weekly history, so the backtest writes accuracy rows.
        var history = "date,item,quantity\n"
        for (k, day) in CSVInput.days(420).enumerated() where k % 3 == 0 {
            for (n, item) in items.enumerated() { history += "\(day),\(item),\(1 + (k + n) % 5)\n" }
        }
        try OutputSafetyTests.write(["history.csv": history + "2025-03-01,=BAD,oops\n"], in: dir)
        let forecast = try CLIRunner.run(["forecast", "--input", "history.csv", "--frequency", "week", "--horizon", "2", "--threads", "1",
                                          "--quiet", "--out", "fc/forecasts.csv"], in: dir)
        #expect(forecast.status == 0, "\(forecast.stderr)")

        // Variance (with a proposal) and staffing: departments, accounts, units and job codes.
        var budget = "department,account,period,amount,volume\n", actuals = "department,account,period,amount,volume\n"
        for m in 7...12 {
            budget += "=ICU,+Supplies,2025-\(m < 10 ? "0" : "")\(m),1000,100\n=ICU,-Salaries,2025-\(m < 10 ? "0" : "")\(m),5000,100\n"
            if m <= 9 { actuals += "=ICU,+Supplies,2025-0\(m),1100,90\n=ICU,-Salaries,2025-0\(m),5100,90\n" }
        }
        try OutputSafetyTests.write(["budget.csv": budget, "actuals.csv": actuals], in: dir)
        let variance = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--propose", "FY2027",
                                          "--out", "variance", "--quiet"], in: dir)
        #expect(variance.status == 0, "\(variance.stderr)")
        var census = "date,unit,patient_days\n", hours = "date,unit,hours,job_code\n"
        for (k, day) in CSVInput.days(84).enumerated() {
            census += "\(day),@ICU,\(8 + k % 5)\n"
            hours += "\(day),@ICU,12,-RN\n\(day),@ICU,8,+CNA\n"
        }
        try OutputSafetyTests.write(["census.csv": census, "hours.csv": hours,
                                     "targets.csv": "unit,job_code,target_hppd,budgeted_fte\n@ICU,-RN,12,8\n@ICU,+CNA,2,2\n"], in: dir)
        let staffing = try CLIRunner.run(["staffing", "--timekeeping", "hours.csv", "--census", "census.csv", "--targets", "targets.csv",
                                          "--horizon", "4", "--out", "staffing", "--quiet"], in: dir)
        #expect(staffing.status == 0, "\(staffing.stderr)")

        // Every CSV written anywhere, rejects files included, is free of formulas...
        #expect(OutputSafetyTests.formulaCells(under: dir.appendingPathComponent("reorder")) == [])
        #expect(OutputSafetyTests.formulaCells(under: dir.appendingPathComponent("agg")) == [])
        #expect(OutputSafetyTests.formulaCells(under: dir.appendingPathComponent("fc")) == [])
        #expect(OutputSafetyTests.formulaCells(under: dir.appendingPathComponent("variance")) == [])
        #expect(OutputSafetyTests.formulaCells(under: dir.appendingPathComponent("staffing")) == [])
        // ...because each value went through neutralised, not dropped.
        let reorderCSV = try CLIRunner.read(dir.appendingPathComponent("reorder/reorder.csv"))
        for text in ["\"'=A100\"", "\"'+B200\"", "\"'@C300\"", "\"'-D400\"", "\"'=1+1 desc\"", "\"'+SUM(A1:A9) desc\"", "\"'-2+3 desc\"",
                     "\"'@cmd desc\"", "\"'\tTAB desc\"", "\"'\rCR desc\"", "\"'=cmd|' /C calc'!A0\""] {
            #expect(reorderCSV.contains(text), "reorder.csv lacks \(text.debugDescription)")
        }
        #expect(try CLIRunner.read(dir.appendingPathComponent("reorder/items.rejects.csv")).contains("\"'=EVIL(),bad pack,Acme,1,-4,3\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("agg/series.rejects.csv")).contains("\"2025-03-01,=BAD,oops\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("agg/series.csv")).contains("\"'=A100\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("fc/forecasts.csv")).contains("\"'+B200\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("fc/accuracy.csv")).contains("\"'@C300\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("fc/forecasts.rejects.csv")).contains("=BAD"))
        #expect(try CLIRunner.read(dir.appendingPathComponent("variance/budget_variance.csv")).contains("\"'=ICU\",\"'+Supplies\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("variance/budget_proposal.csv")).contains("\"'-Salaries\""))
        #expect(try CLIRunner.read(dir.appendingPathComponent("staffing/staffing_plan.csv")).contains("\"'@ICU\",\"'-RN\""))
    }

    // MARK: - Markdown

    @Test func markdownTablesSurvivePipesAndLineBreaks() throws {
        let dir = try CLIRunner.workspace()
        var usage = "date,item,quantity\n"
        for (k, day) in CSVInput.days(84).enumerated() where k % 2 == 0 { usage += "\(day),A100,\(3 + k % 4)\n\(day),\"B|200\",2\n" }
        let master = "item,description,vendor,unit_cost,pack_size\nA100,\"Gauze | 4x4\nsterile\",\"Acme | Sons\nLtd\",2.5,10\n\"B|200\",\"Tape\r\n1 in\",\"Acme | Sons\nLtd\",1,5\n"
        try OutputSafetyTests.write(["usage.csv": usage, "items.csv": master, "inventory.csv": "item,on_hand\nA100,0\n\"B|200\",0\n"], in: dir)
        let reorder = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out", "--quiet"], in: dir)
        #expect(reorder.status == 0, "\(reorder.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/reorder.md"))
        #expect(report.contains("| A100 | Gauze \\| 4x4 sterile |"), "\(report)")
        #expect(report.contains("| B\\|200 | Tape 1 in |") || report.contains("| B\\|200 | Tape  1 in |"), "\(report)")
        #expect(report.contains("## Acme | Sons Ltd:"), "a heading keeps its pipe and loses the line break: \(report)")

        var budget = "department,account,period,amount\n", actuals = "department,account,period,amount\n"
        for m in 7...9 {
            budget += "\"Dept | A\nWest\",\"Acct|1\",2025-0\(m),1000\n"
            actuals += "\"Dept | A\nWest\",\"Acct|1\",2025-0\(m),1500\n"
        }
        try OutputSafetyTests.write(["budget.csv": budget, "actuals.csv": actuals], in: dir)
        let variance = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--out", "var", "--quiet"], in: dir)
        #expect(variance.status == 0, "\(variance.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("var/budget_variance.md")).contains("Dept \\| A West"))

        var census = "date,unit,patient_days\n", hours = "date,unit,hours,job_code\n"
        for (k, day) in CSVInput.days(84).enumerated() {
            census += "\(day),\"ICU | 4\nNorth\",\(8 + k % 5)\n"
            hours += "\(day),\"ICU | 4\nNorth\",12,\"R|N\"\n"
        }
        try OutputSafetyTests.write(["census.csv": census, "hours.csv": hours, "targets.csv": "unit,job_code,target_hppd\n\"ICU | 4\nNorth\",\"R|N\",12\n"], in: dir)
        let staffing = try CLIRunner.run(["staffing", "--timekeeping", "hours.csv", "--census", "census.csv", "--targets", "targets.csv",
                                          "--horizon", "4", "--out", "staff", "--quiet"], in: dir)
        #expect(staffing.status == 0, "\(staffing.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("staff/staffing_plan.md")).contains("ICU \\| 4 North"))

        for folder in ["out", "var", "staff"] {
            #expect(OutputSafetyTests.brokenTables(under: dir.appendingPathComponent(folder)) == [])
        }
    }

    // MARK: - Employee ids

    static let employees = (0..<9).map { "EMP-77\($0)1-XQ" }

    /// Punches with employee ids, a row with a bad hours value, one whose hours column holds
    /// the employee id (a shifted row), and one with an impossible date.
    static func punches() -> String {
        var hours = "date,employee,unit,job_code,pay_type,hours\n"
        for (k, day) in CSVInput.days(84).enumerated() {
            hours += "\(day),\(employees[k % 9]),ICU,RN,REG,12\n\(day),\(employees[(k + 4) % 9]),ICU,CNA,\(k % 6 == 0 ? "OT" : "REG"),8\n"
        }
        hours += "2025-02-03,\(employees[1]),ICU,RN,REG,twelve\n"
        hours += "2025-02-04,\(employees[2]),ICU,RN,REG,\(employees[2])\n"
        hours += "2025-02-30,\(employees[3]),ICU,RN,REG,12\n"
        return hours
    }

    static func leaks(in dir: URL, stderr: String) -> [String] {
        var found: [String] = []
        for id in employees {
            if stderr.contains(id) { found.append("standard error shows \(id)") }
            for (name, data) in files(under: dir) where !name.hasSuffix("hours.csv") && String(decoding: data, as: UTF8.self).contains(id) {
                found.append("\(name) holds \(id)")
            }
        }
        return found
    }

    @Test func employeeIdsReachNoOutputAndNoMessage() throws {
        let dir = try CLIRunner.workspace()
        var census = "date,unit,patient_days\n"
        for (k, day) in CSVInput.days(84).enumerated() { census += "\(day),ICU,\(8 + k % 5)\n" }
        try OutputSafetyTests.write(["hours.csv": OutputSafetyTests.punches(), "census.csv": census,
                                     "targets.csv": "unit,job_code,target_hppd,budgeted_fte\nICU,RN,12,8\nICU,CNA,2,2\n"], in: dir)
        let columns = "date=date,unit=unit,hours=hours,job_code=job_code,pay_type=pay_type,employee=employee"
        // Imported with the rejects kept...
        let skip = try CLIRunner.run(["staffing", "--timekeeping", "hours.csv", "--census", "census.csv", "--targets", "targets.csv",
                                      "--columns", columns, "--horizon", "4", "--out", "plan", "--on-error", "skip"], in: dir)
        #expect(skip.status == 0, "\(skip.stderr)")
        #expect(skip.stderr.contains("3 rejected"), "\(skip.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan/timekeeping.rejects.csv").path))
        // ...and failing on them, which keeps the rejects beside the output.
        let fail = try CLIRunner.run(["staffing", "--timekeeping", "hours.csv", "--census", "census.csv", "--targets", "targets.csv",
                                      "--horizon", "4", "--out", "failed", "--reject-threshold", "0"], in: dir)
        #expect(fail.status == 1)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("failed.rejects/timekeeping.rejects.csv").path))
        // The same through a pipeline, whose manifest and index list inputs and notes.
        try """
        stages:
          census:
            kind: import
            table: census
            file: census.csv
          hours:
            kind: import
            table: timekeeping
            file: hours.csv
            on_error: skip
          targets:
            kind: import
            table: staffing_targets
            file: targets.csv
          staffing:
            kind: staffing
            timekeeping: hours
            census: census
            targets: targets
            horizon: 4

        """.write(to: dir.appendingPathComponent("staffing.yml"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["run", "staffing.yml", "--out", "piped"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("piped/manifest.json").path))

        #expect(OutputSafetyTests.leaks(in: dir, stderr: skip.stderr + fail.stderr + run.stderr) == [])
        // The ids really were in the input, so the check above could have failed.
        #expect(try CLIRunner.read(dir.appendingPathComponent("hours.csv")).contains(OutputSafetyTests.employees[2]))
    }

    // MARK: - Messages

    @Test func messagesQuoteTheBadValueNotTheRow() throws {
        let dir = try CLIRunner.workspace()
        var usage = "date,item,quantity,location\n"
        for (k, day) in CSVInput.days(60).enumerated() { usage += "\(day),WIDGET-\(k % 3),\(k % 7),Ward-Secret-\(k)\n" }
        // A thousand bad rows, each with a long distinctive location.
        let filler = String(repeating: "L", count: 300)
        for k in 0..<1000 { usage += "2025-03-0\(1 + k % 9),WIDGET-X,n/a\(k),Ward-\(filler)-\(k)\n" }
        try usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "usage.csv", "--out", "series.csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("usage.csv: 1000 of 1060 rows rejected"))
        #expect(result.stderr.contains("usage.csv:62: column 'quantity': 'n/a0' is not a number"))
        #expect(!result.stderr.contains(filler), "a message dumped a row")
        #expect(!result.stderr.contains("Ward-"), "a message showed another column of the row")
        #expect(result.stderr.utf8.count < 1_000, "\(result.stderr.utf8.count) bytes on standard error")
        // The full rows are where they belong: the rejects file.
        #expect(try CLIRunner.read(dir.appendingPathComponent("series.rejects.csv")).contains("Ward-\(filler)-999"))
    }

    // MARK: - Outputs that are inputs

    /// A refused run: exit 2, a message that says each phrase, and every file of the folder
    /// byte for byte as it was (nothing written, truncated or removed).
    static func expectRefused(_ arguments: [String], in dir: URL, says phrases: [String],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = files(under: dir)
        let result = try CLIRunner.run(arguments, in: dir)
        #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        for phrase in phrases { #expect(result.stderr.contains(phrase), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation) }
        #expect(files(under: dir) == before, "\(arguments) changed the folder", sourceLocation: sourceLocation)
    }

    /// A review's data loss: `--accuracy` or `--rejects` naming the export, or an export called
    /// accuracy.csv beside `--out forecasts.csv`, replaced it with a header and exited 0.
    @Test func noOutputOfAggregateOrForecastReplacesTheInput() throws {
        let dir = try CLIRunner.workspace()
        try OutputSafetyTests.write(["t3.csv": CSVInput.usage.contents, "accuracy.csv": CSVInput.usage.contents,
                                     "in2.csv": CSVInput.usage.contents, "in2.rejects.csv": CSVInput.usage.contents], in: dir)
        let forecast = ["forecast", "--frequency", "week", "--horizon", "2", "--quiet"]
        try OutputSafetyTests.expectRefused(forecast + ["--input", "t3.csv", "--out", "t3f.csv", "--accuracy", "t3.csv"], in: dir,
                                            says: ["--accuracy names t3.csv, which is the input file t3.csv (--input)", "choose another path for --accuracy"])
        try OutputSafetyTests.expectRefused(["aggregate", "--input", "in2.csv", "--out", "a.csv", "--rejects", "./in2.csv"], in: dir,
                                            says: ["--rejects names ./in2.csv, which is the input file in2.csv (--input)"])
        try OutputSafetyTests.expectRefused(forecast + ["--input", "accuracy.csv", "--out", "forecasts.csv"], in: dir,
                                            says: ["the accuracy file beside --out names accuracy.csv", "give --accuracy another path, or choose another --out"])
        try OutputSafetyTests.expectRefused(["aggregate", "--input", "in2.rejects.csv", "--out", "in2.csv", "--frequency", "week"], in: dir,
                                            says: ["the rejects file beside --out names in2.rejects.csv, which is the input file in2.rejects.csv (--input)"])
        try OutputSafetyTests.expectRefused(forecast + ["--input", "t3.csv", "--out", "f.csv", "--history", "t3.csv"], in: dir,
                                            says: ["--history names t3.csv, which is the input file t3.csv (--input)"])
        // A hard link, or a symbolic link, to the export is the export.
        try FileManager.default.linkItem(at: dir.appendingPathComponent("t3.csv"), to: dir.appendingPathComponent("hard.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("soft.csv").path, withDestinationPath: "t3.csv")
        try OutputSafetyTests.expectRefused(["aggregate", "--input", "t3.csv", "--out", "hard.csv"], in: dir,
                                            says: ["--out names hard.csv, which is the input file t3.csv (--input)"])
        try OutputSafetyTests.expectRefused(forecast + ["--input", "soft.csv", "--out", "f.csv", "--accuracy", "t3.csv"], in: dir,
                                            says: ["--accuracy names t3.csv, which is the input file soft.csv (--input)"])
        // The lock file beside --out is truncated while the run holds it, then removed.
        try OutputSafetyTests.write(["s.csv.lock": CSVInput.usage.contents], in: dir)
        try OutputSafetyTests.expectRefused(["aggregate", "--input", "s.csv.lock", "--out", "s.csv"], in: dir,
                                            says: ["the lock file beside --out names s.csv.lock, which is the input file s.csv.lock (--input)"])
        // The same outputs away from the input still run.
        let fine = try CLIRunner.run(forecast + ["--input", "t3.csv", "--out", "t3f.csv", "--accuracy", "t3a.csv"], in: dir)
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func twoOutputsOfOneRunMayNotNameOneFile() throws {
        let dir = try CLIRunner.workspace()
        try OutputSafetyTests.write(["u.csv": CSVInput.usage.contents], in: dir)
        let forecast = ["forecast", "--input", "u.csv", "--frequency", "week", "--horizon", "2", "--quiet"]
        try OutputSafetyTests.expectRefused(forecast + ["--out", "f.csv", "--accuracy", "f.csv"], in: dir,
                                            says: ["--out and --accuracy name one file (f.csv)", "choose another path for --accuracy"])
        try OutputSafetyTests.expectRefused(forecast + ["--out", "f.csv", "--rejects", "f.accuracy.csv"], in: dir,
                                            says: ["--rejects and the accuracy file beside --out name one file (f.accuracy.csv)"])
        try OutputSafetyTests.expectRefused(forecast + ["--out", "f.csv", "--history", "sub/../f.rejects.csv"], in: dir,
                                            says: ["the rejects file beside --out and --history name one file (f.rejects.csv and sub/../f.rejects.csv)"])
        try OutputSafetyTests.expectRefused(["aggregate", "--input", "u.csv", "--out", "a.csv", "--rejects", "a.csv"], in: dir,
                                            says: ["--out and --rejects name one file (a.csv)"])
    }

    /// Folder commands replace their --out whole: an input inside it (or inside the rejects
    /// folder a failed run leaves beside it), or a history there, would be deleted.
    @Test func noInputLivesInAFolderTheRunReplaces() throws {
        let dir = try CLIRunner.workspace()
        // An earlier run's folder, into which the user put the exports.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out.rejects"), withIntermediateDirectories: true)
        try OutputSafetyTests.write(["out/manifest.json": "{}\n", "out/usage.csv": CSVInput.reorderUsage, "items.csv": CSVInput.csv(CSVInput.itemsHeader, CSVInput.itemsRows),
                                     "inventory.csv": CSVInput.csv(CSVInput.inventoryHeader, CSVInput.inventoryRows),
                                     "out.rejects/items.rejects.csv": CSVInput.csv(CSVInput.itemsHeader, CSVInput.itemsRows),
                                     "usage.csv": CSVInput.reorderUsage, "p.yml": PipelineCorpus.base], in: dir)
        let reorder = ["reorder", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out", "--quiet"]
        try OutputSafetyTests.expectRefused(reorder + ["--usage", "out/usage.csv"], in: dir,
                                            says: ["--out out holds the input file out/usage.csv (--usage), and the run replaces that folder whole", "choose another --out"])
        try OutputSafetyTests.expectRefused(["reorder", "--usage", "usage.csv", "--items", "out.rejects/items.rejects.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir,
                                            says: ["the failed-run rejects folder out.rejects holds the input file out.rejects/items.rejects.csv (--items)"])
        try OutputSafetyTests.expectRefused(reorder + ["--usage", "usage.csv", "--history", "out/h.sqlite"], in: dir,
                                            says: ["--history names out/h.sqlite, inside --out out, which the run replaces whole"])
        // The same before the folder exists: it said "check permissions" (exit 1), and once a
        // run had made the folder, refused it (exit 2).
        try OutputSafetyTests.expectRefused(Array(reorder.dropLast(3)) + ["--out", "new", "--usage", "usage.csv", "--history", "new/h.sqlite"], in: dir,
                                            says: ["--history names new/h.sqlite, inside --out new, which the run replaces whole"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path))
        try OutputSafetyTests.expectRefused(reorder + ["--usage", "usage.csv", "--history", "items.csv"], in: dir,
                                            says: ["--history names items.csv, which is the input file items.csv (--items)"])
        // A pipeline: its imports and the pipeline file itself.
        try OutputSafetyTests.write(["out/p.yml": PipelineCorpus.base.replacingOccurrences(of: "file: usage.csv", with: "file: ../usage.csv")], in: dir)
        try OutputSafetyTests.expectRefused(["run", "out/p.yml", "--out", "out", "--quiet"], in: dir,
                                            says: ["the output folder out holds the input file out/p.yml (the pipeline)"])
        try OutputSafetyTests.write(["q.yml": PipelineCorpus.base.replacingOccurrences(of: "file: usage.csv", with: "file: out/usage.csv")], in: dir)
        try OutputSafetyTests.expectRefused(["run", "q.yml", "--out", "out/", "--quiet"], in: dir,
                                            says: ["the output folder out holds the input file out/usage.csv (stage 'usage')", "(--out, or output: in the pipeline)"])
        // track reads its history: a history inside the folder it writes is refused.
        try OutputSafetyTests.write(["out/h.sqlite": "not yet\n"], in: dir)
        try OutputSafetyTests.expectRefused(["track", "--history", "out/h.sqlite", "--out", "out", "--quiet"], in: dir,
                                            says: ["--out out holds the input file out/h.sqlite (--history)"])
        // Outside the folder, the same run goes ahead, into a folder holding none of the files
        // put into `out` above (which the run would refuse to replace: no run wrote them).
        let fine = try CLIRunner.run(Array(reorder.dropLast(3)) + ["--out", "elsewhere", "--quiet", "--usage", "usage.csv"], in: dir)
        #expect(fine.status == 0, "\(fine.stderr)")
        let replaced = try CLIRunner.run(reorder + ["--usage", "usage.csv"], in: dir)
        #expect(replaced.status == 1 && replaced.stderr.contains("which its last run did not write"), "\(replaced.stderr)")
    }

    // MARK: - Where --out points

    /// One-letter and nested output folders (a one-letter path once hit a Foundation trap).
    @Test func outputFolderNamesOfAnyShape() throws {
        let dir = try CLIRunner.workspace()
        try CSVInput.usage.contents.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try PipelineCorpus.base.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        for out in ["o", "a/b/c", "o/", "./o2"] {
            let result = try CLIRunner.run(["run", "p.yml", "--out", out, "--quiet"], in: dir)
            #expect(result.status == 0, "--out \(out): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(out).appendingPathComponent("series.csv").path), "--out \(out)")
        }
        let missing = try CLIRunner.run(["staffing", "--timekeeping", "t.csv", "--census", "c.csv", "--targets", "s.csv", "--out", "o3"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("t.csv: file not found"))
        // Into the folder the pipeline wrote, another command is refused: it would replace it whole.
        let other = try CLIRunner.run(["staffing", "--timekeeping", "t.csv", "--census", "c.csv", "--targets", "s.csv", "--out", "o"], in: dir)
        #expect(other.status == 1 && other.stderr.contains("o: the output folder holds the output of p.yml (series.csv)"), "\(other.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o/series.csv").path))
    }

    @Test func outputThroughALinkKeepsTheLink() throws {
        let dir = try CLIRunner.workspace()
        try CSVInput.usage.contents.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "old\n".write(to: dir.appendingPathComponent("real.csv"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "real.csv")
        let result = try CLIRunner.run(["aggregate", "--input", "usage.csv", "--out", "link.csv"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path)) == "real.csv")
        #expect(try CLIRunner.read(dir.appendingPathComponent("real.csv")).hasPrefix("series,period,value\n"))
    }

    /// `--out /dev/null` used to rename a regular file over the device (as root, for real).
    /// The test makes its own null device in a temporary folder, so a regression cannot
    /// damage the machine's /dev/null.
    @Test func outputToADeviceWritesThroughIt() throws {
        let dir = try CLIRunner.workspace()
        let device = dir.appendingPathComponent("null").path
        // Major 1, minor 3: the kernel's null device.
        guard mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            print("skipped: cannot make a device node here (\(String(cString: strerror(errno)))); needs root")
            return
        }
        try CSVInput.usage.contents.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "usage.csv", "--out", "null"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat(device, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "the device was replaced")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["null", "usage.csv"], "files appeared beside the device")
        // Weekly: the 40 days hold no whole month to forecast from.
        let forecast = try CLIRunner.run(["forecast", "--input", "usage.csv", "--frequency", "week", "--horizon", "2", "--threads", "1", "--quiet", "--out", "null"], in: dir)
        #expect(forecast.status == 0, "\(forecast.stderr)")
        #expect(stat(device, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "the device was replaced")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["null", "usage.csv"], "files appeared beside the device")
    }
}
