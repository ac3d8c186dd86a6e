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
        #expect(infer("Grant Income") == UnbudgetedLineType(type: .revenue, evidence: .name("income")))
        #expect(infer("Consulting Expense") == UnbudgetedLineType(type: .expense, evidence: .name("expense")))
        #expect(infer("Miscellaneous") == nil)
        // In a ledger of revenue as credits a debit among the revenue accounts (a refund, an
        // allowance) is revenue booked against its sign: the number outranks the sign where it
        // says a side, and the sign decides only where it cannot (9100: no typed 9xxx account).
        #expect(UnbudgetedLineType.infer(account: "4500 Grant Revenue", amounts: [1: 500], creditRevenue: true, revenueNumbers: revenue, expenseNumbers: expense)
            == UnbudgetedLineType(type: .revenue, evidence: .contraAccount))
        #expect(UnbudgetedLineType.infer(account: "9100 Other Revenue", amounts: [1: 500], creditRevenue: true, revenueNumbers: revenue, expenseNumbers: expense)
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

    /// Three months (July-September 2025) of Clinic A, whose budget types
    /// `10-4100-000 Patient Revenue` (100,000 a month) revenue and `10-6100-000 Medical
    /// Supplies` (20,000) an expense, entity-account-subaccount as hospital ledgers export them.
    /// The ledger also books `10-4900-000 Contractual Allowances`, -30,000 a month, with no
    /// type. Its natural account 4900 sits with revenue 4100: revenue (a deduction), so the
    /// expense TOTAL to date is 3 x 20,000 = 60,000. Read as the number `10`, too short to
    /// compare, it fell to the expense default and the TOTAL was 60,000 - 90,000 = -30,000.
    @Test func aSegmentedAccountNumberIsReadByItsNaturalAccount() throws {
        let sep = Self.month(2025, 9)
        let types = ["10-4100-000 Patient Revenue": "Revenue", "10-6100-000 Medical Supplies": "Expense"]
        let budgetRows: [(String, String, Int, Double)] = BudgetVarianceTests.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic A", "10-4100-000 Patient Revenue", m, 100_000), ("Clinic A", "10-6100-000 Medical Supplies", m, 20_000)]
        }
        let budget = BudgetVarianceTests.rows(budgetRows, types: budgetRows.map { types[$0.1]! })
        let booked: [(String, String, Int, Double)] = BudgetVarianceTests.fiscalYear.filter { $0 <= sep }.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic A", "10-4100-000 Patient Revenue", m, 100_000), ("Clinic A", "10-6100-000 Medical Supplies", m, 20_000),
             ("Clinic A", "10-4900-000 Contractual Allowances", m, -30_000)]
        }
        let variance = try BudgetVariance(budget: budget, actuals: BudgetVarianceTests.rows(booked))
        let outcome = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 20_000, "n": 100_000]))
        let total = try #require(outcome.rows.first { $0.line.account == "TOTAL" && $0.line.period == "FY2026-YTD" })
        #expect(total.line.actual == 60_000, "\(total.line.actual)")
        let allowances = try #require(outcome.rows.first { $0.line.account == "10-4900-000 Contractual Allowances" && $0.line.period == "FY2026-YTD" })
        #expect(allowances.line.accountType == .revenue && allowances.line.actual == -90_000, "\(allowances.line.accountType) \(allowances.line.actual)")
        let note = try #require(variance.notes.first { $0.contains("typed from the evidence") })
        #expect(note.contains("Clinic A / 10-4900-000 Contractual Allowances as revenue (its account number is among its department's revenue accounts)"), "\(note)")
    }

    /// A trial-balance ledger (revenue as credits): the budget types `4100 Patient Revenue`
    /// (-100,000 a month) revenue and `6100 Medical Supplies` (20,000) an expense. Unbudgeted
    /// and untyped, `4900 Contractual Allowances` is booked +30,000 a month (a contra-revenue
    /// debit) and `6150 Vendor Rebates` -2,000 (a contra-expense credit), July-September 2025.
    /// The numbers (4900 shares its first digit with revenue only, 6150 with expenses) outrank the signs: allowances are revenue
    /// (turned with it: -90,000 to date, revenue 300,000 - 90,000), rebates an expense, and
    /// the expense TOTAL to date is 3 x (20,000 - 2,000) = 54,000. Signs first, allowances were
    /// spending and rebates revenue: 60,000 + 90,000 = 150,000.
    @Test func aContraAccountKeepsItsSidesTypeWithTheSignItCarries() throws {
        let sep = Self.month(2025, 9)
        let budgetRows: [(String, String, Int, Double)] = BudgetVarianceTests.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic A", "4100 Patient Revenue", m, -100_000), ("Clinic A", "6100 Medical Supplies", m, 20_000)]
        }
        let budget = BudgetVarianceTests.rows(budgetRows, types: budgetRows.map { $0.1.hasPrefix("4") ? "Revenue" : "Expense" })
        let booked: [(String, String, Int, Double)] = BudgetVarianceTests.fiscalYear.filter { $0 <= sep }.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic A", "4100 Patient Revenue", m, -100_000), ("Clinic A", "6100 Medical Supplies", m, 20_000),
             ("Clinic A", "4900 Contractual Allowances", m, 30_000), ("Clinic A", "6150 Vendor Rebates", m, -2_000)]
        }
        let variance = try BudgetVariance(budget: budget, actuals: BudgetVarianceTests.rows(booked))
        let outcome = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 20_000, "n": 100_000]))
        func ytd(_ account: String) throws -> VarianceRow { try #require(outcome.rows.first { $0.line.account == account && $0.line.period == "FY2026-YTD" }) }
        let total = try ytd("TOTAL")
        #expect(total.line.actual == 54_000, "\(total.line.actual)")
        let allowances = try ytd("4900 Contractual Allowances"), rebates = try ytd("6150 Vendor Rebates")
        #expect(allowances.line.accountType == .revenue && allowances.line.actual == -90_000, "\(allowances.line.accountType) \(allowances.line.actual)")
        #expect(rebates.line.accountType == .expense && rebates.line.actual == -6_000, "\(rebates.line.accountType) \(rebates.line.actual)")
        #expect(try ytd("4100 Patient Revenue").line.actual == 300_000)
        let note = try #require(variance.notes.first { $0.contains("typed from the evidence") })
        #expect(note.contains("4900 Contractual Allowances as revenue (its account number is among its department's revenue accounts, booked as debits against them"), "\(note)")
    }

    /// The last keyword of a name is its head noun: `Donation Processing Fees` are fees paid
    /// (an expense, where the first keyword said revenue) and `Cost Recovery Income` income
    /// received (revenue, where `Cost` and `Income` tied and it fell to the expense default).
    @Test func theLastKeywordOfANameDecides() {
        func infer(_ account: String) -> UnbudgetedLineType? {
            UnbudgetedLineType.infer(account: account, amounts: [1: 5_000], creditRevenue: false, revenueNumbers: [:], expenseNumbers: [:])
        }
        #expect(infer("Donation Processing Fees") == UnbudgetedLineType(type: .expense, evidence: .name("fees")))
        #expect(infer("Cost Recovery Income") == UnbudgetedLineType(type: .revenue, evidence: .name("income")))
        #expect(infer("Grant Writing Consulting") == UnbudgetedLineType(type: .expense, evidence: .name("consulting")))
    }

    /// A line nothing types is read as an expense, and named so in the note, not silently.
    @Test func aLineNothingTypesIsNamedInTheNote() throws {
        let fy = BudgetVarianceTests.fiscalYear, mar = Self.month(2026, 3)
        let budgetRows = fy.map { ("ICU", "Supplies", $0, 10_000.0) }
        let budget = BudgetVarianceTests.rows(budgetRows, types: budgetRows.map { _ in "Expense" })
        let booked: [(String, String, Int, Double)] = fy.filter { $0 <= mar }.flatMap { m -> [(String, String, Int, Double)] in [("ICU", "Supplies", m, 10_000), ("ICU", "Miscellaneous", m, 500)] }
        let variance = try BudgetVariance(budget: budget, actuals: BudgetVarianceTests.rows(booked))
        let note = try #require(variance.notes.first { $0.contains("Miscellaneous") }, "\(variance.notes)")
        #expect(note.contains("nothing in its account number, signs or name to say its type and is read as an expense: ICU / Miscellaneous"), "\(note)")
    }

    /// An unbudgeted line takes its behavior from the evidence: `7810 Agency Staffing`, budgeted
    /// (variable, no behavior given) in Clinic A, is variable in Clinic B, which has no budget
    /// line for it; `6120 Surgical Supplies`, budgeted nowhere, is variable by its name's head
    /// noun; `7800 Consulting` has neither and stays fixed. Fixed whatever it was, surgical
    /// supplies stayed flat under a census +5% scenario ($13,568 missing in a finance review's case 08).
    @Test func anUnbudgetedLineTakesItsBehaviorFromTheEvidence() throws {
        let fy = BudgetVarianceTests.fiscalYear, sep = Self.month(2025, 9)
        let budget = BudgetVarianceTests.rows(fy.flatMap { m in [("Clinic A", "7810 Agency Staffing", m, 5_000.0), ("Clinic B", "6100 Medical Supplies", m, 20_000)] })
        let booked: [(String, String, Int, Double)] = fy.filter { $0 <= sep }.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic A", "7810 Agency Staffing", m, 5_000), ("Clinic B", "6100 Medical Supplies", m, 20_000), ("Clinic B", "7810 Agency Staffing", m, 3_000),
             ("Clinic B", "6120 Surgical Supplies", m, 10_000), ("Clinic B", "7800 Consulting", m, 2_000)]
        }
        let variance = try BudgetVariance(budget: budget, actuals: BudgetVarianceTests.rows(booked))
        #expect(variance.ledger.behavior(of: LedgerLine(department: "Clinic B", account: "7810 Agency Staffing")) == .variable)
        #expect(variance.ledger.behavior(of: LedgerLine(department: "Clinic B", account: "6120 Surgical Supplies")) == .variable)
        #expect(variance.ledger.behavior(of: LedgerLine(department: "Clinic B", account: "7800 Consulting")) == .fixed)
        let note = try #require(variance.notes.first { $0.contains("cost behavior from the evidence") }, "\(variance.notes)")
        #expect(note.contains("Clinic B / 6120 Surgical Supplies variable (its name says 'supplies'") && note.contains("Clinic B / 7810 Agency Staffing variable (as the budget has the account in Clinic A)")
            && note.contains("the other unbudgeted line is fixed"), "\(note)")
    }

    /// In a shard holding Clinic B only, the whole budget's behaviors decide: Clinic A budgets
    /// `7810 Agency Staffing` (in another shard), so Clinic B's unbudgeted line of it is
    /// variable there as in the whole run; read from the shard's budget alone it was fixed.
    @Test func aShardReadsTheWholeBudgetsBehaviors() throws {
        let fy = BudgetVarianceTests.fiscalYear, sep = Self.month(2025, 9)
        var budget = BudgetVarianceTests.rows(fy.map { ("Clinic B", "6100 Medical Supplies", $0, 20_000.0) })
        budget.wholeBehaviors = BudgetLedger.behaviors(departments: ["Clinic A", "Clinic B"], accounts: ["7810 AGENCY  Staffing", "6100 Medical Supplies"], behaviors: ["var", ""])
        let booked: [(String, String, Int, Double)] = fy.filter { $0 <= sep }.flatMap { m -> [(String, String, Int, Double)] in
            [("Clinic B", "6100 Medical Supplies", m, 20_000), ("Clinic B", "7810 Agency Staffing", m, 3_000)]
        }
        let variance = try BudgetVariance(budget: budget, actuals: BudgetVarianceTests.rows(booked), sharded: true)
        #expect(variance.ledger.behavior(of: LedgerLine(department: "Clinic B", account: "7810 Agency Staffing")) == .variable)
    }
}
