import Tabular

/// The series whose forecast followed a step of level in their history (`SeriesForecast.step`),
/// counted with the first few named, for the run's note. Stops are `SeriesGoneQuiet`'s.
///
/// The models are fitted to the history before a step moved to the new level (`LevelShift`,
/// `MeanChange`): a weekly census after a unit closed 10 of its 30 beds was forecast 118.9 with
/// an 80% band of [114.0, 123.8], where its 54 weeks as recorded average 163. Without a word
/// the analyst, who sees the recorded history, cannot tell why the forecast ignores most of it.
public struct LevelSteps: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [String] = []
    let frequency: Frequency

    public init(frequency: Frequency) { self.frequency = frequency }

    public mutating func see(_ key: String, _ forecast: SeriesForecast) {
        guard let step = forecast.step, !step.stopped else { return }
        count += 1
        if examples.count < 3 { examples.append("\(key): \(step.periodsAgo)") }
    }

    /// "1 series changed level and is forecast from the new one: the history before the step
    /// was moved to the new level for the fits and intervals (step how many weeks ago: 6N-ORTHO:
    /// 15)", or nil when none did.
    public var note: String? {
        guard count > 0 else { return nil }
        let one = count == 1
        return "\(one ? "1 series changed" : "\(count) series changed") level and \(one ? "is" : "are") forecast from the new one: "
            + "the history before the step was moved to the new level for the fits and intervals (step how many \(frequency.rawValue)s ago: "
            + examples.listed(of: count) + "); if the change did not last, plan on the history as recorded"
    }
}
