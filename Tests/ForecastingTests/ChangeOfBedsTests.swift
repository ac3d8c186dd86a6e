import Testing
@testable import Forecasting

/// A unit's daily census after a change of beds: the forecast and its interval follow the new
/// level, whatever the horizon asked for (the data analyst's review, defects 3 and 6).
@Suite struct ChangeOfBedsTests {
    /// The review's 4E-MEDSURG (cases/01/census.csv): 380 days from 2025-11-01, about 18 a
    /// day on 20 beds for 226 days, then about 27 on 30 beds for 154 (standard deviation 1.27
    /// since the expansion).
    static let expanded: [Double] = [
        17, 16, 17, 19, 18, 18, 17, 17, 20, 18, 17, 15, 16, 20, 17, 18, 18, 18, 18, 16, 17, 20, 17, 19, 16, 18, 18, 19, 17, 19, 18, 17, 19, 17, 17, 18, 15, 18,
        17, 16, 17, 19, 18, 20, 17, 16, 20, 18, 19, 17, 19, 18, 19, 18, 19, 17, 17, 16, 19, 17, 17, 17, 17, 16, 18, 17, 17, 17, 18, 17, 18, 18, 18, 15, 17, 17,
        19, 16, 17, 18, 18, 19, 17, 19, 16, 16, 19, 19, 19, 18, 19, 17, 19, 17, 19, 18, 16, 16, 19, 18, 18, 18, 17, 17, 18, 18, 20, 18, 20, 20, 20, 19, 18, 18,
        18, 17, 18, 17, 20, 19, 17, 16, 18, 18, 17, 17, 15, 19, 18, 20, 18, 18, 20, 18, 18, 18, 17, 20, 19, 20, 18, 18, 17, 19, 16, 19, 19, 20, 17, 19, 17, 17,
        16, 19, 20, 17, 17, 18, 20, 19, 17, 16, 17, 19, 20, 18, 17, 17, 16, 19, 17, 19, 16, 16, 18, 17, 19, 18, 17, 19, 19, 16, 20, 19, 19, 16, 17, 18, 19, 16,
        17, 16, 18, 18, 16, 17, 19, 20, 19, 18, 17, 17, 17, 18, 18, 20, 18, 17, 20, 19, 18, 17, 16, 17, 19, 17, 16, 18, 18, 19, 19, 20, 17, 19, 17, 19, 27, 27,
        28, 27, 28, 28, 27, 26, 26, 26, 27, 27, 30, 28, 28, 26, 26, 27, 27, 26, 29, 26, 28, 24, 27, 27, 27, 28, 27, 27, 25, 26, 24, 28, 27, 27, 26, 26, 29, 29,
        27, 29, 25, 25, 26, 26, 26, 27, 30, 26, 27, 27, 27, 28, 29, 26, 27, 27, 27, 25, 25, 24, 28, 27, 27, 24, 27, 26, 25, 26, 28, 28, 27, 28, 26, 27, 27, 28,
        27, 27, 27, 26, 30, 28, 28, 30, 29, 25, 28, 28, 29, 29, 28, 26, 26, 27, 28, 26, 27, 27, 27, 27, 27, 26, 28, 29, 27, 28, 28, 28, 28, 26, 28, 28, 26, 29,
        30, 29, 29, 28, 27, 26, 26, 27, 27, 28, 25, 30, 30, 27, 28, 28, 27, 27, 27, 26, 27, 27, 27, 26, 27, 27, 28, 26, 28, 28, 28, 27, 26, 27, 28, 29, 27, 26
    ]

    /// The same unit with the expansion 22 days before the end (cases/02/census_shift3w.csv):
    /// about 18 a day for 358 days, no yearly pattern, then about 27 (mean 26.77 since).
    static let expandedLately: [Double] = [
        15, 18, 16, 17, 18, 20, 18, 20, 17, 18, 18, 19, 18, 17, 18, 16, 20, 19, 19, 18, 17, 18, 19, 17, 17, 20, 20, 18, 19, 18, 20, 17, 18, 19, 20, 18, 18, 17,
        17, 17, 18, 19, 17, 17, 18, 18, 19, 16, 18, 17, 19, 17, 17, 17, 18, 17, 18, 18, 18, 18, 19, 17, 18, 18, 16, 18, 17, 17, 17, 18, 18, 19, 17, 19, 19, 18,
        18, 19, 19, 19, 18, 19, 20, 19, 16, 20, 17, 16, 15, 19, 19, 19, 18, 20, 18, 17, 18, 18, 18, 18, 15, 20, 17, 19, 17, 18, 18, 16, 18, 19, 17, 15, 17, 17,
        18, 18, 20, 19, 18, 18, 15, 17, 17, 18, 18, 18, 19, 17, 18, 18, 18, 18, 18, 18, 18, 19, 18, 18, 20, 19, 19, 19, 17, 19, 19, 19, 19, 19, 19, 17, 19, 17,
        19, 18, 16, 18, 17, 19, 18, 15, 18, 19, 18, 17, 19, 19, 20, 19, 18, 17, 18, 18, 18, 19, 17, 19, 18, 18, 18, 18, 18, 19, 18, 18, 17, 18, 18, 16, 19, 17,
        18, 16, 16, 19, 16, 16, 18, 16, 18, 20, 18, 18, 19, 18, 18, 20, 18, 18, 18, 16, 18, 18, 19, 19, 20, 16, 17, 17, 17, 18, 18, 18, 16, 17, 18, 17, 17, 18,
        18, 17, 20, 17, 19, 19, 19, 17, 17, 19, 18, 15, 15, 17, 18, 18, 18, 17, 20, 19, 20, 18, 16, 18, 17, 19, 18, 19, 17, 18, 18, 17, 17, 19, 20, 18, 19, 17,
        17, 18, 19, 17, 19, 18, 20, 19, 19, 18, 18, 17, 17, 16, 16, 16, 18, 18, 16, 18, 18, 19, 18, 18, 18, 19, 16, 18, 15, 20, 19, 16, 17, 16, 16, 18, 17, 19,
        17, 17, 18, 18, 19, 19, 16, 17, 18, 17, 19, 18, 18, 18, 18, 16, 20, 17, 17, 16, 18, 16, 18, 19, 19, 17, 19, 18, 18, 18, 17, 18, 17, 16, 19, 17, 18, 18,
        17, 17, 18, 17, 19, 17, 18, 19, 16, 16, 19, 19, 18, 17, 19, 19, 28, 25, 27, 26, 26, 28, 28, 26, 27, 29, 28, 27, 28, 27, 25, 26, 27, 28, 26, 26, 26, 25
    ]

