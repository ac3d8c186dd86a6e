/// The series whose history was too short to backtest the whole horizon (see
/// `DemandForecaster.backtestHorizon`), counted with the first few named, for the run's note:
/// their candidates were weighed on nearer periods, and the accuracy file scores those.
public struct ShortBacktests: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [String] = []
    private var shortest = Int.max, longest = 0
    let horizon: Int

    public init(horizon: Int) { self.horizon = horizon }

    public mutating func see(_ key: String, _ forecast: SeriesForecast) {
        let steps = forecast.backtestHorizon
        guard steps > 0, steps < horizon else { return }
        count += 1
        shortest = min(shortest, steps)
        longest = max(longest, steps)
        if examples.count < 3 { examples.append("\(key): \(steps)") }
    }

    /// "2 series are too short to backtest 18 periods ahead ...", or nil when none is;
    /// `accuracy` names the accuracy output, nil when none is written (`--out -`).
    public func note(accuracy: String?) -> String? {
        guard count > 0 else { return nil }
        let one = count == 1
        // "1 period ahead", not "1 periods ahead".
        let ahead = shortest == longest ? (shortest == 1 ? "1 period" : "\(shortest) periods") : "\(shortest) to \(longest) periods"
        return "\(one ? "1 series is" : "\(count) series are") too short to backtest \(horizon) periods ahead (" + examples.listed(of: count)
            + "): \(one ? "its" : "their") models are weighed on forecasts \(ahead) ahead" + (accuracy.map { ", and \($0) scores those" } ?? "")
    }
}
