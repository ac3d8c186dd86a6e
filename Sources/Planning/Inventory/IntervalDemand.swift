import Forecasting

/// Demand over the days of a protection interval, from a weekly forecast and the item's
/// recent daily use: its mean and the variance of its forecast error.
///
/// Why not the one-week spread per day grown by sqrt(P): a protection interval rarely holds
/// whole weeks. Ten days from a Wednesday are five days of this week and five of the next,
/// and many items are used on a few fixed days (a ward restocked on Tuesdays and Fridays), so
/// whether those days fall inside the interval matters more than the week's total. Each
/// day takes its weekday's share of its week's forecast; the variance is each forecast
/// week's own error variance at its horizon, weighted by the share of it inside the
/// interval, plus what a part of a week adds beyond its share of the week's total, measured
/// on the item's own recent weeks.
public struct IntervalDemand: Sendable, Equatable {
    public var mean: Double
    /// Variance of demand over the interval around `mean` (forecast error, not lead-time spread).
    public var variance: Double

    public init(mean: Double, variance: Double) {
        self.mean = mean
        self.variance = variance
    }

    /// Recent daily use of one item: whole ISO weeks, Monday first, oldest first.
    public struct RecentWeeks: Sendable {
        /// `weeks` x 7 daily quantities.
        public var days: [Float]
        public var weeks: Int { days.count / 7 }

        public init(days: [Float]) { self.days = days }

        /// Whether the item is used nearly every day, in quantity: on at least 90% of the
        /// last 8 weeks' days and at least 10 units a day on average. Such an item is forecast
        /// day by day (`init(dayMeans:daySpreads:days:)`): a weekly forecast learns a change
        /// of level a week late, and over a fall in demand (the autumn decline of a daily
        /// series) that lag kept its levels 6-8% above what came. Items issued in batches on
        /// a few weekdays, or a few units at a time, keep the weekly forecast, whose weekday
        /// shares and count models describe them better and cost far less.
        public var isUsedDaily: Bool { isUsedDaily(overLast: 56) }

        /// `isUsedDaily` over the last `window` days: for an item first used under 8 weeks ago,
        /// the days since then that the recent weeks hold (a week at least: they end with the
        /// last whole week, and an item of 14 days' use in an export ending on a Saturday has 8
        /// there; under 14 days of use, a new item is planned by the day anyway). Such a new
        /// item was planned on its 3 to 6 weekly totals, whose spread from so few points gave
        /// identical items used 20 ± 5 a day safety stock from 9.6 to 67.7 units where 30.8 was
        /// right; its days tell the spread far better.
        public func isUsedDaily(overLast window: Int) -> Bool {
            guard window >= 7, days.count >= window else { return false }
            var used = 0, total = 0.0
            for x in days.suffix(window) where x > 0 {
                used += 1
                total += Double(x)
            }
            return Double(used) >= 0.9 * Double(window) && total >= 10 * Double(window)
        }

        /// Each weekday's share of the weekly total, shrunk towards 1/7 for items with little
        /// use (a pseudo-count of `prior` units spread evenly), so a handful of issues does not
        /// decide which weekdays an item is used on.
        public func weekdayShares(prior: Double = 28) -> [Double] {
            var sums = [Double](repeating: 0, count: 7)
            for (k, x) in days.enumerated() { sums[k % 7] += Double(max(0, x)) }
            let total = sums.reduce(0, +)
            return sums.map { ($0 + prior / 7) / (total + prior) }
        }

        /// Variance-to-mean ratio of the recent weekly totals (at least 1, Poisson), or nil
        /// with fewer than 4 weeks. (The planner takes `pooledDispersion` of the last year's
        /// weekly history first; this only when that has fewer than 4 weeks.) Count models take it rather than the whole history's:
        /// an item whose use peaked two years ago and stopped kept a dispersion of hundreds,
        /// and a safety stock of hundreds of units for a forecast of 0.08 a week.
        public func weeklyDispersion() -> Double? {
            guard weeks >= 4 else { return nil }
            return weekTotals.withUnsafeBufferPointer { CountDistribution.dispersion(of: $0) }
        }

