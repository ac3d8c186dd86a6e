import Foundation
import Testing
@testable import History
import Tabular

/// `track` end to end: its drift file, its workbook's names, its output folder against its
/// history, and `forecast --out -` into a reader that stops early.
@Suite struct TrackCommandTests {
    /// Six runs of a series climbing 10 a month, forecast flat by the naive model: every run
    /// falls short, so the series drifts. Its name is a formula a spreadsheet would run.
    static func driftingHistory(series name: String = "=SUM(A1:A2)") throws -> URL {
        let dir = try CLIRunner.workspace()
        for cut in 24...29 {
            let rows = (0..<cut).map { "\"\(name)\",\(2023 + $0 / 12)-\($0 % 12 < 9 ? "0" : "")\($0 % 12 + 1),\(100 + 10 * $0)" }
            try ("series,period,value\n" + rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("m\(cut).csv"), atomically: false, encoding: .utf8)
            let run = try HistoryCommandTests.forecast("m\(cut).csv", in: dir, out: "fm\(cut).csv", extra: ["--history", "h.sqlite", "--models", "naive", "--backtest", "0"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        return dir
    }

    /// The report pointed at forecast_tracking.csv for the drifting series it did not list,
    /// and that file has no signal; forecast_drift.csv lists each, and the workbook has it as
    /// a sheet. The workbook's tracked forecasts held the CSV's neutralised `'=SUM(A1:A2)`.
    @Test func driftIsWrittenWholeAndTheWorkbookHoldsTheRealNames() throws {
        let dir = try TrackCommandTests.driftingHistory()
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "t", "--format", "md,xlsx", "--quiet"], in: dir)
        #expect(track.status == 0, "\(track.stderr)")
        let drift = try CLIRunner.read(dir.appendingPathComponent("t/forecast_drift.csv")).split(separator: "\n").map(String.init)
        #expect(drift.first == "series,stage,frequency,runs,tracking_signal,sum_of_errors,mad,forecasts,errors")
        #expect(drift.count == 2 && drift[1].hasPrefix("\"'=SUM(A1:A2)\",forecast,month,5,-5,") && drift[1].contains(",below,"), "\(drift)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("t/forecast_tracking.csv")).hasPrefix(ForecastTracking.csvHeader.joined(separator: ",") + "\n"))
        #expect(try CLIRunner.read(dir.appendingPathComponent("t/forecast_tracking.md")).contains("forecast_drift.csv"))
        let book = dir.appendingPathComponent("t/forecast_tracking.xlsx")
        let workbook = try CLIRunner.workbookPart(book, "xl/workbook.xml")
        #expect(workbook.contains("name=\"Tracked forecasts\"") && workbook.contains("name=\"Drifting series\""), "\(workbook)")
        for sheet in ["sheet2", "sheet3"] {
            let xml = try CLIRunner.workbookPart(book, "xl/worksheets/\(sheet).xml")
            #expect(xml.contains("<t>=SUM(A1:A2)</t>") && !xml.contains("'=SUM") && !xml.contains("&apos;=SUM"), "\(xml.prefix(600))")
        }
    }

    /// `track --out h.sqlite`, the history itself as the output folder: a clash of paths, a
    /// usage error like the others (exit 2), where it failed as a data error.
    @Test func theHistoryAsTheOutputFolderIsAUsageError() throws {
        let dir = try TrackCommandTests.driftingHistory(series: "A")
        let before = try Data(contentsOf: dir.appendingPathComponent("h.sqlite"))
        for out in ["h.sqlite", "./h.sqlite/"] {
            let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", out, "--quiet"], in: dir)
            #expect(track.status == 2 && track.stderr.contains("--out names ") && track.stderr.contains("which is the input file h.sqlite (--history)"), "\(track.stderr)")
        }
        #expect(try Data(contentsOf: dir.appendingPathComponent("h.sqlite")) == before)
    }

    /// Run 1 forecast item 00001, run 2 read it as 1: track says why nothing scored.
    @Test func runsThatShareNoSeriesNameAreNamedAsSuch() throws {
        let dir = try CLIRunner.workspace()
        try HistoryCommandTests.series(months: 24).replacingOccurrences(of: "A,", with: "00001,").write(to: dir.appendingPathComponent("a.csv"), atomically: false, encoding: .utf8)
        try HistoryCommandTests.series(months: 27).replacingOccurrences(of: "A,", with: "1,").write(to: dir.appendingPathComponent("b.csv"), atomically: false, encoding: .utf8)
        for (input, out) in [("a.csv", "fa.csv"), ("b.csv", "fb.csv")] {
            #expect(try HistoryCommandTests.forecast(input, in: dir, out: out, extra: ["--history", "h.sqlite"]).status == 0)
        }
        let track = try CLIRunner.run(["track", "--history", "h.sqlite", "--out", "t"], in: dir)
        #expect(track.status == 0 && track.stderr.contains("check the series keys"), "\(track.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("t/forecast_tracking.md")).contains("no series of the later runs' actuals matches an earlier run's forecasts"))
    }

    /// `forecast --out - --history new.sqlite | head -2` died of SIGPIPE (exit 141) and left
    /// the new history behind, empty. The write fails instead: exit 1, the history removed.
    @Test func aReaderClosingStandardOutputFailsTheRunAndRemovesItsNewHistory() throws {
        let dir = try CLIRunner.workspace()
        var rows = ["series,period,value"]
        for s in 0..<1500 { for m in 1...12 { rows.append("S\(s),2025-\(m < 10 ? "0" : "")\(m),\(10 + (s + m) % 7)") } }
        try (rows.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("big.csv"), atomically: false, encoding: .utf8)
        let script = "\"$0\" forecast --input big.csv --horizon 3 --models naive --backtest 0 --threads 1 --quiet --out - --history new.sqlite | head -2 >/dev/null; echo \"${PIPESTATUS[0]}\" > status"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, CLIRunner.binary.path]
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = try CLIRunner.read(dir.appendingPathComponent("status")).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "1", "\(status): \(stderr)")
        #expect(stderr.contains("standard output: the reader closed it before the output was written whole"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new.sqlite").path))
    }
}
