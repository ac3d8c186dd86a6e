import Testing
@testable import Forecasting

@Suite struct SeriesGoneQuietTests {
    @Test func aSpellLongerThanAnyGapBeforeIsNamedWhileTheForecastStaysAboveZero() {
        var quiet = SeriesGoneQuiet(frequency: .month, minimum: 3)
        let stopped = [Double](repeating: 210, count: 18) + [Double](repeating: 0, count: 6)
        let last = Frequency.month.period(ofLabel: "2001-12")!
        quiet.see("OLD-CATHETER", history: stopped, lastPeriod: last, forecast: [52, 52])
        // Its usual rhythm: gaps of four months before, four at the end.
        quiet.see("LUMPY", history: [5, 0, 0, 0, 0, 7, 0, 0, 0, 0, 6, 0, 0, 0, 0], lastPeriod: last, forecast: [1.2])
        // Too short a spell, or never used: not named.
        quiet.see("SHORT", history: [4, 4, 4, 4, 0, 0], lastPeriod: last, forecast: [3])
        quiet.see("NEVER", history: [0, 0, 0, 0], lastPeriod: last, forecast: [0.1])
        // Forecast at zero: named as cut, with its earlier level, since a backorder's silence
        // reads the same (the implant screw of the stop on intermittent-looking histories).
        quiet.see("ZERO", history: stopped, lastPeriod: last, forecast: [0, 0])
        #expect(quiet.count == 1)
        #expect(quiet.cutCount == 1)
        #expect(quiet.note == "1 series has had no use for longer than any gap before (ZERO since 2001-07: 0 a month, from 210 before, forecast 0): its forecast is cut to its recent level; if use resumes (a backorder filled, an export posted late), it is too low, and the earlier level is the one to plan on; "
                + "1 series has had no use for longer than any gap before (OLD-CATHETER since 2001-07), yet is forecast above zero from its earlier use: if discontinued, leave it out")
    }
}

/// Two empty months after a history never empty before are named (`Frequency.shortestStop`):
/// the canister of 26 months of use, 44, 0, 0 had no note, forecast 82.5 a month. Two empty
/// months after a history with an empty month stay its rhythm below three.
@Suite struct SeriesGoneQuietStopTests {
    @Test func twoEmptyMonthsAfterNoneAreNamed() {
        var quiet = SeriesGoneQuiet(frequency: .month, minimum: 3)
        let last = Frequency.month.period(ofLabel: "2026-05")!
        quiet.see("OLD-2", history: LevelShiftStopTests.canister, lastPeriod: last, forecast: [82.5])
        var gapped = LevelShiftStopTests.canister
        gapped[10] = 0
        quiet.see("GAPPED", history: gapped, lastPeriod: last, forecast: [80])
        #expect(quiet.count == 1)
        #expect(quiet.examples == ["OLD-2 since 2026-04"])
        var weekly = SeriesGoneQuiet(frequency: .week, minimum: 4)
        weekly.see("W", history: [Double](repeating: 50, count: 30) + [0, 0], lastPeriod: 100, forecast: [50])
        #expect(weekly.count == 0)
    }
}
