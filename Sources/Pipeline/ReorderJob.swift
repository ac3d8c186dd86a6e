import Forecasting
import Planning
import Reports
import Tabular

/// The weekly reorder list: forecasts each stocked item's daily demand from its usage
/// history, then plans every inventory line with `ReorderPlanner`.
///
/// Shared by `quartermaster reorder` and the `reorder` pipeline stage: both hand in the
/// usage, item master and inventory tables as imported.
public struct ReorderJob: Sendable {
    public var settings = ReorderSettings()
    /// Last day of usage to learn from; nil = the last day in the usage.
    public var asOf: CalendarDay?
    public var threads = 2
    public var quiet = true
    /// Replay this many weeks of actual demand through the recommended levels and the par levels.
    public var simulateWeeks: Int?

    public init() {}

    public struct Plan: Sendable {
        public var lines: [ReorderLine]
        public var asOf: CalendarDay
        public var itemsWithoutMaster: [String]
        public var simulation: [SimulationRow] = []
        /// Seconds spent forecasting demand, and planning the lines after it.
        public var forecastSeconds = 0.0
        public var planningSeconds = 0.0
    }

    /// One class's replay under one policy.
    public struct SimulationRow: Sendable {
        public var criticality: String
        public var policy: String
        public var items: Int
        public var targetFillRate: Double
        public var outcome: PolicySimulation.Outcome
    }

