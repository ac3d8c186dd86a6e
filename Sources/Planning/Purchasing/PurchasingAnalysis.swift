import Tabular

/// Vendor scorecard, contract price variance, observed lead times and price trends from
/// purchase order lines, in one pass over the lines grouped by item and vendor.
///
/// Definitions (README, purchasing.md): spend and price variance use the ordered quantity at
/// the paid unit price; fill rate is received / ordered over the lines received so far (open
/// lines are left out, they may still arrive); a receipt is on time when it arrives within
/// the item master's lead time plus `graceDays` (the default lead time without one). A line
/// exported once per receipt is one line, judged on its last delivery, and a receipt of 0
/// units has no lead time (`PurchaseOrderLines`).
public struct PurchasingAnalysis: Sendable {
    public struct Settings: Sendable {
        /// Days late a receipt may be and still count as on time.
        public var graceDays = 1.0
        /// Promised lead time for items the item master gives none.
        public var defaultLeadTimeDays = 7.0
        public init() {}
    }

    public var vendors: [VendorScore] = []
    /// Largest variance first.
    public var priceVariances: [PriceVarianceLine] = []
    /// By item and vendor, in item then vendor order.
    public var leadTimes: [ObservedLeadTime] = []
    /// An item's receipts from all vendors, by item: what the reorder plan falls back on when
    /// the vendor it orders from has too few (`plannedLeadTime`).
    public var itemLeadTimes: [String: ObservedLeadTime] = [:]
    /// An item's receipts from one vendor, keyed by `vendorKey` (the vendor in any case and spacing).
    public var vendorLeadTimes: [String: ObservedLeadTime] = [:]
    public var priceTrends: [PriceTrend] = []
    /// The latest paid unit price of each item over all vendors.
    public var latestPrice: [String: Double] = [:]
    /// The latest paid unit price of each item from each vendor, keyed by `vendorKey`.
    public var latestVendorPrice: [String: Double] = [:]

    /// The key of an item and vendor in `latestVendorPrice` (the vendor in any case and spacing).
    public static func vendorKey(item: String, vendor: String) -> String { item + "\u{1F}" + vendor.vendorKey() }

    /// The latest price paid for `item` to `vendor` (the vendor an order goes to), or, when the
    /// item has no vendor, to any vendor. A spot buy from another vendor at $3 became the
    /// item's cost, ordered from its contracted vendor at $2, and read as that vendor's 50%
    /// price rise.
    public func latestPrice(item: String, vendor: String) -> Double? {
        vendor.trimmed().isEmpty ? latestPrice[item] : latestVendorPrice[Self.vendorKey(item: item, vendor: vendor)]
    }

    /// The observed lead time an order of `item` placed with `vendor` (the item master's) is
    /// planned on: that vendor's receipts when it has at least `minimumReceipts`, else, when it
    /// has none, the item's receipts from all vendors when they are that many (the `vendor` of the result is
    /// then empty), else none. Why: the order goes to that vendor. Pooled, a spot-buy vendor's
    /// 5 receipts at 30 days and the contracted vendor's 6 at 2 made a lead time of 14.7 days
    /// (sd 14.6) and an order of 354 for an item the 2-day vendor keeps stocked with 100 on hand.
    /// A vendor with receipts, but fewer than `minimumReceipts`, keeps the item master's lead
    /// time (nil): its 4 receipts at 2 days fell back to a pool of a spot vendor's 20 at 30
    /// days, planned on 25.3 days with an order of 396 where none was needed.
    public func plannedLeadTime(item: String, vendor: String, minimumReceipts: Int) -> ObservedLeadTime? {
        if !vendor.trimmed().isEmpty, let own = vendorLeadTimes[Self.vendorKey(item: item, vendor: vendor)], own.receipts > 0 {
            return own.receipts >= minimumReceipts ? own : nil
        }
        guard let all = itemLeadTimes[item], all.receipts >= minimumReceipts else { return nil }
        return all
    }

