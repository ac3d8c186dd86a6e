import Forecasting
import History
import Tabular

/// `forecast`: demand forecasts with intervals for every series of an aggregated table,
/// plus the backtest scores behind them (tables `forecasts` and `accuracy`).
public struct ForecastStage: Stage {
    public static let kind = "forecast"
    public static let summary = "Forecast each series (auto model choice by backtest), with intervals."
    public static let outputs = ["forecasts", "accuracy"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("input", .reference, required: true, "series,period,value table (an aggregate's output)"),
        ParameterSpec("horizon", .integer, default: "12", "periods to forecast"),
        ParameterSpec("season", .integer, "season length (default from the frequency: 7, 52, 12, 4)"),
        ParameterSpec("models", .string, default: "auto", "auto, or a list such as ets,theta"),
        ParameterSpec("levels", .list, default: "80,95", "interval levels in percent"),
        ParameterSpec("backtest", .integer, default: "3", "rolling-origin backtest origins"),
        ParameterSpec("frequency", .string, "frequency of the input periods (default: the pipeline calendar)"),
        // Zero by default, unlike `forecast --gaps`, whose default follows the export's value
        // header: the input here is a table whose value column is `value`, and the aggregate
        // upstream has applied that rule already, writing a level's missing periods as empty
        // values, which are missing whatever this says.
        ParameterSpec("gaps", .string, default: "zero", "a period without a row is zero (usage) or missing (census, levels: not fitted as zero); an empty value, as an aggregate writes a missing period (its gaps: missing, the default when its value column names a level), is missing either way"),
    ]

    public var input: String
    public var horizon: Int
    public var season: Int?
    public var models: [any ForecastModel]?
    public var levels: [Double]
    public var backtest: Int
    public var frequency: Frequency?
    public var gaps: GapPolicy = .zero

    public var inputs: [String] { [input] }

    public init(input: String, horizon: Int = 12, season: Int? = nil, models: [any ForecastModel]? = nil,
                levels: [Double] = [80, 95], backtest: Int = 3, frequency: Frequency? = nil) {
        self.input = input
        self.horizon = horizon
        self.season = season
        self.models = models
        self.levels = levels
        self.backtest = backtest
        self.frequency = frequency
    }

