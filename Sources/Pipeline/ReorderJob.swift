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
        /// Weekly history and forecast of the items with the largest annual spend.
        public var outlooks: [SeriesOutlook] = []
        /// Price increases in the item master (unit cost above prior unit cost), by vendor.
        public var priceIncreases: [VendorPriceIncrease] = []
    }

    /// What a vendor's latest price changes cost a year at the items' last year of use.
    public struct VendorPriceIncrease: Sendable {
        public var vendor: String
        public var items: Int
        public var annualCost: Double
        /// Weighted by use: annual cost / last year's spend at the prior prices, in percent.
        public var percent: Double
    }

    /// Complete weeks of daily use kept per item for weekday shares and within-week spread.
    public static let recentWeeks = 12

    /// Days of daily use an item used every day is forecast from (three years: the daily
    /// forecasts' yearly cycle needs two, and longer histories only cost time).
    public static let dailyHistoryDays = 1_095

    /// Items shown with a fan chart in reorder.md.
    public static let outlookCount = 5

    /// One class's replay under one policy.
    public struct SimulationRow: Sendable {
        public var criticality: String
        public var policy: String
        public var items: Int
        public var targetFillRate: Double
        public var outcome: PolicySimulation.Outcome
        /// The replayed days, and the day whose data set the levels (empty for par levels,
        /// which come from the item master).
        public var replayStart: CalendarDay
        public var replayEnd: CalendarDay
        public var levelsAsOf: String
    }

    public func plan(usage: Table, items: Table, inventory: Table, orders: Table? = nil, lots: Table? = nil) throws -> Plan {
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else {
            throw PipelineError(location: nil, "reorder: the usage table needs date, item and quantity columns")
        }
        guard let stockItems = inventory.texts("item"), let onHand = inventory.numbers("on_hand") else {
            throw PipelineError(location: nil, "reorder: the inventory table needs item and on_hand columns")
        }
        guard let lastDay = days.max() else { throw PipelineError(location: nil, "reorder: the usage table is empty") }
        let asOf = self.asOf ?? lastDay

        // DESIGN.md: one inventory row per item and location. When the usage names the
        // location too, each location is planned on its own demand; otherwise an item is
        // planned once, on the total position of all its locations.
        let stockLocations = inventory.texts("location")
        let usageLocations = usage.texts("location").flatMap { l in l.contains { !$0.isEmpty } ? l : nil }
        let byLocation = usageLocations != nil && stockLocations != nil
        // Demand series are keyed by item, or by item, 0x1F and location.
        var scratch: [UInt8] = []
        scratch.reserveCapacity(128)
        func withKey<R>(_ item: String, _ location: String?, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            guard let location else {
                var item = item
                return item.withUTF8(body)
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: item.utf8)
            scratch.append(0x1F)
            scratch.append(contentsOf: location.utf8)
            return scratch.withUnsafeBufferPointer(body)
        }

        // Weekly totals up to the last complete week, plus first and last use, the last year's
        // use and the latest unit cost per series. Series get dense ids from their bytes:
        // hashing a String per row and per lookup cost more than all the rest of the planning.
        let week = Frequency.week
        let lastFullWeek = asOf.isoWeekday == 7 ? week.period(of: asOf) : week.period(of: asOf) - 1
        // DESIGN.md's partial periods: a file that starts after a Monday covers its first week
        // only in part, and that week would read as a drop in demand.
        let firstDay = days.min() ?? asOf
        let firstFullWeek = firstDay.isoWeekday == 1 ? week.period(of: firstDay) : week.period(of: firstDay) + 1
        // The last `recentWeeks` complete weeks day by day, for weekday shares and the spread
        // within a week (IntervalDemand).
        let recentStart = week.firstDay(of: max(firstFullWeek, lastFullWeek - Self.recentWeeks + 1))
        let recentDays = max(0, Int(week.firstDay(of: lastFullWeek + 1).daysSinceEpoch - recentStart.daysSinceEpoch))
        var recent: [[Float]] = []
        var totals = PeriodTotals(frequency: .week)
        var ids = ByteKeyTable(capacity: 4096)
        let never = Int32.max
        var firstUse: [Int32] = [], lastUse: [Int32] = [], yearUse: [Double] = [], keyItem: [String] = []
        var lastCost: [Double] = [], lastCostDay: [Int32] = []
        let usageCosts = usage.numbers("unit_cost")
        let yearStart = asOf.daysSinceEpoch - 364
        for row in 0..<days.count where days[row] <= asOf {
            let day = days[row], quantity = quantities[row]
            withKey(usageItems[row], byLocation ? usageLocations?[row] : nil) { bytes in
                let id = ids.intern(bytes)
                if id == firstUse.count {
                    firstUse.append(never); lastUse.append(-never); yearUse.append(0); keyItem.append(usageItems[row])
                    lastCost.append(.nan); lastCostDay.append(-never)
                    recent.append([])
                }
                if quantity != 0 {
                    firstUse[id] = min(firstUse[id], day.daysSinceEpoch)
                    lastUse[id] = max(lastUse[id], day.daysSinceEpoch)
                }
                if let cost = usageCosts?[row], cost > 0, day.daysSinceEpoch >= lastCostDay[id] {
                    lastCost[id] = cost
                    lastCostDay[id] = day.daysSinceEpoch
                }
                if day.daysSinceEpoch >= yearStart { yearUse[id] += quantity }
                let period = week.period(of: day)
                if period <= lastFullWeek && period >= firstFullWeek { totals.add(key: bytes, day: day, value: quantity) }
                let offset = Int(day.daysSinceEpoch - recentStart.daysSinceEpoch)
                if offset >= 0 && offset < recentDays {
                    if recent[id].isEmpty { recent[id] = [Float](repeating: 0, count: recentDays) }
                    recent[id][offset] += Float(quantity)
                }
            }
        }
        // Planning units: inventory rows grouped by their series key. Series never used get
        // ids after the used ones.
        var rowKey = [Int](repeating: 0, count: stockItems.count)
        for row in 0..<stockItems.count {
            rowKey[row] = withKey(stockItems[row], byLocation ? stockLocations?[row] ?? "" : nil) { ids.intern($0) }
        }
        let keyCount = ids.count
        firstUse += repeatElement(never, count: keyCount - firstUse.count)
        lastUse += repeatElement(-never, count: keyCount - lastUse.count)
        yearUse += repeatElement(0, count: keyCount - yearUse.count)

        // Units numbered in the order they first appear in the inventory, with their item
        // master entries and their total stock.
        let master = ItemMaster(items)
        let purchasing = try orders.map { PurchasingAnalysis(lines: try PurchasingJob.orderLines($0), promisedLeadDays: { master.number("lead_time_days", $0) }) }
        var purchasingNotes: [[String]] = []
        let onOrder = inventory.numbers("on_order")
        var unitIndex = [Int](repeating: -1, count: keyCount)
        var unitKey: [Int] = [], stock: [StockItem] = [], unitLocations: [[String]] = [], missing: [String] = []
        var missingSeen = Set<String>()
        for row in 0..<stockItems.count {
            let id = rowKey[row], item = stockItems[row]
            if unitIndex[id] < 0 {
                unitIndex[id] = stock.count
                unitKey.append(id)
                var s = master.stockItem(item)
                purchasingNotes.append(purchasing.map { Self.applyOrders($0, to: &s) } ?? [])
                if s.unitCost == 0 && !master.hasCost(item) {
                    // The item master has no price: the latest price paid in the usage, if any.
                    let cost = lastCost.indices.contains(id) ? lastCost[id] : .nan
                    if cost.isFinite { s.unitCost = cost; s.costFromUsage = true } else { s.missingCost = true }
                }
                stock.append(s)
                unitLocations.append([])
                if !master.has(item) && missingSeen.insert(item).inserted { missing.append(item) }
            }
            let k = unitIndex[id]
            stock[k].onHand += onHand[row].isFinite ? onHand[row] : 0
            stock[k].onOrder += onOrder.map { $0[row].isFinite ? $0[row] : 0 } ?? 0
            if let location = stockLocations?[row], !location.isEmpty, !unitLocations[k].contains(location) { unitLocations[k].append(location) }
        }
        for k in stock.indices { stock[k].location = unitLocations[k].sorted().joined(separator: " + ") }

        // ABC by each item's annual spend over all its locations; an item without a price
        // cannot be ranked and is held to class A's service rather than dropped to C.
        var annualSpend: [String: Double] = [:]
        annualSpend.reserveCapacity(stock.count)
        var unitCostOf: [String: Double] = [:]
        for s in stock where !s.missingCost { unitCostOf[s.item] = s.unitCost }
        for id in 0..<keyItem.count { if let cost = unitCostOf[keyItem[id]] { annualSpend[keyItem[id], default: 0] += yearUse[id] * cost } }
        for s in stock where !s.missingCost && annualSpend[s.item] == nil { annualSpend[s.item] = 0 }
        let abcByKey = ServiceLevelMatrix.abcClasses(annualSpend: annualSpend)
        let abc = stock.map { $0.missingCost ? .a : abcByKey[$0.item] ?? .c }

        // Forecast weekly demand far enough to cover the longest protection interval.
        let longest = stock.map { ($0.leadTimeDays ?? settings.defaultLeadTimeDays) + ($0.reviewPeriodDays ?? settings.defaultReviewPeriodDays) }.max() ?? 14
        let horizon = min(26, max(2, Int((longest / 7).rounded(.up)) + 1))
        let levelsShown = [80.0, 95.0]
        let forecaster = DemandForecaster(settings: ForecastSettings(horizon: horizon, season: 52, levels: levelsShown, backtestOrigins: 3))
        let forecastStarted = Progress.now()
        var estimates = [(forecast: SeriesForecast, history: [Double])?](repeating: nil, count: keyCount)
        try ParallelForecast.each(totals, forecaster: forecaster, threads: threads, progress: Progress(label: "reorder: forecast", total: totals.seriesCount, quiet: quiet)) { key, history, f in
            var key = key
            estimates[key.withUTF8 { ids.intern($0) }] = (f, history)
        }

        // Items used nearly every day are forecast day by day from the day after as-of
        // (IntervalDemand.RecentWeeks.isUsedDaily), from their last `dailyHistoryDays` of use.
        var daily = [(forecast: SeriesForecast, history: [Double])?](repeating: nil, count: keyCount)
        var isDaily = [Bool](repeating: false, count: keyCount)
        for id in recent.indices where IntervalDemand.RecentWeeks(days: recent[id]).isUsedDaily { isDaily[id] = true }
        if isDaily.contains(true) {
            var dailyTotals = PeriodTotals(frequency: .day)
            let from = asOf.adding(days: 1 - Self.dailyHistoryDays)
            for row in 0..<days.count where days[row] <= asOf && days[row] >= from {
                withKey(usageItems[row], byLocation ? usageLocations?[row] : nil) { bytes in
                    if isDaily[ids.intern(bytes)] { dailyTotals.add(key: bytes, day: days[row], value: quantities[row]) }
                }
            }
            dailyTotals.cover(asOf)
            let dailyForecaster = DemandForecaster(settings: ForecastSettings(horizon: max(1, Int(longest.rounded(.up))), season: 7, levels: levelsShown,
                                                                              backtestOrigins: 3, longCycle: Frequency.day.longCycle))
            try ParallelForecast.each(dailyTotals, forecaster: dailyForecaster, threads: threads,
                                      progress: Progress(label: "reorder: daily forecast", total: dailyTotals.seriesCount, quiet: quiet)) { key, history, f in
                var key = key
                daily[key.withUTF8 { ids.intern($0) }] = (f, history)
            }
        }

        let planningStarted = Progress.now()
        let forecastSeconds = planningStarted - forecastStarted
        let planner = ReorderPlanner(settings: settings)
        let demands = ParallelMap.map(stock.count, threads: threads) { k -> DemandEstimate in
            let id = unitKey[k], s = stock[k]
            let historyDays = firstUse[id] == never ? 0 : Int(asOf.daysSinceEpoch) - Int(firstUse[id]) + 1
            let sinceLastUse = lastUse[id] == -never ? nil : Int(asOf.daysSinceEpoch) - Int(lastUse[id])
            guard let e = estimates[id] else {
                return DemandEstimate(dailyMean: 0, dailyStandardDeviation: 0, demandClass: .zero, historyDays: historyDays, daysSinceLastUse: sinceLastUse)
            }
            if let d = daily[id] {
                return DemandEstimate(daily: d.forecast, history: d.history, protectionDays: planner.protectionDays(s),
                                      leadDays: s.leadTimeDays ?? settings.defaultLeadTimeDays, historyDays: historyDays, daysSinceLastUse: sinceLastUse)
            }
            // Recent weeks from the item's first use on: weeks before it would read as no use.
            var days = id < recent.count ? recent[id] : []
            let usedFrom = Int(firstUse[id]) - Int(recentStart.daysSinceEpoch)
            if usedFrom > 0 { days = Array(days.dropFirst(min(days.count, (usedFrom + 6) / 7 * 7))) }
            return DemandEstimate(e.forecast, history: e.history, recent: IntervalDemand.RecentWeeks(days: days),
                                  firstWeekday: asOf.adding(days: 1).isoWeekday, firstWeek: week.period(of: asOf.adding(days: 1)) - lastFullWeek - 1,
                                  protectionDays: planner.protectionDays(s), leadDays: s.leadTimeDays ?? settings.defaultLeadTimeDays,
                                  historyDays: historyDays, daysSinceLastUse: sinceLastUse)
        }
        var levels = ParallelMap.map(stock.count, threads: threads) { k in planner.levels(stock[k], demand: demands[k], abc: abc[k]) }
        if settings.allocateByClass && settings.policy == .periodicReview && settings.serviceMeasure == .fillRate {
            allocateByClass(&levels, items: stock, demands: demands, abc: abc)
        }
        for k in stock.indices { levels[k].notes += purchasingNotes[k] }
        for k in stock.indices where daily[unitKey[k]] != nil {
            levels[k].notes.append("used nearly every day: demand forecast day by day")
        }
        if let lots { try Self.applyLots(lots, to: &stock, demands: demands, levels: &levels, asOf: asOf, byLocation: byLocation) }
        for k in stock.indices where !byLocation && unitLocations[k].count > 1 {
            levels[k].notes.append("stock of \(unitLocations[k].count) locations planned together on the item's total demand (the usage names no location)")
        }

        // Lines go out by vendor, item and location in byte order. Ranking once and sorting
        // integers is far cheaper than comparing Strings (Unicode-aware) per pair.
        var keyRank = [Int](repeating: 0, count: keyCount)
        for (rank, id) in ids.idsSortedByKey().enumerated() { keyRank[id] = rank }
        let vendorRanks = Dictionary(uniqueKeysWithValues: Set(stock.lazy.map(\.vendor)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map { ($1, $0) })
        let order = stock.indices.map { k in (vendorRanks[stock[k].vendor] ?? 0, keyRank[unitKey[k]], k) }.sorted { $0 < $1 }.map(\.2)

        // One line per unit, planned in parallel.
        let lines = ParallelMap.map(order.count, threads: threads) { position -> ReorderLine in
            let k = order[position]
            return planner.plan(stock[k], demand: demands[k], abc: abc[k], levels: levels[k])
        }
        var plan = Plan(lines: lines, asOf: asOf, itemsWithoutMaster: missing)
        plan.forecastSeconds = forecastSeconds
        plan.planningSeconds = Progress.now() - planningStarted

        // For the report: the top units by spend as fan charts, and the vendors' price increases.
        let bySpend = stock.indices.filter { estimates[unitKey[$0]] != nil && !stock[$0].discontinued }
            .sorted { (yearUse[unitKey[$0]] * stock[$0].unitCost, unitKey[$1]) > (yearUse[unitKey[$1]] * stock[$1].unitCost, unitKey[$0]) }
        plan.outlooks = bySpend.prefix(Self.outlookCount).compactMap { k in
            estimates[unitKey[k]].map { e in
                var name = stock[k].description.isEmpty ? stock[k].item : "\(stock[k].item) \(stock[k].description)"
                if byLocation && !stock[k].location.isEmpty { name += " at \(stock[k].location)" }
                return SeriesOutlook(name: name, frequency: week, history: e.history, last: totals.lastPeriod, forecast: e.forecast, levels: levelsShown, keep: 52)
            }
        }
        var itemYearUse: [String: Double] = [:]
        for id in 0..<keyItem.count { itemYearUse[keyItem[id], default: 0] += yearUse[id] }
        var increases: [String: VendorPriceIncrease] = [:]
        var priorSpend: [String: Double] = [:]
        var priced = Set<String>()
        for s in stock where priced.insert(s.item).inserted {
            guard let prior = master.number("prior_unit_cost", s.item), prior > 0, s.unitCost > prior else { continue }
            let use = max(0, itemYearUse[s.item] ?? 0)
            increases[s.vendor, default: VendorPriceIncrease(vendor: s.vendor, items: 0, annualCost: 0, percent: 0)].items += 1
            increases[s.vendor]?.annualCost += (s.unitCost - prior) * use
            priorSpend[s.vendor, default: 0] += prior * use
        }
        plan.priceIncreases = increases.values.map { v in
            var v = v
            v.percent = (priorSpend[v.vendor] ?? 0) > 0 ? 100 * v.annualCost / (priorSpend[v.vendor] ?? 1) : 0
            return v
        }.sorted { ($0.annualCost, $1.vendor) > ($1.annualCost, $0.vendor) }
        if let weeks = simulateWeeks, weeks > 0 {
            plan.simulation = try simulate(weeks: weeks, asOf: asOf, usage: usage, items: items, inventory: inventory, master: master, byLocation: byLocation)
        }
        return plan
    }

    /// Replaces per-item safety stock with a class-level allocation for every (criticality, ABC)
    /// class, over the items that follow the class target (no own service level, not new,
    /// not discontinued, with demand).
    func allocateByClass(_ levels: inout [ReorderPlanner.Levels], items: [StockItem], demands: [DemandEstimate], abc: [ServiceLevelMatrix.ABC]) {
        var classes: [String: [Int]] = [:]
        for (k, l) in levels.enumerated() {
            let s = items[k]
            guard s.serviceLevel == nil, !s.discontinued, l.dailyDemand > 0, !l.flags.contains("new_item") else { continue }
            classes["\(s.criticality.rawValue)\(abc[k].rawValue)", default: []].append(k)
        }
        let allocation = FillRateAllocation()
        for members in classes.values {
            // Item key order, so the allocation's tie-breaks do not depend on the input's order.
            let sorted = members.sorted { items[$0].item < items[$1].item }
            guard let first = sorted.first else { continue }
            let target = levels[first].serviceLevel
            let inputs = sorted.map { k in
                FillRateAllocation.Item(dailyDemand: levels[k].dailyDemand, reviewDays: levels[k].review, protectionMean: levels[k].protectionDemand,
                                        protectionStandardDeviation: levels[k].protectionStandardDeviation, usesCounts: levels[k].usesCounts,
                                        dispersion: demands[k].dispersion, unitCost: items[k].unitCost)
            }
            let note = "safety stock set with its class (\(items[first].criticality.rawValue), \(abc[first].rawValue)) to meet a \(NumberFormat.fixed(target * 100, decimals: 1))% class fill rate at least cost"
            for (k, level) in zip(sorted, allocation.levels(inputs, fillRate: target)) {
                levels[k].orderUpTo = level
                levels[k].safetyStock = level - levels[k].protectionDemand
                levels[k].notes.append(note)
            }
        }
    }

    /// Replays the last `weeks` of daily demand per planned line (items with a par level, not
    /// discontinued) through the recommended order-up-to level and through the par level.
    ///
    /// Out of sample: the recommended levels are planned again as of the day before the
    /// replay window, from the usage before it, so the replay never judges levels on the
    /// demand they were set from.
    func simulate(weeks: Int, asOf: CalendarDay, usage: Table, items: Table, inventory: Table, master: ItemMaster,
                  byLocation: Bool) throws -> [SimulationRow] {
        let span = weeks * 7
        let first = asOf.adding(days: -(span - 1))
        let levelsAsOf = first.adding(days: -1)
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else { return [] }
        let earliest = days.min() ?? first
        guard earliest.daysSinceEpoch <= levelsAsOf.daysSinceEpoch - 55 else {
            throw PipelineError(location: nil, "reorder: replaying \(weeks) weeks from \(first) needs at least 8 weeks of usage before \(first) to set the levels from, and the usage starts \(earliest); replay fewer weeks (--simulate, simulate:)")
        }
        var before = self
        before.asOf = levelsAsOf
        before.simulateWeeks = nil
        before.quiet = true
        let lines = try before.plan(usage: usage, items: items, inventory: inventory).lines

        let locations = byLocation ? usage.texts("location") : nil
        func key(_ item: String, _ location: String) -> String { byLocation ? item + "\u{1F}" + location : item }
        var daily: [String: [Double]] = [:]
        for r in 0..<days.count where days[r] >= first && days[r] <= asOf {
            daily[key(usageItems[r], locations?[r] ?? ""), default: [Double](repeating: 0, count: span)][Int(days[r].daysSinceEpoch - first.daysSinceEpoch)] += max(0, quantities[r])
        }
        var results: [String: (recommended: PolicySimulation.Outcome, par: PolicySimulation.Outcome, count: Int, target: Double)] = [:]
        let simulation = PolicySimulation()
        for line in lines where !line.flags.contains("discontinued") {
            let item = master.stockItem(line.item)
            guard let par = item.parLevel else { continue }
            let demand = daily[key(line.item, line.location)] ?? [Double](repeating: 0, count: span)
            let review = Int((item.reviewPeriodDays ?? settings.defaultReviewPeriodDays).rounded())
            let lead = Int((item.leadTimeDays ?? settings.defaultLeadTimeDays).rounded())
            let recommended = simulation.replay(demand: demand, orderUpTo: line.orderUpTo, reviewDays: review, leadTimeDays: lead,
                                                packSize: item.packSize, minimumOrder: item.minimumOrder, unitCost: line.unitCost)
            let current = simulation.replay(demand: demand, orderUpTo: par, reviewDays: review, leadTimeDays: lead,
                                            packSize: item.packSize, minimumOrder: item.minimumOrder, unitCost: line.unitCost)
            let key = line.criticality.rawValue
            let previous = results[key] ?? (PolicySimulation.Outcome(), PolicySimulation.Outcome(), 0, 0)
            results[key] = (previous.recommended + recommended, previous.par + current, previous.count + 1, previous.target + line.serviceLevel)
        }
        let window = (start: first, end: asOf, levelsAsOf: levelsAsOf.description)
        return results.keys.sorted().flatMap { key -> [SimulationRow] in
            let r = results[key]!
            let target = r.target / Double(r.count)
            return [SimulationRow(criticality: key, policy: "recommended", items: r.count, targetFillRate: target, outcome: r.recommended,
                                  replayStart: window.start, replayEnd: window.end, levelsAsOf: window.levelsAsOf),
                    SimulationRow(criticality: key, policy: "par levels", items: r.count, targetFillRate: target, outcome: r.par,
                                  replayStart: window.start, replayEnd: window.end, levelsAsOf: "")]
        }
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

    /// Stock value held above the order-up-to level (all of it for discontinued items).
    public static func valueAboveTarget(_ line: ReorderLine) -> Double {
        let target = line.flags.contains("discontinued") ? 0 : max(0, line.orderUpTo)
        return max(0, line.onHand - target) * line.unitCost
    }

    /// reorder.md: the summary a buyer reads first, the outlook of the biggest items, then
    /// one section per vendor.
    public static func report(_ plan: Plan, numbers: NumberStyle = NumberStyle()) -> Report {
        let orders = plan.lines.filter { $0.orderQuantity > 0 }
        let total = orders.reduce(0) { $0 + $1.orderCost }
        let atRisk = plan.lines.filter { $0.flags.contains("stockout_risk") && !$0.flags.contains("discontinued") }
        let critical = atRisk.filter { $0.criticality == .vital }
        let above = plan.lines.reduce(0) { $0 + valueAboveTarget($1) }
        func items(_ n: Int, _ verb: String, _ plural: String) -> String { n == 1 ? "1 item \(verb)" : "\(n) items \(plural)" }
        let noCost = plan.lines.filter { $0.flags.contains("missing_cost") }
        var doc = Report(title: "Reorder list as of \(plan.asOf)", summary: [
            "\(orders.count) order lines from \(Set(orders.map(\.vendor)).count) vendors, total \(numbers.money(total)).",
            "\(atRisk.count) items may stock out before the next delivery (\(critical.count) of them vital)" + (critical.isEmpty ? "." : ": " + critical.prefix(10).map { "\($0.item) \($0.description)" }.joined(separator: ", ") + "."),
            "\(numbers.money(above)) of stock is held above target levels; \(items(plan.lines.filter { $0.flags.contains("expiry_risk") }.count, "holds", "hold")) more than can be used before expiry; \(items(plan.lines.filter { $0.flags.contains("dead_stock") }.count, "is", "are")) dead stock; \(items(plan.lines.filter { $0.flags.contains("discontinued") }.count, "is", "are")) discontinued and not reordered.",
        ] + (plan.itemsWithoutMaster.isEmpty ? [] : ["\(plan.itemsWithoutMaster.count) inventory items are missing from the item master and were planned with default lead times."])
          + (noCost.isEmpty ? [] : ["\(items(noCost.count, "has", "have")) no unit cost in the item master or the usage (flag missing_cost): \(noCost.filter { $0.orderQuantity > 0 }.count) of their order lines are not in the total above; add the prices to the item master."]))
        doc.keyFigure("Order lines", Double(orders.count))
        doc.keyFigure("Vendors", Double(Set(orders.map(\.vendor)).count))
        doc.keyFigure("Order total", total, style: .money)
        doc.keyFigure("Items at risk of stockout", Double(atRisk.count))
        doc.keyFigure("Vital items at risk", Double(critical.count))
        doc.keyFigure("Stock held above target", above, style: .money)
        doc.keyFigure("Items without a unit cost", Double(noCost.count))
        if !plan.outlooks.isEmpty {
            doc.heading("Demand outlook for the largest items by spend")
            doc.paragraph("Weekly use over the last year and the forecast behind this list, with 80% and 95% ranges.")
            for (rank, outlook) in plan.outlooks.enumerated() {
                doc.figure(outlook.figure(name: "outlook_\(rank + 1)", title: "Weekly use: \(outlook.name)",
                                          caption: "Units used per week, forecast with 80% and 95% ranges.", format: .quantity))
            }
        }
        let csv = "reorder.csv"
        for (vendor, all) in Dictionary(grouping: orders, by: \.vendor).sorted(by: { $0.key < $1.key }) {
            doc.heading("\(vendor.isEmpty ? "(no vendor)" : vendor): \(numbers.money(all.reduce(0) { $0 + $1.orderCost }))")
            let lines = shown(all, by: \.orderCost, in: &doc, file: csv)
            doc.table(["Item", "Description", "Order", "Packs", "Cost", "Why"],
                      lines.map { [$0.item, $0.description, numbers.quantity($0.orderQuantity, decimals: 0), numbers.quantity($0.packs, decimals: 0),
                                   numbers.money($0.orderCost), $0.reason] },
                      alignments: [.left, .left, .right, .right, .right, .left])
        }
        if !plan.simulation.isEmpty {
            doc.heading("Replay of recent demand: recommended levels vs par levels")
            if let first = plan.simulation.first(where: { !$0.levelsAsOf.isEmpty }) {
                doc.paragraph("Actual daily demand from \(first.replayStart) to \(first.replayEnd), replayed through levels planned from the usage up to \(first.levelsAsOf) only (out of sample), and through today's par levels; reviews every review period, receipts after the lead time, whole packs, unmet demand lost.")
            }
            doc.table(["Criticality", "Policy", "Items", "Target", "Fill rate", "Stockout item-days", "Avg inventory", "Orders"],
                      plan.simulation.map { r in
                          [r.criticality, r.policy, String(r.items), numbers.percent(100 * r.targetFillRate), numbers.percent(100 * r.outcome.fillRate, decimals: 2),
                           String(r.outcome.stockoutDays), numbers.money(r.outcome.averageInventoryValue), String(r.outcome.orders)]
                      }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        }
        if !plan.priceIncreases.isEmpty {
            doc.heading("Vendor price increases")
            doc.paragraph("Latest unit cost against the prior unit cost in the item master, at each item's use over the last year.")
            doc.table(["Vendor", "Items", "Increase", "Cost a year"],
                      plan.priceIncreases.map { [$0.vendor, String($0.items), numbers.percent($0.percent), numbers.money($0.annualCost)] },
                      alignments: [.left, .right, .right, .right])
        }
        let attention = plan.lines.filter { $0.orderQuantity == 0 && !$0.flags.filter { $0 != "new_item" }.isEmpty }
        if !attention.isEmpty {
            doc.heading("Not ordered, needs attention")
            doc.table(["Item", "Description", "On hand", "Flags", "Why"],
                      shown(attention, by: { $0.onHand * $0.unitCost }, in: &doc, file: csv).map { [$0.item, $0.description, numbers.quantity($0.onHand, decimals: 0), $0.flags.joined(separator: ", "), $0.reason] },
                      alignments: [.left, .left, .right, .left, .left])
        }
        return doc
    }

    /// Lines a person reads in one table: all of them up to `reportTableLimit`, else the
    /// largest by `weight` (in list order) with a note that the CSV has the rest.
    static func shown(_ lines: [ReorderLine], by weight: (ReorderLine) -> Double, in doc: inout Report, file: String) -> [ReorderLine] {
        guard lines.count > reportTableLimit else { return lines }
        let kept = Set(lines.indices.sorted { (weight(lines[$0]), $1) > (weight(lines[$1]), $0) }.prefix(reportTableLimit))
        doc.paragraph("The \(reportTableLimit) largest of \(lines.count) lines; all of them are in \(file).")
        return lines.indices.filter { kept.contains($0) }.map { lines[$0] }
    }

    /// Rows per table in reorder.md; reorder.csv always has every line.
    public static let reportTableLimit = 250

    /// The savings the reorder plan shows, for the run's index.
    public static func costReductions(_ plan: Plan, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        var items: [CostReduction] = []
        let excess = plan.lines.filter { valueAboveTarget($0) > 0 }
        if !excess.isEmpty {
            let dead = excess.filter { $0.flags.contains("dead_stock") || $0.flags.contains("discontinued") }.reduce(0) { $0 + valueAboveTarget($1) }
            items.append(CostReduction(area: "Inventory above target", detail: "\(excess.count) stock lines hold more than their order-up-to level; \(numbers.money(dead)) of it is dead or discontinued stock. Letting it run down frees that cash.",
                                       amount: excess.reduce(0) { $0 + valueAboveTarget($1) }, report: report))
        }
        let recommendedRows = plan.simulation.filter { $0.policy == "recommended" }
        let parRows = plan.simulation.filter { $0.policy == "par levels" }
        let recommended = recommendedRows.reduce(0) { $0 + $1.outcome.averageInventoryValue }
        let par = parRows.reduce(0) { $0 + $1.outcome.averageInventoryValue }
        // A saving only counts when the recommended levels serve each class at least as well
        // as its target or as the par levels did (half a point of slack), out of sample.
        let serviceKept = zip(recommendedRows, parRows).allSatisfy { r, p in
            r.outcome.fillRate >= min(r.targetFillRate, p.outcome.fillRate) - 0.005
        }
        if let window = recommendedRows.first, par > recommended && serviceKept {
            items.append(CostReduction(area: "Par levels replaced by recommended levels", detail: "Replaying \(window.replayStart) to \(window.replayEnd) with levels set from the usage up to \(window.levelsAsOf) (out of sample), the recommended levels hold \(numbers.money(recommended)) of inventory on average against \(numbers.money(par)) at today's par levels, with each class's fill rate at its target or at least the par levels' fill rate.",
                                       amount: par - recommended, report: report))
        }
        let increases = plan.priceIncreases.filter { $0.annualCost > 0 }
        if let top = increases.first {
            items.append(CostReduction(area: "Vendor price increases", detail: "\(increases.count) vendors raised prices; largest: \(top.vendor), \(numbers.percent(top.percent)) on \(top.items) items, \(numbers.money(top.annualCost)) a year. Worth renegotiating or substituting.",
                                       amount: increases.reduce(0) { $0 + $1.annualCost }, report: report))
        }
        return items
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

    /// The item master gives the item a unit cost.
    func hasCost(_ item: String) -> Bool { number("unit_cost", item) != nil }

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
            || text("discontinued", item).map { ["true", "yes", "1"].contains($0.lowercased()) } ?? false
        return s
    }
}
