import Tabular

/// A series a run restated by one factor in every period it compared (`RunHistory.SameData
/// .unitChange`): an item restated in another unit (cases of 10 for eaches). Its forecasts
/// made before that run are in the old unit: scored against the new figures they read as
/// ~900% misses (one item's WAPE 942%, the stage's 7.9% -> 22.3%), so they are left out.
public struct UnitChange: Sendable, Equatable {
    public var stage: String
    public var series: String
    /// The run that restated it: forecasts of earlier runs scored against its figures (or
    /// later ones) are left out.
    public var run: Int
    public var factor: Double
    public var periods: Int
    /// Forecasts left out of the scores (attributed to the latest change between a forecast's
    /// run and its actual's).
    public var leftOut = 0

    /// Whether the product of the factors of the changes between two runs leaves the unit as
    /// it was: factors are 2 or more, or a half or less, so a product within 1.5 of 1 is a
    /// change undone (x0.1 then x10 back, a double posting corrected).
    static func sameUnit(_ product: Double) -> Bool { product < 1.5 && product > 1 / 1.5 }

    /// The factor as the notes write it: `x0.100`, `x10.0`.
    static func text(_ factor: Double) -> String { "x" + NumberFormat.fixed(factor, decimals: factor < 1 ? 3 : 1) }
}

extension ForecastTracking {
    /// The unit changes a history holds, by stage and series: each period's value against
    /// the one recorded before it (a run stores only what changed), grouped by the run that
    /// changed it. Every such run of a series is kept, in run order: a change reverted is two.
    static func unitChanges(_ connection: SQLiteConnection) throws -> [String: [UnitChange]] {
        let changes = try connection.prepare("""
            SELECT stage, series, run_id, count(*), sum(prev > 0 AND value > 0), min(value / prev), max(value / prev)
            FROM (SELECT stage, series, run_id, value, lag(value) OVER (PARTITION BY stage, series, period ORDER BY run_id) AS prev FROM actuals)
            WHERE prev IS NOT NULL GROUP BY stage, series, run_id HAVING count(*) >= 3 ORDER BY stage, series, run_id
            """)
        var found: [String: [UnitChange]] = [:]
        while try changes.step() {
            let periods = changes.integer(3)
            guard changes.integer(4) == periods,
                  let factor = RunHistory.SameData.unitChange(periods: periods, ratios: (changes.double(5), changes.double(6))) else { continue }
            let stage = changes.text(0), series = changes.text(1)
            found[stage + "\u{0}" + series, default: []].append(UnitChange(stage: stage, series: series, run: changes.integer(2), factor: factor, periods: periods))
        }
        return found
    }

    /// The report's and the command's note on the series restated in another unit.
    public var unitChangesNote: String? {
        guard !unitChanges.isEmpty else { return nil }
        let series = Set(unitChanges.map { $0.stage + "\u{0}" + $0.series }).count
        let named = unitChanges.prefix(5).map {
            "\($0.series) (stage '\($0.stage)', \(UnitChange.text($0.factor)) in every one of \($0.periods) periods by run \($0.run); \(NumberFormat.count($0.leftOut, "forecast")) of earlier runs left out)"
        }.joined(separator: ", ")
        let more = unitChanges.count > 5 ? " and \(unitChanges.count - 5) more" : ""
        return "\(NumberFormat.count(series, "series", plural: "series")) restated by one factor in every period held, as when an item's unit of measure changes: \(named)\(more). Their forecasts made in another unit than the actual they would be scored against (the changes between the two runs not undoing each other) are not scored"
    }
}
