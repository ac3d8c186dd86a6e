/// What a forecasting run is asked for.
public struct ForecastSettings: Sendable {
    public var horizon: Int
    /// Season length in periods; 1 for none.
    public var season: Int
    /// Interval levels in percent, e.g. [80, 95].
    public var levels: [Double]
    /// Rolling-origin backtest origins used to choose among candidates (and reported).
    public var backtestOrigins: Int
    /// Fixed candidate models; nil routes each series to candidates by demand class.
    public var models: [any ForecastModel]?
    /// Demand cannot be negative: forecasts and interval bounds are clipped at zero.
    public var nonNegative: Bool
    /// A second, longer seasonal cycle in periods (the year of daily data, `Frequency.longCycle`);
    /// nil for none.
    public var longCycle: Double?
    /// A year in periods: the long cycle of daily data (365 days), else the season (52 weeks,
    /// 12 months). Where a history shorter than this from first use ends empty, its idle
    /// spell may be a season's (`OffSeason`).
    public var year: Int { longCycle.map { Int($0) } ?? season }
    /// The values count things (units used, patient days), so a count distribution may give a
    /// short or intermittent history its spread. False for amounts of money and rates, whose
    /// count-model spread depends on the unit they are written in: a flat $10 per patient day
    /// came out +-40% (in cents it would have been +-4%).
    public var valuesAreCounts: Bool
    /// The series are amounts booked on a calendar (a ledger's lines), whose intermittent ones
    /// may be postings that come back on the same months: seasonal naive joins the candidates of
    /// intermittent and lumpy series once two seasons are seen (`DemandForecaster.candidates`).
    public var calendarPostings: Bool
    /// The fewest empty periods at the end of a history never empty before that read as a stop
    /// (`LevelShift.stop`): `Frequency.shortestStop` of the periods; `LevelShift.minimumAfter`
    /// (3) where the caller does not say, as a step of level needs.
    public var shortestStop: Int
    /// How many periods ahead the backtest that weighs the candidates forecasts, when it must
    /// not follow the horizon (never more than the horizon); nil: the horizon. A budget's
    /// rolling forecast asked for more quarters past the fiscal year end backtested further
    /// ahead, which reweighed the candidates and moved the current year's months: ICU's January
    /// 243,812.14 with 2 quarters, 244,204.74 with 8, the projected year $7,040 apart.
    public var backtestSteps: Int?
    /// The series are levels (a census): a history too short to classify that moves the same
    /// way every period (`ShortRamp`) is forecast at its last period, not at its mean.
    public var shortRampsAtLastLevel = false

    public init(horizon: Int, season: Int, levels: [Double] = [80, 95], backtestOrigins: Int = 3,
                models: [any ForecastModel]? = nil, nonNegative: Bool = true, longCycle: Double? = nil, valuesAreCounts: Bool = true,
                calendarPostings: Bool = false, shortestStop: Int = LevelShift.minimumAfter, backtestSteps: Int? = nil) {
        self.backtestSteps = backtestSteps
        self.shortestStop = shortestStop
        self.calendarPostings = calendarPostings
        self.longCycle = longCycle
        self.valuesAreCounts = valuesAreCounts
        self.horizon = horizon
        self.season = season
        self.levels = levels
        self.backtestOrigins = backtestOrigins
        self.models = models
        self.nonNegative = nonNegative
    }
}

/// The forecast of one series with what explains it.
public struct SeriesForecast: Sendable {
    public var mean: [Double]
    /// Per requested level, in the order of `ForecastSettings.levels`.
    public var lower: [[Double]]
    public var upper: [[Double]]
    /// Standard deviation of each horizon's forecast error, as used for the intervals
    /// (for count models, that of the count distribution); planning uses it for safety stock.
    public var spread: [Double]
    /// Label of the model or combination that produced `mean`.
    public var model: String
    public var demandClass: DemandClass
    /// Backtest results of every candidate.
    public var candidates: [CandidateAccuracy]
    /// How many periods ahead the backtest forecast: the horizon, fewer when the history is too
    /// short for a backtest of the whole horizon (`DemandForecaster.backtestHorizon`), 0 without one.
    public var backtestHorizon: Int
    /// Set when every model asked for (`--models`) needs a longer history than the series has,
    /// so a moving average forecast it instead (`ModelsTooLong` says so in the run's notes).
    public var replacedModelsAsked = false
    /// The periods of history fitted, when they are fewer than two seasons and the automatic
    /// candidates of regular demand therefore left the season's fits out
    /// (`DemandForecaster.candidates`); nil otherwise. For the run's note (`SeasonsShort`).
    public var shortOfTwoSeasons: Int?
    /// Set when the models were fitted to the history moved to a new level (`LevelShift`,
    /// `MeanChange`) or cut at a stop: how many periods ago the step was, and whether it was a
    /// stop (the last periods empty). For the run's note (`LevelSteps`).
    public var step: (periodsAgo: Int, stopped: Bool)?

    public init(mean: [Double], lower: [[Double]], upper: [[Double]], spread: [Double], model: String,
                demandClass: DemandClass, candidates: [CandidateAccuracy] = [], backtestHorizon: Int = 0) {
        self.backtestHorizon = backtestHorizon
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.spread = spread
        self.model = model
        self.demandClass = demandClass
        self.candidates = candidates
    }

    /// The forecast from step `n` on: for a plan that starts `n` periods after the history
    /// ends (a count taken days after the usage export's last day).
    public func dropping(first n: Int) -> SeriesForecast {
        guard n > 0 else { return self }
        var later = SeriesForecast(mean: Array(mean.dropFirst(n)), lower: lower.map { Array($0.dropFirst(n)) }, upper: upper.map { Array($0.dropFirst(n)) },
                                   spread: Array(spread.dropFirst(n)), model: model, demandClass: demandClass, candidates: candidates,
                                   backtestHorizon: backtestHorizon)
        later.replacedModelsAsked = replacedModelsAsked
        later.shortOfTwoSeasons = shortOfTwoSeasons
        later.step = step
        return later
    }
}

/// How one candidate did in the rolling-origin backtest.
public struct CandidateAccuracy: Sendable {
    public var model: String
    public var metrics: AccuracyMetrics
    public var origins: Int
    public var chosen: Bool
    /// Share of this candidate in the forecast (1 for the combination itself), so callers and
    /// tests can check the weights against the backtest errors without parsing the label.
    public var weight: Double
}
