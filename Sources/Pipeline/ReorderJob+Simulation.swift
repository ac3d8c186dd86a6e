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
                  locations: [String]?) throws -> (byCriticality: [SimulationRow], byDemandClass: [SimulationRow], masterParShared: Int) {
        let span = weeks * 7
        let first = asOf.adding(days: -(span - 1))
        let levelsAsOf = first.adding(days: -1)
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else { return ([], [], 0) }
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
        // `items` counts items, as its name says: one at two locations counted 2 ("E, 4 items" for 3).
        // The target is the mean over the stock lines.
        typealias Tally = (recommended: PolicySimulation.Outcome, par: PolicySimulation.Outcome, lines: Int, target: Double, items: Set<String>)
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
        // Each stock location's own par level, from the inventory's `par_level` when it has one:
        // replayed at the item master's (the storeroom's 450), IV tubing at two par locations
        // used 3 a day held $5,172 of phantom stock and the replay claimed a saving of $5,302
        // where their own pars (30 each) leave $268.82. A line planned on the item's total
        // (no locations in the usage) is replayed at the sum of its locations' pars.
        var inventoryPar: [String: Double] = [:], parsGiven: [String: Int] = [:], stockRows: [String: Int] = [:]
        if let stockItems = inventory.texts("item") {
            let stockLocations = inventory.texts("location"), pars = inventory.numbers("par_level")
            for row in stockItems.indices {
                stockRows[stockItems[row], default: 0] += 1
                guard let par = pars?[row], par.isFinite else { continue }
                inventoryPar[CompositeKey.joined(stockItems[row], stockLocations?[row] ?? ""), default: 0] += par
                inventoryPar[stockItems[row], default: 0] += par
                parsGiven[stockItems[row], default: 0] += 1
            }
        }
        func locationPar(_ line: ReorderLine) -> Double? {
            if locations != nil { return inventoryPar[CompositeKey.joined(line.item, line.location)] }
            return parsGiven[line.item] == stockRows[line.item] ? inventoryPar[line.item] : nil
        }
        var masterParShared = 0
        for itemCode in order {
            let (item, group) = groups[itemCode]!
            let ownPars = group.allSatisfy { locationPar($0) != nil }
            guard let par = item.parLevel ?? (ownPars ? 0 : nil) else { continue }
            // The item master's one par stood for several stock locations: said with the claim.
            if !ownPars && (group.count > 1 || (stockRows[itemCode] ?? 0) > 1) { masterParShared += 1 }
            let review = Int((item.reviewPeriodDays ?? settings.defaultReviewPeriodDays).rounded())
            func points(_ level: (ReorderLine) -> Double, _ rule: (ReorderLine) -> PolicySimulation.Stockpoint.Rule) -> [PolicySimulation.Stockpoint] {
                group.map { line in
                    PolicySimulation.Stockpoint(demand: daily[key(line.item, line.location)] ?? [Double](repeating: 0, count: span),
                                                orderUpTo: level(line), leadTimeDays: Int(line.leadTimeDays.rounded()), unitCost: line.unitCost, rule: rule(line))
                }
            }
            // The recommended levels under the plan's own policy (`Stockpoint.Rule`); par levels
            // are topped up at every review.
            let recommended = simulation.replay(together: points(\.orderUpTo) { line in
                switch settings.policy {
                case .periodicReview: return .orderUpTo
                case .minMax: return .minMax(reorderPoint: line.reorderPoint)
                case .continuous: return .continuous(reorderPoint: line.reorderPoint)
                }
            }, reviewDays: review, packSize: item.packSize, minimumOrder: item.minimumOrder)
            let current = simulation.replay(together: points({ line in locationPar(line) ?? par }) { _ in .orderUpTo },
                                            reviewDays: review, packSize: item.packSize, minimumOrder: item.minimumOrder)
            for (k, line) in group.enumerated() {
                func add(_ tallies: inout [String: Tally], _ key: String) {
                    let previous = tallies[key] ?? (PolicySimulation.Outcome(), PolicySimulation.Outcome(), 0, 0, [])
                    tallies[key] = (previous.recommended + recommended[k], previous.par + current[k], previous.lines + 1, previous.target + line.serviceLevel,
                                    previous.items.union([line.item]))
                }
                add(&results, line.criticality.rawValue)
                add(&byClass, line.demandClass?.rawValue ?? "unknown")
            }
        }
        let window = (start: first, end: asOf, levelsAsOf: levelsAsOf.description)
        func tabled(_ tallies: [String: Tally], keys: [String], demandClass: Bool) -> [SimulationRow] {
            keys.filter { tallies[$0] != nil }.flatMap { key -> [SimulationRow] in
                let r = tallies[key]!
                let target = r.target / Double(r.lines)
                let (criticality, named) = demandClass ? ("", key) : (key, "")
                return [SimulationRow(criticality: criticality, policy: "recommended", items: r.items.count, targetFillRate: target, outcome: r.recommended,
                                      replayStart: window.start, replayEnd: window.end, levelsAsOf: window.levelsAsOf, demandClass: named),
                        SimulationRow(criticality: criticality, policy: "par levels", items: r.items.count, targetFillRate: target, outcome: r.par,
                                      replayStart: window.start, replayEnd: window.end, levelsAsOf: "", demandClass: named)]
            }
        }
        // Demand classes in their own order (smooth first), then any other.
        let classOrder = DemandClass.allCases.map(\.rawValue)
        return (tabled(results, keys: results.keys.sorted(), demandClass: false),
                tabled(byClass, keys: classOrder + byClass.keys.filter { !classOrder.contains($0) }.sorted(), demandClass: true), masterParShared)
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
