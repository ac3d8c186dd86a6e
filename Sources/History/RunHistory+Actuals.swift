import Forecasting
import Tabular

extension RunHistory {
    /// Late postings revise recent periods: this many periods up to the last one the history
    /// holds for a series are checked again.
    public static let revisionWindow = 3

    /// The first period a run compares again with the history for a series whose last held
    /// period is `lastHeld`: the revision window's first, or the first period an archived
    /// forecast of the series targets, when earlier. A restatement further back than the window
    /// was not recorded: the June export restated February 297 -> 447 (a late credit
    /// re-posted) and April alike; April, inside the window, was recorded, and February's lag-1
    /// forecast stayed scored against 297 (error +5.47, inside the 80% interval, where -144.53
    /// outside both is right). Periods before every forecast of the series score nothing, so
    /// they are left as they are: the work grows with the periods forecast, not the data's length.
    static func revisedFrom(lastHeld: Int, firstForecast: Int) -> Int {
        min(lastHeld - revisionWindow + 1, firstForecast)
    }

    /// Records the actuals an archived forecast of this stage can be scored against, series by
    /// series, for every series the stage has archived a forecast of: every period of the
    /// run's data the history does not hold yet (before the first one it holds, after the last
    /// one, or in a gap between), and those from `revisedFrom` (the first period an archived
    /// forecast targets, or the `revisionWindow` up to the last one held) on, each when
    /// the history has no value for it yet or the one tracking would use differs. Re-running
    /// over the same data adds none, and a period once held is not stored again unless revised
    /// inside the window: the actuals grow with the data (one value per series and period),
    /// not with the number of runs.
    ///
    /// From the data's first period, not from the series' first archived forecast: a replay
    /// of older data appended after a newer run (runs as of December, then June) forecasts
    /// periods only the newer run read. Recorded from 3 periods before the series' first
    /// forecast, the December run stored October on, and the June run's forecasts of July to
    /// September were never scored (0 of 12 in that order, 6 of 12 the other way round). The
    /// first run of a series stores its whole data once (36 months of 10,000 series: 360,000
    /// values, against 30,000 forecasts a run at horizon 3), and the scores no longer depend
    /// on the order the runs were appended.
    ///
    /// Per series, not per stage: a run that covered only some series (a `--shard`, a filtered
    /// run) moved the stage's last period on for the others too, and the next run of those
    /// then skipped the periods between, whose forecasts were never scored. Each series costs
    /// two statements, three index seeks and a walk back over its revision window, and periods
    /// past the last one held need no look-up: recording stays proportional to the new data,
    /// not to the history's length.
    ///
    /// Returns the refusal `SameData` finds (another job's figures, or a restatement of most
    /// series at once), for the caller to throw or, under `run --same-job`, to note.
    func appendActuals(of stage: StageRecord, run: Int, notes: inout [String]) throws -> (problem: String, summary: String)? {
        // The vintage of everything this run records: which of two values for one period
        // tracking uses (`ForecastTracking`).
        let mark = try connection.prepare("INSERT INTO stage_runs(run_id, stage, frequency, last_period, scope, scope_files) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        try mark.bind(1, run)
        try mark.bind(2, stage.stage)
        try mark.bind(3, stage.frequency.rawValue)
        try mark.bind(4, stage.frequency.label(stage.lastPeriod))
        try mark.bind(5, stage.scope)
        try mark.bind(6, stage.scopeFiles)
        try mark.step()
        // One stage may have run at two frequencies (a weekly then a monthly staffing run):
        // only labels of this run's frequency are its periods. The pattern is written into the
        // SQL, not bound: SQLite compiles a statement again each time a GLOB's bound pattern is
        // bound anew (it may change the plan), which made recording twice as slow.
        let shape = "'\(stage.frequency.labelPattern)'"
        // Whether the series has an archived forecast, and the first period the history holds for it.
        let bounds = try connection.prepare("""
            SELECT (SELECT period FROM forecasts WHERE stage = ?1 AND series = ?2 AND period GLOB \(shape) ORDER BY period LIMIT 1),
                   (SELECT period FROM actuals WHERE stage = ?1 AND series = ?2 AND period GLOB \(shape) ORDER BY period LIMIT 1)
            """)
        // The series' actuals from the last period held back, each with its vintage: the first
        // row gives the last period held, and the rows down to the revision window give the
        // values tracking uses now (the latest vintage, the later run on a tie).
        let recent = try connection.prepare("""
            SELECT a.period, a.value, coalesce(s.last_period, '') FROM actuals a LEFT JOIN stage_runs s ON s.stage = a.stage AND s.run_id = a.run_id
            WHERE a.stage = ?1 AND a.series = ?2 AND a.period GLOB \(shape) ORDER BY a.period DESC, a.run_id DESC
            """)
        // The first period a forecast of the series targets under a stage whose runs all came
        // before this stage's first: a name it may have had before (`ForecastTracking.renames`),
        // whose forecasts `track` scores against this stage's actuals. Compared from this
        // stage's own forecasts only, a June export restating January 105 -> 165, which only the
        // old name forecast, was not recorded, and that forecast stayed scored against 105
        // (error -4.75, inside the 80% interval, where -64.75 outside both is right). Whether
        // the names are one stage is `track`'s to decide: comparing further back here only
        // records this stage's own figures where they changed.
        var earlierNames: [String] = []
        let stopped = try connection.prepare("""
            SELECT stage FROM stage_runs GROUP BY stage HAVING max(run_id) < (SELECT min(run_id) FROM stage_runs WHERE stage = ?1) ORDER BY stage
            """)
        try stopped.bind(1, stage.stage)
        while try stopped.step() { earlierNames.append(stopped.text(0)) }
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        let earlierForecast = earlierNames.isEmpty ? nil : try connection.prepare("""
            SELECT min(period) FROM forecasts WHERE stage IN (\(earlierNames.map(quoted).joined(separator: ", "))) AND series = ?1 AND period GLOB \(shape)
            """)
        let insert = try connection.prepare("INSERT INTO actuals(run_id, stage, series, period, value) VALUES (?1, ?2, ?3, ?4, ?5)")
        // The periods held between two labels: counted first (an index range in SQLite), read
        // only when some are missing.
        let heldCount = try connection.prepare("""
            SELECT count(DISTINCT period) FROM actuals WHERE stage = ?1 AND series = ?2 AND period >= ?3 AND period <= ?4 AND period GLOB \(shape)
            """)
        let heldPeriods = try connection.prepare("""
            SELECT DISTINCT period FROM actuals WHERE stage = ?1 AND series = ?2 AND period >= ?3 AND period <= ?4 AND period GLOB \(shape)
            """)
        /// The labels held from `from` to `to`, or nil when every one is.
        func periodsHeld(in series: String, from: Int, to: Int) throws -> Set<String>? {
            let low = stage.frequency.label(from), high = stage.frequency.label(to)
            func bind(_ statement: SQLiteStatement) throws {
                try statement.bind(1, stage.stage)
                try statement.bind(2, series)
                try statement.bind(3, low)
                try statement.bind(4, high)
            }
            try bind(heldCount)
            _ = try heldCount.step()
            let count = heldCount.integer(0)
            heldCount.reset()
            guard count < to - from + 1 else { return nil }
            // (Bound only now: most series have no gap.)
            try bind(heldPeriods)
            defer { heldPeriods.reset() }
            var labels = Set<String>()
            while try heldPeriods.step() { labels.insert(heldPeriods.text(0)) }
            return labels
        }
        var held: [String: (value: Double, vintage: String)] = [:]
        // The periods held just before the revision window (as many as it has), compared only:
        // late postings revise the window, another job's figures (or a restatement of the whole
        // data) differ before it too.
        var before: [String: (value: Double, vintage: String)] = [:]
        // Every figure the history holds for a period of the series, the superseded ones too
        // (`SameData.flippedBack`).
        var recorded: [String: [Double]] = [:]
        var sameData = SameData()
        // Series whose every period compared moved by one factor far from 1 (`SameData.unitChange`).
        var unitChanges: [String] = []
        for series in stage.actuals {
            try bounds.bind(1, stage.stage)
            try bounds.bind(2, series.series)
            _ = try bounds.step()
            let firstForecast = bounds.isNull(0) ? nil : stage.frequency.period(ofLabel: bounds.text(0))
            let low = bounds.isNull(1) ? nil : stage.frequency.period(ofLabel: bounds.text(1))
            bounds.reset()
            // No archived forecast of the series: nothing to score, nothing to record.
            guard var firstForecast else { continue }
            if let earlierForecast, low != nil {
                try earlierForecast.bind(1, series.series)
                _ = try earlierForecast.step()
                if !earlierForecast.isNull(0), let earliest = stage.frequency.period(ofLabel: earlierForecast.text(0)) {
                    firstForecast = min(firstForecast, earliest)
                }
                earlierForecast.reset()
            }
            held.removeAll(keepingCapacity: true)
            before.removeAll(keepingCapacity: true)
            recorded.removeAll(keepingCapacity: true)
            var high: Int?
            // The first period compared again: the revision window's, or the first period an
            // archived forecast targets when that is earlier (`revisedFrom`).
            var from = Int.max
            if low != nil {
                try recent.bind(1, stage.stage)
                try recent.bind(2, series.series)
                var stop = "", windowStart = ""
                while try recent.step() {
                    let label = recent.text(0)
                    if high == nil {
                        high = stage.frequency.period(ofLabel: label)
                        from = high.map { RunHistory.revisedFrom(lastHeld: $0, firstForecast: firstForecast) } ?? Int.max
                        windowStart = high == nil ? label : stage.frequency.label(from)
                        stop = high == nil ? label : stage.frequency.label(from - RunHistory.revisionWindow)
                    }
                    if label < stop { break }
                    let vintage = recent.text(2)
                    // Before the window: only compared (`SameData.restated`), never recorded again.
                    if label < windowStart {
                        if let known = before[label], known.vintage >= vintage { continue }
                        before[label] = (recent.double(1), vintage)
                        continue
                    }
                    recorded[label, default: []].append(recent.double(1))
                    if let known = held[label], known.vintage >= vintage { continue }
                    held[label] = (recent.double(1), vintage)
                }
                recent.reset()
            }
            // Between the first period held and the revision window, a run of older data recorded
            // after newer (a back-filled history: runs as of December, then June, then September)
            // left periods no run recorded: July to September were never stored, and the June
            // run's forecasts of them never scored, though two runs saw them. Those are recorded.
            var inside: Set<String>?
            if let low, high != nil {
                let start = max(low, series.firstPeriod)
                let end = min(from - 1, series.firstPeriod + series.values.count - 1)
                if start <= end { inside = try periodsHeld(in: series.series, from: start, to: end) }
            }
            var compared = 0, differing = 0, flipped = 0, up = 0, down = 0, checked = 0
            var example: SameData.Example?
            var changes: [SameData.Example] = []
            // The smallest and largest ratio of this run's figure to the one held, over the
            // periods compared (`SameData.unitChange`); nan once one has no ratio.
            var ratios = (low: Double.infinity, high: -Double.infinity)
            // The same over the periods recorded again only, and whether the ones before them
            // compared kept their figures: a unit change reverted restates only the periods an
            // earlier run restated (those before stayed in the first unit).
            var recordedRatios = (low: Double.infinity, high: -Double.infinity)
            var beforeKept = true
            /// Counts a period's move for `SameData.restated`.
            func check(_ value: Double, against known: Double, _ label: String, recordedAgain: Bool) {
                checked += 1
                let ratio = known > 0 && value > 0 ? value / known : .nan
                ratios = (min(ratios.low, ratio), max(ratios.high, ratio))
                if ratio.isNaN { ratios = (.nan, .nan) }
                if recordedAgain {
                    recordedRatios = ratio.isNaN ? (.nan, .nan) : (min(recordedRatios.low, ratio), max(recordedRatios.high, ratio))
                } else if !SameData.alike(value, known) {
                    beforeKept = false
                }
                switch SameData.moved(from: known, to: value) {
                case 1: up += 1
                case -1: down += 1
                default: break
                }
                if changes.count < 3 { changes.append(SameData.Example(series: series.series, period: label, here: value, held: known)) }
            }
            for (offset, value) in series.values.enumerated() where !value.isNaN {
                let period = series.firstPeriod + offset
                // Held already, before the periods compared again (unless a gap among the held periods).
                if let low, high != nil, period >= low, period < from,
                   inside.map({ $0.contains(stage.frequency.label(period)) }) ?? true {
                    // (Labels only for the few periods just before the window.)
                    if !before.isEmpty, period >= from - RunHistory.revisionWindow {
                        let label = stage.frequency.label(period)
                        if let known = before[label]?.value { check(value, against: known, label, recordedAgain: false) }
                    }
                    continue
                }
                let label = stage.frequency.label(period)
                // Outside the window nothing is held: before the first period held or after the last.
                if let known = held[label]?.value {
                    compared += 1
                    check(value, against: known, label, recordedAgain: true)
                    // (Only in a run as recent as the history's: an older export run again goes
                    // back to the figures later runs restated, and is not another job.)
                    if let high, series.firstPeriod + series.values.count - 1 >= high,
                       SameData.flippedBack(value, from: known, recorded: recorded[label] ?? []) { flipped += 1 }
                    if SameData.apart(known, value) {
                        differing += 1
                        if example == nil { example = SameData.Example(series: series.series, period: label, here: value, held: known) }
                    }
                }
                if held[label]?.value == value { continue }
                try insert.bind(1, run)
                try insert.bind(2, stage.stage)
                try insert.bind(3, series.series)
                try insert.bind(4, label)
                try insert.bind(5, value)
                try insert.step()
                insert.reset()
            }
            sameData.count(compared: compared, differing: differing, example: example)
            sameData.count(compared: compared, flippedBack: flipped, series: series.series)
            sameData.count(compared: checked, up: up, down: down, changes: changes)
            if let factor = SameData.unitChange(periods: checked, ratios: ratios) {
                unitChanges.append("\(series.series) (every one of its \(checked) periods compared \(UnitChange.text(factor)))")
            } else if beforeKept, flipped > 0, recordedRatios.low.isFinite, recordedRatios.high.isFinite,
                      let factor = SameData.unitChange(periods: compared, ratios: recordedRatios) {
                // Every period recorded again moved by one factor, some back to figures an earlier
                // run replaced, and those before them kept theirs: a restatement undone (cases back
                // to eaches, a double posting corrected). Silent, track's figures changed unsaid.
                unitChanges.append("\(series.series) (every one of its \(compared) periods restated before \(UnitChange.text(factor)), back to the figures held before: a restatement undone)")
            }
        }
        let problem = sameData.problem(stage: stage.stage)
        if problem == nil, !unitChanges.isEmpty {
            notes.append("stage '\(stage.stage)': \(NumberFormat.count(unitChanges.count, "series", plural: "series")) restated by one factor in every period the history held: \(unitChanges.prefix(5).joined(separator: ", "))\(unitChanges.count > 5 ? " and \(unitChanges.count - 5) more" : ""). A unit of measure changed (eaches to cases)? Recorded as revisions; track leaves these series' forecasts made in another unit than the actual they would be scored against out of its scores. If the unit changed, a new series key for the item keeps its history apart")
        }
        return problem.map { ($0, sameData.summary) }
    }

    /// Whether this run's figures are the same data as the history's for the stage: a later
    /// run revises a period or two of the revision window (late postings, by a few percent to
    /// a few tens), while another job's history shares the stage name (`forecast` for every
    /// forecast command, a pipeline stage named alike) and its figures are apart everywhere.
    /// Recorded there, its actuals scored one job's forecasts against the other's data: two
    /// unrelated files of items A, B and C gave a WAPE of 1154% and flagged every series as
    /// drifting, without a word. Apart means by a factor of two or more, in every one of at
    /// least three periods compared, for most series: late postings and restatements (a store
    /// added, +8%) stay well inside it. Two jobs of figures alike are not told apart.
    struct SameData {
        struct Example {
            var series: String, period: String, here: Double, held: Double
        }
        /// Series with three periods or more to compare, and those apart in every one.
        private var compared = 0, foreign = 0
        private var example: Example?

        /// Whether two figures for one period are a factor of two or more apart.
        static func apart(_ a: Double, _ b: Double) -> Bool {
            let larger = max(abs(a), abs(b))
            return larger > 1e-9 && abs(a - b) >= 0.5 * larger
        }

        mutating func count(compared periods: Int, differing: Int, example: Example?) {
            guard periods >= 3 else { return }
            compared += 1
            if differing == periods {
                foreign += 1
                if self.example == nil { self.example = example }
            }
        }

        /// Series with two periods or more to compare, and those whose every period compared
        /// goes back to a figure the history held before its latest (`flippedBack`).
        private var comparedTwice = 0, alternating = 0
        private var alternatingExample: String?

        /// Whether `value` differs from the history's latest figure `known` and equals one it
        /// held before it: the period goes back and forth. Two departments' copies of one
        /// pipeline, sharing a history and a stage name, each recorded its figures over the
        /// other's every month (488, 404, 488, 404 gloves for one March): apart by 1.25 to 1.4,
        /// they passed as restatements, and ICU's forecasts were scored against Med-Surg's use
        /// (WAPE 15.2% for 2.2%, two false drift flags). Restated figures move on; they do not
        /// return to the ones they replaced, in every period of most series.
        static func flippedBack(_ value: Double, from known: Double, recorded: [Double]) -> Bool {
            !alike(value, known) && recorded.contains { alike($0, value) }
        }

        /// The factor a series' figures were restated by, when every one of 3 periods or more
        /// compared moved by the same one (within 10% of it) and it is 2 or more, or a half or
        /// less: one item restated in another unit (cases of 10 for eaches). Its forecasts were
        /// then scored as 900% misses, silently, since it is one series in five and the
        /// guard above refuses only when most move.
        static func unitChange(periods: Int, ratios: (low: Double, high: Double)) -> Double? {
            guard periods >= 3, ratios.low.isFinite, ratios.high.isFinite, ratios.low > 0 else { return nil }
            let factor = (ratios.low * ratios.high).squareRoot()
            guard ratios.high <= factor * 1.1, ratios.low >= factor / 1.1, factor >= 2 || factor <= 0.5 else { return nil }
            return factor
        }

        /// Whether two figures for one period are the same, within rounding.
        static func alike(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

        mutating func count(compared periods: Int, flippedBack: Int, series: String) {
            guard periods >= 2 else { return }
            comparedTwice += 1
            if flippedBack == periods {
                alternating += 1
                if alternatingExample == nil { alternatingExample = series }
            }
        }

        /// Series with two periods or more to compare, those whose every period compared moved
        /// up by more than `restatedBy` and those whose every one moved down, and a few of the
        /// changes with the smallest and largest ones (`restated`).
        private var comparedRecently = 0, raised = 0, lowered = 0
        private var raisedChanges: [Example] = [], loweredChanges: [Example] = []
        private var raisedRange = (low: Double.infinity, high: -Double.infinity), loweredRange = (low: Double.infinity, high: -Double.infinity)
        private var raisedPeriods = 0, loweredPeriods = 0

        /// A period's figure restated by more than this share of the one held.
        static let restatedBy = 0.10

        /// 1 when `value` is above `known` by more than `restatedBy` of it, -1 when below, else 0.
        static func moved(from known: Double, to value: Double) -> Int {
            guard abs(value - known) > restatedBy * abs(known), !alike(value, known) else { return 0 }
            return value > known ? 1 : -1
        }

        /// The share `value` moved from `known` (0.35 for 35% up), for messages.
        static func change(_ e: Example) -> Double { e.held == 0 ? .infinity : (e.here - e.held) / abs(e.held) }

        mutating func count(compared periods: Int, up: Int, down: Int, changes: [Example]) {
            guard periods >= 2 else { return }
            comparedRecently += 1
            func widen(_ range: inout (low: Double, high: Double)) {
                for c in changes.map(SameData.change) where c.isFinite { range.low = min(range.low, c); range.high = max(range.high, c) }
            }
            if up == periods {
                raised += 1; raisedPeriods += periods; widen(&raisedRange)
                if raisedChanges.count < 3, let first = changes.first { raisedChanges.append(first) }
            } else if down == periods {
                lowered += 1; loweredPeriods += periods; widen(&loweredRange)
                if loweredChanges.count < 3, let first = changes.first { loweredChanges.append(first) }
            }
        }

        /// The refusal when at least half the series compared were restated in every recent
        /// period by more than 10%, the same way: the ICU copy of the hospital job read the
        /// ERP's ICU-only export (746, 802, 827 for the hospital's 1135, 1181, 1247: 0.65x in
        /// every period of every series, under the factor-two check), and track scored the
        /// hospital's forecasts at WAPE 24.1% for 3.0%. Whatever the pipeline declares (another
        /// file, an unpivot column choice, a canned command, a history whose runs kept no
        /// scope), the figures tell. Late postings move a period or two of a few series, or
        /// fill in the revision window of all (a weekly feed's recent weeks, +60%), and leave
        /// the periods before it as they were: those are compared too (as many as the window
        /// holds), so a series counts only when every period held moved, the window's and the
        /// ones before it.
        var restated: String? {
            let down = lowered >= raised
            let count = down ? lowered : raised
            guard comparedRecently > 0, count * 2 >= comparedRecently else { return nil }
            let sample = (down ? loweredChanges : raisedChanges).map {
                "\($0.series) \($0.period) \(NumberFormat.fixed($0.held)) -> \(NumberFormat.fixed($0.here))"
            }.joined(separator: ", ")
            let range = down ? loweredRange : raisedRange
            func percent(_ x: Double) -> String { NumberFormat.fixed(abs(x) * 100, decimals: 0) + "%" }
            let by = range.low.isFinite ? (percent(range.low) == percent(range.high) ? percent(range.low) : (down ? percent(range.high) + " to " + percent(range.low) : percent(range.low) + " to " + percent(range.high))) : "more than 10%"
            return "\(count) of the \(comparedRecently) series this run shares with it differ by more than 10% in every period of theirs the history holds that was compared (\(down ? loweredPeriods : raisedPeriods) periods in all: the recent ones and as many before them), all \(down ? "down" : "up"), by \(by) (\(sample))"
        }

        /// What `problem` found, in a few words, for the note of `run --same-job`.
        var summary: String {
            if alternating * 2 > comparedTwice { return "\(alternating) of the \(comparedTwice) series go back to figures the history replaced" }
            if foreign * 2 > compared, let example {
                return "\(foreign) of the \(compared) series a factor of two or more apart (\(example.series) \(example.period) \(NumberFormat.fixed(example.held)) -> \(NumberFormat.fixed(example.here)))"
            }
            return restated ?? ""
        }

        /// The refusal when most series differ in every period compared, or go back and forth.
        func problem(stage: String) -> String? {
            if alternating * 2 > comparedTwice, let series = alternatingExample {
                return "the history's stage '\(stage)' holds other figures for the same series, and this run's go back to the ones they replaced: in every recent period of \(alternating) of the \(comparedTwice) series this run shares with it (\(series) among them), the figure returns to one the history held before its latest, as when two jobs write into one stage by turns (copies of a pipeline for two departments, each with the stage name). Restatements do not go back and forth: give each job a history file of its own (--history, history: in a pipeline) or, in a pipeline, a stage name of its own; if this run's data is the right one, run again with --same-job to record it as the stage's from now on"
            }
            guard foreign * 2 > compared, let example else {
                guard let restated else { return nil }
                return "the history's stage '\(stage)' holds other figures for the same series: \(restated). Late postings revise a period or two of a few series; this is another job's data (another export, unit or selection of rows) or a change to what the job reads. Scored against it, the stage's archived forecasts would be judged on other figures. If this is another job, give it a stage name of its own (in a pipeline) or a history of its own (--history, history: in a pipeline); if it is this job and the change is meant (a closed department dropped, a restated ledger), run again with --same-job to record these figures as the stage's from now on"
            }
            return "the history's stage '\(stage)' holds other figures for the same series: \(foreign) of the \(compared) series this run shares with it are a factor of two or more apart in every recent period (\(example.series) \(example.period) is \(NumberFormat.fixed(example.here)) here and \(NumberFormat.fixed(example.held)) there). Scored against this run's data, its forecasts would be judged on other figures: if this is another job, give it a history file of its own (--history, history: in a pipeline) or, in a pipeline, a stage name of its own; if it is this job and the data was restated on purpose (a closed department left out), run again with --same-job to record these figures as the stage's from now on"
        }
    }
}
