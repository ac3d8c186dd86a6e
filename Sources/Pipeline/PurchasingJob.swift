import Planning
import Reports
import Tabular

/// Purchasing analytics: the vendor scorecard, contract price variance, observed lead times
/// and price trends from purchase order lines, and the expiry risk of stock held by lot.
///
/// Shared by `quartermaster purchasing` and the `purchasing` pipeline stage; the math lives
/// in Planning's Purchasing folder, this wires tables to it and writes the outputs.
public struct PurchasingJob: Sendable {
    public var settings = PurchasingAnalysis.Settings()
    /// The day lots are planned from; nil = the last day of the usage.
    public var asOf: CalendarDay?
    /// Days of usage, back from as-of, whose average is an item's daily use.
    public var useWindowDays = 91

    public init() {}

    public struct Result: Sendable {
        public var analysis: PurchasingAnalysis
        /// The orders give the PO's line numbers (`po_line`).
        public var hasLineNumbers = false
        /// How the usage's rows were read when they are period totals, for the notes.
        public var usageReadAsTotals: String?
        /// Empty without lots.
        public var expiry: [LotExpiry.Risk] = []
        /// Items the usage shows in use anywhere, to tell a lot where its item is not used from
        /// an item the usage never names (a code written otherwise).
        public var itemsInUse = Set<String>()
        public var asOf: CalendarDay?
        public var hasContracts = false
        /// Contract rows left out because their unit could not be read in their item's
        /// (`PurchaseUnitConversion`): with all of them out, "no contract prices" and "No item
        /// was bought above its contract price" hid $60 paid above a contract given per case.
        public var contractsLeftOutByUnit = 0
        public var hasLots = false
        /// Lines the export gave once per receipt (merged into one line each), and the first
        /// few as `PO1: A from V1`.
        public var splitLines = 0
        public var splitLineExamples: [String] = []
        /// Item codes read as the item master's (`orders 123 -> 000123`), and ordered items the
        /// master lacks, judged on time against the default lead time.
        public var itemCodesMatched: [String] = []
        /// Order lines and contracts read in their items' units, or left out (`PurchaseUnitConversion`).
        public var unitNotes: [String] = []
        public var itemsWithoutMaster: [String] = []
        /// Vendor spellings the orders merged (`PurchaseOrderLines.mergedVendorSpellings`).
        public var mergedVendorSpellings: [String: String] = [:]
        /// Order rows left out as cancelled, and their statuses.
        public var cancelledRows = 0
        public var cancelledStatuses: Set<String> = []
        /// How lines were read from their statuses and reversals (`orderLineNotes`).
        public var orderLineNotes: [String] = []
        /// The order dates far beyond the rest of the export (`ExportLastDay`), the first few as
        /// `orders.csv line 9, order_date 2062-03-31`, and how many rows there are.
        public var datesBeyond: [String] = []
        public var rowsBeyond = 0
        /// The usage's last day when a given as-of is after it (`DailyUse.usageEnd`).
        public var usageEnd: CalendarDay?
        public var expectedWaste: Double { expiry.reduce(0) { $0 + $1.expectedWaste } }
        public var wasteValue: Double { expiry.reduce(0) { $0 + ($1.wasteValue.isFinite ? $1.wasteValue : 0) } }
    }

