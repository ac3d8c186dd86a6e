import Dispatch
import Forecasting
import History
import Tabular

/// `quartermaster forecast`: per-series demand forecasts with intervals (forecasts.csv)
/// and the backtest scores behind each choice (accuracy.csv).
///
/// Series are forecast in blocks, in parallel within a block and written in series order,
/// so memory holds one block of results and the output does not depend on thread count.
public struct ForecastJob: Sendable {
    public var source: SeriesImport
    public var settings: ForecastSettings
    public var output: String
    /// Where accuracy.csv goes; nil to skip it.
    public var accuracyOutput: String?
    public var threads: Int
    public var quiet = false
    /// Keep the forecasts and actuals for a run history (`--history`): `Result.history`.
    public var recordsHistory = false

    public init(source: SeriesImport, settings: ForecastSettings, output: String, accuracyOutput: String?, threads: Int) {
        self.source = source
        self.settings = settings
        self.output = output
        self.accuracyOutput = accuracyOutput
        self.threads = max(1, threads)
    }

    public struct Result: Sendable {
        public var summary: ImportSummary
        public var series: Int
        public var rowsWritten: Int
        public var classes: [DemandClass: Int]
        public var negativeSeries: [String]
        /// What was left out, for the user (partial periods).
        public var notes: [String]
        /// The forecasts and actuals for the run history, when `recordsHistory`.
        public var history: StageRecord?
    }

    /// accuracy.csv's scores are written to 4 places, by the command and by a pipeline's
    /// forecast stage alike (the stage's export wrote 6: 0.518639 where the command wrote 0.5186).
    public static let accuracyDecimals = 4

    /// A score as accuracy.csv writes it, for tables that are written later.
    static func accuracyFigure(_ value: Double) -> Double { NumberFormat.rounded(value, decimals: accuracyDecimals) }

    /// The note for rows that are month, quarter or year totals already (labelled `2026-04`,
    /// as `aggregate` writes them): they hold no day counts, so the periods are fitted as they
    /// are, without the adjustment for the days each one sums that forecasting the daily export
    /// gives. README's quick start chained `aggregate --out monthly.csv` into `forecast --input
    /// monthly.csv` without a word: a clinic item issued 10 every weekday forecast 220, 210,
    /// 220, 230 from the export (its 22, 21, 22, 23 weekdays) and a flat 217.9 to 220.7 through
    /// the file; on the demo supply export 461 of 2358 item-months differed by over 5%, up to
    /// 15.5%. A pipeline's forecast stage knows the days its aggregate stage summed
    /// (`PeriodTotals.summedFromDays`) and gets no note. One check a run, none per row.
    ///
    /// Only for a file headed as aggregate writes it (`series,period,value`, `run` checks):
    /// a general-ledger export, monthly at source (`Fiscal Period`, `Amount`), got the note and
    /// its two routes, and the pipeline route gave the same 12 forecasts (0 of 12 differ):
    /// there are no day counts to recover from a file that never had days.
    static func totalsWithoutDaysNote(_ totals: PeriodTotals) -> String? {
        guard totals.frequency.rank > Frequency.week.rank, totals.daysSummed == nil,
              let labelled = totals.rowDays.labelled, labelled.rank > Frequency.week.rank else { return nil }
        let unit = totals.frequency.rawValue
        return "the rows are \(labelled.rawValue)ly totals headed series,period,value as aggregate writes them, which hold no day counts: each \(unit) is fitted as it is, without the adjustment for the days each \(unit) holds (steady use of 10 a weekday forecasts 210, 220 or 230 by the month's weekdays from the daily export, about 218 every month from its totals); if this file came from aggregate, forecast the daily export itself, or chain aggregate and forecast as stages of a pipeline, to get it"
    }

