/// The ETS recursions (Hyndman et al. 2008, table 2.3) for one parameter set.
///
/// Kept free of allocation: the caller owns the seasonal scratch buffer, because the
/// optimiser evaluates this loop hundreds of times per model.
struct ETSEngine {
    let spec: ETSSpec
    let season: Int       // m; 1 when the model has no seasonal component

    struct Parameters {
        var alpha = 0.1, beta = 0.0, gamma = 0.0, phi = 1.0
        var level = 0.0, trend = 0.0
    }

    struct State {
        var level: Double
        var trend: Double
    }

    /// Runs the filter over `y`; the seasonal buffer holds the initial seasonal indices on
    /// entry (position t mod m) and the final ones on exit.
    /// Returns the fitting criterion (-2 log-likelihood up to a constant), the sum of squared
    /// errors (relative errors for multiplicative-error models), and the final state;
    /// nil when the states leave the admissible region (a multiplicative model's level or
    /// forecast reaching zero).
    @inline(__always)
    func run(_ y: UnsafeBufferPointer<Double>, _ p: Parameters, _ s: UnsafeMutablePointer<Double>) -> (criterion: Double, sse: Double, state: State)? {
        var l = p.level, b = p.trend
        let multiplicativeError = spec.error == .multiplicative
        let trendKind = spec.trend, seasonKind = spec.season
        let m = season
        var sse = 0.0, logSum = 0.0
        // The sum of log forecasts is kept as a running product, taking a logarithm only when
        // it nears the ends of the double range: log() per step dominated the whole fit.
        var product = 1.0
        var k = 0
        for t in 0..<y.count {
            let phiB: Double
            switch trendKind {
            case .none: phiB = 0
            case .damped: phiB = p.phi * b
            default: phiB = b
            }
            let q = l + phiB
            let sPrev = seasonKind == .none ? 0 : s[k]
            let yhat: Double
            switch seasonKind {
            case .additive: yhat = q + sPrev
            case .multiplicative: yhat = q * sPrev
            default: yhat = q
            }
            // Updates are written with d = y - yhat and 1/s, which do not depend on the level
            // just computed, so the loop's dependency chain has no division in it.
            let d = y[t] - yhat
            if multiplicativeError {
                guard yhat > 1e-10 else { return nil }
                let e = d / yhat
                sse += e * e
                product *= yhat
                if product > 1e150 || product < 1e-150 {
                    logSum += log(product)
                    product = 1
                }
                switch seasonKind {
                case .additive:
                    // yhat * e = d
                    l = q + p.alpha * d
                    b = phiB + p.beta * d
                    s[k] = sPrev + p.gamma * d
                case .multiplicative:
                    // q * e = d / s
                    let dOverS = d * (1 / sPrev)
                    l = q + p.alpha * dOverS
                    b = phiB + p.beta * dOverS
                    s[k] = sPrev + p.gamma * sPrev * e
                default:
                    l = q + p.alpha * d
                    b = phiB + p.beta * d
                }
                guard l > 1e-10 else { return nil }
            } else {
                sse += d * d
                switch seasonKind {
                case .additive:
                    l = q + p.alpha * d
                    b = phiB + p.beta * d
                    s[k] = sPrev + p.gamma * d
                case .multiplicative:
                    let dOverS = d * (1 / sPrev)
                    l = q + p.alpha * dOverS
                    b = phiB + p.beta * dOverS
                    s[k] = sPrev + p.gamma * d / q
                default:
                    l = q + p.alpha * d
                    b = phiB + p.beta * d
                }
            }
            if m > 1 {
                k += 1
                if k == m { k = 0 }
            }
        }
        logSum += log(product)
        let n = Double(y.count)
        guard sse.isFinite, sse > 0 || !multiplicativeError else { return nil }
        let criterion = n * log(max(sse, 1e-300) / n) + 2 * logSum
        return (criterion, sse, State(level: l, trend: b))
    }

    /// Point forecasts from the final state; `s` holds the final seasonal indices, with the
    /// index for period n (the first forecast) at position n mod m.
    func forecast(_ state: State, _ p: Parameters, _ s: UnsafePointer<Double>, historyCount n: Int, horizon: Int) -> [Double] {
        var result = [Double](repeating: 0, count: horizon)
        var damp = 0.0, phiPower = 1.0
        for h in 1...max(horizon, 1) where h <= horizon {
            let trendPart: Double
            switch spec.trend {
            case .none: trendPart = 0
            case .damped:
                phiPower *= p.phi
                damp += phiPower
                trendPart = damp * state.trend
            default: trendPart = Double(h) * state.trend
            }
            let q = state.level + trendPart
            let position = season > 1 ? (n + h - 1) % season : 0
            switch spec.season {
            case .additive: result[h - 1] = q + s[position]
            case .multiplicative: result[h - 1] = q * s[position]
            default: result[h - 1] = q
            }
        }
        return result
    }

    /// Forecast-error variance multipliers 1 + sum_{j<h} c_j^2 (Hyndman et al. 2008, table 6.1),
    /// exact for additive-error models and the usual approximation for multiplicative ones.
    func varianceMultipliers(_ p: Parameters, horizon: Int) -> [Double] {
        var result = [Double](repeating: 1, count: horizon)
        var sum = 0.0
        var phiSum = 0.0, phiPower = 1.0
        for h in 1..<max(horizon, 1) {
            let j = h
            var c = p.alpha
            switch spec.trend {
            case .additive: c += p.beta * Double(j)
            case .damped:
                phiPower *= p.phi
                phiSum += phiPower
                c += p.beta * phiSum
            default: break
            }
            if spec.season != .none && season > 1 && j % season == 0 { c += p.gamma }
            sum += c * c
            result[h] = 1 + sum
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#endif
