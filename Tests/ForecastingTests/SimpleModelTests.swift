import Testing
@testable import Forecasting

/// Naive family and intermittent-demand models against statsforecast 2.1.1 and hand recursions.
@Suite struct SimpleModelTests {
    @Test func naiveMatchesStatsforecastIncludingIntervals() throws {
        let r = try Reference("naive")
        let f = try #require(try NaiveModel().forecast(r.y, horizon: 12, season: 1))
        #expect(allClose(f.mean, r.values("forecast")))
        let sd = try #require(f.standardDeviation)
        #expect(close(sd[0], r.parameter("sigma")))
        let lo95 = (0..<12).map { f.mean[$0] - 1.959963984540054 * sd[$0] }
        #expect(allClose(lo95, r.values("lo95"), relative: 1e-8))
    }

    @Test func seasonalNaiveMatchesStatsforecastAcrossASeason() throws {
        let r = try Reference("seasonal_naive")
        let f = try #require(try SeasonalNaiveModel().forecast(r.y, horizon: 18, season: 12))
        #expect(allClose(f.mean, r.values("forecast")))
        let sd = try #require(f.standardDeviation)
        let hi80 = (0..<18).map { f.mean[$0] + 1.2815515655446004 * sd[$0] }
        #expect(allClose(hi80, r.values("hi80"), relative: 1e-8))
    }

    @Test func windowAverageIsTheMeanOfTheLastValues() throws {
        let r = try Reference("window_average")
        let f = try #require(try MovingAverageModel(window: 3).forecast(r.y, horizon: 12, season: 1))
        #expect(allClose(f.mean, r.values("forecast")))
    }

    @Test func crostonSBAAndTSBMatchStatsforecast() throws {
        let croston = try Reference("croston_classic")
        let y = croston.y
        #expect(allClose(try #require(try CrostonModel(.classic, start: .firstValue).forecast(y, horizon: 12, season: 1)).mean, croston.values("forecast")))
        let sba = try Reference("croston_sba")
        #expect(allClose(try #require(try CrostonModel(.sba, start: .firstValue).forecast(y, horizon: 12, season: 1)).mean, sba.values("forecast")))
        let tsb = try Reference("tsb")
        #expect(allClose(try #require(try TSBModel(start: .firstValue).forecast(y, horizon: 12, season: 1)).mean, tsb.values("forecast")))
    }

    /// statsforecast 2.1.1, computed with Benchmarks/.venv for these two fixed series:
    /// `CrostonOptimized().forecast(y=y, h=1)["mean"][0]`, likewise `ADIDA()` and `IMAPA()`, and
    /// `statsforecast.models._optimized_ses_forecast(y[y > 0])[2]` for the fitted alpha of the sizes.
    /// The first series is the intermittent reference series of croston_classic.json.
    @Test func fittedCrostonADIDAAndIMAPAMatchStatsforecast() throws {
        let y = try Reference("croston_classic").y
        let z: [Double] = [5, 0, 7, 9, 0, 0, 6, 8, 0, 4, 10, 0, 0, 0, 5, 0, 6, 7]
        let expected: [(series: [Double], croston: Double, adida: Double, imapa: Double)] = [
            (y, 0.8118461360087101, 0.8272773606395152, 0.7527016540279664),
            (z, 3.70336131923985, 3.2428685450015315, 3.574477724139385),
        ]
        for e in expected {
            let croston = try #require(try CrostonModel(.classic, alpha: nil, start: .firstValue, alphas: AlphaRange.statsforecast).forecast(e.series, horizon: 3, season: 12))
            #expect(allClose(croston.mean, [Double](repeating: e.croston, count: 3), relative: 1e-9), "\(croston.mean[0]) vs \(e.croston)")
            let adida = try #require(try ADIDAModel(start: .firstValue, alphas: AlphaRange.statsforecast).forecast(e.series, horizon: 2, season: 12))
            #expect(allClose(adida.mean, [e.adida, e.adida], relative: 1e-9), "\(adida.mean[0]) vs \(e.adida)")
            let imapa = try #require(try IMAPAModel(start: .firstValue, alphas: AlphaRange.statsforecast).forecast(e.series, horizon: 2, season: 12))
            #expect(allClose(imapa.mean, [e.imapa, e.imapa], relative: 1e-9), "\(imapa.mean[0]) vs \(e.imapa)")
        }
        let sizes = y.filter { $0 != 0 }
        #expect(abs(sizes.withUnsafeBufferPointer { SES.fittedAlpha($0, start: .firstValue) } - 0.16480571421760387) < 1e-9)
    }