    public func run() throws -> Result {
        let (totals, summary, importNotes, aggregateShaped) = try source.read()
        if source.partial == .drop, let problem = totals.nothingCompleteToLearnFrom(keep: "--partial keep") {
            throw InputError(file: source.input, problem)
        }
        let h = settings.horizon
        let writer = try CSVWriter(path: output, header: ForecastJob.forecastHeader(levels: settings.levels))
        let accuracy = try accuracyOutput.map {
            try CSVWriter(path: $0, header: ["series", "model", "mase", "smape", "wape", "bias", "origins", "chosen", "rmsse"])
        }
        var classes: [DemandClass: Int] = [:]
        var negative: [String] = []
        let progress = Progress(label: "forecast", total: totals.seriesCount, quiet: quiet)
        let labels = PeriodLabels(frequency: totals.frequency)
        let levels = settings.levels
        // The history's actuals are whole periods: kept to fit (`--partial keep`), 15 days of July
        // were recorded as July's actual and scored an exact forecast of 310 as 160 too high.
        var whole = totals
        if recordsHistory && source.partial == .keep { _ = whole.leaveOutPartialPeriods() }
        var record = recordsHistory ? StageRecord(stage: "forecast", frequency: totals.frequency, lastPeriod: totals.lastPeriod) : nil
        var fewerWeekdays = SeriesOnFewerWeekdays()
        // Series whose use stopped, and series too short to backtest the whole horizon, for
        // the run's notes.
        var goneQuiet = SeriesGoneQuiet(frequency: totals.frequency, minimum: SeriesImport.silentPeriods(totals.frequency))
        var shortBacktests = ShortBacktests(horizon: h)
        var tooLong = ModelsTooLong(models: settings.models, season: settings.season)
        var seasonsShort = SeasonsShort(season: settings.season, frequency: totals.frequency)
        var levelSteps = LevelSteps(frequency: totals.frequency)
        do {
            fewerWeekdays = try ParallelForecast.each(totals, forecaster: DemandForecaster(settings: settings), threads: threads, progress: progress) { key, history, f in
                record?.add(series: key, forecast: f, levels: levels, history: history, season: settings.season)
                classes[f.demandClass, default: 0] += 1
                goneQuiet.see(key, history: history, lastPeriod: totals.lastPeriod, forecast: f.mean)
                shortBacktests.see(key, f)
                tooLong.see(key, f, history: history)
                seasonsShort.see(key, f)
                levelSteps.see(key, f)
                if history.contains(where: { $0 < 0 }) && negative.count < 1000 { negative.append(key) }
                let firstForecast = totals.lastPeriod + 1
                for step in 0..<h {
                    try writer.text(key)
                    try labels.write(firstForecast + step, to: writer)
                    try writer.number(f.mean[step])
                    for l in levels.indices {
                        if l < f.lower.count {
                            try writer.number(f.lower[l][step])
                            try writer.number(f.upper[l][step])
                        } else {
                            try writer.empty(); try writer.empty()
                        }
                    }
                    try writer.text(f.model)
                    try writer.text(f.demandClass.rawValue)
                    try writer.endRow()
                }
                if let accuracy {
                    for c in f.candidates {
                        try accuracy.text(key)
                        try accuracy.text(c.model)
                        try accuracy.number(c.metrics.mase, decimals: ForecastJob.accuracyDecimals)
                        try accuracy.number(c.metrics.smape, decimals: ForecastJob.accuracyDecimals)
                        try accuracy.number(c.metrics.wape, decimals: ForecastJob.accuracyDecimals)
                        try accuracy.number(c.metrics.bias, decimals: ForecastJob.accuracyDecimals)
                        try accuracy.integer(c.origins)
                        try accuracy.text(c.chosen ? "true" : "false")
                        try accuracy.number(c.metrics.rmsse, decimals: ForecastJob.accuracyDecimals)
                        try accuracy.endRow()
                    }
                }
            }
            try writer.commit()
            try accuracy?.commit()
        } catch {
            writer.abandon()
            accuracy?.abandon()
            throw error
        }
        record?.addActuals(whole)
        var notes = importNotes
        if let note = fewerWeekdays.note { notes.append(note) }
        if let note = goneQuiet.note { notes.append(note) }
        if accuracy != nil, settings.backtestOrigins == 0 {
            notes.append("\(accuracyOutput ?? "the accuracy file") has no rows: --backtest 0 turns the backtest off")
        } else if let accuracy, accuracy.rowsWritten == 0, writer.rowsWritten > 0 {
            // The shortest backtest: one origin with one period after it and a new item's
            // history before it.
            notes.append("\(accuracyOutput ?? "the accuracy file") has no rows: no series is long enough to backtest (that takes at least \(DemandClass.minimumHistory + 1) periods)")
        }
        if let note = shortBacktests.note(accuracy: accuracyOutput) { notes.append(note) }
        if let note = tooLong.note(option: "--models") { notes.append(note) }
        if let note = seasonsShort.note { notes.append(note) }
        if let note = levelSteps.note { notes.append(note) }
        if aggregateShaped, let note = ForecastJob.totalsWithoutDaysNote(totals) { notes.append(note) }
        return Result(summary: summary, series: totals.seriesCount, rowsWritten: writer.rowsWritten, classes: classes, negativeSeries: negative, notes: notes,
                      history: record)
    }

    /// DESIGN.md's forecasts.csv header for the requested levels.
    static func forecastHeader(levels: [Double]) -> [String] {
        var header = ["series", "period", "forecast"]
        for level in levels {
            let l = NumberFormat.fixed(level, decimals: 2)
            header += ["lo\(l)", "hi\(l)"]
        }
        return header + ["model", "demand_class"]
    }
}

/// Forecasts every series of a totals grid in blocks: parallel within a block, handed to
/// `body` in series-key order, so memory holds one block of results and output does not
/// depend on the thread count.
enum ParallelForecast {
    static let blockSize = 1024

