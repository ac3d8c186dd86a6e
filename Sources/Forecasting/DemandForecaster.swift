import Tabular
import CGSL

/// Forecasts one series end to end: classify the demand, pick candidate models for its
/// class, backtest them on rolling origins, and combine them with weights inversely
/// proportional to their backtest MASE, then attach prediction intervals.
///
/// Why a weighted combination rather than picking the backtest winner: with a handful of
/// origins per series, the winner is mostly noise (on the 767 hospital series, picking it
/// scored worse than any single model), while weighting keeps the evidence and still lets
/// a clearly better model dominate.
///
/// Everything depends only on the series itself, so results are the same whatever the
/// thread count or the other series in the run (and shards reproduce the whole).
public struct DemandForecaster: Sendable {
    public let settings: ForecastSettings

    public init(settings: ForecastSettings) { self.settings = settings }

    /// Candidate models for a class when the user did not name any.
    public static func candidates(for demandClass: DemandClass, season: Int, longCycle: Double? = nil,
                                  count: Int = .max, trending: Bool = false, calendarPostings: Bool = false,
                                  seasonBeforeEveryOrigin: Bool = false) -> [any ForecastModel] {
        switch demandClass {
        case .smooth, .erratic:
            // Beside the fitted forms, heavily smoothed levels that short, noisy histories need:
            // the moving average over a season, the whole history's mean and Croston with
            // alpha <= 0.3 (SBA for erratic sizes, as Syntetos, Boylan and Croston 2005 advise;
            // on smooth demand SBA's factor 1 - alpha/2 is a bias: a flat 1,000 a month would be
            // forecast at 950 or less).
            // ETS, Theta and seasonal naive only once two seasons are seen: from one, seasonal
            // naive's backtest is a single origin repeating one year, and ETS's level and trend
            // and Theta's drift chase a swing that cannot be told from the season (on 3,000
            // spare parts with 18 months, alone: Theta RMSSE 0.875, ETS 0.833, the moving
            // average 0.823, the history's mean 0.819; leaving ETS out took the combination
            // from 0.824 to 0.823 and its time by two thirds).
            var models: [any ForecastModel] = []
            let twoSeasons = season <= 1 || count >= 2 * season
            // Or once the history climbs or falls beyond chance (`MonotoneTrend`): 23 months
            // rising 10 a month to 320 were forecast flat at 297 by means, below the last month.
            let levelShownToMove = !twoSeasons && (count >= 24 || trending)
            // Under a whole long cycle (less than a year of daily data), the year moves the level
            // under the fits that span the history (Theta's drift, Croston's level below).
            let shortOfTheLongCycle = longCycle.map { Double(count) < $0 } ?? false
            if twoSeasons {
                models.append(ETSModel(undampedTrends: false))
                // Theta's drift is half the straight line through the whole history: short of a
                // whole long cycle (under a year of daily data) that line is a piece of the year's
                // swing, and the drift carries it on. Alone, on the short daily windows (8 to 39
                // weeks, 28 days ahead), Theta scored MASE 1.846 against ETS's 1.499; left out, the
                // combination went 1.620 -> 1.553 (AutoETS 1.595), better at every window length
                // (bike 1.148 -> 1.132, Italy's census 1.873 -> 1.777). A year or more keeps it.
                if !shortOfTheLongCycle { models.append(ThetaModel()) }
            } else if levelShownToMove {
                // Short of two seasons, ETS without its season once two dozen points show how
                // the level moves: a year of weekly census that climbs or falls is otherwise
                // forecast by means (weekly windows of 24 to 78 weeks of Italy's ward and ICU
                // census, 8 weeks ahead: MASE 4.11 -> 3.45; bike rentals 1.62 -> 1.69; every
                // shorter history kept out, as the spare parts above show).
                models.append(ETSModel(undampedTrends: false))
            }
            // Seasonal naive repeats the last season, one observation for each of its points.
            // Short of a whole long cycle (under a year of daily data) the backtest reaches few
            // origins and its weights are loose, and that noisy forecast kept a share beside
            // ETS's and MSTL's smoothed weeks: left out, the daily windows (8 to 39 weeks, 28
            // days ahead) went from MASE 1.553 to 1.439 (Italy's census 1.777 -> 1.591, bike
            // rentals 1.132 -> 1.155) and a pharmacy's eight drug classes, a set not used to
            // choose the rule, from 0.847 to 0.841, better at every window length. A year or
            // more keeps it, with a backtest long enough to weigh it.
            //
            // Short of two seasons, it joins once a whole season lies before every backtest origin
            // (`seasonBeforeEveryOrigin`), so each origin's forecast repeats a year the backtest
            // can check: without it every weekly series younger than two years was forecast by
            // flat levels, and a weekly ED of 95 weeks (a yearly swing of +-15%) was forecast flat
            // at 925 through an autumn that rose from 941 to 1,079 (last year 924 to 1,132): MAE
            // 109 a week over 11 weeks against seasonal naive's 21. 18 months of spare parts, 6
            // ahead, leave a year before one origin of three, and do not get it. And only when the
            // history shows the season and no value it would copy is a one-off (`SeasonShown`): a
            // flat 500 a week with one week of 1,500 a year back was forecast at 1,500 (80% band
            // +-12) for that week next year.
            if season > 1 && (twoSeasons || seasonBeforeEveryOrigin) && !shortOfTheLongCycle { models.append(SeasonalNaiveModel()) }
            // The history's mean and the trend-and-season line are fitted to the whole history
            // at once, with no long cycle: on data that has one (the year of daily data), the
            // year moves the level under them and they miss it (on two years of bike rentals,
            // alone: MASE 2.20 and 2.04 against MSTL's 1.20). There MSTL and ETS, which follow
            // the level, take their place: without them the bike set's combination went from
            // 1.193 to 1.190 and Italy's daily ward and ICU census from 0.178 to 0.155. Short of
            // a year the year moves the level all the same: on windows of 8 to 39 weeks of both,
            // 28 days ahead (Benchmarks/accuracy/daily_windows.py), MASE 1.956 -> 1.706, Italy
            // 2.402 -> 2.013 and bike 1.121 -> 1.131.
            let hasLongCycle = longCycle != nil
            // The moving average over a season is the history's mean until the history is longer
            // than a season: both would be the same forecast with twice its weight (weekly
            // windows of Italy's census and bike rentals, 26-78 weeks: MASE 2.925 -> 2.783).
            // Daily data leave it out: their season is the week, and a flat mean of the last
            // seven days gives every weekday the week's average while ETS's level already
            // follows the recent days. On the daily windows MASE went 1.706 -> 1.675 (bike 1.131
            // -> 1.114, Italy's census 2.013 -> 1.974, better at every window length), on two
            // years of bike rentals 1.192 -> 1.179, Italy's five years of census 0.155 -> 0.156.
            if count > MovingAverageModel().window(season: season) && !hasLongCycle { models.append(MovingAverageModel()) }
            // Beside ETS's level, short of two seasons, the history's mean only pulls the forecast
            // back to weeks the level has left: its backtest is the last few months, where it
            // fits by chance as often as not. On the weekly windows (26-78 weeks of bike rentals
            // and Italy's ward and ICU census, 8 weeks ahead) MASE went 2.783 -> 2.520: bike
            // 1.666 -> 1.553, Italy 3.254 -> 2.928, and better at every window length. With two
            // seasons it stays: there the backtest spans enough to weigh it.
            if !hasLongCycle && !levelShownToMove { models.append(HistoricAverageModel()) }
            // Croston's smoothed size, with alpha <= 0.3, is a heavily smoothed level too: short of
            // a whole long cycle (under a year of daily data) the year moves the level under it as
            // under the mean. On the daily windows (8 to 39 weeks) MASE went 1.675 -> 1.632 (bike
            // 1.114 -> 1.109, Italy's census 1.974 -> 1.912); with a year or more it stays (Italy's
            // five years of census 0.156 either way; left out there it was 0.172).
            if !shortOfTheLongCycle { models.append(CrostonModel(demandClass == .erratic ? .sba : .classic, alpha: nil, alphas: AlphaRange.statsforecast)) }
            // With three seasons seen (each seasonal index then rests on three points or more),
            // a linear trend with seasonal dummies: on the hospital set MASE 0.748 -> 0.743.
            if season > 1 && count >= 3 * season && !hasLongCycle { models.append(TrendSeasonRegression()) }
            // MSTL's shape: the seasons removed, ETS on the rest (a trend the regression's
            // straight line cannot follow), the seasons put back. Daily data carry the year in
            // it. Without a long cycle (monthly, weekly and quarterly data) it is the season's
            // dummies alone, from three seasons on: on the hospital set the combination's MASE went from 0.7445
            // to 0.7395 (paired over the 767 series -0.0051, bootstrap 95% interval -0.0068 to
            // -0.0034, better on 57% of them) for a third more time (+32% there, +42% on the
            // scale benchmark's 72-month series).
            if let longCycle {
                models.append(MSTLModel(cycle: longCycle))
            } else if season > 1 && count >= 3 * season {
                models.append(MSTLModel(cycle: .infinity))
            }
            return models
        case .intermittent, .lumpy:
            // As above, the moving average only once it differs from the mean.
            let movingAverage: [any ForecastModel] = count > MovingAverageModel().window(season: season) ? [MovingAverageModel()] : []
            // A ledger's quarterly premium or annual licence is intermittent by its intervals
            // (30,000 every third month), but it comes back on the same months, which none of
            // these rates knows: they projected $7,625 in each month between the premiums, and
            // a licence booked each July at about $1,460 every month. Seasonal naive repeats
            // the last year; with two seasons seen its backtest shows whether the postings keep
            // their months (its error 0 there, it takes the forecast: both lines then projected
            // on plan) or not, where it is one candidate among eight. Only for a ledger's amounts
            // (`ForecastSettings.calendarPostings`): there the hospital set's 767 series as ledger
            // lines scored MASE 0.7437 with it and without it, the spare parts (under two years)
            // 0.9911 either way, and without it the premium was projected at $10,246 a month.
            let postings: [any ForecastModel] = calendarPostings && season > 1 && count >= 2 * season ? [SeasonalNaiveModel()] : []
            return [CrostonModel(.sba, alpha: nil), TSBModel.optimized, CrostonModel(.classic, alpha: nil),
                    ADIDAModel(), IMAPAModel()] + movingAverage + [HistoricAverageModel()] + postings
        case .short:
            return [MovingAverageModel(window: 12)]
        case .zero:
            return [ZeroModel()]
        }
    }