    public func run(orders: Table, contracts: Table? = nil, items: Table? = nil, lots: Table? = nil, usage: Table? = nil) throws -> Result {
        // Item codes that differ from the item master's only in leading zeros or case are the master's
        // (`ItemCodeMatch`); before, an order for 123 was judged on time against the 7-day
        // default while the master promised 000123 in 2.
        var (orders, contracts, lots, usage) = (orders, contracts, lots, usage)
        var codes = ItemCodeMatch(master: items?.texts("item") ?? [])
        try codes.apply(to: &orders, "orders", oneRowPerReceipt: InputSchema.orderReceipt)
        try codes.apply(to: &contracts, "contracts")
        try codes.apply(to: &lots, "lots", oneRowPer: ["lot", "location"])
        try codes.apply(to: &usage, "usage")
        // Lines and contract prices in their items' units: a box price against a contract
        // per box and lines in eaches gave a saving 56 times the spend.
        var units = PurchaseUnitConversion(orders: orders, contracts: contracts, items: items)
        orders = units?.orders(orders, keepingUnread: true) ?? orders
        contracts = contracts.map { units?.contracts($0) ?? $0 }
        var lines = try Self.orderLines(orders)
        // One vendor named as the contracts, else the item master, spell it (`VendorNameKey`).
        lines.spellVendors(as: (contracts?.texts("vendor") ?? []) + (items?.texts("vendor") ?? []))
        var book = ContractBook()
        if let contracts {
            guard let item = contracts.texts("item"), let vendor = contracts.texts("vendor"), let price = contracts.numbers("contract_price") else {
                throw PipelineError(location: nil, "purchasing: the contracts table needs item, vendor and contract_price columns")
            }
            let start = contracts.dayNumbers("start"), end = contracts.dayNumbers("end")
            for row in item.indices {
                book.add(item: item[row], vendor: vendor[row], ContractBook.Contract(price: price[row], start: start?[row].known, end: end?[row].known))
            }
        }
        let master = items.map(ItemMaster.init)
        let analysis = PurchasingAnalysis(lines: lines, contracts: book, promisedLeadDays: { master?.leadTimeDays($0) }, settings: settings)
        var result = Result(analysis: analysis, hasContracts: contracts != nil)
        result.itemCodesMatched = codes.renamed
        result.unitNotes = units?.notes ?? []
        result.contractsLeftOutByUnit = units?.contractsLeftOut ?? 0
        if let master {
            // Items with lines: a charge code (FREIGHT) has none and needs no master row.
            result.itemsWithoutMaster = Set(lines.item).map { lines.itemNames[Int($0)] }.filter { !master.has($0) }.sorted()
        }
        result.splitLines = lines.splitLines.count
        if let from = analysis.exportLastDay.beyondFrom { (result.datesBeyond, result.rowsBeyond) = Self.datesOnOrAfter(from, in: orders) }
        result.hasLineNumbers = orders.texts("po_line") != nil
        result.mergedVendorSpellings = lines.mergedVendorSpellings
        result.cancelledRows = lines.cancelledRows
        result.cancelledStatuses = lines.cancelledStatuses
        result.orderLineNotes = Self.orderLineNotes(lines, counted: "spend, fill rate against the ordered quantity, on time and lead time")
        result.splitLineExamples = lines.splitLines.prefix(Self.namedInNotes).map { k in
            "\(lines.poNames[Int(lines.po[k])]): \(lines.itemNames[Int(lines.item[k])]) from \(lines.vendorNames[Int(lines.vendor[k])])"
        }
        if let lots {
            guard let usage else { throw PipelineError(location: nil, "purchasing: lots need the usage, to know how fast each item is used") }
            result.hasLots = true
            let use = try Self.dailyUse(usage, asOf: asOf, windowDays: useWindowDays)
            let asOf = use.asOf, dailyUse = use.perItem
            result.asOf = asOf
            result.usageEnd = use.usageEnd
            // Rows read as period totals move as-of to the last period's end: said, since a file
            // of one weekday a week read as weekly totals without a word (a buyer's review).
            // Without an inventory, the day a totals export was pulled is not known: its last
            // period is read whole, said, unless a given as-of inside it ends it, as `reorder`
            // reads it (`PartialLastPeriod`). Read whole, a December pulled on the 3rd dated
            // the lots 31 December and called 2 expired before use where reorder saw none.
            if use.rowSpan != .day {
                let period = use.rowSpan.rawValue
                let label = use.rowSpan.label(use.rowSpan.period(of: asOf))
                // Rows every other week are two weeks' totals (`RowDays.weeksPerRow`).
                var text = use.rowWeeks == 2
                    ? "the usage's dates look like two-week totals (\(use.rowSpanShape)), so each row is spread over its ISO week and the week before"
                    : "the usage's dates look like \(period)ly totals (\(use.rowSpanShape)), so each row is spread over its \(period)"
                if let pulled = use.lastPeriodPulledOn {
                    text += ", the last \(period), \(label), read through as-of, \(pulled) (its total is the use of \(PartialLastPeriod.held(use.rowSpan, through: pulled)))"
                } else if self.asOf == nil {
                    text += " and as-of is \(asOf), the last \(period)'s end (\(label) read as complete: purchasing has no inventory count to date the export;"
                        + " --as-of, or as_of:, reads the last \(period) through the day it was pulled, as reorder reads it through the inventory's snapshot date)"
                }
                result.usageReadAsTotals = text + "; if they are single days, export the days between too"
            }
            let listed = try Self.lots(lots)
            // Lots at a location the usage names are used at that location's rate: at the whole
            // item's rate (1,300 a day over all storerooms), an ICU lot of 1,000 used 40 a day
            // read as used in time, where reorder, by location, saw 605 expire.
            let usedAt = Self.lotUseRates(usage, asOf: asOf, windowDays: useWindowDays)
            let rates = usedAt.rates(of: listed) { dailyUse[$0] ?? 0 }
            let stock = usedAt.stock(of:), rate = { (key: String) -> Double in rates[key] ?? 0 }
            result.itemsInUse = Set(dailyUse.filter { $0.value > 0 }.keys)
            let paid = lines.latestPrices(through: asOf.daysSinceEpoch)
            result.expiry = LotExpiry.plan(listed, asOf: asOf.daysSinceEpoch, stock: stock, dailyUse: rate,
                                           unitCost: { paid[$0] ?? master?.number("unit_cost", $0) })
        }
        return result
    }

