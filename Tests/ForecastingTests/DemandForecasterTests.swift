import Testing
@testable import Forecasting

@Suite struct DemandForecasterTests {
    let settings = ForecastSettings(horizon: 6, season: 12)

    @Test func classesFollowADIAndCV2Cutoffs() {
        #expect(DemandClass(classifying: [Double](repeating: 0, count: 10)) == .zero)
        #expect(DemandClass(classifying: [5, 6]) == .short)
        // Every period has demand (ADI 1) of steady size: smooth.
        #expect(DemandClass(classifying: [10, 11, 9, 10, 12, 10, 9, 11]) == .smooth)
        // ADI 1, sizes 1 and 20: CV² = (9.5² / 10.5²) = 0.82 > 0.49: erratic.
        #expect(DemandClass(classifying: [1, 20, 1, 20, 1, 20, 1, 20]) == .erratic)
        // ADI 12 / 4 = 3, equal sizes: intermittent.
        #expect(DemandClass(classifying: [0, 0, 5, 0, 0, 5, 0, 0, 5, 0, 0, 5]) == .intermittent)
        // ADI 3, sizes 1 and 30: lumpy.
        #expect(DemandClass(classifying: [0, 0, 1, 0, 0, 30, 0, 0, 1, 0, 0, 30]) == .lumpy)
    }

    @Test func metricsFollowTheirFormulas() {
        // History 1,2,3,4 with season 1: scale = mean |diff| = 1, mean squared diff = 1.
        let history: [Double] = [1, 2, 3, 4]
        let m = history.withUnsafeBufferPointer {
            AccuracyMetrics(actual: [5, 5][...], forecast: [4, 7][...], history: $0, season: 1)
        }
        #expect(close(m.mase, 1.5))                       // (1 + 2) / 2 / 1
        #expect(close(m.rmsse, (5.0 / 2).squareRoot()))    // sqrt((1 + 4) / 2 / 1)
        #expect(close(m.wape, 0.3))                        // 3 / 10
        #expect(close(m.bias, 0.1))                        // (-1 + 2) / 10
        #expect(close(m.smape, (200.0 / 9 + 400.0 / 12) / 2))
        // With a season, MASE scales by the seasonal differences and RMSSE by the lag-1 ones
        // (DESIGN.md's accuracy.csv): history 0,4,1,5,2,6 has lag-2 differences 1 and lag-1
        // squared differences (16 + 9 + 16 + 9 + 16) / 5 = 13.2.
        let seasonal: [Double] = [0, 4, 1, 5, 2, 6]
        let s = seasonal.withUnsafeBufferPointer {
            AccuracyMetrics(actual: [3, 7][...], forecast: [4, 7][...], history: $0, season: 2)
        }
        #expect(close(s.mase, 0.5))                        // (1 + 0) / 2 / 1
        #expect(close(s.rmsse, (0.5 / 13.2).squareRoot()))  // sqrt((1 + 0) / 2 / 13.2)
    }

    /// A scale within rounding of 0 (a constant rate per average-length month, 1e-14 apart) is
    /// no scale: a perfect forecast, off by rounding, scores 0, not noise over noise (0.6).
    @Test func roundingOverRoundingIsNoError() {
        let history: [Double] = [305.25, 305.25000000000006, 305.24999999999994, 305.25, 305.25000000000006]
        let m = history.withUnsafeBufferPointer {
            AccuracyMetrics(actual: [305.25, 305.25][...], forecast: [305.25000000000006, 305.24999999999994][...], history: $0, season: 1)
        }
        #expect(m.mase == 0 && m.rmsse == 0, "\(m)")
        let off = history.withUnsafeBufferPointer {
            AccuracyMetrics(actual: [305.25, 305.25][...], forecast: [300, 300][...], history: $0, season: 1)
        }
        #expect(off.mase == .infinity && off.rmsse == .infinity)
    }