    @Test func fittedSBAAndTSBUseTheirFittedAlphas() throws {
        // SBA with fitted alphas is the fitted Croston times 1 - alpha(intervals) / 2; TSB with
        // fitted alphas is the fitted SES of the occurrence indicator times that of the sizes.
        let y = try Reference("croston_classic").y
        let sizes = y.filter { $0 != 0 }
        var intervals: [Double] = [], since = 0.0
        for v in y { since += 1; if v != 0 { intervals.append(since); since = 0 } }
        let occurrence = y.map { $0 != 0 ? 1.0 : 0.0 }
        func ses(_ x: [Double]) -> (Double, Double) { x.withUnsafeBufferPointer { let r = SES.forecast($0, alpha: nil, start: .mean, alphas: AlphaRange.intermittent); return (r.forecast, r.alpha) } }
        let (size, _) = ses(sizes), (interval, intervalAlpha) = ses(intervals), (probability, _) = ses(occurrence)
        let sba = try #require(try CrostonModel(.sba, alpha: nil).forecast(y, horizon: 1, season: 1))
        #expect(close(sba.mean[0], size / interval * (1 - intervalAlpha / 2)))
        let tsb = try #require(try TSBModel.optimized.forecast(y, horizon: 1, season: 1))
        #expect(close(tsb.mean[0], probability * size))
        #expect(Set([CrostonModel(.sba, alpha: nil).name, TSBModel.optimized.name, CrostonModel(.classic, alpha: nil).name])
                == ["sba_optimized", "tsb_optimized", "croston_optimized"])
    }

    @Test func mstlRecoversAWeeklyAndAYearlyCycle() throws {
        // A linear trend, a weekly pattern and a yearly sine over 800 days: the regression
        // removes both cycles exactly, Holt's ETS(A,A,N) continues the straight line, so the
        // forecast is the pattern itself (the automatic search would damp the trend).
        let week: [Double] = [0, 8, 10, 9, 7, 3, -37]
        func truth(_ t: Int) -> Double {
            let year: Double = 40 * sin(2 * Double.pi * Double(t) / 365.2425)
            return 500 + 0.2 * Double(t) + week[t % 7] + year
        }
        let y = (0..<800).map(truth)
        let holt = ETSSpec(error: .additive, trend: .additive, season: .none)
        let f = try #require(try MSTLModel(trendSpecs: [holt], multiplicative: false).forecast(y, horizon: 28, season: 7))
        let errors = (0..<28).map { abs(f.mean[$0] - truth(800 + $0)) }
        #expect(errors.max()! < 0.5, "\(errors)")
        // Without a year of history the yearly terms are left out, and the model still fits.
        #expect(try MSTLModel().forecast(Array(y[0..<200]), horizon: 7, season: 7) != nil)
    }

    @Test func mstlWithoutALongCycleRemovesTheSeasonAlone() throws {
        // Four years of a monthly pattern on a straight climb: with no long cycle the
        // regression takes out the months (and its own line), Holt's ETS continues the rest.
        let months: [Double] = [-30, -25, -5, 0, 10, 20, 35, 30, 10, 0, -15, -30]
        func truth(_ t: Int) -> Double { 400 + 3 * Double(t) + months[t % 12] }
        let y = (0..<48).map(truth)
        let holt = ETSSpec(error: .additive, trend: .additive, season: .none)
        let f = try #require(try MSTLModel(cycle: .infinity, trendSpecs: [holt], multiplicative: false).forecast(y, horizon: 12, season: 12))
        let errors = (0..<12).map { abs(f.mean[$0] - truth(48 + $0)) }
        #expect(errors.max()! < 0.5, "\(errors)")
        // Under two seasons and two points it declines: each dummy would rest on one month.
        #expect(try MSTLModel(cycle: .infinity).forecast(Array(y[0..<25]), horizon: 12, season: 12) == nil)
    }

    @Test func mstlOnTheLogScaleKeepsProportionalCycles() throws {
        // A weekly pattern of proportions and a yearly swing of +-50% around a flat 200: the
        // automatic MSTL decomposes the log (every value is positive) and returns the pattern,
        // while the additive form, whose weekly amounts are averaged over summer and winter,
        // misses the winter week by far more.
        let week: [Double] = [1.0, 1.1, 1.2, 1.1, 1.0, 0.5, 0.4]
        func truth(_ t: Int) -> Double {
            200 * week[t % 7] * (1 + 0.5 * sin(2 * Double.pi * Double(t) / 365.2425))
        }
        let y = (0..<730).map(truth)
        let horizon = 28, start = 730 + 240   // forecast from deep in the winter trough
        let winter = (0..<start).map(truth)
        let f = try #require(try MSTLModel().forecast(winter, horizon: horizon, season: 7))
        #expect(f.label.hasPrefix("MSTL(ETS(A,"), "\(f.label)")
        let additive = try #require(try MSTLModel(multiplicative: false).forecast(winter, horizon: horizon, season: 7))
        func meanError(_ mean: [Double]) -> Double {
            (0..<horizon).map { abs(mean[$0] - truth(start + $0)) }.reduce(0, +) / Double(horizon)
        }
        #expect(meanError(f.mean) < 3, "\(f.mean)")
        #expect(meanError(additive.mean) > 2 * meanError(f.mean))
        // A zero in the history keeps the additive form.
        var withZero = y
        withZero[100] = 0
        #expect(!withZero.withUnsafeBufferPointer { MSTLModel().usesLogScale($0) })
        // The form chosen on an all-positive start still forecasts a later history with a zero
        // (additively, not from the log of zero).
        var laterZero = y
        laterZero[700] = 0
        let variant = try y.withUnsafeBufferPointer { try MSTLModel().backtestVariant(selectingOn: UnsafeBufferPointer(rebasing: $0[0..<600]), season: 7) }
        let late = try #require(try laterZero.withUnsafeBufferPointer { try variant.forecast($0, horizon: horizon, season: 7) })
        #expect(late.mean.allSatisfy { $0.isFinite && $0 < 2 * y.max()! }, "\(late.mean)")
    }

    @Test func crostonByHand() throws {
        // Demands 4 (after 2 periods) and 2 (after 3 more). Started at the first values (as
        // statsforecast): size 4 + 0.1 (2 - 4) = 3.8, interval 2 + 0.1 (3 - 2) = 2.1.
        let y: [Double] = [0, 4, 0, 0, 2]
        let f = try #require(try CrostonModel(.classic, start: .firstValue).forecast(y, horizon: 2, season: 1))
        #expect(close(f.mean[0], 3.8 / 2.1))
        let sba = try #require(try CrostonModel(.sba, start: .firstValue).forecast(y, horizon: 1, season: 1))
        #expect(close(sba.mean[0], 3.8 / 2.1 * 0.95))
        // Started at their means (the default): size 3 -> 3 + 0.1 (4 - 3) = 3.1 -> 3.1 + 0.1 (2 - 3.1)
        // = 2.99; interval 2.5 -> 2.5 + 0.1 (2 - 2.5) = 2.45 -> 2.45 + 0.1 (3 - 2.45) = 2.505.
        let byMean = try #require(try CrostonModel(.classic).forecast(y, horizon: 1, season: 1))
        #expect(close(byMean.mean[0], 2.99 / 2.505))
    }

    /// The mean start checked against a reference written apart from `SES`: the level starts at
    /// the mean, every value is smoothed in, one-step squared errors are summed, and alpha is
    /// the best of 20,001 points in the range searched ([0.1, 0.3] by default, [0.05, 0.3] for
    /// the intermittent models).
    @Test func meanStartedFitsAgreeWithABruteForceReference() throws {
        func start(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func sse(_ x: [Double], _ a: Double) -> Double {
            var f = start(x), total = 0.0
            for v in x { total += (v - f) * (v - f); f = a * v + (1 - a) * f }
            return total
        }
        func fitted(_ x: [Double], lowest: Double = 0.1) -> (alpha: Double, level: Double) {
            let grid = (0...20_000).map { lowest + (0.3 - lowest) * Double($0) / 20_000 }
            let a = grid.min { sse(x, $0) < sse(x, $1) }!
            return (a, x.reduce(start(x)) { a * $1 + (1 - a) * $0 })
        }
        let sizes: [Double] = [5, 7, 9, 6, 8, 4, 10, 5, 6, 7]
        let ours = sizes.withUnsafeBufferPointer { SES.forecast($0, alpha: nil, start: .mean) }
        let reference = fitted(sizes)
        #expect(abs(sse(sizes, ours.alpha) - sse(sizes, reference.alpha)) <= 1e-9 * sse(sizes, reference.alpha), "\(ours.alpha) vs \(reference.alpha)")
        #expect(abs(ours.forecast - reference.level) < 1e-4)
        // These sizes vary around a steady mean: the least error lies below 0.1, which the
        // intermittent models' range reaches.
        let wide = sizes.withUnsafeBufferPointer { SES.forecast($0, alpha: nil, start: .mean, alphas: AlphaRange.intermittent) }
        let wideReference = fitted(sizes, lowest: 0.05)
        #expect(wideReference.alpha < 0.1)
        #expect(abs(sse(sizes, wide.alpha) - sse(sizes, wideReference.alpha)) <= 1e-9 * sse(sizes, wideReference.alpha), "\(wide.alpha) vs \(wideReference.alpha)")
        #expect(abs(wide.forecast - wideReference.level) < 1e-4)
        // Demands every second period: mean interval 2. ADIDA smooths the bucket sums 3, 5, 4, 6
        // and spreads the level over 2 periods; IMAPA averages that with level 1 (the series).
        let y: [Double] = [0, 3, 0, 5, 0, 4, 0, 6]
        let adida = try #require(try ADIDAModel().forecast(y, horizon: 1, season: 1)).mean[0]
        #expect(abs(adida - fitted([3, 5, 4, 6], lowest: 0.05).level / 2) < 1e-4)
        let imapa = try #require(try IMAPAModel().forecast(y, horizon: 1, season: 1)).mean[0]
        #expect(abs(imapa - (fitted(y, lowest: 0.05).level + fitted([3, 5, 4, 6], lowest: 0.05).level / 2) / 2) < 1e-4)
    }

    @Test func aLargeFirstOrderDoesNotHoldAShortHistoryUp() throws {
        // One order of 100 and then 10 every other month for a year and a half. Started at the
        // first size, Croston's size after eight more demands is 10 + 90 x 0.9^8 = 48.7 (alpha
        // 0.1): nearly five times what the part now sells. Started at the mean size (20), the 100
        // takes it to 28 and the eight 10s to 10 + 18 x 0.9^8 = 17.7.
        var y = [Double](repeating: 0, count: 18)
        y[1] = 100
        for t in stride(from: 3, to: 18, by: 2) { y[t] = 10 }
        let first = try #require(try CrostonModel(.classic, start: .firstValue).forecast(y, horizon: 1, season: 1))
        let mean = try #require(try CrostonModel(.classic).forecast(y, horizon: 1, season: 1))
        // Intervals are all 2 either way.
        #expect(close(first.mean[0], (10 + 90 * pow(0.9, 8)) / 2))
        #expect(close(mean.mean[0], (10 + 18 * pow(0.9, 8)) / 2))
        // TSB: the share of months with demand starts at 9 / 18 = 0.5 instead of the first month's 0.
        let tsb = try #require(try TSBModel().forecast(y, horizon: 1, season: 1))
        var probability = 0.5
        for v in y { probability = 0.1 * (v != 0 ? 1 : 0) + 0.9 * probability }
        #expect(close(tsb.mean[0], probability * (10 + 18 * pow(0.9, 8))))
    }

    @Test func thetaIsCloseToStatsforecastOnAirPassengers() throws {
        let r = try Reference("theta_airpassengers")
        let f = try #require(try ThetaModel().forecast(r.y, horizon: 12, season: 12))
        for (a, b) in zip(f.mean, r.values("forecast")) { #expect(abs(a - b) / b < 0.03, "\(a) vs \(b)") }
    }

    @Test func regressionRecoversAnExactTrendAndSeason() throws {
        // y = 10 + 2t + (5 in every third period): a perfect fit forecasts the pattern on.
        let y: [Double] = (0..<24).map { t in
            let bump: Double = t % 3 == 0 ? 5 : 0
            return 10 + 2 * Double(t) + bump
        }
        let f = try #require(try TrendSeasonRegression().forecast(y, horizon: 3, season: 3))
        let expected: [Double] = [63, 60, 62]   // t = 24, 25, 26
        #expect(allClose(f.mean, expected, relative: 1e-8))
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// `--models`: names split at commas outside parentheses.
@Suite struct ModelListTests {
    /// `ets(A,Ad,M)`, the form the unknown-model message offers, is one model (split at every
    /// comma it was `ets(a`, unknown); `theta, ETS(A,N,N)` two.
    @Test func etsSpecsWithCommasAreOneName() throws {
        let one = try #require(try ModelRegistry.resolve("ets(A,Ad,M)"))
        #expect(one.count == 1 && one[0].name == "ETS(A,Ad,M)")
        let two = try #require(try ModelRegistry.resolve("theta, ETS(A,N,N)"))
        #expect(two.count == 2)
        #expect(try ModelRegistry.resolve("auto") == nil)
        #expect(throws: ModelListError.self) { try ModelRegistry.resolve("ets(a") }
    }
}