    /// The receipts of `item` from `vendor`: 0 without any, or without a vendor.
    public func receipts(item: String, vendor: String) -> Int {
        vendor.trimmed().isEmpty ? 0 : vendorLeadTimes[Self.vendorKey(item: item, vendor: vendor)]?.receipts ?? 0
    }
    public var lines = 0
    /// The settings' grace and default lead time, for the report's definitions.
    public var graceDays = 1.0
    public var defaultLeadTimeDays = 7.0
    /// Lines not received (or, by their status, partly received and still coming): left out
    /// of fill rates and lead times, unless overdue.
    public var openLines = 0
    /// Open lines past their promised lead time plus the grace on the export's last day (its
    /// latest order or receipt bar dates far beyond the rest, `judgedOn`; only in an export with receipts): late already, whatever comes
    /// next. Left out, a vendor with 4 of
    /// 5 lines open for months scored 100% filled and on time, and the report named the vendor
    /// that delivers as the least on time. They count as not on time, and in the fill rate
    /// with what arrived so far.
    public var overdueOpenLines = 0
    /// The day open lines were judged overdue on, the export's last day (`ExportLastDay`); nil
    /// in an export without receipts (no line is judged overdue). Not a given as-of, which
    /// dates the lots and usage: the export knows no receipt after its own last day, and judged
    /// a month later its lines open then would all read late. Not printed, a last day moved
    /// to 2062 by one typo was never seen.
    public var judgedOn: Int32?
    /// The export's last day, and the dates read as far beyond the rest of it (`ExportLastDay`).
    public var exportLastDay = ExportLastDay(latest: [])
    /// Lines whose status says closed with nothing received: counted as ordered and unfilled,
    /// and not on time.
    public var closedUnfilled = 0
    public var linesWithoutPrice = 0
    public var overReceipts = 0
    /// The first few lines of each kind above, as `PO: item from vendor`, so the buyer can find
    /// the invoice to check: the counts alone named none.
    public var overReceiptExamples: [String] = [], closedUnfilledExamples: [String] = [], unpricedExamples: [String] = []
    /// Order vendors matched to a contract only by ignoring case and spaces: the orders'
    /// spelling and the contracts'.
    public var looseVendorMatches: [String: String] = [:]
    /// Contract lines no order's item and vendor matched, in the contracts' order: a price
    /// that checked nothing, which the report names rather than leave unseen.
    public var unmatchedContracts: [ContractBook.Line] = []
    /// Item and vendor pairs whose contracts give two prices from the same day (`ContractBook.conflicts`).
    public var conflictingContracts: [(line: ContractBook.Line, prices: [Double])] = []
    /// Item and vendor pairs whose contracts, started on different days, were in force together
    /// on an order's date with different prices, in item then vendor order; the lowest is used.
    public var overlappingContracts: [ContractOverlap] = []

    public var spend: Double { vendors.reduce(0) { $0 + $1.spend } }
    /// The credit of the returns to the vendors (`VendorScore.returnCredit`), already off `spend`,
    /// and the returns with no price to value them (neither their own nor one paid the vendor).
    public var returnCredit = 0.0
    public var returnsUnpriced = 0
    /// The charge lines (freight, tax, handling, misc; `PurchaseOrderLines.charges`), in
    /// `spend` but in no item figure, their total, and those with no price (counted nowhere).
    public var chargeLines = 0
    public var charges = 0.0
    public var chargesUnpriced = 0
    /// Net of lines paid below contract.
    public var priceVariance: Double { vendors.reduce(0) { $0 + $1.priceVariance } }
    /// Sum of (paid - contract) x quantity over the lines paid above contract only: what could
    /// be claimed back, which the net hides when other lines were paid below.
    public var paidAboveContract = 0.0
    public var paidBelowContract = 0.0
    public var linesAboveContract = 0
    /// The lines paid above contract, most overpaid first.
    public var overpaidLines: [OverpaidLine] = []
    public var offContractSpend: Double { vendors.reduce(0) { $0 + $1.offContractSpend } }
    /// Whether any contract price was given (a contracts file, or the orders' own
    /// contract_price): without one, no spend is known to be on or off contract.
    public var hasContractPrices = false
    /// Lines whose contract price (the contracts file's on the order date, else the line's own)
    /// was 0, read as no contract: ERPs write 0 where a line has none. Taken as a contract at
    /// $0, a $40 line "paid $2,000 above contract" to claim back, and its off-contract spend
    /// read as none.
    public var zeroContractLines = 0
    public var zeroContractExamples: [String] = []
    /// Spend on lines that have a contract whose price cannot be set against theirs: the
    /// contract's unit, or the line's, not read as the item's (`ContractBook.unreadCovers`,
    /// `PurchaseOrderLines.unitNotRead`). Neither on nor off contract, and no price variance:
    /// read as off contract, a contract per case made $1,152 bought in eaches 95.8% "off contract".
    public var contractUnknownSpend = 0.0
    public var contractUnknownLines = 0
    public var contractUnknownExamples: [String] = []
    /// Lines paid $0 (a no-charge replacement, a sample): no price was paid, so they are left
    /// out of price variance, the paid average and the price trends, as a contract price of 0
    /// is. Set against a $10 contract, 20 free units read as $200 saved.
    public var zeroPricedLines = 0
    public var zeroPricedExamples: [String] = []
    /// Lines whose own contract_price differs from the contracts file's on the order date
    /// (the file's is used), largest money at stake first.
    public var contractPriceDisagreements: [ContractPriceDisagreement] = []

