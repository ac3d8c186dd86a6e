import Dispatch
import Foundation
import Testing
@testable import History
import Tabular

/// Issue 20 end to end: `forecast --history`, `run` with a pipeline's `history:`, and `track`.
@Suite struct HistoryCommandTests {
    /// Series A at 100 a month from January 2024 to `last` months, then 110 a month after that.
    static func series(months: Int, flatMonths: Int = 24) -> String {
        var rows = ["series,period,value"]
        for k in 0..<months {
            let label = "\(2024 + k / 12)-\(k % 12 + 1 < 10 ? "0" : "")\(k % 12 + 1)"
            rows.append("A,\(label),\(k < flatMonths ? 100 : 110)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func forecast(_ input: String, in dir: URL, out: String, extra: [String] = []) throws -> CLIRunner.Outcome {
        try CLIRunner.run(["forecast", "--input", input, "--series", "series", "--date", "period", "--value", "value",
                           "--horizon", "3", "--threads", "1", "--quiet", "--out", out] + extra, in: dir)
    }

    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try CLIRunner.read(url).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// A review forecast at 90%: the history has columns for the 80% and 95% intervals only,
    /// and track said coverage n/a without a word why. The run says the 90% ones are not
    /// archived, and track's summary why there is no coverage.
    @Test func levelsTheHistoryDoesNotKeepAreNamed() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).write(to: dir.appendingPathComponent("cut1.csv"), atomically: false, encoding: .utf8)
        try HistoryCommandTests.series(months: 27).write(to: dir.appendingPathComponent("cut2.csv"), atomically: false, encoding: .utf8)
        for (input, out) in [("cut1.csv", "f1.csv"), ("cut2.csv", "f2.csv")] {
            let run = try HistoryCommandTests.forecast(input, in: dir, out: out, extra: ["--history", "h.sqlite", "--levels", "90"])
            #expect(run.status == 0 && run.stderr.contains("so the 90% intervals are not archived and track scores no coverage for them"), "\(run.stderr)")
        }
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "tracking", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("tracking/forecast_tracking.md"))
        #expect(report.contains("n/a inside the 95% ones (the scored forecasts have no 80% or 95% interval archived"), "\(report)")
    }

    /// Must show 1 through the CLI: 24 months at 100 forecast 3 months ahead; the next run saw
    /// 110 for those 3 months. Track scores lags 1, 2, 3 of run 1 with actual 110, error =
    /// forecast - 110, and inside80/inside95 exactly as run 1's intervals in forecasts.csv say.
    /// One series forecast by the month and by the week into one history: each frequency has
    /// its own tracking signal (pooled, a series' weekly errors could flag it for its monthly
    /// ones). Both climb, so the naive forecast lags both and both drift: six runs each, whose
    /// most recent forecasts of five periods all fall short (a signal of -5).
    @Test func aSeriesDriftsByEachFrequencyApart() throws {
        let dir = try CLIRunner.workspace()
        for cut in 24...29 {
            let rows = (0..<cut).map { "A,\(2023 + $0 / 12)-\($0 % 12 < 9 ? "0" : "")\($0 % 12 + 1),\(100 + 10 * $0)" }
            try ("series,period,value\n" + rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("m\(cut).csv"), atomically: false, encoding: .utf8)
            #expect(try HistoryCommandTests.forecast("m\(cut).csv", in: dir, out: "fm\(cut).csv", extra: ["--history", "h.sqlite", "--models", "naive", "--backtest", "0"]).status == 0)
        }
        for cut in 52...57 {
            let rows = (0..<cut).map { "A,\(2024 + $0 / 52)-W\($0 % 52 < 9 ? "0" : "")\($0 % 52 + 1),\(50 + 3 * $0)" }
            try ("series,period,value\n" + rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("w\(cut).csv"), atomically: false, encoding: .utf8)
            #expect(try HistoryCommandTests.forecast("w\(cut).csv", in: dir, out: "fw\(cut).csv",
                                                     extra: ["--history", "h.sqlite", "--models", "naive", "--backtest", "0", "--frequency", "week"]).status == 0)
        }
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "tracking", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        // (The drifting series' table: A is also among the series to review, above it.)
        let report = try CLIRunner.read(dir.appendingPathComponent("tracking/forecast_tracking.md"))
        let drifting = try #require(report.components(separatedBy: "## Drifting series").last).split(separator: "\n").filter { $0.hasPrefix("| A | forecast |") }
        #expect(drifting.count == 2, "\(drifting)")
        // Each row's errors are of one frequency: months or weeks, never both.
        for row in drifting { #expect(row.contains("-W") != row.contains("-0"), "\(row)") }
    }

    @Test func forecastTwiceThenTrackScoresTheFirstRunsThreeLags() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).write(to: dir.appendingPathComponent("cut1.csv"), atomically: false, encoding: .utf8)
        try HistoryCommandTests.series(months: 27).write(to: dir.appendingPathComponent("cut2.csv"), atomically: false, encoding: .utf8)
        let first = try HistoryCommandTests.forecast("cut1.csv", in: dir, out: "f1.csv", extra: ["--history", "h.sqlite"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("history: run 1 appended to h.sqlite (3 forecasts"))
        let second = try HistoryCommandTests.forecast("cut2.csv", in: dir, out: "f2.csv", extra: ["--history", "h.sqlite"])
        #expect(second.status == 0, "\(second.stderr)")
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "tracking", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")

        let forecasts = try HistoryCommandTests.rows(dir.appendingPathComponent("f1.csv"))
        let tracked = try HistoryCommandTests.rows(dir.appendingPathComponent("tracking/forecast_tracking.csv"))
        #expect(tracked.map { $0["lag"] } == ["1", "2", "3"])
        #expect(tracked.map { $0["period"] } == ["2026-01", "2026-02", "2026-03"])
        for (t, f) in zip(tracked, forecasts) {
            let forecast = try #require(Double(f["forecast"] ?? ""))
            #expect(abs(forecast - 100) < 1e-6)   // a flat series forecasts its level
            #expect(t["run_id"] == "1" && t["actual"] == "110")
            #expect(abs(Double(t["error"]!)! - (forecast - 110)) < 1e-5)
            func inside(_ level: String) -> String {
                (Double(f["lo\(level)"]!)!...Double(f["hi\(level)"]!)!).contains(110) ? "true" : "false"
            }
            #expect(t["inside80"] == inside("80") && t["inside95"] == inside("95"))
            #expect(t["seasonal_naive"] == "100")
        }
        let report = try CLIRunner.read(dir.appendingPathComponent("tracking/forecast_tracking.md"))
        #expect(report.contains("| 1 | 1 | 10 |"))   // lag 1: one forecast, MAE 10
        // The workbook has the scored forecasts as a sheet (it held the summary's headings alone).
        let book = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "trackbook", "--format", "xlsx", "--quiet"], in: dir)
        #expect(book.status == 0, "\(book.stderr)")
        let workbook = try CLIRunner.workbookPart(dir.appendingPathComponent("trackbook/forecast_tracking.xlsx"), "xl/workbook.xml")
        #expect(workbook.contains("name=\"Tracked forecasts\""), "\(workbook)")
        #expect(report.contains("3 have an actual recorded by a later run"))
        // The history is the input the manifest names; the series code stays text in the sheet.
        let manifest = try CLIRunner.read(dir.appendingPathComponent("trackbook/manifest.json"))
        #expect(manifest.contains("{\"path\": \"h.sqlite\", \"sha256\": \"") && manifest.contains("\"file\": \"quartermaster track\""), "\(manifest)")
        let sheet = try CLIRunner.workbookPart(dir.appendingPathComponent("trackbook/forecast_tracking.xlsx"), "xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c>"), "\(sheet.prefix(800))")
    }

    /// Two `forecast --history` processes on one history at the same time: both runs land.
    /// 10 a day: a run through June, then one through 15 July with `--partial keep` (a review's
    /// case). The kept half of July was recorded as July's actual, and the first run's exact
    /// forecast of 310 scored 160 too high; July has no actual until it is whole, and the
    /// second run's forecasts still start in August.
    @Test func aPartialPeriodKeptToFitIsNoActual() throws {
        let dir = try CLIRunner.workspace()
        func daily(through last: CalendarDay) -> String {
            var text = "date,item,quantity\n", day = CalendarDay(year: 2024, month: 1, day: 1)!
            while day <= last { text += "\(day),A,10\n"; day = day.adding(days: 1) }
            return text
        }
        try daily(through: CalendarDay(year: 2025, month: 6, day: 30)!).write(to: dir.appendingPathComponent("r1.csv"), atomically: false, encoding: .utf8)
        try daily(through: CalendarDay(year: 2025, month: 7, day: 15)!).write(to: dir.appendingPathComponent("r2.csv"), atomically: false, encoding: .utf8)
        for (input, extra) in [("r1.csv", [String]()), ("r2.csv", ["--partial", "keep"])] {
            let run = try CLIRunner.run(["forecast", "--input", input, "--frequency", "month", "--horizon", "3", "--models", "naive", "--backtest", "0",
                                         "--history", "h.sqlite", "--quiet", "--out", "f-\(input)"] + extra, in: dir)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let history = try RunHistory.open(dir.appendingPathComponent("h.sqlite").path)
        var scored = 0
        _ = try ForecastTracking.score(history) { _ in scored += 1 }
        #expect(scored == 0)
        #expect(try history.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-07'") == 0)
        let first = try history.connection.prepare("SELECT min(period) FROM forecasts WHERE run_id = 2")
        #expect(try first.step() && first.text(0) == "2025-08")
        // A pipeline's aggregate with `partial: keep` and its forecast stage: the same, also
        // with a filter or a join between them (a review's case: they dropped the marker of
        // the partial month, recorded as an actual).
        let between = ["": "monthly",
                       "  some: {kind: filter, input: monthly, where: {series: A}}\n": "some",
                       "  named: {kind: join, left: monthly, right: monthly, on: [series, period]}\n": "named"]
        for (k, (stages, input)) in between.sorted(by: { $0.value < $1.value }).enumerated() {
            try """
                calendar: {frequency: month}
                output: out\(k)
                history: p\(k).sqlite
                stages:
                  usage: {kind: import, table: usage, file: r2.csv}
                  monthly: {kind: aggregate, input: usage, partial: keep}
                \(stages)  demand: {kind: forecast, input: \(input), horizon: 3, models: naive, backtest: 0}
                """.write(to: dir.appendingPathComponent("p\(k).yml"), atomically: false, encoding: .utf8)
            let run = try CLIRunner.run(["run", "p\(k).yml", "--quiet"], in: dir)
            #expect(run.status == 0, "\(input): \(run.stderr)")
            let piped = try RunHistory.open(dir.appendingPathComponent("p\(k).sqlite").path)
            #expect(try piped.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-07'") == 0, "\(input)")
            #expect(try piped.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-06'") == 1, "\(input)")
        }
    }

    @Test func twoConcurrentProcessesBothLand() throws {
        let dir = try CLIRunner.workspace()
        var rows = ["series,period,value"]
        for s in 0..<300 { for k in 0..<24 { rows.append("S\(s),\(2024 + k / 12)-\(k % 12 + 1 < 10 ? "0" : "")\(k % 12 + 1),\(50 + (s * 7 + k * 3) % 20)") } }
        try (rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("s.csv"), atomically: false, encoding: .utf8)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            outcomes.add(Result { try HistoryCommandTests.forecast("s.csv", in: dir, out: "f\(k).csv", extra: ["--history", "h.sqlite"]) })
        }
        for outcome in outcomes.all {
            let o = try outcome.get()
            #expect(o.status == 0, "\(o.stderr)")
        }
        let history = try RunHistory.openForReading(dir.appendingPathComponent("h.sqlite").path)
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 2)
        #expect(try history.connection.integer("SELECT count(*) FROM forecasts") == 2 * 300 * 3)
    }

    /// Finding 3 of the history review, with two processes as two cron jobs on a new shared
    /// history: B creates it and waits for its input, A opens it and waits for its own; B's
    /// input is bad and B fails, then A's is good. A said "appended" while B had removed the
    /// file under it; now the file stays, with A's run in it.
    @Test func aFailedRunLeavesANewHistoryAnotherRunHasOpen() throws {
        let dir = try CLIRunner.workspace()
        let path = dir.appendingPathComponent("h.sqlite").path
        func start(_ out: String) throws -> (Process, Pipe) {
            let process = Process(), input = Pipe()
            process.executableURL = CLIRunner.binary
            process.arguments = ["forecast", "--input", "-", "--series", "series", "--date", "period", "--value", "value", "--horizon", "3",
                                 "--models", "naive", "--backtest", "0", "--quiet", "--out", out, "--history", "h.sqlite"]
            process.currentDirectoryURL = dir
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, input)
        }
        /// Waits (up to 20 s) until `process` has the history open.
        func awaitOpen(_ process: Process) {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let fds = "/proc/\(process.processIdentifier)/fd"
                let open = (try? FileManager.default.contentsOfDirectory(atPath: fds))?.contains { fd in
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + fd)) == path + "-shm"
                } ?? false
                if open { return }
                usleep(20_000)
            }
            Issue.record("process \(process.processIdentifier) did not open the history within 20 s")
        }
        let (b, bInput) = try start("fb.csv")
        awaitOpen(b)
        let (a, aInput) = try start("fa.csv")
        awaitOpen(a)
        bInput.fileHandleForWriting.write(Data("series,period,value\nA,notadate,x\n".utf8))
        try bInput.fileHandleForWriting.close()
        b.waitUntilExit()
        #expect(b.terminationStatus == 1)
        aInput.fileHandleForWriting.write(Data(HistoryCommandTests.series(months: 24).utf8))
        try aInput.fileHandleForWriting.close()
        a.waitUntilExit()
        #expect(a.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try RunHistory.openForReading(path).connection.integer("SELECT count(*) FROM runs") == 1)
    }

    /// Finding 5 of the history review: a read-only history was found out only at the append,
    /// after the run had written its outputs (exit 1, outputs in place, the run missing from the
    /// history). It is refused before anything runs: no output, the history as it was. Run as
    /// `nobody` when the tests run as root, which file modes do not stop.
    @Test func aReadOnlyHistoryIsRefusedBeforeTheRun() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).write(to: dir.appendingPathComponent("s.csv"), atomically: false, encoding: .utf8)
        let first = try HistoryCommandTests.forecast("s.csv", in: dir, out: "f1.csv", extra: ["--history", "h.sqlite"])
        #expect(first.status == 0, "\(first.stderr)")
        let path = dir.appendingPathComponent("h.sqlite").path
        _ = try RunHistory.openForReading(path).connection.integer("PRAGMA wal_checkpoint(TRUNCATE)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        chmod(dir.path, 0o777)
        chmod(path, 0o444)
        let process = Process(), err = Pipe()
        let arguments = ["forecast", "--input", "s.csv", "--series", "series", "--date", "period", "--value", "value", "--horizon", "3",
                         "--threads", "1", "--quiet", "--out", "f2.csv", "--history", "h.sqlite"]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.binary.path] + arguments
        } else {
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("h.sqlite: is read-only for this user"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("f2.csv").path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A pipeline that fails in its last stage appends nothing to its history (and writes no
    /// outputs); the same pipeline fixed appends one run.
    @Test func aFailedRunAppendsNothing() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).write(to: dir.appendingPathComponent("s.csv"), atomically: false, encoding: .utf8)
        func pipeline(filter column: String) -> String {
            """
            history: h.sqlite
            stages:
              usage: {kind: import, table: usage, file: s.csv, columns: {item: series, date: period, quantity: value}}
              monthly: {kind: aggregate, input: usage}
              demand: {kind: forecast, input: monthly, horizon: 3, backtest: 0}
              pick: {kind: filter, input: demand.forecasts, where: {\(column): A}}
              save: {kind: export, input: pick, file: picked.csv}

            """
        }
        try pipeline(filter: "no_such_column").write(to: dir.appendingPathComponent("bad.yml"), atomically: false, encoding: .utf8)
        try pipeline(filter: "series").write(to: dir.appendingPathComponent("good.yml"), atomically: false, encoding: .utf8)
        let good = try CLIRunner.run(["run", "good.yml", "--out", "out", "--quiet"], in: dir)
        #expect(good.status == 0, "\(good.stderr)")
        let path = dir.appendingPathComponent("h.sqlite").path
        func runs() throws -> Int { try RunHistory.openForReading(path).connection.integer("SELECT count(*) FROM runs") }
        func forecasts() throws -> Int { try RunHistory.openForReading(path).connection.integer("SELECT count(*) FROM forecasts") }
        #expect(try runs() == 1 && forecasts() == 3)
        let bad = try CLIRunner.run(["run", "bad.yml", "--out", "out2", "--quiet"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no_such_column"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out2").path))
        #expect(try runs() == 1 && forecasts() == 3)
        // A failed run leaves no new history behind either: neither a forecast whose series
        // cannot be read nor a failing pipeline creates the file.
        try "series,period,value\nA,2024-01,lots\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: false, encoding: .utf8)
        let failed = try HistoryCommandTests.forecast("bad.csv", in: dir, out: "nodir/x.csv", extra: ["--history", "new.sqlite"])
        #expect(failed.status != 0)
        let badNew = try CLIRunner.run(["run", "bad.yml", "--out", "out3", "--history", "new2.sqlite", "--quiet"], in: dir)
        #expect(badNew.status == 1)
        for name in ["new.sqlite", "new2.sqlite"] {
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        // A pipeline whose track stage reads the run's own new history runs the first time.
        try """
            history: own.sqlite
            stages:
              usage: {kind: import, table: usage, file: s.csv, columns: {item: series, date: period, quantity: value}}
              monthly: {kind: aggregate, input: usage}
              demand: {kind: forecast, input: monthly, horizon: 3, backtest: 0}
              scores: {kind: track}

            """.write(to: dir.appendingPathComponent("own.yml"), atomically: false, encoding: .utf8)
        let own = try CLIRunner.run(["run", "own.yml", "--out", "own", "--quiet"], in: dir)
        #expect(own.status == 0, "\(own.stderr)")
        // Its report says it scores the history as it stood before the run: the run's own
        // actuals arrive after the stage (it had said none were in when the data held them).
        #expect(try CLIRunner.read(dir.appendingPathComponent("own/forecast_tracking.md")).contains("Scored from the history as it stood before this run"))
    }

    /// DESIGN.md: `--history` on reorder, variance and staffing too. Each run keeps its
    /// forecasts (weekly demand per item, each ledger line's projected months, weekly census
    /// per unit) and what it saw; track scores the first run by the second's actuals.
    @Test func planningCommandsAppendTheirForecastsAndTrackScoresThem() throws {
        let dir = try CLIRunner.workspace()
        func write(_ name: String, _ rows: [String]) throws {
            try (rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let monday = CalendarDay(year: 2025, month: 1, day: 6)!
        let days = (0..<(12 * 7)).map { monday.adding(days: $0).description }
        try write("usage1.csv", ["date,item,quantity"] + days.prefix(8 * 7).map { "\($0),A,10" })
        try write("usage2.csv", ["date,item,quantity"] + days.map { "\($0),A,10" })
        try write("items.csv", ["item,vendor,unit_cost,lead_time_days,review_period_days", "A,Acme,2,7,7"])
        try write("inventory.csv", ["item,on_hand", "A,50"])
        try write("census1.csv", ["date,unit,patient_days"] + days.prefix(8 * 7).map { "\($0),U1,20" })
        try write("census2.csv", ["date,unit,patient_days"] + days.map { "\($0),U1,20" })
        try write("time.csv", ["date,unit,hours,pay_type"] + days.map { "\($0),U1,160,REG" })
        try write("targets.csv", ["unit,job_code,target_hppd,budgeted_fte", "U1,RN,8,20"])
        let months = (1...12).map { "2025-\($0 < 10 ? "0" : "")\($0)" }
        try write("budget.csv", ["department,account,period,amount"] + months.map { "D1,Supplies,\($0),1000" })
        try write("actuals1.csv", ["department,account,period,amount"] + months.prefix(6).map { "D1,Supplies,\($0),1000" })
        try write("actuals2.csv", ["department,account,period,amount"] + months.prefix(9).map { "D1,Supplies,\($0),1000" })
        for k in 1...2 {
            let runs = [
                ["reorder", "--usage", "usage\(k).csv", "--items", "items.csv", "--inventory", "inventory.csv"],
                ["staffing", "--timekeeping", "time.csv", "--census", "census\(k).csv", "--targets", "targets.csv", "--horizon", "4"],
                ["variance", "--budget", "budget.csv", "--actuals", "actuals\(k).csv", "--fiscal-start", "1"],
            ]
            for arguments in runs {
                let run = try CLIRunner.run(arguments + ["--history", "h.sqlite", "--quiet", "--out", "\(arguments[0])\(k)"], in: dir)
                #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
                #expect(run.stderr.contains("appended to h.sqlite"), "\(run.stderr)")
            }
        }
        // Report section 11: each run under its command's name; they all read `run` before.
        let history = try RunHistory.openForReading(dir.appendingPathComponent("h.sqlite").path)
        let commands = try history.connection.prepare("SELECT command FROM runs ORDER BY run_id")
        var recorded: [String] = []
        while try commands.step() { recorded.append(commands.text(0)) }
        #expect(recorded == ["reorder", "staffing", "variance", "reorder", "staffing", "variance"])
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "tracking", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("tracking/forecast_tracking.md")).contains("| staffing |"))
        let rows = try HistoryCommandTests.rows(dir.appendingPathComponent("tracking/forecast_tracking.csv"))
        for stage in ["reorder", "staffing", "variance"] {
            let scored = rows.filter { $0["stage"] == stage }
            #expect(!scored.isEmpty, "\(stage)")
            #expect(scored.allSatisfy { abs((Double($0["error"] ?? "") ?? .nan)) < 1e-6 }, "\(stage): \(scored)")
        }
        #expect(rows.filter { $0["stage"] == "variance" }.map { $0["series"] ?? "" }.allSatisfy { $0 == "D1|Supplies" })
    }

    /// Report section 2, the reviewer's h9: S1..S6 at 100 a month through 2025-12 (run 1
    /// forecasts all 6, 6 months ahead), then 110 a month; run 2 is `--shard 1/2` of the data
    /// through 2026-06, run 3 `--shard 2/2` of the data through 2026-07. Every series' 2026-01..06
    /// was read by run 2 or run 3, so all 36 of run 1's forecasts are scored, each 100 - 110 =
    /// -10. Before, run 3 recorded its series only from 2026-04 (3 before run 2's last period):
    /// 27 of run 1's forecasts scored.
    @Test func shardsOfALaterRunScoreEveryForecastOfTheWholeRun() throws {
        let dir = try CLIRunner.workspace()
        func data(through months: Int) -> String {
            var rows = ["series,period,value"]
            for s in 1...6 {
                for k in 0..<months { rows.append("S\(s),\(2025 + k / 12)-\(k % 12 + 1 < 10 ? "0" : "")\(k % 12 + 1),\(k < 12 ? 100 : 110)") }
            }
            return rows.joined(separator: "\n") + "\n"
        }
        for (name, months) in [("a.csv", 12), ("b.csv", 18), ("c.csv", 19)] {
            try data(through: months).write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        for (input, shard, out) in [("a.csv", nil, "fa.csv"), ("b.csv", "1/2", "fb1.csv"), ("c.csv", "2/2", "fc2.csv")] {
            let run = try CLIRunner.run(["forecast", "--input", input, "--horizon", "6", "--threads", "1", "--quiet", "--out", out, "--history", "h.sqlite"]
                                        + (shard.map { ["--shard", $0] } ?? []), in: dir)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "tracking"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        let first = try HistoryCommandTests.rows(dir.appendingPathComponent("tracking/forecast_tracking.csv")).filter { $0["run_id"] == "1" }
        #expect(first.count == 36, "\(track.stderr)")
        #expect(Set(first.map { $0["series"] ?? "" }) == Set((1...6).map { "S\($0)" }))
        #expect(first.allSatisfy { abs((Double($0["error"] ?? "") ?? .nan) + 10) < 1e-6 })
    }

    /// `run --history` overrides the pipeline's; `track` of a history with runs but no actual
    /// yet writes the header alone and says why.
    @Test func trackOfAHistoryWithoutActualsSaysSo() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).write(to: dir.appendingPathComponent("s.csv"), atomically: false, encoding: .utf8)
        let first = try HistoryCommandTests.forecast("s.csv", in: dir, out: "f.csv", extra: ["--history", "h.sqlite"])
        #expect(first.status == 0, "\(first.stderr)")
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "t", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("t/forecast_tracking.csv")) == "series,period,lag,run_id,forecast,actual,error,inside80,inside95,seasonal_naive,stage\n")
        #expect(try CLIRunner.read(dir.appendingPathComponent("t/forecast_tracking.md")).contains("No archived forecast has its actual yet"))
    }
}

/// Results gathered from worker threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Result<CLIRunner.Outcome, any Error>] = []
    func add(_ r: Result<CLIRunner.Outcome, any Error>) { lock.withLock { list.append(r) } }
    var all: [Result<CLIRunner.Outcome, any Error>] { lock.withLock { list } }
}
