import Testing
@testable import Forecasting

/// An idle spell that may be an off-season (`OffSeason`) is no stop: the forecasting review's
/// defect 1 (cases/01), a seasonal antivenom read as stopped over its first winter.
@Suite struct OffSeasonTests {
    /// The antivenom by month from its first use: 2, 4, 6, 7, 5, 3, 2 vials April to October,
    /// then 0 November to February. 4 empty months after 7 come by chance (1 / 9)^4 = 1.5e-4, so
    /// the stop rule cut it, and the whole next season was forecast 0 (session start 3.69 a
    /// month). Worked by hand, October (the month the use may have stopped in) left out: the
    /// quadratic through 2, 4, 6, 7, 5, 3 (x = -2.5...2.5) is 4.5 + 0.257 x - 0.643 (x^2 - 2.917);
    /// at September (x = 2.5) 1.5 below the mean, residual variance 0.30 and standard error 0.45: t = -3.4,
    /// it faded.
    static let antivenom: [Double] = [2, 4, 6, 7, 5, 3, 2, 0, 0, 0, 0]

    @Test func aFirstSeasonFadingIntoItsIdleMonthsMayBeAnOffSeason() throws {
        #expect(Self.antivenom.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 12) })
        let settings = ForecastSettings(horizon: 8, season: 12, levels: [80], shortestStop: Frequency.month.shortestStop)
        let f = try DemandForecaster(settings: settings).forecast(Self.antivenom)
        for value in f.mean { #expect(value > 1, "\(value) \(f.model)") }
        #expect(f.step == nil)
    }

    /// The same months a year on, never empty before (a whole year since first use: those months
    /// were in use a year ago): a stop, forecast 0, as the stop rule has it.
    @Test func aWholeYearOfUseBeforeTheIdleSpellIsAStop() throws {
        let y: [Double] = [2, 4, 6, 7, 5, 3, 2, 2, 3, 4, 5, 6, 0, 0, 0, 0]
        #expect(!y.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 12) })
    }

    /// A use that stops at its level does not fade: the implant screw, 35 a week for 38 weeks
    /// (or 30 to 40 with noise), then 13 empty weeks, is a stop (`IntermittentStopTests`).
    /// Summed by 4 weeks from the last use, its 9 whole months are flat.
    @Test func aUseStoppingAtItsLevelIsNoOffSeason() {
        let flat = Array(repeating: 35.0, count: 38) + Array(repeating: 0, count: 13)
        #expect(!flat.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 52) })
        let noisy = (0..<38).map { 30.0 + Double(($0 * 7) % 11) } + Array(repeating: 0, count: 26)
        #expect(!noisy.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 52) })
        // By day: 5 a day for 250 days, then 95 empty (the reorder review's 300095).
        let daily = Array(repeating: 5.0, count: 250) + Array(repeating: 0, count: 95)
        #expect(!daily.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 365) })
    }

    /// The antivenom by week, as `reorder` sums a monthly export: one issue in every fourth or
    /// fifth week. Week by week the spread hides the fade; by 4-week months it shows.
    @Test func aMonthlyIssueByWeekIsJudgedByTheMonth() {
        var weeks: [Double] = []
        for vials in [2.0, 4, 6, 7, 5, 3, 2] { weeks += [vials, 0, 0, 0] }
        weeks += Array(repeating: 0, count: 17)
        #expect(weeks.withUnsafeBufferPointer { OffSeason.mayExplain($0, year: 52) })
    }
}
