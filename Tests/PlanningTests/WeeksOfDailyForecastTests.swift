import Testing
@testable import Planning
import Forecasting

/// Review wb-7: the reorder outlook of an item planned day by day sums the daily forecast the
/// list used into weeks, the week under way holding its days already used.
@Suite struct WeeksOfDailyForecastTests {
    /// Ten forecast days, 10 a day for three then 20 a day, each with spread 1 and an 80% band
    /// of +-2; four days booked at 5 (Monday to Thursday). Week 0: 4 x 5 = 20 booked + 3 x 10
    /// = 50, spread sqrt(3) = 1.732, band +-sqrt(3 x 4) = 3.464 (46.536 to 53.464); week 1:
    /// 7 x 20 = 140, spread sqrt(7) = 2.646, band +-sqrt(28) = 5.292. Only whole weeks:
    /// 4 + 10 days make two, not three.
    @Test func theWeekUnderWayHoldsItsBookedDaysAndTheForecastOfTheRest() {
        let mean = [10.0, 10, 10] + Array(repeating: 20.0, count: 7)
        let f = SeriesForecast(mean: mean, lower: [mean.map { $0 - 2 }], upper: [mean.map { $0 + 2 }], spread: mean.map { _ in 1 },
                               model: "ets", demandClass: .smooth)
        let weekly = WeeksOfDailyForecast.weekly(f, booked: [5, 5, 5, 5])
        #expect(weekly.mean.count == 2)
        #expect(abs(weekly.mean[0] - 50) < 1e-9 && abs(weekly.mean[1] - 140) < 1e-9, "\(weekly.mean)")
        #expect(abs(weekly.spread[0] - 3.0.squareRoot()) < 1e-9 && abs(weekly.spread[1] - 7.0.squareRoot()) < 1e-9, "\(weekly.spread)")
        #expect(abs(weekly.upper[0][0] - 53.464) < 1e-3 && abs(weekly.lower[0][0] - 46.536) < 1e-3, "\(weekly.upper) \(weekly.lower)")
        #expect(abs(weekly.upper[0][1] - (140 + 28.0.squareRoot())) < 1e-9)
    }

    /// A forecast shorter than a week (3 days at 6, nothing booked) still gives its week: the
    /// four missing days at the mean day, 6: 7 x 6 = 42; a negative day mean counts as 0.
    @Test func aForecastShorterThanAWeekFillsItsWeekWithTheMeanDay() {
        let mean = [6.0, 6, 6], f = SeriesForecast(mean: mean, lower: [mean], upper: [mean], spread: [0, 0, 0], model: "naive", demandClass: .smooth)
        #expect(WeeksOfDailyForecast.weekly(f, booked: []).mean == [42])
        let negative = SeriesForecast(mean: Array(repeating: -1, count: 7), lower: [], upper: [], spread: Array(repeating: 0, count: 7), model: "naive", demandClass: .smooth)
        #expect(WeeksOfDailyForecast.weekly(negative, booked: []).mean == [0])
    }
}
