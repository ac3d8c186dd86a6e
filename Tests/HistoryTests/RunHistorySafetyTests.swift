import Dispatch
import Foundation
import Testing
@testable import Forecasting
@testable import History
import Tabular

/// Must show 2: what the history refuses, and that concurrent and failed runs keep it whole.
@Suite struct RunHistorySafetyTests {
    /// A run of `count` series, each forecast 3 months ahead.
    static func record(series count: Int, prefix: String, duplicate: Bool = false) -> RunRecord {
        var record = RunRecord(command: "forecast", output: "out")
        var stage = StageRecord(stage: "forecast", frequency: .month, lastPeriod: ForecastTrackingTests.march2026)
        for i in 0..<count {
            stage.add(series: "\(prefix)\(i)", forecast: flatForecast(100, horizon: 3, lo80: 95, hi80: 105, lo95: 88, hi95: 112),
                      levels: [80, 95], history: Array(repeating: 100, count: 24), season: 12)
        }
        if duplicate {
            stage.add(series: "\(prefix)0", forecast: flatForecast(1, horizon: 3, lo80: 0, hi80: 2, lo95: 0, hi95: 3),
                      levels: [80, 95], history: [1], season: 12)
        }
        record.stages = [stage]
        return record
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func twoConcurrentWritersBothLand() throws {
        let path = temporaryHistoryPath()
        let failures = ResultBox()
        let records = (0..<2).map { RunHistorySafetyTests.record(series: 300, prefix: "w\($0)-") }
        // Two connections, as two runs in two processes would have, started together on a
        // history that does not exist yet (both create it). A few small runs each: a writer
        // waits for one transaction at a time, so under a loaded test machine long back-to-back
        // transactions could starve the other writer past the busy timeout.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let history = try RunHistory.open(path)
                for _ in 0..<3 { try history.append(records[writer]) }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.messages.isEmpty)
        let history = try RunHistory.openForReading(path)
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 6)
        #expect(try history.connection.integer("SELECT count(*) FROM forecasts") == 6 * 300 * 3)
        let mode = try history.connection.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.text(0) == "wal")
    }

    /// Two runs that create the same new history at the same moment: the one that arrives
    /// while the other is turning the new file into WAL mode must wait for it, not fail.
    /// Raced many times, since the window is a few microseconds wide.
    @Test func twoRunsCreatingOneHistoryBothLand() throws {
        let record = RunHistorySafetyTests.record(series: 2, prefix: "c")
        for _ in 0..<40 {
            let path = temporaryHistoryPath()
            let failures = ResultBox()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { try RunHistory.open(path).append(record) } catch { failures.add("\(error)") }
            }
            #expect(failures.messages.isEmpty)
            let history = try RunHistory.openForReading(path)
            #expect(try history.connection.integer("SELECT count(*) FROM runs") == 2)
        }
    }

    /// Finding 3 of the history review: a run that created the history and failed removed it
    /// while another run had it open, and that run's append went to a file no longer there.
    /// Removal now needs the file to itself: with a second connection open it stays, and the
    /// other run's append lands in it; alone, a failed run's new history is removed.
    @Test func aNewHistoryAnotherRunHasOpenIsNotRemoved() throws {
        let path = temporaryHistoryPath()
        let created = try RunHistory.openNoting(path)
        #expect(created.created)
        let other = try RunHistory.open(path)
        created.history.discard()
        #expect(FileManager.default.fileExists(atPath: path))
        try other.append(RunHistorySafetyTests.record(series: 2, prefix: "s"))
        #expect(try RunHistory.openForReading(path).connection.integer("SELECT count(*) FROM runs") == 1)

        let alone = temporaryHistoryPath("alone.sqlite")
        let failed = try RunHistory.openNoting(alone)
        #expect(failed.created)
        failed.history.discard()
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: alone + suffix), "\(suffix)") }
    }

    /// What `open` and `discard` look at under their lock: a connection sees the file it
    /// opened removed from the path; a history opened at the path again is a new file.
    @Test func aConnectionSeesItsFileRemovedFromThePath() throws {
        let path = temporaryHistoryPath()
        let early = try SQLiteConnection(path: path, create: true)
        #expect(!early.hasMoved)
        unlink(path)
        #expect(early.hasMoved)
        early.close()
        try RunHistory.open(path).append(RunHistorySafetyTests.record(series: 1, prefix: "r"))
        #expect(try RunHistory.openForReading(path).connection.integer("SELECT count(*) FROM runs") == 1)
    }

    /// A run whose append fails halfway (here a series recorded twice breaks the key) leaves
    /// no trace: not its run row, not the forecasts written before the failure.
    @Test func aFailedAppendAppendsNothing() throws {
        let path = temporaryHistoryPath()
        let history = try RunHistory.open(path)
        try history.append(RunHistorySafetyTests.record(series: 10, prefix: "a"))
        #expect(throws: InputError.self) { try history.append(RunHistorySafetyTests.record(series: 10, prefix: "b", duplicate: true)) }
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 1)
        #expect(try history.connection.integer("SELECT count(*) FROM forecasts") == 30)
        #expect(try history.connection.integer("SELECT count(*) FROM forecasts WHERE series LIKE 'b%'") == 0)
        // And the history takes the next run.
        try history.append(RunHistorySafetyTests.record(series: 10, prefix: "c"))
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 2)
    }

    @Test func aTextFileIsRefusedAndLeftUntouched() throws {
        let path = temporaryHistoryPath("notes.sqlite")
        try "series,period\nA,2026-01\n".write(toFile: path, atomically: false, encoding: .utf8)
        let before = RunHistorySafetyTests.bytes(path)
        let error = try #require(throws: InputError.self) { try RunHistory.open(path) }
        #expect(error.message.contains("not an SQLite database"))
        #expect(RunHistorySafetyTests.bytes(path) == before)
        #expect(throws: InputError.self) { try RunHistory.openForReading(path) }
        #expect(RunHistorySafetyTests.bytes(path) == before)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws {
        let path = temporaryHistoryPath("other.db")
        do {
            let other = try SQLiteConnection(path: path, create: true)
            try other.execute("CREATE TABLE patients(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO patients(name) VALUES ('x')")
        }
        let before = RunHistorySafetyTests.bytes(path)
        let error = try #require(throws: InputError.self) { try RunHistory.open(path) }
        #expect(error.message.contains("another application"))
        #expect(RunHistorySafetyTests.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aHistoryOfANewerSchemaIsRefusedAndLeftUntouched() throws {
        let path = temporaryHistoryPath()
        do {
            let history = try RunHistory.open(path)
            try history.append(RunHistorySafetyTests.record(series: 1, prefix: "a"))
            try history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = \(HistorySchema.version + 1); PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = RunHistorySafetyTests.bytes(path)
        let error = try #require(throws: InputError.self) { try RunHistory.open(path) }
        #expect(error.message.contains("newer Quartermaster"))
        #expect(throws: InputError.self) { try RunHistory.openForReading(path) }
        #expect(RunHistorySafetyTests.bytes(path) == before)
    }

    @Test func aFolderIsRefused() throws {
        let folder = (temporaryHistoryPath() as NSString).deletingLastPathComponent
        let error = try #require(throws: InputError.self) { try RunHistory.open(folder) }
        #expect(error.message.contains("is a folder"))
    }

    @Test func readingAnAbsentHistoryDoesNotCreateIt() throws {
        let path = temporaryHistoryPath()
        #expect(throws: InputError.self) { try RunHistory.openForReading(path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aNewHistoryIsMarkedAsOurs() throws {
        let path = temporaryHistoryPath()
        let history = try RunHistory.open(path)
        #expect(history.schemaVersion == HistorySchema.version)
        #expect(try history.connection.integer("PRAGMA application_id") == Int(HistorySchema.applicationID))
    }
}

/// Messages collected from worker threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
