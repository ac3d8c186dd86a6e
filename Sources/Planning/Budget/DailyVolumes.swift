import Forecasting
import Tabular

/// A volumes file given day by day (a daily census): a department's month is the sum of its
/// days, where a monthly file gives one figure per month.
///
/// Read as monthly figures, the 31 rows of 10 patients a day in July were one volume of 10
/// patient days for the month instead of 310, which flexed July's budget to 3% of itself.
/// A month with days missing (an export that ends on the 15th) is left out, not summed short:
/// its flex falls back to the budget's and the ledger's volumes, as for a month without any.
public struct DailyVolumes: Sendable {
    /// Budgeted and actual volume by department and month (`Frequency.month` periods).
    public private(set) var budget: [String: [Int: Double]] = [:]
    public private(set) var actual: [String: [Int: Double]] = [:]
    /// The months left out for missing days, in department and month order.
    public private(set) var partial: [(department: String, month: Int, days: Int, of: Int)] = []

    /// Nil unless the rows are daily: most steps between a department's successive dates are
    /// one day (a monthly file's step is a month, a weekly one's 7 days).
    public init?(departments: [String], days: [CalendarDay], budget: [Double]?, actual: [Double]?) {
        var daysOf: [String: Set<Int32>] = [:]
        for (d, day) in zip(departments, days) where day.daysSinceEpoch != .min { daysOf[d, default: []].insert(day.daysSinceEpoch) }
        var steps: [Int32: Int] = [:]
        for set in daysOf.values {
            let sorted = set.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) { steps[b - a, default: 0] += 1 }
        }
        guard (steps[1] ?? 0) * 2 > steps.values.reduce(0, +) else { return nil }

        let months = Frequency.month
        var budgetSum: [String: [Int: Double]] = [:], actualSum: [String: [Int: Double]] = [:]
        for r in departments.indices where days[r].daysSinceEpoch != .min {
            let month = months.period(of: days[r])
            if let v = budget?[r], v.isFinite { budgetSum[departments[r], default: [:]][month, default: 0] += v }
            if let v = actual?[r], v.isFinite { actualSum[departments[r], default: [:]][month, default: 0] += v }
        }
        for department in daysOf.keys.sorted() {
            var covered: [Int: Int] = [:]
            for day in daysOf[department] ?? [] { covered[months.period(of: CalendarDay(daysSinceEpoch: day)), default: 0] += 1 }
            for month in covered.keys.sorted() {
                let length = months.days(in: month), given = covered[month] ?? 0
                if given < length {
                    partial.append((department, month, given, length))
                    budgetSum[department]?[month] = nil
                    actualSum[department]?[month] = nil
                }
            }
        }
        self.budget = budgetSum.filter { !$0.value.isEmpty }
        self.actual = actualSum.filter { !$0.value.isEmpty }
    }

    /// The run's note: the days summed, and the months left out.
    public func note(file: String) -> String {
        let months = Frequency.month
        var text = "volumes\(file) are daily: each department's days are summed into its months"
        if !partial.isEmpty {
            let named = partial.prefix(5).map { "\($0.department) \(months.label($0.month)) has \($0.days) of \($0.of) days" }
            text += "; months with days missing are left out (" + named.joined(separator: ", ") + (partial.count > 5 ? ", and \(partial.count - 5) more" : "") + ")"
        }
        return text
    }
}
