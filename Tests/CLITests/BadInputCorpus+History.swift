import Foundation
@testable import History
import TestScratch

extension BadInputCorpus {
    /// Issue 20: `--history` given a folder, a text file, another application's SQLite
    /// database or a history of a newer schema fails before anything is written, naming the
    /// file and leaving it byte for byte as it was; `track` of an absent or empty history fails
    /// without creating it.
    static func historyCases() -> [CorpusCase] {
        let series = CSVInput.series
        let inputs = files(series).merging([series.file: Data(series.contents)]) { _, own in own }
        var cases: [CorpusCase] = []
        func forecast(_ name: String, history: String, says: [String], files more: [String: Data] = [:],
                      prepare: (@Sendable (URL) throws -> Void)? = nil, unchanged: [String] = []) {
            var c = CorpusCase(kind: series.kind, name: name, files: inputs.merging(more) { _, new in new }, prepare: prepare,
                               arguments: series.arguments + ["--history", history],
                               expectation: .fails(file: history, line: nil, says: says), absentAfterFailure: [series.output])
            c.unchangedFiles = unchanged
            cases.append(c)
        }
        forecast("forecast --history naming a folder", history: "histories", says: ["is a folder", "takes a database file"],
                 prepare: { try FileManager.default.createDirectory(at: $0.appendingPathComponent("histories"), withIntermediateDirectories: true) })
        forecast("forecast --history naming a text file", history: "notes.sqlite", says: ["not an SQLite database", "left untouched"],
                 files: ["notes.sqlite": Data("series,period\nA,2026-01\n".utf8)], unchanged: ["notes.sqlite"])
        forecast("forecast --history naming another application's SQLite database", history: "other.db",
                 says: ["another application", "left untouched"],
                 files: ["other.db": sqliteFile { try $0.execute("CREATE TABLE patients(id INTEGER PRIMARY KEY, name TEXT)") }], unchanged: ["other.db"])
        forecast("forecast --history naming a history of a newer schema", history: "future.sqlite",
                 says: ["newer Quartermaster", "schema version \(HistorySchema.version + 1)"],
                 files: ["future.sqlite": sqliteFile {
                     try RunHistory.migrate($0)
                     try $0.execute("PRAGMA user_version = \(HistorySchema.version + 1)")
                 }], unchanged: ["future.sqlite"])
        // A history this user may not write: refused before the run (it had replaced its
        // outputs, then failed at the append). As nobody when root, whom modes do not stop.
        forecast("forecast --history naming a read-only history", history: "locked.sqlite",
                 says: ["is read-only for this user", "make it writable", "give --history another file name"],
                 files: ["locked.sqlite": sqliteFile { try RunHistory.migrate($0) }],
                 prepare: { dir in
                     try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir.appendingPathComponent("locked.sqlite").path)
                     try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
                 }, unchanged: ["locked.sqlite"])
        if BoundedRun.isRoot {
            if FileManager.default.isExecutableFile(atPath: BoundedRun.setpriv) {
                cases[cases.count - 1].asNobody = true
            } else {
                cases[cases.count - 1].skipReason = "running as root, where mode 444 does not stop writing, and \(BoundedRun.setpriv) is missing to drop privileges"
            }
        }
        // Ours by its mark, without the tables or columns of its version (a review's old0 and
        // olds): refused before anything writes, byte for byte as it was. The migration had
        // switched the file to WAL, and the append failed after the outputs were replaced.
        let marked = "PRAGMA application_id = \(HistorySchema.applicationID)"
        forecast("forecast --history naming a history marked new but holding tables", history: "old0.sqlite",
                 says: ["is a damaged Quartermaster run history (schema version 0)", "left untouched"],
                 files: ["old0.sqlite": sqliteFile { try $0.execute("\(marked); CREATE TABLE runs(run_id INTEGER PRIMARY KEY); CREATE TABLE forecasts(run_id, series)") }],
                 unchanged: ["old0.sqlite"])
        forecast("forecast --history naming a history lacking a column of its version", history: "olds.sqlite",
                 says: ["is a damaged Quartermaster run history (schema version 1)", "lacks column forecasts.snaive", "left untouched"],
                 files: ["olds.sqlite": sqliteFile {
                     try $0.execute(HistorySchema.migrations[0].replacingOccurrences(of: "snaive REAL,", with: ""))
                     try $0.execute("\(marked); PRAGMA user_version = 1")
                 }], unchanged: ["olds.sqlite"])
        var damaged = CorpusCase(kind: .pipeline, name: "track of a history lacking a column of its version",
                                 files: ["olds.sqlite": sqliteFile {
                                     try $0.execute(HistorySchema.migrations[0].replacingOccurrences(of: "snaive REAL,", with: ""))
                                     try $0.execute("\(marked); PRAGMA user_version = 1")
                                 }],
                                 arguments: ["track", "--history", "olds.sqlite", "--out", "out", "--quiet"],
                                 expectation: .fails(file: "olds.sqlite", line: nil, says: ["lacks column forecasts.snaive"]), absentAfterFailure: ["out"])
        damaged.unchangedFiles = ["olds.sqlite"]
        cases.append(damaged)
        // validate names the history run would refuse, at its line (it passed the pipeline).
        var validate = PipelineCorpus.yaml("validate of a pipeline whose history: is a text file", "history: notes.sqlite\n" + PipelineCorpus.base, line: 1,
                                           "history: 'notes.sqlite' is not a Quartermaster run history (not an SQLite database)",
                                           files: ["notes.sqlite": Data("not a database\n".utf8)])
        validate.unchangedFiles = ["notes.sqlite"]
        cases.append(validate)
        // A history in a folder that does not exist: validate said "valid", and run refused it.
        cases.append(PipelineCorpus.yaml("validate of a pipeline whose history: is in a folder that does not exist", "history: nodir/h.sqlite\n" + PipelineCorpus.base, line: 1,
                                         "history: 'nodir/h.sqlite': the folder 'nodir' does not exist, so a run cannot create the history there"))
        // Another job's history: the same series with other figures where its forecasts start.
        // The forecasts are written; the history is left without this run, and says why.
        let other = "series,period,value\n" + ["A100", "B200"].flatMap { s in (1...12).map { m in "\(s),2025-\(m < 10 ? "0" : "")\(m),\(1000 + m * 7)\n" } }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "forecast --history holding another job's figures for the same series",
                                files: inputs.merging(["other.csv": Data(other.utf8)]) { _, new in new },
                                prepare: { dir in
                                    let first = try CLIRunner.run(["forecast", "--input", "other.csv", "--horizon", "2", "--history", "shared.sqlite", "--quiet", "--out", "o.csv"], in: dir)
                                    guard first.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                                },
                                arguments: series.arguments + ["--history", "shared.sqlite"],
                                expectation: .fails(file: "shared.sqlite", line: nil, says: ["holds other figures for the same series", "2 of the 2 series", "if this is another job, give it a history file of its own", "outputs are in place"])))
        // The planning commands' --history: refused the same way, their output folder never
        // made, the file untouched.
        for input in [CSVInput.items, CSVInput.budget, CSVInput.census] {
            let command = input.arguments.first ?? ""
            var planning = CorpusCase(kind: input.kind, name: "\(command) --history naming a text file",
                                      files: input.others.mapValues { Data($0.utf8) }.merging([input.file: Data(input.contents.utf8),
                                                                                                "notes.sqlite": Data("not a database\n".utf8)]) { _, new in new },
                                      arguments: input.arguments + ["--history", "notes.sqlite"],
                                      expectation: .fails(file: "notes.sqlite", line: nil, says: ["not an SQLite database", "left untouched"]),
                                      absentAfterFailure: [input.output])
            planning.unchangedFiles = ["notes.sqlite"]
            cases.append(planning)
        }
        // A pipeline's history: refused the same way, before any stage runs.
        let usage = CSVInput.usage
        let pipeline = "history: notes.sqlite\nstages:\n  s: {kind: import, table: usage, file: usage.csv}\n"
        var run = CorpusCase(kind: .pipeline, name: "pipeline history: naming a text file",
                             files: ["usage.csv": Data(usage.contents.utf8), "p.yml": Data(pipeline.utf8), "notes.sqlite": Data("not a database\n".utf8)],
                             arguments: ["run", "p.yml", "--out", "out", "--quiet"],
                             expectation: .fails(file: "notes.sqlite", line: nil, says: ["not an SQLite database"]), absentAfterFailure: ["out"])
        run.unchangedFiles = ["notes.sqlite"]
        cases.append(run)
        cases.append(CorpusCase(kind: .pipeline, name: "track of an absent history", files: [:],
                                arguments: ["track", "--history", "absent.sqlite", "--out", "out", "--quiet"],
                                expectation: .fails(file: "absent.sqlite", line: nil, says: ["no run history here"]),
                                absentAfterFailure: ["out", "absent.sqlite"]))
        var empty = CorpusCase(kind: .pipeline, name: "track of an empty history file", files: ["empty.sqlite": Data()],
                               arguments: ["track", "--history", "empty.sqlite", "--out", "out", "--quiet"],
                               expectation: .fails(file: "empty.sqlite", line: nil, says: ["is empty, not a run history yet"]),
                               absentAfterFailure: ["out"])
        empty.unchangedFiles = ["empty.sqlite"]
        cases.append(empty)
        // Review case 01: a copy of the hospital's pipeline filtered to one department
        // (`where:` on its import, or the same through --set), with the stage name and the
        // history, is refused before anything runs, naming both scopes (it recorded ICU-only
        // figures as revisions of the hospital's, and track scored 56.2% WAPE for 3.0%).
        let scoped = StageScopeTests.self
        for (name, pipeline, extra, clause) in [
            ("run of a pipeline copy filtered to one department into the hospital's history stage", "icu.yml", [String](), "where {department: ICU}"),
            ("run --set adding a where: to a stage the history holds unfiltered", "hospital.yml", ["--set", "usage.where.department=MedSurg"], "where {department: MedSurg}"),
        ] {
            cases.append(CorpusCase(kind: .pipeline, name: name,
                                    files: ["usage.csv": Data(scoped.usage.utf8), "hospital.yml": Data(scoped.pipeline().utf8),
                                            "icu.yml": Data(scoped.pipeline(where: ", where: {department: ICU}").utf8)],
                                    prepare: { dir in
                                        let first = try CLIRunner.run(["run", "hospital.yml", "--out", "h", "--quiet"], in: dir)
                                        guard first.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                                    },
                                    arguments: ["run", pipeline, "--out", "i", "--quiet"] + extra,
                                    expectation: .fails(file: "shared.sqlite", line: nil, says: ["the history's stage 'demand' was recorded by a run that read usage.csv (sum of quantity by item; table usage) (run 1)", clause, "a stage name of its own, or a history of its own", "--same-job", "Nothing was run or written"]),
                                    absentAfterFailure: ["i"]))
        }
        // Review 2 cases 01-04: the ICU-only export under the hospital job's settings (its
        // scope the hospital's), 65 for 100 in every month of every series: refused on the
        // figures before anything is written, the history as it was. The same file through a
        // canned forecast --history: refused, its forecasts written.
        let icuOnly = scoped.usage.split(separator: "\n").filter { !$0.hasSuffix("MedSurg") }.joined(separator: "\n") + "\n"
        cases.append(CorpusCase(kind: .pipeline, name: "run of another export (the hospital's scope, 0.65x its figures) into the hospital's history stage",
                                  files: ["usage.csv": Data(scoped.usage.utf8), "usage_icu.csv": Data(icuOnly.utf8), "hospital.yml": Data(scoped.pipeline().utf8)],
                                  prepare: { dir in
                                      let first = try CLIRunner.run(["run", "hospital.yml", "--out", "h", "--quiet"], in: dir)
                                      guard first.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                                  },
                                  arguments: ["run", "hospital.yml", "--out", "i", "--quiet", "--set", "usage.file=usage_icu.csv"],
                                  expectation: .fails(file: "shared.sqlite", line: nil, says: ["the history's stage 'demand' holds other figures for the same series", "1 of the 1 series", "all down, by 35% (A 2025-07 100 -> 65)", "a stage name of its own", "--same-job", "nothing was written"]),
                                  absentAfterFailure: ["i"]))
        cases.append(CorpusCase(kind: .pipeline, name: "forecast --history of another export restating every series by 35%",
                                files: ["usage.csv": Data(scoped.usage.utf8), "usage_icu.csv": Data(icuOnly.utf8)],
                                prepare: { dir in
                                    let first = try CLIRunner.run(["forecast", "--input", "usage.csv", "--horizon", "2", "--history", "canned.sqlite", "--quiet", "--out", "h.csv"], in: dir)
                                    guard first.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                                },
                                arguments: ["forecast", "--input", "usage_icu.csv", "--horizon", "2", "--history", "canned.sqlite", "--quiet", "--out", "i.csv"],
                                expectation: .fails(file: "canned.sqlite", line: nil, says: ["the history's stage 'forecast' holds other figures for the same series", "1 of the 1 series", "all down, by 35%", "--same-job", "outputs are in place"])))
        // Review 2 case 01: the ICU copy of a wide export's pipeline, one unpivot column
        // chosen where the hospital's reads "6*": refused on its scope before it runs.
        let wide = "Trans Date,Item #,6010 ICU,6030 Med-Surg 4E\n" + (1...12).map { m in "2025-\(m < 10 ? "0" : "")\(m)-15,A,65,35" }.joined(separator: "\n") + "\n"
        func widePipeline(_ columns: String) -> String {
            "history: shared.sqlite\nstages:\n  usage:\n    kind: import\n    table: usage\n    file: wide.csv\n    columns: {date: \"Trans Date\", item: \"Item #\"}\n"
                + "    unpivot: {columns: \(columns), names_to: department, values_to: quantity}\n"
                + "  monthly: {kind: aggregate, input: usage}\n  demand: {kind: forecast, input: monthly, horizon: 2, backtest: 0, models: naive}\n"
        }
        cases.append(CorpusCase(kind: .pipeline, name: "run of a wide export's copy reading one unpivot column into the hospital's history stage",
                                files: ["wide.csv": Data(wide.utf8), "hospital.yml": Data(widePipeline("\"6*\"").utf8), "icu.yml": Data(widePipeline("[\"6010 ICU\"]").utf8)],
                                prepare: { dir in
                                    let first = try CLIRunner.run(["run", "hospital.yml", "--out", "h", "--quiet"], in: dir)
                                    guard first.status == 0 else { throw CocoaError(.fileWriteUnknown) }
                                },
                                arguments: ["run", "icu.yml", "--out", "i", "--quiet"],
                                expectation: .fails(file: "shared.sqlite", line: nil, says: ["the history's stage 'demand' was recorded by a run that read wide.csv", "unpivot.columns 6*", "unpivot.columns [6010 ICU]", "--same-job", "Nothing was run or written"]),
                                absentAfterFailure: ["i"]))
        // track reads the history: a new file name is no remedy there.
        var text = CorpusCase(kind: .pipeline, name: "track of a text file as history", files: ["notes.sqlite": Data("not a database\n".utf8)],
                              arguments: ["track", "--history", "notes.sqlite", "--out", "out", "--quiet"],
                              expectation: .fails(file: "notes.sqlite", line: nil, says: ["not an SQLite database", "Give --history the run history that forecast, reorder"]),
                              absentAfterFailure: ["out"])
        text.unchangedFiles = ["notes.sqlite"]
        cases.append(text)
        return cases
    }

    /// The bytes of an SQLite database that `build` made (in rollback-journal mode, so the
    /// one file holds it all).
    static func sqliteFile(_ build: (SQLiteConnection) throws -> Void) -> Data {
        let path = TestScratch.path("qm-corpus", suffix: ".db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let connection = try SQLiteConnection(path: path, create: true)
            try build(connection)
            connection.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return Data("could not make the SQLite file: \(error)".utf8)
        }
    }
}
