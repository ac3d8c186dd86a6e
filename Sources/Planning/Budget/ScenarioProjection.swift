import Tabular

/// budget_scenarios.csv: the projected fiscal year of every line under the base projection
/// and each scenario, with department `TOTAL` rows (expense accounts, as in the variance),
/// one `ALL` / `TOTAL` row per scenario, and with revenue lines `ALL` / `REVENUE` and
/// `ALL` / `NET` (revenue less expense) rows.
///
/// Booked months stay as booked; a scenario changes only the forecast months of the fiscal
/// year after as-of, so two positions added for the last six months cost half a year.
public struct ScenarioProjection: Sendable {
    /// One line's fiscal year: its budget, what is booked to date and the base forecast of
    /// each remaining month.
    public struct Line: Sendable {
        public var department: String
        public var account: String
        public var accountType: VarianceLine.AccountType
        public var behavior: VarianceLine.Behavior
        public var budgetFY: Double
        public var bookedToDate: Double
        public var remaining: [Double]

        public init(department: String, account: String, accountType: VarianceLine.AccountType = .expense, behavior: VarianceLine.Behavior = .variable,
                    budgetFY: Double, bookedToDate: Double, remaining: [Double]) {
            self.department = department
            self.account = account
            self.accountType = accountType
            self.behavior = behavior
            self.budgetFY = budgetFY
            self.bookedToDate = bookedToDate
            self.remaining = remaining
        }
    }

    public struct Row: Sendable, Equatable {
        public var scenario: String
        public var department: String
        public var account: String
        public var budgetFY: Double
        public var projectedFY: Double
        public var changeVsBase: Double
        /// Revenue lines and the `ALL` / `REVENUE` and `ALL` / `NET` rows: above budget is good
        /// news there, as the variance's `favorable` says of revenue. The Scenarios sheet
        /// coloured every projected variance above zero as a warning, $1.33M of revenue
        /// above budget in a four-scenario fixture included.
        public var revenueLike = false
        public var projectedVariance: Double { projectedFY - budgetFY }
        /// The same rule as `VarianceLine.favorable`: expense at or under budget, revenue
        /// (and the net) at or over it.
        public var favorable: Bool { revenueLike ? projectedFY >= budgetFY : projectedFY <= budgetFY }
    }

    /// The `ALL` rows' accounts for revenue and for the net (revenue less expense), written
    /// when the ledger has revenue lines.
    public static let revenueAccount = "REVENUE", netAccount = "NET"

    public var lines: [Line]
    /// Months of the fiscal year after as-of (what a position added from as-of on is paid for).
    public var remainingMonths: Int

    public init(lines: [Line], remainingMonths: Int) {
        self.lines = lines
        self.remainingMonths = remainingMonths
    }

    /// The projected fiscal year of each line (in `lines` order, then lines only a staff
    /// change names) under a scenario.
    func projected(_ scenario: BudgetScenario, over all: [Line]) -> [Double] {
        all.map { line in
            let factor = scenario.factor(department: line.department, account: line.account, behavior: line.behavior)
            let staff = scenario.staff.filter { $0.department == line.department && $0.account == line.account }
                .reduce(0) { $0 + $1.monthly * Double(remainingMonths) }
            return line.bookedToDate + line.remaining.reduce(0) { $0 + $1 * factor } + staff
        }
    }

