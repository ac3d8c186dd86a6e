import CSQLite
import Foundation
import Tabular

/// A run history: the SQLite database that every run given `--history` appends to.
///
/// Opening checks the file before anything is written to it: a file that is not SQLite, an
/// SQLite database of another application, or a history from a newer Quartermaster is
/// refused with a message and left byte for byte as it was. A new or empty file becomes a
/// history. Many runs may write one history at once: each appends in one transaction, the
/// database is in WAL mode and every connection waits up to two minutes for another's lock.
public final class RunHistory {
    public let path: String
    let connection: SQLiteConnection

    /// Opens (creating it when absent) the history at `path` for appending runs.
    public static func open(_ path: String) throws -> RunHistory {
        try refuseForeign(path, mustExist: false)
        // A failed run that created the file may remove it (`discard`) between this open and
        // the lock: the connection then holds a file no longer at the path, and the run would
        // append to nothing. Seen under the lock, it is opened again (a new file).
        for _ in 0..<RunHistory.reopenings {
            let connection = try SQLiteConnection(path: path, create: true)
            // SQLite opens a file it may not write read-only without a word, and reading
            // writes nothing when the schema is current: a read-only history failed only at
            // the append, after the run had replaced its outputs.
            if sqlite3_db_readonly(connection.handle, "main") == 1 {
                connection.close()
                throw InputError(file: path, "is read-only for this user, so the run could not be appended to it; make it writable (chmod u+w) or give --history another file name")
            }
            try connection.executeWaitingWhileBusy("PRAGMA journal_mode=WAL")
            try connection.execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON")
            let current = try connection.transaction {
                guard !connection.hasMoved else { return false }
                // Read again under the write lock: another run may have created it meanwhile.
                try migrate(connection)
                return true
            }
            if current { return RunHistory(path: path, connection: connection) }
            connection.close()
        }
        throw InputError(file: path, "was removed \(RunHistory.reopenings) times while this run opened it (failed runs that created it); run again")
    }

    /// Tries at opening a history that runs creating it keep removing.
    static let reopenings = 5

    /// Opens the history at `path` for appending runs, and returns whether this call created
    /// the file, so that a run that fails can `discard` it: a failed run leaves no new file
    /// behind, unless another run has it open or has appended to it. The history is opened before the run starts (a path that cannot be created
    /// fails before any output is replaced, and a `track` stage can read the run's own new
    /// history).
    public static func openNoting(_ path: String) throws -> (history: RunHistory, created: Bool) {
        var info = stat()
        let existed = stat(path, &info) == 0
        return (try open(path), !existed)
    }

    /// Removes a history that `openNoting` created, once the run that created it failed, if no
    /// run has been appended to it and no other connection has it open; otherwise the empty
    /// history stays (a later run appends to it as to any).
    ///
    /// Another run may share a new history, and it sees no run in it either until it appends:
    /// removed then (a review's two cron jobs), its connection wrote to a file no longer at the
    /// path, and the run reported "appended" to a history that was gone. So the file is
    /// removed only under an exclusive lock taken without waiting (`locking_mode=EXCLUSIVE`:
    /// in WAL mode every open connection holds a shared lock on the file, so the lock fails
    /// while any other is open), and a run that opened the file just before it went finds it
    /// moved under its own lock and opens the path again (`open`). The WAL is kept on close
    /// (`SQLITE_FCNTL_PERSIST_WAL`): SQLite deletes it by name, which by then may be a new
    /// history's.
    public func discard() {
        guard connection.handle != nil else { return }
        defer { connection.close() }
        connection.waitWhileBusy(false)
        guard (try? connection.execute("PRAGMA locking_mode=EXCLUSIVE; BEGIN IMMEDIATE")) != nil else { return }
        guard (try? connection.integer("SELECT count(*) FROM runs")) == 0, !connection.hasMoved else {
            try? connection.execute("ROLLBACK")
            return
        }
        connection.keepWALOnClose()
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        try? connection.execute("ROLLBACK")
    }

