import Tabular

extension ForecastTracking.Drifting {
    /// Sum of the errors the signal is computed over (forecast - actual).
    public var sumOfErrors: Double { errors.reduce(0) { $0 + $1.error } }
    /// Their mean absolute error, the signal's divisor.
    public var meanAbsoluteError: Double { errors.reduce(0) { $0 + abs($1.error) } / Double(max(errors.count, 1)) }
    /// Which way the forecasts lean: a positive signal sums errors of forecasts above the actuals.
    public var direction: String { trackingSignal > 0 ? "above" : "below" }

    /// The one error that makes most of the sum (half of it or more, the same sign) and dwarfs
    /// the others (`oneOffDominance`), when the others alone give no signal beyond the
    /// threshold and those after it do not all lean its way: a late posting or a correction of one
    /// period, not a lean. 120 gloves posted late into one week made -162.4 of a sum of -169
    /// over 10 runs (5 errors above, 5 below; -0.34 without it), and the report said the
    /// forecasts lean low. The signal is still the contract's; this says where it comes from.
    public var oneOff: (period: String, error: Double, signalWithout: Double?)? {
        guard errors.count > 2, let k = errors.indices.max(by: { abs(errors[$0].error) < abs(errors[$1].error) }) else { return nil }
        let error = errors[k].error, sum = sumOfErrors
        guard error * sum > 0, abs(error) >= 0.5 * abs(sum) else { return nil }
        // Alone: at least `oneOffDominance` times the next largest error, and the errors after
        // it not all leaning its way. A lasting rise (use up 60%: -54 then -66, -40, -50) made
        // one of several errors alike "most of the lean", and the planner was told to check a
        // posting rather than to raise the forecast.
        let nextLargest = errors.indices.filter { $0 != k }.map { abs(errors[$0].error) }.max() ?? 0
        guard abs(error) >= ForecastTracking.oneOffDominance * nextLargest else { return nil }
        let after = errors[(k + 1)...].map(\.error)
        if !after.isEmpty && after.allSatisfy({ $0 * error > 0 }) { return nil }
        var others = errors.map(\.error)
        others.remove(at: k)
        let without = ForecastTracking.trackingSignal(others)
        if let without, abs(without) > ForecastTracking.signalThreshold { return nil }
        return (errors[k].period, error, without)
    }
}

extension ForecastTracking {
    /// How many times the next largest error one period's must be to be a one-off (`oneOff`).
    static let oneOffDominance = 2.0

    /// forecast_drift.csv's columns: every drifting series, not only the report's strongest
    /// `driftingShown`. The report said "all are in forecast_tracking.csv", whose rows have no
    /// signal, so the other 153 of a review's 178 could not be found.
    public static let driftHeader = ["series", "stage", "frequency", "runs", "tracking_signal", "sum_of_errors", "mad", "forecasts", "errors"]

    /// Writes every drifting series to `csv` (atomically), most drifting first: the runs the
    /// signal sums (one forecast a run, its shortest lag scored), the signal, its sum and mean
    /// absolute error, whether the forecasts were above or below the actuals, and each error.
    public func writeDrift(csv: String) throws {
        let writer = try CSVWriter(path: csv, header: ForecastTracking.driftHeader)
        do {
            for d in drifting {
                try writer.text(d.series)
                try writer.text(d.stage)
                try writer.text(d.frequency)
                try writer.integer(d.errors.count)
                try writer.number(d.trackingSignal, decimals: 3)
                try writer.number(d.sumOfErrors)
                try writer.number(d.meanAbsoluteError)
                try writer.text(d.direction)
                try writer.text(d.errors.map { "\($0.period) lag \($0.lag) run \($0.run): \(NumberFormat.fixed($0.error))" }.joined(separator: "; "))
                try writer.endRow()
            }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }
}
