/// One member of the exponential-smoothing state-space family, ETS(error, trend, season)
/// in the taxonomy of Hyndman, Koehler, Ord and Snyder (2008).
public struct ETSSpec: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Sendable, Hashable { case none, additive, damped, multiplicative }

    public var error: Component      // .additive or .multiplicative
    public var trend: Component      // .none, .additive or .damped
    public var season: Component     // .none, .additive or .multiplicative

    public init(error: Component, trend: Component, season: Component) {
        self.error = error
        self.trend = trend
        self.season = season
    }

    /// Parses `AAN`, `MAdM`, `A,Ad,M` or `ETS(A,Ad,M)`.
    public init?(_ text: String) {
        var letters = text.uppercased().replacingOccurrences("ETS", "")
        letters.removeAll { $0 == "(" || $0 == ")" || $0 == "," || $0 == " " }
        var chars = Array(letters)
        func component(_ allowed: [Character: Component]) -> Component? {
            guard let first = chars.first, var c = allowed[first] else { return nil }
            chars.removeFirst()
            if c == .additive, chars.first == "D", allowed["D"] != nil { chars.removeFirst(); c = .damped }
            return c
        }
        guard let e = component(["A": .additive, "M": .multiplicative]),
              let t = component(["N": .none, "A": .additive, "D": .damped]),
              let s = component(["N": .none, "A": .additive, "M": .multiplicative]), chars.isEmpty else { return nil }
        self.init(error: e, trend: t, season: s)
    }

    public var description: String {
        func letter(_ c: Component) -> String {
            switch c {
            case .none: return "N"
            case .additive: return "A"
            case .damped: return "Ad"
            case .multiplicative: return "M"
            }
        }
        return "ETS(\(letter(error)),\(letter(trend)),\(letter(season)))"
    }

    var hasTrend: Bool { trend != .none }
    var hasSeason: Bool { season != .none }

    /// The models searched by default: additive or multiplicative errors, no multiplicative
    /// trend, and no additive error with multiplicative season (numerically unstable), as in
    /// R's forecast::ets and statsforecast's AutoETS defaults.
    public static func candidates(seasonal: Bool, strictlyPositive: Bool) -> [ETSSpec] {
        var result: [ETSSpec] = []
        for error in [Component.additive, .multiplicative] where error == .additive || strictlyPositive {
            for trend in [Component.none, .additive, .damped] {
                for season in [Component.none, .additive, .multiplicative] {
                    if !seasonal && season != .none { continue }
                    if season == .multiplicative && (error == .additive || !strictlyPositive) { continue }
                    result.append(ETSSpec(error: error, trend: trend, season: season))
                }
            }
        }
        return result
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            start = index(after: start)
        }
        return nil
    }
}
