import Foundation

extension BadInputCorpus {
    /// Issue 23: `--out -` on a command that writes a folder is a usage error naming the
    /// folder, and leaves no folder called `-` behind (it used to make one).
    static func flagCases() -> [CorpusCase] {
        var cases = [(CSVInput.items, "reorder"), (CSVInput.budget, "variance"), (CSVInput.census, "staffing")].map { input, command in
            CorpusCase(kind: input.kind, name: "--out - on \(command), which writes a folder",
                       files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                       arguments: input.arguments.map { $0 == "out" ? "-" : $0 },
                       expectation: .usageError(says: ["--out -", "\(command) writes a folder"]))
        }
        cases.append(CorpusCase(kind: .pipeline, name: "--out - on run, which writes a folder",
                                files: ["usage.csv": Data(PipelineCorpus.usage), "p.yml": Data(PipelineCorpus.base)],
                                arguments: ["run", "p.yml", "--out", "-", "--quiet"],
                                expectation: .usageError(says: ["--out -", "run writes a folder"])))
        // --service-level takes 0.95 or 95, as the item master does; anything outside 50-100% is
        // refused with both forms named.
        for level in ["150", "0.3", "100"] {
            let input = CSVInput.items
            cases.append(CorpusCase(kind: input.kind, name: "--service-level \(level) on reorder",
                                    files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                                    arguments: input.arguments + ["--service-level", level],
                                    expectation: .usageError(says: ["--service-level is a probability from 0.5 to 0.9999 (such as 0.95) or a percentage from 50 to 99.99 (such as 95)"])))
        }
        // forecast's lists: a level named twice wrote its columns twice, none dropped every
        // interval column, and a model named twice was combined with itself.
        let series = CSVInput.series
        for (flag, value, says) in [("--levels", "80,80", "--levels names 80 twice"), ("--levels", "", "--levels needs at least one percentage"),
                                    ("--models", "naive,naive", "--models names 'naive' twice")] {
            cases.append(CorpusCase(kind: series.kind, name: "forecast \(flag) '\(value)'", files: [series.file: Data(series.contents)],
                                    arguments: ["forecast", "--input", series.file, "--horizon", "2", "--quiet", "--out", "fc.csv", flag, value],
                                    expectation: .usageError(says: [says])))
        }
        // The FTE basis on staffing's command line, in the stage's ranges.
        let census = CSVInput.census
        for (flag, value, says) in [("--paid-hours-per-fte", "100", "--paid-hours-per-fte must be between 500 and 4000"),
                                    ("--productive-share", "0", "--productive-share must be between 0.1 and 1"),
                                    ("--overtime-share", "1.5", "--overtime-share must be between 0 and 1")] {
            cases.append(CorpusCase(kind: census.kind, name: "staffing \(flag) \(value)",
                                    files: files(census).merging([census.file: Data(census.contents)]) { _, own in own },
                                    arguments: census.arguments + [flag, value], expectation: .usageError(says: [says])))
        }
        for k in cases.indices { cases[k].absentAfterFailure = ["-", "-.rejects", "-.lock"] }
        return cases + formatCases() + columnMapCases() + spreadsheetNameCases()
    }

