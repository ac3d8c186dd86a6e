/// A what-if applied to the projection from the month after as-of: volume and rate changes
/// in percent, and positions added (or, with a negative count, removed).
///
/// Volume changes move variable accounts only (a fixed account does not follow patient
/// days); rate changes move every account named, fixed ones too (rent going up 3% is a
/// rate). Both multiply: +10% volume and +3% rate on a variable account is x 1.133.
public struct BudgetScenario: Sendable, Equatable {
    /// A position change: `count` people costing `annualCost` a year each, charged monthly.
    public struct StaffChange: Sendable, Equatable {
        public var department: String
        public var account: String
        public var count: Double
        public var annualCost: Double

        public init(department: String, account: String, count: Double, annualCost: Double) {
            self.department = department
            self.account = account
            self.count = count
            self.annualCost = annualCost
        }

        /// What the change costs in one month.
        public var monthly: Double { count * annualCost / 12 }
    }

    /// The projection every scenario is compared with.
    public static let baseName = "base"
    /// Names every department (volume) or account (rate) not named on its own.
    public static let everything = "*"
    /// Percent changes accepted: down to -100 (nothing left) and up to +1,000 (eleven times).
    public static let percentRange = -100.0...1_000.0

    public var name: String
    /// Percent change of volume by department (or `*`).
    public var volume: [String: Double]
    /// Percent change of the amount per unit of volume by account (or `*`).
    public var rate: [String: Double]
    public var staff: [StaffChange]

    public init(name: String, volume: [String: Double] = [:], rate: [String: Double] = [:], staff: [StaffChange] = []) {
        self.name = name
        self.volume = volume
        self.rate = rate
        self.staff = staff
    }

    /// The factor a forecast month of this line is multiplied by.
    public func factor(department: String, account: String, behavior: VarianceLine.Behavior) -> Double {
        let v = behavior == .variable ? (volume[department] ?? volume[BudgetScenario.everything] ?? 0) : 0
        let r = rate[account] ?? rate[BudgetScenario.everything] ?? 0
        return (1 + v / 100) * (1 + r / 100)
    }
}