    /// Forecasts a history from the start of its current regime (see `RegimeStart`): after a
    /// change of scale, fits and intervals follow the recent behaviour; after a step of level in
    /// the last periods (`LevelShift`), or an older one whose new level is still short (`MeanChange`), they are
    /// fitted to the history moved to the new level. Intermittent and
    /// lumpy demand has no such regimes: its changes come from when it is used, and a quiet
    /// month after use every ten days read as a calmer regime of nothing (forecast 0 with an
    /// interval of [0, 0] by day, while its months forecast 74.5). Nor has a history with one
    /// use or none (class short): its one change of scale is that use.
    ///
    /// Except a stop (`LevelShift.stop`): a run of empty periods longer than any before it and
    /// beyond chance by the series' own rate of empty periods, whatever class the empty run itself
    /// makes the history. An implant screw used 35 a week for 38 weeks, then not for 13 (95 days),
    /// read as intermittent (ADI 51/38 = 1.34 against 1.32), and its intermittent models forecast
    /// 0.28 a week (0.56 over 14 days, order 3 with stockout_risk) where 12 empty weeks (88 days,
    /// erratic) were forecast 0. Nor whatever class its use before the run makes it: an item
    /// issued ~18 a week a few times a month (lumpy by its weeks, a quarter of them empty), then
    /// not for 27 weeks, was left to its intermittent models, and their backtest, whose window
    /// follows the horizon, forecast 0.92 a week 8 weeks ahead and 8.94 a week 52 ahead. A stop
    /// is forecast 0 (`nothing(after:)`). Unless the empty run may be an off-season
    /// (`OffSeason`: less than a year since first use, and the use faded into the run): an
    /// antivenom used 2, 4, 6, 7, 5, 3, 2 vials Apr to Oct of its first year and idle since
    /// November was cut to 0 for the whole next season; it keeps its intermittent models (3.7 a
    /// month) and the gone-quiet note.
    public func forecast(_ history: [Double]) throws -> SeriesForecast {
        try history.withUnsafeBufferPointer { y in
            let demandClass = DemandClass(classifying: y)
            if demandClass.judgedOnRMSSE && settings.models == nil,
               !OffSeason.mayExplain(y, year: settings.year),
               let stopped = LevelShift.stopped(y, season: settings.season, shortestStop: settings.shortestStop) {
                var cut = try stopped.history.withUnsafeBufferPointer { try forecast($0) }
                cut.step = (y.count - stopped.start, true)
                return nothing(after: cut)
            }
            let regular = !demandClass.judgedOnRMSSE && demandClass != .short && demandClass != .zero
            let start = regular ? RegimeStart.index(in: y, season: settings.season) : 0
            let recent = UnsafeBufferPointer(rebasing: y[start...])
            // A step in the last few periods, which no backtest origin sees (`LevelShift`): the
            // models are fitted to the history moved to the new level. Models named by the user
            // get the history as it is.
            if regular && settings.models == nil, let shifted = LevelShift.adjusted(recent, season: settings.season, shortestStop: settings.shortestStop) {
                var moved = try shifted.history.withUnsafeBufferPointer { try forecast($0) }
                moved.step = (recent.count - shifted.start, recent[shifted.start...].allSatisfy { $0 == 0 })
                return nothing(after: moved)
            }
            return try forecast(recent)
        }
    }

