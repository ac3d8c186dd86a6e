import Testing
import Tabular
@testable import Forecasting

@Suite("DaySet")
struct DaySetTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        guard let d = CalendarDay(year: year, month: month, day: day) else { fatalError("test bug: not a date") }
        return d.daysSinceEpoch
    }

    @Test func growsOnBothSidesAndCountsByWeekday() {
        var set = DaySet()
        let middle = day(2025, 6, 15)
        // Days spread over two years, inserted out of order, some twice.
        let days = (0..<120).map { middle + Int32(($0 * 37) % 730) - 365 } + [middle, middle - 365]
        for d in days { set.insert(d) }
        let distinct = Set(days)
        #expect(set.count(from: middle - 400, through: middle + 400) == distinct.count)
        #expect(set.firstDay == distinct.min() && set.lastDay == distinct.max())
        for d in distinct { #expect(set.contains(d)) }
        #expect(!set.contains(middle + 1) || distinct.contains(middle + 1))
        let weekends = DaySet.WeekdayBits(OpenWeekdays(mask: 0b1100000))
        let expected = distinct.filter { CalendarDay(daysSinceEpoch: $0).isoWeekday >= 6 }.count
        #expect(set.count(from: middle - 400, through: middle + 400, on: weekends) == expected)
        #expect(set.countByWeekday.reduce(0, +) == distinct.count)
        // A window inside one word and across words.
        let window = distinct.filter { $0 >= middle - 10 && $0 <= middle + 100 }.count
        #expect(set.count(from: middle - 10, through: middle + 100) == window)
    }

    @Test func theSameDaysInAnyOrderAreEqual() {
        var a = DaySet(), both = DaySet()
        let early = (Int32(0)..<50).map { day(2023, 1, 1) + 11 * $0 }, late = (Int32(0)..<50).map { day(2024, 1, 1) + 3 * $0 }
        for d in late + early { a.insert(d) }          // grows backwards: another layout of words
        for d in early + late { both.insert(d) }
        #expect(a.count(from: day(2022, 1, 1), through: day(2026, 1, 1)) == both.count(from: day(2022, 1, 1), through: day(2026, 1, 1)))
        #expect(a.firstDay == both.firstDay && a.lastDay == both.lastDay)
        #expect(a == both)   // the same days, whatever the words' layout
        var other = DaySet()
        other.insert(day(2024, 1, 1))
        #expect(a != other && DaySet() == DaySet())
    }

    @Test func isoWeeksCoverTheWeekOfEachDayAcrossWords() {
        var set = DaySet()
        let start = day(2025, 1, 6)
        for k in Int32(0)..<20 { set.insert(start + 7 * k) }   // 20 Mondays: 140 days over 3 words
        set.insert(start + 300)                                 // a Sunday: its week began 6 days before
        let weeks = set.isoWeeks
        #expect(weeks.count(from: start - 10, through: start + 400) == 147)
        #expect(weeks.contains(start + 139) && !weeks.contains(start + 140))
        #expect(!weeks.contains(start + 293) && weeks.contains(start + 294) && weeks.contains(start + 300) && !weeks.contains(start + 301))
        #expect(weeks.isoWeeks == weeks)
    }

    @Test func aWeekdayWithRowsInUnderHalfTheWeeksIsNotOpen() {
        var clinic = DaySet()
        for k in Int32(0)..<35 {
            let d = day(2025, 9, 1) + k
            if CalendarDay(daysSinceEpoch: d).isoWeekday <= 5 || k == 12 { clinic.insert(d) }   // one Saturday
        }
        #expect(clinic.openWeekdays?.mask == 0b0011111)
        var short = DaySet()
        for k in Int32(0)..<20 where CalendarDay(daysSinceEpoch: day(2025, 9, 1) + k).isoWeekday <= 5 { short.insert(day(2025, 9, 1) + k) }
        #expect(short.openWeekdays == nil)   // under four weeks: nothing is known to be closed
    }
}
