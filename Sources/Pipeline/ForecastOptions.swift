import Forecasting
import Tabular

/// The forecast options a user sets, checked once for both the `forecast` command and the
/// `forecast` stage so their bounds and messages cannot drift apart.
public enum ForecastOptions {
    /// A bad option: its name (as in YAML; the command adds `--`) and what is wrong.
    public struct Problem: Error, Sendable {
        public var option: String
        public var message: String
    }

    public struct Checked: Sendable {
        public var levels: [Double]
        /// nil = automatic routing by demand class.
        public var models: [any ForecastModel]?
    }

    public static func check(horizon: Int, season: Int?, backtest: Int, levels: [String], models: String) throws -> Checked {
        guard (1...10_000).contains(horizon) else { throw Problem(option: "horizon", message: "must be between 1 and 10000") }
        if let season, season < 1 { throw Problem(option: "season", message: "must be at least 1") }
        guard (0...50).contains(backtest) else { throw Problem(option: "backtest", message: "must be between 0 and 50") }
        let parsedLevels = try levels.map { text -> Double in
            guard let v = Double(text.trimmed()), v > 0, v < 100 else {
                throw Problem(option: "levels", message: "must be percentages between 0 and 100, like 80,95")
            }
            return v
        }
        // forecasts.csv's columns are the levels': none would drop every interval column,
        // and 80,80 wrote lo80,hi80 twice.
        guard !parsedLevels.isEmpty else { throw Problem(option: "levels", message: "needs at least one percentage, like 80,95") }
        if let twice = parsedLevels.first(where: { v in parsedLevels.filter { $0 == v }.count > 1 }) {
            throw Problem(option: "levels", message: "names \(NumberFormat.fixed(twice)) twice; give each level once, like 80,95")
        }
        // Split as the registry splits: `ets(A,A,N),ets(A,N,N)` is two specs, not 'n)' twice.
        let names = ModelRegistry.splitOutsideParentheses(models).map { String($0.lowercased().filter { $0 != " " }) }.filter { !$0.isEmpty }
        if let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw Problem(option: "models", message: "names '\(twice)' twice; a combination of one model with itself is that model")
        }
        do {
            // In ascending order whatever order they were typed in: forecasts.csv's columns are
            // lo80, hi80, lo95, hi95 (DESIGN.md), and 95,80 wrote lo95 first, which a reader by
            // position took for the 80% bounds.
            return Checked(levels: parsedLevels.sorted(), models: try ModelRegistry.resolve(models))
        } catch let e as ModelListError {
            throw Problem(option: "models", message: e.description)
        }
    }
}
