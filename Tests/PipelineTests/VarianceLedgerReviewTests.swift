import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// One-off postings in a department's ledger (a finance review's case, worked by hand): they
/// were projected as recurring monthly spend, $605,039 for a department whose rest of year is
/// its two steady lines.
@Suite struct VarianceOneOffTests {
    /// ICU budgets Supplies and Repairs at 1,000 a month (fixed); the ledger books July to
    /// November: Supplies 1,000 a month, Repairs 1,000 a month with a 51,000 repair in August,
    /// one 50,000 consulting invoice in August (with or without 0.00 rows in the other months).
    static func run(zeroRows: Bool) throws -> VarianceJob.Result {
        var budget: [(String, String, String, Double)] = []
        for m in VarianceReviewTests.fiscalMonths { budget += [("ICU", "Supplies", m, 1_000), ("ICU", "Repairs", m, 1_000)] }
        var ledger: [(String, String, String, Double)] = []
        for (k, m) in VarianceReviewTests.fiscalMonths.prefix(5).enumerated() {
            ledger += [("ICU", "Supplies", m, 1_000), ("ICU", "Repairs", m, k == 1 ? 51_000 : 1_000)]
            if k == 1 || zeroRows { ledger.append(("ICU", "Consulting", m, k == 1 ? 50_000 : 0)) }
        }
        var table = VarianceReviewTests.table(budget)
        table.append("behavior", .text(Array(repeating: "fixed", count: budget.count)))
        return try VarianceJob().run(budget: table, actuals: VarianceReviewTests.table(ledger), volumes: nil)
    }

    @Test func oneOffPostingsAreNotProjectedAsRecurring() throws {
        for zeroRows in [false, true] {
            let result = try Self.run(zeroRows: zeroRows)
            func remaining(_ account: String) throws -> Double {
                try #require(result.rows.first { $0.line.account == account && $0.line.period == "FY2026-YTD" }?.forecastRemaining)
            }
            // Seven months left: Supplies and Repairs at 1,000 each, Consulting nothing.
            let supplies = try remaining("Supplies"), repairs = try remaining("Repairs"), consulting = try remaining("Consulting")
            #expect(abs(supplies - 7_000) < 1 && abs(repairs - 7_000) < 1, "\(zeroRows)")
            #expect(consulting == 0)
            let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
            // Booked 10,000 + 50,000 + 50,000, and 14,000 ahead.
            #expect(summary.contains { $0.hasPrefix("Projected FY2026 expense $124,000") }, "\(summary)")
            #expect(result.notes.contains { $0.contains("posted once and not in the 3 months or more booked since (ICU / Consulting, $50,000 in 2025-08)") }, "\(result.notes)")
            #expect(result.notes.contains { $0.contains("ICU / Repairs, $51,000 in 2025-08 against $1,000 a month") }, "\(result.notes)")
        }
    }
}

/// A ledger month exported twice and appended (a finance review's case): summed without a word,
/// it took a department on budget to $6,000 over.
@Suite struct VarianceRepeatedMonthTests {
    @Test func aMonthWhoseEveryRowRepeatsIsNamed() throws {
        var budget: [(String, String, String, Double)] = []
        for m in VarianceReviewTests.fiscalMonths { budget += [("ICU", "Salaries", m, 5_000), ("ICU", "Supplies", m, 1_000)] }
        var ledger: [(String, String, String, Double)] = []
        for m in VarianceReviewTests.fiscalMonths.prefix(3) { ledger += [("ICU", "Salaries", m, 5_000), ("ICU", "Supplies", m, 1_000)] }
        let once = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(!once.notes.contains { $0.contains("hold every row") }, "\(once.notes)")
        ledger += ledger.suffix(2)
        let twice = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(twice.notes.contains { $0.hasPrefix("the actuals hold every row of 2025-09 (4 rows) twice, the same department, account and amount: summed, which multiplies the month") }, "\(twice.notes)")
        // Three copies are named too (an odd count ruled the month out).
        let thrice = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(ledger + ledger.suffix(2)), volumes: nil)
        #expect(thrice.notes.contains { $0.hasPrefix("the actuals hold every row of 2025-09 (6 rows) 3 times") }, "\(thrice.notes)")
        // One repeated row among others (two equal invoices) is not a month exported twice.
        ledger.removeLast()
        let one = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(!one.notes.contains { $0.contains("hold every row") }, "\(one.notes)")
    }
}

/// Subtotal lines in a ledger (`Total Operating Expenses` after its lines): read as accounts,
/// they took a department on budget at $18,000 to $30,000 and $57,000 over projected.
@Suite struct VarianceSubtotalTests {
    @Test func subtotalLinesAreLeftOutAndNamed() throws {
        var budget: [(String, String, String, Double)] = []
        for m in VarianceReviewTests.fiscalMonths { budget += [("ICU", "Salaries", m, 5_000), ("ICU", "Supplies", m, 1_000)] }
        var ledger: [(String, String, String, Double)] = []
        for m in VarianceReviewTests.fiscalMonths.prefix(3) {
            ledger += [("ICU", "Salaries", m, 5_000), ("ICU", "Supplies", m, 1_000), ("ICU", "Total Operating Expenses", m, 6_000)]
        }
        var table = VarianceReviewTests.table(budget)
        table.append("behavior", .text(Array(repeating: "fixed", count: budget.count)))
        let result = try VarianceJob().run(budget: table, actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(result.notes.first == "3 rows of the actuals are subtotals, each the sum of the lines above it or of its department's month (ICU / Total Operating Expenses): left out, since summed with the lines they total they would count twice", "\(result.notes)")
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.contains("year to date budget $18,000, actual $18,000, on budget.") }, "\(summary)")
        #expect(!result.rows.contains { $0.line.account.hasPrefix("Total") })
    }
}

/// A year's budget put in its first month while the ledger books monthly (a finance review's
/// case): Maintenance at $120,000 in July, $10,000 a month booked, read $70,000 under budget
/// to November without a word.
@Suite struct VarianceBudgetInOneMonthTests {
    @Test func aLineBudgetedInOneMonthButPostingMonthlyIsNamed() throws {
        var budget: [(String, String, String, Double)] = [("ICU", "Maintenance", "2025-07", 120_000)]
        for m in VarianceReviewTests.fiscalMonths { budget.append(("ICU", "Supplies", m, 1_000)) }
        let ledger = VarianceReviewTests.fiscalMonths.prefix(5).flatMap { [("ICU", "Maintenance", $0, 10_000.0), ("ICU", "Supplies", $0, 1_000.0)] }
        let result = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(result.notes.contains { $0.hasPrefix("1 line is budgeted in one month of FY2026 only but posts month by month (ICU / Maintenance, $120,000 in 2025-07, posted in 5 months)") }, "\(result.notes)")
        // Budgeted month by month, nothing is said.
        let spread = VarianceReviewTests.fiscalMonths.flatMap { [("ICU", "Maintenance", $0, 10_000.0), ("ICU", "Supplies", $0, 1_000.0)] }
        let even = try VarianceJob().run(budget: VarianceReviewTests.table(spread), actuals: VarianceReviewTests.table(ledger), volumes: nil)
        #expect(!even.notes.contains { $0.contains("budgeted in one month") }, "\(even.notes)")
    }
}