    public init(parameters p: StageParameters) throws {
        let horizon = try p.integer("horizon") ?? 12
        let season = try p.integer("season")
        let backtest = try p.integer("backtest") ?? 3
        let checked: ForecastOptions.Checked
        do {
            checked = try ForecastOptions.check(horizon: horizon, season: season, backtest: backtest,
                                                levels: try p.list("levels"), models: try p.string("models") ?? "auto")
        } catch let problem as ForecastOptions.Problem {
            throw p.error(problem.option, "\(problem.option) \(problem.message)")
        }
        var frequency: Frequency?
        if let f = try p.string("frequency") {
            guard let parsed = Frequency(rawValue: f) else { throw p.error("frequency", "unknown frequency '\(f)'") }
            frequency = parsed
        }
        self.init(input: try p.requiredString("input"), horizon: horizon, season: season, models: checked.models,
                  levels: checked.levels, backtest: backtest, frequency: frequency)
        gaps = try p.choice("gaps", default: .zero)
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        let frequency = self.frequency ?? context.calendar.frequency ?? .month
        let table = try context.table(input)
        // An aggregate stage's days summed into longer periods: the zeros it wrote for days
        // without a row (gaps: zero, `Table.filledDays`) are no rows. Read as rows, every series was used on every day since its
        // first: 11 series' first months were left out where `forecast` on the export left out
        // 2, and items used on weekdays lost their weekdays (forecasts 2.8% off on average).
        let daysIntoPeriods = table.periodTotals?.frequency == .day && frequency != .day && gaps == .zero
        var totals = try AggregateStage.totals(of: table, series: ["series"], date: "period", value: "value",
                                              frequency: frequency, stage: context.stage, gaps: gaps, skipping: daysIntoPeriods ? table.filledDays : nil, context: context)
        if let given = table.periodTotals, given.frequency == frequency {
            totals.summedFromDays = given.daysSummed
            totals.markStartingInPart(given.startingInPart)
            totals.markWeekdays(given.weekdays)
            totals.markReadAtTheirRate(given.readAtTheirRate)
        }
        if let problem = totals.periodsShorterThanRows(option: "frequency:") { throw PipelineError(location: nil, "stage '\(context.stage)': \(problem)") }
        // An input without a row (a filter upstream that kept none): forecast, it replaced the
        // outputs with an empty forecast and archived an empty run, with exit 0. A shard of
        // few series may hold none, and says so in its own note.
        if totals.seriesCount == 0 && context.shard == nil {
            throw PipelineError(location: nil, "stage '\(context.stage)': its input '\(input)' holds no rows, so there is nothing to forecast; check the stages upstream (a where: or filter that keeps nothing, an as_of before the data)")
        }
        // Every period of the aggregate upstream is partial, kept there with a note: fitted, a
        // forecast from them understates whole periods, and `forecast` refuses the export.
        if table.periodTotals?.frequency == frequency, let problem = table.nothingCompleteToLearnFrom {
            throw PipelineError(location: nil, "stage '\(context.stage)': '\(input)': \(problem)")
        }
        // Rows finer than the periods (weekly totals forecast by month): partial periods are left
        // out of the fit, as the aggregate stage and `forecast` leave them out; before, a
        // December covered 29 of 31 days was fitted as a whole month without a word.
        if totals.finerThanPeriods {
            // Every period partial: refused, as `forecast` refuses them under --partial drop,
            // unless the aggregate upstream was told partial: keep.
            let left = try AggregateStage.leaveOutPartialPeriods(&totals, context,
                                                                 refusing: table.partialPeriodsKept != nil ? nil : "partial: keep on the aggregate stage upstream")
            // Weeks summed into months: the aggregate stage left its own partial weeks at the
            // file's ends out, and with them the days that made the months at the ends whole
            // (June 2026 through the 30th read 28 of 30 days and was forecast, not fitted).
            if left > 0, let given = table.periodTotals?.frequency, given != .day, given.rank < frequency.rank {
                context.note("'\(input)' holds \(given.rawValue)s, whose partial ones at the file's ends were left out before they were summed into \(frequency.rawValue)s: aggregate by the day (or by the \(frequency.rawValue)) upstream to keep those days")
            }
        }
        if let empty = SeriesImport.emptyValuesNote(table.numbers("value")?.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } ?? 0) { context.note(empty) }
        let settings = ForecastSettings(horizon: horizon, season: season ?? frequency.defaultSeasonLength, levels: levels,
                                        backtestOrigins: backtest, models: models, longCycle: frequency.longCycle,
                                        shortestStop: frequency.shortestStop)
        var keys: [String] = [], periods: [String] = [], means: [Double] = [], modelNames: [String] = [], classes: [String] = []
        var bounds = [[Double]](repeating: [], count: 2 * levels.count)
        var aSeries: [String] = [], aModel: [String] = [], aMase: [Double] = [], aSmape: [Double] = [], aWape: [Double] = []
        var aBias: [Double] = [], aOrigins: [Double] = [], aChosen: [String] = [], aRmsse: [Double] = []
        let progress = Progress(label: "\(context.stage): forecast", total: totals.seriesCount, quiet: context.quiet)
        var record = context.history.map { _ in StageRecord(stage: context.stage, frequency: frequency, lastPeriod: totals.lastPeriod) }
        var goneQuiet = SeriesGoneQuiet(frequency: frequency, minimum: SeriesImport.silentPeriods(frequency))
        var shortBacktests = ShortBacktests(horizon: horizon)
        var tooLong = ModelsTooLong(models: models, season: settings.season)
        var seasonsShort = SeasonsShort(season: settings.season, frequency: frequency)
        var levelSteps = LevelSteps(frequency: frequency)
        // An aggregate upstream that wrote missing gaps holds levels (a census): by the day, a
        // level on a series' closed day is left out, as `forecast` leaves it, whatever this
        // stage's own `gaps` (a clinic census of 20 was forecast 30.94 on Mondays).
        let fewerWeekdays = try ParallelForecast.each(totals, forecaster: DemandForecaster(settings: settings), threads: context.threads, progress: progress,
                                                           valuesAreLevels: table.valuesAreLevels) { key, history, f in
            record?.add(series: key, forecast: f, levels: levels, history: history, season: settings.season)
            goneQuiet.see(key, history: history, lastPeriod: totals.lastPeriod, forecast: f.mean)
            shortBacktests.see(key, f)
            tooLong.see(key, f, history: history)
            seasonsShort.see(key, f)
            levelSteps.see(key, f)
            for step in 0..<horizon {
                keys.append(key)
                periods.append(frequency.label(totals.lastPeriod + 1 + step))
                means.append(f.mean[step])
                for l in levels.indices {
                    bounds[2 * l].append(l < f.lower.count ? f.lower[l][step] : .nan)
                    bounds[2 * l + 1].append(l < f.upper.count ? f.upper[l][step] : .nan)
                }
                modelNames.append(f.model)
                classes.append(f.demandClass.rawValue)
            }
            for c in f.candidates {
                // Rounded as accuracy.csv writes them, so an export of this table reads the same.
                aSeries.append(key); aModel.append(c.model); aMase.append(ForecastJob.accuracyFigure(c.metrics.mase))
                aSmape.append(ForecastJob.accuracyFigure(c.metrics.smape))
                aWape.append(ForecastJob.accuracyFigure(c.metrics.wape)); aBias.append(ForecastJob.accuracyFigure(c.metrics.bias)); aOrigins.append(Double(c.origins)); aChosen.append(c.chosen ? "true" : "false")
                aRmsse.append(ForecastJob.accuracyFigure(c.metrics.rmsse))
            }
        }
        if let note = fewerWeekdays.note { context.note(note) }
        if let note = goneQuiet.note { context.note(note) }
        if let note = shortBacktests.note(accuracy: "\(context.stage).accuracy") { context.note(note) }
        if let note = tooLong.note(option: "models:") { context.note(note) }
        if let note = seasonsShort.note { context.note(note) }
        if let note = levelSteps.note { context.note(note) }
        if var record {
            // Periods kept in part to fit (`partial: keep` upstream) are no actuals: 15 days of
            // July recorded as July's scored an exact forecast of 310 as 160 too high.
            let partial = table.periodTotals?.frequency == frequency ? Set((table.partialPeriodsKept ?? []).compactMap { frequency.period(ofLabel: $0) }) : []
            record.addActuals(totals, leavingOut: partial)
            context.record(record)
        }
        let header = ForecastJob.forecastHeader(levels: levels)
        var forecasts = Table([("series", .text(keys)), ("period", .text(periods)), ("forecast", .number(means))])
        for (k, column) in bounds.enumerated() { forecasts.append(header[3 + k], .number(column)) }
        forecasts.append("model", .text(modelNames))
        forecasts.append("demand_class", .text(classes))
        let accuracy = Table([("series", .text(aSeries)), ("model", .text(aModel)), ("mase", .number(aMase)), ("smape", .number(aSmape)),
                              ("wape", .number(aWape)), ("bias", .number(aBias)), ("origins", .number(aOrigins)), ("chosen", .text(aChosen)),
                              ("rmsse", .number(aRmsse))])
        return ["forecasts": forecasts, "accuracy": accuracy]
    }
}
