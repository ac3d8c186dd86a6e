/// What every model hands back: point forecasts and, where the model has one, the
/// standard deviation of each horizon's forecast error.
public struct ModelForecast: Sendable {
    public var mean: [Double]
    /// Standard deviation of the h-step error for h = 1...horizon; nil when the model has
    /// no analytic form and intervals must come from backtest errors.
    public var standardDeviation: [Double]?
    /// Information criterion for choosing within a family (ETS uses AICc); nil when not comparable.
    public var aicc: Double?
    /// Model-specific label for output, e.g. `ETS(M,Ad,M)`.
    public var label: String
    /// Counts models describe intervals with a count distribution rather than a normal one.
    public var isCountModel = false

    public init(mean: [Double], standardDeviation: [Double]? = nil, aicc: Double? = nil, label: String, isCountModel: Bool = false) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.aicc = aicc
        self.label = label
        self.isCountModel = isCountModel
    }
}

/// One forecasting method with the statsforecast-like shape: history in, forecast out.
///
/// Models are small value types; adding one touches its own file and one line of
/// `ModelRegistry`. Fitting and forecasting happen in one call because every use here
/// (selection, backtests, production forecasts) fits on a history and forecasts once. A
/// backtest calls the same `forecast` on the data before its origin, so a model that chooses
/// among variants (ETS by AICc) chooses again there, from that data alone.
public protocol ForecastModel: Sendable {
    /// Name used on the command line and in outputs (`ets`, `theta`, `croston`, ...).
    var name: String { get }
    /// Fewest observations the model needs for a season length.
    func minimumLength(season: Int) -> Int
    /// Fits on `history` and forecasts `horizon` periods; nil when the model cannot fit it.
    func forecast(_ history: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast?
    /// The model to refit at every backtest origin, chosen from `history`: the data before the
    /// earliest origin, which every origin has seen. A model that searches among variants (ETS
    /// by AICc) searches once there and fixes the variant, so a backtest costs one search and a
    /// fit per origin, and no origin's model was chosen with data from after it.
    func backtestVariant(selectingOn history: UnsafeBufferPointer<Double>, season: Int) throws -> any ForecastModel
}

extension ForecastModel {
    public func backtestVariant(selectingOn history: UnsafeBufferPointer<Double>, season: Int) throws -> any ForecastModel { self }
}

extension ForecastModel {
    /// Convenience for callers holding an array.
    public func forecast(_ history: [Double], horizon: Int, season: Int) throws -> ModelForecast? {
        try history.withUnsafeBufferPointer { try forecast($0, horizon: horizon, season: season) }
    }
}

/// Residual standard deviation with `parameters` degrees of freedom used.
func residualSigma(_ sumOfSquares: Double, count: Int, parameters: Int) -> Double {
    let dof = max(1, count - parameters)
    return (sumOfSquares / Double(dof)).squareRoot()
}
