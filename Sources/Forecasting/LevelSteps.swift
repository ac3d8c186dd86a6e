import Tabular

/// The series whose forecast followed a step in their history (`SeriesForecast.step`), counted
/// with the first few named, for the run's note.
///
/// The models are fitted to the history before a step moved to the new level (`LevelShift`,
/// `MeanChange`): a weekly census after a unit closed 10 of its 30 beds was forecast 118.9 with
/// an 80% band of [114.0, 123.8], where its 54 weeks as recorded average 163. Without a word
/// the analyst, who sees the recorded history, cannot tell why the forecast ignores most of it.
/// A stop forecast 0 is named too: `SeriesGoneQuiet` names only the series still forecast
/// above zero.
public struct LevelSteps: Sendable, Equatable {
    public private(set) var steps = 0
    public private(set) var stops = 0
    public private(set) var stepExamples: [String] = []
    public private(set) var stopExamples: [String] = []
    let frequency: Frequency

    public init(frequency: Frequency) { self.frequency = frequency }

    public mutating func see(_ key: String, _ forecast: SeriesForecast) {
        guard let step = forecast.step else { return }
        if step.stopped {
            guard !forecast.mean.contains(where: { $0 > 0 }) else { return }
            stops += 1
            if stopExamples.count < 3 { stopExamples.append("\(key): \(step.periodsAgo)") }
        } else {
            steps += 1
            if stepExamples.count < 3 { stepExamples.append("\(key): \(step.periodsAgo)") }
        }
    }

    /// "1 series changed level and is forecast from the new one: the history before the step
    /// was moved to the new level for the fits and intervals (step how many weeks ago: 6N-ORTHO:
    /// 15)", and the same for stops; nil when no series did either.
    public var note: String? {
        let units = frequency.rawValue + "s"
        var parts: [String] = []
        if steps > 0 {
            parts.append("\(steps == 1 ? "1 series changed" : "\(steps) series changed") level and \(steps == 1 ? "is" : "are") forecast from the new one: "
                         + "the history before the step was moved to the new level for the fits and intervals (step how many \(units) ago: "
                         + stepExamples.listed(of: steps) + ")")
        }
        if stops > 0 {
            parts.append("\(stops == 1 ? "1 series stopped" : "\(stops) series stopped"): used in every period, then in none for longer than chance allows, "
                         + "so \(stops == 1 ? "it is" : "they are") forecast 0 (\(units) without use: " + stopExamples.listed(of: stops) + ")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
