import Forecasting

extension RunHistory {
    /// Late postings revise recent periods: this many periods up to the last one the history
    /// holds for a series are checked again.
    public static let revisionWindow = 3

    /// Records the actuals an archived forecast of this stage can be scored against, series by
    /// series: from the series' earliest archived forecast on, the periods after the last one
    /// the history already holds for that series (and the `revisionWindow` up to it), plus any
    /// before the first one it holds (a replay archived older forecasts), each when the history
    /// has no value for it yet or the one tracking would use differs. Re-running over the same
    /// data adds none.
    ///
    /// Per series, not per stage: a run that covered only some series (a `--shard`, a filtered
    /// run) moved the stage's last period on for the others too, and the next run of those
    /// then skipped the periods between, whose forecasts were never scored. Each series costs
    /// three index seeks plus one per period checked, so recording stays proportional to the
    /// new data, not to the history's length.
    func appendActuals(of stage: StageRecord, run: Int) throws {
        // The vintage of everything this run records: which of two values for one period
        // tracking uses (`ForecastTracking`).
        let mark = try connection.prepare("INSERT INTO stage_runs(run_id, stage, frequency, last_period) VALUES (?1, ?2, ?3, ?4)")
        try mark.bind(1, run)
        try mark.bind(2, stage.stage)
        try mark.bind(3, stage.frequency.rawValue)
        try mark.bind(4, stage.frequency.label(stage.lastPeriod))
        try mark.step()
        // One stage may have run at two frequencies (a weekly then a monthly staffing run):
        // only labels of this run's frequency are its periods.
        let shape = stage.frequency.labelPattern
        let earliest = try connection.prepare("SELECT period FROM forecasts WHERE stage = ?1 AND series = ?2 AND period GLOB ?3 ORDER BY period LIMIT 1")
        let held = try connection.prepare("""
            SELECT (SELECT period FROM actuals WHERE stage = ?1 AND series = ?2 AND period GLOB ?3 ORDER BY period LIMIT 1),
                   (SELECT period FROM actuals WHERE stage = ?1 AND series = ?2 AND period GLOB ?3 ORDER BY period DESC LIMIT 1)
            """)
        // The value tracking would use now: from the run with the latest data, the later run on a tie.
        let current = try connection.prepare("""
            SELECT a.value FROM actuals a LEFT JOIN stage_runs s ON s.stage = a.stage AND s.run_id = a.run_id
            WHERE a.stage = ?1 AND a.series = ?2 AND a.period = ?3 ORDER BY coalesce(s.last_period, '') DESC, a.run_id DESC LIMIT 1
            """)
        let insert = try connection.prepare("INSERT INTO actuals(run_id, stage, series, period, value) VALUES (?1, ?2, ?3, ?4, ?5)")
        for series in stage.actuals {
            try earliest.bind(1, stage.stage)
            try earliest.bind(2, series.series)
            try earliest.bind(3, shape)
            let first = try earliest.step() ? stage.frequency.period(ofLabel: earliest.text(0)) : nil
            earliest.reset()
            // No archived forecast of the series: nothing to score, nothing to record.
            guard let first else { continue }
            try held.bind(1, stage.stage)
            try held.bind(2, series.series)
            try held.bind(3, shape)
            var low: Int?, high: Int?
            if try held.step(), !held.isNull(0), !held.isNull(1) {
                low = stage.frequency.period(ofLabel: held.text(0))
                high = stage.frequency.period(ofLabel: held.text(1))
            }
            held.reset()
            for (offset, value) in series.values.enumerated() where !value.isNaN {
                let period = series.firstPeriod + offset
                guard period >= first else { continue }
                if let low, let high, period >= low, period <= high - RunHistory.revisionWindow { continue }
                let label = stage.frequency.label(period)
                try current.bind(1, stage.stage)
                try current.bind(2, series.series)
                try current.bind(3, label)
                let known = try current.step() ? current.double(0) : nil
                current.reset()
                if known == value { continue }
                try insert.bind(1, run)
                try insert.bind(2, stage.stage)
                try insert.bind(3, series.series)
                try insert.bind(4, label)
                try insert.bind(5, value)
                try insert.step()
                insert.reset()
            }
        }
    }
}

extension Frequency {
    /// An SQLite GLOB matching this frequency's period labels and no other's (`2026-07`
    /// against `2026-W27`, `2026-Q3`, `2026-07-01`, `2026`).
    var labelPattern: String {
        let year = "[0-9][0-9][0-9][0-9]"
        switch self {
        case .day: return year + "-[0-9][0-9]-[0-9][0-9]"
        case .week: return year + "-W[0-9][0-9]"
        case .month: return year + "-[0-9][0-9]"
        case .quarter: return year + "-Q[1-4]"
        case .year: return year
        }
    }
}
