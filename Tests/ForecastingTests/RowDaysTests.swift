import Testing
import Tabular
@testable import Forecasting

/// What a file's days say each row stands for, and the days the rows cover.
@Suite("RowDays")
struct RowDaysTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        guard let d = CalendarDay(year: year, month: month, day: day) else { fatalError("test bug: not a date") }
        return d
    }

    private func days(_ list: [CalendarDay]) -> RowDays {
        var rows = RowDays()
        for d in list { rows.see(d) }
        return rows
    }

    /// One day of every month written day-first and read month-first: January 1-12 of one
    /// year or of two (the 1st), October 1-12 of two years (the 10th). A 13th, a second month,
    /// or twelve days of October in one year (a short daily export) is no such reading.
    @Test func theFirstTwelveDaysOfOneMonthLookDayFirst() {
        func month(_ rows: RowDays) -> Int? { rows.dayFirstLook.month }
        #expect(month(days((1...12).map { day(2024, 1, $0) })) == 1)
        #expect(month(days((1...12).map { day(2024, 1, $0) } + (1...12).map { day(2025, 1, $0) })) == 1)
        #expect(month(days((1...12).map { day(2023, 10, $0) } + (1...12).map { day(2024, 10, $0) })) == 10)
        #expect(days((1...12).map { day(2023, 10, $0) } + (1...12).map { day(2024, 10, $0) }).dayFirstLook.sentence()
                == "every date falls on October 1-12, as the 10th of every month written day-first (10/MM/YYYY) reads month-first")
        #expect(month(days((1...12).map { day(2024, 10, $0) })) == nil)
        #expect(month(days((1...12).map { day(2024, 1, $0) } + [day(2024, 1, 13)])) == nil)
        #expect(month(days((1...12).map { day(2024, 1, $0) } + [day(2024, 2, 1), day(2025, 1, 2)])) == nil)
        #expect(month(days([day(2024, 1, 1), day(2024, 1, 2)])) == nil)
    }

    @Test func monthsDatedOnTheFirstOrTheLastDayCoverTheirWholeMonths() {
        let starts = days([day(2025, 1, 1), day(2025, 6, 1), day(2025, 12, 1)])
        #expect(starts.span == .month)
        #expect(starts.covered.first == day(2025, 1, 1) && starts.covered.last == day(2025, 12, 31))
        let ends = days([day(2024, 1, 31), day(2024, 2, 29), day(2024, 11, 30)])
        #expect(ends.span == .month)
        #expect(ends.covered.first == day(2024, 1, 1) && ends.covered.last == day(2024, 11, 30))
        // February 28 is not the end of a leap year's February: two last days in three are not
        // nine in ten, and three dates are too few for the one-date-a-month rules.
        #expect(days([day(2024, 1, 31), day(2024, 2, 28), day(2024, 3, 31)]).span == .day)
        #expect(days([day(2024, 1, 31), day(2024, 2, 28), day(2024, 2, 29), day(2024, 3, 31)]).span == .day)
    }

    @Test func weekdaysWithoutARowInFourWeeksAreNotRecorded() {
        // Monday to Friday from 2025-09-01 to Friday 3 October: once the rows span four weeks,
        // the weekend is known to be closed.
        let weekdays = (0..<33).map { day(2025, 9, 1).adding(days: $0) }.filter { $0.isoWeekday <= 5 }
        #expect(days(Array(weekdays.prefix(19))).openWeekdays == .all)   // through 25 September
        let open = days(weekdays).openWeekdays
        #expect(open.count == 5 && open.mask == 0b0011111)
        // October 2025 has 23 weekdays; 1 to 5 October (Wednesday to Sunday) holds 3 of them.
        #expect(open.days(in: Frequency.month.period(of: day(2025, 10, 1)), of: .month) == 23)
        #expect(open.count(from: day(2025, 10, 1), through: day(2025, 10, 5)) == 3)
        #expect(open.count(from: day(2025, 10, 4), through: day(2025, 10, 5)) == 0)
        #expect(abs(open.averageDays(of: .month) - 365.2425 / 12 * 5 / 7) < 1e-12)
        // Four rows on a Wednesday, two Saturdays and a Tuesday over four weeks are too few to
        // close the other weekdays.
        #expect(days([day(2025, 1, 8), day(2025, 1, 18), day(2025, 2, 1), day(2025, 2, 11)]).openWeekdays == .all)
        // Rows that are whole periods record every day of them.
        #expect(days([day(2025, 1, 1), day(2025, 6, 1), day(2025, 12, 1)]).openWeekdays == .all)
    }

    @Test func oneCorrectionDatedMidMonthLeavesMonthlyRowsMonths() {
        var dates = (1...12).map { day(2025, $0, 1) }
        dates.append(day(2025, 6, 17))   // 1 date in 13 off the 1st
        let rows = days(dates)
        #expect(rows.span == .month)
        #expect(rows.covered.first == day(2025, 1, 1) && rows.covered.last == day(2025, 12, 31))
        // Two in nine are too many: those are days.
        #expect(days((1...7).map { day(2025, $0, 1) } + [day(2025, 3, 9), day(2025, 5, 20)]).span == .day)
        // Shards merged see the same.
        var a = days(Array(dates.prefix(7))), b = days(Array(dates.suffix(6)))
        a.merge(b)
        #expect(a.span == .month && a == rows)
    }

    @Test func rowsOneToAPeriodDatedOnOneDayOrABusinessDayArePeriods() {
        // A ledger dated on the 15th of each month.
        let fifteenths = days((1...12).map { day(2025, $0, 15) })
        #expect(fifteenths.span == .month)
        #expect(fifteenths.covered.first == day(2025, 1, 1) && fifteenths.covered.last == day(2025, 12, 31))
        // The last business day: Friday 28 February, Friday 30 May 2025 and the like.
        let lastBusinessDays = days([day(2025, 1, 31), day(2025, 2, 28), day(2025, 3, 31), day(2025, 4, 30), day(2025, 5, 30),
                                     day(2025, 6, 30), day(2025, 7, 31), day(2025, 8, 29), day(2025, 9, 30)])
        #expect(lastBusinessDays.span == .month)
        #expect(lastBusinessDays.covered.first == day(2025, 1, 1))
        // The first business day of each quarter, and the last of each year.
        #expect(days([day(2024, 1, 2), day(2024, 4, 1), day(2024, 7, 1), day(2024, 10, 1), day(2025, 1, 2)]).span == .quarter)
        #expect(days([day(2022, 12, 30), day(2023, 12, 29), day(2024, 12, 31)]).span == .year)
        // The 15th, or the Friday before when it is a Saturday (15 April and 15 July 2023).
        let fifteenthsOrFridays = [day(2023, 2, 15), day(2023, 3, 15), day(2023, 4, 14), day(2023, 5, 15), day(2023, 6, 15), day(2023, 7, 14)]
        #expect(days(fifteenthsOrFridays).span == .month)
        // Five such dates are too few: days one a month fall so by chance too often.
        #expect(days(Array(fifteenthsOrFridays.prefix(5))).span == .day)
        // The last Friday and the first Monday of each month: one weekday, but months, not weeks.
        let lastFridays = days([day(2024, 1, 26), day(2024, 2, 23), day(2024, 3, 29), day(2024, 4, 26), day(2024, 5, 31), day(2024, 6, 28)])
        #expect(lastFridays.span == .month)
        #expect(lastFridays.covered.first == day(2024, 1, 1) && lastFridays.covered.last == day(2024, 6, 30))
        #expect(days([day(2024, 1, 1), day(2024, 2, 5), day(2024, 3, 4), day(2024, 4, 1), day(2024, 5, 6), day(2024, 6, 3)]).span == .month)
        // Quarterly totals dated mid-quarter, and fiscal years dated 30 June.
        let midQuarters = days([day(2023, 2, 15), day(2023, 5, 15), day(2023, 8, 15), day(2023, 11, 15)])
        #expect(midQuarters.span == .quarter)
        #expect(midQuarters.covered.first == day(2023, 1, 1) && midQuarters.covered.last == day(2023, 12, 31))
        #expect(days([day(2022, 6, 30), day(2023, 6, 30), day(2024, 6, 30)]).span == .year)
        #expect(midQuarters.spanShape == "one date a quarter, on about the same day of it")
        #expect(lastFridays.spanShape == "one date a month, within a week of its start or end")
        // One month in twelve with a second date (a correction) is still months; two are days,
        // and so are two dates a month apart (too few to tell), and dates one a month on days
        // that follow no rule.
        #expect(days((1...12).map { day(2025, $0, 15) } + [day(2025, 6, 20)]).span == .month)
        #expect(days((1...12).map { day(2025, $0, 15) } + [day(2025, 6, 20), day(2025, 9, 3)]).span == .day)
        #expect(days([day(2025, 12, 10), day(2026, 1, 20)]).span == .day)
        // Three dates on one day of three months (a new ledger dated on the 10th) are months;
        // two are too few, and three mid-quarter dates fill too few of the months they span.
        let tenths = days([day(2025, 1, 10), day(2025, 2, 10), day(2025, 3, 10)])
        #expect(tenths.span == .month && tenths.spanShape == "one date a month, on the same day of it")
        #expect(tenths.covered.first == day(2025, 1, 1) && tenths.covered.last == day(2025, 3, 31))
        #expect(days([day(2025, 1, 10), day(2025, 2, 10)]).span == .day)
        #expect(days([day(2025, 2, 15), day(2025, 5, 15), day(2025, 8, 15)]).span == .day)
        #expect(days([day(2025, 1, 9), day(2025, 2, 17), day(2025, 3, 3), day(2025, 4, 22), day(2025, 5, 14)]).span == .day)
        // Daily rows spread thinly (an item used about once a month, on any day) are days, and
        // too sparse to tell which weekdays the file records.
        let sparse = days([day(2025, 1, 9), day(2025, 2, 17), day(2025, 3, 3), day(2025, 4, 22), day(2025, 5, 14),
                           day(2025, 6, 2), day(2025, 7, 24), day(2025, 8, 12), day(2025, 9, 30), day(2025, 10, 6)])
        #expect(sparse.span == .day && sparse.openWeekdays == .all)
        // Shards merged see the same.
        var a = days((1...6).map { day(2025, $0, 15) }), b = days((7...12).map { day(2025, $0, 15) })
        a.merge(b)
        #expect(a == fifteenths)
        a.merge(days([day(2025, 6, 20)]))
        #expect(a.span == .month)
        a.merge(days([day(2025, 9, 3)]))
        #expect(a.span == .day && a == days((1...12).map { day(2025, $0, 15) } + [day(2025, 9, 3), day(2025, 6, 20)]))
    }

    @Test func quartersYearsAndWeeksAreRecognised() {
        #expect(days([day(2025, 1, 1), day(2025, 4, 1), day(2025, 10, 1)]).span == .quarter)
        #expect(days([day(2023, 1, 1), day(2025, 1, 1)]).span == .year)
        // Quarters and years dated on their last days, as period-end exports date them.
        let quarterEnds = days([day(2024, 3, 31), day(2024, 6, 30), day(2024, 12, 31)])
        #expect(quarterEnds.span == .quarter)
        #expect(quarterEnds.covered.first == day(2024, 1, 1) && quarterEnds.covered.last == day(2024, 12, 31))
        #expect(days([day(2023, 12, 31), day(2024, 12, 31)]).span == .year)
        // Sundays: weekly totals dated on the week's last day cover the ISO week to it.
        let sundays = days([day(2025, 3, 2), day(2025, 3, 9), day(2025, 3, 30)])
        #expect(sundays.span == .week)
        #expect(sundays.covered.first == day(2025, 2, 24) && sundays.covered.last == day(2025, 3, 30))
        // Two Wednesdays four weeks apart are two days, not two weeks, and four last Fridays of
        // four months (too few to be months) are days, not weeks.
        #expect(days([day(2024, 1, 31), day(2024, 2, 28)]).span == .day)
        #expect(days([day(2024, 1, 26), day(2024, 2, 23), day(2024, 3, 29), day(2024, 4, 26)]).span == .day)
        // A weekly export with a few weeks missing is still weekly.
        #expect(days((0..<20).filter { $0 % 5 != 3 }.map { day(2025, 1, 6).adding(days: 7 * $0) }).span == .week)
        // Daily rows, and a single day, stand for days.
        #expect(days([day(2025, 3, 3), day(2025, 3, 4)]).span == .day)
        #expect(days([day(2025, 3, 1)]).span == .day)
        #expect(RowDays().isEmpty)
    }

    @Test func mergingShardsGivesTheWholeFilesDays() {
        var a = days([day(2025, 1, 1), day(2025, 2, 1)])
        a.merge(days([day(2025, 3, 1)]))
        #expect(a == days([day(2025, 1, 1), day(2025, 2, 1), day(2025, 3, 1)]))
        a.merge(days([day(2025, 3, 15)]))
        #expect(a.span == .day && a.last == day(2025, 3, 15))
        var empty = RowDays()
        empty.merge(a)
        #expect(empty == a)
    }

    @Test func totalsRefuseToSplitLongerRowsAndNameTheAllPartialFile() {
        var monthly = PeriodTotals(frequency: .week)
        monthly.add("A", day(2025, 1, 1), 100)
        monthly.add("A", day(2025, 2, 1), 100)
        #expect(monthly.periodsShorterThanRows(option: "--frequency")?.contains("monthly totals") == true)
        var quarterly = PeriodTotals(frequency: .quarter)
        quarterly.add("A", day(2025, 1, 1), 100)
        quarterly.add("A", day(2025, 12, 1), 100)
        #expect(quarterly.periodsShorterThanRows(option: "--frequency") == nil)
        #expect(quarterly.leaveOutPartialPeriods().isEmpty)

        var short = PeriodTotals(frequency: .month)
        short.add("A", day(2025, 12, 10), 1)
        short.add("A", day(2026, 1, 20), 1)
        #expect(short.leaveOutPartialPeriods().isEmpty)
        #expect(short.partialPeriodsKept.map(\.coverage) == ["2025-12 covers 22 of 31 days", "2026-01 covers 20 of 31 days"])
        #expect(short.partialPeriodsKeptNote?.hasSuffix(": kept, as leaving them out would leave nothing; a shorter frequency gives whole periods") == true)
        #expect(short.nothingCompleteToLearnFrom(keep: "--partial keep")?.contains("understate whole months") == true)
    }
}
