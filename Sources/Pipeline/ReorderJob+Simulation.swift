import Forecasting
import Planning
import Tabular

extension ReorderJob {
    /// Replays the last `weeks` of daily demand per planned line (items with a par level, not
    /// discontinued) through the recommended order-up-to level and through the par level.
    ///
    /// Out of sample: the recommended levels are planned again as of the day before the
    /// replay window, from the usage before it, so the replay never judges levels on the
    /// demand they were set from.
    /// `locations`: the usage's locations as the plan spelled them (`matchingLocations`), when
    /// it plans by location.
    /// With `orders`, the levels are planned with the lead times observed by then, and both
    /// policies are replayed with deliveries taking that long: replayed with the item master's
    /// 3 days, levels set for an observed 14 were judged on deliveries that never happen.
    /// `rows`: what each usage row stands for; a period's total is replayed spread over its days.
    func simulate(weeks: Int, asOf: CalendarDay, usage: Table, rows: UsageRows, items: Table, inventory: Table, orders: Table?, master: ItemMaster,
                  locations: [String]?) throws -> (byCriticality: [SimulationRow], byDemandClass: [SimulationRow]) {
        let span = weeks * 7
        let first = asOf.adding(days: -(span - 1))
        let levelsAsOf = first.adding(days: -1)
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else { return ([], []) }
        let earliest = rows.first
        guard earliest.daysSinceEpoch <= levelsAsOf.daysSinceEpoch - 55 else {
            throw PipelineError(location: nil, "reorder: replaying \(weeks) weeks from \(first) needs at least 8 weeks of usage before \(first) to set the levels from, and the usage starts \(earliest); replay fewer weeks (--simulate, simulate:)")
        }
        var before = self
        before.asOf = levelsAsOf
        before.simulateWeeks = nil
        before.quiet = true
        before.usageRowsRead = rows
        let lines = try before.plan(usage: usage, items: items, inventory: inventory, orders: orders).lines

        func key(_ item: String, _ location: String) -> String { locations != nil ? CompositeKey.joined(item, location) : item }
        var daily: [String: [Double]] = [:]
        // Reversals are no use here either, as the plan reads them (`ReturnedStock.netOfSameDay`):
        // an issue of 500 reversed the same day was replayed as demand, 10 stockout days.
        let used = ReturnedStock.netOfSameDay(quantities, days: days) { r in key(usageItems[r], locations?[r] ?? "") }
        for r in 0..<days.count {
            let (from, through) = rows.covered(days[r])
            let start = max(from, first.daysSinceEpoch), end = min(through, asOf.daysSinceEpoch)
            guard start <= end else { continue }
            let perDay = max(0, used[r]) / Double(through - from + 1)
            for day in start...end {
                daily[key(usageItems[r], locations?[r] ?? ""), default: [Double](repeating: 0, count: span)][Int(day - first.daysSinceEpoch)] += perDay
            }
        }
        typealias Tally = (recommended: PolicySimulation.Outcome, par: PolicySimulation.Outcome, count: Int, target: Double)
        var results: [String: Tally] = [:], byClass: [String: Tally] = [:]
        let simulation = PolicySimulation()
        // An item's locations are replayed together: its vendor's minimum is one purchase
        // order's, shared by them as the plan shares it (`SharedMinimumOrder`).
        var groups: [String: (item: StockItem, lines: [ReorderLine])] = [:], order: [String] = []
        for line in lines where !line.flags.contains("discontinued") {
            if groups[line.item] == nil {
                order.append(line.item)
                groups[line.item] = (master.stockItem(line.item), [])
            }
            groups[line.item]!.lines.append(line)
        }
        for itemCode in order {
            let (item, group) = groups[itemCode]!
            guard let par = item.parLevel else { continue }
            let review = Int((item.reviewPeriodDays ?? settings.defaultReviewPeriodDays).rounded())
            func points(_ level: (ReorderLine) -> Double) -> [PolicySimulation.Stockpoint] {
                group.map { line in
                    PolicySimulation.Stockpoint(demand: daily[key(line.item, line.location)] ?? [Double](repeating: 0, count: span),
                                                orderUpTo: level(line), leadTimeDays: Int(line.leadTimeDays.rounded()), unitCost: line.unitCost)
                }
            }
            let recommended = simulation.replay(together: points(\.orderUpTo), reviewDays: review, packSize: item.packSize, minimumOrder: item.minimumOrder)
            let current = simulation.replay(together: points { _ in par }, reviewDays: review, packSize: item.packSize, minimumOrder: item.minimumOrder)
            for (k, line) in group.enumerated() {
                func add(_ tallies: inout [String: Tally], _ key: String) {
                    let previous = tallies[key] ?? (PolicySimulation.Outcome(), PolicySimulation.Outcome(), 0, 0)
                    tallies[key] = (previous.recommended + recommended[k], previous.par + current[k], previous.count + 1, previous.target + line.serviceLevel)
                }
                add(&results, line.criticality.rawValue)
                add(&byClass, line.demandClass?.rawValue ?? "unknown")
            }
        }
        let window = (start: first, end: asOf, levelsAsOf: levelsAsOf.description)
        func tabled(_ tallies: [String: Tally], keys: [String], demandClass: Bool) -> [SimulationRow] {
            keys.filter { tallies[$0] != nil }.flatMap { key -> [SimulationRow] in
                let r = tallies[key]!
                let target = r.target / Double(r.count)
                let (criticality, named) = demandClass ? ("", key) : (key, "")
                return [SimulationRow(criticality: criticality, policy: "recommended", items: r.count, targetFillRate: target, outcome: r.recommended,
                                      replayStart: window.start, replayEnd: window.end, levelsAsOf: window.levelsAsOf, demandClass: named),
                        SimulationRow(criticality: criticality, policy: "par levels", items: r.count, targetFillRate: target, outcome: r.par,
                                      replayStart: window.start, replayEnd: window.end, levelsAsOf: "", demandClass: named)]
            }
        }
        // Demand classes in their own order (smooth first), then any other.
        let classOrder = DemandClass.allCases.map(\.rawValue)
        return (tabled(results, keys: results.keys.sorted(), demandClass: false),
                tabled(byClass, keys: classOrder + byClass.keys.filter { !classOrder.contains($0) }.sorted(), demandClass: true))
    }

    /// reorder_simulation.csv.
    public static func simulationTable(_ rows: [SimulationRow]) -> Table {
        Table([("criticality", .text(rows.map(\.criticality))), ("policy", .text(rows.map(\.policy))),
               ("items", .number(rows.map { Double($0.items) })), ("target_service_level", .number(rows.map { ($0.targetFillRate * 1000).rounded() / 1000 })),
               ("fill_rate", .number(rows.map { ($0.outcome.fillRate * 10000).rounded() / 10000 })),
               ("stockout_days", .number(rows.map { Double($0.outcome.stockoutDays) })),
               ("average_inventory_value", .number(rows.map { ($0.outcome.averageInventoryValue * 100).rounded() / 100 })),
               ("orders", .number(rows.map { Double($0.outcome.orders) })),
               ("replay_start", .text(rows.map(\.replayStart.description))), ("replay_end", .text(rows.map(\.replayEnd.description))),
               ("levels_as_of", .text(rows.map(\.levelsAsOf)))])
    }
}
