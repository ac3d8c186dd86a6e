import Forecasting
import History
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
    /// The stage name under which the weekly demand forecasts and the weeks of use seen are
    /// kept for a run history (`--history`), or nil to keep none.
    public var historyStage: String?
    /// Replay this many weeks of actual demand through the recommended levels and the par levels.
    public var simulateWeeks: Int?
    /// The usage rows as the plan read them, for the replay's levels plans (`simulate`): an
    /// earlier as-of reads them as the plan does, its last period through the same day. Read
    /// again through the levels' as-of, December's 24 days were spread over 31.
    var usageRowsRead: UsageRows?

    public init() {}

    public struct Plan: Sendable {
        public var lines: [ReorderLine]
        public var asOf: CalendarDay
        public var itemsWithoutMaster: [String]
        /// Each location planned on its own demand (the usage names locations): a line is an
        /// item at a location.
        public var byLocation = false
        /// Lots at a location where the snapshot has no row of their item: not planned, named.
        public var lotsWithoutStockRow: [String] = []
        /// The lot locations among those that no inventory row of their item names, each with
        /// the inventory location it most likely is (`OR-MAIN (closest inventory location:
        /// Main OR)`), for the run's note; their items are flagged `lot_location_unmatched`.
        public var lotLocationsUnmatched: [String] = []
        /// Items (or item and location) used in the year to as-of that have no inventory row:
        /// they are not planned, as the snapshot does not say they are stocked, and are named
        /// so they do not vanish silently (`B1`, `A1 at ICU`).
        public var usedWithoutStock: [String] = []
        /// Usage locations read as the inventory's spelling of them (`ICU -> icu`): see
        /// `matchingLocations(_:to:)`.
        public var locationsMatched: [String] = []
        /// Usage rows with no location read at their item's one stock location, and the items.
        public var blankLocationsPlaced: (rows: Int, items: [String]) = (0, [])
        /// Item codes read as the item master's, which they match but for leading zeros or case
        /// (`usage 900 -> 000900`): see `ItemCodeMatch`.
        public var itemCodesMatched: [String] = []
        /// Items whose item-master unit cost is their pack's price, as the usage's price each
        /// shows (`PackPricedCost`), costed per unit: `600300 (pack of 100)`.
        public var packPricedCosts: [String] = []
        /// Columns of the inputs left unread that look like one of their roles, by file
        /// (`the item master's 'Lead Time (Days)' (lead_time_days)`), for the report's summary.
        public var unreadLookalikes: [String] = []
        /// Items the master's `replaced_by` names a successor of, as `104124 replaces 104121:
        /// planned on its own 29 days` (the successor's days of usage history): the replaced
        /// item's use is not carried over to its successor (`ItemReplacement`).
        public var replacements: [String] = []
        /// PO lines read in their items' units, or left out (`PurchaseUnitConversion`).
        public var unitNotes: [String] = []
        /// PO lines read from their statuses and receipt reversals (`PurchasingJob.orderLineNotes`).
        public var orderLineNotes: [String] = []
        /// The usage's last day when it ends before as-of (forecasts start after it); else nil.
        public var usageEnd: CalendarDay?
        /// The usage's rows read as period totals spread over their days (`UsageRows`), said;
        /// nil when they are days.
        public var usageReadAsTotals: String?
        /// The weekly forecasts and weeks of use, for the run history (with `historyStage`).
        public var history: StageRecord?
        public var simulation: [SimulationRow] = []
        /// The same replay by the items' demand class, for the report: a criticality's fill
        /// rate pooled over smooth and lumpy items showed 0.97 while the lumpy ones got 0.87.
        public var simulationByDemandClass: [SimulationRow] = []
        /// Items replayed at the item master's one par level at several stock locations (the
        /// inventory gave no `par_level` of their own): said beside the replay and its saving.
        public var simulationMasterParShared = 0
        /// Seconds spent forecasting demand, and planning the lines after it.
        public var forecastSeconds = 0.0
        public var planningSeconds = 0.0
        /// Weekly history and forecast of the items with the largest annual spend.
        public var outlooks: [SeriesOutlook] = []
        /// Price increases in the item master (unit cost above prior unit cost), by vendor.
        public var priceIncreases: [VendorPriceIncrease] = []
        /// What `--orders`' open lines did to the on-order quantities (`applyOpenOrders`).
        public var openOrders = OpenOrderUse()
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
        /// For the rows by demand class (`Plan.simulationByDemandClass`): the class; empty in
        /// the rows by criticality.
        public var demandClass = ""
    }

    /// The usage's locations under the inventory's spelling where the two differ only in case
    /// and runs of spaces (`0123` at `ICU` in the usage, at `icu` in the snapshot), and the
    /// renamings made (`ICU -> icu`). Matched byte for byte, an item used 15 a day at two
    /// locations was planned at both on no demand, as new dead stock with no order, while its
    /// use went unplanned. Per item: a spelling the item's stock has exactly is kept, and the
    /// stock's first spelling of a name wins. Only rows whose spelling has another in the stock
    /// are looked at twice.
    static func matchingLocations(_ used: [String], items usedItems: [String], to stock: [String], items stockItems: [String]) -> (locations: [String], renamed: [String]) {
        var stockKeys: [String: Set<String>] = [:]
        for name in Set(stock) where !name.isEmpty { stockKeys[name.matchKey(), default: []].insert(name) }
        let candidates = Set(used).filter { name in !name.isEmpty && stockKeys[name.matchKey()].map { $0 != [name] } ?? false }
        guard !candidates.isEmpty else { return (used, []) }
        let separator = "\u{1F}"
        var exact = Set<String>(), spelling: [String: String] = [:]
        for (item, name) in zip(stockItems, stock) where !name.isEmpty {
            exact.insert(item + separator + name)
            let key = item + separator + name.matchKey()
            if spelling[key] == nil { spelling[key] = name }
        }
        var locations = used, renamed = Set<String>()
        for row in used.indices where candidates.contains(used[row]) {
            let item = usedItems[row], name = used[row]
            guard !exact.contains(item + separator + name), let spelled = spelling[item + separator + name.matchKey()] else { continue }
            locations[row] = spelled
            renamed.insert("\(name) -> \(spelled)")
        }
        return (locations, renamed.sorted())
    }

    /// A demand series in the run history: the item, or `item|location`, as people read it.
    static func historyName(_ key: String) -> String {
        CompositeKey.parts(of: key, maxSplits: 1).joined(separator: "|")
    }

    public func plan(usage: Table, items: Table, inventory: Table, orders: Table? = nil, lots: Table? = nil) throws -> Plan {
        var (usage, inventory, orders, lots) = (usage, inventory, orders, lots)
        var codes = ItemCodeMatch(master: items.texts("item") ?? [])
        try codes.apply(to: &usage, "usage")
        // Usage and PO lines are events, summed or listed under either spelling; an inventory row
        // and a lot row are counts, and two of one stock would count it twice.
        try codes.apply(to: &inventory, "inventory", oneRowPer: ["location"])
        // A PO receipt repeated under two spellings is the same receipt twice, left out as the
        // import leaves out a repeat written alike.
        try codes.apply(to: &orders, "orders", oneRowPerReceipt: InputSchema.orderReceipt)
        try codes.apply(to: &lots, "lots", oneRowPer: ["lot", "location"])
        // PO lines in the unit bought (a box at $20) read in the item's (100 eaches at $0.20):
        // as written, a box on order was one unit, and its price the cost of an each.
        var units = orders.flatMap { PurchaseUnitConversion(orders: $0, contracts: nil, items: items) }
        if let given = orders { orders = units?.orders(given) ?? given }
        guard let days = usage.days("date"), let usageItems = usage.texts("item"), let quantities = usage.numbers("quantity") else {
            throw PipelineError(location: nil, "reorder: the usage table needs date, item and quantity columns")
        }
        guard let stockItems = inventory.texts("item"), let onHand = inventory.numbers("on_hand") else {
            throw PipelineError(location: nil, "reorder: the inventory table needs item and on_hand columns")
        }
        // Rows of a totals export (a month's use dated `2023-01` or on the 1st) cover their
        // whole period and are spread over its days (`UsageRows`); the usage then runs to the
        // last period's last day.
        // A shard tells it from the whole file's days, as the unsharded run does.
        guard var rows = usageRowsRead ?? UsageRows(days: usage.unshardedDays ?? days, labelled: usage.labelledSpans["date"]) else {
            throw PipelineError(location: nil, "reorder: the usage table is empty")
        }
        // The inventory's snapshot date inside the last period says the export was pulled that
        // day, and that period's total holds its days to then; a given as-of inside it does too.
        // A shard reads the snapshot date from the whole inventory, as the unsharded run does.
        let countedOn = inventory.dayNumbers("as_of")
        // The snapshot date tells what the last period's total holds; a given as-of only where
        // there is none inside it (given 10 December beside a snapshot of the 24th, December's
        // 24 days of use were read as 10: orders of 394 for 167).
        if usageRowsRead == nil {
            rows.readLastPeriod(throughSnapshotOf: inventory.unshardedCountDates ?? PartialLastPeriod.CountDates(countedOn?.lazy.map(\.known) ?? []))
            if let given = self.asOf, !rows.readsLastPeriodInPart { rows.readLastPeriod(throughAsOf: given) }
        }
        let spreads = rows.spreads
        let lastDay = rows.last
        let asOf = self.asOf ?? lastDay
        // Before the usage begins, every item reads as never used: a typo in the year planned
        // 311 items as dead stock from a count two years later, exit 0.
        if asOf < rows.first {
            throw PipelineError(location: nil, "reorder: as-of \(asOf) is before the usage's first day, \(rows.first)\(usage.fromFile): there is no use to learn from; give a day the usage covers (it runs to \(lastDay))")
        }
        // The usage runs to its file's last day (DESIGN.md: a series runs to the last period in
        // the file): days from there to a later as-of are not in the export, not days without
        // use. The history ends at `usageEnd` and forecasts reach past as-of by the days
        // between, which the count on hand already reflects. Read as zeros, two days between
        // an export ending Sunday and a Tuesday count took a drug used 10 a day from an order
        // of 90 to none.
        let usageEnd = min(asOf, lastDay)
        let unrecordedDays = Int(asOf.daysSinceEpoch - usageEnd.daysSinceEpoch)

        // DESIGN.md: one inventory row per item and location. When the usage names the
        // location too, each location is planned on its own demand; otherwise an item is
        // planned once, on the total position of all its locations.
        let stockLocations = inventory.texts("location")
        var usageLocations = usage.texts("location").flatMap { l in l.contains { !$0.isEmpty } ? l : nil }
        let byLocation = usageLocations != nil && stockLocations != nil
        var locationsMatched: [String] = []
        var blankPlaced = (rows: 0, items: Set<String>())
        if byLocation, let stockNames = stockLocations, let usedNames = usageLocations {
            (usageLocations, locationsMatched) = Self.matchingLocations(usedNames, items: usageItems, to: stockNames, items: stockItems)
            // Usage rows with no location (manual issues, charges without a cost centre) of an
            // item stocked at one location are that location's: as a series of their own they
            // had no stock row, and 40% of an item's use went unplanned, named as an item with
            // no inventory row though it had one.
            if usedNames.contains(where: \.isEmpty) {
                var only: [String: String?] = [:]
                for (item, name) in zip(stockItems, stockNames) where !name.isEmpty {
                    if let known = only[item] { if known != name { only[item] = .some(nil) } } else { only[item] = .some(name) }
                }
                for r in usageLocations!.indices where usageLocations![r].isEmpty {
                    guard let one = only[usageItems[r]] ?? nil else { continue }
                    usageLocations![r] = one
                    blankPlaced.rows += 1
                    blankPlaced.items.insert(usageItems[r])
                }
            }
        }
        // Demand series are keyed by item, or by item and location.
        var keys = CompositeKey()

        // Weekly totals up to the last complete week, plus first and last use, the last year's
        // use and the latest unit cost per series. Series get dense ids from their bytes:
        // hashing a String per row and per lookup cost more than all the rest of the planning.
        let week = Frequency.week
        let lastFullWeek = usageEnd.isoWeekday == 7 ? week.period(of: usageEnd) : week.period(of: usageEnd) - 1
        // DESIGN.md's partial periods: a file that starts after a Monday covers its first week
        // only in part, and that week would read as a drop in demand.
        let firstDay = rows.first
        let firstFullWeek = firstDay.isoWeekday == 1 ? week.period(of: firstDay) : week.period(of: firstDay) + 1
        // The last `recentWeeks` complete weeks day by day, for weekday shares and the spread
        // within a week (IntervalDemand).
        let recentStart = week.firstDay(of: max(firstFullWeek, lastFullWeek - Self.recentWeeks + 1))
        let recentDays = max(0, Int(week.firstDay(of: lastFullWeek + 1).daysSinceEpoch - recentStart.daysSinceEpoch))
        var recent: [[Float]] = []
        var totals = PeriodTotals(frequency: .week)
        var ids = ByteKeyTable(capacity: 4096)
        let never = Int32.max
        var firstUse: [Int32] = [], lastUse: [Int32] = [], yearUse: [Double] = [], keyItem: [String] = [], keyLocation: [String?] = []
        var lastCost: [Double] = [], lastCostDay: [Int32] = []
        // The days of the last two weeks to the usage's end each series was used on, one bit a
        // day, for a new item's daily rate (`PartialFirstWeek.plansByDay`).
        var lastTwoWeeks: [UInt16] = []
        let usageCosts = usage.numbers("unit_cost")
        // Units of measure per series: quantities in two units (doses and boxes) cannot be
        // summed, and the tool has no conversion; such lines are flagged, not planned silently.
        let usageUnits = usage.texts("uom")
        var unitsSeen: [[String]] = []
        let yearStart = usageEnd.daysSinceEpoch - 364
        let endDay = usageEnd.daysSinceEpoch, recentFirst = recentStart.daysSinceEpoch
        // Rows of months, quarters or years are forecast as the periods they are, through the
        // last one whole by the usage's end, and laid on the weeks (`WeeksOfPeriodForecast`).
        let periodSpan: Frequency? = rows.span == .month || rows.span == .quarter || rows.span == .year ? rows.span : nil
        var periodTotals = PeriodTotals(frequency: periodSpan ?? .month)
        // Each period's total is its days' use, spread evenly over them as the weekly history
        // is: fitted per average length of a period (`PeriodLengthAdjustment`), so a steady 69 a
        // day is 2,139 in December and 1,932 in February, not 2,098 in both.
        periodTotals.summedFromDays = .all
        let lastWholePeriod = periodSpan.map { span in
            let p = span.period(of: usageEnd)
            return span.firstDay(of: p + 1).daysSinceEpoch - 1 == endDay ? p : p - 1
        } ?? 0
        // The last period read in part (through a snapshot or an as-of inside it) and holding a
        // week or more, when the usage ends with it: its use at its days' rate over the whole
        // period. Left out, an item that used 720 in 24 days of January after 310 a month was
        // planned as one that used 240, or none (224 over 21 days for all three).
        let partHeld = periodSpan.map { span in Int(endDay - span.firstDay(of: lastWholePeriod + 1).daysSinceEpoch) + 1 } ?? 0
        let readsPartPeriod = periodSpan != nil && rows.readsLastPeriodInPart && rows.last == usageEnd && partHeld >= 7
        let lastPeriodRead = readsPartPeriod ? lastWholePeriod + 1 : lastWholePeriod
        // Each row's use for the history, reversals taken out (`ReturnedStock.netOfSameDay`): an
        // issue keyed 500 and reversed that day was counted as 500 of use once returns were left
        // out (an order of 689 for 90).
        let used = ReturnedStock.netOfSameDay(quantities, days: days) { row in
            byLocation ? CompositeKey.joined(usageItems[row], usageLocations?[row] ?? "") : usageItems[row]
        }
        for row in 0..<days.count {
            let day = days[row], quantity = used[row]
            // The days the row covers up to the usage's end (one for daily rows), and its use
            // on each: a period's total spread evenly over its days.
            let (from, through) = rows.covered(day)
            guard from <= endDay else { continue }
            let end = min(through, endDay)
            let perDay = spreads ? quantity / Double(through - from + 1) : quantity
            keys.withBytes(usageItems[row], byLocation ? usageLocations?[row] : nil) { bytes in
                let id = ids.intern(bytes)
                if id == firstUse.count {
                    firstUse.append(never); lastUse.append(-never); yearUse.append(0); keyItem.append(usageItems[row])
                    keyLocation.append(byLocation ? usageLocations?[row] : nil)
                    unitsSeen.append([])
                    lastCost.append(.nan); lastCostDay.append(-never)
                    recent.append([])
                    lastTwoWeeks.append(0)
                }
                // A return (a negative quantity) is stock coming back, not a day of use: read as
                // use it hid dead stock and aged a new item.
                if quantity > 0 {
                    firstUse[id] = min(firstUse[id], from)
                    lastUse[id] = max(lastUse[id], end)
                    let nearest = Int(endDay - end), farthest = min(13, Int(endDay - from))
                    if nearest <= farthest { lastTwoWeeks[id] |= UInt16(truncatingIfNeeded: ((1 << (farthest - nearest + 1)) - 1) << nearest) }
                }
                if let cost = usageCosts?[row], cost > 0, day.daysSinceEpoch >= lastCostDay[id] {
                    lastCost[id] = cost
                    lastCostDay[id] = day.daysSinceEpoch
                }
                if spreads {
                    let daysInYear = end - max(from, yearStart) + 1
                    if daysInYear > 0 { yearUse[id] += perDay * Double(daysInYear) }
                } else if day.daysSinceEpoch >= yearStart {
                    yearUse[id] += quantity
                }
                if let unit = usageUnits?[row], !unit.isEmpty, !unitsSeen[id].contains(unit),
                   !unitsSeen[id].contains(where: { $0.matchKey() == unit.matchKey() }) {
                    unitsSeen[id].append(unit)
                }
                // The period forecast's periods: through the last whole one, and the last one read
                // in part when it is (`readsPartPeriod`).
                let period = periodSpan.flatMap { span -> (Frequency, Int)? in
                    let p = span.period(of: day)
                    return p <= lastPeriodRead ? (span, p) : nil
                }
                // A return is stock coming back, not negative demand (`ReturnedStock`): left out
                // of the weekly history and the recent days, as it is of first and last use (its
                // period is the file's all the same).
                guard !ReturnedStock.isReturn(quantity) else {
                    if let (span, p) = period { periodTotals.cover(span.firstDay(of: p)) }
                    return
                }
                // A period's total: each week the row overlaps takes its days' share, without a
                // row per day (a monthly file of 100k items is not made thirty times longer), on
                // the week's Monday, so the totals are weeks, not sums of some weekdays.
                rows.weeks(of: day, from: from, end: end, within: firstFullWeek, lastFullWeek) { monday, days in
                    totals.add(key: bytes, day: monday, value: perDay * Double(days))
                }
                if let (span, p) = period {
                    let scale = p <= lastWholePeriod ? 1 : Double(span.days(in: p)) / Double(partHeld)
                    periodTotals.add(key: bytes, day: span.firstDay(of: p), value: quantity * scale)
                }
                let nearest = max(0, Int(from - recentFirst)), farthest = min(recentDays - 1, Int(end - recentFirst))
                if nearest <= farthest {
                    if recent[id].isEmpty { recent[id] = [Float](repeating: 0, count: recentDays) }
                    for offset in nearest...farthest { recent[id][offset] += Float(perDay) }
                }
            }
        }
        // A shard's weeks see the whole file's days, as the unsharded run's do: the weeks the
        // file runs to (a series whose use stopped early keeps its weeks of no use) and the
        // weekdays it records.
        // And the whole file's periods, through the last one the period forecast reads.
        for day in usage.unshardedDays ?? [] {
            let (from, through) = rows.covered(day)
            guard from <= endDay else { continue }
            rows.weeks(of: day, from: from, end: min(through, endDay), within: firstFullWeek, lastFullWeek) { monday, _ in totals.cover(monday) }
            if let span = periodSpan, case let p = span.period(of: day), p <= lastPeriodRead { periodTotals.cover(span.firstDay(of: p)) }
        }
        // An item first used in the file's partial first week, which the weekly history leaves
        // out, has a history from the first whole week on, not from its next use
        // (`PartialFirstWeek.historyStartWeek`).
        for id in firstUse.indices {
            let firstUseWeek = firstUse[id] == never ? nil : week.period(of: CalendarDay(daysSinceEpoch: firstUse[id]))
            guard let start = PartialFirstWeek.historyStartWeek(firstUseWeek: firstUseWeek, firstFullWeek: firstFullWeek, lastFullWeek: lastFullWeek) else { continue }
            keys.withBytes(keyItem[id], keyLocation[id]) { totals.add(key: $0, day: week.firstDay(of: start), value: 0) }
        }
        // A new item's first week, begun after its Monday, counted as the whole week its daily
        // use implies (`PartialFirstWeek`).
        var partialFirstWeek = [Int](repeating: 0, count: firstUse.count)
        for id in firstUse.indices where firstUse[id] != never && firstUse[id] >= recentStart.daysSinceEpoch && !recent[id].isEmpty {
            let first = CalendarDay(daysSinceEpoch: firstUse[id]), period = week.period(of: first)
            guard period >= firstFullWeek, period <= lastFullWeek else { continue }
            let from = Int(firstUse[id] - recentStart.daysSinceEpoch), weekEnd = from + 7 - first.isoWeekday
            guard weekEnd < recent[id].count,
                  let scale = PartialFirstWeek.scale(firstDayOffset: first.isoWeekday - 1, daysSinceFirstUse: Array(recent[id][from...])) else { continue }
            let firstWeek = recent[id][from...weekEnd].reduce(0) { $0 + Double($1) }
            keys.withBytes(keyItem[id], keyLocation[id]) { totals.add(key: $0, day: first, value: firstWeek * (scale - 1)) }
            partialFirstWeek[id] = 8 - first.isoWeekday
        }
        // Planning units: inventory rows grouped by their series key. Series never used get
        // ids after the used ones.
        var rowKey = [Int](repeating: 0, count: stockItems.count)
        for row in 0..<stockItems.count {
            rowKey[row] = keys.withBytes(stockItems[row], byLocation ? stockLocations?[row] ?? "" : nil) { ids.intern($0) }
        }
        let keyCount = ids.count
        partialFirstWeek += repeatElement(0, count: keyCount - partialFirstWeek.count)
        firstUse += repeatElement(never, count: keyCount - firstUse.count)
        lastUse += repeatElement(-never, count: keyCount - lastUse.count)
        yearUse += repeatElement(0, count: keyCount - yearUse.count)

        // Units numbered in the order they first appear in the inventory, with their item
        // master entries and their total stock.
        let master = ItemMaster(items)
        let orderLines = try orders.map(PurchasingJob.orderLines)
        // Lead times and prices from what was known at as-of: a PO dated after it set the unit
        // cost, and receipts after it the lead time, when an earlier week was replanned.
        let purchasing = orderLines.map { PurchasingAnalysis(lines: $0.known(on: asOf.daysSinceEpoch), promisedLeadDays: { master.leadTimeDays($0) }) }
        var purchasingNotes: [[String]] = []
        let onOrder = inventory.numbers("on_order")
        var onOrderGiven: [Bool] = []
        var unitIndex = [Int](repeating: -1, count: keyCount)
        var unitKey: [Int] = [], stock: [StockItem] = [], unitLocations: [[String]] = [], missing: [String] = []
        var missingSeen = Set<String>()
        // Each item's typical price each in the usage, whatever its location: the witness of an
        // item master's cost that is its pack's (`PackPricedCost.witnessPrice`), alike at every
        // location. Gathered only for items whose master gives a pack and a cost, from the
        // lines in the master's unit (or without a unit): a box's price is no each's.
        var usagePrice: [String: Double] = [:]
        if let usageCosts {
            var candidates: [String: [(day: Int32, price: Double)]] = [:]
            for item in stockItems where master.stockItem(item).packSize > 1 && master.stockItem(item).unitCost > 0 { candidates[item] = [] }
            if !candidates.isEmpty {
                var masterUnits: [String: String] = [:]
                for item in candidates.keys { if let unit = master.text("uom", item), !unit.isEmpty { masterUnits[item] = unit.matchKey() } }
                for row in 0..<days.count where usageCosts[row] > 0 && candidates[usageItems[row]] != nil {
                    if let want = masterUnits[usageItems[row]], let unit = usageUnits?[row], !unit.isEmpty, unit.matchKey() != want { continue }
                    candidates[usageItems[row]]?.append((days[row].daysSinceEpoch, usageCosts[row]))
                }
                for (item, prices) in candidates { usagePrice[item] = PackPricedCost.witnessPrice(prices) }
            }
        }
        var packPriced: [String: Double] = [:]
        for row in 0..<stockItems.count {
            let id = rowKey[row], item = stockItems[row]
            if unitIndex[id] < 0 {
                unitIndex[id] = stock.count
                unitKey.append(id)
                var s = master.stockItem(item)
                s.notInItemMaster = !master.has(item)
                var costNotes: [String] = []
                if let price = usagePrice[item], let each = PackPricedCost.unitCost(masterCost: s.unitCost, packSize: s.packSize, usagePrice: price) {
                    costNotes.append("unit cost \(NumberFormat.fixed(each, decimals: 2)): the item master's \(NumberFormat.fixed(s.unitCost, decimals: 2)) is the price of its pack of \(NumberFormat.fixed(s.packSize, decimals: 0)), as the usage prices it \(NumberFormat.fixed(price, decimals: 2)) each")
                    packPriced[item] = s.packSize
                    s.unitCost = each
                }
                purchasingNotes.append(costNotes + (purchasing.map { Self.applyOrders($0, to: &s) } ?? []))
                if s.unitCost == 0 && !master.hasCost(item) {
                    // The item master has no price: the latest price paid in the usage, if any.
                    let cost = lastCost.indices.contains(id) ? lastCost[id] : .nan
                    if cost.isFinite { s.unitCost = cost; s.costFromUsage = true } else { s.missingCost = true }
                }
                stock.append(s)
                onOrderGiven.append(false)
                unitLocations.append([])
                if !master.has(item) && missingSeen.insert(item).inserted { missing.append(item) }
            }
            let k = unitIndex[id]
            stock[k].onHand += onHand[row].isFinite ? onHand[row] : 0
            if let given = onOrder?[row], given.isFinite {
                stock[k].onOrder += given
                onOrderGiven[k] = true
            }
            if let counted = countedOn?[row].known {
                let age = Int(asOf.daysSinceEpoch) - Int(counted)
                stock[k].countAgeDays = max(stock[k].countAgeDays ?? age, age)
            }
            if let location = stockLocations?[row], !location.isEmpty, !unitLocations[k].contains(location) { unitLocations[k].append(location) }
        }
        for k in stock.indices { stock[k].location = unitLocations[k].sorted().joined(separator: " + ") }
        var overdueOrders = [Bool](repeating: false, count: stock.count)
        var openOrderUse = OpenOrderUse()
        if let orderLines {
            let countDays = stock.map { asOf.daysSinceEpoch - Int32($0.countAgeDays ?? 0) }
            openOrderUse = Self.applyOpenOrders(orderLines, to: &stock, countedOn: countDays, givenOnOrder: onOrderGiven,
                                                notes: &purchasingNotes, overdue: &overdueOrders, asOf: asOf, defaultLeadDays: settings.defaultLeadTimeDays)
            // A count before as-of, rolled forward: with the receipts since known from the orders,
            // the use the usage records since is taken off too. Left as counted, 100 on hand a
            // week ago read as 10 days of cover after 70 of them had been used.
            if countDays.contains(where: { $0 < asOf.daysSinceEpoch }) {
                var used = [Double](repeating: 0, count: stock.count)
                let earliest = countDays.min() ?? asOf.daysSinceEpoch
                for row in 0..<days.count {
                    // A period's total counts by its days after the count (`UsageRows`).
                    let (from, through) = rows.covered(days[row])
                    let last = min(through, asOf.daysSinceEpoch)
                    guard last > earliest, from <= last else { continue }
                    keys.withBytes(usageItems[row], byLocation ? usageLocations?[row] : nil) { bytes in
                        let id = ids.intern(bytes)
                        guard id < unitIndex.count, case let k = unitIndex[id], k >= 0 else { return }
                        let daysSince = last - max(from, countDays[k] + 1) + 1
                        guard daysSince > 0 else { return }
                        used[k] += spreads ? quantities[row] / Double(through - from + 1) * Double(daysSince) : quantities[row]
                    }
                }
                for k in stock.indices where countDays[k] < asOf.daysSinceEpoch {
                    stock[k].usedSinceCount = used[k]
                    stock[k].countAgeDays = nil
                    purchasingNotes[k].append("counted \(CalendarDay(daysSinceEpoch: countDays[k])): the \(NumberFormat.fixed(used[k], decimals: 0)) used since, as the usage records, are taken off")
                }
            }
        }

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

        // Each series' demand is forecast far enough to cover its own protection interval (lead
        // time + review, and the days between the usage's end and as-of), weekly and, for
        // items used every day, daily. The horizon shapes the backtest and so the forecast:
        // one horizon for the run's longest interval made an item's forecast change with
        // another item's lead time, and a shard's with the items it held.
        let defaultProtection = settings.defaultLeadTimeDays + settings.defaultReviewPeriodDays
        var protectionByKey: [String: Double] = [:]
        for k in stock.indices {
            protectionByKey[ids.key(unitKey[k])] = (stock[k].leadTimeDays ?? settings.defaultLeadTimeDays) + (stock[k].reviewPeriodDays ?? settings.defaultReviewPeriodDays)
        }
        let protection = protectionByKey
        /// A forecaster for each series of `totals`, by the horizon (`ahead`) its protection
        /// interval needs: one per distinct horizon, made here.
        func forecasters(for totals: PeriodTotals, ahead: @escaping (Double) -> Int,
                         settings: (Int) -> ForecastSettings) -> (Int) -> DemandForecaster {
            var made: [Int: DemandForecaster] = [:]
            for days in Set(protection.values).union([defaultProtection]) where made[ahead(days)] == nil {
                made[ahead(days)] = DemandForecaster(settings: settings(ahead(days)))
            }
            let byHorizon = made
            return { id in byHorizon[ahead(protection[totals.keys.key(id)] ?? defaultProtection)]! }
        }
        let levelsShown = [80.0, 95.0]
        let weeksAhead = { (days: Double) in min(26, max(2, Int(((days + Double(unrecordedDays)) / 7).rounded(.up)) + 1)) }
        let weekly = forecasters(for: totals, ahead: weeksAhead,
                                 settings: { ForecastSettings(horizon: $0, season: 52, levels: levelsShown, backtestOrigins: 3) })
        let forecastStarted = Progress.now()
        // A totals export's months (quarters, years), forecast as such over the weeks each
        // series' interval needs, from the period after the last whole one.
        var byPeriod: [Int: SeriesForecast] = [:]
        let firstForecastMonday = week.firstDay(of: lastFullWeek + 1), firstForecastPeriod = periodTotals.lastPeriod + 1
        if let span = periodSpan, periodTotals.seriesCount > 0 {
            let season = span == .month ? 12 : span == .quarter ? 4 : 1
            let periods = forecasters(for: periodTotals, ahead: { days in
                max(1, span.period(of: firstForecastMonday.adding(days: 7 * weeksAhead(days) - 1)) - firstForecastPeriod + 1)
            }, settings: { ForecastSettings(horizon: $0, season: season, levels: levelsShown, backtestOrigins: 3) })
            try ParallelForecast.each(periodTotals, forecasters: periods, threads: threads,
                                      progress: Progress(label: "reorder: forecast \(span.rawValue)s", total: periodTotals.seriesCount, quiet: true)) { key, _, f in
                var key = key
                byPeriod[key.withUTF8 { ids.intern($0) }] = f
            }
        }
        var estimates = [(forecast: SeriesForecast, history: [Double])?](repeating: nil, count: keyCount)
        var record = historyStage.map { StageRecord(stage: $0, frequency: week, lastPeriod: totals.lastPeriod) }
        try ParallelForecast.each(totals, forecasters: weekly, threads: threads,
                                  progress: Progress(label: "reorder: forecast", total: totals.seriesCount, quiet: quiet)) { key, history, f in
            var key = key
            let id = key.withUTF8 { ids.intern($0) }
            let f = byPeriod[id].map { WeeksOfPeriodForecast.weekly($0, span: periodSpan!, firstPeriod: firstForecastPeriod, firstMonday: firstForecastMonday, weeks: f.mean.count) } ?? f
            record?.add(series: Self.historyName(key), forecast: f, levels: levelsShown, history: history, season: 52)
            estimates[id] = (f, history)
        }

        // Items used nearly every day are forecast day by day from the day after as-of
        // (IntervalDemand.RecentWeeks.isUsedDaily), from their last `dailyHistoryDays` of use.
        var daily = [(forecast: SeriesForecast, history: [Double])?](repeating: nil, count: keyCount)
        var isDaily = [Bool](repeating: false, count: keyCount)
        // Not items of a totals export: their days are a period's total spread evenly, with no
        // daily pattern or level of their own to learn, and 1,095 days each of a monthly file's
        // 100k items would be a grid of 900 MB.
        // The recent days end with the last whole week, not with the usage.
        let recentEnd = week.firstDay(of: lastFullWeek + 1).daysSinceEpoch - 1
        for id in recent.indices where !spreads {
            // An item first used under 8 weeks ago is judged on its days since, within the
            // recent days (counted to the usage's end, an export ending on a Saturday held every
            // new item's 6 days before its first use and none was planned by the day).
            let since = firstUse[id] == never ? 0 : max(0, Int(recentEnd - firstUse[id]) + 1)
            if IntervalDemand.RecentWeeks(days: recent[id]).isUsedDaily(overLast: min(56, since)) { isDaily[id] = true }
        }
        // New items used on most days since they began under two weeks ago: by day too, from
        // their first use to the usage's end, part weeks included. Not a totals export's items
        // used through a whole week of the weekly history, whose days are a period's total
        // spread evenly: by the week, as the export's other items (a weekly export's item new in
        // its last week was forecast from seven equal days, by day). One first used after the
        // last whole week began has no whole week of use to forecast from and keeps its days:
        // February's 80 from Sunday the 1st, read through a count of Wednesday the 4th, held
        // one day of use in its only whole week and was forecast at 8.57 for 3 days against 60.
        let lastFullMonday = week.firstDay(of: lastFullWeek).daysSinceEpoch
        var newByDay = [Bool](repeating: false, count: keyCount)
        for id in lastTwoWeeks.indices where firstUse[id] != never && (!spreads || firstUse[id] > lastFullMonday) {
            let historyDays = Int(usageEnd.daysSinceEpoch - firstUse[id]) + 1
            if PartialFirstWeek.plansByDay(historyDays: historyDays, daysUsed: lastTwoWeeks[id].nonzeroBitCount) { isDaily[id] = true; newByDay[id] = true }
        }
        if isDaily.contains(true) {
            var dailyTotals = PeriodTotals(frequency: .day)
            let from = usageEnd.adding(days: 1 - Self.dailyHistoryDays)
            for row in 0..<days.count {
                let (first, through) = rows.covered(days[row])
                let last = min(through, endDay), start = max(first, from.daysSinceEpoch)
                guard start <= last else { continue }
                // Returns are left out, as they are of the weekly history (`ReturnedStock`).
                guard !ReturnedStock.isReturn(used[row]) else { continue }
                keys.withBytes(usageItems[row], byLocation ? usageLocations?[row] : nil) { bytes in
                    guard isDaily[ids.intern(bytes)] else { return }
                    guard spreads else { dailyTotals.add(key: bytes, day: days[row], value: used[row]); return }
                    let perDay = used[row] / Double(through - first + 1)
                    for day in start...last { dailyTotals.add(key: bytes, day: CalendarDay(daysSinceEpoch: day), value: perDay) }
                }
            }
            dailyTotals.cover(usageEnd)
            let byDay = forecasters(for: dailyTotals, ahead: { days in max(1, Int(days.rounded(.up)) + unrecordedDays) },
                                    settings: { ForecastSettings(horizon: $0, season: 7, levels: levelsShown, backtestOrigins: 3, longCycle: Frequency.day.longCycle) })
            try ParallelForecast.each(dailyTotals, forecasters: byDay, threads: threads,
                                      progress: Progress(label: "reorder: daily forecast", total: dailyTotals.seriesCount, quiet: quiet)) { key, history, f in
                var key = key
                daily[key.withUTF8 { ids.intern($0) }] = (f, history)
            }
        }

        let planningStarted = Progress.now()
        let forecastSeconds = planningStarted - forecastStarted
        let planner = ReorderPlanner(settings: settings)
        func demand(_ k: Int) -> DemandEstimate {
            let id = unitKey[k], s = stock[k]
            let historyDays = firstUse[id] == never ? 0 : Int(usageEnd.daysSinceEpoch) - Int(firstUse[id]) + 1
            let sinceLastUse = lastUse[id] == -never ? nil : Int(usageEnd.daysSinceEpoch) - Int(lastUse[id])
            if let d = daily[id] {
                return DemandEstimate(daily: d.forecast.dropping(first: unrecordedDays), history: d.history, protectionDays: planner.protectionDays(s),
                                      leadDays: s.leadTimeDays ?? settings.defaultLeadTimeDays, historyDays: historyDays, daysSinceLastUse: sinceLastUse)
            }
            guard let e = estimates[id] else {
                return DemandEstimate(dailyMean: 0, dailyStandardDeviation: 0, demandClass: .zero, historyDays: historyDays, daysSinceLastUse: sinceLastUse)
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
        let planned = ParallelMap.map(stock.count, threads: threads) { k -> (demand: DemandEstimate, stockoutLevel: Double?) in
            var estimate = demand(k)
            guard let history = estimates[unitKey[k]]?.history else { return (estimate, nil) }
            // The dead-item rule counts uses: weeks with use in the weekly history (`UseOccasions`).
            estimate.useOccasionsPerDay = UseOccasions.dailyRate(weeklyHistory: history)
            // Use that stopped on an empty shelf: planned at the level before (`StockoutSilence`).
            if let earlier = StockoutSilence.earlierDailyUse(weeklyHistory: history),
               let censored = StockoutSilence.plannedDemand(estimate, shelf: stock[k].coverOnHandAtAsOf, earlier: earlier) {
                return (censored, earlier.mean)
            }
            return (estimate, nil)
        }
        let demands = planned.map(\.demand)
        var levels = ParallelMap.map(stock.count, threads: threads) { k in planner.levels(stock[k], demand: demands[k], abc: abc[k]) }
        if settings.allocateByClass && settings.policy == .periodicReview && settings.serviceMeasure == .fillRate {
            FillRateAllocation().allocateByClass(&levels, items: stock, demands: demands, abc: abc)
        }
        for k in stock.indices {
            levels[k].notes += purchasingNotes[k]
            if let level = planned[k].stockoutLevel, let since = demands[k].daysSinceLastUse {
                levels[k].notes.append(StockoutSilence.note(daysSinceLastUse: since, earlierDailyUse: level))
            }
            if overdueOrders[k] { levels[k].flags.append("overdue_order") }
        }
        for k in stock.indices where unitKey[k] < unitsSeen.count {
            let seen = unitsSeen[unitKey[k]], masterUnit = master.text("uom", stock[k].item).flatMap { $0.isEmpty ? nil : $0 }
            let differs = masterUnit.map { unit in seen.contains { $0.matchKey() != unit.matchKey() } } ?? false
            guard seen.count > 1 || differs else { continue }
            levels[k].flags.append("uom_mismatch")
            levels[k].notes.append("usage in \(seen.joined(separator: " and "))\(masterUnit.map { ", item master in \($0)" } ?? ""): quantities summed as written, without conversion; convert the usage to one unit")
        }
        // An open line left out for its unit is on order all the same: said on the line, as
        // the buyer checks it before ordering the item again.
        for k in stock.indices where units?.leftOutItems.contains(stock[k].item) == true {
            if !levels[k].flags.contains("uom_mismatch") { levels[k].flags.append("uom_mismatch") }
            levels[k].notes.append("PO lines of this item in a unit not known to be its own or its pack are not counted as on order or as its price (see the run's notes): check them before ordering")
        }
        for k in stock.indices where partialFirstWeek[unitKey[k]] > 0 && daily[unitKey[k]] == nil {
            let covered = partialFirstWeek[unitKey[k]]
            levels[k].notes.append("first used \(CalendarDay(daysSinceEpoch: firstUse[unitKey[k]])), \(covered) day\(covered == 1 ? "" : "s") before its week ended: that week counted as a whole week at the same daily use")
        }
        for k in stock.indices where daily[unitKey[k]] != nil {
            let id = unitKey[k]
            levels[k].notes.append(newByDay[id]
                ? "first used \(CalendarDay(daysSinceEpoch: firstUse[id])): planned at its daily use since, part weeks included"
                : "used nearly every day: demand forecast day by day")
        }
        var unplacedLots: [String] = [], unmatchedLotPlaces: [String] = []
        if let lots {
            // Planned by item, lots at the locations the usage names are used at their
            // location's share of the item's demand, as `purchasing` uses them (`LotUseRates`).
            var usedAt: (rates: LotUseRates, historic: [String: Double])?
            if !byLocation && usageLocations != nil {
                let window = PurchasingJob().useWindowDays
                usedAt = (PurchasingJob.lotUseRates(usage, asOf: asOf, windowDays: window),
                          try PurchasingJob.dailyUse(usage, asOf: asOf, windowDays: window).perItem)
            }
            (unplacedLots, unmatchedLotPlaces) = try Self.applyLots(lots, to: &stock, demands: demands, levels: &levels, asOf: asOf, byLocation: byLocation, usedAt: usedAt)
        }
        // Open lines that name no location, at the locations needing them, positions known.
        Self.placeOpenOrders(openOrderUse, to: &stock, levels: &levels)
        for k in stock.indices where !byLocation && unitLocations[k].count > 1 {
            levels[k].notes.append("stock of \(unitLocations[k].count) locations planned together on the item's total demand (the usage names no location)")
        }

        // Lines go out by vendor, item and location in byte order. Ranking once and sorting
        // integers is far cheaper than comparing Strings (Unicode-aware) per pair.
        var keyRank = [Int](repeating: 0, count: keyCount)
        for (rank, id) in ids.idsSortedByKey().enumerated() { keyRank[id] = rank }
        let vendorRanks = Dictionary(uniqueKeysWithValues: Set(stock.lazy.map(\.vendor)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.enumerated().map { ($1, $0) })
        let order = stock.indices.map { k in (vendorRanks[stock[k].vendor] ?? 0, keyRank[unitKey[k]], k) }.sorted { $0 < $1 }.map(\.2)

        // An item's locations share its vendor's minimum order (one purchase order serves them all).
        let sharing = byLocation && SharedMinimumOrder.prepare(&stock)
        // One line per unit, planned in parallel.
        var lines = ParallelMap.map(order.count, threads: threads) { position -> ReorderLine in
            let k = order[position]
            return planner.plan(stock[k], demand: demands[k], abc: abc[k], levels: levels[k])
        }
        if sharing {
            // Lines by stock index for the shared minimum, then back in the list's order.
            var byStock = [ReorderLine](repeating: lines[0], count: stock.count)
            for (p, k) in order.enumerated() { byStock[k] = lines[p] }
            SharedMinimumOrder.apply(to: &stock, lines: &byStock) { k, s in planner.plan(s, demand: demands[k], abc: abc[k], levels: levels[k]) }
            lines = order.map { byStock[$0] }
        }
        var plan = Plan(lines: lines, asOf: asOf, itemsWithoutMaster: missing)
        plan.byLocation = byLocation
        plan.lotsWithoutStockRow = unplacedLots
        plan.lotLocationsUnmatched = unmatchedLotPlaces
        if unrecordedDays > 0 { plan.usageEnd = usageEnd }
        plan.usageReadAsTotals = rows.note(asOf: asOf, asOfGiven: self.asOf != nil)
        record?.addActuals(totals, name: Self.historyName)
        plan.history = record
        // A discontinued item without stock is not one to count: the buyer was told to add its
        // stock to the snapshot (a canister replaced by its successor).
        var stockPlaces: [String: [String]] = [:]
        if byLocation { for k in stock.indices { stockPlaces[stock[k].item, default: []] += unitLocations[k] } }
        plan.usedWithoutStock = (0..<keyItem.count).filter { unitIndex[$0] < 0 && yearUse[$0] > 0 && !master.isDiscontinued(keyItem[$0]) }
            .sorted { keyRank[$0] < keyRank[$1] }
            .map { (id: Int) -> String in
                let parts: [String] = CompositeKey.parts(of: ids.key(id), maxSplits: 1).map { String($0) }
                // Usage with no location of an item stocked at several is named as such.
                if parts.count > 1 && parts[1].isEmpty { return "\(parts[0]) with no location" }
                // The inventory's likely spelling of the place, as lots are told: the usage's `ICU`
                // beside the inventory's `6010 ICU` left the stock dead and the use unplanned, named
                // without a hint of the row it meant.
                let named: String = parts.filter { !$0.isEmpty }.joined(separator: " at ")
                guard parts.count > 1, let held = stockPlaces[parts[0]],
                      let likely = ClosestName.closest(to: parts[1], among: held) else { return named }
                return named + " (the inventory's \(likely)?)"
            }
        plan.blankLocationsPlaced = (blankPlaced.rows, blankPlaced.items.sorted())
        plan.locationsMatched = locationsMatched
        plan.itemCodesMatched = codes.renamed
        plan.unreadLookalikes = [("item master", items), ("inventory", inventory), ("usage", usage)].compactMap { file, table in
            table.unreadLookalikes.isEmpty ? nil : "the \(file)'s " + table.unreadLookalikes.joined(separator: ", ")
        }
        plan.packPricedCosts = packPriced.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\($0) (pack of \(NumberFormat.fixed(packPriced[$0] ?? 1, decimals: 0)))" }
        // The master's `Replaced By` was read by no one: a successor's short history is all it is
        // planned on, and the buyer is told so (demand is not moved from the replaced item).
        if let successors = items.texts("replaced_by"), let itemCodes = items.texts("item") {
            var firstByItem: [String: Int32] = [:]
            for id in keyItem.indices where firstUse[id] != never { firstByItem[keyItem[id]] = min(firstByItem[keyItem[id]] ?? never, firstUse[id]) }
            let stocked = Set(stock.map(\.item))
            plan.replacements = ItemReplacement.read(items: itemCodes, successors: successors, masterCode: codes.masterCode).map { replaced in
                let code = replaced.successor
                if !master.has(code) {
                    // A shard's item master holds its own items only: another shard's, or none.
                    return replaced.described(planned: usage.unshardedDays != nil ? "\(code) is not planned in this shard" : "\(code) is not in the item master, so it is not planned")
                }
                if !stocked.contains(code) { return replaced.described(planned: "\(code) is not planned: no inventory row") }
                guard let first = firstByItem[code] else { return replaced.described(planned: "no use of its own yet") }
                return replaced.described(planned: "planned on its own \(NumberFormat.count(Int(usageEnd.daysSinceEpoch) - Int(first) + 1, "day"))")
            }
        }
        plan.unitNotes = units?.notes ?? []
        plan.orderLineNotes = orderLines.map { PurchasingJob.orderLineNotes($0, counted: "units received since a count on the shelf, lead time") } ?? []
        plan.openOrders = openOrderUse
        plan.forecastSeconds = forecastSeconds
        plan.planningSeconds = Progress.now() - planningStarted

        // For the report: the top units by spend as fan charts, and the vendors' price increases.
        let bySpend = stock.indices.filter { estimates[unitKey[$0]] != nil && !stock[$0].discontinued }
            .sorted { (yearUse[unitKey[$0]] * stock[$0].unitCost, unitKey[$1]) > (yearUse[unitKey[$1]] * stock[$1].unitCost, unitKey[$0]) }
        // An item planned day by day shows the daily forecast the list used, summed by week
        // (`WeeksOfDailyForecast`): the weekly model's, drawn as "the forecast behind this list",
        // was 829.4 a week for an item the list planned at 910.1.
        let bookedDays = Int(usageEnd.daysSinceEpoch - week.firstDay(of: lastFullWeek + 1).daysSinceEpoch) + 1
        plan.outlooks = bySpend.prefix(Self.outlookCount).compactMap { k in
            estimates[unitKey[k]].map { e in
                var name = stock[k].description.isEmpty ? stock[k].item : "\(stock[k].item) \(stock[k].description)"
                if byLocation && !stock[k].location.isEmpty { name += " at \(stock[k].location)" }
                let byDay = daily[unitKey[k]].map { d in WeeksOfDailyForecast.weekly(d.forecast, booked: Array(d.history.suffix(bookedDays))) }
                var outlook = SeriesOutlook(name: name, frequency: week, history: e.history, last: totals.lastPeriod, forecast: byDay ?? e.forecast,
                                            levels: levelsShown, keep: 52)
                if byDay != nil { outlook.bookedDaysOfFirstWeek = bookedDays }
                return outlook
            }
        }
        var itemYearUse: [String: Double] = [:]
        for id in 0..<keyItem.count { itemYearUse[keyItem[id], default: 0] += yearUse[id] }
        plan.priceIncreases = VendorPriceIncrease.byVendor(priced: stock.map { ($0.item, $0.vendor, $0.unitCost) },
                                                           prior: { item in master.number("prior_unit_cost", item).map { $0 / (packPriced[item] ?? 1) } },
                                                           yearUse: itemYearUse)
        if let weeks = simulateWeeks, weeks > 0 {
            (plan.simulation, plan.simulationByDemandClass, plan.simulationMasterParShared) = try simulate(weeks: weeks, asOf: asOf, usage: usage, rows: rows, items: items, inventory: inventory,
                                                                           orders: orders, master: master, locations: byLocation ? usageLocations : nil)
        }
        return plan
    }
}
