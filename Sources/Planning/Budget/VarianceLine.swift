/// One department x account over one period (a month, a fiscal quarter or year to date),
/// with the flexible-budget split of its variance.
public struct VarianceLine: Sendable, Equatable {
    public enum AccountType: String, Sendable { case expense, revenue }
    public enum Behavior: String, Sendable { case variable, fixed }

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
    }

    /// The sum of several lines (months into a quarter, accounts into a department total).
    public static func total(_ lines: [VarianceLine], department: String, account: String, period: String) -> VarianceLine {
        let volumes = lines.allSatisfy { $0.budgetVolume != nil && $0.actualVolume != nil }
        var total = VarianceLine(department: department, account: account, period: period,
                                 budget: lines.reduce(0) { $0 + $1.budget }, actual: lines.reduce(0) { $0 + $1.actual },
                                 budgetVolume: volumes ? lines.reduce(0) { $0 + ($1.budgetVolume ?? 0) } : nil,
                                 actualVolume: volumes ? lines.reduce(0) { $0 + ($1.actualVolume ?? 0) } : nil,
                                 accountType: lines.first?.accountType ?? .expense, behavior: lines.first?.behavior ?? .variable)
        total.flexedBudget = lines.reduce(0) { $0 + $1.flexedBudget }
        return total
    }

    /// actual - budget.
    public var variance: Double { actual - budget }

    /// 100 x variance / budget (21.0 means 21%); nil with no budget.
    public var variancePercent: Double? { budget != 0 ? 100 * variance / abs(budget) : nil }

    /// Expense under budget, or revenue over budget.
    public var favorable: Bool { accountType == .expense ? actual <= budget : actual >= budget }

    /// flexed - budget: the part of the variance explained by volume.
    public var volumeVariance: Double { flexedBudget - budget }

    /// actual - flexed: the part explained by price, rate or efficiency.
    public var rateVariance: Double { actual - flexedBudget }
}
