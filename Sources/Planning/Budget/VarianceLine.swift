import Tabular

/// One department x account over one period (a month, a fiscal quarter or year to date),
/// with the flexible-budget split of its variance.
public struct VarianceLine: Sendable, Equatable {
    public enum AccountType: String, Sendable {
        case expense, revenue

        /// How ledgers spell the two, in the order messages list them. Anything else is
        /// refused rather than read as expense: revenue typed `Income` was once reported as
        /// unfavorable spending and added to the expense budget.
        public static let spellings: [(String, AccountType)] = [
            ("expense", .expense), ("expenses", .expense), ("expenditure", .expense), ("expenditures", .expense), ("cost", .expense), ("costs", .expense),
            ("revenue", .revenue), ("revenues", .revenue), ("income", .revenue),
        ]

        /// The type a ledger's text names, in any case and with spaces around; nil when unknown.
        public init?(spelling: String) {
            guard let found = VarianceLine.find(spelling, in: AccountType.spellings) else { return nil }
            self = found
        }
    }

    public enum Behavior: String, Sendable {
        case variable, fixed

        /// Accepted spellings; a semi-variable or step account is refused, not guessed.
        public static let spellings: [(String, Behavior)] = [("variable", .variable), ("var", .variable), ("fixed", .fixed)]

        public init?(spelling: String) {
            guard let found = VarianceLine.find(spelling, in: Behavior.spellings) else { return nil }
            self = found
        }
    }

    static func find<T>(_ text: String, in spellings: [(String, T)]) -> T? {
        let key = text.matchKey()
        return spellings.first { $0.0 == key }?.1
    }

    public var department: String
    public var account: String
    public var period: String
    public var budget: Double
    public var actual: Double
    /// Budgeted and actual statistic (patient days, visits); nil when not known.
    public var budgetVolume: Double?
    public var actualVolume: Double?
    public var accountType: AccountType
    public var behavior: Behavior
    /// The budget a careful analyst would hold the actual to: scaled by actual / budgeted
    /// volume for variable accounts, unchanged for fixed ones or when volumes are unknown.
    /// Rolled-up lines carry the sum of their months' flexed budgets.
    public var flexedBudget: Double
    /// The period's months that no volume splits (`MonthsWithoutVolume`): they count in the
    /// flexed budget at their budget (no volume variance) and in neither the volume nor the rate
    /// variance. Nil when every month either splits or needs no volume.
    public var withoutVolume: MonthsWithoutVolume?
    /// How many of the period's line-months a volume flexes (a variable line with both
    /// volumes): a quarter whose months all lack a volume has no split to show.
    public var flexedMonths: Int

    public init(department: String, account: String, period: String, budget: Double, actual: Double,
                budgetVolume: Double? = nil, actualVolume: Double? = nil, accountType: AccountType = .expense, behavior: Behavior = .variable) {
        self.department = department
        self.account = account
        self.period = period
        self.budget = budget
        self.actual = actual
        self.budgetVolume = budgetVolume
        self.actualVolume = actualVolume
        self.accountType = accountType
        self.behavior = behavior
        if behavior == .variable, let vb = budgetVolume, let va = actualVolume, vb > 0 {
            flexedBudget = budget * va / vb
        } else {
            flexedBudget = budget
        }
        flexedMonths = behavior == .variable && budgetVolume != nil && actualVolume != nil ? 1 : 0
    }

    /// A variable line's month that no actual volume flexes although its department reports
    /// volumes (`MonthsWithoutVolume`): flexed at nothing, its variance split neither way.
    public func withoutActualVolume() -> VarianceLine {
        var line = self
        line.actualVolume = nil
        line.budgetVolume = nil
        line.flexedBudget = budget
        line.flexedMonths = 0
        // (A month with nothing budgeted or booked, before a unit opened, is no month to name.)
        line.withoutVolume = MonthsWithoutVolume(count: budget != 0 || actual != 0 ? 1 : 0, budget: budget, actual: actual)
        return line
    }

