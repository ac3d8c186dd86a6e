import Testing
import Forecasting
import Tabular
@testable import Planning

/// A forecast of months laid on weeks (`WeeksOfPeriodForecast`): each day takes its month's
/// forecast over the month's days, and its share of the month's variance. Answers by hand.
@Suite struct WeeksOfPeriodForecastTests {
    @Test func weeksTakeTheirDaysShareOfEachMonth() {
        // December 2025 (31 days) forecast 310, sd 31; January 2026 (31 days) 620, sd 62.
        let months = SeriesForecast(mean: [310, 620], lower: [[260, 520]], upper: [[360, 720]], spread: [31, 62], model: "m", demandClass: .smooth)
        let december = Frequency.month.period(of: CalendarDay(year: 2025, month: 12, day: 1)!)
        // Weeks from Monday 22 December: the first wholly in December, the second 29-31
        // December and 1-4 January.
        let weeks = WeeksOfPeriodForecast.weekly(months, span: .month, firstPeriod: december,
                                                 firstMonday: CalendarDay(year: 2025, month: 12, day: 22)!, weeks: 2)
        #expect(abs(weeks.mean[0] - 70) < 1e-9)
        #expect(abs(weeks.mean[1] - (3 * 10 + 4 * 20)) < 1e-9)
        // 7 days of 31^2 / 31 each: variance 217; then 3 x 31 + 4 x 124 = 589.
        #expect(abs(weeks.spread[0] - 217.0.squareRoot()) < 1e-9)
        #expect(abs(weeks.spread[1] - 589.0.squareRoot()) < 1e-9)
        // The 80% bound's half-width of 50 (December) and 100 (January) is laid the same way.
        let first: Double = (7 * 2500.0 / 31).squareRoot()
        #expect(abs(weeks.upper[0][0] - (70 + first)) < 1e-9)
        let half: Double = (3 * 2500.0 / 31 + 4 * 10_000.0 / 31).squareRoot()
        #expect(abs(weeks.lower[0][1] - (110 - half)) < 1e-9)
        // A whole month's weeks add up to its forecast: the 31 days of December, 4 weeks and 3 days.
        let whole = WeeksOfPeriodForecast.weekly(months, span: .month, firstPeriod: december,
                                                 firstMonday: CalendarDay(year: 2025, month: 12, day: 1)!, weeks: 5)
        let fourWeeks: Double = whole.mean.prefix(4).reduce(0, +)
        #expect(abs(fourWeeks + 30 - 310) < 1e-9)
        // Days before the first forecast month take its rate; after the last, the last month's.
        let before = WeeksOfPeriodForecast.weekly(months, span: .month, firstPeriod: december,
                                                  firstMonday: CalendarDay(year: 2025, month: 11, day: 24)!, weeks: 1)
        #expect(abs(before.mean[0] - 70) < 1e-9)
    }
}
