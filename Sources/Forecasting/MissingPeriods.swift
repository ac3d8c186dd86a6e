/// A history with missing periods (NaN, from `GapPolicy.missing`) made fit to learn from.
///
/// Missing periods at the start are dropped; those between two recorded periods are drawn
/// on the straight line between them, so a model sees neither a zero nor a hole; those at
/// the end are dropped too, and the forecast starts that many periods further ahead so its
/// periods stay the ones asked for.
public struct MissingPeriods: Sendable, Equatable {
    /// The history to fit: leading and trailing missing periods removed, the rest interpolated.
    public var filled: [Double]
    /// Missing periods dropped at the end: the forecast must skip this many steps.
    public var trailing: Int
    /// Missing periods drawn between recorded ones.
    public var interpolated: Int

    public init(_ history: [Double]) {
        guard let first = history.firstIndex(where: { !$0.isNaN }), let last = history.lastIndex(where: { !$0.isNaN }) else {
            filled = []
            trailing = history.count
            interpolated = 0
            return
        }
        var values = Array(history[first...last])
        var count = 0
        var previous = 0
        for i in 1..<max(values.count, 1) where !values[i].isNaN {
            let gap = i - previous
            if gap > 1 {
                let a = values[previous], b = values[i]
                for k in 1..<gap { values[previous + k] = a + (b - a) * Double(k) / Double(gap) }
                count += gap - 1
            }
            previous = i
        }
        filled = values
        trailing = history.count - 1 - last
        interpolated = count
    }
}

extension DemandForecaster {
    /// Forecasts a history that may hold missing periods (see `MissingPeriods`); a history
    /// without any is forecast as it is. Also returns the history the models saw.
    public func forecast(allowingGaps history: [Double]) throws -> (forecast: SeriesForecast, fitted: [Double]) {
        guard history.contains(where: \.isNaN) else { return (try forecast(history), history) }
        let gaps = MissingPeriods(history)
        guard gaps.trailing > 0 else { return (try forecast(gaps.filled), gaps.filled) }
        var longer = settings
        longer.horizon += gaps.trailing
        longer.backtestSteps = settings.backtestSteps.map { $0 + gaps.trailing }
        let ahead = try DemandForecaster(settings: longer).forecast(gaps.filled)
        return (ahead.droppingFirst(gaps.trailing), gaps.filled)
    }
}

extension SeriesForecast {
    /// The forecast from step `k` on: for a history whose last `k` periods were missing.
    func droppingFirst(_ k: Int) -> SeriesForecast {
        var f = self
        f.mean = Array(mean.dropFirst(k))
        f.lower = lower.map { Array($0.dropFirst(k)) }
        f.upper = upper.map { Array($0.dropFirst(k)) }
        f.spread = Array(spread.dropFirst(k))
        return f
    }
}