    /// A stop's forecast (`SeriesForecast.step` a stop): nothing, with no band above it. The
    /// models fitted to the history moved to the stop, the old level's noise around 0 clipped at
    /// 0, kept a little: six empty months after ~80 a month were forecast 2.86, 2.12, 1.00, 3.33,
    /// ... (80% up to ~9, and a safety stock from it), and the note named 1.67 a month as if it
    /// were use. From `LevelShift.minimumAfter` empty periods, a step's own fewest, or the
    /// calendar's shortest stop if more: a stop of two months, the fewest that read as one, may
    /// be a backorder or a late posting and keeps what its models give (0 to a little; of the
    /// spare parts' three such stops, one used again at 1.3 a month was forecast 0.35, and at 0
    /// the set's RMSSE went from 0.81963 to 0.81965). Any other forecast is returned as it is.
    func nothing(after forecast: SeriesForecast) -> SeriesForecast {
        guard let step = forecast.step, step.stopped,
              step.periodsAgo >= max(LevelShift.minimumAfter, settings.shortestStop) else { return forecast }
        var cut = forecast
        let zeros = [Double](repeating: 0, count: forecast.mean.count)
        cut.mean = zeros
        cut.lower = forecast.lower.map { _ in zeros }
        cut.upper = forecast.upper.map { _ in zeros }
        cut.spread = zeros
        cut.model = "Zero"
        return cut
    }

    struct Member {
        var name: String
        var full: ModelForecast
        var backtest: [BacktestRun]
        var metrics: AccuracyMetrics?
        var weight = 0.0
    }

    struct BacktestRun {
        var end: Int
        var forecast: [Double]
    }

