import Testing
@testable import Forecasting

/// A series whose forecast was cut to its recent level is named as cut, with both figures.
/// The review's canister: ~108 a month for 32 months, then 0, 0 (a backorder), forecast 0, 0,
/// 1.56, and the note said it was "forecast above zero from its earlier use": 325 units left
/// out of the plan with no word. Here 108 flat, then 0, 0: earlier level 108 (the last 12
/// months before the spell), forecast mean (0 + 0 + 1.56) / 3 = 0.52, under a tenth of 108: cut; the catheter
/// forecast 52 of 210 (a quarter) is still forecast from its earlier use.
@Suite struct SeriesGoneQuietCutTests {
    @Test func aForecastCutToTheRecentLevelIsSaidToBeCutWithTheEarlierLevel() {
        var quiet = SeriesGoneQuiet(frequency: .month, minimum: 3)
        let last = Frequency.month.period(ofLabel: "2026-10")!
        quiet.see("CANISTER", history: [Double](repeating: 108, count: 32) + [0, 0], lastPeriod: last, forecast: [0, 0, 1.56])
        // Still forecast from its earlier use (52 of 210): named as before.
        quiet.see("OLD-CATHETER", history: [Double](repeating: 210, count: 18) + [Double](repeating: 0, count: 6),
                  lastPeriod: last, forecast: [52, 52])
        #expect(quiet.cutCount == 1)
        #expect(quiet.count == 1)
        #expect(quiet.note == "1 series has had no use for longer than any gap before (CANISTER since 2026-09: 0 a month, from 108 before, forecast 0.52):"
            + " its forecast is cut to its recent level; if use resumes (a backorder filled, an export posted late), it is too low, and the earlier level is the one to plan on;"
            + " 1 series has had no use for longer than any gap before (OLD-CATHETER since 2026-05), yet is forecast above zero from its earlier use: if discontinued, leave it out")
    }
}

/// Daily data need 14 empty days after a history never empty before to read as a stop
/// (`Frequency.shortestStop`). The review's heparin: 6 to 14 every day for 18 months, its last
/// 3 days empty (a long weekend, a late posting), was forecast 18.2 doses over 28 days for
/// about 280 (10 a day). Here 6 to 14 (mean 10) for 546 days, then 3 empty: by the chance rule
/// alone ((1/548)^3) a stop, but a holiday weekend empties as many. Forecast over 28 days:
/// 289 with no empty day, 274 with 3 (0.02 at three days, before), 0 with 14 (past a
/// Christmas closure of ten days: still cut).
@Suite struct DailyStopTests {
    static func forecast28(emptyDays: Int) throws -> Double {
        // 6 to 14 a day, drawn by a linear congruential generator (the C library's constants).
        var x = 12345
        let used = (0..<546).map { _ -> Double in
            x = (x * 1_103_515_245 + 12345) % 2_147_483_648
            return Double(6 + (x >> 16) % 9)
        }
        let y = used + [Double](repeating: 0, count: emptyDays)
        let settings = ForecastSettings(horizon: 28, season: 7, levels: [80], backtestOrigins: 3,
                                        shortestStop: Frequency.day.shortestStop)
        return try DemandForecaster(settings: settings).forecast(y).mean.reduce(0, +)
    }

    @Test func threeEmptyDaysAfterASteadyHistoryDoNotCutTheForecast() throws {
        #expect(Frequency.day.shortestStop == 14)
        let kept = try Self.forecast28(emptyDays: 3)
        #expect(kept > 200, "\(kept)")
        let cut = try Self.forecast28(emptyDays: 14)
        #expect(cut < 50, "\(cut)")
    }
}

/// The note states the use since the spell began as measured (none), beside the earlier level
/// and the forecast (the first-time analyst's review, item 5): "300017 since 2026-05: 1.67 a
/// month, from 79 before" read as if use continued at 1.67 a month, where 1.67 was the
/// forecast's mean and the six months since held none.
@Suite struct SeriesGoneQuietMeasuredTests {
    @Test func theNoteStatesNoUseSinceAndTheForecastApart() {
        var quiet = SeriesGoneQuiet(frequency: .month, minimum: 3)
        let last = Frequency.month.period(ofLabel: "2026-10")!
        let history = [Double](repeating: 79, count: 40) + [Double](repeating: 0, count: 6)
        quiet.see("300017", history: history, lastPeriod: last, forecast: [2.86, 2.12, 1.00, 3.33, 0, 0.7])
        #expect(quiet.cutExamples == ["300017 since 2026-05: 0 a month, from 79 before, forecast 1.67"])
        var zero = SeriesGoneQuiet(frequency: .week, minimum: 4)
        zero.see("300017", history: [Double](repeating: 18, count: 40) + [Double](repeating: 0, count: 27),
                 lastPeriod: Frequency.week.period(ofLabel: "2026-W46")!, forecast: [0, 0])
        #expect(zero.cutExamples == ["300017 since 2026-W20: 0 a week, from 18 before, forecast 0"])
    }
}