    /// MSTL's yearly Fourier terms were fitted once the history covered one year: from 380
    /// days, the step 22 days before the end against last November's 18 made them a yearly
    /// path that slid from 27 to about 24 in four weeks (the review: 27.01, 26.69, 25.78,
    /// 24.80 by week, 24.31 on the last day; MSTL alone here 26.9 on the first day, 24.3 on the
    /// last). Nothing in the data says December falls; from one and a half years the terms are
    /// fitted (`MSTLModel.longCycleCoverage`), and here the forecast stays level near the last
    /// weeks' 26.3: no week's mean more than 0.5 below the first week's, and every one within
    /// 1.25 of the new regime's mean, 26.77.
    @Test func yearlyTermsFromBarelyAYearInventNoDip() throws {
        let y = ChangeOfBedsTests.expandedLately
        let f = try #require(try MSTLModel().forecast(y, horizon: 28, season: 7))
        let weeks = (0..<4).map { f.mean[(7 * $0)..<(7 * $0 + 7)].reduce(0, +) / 7 }
        for (week, mean) in weeks.enumerated() {
            #expect(mean > weeks[0] - 0.5 && abs(mean - 26.77) < 1.25, "week \(week + 1): \(mean) (\(f.label))")
        }
        // Two years keep the yearly terms (the bike set's 620 to 700 days among them).
        #expect(Double(620) >= MSTLModel.longCycleCoverage * 365.2425)
    }

    /// By day 28 ahead: from 21 days on the backtest is long enough for the Diebold-Mariano
    /// test, which left out every candidate but Croston (ETS's MASE 0.709 against 0.688, 3%
    /// apart, passed it), while at 14 days five shared the forecast. Croston alone then gave
    /// the count distribution's band, 20 to 34 at 80% and 17 to 38 at 95% on a 30-bed unit.
    /// The new regime's standard deviation is 1.27: an 80% band of about +-1.6 (Student's t
    /// 1.284 x 1.27), +-2.5 at 95%. Here at every horizon the forecast is a
    /// combination with its mean within 1 of 27, its 80% band next day within +-3 and its 95%
    /// bound below 30; 28 days out, where the level's own drift widens ETS's spread, within
    /// +-4 and below 32.5 (Croston's count band was +-7 and 38 at every step).
    @Test func theIntervalFollowsTheNewLevelAtEveryHorizon() throws {
        let y = ChangeOfBedsTests.expanded
        for horizon in [14, 21, 28] {
            let f = try DemandForecaster(settings: ForecastSettings(horizon: horizon, season: 7, longCycle: 365.2425)).forecast(y)
            #expect(f.model.hasPrefix("Combo("), "h=\(horizon): \(f.model)")
            for (k, width, top) in [(0, 6.0, 30.0), (horizon - 1, 8.0, 32.5)] {
                #expect(abs(f.mean[k] - 27) < 1, "h=\(horizon) step \(k + 1): \(f.mean[k])")
                #expect(f.upper[0][k] - f.lower[0][k] < width, "h=\(horizon) step \(k + 1): 80% \(f.lower[0][k])...\(f.upper[0][k]) \(f.model)")
                #expect(f.upper[1][k] < top, "h=\(horizon) step \(k + 1): hi95 \(f.upper[1][k])")
            }
        }
    }

    /// Croston alone on smooth counts (named by the user here, as auto could end with it) gave
    /// a count distribution's band around its rate: 27 a day read as Poisson, sd 5.2, an 80%
    /// band of 20 to 34. Smooth demand gets its spread from its errors instead, and those of
    /// the recent history only (`DemandForecaster.withBacktestSpread`): against the whole
    /// history, the old level of 18 made a spread of about 6.9 (an 80% band of +-8.8). Here
    /// the 80% band is within +-3 of 27 and the 95% bound below 31.
    @Test func crostonAloneOnASmoothCensusGetsNoCountBand() throws {
        let y = ChangeOfBedsTests.expanded
        let settings = ForecastSettings(horizon: 28, season: 7, models: [CrostonModel(.classic, alpha: nil)], longCycle: 365.2425)
        let f = try DemandForecaster(settings: settings).forecast(y)
        #expect(f.model == "CrostonOptimized" && f.demandClass == .smooth, "\(f.model) \(f.demandClass)")
        #expect(f.upper[0][0] - f.lower[0][0] < 6, "80% \(f.lower[0][0])...\(f.upper[0][0])")
        #expect(f.upper[1][27] < 31, "hi95 \(f.upper[1][27])")
        #expect(f.spread[0] > 0.8 && f.spread[0] < 2.5, "\(f.spread[0])")
    }
}
