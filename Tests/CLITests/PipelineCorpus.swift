import Foundation
import Tabular

/// Hostile and broken pipeline files for BadInputCorpusTests: alias bombs, nesting deep
/// enough to overflow a recursive parser, unknown and repeated keys, unsafe names, paths
/// out of the output folder, and broken inputs behind an otherwise valid pipeline.
enum PipelineCorpus {
    static let usage = CSVInput.usage.contents

    /// 12 lines; line numbers below refer to it.
    static let base = """
    stages:
      usage:
        kind: import
        table: usage
        file: usage.csv
      monthly:
        kind: aggregate
        input: usage
      save:
        kind: export
        input: monthly
        file: series.csv

    """

    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The base with line `number` (1-based) replaced, or lines inserted after it.
    static func replacing(line number: Int, with text: String) -> String {
        var l = lines(base)
        l[number - 1] = text
        return l.joined(separator: "\n")
    }

    static func inserting(after number: Int, _ text: String) -> String {
        var l = lines(base)
        l.insert(text, at: number)
        return l.joined(separator: "\n")
    }

    static func yaml(_ name: String, _ text: String, line: Int?, _ says: String..., command: String = "validate", extra: [String] = [],
                     file: String = "p.yml", files: [String: Data] = [:], prepare: (@Sendable (URL) throws -> Void)? = nil) -> CorpusCase {
        yamlData(name, Data(text), line: line, says, command: command, extra: extra, file: file, files: files, prepare: prepare)
    }

    static func yamlData(_ name: String, _ data: Data?, line: Int?, _ says: [String], command: String = "validate", extra: [String] = [],
                         file: String = "p.yml", files: [String: Data] = [:], prepare: (@Sendable (URL) throws -> Void)? = nil) -> CorpusCase {
        var all = files
        all["usage.csv"] = all["usage.csv"] ?? Data(usage)
        if let data { all["p.yml"] = data }
        let arguments = command == "run" ? ["run", "p.yml", "--out", "out", "--quiet"] + extra : ["validate", "p.yml"] + extra
        return CorpusCase(kind: .pipeline, name: command == "run" ? name + " (run)" : name, files: all, prepare: prepare, arguments: arguments,
                          expectation: .fails(file: file, line: line, says: says), absentAfterFailure: ["out"])
    }

    static func cases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func add(_ c: CorpusCase) { cases.append(c) }

