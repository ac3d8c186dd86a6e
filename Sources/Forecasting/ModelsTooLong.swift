import Tabular

/// The series too short for every model asked for (`--models`, `models:`), counted with the
/// first few named, for the run's note: each was forecast by a moving average instead
/// (`SeriesForecast.replacedModelsAsked`). `--models seasonal_naive` on a 6-week series (its
/// season 52 needs 52 weeks) was forecast by MovingAverage(6), which only the model column
/// showed.
public struct ModelsTooLong: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [String] = []
    /// The models asked for and the shortest history any of them takes.
    let asked: String
    let needed: Int

    /// `models` as the settings hold them (nil: auto, which never replaces anything), and the
    /// season they are fitted with.
    public init(models: [any ForecastModel]?, season: Int) {
        asked = models?.map(\.name).joined(separator: ",") ?? ""
        needed = models?.map { $0.minimumLength(season: season) }.min() ?? 0
    }

    /// Counts `forecast` of series `key`, fitted on `history`, when it replaced the models asked.
    public mutating func see(_ key: String, _ forecast: SeriesForecast, history: [Double]) {
        guard forecast.replacedModelsAsked else { return }
        count += 1
        if examples.count < 3 { examples.append("\(key): \(history.count)") }
    }

    /// "2 series are shorter than the models asked for take (...)", or nil when none is;
    /// `option` spells the setting (`--models`, `models:`).
    public func note(option: String) -> String? {
        guard count > 0 else { return nil }
        let one = count == 1
        return "\(one ? "1 series is" : "\(count) series are") shorter than \(option) \(asked) takes (\(needed) periods at the least; "
            + examples.listed(of: count) + " periods): \(one ? "it was" : "they were") forecast by a moving average instead (the model column says which); a shorter season, or more history, lets \(asked) fit"
    }
}