    /// What one item and vendor accumulate.
    struct Pair {
        var item: Int32, vendor: Int32
        var contracts: [ContractBook.Contract]?
        var lines = 0, overReceipts = 0
        var spend = 0.0, offContract = 0.0
        var contractQuantity = 0.0, paidOnContract = 0.0, contractValue = 0.0
        /// Overpaid and underpaid value, line by line: two lines at 12 and 8 against a contract
        /// of 10 net to nothing, but the first is $2 a unit to claim back.
        var above = 0.0, below = 0.0, linesAbove = 0
        var ordered = 0.0, received = 0.0
        var timed = 0, onTime = 0
        var lead = RunningMoments()
        var priced = 0
        var firstDay = Int32.max, firstPrice = Double.nan, latestDay = Int32.min, latestPrice = Double.nan
    }

    public init(lines o: PurchaseOrderLines, contracts: ContractBook = ContractBook(),
                promisedLeadDays: (String) -> Double? = { _ in nil }, settings: Settings = Settings()) {
        // A contract price of 0 is no contract (`zeroContractLines`): only a price above 0 makes one.
        hasContractPrices = contracts.hasPrices || o.contractPrice.contains { $0.isFinite && $0 != 0 }
        let vendorCount = Int64(o.vendorNames.count)
        var pairIndex: [Int64: Int] = [:]
        var pairs: [Pair] = []
        let promised = o.itemNames.map { promisedLeadDays($0) ?? settings.defaultLeadTimeDays }
        // The export's last day: its latest order or receipt. An export without any receipt
        // says nothing of deliveries: none of its lines is overdue.
        // The export's last day: the latest date of its lines, a few far beyond the rest (a year
        // typed wrong) left out (`ExportLastDay`).
        // Lines whose status stood in for a receipt (`receivedByStatus`) say nothing of when.
        let hasReceipts = o.receiptDay.contains { $0 != PurchaseOrderLines.noDay }
            || (0..<o.count).lazy.filter { o.isReceived($0) }.count > o.receivedByStatus.count
        exportLastDay = ExportLastDay(latest: (0..<o.count).map { max(o.orderDay[$0], o.receiptDay[$0]) })
        let lastDay = exportLastDay.day ?? 0
        if hasReceipts { judgedOn = lastDay }
        lines = o.count
        var matched = Set<ContractBook.Line>()
        /// Contracts in force together with different prices, by pair (`overlappingContracts`).
        var overlaps: [Int: (prices: Set<Double>, lines: Int)] = [:]
        graceDays = settings.graceDays
        defaultLeadTimeDays = settings.defaultLeadTimeDays
        for row in 0..<o.count {
            let i = o.item[row], v = o.vendor[row]
            let key = Int64(i) * vendorCount + Int64(v)
            let p: Int
            if let known = pairIndex[key] { p = known } else {
                p = pairs.count
                pairIndex[key] = p
                let vendor = o.vendorNames[Int(v)]
                let match = contracts.isEmpty ? nil : contracts.match(item: o.itemNames[Int(i)], vendor: vendor)
                if let match {
                    matched.insert(match.line)
                    if !match.isExact { looseVendorMatches[vendor] = match.line.vendor }
                }
                pairs.append(Pair(item: i, vendor: v, contracts: match?.contracts))
            }
            let q = o.quantity[row], price = o.unitPrice[row], day = o.orderDay[row]
            // Set against the contract, a line its status closes short is invoiced for what
            // arrived: on the ordered quantity, a line closed with 100 of 1,000 received (and one
            // closed with nothing) claimed $1,000 back above contract where $50 was overpaid.
            let billed = o.statusKind[row] == .closed ? max(0, min(o.received(row), q)) : q
            func named(_ list: inout [String]) {
                guard list.count < 3 else { return }
                let po = o.poNames[Int(o.po[row])]
                list.append((po.isEmpty ? "" : po + ": ") + "\(o.itemNames[Int(i)]) from \(o.vendorNames[Int(v)])")
            }
            pairs[p].lines += 1
            // A line in a unit not read as its item's has its dollars, not a price per unit.
            let unitNotRead = o.unitNotRead.contains(row)
            if price.isNaN {
                linesWithoutPrice += 1
                named(&unpricedExamples)
            } else if price == 0 {
                // Nothing paid: no price to set against a contract (`zeroPricedLines`).
                zeroPricedLines += 1
                named(&zeroPricedExamples)
            } else {
                // Spend too: a line closed with nothing received was never invoiced, and counted
                // at its ordered value it was off-contract spend to recover (the buyer review's
                // $200 of a $400 scorecard).
                let value = price * billed
                pairs[p].spend += value
                // A price of 0, in the file or on the line, is no contract: the line's own price
                // stands in for a file that gives 0, as it does for a file that gives none.
                let filePrice = pairs[p].contracts.flatMap { ContractBook.price(in: $0, on: day) }
                if let list = pairs[p].contracts, list.count > 1, case let prices = ContractBook.overlappingPrices(in: list, on: day), !prices.isEmpty {
                    overlaps[p, default: (Set(), 0)].prices.formUnion(prices)
                    overlaps[p]!.lines += 1
                }
                let linePrice = o.contractPrice[row].isNaN ? nil : o.contractPrice[row]
                let contract = [filePrice, linePrice].lazy.compactMap { $0 }.first { $0 != 0 }
                // A contract in force whose price is not known in the line's unit: the contract's
                // unit not read, or the line's (its contract price then per the item's unit, its
                // price per another). An item with no contract is off contract whatever its unit.
                let unreadContract = pairs[p].contracts.map { ContractBook.unreadCovers(in: $0, on: day) } ?? false
                let contractUnknown = (contract == nil && unreadContract) || (unitNotRead && contract != nil)
                if contract == nil && !unreadContract && (filePrice == 0 || linePrice == 0) {
                    zeroContractLines += 1
                    named(&zeroContractExamples)
                }
                // The line's own price beside the file's (prices within half a cent are one price).
                if !unitNotRead, let filePrice, let linePrice, filePrice != 0, linePrice != 0, abs(filePrice - linePrice) >= 0.005 {
                    contractPriceDisagreements.append(ContractPriceDisagreement(po: o.poNames[Int(o.po[row])], item: o.itemNames[Int(i)], vendor: o.vendorNames[Int(v)],
                                                                                orderDay: CalendarDay(daysSinceEpoch: day), quantity: billed,
                                                                                linePrice: linePrice, filePrice: filePrice))
                }
                if contractUnknown {
                    contractUnknownSpend += value
                    contractUnknownLines += 1
                    named(&contractUnknownExamples)
                } else if let contract {
                    pairs[p].contractQuantity += billed
                    pairs[p].paidOnContract += price * billed
                    pairs[p].contractValue += contract * billed
                    let difference = (price - contract) * billed
                    if difference > 0 {
                        pairs[p].above += difference
                        pairs[p].linesAbove += 1
                        overpaidLines.append(OverpaidLine(po: o.poNames[Int(o.po[row])], item: o.itemNames[Int(i)], vendor: o.vendorNames[Int(v)],
                                                          orderDay: CalendarDay(daysSinceEpoch: day), quantity: billed, paidUnitPrice: price, contractUnitPrice: contract))
                    } else {
                        pairs[p].below -= difference
                    }
                } else {
                    pairs[p].offContract += value
                }
                if !unitNotRead {
                    pairs[p].priced += 1
                    if day < pairs[p].firstDay { pairs[p].firstDay = day; pairs[p].firstPrice = price }
                    if day >= pairs[p].latestDay { pairs[p].latestDay = day; pairs[p].latestPrice = price }
                }
            }
            // A status can say more than the receipts: a line partly received and still on back
            // order is open (its first part delivered in 2 days was its lead time, and a 10% fill
            // on time); one closed with nothing received was never filled.
            let kind = o.statusKind[row]
            let stillComing = (kind == .open && o.received(row) < q)
                || (hasReceipts && o.awaitsRest(row, units: o.received(row), on: lastDay, leadDays: promised[Int(i)], graceDays: settings.graceDays))
            // (An export that writes the received quantity as 0, not blank, says the same.)
            if (!o.isReceived(row) || o.received(row) == 0) && kind == .closed {
                closedUnfilled += 1
                named(&closedUnfilledExamples)
                pairs[p].ordered += q
                pairs[p].timed += 1
            } else if o.isReceived(row) && !stillComing {
                let got = o.received(row)
                pairs[p].ordered += q
                // At most the ordered quantity: an over-delivery on one line does not make up
                // for a line that never came (it is flagged over_receipt instead).
                pairs[p].received += max(0, min(got, q))
                if got > q { pairs[p].overReceipts += 1; named(&overReceiptExamples) }
                // A line dated far beyond the rest of the export (a year typed wrong) has no lead
                // time to trust: a receipt typed 2062 read a vendor's lead time as 662 days where
                // its 19 other receipts took 5 (reorder leaves such receipts out too).
                let beyond = exportLastDay.beyondFrom.map { max(o.orderDay[row], o.receiptDay[row]) >= $0 } ?? false
                if !beyond, let lead = o.leadDays(row) {
                    pairs[p].lead.add(lead)
                    pairs[p].timed += 1
                    if lead <= promised[Int(i)] + settings.graceDays { pairs[p].onTime += 1 }
                } else if got == 0 {
                    // A receipt of 0 units: no delivery, so not on time (and no lead time).
                    pairs[p].timed += 1
                }
            } else {
                openLines += 1
                if hasReceipts && Double(lastDay - day) > promised[Int(i)] + settings.graceDays {
                    overdueOpenLines += 1
                    pairs[p].ordered += q
                    pairs[p].received += min(o.received(row), q)
                    pairs[p].timed += 1
                }
            }
        }

        unmatchedContracts = contracts.unmatched(matched: matched)
        conflictingContracts = contracts.conflicts
        overlappingContracts = overlaps.map { p, seen in
            ContractOverlap(item: o.itemNames[Int(pairs[p].item)], vendor: o.vendorNames[Int(pairs[p].vendor)], prices: seen.prices.sorted(), lines: seen.lines)
        }.sorted { ($0.item, $0.vendor) < ($1.item, $1.vendor) }
        overpaidLines.sort { ($0.overpaid, $1.item, $1.po) > ($1.overpaid, $0.item, $0.po) }
        contractPriceDisagreements.sort { (abs($0.atStake), $1.item, $1.po) > (abs($1.atStake), $0.item, $0.po) }

        // Pairs in item then vendor order (names compared as bytes, so the order is the same on every machine).
        func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        let itemRank = Self.ranks(o.itemNames), vendorRank = Self.ranks(o.vendorNames)
        pairs.sort { (itemRank[Int($0.item)], vendorRank[Int($0.vendor)]) < (itemRank[Int($1.item)], vendorRank[Int($1.vendor)]) }

        var byVendor = [VendorScore?](repeating: nil, count: o.vendorNames.count)
        var vendorOrdered = [Double](repeating: 0, count: o.vendorNames.count), vendorReceived = vendorOrdered
        var vendorTimed = [Int](repeating: 0, count: o.vendorNames.count), vendorOnTime = vendorTimed
        for pair in pairs {
            let item = o.itemNames[Int(pair.item)], vendor = o.vendorNames[Int(pair.vendor)], v = Int(pair.vendor)
            var score = byVendor[v] ?? VendorScore(vendor: vendor)
            score.lines += pair.lines
            score.spend += pair.spend
            score.priceVariance += pair.paidOnContract - pair.contractValue
            paidAboveContract += pair.above
            paidBelowContract += pair.below
            linesAboveContract += pair.linesAbove
            score.offContractSpend += pair.offContract
            score.overReceipts += pair.overReceipts
            score.leadTime.merge(pair.lead)
            byVendor[v] = score
            vendorOrdered[v] += pair.ordered
            vendorReceived[v] += pair.received
            vendorTimed[v] += pair.timed
            vendorOnTime[v] += pair.onTime
            overReceipts += pair.overReceipts
            if pair.contractQuantity > 0 {
                priceVariances.append(PriceVarianceLine(item: item, vendor: vendor, quantity: pair.contractQuantity,
                                                        paidUnitPrice: pair.paidOnContract / pair.contractQuantity,
                                                        contractUnitPrice: pair.contractValue / pair.contractQuantity,
                                                        priceVariance: pair.paidOnContract - pair.contractValue))
            }
            if pair.lead.count > 0 {
                leadTimes.append(ObservedLeadTime(item: item, vendor: vendor, moments: pair.lead))
                vendorLeadTimes[Self.vendorKey(item: item, vendor: vendor), default: ObservedLeadTime(item: item, vendor: vendor, moments: RunningMoments())]
                    .moments.merge(pair.lead)
                var all = itemLeadTimes[item] ?? ObservedLeadTime(item: item, vendor: "", moments: RunningMoments())
                all.moments.merge(pair.lead)
                itemLeadTimes[item] = all
            }
            if pair.priced > 0 {
                priceTrends.append(PriceTrend(item: item, vendor: vendor, lines: pair.priced, firstDay: pair.firstDay, firstPrice: pair.firstPrice,
                                              latestDay: pair.latestDay, latestPrice: pair.latestPrice))
                latestVendorPrice[Self.vendorKey(item: item, vendor: vendor)] = pair.latestPrice
            }
        }
        // Returns to the vendor: a credit off its spend, not an order (no line, fill rate or lead
        // time). Left out, a $200 return stayed in the vendor's spend.
        for back in o.returns {
            let v = Int(back.vendor)
            var score = byVendor[v] ?? VendorScore(vendor: o.vendorNames[v])
            let price = back.unitPrice.isFinite ? back.unitPrice : latestVendorPrice[Self.vendorKey(item: back.item, vendor: o.vendorNames[v])] ?? .nan
            let credit = price.isFinite ? back.units * price : 0
            score.spend -= credit
            score.returnCredit += credit
            returnCredit += credit
            if !price.isFinite { returnsUnpriced += 1 }
            byVendor[v] = score
        }
        // Charge lines: money paid the vendor (its spend), shown on their own, and no item's line
        // (no line count, fill rate, on time, lead time, price variance or off-contract spend).
        for charge in o.charges {
            let v = Int(charge.vendor)
            var score = byVendor[v] ?? VendorScore(vendor: o.vendorNames[v])
            score.chargeLines += 1
            chargeLines += 1
            if charge.amount.isFinite {
                score.spend += charge.amount
                score.charges += charge.amount
                charges += charge.amount
            } else {
                chargesUnpriced += 1
            }
            byVendor[v] = score
        }
        for v in byVendor.indices {
            guard var score = byVendor[v] else { continue }
            if vendorOrdered[v] > 0 { score.fillRate = vendorReceived[v] / vendorOrdered[v] }
            if vendorTimed[v] > 0 { score.onTimeRate = Double(vendorOnTime[v]) / Double(vendorTimed[v]) }
            byVendor[v] = score
        }
        vendors = byVendor.compactMap { $0 }.sorted { precedes($0.vendor, $1.vendor) }
        priceVariances.sort { ($0.priceVariance, $1.item, $1.vendor) > ($1.priceVariance, $0.item, $0.vendor) }
        var latestDay: [String: Int32] = [:]
        for trend in priceTrends where trend.latestDay >= latestDay[trend.item] ?? .min {
            latestDay[trend.item] = trend.latestDay
            latestPrice[trend.item] = trend.latestPrice
        }
    }

    /// Each name's position in byte order.
    static func ranks(_ names: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: names.count)
        for (position, id) in names.indices.sorted(by: { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }).enumerated() { rank[id] = position }
        return rank
    }
}
