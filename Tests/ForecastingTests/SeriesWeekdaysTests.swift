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
