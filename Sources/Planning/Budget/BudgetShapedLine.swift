import Forecasting
import Tabular

/// A line whose budget sits in a few months of the fiscal year (an annual licence budgeted
/// in February, a quarterly premium) and which posted in or next to those months at about its
/// budget: the budget already says when the line spends, so the months left are projected at
/// their budget, not forecast from the postings.
///
/// Forecast from its postings, a software maintenance invoice budgeted $120,000 in February
/// only ($0 in the other eleven months) and paid $118,500 in February was read as "posted
/// once, too recently to tell" and projected at $59,250 a month for April to June (February
/// averaged with March's nothing): $177,750 of spend no one expects, and the department's year
/// end $181,050 over budget where about $3,300 over is right. Projected from its budget it is
/// $0 for April to June.
///
/// The line is taken as shaped by its budget when, in the as-of's fiscal year:
/// - the budget of the line's department covers every month (a half-year budget puts every
///   line in a few months, and would project the rest of the year at $0; by department, so
///   that a shard, which holds whole departments, reads a line as the whole ledger does);
/// - the line is budgeted (not zero) in `maxMonths` months or fewer, at least one of them at or
///   before as-of;
/// - every month it posted in through as-of is a budgeted month or next to one (an invoice a
///   month early or late);
/// - what it booked through as-of is `lowRatio` to `highRatio` times its budget through
///   as-of, in the budget's sign.
///
/// Anything else (a line budgeted in one month that posts month by month, `LedgerMonths
/// .budgetedInOneMonth`; an invoice at twice its budget) is forecast from its postings as before.
public struct BudgetShapedLine: Equatable, Sendable {
    /// The fiscal year's months the line is budgeted in, and its budget and its amount booked
    /// through as-of.
    public var budgetedMonths: [Int]
    public var budgetToDate: Double
    public var bookedToDate: Double
    /// The projection of the months ahead: each at its budget.
    public var projection: [Int: Projection]

    /// Budgeted in up to four months of the year: annual, twice-yearly, quarterly.
    public static let maxMonths = 4
    /// Booked to date within half to one and a half times the budget to date.
    public static let lowRatio = 0.5, highRatio = 1.5
    /// The least spread of a projected month, as a share of its budget: an invoice not yet
    /// received is not known to the cent, even when the last one was on budget.
    public static let leastSpread = 0.1

    /// The line's shape, or nil when its budget does not say when it spends.
    ///
    /// - Parameters:
    ///   - budget: the line's budget by month (all years the budget holds).
    ///   - booked: the line's net amounts by month through as-of.
    ///   - fiscalYear: the months of as-of's fiscal year.
    ///   - budgetCoversYear: whether the budget of the line's department is not zero in every month of it.
    ///   - asOf: the last month booked.
    ///   - ahead: the months to project.
    public static func find(budget: [Int: Double], booked: [Int: Double], fiscalYear: [Int], budgetCoversYear: Bool, asOf: Int, ahead: [Int]) -> BudgetShapedLine? {
        guard budgetCoversYear else { return nil }
        let budgeted = fiscalYear.filter { abs(budget[$0] ?? 0) >= 0.005 }
        guard !budgeted.isEmpty, budgeted.count <= maxMonths, budgeted[0] <= asOf else { return nil }
        let yearToDate = fiscalYear.filter { $0 <= asOf }
        let posted = LedgerMonths.postedMonths(booked.filter { yearToDate.contains($0.key) })
        guard !posted.isEmpty, posted.allSatisfy({ m in budgeted.contains { abs($0 - m) <= 1 } }) else { return nil }
        let budgetToDate = yearToDate.reduce(0) { $0 + (budget[$1] ?? 0) }
        let bookedToDate = yearToDate.reduce(0) { $0 + (booked[$1] ?? 0) }
        guard budgetToDate != 0 else { return nil }
        let ratio = bookedToDate / budgetToDate
        guard ratio >= lowRatio && ratio <= highRatio else { return nil }
        let spread = max(abs(ratio - 1), leastSpread)
        // A month after the fiscal year takes its own budget, else the same month a year before:
        // the pattern repeats yearly.
        let projection = Dictionary(uniqueKeysWithValues: ahead.map { month -> (Int, Projection) in
            let amount = budget[month] ?? (fiscalYear.contains(month) ? 0 : budget[month - 12] ?? 0)
            return (month, Projection(amount: amount, spread: spread * abs(amount)))
        })
        return BudgetShapedLine(budgetedMonths: budgeted, budgetToDate: budgetToDate, bookedToDate: bookedToDate, projection: projection)
    }

    /// What was done, naming up to four lines; nil for none. `fiscalYear` names the year, as
    /// `FY2026`; `remainingMonths` are the fiscal year's months after as-of.
    public static func note(_ found: [(line: String, shape: BudgetShapedLine)], fiscalYear: String, remainingMonths: [Int]) -> String? {
        guard !found.isEmpty else { return nil }
        let money = { (x: Double) in NumberFormat.money(abs(x)) }, label = Frequency.month.label
        let shown = found.prefix(4).map { line, shape in
            let months = shape.budgetedMonths.map(label).listed(upTo: 4)
            let left = remainingMonths.reduce(0) { $0 + (shape.projection[$1]?.amount ?? 0) }
            return "\(line), budgeted in \(months): \(money(shape.budgetToDate)) to date, \(money(shape.bookedToDate)) booked, \(money(left)) projected for the months left"
        }
        let one = found.count == 1
        let span = remainingMonths.isEmpty ? "" : " (\(label(remainingMonths[0]))\(remainingMonths.count > 1 ? " to \(label(remainingMonths[remainingMonths.count - 1]))" : ""))"
        let most = found.map(\.shape.budgetedMonths.count).max() ?? 1
        let budgetedIn = most == 1 ? "one month" : "\(most) months or fewer"
        return "\(one ? "1 line is" : "\(found.count) lines are") budgeted in \(budgetedIn) of \(fiscalYear) only and booked in or next to \(most == 1 ? "it" : "them") at about \(one ? "its" : "their") budget (\(shown.listed(of: found.count))): the months left\(span) are projected at \(one ? "its" : "their") budget for them ($0 where budgeted $0), not from \(one ? "its" : "their") postings as if monthly; if \(one ? "it posts" : "they post") outside \(one ? "its" : "their") budgeted months, budget those months"
    }
}
