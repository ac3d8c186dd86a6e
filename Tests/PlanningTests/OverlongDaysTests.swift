import Testing
@testable import Planning
import Tabular

/// Employee-days with more hours than a day holds (`OverlongDays`).
@Suite struct OverlongDaysTests {
    /// Employee 0 works 12 h on day 100 at 4W, and the same shift is exported again as
    /// overtime (24 h: at the limit, not over it) and on day 101 three times (36 h). Employee 1
    /// works 8 + 8 + 10 = 26 h on day 100 at ICU. A row without an employee (-1) of 30 h is
    /// no one's day. Known answer: 2 days over 24 h, 36 h first.
    @Test func daysOverTwentyFourHoursAreCountedAndTheLargestNamed() {
        let d100 = CalendarDay(daysSinceEpoch: 100), d101 = CalendarDay(daysSinceEpoch: 101)
        let days = OverlongDays(employees: [0, 0, 0, 0, 0, 1, 1, 1, -1],
                                days: [d100, d100, d101, d101, d101, d100, d100, d100, d100],
                                units: ["4W", "4W", "4W", "4W", "4W", "ICU", "ICU", "ICU", "ICU"],
                                hours: [12, 12, 12, 12, 12, 8, 8, 10, 30])
        #expect(days.count == 2)
        #expect(days.largest == [OverlongDays.Day(unit: "4W", day: d101, hours: 36), OverlongDays.Day(unit: "ICU", day: d100, hours: 26)])
        // The same when the days are too many for one array and the rows are sorted instead.
        let sorted = OverlongDays(employees: [0, 0, 0, 0, 0, 1, 1, 1, -1],
                                  days: [d100, d100, d101, d101, d101, d100, d100, d100, d100],
                                  units: ["4W", "4W", "4W", "4W", "4W", "ICU", "ICU", "ICU", "ICU"],
                                  hours: [12, 12, 12, 12, 12, 8, 8, 10, 30], denseSlots: 0)
        #expect(sorted.count == 2 && sorted.largest == days.largest)
        #expect(OverlongDays(employees: [0, 0], days: [d100, d100], units: ["4W", "4W"], hours: [12, 12]).count == 0)
    }
}
