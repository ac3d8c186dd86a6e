import CSQLite
import Dispatch
import Glibc
import Tabular

/// One open SQLite database file: statements, transactions, and every failure turned into an
/// `InputError` naming the file, so a user sees which history is at fault and why.
///
/// Not shared between threads: each writer (a run, a test thread) opens its own connection,
/// and SQLite's locks (WAL with a busy timeout) order them.
final class SQLiteConnection {
    let path: String
    private(set) var handle: OpaquePointer?

    /// How long a statement waits for another run's lock before giving up.
    static let busyTimeoutMilliseconds: Int32 = 120_000

    /// Set on a reader that made the `-wal` and `-shm` files SQLite keeps beside a WAL-mode
    /// database (`SQLiteConnection.reader`): closing removes them again if no other
    /// connection has the file open.
    var tidyOnClose = false

    /// Opens `path` read-write (or read-only); `create` makes the file when it is absent.
    /// `uri`, when given, is what SQLite opens (`file:...?immutable=1`); `path` still names it.
    init(path: String, create: Bool, readOnly: Bool = false, uri: String? = nil) throws {
        self.path = path
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
            | (uri == nil ? 0 : SQLITE_OPEN_URI)
        let status = sqlite3_open_v2(uri ?? path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(db)
            throw InputError(file: path, "cannot open the history database: \(message); check the path and its permissions")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        // Every connection waits, the read-only ones too: a reader that looks at a history
        // while another run is writing it otherwise fails at once.
        sqlite3_busy_timeout(db, SQLiteConnection.busyTimeoutMilliseconds)
    }

    deinit { close() }

    func close() {
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
        if tidyOnClose { SQLiteConnection.removeReaderFiles(of: path) }
    }

    /// Whether the file this connection opened is no longer at its path (removed or
    /// replaced since), as SQLite sees it: the open file against the path's.
    var hasMoved: Bool {
        var moved: Int32 = 0
        guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK else { return false }
        return moved != 0
    }

    /// Makes statements fail at once on another connection's lock (false) or wait for it
    /// (true, the default).
    func waitWhileBusy(_ wait: Bool) {
        sqlite3_busy_timeout(handle, wait ? SQLiteConnection.busyTimeoutMilliseconds : 0)
    }

    /// Keeps the WAL file when the connection closes, instead of SQLite deleting it by name.
    func keepWALOnClose() {
        var persist: Int32 = 1
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        let (status, message) = run(sql)
        if status != SQLITE_OK { throw failure(status, message ?? String(cString: sqlite3_errstr(status))) }
    }

    /// `sqlite3_exec` itself: the status and SQLite's message, for callers that decide on the
    /// status before failing.
    private func run(_ sql: String) -> (status: Int32, message: String?) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        return (status, message.map { String(cString: $0) })
    }

    /// Runs `sql`, trying again while SQLite answers busy without having waited itself.
    /// Switching a new file to WAL mode is such a case: it needs the file to itself, and
    /// SQLite does not call the busy handler for it, so two runs creating one history at
    /// the same moment would see the loser fail at once.
    func executeWaitingWhileBusy(_ sql: String) throws {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(SQLiteConnection.busyTimeoutMilliseconds) * 1_000_000
        var pause: UInt32 = 1_000
        while true {
            let (status, message) = run(sql)
            if status & 0xff != SQLITE_BUSY || DispatchTime.now().uptimeNanoseconds > deadline {
                if status != SQLITE_OK { throw failure(status, message) }
                return
            }
            usleep(pause)
            pause = min(pause * 2, 100_000)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status) }
        return SQLiteStatement(statement, connection: self)
    }

    /// The first column of the first row of `sql`, as an integer (0 when there is no row).
    func integer(_ sql: String) throws -> Int {
        let statement = try prepare(sql)
        return try statement.step() ? statement.integer(0) : 0
    }

    /// Runs `body` in one write transaction: all of it lands, or none of it does.
    /// `BEGIN IMMEDIATE` takes the write lock up front, so a second writer waits (busy
    /// timeout) at the start instead of failing halfway with its work done.
    func transaction<R>(_ body: () throws -> R) throws -> R {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The error for a failed call, with SQLite's own words and what to do.
    func failure(_ status: Int32, _ text: String? = nil) -> InputError {
        let message = text ?? handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
        let advice: String
        switch status & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED:
            advice = "another run held the history for longer than the wait allows; run again when it has finished"
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            advice = "the file is not a readable SQLite database; give --history a new file name"
        case SQLITE_FULL, SQLITE_IOERR:
            advice = "the disk is full or failing; free space and run again"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN:
            advice = "check that the file and its folder are writable"
        default:
            advice = "the history was left as it was"
        }
        return InputError(file: path, "history database: \(message); \(advice)")
    }
}
