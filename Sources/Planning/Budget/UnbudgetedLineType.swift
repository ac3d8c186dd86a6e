import Tabular

/// The account type of a ledger line with no budget line and no `account_type` of its own
/// (the budget types its account nowhere, the ledger has no type column), from the evidence
/// the run has, in order of trust:
/// 1. the ledger's sign convention: in a ledger whose revenue is booked as credits (every
///    typed revenue line below zero, `BudgetLedger.turnCreditRevenue`), a line booked as a
///    credit is revenue and one booked as a debit an expense;
/// 2. its account number beside its department's typed ones: within (or sharing the first digit of) the
///    revenue accounts' numbers and not the expenses', revenue, and the other way round;
/// 3. its name: a word such as Revenue, Income, Grant, Donation, or Expense, Cost, Salaries.
///
/// Read as an expense whatever it was, an HRSA grant credited (20,000.00) three times in a
/// ledger of revenue as credits was netted off Clinic North's spending: expense to date
/// $60,000 and the year's projection $84,269 too low (the year end "$269 under budget" for
/// $84,000 over), the department's TOTAL flagged favorable at -5.2% for +0.9%, revenue short of
/// the grant, and no word said.
public struct UnbudgetedLineType: Equatable, Sendable {
    /// What decided the type.
    public enum Evidence: Equatable, Sendable {
        case ledgerSigns
        case accountNumber
        case name(String)
    }

    public var type: VarianceLine.AccountType
    public var evidence: Evidence

    /// Words of an account's name that say revenue, and expense.
    static let revenueWords: Set<String> = ["revenue", "revenues", "income", "grant", "grants", "donation", "donations", "contribution", "contributions", "sales", "reimbursement", "reimbursements"]
    static let expenseWords: Set<String> = ["expense", "expenses", "expenditure", "expenditures", "cost", "costs", "salaries", "salary", "wages", "benefits",
                                            "supplies", "rent", "lease", "utilities", "maintenance", "consulting", "depreciation", "purchased"]

    /// The type of the line of `account`, whose net amounts by month are `amounts`, or nil when
    /// nothing says. `creditRevenue` is whether the ledger books revenue as credits (nil when it
    /// has no typed revenue to say); `revenueNumbers` and `expenseNumbers` the leading numbers
    /// of the typed accounts.
    public static func infer(account: String, amounts: [Int: Double], creditRevenue: Bool, revenueNumbers: [Int: Set<Int>], expenseNumbers: [Int: Set<Int>]) -> UnbudgetedLineType? {
        let net = amounts.values.reduce(0, +)
        if creditRevenue, abs(net) >= 0.005 { return UnbudgetedLineType(type: net < 0 ? .revenue : .expense, evidence: .ledgerSigns) }
        if let (digits, number) = leadingNumber(account), let type = byNumber(number, revenue: revenueNumbers[digits] ?? [], expense: expenseNumbers[digits] ?? []) {
            return UnbudgetedLineType(type: type, evidence: .accountNumber)
        }
        let words = account.lowercased().split { !$0.isLetter }.map(String.init)
        let revenue = words.first(where: revenueWords.contains), expense = words.first(where: expenseWords.contains)
        if let revenue, expense == nil { return UnbudgetedLineType(type: .revenue, evidence: .name(revenue)) }
        if let expense, revenue == nil { return UnbudgetedLineType(type: .expense, evidence: .name(expense)) }
        return nil
    }

    /// The account's leading number of three digits or more (`4500 Grant Revenue` is 4500), with
    /// its count of digits: numbers are compared only with numbers as long.
    public static func leadingNumber(_ account: String) -> (digits: Int, number: Int)? {
        let digits = account.trimmed().prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 3, digits.count <= 9, let number = Int(digits) else { return nil }
        return (digits.count, number)
    }

    /// Revenue when `number` is within the revenue accounts' span and not the expenses', or,
    /// failing that, shares its first digit with revenue accounts and no expense account; an
    /// expense the other way round; else nil.
    static func byNumber(_ number: Int, revenue: Set<Int>, expense: Set<Int>) -> VarianceLine.AccountType? {
        func within(_ numbers: Set<Int>) -> Bool { guard let lo = numbers.min(), let hi = numbers.max() else { return false }; return number >= lo && number <= hi }
        switch (within(revenue), within(expense)) {
        case (true, false): return .revenue
        case (false, true): return .expense
        default: break
        }
        func firstDigit(_ n: Int) -> Character { String(n).first! }
        let revenueFirst = Set(revenue.map(firstDigit)), expenseFirst = Set(expense.map(firstDigit)), own = firstDigit(number)
        switch (revenueFirst.contains(own), expenseFirst.contains(own)) {
        case (true, false): return .revenue
        case (false, true): return .expense
        default: return nil
        }
    }

    /// The note naming every line typed so, by type and evidence; nil for none.
    public static func note(_ found: [(line: String, type: UnbudgetedLineType)]) -> String? {
        guard !found.isEmpty else { return nil }
        func why(_ t: UnbudgetedLineType) -> String {
            switch t.evidence {
            case .ledgerSigns: return t.type == .revenue ? "booked as credits, as the ledger books its revenue" : "booked as debits, as the ledger books its expenses"
            case .accountNumber: return "its account number is among its department's \(t.type == .revenue ? "revenue" : "expense") accounts"
            case let .name(word): return "its name says '\(word)'"
            }
        }
        let shown = found.prefix(6).map { "\($0.line) as \($0.type.type == .revenue ? "revenue" : "an expense") (\(why($0.type)))" }
        let one = found.count == 1
        return "\(one ? "1 line" : "\(found.count) lines") with no budget line and no account_type \(one ? "was" : "were") typed from the evidence: \(shown.listed(of: found.count)); an unbudgeted revenue line counts in revenue, not against the department's spending; give the actuals an account_type column (--columns actuals.account_type=HEADER) to type \(one ? "it" : "them") yourself"
    }
}