    @Test func weeklyCensusClimbingInItsFirstYearIsFollowed() throws {
        // 30 weeks at 100 (+-2), then 10 a week more for 10 weeks, to 200. With means and
        // Croston's alpha <= 0.3 alone, the next week was forecast at 177.
        let y: [Double] = (0..<40).map { t in
            let level = t < 30 ? 100.0 : 100.0 + 10.0 * Double(t - 29)
            return level + (t % 2 == 0 ? 2.0 : -2.0)
        }
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 2, season: 52)).forecast(y)
        #expect(f.mean[0] > 195 && f.mean[0] < 220, "\(f.mean) \(f.model)")
    }

    @Test func aNoisyWeeklyStepIsNotPulledBackToTheOldLevel() throws {
        // 26 weeks at 100, then 14 at 160, with swings of up to +-40: the backtest's last few
        // weeks cannot rule out the history's mean (about 121), and with a share it pulled the
        // next week to 156.8.
        let noise: [Double] = [9, -14, 4, 12, -7, -2, 15, -11, 6, -5, 1, -9, 13, -3, 8, -15, 2, 10, -6, 5]
        let y: [Double] = (0..<40).map { t in ((t < 26 ? 100 : 160) + 40 * noise[t % 20] / 15).rounded() }
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 4, season: 52)).forecast(y)
        #expect(abs(f.mean[0] - 160) < 2.5, "\(f.mean) \(f.model)")
        #expect(!f.model.contains("HistoricAverage"))
    }

    /// Three years of months forecast a year ahead: the last origin leaves 24 months, short of
    /// MSTL's 26, and the whole backtest was dropped for it (equal weights, no accuracy). Then
    /// MSTL was left out; now the backtest forecasts 10 or 11 months ahead instead, and every
    /// candidate is weighed (on the hospital set's 767 series cut to 36 and 37 months, MASE
    /// 0.836 -> 0.831 and 0.816 -> 0.811).
    @Test func threeYearsOfMonthsAreBacktestedAlmostAYearAhead() throws {
        let y: [Double] = (0..<36).map { t in 100 + 20 * sin(Double(t) * 2 * .pi / 12) + Double((t * 7) % 5) }
        for n in [36, 37] {
            let f = try DemandForecaster(settings: ForecastSettings(horizon: 12, season: 12)).forecast(Array((y + y).prefix(n)))
            #expect(!f.candidates.isEmpty && f.candidates.allSatisfy { $0.origins > 0 }, "\(n): \(f.candidates.map(\.model))")
            #expect(f.candidates.contains { $0.model == "mstl" }, "\(n): \(f.candidates.map(\.model))")
            #expect(f.backtestHorizon == n - 26, "\(n): \(f.backtestHorizon)")
        }
    }

    @Test func autoCandidatesFollowTheHistory() throws {
        let names = { (c: DemandClass, count: Int, cycle: Double?) in
            DemandForecaster.candidates(for: c, season: 12, longCycle: cycle, count: count).map(\.name)
        }
        // ETS, Theta and seasonal naive once two seasons are seen; heavy smoothing before.
        #expect(names(.smooth, 18, nil) == ["moving_average", "historic_average", "croston_optimized"])
        #expect(names(.smooth, 18, nil) == names(.smooth, 23, nil))
        // The trend-and-season regression and MSTL's shape without a long cycle (the season
        // removed, ETS on the rest) once three seasons are seen.
        #expect(names(.smooth, 35, nil) == names(.smooth, 24, nil))
        #expect(names(.smooth, 36, nil) == ["ets", "theta", "seasonal_naive", "moving_average", "historic_average", "croston_optimized", "regression", "mstl"])
        #expect(names(.smooth, 24, nil) == ["ets", "theta", "seasonal_naive", "moving_average", "historic_average", "croston_optimized"])
        // Daily data (a long cycle of a year): Croston's heavily smoothed level, Theta's drift and
        // the seasonal naive only once a year is seen.
        #expect(names(.erratic, 24, 365.2425) == ["ets", "mstl"])
        #expect(!names(.smooth, 364, 365.2425).contains("theta"))
        #expect(!names(.smooth, 364, 365.2425).contains("seasonal_naive"))
        #expect(names(.erratic, 366, 365.2425) == ["ets", "theta", "seasonal_naive", "sba_optimized", "mstl"])
        // Weekly histories short of two years get ETS without its season from two dozen weeks on,
        // and then leave out the history's mean.
        let weekly = { (count: Int) in DemandForecaster.candidates(for: .smooth, season: 52, count: count).map(\.name) }
        #expect(weekly(23) == ["historic_average", "croston_optimized"])
        #expect(weekly(24) == ["ets", "croston_optimized"])
        #expect(weekly(53) == ["ets", "moving_average", "croston_optimized"])
        #expect(weekly(104).contains("historic_average"))
        // Until the history is longer than a season, its moving average is its mean: left out.
        #expect(names(.smooth, 12, nil) == ["historic_average", "croston_optimized"])
        // With a long cycle (daily data), MSTL carries it in place of the global fits, whether
        // the history spans it or not, and no flat mean of the last week stands beside ETS.
        #expect(names(.smooth, 365, 365.2425) == names(.smooth, 364, 365.2425))
        #expect(names(.smooth, 60, 365.2425) == names(.smooth, 364, 365.2425))
        #expect(names(.smooth, 366, 365.2425) == ["ets", "theta", "seasonal_naive", "croston_optimized", "mstl"])
        #expect(names(.lumpy, 18, nil) == ["sba_optimized", "tsb_optimized", "croston_optimized", "adida", "imapa", "moving_average", "historic_average"])
        // The automatic ETS search damps every trend: a straight climb is fitted with a damped one.
        let climb: [Double] = (0..<40).map { (t: Int) -> Double in
            let wobble = Double((t * 7) % 3)
            return 10 + 2 * Double(t) + wobble
        }
        let auto = try #require(try ETSModel(undampedTrends: false).forecast(climb, horizon: 1, season: 1))
        func trendOf(_ label: String) -> String {
            let parts: [Substring] = label.split(separator: ",")
            return parts.count == 3 ? String(parts[1]) : ""
        }
        let autoTrend: String = trendOf(auto.label)
        #expect(autoTrend == "Ad")
        let unrestricted = try #require(try ETSModel().forecast(climb, horizon: 1, season: 1))
        let unrestrictedTrend: String = trendOf(unrestricted.label)
        #expect(unrestrictedTrend == "A")   // the unrestricted search prefers the straight trend here
    }

    @Test func intermittentAndLumpySeriesAreJudgedOnRMSSE() {
        #expect(DemandClass.allCases.filter(\.judgedOnRMSSE) == [.intermittent, .lumpy])
    }

    @Test func shortIntermittentHistoriesAreBacktested() throws {
        // 18 months of spare-part demand with season 12: the intermittent candidates need no
        // season, so all three origins (12, 10, 8) are used and the weights differ.
        let y: [Double] = [5, 0, 7, 9, 0, 0, 6, 8, 0, 4, 10, 0, 0, 0, 5, 0, 6, 7]
        let f = try DemandForecaster(settings: settings).forecast(y)
        #expect(f.demandClass == .lumpy || f.demandClass == .intermittent)
        let members = f.candidates.filter { $0.model != "combination" }
        #expect(members.count == 7)
        #expect(members.allSatisfy { $0.origins == 3 })
        #expect(Set(members.map(\.weight)).count > 1)
    }

    @Test func poissonQuantilesMatchTheTable() {
        // Poisson(2): P(X<=3) = 0.857, P(X<=4) = 0.947, P(X<=5) = 0.983.
        let d = CountDistribution(mean: 2, dispersion: 1)
        #expect(d.quantile(0.9) == 4)
        #expect(d.quantile(0.95) == 5)
        #expect(d.quantile(0.5) == 2)
        #expect(CountDistribution(mean: 0, dispersion: 1).quantile(0.95) == 0)
    }

    @Test func countQuantilesAreTheSmallestCountReachingTheProbability() {
        // The bisection against the definition, from small Poisson counts to a weekly count in
        // the tens of thousands with a variance 10,000 times its mean.
        for (mean, dispersion) in [(0.3, 1.0), (2.0, 1.0), (7.5, 3.0), (40.0, 25.0), (75_000.0, 10_000.0)] {
            let d = CountDistribution(mean: mean, dispersion: dispersion)
            for p in [0.025, 0.1, 0.5, 0.9, 0.975] {
                let k = Int(d.quantile(p))
                #expect(d.cdf(k) >= p, "mean \(mean), p \(p): cdf(\(k)) = \(d.cdf(k))")
                #expect(k == 0 || d.cdf(k - 1) < p, "mean \(mean), p \(p): \(k - 1) already reaches it")
            }
        }
    }

    @Test func degenerateSeriesGiveFiniteNonNegativeForecasts() throws {
        let forecaster = DemandForecaster(settings: settings)
        let cases: [[Double]] = [
            [0, 0, 0, 0, 0, 0, 0, 0],
            [5],
            [Double](repeating: 7, count: 40),
            [5, -9, 4, 3, -1, 6, 2, 8, -3, 4],
            (0..<40).map { Double($0 % 5 == 0 ? 3 : 0) },
        ]
        for y in cases {
            let f = try forecaster.forecast(y)
            #expect(f.mean.count == 6)
            #expect(f.mean.allSatisfy { $0.isFinite && $0 >= 0 }, "\(y) -> \(f.mean)")
            for band in f.lower + f.upper { #expect(band.allSatisfy { $0.isFinite && $0 >= 0 }) }
            for (lo, hi) in zip(f.lower[0], f.upper[0]) { #expect(lo <= hi) }
        }
        #expect(try forecaster.forecast([0, 0, 0, 0, 0, 0, 0, 0]).mean == [0, 0, 0, 0, 0, 0])
        #expect(try forecaster.forecast([Double](repeating: 7, count: 40)).mean.allSatisfy { close($0, 7, relative: 1e-6) })
        #expect(try forecaster.forecast([5]).demandClass == .short)
    }

    @Test func seasonalSeriesIsForecastClosely() throws {
        // A clean seasonal series with a trend: seasonal models backtest well and are chosen;
        // the moving average, which misses both, is measurably worse and gets no share.
        let y = (0..<60).map { t in 100 + 30 * sin(Double(t) * .pi / 6) + Double(t) }
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 12, season: 12)).forecast(y)
        #expect(f.demandClass == .smooth)
        #expect(f.candidates.contains { $0.chosen })
        #expect(f.candidates.first { $0.model == "moving_average" }?.weight == 0)
        #expect(f.candidates.filter { $0.model != "combination" }.allSatisfy { $0.origins == 3 })
        let errors = zip(f.mean, (60..<72).map { t in 100 + 30 * sin(Double(t) * .pi / 6) + Double(t) }).map { abs($0 - $1) }
        #expect(errors.max()! < 10)
    }

    @Test func combinationWeightsFollowBacktestErrors() throws {
        // A seasonal series without trend, with a little noise: repeating last year's pattern
        // (seasonal naive) backtests far better than the last value or a moving average, which
        // both miss the season: they are measurably worse, so they get no weight at all.
        let y = (0..<60).map { t in 100 + 30 * sin(Double(t) * .pi / 6) + Double((t * 7) % 5) - 2 }
        let models: [any ForecastModel] = [NaiveModel(), SeasonalNaiveModel(), MovingAverageModel()]
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 12, season: 12, models: models)).forecast(y)
        let members = f.candidates.filter { $0.model != "combination" }
        #expect(members.map(\.model).sorted() == ["moving_average", "naive", "seasonal_naive"])
        #expect(members.first { $0.model == "seasonal_naive" }?.weight == 1)
        #expect(members.filter { $0.model != "seasonal_naive" }.allSatisfy { $0.weight == 0 })
        #expect(f.model == "SeasonalNaive")
    }

    @Test func candidatesCloseToTheBestShareInverselyToTheirErrors() throws {
        // Three candidates over one 12-step origin: A misses by 1 every step, B by 2 or 0.8 (1.2 on
        // average: no measurable difference), C by 10 every step (measurably worse: left out).
        let y = (0..<40).map { Double(50 + ($0 * 7) % 5) }
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 12, season: 1))
        func member(_ name: String, _ miss: (Int) -> Double) -> DemandForecaster.Member {
            let run = DemandForecaster.BacktestRun(end: 28, forecast: (0..<12).map { y[28 + $0] + miss($0) })
            let metrics = y.withUnsafeBufferPointer { forecaster.score([run], $0) }
            return .init(name: name, full: ModelForecast(mean: [50], label: name), backtest: [run], metrics: metrics)
        }
        var members = [member("a") { $0 % 2 == 0 ? 1 : -1 }, member("b") { $0 % 3 == 0 ? -2 : 0.8 }, member("c") { _ in 10 }]
        y.withUnsafeBufferPointer { DemandForecaster.weigh(&members, history: $0, judgedOnRMSSE: false) }
        #expect(members[2].weight == 0)
        #expect(abs(members[0].weight + members[1].weight - 1) < 1e-12)
        // Inversely proportional to the squared backtest MASE: weight x MASE^2 is one constant,
        // MASE 1 against 1.2 here (B's misses average 1.2), so A gets 1.44 / 2.44 = 59%.
        let a = members[0].metrics!.mase, b = members[1].metrics!.mase
        #expect(abs(members[0].weight * a * a - members[1].weight * b * b) < 1e-12)
        #expect(abs(members[0].weight - b * b / (a * a + b * b)) < 1e-12)
        #expect(members[0].weight > members[1].weight)
    }

    @Test func dieboldMarianoStatisticMatchesAnIndependentHACComputation() {
        // Ten loss differences, lag 4(10/100)^(2/9) = 2. Expected: statsmodels 0.14
        // OLS(d, constant).fit(cov_type="HAC", cov_kwds={"maxlags": 2, "use_correction": False})
        // t value of the constant, 5.0822981 (Bartlett weights, no small-sample correction).
        let d = [0.5, -0.2, 0.3, 0.1, 0.4, -0.1, 0.2, 0.6, 0.0, 0.3]
        #expect(abs(DemandForecaster.dieboldMariano(d) - 5.0822981) < 1e-6)
        #expect(DemandForecaster.dieboldMariano(d.map { -$0 }) < 0)
        #expect(DemandForecaster.dieboldMariano([0.2, 0.2, 0.2]) == .infinity)
    }

    @Test func aLongBacktestLeavesOutACandidateThatLosesAtTheFivePercentLevel() throws {
        // Daily-like: 28 steps from three origins 9 apart, 46 periods in all. A misses by 1, B by
        // 0.4 to 2.2 (1.28 on average): the t statistic over every step is 4.45, short of the
        // short-backtest bar of 5, while the Diebold-Mariano statistic is 4.68, past 1.645 (both
        // computed independently with numpy). At 12 steps (20 periods, t 3.35) B keeps a share.
        func weights(horizon: Int) -> [Double] {
            let y = (0..<200).map { Double(50 + ($0 * 7) % 5) }
            let forecaster = DemandForecaster(settings: ForecastSettings(horizon: horizon, season: 1))
            let origins = forecaster.backtestOrigins(count: y.count)
            func member(_ name: String, _ miss: (Int) -> Double) -> DemandForecaster.Member {
                let runs = origins.map { end in
                    DemandForecaster.BacktestRun(end: end, forecast: (0..<horizon).map { y[end + $0] + miss(end + $0) })
                }
                let metrics = y.withUnsafeBufferPointer { forecaster.score(runs, $0) }
                return .init(name: name, full: ModelForecast(mean: [50], label: name), backtest: runs, metrics: metrics)
            }
            var members = [member("a") { $0 % 2 == 0 ? 1 : -1 }, member("b") { 1.3 + 0.9 * Double(($0 * 37) % 11 - 5) / 5 }]
            y.withUnsafeBufferPointer { DemandForecaster.weigh(&members, history: $0, judgedOnRMSSE: false) }
            return members.map(\.weight)
        }
        #expect(weights(horizon: 28) == [1, 0])
        let short = weights(horizon: 12)
        #expect(short[1] > 0.3 && short[1] < 0.5)
    }

    /// The test says a difference is real, not that it matters: with 46 periods it found
    /// ETS's MASE 0.709 worse than Croston's 0.688 on a daily census, and left Croston alone
    /// from 21 days ahead on (`exclusionMargin`). Here A misses by 1 and B by 1.03 every
    /// period, 3% worse: the loss differences are a constant 0.03, a Diebold-Mariano statistic
    /// of infinity, yet B keeps a share near A's ((1 / 1.03)^2 = 0.943 of it: 0.485 of the
    /// whole). At 1.2 (20% worse) the test leaves B out.
    @Test func aLongBacktestKeepsACandidateWithinTenPercentOfTheBest() throws {
        func weights(miss: Double) -> [Double] {
            let y = (0..<200).map { Double(50 + ($0 * 7) % 5) }
            let forecaster = DemandForecaster(settings: ForecastSettings(horizon: 28, season: 1))
            let origins = forecaster.backtestOrigins(count: y.count)
            func member(_ name: String, _ size: Double) -> DemandForecaster.Member {
                let runs = origins.map { end in
                    DemandForecaster.BacktestRun(end: end, forecast: (0..<28).map { y[end + $0] + ((end + $0) % 2 == 0 ? size : -size) })
                }
                let metrics = y.withUnsafeBufferPointer { forecaster.score(runs, $0) }
                return .init(name: name, full: ModelForecast(mean: [50], label: name), backtest: runs, metrics: metrics)
            }
            var members = [member("a", 1), member("b", miss)]
            y.withUnsafeBufferPointer { DemandForecaster.weigh(&members, history: $0, judgedOnRMSSE: false) }
            return members.map(\.weight)
        }
        let close = weights(miss: 1.03)
        #expect(abs(close[1] - 0.943 / 1.943) < 0.002, "\(close)")
        #expect(weights(miss: 1.2) == [1, 0])
    }

    /// A series whose best ETS form changes late: level and noise for four years, then a steep
    /// climb over the last months. Chosen on the whole history, ETS would be handed the climb's
    /// trend at origins that have not seen it yet.
    static let lateTrend: [Double] = (0..<60).map { (t: Int) -> Double in
        let noise = Double((t * 37) % 11) - 5
        let climb: Double = t >= 50 ? 6 * Double(t - 49) : 0
        return 50 + noise + climb
    }

    @Test func etsBacktestsChooseTheirModelBeforeTheFirstOrigin() throws {
        let y = Self.lateTrend
        let settings = ForecastSettings(horizon: 6, season: 12, models: [ETSModel()])
        let forecaster = DemandForecaster(settings: settings)
        let ets = try #require(try forecaster.forecast(y).candidates.first { $0.model == "ets" })
        // The backtest by hand: the ETS form chosen on the data before the earliest origin
        // (which every origin has seen; chosen as the selection does, without the optimiser's
        // restart), refitted at each origin.
        let origins = forecaster.backtestOrigins(count: y.count)
        let early = try #require(try Array(y[0..<origins[0]]).withUnsafeBufferPointer {
            try ETSModel().search($0, horizon: 1, season: 12, restarting: false)
        })
        let spec = try #require(ETSSpec(early.label))
        var runs: [DemandForecaster.BacktestRun] = []
        for end in origins {
            let fit = try #require(try ETSModel(specs: [spec]).forecast(Array(y[0..<end]), horizon: min(6, y.count - end), season: 12))
            runs.append(.init(end: end, forecast: forecaster.clip(fit.mean)))
        }
        // The series must make that choice differ from the whole history's, or this could not
        // tell an honest backtest from one that reuses the final model.
        let whole = try #require(try ETSModel().forecast(y, horizon: 6, season: 12))
        #expect(early.label != whole.label, "chosen before the origins: \(early.label), on the whole history: \(whole.label)")
        let expected = try #require(y.withUnsafeBufferPointer { forecaster.score(runs, $0) })
        #expect(abs(ets.metrics.mase - expected.mase) < 1e-12, "reported \(ets.metrics.mase), chosen before the origins \(expected.mase)")
        #expect(ets.origins == runs.count)
    }

    @Test func aHorizonLongerThanTheHistoryAllowsShortensTheBacktestNotThePool() throws {
        // Two years repeating one season (160 in January, 40 in July). Forecast 18 months
        // ahead, a backtest of 18 leaves 6 months before its origin: seasonal naive was dropped
        // and the forecast came out flat at 114. Backtested 12 ahead, it is kept and wins.
        let year: [Double] = [160, 152, 130, 100, 70, 48, 40, 48, 70, 100, 130, 152]
        let y = year + year
        let twelve = try DemandForecaster(settings: ForecastSettings(horizon: 12, season: 12)).forecast(y)
        let eighteen = try DemandForecaster(settings: ForecastSettings(horizon: 18, season: 12)).forecast(y)
        #expect(eighteen.backtestHorizon == 12)
        #expect(twelve.backtestHorizon == 12)
        for k in 0..<18 { #expect(abs(eighteen.mean[k] - year[k % 12]) < 0.01, "month \(k + 1): \(eighteen.mean[k])") }
        #expect(eighteen.candidates.contains { $0.model == "seasonal_naive" && $0.weight > 0.99 })
        // A model named alone is backtested the same way, not dropped.
        let named = try DemandForecaster(settings: ForecastSettings(horizon: 18, season: 12, models: [ETSModel(), SeasonalNaiveModel()])).forecast(y)
        #expect(abs(named.mean[6] - 40) < 0.01)

        // A straight line of +10 a month over three years, 31 months ahead: no origin was left
        // for a backtest of 31, every candidate had an equal share (the history's mean among
        // them), and the next month came out at 407 against 460 on the line.
        let line = (0..<36).map { 100 + 10 * Double($0) }
        let far = try DemandForecaster(settings: ForecastSettings(horizon: 31, season: 12)).forecast(line)
        #expect(far.backtestHorizon > 0 && far.backtestHorizon < 31)
        #expect(abs(far.mean[0] - 460) < 1, "\(far.mean[0])")
        // Too short for any backtest: no horizon is reported.
        #expect(try DemandForecaster(settings: ForecastSettings(horizon: 3, season: 12)).forecast([4, 5, 6, 5, 4, 5]).backtestHorizon == 0)
    }

    /// 100 items with the same weekly demand: 7 days of 4 to 15 each (weekly mean 66.5, standard
    /// deviation 9.1), 50 weeks, 3 weeks ahead. Where ETS held under half the weight beside
    /// Croston (which has no spread of its own), the spread came from the combination's two or
    /// three backtest errors per horizon: from 2.1 to 18.4 for a true 10.5 in a buyer's review,
    /// one item ±2.7 next week and ±21 the week after, and safety stock with it (here from 2.9
    /// to 17.1). Now every item's spread is within a factor of two of the truth, and their
    /// median within 15%.
    @Test func aCombinationsSpreadDoesNotRestOnAFewBacktestErrors() throws {
        var state: UInt64 = 2_025
        func day() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(4 + (state >> 33) % 12)
        }
        let truth = (7 * (144.0 - 1) / 12).squareRoot()
        var spreads: [Double] = []
        for _ in 0..<100 {
            let weeks = (0..<50).map { _ in (0..<7).reduce(0.0) { s, _ in s + day() } }
            let f = try DemandForecaster(settings: ForecastSettings(horizon: 3, season: 52)).forecast(weeks)
            for k in 0..<3 { #expect(f.spread[k] > truth / 2 && f.spread[k] < truth * 2, "\(f.model): \(f.spread)") }
            spreads.append(f.spread[0])
        }
        let median = spreads.sorted()[50]
        #expect(abs(median / truth - 1) < 0.15, "median \(median) for \(truth)")
    }

    /// Intermittent counts get a count distribution's interval around the combination's mean
    /// even when the means (which have normal spreads) hold a share: the normal interval's tail
    /// was too short for counts (a reviewer's lumpy items: hi95 14.2 against 21 for Croston
    /// alone and a true 23; on 3,000 spare parts' intermittent class 95% coverage 0.933 -> 0.969,
    /// Winkler score 6.36 -> 5.73). Bounds are whole units.
    @Test func intermittentCountsKeepTheCountTailInACombination() throws {
        let y: [Double] = [0, 12, 0, 0, 3, 0, 0, 0, 9, 0, 1, 0, 0, 15, 0, 0, 2, 0, 0, 7, 0, 0, 0, 11, 0, 4, 0, 0, 0, 6]
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 3, season: 12)).forecast(y)
        #expect(f.demandClass.judgedOnRMSSE && f.model.hasPrefix("Combo("), "\(f.demandClass) \(f.model)")
        #expect(f.model.contains("HistoricAverage") || f.model.contains("MovingAverage"), "\(f.model)")
        for bound in f.upper + f.lower { for value in bound { #expect(value == value.rounded(), "\(value)") } }
        // Nonzero months of 1 to 15 a third of the time: the 95% bound reaches well into them.
        #expect(f.upper[1][0] >= 12, "hi95 \(f.upper[1][0]) around \(f.mean[0])")
    }

    /// A spread estimated from 13 points is itself uncertain: the interval takes Student's t
    /// with 12 degrees of freedom (2.179 at 95%, 1.356 at 80%), not the normal's 1.960 and
    /// 1.282, which covered 0.879 and 0.720 of hospital.csv's next year from 13 months.
    @Test func shortHistoriesGetStudentsT() throws {
        let y: [Double] = [102.5, 97.25, 104, 99.5, 101.75, 96, 103.5, 98.25, 100.5, 105.25, 95.5, 101, 99.75]
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 2, season: 12, valuesAreCounts: false)).forecast(y)
        for k in 0..<2 {
            #expect(abs((f.upper[1][k] - f.mean[k]) / f.spread[k] - 2.178813) < 1e-5, "\(f.upper[1][k]) \(f.mean[k]) \(f.spread[k])")
            #expect(abs((f.mean[k] - f.lower[0][k]) / f.spread[k] - 1.356217) < 1e-5)
        }
    }

    /// 8 months of 86 to 117 (standard deviation 10.1), 6 ahead: Croston alone, backtested 2
    /// months ahead from one origin, took its spread from those two errors and gave an 80%
    /// interval of [100.0, 101.5]. Its spread now counts its errors against the history too.
    @Test func aMemberWithoutASpreadDoesNotTakeItFromTwoErrors() throws {
        let y = [88.71, 85.88, 106.97, 95.33, 105.2, 116.77, 101.31, 100.64]
        let f = try DemandForecaster(settings: ForecastSettings(horizon: 6, season: 12, models: [CrostonModel(.classic, alpha: nil)], valuesAreCounts: false)).forecast(y)
        #expect(f.upper[0][0] - f.lower[0][0] > 15, "\(f.lower[0][0])...\(f.upper[0][0])")
        #expect(f.spread[0] > 7 && f.spread[0] < 15, "\(f.spread)")
    }

    @Test func resultsDoNotDependOnAnythingButTheSeries() throws {
        let y = (0..<48).map { t in Double((t * 37) % 11 + 5) }
        let a = try DemandForecaster(settings: settings).forecast(y)
        let b = try DemandForecaster(settings: settings).forecast(y)
        #expect(a.mean == b.mean)
        #expect(a.lower == b.lower)
        #expect(a.model == b.model)
    }
}

#if canImport(Glibc)
import Glibc
#endif
