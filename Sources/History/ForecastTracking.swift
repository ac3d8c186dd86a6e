import Forecasting
import Tabular

/// Scores every archived forecast of a history whose period has a recorded actual, writing
/// one CSV row per scored forecast and summing accuracy by lag, demand class and run.
///
/// The actual of a series and period is the one recorded by the run whose data is the most
/// recent (the latest last period its stage saw; the later run on a tie), not the run
/// appended last: replaying an older vintage (an `as_of` backfill) after a newer run must not
/// take back a revision the newer data made.
///
/// One forecast counts for each series, period and data cutoff (the same lag of the same
/// period: made from data ending at the same period). One archived again with the same value
/// is a re-run over the same data (a cron retry, a lost report made again): it is counted
/// once, under the first run that made it, and `repeats` says how many were left out.
/// Counted again, three identical runs tripled the errors and raised a drift flag no forecast
/// deserved. One of another value from the same cutoff (the Monday job re-run with other
/// settings, or after a corrected export) replaces the earlier run's (`superseded`): both
/// scored, that week weighed twice and two unbiased items read as drifting. This is done
/// here rather than by not archiving the re-run: histories already written hold such
/// re-runs, and every run's forecasts stay in the history.
///
/// Forecasts and actuals are both stored in (stage, series, period, run) order, so one
/// ordered pass over each, merged, pairs them: no join, no sort, memory for one series.
public struct ForecastTracking: Sendable {
    public struct RunLag: Hashable, Sendable {
        public var run: Int
        public var lag: Int
    }

    /// A series whose errors lean one way: |sum of errors / mean absolute error| above the
    /// threshold, over one forecast a run (see `close`).
    public struct Drifting: Sendable {
        public var stage: String
        public var series: String
        /// `month`, `week`, ...: a series forecast at two frequencies has a signal for each.
        public var frequency: String = ""
        public var trackingSignal: Double
        /// The forecasts the signal sums: each run's at its shortest lag scored, in run order.
        public var errors: [(period: String, lag: Int, run: Int, error: Double)]
    }

    public struct Run: Sendable {
        public var id: Int
        public var startedAt: String
        public var command: String
        public var asOf: String
    }

    /// A stage's forecasts at one frequency (`month`, `week`, ...; empty for a label of no
    /// known shape).
    public struct Group: Hashable, Comparable, Sendable {
        public var stage: String
        public var frequency: String

        public init(stage: String, frequency: String) {
            self.stage = stage
            self.frequency = frequency
        }

        public static func < (a: Group, b: Group) -> Bool { (a.stage, a.frequency) < (b.stage, b.frequency) }
    }

    /// One group's sums: overall, by lag, by demand class and by run and lag.
    public struct GroupAccuracy: Sendable {
        public var overall = TrackingAccuracy()
        public var byLag: [Int: TrackingAccuracy] = [:]
        public var byClass: [String: TrackingAccuracy] = [:]
        public var byRunLag: [RunLag: TrackingAccuracy] = [:]

        mutating func add(_ row: TrackedForecast) {
            overall.add(row)
            byLag[row.lag, default: TrackingAccuracy()].add(row)
            byClass[row.demandClass.isEmpty ? "unknown" : row.demandClass, default: TrackingAccuracy()].add(row)
            byRunLag[RunLag(run: row.runID, lag: row.lag), default: TrackingAccuracy()].add(row)
        }
    }

