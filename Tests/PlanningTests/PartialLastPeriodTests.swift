import Tabular
import Testing
@testable import Planning

/// Which inventory counts end a totals export's last period early (`PartialLastPeriod`).
@Suite struct PartialLastPeriodTests {
    static func day(_ d: Int, month: Int = 12) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: 2025, month: month, day: d)))
    }

    @Test func aCountInsideTheLastPeriodBeforeItsLastDayEndsIt() {
        let (first, last) = (Self.day(1), Self.day(31))
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: Self.day(3)) == Self.day(3))
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: Self.day(1)) == Self.day(1))
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: Self.day(30)) == Self.day(30))
        // On its last day, before it, after its end, or no dated count: the period is whole.
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: Self.day(31)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: Self.day(30, month: 11)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: CalendarDay(daysSinceEpoch: last.daysSinceEpoch + 5)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, latestCount: nil) == nil)
    }
}
