import Forecasting
import Tabular

/// A line with no posting yet whose budget starts after as-of: a unit budgeted to open in May,
/// reported as of March. It has no history to forecast from, so its months ahead are projected
/// at their budget, as a rolling forecast carries a plan not yet begun.
///
/// Projected at $0, an infusion center budgeted to open in May took $400,000 of expense and
/// $450,000 of revenue out of the projection: the year read $260,864 under budget where it was
/// $139,136 over, its monthly rows "favorable" at -100%, and every scenario carried the hole (a
/// finance review). `LinePostings` names these lines in a note (`LedgerMonths.unposted`'s
/// `ahead`, the same test).
public enum BudgetedAhead {
    /// A projected month's spread as a share of its budget: an opening may slip or ramp up.
    public static let spreadShare = 0.1

    /// The line's months `ahead` at their budget (a month past the budget's last at the last
    /// month budgeted before it), or nil when the line posted through `asOf`, is budgeted from
    /// `yearStart` (the fiscal year's first month; nil, any month) before as-of, or has no
    /// budget ahead. A unit budgeted to open in the as-of month itself, with nothing posted
    /// yet, is one too: projected at $0, the year read $420,864 under budget for $59,136 over.
    public static func projection(budget: [Int: Double], actual: [Int: Double], yearStart: Int?, asOf: Int, ahead: [Int]) -> [Int: Projection]? {
        guard LedgerMonths.postedMonths(actual.filter { $0.key <= asOf }).isEmpty,
              abs(budget.filter { $0.key < asOf && $0.key >= (yearStart ?? .min) }.values.reduce(0, +)) < 0.005,
              ahead.contains(where: { abs(budget[$0] ?? 0) >= 0.005 }) else { return nil }
        let budgeted = budget.keys.sorted()
        return Dictionary(uniqueKeysWithValues: ahead.map { month -> (Int, Projection) in
            let amount = budget[month] ?? budgeted.last(where: { $0 < month }).flatMap { budget[$0] } ?? 0
            return (month, Projection(amount: amount, spread: spreadShare * abs(amount)))
        })
    }
}