    public func forecast(_ y: UnsafeBufferPointer<Double>) throws -> SeriesForecast {
        let h = settings.horizon, m = settings.season
        let demandClass = DemandClass(classifying: y)
        // (Only where it can add a candidate: regular demand short of two seasons and of 24 points.)
        let trending = settings.models == nil && (demandClass == .smooth || demandClass == .erratic)
            && y.count < 2 * m && y.count < 24 && MonotoneTrend.isShown(in: y)
        // Short of two seasons, whether every backtest origin has a whole season before it.
        let regularAuto = settings.models == nil && (demandClass == .smooth || demandClass == .erratic)
        let shortOfTwoSeasons = regularAuto && m > 1 && y.count < 2 * m
        let seasonBeforeEveryOrigin = shortOfTwoSeasons && settings.backtestOrigins > 0 && backtestHorizon(count: y.count, minimumTrain: m) == h
            && backtestOrigins(count: y.count, minimumTrain: m).count == settings.backtestOrigins
            && SeasonShown.isShown(in: y, season: m, horizon: h)
        var pool = (settings.models ?? DemandForecaster.candidates(for: demandClass, season: m, longCycle: settings.longCycle, count: y.count, trending: trending,
                                                                   calendarPostings: settings.calendarPostings,
                                                                   seasonBeforeEveryOrigin: seasonBeforeEveryOrigin))
            .filter { y.count >= $0.minimumLength(season: m) }
        // Every model asked for needs more history than this: a moving average instead, and the
        // run's notes say so (`ModelsTooLong`; `--models seasonal_naive` on 6 weeks was
        // forecast by MovingAverage(6), which only the model column showed).
        let replacedModelsAsked = pool.isEmpty && settings.models != nil
        if pool.isEmpty { pool = [MovingAverageModel(window: 12)] }
        // A short level still ramping stands at its recent level (`ShortRamp`): its last period,
        // the mean of its last 2 or 3, or by day its recent weeks' weekdays.
        if settings.models == nil, settings.shortRampsAtLastLevel {
            if let seasons = ShortRamp.recentSeasons(in: y, season: m) {
                pool = [RecentLevelModel(periods: seasons * m, seasons: seasons)]
            } else if let k = ShortRamp.recentPeriods(in: y) {
                pool = [k == 1 ? NaiveModel() : RecentLevelModel(periods: k)]
            }
        }

        var needed = pool.map { $0.minimumLength(season: m) }.max() ?? 1
        // Candidates that need the whole history or more cannot be backtested at any horizon:
        // they are left out when the others can be, since a backtest is what weighs them.
        if backtestHorizon(count: y.count, minimumTrain: needed) == 0 {
            let judged = pool.filter { backtestHorizon(count: y.count, minimumTrain: $0.minimumLength(season: m)) > 0 }
            if !judged.isEmpty && judged.count < pool.count {
                pool = judged
                needed = pool.map { $0.minimumLength(season: m) }.max() ?? 1
            }
        }
        let backtestSteps = backtestHorizon(count: y.count, minimumTrain: needed)
        let origins = backtestOrigins(count: y.count, minimumTrain: needed, horizon: backtestSteps)
        var members: [Member] = []
        for model in pool {
            // A model's form (the ETS spec, MSTL's trend) is chosen once, on the data before the
            // earliest origin, and that form is backtested and then refitted on the whole
            // history. Reusing the form chosen on the whole history let the backtest see the
            // future and flattered ETS; searching twice (for the backtest and for the forecast)
            // cost 1.7x the time for the same accuracy (hospital MASE 0.739 either way).
            let variant = try origins.first.map { try model.backtestVariant(selectingOn: UnsafeBufferPointer(rebasing: y[0..<$0]), season: m) } ?? model
            guard let full = try variant.forecast(y, horizon: h, season: m) else { continue }
            var runs: [BacktestRun] = []
            for end in origins {
                let steps = min(backtestSteps, y.count - end)
                guard let f = try variant.forecast(UnsafeBufferPointer(rebasing: y[0..<end]), horizon: steps, season: m) else { break }
                runs.append(BacktestRun(end: end, forecast: clip(f.mean)))
            }
            // A candidate that could not be backtested at every origin is not comparable.
            let complete = runs.count == origins.count
            members.append(Member(name: model.name, full: full, backtest: complete ? runs : [],
                                  metrics: complete ? score(runs, y) : nil))
        }
        if members.isEmpty, let fallback = try MovingAverageModel(window: 12).forecast(y, horizon: h, season: m) {
            members.append(Member(name: "moving_average", full: fallback, backtest: [], metrics: nil))
        }

        DemandForecaster.weigh(&members, history: y, judgedOnRMSSE: demandClass.judgedOnRMSSE)
        var used = members.filter { $0.weight > 0 }
        // Members with no spread of their own (Croston-type rates) take those of the others: they
        // forecast the same series' level, and the spread around it is the series' more than the
        // rate method's. So the spread of the members that have one is averaged over their
        // weights, whatever share they hold; `calibrated` then scales it by the combination's own
        // backtest errors. Skipping it whenever one member lacked a spread fell back to the raw
        // backtest spread, which left intervals and safety stock too wide; so did it below half
        // the weight, where it was the combination's backtest errors per horizon, two or three
        // each (`withBacktestSpread`). When no member has a spread, each takes its backtest's.
        if !used.contains(where: { $0.full.standardDeviation != nil }) { used = used.map { DemandForecaster.withBacktestSpread($0, history: y, season: m) } }

        let mean = clip((0..<h).map { k in used.reduce(0) { $0 + $1.weight * $1.full.mean[k] } })
        let withSD = used.compactMap { m in m.full.standardDeviation.map { (m.weight, $0) } }
        let sdWeight = withSD.reduce(0) { $0 + $1.0 }
        let averageSD: [Double]? = !withSD.isEmpty && sdWeight > 0
            ? (0..<h).map { k in withSD.reduce(0) { $0 + $1.0 * $1.1[k] } / sdWeight } : nil
        // A new item's few points give no usable error spread; a count distribution around
        // its mean still gives honest intervals.
        // So does intermittent and lumpy demand, whatever its members: a combination of Croston's
        // rates with the means had normal intervals around the mean, whose tail is too short
        // for counts (3,000 spare parts, intermittent class: 95% coverage 0.933 against 0.969
        // for SBA alone with its count distribution). Not around a mean of zero (a moving
        // average over a quiet spell): that distribution is all zeros, while the members' spread
        // still says the use every ten days may come back.
        // Not for smooth or erratic demand, though Croston's rate alone makes its forecast: its
        // sizes come nearly every period, and their spread is the series' own, which a count
        // distribution knows nothing of. A daily census of 27 +- 1.3 on a 30-bed unit, Croston
        // alone, got the Poisson-like band of 20 to 34 at 80% (17 to 38 at 95%, beyond its beds).
        let countModel = settings.valuesAreCounts && (demandClass == .short
            || demandClass.judgedOnRMSSE && (used.allSatisfy(\.full.isCountModel) || mean.allSatisfy { $0 > 0 }))
        let label = used.count == 1 ? used[0].full.label
            : "Combo(" + used.map { "\($0.full.label) \(NumberFormat.percent($0.weight))" }.joined(separator: ", ") + ")"

        var combinedRuns: [BacktestRun] = []
        if used.count > 1, used.allSatisfy({ $0.backtest.count == origins.count }), !origins.isEmpty {
            combinedRuns = origins.indices.map { o in
                BacktestRun(end: origins[o], forecast: (0..<used[0].backtest[o].forecast.count).map { k in
                    used.reduce(0) { $0 + $1.weight * $1.backtest[o].forecast[k] }
                })
            }
        }
        let backtestRuns = combinedRuns.isEmpty ? used.map(\.backtest) : [combinedRuns]
        // Amounts seen fewer than three times have no changes to measure a spread by: a line
        // posted once may be a one-off or the first of many, at even odds the next month is
        // the amount or nothing, whose standard deviation is half the amount (without it, a
        // single posting had a range of zero width).
        // So has a single period of any values: a new site's part first month read at its days'
        // rate (960 over 24 days, 1,240 for October; not a whole count) was forecast with an
        // interval of zero width, 1,200 to 1,200. (Whole counts keep their count distribution.)
        let seenTooLittle = !settings.valuesAreCounts && y.count < 3 || y.count == 1
        let sd = seenTooLittle ? mean.map { abs($0) / 2 } : calibrated(averageSD, by: combinedRuns, history: y)
        let (lower, upper) = intervals(mean: mean, sd: sd, countModel: countModel, history: y, backtests: backtestRuns, statedSpread: seenTooLittle)
        let dispersion = CountDistribution.dispersion(of: y)
        let spread = countModel ? mean.map { ($0 * dispersion).squareRoot() } : (sd ?? empiricalSpread(backtestRuns, history: y))
        var accuracy = members.compactMap { member -> CandidateAccuracy? in
            guard let metrics = member.metrics else { return nil }
            return CandidateAccuracy(model: member.name, metrics: metrics, origins: member.backtest.count,
                                     chosen: used.count == 1 && member.weight > 0, weight: member.weight)
        }
        if let metrics = score(combinedRuns, y) {
            accuracy.append(CandidateAccuracy(model: "combination", metrics: metrics, origins: combinedRuns.count, chosen: true, weight: 1))
        }
        var forecast = SeriesForecast(mean: mean, lower: lower, upper: upper, spread: spread, model: label, demandClass: demandClass, candidates: accuracy,
                                      backtestHorizon: origins.isEmpty ? 0 : backtestSteps)
        forecast.replacedModelsAsked = replacedModelsAsked
        if shortOfTwoSeasons { forecast.shortOfTwoSeasons = y.count }
        return forecast
    }

