import Foundation
import Testing
@testable import Forecasting
@testable import History
import Tabular

/// A history read (track) is read only: no `-wal`/`-shm` left beside it, none needed in a
/// folder it may not write; a history marked as ours without its tables or columns is
/// refused before anything writes to it, byte for byte as it was.
@Suite struct HistoryReadingTests {
    /// A history of one run, closed (so SQLite removed its WAL files), at a fresh path.
    static func closedHistory() throws -> String {
        let path = temporaryHistoryPath()
        try RunHistory.open(path).append(RunHistorySafetyTests.record(series: 2, prefix: "s"))
        return path
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Track's reader left `history.sqlite-wal` and `-shm` behind (SQLite makes them for any
    /// reader of a WAL-mode file, and a reader cannot remove them).
    @Test func readingLeavesNoWALFilesBehind() throws {
        let path = try HistoryReadingTests.closedHistory()
        #expect(!HistoryReadingTests.exists(path + "-wal") && !HistoryReadingTests.exists(path + "-shm"))
        let before = RunHistorySafetyTests.bytes(path)
        do {
            let history = try RunHistory.openForReading(path)
            let tracking = try ForecastTracking.score(history) { _ in }
            #expect(tracking.archivedForecasts == 6)
        }
        #expect(!HistoryReadingTests.exists(path + "-wal") && !HistoryReadingTests.exists(path + "-shm"))
        #expect(RunHistorySafetyTests.bytes(path) == before)
    }

    /// In a folder it may not write (a read-only copy), with no `-wal`: read as immutable,
    /// where the reader failed with "attempt to write a readonly database". The tests run as
    /// root, whom modes do not stop, so the folder's permission is stood in for.
    @Test func aHistoryInAFolderNotWritableIsReadWithoutWALFiles() throws {
        let path = try HistoryReadingTests.closedHistory()
        let reader = try SQLiteConnection.reader(path, folderWritable: false)
        #expect(try reader.integer("SELECT count(*) FROM forecasts") == 6)
        #expect(!HistoryReadingTests.exists(path + "-wal") && !HistoryReadingTests.exists(path + "-shm"))
        reader.close()
        #expect(SQLiteConnection.immutableURI("a b/h?1#%.sqlite") == "file:a b/h%3f1%23%25.sqlite?immutable=1")
    }

    /// `old0.sqlite` of a review: our application_id, user_version 0, and tables of an old
    /// layout. The migration failed on "table runs already exists" after switching the file to
    /// WAL (byte 19 changed) while saying the history was left as it was.
    @Test func aHistoryMarkedNewButHoldingTablesIsRefusedUntouched() throws {
        let path = temporaryHistoryPath()
        let c = try SQLiteConnection(path: path, create: true)
        try c.execute("PRAGMA application_id = \(HistorySchema.applicationID); CREATE TABLE runs(run_id INTEGER PRIMARY KEY, command TEXT); CREATE TABLE forecasts(run_id, series)")
        c.close()
        let before = RunHistorySafetyTests.bytes(path)
        for open in [{ _ = try RunHistory.open(path) }, { _ = try RunHistory.openForReading(path) }] as [() throws -> Void] {
            let error = try #require(throws: InputError.self) { try open() }
            #expect(error.message.contains("is a damaged Quartermaster run history (schema version 0): it is marked as a new history (schema version 0) yet holds 2 tables"), "\(error.message)")
            #expect(error.message.contains("it was left untouched"))
        }
        #expect(RunHistorySafetyTests.bytes(path) == before)
        #expect(!HistoryReadingTests.exists(path + "-wal"))
    }

    /// `olds.sqlite`: version 1 without forecasts.snaive. The append failed on "no column
    /// named snaive" after the run had replaced its outputs.
    @Test func aHistoryLackingAColumnOfItsVersionIsRefusedUntouched() throws {
        let path = temporaryHistoryPath()
        let c = try SQLiteConnection(path: path, create: true)
        try c.execute(HistorySchema.migrations[0].replacingOccurrences(of: "snaive REAL,", with: "").replacingOccurrences(of: "CREATE TABLE stage_runs", with: "CREATE TABLE unused"))
        try c.execute("PRAGMA application_id = \(HistorySchema.applicationID); PRAGMA user_version = 1")
        c.close()
        let before = RunHistorySafetyTests.bytes(path)
        let error = try #require(throws: InputError.self) { _ = try RunHistory.open(path) }
        #expect(error.message.contains("it lacks column forecasts.snaive, table stage_runs"), "\(error.message)")
        #expect(RunHistorySafetyTests.bytes(path) == before)
        // A whole history passes.
        #expect(try HistorySchema.damage(of: RunHistory.open(temporaryHistoryPath()).connection, version: 1, objects: 4) == nil)
    }
}