    @discardableResult
    static func each(_ totals: PeriodTotals, forecaster: DemandForecaster, threads: Int, progress: Progress, valuesAreLevels: Bool = false,
                     _ body: (_ key: String, _ history: [Double], _ forecast: SeriesForecast) throws -> Void) throws -> SeriesOnFewerWeekdays {
        try each(totals, forecasters: { _ in forecaster }, threads: threads, progress: progress, valuesAreLevels: valuesAreLevels, body)
    }

    /// As above, with each series' forecaster chosen by its id in `totals` (the reorder plan's
    /// horizon is each item's own protection interval: one horizon for all, set by the longest
    /// lead time in the run, made an item's forecast depend on the other items, and a shard's
    /// on its share of them).
    /// Returns the series forecast on fewer weekdays than the file records, for a note.
    @discardableResult
    static func each(_ totals: PeriodTotals, forecasters: (Int) -> DemandForecaster, threads: Int, progress: Progress, valuesAreLevels: Bool = false,
                     _ body: (_ key: String, _ history: [Double], _ forecast: SeriesForecast) throws -> Void) throws -> SeriesOnFewerWeekdays {
        let order = totals.keys.idsSortedByKey()
        // Days are fitted on the weekdays the file records and the series is used on.
        let frequency = totals.frequency, daysSummed = totals.daysSummed
        let fileDays = frequency == .day ? totals.rowDays.openWeekdays : nil
        // What a closed day holds is moved to the next open day for amounts used, and left out
        // for levels (`OpenDaySeries.openDays(of:first:flows:)`): `gaps: missing`, or `valuesAreLevels`
        // (a forecast stage's input aggregated so upstream, whose own gaps say zero).
        let flows = totals.gaps == .zero && !valuesAreLevels
        var fewer = SeriesOnFewerWeekdays()
        var start = 0
        defer { progress.finish() }
        while start < order.count {
            let block = Array(order[start..<min(start + blockSize, order.count)])
            let histories = block.map { totals.fitValues(of: $0) }
            let chosen = block.map(forecasters)
            // Months, quarters and years summed from days are fitted per average length of the
            // weekdays they sum (`PeriodLengthAdjustment`).
            let summed = fileDays == nil ? block.map { totals.weekdaysSummed(by: $0) } : []
            let results = ResultSlots<Swift.Result<(forecast: SeriesForecast, fitted: [Double]), any Error>>(count: block.count)
            let weekdays = ResultSlots<OpenWeekdays>(count: block.count)
            let workers = min(max(threads, 1), block.count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < block.count {
                    // A series with no recorded period left (its rows were all in periods left
                    // out as partial) has nothing to learn from: it gets no forecast.
                    let (first, history) = histories[i]
                    let forecaster = chosen[i]
                    if history.contains(where: { !$0.isNaN }) {
                        // By day, a series' stray uses on the weekdays it is closed on (a tenth
                        // of its days at most, scarcer than chance, and not lately used) are
                        // read with its open days, as its months hold them: a biopsy kit used
                        // once on a Tuesday in two years was forecast at 0.583 every day.
                        let seriesDays = fileDays.map { file in (file, SeriesWeekdays(daily: history, first: first)) }
                        let own = seriesDays.map { $1.open(within: $0) } ?? summed[i]
                        let strays = seriesDays.map { file, days in own.map { days.onlyStrayUse(outside: $0, within: file) } ?? false } ?? false
                        let openDays = own.flatMap { OpenDaySeries(frequency: frequency, open: $0) }.flatMap { $0.applies(to: history, first: first, strays: strays) ? $0 : nil }
                        let adjustment = own.flatMap { PeriodLengthAdjustment(frequency: frequency, open: $0) }.flatMap { $0.applies(to: history) ? $0 : nil }
                        results[i] = Swift.Result {
                            if let openDays { return try openDays.forecast(history, first: first, flows: flows, with: forecaster) }
                            if let adjustment { return try adjustment.forecast(history, first: first, with: forecaster) }
                            return try forecaster.forecast(allowingGaps: history)
                        }
                        if let own, own != fileDays ?? daysSummed, openDays != nil || adjustment != nil { weekdays[i] = own }
                    }
                    i += workers
                }
            }
            for (k, id) in block.enumerated() {
                guard let outcome = results[k] else { continue }
                let (forecast, fitted) = try outcome.get()
                if let own = weekdays[k] { fewer.add(totals.keys.key(id), own) }
                try body(totals.keys.key(id), fitted, forecast)
            }
            start += block.count
            progress.update(done: start)
        }
        return fewer
    }
}


/// Slots that worker threads fill at distinct indices; read only after they finish.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLockLike()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// Fills consecutive slots from `start` with one lock, for a worker's whole share.
    func store(_ values: [Value], from start: Int) {
        lock.withLock {
            for (offset, value) in values.enumerated() { storage[start + offset] = value }
        }
    }

    /// Every slot, once the workers are done.
    var all: [Value?] { lock.withLock { storage } }
}

/// A tiny mutex over pthread, to avoid pulling Foundation into the hot path.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#endif
