import Forecasting
import Planning
import Tabular

/// The variance stage's bottom-up supply and pharmacy spend (`supply_accounts:`): monthly
/// use per department and item up to as-of, forecast to the fiscal year's end, times the
/// item's unit cost, summed by the account its category maps to (`SupplySpend`).
struct SupplySpendJob: Sendable {
    /// Item category -> GL account, e.g. {Supply: "6100 Medical Supplies"}.
    var accounts: [String: String]

    /// What was left out and why, for the notes.
    struct Outcome {
        var spend: SupplySpend
        var unpriced: Int
        var uncategorized: Int
    }

    /// - Parameters:
    ///   - asOf: the last month of actuals (month period); use after it is not learned from.
    ///   - months: the months to project (after as-of).
    func run(usage: Table, items: Table, asOf: Int, months: [Int], threads: Int, quiet: Bool) throws -> Outcome {
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else {
            throw PipelineError(location: nil, "variance: supply_accounts needs the usage's date, item and quantity")
        }
        guard let departments = usage.texts("department") else {
            throw PipelineError(location: nil, "variance: supply_accounts compares spend by department, and the usage has no department column; map one (columns: {department: \"Cost Center\"})")
        }
        var spend = SupplySpend(accounts: accounts)
        guard let last = months.max() else { return Outcome(spend: spend, unpriced: 0, uncategorized: 0) }
        let master = ItemMaster(items)
        let usageCosts = usage.numbers("unit_cost")
        // The latest price paid per item, for items the master has no price for.
        var paid: [String: (day: Int32, cost: Double)] = [:]
        let month = Frequency.month
        let end = month.firstDay(of: asOf + 1)
        var totals = PeriodTotals(frequency: .month)
        var keys = CompositeKey()
        for row in 0..<days.count where days[row] < end {
            if let cost = usageCosts?[row], cost > 0, cost.isFinite, days[row].daysSinceEpoch >= paid[usageItems[row]]?.day ?? .min {
                paid[usageItems[row]] = (days[row].daysSinceEpoch, cost)
            }
            keys.withBytes(departments[row], usageItems[row]) { totals.add(key: $0, day: days[row], value: quantities[row]) }
        }
        _ = totals.leaveOutPartialPeriods()
        guard totals.seriesCount > 0, totals.lastPeriod < last else { return Outcome(spend: spend, unpriced: 0, uncategorized: 0) }
        let steps = last - totals.lastPeriod
        let wanted = Set(months)
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: steps, season: 12, levels: [80], backtestOrigins: 3))
        var unpriced = Set<String>(), uncategorized = Set<String>()
        let firstAhead = totals.lastPeriod + 1
        try ParallelForecast.each(totals, forecaster: forecaster, threads: threads,
                                  progress: Progress(label: "variance: forecast items", total: totals.seriesCount, quiet: quiet)) { key, _, f in
            let parts = CompositeKey.parts(of: key, maxSplits: 1)
            guard parts.count == 2 else { return }
            let department = String(parts[0]), item = String(parts[1])
            guard let category = master.text("category", item), let account = spend.account(forCategory: category) else {
                uncategorized.insert(item)
                return
            }
            guard let cost = master.number("unit_cost", item) ?? paid[item]?.cost, cost > 0 else {
                unpriced.insert(item)
                return
            }
            let units = f.mean.indices.reduce(0.0) { wanted.contains(firstAhead + $1) ? $0 + max(0, f.mean[$1]) : $0 }
            spend.add(department: department, account: account, units: units, unitCost: cost)
        }
        return Outcome(spend: spend, unpriced: unpriced.count, uncategorized: uncategorized.count)
    }
}