    /// A member without a spread of its own (Croston, SBA, TSB, ADIDA, IMAPA: rates with no
    /// error model), in a combination where no member has one, takes the root mean squared
    /// error of its backtest, pooled over every origin and step, and of its forecast against
    /// each value of the history, at every horizon. The combination's backtest errors per
    /// horizon, two or three each, were its spread before: 200 items of the same weekly demand
    /// (standard deviation 10.5) got next weeks' spreads from 2.1 to 18.4, one item ±2.7 next
    /// week and ±21 the week after, and safety stock from 12.4 to 36.3 units where 24.5 was
    /// right. The backtest's errors alone were too few on a short history: 8 months of 86 to
    /// 117 (standard deviation 10.1) backtested 2 months ahead from one origin got an 80%
    /// interval of [100.0, 101.5].
    ///
    /// The history's values are those of its recent part alone: the backtest's span, or the
    /// last `recentSpan` periods when that is longer. Against the whole history, a census of
    /// 18 a day for seven months and 27 for the five since a change of beds (standard deviation
    /// 1.27 since) took a spread of 6.9 from the old level, an 80% interval of +-8.8.
    static func withBacktestSpread(_ member: Member, history y: UnsafeBufferPointer<Double>, season: Int) -> Member {
        guard member.full.standardDeviation == nil, !member.backtest.isEmpty else { return member }
        var sum = 0.0, count = 0
        for run in member.backtest {
            for (k, f) in run.forecast.enumerated() where run.end + k < y.count {
                let e = y[run.end + k] - f
                sum += e * e
                count += 1
            }
        }
        if let level = member.full.mean.first {
            let firstOrigin = member.backtest.map(\.end).min() ?? 0
            for t in max(0, min(firstOrigin, y.count - recentSpan(season: season)))..<y.count {
                sum += (y[t] - level) * (y[t] - level)
                count += 1
            }
        }
        guard count > 0, sum.isFinite else { return member }
        var member = member
        member.full.standardDeviation = Array(repeating: (sum / Double(count)).squareRoot(), count: member.full.mean.count)
        return member
    }