    public var runs: [Run] = []
    public var archivedForecasts = 0
    public var scored = 0
    /// Forecasts with an actual left out as repeats of one already scored (same stage, series,
    /// period, lag and value).
    public var repeats = 0
    /// Forecasts left out because a later run from the same data cutoff (the same series,
    /// period and lag) forecast another value: a Monday job re-run after a settings change or a
    /// corrected export. Both scored, the week counted twice and two unbiased items were
    /// flagged as drifting (signals 5.1 and 4.0 for 3.9 and 2.8).
    public var superseded = 0
    /// The runs whose forecasts were superseded (in part or whole).
    public var supersededRuns: Set<Int> = []
    /// Forecasts without an actual though their series has one for a later period (of the
    /// same frequency): a gap no new data fills. A history written before every run recorded
    /// all the periods it read, back-filled with older runs after newer ones, has such gaps
    /// (running the newest export again records them); so has data without a figure there.
    public var unrecorded = 0
    /// The accuracy of each stage at each frequency: never pooled, since stages forecast
    /// different things in different units (a ledger's dollars, an item's units) and a lag is
    /// a week at one frequency and a month at another. Pooled, a history holding a variance and
    /// a forecast stage reported one bias "a period" adding dollars to units, and a value added
    /// of -63.6% that the dollars made, where the supply forecasts had +69.4%.
    public var groups: [Group: GroupAccuracy] = [:]
    /// Every scored series' accuracy, by stage and frequency, until `rankSeries` keeps the
    /// worst of them.
    var seriesAccuracy: [SeriesAccuracy] = []
    /// Series forecast far worse than their stage (`rankSeries`), worst first.
    public var worstSeries: [SeriesAccuracy] = []
    /// Series whose actuals fell inside the 80% interval far less often than 80%, worst first.
    public var narrowIntervals: [SeriesAccuracy] = []
    /// Series restated in another unit, whose earlier forecasts are left out (`UnitChange`).
    public var unitChanges: [UnitChange] = []
    /// Series whose tracking signal exceeds `signalThreshold`, most drifting first.
    public var drifting: [Drifting] = []
    /// Series (by stage and frequency) whose scored forecasts all come from one run: no
    /// signal yet, as one forecast's lags share its one error of level.
    public var judgedOnOneRun = 0
    /// Nothing scored though later runs recorded actuals for the periods earlier runs
    /// forecast: the runs name their series differently (`00001` in one export, `1` in the
    /// next). The report said only that no actual was in yet, and new data would not help.
    public var seriesKeysDiffer = false
    /// Stages taken as renamed (`renames`): the earlier one's forecasts are scored against the
    /// later one's actuals too.
    public var renames: [Rename] = []
    /// Series later runs of their stage read without (`ReadThrough`), most forecasts first.
    public var absent: [AbsentSeries] = []
    /// Stages that stopped while others read on, with forecasts no run of theirs will score.
    public var stopped: [StoppedStage] = []

    public static let signalThreshold = 4.0
    public static let csvHeader = ["series", "period", "lag", "run_id", "forecast", "actual", "error", "inside80", "inside95", "seasonal_naive", "stage"]