    public func plan(usage: Table, items: Table, inventory: Table) throws -> Plan {
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else {
            throw PipelineError(location: nil, "reorder: the usage table needs date, item and quantity columns")
        }
        guard let stockItems = inventory.texts("item"), let onHand = inventory.numbers("on_hand") else {
            throw PipelineError(location: nil, "reorder: the inventory table needs item and on_hand columns")
        }
        guard let lastDay = days.max() else { throw PipelineError(location: nil, "reorder: the usage table is empty") }
        let asOf = self.asOf ?? lastDay

        // Weekly totals up to the last complete week, plus first and last use per item.
        let week = Frequency.week
        let lastFullWeek = asOf.isoWeekday == 7 ? week.period(of: asOf) : week.period(of: asOf) - 1
        var totals = PeriodTotals(frequency: .week)
        var firstUse: [String: CalendarDay] = [:], lastUse: [String: CalendarDay] = [:]
        var yearUse: [String: Double] = [:]
        for row in 0..<days.count where days[row] <= asOf {
            let item = usageItems[row], day = days[row]
            if quantities[row] != 0 {
                if firstUse[item].map({ day < $0 }) ?? true { firstUse[item] = day }
                if lastUse[item].map({ day > $0 }) ?? true { lastUse[item] = day }
            }
            if Int(asOf.daysSinceEpoch - day.daysSinceEpoch) < 365 { yearUse[item, default: 0] += quantities[row] }
            guard week.period(of: day) <= lastFullWeek else { continue }
            var key = item
            key.withUTF8 { totals.add(key: $0, day: day, value: quantities[row]) }
        }

        // Item master lookups.
        let master = ItemMaster(items)
        let unitCosts = Dictionary(stockItems.map { ($0, master.number("unit_cost", $0) ?? 0) }, uniquingKeysWith: { a, _ in a })
        let abc = ServiceLevelMatrix.abcClasses(annualSpend: Dictionary(uniqueKeysWithValues: Set(stockItems).map { ($0, (yearUse[$0] ?? 0) * (unitCosts[$0] ?? 0)) }))

        // Forecast weekly demand far enough to cover the longest protection interval.
        let longest = stockItems.map { (master.number("lead_time_days", $0) ?? settings.defaultLeadTimeDays) + (master.number("review_period_days", $0) ?? settings.defaultReviewPeriodDays) }.max() ?? 14
        let horizon = min(26, max(2, Int((longest / 7).rounded(.up)) + 1))
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: horizon, season: 52, levels: [80], backtestOrigins: 3))
        let forecastStarted = Progress.now()
        var estimates: [String: (forecast: SeriesForecast, history: [Double])] = [:]
        try ParallelForecast.each(totals, forecaster: forecaster, threads: threads, progress: Progress(label: "reorder: forecast", total: totals.seriesCount, quiet: quiet)) { key, history, f in
            estimates[key] = (f, history)
        }

        let planningStarted = Progress.now()
        let forecastSeconds = planningStarted - forecastStarted
        let planner = ReorderPlanner(settings: settings)
        var lines: [ReorderLine] = []
        lines.reserveCapacity(stockItems.count)
        var missing: [String] = []
        var masterItems: [String: StockItem] = [:]
        var levelsByItem: [String: ReorderPlanner.Levels] = [:]
        var demands: [String: DemandEstimate] = [:]
        var rows: [(StockItem, String)] = []
        rows.reserveCapacity(stockItems.count)
        let locations = inventory.texts("location")
        let onOrder = inventory.numbers("on_order")
        for row in 0..<stockItems.count {
            let key = stockItems[row]
            var s: StockItem
            if let known = masterItems[key] {
                s = known
            } else {
                s = master.stockItem(key)
                masterItems[key] = s
                if !master.has(key) { missing.append(key) }
            }
            s.location = locations?[row] ?? ""
            s.onHand = onHand[row].isFinite ? onHand[row] : 0
            s.onOrder = onOrder.map { $0[row].isFinite ? $0[row] : 0 } ?? 0
            // Demand and levels depend on the item, not the location: computed once per item.
            if demands[key] == nil {
                let demand: DemandEstimate
                if let e = estimates[key] {
                    let lead = s.leadTimeDays ?? settings.defaultLeadTimeDays
                    let review = settings.policy == .periodicReview ? (s.reviewPeriodDays ?? settings.defaultReviewPeriodDays) : 0
                    let weeks = max(1, min(e.forecast.mean.count, Int(((lead + review) / 7).rounded(.up))))
                    let weekly = e.forecast.mean.prefix(weeks).reduce(0, +) / Double(weeks)
                    let spread = e.forecast.spread.first ?? 0
                    let mase = e.forecast.candidates.first { $0.chosen }?.metrics.mase
                    let history = e.history.withUnsafeBufferPointer { CountDistribution.dispersion(of: $0) }
                    demand = DemandEstimate(dailyMean: weekly / 7, dailyStandardDeviation: spread / 7.0.squareRoot(),
                                            demandClass: e.forecast.demandClass, dispersion: history,
                                            historyDays: firstUse[key].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) + 1 } ?? 0,
                                            daysSinceLastUse: lastUse[key].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) }, backtestMASE: mase)
                } else {
                    demand = DemandEstimate(dailyMean: 0, dailyStandardDeviation: 0, demandClass: .zero, historyDays: firstUse[key].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) + 1 } ?? 0,
                                            daysSinceLastUse: lastUse[key].map { Int(asOf.daysSinceEpoch - $0.daysSinceEpoch) })
                }
                demands[key] = demand
                levelsByItem[key] = planner.levels(s, demand: demand, abc: abc[key] ?? .c)
            }
            rows.append((s, key))
        }
        if settings.allocateByClass && settings.policy == .periodicReview {
            allocateByClass(&levelsByItem, items: masterItems, demands: demands, abc: abc)
        }
        for (s, key) in rows {
            lines.append(planner.plan(s, demand: demands[key]!, abc: abc[key] ?? .c, levels: levelsByItem[key]!))
        }
        // Byte order on the keys: Unicode-aware String comparison costs more than planning itself.
        func precedes(_ a: String, _ b: String) -> Bool? { a == b ? nil : a.utf8.lexicographicallyPrecedes(b.utf8) }
        lines.sort { x, y in precedes(x.vendor, y.vendor) ?? precedes(x.item, y.item) ?? (precedes(x.location, y.location) ?? false) }
        var plan = Plan(lines: lines, asOf: asOf, itemsWithoutMaster: missing)
        plan.forecastSeconds = forecastSeconds
        plan.planningSeconds = Progress.now() - planningStarted
        if let weeks = simulateWeeks, weeks > 0 {
            plan.simulation = simulate(lines, weeks: weeks, asOf: asOf, days: days, items: usageItems, quantities: quantities, master: master)
        }
        return plan
    }

    /// Replaces per-item safety stock with a class-level allocation for every (criticality, ABC)
    /// class, over the items that follow the class target (no own service level, not new,
    /// not discontinued, with demand).
    func allocateByClass(_ levels: inout [String: ReorderPlanner.Levels], items: [String: StockItem],
                         demands: [String: DemandEstimate], abc: [String: ServiceLevelMatrix.ABC]) {
        var classes: [String: [String]] = [:]
        for (key, l) in levels {
            guard let s = items[key], s.serviceLevel == nil, !s.discontinued, l.dailyDemand > 0, !l.flags.contains("new_item") else { continue }
            classes["\(s.criticality.rawValue)\((abc[key] ?? .c).rawValue)", default: []].append(key)
        }
        let allocation = FillRateAllocation()
        for keys in classes.values {
            let sorted = keys.sorted()
            let target = levels[sorted[0]]!.serviceLevel
            let inputs = sorted.map { key -> FillRateAllocation.Item in
                let l = levels[key]!
                return FillRateAllocation.Item(dailyDemand: l.dailyDemand, reviewDays: l.review, protectionMean: l.protectionDemand,
                                               protectionStandardDeviation: l.protectionStandardDeviation, usesCounts: l.usesCounts,
                                               dispersion: demands[key]?.dispersion ?? 1, unitCost: items[key]?.unitCost ?? 0)
            }
            let result = allocation.levels(inputs, fillRate: target)
            for (key, level) in zip(sorted, result) {
                levels[key]!.orderUpTo = level
                levels[key]!.safetyStock = max(0, level - levels[key]!.protectionDemand)
                levels[key]!.notes.append("safety stock set with its class (\(items[key]!.criticality.rawValue), \((abc[key] ?? .c).rawValue)) to meet a \(NumberFormat.fixed(target * 100, decimals: 1))% class fill rate at least cost")
            }
        }
    }

    /// Replays the last `weeks` of daily demand per item (items with a par level, not
    /// discontinued) through the recommended order-up-to level and through the par level.
    func simulate(_ lines: [ReorderLine], weeks: Int, asOf: CalendarDay, days: [CalendarDay], items: [String], quantities: [Double],
                  master: ItemMaster) -> [SimulationRow] {
        let span = weeks * 7
        let first = asOf.adding(days: -(span - 1))
        var daily: [String: [Double]] = [:]
        for r in 0..<days.count where days[r] >= first && days[r] <= asOf {
            daily[items[r], default: [Double](repeating: 0, count: span)][Int(days[r].daysSinceEpoch - first.daysSinceEpoch)] += max(0, quantities[r])
        }
        var results: [String: (recommended: PolicySimulation.Outcome, par: PolicySimulation.Outcome, count: Int, target: Double)] = [:]
        let simulation = PolicySimulation()
        var seen = Set<String>()
        for line in lines where !line.flags.contains("discontinued") && seen.insert(line.item).inserted {
            let item = master.stockItem(line.item)
            guard let par = item.parLevel else { continue }
            let demand = daily[line.item] ?? [Double](repeating: 0, count: span)
            let review = Int((item.reviewPeriodDays ?? settings.defaultReviewPeriodDays).rounded())
            let lead = Int((item.leadTimeDays ?? settings.defaultLeadTimeDays).rounded())
            let recommended = simulation.replay(demand: demand, orderUpTo: line.orderUpTo, reviewDays: review, leadTimeDays: lead,
                                                packSize: item.packSize, minimumOrder: item.minimumOrder, unitCost: item.unitCost)
            let current = simulation.replay(demand: demand, orderUpTo: par, reviewDays: review, leadTimeDays: lead,
                                            packSize: item.packSize, minimumOrder: item.minimumOrder, unitCost: item.unitCost)
            let key = line.criticality.rawValue
            let previous = results[key] ?? (PolicySimulation.Outcome(), PolicySimulation.Outcome(), 0, 0)
            results[key] = (previous.recommended + recommended, previous.par + current, previous.count + 1, previous.target + line.serviceLevel)
        }
        return results.keys.sorted().flatMap { key -> [SimulationRow] in
            let r = results[key]!
            let target = r.target / Double(r.count)
            return [SimulationRow(criticality: key, policy: "recommended", items: r.count, targetFillRate: target, outcome: r.recommended),
                    SimulationRow(criticality: key, policy: "par levels", items: r.count, targetFillRate: target, outcome: r.par)]
        }
    }

    /// reorder_simulation.csv.
    public static func simulationTable(_ rows: [SimulationRow]) -> Table {
        Table([("criticality", .text(rows.map(\.criticality))), ("policy", .text(rows.map(\.policy))),
               ("items", .number(rows.map { Double($0.items) })), ("target_service_level", .number(rows.map { ($0.targetFillRate * 1000).rounded() / 1000 })),
               ("fill_rate", .number(rows.map { ($0.outcome.fillRate * 10000).rounded() / 10000 })),
               ("stockout_days", .number(rows.map { Double($0.outcome.stockoutDays) })),
               ("average_inventory_value", .number(rows.map { ($0.outcome.averageInventoryValue * 100).rounded() / 100 })),
               ("orders", .number(rows.map { Double($0.outcome.orders) }))])
    }

    /// reorder.csv with DESIGN.md's columns.
    public static func table(_ lines: [ReorderLine]) -> Table {
        func text(_ f: (ReorderLine) -> String) -> Table.Column { .text(lines.map(f)) }
        func number(_ f: (ReorderLine) -> Double) -> Table.Column { .number(lines.map(f)) }
        return Table([
            ("item", text(\.item)), ("description", text(\.description)), ("vendor", text(\.vendor)), ("location", text(\.location)),
            ("on_hand", number(\.onHand)), ("on_order", number(\.onOrder)), ("inventory_position", number(\.inventoryPosition)),
            ("demand_forecast", number { ($0.demandForecast * 100).rounded() / 100 }), ("safety_stock", number { ($0.safetyStock * 100).rounded() / 100 }),
            ("reorder_point", number { ($0.reorderPoint * 100).rounded() / 100 }), ("order_up_to", number { ($0.orderUpTo * 100).rounded() / 100 }),
            ("order_qty", number(\.orderQuantity)), ("packs", number(\.packs)), ("unit_cost", number(\.unitCost)),
            ("order_cost", number { ($0.orderCost * 100).rounded() / 100 }), ("days_of_supply", number { $0.daysOfSupply.map { ($0 * 10).rounded() / 10 } ?? .nan }),
            ("service_level", number(\.serviceLevel)), ("policy", text(\.policy)), ("flags", text { $0.flags.joined(separator: ";") }),
            ("reason", text(\.reason)),
        ])
    }

    /// reorder.md: the summary a buyer reads first, then one section per vendor.
    public static func markdown(_ plan: Plan) -> MarkdownDocument {
        let orders = plan.lines.filter { $0.orderQuantity > 0 }
        let total = orders.reduce(0) { $0 + $1.orderCost }
        let atRisk = plan.lines.filter { $0.flags.contains("stockout_risk") && !$0.flags.contains("discontinued") }
        let critical = atRisk.filter { $0.criticality == .vital }
        var doc = MarkdownDocument(title: "Reorder list as of \(plan.asOf)")
        doc.heading("Summary")
        doc.bullets([
            "\(orders.count) order lines from \(Set(orders.map(\.vendor)).count) vendors, total \(HumanFormat.money(total)).",
            "\(atRisk.count) items may stock out before the next delivery (\(critical.count) of them vital)" + (critical.isEmpty ? "." : ": " + critical.prefix(10).map { "\($0.item) \($0.description)" }.joined(separator: ", ") + "."),
            "\(plan.lines.filter { $0.flags.contains("expiry_risk") }.count) items hold more than they can use before expiry; \(plan.lines.filter { $0.flags.contains("dead_stock") }.count) are dead stock; \(plan.lines.filter { $0.flags.contains("discontinued") }.count) discontinued items are not reordered.",
        ] + (plan.itemsWithoutMaster.isEmpty ? [] : ["\(plan.itemsWithoutMaster.count) inventory items are missing from the item master and were planned with default lead times."]))
        for vendor in Set(orders.map(\.vendor)).sorted() {
            let lines = orders.filter { $0.vendor == vendor }
            doc.heading("\(vendor.isEmpty ? "(no vendor)" : vendor): \(HumanFormat.money(lines.reduce(0) { $0 + $1.orderCost }))")
            doc.table(["Item", "Description", "Order", "Packs", "Cost", "Why"],
                      lines.map { [$0.item, $0.description, HumanFormat.quantity($0.orderQuantity, decimals: 0), HumanFormat.quantity($0.packs, decimals: 0),
                                   HumanFormat.money($0.orderCost), $0.reason] },
                      alignments: [.left, .left, .right, .right, .right, .left])
        }
        if !plan.simulation.isEmpty {
            doc.heading("Replay of recent demand: recommended levels vs par levels")
            doc.table(["Criticality", "Policy", "Items", "Target", "Fill rate", "Stockout item-days", "Avg inventory", "Orders"],
                      plan.simulation.map { r in
                          [r.criticality, r.policy, String(r.items), HumanFormat.percent(100 * r.targetFillRate), HumanFormat.percent(100 * r.outcome.fillRate, decimals: 2),
                           String(r.outcome.stockoutDays), HumanFormat.money(r.outcome.averageInventoryValue), String(r.outcome.orders)]
                      }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        }
        let attention = plan.lines.filter { $0.orderQuantity == 0 && !$0.flags.filter { $0 != "new_item" }.isEmpty }
        if !attention.isEmpty {
            doc.heading("Not ordered, needs attention")
            doc.table(["Item", "Description", "On hand", "Flags", "Why"],
                      attention.map { [$0.item, $0.description, HumanFormat.quantity($0.onHand, decimals: 0), $0.flags.joined(separator: ", "), $0.reason] },
                      alignments: [.left, .left, .right, .left, .left])
        }
        return doc
    }
}

