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
    ]
}