    /// The fewest recent periods whose values give a member without a spread its spread
    /// (`withBacktestSpread`): two seasons, and two years of months at least.
    static func recentSpan(season: Int) -> Int { max(2 * season, 24) }

    /// How clearly a candidate must lose to the best to be left out when the backtest is short:
    /// the t statistic of the mean of their paired loss differences. Errors of one backtest's
    /// steps are correlated, so the statistic is generous and the bar high.
    static let exclusionT = 5.0

    /// Backtests that forecast at least this many distinct periods are long enough for a
    /// Diebold-Mariano test (the asymptotic normal test of equal accuracy, with a long-run
    /// variance), which then decides who is left out. Thirty is the usual floor for a normal
    /// approximation; daily data (28 days ahead from 3 origins: 46 periods) reach it, monthly and
    /// weekly backtests (20 and 12 periods) do not.
    static let minimumTestedPeriods = 30

    /// The one-sided 5% point of the standard normal: a candidate whose Diebold-Mariano statistic
    /// exceeds it loses to the best at the 5% level.
    static let exclusionZ = 1.645

    /// How much larger than the best's a candidate's backtest error must be before a long
    /// backtest's test may leave it out: the test says a difference is real, not that it
    /// matters, and a long backtest finds tiny ones real. A daily census after a change of
    /// beds, 28 days ahead: ETS's MASE 0.709 against Croston's 0.688 (3% apart) passed the
    /// test, as did every other candidate, so Croston alone made the forecast from 21 days
    /// ahead on, while at 14 days (a backtest too short for the test) five candidates shared
    /// it: the model, and with it the interval, changed with the horizon asked for. Ten
    /// percent keeps ETS there (weighed 0.94 of Croston by the errors' squared ratio) and
    /// still leaves out the weekly seasonal naive the test was brought in for (a pharmacy's
    /// drug classes: MASE 1.08 against 0.77, 40% apart).
    static let exclusionMargin = 0.10

    /// Combination weights from the backtest. The candidate with the lowest error (`metric`) is
    /// the reference; a candidate measurably worse than the reference (`measurablyWorse`) gets no
    /// weight: a share for it only adds error. The others get weights inversely proportional
    /// to their squared errors (Bates and Granger 1969's inverse mean squared error when judged
    /// on RMSSE); inverse errors kept a share near the best's for clearly worse candidates
    /// (alone, this change took the hospital set's MASE from 0.749 to 0.748 and the bike set's
    /// from 1.230 to 1.226). So a long backtest (daily data: many steps) separates the
    /// candidates, while a short, noisy one (18 months of spare parts) keeps them all, near equal.
    /// Equal weights when there is no backtest to go by.
    static func weigh(_ members: inout [Member], history y: UnsafeBufferPointer<Double>, judgedOnRMSSE: Bool) {
        let errors = members.map { m in m.metrics.map { judgedOnRMSSE ? $0.rmsse : $0.mase } ?? .nan }
        let scored = members.indices.filter { errors[$0].isFinite }
        guard let best = scored.min(by: { errors[$0] < errors[$1] }) else {
            for i in members.indices { members[i].weight = 1 / Double(members.count) }
            return
        }
        let floor = max(errors[best], 1e-3)
        for i in scored {
            let worseBy = errors[i] / max(errors[best], 1e-12)
            guard i == best || !measurablyWorse(members[i].backtest, than: members[best].backtest, history: y, squared: judgedOnRMSSE,
                                                errorRatio: worseBy) else { continue }
            let ratio = floor / max(errors[i], 1e-3)
            members[i].weight = ratio * ratio
        }
        let total = members.reduce(0) { $0 + $1.weight }
        for i in members.indices { members[i].weight /= total }
    }

