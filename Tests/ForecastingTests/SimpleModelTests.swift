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
        #expect(allClose(try #require(try CrostonModel(.classic).forecast(y, horizon: 12, season: 1)).mean, croston.values("forecast")))
        let sba = try Reference("croston_sba")
        #expect(allClose(try #require(try CrostonModel(.sba).forecast(y, horizon: 12, season: 1)).mean, sba.values("forecast")))
        let tsb = try Reference("tsb")
        #expect(allClose(try #require(try TSBModel().forecast(y, horizon: 12, season: 1)).mean, tsb.values("forecast")))
    }

    @Test func crostonByHand() throws {
        // Demands 4 (after 2 periods) and 2 (after 3 more): size 4 + 0.1 (2 - 4) = 3.8,
        // interval 2 + 0.1 (3 - 2) = 2.1, forecast 3.8 / 2.1.
        let f = try #require(try CrostonModel(.classic).forecast([0, 4, 0, 0, 2], horizon: 2, season: 1))
        #expect(close(f.mean[0], 3.8 / 2.1))
        let sba = try #require(try CrostonModel(.sba).forecast([0, 4, 0, 0, 2], horizon: 1, season: 1))
        #expect(close(sba.mean[0], 3.8 / 2.1 * 0.95))
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
