import Forecasting
import Foundation
import Tabular

extension ForecastTracking {
    /// A stage taken as renamed: every run of `from` came before the first run of `to`, both
    /// at one frequency, `to` the only stage begun then that holds any of `from`'s series with
    /// its figures, and `to` recorded the same figures as `from` for nearly all of the
    /// non-zero figures both hold and for most of `from`'s series (`RenameEvidence`).
    public struct Rename: Sendable, Equatable {
        public var from: String
        public var to: String
        public var frequency: String
        /// Series and periods both stages recorded where either figure is non-zero, and those
        /// recorded alike (within rounding).
        public var shared: Int
        public var alike: Int
        /// The series of `from` with a non-zero figure, and those `to` holds with the same figures.
        public var series = 0
        public var seriesAlike = 0
        /// Forecasts of `from` scored against an actual `to` recorded.
        public var scored = 0
    }

    /// The stages a later stage continues, as (earlier, later) pairs, each later stage the
    /// continuation of at most one earlier one, chains followed (`demand` -> `supply` -> `usage`).
    ///
    /// A stage renamed between monthly runs (`demand` in January to March, `supply_demand`
    /// from April) orphaned its archived forecasts: actuals matched by stage only, so 18 of
    /// its 27 forecasts were never scored, and two were scored against a mis-keyed March (707)
    /// that April's export restated (472), under `supply_demand`. The report said WAPE 16.6%
    /// and value added -9.4% where 4.6% and +15.2% are right.
    ///
    /// Only a stage that ended before the other began is a rename: two stages of one pipeline
    /// run side by side (demand by item and by vendor, two departments' pipelines on one
    /// history) are other jobs and never score each other. And only when the later stage
    /// recorded the same figures as the earlier one (a rename re-reads the same export):
    /// nearly all the non-zero figures both hold, and most of the earlier stage's series.
    /// Half the shared pairs was taken as enough, and linked an ICU job to a hospital-wide one
    /// (40% of pairs 3-fold apart: WAPE 46.5% for 5.8%), two hospitals' intermittent jobs on
    /// months both left empty, and a hospital-wide stage to one of the two departmental stages
    /// it was split into (its forecast of S0's April, 200.7, scored against ICU's 101 where the
    /// hospital used 204: WAPE 34.2% for 5.3%, and the OR's items said to be possibly
    /// discontinued). A stage split in two, or followed by two that each hold some of its
    /// series with its figures, has no single new name: it is not linked.
    static func renames(_ connection: SQLiteConnection) throws -> [Rename] {
        let spans = try connection.prepare("""
            SELECT stage, min(frequency), max(frequency), min(run_id), max(run_id), max(last_period) FROM stage_runs GROUP BY stage ORDER BY min(run_id), stage
            """)
        var stages: [(stage: String, frequency: String, first: Int, last: Int, lastPeriod: String)] = []
        while try spans.step() {
            guard spans.text(1) == spans.text(2) else { continue }
            stages.append((spans.text(0), spans.text(1), spans.integer(3), spans.integer(4), spans.text(5)))
        }
        guard stages.count > 1 else { return [] }
        let pairs = try connection.prepare("""
            SELECT a.series, a.period, a.value, b.value
            FROM actuals a JOIN actuals b ON b.stage = ?2 AND b.series = a.series AND b.period = a.period WHERE a.stage = ?1
            """)
        let seriesCount = try connection.prepare("SELECT count(DISTINCT series) FROM actuals WHERE stage = ?1 AND value <> 0")
        var renames: [Rename] = []
        var continued = Set<String>()
        for earlier in stages {
            let later = stages.filter { $0.frequency == earlier.frequency && $0.first > earlier.last && !continued.contains($0.stage) }
            guard let start = later.map(\.first).min() else { continue }
            // The revision window up to the earlier stage's last period: restated there by a
            // later export, a figure is no evidence against a rename.
            var windowStart = earlier.lastPeriod
            if let frequency = Frequency(rawValue: earlier.frequency), let last = frequency.period(ofLabel: earlier.lastPeriod) {
                windowStart = frequency.label(last - RunHistory.revisionWindow + 1)
            }
            try seriesCount.bind(1, earlier.stage)
            _ = try seriesCount.step()
            let series = seriesCount.integer(0)
            seriesCount.reset()
            var successors: [(rename: Rename, agrees: Bool)] = []
            for candidate in later where candidate.first == start {
                try pairs.bind(1, earlier.stage)
                try pairs.bind(2, candidate.stage)
                var evidence = RenameEvidence()
                while try pairs.step() {
                    evidence.add(series: pairs.text(0), earlier: pairs.double(2), later: pairs.double(3), restatable: pairs.text(1) >= windowStart)
                }
                pairs.reset()
                let seriesAlike = evidence.seriesAlike
                guard seriesAlike > 0 else { continue }
                successors.append((Rename(from: earlier.stage, to: candidate.stage, frequency: earlier.frequency, shared: evidence.shared, alike: evidence.alike,
                                          series: series, seriesAlike: seriesAlike), evidence.agrees))
            }
            // One successor holding the earlier stage's series with its figures, or none.
            guard successors.count == 1, let only = successors.first?.rename, successors[0].agrees, only.seriesAlike * 2 > only.series else { continue }
            renames.append(only)
            continued.insert(only.to)
        }
        return renames
    }

