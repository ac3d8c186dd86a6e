import Forecasting
import Tabular

/// A budget exported by quarter: every line's amount in one month of each quarter (its last,
/// as `12/31/2025`, `3/31/2026`, or its first), the other two months never budgeted, while the
/// ledger books the same lines month by month.
///
/// Read as monthly, each quarter's total sat in one month against that month's actuals: the
/// months between read as unbudgeted (every one flagged by its whole spend), the quarter-end
/// month as two thirds under budget, a quarter's 1,200 budgeted patient days flexed against
/// one month's 395 (an ICU's year to date split -$984,000 volume and +$1,039,050 rate where
/// +$18,000 and +$37,050 are right), and no projected variance at all, with 22 of 22 rows
/// accepted and no word (a finance review). Quarter labels (`2025-Q3`) are refused at import,
/// so quarter dates are refused here, the same way: spread evenly over the quarter, a budget
/// planned by quarter would invent a monthly shape (a winter census, a July step in salaries)
/// the plan never had.
///
/// A line budgeted quarterly beside lines budgeted monthly (a quarterly premium) is a real
/// monthly budget and is read as one: the test is the whole budget's months, and a budget whose
/// lines all post quarterly in the ledger too (premiums alone) is read as it stands.
public enum QuarterlyBudget {
    /// Refuses `budget` when every amount it holds falls in months three apart (two or more of
    /// them) while more than half the lines it budgets that posted in `actuals` through `asOf`
    /// posted in a month between them.
    public static func check(budget: LedgerRows, actuals: LedgerRows, through asOf: Int) throws {
        var budgeted = Set<Int>(), lines = Set<String>()
        for r in 0..<budget.count where abs(budget.amount[r]) >= 0.005 {
            budgeted.insert(budget.month[r])
            lines.insert(budget.department[r] + "\u{1F}" + budget.account[r])
        }
        guard budgeted.count >= 2, let first = budgeted.min(), let last = budgeted.max(),
              budgeted.allSatisfy({ ($0 - first) % 3 == 0 }) else { return }
        // The budgeted lines' posted months inside the budget's quarters, through as-of.
        var posted: [String: Set<Int>] = [:]
        for r in 0..<actuals.count where abs(actuals.amount[r]) >= 0.005 && actuals.month[r] <= asOf && actuals.month[r] >= first - 2 && actuals.month[r] <= last + 2 {
            let line = actuals.department[r] + "\u{1F}" + actuals.account[r]
            if lines.contains(line) { posted[line, default: []].insert(actuals.month[r]) }
        }
        let between = posted.values.filter { months in months.contains { !budgeted.contains($0) } }.count
        guard !posted.isEmpty, between * 2 > posted.count else { return }
        let label = Frequency.month.label
        let months = budgeted.sorted()
        throw BudgetVarianceError("the budget\(budget.file) holds amounts in \(months.map(label).listed(upTo: 4, of: months.count)) only, one month in three, "
            + "while the actuals\(actuals.file) post \(between) of its \(posted.count) lines in the months between: a budget exported by quarter (one row a quarter, dated at its end or start), "
            + "read as monthly, would set each quarter's budget and volume against one month's actuals and leave the other months unbudgeted; export the budget by month, "
            + "as for quarter labels like 2025-Q3")
    }
}
