/// The history database's layout, versioned with `PRAGMA user_version` and marked as ours
/// with `PRAGMA application_id`, so any other SQLite file is refused instead of altered.
///
/// `migrations[i]` takes a database from version `i` to `i + 1`; a new version appends one
/// (never edits an old one), and a history made by an older Quartermaster is brought up to
/// date when it is next written.
enum HistorySchema {
    /// "QMHS" in ASCII: what `PRAGMA application_id` reads in every Quartermaster history.
    static let applicationID: Int32 = 0x514D_4853

    static var version: Int { migrations.count }

    static let migrations: [String] = [
        // 1: runs, the forecasts each run made (with the seasonal naive beside them), the
        // actuals each run saw, and the last period each stage of a run saw. Forecasts and actuals are keyed (stage, series, period,
        // run) without a rowid, so tracking reads both in one ordered pass and merges them.
        """
        CREATE TABLE runs(
            run_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            command TEXT NOT NULL,
            pipeline_sha256 TEXT,
            as_of TEXT,
            output TEXT
        );
        CREATE TABLE forecasts(
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            stage TEXT NOT NULL,
            series TEXT NOT NULL,
            period TEXT NOT NULL,
            lag INTEGER NOT NULL,
            forecast REAL,
            lo80 REAL, hi80 REAL, lo95 REAL, hi95 REAL,
            model TEXT,
            demand_class TEXT,
            snaive REAL,
            PRIMARY KEY(stage, series, period, run_id)
        ) WITHOUT ROWID;
        CREATE TABLE actuals(
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            stage TEXT NOT NULL,
            series TEXT NOT NULL,
            period TEXT NOT NULL,
            value REAL,
            PRIMARY KEY(stage, series, period, run_id)
        ) WITHOUT ROWID;
        CREATE TABLE stage_runs(
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            stage TEXT NOT NULL,
            frequency TEXT NOT NULL,
            last_period TEXT NOT NULL,
            PRIMARY KEY(stage, run_id)
        ) WITHOUT ROWID;
        """,
        // 2: what each stage of a run read (`StageRecord.scope`): a copy of a pipeline
        // filtered to one department, sharing the history and the stage name, stored ICU-only
        // figures (746, 802, 827) as revisions of the hospital's (1135, 1181, 1247), and track
        // scored the hospital's forecasts at 56.2% WAPE for 3.0%. Added columns, empty on the
        // runs of a version 1 history, which stay readable as they were.
        """
        ALTER TABLE stage_runs ADD COLUMN scope TEXT;
        ALTER TABLE stage_runs ADD COLUMN scope_files TEXT;
        """,
    ]

    /// What a history marked as ours lacks of the tables and columns of its `version`, nil
    /// when it has them all: a history of version 0 holds no table yet (the migration creates
    /// them), one of a later version has every column its migrations made.
    static func damage(of connection: SQLiteConnection, version: Int, objects: Int) throws -> String? {
        guard version > 0 else {
            return objects == 0 ? nil : "it is marked as a new history (schema version 0) yet holds \(objects) tables and indexes"
        }
        // The layout the migrations make, built in memory and read back as the file is.
        let expected = try SQLiteConnection(path: ":memory:", create: true)
        defer { expected.close() }
        for step in 0..<version { try expected.execute(migrations[step]) }
        var missing: [String] = []
        for table in try columns(of: expected).sorted(by: { $0.key < $1.key }) {
            let present = try columns(of: connection, table: table.key)
            if present.isEmpty {
                missing.append("table \(table.key)")
            } else {
                missing += table.value.filter { !present.contains($0) }.map { "column \(table.key).\($0)" }
            }
        }
        guard !missing.isEmpty else { return nil }
        return "it lacks " + (missing.count > 4 ? missing.prefix(4).joined(separator: ", ") + " and \(missing.count - 4) more" : missing.joined(separator: ", "))
    }

    /// Each table's columns, in order.
    private static func columns(of connection: SQLiteConnection) throws -> [String: [String]] {
        let tables = try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        var result: [String: [String]] = [:]
        while try tables.step() {
            let name = tables.text(0)
            result[name] = try columns(of: connection, table: name)
        }
        return result
    }

    private static func columns(of connection: SQLiteConnection, table: String) throws -> [String] {
        let info = try connection.prepare("SELECT name FROM pragma_table_info(?1)")
        try info.bind(1, table)
        var names: [String] = []
        while try info.step() { names.append(info.text(0)) }
        return names
    }
}