    /// A stage no later run continued (not taken as renamed) whose forecasts are of periods
    /// only other stages' runs read: they wait for a run of their own stage.
    public struct StoppedStage: Sendable, Equatable {
        public var stage: String
        public var frequency: String
        /// The last period its runs read, and its forecasts of the periods after it that
        /// other stages of the frequency read.
        public var lastPeriod: String
        public var forecasts: Int
        public var readBy: [String]
    }

    /// The stages that stopped while others of their frequency read on, with forecasts left
    /// so: a rename the figures did not confirm (the later name's first run read another
    /// export), or a stage dropped from the pipeline. Said, not guessed: the 18 forecasts a
    /// renamed stage left were unscored without a word.
    static func stoppedStages(_ connection: SQLiteConnection, renames: [Rename]) throws -> [StoppedStage] {
        let continued = Set(renames.map(\.from))
        let ends = try connection.prepare("SELECT stage, frequency, max(last_period) FROM stage_runs GROUP BY stage, frequency ORDER BY stage, frequency")
        var last: [(stage: String, frequency: String, through: String)] = []
        while try ends.step() { last.append((ends.text(0), ends.text(1), ends.text(2))) }
        var stopped: [StoppedStage] = []
        for s in last where !continued.contains(s.stage) {
            let later = last.filter { $0.frequency == s.frequency && $0.stage != s.stage && $0.through > s.through }
            guard let through = later.map(\.through).max(), let frequency = Frequency(rawValue: s.frequency) else { continue }
            let count = try connection.prepare("SELECT count(*) FROM forecasts WHERE stage = ?1 AND period > ?2 AND period <= ?3 AND period GLOB '\(frequency.labelPattern)'")
            try count.bind(1, s.stage)
            try count.bind(2, s.through)
            try count.bind(3, through)
            _ = try count.step()
            let forecasts = count.integer(0)
            guard forecasts > 0 else { continue }
            stopped.append(StoppedStage(stage: s.stage, frequency: s.frequency, lastPeriod: s.through, forecasts: forecasts, readBy: later.map(\.stage)))
        }
        return stopped
    }

    /// What the report and the run's line say of the stages that stopped.
    public var stoppedNote: String? {
        guard !stopped.isEmpty else { return nil }
        return stopped.map { s in
            "stage '\(s.stage)' (\(s.frequency)) has no run reading past \(s.lastPeriod): \(NumberFormat.count(s.forecasts, "forecast")) of it of later periods, which \(s.readBy.prefix(3).map { "'\($0)'" }.listed(of: s.readBy.count)) read, \(s.forecasts == 1 ? "is" : "are") not scored. If it was renamed, its forecasts are scored against the new name only when the new name recorded the same figures for nearly all the non-zero figures both hold and for most of its series, and no other stage begun with it holds some of them, as after a split; it did not here: give the stage its old name back, or its own history file for the new job"
        }.joined(separator: "; ")
    }

    /// Each stage's lineage: the first name of the stages renamed into it (itself when none).
    static func lineage(_ renames: [Rename]) -> [String: String] {
        var root: [String: String] = [:]
        for r in renames { root[r.to] = root[r.from] ?? r.from }
        return root
    }

    /// The SQL giving a stage column's lineage: `CASE stage WHEN 'b' THEN 'a' ... END`.
    static func lineageSQL(_ column: String, _ lineage: [String: String]) -> String {
        guard !lineage.isEmpty else { return column }
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        return "CASE \(column) " + lineage.sorted { $0.key < $1.key }.map { "WHEN \(quoted($0.key)) THEN \(quoted($0.value))" }.joined(separator: " ") + " ELSE \(column) END"
    }

    /// What the report and the run's line say of the stages taken as renamed.
    public var renamesNote: String? {
        guard !renames.isEmpty else { return nil }
        return renames.map { r in
            "stage '\(r.to)' (\(r.frequency)) began after stage '\(r.from)' had stopped and recorded the same figures for \(r.alike) of the \(r.shared) non-zero figures both hold, and for \(r.seriesAlike) of the \(r.series) series of '\(r.from)': taken as its new name, so \(NumberFormat.count(r.scored, "forecast")) of '\(r.from)' \(r.scored == 1 ? "is" : "are") scored against the actuals '\(r.to)' recorded (if they are different jobs, give them history files of their own)"
        }.joined(separator: "; ")
    }
}