    /// The sum of several lines (months into a quarter, accounts into a department total).
    /// Lines no volume splits at all (`withoutVolume`, no month flexed) leave the total's
    /// volumes to the others: a year to date whose December has no volume carries July to
    /// November's, and splits by them.
    public static func total(_ lines: [VarianceLine], department: String, account: String, period: String) -> VarianceLine {
        let split = lines.filter { $0.withoutVolume == nil || $0.flexedMonths > 0 }
        let volumes = (!split.isEmpty || lines.isEmpty) && split.allSatisfy { $0.budgetVolume != nil && $0.actualVolume != nil }
        var total = VarianceLine(department: department, account: account, period: period,
                                 budget: lines.reduce(0) { $0 + $1.budget }, actual: lines.reduce(0) { $0 + $1.actual },
                                 budgetVolume: volumes ? split.reduce(0) { $0 + ($1.budgetVolume ?? 0) } : nil,
                                 actualVolume: volumes ? split.reduce(0) { $0 + ($1.actualVolume ?? 0) } : nil,
                                 accountType: lines.first?.accountType ?? .expense, behavior: lines.first?.behavior ?? .variable)
        total.flexedBudget = lines.reduce(0) { $0 + $1.flexedBudget }
        total.flexedMonths = lines.reduce(0) { $0 + $1.flexedMonths }
        total.withoutVolume = MonthsWithoutVolume.sum(lines.map(\.withoutVolume))
        return total
    }

    /// actual - budget.
    public var variance: Double { actual - budget }

    /// 100 x variance / budget (21.0 means 21%); nil with no budget.
    public var variancePercent: Double? { budget != 0 ? 100 * variance / abs(budget) : nil }

    /// "favorable" or "unfavorable" when |variance| is at least `amount` and `percent` of
    /// budget, else "". A line with no budget has no percentage, so the amount alone decides:
    /// spending nobody budgeted (agency labor) is the variance that most needs the flag.
    public func flag(percent: Double, amount: Double) -> String {
        guard abs(variance) >= amount else { return "" }
        if let pct = variancePercent, abs(pct) < percent { return "" }
        return favorable ? "favorable" : "unfavorable"
    }

    /// Expense under budget, or revenue over budget.
    /// Whether the variance splits into volume and rate: a budget, a variable account and
    /// both volumes. Otherwise the "rate variance" is the whole variance: spending with no
    /// budget, or a fixed line's overspend, which no volume explains and no price caused.
    public var splitsByVolume: Bool {
        budget != 0 && behavior == .variable && budgetVolume != nil && actualVolume != nil
    }

    public var favorable: Bool { accountType == .expense ? actual <= budget : actual >= budget }

    /// flexed - budget: the part of the variance explained by volume.
    public var volumeVariance: Double { flexedBudget - budget }

    /// actual - flexed: the part explained by price, rate or efficiency, over the months a
    /// volume splits (the months `withoutVolume` left out: their variance is neither part).
    public var rateVariance: Double { actual - flexedBudget - (withoutVolume?.variance ?? 0) }

    /// Whether the variance has a volume / rate split to show: every month splits or needs no
    /// volume, or some do (the split then covers those, `withoutVolume` naming the rest).
    public var hasVolumeSplit: Bool { withoutVolume == nil || flexedMonths > 0 }

    /// An expense over its budget that the volume accounts for whole: the actual is at or under
    /// the flexed budget (to half a cent, as sums of months round). A line whose actual also
    /// exceeds the flexed budget is not covered: the report said a flexed $327,000 covered
    /// $330,000.
    ///
    /// Nor is a line whose variance does not split by volume in every month: a year to date
    /// whose December had no volume read both "no volume to split it by" and "flexed budget
    /// $2,090,076 covers it" of one line, the latter with December flexed at its budget.
    public var overBudgetButCoveredByVolume: Bool {
        accountType == .expense && splitsByVolume && withoutVolume == nil && variance > 0 && volumeVariance > 0 && rateVariance < 0.005
    }
}