    /// Scores `history` into the CSV at `csv` (written atomically).
    public static func score(_ history: RunHistory, csv: String) throws -> ForecastTracking {
        let writer = try CSVWriter(path: csv, header: csvHeader)
        do {
            let tracking = try score(history) { row in
                try writer.text(row.series)
                try writer.text(row.period)
                try writer.integer(row.lag)
                try writer.integer(row.runID)
                try writer.number(row.forecast)
                try writer.number(row.actual)
                try writer.number(row.error)
                for inside in [row.inside80, row.inside95] {
                    if let inside { try writer.text(inside ? "true" : "false") } else { try writer.empty() }
                }
                try writer.number(row.seasonalNaive)
                try writer.text(row.stage)
                try writer.endRow()
            }
            try writer.commit()
            return tracking
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Scores `history`, handing each scored forecast to `body` in (stage, series, period, run) order.
    public static func score(_ history: RunHistory, _ body: (TrackedForecast) throws -> Void) throws -> ForecastTracking {
        var tracking = ForecastTracking()
        let connection = history.connection
        let runs = try connection.prepare("SELECT run_id, started_at, command, coalesce(as_of, '') FROM runs ORDER BY run_id")
        while try runs.step() {
            tracking.runs.append(Run(id: runs.integer(0), startedAt: runs.text(1), command: runs.text(2), asOf: runs.text(3)))
        }
        tracking.renames = try renames(connection)
        tracking.stopped = try stoppedStages(connection, renames: tracking.renames)
        // Forecasts and actuals are matched by stage lineage: a stage renamed is one stage. In
        // key order (the tables' own) when no stage was renamed; sorted by lineage otherwise.
        let lineage = ForecastTracking.lineage(tracking.renames)
        // Each lineage's name now (renames come in run order): what the report calls it.
        var latestName: [String: String] = [:]
        for r in tracking.renames { latestName[lineage[r.to] ?? r.to] = r.to }
        let forecasts = try connection.prepare("""
            SELECT \(lineageSQL("stage", lineage)) AS lineage, series, period, run_id, lag, forecast, lo80, hi80, lo95, hi95, coalesce(demand_class, ''), snaive, stage
            FROM forecasts ORDER BY lineage, series, period, run_id
            """)
        // Each actual with the last period its run's stage saw (its vintage), still in key order.
        let actuals = ActualCursor(try connection.prepare("""
            SELECT \(lineageSQL("a.stage", lineage)) AS lineage, a.series, a.period, a.value, coalesce(s.last_period, ''), a.stage, a.run_id
            FROM actuals a LEFT JOIN stage_runs s ON s.stage = a.stage AND s.run_id = a.run_id
            ORDER BY lineage, a.series, a.period, a.run_id
            """))
        try actuals.advance()
        var unitChanges = try ForecastTracking.unitChanges(connection)
        var readThrough = try ReadThrough(connection, lineage: lineage)
        var absent: [String: AbsentSeries] = [:]
        var renamedScored: [String: Int] = [:]
        // The series being read, by stage and frequency: a series forecast by the month and by
        // the week has one tracking signal for each (pooled, -5.1 and -3.0 read -7.9).
        var current: [Group: SeriesErrors] = [:]
        var currentStage = "", currentSeries = ""
        // The forecasts of the actual's (stage, series, period) group, in run order: scored
        // once the group is read whole, one for each lag (so each origin), the latest run's.
        var group = -1
        var pending: [Pending] = []
        func emit(_ p: Pending) throws {
            let row = p.row
            if currentStage != p.lineageKey || currentSeries != row.series {
                for group in current.keys.sorted() { tracking.close(current[group]!) }
                current = [:]
                currentStage = p.lineageKey
                currentSeries = row.series
            }
            if p.renamed { renamedScored[row.stage, default: 0] += 1 }
            // Keyed by the stage's latest name: a stage renamed is one stage, its series one
            // series (split by name, a rename reset every tracking signal and named an item twice).
            let stage = lineage.isEmpty ? row.stage : latestName[p.lineageKey] ?? row.stage
            let group = Group(stage: stage, frequency: p.frequency)
            current[group, default: SeriesErrors(stage: stage, series: row.series, frequency: p.frequency)].add(row)
            tracking.scored += 1
            tracking.groups[group, default: GroupAccuracy()].add(row)
            try body(row)
        }
        func flush() throws {
            defer { pending.removeAll(keepingCapacity: true) }
            for k in pending.indices {
                let p = pending[k]
                // A later run from the same data cutoff (the same lag of the same period) that
                // forecast another value replaced this forecast: the latest one counts.
                if pending[(k + 1)...].contains(where: { $0.row.lag == p.row.lag && $0.row.forecast != p.row.forecast }) {
                    tracking.superseded += 1
                    tracking.supersededRuns.insert(p.row.runID)
                    continue
                }
                // The same value as the one before it of the lag: a re-run over the same data,
                // scored once, under the first run that made it.
                if let previous = pending[..<k].last(where: { $0.row.lag == p.row.lag }), previous.row.forecast == p.row.forecast {
                    tracking.repeats += 1
                    continue
                }
                try emit(p)
            }
        }
        while try forecasts.step() {
            tracking.archivedForecasts += 1
            let key = (forecasts.bytes(0), forecasts.bytes(1), forecasts.bytes(2))
            while actuals.valid && actuals.compare(key) < 0 { try actuals.advance() }
            guard actuals.valid && actuals.compare(key) == 0 else {
                // A later period of the series has an actual and this one none: a gap, not a
                // period still to come.
                if actuals.valid && actuals.holdsLater(key) {
                    tracking.unrecorded += 1
                } else if let frequency = Frequency.ofLabel(key.2)?.rawValue,
                          try readThrough.readAfter(lineage: forecasts.text(0), frequency: frequency, run: forecasts.integer(3), period: forecasts.text(2)) {
                    // No actual of the series for this period or after it, though a later run
                    // of the stage read the period: the series was absent from its data.
                    let stage = forecasts.text(12), series = forecasts.text(1)
                    absent[stage + "\u{0}" + series, default: AbsentSeries(stage: stage, series: series, forecasts: 0)].forecasts += 1
                }
                continue
            }
            if group != actuals.group {
                try flush()
                group = actuals.group
            }
            let row = TrackedForecast(stage: forecasts.text(12), series: forecasts.text(1), period: forecasts.text(2), lag: forecasts.integer(4),
                                      runID: forecasts.integer(3), forecast: forecasts.double(5), actual: actuals.value,
                                      lo80: forecasts.double(6), hi80: forecasts.double(7), lo95: forecasts.double(8), hi95: forecasts.double(9),
                                      seasonalNaive: forecasts.double(11), demandClass: forecasts.text(10))
            guard row.forecast.isFinite else { continue }
            // A forecast in the unit its series had before a restatement, against the new one.
            // Only when the changes between the forecast's run and the actual's multiply to
            // another unit: a change reverted (x0.1, then x10) leaves the forecasts made before
            // both comparable with the actuals after them (kept by the latest change alone, the
            // item's whole record left the scores).
            if !unitChanges.isEmpty {
                let key = String(decoding: actuals.recordedBy, as: UTF8.self) + "\u{0}" + row.series
                if let changes = unitChanges[key] {
                    var product = 1.0, last: Int?
                    for k in changes.indices where changes[k].run > row.runID && changes[k].run <= actuals.recordedRun {
                        product *= changes[k].factor
                        last = k
                    }
                    if let last, !UnitChange.sameUnit(product) {
                        unitChanges[key]![last].leftOut += 1
                        continue
                    }
                }
            }
            // (The same text as the stage unless a stage was renamed: not read again then.)
            pending.append(Pending(row: row, lineageKey: lineage.isEmpty ? row.stage : forecasts.text(0),
                                   renamed: !lineage.isEmpty && ActualCursor.bytesCompare(forecasts.bytes(12), actuals.recordedBy) != 0,
                                   frequency: Frequency.ofLabel(key.2)?.rawValue ?? ""))
        }
        try flush()
        for group in current.keys.sorted() { tracking.close(current[group]!) }
        for k in tracking.renames.indices { tracking.renames[k].scored = renamedScored[tracking.renames[k].from] ?? 0 }
        tracking.absent = absent.values.sorted { ($1.forecasts, $0.stage, $0.series) < ($0.forecasts, $1.stage, $1.series) }
        if tracking.scored == 0 && tracking.archivedForecasts > 0 {
            // Asked only when nothing scored: a later run's actual of a period an earlier run
            // forecast, in the same stage, means the periods met and the series did not.
            tracking.seriesKeysDiffer = try connection.integer("""
                SELECT EXISTS(SELECT 1 FROM forecasts f JOIN actuals a ON a.stage = f.stage AND a.period = f.period AND a.run_id > f.run_id)
                """) == 1
        }
        // Every change of a series with forecasts left out: the reverted one is part of the story.
        tracking.unitChanges = unitChanges.values.filter { $0.contains { $0.leftOut > 0 } }.flatMap { $0 }
            .sorted { ($0.stage, $0.series, $0.run) < ($1.stage, $1.series, $1.run) }
        tracking.rankSeries()
        tracking.drifting.sort { abs($0.trackingSignal) > abs($1.trackingSignal) || (abs($0.trackingSignal) == abs($1.trackingSignal) && $0.series < $1.series) }
        return tracking
    }

    /// A forecast of the group being read, with what scoring it needs of the row it came from.
    struct Pending {
        var row: TrackedForecast
        var lineageKey: String
        /// Scored against an actual the stage recorded under its later name.
        var renamed: Bool
        var frequency: String
    }

    /// The errors of the series being read, and its accuracy.
    struct SeriesErrors {
        var stage = ""
        var series = ""
        var frequency = ""
        var errors: [(period: String, lag: Int, run: Int, error: Double)] = []
        var accuracy = TrackingAccuracy()

        mutating func add(_ row: TrackedForecast) {
            errors.append((row.period, row.lag, row.runID, row.error))
            accuracy.add(row)
        }
    }

    /// Keeps a finished series if its tracking signal exceeds the threshold.
    ///
    /// The signal sums one error a run, that of its forecast at the shortest lag scored, in run
    /// order, as the tracking signal of Brown and Trigg sums the errors of successive forecasts;
    /// and only once two runs or more have scored forecasts. One run's lags are one forecast: a
    /// level 10% high errs the same way at every lag, and summed over all the scored forecasts,
    /// the demo's one scored run read 121 of 392 series as drifting (six lags of one sign give a
    /// signal of 6); one period a later run forecast was enough to count a run's six lags again.
    mutating func close(_ s: SeriesErrors) {
        seriesAccuracy.append(SeriesAccuracy(group: Group(stage: s.stage, frequency: s.frequency), series: s.series, accuracy: s.accuracy))
        // Keyed by origin (the last period the forecasting run saw: the period less its lag),
        // so two runs from the same data cutoff count once; by run where a label has no shape.
        let frequency = Frequency(rawValue: s.frequency)
        var periodLabel = "", periodIndex: Int?
        var byOrigin: [Int: (period: String, lag: Int, run: Int, error: Double)] = [:]
        var runOf: [Int: Int] = [:]
        for e in s.errors {
            if e.period != periodLabel {
                periodLabel = e.period
                periodIndex = frequency?.period(ofLabel: e.period)
            }
            let origin = periodIndex.map { $0 - e.lag } ?? -1 - e.run
            if let kept = byOrigin[origin], kept.lag < e.lag || (kept.lag == e.lag && (kept.run > e.run || (kept.run == e.run && kept.period <= e.period))) { continue }
            byOrigin[origin] = e
            runOf[origin] = e.run
        }
        guard !byOrigin.isEmpty else { return }
        guard Set(runOf.values).count > 1 else {
            judgedOnOneRun += 1
            return
        }
        // In run order, as before; origins of one run (none, unless a label has no shape) apart.
        let successive = byOrigin.values.sorted { ($0.run, $0.period) < ($1.run, $1.period) }
        guard let signal = ForecastTracking.trackingSignal(successive.map(\.error)), abs(signal) > ForecastTracking.signalThreshold else { return }
        drifting.append(Drifting(stage: s.stage, series: s.series, frequency: s.frequency, trackingSignal: signal, errors: successive))
    }

    /// A mean absolute error at or below this is a perfect forecast, with no signal.
    public static let negligibleError = 1e-6

    /// Sum of errors over their mean absolute error; nil when every error is zero (within
    /// `negligibleError`).
    public static func trackingSignal(_ errors: [Double]) -> Double? {
        let mad = errors.reduce(0) { $0 + abs($1) } / Double(max(errors.count, 1))
        // Errors within rounding are no errors: a flat 50 forecast as 49.999999999999986 read
        // as a signal of -6 (float noise over float noise) and was listed as drifting.
        guard mad > ForecastTracking.negligibleError else { return nil }
        return errors.reduce(0, +) / mad
    }
}

/// Walks the actuals in key order, one (stage, series, period) group at a time, keeping the
/// value of the latest vintage (the fifth column: the last period the recording run saw),
/// the later run on a tie (runs come in ascending order within a group).
final class ActualCursor {
    private let statement: SQLiteStatement
    /// The statement holds the first row of the next group.
    private var pending = false
    /// The statement has returned its last row (stepping again would start it over).
    private var exhausted = false
    private(set) var valid = false
    private var stage: [UInt8] = [], series: [UInt8] = [], period: [UInt8] = []
    private var vintage: [UInt8] = []
    private(set) var value = 0.0
    /// The stage that recorded `value` (the sixth column): under a renamed stage, the later name.
    private(set) var recordedBy: [UInt8] = []
    /// The run that recorded `value` (the seventh column).
    private(set) var recordedRun = 0
    /// Counts the groups moved to: tells one group from the next without comparing keys.
    private(set) var group = 0

    init(_ statement: SQLiteStatement) {
        self.statement = statement
    }

    /// Moves to the next group.
    func advance() throws {
        if !pending {
            guard !exhausted, try statement.step() else { valid = false; exhausted = true; return }
        }
        stage.replace(with: statement.bytes(0))
        series.replace(with: statement.bytes(1))
        period.replace(with: statement.bytes(2))
        value = statement.double(3)
        vintage.replace(with: statement.bytes(4))
        recordedBy.replace(with: statement.bytes(5))
        recordedRun = statement.integer(6)
        valid = true
        pending = false
        group += 1
        while try statement.step() {
            if ActualCursor.compare(statement.bytes(0), statement.bytes(1), statement.bytes(2), stage, series, period) != 0 {
                pending = true
                return
            }
            // Labels of one group's vintages share a frequency, so bytes sort them in time.
            if ActualCursor.bytesCompare(statement.bytes(4), vintage) >= 0 {
                value = statement.double(3)
                vintage.replace(with: statement.bytes(4))
                recordedBy.replace(with: statement.bytes(5))
                recordedRun = statement.integer(6)
            }
        }
        exhausted = true
    }

    /// Whether the current group (which sorts after `key`) is a later period of `key`'s stage
    /// and series, with a label of the same shape (so of the same frequency).
    func holdsLater(_ key: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)) -> Bool {
        ActualCursor.bytesCompare(key.0, stage) == 0 && ActualCursor.bytesCompare(key.1, series) == 0
            && key.2.count == period.count && period.withUnsafeBufferPointer { Frequency.ofLabel($0) == Frequency.ofLabel(key.2) }
    }

    /// The current group's key against `key`: negative when it sorts first.
    func compare(_ key: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)) -> Int {
        -ActualCursor.compare(key.0, key.1, key.2, stage, series, period)
    }

    static func compare(_ a0: UnsafeBufferPointer<UInt8>, _ a1: UnsafeBufferPointer<UInt8>, _ a2: UnsafeBufferPointer<UInt8>,
                        _ b0: [UInt8], _ b1: [UInt8], _ b2: [UInt8]) -> Int {
        let c0 = bytesCompare(a0, b0)
        if c0 != 0 { return c0 }
        let c1 = bytesCompare(a1, b1)
        if c1 != 0 { return c1 }
        return bytesCompare(a2, b2)
    }

    /// SQLite's BINARY collation: bytes compared in order, a prefix first.
    static func bytesCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        b.withUnsafeBufferPointer { b in
            let n = min(a.count, b.count)
            for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }
}

extension Array where Element == UInt8 {
    /// Replaces the contents, keeping the storage.
    mutating func replace(with bytes: UnsafeBufferPointer<UInt8>) {
        removeAll(keepingCapacity: true)
        append(contentsOf: bytes)
    }
}