    /// Review wb-5: `forecast --out fc.xlsx` and `aggregate --out ag.xlsx` wrote CSV text under
    /// the workbook's name with exit 0 (Excel refuses the file; LibreOffice opens it as text and
    /// reads item 000123 as 123). Such a name, on any CSV these commands write, is a usage
    /// error naming the flag and the .csv name to give, and nothing is written.
    static func spreadsheetNameCases() -> [CorpusCase] {
        let series = CSVInput.series, usage = CSVInput.usage
        func renamed(_ arguments: [String], _ flag: String, _ name: String) -> [String] {
            guard let k = arguments.firstIndex(of: flag) else { return arguments + [flag, name] }
            var changed = arguments
            changed[k + 1] = name
            return changed
        }
        var cases: [CorpusCase] = []
        for (flag, name, csv) in [("--out", "fc.xlsx", "fc.csv"), ("--out", "FC.XLSM", "FC.csv"), ("--out", "fc.xls", "fc.csv"),
                                  ("--accuracy", "acc.xlsx", "acc.csv"), ("--rejects", "rej.ods", "rej.csv"),
                                  // Review wb2-2's minor list: a template, Apple's Numbers, a trailing space pasted into a scheduler.
                                  ("--out", "fc.xltx", "fc.csv"), ("--out", "fc.numbers", "fc.csv"), ("--out", "fc.xlsx ", "fc.csv")] {
            var c = CorpusCase(kind: series.kind, name: "forecast \(flag) \(name) (CSV under a spreadsheet's name)",
                               files: [series.file: Data(series.contents)], arguments: renamed(series.arguments, flag, name),
                               expectation: .usageError(says: ["\(flag) \(name): forecast writes CSV text, not a workbook", "\(flag) \(csv)", "file: NAME.xlsx"]))
            c.absentAfterFailure = [name, "fc.csv", "fc.accuracy.csv", "fc.rejects.csv"]
            cases.append(c)
        }
        for (flag, name, csv) in [("--out", "ag.xlsx", "ag.csv"), ("--rejects", "rej.xlsx", "rej.csv"), ("--out", "ag.numbers", "ag.csv"), ("--out", "ag.xlsx ", "ag.csv")] {
            var c = CorpusCase(kind: usage.kind, name: "aggregate \(flag) \(name) (CSV under a spreadsheet's name)",
                               files: [usage.file: Data(usage.contents)], arguments: renamed(usage.arguments, flag, name),
                               expectation: .usageError(says: ["\(flag) \(name): aggregate writes CSV text, not a workbook", "\(flag) \(csv)"]))
            c.absentAfterFailure = [name, "series.csv", "series.rejects.csv"]
            cases.append(c)
        }
        // Review wb2-2: the export stage, the route the refusal above recommends, wrote CSV text
        // under .xlsm, .xls and .ods with exit 0 and validate silent. Refused by validate and by
        // run before any stage runs, naming the .xlsx and .csv names to give instead.
        for name in ["monthly.xlsm", "monthly.xls", "monthly.xlsb", "monthly.ods", "monthly.XLTX", "monthly.numbers", "monthly.xlsx "] {
            let yaml = "stages:\n  usage:\n    kind: import\n    table: usage\n    file: in.csv\n  totals:\n    kind: aggregate\n    input: usage\n    frequency: month\n"
                + "  save:\n    kind: export\n    input: totals\n    file: \"\(name)\"\n"
            let ext = String(name.trimmingCharacters(in: .whitespaces).drop { $0 != "." }).lowercased()
            for command in ["validate", "run"] {
                var c = CorpusCase(kind: .pipeline, name: "export stage \(command) of file '\(name)' (CSV under a spreadsheet's name)",
                                   files: ["in.csv": Data("date,item,quantity\n2025-01-15,A,1\n"), "p.yaml": Data(yaml.utf8)],
                                   arguments: command == "run" ? ["run", "p.yaml", "--out", "o"] : ["validate", "p.yaml"],
                                   expectation: .fails(file: "p.yaml", line: 13, says: ["the export stage writes a workbook only for .xlsx", "a CSV named \(ext)",
                                                                                         "name it monthly.xlsx for a workbook or monthly.csv for CSV"]))
                c.absentAfterFailure = ["o/" + name]
                cases.append(c)
            }
        }
        return cases
    }

    /// A `--columns` key that no input of the command reads (a misspelt role, a kind the
    /// command has not) is a usage error naming it, where it used to be ignored; nothing is
    /// written.
    static func columnMapCases() -> [CorpusCase] {
        [(CSVInput.items, "reorder", "quantitiy=Qty", "'quantitiy'"), (CSVInput.budget, "variance", "budgets.amount=Amt", "'budgets.amount'"),
         (CSVInput.census, "staffing", "census.hours=Hrs", "'census.hours'")].map { input, command, map, named in
            var c = CorpusCase(kind: input.kind, name: "--columns \(map) on \(command), which no input reads",
                               files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                               arguments: input.arguments + ["--columns", map],
                               expectation: .usageError(says: ["--columns names \(named), which no input of \(command) reads"]))
            c.absentAfterFailure = ["out"]
            return c
        }
    }

    /// Issue 19: report formats are a list; a name that is not one (`xls`), or one given
    /// twice, is a usage error naming the accepted formats, and nothing is written.
    static func formatCases() -> [CorpusCase] {
        let items = CSVInput.items
        let inputs = files(items).merging([items.file: Data(items.contents)]) { _, own in own }
        var cases = [
            CorpusCase(kind: items.kind, name: "--format md,xls (a format that does not exist)", files: inputs,
                       arguments: items.arguments + ["--format", "md,xls"],
                       expectation: .usageError(says: ["--format", "'xls' is not a report format", "md, html, xlsx"])),
            CorpusCase(kind: items.kind, name: "--format xlsx,xlsx (a format given twice)", files: inputs,
                       arguments: items.arguments + ["--format", "xlsx,xlsx"],
                       expectation: .usageError(says: ["--format", "'xlsx' is given twice"])),
            PipelineCorpus.yaml("formats: [md, xls] in a pipeline", "formats: [md, xls]\n" + PipelineCorpus.base, line: 1,
                                "'xls' is not a report format", "md, html, xlsx"),
            PipelineCorpus.yaml("formats: [md, xls] in a pipeline", "formats: [md, xls]\n" + PipelineCorpus.base, line: 1,
                                "'xls' is not a report format", command: "run"),
        ]
        for k in cases.indices where cases[k].kind != .pipeline { cases[k].absentAfterFailure = ["out"] }
        return cases
    }
}