    /// Opens an existing history to read (tracking); never creates or alters the file.
    public static func openForReading(_ path: String) throws -> RunHistory {
        try refuseForeign(path, mustExist: true)
        let connection = try SQLiteConnection.reader(path)
        if try connection.integer("PRAGMA application_id") != Int(HistorySchema.applicationID) {
            throw InputError(file: path, "is an empty SQLite database, not a run history yet; run forecast, reorder, variance, staffing, purchasing or run with --history \(path) first")
        }
        return RunHistory(path: path, connection: connection)
    }

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
    }

    /// The schema version of this history.
    public var schemaVersion: Int { (try? connection.integer("PRAGMA user_version")) ?? 0 }

    // MARK: - Refusing what is not ours

    /// Checks the file at `path` as `open` (`reading` false) or `openForReading` would,
    /// without opening it for writing: validate names the problems a run would stop on.
    /// An absent file passes when a run would create it (not `reading`).
    public static func check(_ path: String, reading: Bool) throws {
        try refuseForeign(path, mustExist: reading)
        if reading { _ = try openForReading(path) }
    }

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Looks at the file without letting SQLite touch it: a folder, a file that is not SQLite,
    /// another application's database and a newer history are all refused here.
    static func refuseForeign(_ path: String, mustExist: Bool) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if mustExist {
                throw InputError(file: path, "no run history here; runs given --history \(path) create it")
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, "is a folder; --history takes a database file, e.g. \(path)/history.sqlite")
        }
        guard info.st_size > 0 else {
            if mustExist { throw InputError(file: path, "is empty, not a run history yet; run forecast, reorder, variance, staffing, purchasing or run with --history \(path) first") }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, "cannot be read; check its permissions")
        }
        // Reading (track), a new file name is no help: the history to give is the one the
        // runs wrote.
        let remedy = mustExist ? "Give --history the run history that forecast, reorder, variance, staffing, purchasing or run wrote with --history"
            : "Give --history a new file name"
        let head = (try? handle.read(upToCount: 16)).map { Array($0) } ?? []
        try? handle.close()
        guard head == sqliteHeader else {
            throw InputError(file: path, "is not a Quartermaster run history (not an SQLite database); it was left untouched. \(remedy)")
        }
        let reader = try SQLiteConnection.reader(path)
        defer { reader.close() }
        // One statement, so one snapshot: read one by one, a run creating the history between
        // two reads showed its committed tables beside the application_id read before them.
        let (application, version, objects) = try {
            let facts = try reader.prepare("SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)")
            return try facts.step() ? (facts.integer(0), facts.integer(1), facts.integer(2)) : (0, 0, 0)
        }()
        if application == Int(HistorySchema.applicationID) {
            if version > HistorySchema.version {
                throw InputError(file: path, "is a run history of a newer Quartermaster (schema version \(version); this one reads up to \(HistorySchema.version)); it was left untouched. Use the newer Quartermaster, or give --history a new file name")
            }
            // Ours by its mark, yet without the tables or columns its version has (a history
            // half-restored, edited by hand, or of a development build): the migration failed
            // on "table runs already exists" after switching the file to WAL, or the append on
            // "no column named snaive" after the run had replaced its outputs, both saying the
            // file was left as it was. Checked here, before anything writes to it.
            if let damage = try HistorySchema.damage(of: reader, version: version, objects: objects) {
                throw InputError(file: path, "is a damaged Quartermaster run history (schema version \(version)): \(damage); it was left untouched. Restore it from a backup, or give --history a new file name")
            }
        } else if application != 0 || objects > 0 {
            throw InputError(file: path, "is an SQLite database of another application (application_id \(application), \(objects) tables and indexes), not a Quartermaster run history; it was left untouched. \(remedy)")
        }
    }

    /// Brings the schema up to date (inside the caller's write transaction).
    static func migrate(_ connection: SQLiteConnection) throws {
        let application = try connection.integer("PRAGMA application_id")
        let objects = try connection.integer("SELECT count(*) FROM sqlite_master")
        if application != Int(HistorySchema.applicationID) && (application != 0 || objects > 0) {
            throw InputError(file: connection.path, "is an SQLite database of another application, not a Quartermaster run history; it was left untouched. Give --history a new file name")
        }
        let version = try connection.integer("PRAGMA user_version")
        guard version <= HistorySchema.version else {
            throw InputError(file: connection.path, "is a run history of a newer Quartermaster (schema version \(version)); it was left untouched")
        }
        for step in version..<HistorySchema.version {
            try connection.execute(HistorySchema.migrations[step])
        }
        if version < HistorySchema.version {
            try connection.execute("PRAGMA application_id = \(HistorySchema.applicationID); PRAGMA user_version = \(HistorySchema.version)")
        }
    }

    // MARK: - Appending

    /// Appends a run whole, in one transaction; returns its run_id.
    @discardableResult
    public func append(_ run: RunRecord) throws -> Int {
        try append(run, sameJob: false).id
    }

    /// A run appended, and the stages whose figures it recorded over the history's though
    /// they restate most series (`SameData`), each with what changed: `run --same-job`.
    public struct Appended: Sendable {
        public var id: Int
        public var restated: [(stage: String, change: String)]
        /// What the run recorded that a planner should know of: series restated in another unit.
        public var notes: [String] = []
    }

    /// Appends a run whole, in one transaction. `sameJob` records a stage's figures that
    /// `SameData` would refuse (the user says the change is meant), and returns them;
    /// `beforeCommit` runs inside the transaction once every check passed (a pipeline puts its
    /// output folder in place there): if it throws, nothing is recorded, and if a check
    /// refuses, it never runs, so a refused run writes nothing anywhere.
    public func append(_ run: RunRecord, sameJob: Bool, beforeCommit: () throws -> Void = {}) throws -> Appended {
        try connection.transaction {
            let insertRun = try connection.prepare("INSERT INTO runs(started_at, finished_at, command, pipeline_sha256, as_of, output) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            try insertRun.bind(1, RunRecord.timestamp(run.startedAt))
            try insertRun.bind(2, RunRecord.timestamp(Date()))
            try insertRun.bind(3, run.command)
            try insertRun.bind(4, run.pipelineSHA256.isEmpty ? nil : run.pipelineSHA256)
            try insertRun.bind(5, run.asOf)
            try insertRun.bind(6, run.output)
            try insertRun.step()
            let runID = Int(sqlite3_last_insert_rowid(connection.handle))
            // Forecasts first: a run records the actuals only of series with an archived
            // forecast (`appendActuals`), its own included.
            // A stage that saw no rows (a filter that matched none) has nothing to score nor to
            // score with, and no last period to mark: recording it overflowed the label of the
            // period before the first and crashed the run, its good stages unrecorded.
            var restated: [(stage: String, change: String)] = []
            var notes: [String] = []
            for stage in run.stages where !stage.isEmpty {
                try appendForecasts(of: stage, run: runID)
                if let found = try appendActuals(of: stage, run: runID, notes: &notes) {
                    guard sameJob else { throw InputError(file: connection.path, found.problem) }
                    restated.append((stage.stage, found.summary))
                }
            }
            try beforeCommit()
            return Appended(id: runID, restated: restated, notes: notes)
        }
    }

    private func appendForecasts(of stage: StageRecord, run: Int) throws {
        let insert = try connection.prepare("""
            INSERT INTO forecasts(run_id, stage, series, period, lag, forecast, lo80, hi80, lo95, hi95, model, demand_class, snaive)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """)
        for f in stage.forecasts {
            for step in f.mean.indices {
                try insert.bind(1, run)
                try insert.bind(2, stage.stage)
                try insert.bind(3, f.series)
                try insert.bind(4, stage.frequency.label(stage.lastPeriod + 1 + step))
                try insert.bind(5, step + 1)
                try insert.bind(6, f.mean[step])
                try insert.bind(7, f.lo80[step]); try insert.bind(8, f.hi80[step])
                try insert.bind(9, f.lo95[step]); try insert.bind(10, f.hi95[step])
                try insert.bind(11, f.model)
                try insert.bind(12, f.demandClass)
                try insert.bind(13, f.snaive[step])
                try insert.step()
                insert.reset()
            }
        }
    }
}
