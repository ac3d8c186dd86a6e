import Foundation

/// A shift of level in the last few periods of a history, too recent for a backtest to see.
///
/// A ward that went from 30 patients a day to 5 three months ago, monthly: every backtest
/// origin ends before the drop, so every candidate scored the same on it, and the means the
/// short history gets (the history's mean, Croston's smoothed level) forecast 577 patient days
/// a month for 155, which read as 12 FTE short and $247,000 of overtime and agency a quarter.
/// The weekly plan on the same census followed the drop, as its backtest saw it. Here the last
/// periods are tested for a step: the last `m` (3 to a season, at most 6) all beyond every one
/// of the periods in a reference window before them, on one side, by a gap the history's usual
/// period-to-period moves do not come near, and closer to each other than to the old level.
/// It is the level-shift outlier of Chen and Liu (1993), as X-13's and TRAMO's regressions
/// carry it: once found, the history before the shift is moved to the new level (scaled for
/// positive data with a ratio within 10, else shifted), so the models fit the season and
/// noise of the whole history around today's level instead of forgetting it or averaging
/// across the step.
///
/// Seasonal data with a season and a window before the candidate step are tested on their
/// seasonal differences (this period less the same period a season ago), so that a season's
/// peak months after a year of growth are no step: their differences keep last year's size.
public enum LevelShift {
    /// The fewest periods after a step: fewer cannot be told from an outlier or two.
    public static let minimumAfter = 3
    /// The fewest periods in the reference window before the step.
    static let minimumBefore = 6
    /// The gap against the history's median period-to-period move (of the values tested).
    static let minimumRatio = 4.0
    /// The most periods after a step: a longer new level is one the backtest sees. At 12, the
    /// hospital set cut to 30 months and forecast 24 ahead went from MASE 0.830 to 0.857 (12
    /// series whose year-long dips were read as steps a year old); at 6 it is unchanged.
    static let longestAfter = 6
    /// Beyond this ratio of the new level to the old, the history is shifted, not scaled: 1 to
    /// 3 a month scaled to a level of 100 swung from 70 to 212.
    static let largestRatio = 10.0

    /// Where the last level starts, and the history moved to it: nil when there is no step.
    /// The step is the last few periods' (`find`), a stop's, or an older change of mean whose
    /// new level is still short (`MeanChange`), in that order.
    /// `shortestStop`: the fewest empty periods after none that read as a stop (`stop`).
    public static func adjusted(_ y: UnsafeBufferPointer<Double>, season: Int,
                                shortestStop: Int = minimumAfter) -> (start: Int, history: [Double])? {
        guard let (start, shift) = find(in: y, season: season) ?? stop(in: y, season: season, shortest: shortestStop)
            ?? MeanChange.find(in: y) else { return nil }
        return (start, moved(y, to: start, by: shift))
    }

    /// Where a stop starts (`stop`), and the history moved to it (to nothing): nil when the
    /// history did not stop. For a history the empty run itself makes intermittent or lumpy
    /// (`DemandForecaster.forecast(_:)`), where no other step is looked for.
    public static func stopped(_ y: UnsafeBufferPointer<Double>, season: Int,
                               shortestStop: Int = minimumAfter) -> (start: Int, history: [Double])? {
        guard let (start, shift) = stop(in: y, season: season, shortest: shortestStop) else { return nil }
        return (start, moved(y, to: start, by: shift))
    }

    /// The history before `start` moved by the step `shift` to the level after it.
    static func moved(_ y: UnsafeBufferPointer<Double>, to start: Int, by shift: Double) -> [Double] {
        var history = Array(y)
        // The level after the step, and the same periods' level before it: with the seasons
        // tested, the same periods a season before; else the reference window's mean.
        let after = mean(y, start..<y.count)
        let before = after - shift
        let positive = y.allSatisfy { $0 >= 0 }
        if positive && before > 0 && after > 0 && after / before <= largestRatio && before / after <= largestRatio {
            let ratio = after / before
            for i in 0..<start { history[i] *= ratio }
        } else {
            for i in 0..<start { history[i] += shift }
        }
        return history
    }

