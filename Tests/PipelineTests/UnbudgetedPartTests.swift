import Foundation
import Testing
import Reports
@testable import Pipeline
@testable import Planning
import Tabular

/// Review wb2, defects 1 and 3: a budget known for part of a forecast quarter, or for some
/// lines of next year only, was set against the whole forecast as if it were the budget.
///
/// ICU books salaries $100,000 and supplies $10,000 a month, flat, July to December 2025 (as
/// of 2025-12, fiscal year from July), so every forecast month is exactly those amounts. The
/// FY2026 budget is the same amounts every month; what FY2027 (2026-07 to 2027-06) has varies
/// by test. A consulting line books $5,000 a month and is never budgeted.
@Suite struct UnbudgetedPartTests {
    static let salaries = "5010 Salaries", supplies = "6100 Supplies", consulting = "7000 Consulting"

    static func label(_ month: Int) -> String { "\(month / 12)-\(month % 12 < 9 ? "0" : "")\(month % 12 + 1)" }

    /// `budgeted(account, month)`: whether the budget has a row for the line and month
    /// (months from 2025-07 to 2027-06; month = year x 12 + month - 1).
    static func tables(budgeted: (String, Int) -> Bool) -> (Table, Table) {
        var b: [[String]] = [], bAmount: [Double] = [], a: [[String]] = [], aAmount: [Double] = []
        for (account, amount) in [(salaries, 100_000.0), (supplies, 10_000.0)] {
            for month in (2025 * 12 + 6)...(2027 * 12 + 5) where budgeted(account, month) {
                b.append(["ICU", account, label(month)]); bAmount.append(amount)
            }
        }
        for (account, amount) in [(salaries, 100_000.0), (supplies, 10_000.0), (consulting, 5_000.0)] {
            for month in (2025 * 12 + 6)...(2025 * 12 + 11) { a.append(["ICU", account, label(month)]); aAmount.append(amount) }
        }
        return (Table([("department", .text(b.map { $0[0] })), ("account", .text(b.map { $0[1] })), ("period", .text(b.map { $0[2] })),
                       ("amount", .number(bAmount)), ("behavior", .text(b.map { _ in "fixed" }))]),
                Table([("department", .text(a.map { $0[0] })), ("account", .text(a.map { $0[1] })), ("period", .text(a.map { $0[2] })),
                       ("amount", .number(aAmount))]))
    }

    func run(quarters: Int?, budgeted: @escaping (String, Int) -> Bool) throws -> (VarianceJob.Result, [[String: String]]) {
        var job = VarianceJob()
        job.horizonQuarters = quarters
        let (budget, actuals) = Self.tables(budgeted: budgeted)
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        return (result, RollingForecastTests.records(VarianceJob.table(result)))
    }

    func row(_ rows: [[String: String]], _ account: String, _ period: String) throws -> [String: String] {
        try #require(rows.first { $0["account"] == account && $0["period"] == period }, "\(account) \(period)")
    }

    static let blank = ["budget", "variance", "variance_pct", "favorable", "flexed_budget", "volume_variance", "rate_variance", "flag"]

    /// Defect 1: FY2027's budget holds July and August 2026 only. FY2027-Q1's forecast is 3 x
    /// $100,000 = $300,000 of salaries; its budget rows $200,000: set against each other they
    /// read $100,000 (50%) unfavorable, and the TOTAL $345,000 (with consulting) against $220,000. Like for
    /// like (July + August) the variance is $0. The quarter is blank, not flagged, and said so
    /// (note and the report's quarter table); July's own row keeps budget $100,000, variance 0.
    @Test func aQuarterBudgetedForTwoOfItsThreeMonthsIsBlank() throws {
        let (result, rows) = try run(quarters: 6) { _, month in month <= 2026 * 12 + 7 }
        for account in [Self.salaries, Self.supplies, "TOTAL"] {
            let q = try row(rows, account, "FY2027-Q1")
            #expect(Self.blank.allSatisfy { q[$0] == "" }, "\(q)")
        }
        #expect(try row(rows, "TOTAL", "FY2027-Q1")["forecast"] == "345000")
        let july = try row(rows, Self.salaries, "2026-07")
        #expect(july["budget"] == "100000" && july["variance"] == "0", "\(july)")
        #expect(result.notes.contains { $0.contains("the budget covers FY2027-Q1 for 2 of its 3 months (2026-07, 2026-08; not 2026-09)") }, "\(result.notes)")
        let markdown = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "v")
        #expect(markdown.contains("Budget, variance, volume and rate are blank for ICU FY2027-Q1, as in budget_variance.csv: the budget covers only some of its months or lines"), "\(markdown)")
    }

    /// Defect 1 in the current year: the budget stops at 2026-05. FY2026-Q4 (April to June)
    /// set April + May's $200,000 against $300,000 of forecast salaries: $100,000 (50%)
    /// unfavorable. Blank now, as the June row and the year's projection already were.
    @Test func aCurrentYearQuarterMissingJunesBudgetIsBlank() throws {
        let (result, rows) = try run(quarters: nil) { _, month in month <= 2026 * 12 + 4 }
        for account in [Self.salaries, "TOTAL"] {
            let q = try row(rows, account, "FY2026-Q4")
            #expect(Self.blank.allSatisfy { q[$0] == "" }, "\(q)")
        }
        let q3 = try row(rows, Self.salaries, "FY2026-Q3")
        #expect(q3["budget"] == "300000" && q3["variance"] == "0", "\(q3)")
        #expect(result.notes.contains { $0.contains("FY2026-Q4 for 2 of its 3 months (2026-04, 2026-05; not 2026-06)") }, "\(result.notes)")
    }

    /// Defect 3: FY2027's budget holds salaries only (12 x $100,000). Supplies, budgeted in
    /// FY2026, were set against $0 in FY2027-Q1: variance $30,000, all rate, unfavorable; the
    /// TOTAL $345,000 against $300,000, 15% over. Supplies' rows and the TOTAL are blank now,
    /// with a note naming the line and months; salaries keep theirs ($300,000, variance 0);
    /// consulting, never budgeted, stays unbudgeted spend: budget 0, variance $15,000, flagged.
    @Test func nextYearsBudgetLoadedForSomeLinesLeavesTheOthersBlank() throws {
        let (result, rows) = try run(quarters: 6) { account, month in account == Self.salaries || month < 2026 * 12 + 6 }
        for account in [Self.supplies, "TOTAL"] {
            for period in ["FY2027-Q1", "2026-07"] {
                let r = try row(rows, account, period)
                #expect(Self.blank.allSatisfy { r[$0] == "" }, "\(r)")
            }
        }
        #expect(try row(rows, "TOTAL", "FY2027-Q1")["forecast"] == "345000")
        let salaries = try row(rows, Self.salaries, "FY2027-Q1")
        #expect(salaries["budget"] == "300000" && salaries["variance"] == "0", "\(salaries)")
        let consulting = try row(rows, Self.consulting, "FY2027-Q1")
        #expect(consulting["budget"] == "0" && consulting["variance"] == "15000" && consulting["flag"] == "unfavorable", "\(consulting)")
        #expect(result.notes.contains { $0.hasPrefix("1 account (6100 Supplies; 1 line in 1 department) budgeted in FY2026 has no budget row for forecast months 2026-07 to 2027-06") }, "\(result.notes)")
        // FY2026's supplies, budgeted, keep their comparison.
        #expect(try row(rows, Self.supplies, "FY2026-Q4")["budget"] == "30000")
    }
}