    /// Whether `runs` lose to `reference` measurably: their losses (squared errors when judged on
    /// RMSSE, absolute ones on MASE) are compared period by period.
    ///
    /// A long backtest is judged by the Diebold-Mariano test (Diebold and Mariano 1995): the loss
    /// differences are averaged per forecast period (overlapping origins forecast the same periods
    /// more than once), and their mean is divided by its Newey-West standard error (Bartlett
    /// weights, lag 4(T/100)^(2/9)), which allows for the correlation of neighbouring periods'
    /// errors; the candidate is left out when that exceeds `exclusionZ`. On daily data the t
    /// statistic below, bar 5, had kept 8-28% for the weekly seasonal naive (alone MASE 1.08
    /// against 0.77) in 38 of 48 combinations of a pharmacy's 8 daily drug classes (Kaggle's
    /// "Pharma sales data", 6 origins, 28 days ahead). With the test the combination's MASE went
    /// from 0.772 to 0.766 (AutoETS 0.767), two years of bike rentals from 1.179 to 1.149 and the
    /// short daily windows from 1.632 to 1.620; Italy's five years of census went from 0.156 to
    /// 0.163 (8 forecasts).
    ///
    /// A short backtest is too short for the test's variance: on the hospital set it left out
    /// candidates that helped (MASE 0.740 -> 0.746). There the mean difference's t statistic over
    /// every step must exceed `exclusionT`.
    /// `errorRatio`: the candidate's backtest error over the reference's; the test leaves out
    /// only candidates beyond `exclusionMargin`.
    static func measurablyWorse(_ runs: [BacktestRun], than reference: [BacktestRun], history y: UnsafeBufferPointer<Double>, squared: Bool,
                                errorRatio: Double = .infinity) -> Bool {
        guard let first = runs.map(\.end).min(), first < y.count else { return false }
        // Periods are only tallied when there can be enough of them for the test.
        let span = y.count - first >= minimumTestedPeriods ? y.count - first : 0
        var perPeriod = [Double](repeating: 0, count: span), counts = [Int](repeating: 0, count: span)
        var sum = 0.0, sumSquares = 0.0, count = 0
        for (run, base) in zip(runs, reference) {
            for k in 0..<min(run.forecast.count, base.forecast.count) where run.end + k < y.count {
                let a = y[run.end + k]
                let e = run.forecast[k] - a, r = base.forecast[k] - a
                let d = squared ? e * e - r * r : abs(e) - abs(r)
                if span > 0 {
                    perPeriod[run.end + k - first] += d
                    counts[run.end + k - first] += 1
                }
                sum += d
                sumSquares += d * d
                count += 1
            }
        }
        let differences = zip(perPeriod, counts).compactMap { $0.1 > 0 ? $0.0 / Double($0.1) : nil }
        if differences.count >= minimumTestedPeriods {
            return errorRatio > 1 + exclusionMargin && dieboldMariano(differences) > exclusionZ
        }
        guard count > 1 else { return false }
        let n = Double(count)
        let mean = sum / n
        let variance = max(0, (sumSquares - n * mean * mean) / (n - 1))
        guard variance > 0 else { return mean > 0 }
        return mean / (variance / n).squareRoot() > exclusionT
    }

    /// The Diebold-Mariano statistic of a series of loss differences: their mean over its
    /// Newey-West standard error (Bartlett kernel, lag 4(T/100)^(2/9), Newey and West 1994).
    /// Positive when the first forecast loses.
    static func dieboldMariano(_ d: [Double]) -> Double {
        let t = d.count
        let n = Double(t)
        let mean = d.reduce(0, +) / n
        let lags = min(t - 1, Int(4 * pow(n / 100, 2.0 / 9)))
        var variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        if lags > 0 {
            for lag in 1...lags {
                var covariance = 0.0
                for i in lag..<t { covariance += (d[i] - mean) * (d[i - lag] - mean) }
                variance += 2 * (1 - Double(lag) / Double(lags + 1)) * covariance / n
            }
        }
        // Differences that are one constant leave only rounding in the variance.
        guard variance > 1e-12 * mean * mean else { return mean > 0 ? .infinity : 0 }
        return mean / (variance / n).squareRoot()
    }

    /// A combination's spread, scaled by how its own backtest errors compared with it.
    ///
    /// The members' standard deviations are averaged with the weights, which is the spread of
    /// the combination only if their errors were perfectly correlated; they are not, so the
    /// average is too wide (on the 767 hospital series the 80% intervals held 85.6% of the
    /// actuals), and safety stock built on it overshoots its fill rate. The ratio of the
    /// combination's backtest squared errors to the spread's variance at the same horizons
    /// measures it; with a handful of origins it is shrunk halfway (in variance) towards 1.
    func calibrated(_ sd: [Double]?, by runs: [BacktestRun], history y: UnsafeBufferPointer<Double>) -> [Double]? {
        guard let sd, !runs.isEmpty else { return sd }
        var errors = 0.0, expected = 0.0
        for run in runs {
            for (k, f) in run.forecast.enumerated() where k < sd.count && run.end + k < y.count {
                errors += (y[run.end + k] - f) * (y[run.end + k] - f)
                expected += sd[k] * sd[k]
            }
        }
        guard expected > 0, errors.isFinite else { return sd }
        let scale = ((errors / expected + 1) / 2).squareRoot()
        return sd.map { $0 * scale }
    }

    /// How many periods ahead the backtest forecasts: the horizon, or fewer when the horizon
    /// leaves no origin with the history the candidates need (`minimumTrain`); 0 when even one
    /// period leaves none.
    ///
    /// Two years of a seasonal item forecast 18 months ahead leave 6 months before the last
    /// full-horizon origin: seasonal naive and ETS's seasonal forms were dropped for it, and a
    /// swing from 160 in January to 40 in July came out flat at 114 (at 12 months ahead, 160
    /// and 40). With no origin at all every candidate had an equal weight: a straight line of
    /// +10 a month came out 12% below its last value at 31 months ahead, where at 30 it was on
    /// the line. The nearer periods' errors still tell the candidates apart.
    /// `ForecastSettings.backtestSteps`, when given, stands for the horizon here.
    func backtestHorizon(count n: Int, minimumTrain needed: Int) -> Int {
        max(0, min(settings.horizon, settings.backtestSteps ?? settings.horizon, n - max(needed, DemandClass.minimumHistory)))
    }