        /// The variance-to-mean ratio of an item's weekly use over its last year, each week's
        /// spread measured around the mean of its own quarter (`block` weeks, counted back from
        /// the last week, `blocks` of them): at least 1 (Poisson), or nil with fewer than 4 weeks.
        ///
        /// Why not the recent weeks' own ratio (`weeklyDispersion`): a lumpy item's spread is
        /// set by a few large issues, and 12 weeks hold few of them. Forty identical items
        /// (an issue on 5% of days, geometric sizes of mean 10: a true ratio of 18.5) read
        /// ratios from 1 to 48.6 over their last 12 weeks, and were planned order-up-to levels
        /// from 5 to 127 for a true need of about 40: at a 95% fill-rate target they served
        /// 86.6% in the replay, 60% of them under target, as a fill rate falls faster below a
        /// level than it rises above it. Why within quarters: a change of level is not spread
        /// (an item whose use peaked two years ago and stopped read a ratio of hundreds).
        /// Pooling the quarters' spreads around their own means is the pooled (within-group)
        /// variance of a one-way analysis of variance, here over the groups' means the same
        /// way (sum_q sum_w (y_w - mean_q)^2 / sum_q (n_q - 1) mean_q). The same 40 items then
        /// served 95.8% in the replay (90% and 99% targets: 81.9% and 93.2% before, 92.6% and
        /// 99.0% after).
        ///
        /// Why a year, not the whole history: the ratio scales with the size of an issue, and
        /// issue sizes change (boxes become eaches): items issued 50 at a time in their first
        /// year and 5 in their second read a pooled ratio of 91 over both for a current 9, and
        /// were planned 8 times the stock they need (a review's 30 items, +$51,000). Why a
        /// quarter far more spread than the others is left out: one bulk issue of 60 (a
        /// transfer, a one-off case) in two years of 0.08 a day read a ratio of about 30 for a
        /// Poisson item's 1, and set its level at 74 units for a need of 4, for as long as the
        /// issue stayed in the export. A quarter before the latest whose ratio is more than `oneOff` times the
        /// other quarters' pooled ratio, when those hold at least 4 weeks of use to judge by, is
        /// such a one-off. On 2,000 simulated items each of stationary lumpy use (an issue on 1%
        /// to 5% of days, sizes 3 to 20) the rule left out a quarter of 0.0% to 0.5% of them,
        /// and the one-off issue's in every one of 400; over a year the stationary items' ratio
        /// averages 17.5 for 18.5 (over two years 18.0).
        ///
        /// The rate's own uncertainty (adding P^2 Var(d) to the interval's variance, Var(d)
        /// from the number of issues seen) was measured too: about 1.5 units on levels of 50,
        /// where the 12 weeks' ratio spread identical items' levels by a standard deviation of
        /// 23.5 units; it is left out.
        public static func pooledDispersion(weeklyTotals y: [Double], block: Int = 12, blocks: Int = 4) -> Double? {
            guard y.count >= 4, block >= 2 else { return nil }
            // The last `blocks` quarters, most recent first: each one's sum of squares around its
            // own mean, its (n - 1) x mean, and its weeks with use.
            var quarters: [(squares: Double, weightedMean: Double, weeksUsed: Int)] = []
            var end = y.count
            while end > 0 && quarters.count < blocks {
                let start = max(0, end - block)
                let n = end - start
                if n >= 2 {
                    var sum = 0.0, used = 0
                    for k in start..<end {
                        sum += max(0, y[k])
                        if y[k] > 0 { used += 1 }
                    }
                    let mean = sum / Double(n)
                    var squares = 0.0
                    for k in start..<end { squares += (max(0, y[k]) - mean) * (max(0, y[k]) - mean) }
                    quarters.append((squares, Double(n - 1) * mean, used))
                }
                end = start
            }
            func pooled(_ q: some Sequence<(squares: Double, weightedMean: Double, weeksUsed: Int)>) -> Double {
                var squares = 0.0, weightedMeans = 0.0
                for x in q { squares += x.squares; weightedMeans += x.weightedMean }
                return weightedMeans > 0 ? max(1, squares / weightedMeans) : 1
            }
            // A one-off quarter: the most spread one, against the others; never the latest, which
            // is how the item is used now (a flu kit's season: left out, its level fell from 82
            // to 46 where about 120 serves 95%).
            let ratios = quarters.map { pooled([$0]) }
            if quarters.count >= 3, let widest = ratios.indices.max(by: { ratios[$0] < ratios[$1] }), widest > 0 {
                let others = quarters.indices.filter { $0 != widest }.map { quarters[$0] }
                if others.reduce(0, { $0 + $1.weeksUsed }) >= 4 && ratios[widest] > oneOff * pooled(others) {
                    return pooled(others)
                }
            }
            return pooled(quarters)
        }

