import Tabular

extension ForecastTracking {
    /// A series whose forecasts cover periods that later runs of its stage read without it: no
    /// actual of it for those periods or after them.
    public struct AbsentSeries: Sendable, Equatable {
        public var stage: String
        public var series: String
        /// Its forecasts left unscored so.
        public var forecasts: Int
    }

    /// When each stage lineage's runs read up to, by frequency: for a run, the latest last
    /// period of the runs after it (`readAfter`).
    ///
    /// A series that drops out of the later exports (an ERP listing active items only: a
    /// canister discontinued in mid-March, absent from the April to June exports) had its 6
    /// archived forecasts of April to June left unscored without a word, and the tracking
    /// report said WAPE 4.8% where, scored at 0, 9.4% was right: the worst forecasts vanished.
    /// They are not scored at 0: the history does not know whether a later run read the whole
    /// input (a `--shard`, a filtered run, leaves series to the next run that reads them), so
    /// the report names them, and what their actual is if the item was discontinued.
    struct ReadThrough {
        /// (lineage, frequency) -> (run, latest last period of this run and every later one),
        /// in run order.
        private var runs: [String: [(run: Int, through: String)]] = [:]
        /// (lineage, period) pairs some series has an actual of; read on the first question.
        private var recorded: Set<String>?
        private let connection: SQLiteConnection
        private let lineage: [String: String]

        init(_ connection: SQLiteConnection, lineage: [String: String]) throws {
            self.connection = connection
            self.lineage = lineage
            let statement = try connection.prepare("SELECT stage, frequency, run_id, last_period FROM stage_runs ORDER BY run_id")
            var byKey: [String: [(run: Int, through: String)]] = [:]
            while try statement.step() {
                let stage = statement.text(0)
                byKey[(lineage[stage] ?? stage) + "\u{0}" + statement.text(1), default: []].append((statement.integer(2), statement.text(3)))
            }
            for (key, list) in byKey {
                var suffix = list
                var latest = ""
                for i in suffix.indices.reversed() {
                    latest = max(latest, suffix[i].through)
                    suffix[i].through = latest
                }
                runs[key] = suffix
            }
        }

        /// Whether a run of `lineage` after `run` read `period` (a label of `frequency`), and
        /// recorded an actual of it for some series. A period a run kept in part (`--partial
        /// keep`: 15 days of July) ends its data yet is recorded for no series: its forecasts
        /// wait for the run that holds it whole, and are not named.
        mutating func readAfter(lineage key: String, frequency: String, run: Int, period: String) throws -> Bool {
            guard let list = runs[key + "\u{0}" + frequency] else { return false }
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].run <= run { low = mid + 1 } else { high = mid }
            }
            guard low < list.count && list[low].through >= period else { return false }
            if recorded == nil {
                let statement = try connection.prepare("SELECT DISTINCT \(lineageSQL("stage", lineage)), period FROM actuals")
                var pairs = Set<String>()
                while try statement.step() { pairs.insert(statement.text(0) + "\u{0}" + statement.text(1)) }
                recorded = pairs
            }
            return recorded!.contains(key + "\u{0}" + period)
        }
    }

    /// The series later runs read without, and their forecasts not scored, for the report.
    public var absentNote: String? {
        guard !absent.isEmpty else { return nil }
        let forecasts = absent.reduce(0) { $0 + $1.forecasts }
        let names = absent.prefix(5).map { "\($0.series) (\($0.forecasts), stage '\($0.stage)')" }.listed(of: absent.count)
        return "\(NumberFormat.count(forecasts, "archived forecast")) of \(NumberFormat.count(absent.count, "series", plural: "series")) \(forecasts == 1 ? "is" : "are") not scored: later runs of the stage read \(forecasts == 1 ? "its period" : "their periods") without the series (\(names)). If it was discontinued and the export lists active items only, its actual is 0 and these forecasts missed by their full value; if those runs read a shard or a filtered part of the data, the next run that reads the series scores them"
    }
}