    /// The step's first index and its size (the new level less the old), or nil.
    static func find(in y: UnsafeBufferPointer<Double>, season: Int) -> (start: Int, shift: Double)? {
        let n = y.count
        guard y.allSatisfy(\.isFinite) else { return nil }
        // Seasonal differences once the season, a reference window and the step's periods fit.
        let seasonal = season > 1 && n >= season + minimumBefore + minimumAfter
        let lag = seasonal ? season : 0
        let tested: [Double] = seasonal ? (season..<n).map { y[$0] - y[$0 - season] } : Array(y)
        let count = tested.count
        guard count >= minimumBefore + minimumAfter else { return nil }
        // The typical move from one period to the next, robust to the step itself.
        let typical = typicalMove(tested)
        // A step is at most a season old (a seasonal difference holds it that long; after it,
        // the backtest sees it) and `longestAfter`, and leaves a reference window before it.
        let longest = min(max(season, minimumAfter), longestAfter, count - minimumBefore)
        guard longest >= minimumAfter else { return nil }
        var best: (start: Int, shift: Double, score: Double)?
        for after in minimumAfter...longest {
            let t = count - after
            // Seasonal differences against all those before the step: a step a year old echoes
            // in them (last year's twelve read 250 low, this year's back to 0), and against the
            // last twelve alone the echo read as a step up (9 of the hospital set's series, cut
            // in March 2004, and their forecasts for the next quarter 1.6% worse). Raw values
            // against the last season or twelve: a level years ago says nothing of today's.
            let window = seasonal ? t : min(t, max(season, 12))
            let reference = (t - window)..<t
            let (low, high) = extremes(tested, reference)
            let (lowAfter, highAfter) = extremes(tested, t..<count)
            // Every period after the step beyond every period of the window, on one side.
            let up = lowAfter > high, down = highAfter < low
            guard up || down else { continue }
            let shift = mean(tested, t..<count) - mean(tested, reference)
            // The gap between the two groups, not only their means, beyond any usual move.
            let gap = up ? lowAfter - high : low - highAfter
            // Seasonal differences double the noise of the moves between them: there the
            // reference window's own spread (its median absolute deviation, as a standard
            // deviation) may say the noise is smaller. A ward's monthly census at 930 then 530
            // (Poisson days, two years) had moves of 85 in its differences and a spread of 28.
            var scale = typical
            if seasonal {
                let window = tested[reference]
                let middle = window.sorted()[window.count / 2]
                let deviations = window.map { abs($0 - middle) }.sorted()
                scale = min(typical, 1.4826 * deviations[deviations.count / 2])
            }
            guard gap > minimumRatio * scale, abs(shift) > 0 else { continue }
            // The new level holds: its periods closer to each other than to the old level (a
            // launch climbing 5, 10, 20, 30, 45 after 1 or 2 a month is a ramp, not a level).
            guard highAfter - lowAfter <= gap else { continue }
            // Seasonal differences compare with the same periods a season ago; the periods
            // themselves must move the same way against the ones just before the step. A census
            // climbing from 19,000 to 61,000 a week read as a drop against last year's far
            // higher wave, and its history was scaled by 0.17.
            if seasonal {
                let start = t + lag
                let moved = mean(y, start..<n) - mean(y, (start - after)..<start)
                guard moved * shift > 0 else { continue }
            }
            let score = scale > 0 ? gap / scale : abs(shift)
            if best == nil || score > best!.score { best = (t + lag, shift, score) }
        }
        guard let best else { return nil }
        // A step of a few percent of the level is no change of regime worth refitting for.
        let level = mean(y, max(0, best.start - max(season, 12))..<best.start)
        guard abs(best.shift) >= 0.1 * abs(level) else { return nil }
        return (best.start, best.shift)
    }