        /// How many times the other quarters' ratio a quarter's must exceed to be a one-off
        /// (`pooledDispersion`).
        static let oneOff = 8.0

        /// Each week's use (returns, negative days, count as no use).
        var weekTotals: [Double] { (0..<weeks).map { w in (0..<7).reduce(0.0) { $0 + Double(max(0, days[w * 7 + $1])) } } }

        /// Mean squared difference between the use on `weekdays` and their share of the week's
        /// total, over the recent weeks: the within-week spread a part of a week adds.
        public func partialWeekVariance(weekdays: [Bool], share: Double) -> Double {
            guard weeks > 0 else { return 0 }
            var sum = 0.0
            for w in 0..<weeks {
                var part = 0.0, total = 0.0
                for d in 0..<7 {
                    let x = Double(max(0, days[w * 7 + d]))
                    total += x
                    if weekdays[d] { part += x }
                }
                sum += (part - share * total) * (part - share * total)
            }
            return sum / Double(weeks)
        }
    }

    /// How much of day `k` (0 first) an interval of `days` covers: all of each day but a
    /// fractional last one.
    static func dayWeight(_ k: Int, of days: Double) -> Double {
        let whole = Int(days.rounded(.up))
        return k == whole - 1 && days < Double(whole) ? days - Double(whole - 1) : 1
    }

    /// From a daily forecast whose first day is the interval's first day: each day's forecast
    /// and the variance of its error at its own horizon, the days' errors summed as
    /// independent (as the weeks' are from a weekly forecast). A fraction in `days` counts
    /// part of the last day.
    public init(dayMeans: [Double], daySpreads: [Double], days: Double) {
        let whole = max(0, Int(days.rounded(.up)))
        var mean = 0.0, variance = 0.0
        for k in 0..<min(whole, dayMeans.count) {
            let weight = Self.dayWeight(k, of: days)
            let s = daySpreads.isEmpty ? 0 : daySpreads[min(k, daySpreads.count - 1)]
            mean += weight * max(0, dayMeans[k])
            variance += weight * weight * s * s
        }
        self.init(mean: mean, variance: variance)
    }

    /// - Parameters:
    ///   - weekMeans: forecast weekly totals; index 0 is the week after the last complete week.
    ///   - weekSpreads: the standard deviation of each of those weeks' forecast error.
    ///   - firstWeekday: ISO weekday (1 = Monday) of the interval's first day.
    ///   - firstWeek: index into the forecasts of the interval's first day's week.
    ///   - days: length of the interval in days; a fraction counts part of the last day.
    public init(weekMeans: [Double], weekSpreads: [Double], firstWeekday: Int, firstWeek: Int, days: Double, recent: RecentWeeks) {
        let shares = recent.weekdayShares()
        let whole = max(0, Int(days.rounded(.up)))
        // Per week the interval touches, in order (a dictionary's order would change the sums' last bits).
        let span = (firstWeekday - 1 + whole + 6) / 7
        var share = [Double](repeating: 0, count: span), weekShare = [Double](repeating: 0, count: span)
        var weekdays = [[Bool]](repeating: [Bool](repeating: false, count: 7), count: span)
        for k in 0..<whole {
            let offset = firstWeekday - 1 + k
            let week = offset / 7, weekday = offset % 7
            let weight = Self.dayWeight(k, of: days)
            share[week] += weight * shares[weekday]
            weekShare[week] += shares[weekday]
            weekdays[week][weekday] = true
        }
        let level = recent.weeks > 0 ? recent.weekTotals.reduce(0, +) / Double(recent.weeks) : 0
        var mean = 0.0, variance = 0.0
        for w in 0..<span where !weekMeans.isEmpty {
            let h = firstWeek + w
            let m = max(0, weekMeans[min(h, weekMeans.count - 1)])
            let s = weekSpreads.isEmpty ? 0 : weekSpreads[min(h, weekSpreads.count - 1)]
            mean += share[w] * m
            variance += share[w] * share[w] * s * s
            if weekdays[w].contains(false) {
                // Measured at the recent weeks' level, scaled to the forecast's.
                let scale = level > 0 ? m / level : 1
                variance += recent.partialWeekVariance(weekdays: weekdays[w], share: weekShare[w]) * scale * scale
            }
        }
        self.init(mean: mean, variance: variance)
    }
}
