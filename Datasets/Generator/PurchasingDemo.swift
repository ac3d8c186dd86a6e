import Tabular

/// Purchase orders with receipts, contract prices and stock by lot for the Central Supply
/// items in use, over the last year of the history (issue 21). Draws come from their own
/// streams (`purchasing/...`), so the other exports stay byte for byte as they were.
///
/// Planted: Cedar Respiratory Products delivers late with a wide spread (lead times drawn
/// around the item's lead time + 6 days, sd 4); one Harborline item is paid 8% above its
/// contract on every order; one item holds a lot that expires in 30 days with more units
/// than 30 days of use, so a known number of units expires unused.
struct PurchasingDemo {
    let calendar: DemoCalendar
    let items: [SupplyItem]
    let supply: SupplyResult
    let inventory: InventoryExport.Output
    let seed: UInt64

    static let ordersHeader = ["PO Number", "Item #", "Vendor", "Order Date", "Qty Ordered", "Unit Price", "Receipt Date", "Qty Received"]
    static let contractsHeader = ["Item #", "Vendor", "Contract Price", "Start", "End"]
    static let lotsHeader = ["Item #", "Lot", "Expiry Date", "Qty", "Location"]
    static let lateVendor = VendorID.cedar
    static let overchargedVendor = VendorID.harborline
    /// Paid / contract for the overcharged item.
    static let markup = 1.08

    struct Output {
        var orderRows = 0, orderBytes = 0, contractRows = 0, contractBytes = 0, lotRows = 0, lotBytes = 0
        var overchargedItem = 0, overchargedQuantity = 0, overchargedVarianceCents = 0
        var lateLeadDays: [Int] = [], otherLeadDays: [Int] = []
        var expiringItem = 0, expiringLot = "", expiringQuantity = 0, expiringDailyUse = 0.0, expiringWaste = 0.0, expiringPriceCents = 0
        var laterLot = "", laterQuantity = 0
    }

    /// Items ordered: Central Supply items in use to the end with some use.
    func ordered() -> [Int] {
        items.indices.filter { items[$0].facility == 0 && items[$0].end >= calendar.dayCount && !items[$0].discontinued
            && items[$0].category != "Implant" && supply.recentDailyDemand[$0] > 0.2 }
    }

    func write(ordersPath: String, contractsPath: String, lotsPath: String) throws -> Output {
        var out = Output()
        let n = calendar.dayCount, first = n - 365
        let chosen = ordered()
        // The overcharged item: the Harborline item of at least $1 with the largest spend.
        func spend(_ i: Int) -> Double { supply.recentDailyDemand[i] * Double(items[i].cents(on: n - 1)) }
        let overcharged = chosen.filter { items[$0].vendor == Self.overchargedVendor && items[$0].cents(on: first) >= 100 }.max { spend($0) < spend($1) } ?? chosen[0]
        out.overchargedItem = items[overcharged].number
        var lastPrice: [Int: Int] = [:]
        let orders = try ExportWriter(path: ordersPath, header: Self.ordersHeader)
        var po = 0
        for i in chosen {
            let item = items[i]
            var rng = RandomSource(seed: seed, stream: "purchasing/orders/\(item.number)")
            let daily = supply.recentDailyDemand[i]
            let cycle = daily >= 5 ? 14 : 28
            var day = first + rng.int(in: 0...(cycle - 1))
            while day < n {
                po += 1
                let packs = max(1, Int((daily * Double(cycle) / Double(item.packSize)).rounded()))
                let quantity = packs * item.packSize
                let late = item.vendor == Self.lateVendor
                let mean = item.leadTimeDays + (late ? 6 : 0), sd = late ? 4 : item.leadTimeSD
                let lead = max(1, Int(rng.normal(mean: mean, sd: sd).rounded()))
                let short = rng.bernoulli(0.03)
                let contract = item.cents(on: day)
                let paid = i == overcharged ? Int((Double(contract) * Self.markup).rounded()) : contract
                orders.text("PO\(100_000 + po)")
                orders.int(item.number)
                orders.text(item.vendor.vendor.name)
                orders.text(String(decoding: calendar.isoDate[day], as: UTF8.self))
                orders.int(quantity)
                orders.cents(paid)
                if day + lead < n {
                    orders.text(String(decoding: calendar.isoDate[day + lead], as: UTF8.self))
                    orders.int(short && packs > 1 ? quantity - item.packSize : quantity)
                    if late { out.lateLeadDays.append(lead) } else { out.otherLeadDays.append(lead) }
                } else {
                    orders.text("")
                    orders.text("")
                }
                orders.endRow()
                if i == overcharged {
                    out.overchargedQuantity += quantity
                    out.overchargedVarianceCents += (paid - contract) * quantity
                }
                lastPrice[i] = paid
                day += cycle
            }
        }
        try orders.commit()
        out.orderRows = orders.rowsWritten
        out.orderBytes = orders.bytesWritten

        // Contracts: the catalogue price of each item, one row per price period of the year.
        let contracts = try ExportWriter(path: contractsPath, header: Self.contractsHeader)
        for i in chosen {
            let item = items[i]
            let points = item.prices.enumerated().filter { k, p in (k + 1 < item.prices.count ? item.prices[k + 1].day : n) > first }
            for (k, point) in points {
                contracts.int(item.number)
                contracts.text(item.vendor.vendor.name)
                contracts.cents(point.cents)
                contracts.text(String(decoding: calendar.isoDate[max(point.day, first)], as: UTF8.self))
                contracts.text(k + 1 < item.prices.count ? String(decoding: calendar.isoDate[item.prices[k + 1].day - 1], as: UTF8.self) : "2027-06-30")
                contracts.endRow()
            }
        }
        try contracts.commit()
        out.contractRows = contracts.rowsWritten
        out.contractBytes = contracts.bytesWritten

        // Lots of the shelf-life items: on hand split in two lots expiring well after their use,
        // except the planted item, whose first lot expires in 30 days with 30 days of use + 25%.
        let asOf = CalendarDay(daysSinceEpoch: DemoCalendar.lastDay.daysSinceEpoch)
        let withLots = chosen.filter { items[$0].shelfLifeDays != nil && (inventory.items[$0]?.onHand ?? 0) > 0 }
        // Use as the tools measure it: units issued over the last 91 days / 91.
        func realized(_ i: Int) -> Double { Double(supply.itemDaily[i][(n - 91)..<n].reduce(0) { $0 + Int($1) }) / 91 }
        let moderate = withLots.filter { (2...20).contains(realized($0)) }
        let expiring = (moderate.isEmpty ? withLots : moderate).max { realized($0) < realized($1) } ?? withLots[0]
        let lots = try ExportWriter(path: lotsPath, header: Self.lotsHeader)
        for i in withLots {
            let item = items[i]
            let onHand = inventory.items[i]?.onHand ?? 0
            let daily = supply.recentDailyDemand[i]
            var rng = RandomSource(seed: seed, stream: "purchasing/lots/\(item.number)")
            let firstShare = rng.uniform(0.3, 0.7)
            var quantities = [max(1, Int(Double(onHand) * firstShare)), 0]
            quantities[1] = max(0, onHand - quantities[0])
            // Days until each lot expires: past the day its stock runs out at the daily use.
            var days = [Int(Double(quantities[0]) / max(daily, 0.01)) + 30 + rng.int(in: 0...60), 0]
            days[1] = days[0] + Int(Double(quantities[1]) / max(daily, 0.01)) + 30 + rng.int(in: 0...90)
            if i == expiring {
                let use = realized(i)
                quantities = [Int((use * 30 * 1.25).rounded()) + 20, Int((use * 20).rounded())]
                days = [30, 120]
                out.expiringItem = item.number
                out.expiringDailyUse = use
                out.expiringQuantity = quantities[0]
                out.expiringLot = "LT\(item.number)-1"
                out.laterLot = "LT\(item.number)-2"
                out.laterQuantity = quantities[1]
                out.expiringPriceCents = lastPrice[i] ?? item.cents(on: n - 1)
            }
            for k in 0..<2 where quantities[k] > 0 {
                lots.int(item.number)
                lots.text("LT\(item.number)-\(k + 1)")
                lots.text(asOf.adding(days: days[k]).description)
                lots.int(quantities[k])
                lots.text("Central Supply")
                lots.endRow()
            }
        }
        try lots.commit()
        out.lotRows = lots.rowsWritten
        out.lotBytes = lots.bytesWritten
        return out
    }