/// The item master indexed by item, with typed lookups of DESIGN.md's columns.
struct ItemMaster {
    let index: [String: Int]
    let table: Table

    init(_ table: Table) {
        self.table = table
        var index: [String: Int] = [:]
        for (row, item) in (table.texts("item") ?? []).enumerated() where index[item] == nil { index[item] = row }
        self.index = index
    }

    func has(_ item: String) -> Bool { index[item] != nil }

    func number(_ column: String, _ item: String) -> Double? {
        guard let row = index[item], let value = table.numbers(column)?[row], value.isFinite else { return nil }
        return value
    }

    func text(_ column: String, _ item: String) -> String? {
        guard let row = index[item], let value = table.texts(column)?[row], !value.isEmpty else { return nil }
        return value
    }

    func stockItem(_ item: String) -> StockItem {
        var s = StockItem(item: item)
        s.description = text("description", item) ?? ""
        s.vendor = text("vendor", item) ?? ""
        s.unitCost = number("unit_cost", item) ?? 0
        s.packSize = number("pack_size", item) ?? 1
        s.minimumOrder = number("min_order_qty", item) ?? 0
        s.leadTimeDays = number("lead_time_days", item)
        s.leadTimeStandardDeviationDays = number("lead_time_sd_days", item) ?? 0
        s.reviewPeriodDays = number("review_period_days", item)
        s.shelfLifeDays = number("shelf_life_days", item)
        s.criticality = text("criticality", item).flatMap { ServiceLevelMatrix.Criticality(rawValue: $0.uppercased()) } ?? .essential
        s.serviceLevel = number("service_level", item).map { $0 > 1 ? $0 / 100 : $0 }
        s.parLevel = number("par_level", item)
        s.discontinued = text("status", item).map { $0.lowercased().hasPrefix("discontinued") || $0.lowercased() == "inactive" } ?? false
        return s
    }
}