    /// Training ends for the rolling origins: the last origin forecasts the final `horizon`
    /// periods (`settings.horizon` unless given), earlier ones step back by a fraction of the
    /// horizon. Origins that would leave too little history are dropped.
    func backtestOrigins(count n: Int, minimumTrain needed: Int = 1, horizon: Int? = nil) -> [Int] {
        let k = settings.backtestOrigins
        let h = horizon ?? settings.horizon
        guard k > 0, h > 0 else { return [] }
        let step = max(1, h / k)
        // What the candidates need (seasonal models that need more fall back to their
        // non-seasonal forms at early origins, so weekly series with two years still get a
        // backtest), and never less than a new item's history: a short monthly history of
        // non-seasonal intermittent candidates is backtested although it holds no two seasons.
        let minimumTrain = max(needed, DemandClass.minimumHistory)
        return (0..<k).reversed().map { n - h - $0 * step }.filter { $0 >= minimumTrain }
    }

    /// Mean of the per-origin metrics.
    func score(_ runs: [BacktestRun], _ y: UnsafeBufferPointer<Double>) -> AccuracyMetrics? {
        guard !runs.isEmpty else { return nil }
        var total = AccuracyMetrics(mase: 0, smape: 0, wape: 0, bias: 0, rmsse: 0)
        for run in runs {
            let actual = Array(y[run.end..<(run.end + run.forecast.count)])[...]
            let m = AccuracyMetrics(actual: actual, forecast: run.forecast[...], history: UnsafeBufferPointer(rebasing: y[0..<run.end]), season: settings.season)
            total.mase += m.mase; total.smape += m.smape; total.wape += m.wape; total.bias += m.bias; total.rmsse += m.rmsse
        }
        let n = Double(runs.count)
        return AccuracyMetrics(mase: total.mase / n, smape: total.smape / n, wape: total.wape / n, bias: total.bias / n, rmsse: total.rmsse / n)
    }

    func clip(_ values: [Double]) -> [Double] {
        settings.nonNegative ? values.map { $0.isFinite ? max(0, $0) : 0 } : values.map { $0.isFinite ? $0 : 0 }
    }

    /// Intervals from the models' standard deviations (Student's t); a count distribution for
    /// count models on whole-number histories; backtest errors when a model has neither.
    ///
    /// `statedSpread`: the spread is the rule for too little history (half the forecast), not an
    /// estimate from it, so the normal's quantile applies, not Student's t on the history's
    /// degrees of freedom: one period has none (taken as 1), and a new site's only month, read
    /// at 1,200, got an 80% interval of 0 to 3,047 and a 95% one of 0 to 8,824 (t's 3.08 and
    /// 12.7 standard deviations of 600) where the note promised half the forecast's spread:
    /// 431 to 1,969 and 24 to 2,376.
    func intervals(mean: [Double], sd: [Double]?, countModel: Bool, history y: UnsafeBufferPointer<Double>,
                   backtests: [[BacktestRun]], statedSpread: Bool = false) -> ([[Double]], [[Double]]) {
        var lower: [[Double]] = [], upper: [[Double]] = []
        let integral = y.allSatisfy { $0 == $0.rounded() && $0 >= 0 }
        let spread = sd ?? empiricalSpread(backtests, history: y)
        let dispersion = CountDistribution.dispersion(of: y)
        for level in settings.levels {
            let p = 0.5 + level / 200
            var lo = [Double](), hi = [Double]()
            if countModel && integral {
                for mu in mean {
                    let d = CountDistribution(mean: mu, dispersion: dispersion)
                    lo.append(d.quantile(1 - p))
                    hi.append(d.quantile(p))
                }
            } else {
                // Student's t with the history's degrees of freedom, not the normal's z: the spread
                // is itself estimated from the history, and short of a few dozen points the normal
                // quantile is too narrow (hospital.csv cut to its last 13 months, a year ahead: 80%
                // and 95% coverage 0.720 and 0.879 -> 0.744 and 0.906, Winkler scores 4.73 -> 4.70
                // and 7.51 -> 7.16; 72 months 0.831 and 0.951 -> 0.834 and 0.954, Winkler within
                // 0.2%; spare parts' smooth months 0.750 -> 0.775 at 80%).
                let z = statedSpread ? gsl_cdf_ugaussian_Pinv(p) : gsl_cdf_tdist_Pinv(p, Double(max(1, y.count - 1)))
                for k in mean.indices {
                    let s = k < spread.count ? spread[k] : (spread.last ?? 0)
                    lo.append(mean[k] - z * s)
                    hi.append(mean[k] + z * s)
                }
            }
            lower.append(clip(lo))
            upper.append(clip(hi))
        }
        return (lower, upper)
    }

    /// Root mean squared backtest error per horizon (never shrinking with the horizon),
    /// falling back to the naive one-step spread growing with the square root of the horizon.
    func empiricalSpread(_ backtests: [[BacktestRun]], history y: UnsafeBufferPointer<Double>) -> [Double] {
        let h = settings.horizon
        var sums = [Double](repeating: 0, count: h), counts = [Int](repeating: 0, count: h)
        for runs in backtests {
            for run in runs {
                for (k, f) in run.forecast.enumerated() where run.end + k < y.count {
                    let e = y[run.end + k] - f
                    sums[k] += e * e
                    counts[k] += 1
                }
            }
        }
        var oneStep = 0.0
        if y.count > 1 {
            var s = 0.0
            for t in 1..<y.count { s += (y[t] - y[t - 1]) * (y[t] - y[t - 1]) }
            oneStep = (s / Double(y.count - 1)).squareRoot()
        }
        var result = [Double]()
        var previous = 0.0
        for k in 0..<h {
            let v = counts[k] > 0 ? (sums[k] / Double(counts[k])).squareRoot() : oneStep * Double(k + 1).squareRoot()
            previous = max(v, previous)
            result.append(previous)
        }
        return result
    }
}
