import Foundation

/// A lasting step of level older than `LevelShift`'s last few periods, while the new level is
/// still too short for the fits and their backtest to have left the old one behind.
///
/// A weekly census after a unit closed 10 of its 30 beds: 38 weeks around 179 patient days
/// (sd 4), a week of 155 as the closure fell inside it, then 15 weeks around 119 (sd 2.3). The
/// step was 15 weeks old, beyond `LevelShift.longestAfter`; the moving average over 52 weeks
/// still held 38 weeks of the old level, and every backtest origin's forecast straddled the
/// step, so the forecast was 126.3 with an 80% band of [92.2, 160.3] and a 95% bound of 178.9,
/// on a unit whose 20 beds hold 140 a week. Here the history is split where two normal means
/// explain it best (the likelihood-ratio statistic of a change of mean, Hinkley 1970), with
/// the noise measured robustly by the median move from one period to the next (the step is a
/// single move), and the split counts as a step only when it is beyond doubt:
/// - the two segments do not overlap: every period after the split beyond every period before
///   it, on one side (the one period just before it may fall between: a change inside it);
/// - the gap between them is `LevelShift.minimumRatio` times the typical move or more;
/// - the new level is flat: its periods closer to each other than to the old level, no
///   split of them a step by the gain below, and no steady slope through them (`flatSlopeT`);
/// - its log-likelihood gain is `minimumGain` or more, and the step a tenth of the level or more.
/// Steps of the last `LevelShift.longestAfter` periods are `LevelShift.find`'s: when the best
/// split is that recent, this finds none. A yearly swing is no step: where the history holds
/// more than a season, the periods after the split repeat the season's earliest weeks, which
/// lie among the periods before it, and the segments overlap. `LevelShift.adjusted` then moves
/// the history before the step to the new level, as for a recent step.
enum MeanChange {
    /// Log-likelihood gain a split must bring (as `RegimeStart.minimumGain`).
    static let minimumGain = 25.0
    /// The largest t-statistic of the new level's slope that still reads as flat: twice the
    /// standard error, a flat level's slope beyond it by chance about once in 20.
    static let flatSlopeT = 2.0

    /// The least-squares slope of `y` over `range` against its standard error with noise `sigma`.
    static func slopeT(_ y: UnsafeBufferPointer<Double>, _ range: Range<Int>, sigma: Double) -> Double {
        let centre = Double(range.lowerBound + range.upperBound - 1) / 2
        var sxx = 0.0, sxy = 0.0
        for i in range { let x = Double(i) - centre; sxx += x * x; sxy += x * y[i] }
        guard sxx > 0, sigma > 0 else { return 0 }
        return (sxy / sxx) / (sigma / sxx.squareRoot())
    }

    /// The step's first index and its size (the new level less the old), or nil.
    static func find(in y: UnsafeBufferPointer<Double>) -> (start: Int, shift: Double)? {
        let n = y.count
        let shortest = LevelShift.minimumAfter, before = LevelShift.minimumBefore
        guard n >= before + LevelShift.longestAfter + 1, y.allSatisfy(\.isFinite) else { return nil }
        // The typical move from one period to the next; as a normal noise's standard deviation,
        // the median of |e(t) - e(t-1)| is 0.954 of it (0.6745 x the square root of 2).
        let typical = LevelShift.typicalMove(y)
        guard typical > 0 else { return nil }
        let sigma = typical / 0.954
        // prefix[i] = y[0] + ... + y[i-1]: each split's two means in one subtraction.
        var prefix = [Double](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + y[i] }
        // The split of `range` with the largest gain in log-likelihood of two means over one:
        // half the statistic n1 n2 / n (mean1 - mean2)^2 over the noise's variance.
        func bestSplit(_ range: Range<Int>, shortestBefore: Int) -> (t: Int, gain: Double)? {
            guard range.count >= shortestBefore + shortest else { return nil }
            var best: (t: Int, gain: Double)?
            let total = prefix[range.upperBound] - prefix[range.lowerBound]
            for t in (range.lowerBound + shortestBefore)...(range.upperBound - shortest) {
                let n1 = Double(t - range.lowerBound), n2 = Double(range.upperBound - t)
                let first = prefix[t] - prefix[range.lowerBound]
                let difference = (total - first) / n2 - first / n1
                let gain = n1 * n2 / (n1 + n2) * difference * difference / (2 * sigma * sigma)
                if best == nil || gain > best!.gain { best = (t, gain) }
            }
            return best
        }
        guard let best = bestSplit(0..<n, shortestBefore: before), n - best.t > LevelShift.longestAfter,
              best.gain >= minimumGain else { return nil }
        let t = best.t
        // The periods after the split against those before it, the one just before aside.
        let (low, high) = LevelShift.extremes(y, 0..<(t - 1))
        let (lowAfter, highAfter) = LevelShift.extremes(y, t..<n)
        let up = lowAfter > high, down = highAfter < low
        guard up || down else { return nil }
        let gap = up ? lowAfter - high : low - highAfter
        guard gap > LevelShift.minimumRatio * typical, highAfter - lowAfter <= gap else { return nil }
        // The new level holds: no change of mean inside it that would pass as a step (a drop
        // to 120 a week that then fell 4 a week to 44 is a ramp, its range within the gap).
        if let inside = bestSplit(t..<n, shortestBefore: shortest), inside.gain >= minimumGain { return nil }
        // Nor a steady slope through it, which no single split sees: its least-squares slope
        // within `flatSlopeT` standard errors (the robust noise over the root of the sum of
        // squared time deviations). A unit reopening beds after a closure, 114 117 117 120 117
        // 118 117 117 122 126 124 130 128 127 127 a week (1.03 a week, t = 5.5 with the noise
        // of 3.1 from the median move), was moved to its mean of 121.4 and forecast flat at
        // 124.9, 80% [119.8, 130.0], below each of its last four weeks (the trend: 129.6 to
        // 142); sutures sliding 2.7 a month after a drop (292 ... 251, t = -6.5, noise 6.3)
        // were forecast 274.8 (session start 251.3).
        if abs(slopeT(y, t..<n, sigma: sigma)) > flatSlopeT { return nil }
        // The period just before the split is either level's, or between them (a change inside it).
        let edge = y[t - 1]
        guard up ? edge < lowAfter : edge > highAfter else { return nil }
        let after = LevelShift.mean(y, t..<n), old = LevelShift.mean(y, 0..<(t - 1))
        guard abs(after - old) >= 0.1 * abs(old) else { return nil }
        return (t, after - old)
    }
}
