import Testing
@testable import Planning
import Forecasting
import Tabular

/// Whether a ledger dated by the day covers its first and last months whole, judged by its
/// own posting days (a finance review's cases 01 and 04, in small), with answers by hand.
@Suite struct LedgerDaysTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    /// Every weekday (Monday to Friday) from `first` through `last`.
    static func weekdays(_ first: CalendarDay, _ last: CalendarDay) -> [CalendarDay] {
        (0...Int(last.daysSinceEpoch - first.daysSinceEpoch)).map { first.adding(days: $0) }.filter { $0.isoWeekday <= 5 }
    }

    /// An extract from Wednesday 14 October 2026 through Thursday 31 December: October covers
    /// 14-31, 18 of 31 days, and misses 9 weekdays (1, 2, 5-9, 12, 13); December ends on its
    /// last day and is whole. The same from Thursday 1 October is whole at both ends.
    @Test func aLedgerFromThe14thHasAPartFirstMonth() throws {
        let days = try #require(LedgerDays(Self.weekdays(Self.day(2026, 10, 14), Self.day(2026, 12, 31))))
        #expect(days.postingWeekdays == Set(1...5) && days.longestGap == 0 && days.postingDaysDescription == "weekdays")
        let part = try #require(days.partialFirstMonth)
        #expect(part.month == Frequency.month.period(of: Self.day(2026, 10, 1)) && part.from == Self.day(2026, 10, 14) && part.through == Self.day(2026, 10, 31))
        #expect(part.daysCovered == 18 && part.daysInMonth == 31 && part.missingPostingDays == 9)
        #expect(days.partialLastMonth == nil)
        let whole = try #require(LedgerDays(Self.weekdays(Self.day(2026, 10, 1), Self.day(2026, 12, 31))))
        #expect(whole.partialFirstMonth == nil && whole.partialLastMonth == nil)
    }

    /// A ledger of one month's middle alone, Wednesday 14 to Tuesday 27 October 2026 (10
    /// weekdays), covers 14-27 October, 14 of 31 days: the month was said to cover 14-31.
    @Test func aLedgerOfOnePartMonthCoversItsOwnDaysOnly() throws {
        let days = try #require(LedgerDays(Self.weekdays(Self.day(2026, 10, 14), Self.day(2026, 10, 27))))
        let part = try #require(days.partialFirstMonth)
        #expect(part.through == Self.day(2026, 10, 27) && part.daysCovered == 14 && part.missingPostingDays == 9)
    }

    /// Every weekday from 1 October 2026 through Monday 25 January 2027: January's 26-29 are
    /// four posting days missing (6 calendar days, under the week the old rule needed), so
    /// January is partial. Through Friday 29 January (30-31 a weekend) it is whole.
    @Test func aWeekdayLedgerStoppingFourWeekdaysShortHasAPartLastMonth() throws {
        let days = try #require(LedgerDays(Self.weekdays(Self.day(2026, 10, 1), Self.day(2027, 1, 25))))
        let part = try #require(days.partialLastMonth)
        #expect(part.month == Frequency.month.period(of: Self.day(2027, 1, 1)) && part.through == Self.day(2027, 1, 25) && part.missingPostingDays == 4)
        #expect(days.partialFirstMonth == nil)
        #expect(LedgerDays(Self.weekdays(Self.day(2026, 10, 1), Self.day(2027, 1, 29)))?.partialLastMonth == nil)
    }

    /// Up to two posting days left may be holidays: a ledger through Friday 28 May 2027 (Monday
    /// 31 May is Memorial Day) is whole, and so is one through Thursday 27 May (the office closed
    /// the Friday before the long weekend); through Wednesday 26 May, three weekdays short, it is not.
    @Test func twoMissingPostingDaysAtMonthEndMayBeHolidays() throws {
        #expect(LedgerDays(Self.weekdays(Self.day(2027, 3, 1), Self.day(2027, 5, 28)))?.partialLastMonth == nil)
        #expect(LedgerDays(Self.weekdays(Self.day(2027, 3, 1), Self.day(2027, 5, 27)))?.partialLastMonth == nil)
        #expect(LedgerDays(Self.weekdays(Self.day(2027, 3, 1), Self.day(2027, 5, 26)))?.partialLastMonth?.missingPostingDays == 3)
    }

    /// A weekday ledger of January to March 2026 that begins Monday 5 January: Thursday 1 January
    /// (New Year's Day) and Friday 2 January (a bank holiday, an office closure) are two posting
    /// days, holidays, so January is whole. It was flagged partial (27 of 31 days, "re-export
    /// from 1 January"). One beginning Tuesday 6 January, three posting days in, is partial.
    @Test func aLedgerBeginningAfterNewYearsTwoHolidaysHasAWholeFirstMonth() throws {
        let days = try #require(LedgerDays(Self.weekdays(Self.day(2026, 1, 5), Self.day(2026, 3, 31))))
        #expect(days.partialFirstMonth == nil)
        #expect(LedgerDays(Self.weekdays(Self.day(2026, 1, 6), Self.day(2026, 3, 31)))?.partialFirstMonth?.missingPostingDays == 3)
    }

    /// A ledger that skips three posting days in a row inside (Tuesday 20 to Thursday 22
    /// October) is not short for missing three at its end (Wednesday 27 to Friday 29 January,
    /// 5 calendar days); four (from Tuesday 26) are more than it ever skips.
    @Test func aLedgerThatSkipsDaysInsideIsJudgedByItsOwnGaps() throws {
        let skipped: Set<CalendarDay> = [Self.day(2026, 10, 20), Self.day(2026, 10, 21), Self.day(2026, 10, 22)]
        let through26 = Self.weekdays(Self.day(2026, 10, 1), Self.day(2027, 1, 26)).filter { !skipped.contains($0) }
        let days = try #require(LedgerDays(through26))
        #expect(days.longestGap == 3 && days.partialLastMonth == nil)
        #expect(LedgerDays(through26.dropLast())?.partialLastMonth?.missingPostingDays == 4)
    }

    /// Month totals (one date a month, the last day or the 1st) are no ledger dated by the day:
    /// a first row dated 31 October is no extract from the 31st.
    @Test func monthTotalsAreNotDatedByTheDay() {
        let monthEnds = [Self.day(2026, 10, 31), Self.day(2026, 11, 30), Self.day(2026, 12, 31), Self.day(2027, 1, 31)]
        #expect(LedgerDays(monthEnds) == nil)
        #expect(LedgerDays(monthEnds.map { Frequency.month.firstDay(of: Frequency.month.period(of: $0)) }) == nil)
    }

    /// The variance of case 01 in small: a fixed $3,000 lease budgeted monthly from October
    /// (fiscal years from October), posted on the 1st, and $100 of supplies every weekday,
    /// budgeted $2,000; the extract runs from Wednesday 14 October to Thursday 31 December. October's
    /// rows, its quarter's, the year to date's and the TOTAL's are flagged partial, not
    /// favorable (the lease read -100%, $3,000 "saved"), and a note says what the month covers.
    @Test func aPartFirstMonthsRowsAreFlaggedPartial() throws {
        let calendar = FiscalCalendar(firstMonth: 10)
        let october = Frequency.month.period(of: Self.day(2026, 10, 1))
        let months = calendar.months(ofFiscalYear: 2027)
        var budget = LedgerRows(department: [], account: [], month: [], amount: [])
        for m in months {
            for (account, amount) in [("Lease", 3_000.0), ("Supplies", 2_000.0)] {
                budget.department.append("Cafe"); budget.account.append(account); budget.month.append(m); budget.amount.append(amount)
            }
        }
        var rows: [(String, CalendarDay, Double)] = Self.weekdays(Self.day(2026, 10, 14), Self.day(2026, 12, 31)).map { ("Supplies", $0, 100) }
        rows += [("Lease", Self.day(2026, 11, 2), 3_000), ("Lease", Self.day(2026, 12, 1), 3_000)]
        var actuals = LedgerRows(department: rows.map { _ in "Cafe" }, account: rows.map(\.0), month: rows.map { Frequency.month.period(of: $0.1) }, amount: rows.map(\.2), file: " (gl.csv)")
        actuals.day = rows.map(\.1)
        let variance = try BudgetVariance(budget: budget, actuals: actuals, calendar: calendar, asOf: october + 2)
        #expect(variance.partialFirstMonth?.month == october)
        #expect(variance.notes.contains { $0.hasPrefix("the actuals (gl.csv) begin on 2026-10-14, part-way through 2026-10: 2026-10 covers 14-31 October, 18 of 31 days (the ledger posts on weekdays, 9 of them in 2026-10 before its first row)") && $0.hasSuffix("re-export from 1 October") }, "\(variance.notes)")
        let outcome = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 2_000]))
        func row(_ account: String, _ period: String) -> VarianceRow? { outcome.rows.first { $0.line.account == account && $0.line.period == period } }
        // October: the lease 0 against 3,000, supplies 13 weekdays x 100 = 1,300 against 2,000.
        #expect(row("Lease", "2026-10")?.flag == "partial" && row("Lease", "2026-10")?.line.variance == -3_000)
        #expect(row("Supplies", "2026-10")?.flag == "partial" && row("Supplies", "2026-10")?.line.actual == 1_300)
        #expect(row("Supplies", "FY2027-Q1")?.flag == "partial" && row("Supplies", "FY2027-YTD")?.flag == "partial" && row("TOTAL", "FY2027-YTD")?.flag == "partial")
        // November (21 weekdays, 2,100) and December (23, 2,300) are judged as ever: within the thresholds.
        #expect(row("Supplies", "2026-11")?.flag == "" && row("Lease", "2026-12")?.flag == "")
        // A ledger from the 1st has no part month, and no partial flag.
        var whole = actuals
        let early = Self.weekdays(Self.day(2026, 10, 1), Self.day(2026, 10, 13))
        whole.department += early.map { _ in "Cafe" }; whole.account += early.map { _ in "Supplies" }
        whole.month += early.map { _ in october }; whole.amount += early.map { _ in 100 }; whole.day! += early
        let complete = try BudgetVariance(budget: budget, actuals: whole, calendar: calendar, asOf: october + 2)
        #expect(complete.partialFirstMonth == nil && !complete.notes.contains { $0.contains("part-way") })
        #expect(try complete.projected(forecast: BudgetVarianceTests.flat(["a": 2_000])).rows.allSatisfy { $0.flag != "partial" })
    }
}
