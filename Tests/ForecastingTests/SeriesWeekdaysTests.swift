import Testing
import Tabular
@testable import Forecasting

/// A series' own weekdays (`SeriesWeekdays`): closed only where chance cannot explain how
/// seldom the series is used on them.
@Suite struct SeriesWeekdaysTests {
    /// Daily values from Monday 2025-01-06 (period `first`) for `weeks` weeks, `value(k)` on day `k`.
    private func daily(weeks: Int, _ value: (Int) -> Double) -> (history: [Double], first: Int) {
        let first = Frequency.day.period(of: CalendarDay(year: 2025, month: 1, day: 6)!)
        return ((0..<(7 * weeks)).map(value), first)
    }

    @Test func aWeekdayItemIsClosedAtWeekendsASevenDayItemIsNot() {
        let clinic = daily(weeks: 12) { $0 % 7 < 5 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: clinic.history, first: clinic.first).open(within: .all) == OpenWeekdays(mask: 0b0011111))
        let ward = daily(weeks: 12) { _ in 7 }
        #expect(SeriesWeekdays(daily: ward.history, first: ward.first).open(within: .all) == .all)
        // Weekends missing (a census unit without weekend rows) read the same way.
        let unit = daily(weeks: 12) { $0 % 7 < 5 ? 30 : .nan }
        #expect(SeriesWeekdays(daily: unit.history, first: unit.first).open(within: .all).names == "Monday to Friday")
        // Inside a file that records no Sunday, only Saturday is the series' own to close.
        #expect(SeriesWeekdays(daily: clinic.history, first: clinic.first).open(within: OpenWeekdays(mask: 0b0111111)) == OpenWeekdays(mask: 0b0011111))
    }

    @Test func tooFewWeeksOrTooSparseUseCloseNothing() {
        // Three weeks of a weekday item: (1/6)^3 is no proof.
        let short = daily(weeks: 3) { $0 % 7 < 5 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: short.history, first: short.first).open(within: .all) == .all)
        // Used every ninth day for a year: every weekday by turns, none closed.
        let sparse = daily(weeks: 52) { $0 % 9 == 0 ? 4 : 0 }
        #expect(SeriesWeekdays(daily: sparse.history, first: sparse.first).open(within: .all) == .all)
        // A pseudo-random item used on about a fifth of days for 78 weeks (a fixed LCG): the
        // weekdays it happens to use least stay open.
        var state: UInt64 = 12345
        let random = daily(weeks: 78) { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % 5 == 0 ? 2 : 0
        }
        #expect(SeriesWeekdays(daily: random.history, first: random.first).open(within: .all) == .all)
        #expect(SeriesWeekdays(daily: [], first: 0).open(within: .all) == .all)
    }

    @Test func aStrayRowClosesButAWeekdayOpenedLaterStaysOpen() {
        // One Saturday posting in 20 weeks of a weekday item: Saturdays stay closed.
        let stray = daily(weeks: 20) { $0 % 7 < 5 || $0 == 40 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: stray.history, first: stray.first).open(within: .all) == OpenWeekdays(mask: 0b0011111))
        // A clinic that has opened on Saturdays for the last 10 of 20 weeks keeps them.
        let later = daily(weeks: 20) { $0 % 7 < 5 || ($0 % 7 == 5 && $0 >= 70) ? 10 : 0 }
        #expect(SeriesWeekdays(daily: later.history, first: later.first).open(within: .all) == OpenWeekdays(mask: 0b0111111))
    }

    @Test func zerosAndReturnsAreNoUse() {
        // A clinic item listed with 0 on Sundays and with returns of 3 on Saturdays: a row is
        // not use, nor is stock coming back. Read as use, its weekends stayed open.
        let clinic = daily(weeks: 12) { $0 % 7 < 5 ? 10 : $0 % 7 == 5 ? -3 : 0 }
        #expect(SeriesWeekdays(daily: clinic.history, first: clinic.first).open(within: .all) == OpenWeekdays(mask: 0b0011111))
    }

    @Test func strayUseOutsideItsWeekdaysIsToldFromUseOnThem() {
        let weekdays = OpenWeekdays(mask: 0b0011111), noSunday = OpenWeekdays(mask: 0b0111111)
        // One Saturday posting in 20 weeks of a weekday item: a stray, whether the file records
        // Saturdays (and the series' rule closed them) or not.
        let stray = daily(weeks: 20) { $0 % 7 < 5 || $0 == 40 ? 10 : 0 }
        let strayDays = SeriesWeekdays(daily: stray.history, first: stray.first)
        #expect(strayDays.onlyStrayUse(outside: strayDays.open(within: .all), within: .all))
        #expect(strayDays.onlyStrayUse(outside: weekdays, within: weekdays))
        // Saturdays in half of the weeks, in a file that records no weekend: use, not strays.
        let later = daily(weeks: 20) { $0 % 7 < 5 || ($0 % 7 == 5 && $0 >= 70) ? 10 : 0 }
        let laterDays = SeriesWeekdays(daily: later.history, first: later.first)
        #expect(!laterDays.onlyStrayUse(outside: weekdays, within: weekdays))
        #expect(laterDays.open(within: noSunday) == noSunday && laterDays.onlyStrayUse(outside: noSunday, within: noSunday))
    }

    @Test func aWeekdayBegunInTheLastWeeksIsNoStray() {
        let weekdays = OpenWeekdays(mask: 0b0011111)
        // Two years of a weekday item that has used its weekends for the last 10 weeks (in 10
        // of 104 weeks, under a tenth): they stay open, and in a file that records no weekend
        // its use on them is no stray.
        let begun = daily(weeks: 104) { $0 % 7 < 5 || $0 >= 94 * 7 ? 10 : 0 }
        let begunDays = SeriesWeekdays(daily: begun.history, first: begun.first)
        #expect(begunDays.open(within: .all) == .all)
        #expect(!begunDays.onlyStrayUse(outside: weekdays, within: weekdays))
        // Begun four weeks ago, in half as many of the last eight as its weekdays: open too.
        let lately = daily(weeks: 104) { $0 % 7 < 5 || $0 >= 100 * 7 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: lately.history, first: lately.first).open(within: .all) == .all)
        // Three weeks (3 of 8 beside 8, but 3 of its 3 since it began): open too; closed, its
        // use was read with the Mondays, 30 each Monday for 10 a day. One stray Saturday in
        // the last weeks, or two weeks apart in the last eight beside weekdays used in all of
        // them (2 of 5 since the first), is no weekend.
        let threeWeeks = daily(weeks: 104) { $0 % 7 < 5 || $0 >= 101 * 7 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: threeWeeks.history, first: threeWeeks.first).open(within: .all) == .all)
        let twoWeeks = daily(weeks: 104) { $0 % 7 < 5 || $0 >= 102 * 7 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: twoWeeks.history, first: twoWeeks.first).open(within: .all) == .all)
        let sixApart = daily(weeks: 104) { $0 % 7 < 5 || $0 == 96 * 7 + 6 || $0 == 102 * 7 + 6 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: sixApart.history, first: sixApart.first).open(within: .all) == weekdays)
        let stray = daily(weeks: 104) { $0 % 7 < 5 || $0 == 103 * 7 + 5 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: stray.history, first: stray.first).open(within: .all) == weekdays)
        let two = daily(weeks: 104) { $0 % 7 < 5 || $0 == 98 * 7 + 5 || $0 == 102 * 7 + 5 ? 10 : 0 }
        #expect(SeriesWeekdays(daily: two.history, first: two.first).open(within: .all) == weekdays)
    }

    @Test func aDailyForecastOnItsWeekdaysKeepsTheStraysTotal() throws {
        // A weekday item with 3 on Saturday 2025-02-15 (day 40) and 5 on its last day, a Sunday:
        // the Saturday's use is read with the Monday after it; the Sunday's has no open day after
        // it and is left out (on the Friday before, the models carried it forward).
        let stray = daily(weeks: 20) { $0 % 7 < 5 ? 10 : $0 == 40 ? 3 : $0 == 139 ? 5 : 0 }
        let open = try #require(OpenDaySeries(frequency: .day, open: OpenWeekdays(mask: 0b0011111)))
        #expect(!open.applies(to: stray.history, first: stray.first))
        #expect(open.applies(to: stray.history, first: stray.first, strays: true))
        let (indices, values) = open.openDays(of: stray.history, first: stray.first, flows: true)
        #expect(indices.count == 100 && indices.allSatisfy { $0 % 7 < 5 })
        #expect(values.reduce(0, +) == stray.history.reduce(0, +) - 5)
        #expect(values[indices.firstIndex(of: 42)!] == 13 && values[99] == 10)
        #expect(values.filter { $0 != 10 }.count == 1)
        // A missing open day passes it on to the next recorded one.
        var missing = stray.history
        missing[42] = .nan
        let passed = open.openDays(of: missing, first: stray.first, flows: true).values
        #expect(passed[30].isNaN && passed[31] == 13)
    }

    @Test func strayUseReadWithTheLastWeekAndReturnsAreLeftOut() throws {
        // A weekday item (20 weeks from Monday 2025-01-06) with 3 on Saturday day 40, 30 on
        // Sunday day 132 (read with Monday day 133, in the history's last 7 days) and a
        // return of -100 on Saturday day 47. The last week is what the models carry forward:
        // day 133 stays 10. A return is no use to take off a Monday's: left out.
        let stray = daily(weeks: 20) { $0 % 7 < 5 ? 10 : $0 == 40 ? 3 : $0 == 132 ? 30 : $0 == 47 ? -100 : 0 }
        let open = try #require(OpenDaySeries(frequency: .day, open: OpenWeekdays(mask: 0b0011111)))
        let (indices, values) = open.openDays(of: stray.history, first: stray.first, flows: true)
        #expect(indices.count == 100)
        #expect(values[indices.firstIndex(of: 42)!] == 13 && values[indices.firstIndex(of: 49)!] == 10)
        #expect(values[indices.firstIndex(of: 133)!] == 10 && values.filter { $0 != 10 }.count == 1)
        // A day before the last week still moves: Sunday day 125 onto Monday day 126.
        var earlier = stray.history
        earlier[132] = 0
        earlier[125] = 30
        let moved = open.openDays(of: earlier, first: stray.first, flows: true).values
        #expect(moved[indices.firstIndex(of: 126)!] == 40)
    }

    @Test func aLevelsValuesOnClosedDaysAreLeftOut() throws {
        // A census of 20 on each weekday for 30 weeks, missing at weekends but for 20 on two
        // Saturdays: a level is no amount to add to Monday's.
        let census = daily(weeks: 30) { $0 % 7 < 5 || $0 == 40 || $0 == 75 ? 20 : .nan }
        let days = SeriesWeekdays(daily: census.history, first: census.first)
        let own = days.open(within: .all)
        #expect(own == OpenWeekdays(mask: 0b0011111) && days.onlyStrayUse(outside: own, within: .all))
        let open = try #require(OpenDaySeries(frequency: .day, open: own))
        let (indices, values) = open.openDays(of: census.history, first: census.first, flows: false)
        #expect(indices.count == 150 && values.allSatisfy { $0 == 20 })
    }

    @Test func aForecastOnOpenDaysTellsItsBacktestAndHistoryInDays() throws {
        // A weekday item of 20 + day % 5 for 30 weeks, ending on a Sunday, forecast 28 days
        // ahead: its 20 open days ahead are all backtested, which is the whole horizon (the run's
        // note called it "too short to backtest 28 periods ahead (20)"); and the history it
        // gives back ends on the file's last day, the Sunday, so that a lag of 7 lands on the
        // same weekday (it ended on the Friday).
        let clinic = daily(weeks: 30) { $0 % 7 < 5 ? 20 + Double($0 % 5) : 0 }
        let open = try #require(OpenDaySeries(frequency: .day, open: OpenWeekdays(mask: 0b0011111)))
        let settings = ForecastSettings(horizon: 28, season: 7)
        let (forecast, fitted) = try open.forecast(clinic.history, first: clinic.first, with: DemandForecaster(settings: settings))
        #expect(forecast.backtestHorizon == 28)
        #expect(fitted.count == clinic.history.count)
        #expect(fitted.suffix(2) == [0, 0] && fitted[fitted.count - 3] == clinic.history[clinic.history.count - 3])
        // Through 12 open days only: the days through the 12th open one ahead (Monday to the
        // Tuesday of the third week: 16 days).
        #expect(SeriesForecast.days(through: 12, openDays: (0..<28).map { $0 % 7 < 5 }) == 16)
        #expect(SeriesForecast.days(through: 0, openDays: [true, false]) == 0)
    }

    @Test func periodsWeekdayMasksTellTheSameAsDays() {
        // Eight months of a weekday item: every month holds Monday to Friday, none a weekend.
        #expect(SeriesWeekdays(masks: [UInt8](repeating: 0b0011111, count: 8)).open(within: .all) == OpenWeekdays(mask: 0b0011111))
        // Three months are too few; months without use after the last do not count.
        #expect(SeriesWeekdays(masks: [UInt8](repeating: 0b0011111, count: 3) + [0, 0, 0, 0, 0]).open(within: .all) == .all)
        // One month with a Saturday row among 12: closed; a Saturday in half of them: open.
        #expect(SeriesWeekdays(masks: [0b0111111] + [UInt8](repeating: 0b0011111, count: 11)).open(within: .all) == OpenWeekdays(mask: 0b0011111))
        #expect(SeriesWeekdays(masks: (0..<12).map { $0 % 2 == 0 ? 0b0111111 : 0b0011111 }).open(within: .all) == OpenWeekdays(mask: 0b0111111))
        // A month without use between two with use counts as possible for every weekday.
        #expect(SeriesWeekdays(masks: [0b1111111, 0, 0, 0, 0, 0, 0, 0b1111111]).open(within: .all) == .all)
    }

    @Test func weekdaysInWords() {
        #expect(OpenWeekdays(mask: 0b0011111).names == "Monday to Friday")
        #expect(OpenWeekdays(mask: 0b0010101).names == "Monday, Wednesday and Friday")
        #expect(OpenWeekdays(mask: 0b0100111).names == "Monday to Wednesday and Saturday")
        #expect(OpenWeekdays(mask: 0b1000000).names == "Sunday")
        #expect(OpenWeekdays(mask: 0b1100000).names == "Saturday and Sunday")
        #expect(OpenWeekdays.all.names == "Monday to Sunday")
    }
}
