import ArgumentParser
import Dispatch
import Foundation
import Forecasting
import History
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast every series of a long CSV, with intervals and backtest accuracy."
    )

    @OptionGroup var seriesOptions: SeriesOptions

    @Option(help: ArgumentHelp("Periods to forecast.", valueName: "periods"))
    var horizon: Int

    @Option(help: ArgumentHelp("Season length in periods (default: 7 days, 52 weeks, 12 months, 4 quarters).", valueName: "periods"))
    var season: Int?

    @Option(help: ArgumentHelp("auto, or a comma-separated list of " + ModelRegistry.names.joined(separator: ", ") + ", or an ETS spec like ets(A,Ad,M).", valueName: "list"))
    var models = "auto"

    @Option(help: ArgumentHelp("Prediction interval levels in percent.", valueName: "list"))
    var levels = "80,95"

    @Option(help: ArgumentHelp("Rolling-origin backtest origins used to choose models (0 to skip).", valueName: "count"))
    var backtest = 3

    @Option(help: ArgumentHelp("Output forecasts CSV (- for standard output).", valueName: "path"))
    var out: String

    @Option(help: ArgumentHelp("Backtest accuracy CSV (default beside --out: accuracy.csv for forecasts.csv, NAME.accuracy.csv for NAME.csv; none for standard output).", valueName: "path"))
    var accuracy: String?

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "count"))
    var threads: Int?

    @Option(help: ArgumentHelp("Run history database to append this run to (created when absent).", valueName: "file.sqlite"))
    var history: String?

    // A restated history (a closed department left out of the export) refused every later run,
    // and the only way on was a new history, losing every archived forecast of the job.
    @Flag(help: "Record the run in --history although its figures restate most series the history holds (a closed department left out, a restated ledger): it is the same job, changed on purpose.")
    var sameJob = false

    @Flag(help: "No progress line.")
    var quiet = false

    func run() throws {
        let started = Progress.now()
        let startedAt = Date()
        // Neither file is written as CSV text under a workbook's name (`OutputPaths.refuseSpreadsheetName`).
        try OutputPaths.refuseSpreadsheetName(out, flag: "--out", command: "forecast")
        if let accuracy { try OutputPaths.refuseSpreadsheetName(accuracy, flag: "--accuracy", command: "forecast") }
        // Before the history is opened (or created): no file this run writes may be its input.
        var writing: [OutputGuard.Named] = []
        if let accuracy {
            writing.append(.init(accuracy, "--accuracy", remedy: "choose another path for --accuracy"))
        } else if backtest > 0, let path = Forecast.defaultAccuracyPath(for: out) {
            writing.append(.init(path, "the accuracy file beside --out", remedy: "give --accuracy another path, or choose another --out"))
        }
        if let history { writing.append(.init(history, "--history", remedy: "choose another path for --history")) }
        let source = try seriesOptions.seriesImport(command: "forecast", output: out, writing: writing)
        // A history that is not ours is refused before anything is read or written; one this
        // run creates is removed again if the run fails.
        let opened = try history.map { try RunHistory.openNoting($0) }
        do {
            try forecast(source, appendingTo: opened?.history, started: started, startedAt: startedAt)
        } catch {
            if let opened, opened.created { opened.history.discard() }
            throw error
        }
    }

    private func forecast(_ source: SeriesImport, appendingTo runHistory: RunHistory?, started: Double, startedAt: Date) throws {
        let checked: ForecastOptions.Checked
        do {
            checked = try ForecastOptions.check(horizon: horizon, season: season, backtest: backtest,
                                                levels: levels.split(separator: ",").map(String.init), models: models)
        } catch let problem as ForecastOptions.Problem {
            throw UsageError("--\(problem.option) \(problem.message)")
        }
        if let threads, threads < 1 { throw UsageError("--threads must be 1 or more (it was \(threads)); leave it out to use every core") }
        let settings = ForecastSettings(horizon: horizon, season: season ?? source.frequency.defaultSeasonLength, levels: checked.levels,
                                        backtestOrigins: backtest, models: checked.models, longCycle: source.frequency.longCycle,
                                        shortestStop: source.frequency.shortestStop)
        var job = ForecastJob(source: source, settings: settings, output: out,
                              // Written with --backtest 0 too, empty: left alone, the last run's
                              // accuracy sat beside this run's forecasts of other series.
                              accuracyOutput: accuracy ?? Forecast.defaultAccuracyPath(for: out),
                              threads: threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        job.quiet = quiet
        job.recordsHistory = runHistory != nil
        // One run at a time per output: a second one fails, naming the first.
        let lock = try OutputLock(for: out)
        defer { lock?.release() }
        let result = try job.run()
        let seconds = Progress.now() - started
        let classes = DemandClass.allCases.compactMap { c in result.classes[c].map { "\($0) \(c.rawValue)" } }.joined(separator: ", ")
        // A shard's counts are the shard's, said so: "0 series" read as the whole file's.
        let inShard = source.shard.map { " in shard \($0)" } ?? ""
        var line = "forecast: \(result.summary); \(result.series) series\(inShard)\(classes.isEmpty ? "" : " (\(classes))"), \(result.rowsWritten) rows written to \(out == "-" ? "standard output" : out) in \(NumberFormat.fixed(seconds, decimals: 2)) s"
        line += result.notes.map { "\nnote: " + $0 }.joined()
        line += result.summary.unfiledRejections.map { "\n" + $0 }.joined()
        if !result.negativeSeries.isEmpty {
            line += "\nnote: \(result.negativeSeries.count) series have negative period totals (returns above issues), e.g. \(result.negativeSeries.prefix(3).joined(separator: ", ")); their forecasts are clipped at 0"
        }
        if let runHistory, let forecasts = result.history {
            line += "\n" + (try PipelineRunner.append(to: runHistory, command: "forecast", started: startedAt, pipelineHash: "", output: out, records: [forecasts], sameJob: sameJob))
        }
        Diagnostics.info(line)
    }

    /// `out/forecasts.csv` -> `out/accuracy.csv`; `out/x.csv` -> `out/x.accuracy.csv`.
    static func defaultAccuracyPath(for output: String) -> String? {
        guard output != "-", !OutputPaths.isDevice(output) else { return nil }
        let slash = output.lastIndex(of: "/")
        let directory = slash.map { String(output[...$0]) } ?? ""
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        if name == "forecasts.csv" { return directory + "accuracy.csv" }
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        return directory + base + ".accuracy.csv"
    }
}
