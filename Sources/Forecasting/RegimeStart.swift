import Foundation

/// Where the current regime of a long history starts, when its scale changed markedly.
///
/// A census that ran 10-100 times today's level for its first years (a pandemic, a ward
/// that closed) makes every error variance fitted on the whole history useless: a 95%
/// interval of [0, 1575] around 50. The fit should follow the recent behaviour. The scale
/// here is the mean absolute change from one period to the next, which ignores the level
/// and most of the seasonality; the break is the split that best explains the changes by
/// two scales instead of one (the likelihood ratio of two exponential scales, the usual
/// change-point statistic for a scale), and it counts only when the earlier scale is at
/// least `minimumRatio` times the recent one and the recent regime is long enough to fit
/// on its own. Only a calmer present cuts the history: when the present is wilder, the
/// backtest's recent errors already widen the intervals (`calibrated`), while a quiet
/// start (bike rentals' first winter) is a season to keep, not a regime to forget.
public enum RegimeStart {
    /// Scales must differ at least this much: ordinary growth and seasons never do.
    static let minimumRatio = 4.0
    /// Log-likelihood gain a break must bring, so a few odd points cannot make one.
    static let minimumGain = 25.0

    /// The index where the fit should start: 0 without a clear change of scale.
    public static func index(in y: UnsafeBufferPointer<Double>, season: Int) -> Int {
        let n = y.count
        // Each side holds a whole season, so that a season's calm months are not read as a
        // calmer regime, and 24 changes at least, enough to judge a scale. Three seasons were
        // asked before: weekly data then needed six years and monthly data nine, so five
        // years of Italy's ICU census by week kept the 2020 waves in its fit (95% interval
        // [0, 2180] around 315 a week, recent weeks 332-412), and by month (0 to 15,261
        // around 1,813). The five benchmark sets and the daily windows are unchanged.
        let minimumSegment = max(season, 24)
        guard n >= 2 * minimumSegment + 1 else { return 0 }
        // prefix[i] = sum of |y[k+1] - y[k]| for k < i.
        var prefix = [Double](repeating: 0, count: n)
        for i in 1..<n { prefix[i] = prefix[i - 1] + abs(y[i] - y[i - 1]) }
        let changes = n - 1
        let all = prefix[n - 1] / Double(changes)
        guard all > 0 else { return 0 }
        func logScale(_ total: Double, _ count: Int) -> Double { log(max(total / Double(count), all * 1e-9)) }
        let whole = Double(changes) * log(all)
        var best = 0, bestGain = minimumGain
        // A break at t: changes 1..<t (before) and t..<n (after, the regime fitted).
        for t in minimumSegment...(n - minimumSegment) {
            let before = t - 1, after = n - t
            let sBefore = prefix[t - 1], sAfter = prefix[n - 1] - prefix[t - 1]
            // The change into the new regime (y[t] - y[t-1]) belongs to neither side.
            let jump = abs(y[t] - y[t - 1])
            let gain = whole - Double(before) * logScale(sBefore, before) - Double(after - 1) * logScale(sAfter - jump, after - 1) - log(max(jump, all * 1e-9))
            guard gain > bestGain else { continue }
            let ratio = (sBefore / Double(before)) / max((sAfter - jump) / Double(after - 1), 1e-12)
            if ratio >= minimumRatio {
                best = t
                bestGain = gain
            }
        }
        return best
    }
}