    /// The truth for planted_truths.json.
    static func truth(_ o: Output) -> JSONValue {
        func mean(_ v: [Int]) -> Double { v.isEmpty ? 0 : Double(v.reduce(0, +)) / Double(v.count) }
        func sd(_ v: [Int]) -> Double {
            guard v.count > 1 else { return 0 }
            let m = mean(v)
            return (v.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) } / Double(v.count - 1)).squareRoot()
        }
        return .object([
            ("id", .string("purchasing")),
            ("kind", .string("purchasing")),
            ("summary", .string("\(lateVendor.vendor.name) delivers late with a wide spread (lead times around the item's lead time + 6 days, sd 4): the lowest on-time rate and the widest lead-time spread of all vendors. Item \(o.overchargedItem) from \(overchargedVendor.vendor.name) is paid 8% above its contract on every order: the largest price variance. Lot \(o.expiringLot) of item \(o.expiringItem) expires in 30 days holding more than 30 days of use, so part of it expires unused; its later lot \(o.laterLot) is used in time.")),
            ("files", .array([.string("purchase_orders.csv"), .string("contracts.csv"), .string("lots.csv"), .string("supply_issues.csv")])),
            ("late_vendor", .object([("vendor", .string(lateVendor.vendor.name)), ("receipts", .int(o.lateLeadDays.count)),
                                     ("lead_time_mean_days", .fixed(mean(o.lateLeadDays), 2)), ("lead_time_sd_days", .fixed(sd(o.lateLeadDays), 2)),
                                     ("other_vendors_lead_time_sd_days", .fixed(sd(o.otherLeadDays), 2))])),
            ("above_contract", .object([("item", .int(o.overchargedItem)), ("vendor", .string(overchargedVendor.vendor.name)),
                                        ("markup_pct", .fixed(100 * (markup - 1), 1)), ("quantity", .int(o.overchargedQuantity)),
                                        ("price_variance", .money(o.overchargedVarianceCents))])),
            ("expiring_lot", .object([("item", .int(o.expiringItem)), ("lot", .string(o.expiringLot)), ("quantity", .int(o.expiringQuantity)),
                                      ("expires_in_days", .int(30)), ("generated_daily_use", .fixed(o.expiringDailyUse, 3)),
                                      ("expected_waste_at_generated_use", .fixed(max(0, Double(o.expiringQuantity) - 30 * o.expiringDailyUse), 1)),
                                      ("unit_price", .money(o.expiringPriceCents)),
                                      ("later_lot", .string(o.laterLot)), ("later_lot_quantity", .int(o.laterQuantity))])),
        ])
    }
}
