/// Whether a history short of two seasons shows its season well enough for seasonal naive to
/// repeat the last one (`DemandForecaster.candidates`, `seasonBeforeEveryOrigin`).
///
/// With one and a half seasons there is one value for each point of the season: seasonal naive
/// cannot tell a season from a one-off, and its backtest origins forecast only the periods whose
/// year-ago values are not the ones it will copy next. A flat ~500 doses a week of opioids (78
/// weeks, each within 485 to 515) with one stock-transfer week of 1,500 a year back was
/// forecast at 1,500 for that week next year, with an 80% band of 1,488 to 1,512 from three
/// backtest origins none of which held the spike; over 12 seeded copies the week came out +23%
/// to +133%.
///
/// So it must pass two checks:
/// - the season is shown in the data: the year-on-year pairs (y[t - season], y[t]) that the
///   history holds are correlated at `minimumCorrelation` or more. A weekly ED of 95 weeks with
///   a +-15% yearly swing has 0.97 and 0.93 (its two sites); the flat opioid line 0.26 (the 12
///   seeded copies -0.27 to 0.34), the flat anticoagulants 0.38;
/// - none of the values it would copy into the horizon is a spike against its neighbours
///   (`spikeMADs` robust standard deviations from the median of the three periods either side,
///   the deviations' scale taken over the whole history): a season moves from one period to the
///   next by little, a one-off does not.
public enum SeasonShown {
    /// The least correlation of year-on-year pairs that counts as a season shown.
    public static let minimumCorrelation = 0.5

    /// How many robust standard deviations (1.4826 x the median absolute deviation) from its
    /// neighbours' median a copied value must be to count as a spike.
    public static let spikeMADs = 5.0

    /// Whether seasonal naive may repeat the last season of `y` (shorter than two seasons)
    /// over `horizon` periods.
    public static func isShown(in y: UnsafeBufferPointer<Double>, season m: Int, horizon h: Int) -> Bool {
        let n = y.count
        guard m > 1, n > m + 2 else { return false }
        return pairCorrelation(y, lag: m) >= minimumCorrelation && !copiesSpike(y, season: m, horizon: h)
    }

    /// The Pearson correlation of (y[t - lag], y[t]) over the pairs the history holds; 0 when
    /// either side is constant.
    static func pairCorrelation(_ y: UnsafeBufferPointer<Double>, lag: Int) -> Double {
        let pairs = y.count - lag
        guard pairs > 2 else { return 0 }
        var meanA = 0.0, meanB = 0.0
        for t in lag..<y.count { meanA += y[t - lag]; meanB += y[t] }
        meanA /= Double(pairs); meanB /= Double(pairs)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for t in lag..<y.count {
            let a = y[t - lag] - meanA, b = y[t] - meanB
            sab += a * b; saa += a * a; sbb += b * b
        }
        guard saa > 0, sbb > 0 else { return 0 }
        return sab / (saa * sbb).squareRoot()
    }

    /// Whether a value seasonal naive copies into the next `horizon` periods (y[n - m + k]) is a
    /// spike against its neighbours.
    static func copiesSpike(_ y: UnsafeBufferPointer<Double>, season m: Int, horizon h: Int) -> Bool {
        let n = y.count
        let deviations = (0..<n).map { abs(y[$0] - neighbourMedian(y, at: $0)) }
        let scale = 1.4826 * median(deviations)
        for k in 0..<min(h, m) {
            let i = n - m + (k % m)
            guard i >= 0 && i < n else { continue }
            if deviations[i] > spikeMADs * scale && deviations[i] > 0 { return true }
        }
        return false
    }

    /// The median of up to three values either side of `i`, leaving out y[i].
    static func neighbourMedian(_ y: UnsafeBufferPointer<Double>, at i: Int) -> Double {
        var around: [Double] = []
        for j in max(0, i - 3)...min(y.count - 1, i + 3) where j != i { around.append(y[j]) }
        return median(around)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