    /// What was read of the lines beyond their receipts, in sentences for purchasing's and
    /// reorder's notes (`counted` names what a received unit counts in): cancelled lines with
    /// receipts read as closed short, statuses that stood in for receipts or could not, and
    /// receipt reversals netted. Each once changed the figures without a word.
    static func orderLineNotes(_ o: PurchaseOrderLines, counted: String) -> [String] {
        func named(_ lines: [Int], _ detail: (Int) -> String = { _ in "" }) -> String {
            firstFew(lines.map { k in
                let po = o.poNames[Int(o.po[k])]
                return (po.isEmpty ? "" : po + ": ") + "\(o.itemNames[Int(o.item[k])]) from \(o.vendorNames[Int(o.vendor[k])])" + detail(k)
            })
        }
        func whole(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 0) }
        func count(_ n: Int) -> String { n == 1 ? "1 order line" : "\(n) order lines" }
        var notes: [String] = []
        let cancelled = o.cancelledWithReceipts
        if !cancelled.isEmpty {
            notes.append("\(count(cancelled.count)) with a cancelled status carried receipts (\(named(cancelled) { " received \(whole(o.received($0))) of \(whole(o.quantity[$0]))" })): read as closed short, "
                         + "what was received counted (\(counted)), the cancelled balance not on order")
        }
        let byStatus = o.receivedByStatus
        if !byStatus.isEmpty {
            // `Closed` stands in only where the export has no receipt columns: say so.
            let closed = o.receivedStatuses.contains { PurchaseOrderLines.saysClosedWhole($0) }
            notes.append("\(count(byStatus.count)) whose status says received\(closed ? " or closed (\(o.receivedStatuses.sorted().map { "'\($0)'" }.joined(separator: ", ")); the export has no receipt columns, so nothing says a closed line received nothing)" : "") had no receipt quantity or date (\(named(byStatus))): counted as received in full at the ordered quantity, "
                         + "with no lead time or on time (no receipt date); export the receipt date and quantity (receipt_date, received_quantity) to measure them")
        }
        let partly = o.partlyReceivedUnknown
        if !partly.isEmpty {
            notes.append("\(count(partly.count)) whose status says partly received had no receipt quantity (\(named(partly) { " ordered \(whole(o.quantity[$0]))" })): how much is still to come is not known, "
                         + "so none of it is counted on order and the line is left out of fill rates as open; export the received quantity (received_quantity) to count the balance")
        }
        let reversed = o.reversedLines
        if !reversed.isEmpty {
            notes.append("\(o.reversalRows == 1 ? "1 negative receipt (a reversal or a return)" : "\(o.reversalRows) negative receipts (reversals or returns)") netted against \(o.reversalRows == 1 ? "its PO line's" : "their PO lines'") receipts ("
                         + named(reversed) { k in ": " + o.receipts(k).enumerated().map { $0.offset == 0 ? whole($0.element.units) : ($0.element.units < 0 ? " - " : " + ") + whole(abs($0.element.units)) }.joined() + " = \(whole(o.received(k)))" }
                         + "): the units that went back are not counted as received")
        }
        let moved = o.reversalsBeforeReceipt
        if !moved.isEmpty {
            notes.append("\(moved.count == 1 ? "1 negative receipt is" : "\(moved.count) negative receipts are") dated before the receipt \(moved.count == 1 ? "it reverses" : "they reverse") ("
                         + firstFew(moved.map { m in
                             let po = o.poNames[Int(o.po[m.line])]
                             return (po.isEmpty ? "" : po + ": ") + "\(o.itemNames[Int(o.item[m.line])]) dated \(CalendarDay(daysSinceEpoch: m.day)), received \(CalendarDay(daysSinceEpoch: m.movedTo))"
                         })
                         + "): taken back on the day of that receipt, as units cannot go back before they came; check the reversal's date")
        }
        let returns = o.returns
        if !returns.isEmpty {
            notes.append("\(returns.count == 1 ? "1 order line with a negative ordered quantity" : "\(returns.count) order lines with a negative ordered quantity") read as \(returns.count == 1 ? "a return" : "returns") to the vendor ("
                         + firstFew(returns.map { r in (r.po.isEmpty ? "" : r.po + ": ") + "\(r.item) to \(o.vendorNames[Int(r.vendor)]), \(whole(r.units)) on \(CalendarDay(daysSinceEpoch: r.day))" })
                         + "): not orders (no fill rate, on time or lead time); the units off the shelf on that day (after a count, taken off it) and their value a credit off the vendor's spend")
        }
        let charges = o.charges
        if !charges.isEmpty {
            let inSpend = counted.hasPrefix("spend")
            notes.append("\(charges.count == 1 ? "1 order line is a charge" : "\(charges.count) order lines are charges") (freight, tax, handling or a surcharge: an item code such as FREIGHT or TAX, or a blank item whose description says so; "
                         + firstFew(charges.map { c in (c.po.isEmpty ? "" : c.po + ": ") + "\(c.label) from \(o.vendorNames[Int(c.vendor)])" + (c.amount.isFinite ? " \(NumberFormat.fixed(c.amount, decimals: 2))" : ", no price") })
                         + "): not purchases of an item, so left out of "
                         + (inSpend ? "line counts, fill rates, on time, lead times, price variance and off-contract spend; counted in their vendors' spend as charges" : "lead times and on order"))
        }
        return notes
    }

    /// The order lines of an imported orders table.
    static func orderLines(_ orders: Table) throws -> PurchaseOrderLines {
        guard let item = orders.texts("item"), let vendor = orders.texts("vendor"), let ordered = orders.dayNumbers("order_date"),
              let quantity = orders.numbers("quantity") else {
            throw PipelineError(location: nil, "purchasing: the orders table needs item, vendor, order_date and quantity columns")
        }
        return PurchaseOrderLines(item: item, vendor: vendor, orderDay: ordered, quantity: quantity,
                                  unitPrice: orders.numbers("unit_price"), receiptDay: orders.dayNumbers("receipt_date"),
                                  receivedQuantity: orders.numbers("received_quantity"), contractPrice: orders.numbers("contract_price"),
                                  po: orders.texts("po"), poLine: orders.texts("po_line"), status: orders.texts("status"),
                                  description: orders.texts("description"),
                                  unitNotRead: orders.numbers(PurchaseUnitConversion.unreadColumn)?.map { $0 == 1 })
    }

    /// The rows of an orders table with an order or receipt date on or after `day`: the first
    /// few named by file, line and column, so the typo can be found, and how many rows.
    static func datesOnOrAfter(_ day: Int32, in orders: Table) -> (named: [String], rows: Int) {
        var named: [String] = [], rows = 0
        let file = orders.sourceFile ?? "orders"
        let columns = ["order_date", "receipt_date"].compactMap { role in orders.dayNumbers(role).map { (role, $0) } }
        for row in 0..<orders.rowCount {
            let late = columns.filter { $0.1[row] != PurchaseOrderLines.noDay && $0.1[row] >= day }
            guard !late.isEmpty else { continue }
            rows += 1
            guard named.count < namedInNotes else { continue }
            let line = orders.sourceLines.flatMap { $0.count == orders.rowCount ? " line \($0[row])" : nil } ?? " row \(row + 1)"
            named.append(file + line + ", " + late.map { role, days in
                "\(orders.sourceHeaders.first { $0.role == role }?.header ?? role) \(CalendarDay(daysSinceEpoch: days[row]))"
            }.joined(separator: ", "))
        }
        return (named, rows)
    }

    static func lots(_ table: Table) throws -> [LotExpiry.Lot] {
        guard let item = table.texts("item"), let lot = table.texts("lot"), let expiry = table.dayNumbers("expiry_date"),
              let quantity = table.numbers("quantity") else {
            throw PipelineError(location: nil, "purchasing: the lots table needs item, lot, expiry_date and quantity columns")
        }
        let location = table.texts("location")
        return item.indices.map { LotExpiry.Lot(item: item[$0], lot: lot[$0], expiryDay: expiry[$0], quantity: quantity[$0], location: location?[$0] ?? "") }
    }

    /// Each item's average daily use over the last `windowDays` days to as-of (`DailyUse`),
    /// and the as-of day (the last day the usage covers by default).
    public static func dailyUse(_ usage: Table, asOf: CalendarDay?, windowDays: Int) throws -> DailyUse {
        guard let days = usage.days("date"), let items = usage.texts("item"), let quantity = usage.numbers("quantity") else {
            throw PipelineError(location: nil, "purchasing: the usage table needs date, item and quantity columns")
        }
        guard let use = DailyUse(days: days, items: items, quantity: quantity, asOf: asOf, windowDays: windowDays) else {
            throw PipelineError(location: nil, "purchasing: the usage table is empty")
        }
        return use
    }

    /// Each item's daily use at each location the usage names (`LotUseRates`), over the
    /// window `DailyUse` averages; no locations when the usage names none.
    static func lotUseRates(_ usage: Table, asOf: CalendarDay, windowDays: Int) -> LotUseRates {
        guard let places = usage.texts("location"), places.contains(where: { !$0.isEmpty }),
              let days = usage.days("date"), let items = usage.texts("item"), let quantity = usage.numbers("quantity") else { return LotUseRates(locations: [], perPlace: [:]) }
        var folded = KeyCache()
        let keys = zip(items, places).map { item, place in CompositeKey.joined(item, folded.key(place)) }
        let use = DailyUse(days: days, items: keys, quantity: quantity, asOf: asOf, windowDays: windowDays)
        var perPlace: [String: [String: Double]] = [:]
        for (key, rate) in use?.perItem ?? [:] {
            let parts = CompositeKey.parts(of: key, maxSplits: 1)
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            perPlace[String(parts[0]), default: [:]][String(parts[1])] = rate
        }
        return LotUseRates(locations: folded.keys.subtracting([""]), perPlace: perPlace)
    }

    // MARK: - Tables (DESIGN.md's columns)

    static func rounded(_ x: Double, _ decimals: Int) -> Double { x.isFinite ? NumberFormat.rounded(x, decimals: decimals) : .nan }

    public static func scorecardTable(_ r: Result) -> Table {
        let v = r.analysis.vendors
        return Table([("vendor", .text(v.map(\.vendor))), ("lines", .number(v.map { Double($0.lines) })),
                      ("spend", .number(v.map { rounded($0.spend, 2) })), ("fill_rate", .number(v.map { rounded($0.fillRate, 4) })),
                      ("on_time_rate", .number(v.map { rounded($0.onTimeRate, 4) })),
                      ("lead_time_mean_days", .number(v.map { $0.leadTime.count > 0 ? rounded($0.leadTime.mean, 2) : .nan })),
                      ("lead_time_sd_days", .number(v.map { $0.leadTime.count > 1 ? rounded($0.leadTime.standardDeviation, 2) : .nan })),
                      ("price_variance", .number(v.map { r.analysis.hasContractPrices ? rounded($0.priceVariance, 2) : .nan })),
                      // Blank without contract prices: no spend is known to be off contract.
                      ("off_contract_spend", .number(v.map { r.analysis.hasContractPrices ? rounded($0.offContractSpend, 2) : .nan }))])
    }

    public static func priceVarianceTable(_ r: Result) -> Table {
        let p = r.analysis.priceVariances
        return Table([("item", .text(p.map(\.item))), ("vendor", .text(p.map(\.vendor))), ("quantity", .number(p.map(\.quantity))),
                      ("paid_unit_price", .number(p.map { rounded($0.paidUnitPrice, 4) })),
                      ("contract_unit_price", .number(p.map { rounded($0.contractUnitPrice, 4) })),
                      ("price_variance", .number(p.map { rounded($0.priceVariance, 2) }))])
    }

    public static func leadTimeTable(_ r: Result) -> Table {
        let l = r.analysis.leadTimes
        return Table([("item", .text(l.map(\.item))), ("vendor", .text(l.map(\.vendor))), ("receipts", .number(l.map { Double($0.receipts) })),
                      ("lead_time_mean_days", .number(l.map { rounded($0.meanDays, 2) })),
                      ("lead_time_sd_days", .number(l.map { $0.receipts > 1 ? rounded($0.standardDeviationDays, 2) : .nan }))])
    }

    public static func expiryTable(_ r: Result) -> Table {
        let e = r.expiry
        return Table([("item", .text(e.map(\.lot.item))), ("lot", .text(e.map(\.lot.lot))),
                      ("expiry_date", .text(e.map { CalendarDay(daysSinceEpoch: $0.lot.expiryDay).description })),
                      ("quantity", .number(e.map(\.lot.quantity))),
                      ("expected_use_before_expiry", .number(e.map { rounded($0.expectedUseBeforeExpiry, 2) })),
                      ("expected_waste", .number(e.map { rounded($0.expectedWaste, 2) })),
                      ("waste_value", .number(e.map { rounded($0.wasteValue, 2) }))])
    }

    /// How many names a note lists before "and N more".
    static let namedInNotes = 3

    /// The first few of `names`, and how many more there are.
    static func firstFew(_ names: [String]) -> String {
        names.prefix(namedInNotes).joined(separator: ", ") + (names.count > namedInNotes ? " and \(names.count - namedInNotes) more" : "")
    }

    /// What the analysis read leniently or could not use, in sentences for the note and the
    /// report: lines given once per receipt, vendors matched to contracts ignoring case, and
    /// contract lines that matched no order. Each once changed the figures without a word.
    public static func caveats(_ r: Result) -> [String] {
        let a = r.analysis
        var lines: [String] = []
        if r.splitLines > 0 {
            let more = r.splitLines > r.splitLineExamples.count ? " and \(r.splitLines - r.splitLineExamples.count) more" : ""
            lines.append("\(r.splitLines == 1 ? "1 order line was" : "\(r.splitLines) order lines were") exported once per receipt (same po, item, vendor, order date and quantity) and counted once, received as the sum of the receipts, lead time to the last: \(r.splitLineExamples.joined(separator: ", "))\(more)" + (r.hasLineNumbers ? "" : "; if the export has PO line numbers, map them (--columns po_line=..., po_line in a pipeline's columns) to keep separate lines apart"))
        }
        lines += r.orderLineNotes
        if a.returnCredit > 0 || a.returnsUnpriced > 0 {
            lines.append("returns to vendors credited \(NumberFormat.fixed(a.returnCredit, decimals: 2)) off spend (each at its own unit price, else the latest price paid the vendor for the item)"
                         + (a.returnsUnpriced > 0 ? "; \(NumberFormat.count(a.returnsUnpriced, "return")) with no price to value it credited nothing: export its unit_price" : ""))
        }
        if r.cancelledRows > 0 {
            lines.append("\(r.cancelledRows == 1 ? "1 order row" : "\(r.cancelledRows) order rows") with status \(firstFew(r.cancelledStatuses.sorted().map { "'\($0)'" })) left out of spend, price variance, fill rates and lead times")
        }
        if !r.mergedVendorSpellings.isEmpty {
            lines.append("Vendors spelled more than one way in the orders, read as one ignoring case, spaces, punctuation, \"and\" for \"&\" and legal suffixes (Inc, LLC, Ltd, Corp, Co, ...): "
                         + firstFew(r.mergedVendorSpellings.sorted { $0.key < $1.key }.map { "'\($0.key)' as '\($0.value)'" }))
        }
        if !a.looseVendorMatches.isEmpty {
            lines.append("Vendors matched to the contracts ignoring case and spaces: "
                         + a.looseVendorMatches.sorted { $0.key < $1.key }.map { "'\($0.key)' as '\($0.value)'" }.joined(separator: ", "))
        }
        if !r.itemCodesMatched.isEmpty {
            lines.append("Item codes read as the item master writes them (they differ only in leading zeros or case): " + firstFew(r.itemCodesMatched))
        }
        lines += r.unitNotes
        if !r.itemsWithoutMaster.isEmpty {
            let n = r.itemsWithoutMaster.count
            lines.append("\(n == 1 ? "1 ordered item has" : "\(n) ordered items have") no row in the item master, so \(n == 1 ? "its" : "their") receipts are judged on time against the default lead time: " + firstFew(r.itemsWithoutMaster))
        }
        if !a.unmatchedContracts.isEmpty {
            let n = a.unmatchedContracts.count
            lines.append("\(n == 1 ? "1 contract line matches" : "\(n) contract lines match") no order's item and vendor, so \(n == 1 ? "its price checked" : "their prices checked") nothing: "
                         + firstFew(a.unmatchedContracts.map { "\($0.item) from \($0.vendor)" }) + "; check the item codes and vendor names")
        }
        if let totals = r.usageReadAsTotals { lines.append(totals) }
        // As `reorder` reads the days after the usage's end (`DailyUse.usageEnd`).
        if let end = r.usageEnd, let asOf = r.asOf {
            lines.append(ReorderJob.usageEndLead(end, asOf: asOf) + ": each item's daily use is its average up to \(end), and the lots are used at that rate from as-of on (not read as days without use)")
        }
        if a.zeroContractLines > 0 {
            let n = a.zeroContractLines
            lines.append("\(n == 1 ? "1 order line has" : "\(n) order lines have") a contract price of 0 (on the line or in the contracts file), read as no contract, \(n == 1 ? "its" : "their") spend off contract (ERPs write 0 where there is none): "
                         + a.zeroContractExamples.listed(of: n))
        }
        if a.contractUnknownLines > 0 && a.hasContractPrices {
            let n = a.contractUnknownLines
            lines.append("\(NumberFormat.count(n, "order line")) (spend \(NumberFormat.fixed(a.contractUnknownSpend, decimals: 2))) \(n == 1 ? "has" : "have") a contract whose price cannot be set against \(n == 1 ? "its" : "theirs"), the contract's unit or the line's not read as the item's (see the unit note above), so \(n == 1 ? "it is" : "they are") neither on nor off contract and out of the price variance: "
                         + a.contractUnknownExamples.listed(of: n) + "; give the item master's uom and pack_size to compare them")
        }
        if a.zeroPricedLines > 0 {
            let n = a.zeroPricedLines
            lines.append("\(n == 1 ? "1 order line was" : "\(n) order lines were") paid 0 (a no-charge replacement or a sample): no price paid, so left out of price variance, the average paid price and the price trends (counted in lines, fill rate, on time and lead time): "
                         + a.zeroPricedExamples.listed(of: n))
        }
        if !a.contractPriceDisagreements.isEmpty {
            let d = a.contractPriceDisagreements, n = d.count
            let stake = d.reduce(0) { $0 + abs($1.atStake) }
            lines.append("\(n == 1 ? "1 order line's own contract_price differs" : "\(n) order lines' own contract_price differs") from the contracts file's price on the order date; the file's is used, but one of the two is a price-load error, \(NumberFormat.fixed(stake, decimals: 2)) at stake ((line - file) x quantity): "
                         + firstFew(d.map { "\($0.po.isEmpty ? "" : $0.po + ": ")\($0.item) from \($0.vendor) (\(NumberFormat.fixed($0.linePrice, decimals: 2)) against \(NumberFormat.fixed($0.filePrice, decimals: 2)))" }))
        }
        if r.rowsBeyond > 0 {
            let n = r.rowsBeyond
            lines.append("\(n == 1 ? "1 order row is" : "\(n) order rows are") dated more than \(ExportLastDay.gapDays) days after the rest of the export, so not taken as its last day (open lines are judged on \(a.exportLastDay.day.map { CalendarDay(daysSinceEpoch: $0).description } ?? "the rest's last day")): "
                         + r.datesBeyond.joined(separator: "; ") + (n > r.datesBeyond.count ? " and \(n - r.datesBeyond.count) more" : "") + "; check the year")
        }
        if !a.conflictingContracts.isEmpty {
            let n = a.conflictingContracts.count
            lines.append("\(n == 1 ? "1 item and vendor has" : "\(n) items and vendors have") two contract prices from the same start (or both undated), so no date says which applies; the lower is used: "
                         + firstFew(a.conflictingContracts.map { c in "\(c.line.item) from \(c.line.vendor) (" + c.prices.map { NumberFormat.fixed($0, decimals: 2) }.joined(separator: ", ") + ")" })
                         + "; keep one row, or date the new price")
        }
        if !a.overlappingContracts.isEmpty {
            let n = a.overlappingContracts.count
            lines.append("\(n == 1 ? "1 item and vendor has" : "\(n) items and vendors have") contracts with different starts in force together on an order date, at different prices; "
                         + "the lowest in force is used (the price the hospital is entitled to while both run): "
                         + firstFew(a.overlappingContracts.map { c in
                             "\(c.item) from \(c.vendor) (" + c.prices.map { NumberFormat.fixed($0, decimals: 2) }.joined(separator: " and ") + ", \(NumberFormat.fixed(c.used, decimals: 2)) used on \(NumberFormat.count(c.lines, "line")))"
                         })
                         + "; if one replaced the other, end the old one the day before the new one starts")
        }
        return lines
    }

    /// The one-line note for the run's summary.
    public static func note(_ r: Result) -> String {
        let a = r.analysis
        var text = "\(NumberFormat.count(a.lines, "order line")) from \(NumberFormat.count(a.vendors.count, "vendor")), spend \(NumberFormat.fixed(a.spend, decimals: 2)), \(a.hasContractPrices ? "price variance \(NumberFormat.fixed(a.priceVariance, decimals: 2)), off contract \(NumberFormat.fixed(a.offContractSpend, decimals: 2))" : (r.contractsLeftOutByUnit > 0 ? "price variance and off contract unknown (\(NumberFormat.count(r.contractsLeftOutByUnit, "contract")) given, left out: \(r.contractsLeftOutByUnit == 1 ? "its unit" : "their units") not read in \(r.contractsLeftOutByUnit == 1 ? "its item's" : "their items'"))" : "price variance and off contract unknown (no contract prices)"))"
        if a.openLines > 0, let day = a.judgedOn {
            text += "; \(NumberFormat.count(a.openLines, "open line")) judged on the export's last day, \(CalendarDay(daysSinceEpoch: day)), \(a.overdueOpenLines) overdue"
        }
        if a.overReceipts > 0 { text += "; \(a.overReceipts) line\(a.overReceipts == 1 ? "" : "s") received more than ordered (accepted): \(a.overReceiptExamples.listed(of: a.overReceipts))" }
        for caveat in caveats(r) { text += "; " + caveat.prefix(1).lowercased() + caveat.dropFirst() }
        if r.hasLots {
            let wasted = r.expiry.filter { $0.expectedWaste > 0 }
            let value = wasted.contains { !$0.wasteValue.isFinite } ? "value \(NumberFormat.fixed(r.wasteValue, decimals: 2)) and more of unknown cost" : "value \(NumberFormat.fixed(r.wasteValue, decimals: 2))"
            text += "; \(wasted.count) of \(r.expiry.count) lots expected to expire before use, \(value)"
        }
        return text
    }
}

extension Table {
    /// A date column as days since the epoch, blanks as `PurchaseOrderLines.noDay`; nil when
    /// the column is absent or holds text that is not a date. (An optional date column with
    /// blanks travels as text; days(_:) refuses it for its blanks.)
    func dayNumbers(_ name: String) -> [Int32]? {
        guard let i = index(of: name) else { return nil }
        switch columns[i] {
        case .date(let v): return v.map(\.daysSinceEpoch)
        case .number: return nil
        case .text(let v):
            let parser = DateParser()
            var result: [Int32] = []
            result.reserveCapacity(v.count)
            // Dates repeat: each distinct text is parsed once.
            var known: [String: Int32] = [:]
            for s in v {
                if s.isEmpty { result.append(PurchaseOrderLines.noDay); continue }
                if let day = known[s] { result.append(day); continue }
                guard let d = parser.parse(s) else { return nil }
                known[s] = d.daysSinceEpoch
                result.append(d.daysSinceEpoch)
            }
            return result
        }
    }
}

extension Int32 {
    /// Nil for `PurchaseOrderLines.noDay`.
    var known: Int32? { self == PurchaseOrderLines.noDay ? nil : self }
}