        // Alias bombs ("billion laughs"): 30 levels of ten aliases each.
        var bomb = "description:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for k in 1...30 { bomb += "  a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        add(yaml("alias bomb, 300 aliases", bomb + base, line: 23, "more than 200 aliases"))
        add(yaml("alias bomb, 300 aliases", bomb + base, line: 23, "more than 200 aliases", command: "run"))
        var small = "description:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for k in 1...8 { small += "  a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 9).joined(separator: ", ") + "]\n" }
        add(yaml("alias bomb of 9^9 values used as a column map", small + inserting(after: 5, "    columns: *a8"), line: nil,
                 "must be a value, a map of values or a list of values"))

        // Nesting that overflowed the stack of the recursive YAML composer.
        add(yaml("flow sequences nested 100,000 deep", "stages: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
                 line: 1, "nests deeper than 64 levels"))
        add(yaml("flow sequences nested 100,000 deep", "stages: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
                 line: 1, "nests deeper than 64 levels", command: "run"))

        // A UTF-8 byte order mark (Notepad's "UTF-8 with BOM") is no part of the YAML: it
        // failed on line 2 as "not valid YAML"; the problem is now the pipeline's own, at its line.
        let bom = "\u{FEFF}" + base.replacingOccurrences(of: "kind: aggregate", with: "kind: agregate")
        add(yaml("pipeline with a UTF-8 byte order mark and an unknown kind", bom, line: 7, "unknown kind 'agregate'"))
        add(yaml("pipeline with a UTF-8 byte order mark and an unknown kind", bom, line: 7, "unknown kind 'agregate'", command: "run"))
        add(yaml("flow maps nested 50,000 deep", "stages: " + String(repeating: "{a: ", count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "\n",
                 line: 1, "nests deeper than 64 levels"))
        add(yaml("unclosed flow sequences, 200,000 deep", "stages:\n  usage:\n    columns: " + String(repeating: "[", count: 200_000) + "\n",
                 line: 3, "nests deeper than 64 levels"))
        var indented = "stages:\n"
        for k in 1..<600 { indented += String(repeating: "  ", count: k) + "k\(k):\n" }
        add(yaml("block maps indented 600 levels", indented + String(repeating: "  ", count: 600) + "x: 1\n", line: 64, "nests deeper than 64 levels"))
        add(yaml("block sequences nested 200,000 deep", String(repeating: "- ", count: 200_000) + "x\n", line: 1, "nests deeper than 64 levels"))
        add(yaml("a parameter nested 70 deep", inserting(after: 5, "    columns: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)),
                 line: 6, "nests deeper than 64 levels"))

        // Keys and names.
        add(yaml("unknown top-level key", base + "stagez: {}\n", line: 13, "unknown key 'stagez'"))
        add(yaml("unknown stage parameter", inserting(after: 5, "    horizon: 3"), line: 6, "unknown parameter 'horizon'"))
        add(yaml("unknown calendar key", "calendar:\n  fiscal_start: 7\n" + base, line: 2, "unknown calendar key 'fiscal_start'"))
        add(yaml("unknown kind", replacing(line: 7, with: "    kind: sum"), line: 7, "unknown kind 'sum'"))
        add(yaml("unknown kind", replacing(line: 7, with: "    kind: sum"), line: 7, "unknown kind 'sum'", command: "run"))
        add(yaml("stage without a kind", lines(base).enumerated().filter { $0.offset != 6 }.map(\.element).joined(separator: "\n"), line: 6, "has no kind"))
        add(yaml("stage name given twice", base + "  usage:\n    kind: import\n    table: usage\n    file: usage.csv\n", line: 13, "stage name 'usage' is used twice"))
        add(yaml("parameter given twice", inserting(after: 5, "    file: ../../etc/passwd"), line: 6, "'file' is given twice"))
        add(yaml("top-level key given twice", base + "stages:\n  other:\n    kind: import\n", line: 13, "'stages' is given twice"))
        add(yaml("column map key given twice", inserting(after: 5, "    columns: {date: Day, date: \"Trans Date\"}"), line: 6, "'date' is given twice"))
        add(yaml("merge key (<<) from an anchor", "base: &b {kind: import, table: usage}\nstages:\n  usage:\n    <<: *b\n    file: usage.csv\n",
                 line: 1, "unknown key 'base'"))
        add(yaml("stage name with ../", replacing(line: 9, with: "  \"../save\":"), line: 9, "may only hold letters"))
        add(yaml("stage name with a dot", replacing(line: 9, with: "  save.x:"), line: 9, "may only hold letters"))
        add(yaml("empty stage name", replacing(line: 9, with: "  \"\":"), line: 9, "may only hold letters"))
        add(yaml("200-character stage name", replacing(line: 9, with: "  " + String(repeating: "s", count: 200) + ":"), line: 9, "may only hold letters"))
        add(yaml("100 KB key", String(repeating: "k", count: 100_000) + ": 1\n" + base, line: 1, "not valid YAML"))
        add(yaml("1000-character key", String(repeating: "k", count: 1_000) + ": 1\n" + base, line: 1, "unknown key 'kkkk"))

        // Output names.
        for (name, says) in [("../x.csv", "plain file name"), ("/srv/x.csv", "plain file name"), (".hidden.csv", "plain file name"),
                             ("sub/x.csv", "plain file name"), ("manifest.json", "written by every run"), ("index.md", "written by every run"), ("index.html", "written by every run")] {
            add(yaml("export to '\(name)'", replacing(line: 12, with: "    file: \(name)"), line: 12, says))
        }
        add(yaml("export to '../x.csv'", replacing(line: 12, with: "    file: ../x.csv"), line: 12, "plain file name", command: "run"))
        add(yaml("two exports of one file", base + "  save2:\n    kind: export\n    input: usage\n    file: series.csv\n", line: 16, "already exports 'series.csv'"))
        add(yaml("reorder stage writing '../reorder'", base + "  items:\n    kind: import\n    table: items\n    file: usage.csv\n  reorder:\n    kind: reorder\n    usage: usage\n    items: items\n    inventory: items\n    file: ../reorder\n",
                 line: 22, "plain file name"))
        add(yaml("--set save.file=../x.csv", base, line: nil, "plain file name", extra: ["--set", "save.file=../x.csv"], file: "--set save.file=../x.csv"))
        add(yaml("--set for a stage the pipeline lacks", base, line: nil, "names stage 'nostage'", extra: ["--set", "nostage.x=1"]))
        add(yaml("--set changing a kind", base, line: nil, "cannot change a stage's kind", extra: ["--set", "save.kind=import"]))
        add(yaml("--set a key of a parameter that is no map", base, line: nil, "'file.x' sets a key of 'file', which is not a map", extra: ["--set", "usage.file.x=B"], file: "--set usage.file.x=B"))
        add(CorpusCase(kind: .pipeline, name: "--set without stage.param=", files: ["p.yml": Data(base), "usage.csv": Data(usage)],
                       arguments: ["validate", "p.yml", "--set", "garbage"], expectation: .usageError(says: ["--set expects stage.param=value"])))

        // Not YAML, or not a pipeline.
        add(yaml("tab indentation", replacing(line: 3, with: "\tkind: import"), line: 3, "not valid YAML", "replace the tab with spaces"))
        // layout: wide has no filter: its where: kept every row without a word.
        add(yaml("where: on a layout: wide import", inserting(after: 5, "    layout: wide\n    id_columns: [date]\n    where: {item: A}"), line: 8,
                 "where: is not applied to layout: wide"))
        // An import's where: that keeps no row ran on to empty outputs with exit 0.
        add(yaml("import where: keeping no row", inserting(after: 5, "    where: {item: NO-SUCH-ITEM}"), line: nil,
                 "where: kept none of the", "item 'NO-SUCH-ITEM' matched no row", command: "run", file: "usage.csv"))
        // An aggregate as_of before the data (a year typed wrong: 2023 for 2025) kept no row,
        // yet the run exited 0, replacing the outputs with empty ones and archiving an empty run.
        add(yaml("aggregate as_of before the first row", inserting(after: 8, "    as_of: 2023-12-31"), line: nil,
                 "stage 'monthly': as_of 2023-12-31 is before the first row of 'usage' (2025-01-06)", "keeps none of its 40 rows",
                 "give as_of a day on or after 2025-01-06", command: "run"))
        // A forecast stage fed no row (a filter that kept none): an empty forecast, exit 0.
        add(yaml("forecast stage whose input holds no rows", base + "  none:\n    kind: filter\n    input: monthly\n    where: {series: NO-SUCH}\n  demand: {kind: forecast, input: none, horizon: 2}\n",
                 line: nil, "stage 'demand': its input 'none' holds no rows, so there is nothing to forecast", "check the stages upstream", command: "run"))
        // A filter's or a join's column that the imported table cannot have (validate passed it
        // and the run failed late, naming no line).
        add(yaml("filter where: naming no column of the import", base + "  icu:\n    kind: filter\n    input: usage\n    where: {unitt: ICU}\n", line: 16,
                 "where names the column 'unitt', which 'usage' does not have"))
        add(yaml("join on: naming no column of one side", base + "  joined:\n    kind: join\n    left: usage\n    right: monthly\n    on: sku\n", line: 17,
                 "on names the column 'sku', which 'usage' does not have"))
        // A review's: validate passed each, and the run failed late naming no line.
        add(yaml("aggregate series: naming a role the file lacks", replacing(line: 8, with: "    input: usage\n    series: [item, department]"), line: 9,
                 "series names the column 'department', which 'usage' does not have"))
        let demand = "  demand:\n    kind: forecast\n    input: monthly\n"
        add(yaml("filter where: naming a column forecasts do not have", base + demand + "  top:\n    kind: filter\n    input: demand.forecasts\n    where: {item: A100}\n", line: 19,
                 "where names the column 'item', which 'demand.forecasts' does not have", "series, period, forecast, lo80"))
        add(yaml("forecast of an import", base + "  demand:\n    kind: forecast\n    input: usage\n", line: 15,
                 "a forecast reads series, period and value, which 'usage' does not have", "forecast an aggregate stage's output"))
        // A lookup table with two rows for a key: the second row's values were lost without a word.
        let stock = "item,on_hand,location\nA100,100,ICU\nA100,50,Main\nB200,20,ICU\n"
        add(yaml("join on a key the lookup table holds twice", base + "  stock:\n    kind: import\n    table: inventory\n    file: stock.csv\n  joined:\n    kind: join\n    left: usage\n    right: stock\n    on: item\n",
                 line: 17, "the lookup table 'stock' has more than one row for item 'A100' (its rows 1 and 2)", "filter the table to one row per key first",
                 command: "run", files: ["stock.csv": Data(stock.utf8)]))
        add(yaml("tab indentation", replacing(line: 3, with: "\tkind: import"), line: 3, "not valid YAML", command: "run"))
        add(yaml("unclosed quote", replacing(line: 3, with: "    kind: \"import"), line: nil, "not valid YAML", "line 3"))
        add(yaml("two YAML documents", base + "---\nstages: {}\n", line: 13, "not valid YAML"))
        add(yaml("root is a list", "- stages\n- usage\n", line: 1, "a pipeline is a YAML map"))
        add(yaml("root is a scalar", "just text\n", line: 1, "a pipeline is a YAML map"))
        add(yaml("empty file", "", line: 1, "a pipeline is a YAML map"))
        add(yaml("comments only", "# nothing here\n", line: 1, "a pipeline is a YAML map"))
        add(yaml("stages is a list", "stages:\n  - usage\n", line: 2, "'stages' must be a map"))
        add(yaml("stage is a scalar", "stages:\n  usage: import\n", line: 2, "must be a map with kind:"))
        add(yamlData("UTF-16 file", BadInputCorpus.utf16(base, bigEndian: false, bom: true), line: nil, ["is not UTF-8 text"]))
        add(yamlData("invalid UTF-8", Data(Array(base.utf8.prefix(30)) + [0xFF, 0xFE] + Array(base.utf8.dropFirst(30))), line: nil, ["is not UTF-8 text"]))
        add(yaml("NUL byte", replacing(line: 5, with: "    file: usage\u{0}.csv"), line: 5, "control characters"))
        add(yaml("larger than 1 MiB", base + "# " + String(repeating: "x", count: 1_100_000) + "\n", line: nil, "larger than 1 MiB"))
        add(yamlData("a directory as the pipeline", nil, line: nil, ["is a directory"],
                     prepare: { try FileManager.default.createDirectory(at: $0.appendingPathComponent("p.yml"), withIntermediateDirectories: true) }))
        add(yamlData("missing pipeline file", nil, line: nil, ["cannot be opened"]))
        var unreadable = yaml("unreadable pipeline (mode 000)", base, line: nil, "cannot be opened", prepare: { dir in
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("p.yml").path)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
        })
        if BoundedRun.isRoot {
            if FileManager.default.isExecutableFile(atPath: BoundedRun.setpriv) { unreadable.asNobody = true } else {
                unreadable.skipReason = "running as root, where mode 000 does not stop reading, and \(BoundedRun.setpriv) is missing to drop privileges"
            }
        }
        add(unreadable)

        // References and parameter values.
        add(yaml("stages in a cycle", replacing(line: 8, with: "    input: save"),
                 line: nil, "cycle"))
        add(yaml("input names no stage", replacing(line: 8, with: "    input: nothing"), line: 8, "names no stage"))
        add(yaml("input names a missing table", replacing(line: 8, with: "    input: usage.nothing"), line: 8, "has no table 'nothing'"))
        let forecast = "  demand:\n    kind: forecast\n    input: monthly\n"
        for (value, says) in [("abc", "whole number"), ("1e400", "whole number"), ("99999999999999999999", "whole number"), ("-5", "horizon"), ("0", "horizon")] {
            add(yaml("horizon: \(value)", base + forecast + "    horizon: \(value)\n", line: 16, says))
        }
        add(yaml("columns given as a list", inserting(after: 5, "    columns: [date, item]"), line: 6, "must be a map"))
        add(yaml("reject_threshold: 1e400", inserting(after: 5, "    reject_threshold: 1e400"), line: 6, "reject_threshold"))
        add(yaml("max_field_bytes: 0", inserting(after: 5, "    max_field_bytes: 0"), line: 6, "max_field_bytes must be a positive"))
        add(yaml("output is an empty path", "output: \"\"\n" + base, line: 1, "'output' must be a folder path"))

        // Broken inputs behind a valid pipeline.
        add(yaml("import file is a directory", replacing(line: 5, with: "    file: sub"), line: nil, "is a directory",
                 prepare: { try FileManager.default.createDirectory(at: $0.appendingPathComponent("sub"), withIntermediateDirectories: true) }))
        add(yaml("import file missing", replacing(line: 5, with: "    file: nothere.csv"), line: nil, "file not found"))
        add(yaml("import file missing", replacing(line: 5, with: "    file: nothere.csv"), line: nil, "file not found", command: "run"))
        add(yaml("import file without the required columns", replacing(line: 5, with: "    file: other.csv"), line: nil, "missing required column",
                 files: ["other.csv": Data("a,b\n1,2\n")]))
        // An export named like a file another stage writes (a report's CSV) is refused by
        // validate at the export's line; the run found it only after all the work was done.
        add(yaml("export named like a track stage's forecast_tracking.csv",
                 replacing(line: 12, with: "    file: forecast_tracking.csv") + "  scores: {kind: track, history: h.sqlite}\n", line: 12,
                 "stage 'save': stage 'scores' writes 'forecast_tracking.csv'; choose another file name"))
        // Six weeks of daily use forecast by the month: every month is partial. The aggregate
        // keeps them with a note, and the forecast stage refuses them, as `forecast` refuses the
        // export (it forecast a month of 22 a day at 462), by the month and from days.
        let sixWeeks = Data(("date,item,quantity\n" + (0..<42).map { "\(CalendarDay(year: 2023, month: 7, day: 10)!.adding(days: $0)),GAUZE,22" }.joined(separator: "\n") + "\n").utf8)
        let threeAhead = "  demand:\n    kind: forecast\n    input: monthly\n    horizon: 3\n"
        add(yaml("forecast stage on an aggregate whose every month is partial", base + threeAhead, line: 13,
                 "stage 'demand': 'monthly': every month the dates reach is covered only in part (2023-07 covers 22 of 31 days, 2023-08 covers 20 of 31 days)",
                 "partial: keep on stage 'monthly'", command: "run", files: ["usage.csv": sixWeeks]))
        add(yaml("forecast stage by the month on a daily aggregate whose every month is partial",
                 inserting(after: 8, "    frequency: day") + threeAhead + "    frequency: month\n", line: 14,
                 "stage 'demand': every month the dates reach is covered only in part", "partial: keep on the aggregate stage upstream",
                 command: "run", files: ["usage.csv": sixWeeks]))
        // The track stage writes a WAPE-by-lag chart per stage and frequency it scores
        // (`_2`, `_3`...): an export named like one collided only at run time.
        add(yaml("export named like a track stage's second WAPE-by-lag chart",
                 replacing(line: 12, with: "    file: forecast_tracking_wape_by_lag_2.svg") + "  scores: {kind: track, history: h.sqlite}\n", line: 12,
                 "stage 'save': stage 'scores' writes 'forecast_tracking_wape_by_lag_2.svg'; choose another file name"))
        // Stages whose own files collide (two reorders, a report named `index`, an export named
        // like a chart, two variance stages proposing into one file) are refused by validate at
        // the stage's `file:` line, else its name's: the run failed after every stage had run,
        // naming no line.
        let reorderInputs = "  items:\n    kind: import\n    table: items\n    file: items.csv\n  stock:\n    kind: import\n    table: inventory\n    file: inventory.csv\n"
        let reorder = reorderInputs + "  reorder:\n    kind: reorder\n    usage: usage\n    items: items\n    inventory: stock\n"
        let planning = ["items.csv": Data("item,description\nA100,Gloves\n".utf8), "inventory.csv": Data("item,on_hand\nA100,5\n".utf8)]
        for command in ["validate", "run"] {
            add(yaml("two reorder stages of one file name", base + reorder + "  reorder2:\n    kind: reorder\n    usage: usage\n    items: items\n    inventory: stock\n",
                     line: 26, "stage 'reorder2': stage 'reorder' also writes 'reorder.csv'", "give one of them another file:", command: command, files: planning))
        }
        add(yaml("reorder stage named like the run's index", base + reorder + "    file: index\n", line: 26,
                 "stage 'reorder': 'index.md' is written by every run", files: planning))
        add(yaml("export named like a reorder chart", replacing(line: 12, with: "    file: reorder_outlook_1.svg") + reorder, line: 12,
                 "stage 'save': stage 'reorder' writes 'reorder_outlook_1.svg'; choose another file name", files: planning))
        let ledger = ["budget.csv": Data("department,account,period,amount\nICU,Supplies,2025-07,100\n".utf8),
                      "actuals.csv": Data("department,account,period,amount\nICU,Supplies,2025-07,100\n".utf8)]
        let variances = "  budget:\n    kind: import\n    table: budget\n    file: budget.csv\n  actuals:\n    kind: import\n    table: actuals\n    file: actuals.csv\n"
            + "  v1:\n    kind: variance\n    budget: budget\n    actuals: actuals\n    propose: FY2027\n    file: budget\n"
            + "  v2:\n    kind: variance\n    budget: budget\n    actuals: actuals\n    propose: FY2027\n"
        add(yaml("two variance stages proposing into budget_proposal.csv", base + variances, line: 27,
                 "stage 'v2': stage 'v1' also writes 'budget_proposal.csv'", "give one of them another file:", files: ledger))
        // A track stage reading a history that does not exist: validate names it at its line
        // (the run failed on it after validate passed).
        add(yaml("track stage reading a history that does not exist", base + "  scores: {kind: track, history: nothere.sqlite}\n", line: 13,
                 "stage 'scores': no run history at 'nothere.sqlite'"))
        // A columns map naming a header the file lacks is an error, even when the role's own
        // name is there: `Qty Nett` for `Qty Net` read the gross quantity beside it.
        let net = Data("date,item,quantity,Qty Net\n2025-01-06,A100,100,90\n".utf8)
        for command in ["validate", "run"] {
            add(yaml("import columns map naming a header the file lacks", inserting(after: 5, "    columns: {quantity: \"Qty Nett\"}"), line: 1,
                     "the column map sends quantity to 'Qty Nett', which the header lacks", "'Qty Net'",
                     command: command, file: "usage.csv", files: ["usage.csv": net]))
        }
        add(yaml("import file is UTF-16, read as encoding: utf-8", inserting(after: 5, "    encoding: utf-8"), line: 1, "UTF-16", "encoding: utf-16",
                 command: "run", file: "usage.csv",
                 files: ["usage.csv": BadInputCorpus.utf16(usage, bigEndian: false, bom: true)]))
        var rejected = Array(usage.utf8)
        if let comma = rejected.indices.filter({ rejected[$0] == UInt8(ascii: "\n") }).dropFirst().first {
            // Line 3's date becomes 2025-02-30.
            rejected.replaceSubrange((comma + 1)...(comma + 10), with: Array("2025-02-30".utf8))
        }
        var threshold = yaml("an import above its reject threshold", base, line: 3, "February 2025 has 28 days", "out.rejects/usage.rejects.csv",
                             command: "run", file: "usage.csv", files: ["usage.csv": Data(rejected)])
        threshold.presentAfterRun = ["out.rejects/usage.rejects.csv"]
        add(threshold)
        let wideRow = BadInputCorpus.replacingRow(CSVInput.usage, 1, with: BadInputCorpus.millionColumns(after: CSVInput.usage.rows[1]))
        add(yaml("a million columns in an import", base, line: 3, "more than 4096 columns", "max_columns", command: "run", file: "usage.csv",
                 files: ["usage.csv": wideRow]))
        add(CorpusCase(kind: .pipeline, name: "a million columns with max_columns raised and on_error: skip (run)",
                       files: ["p.yml": Data(inserting(after: 5, "    max_columns: 2000000\n    on_error: skip")), "usage.csv": wideRow],
                       arguments: ["run", "p.yml", "--out", "out", "--quiet"],
                       expectation: .rejects(file: "usage.csv", rejectsFile: "out/usage.rejects.csv",
                                             rows: [RejectedRow(line: 3, column: "", says: "unquoted delimiter")], read: CSVInput.usage.rows.count)))
        var collide = yaml("export named like the import's rejects file", inserting(after: 5, "    on_error: skip").replacingOccurrences(of: "file: series.csv", with: "file: usage.rejects.csv"),
                           line: nil, "stage 'usage' writes 'usage.rejects.csv'", command: "run", files: ["usage.csv": Data(rejected)])
        // Refused before anything runs (it passed validate and failed the run, its rejects
        // folder holding the export's rows).
        collide.expectation = .fails(file: "p.yml", line: 13, says: ["stage 'save': stage 'usage' writes 'usage.rejects.csv'; choose another file name"])
        collide.absentAfterFailure = ["out"]
        add(collide)

        // A `where:` that filters on nothing kept every row (an ICU report of the whole hospital).
        add(yaml("where: on a misspelt role", inserting(after: 5, "    where: {departmnt: ICU}"), line: 6, "'departmnt' is not a column of usage"))
        for command in ["validate", "run"] {
            add(yaml("where: on a role the file does not have", inserting(after: 5, "    where: {department: ICU}"), line: 6,
                     "usage.csv has no 'department' column to filter on (where:)", command: command))
        }

        // Two imports swapped: the variance ran, exit 0, on the budget as its own actuals.
        let swapped = """
        stages:
          budget: {kind: import, table: budget, file: usage.csv}
          actuals: {kind: import, table: actuals, file: usage.csv}
          variance:
            kind: variance
            budget: budget
            actuals: budget
        """
        add(yaml("variance actuals naming the budget import", swapped, line: 7, "stage 'variance': actuals 'budget' is an import of table budget; actuals needs an import of table actuals"))

        // A share out of range planned 0 FTEs beside 161 agency hours, exit 0.
        let shares = """
        stages:
          census: {kind: import, table: census, file: usage.csv}
          hours: {kind: import, table: timekeeping, file: usage.csv}
          targets: {kind: import, table: staffing_targets, file: usage.csv}
          staffing: {kind: staffing, timekeeping: hours, census: census, targets: targets, productive_share: 0}
        """
        add(yaml("staffing productive_share 0", shares, line: 5, "'productive_share' is the share of paid hours worked, from 0.1 to 1; got 0"))

        // A calendar by quarter, which no staffing plan is by, named by the stage that would follow it.
        let quarterly = """
        calendar: {frequency: quarter}
        stages:
          census: {kind: import, table: census, file: usage.csv}
          hours: {kind: import, table: timekeeping, file: usage.csv}
          targets: {kind: import, table: staffing_targets, file: usage.csv}
          staffing: {kind: staffing, timekeeping: hours, census: census, targets: targets}
        """
        add(yaml("staffing under a quarterly calendar", quarterly, line: 6, "stage 'staffing': the pipeline's calendar is by quarter", "give this stage frequency: week"))

        // Where the run writes.
        var overFile = yaml("--out names an existing file", base, line: nil, "exists and is not a folder", command: "run", file: "victim.csv",
                            files: ["victim.csv": Data("keep me\n")])
        overFile.arguments = ["run", "p.yml", "--out", "victim.csv", "--quiet"]
        overFile.absentAfterFailure = []
        overFile.unchangedFiles = ["victim.csv"]
        add(overFile)
        var foreign = yaml("--out names a folder a run did not write", base, line: nil, "was not written by a pipeline run", command: "run", file: "mine",
                           files: ["mine/notes.txt": Data("mine\n")])
        foreign.arguments = ["run", "p.yml", "--out", "mine", "--quiet"]
        foreign.absentAfterFailure = []
        foreign.unchangedFiles = ["mine/notes.txt"]
        add(foreign)
        // An earlier run's folder holding another run's output and history (a pipeline writing
        // `out` after one writing `out/monthly`): replacing it deleted them.
        var nested = yaml("--out holds another run's folder and history", base, line: nil, "holds 'monthly', which its last run did not write", command: "run", file: "nest",
                          files: ["nest/manifest.json": Data("{\"outputs\": [\"series.csv\", \"index.md\", \"manifest.json\"]}\n"), "nest/series.csv": Data("series\n"),
                                  "nest/monthly/manifest.json": Data("{\"outputs\": []}\n"), "nest/monthly/history.sqlite": Data("not really\n")])
        nested.arguments = ["run", "p.yml", "--out", "nest", "--quiet"]
        nested.absentAfterFailure = []
        nested.unchangedFiles = ["nest/monthly/history.sqlite", "nest/series.csv"]
        add(nested)
        // A folder another command wrote (variance's report), replaced whole by this run: the
        // report and its workbook were deleted without a word.
        var other = yaml("--out holds another command's output", base, line: nil, "holds the output of quartermaster variance (budget_variance.csv, budget_variance.xlsx)",
                         command: "run", file: "reports",
                         files: ["reports/manifest.json": Data("{\"pipeline\": {\"file\": \"quartermaster variance\", \"sha256\": \"\"}, \"outputs\": [\"budget_variance.csv\", \"budget_variance.xlsx\", \"index.md\", \"manifest.json\"]}\n"),
                                 "reports/budget_variance.csv": Data("department\n"), "reports/budget_variance.xlsx": Data("PK\n")])
        other.arguments = ["run", "p.yml", "--out", "reports", "--quiet"]
        other.absentAfterFailure = []
        other.unchangedFiles = ["reports/budget_variance.csv", "reports/budget_variance.xlsx"]
        add(other)
        return cases
    }
}
