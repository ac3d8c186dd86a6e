import Testing
@testable import Planning
import Forecasting
import Tabular

/// The type of a ledger line with no budget line and no account_type of its own, from the
/// evidence the run has (a finance review's case 03).
@Suite struct UnbudgetedLineTypeTests {
    static let month = BudgetVarianceTests.month

    /// FY2026 (July start) through March 2026, in trial-balance signs: Clinic North budgets
    /// 4100 Patient Revenue at -200,000 a month and books -210,000; 6100 Supplies 20,000 budgeted,
    /// 21,000 booked; the budget types both. The ledger, without types, also credits
    /// 4500 Grant Revenue - HRSA (20,000.00) in September, December and March. Read as an
    /// expense the grant made the department's spending to date 189,000 - 60,000 = 129,000;
    /// read as revenue (credits in a ledger of revenue as credits) spending is 9 x 21,000 =
    /// 189,000 and revenue 9 x 210,000 + 60,000 = 1,950,000, with a note naming how.
    @Test func anUnbudgetedCreditInALedgerOfRevenueAsCreditsIsRevenue() throws {
        let fy = BudgetVarianceTests.fiscalYear, mar = Self.month(2026, 3)
        let budgetRows: [(String, String, Int, Double)] = fy.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic North", "4100 Patient Revenue", m, -200_000), ("Clinic North", "6100 Medical Supplies", m, 20_000)]
        }
        let budget = BudgetVarianceTests.rows(budgetRows, types: budgetRows.map { $0.1.hasPrefix("4") ? "Revenue" : "Expense" })
        let grant: [(String, String, Int, Double)] = [Self.month(2025, 9), Self.month(2025, 12), mar].map { ("Clinic North", "4500 Grant Revenue - HRSA", $0, -20_000) }
        let booked: [(String, String, Int, Double)] = fy.filter { $0 <= mar }.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic North", "4100 Patient Revenue", m, -210_000), ("Clinic North", "6100 Medical Supplies", m, 21_000)]
        }
        let actuals = BudgetVarianceTests.rows(booked + grant)
        let variance = try BudgetVariance(budget: budget, actuals: actuals)
        let outcome = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 21_000, "n": 210_000]))
        let total = try #require(outcome.rows.first { $0.line.account == "TOTAL" && $0.line.period == "FY2026-YTD" })
        #expect(total.line.actual == 189_000, "\(total.line.actual)")
        let grantYTD = try #require(outcome.rows.first { $0.line.account == "4500 Grant Revenue - HRSA" && $0.line.period == "FY2026-YTD" })
        #expect(grantYTD.line.accountType == .revenue && grantYTD.line.actual == 60_000, "\(grantYTD.line.accountType) \(grantYTD.line.actual)")
        let note = try #require(variance.notes.first { $0.contains("typed from the evidence") })
        #expect(note.contains("Clinic North / 4500 Grant Revenue - HRSA as revenue (booked as credits"), "\(note)")
    }

    /// Beside revenue booked positive, the signs say nothing: the account number decides (4500
    /// is among the budget's 4xxx revenue accounts, 6900 among its 5xxx-6xxx expenses), then the
    /// name; with neither, nil (read as an expense, as before).
    @Test func theAccountNumberThenTheNameDecideBesidePositiveRevenue() {
        let revenue = [4: Set([4100, 4200])], expense = [4: Set([5010, 6100])]
        func infer(_ account: String, _ net: Double = 20_000) -> UnbudgetedLineType? {
            UnbudgetedLineType.infer(account: account, amounts: [1: net], creditRevenue: false, revenueNumbers: revenue, expenseNumbers: expense)
        }
        #expect(infer("4500 Grant Revenue - HRSA") == UnbudgetedLineType(type: .revenue, evidence: .accountNumber))
        #expect(infer("6900 Consulting") == UnbudgetedLineType(type: .expense, evidence: .accountNumber))
        #expect(infer("Grant Income") == UnbudgetedLineType(type: .revenue, evidence: .name("grant")))
        #expect(infer("Consulting Expense") == UnbudgetedLineType(type: .expense, evidence: .name("consulting")))
        #expect(infer("Miscellaneous") == nil)
        // In a ledger of revenue as credits the sign comes first: a debit is an expense.
        #expect(UnbudgetedLineType.infer(account: "4500 Grant Revenue", amounts: [1: 500], creditRevenue: true, revenueNumbers: revenue, expenseNumbers: expense)
            == UnbudgetedLineType(type: .expense, evidence: .ledgerSigns))
    }

    /// An unbudgeted line takes the fixed behavior: a census scenario does not grow it.
    @Test func anUnbudgetedLineIsFixed() throws {
        let fy = BudgetVarianceTests.fiscalYear, mar = Self.month(2026, 3)
        let budget = BudgetVarianceTests.rows(fy.map { ("ICU", "Supplies", $0, 10_000.0) })
        let booked: [(String, String, Int, Double)] = fy.filter { $0 <= mar }.flatMap { m -> [(String, String, Int, Double)] in [("ICU", "Supplies", m, 10_000), ("ICU", "7800 Consulting", m, 2_000)] }
        let actuals = BudgetVarianceTests.rows(booked)
        let ledger = try BudgetVariance(budget: budget, actuals: actuals).ledger
        #expect(ledger.behavior(of: LedgerLine(department: "ICU", account: "7800 Consulting")) == .fixed)
        #expect(ledger.behavior(of: LedgerLine(department: "ICU", account: "Supplies")) == .variable)
    }
}
