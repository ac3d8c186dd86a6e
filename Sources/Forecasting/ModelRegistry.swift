import Tabular

/// Every model by its command-line name. Adding a model is one line here.
public enum ModelRegistry {
    public static let models: [String: any ForecastModel] = [
        "naive": NaiveModel(),
        "seasonal_naive": SeasonalNaiveModel(),
        "moving_average": MovingAverageModel(),
        "historic_average": HistoricAverageModel(),
        "ets": ETSModel(),
        "ses": ETSModel(specs: [ETSSpec(error: .additive, trend: .none, season: .none)]),
        "holt": ETSModel(specs: [ETSSpec(error: .additive, trend: .additive, season: .none)]),
        "damped": ETSModel(specs: [ETSSpec(error: .additive, trend: .damped, season: .none)]),
        "holt_winters": ETSModel(specs: [ETSSpec(error: .additive, trend: .additive, season: .additive)]),
        "theta": ThetaModel(),
        "croston": CrostonModel(.classic),
        "sba": CrostonModel(.sba),
        "tsb": TSBModel(),
        "croston_optimized": CrostonModel(.classic, alpha: nil),
        "sba_optimized": CrostonModel(.sba, alpha: nil),
        "tsb_optimized": TSBModel.optimized,
        "adida": ADIDAModel(),
        "imapa": IMAPAModel(),
        "mstl": MSTLModel(),
        "regression": TrendSeasonRegression(),
        "zero": ZeroModel(),
    ]

    /// The list's names, split at commas outside parentheses: `ets(A,Ad,M)`, the form the
    /// error message offers, is one name (split at every comma it was `ets(a`, unknown).
    public static func splitOutsideParentheses(_ list: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in list {
            switch c {
            case "(": depth += 1; current.append(c)
            case ")": depth = max(0, depth - 1); current.append(c)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// Names accepted by `--models`, sorted.
    public static var names: [String] { models.keys.sorted() }

    /// Resolves a comma-separated list; `auto` (or empty) means automatic routing.
    /// An ETS spec such as `ets(M,Ad,M)` or `MAdM` selects that one model.
    public static func resolve(_ list: String) throws -> [any ForecastModel]? {
        let names = splitOutsideParentheses(list).map { $0.trimmed().lowercased() }.filter { !$0.isEmpty }
        if names.isEmpty || names == ["auto"] { return nil }
        return try names.map { name in
            if let model = models[name] { return model }
            if let spec = ETSSpec(name) { return ETSModel(specs: [spec]) }
            throw ModelListError(name: name)
        }
    }
}

public struct ModelListError: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
        if name.hasPrefix("ets(") || name.hasPrefix("ets ") {
            // A spec that does not parse: say which letters each place takes (a multiplicative
            // trend, ets(M,Md,N), read as an unknown model with no word of why).
            return "unknown ETS spec '\(name)'; an ETS spec is ets(error,trend,season) with error A or M, trend N, A or Ad (multiplicative trends are not fitted) and season N, A or M, like ets(A,Ad,M)"
        }
        return "unknown model '\(name)'; use auto or a comma-separated list of \(ModelRegistry.names.joined(separator: ", ")), or an ETS spec like ets(A,Ad,M)"
    }
}