    /// A stop: the history's last `shortest` periods or more hold nothing, a longer empty run
    /// than any before them, beyond chance by the series' own rate of empty periods. The step
    /// to 0 of a series that stopped, where a step needs three periods after it
    /// (`minimumAfter`): a suction canister used 82 to 110 a month for 26 months, then 44
    /// (stopped 15 March), 0, 0 was forecast 82.5 a month, its 80% interval [24, 141] excluding
    /// both months just seen, class smooth, while `reorder` on the same data planned 0; a third
    /// empty month took it to 0. Two empty months after 26 without one are no chance: by the
    /// series' own rate of empty periods (Laplace's rule, 1 in 28 after none in 26) two in a
    /// row come once in 784 histories. Chance must be below 1 in 100 (`(1 / (n + 2))^k`, n the
    /// periods before): two empty periods need eight before them.
    ///
    /// A history with empty periods before the run is judged the same way on its own rate,
    /// `(z + 1) / (n + 2)` for z empty of n, against 1 in 10,000 (`beyondChance`). Without it, an
    /// item issued a few times a month (~18 a week, a quarter of its weeks empty, never more than
    /// 3 in a row) and then not for 27 weeks was no stop: its forecast came from backtests whose
    /// window follows the horizon, 0.92 a week at 8 weeks ahead and 8.94 at 52 (465 phantom
    /// units a year), and a monthly export that lost one month forecast the item 0 three months
    /// ahead and ~40 a month twelve ahead.
    ///
    /// The fewest periods (`ForecastSettings.shortestStop`) are the caller's, by the calendar:
    /// two months, but three weeks or days, as two empty weeks or days have a common cause
    /// other than a stop (a fortnight's closure, Christmas and Boxing Day) that a series' own
    /// history need not show. Returns the stop's first index and the step to 0 (less the mean
    /// of the last season, or of the last twelve periods, before it).
    static func stop(in y: UnsafeBufferPointer<Double>, season: Int, shortest: Int) -> (start: Int, shift: Double)? {
        var empty = 0
        while empty < y.count, y[y.count - 1 - empty] == 0 { empty += 1 }
        let before = y.count - empty
        guard empty >= max(1, shortest) else { return nil }
        // Empty periods before the run, and the longest run of them; none negative (returns
        // netted to nothing are no use either).
        var earlierEmpty = 0, run = 0, longest = 0
        for i in 0..<before {
            guard y[i] >= 0 else { return nil }
            run = y[i] == 0 ? run + 1 : 0
            if run > 0 { earlierEmpty += 1 }
            longest = max(longest, run)
        }
        guard empty > longest, beyondChance(empty: empty, after: before, emptyBefore: earlierEmpty) else { return nil }
        let level = mean(y, max(0, before - max(season, 12))..<before)
        return (before, -level)
    }

    /// Whether `empty` empty periods in a row after `before` periods, `emptyBefore` of them
    /// empty, are beyond chance (`stop`): at the series' own rate of empty periods by Laplace's
    /// rule, `((emptyBefore + 1) / (before + 2))^empty`, at most 1 in 100 after none empty, and
    /// `minimumBefore` periods before them at least.
    ///
    /// After a history with empty periods, at most 1 in 10,000: its empty periods come in runs
    /// (a backorder, a quiet month) more often than one at a time, and at 1 in 100 nine of the
    /// spare parts (18 months, one to four of them empty, then 2 to 4 empty: 1 in 100 to 1 in
    /// 4,000 by their rates) read as stopped; all nine were used again in the next 6 months,
    /// and forecast 0 they would have taken the set's RMSSE from 0.81963 to 0.82047.
    public static func beyondChance(empty: Int, after before: Int, emptyBefore: Int = 0) -> Bool {
        guard before >= minimumBefore, emptyBefore < before else { return false }
        // The odds against, so that the rule after none empty stays `(n + 2)^k >= 100` exactly.
        let odds = Double(before + 2) / Double(emptyBefore + 1)
        return pow(odds, Double(empty)) >= (emptyBefore == 0 ? 100 : 10_000)
    }

    /// The median absolute move from one value to the next (of at least two values): the noise
    /// a step is judged against, robust to the step itself, a single move (`find`, `MeanChange`).
    static func typicalMove<Values: RandomAccessCollection<Double>>(_ values: Values) -> Double where Values.Index == Int {
        var moves = (values.startIndex + 1..<values.endIndex).map { abs(values[$0] - values[$0 - 1]) }
        moves.sort()
        return moves[moves.count / 2]
    }

    /// The lowest and highest of `values` over `range` (infinities when empty).
    static func extremes<Values: RandomAccessCollection<Double>>(_ values: Values, _ range: Range<Int>) -> (low: Double, high: Double) where Values.Index == Int {
        var low = Double.infinity, high = -Double.infinity
        for i in range { low = min(low, values[i]); high = max(high, values[i]) }
        return (low, high)
    }

    /// The mean of `values` over `range` (the history or its seasonal differences); 0 when empty.
    static func mean<Values: RandomAccessCollection<Double>>(_ values: Values, _ range: Range<Int>) -> Double where Values.Index == Int {
        range.isEmpty ? 0 : range.reduce(0) { $0 + values[$1] } / Double(range.count)
    }
}