    /// The rows for the base projection and every scenario, base first.
    public func rows(_ scenarios: [BudgetScenario]) -> [Row] {
        // A position on a line the ledger lacks starts a line of its own, empty in the base.
        var all = lines
        for change in scenarios.flatMap(\.staff) where !all.contains(where: { $0.department == change.department && $0.account == change.account }) {
            all.append(Line(department: change.department, account: change.account, behavior: .fixed, budgetFY: 0, bookedToDate: 0,
                            remaining: Array(repeating: 0, count: remainingMonths)))
        }
        let order = all.indices.sorted { (all[$0].department, all[$0].account) < (all[$1].department, all[$1].account) }
        let base = projected(BudgetScenario(name: BudgetScenario.baseName), over: all)
        var rows: [Row] = []
        for scenario in [BudgetScenario(name: BudgetScenario.baseName)] + scenarios {
            let mine = projected(scenario, over: all)
            var departments: [String: (budget: Double, projected: Double, base: Double)] = [:]
            for i in order {
                let line = all[i]
                rows.append(Row(scenario: scenario.name, department: line.department, account: line.account, budgetFY: line.budgetFY,
                                projectedFY: mine[i], changeVsBase: mine[i] - base[i], revenueLike: line.accountType == .revenue))
                guard line.accountType == .expense else { continue }
                let sum = departments[line.department] ?? (0, 0, 0)
                departments[line.department] = (sum.budget + line.budgetFY, sum.projected + mine[i], sum.base + base[i])
            }
            for (department, sum) in departments.sorted(by: { $0.key < $1.key }) {
                rows.append(Row(scenario: scenario.name, department: department, account: "TOTAL", budgetFY: sum.budget,
                                projectedFY: sum.projected, changeVsBase: sum.projected - sum.base))
            }
            let budget = departments.values.reduce(0) { $0 + $1.budget }, projected = departments.values.reduce(0) { $0 + $1.projected }
            let baseExpense = departments.values.reduce(0) { $0 + $1.base }
            rows.append(Row(scenario: scenario.name, department: "ALL", account: "TOTAL", budgetFY: budget, projectedFY: projected,
                            changeVsBase: projected - baseExpense))
            // Revenue and the net beside the expense: a census 20% down read "-$355,278 against
            // the base", a saving, while revenue fell $633,600.
            let revenue = order.filter { all[$0].accountType == .revenue }
            guard !revenue.isEmpty else { continue }
            let revenueBudget = revenue.reduce(0) { $0 + all[$1].budgetFY }, revenueProjected = revenue.reduce(0) { $0 + mine[$1] }
            let revenueBase = revenue.reduce(0) { $0 + base[$1] }
            rows.append(Row(scenario: scenario.name, department: "ALL", account: Self.revenueAccount, budgetFY: revenueBudget, projectedFY: revenueProjected,
                            changeVsBase: revenueProjected - revenueBase, revenueLike: true))
            rows.append(Row(scenario: scenario.name, department: "ALL", account: Self.netAccount, budgetFY: revenueBudget - budget,
                            projectedFY: revenueProjected - projected, changeVsBase: (revenueProjected - projected) - (revenueBase - baseExpense),
                            revenueLike: true))
        }
        return rows
    }

    /// What a scenario could not do as it reads, one sentence each, from the projection's
    /// `rows` of the scenarios. A volume change on a department whose lines are all fixed moves
    /// nothing (volume moves variable accounts only), and an expense line a change takes below
    /// zero (three positions cut from a line with two left) is a payroll no hospital has. Both
    /// came out as figures without a word. (A credit line below zero in the base too, refunds
    /// budgeted at -1,000, is no scenario's doing.)
    public func notes(on scenarios: [BudgetScenario], rows: [Row]) -> [String] {
        var notes: [String] = []
        let variable = Set(lines.filter { $0.behavior == .variable }.map(\.department))
        let revenue = Set(lines.filter { $0.accountType == .revenue }.map { LedgerLine(department: $0.department, account: $0.account) })
        var base: [LedgerLine: Double] = [:]
        for row in rows where row.scenario == BudgetScenario.baseName { base[LedgerLine(department: row.department, account: row.account)] = row.projectedFY }
        for scenario in scenarios {
            let still = scenario.volume.filter { $0.key != BudgetScenario.everything && $0.value != 0 && !variable.contains($0.key) }.keys.sorted()
            if !still.isEmpty {
                notes.append("scenario '\(scenario.name.clipped(60))': volume moves variable accounts only, and \(still.listed(upTo: 3)) \(still.count == 1 ? "has" : "have") none (every line fixed), so its volume change there changes nothing")
            }
            let negative = rows.filter { row in
                let line = LedgerLine(department: row.department, account: row.account)
                return row.scenario == scenario.name && row.department != "ALL" && row.account != "TOTAL" && !revenue.contains(line)
                    && row.projectedFY < -0.005 && (base[line] ?? 0) >= -0.005
            }
            if !negative.isEmpty {
                notes.append("scenario '\(scenario.name.clipped(60))' takes \(negative.map { "\($0.department) / \($0.account) to \(NumberFormat.money($0.projectedFY))" }.listed(upTo: 3)) for the year, below zero: the change is more than the line has left; check its count or percent")
            }
        }
        return notes
    }
}
