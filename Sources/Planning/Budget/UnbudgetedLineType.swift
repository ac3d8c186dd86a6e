import Tabular

/// The account type of a ledger line with no budget line and no `account_type` of its own
/// (the budget types its account nowhere, the ledger has no type column), from the evidence
/// the run has, in order of trust:
/// 1. its account number beside its department's typed ones (its natural account,
///    `NaturalAccount`, for a segmented number such as `10-4900-000`): within
///    (or sharing the first digit of) the revenue accounts' numbers and not the expenses',
///    revenue, and the other way round, whatever its sign (a contra account, allowances or
///    rebates, keeps its side's type with the sign it carries);
/// 2. the ledger's sign convention: in a ledger whose revenue is booked as credits (every
///    typed revenue line below zero, `BudgetLedger.turnCreditRevenue`), a line booked as a
///    credit is revenue and one booked as a debit an expense;
/// 3. its name's last keyword (the head noun of an English name): Revenue, Income, Grant,
///    Donation, or Expense, Cost, Salaries, Fees.
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
        /// The account number says the side, booked against the side's sign: allowances
        /// (debits) among revenue credited, rebates (credits) among expenses debited.
        case contraAccount
        case name(String)
    }

    public var type: VarianceLine.AccountType
    public var evidence: Evidence

    /// Words of an account's name that say revenue, and expense.
    static let revenueWords: Set<String> = ["revenue", "revenues", "income", "grant", "grants", "donation", "donations", "contribution", "contributions", "sales", "reimbursement", "reimbursements"]
    static let expenseWords: Set<String> = ["expense", "expenses", "expenditure", "expenditures", "cost", "costs", "salaries", "salary", "wages", "benefits",
                                            "supplies", "rent", "lease", "utilities", "maintenance", "consulting", "depreciation", "purchased", "fee", "fees"]

    /// The type of the line of `account`, whose net amounts by month are `amounts`, or nil when
    /// nothing says. `creditRevenue` is whether the ledger books revenue as credits (nil when it
    /// has no typed revenue to say); `revenueNumbers` and `expenseNumbers` the natural account
    /// numbers of the department's typed accounts by count of digits, and `typed` their
    /// segments, so that a segmented number is read as they are (`NaturalAccount`).
    ///
    /// The account number, where it says a side, outranks the sign: a contra
    /// account is booked against its side's sign by definition. Signs first, a revenue-as-credits
    /// ledger's contractual allowances (debits, `4900` beside revenue `4100`) were $1,072,688 of
    /// spending and its vendor rebates (credits, `6150` among the expenses) revenue: Clinic A's
    /// projected expenses $1,168,439 too high, a $1.09M overspend (a finance review's case 07).
    /// The sign decides only where the number cannot (no number, or one that is within neither
    /// side's span and shares its first digit with neither or both); the name where neither can.
    public static func infer(account: String, amounts: [Int: Double], creditRevenue: Bool, revenueNumbers: [Int: Set<Int>], expenseNumbers: [Int: Set<Int>],
                             typed: [[Substring]] = []) -> UnbudgetedLineType? {
        let net = amounts.values.reduce(0, +)
        let sign: VarianceLine.AccountType? = creditRevenue && abs(net) >= 0.005 ? (net < 0 ? .revenue : .expense) : nil
        if let natural = NaturalAccount(account, typed: typed) {
            let revenue = revenueNumbers[natural.digits] ?? [], expense = expenseNumbers[natural.digits] ?? []
            if let type = byNumber(natural.number, revenue: revenue, expense: expense) {
                switch sign {
                case nil: return UnbudgetedLineType(type: type, evidence: .accountNumber)
                case type?: return UnbudgetedLineType(type: type, evidence: .ledgerSigns)
                default: return UnbudgetedLineType(type: type, evidence: .contraAccount)
                }
            }
        }
        if let sign { return UnbudgetedLineType(type: sign, evidence: .ledgerSigns) }
        // The head noun of an English account name comes last: `Donation Processing Fees` are
        // fees paid and `Cost Recovery Income` income received. Read by their first keyword
        // they were revenue ($60,159 a year out of spending) and an expense ($36,175 of income
        // counted as spending; a finance review's case 13).
        let words = account.lowercased().split { !$0.isLetter }.map(String.init)
        guard let head = words.last(where: { revenueWords.contains($0) || expenseWords.contains($0) }) else { return nil }
        return UnbudgetedLineType(type: revenueWords.contains(head) ? .revenue : .expense, evidence: .name(head))
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

    /// The note naming every line typed so, by type and evidence, and the `unsettled` lines
    /// no evidence typed (read as expenses: said, not left silent); nil for none.
    public static func note(_ found: [(line: String, type: UnbudgetedLineType)], unsettled: [String] = []) -> String? {
        guard !found.isEmpty || !unsettled.isEmpty else { return nil }
        func why(_ t: UnbudgetedLineType) -> String {
            let side = t.type == .revenue ? "revenue" : "expense"
            switch t.evidence {
            case .ledgerSigns: return t.type == .revenue ? "booked as credits, as the ledger books its revenue" : "booked as debits, as the ledger books its expenses"
            case .accountNumber: return "its account number is among its department's \(side) accounts"
            case .contraAccount:
                return "its account number is among its department's \(side) accounts, booked as \(t.type == .revenue ? "debits" : "credits") against them: a deduction from \(side == "revenue" ? "revenue" : "spending"), such as allowances or rebates"
            case let .name(word): return "its name says '\(word)'"
            }
        }
        var parts: [String] = []
        if !found.isEmpty {
            let shown = found.prefix(6).map { "\($0.line) as \($0.type.type == .revenue ? "revenue" : "an expense") (\(why($0.type)))" }
            parts.append("\(found.count == 1 ? "1 line" : "\(found.count) lines") with no budget line and no account_type \(found.count == 1 ? "was" : "were") typed from the evidence: \(shown.listed(of: found.count)); an unbudgeted revenue line counts in revenue, not against the department's spending")
        }
        if !unsettled.isEmpty {
            let one = unsettled.count == 1
            parts.append("\(one ? "1 line" : "\(unsettled.count) lines") with no budget line and no account_type \(one ? "has" : "have") nothing in \(one ? "its" : "their") account number, signs or name to say \(one ? "its" : "their") type and \(one ? "is" : "are") read as \(one ? "an expense" : "expenses"): \(Array(unsettled.prefix(6)).listed(of: unsettled.count))")
        }
        let many = found.count + unsettled.count > 1
        return parts.joined(separator: "; ") + "; give the actuals an account_type column (--columns actuals.account_type=HEADER) to type \(many ? "them" : "it") yourself"
    }
}
