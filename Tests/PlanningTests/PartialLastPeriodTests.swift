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
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: Self.day(3)) == Self.day(3))
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: Self.day(1)) == Self.day(1))
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: Self.day(30)) == Self.day(30))
        // On its last day, before it, after its end, or no dated count: the period is whole.
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: Self.day(31)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: Self.day(30, month: 11)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: CalendarDay(daysSinceEpoch: last.daysSinceEpoch + 5)) == nil)
        #expect(PartialLastPeriod.end(first: first, last: last, pulledOn: nil) == nil)
    }

    /// The snapshot date is the date at least half the dated rows share: a cycle count on
    /// another date does not date the export, and a tie of two dates dates nothing.
    @Test func theSnapshotDateIsTheDateHalfTheRowsShare() {
        func snapshot(_ days: [CalendarDay]) -> CalendarDay? { PartialLastPeriod.CountDates(days.map(\.daysSinceEpoch)).snapshot }
        let (nov30, dec3, dec15) = (Self.day(30, month: 11), Self.day(3), Self.day(15))
        #expect(snapshot([dec3, dec3]) == dec3)
        #expect(snapshot([nov30, nov30, dec15]) == nov30)
        #expect(snapshot([nov30, dec3, dec3, dec15]) == dec3)
        // Half and half between two dates (SALINE 30 November, GAUZE cycle-counted 15 December):
        // neither dates the export. The latest count read December to the 15th.
        #expect(snapshot([nov30, dec15]) == nil)
        // Half on one date, the rest spread: that date.
        #expect(snapshot([dec3, dec3, nov30, dec15]) == dec3)
        #expect(snapshot([nov30, dec3, dec15]) == nil)
        #expect(snapshot([]) == nil)
        let counts = PartialLastPeriod.CountDates([nov30, nov30, dec15].map(\.daysSinceEpoch))
        #expect(counts.datedRows == 3 && counts.rowsOnSnapshot == 2)
    }

    /// Undated rows count among the rows: one row dated 15 December beside nine undated is no
    /// snapshot (it read a complete December as 15 days, orders of 445 where none was due).
    @Test func undatedRowsCountAmongTheRows() {
        let one = PartialLastPeriod.CountDates([Self.day(15).daysSinceEpoch] + [Int32?](repeating: nil, count: 9))
        #expect(one.snapshot == nil && one.rows == 10 && one.datedRows == 1)
        let most = PartialLastPeriod.CountDates([Int32?](repeating: Self.day(3).daysSinceEpoch, count: 6) + [nil, nil, nil, nil])
        #expect(most.snapshot == Self.day(3))
        let tie = PartialLastPeriod.CountDates([Self.day(3).daysSinceEpoch, Self.day(15).daysSinceEpoch])
        #expect(tie.snapshot == nil && tie.isTie)
    }
}
