import Planning
import Reports
import Tabular

extension ReorderJob {
    /// reorder.csv with DESIGN.md's columns.
    public static func table(_ lines: [ReorderLine]) -> Table {
        func text(_ f: (ReorderLine) -> String) -> Table.Column { .text(lines.map(f)) }
        func number(_ f: (ReorderLine) -> Double) -> Table.Column { .number(lines.map(f)) }
        return Table([
            ("item", text(\.item)), ("description", text(\.description)), ("vendor", text(\.vendor)), ("location", text(\.location)),
            ("on_hand", number(\.onHand)), ("on_order", number(\.onOrder)), ("inventory_position", number { ($0.inventoryPosition * 100).rounded() / 100 }),
            ("demand_forecast", number { ($0.demandForecast * 100).rounded() / 100 }), ("safety_stock", number { ($0.safetyStock * 100).rounded() / 100 }),
            ("reorder_point", number { ($0.reorderPoint * 100).rounded() / 100 }), ("order_up_to", number { ($0.orderUpTo * 100).rounded() / 100 }),
            // An item without a cost has none, written empty: a $0 price and a $0 commitment
            // were summed as such by whoever built the PO from the file.
            ("order_qty", number(\.orderQuantity)), ("packs", number(\.packs)), ("unit_cost", number { $0.costUnknown ? .nan : $0.unitCost }),
            ("order_cost", number { $0.costUnknown ? .nan : ($0.orderCost * 100).rounded() / 100 }), ("days_of_supply", number { $0.daysOfSupply.map { ($0 * 10).rounded() / 10 } ?? .nan }),
            ("service_level", number(\.serviceLevel)), ("policy", text(\.policy)), ("flags", text { $0.flags.joined(separator: ";") }),
            ("reason", text(\.reason)),
        ])
    }

    /// Stock value held above the order-up-to level (all of it for discontinued items).
    /// Units expected to expire are waste (the expiry figures count them), not stock above target:
    /// counted as both, a line ordering to replace its expiring stock read as excess too.
    public static func valueAboveTarget(_ line: ReorderLine) -> Double {
        let target = line.flags.contains("discontinued") ? 0 : max(0, line.orderUpTo)
        return max(0, line.onHand - line.expectedExpiryWaste - target) * line.unitCost
    }

    /// How a note on the usage ending before as-of begins, in `reorder` and `purchasing` alike.
    public static func usageEndLead(_ end: CalendarDay, asOf: CalendarDay) -> String {
        "the usage ends \(end), \(NumberFormat.count(Int(asOf.daysSinceEpoch - end.daysSinceEpoch), "day")) before as-of \(asOf)"
    }

    /// The usage ending before as-of: what the days between are read as.
    public static func usageEndNote(_ end: CalendarDay, asOf: CalendarDay) -> String {
        usageEndLead(end, asOf: asOf) + ": demand is forecast from the day after it, and the stock on hand is read as counted on as-of, its use in the days between already taken off (not read as days without use); a count older than that is flagged stale_count, its use since estimated in the reason but not taken off"
    }

    /// Items used in the last year with no inventory row, named (the first ten) so that the
    /// buyer can add their stock or confirm they are not stocked.
    ///
    /// A code with the digits of a planned item's (`00409-4888-01` beside `409488801`, an NDC
    /// with and without its dashes) is said to be the one item written two ways: told only to
    /// add an inventory row, a buyer would have made a second item while the real one stayed
    /// dead stock.
    public static func usedWithoutStockNote(_ names: [String], planned: [String] = []) -> String {
        let shown = names.listed(upTo: 10)
        let count = names.count == 1 ? "1 item used in the last year has" : "\(names.count) items used in the last year have"
        func digits(_ code: String) -> String? {
            let kept = code.filter(\.isASCII).filter(\.isNumber).drop { $0 == "0" }
            return kept.count >= 6 && code.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) ? String(kept) : nil
        }
        var plannedByDigits: [String: String] = [:]
        for code in planned { if let key = digits(code) { plannedByDigits[key] = plannedByDigits[key] == nil ? code : "" } }
        let twins = names.compactMap { name in digits(name).flatMap { plannedByDigits[$0] }.flatMap { $0.isEmpty || $0 == name ? nil : "\(name) has the digits of \($0)" } }
        let listedTwins = twins.listed(upTo: 5, of: twins.count)
        let same = twins.isEmpty ? "" : " " + listedTwins.prefix(1).uppercased() + listedTwins.dropFirst()
            + ": if \(twins.count == 1 ? "they are one item" : "each pair is one item"), write the code one way in every file."
        return "\(count) no inventory row and \(names.count == 1 ? "is" : "are") not planned (\(shown)); add \(names.count == 1 ? "its" : "their") stock to the inventory snapshot, on hand 0 if none is held." + same
    }

    /// Items whose item-master cost is their pack's price (`PackPricedCost`), named for the
    /// run's notes and the report's summary; nil when none.
    public static func packPricedNote(_ items: [String]) -> String? {
        guard !items.isEmpty else { return nil }
        return "item-master unit cost read as the pack's price, costed per unit at cost / pack_size, as the usage prices \(items.count == 1 ? "the item" : "these items") at about that each: "
            + items.listed(upTo: 10) + "; if the item master's cost is per unit, check the usage's prices"
    }

    /// The summary's sentences on `--orders`' open lines (`applyOpenOrders`).
    static func openOrderNotes(_ use: OpenOrderUse) -> [String] {
        func items(_ n: Int) -> String { NumberFormat.count(n, "item") }
        var notes: [String] = []
        if use.itemsCounted > 0 {
            notes.append("On order for \(items(use.itemsCounted)) comes from \(NumberFormat.count(use.linesCounted, "open PO line")), as the inventory gives no on order.")
        }
        if use.itemsAboveInventory > 0 {
            notes.append("\(items(use.itemsAboveInventory)) \(use.itemsAboveInventory == 1 ? "has" : "have") open PO lines for more than the inventory's on order, which is kept: check them before ordering (the reasons name the lines).")
        }
        if use.itemsUnplaced > 0 {
            notes.append("\(items(use.itemsUnplaced)) stocked at several locations \(use.itemsUnplaced == 1 ? "has" : "have") open PO lines that name no location (the orders have none): counted at the locations needing the most first (the reasons say where); give them as on_order in the inventory, or move the stock, where they are bound elsewhere.")
        }
        if !use.itemsNotStocked.isEmpty {
            let n = use.itemsNotStocked.count
            notes.append("\(n == 1 ? "1 item" : "\(n) items") on open PO lines \(n == 1 ? "is" : "are") not in the inventory (\(use.itemsNotStocked.listed(upTo: 10))): \(n == 1 ? "its lines are" : "their lines are") not counted anywhere; check the item codes against the item master's.")
        }
        if use.itemsOverdue > 0 {
            notes.append("\(items(use.itemsOverdue)) \(use.itemsOverdue == 1 ? "has" : "have") PO lines open past \(use.itemsOverdue == 1 ? "its" : "their") lead time (flag overdue_order): expedite them, or close them in the ERP if they will not come.")
        }
        return notes
    }

    /// An order list's cost: the total of its lines with a unit cost, and how many have none
    /// (flag `missing_cost`), whose cost is unknown, not zero: summed as zero, two such lines
    /// read `2 to order, total 0`. The run's summary line, reorder.md and the workbook's key
    /// figures all say it from this one count.
    struct OrderCost {
        let total: Double
        let uncosted: Int
        /// Every line is without a unit cost: there is no total at all.
        let unknown: Bool
        static let unknownText = "cost unknown (no unit cost)"

        init(_ orders: [ReorderLine]) {
            total = orders.reduce(0) { $0 + ($1.costUnknown ? 0 : $1.orderCost) }
            uncosted = orders.filter(\.costUnknown).count
            unknown = uncosted > 0 && uncosted == orders.count
        }
    }

    /// The order total of the run's summary line: it says how many lines it leaves out, as
    /// reorder.md says they are not in its total, and a plan of only such lines has no total.
    public static func orderTotalSummary(_ orders: [ReorderLine]) -> String {
        let cost = OrderCost(orders)
        if cost.unknown { return OrderCost.unknownText }
        let total = "total \(NumberFormat.fixed(cost.total, decimals: 2))"
        return cost.uncosted == 0 ? total : total + " (not counting \(NumberFormat.count(cost.uncosted, "order line")) without a unit cost)"
    }

    /// reorder.md: the summary a buyer reads first, the outlook of the biggest items, then
    /// one section per vendor.
    public static func report(_ plan: Plan, numbers: NumberStyle = NumberStyle(), file: String = "reorder") -> Report {
        let orders = plan.lines.filter { $0.orderQuantity > 0 }
        let cost = OrderCost(orders)
        let atRisk = plan.lines.filter { $0.flags.contains("stockout_risk") && !$0.flags.contains("discontinued") }
        let critical = atRisk.filter { $0.criticality == .vital }
        let above = plan.lines.reduce(0) { $0 + valueAboveTarget($1) }
        // Lines are items, or items at a location when the usage names locations: counted as
        // items or stock lines, and named with their location (one item at two locations read
        // as "2 items", named twice alike).
        let byLocation = plan.byLocation
        func items(_ n: Int, _ verb: String, _ plural: String) -> String {
            let noun = byLocation ? "stock line" : "item"
            return n == 1 ? "1 \(noun) \(verb)" : "\(n) \(noun)s \(plural)"
        }
        func named(_ line: ReorderLine) -> String {
            "\(line.item) \(line.description)" + (byLocation && !line.location.isEmpty ? " at \(line.location)" : "")
        }
        let noCost = plan.lines.filter(\.costUnknown)
        // A totals export spread over its days, then the usage ending before as-of.
        let usageEnd: [String] = ([plan.usageReadAsTotals] + [plan.usageEnd.map { usageEndNote($0, asOf: plan.asOf) }]).compactMap { note in
            note.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
        }
        let vendors = Set(orders.lazy.map(\.vendor).filter { !$0.isEmpty }).count, noVendor = orders.filter { $0.vendor.isEmpty }.count
        let missing = plan.itemsWithoutMaster
        let withoutMaster: [String] = missing.isEmpty ? [] : [(missing.count == 1 ? "1 inventory item is missing from the item master and was planned without its vendor, pack or minimum"
            : "\(missing.count) inventory items are missing from the item master and were planned without their vendor, pack or minimum")
            + " (flag not_in_item_master): " + missing.listed(upTo: 10) + "; add \(missing.count == 1 ? "it" : "them") before ordering."]
        // Every line without a unit cost: a total of $0 read as free (the note below says such
        // lines are not in the total when some have a cost).
        let totalText = cost.unknown ? OrderCost.unknownText : "total \(numbers.money(cost.total))"
        var doc = Report(title: "Reorder list as of \(plan.asOf)", summary: usageEnd + [
            "\(NumberFormat.count(orders.count, "order line")) from \(NumberFormat.count(vendors, "vendor"))\(noVendor > 0 ? " and \(noVendor) without one" : ""), \(totalText).",
            "\(items(atRisk.count, "may", "may")) stock out before the next delivery (\(critical.count) of them vital)" + (critical.isEmpty ? "." : ": " + critical.prefix(10).map(named).joined(separator: ", ") + "."),
            "\(numbers.money(above)) of stock is held above target levels; \(items(plan.lines.filter { $0.flags.contains("expiry_risk") || $0.flags.contains("expiry_waste") }.count, "holds", "hold")) more than can be used before expiry; \(items(plan.lines.filter { $0.flags.contains("dead_stock") }.count, "is", "are")) dead stock; \(items(plan.lines.filter { $0.flags.contains("discontinued") }.count, "is", "are")) discontinued and not reordered.",
        ] + withoutMaster
          + (plan.usedWithoutStock.isEmpty ? [] : [usedWithoutStockNote(plan.usedWithoutStock, planned: plan.lines.map(\.item))])
          + (plan.lotsWithoutStockRow.isEmpty ? [] : ["Lots at a location where the inventory has no row of their item, not planned: "
                                                      + plan.lotsWithoutStockRow.listed(upTo: 10) + "; add that location's stock (on hand) to the snapshot."])
          + openOrderNotes(plan.openOrders)
          + (plan.unreadLookalikes.isEmpty ? [] : ["Columns left unread that look like roles: " + plan.unreadLookalikes.joined(separator: "; ")
                + "; the plan uses its defaults in their place (DESIGN.md's, or none); if they are those roles, map them with --columns (columns: in a pipeline)."])
          + [packPricedNote(plan.packPricedCosts)].compactMap { $0.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." } }
          + (noCost.isEmpty ? [] : ["\(items(noCost.count, "has", "have")) no unit cost in the item master or the usage (flag missing_cost): \(cost.unknown ? "the cost of the order is unknown" : "\(cost.uncosted) of their order lines are not in the total above"); add the prices to the item master."]))
        doc.keyFigure("Order lines", Double(orders.count))
        doc.keyFigure("Vendors", Double(vendors))
        // The workbook's key figures say what the summary says: no total of $0 for orders whose
        // cost is unknown, and a total that leaves lines out says so.
        if !cost.unknown {
            doc.keyFigure(cost.uncosted == 0 ? "Order total" : "Order total (not counting \(cost.uncosted) line\(cost.uncosted == 1 ? "" : "s") without a unit cost)",
                          cost.total, style: .money)
        }
        let noun = byLocation ? "stock lines" : "items"
        doc.keyFigure("\(noun.prefix(1).uppercased() + noun.dropFirst()) at risk of stockout", Double(atRisk.count))
        doc.keyFigure("Vital \(noun) at risk", Double(critical.count))
        doc.keyFigure("Stock held above target", above, style: .money)
        doc.keyFigure("\(noun.prefix(1).uppercased() + noun.dropFirst()) without a unit cost", Double(noCost.count))
        if !plan.outlooks.isEmpty {
            doc.heading("Demand outlook for the largest items by spend")
            // Said in the text, not only in the charts' captions: the Summary sheet and the page
            // show which items' weeks are their daily forecast summed.
            let byDay = plan.outlooks.filter { $0.bookedDaysOfFirstWeek != nil }.map(\.name)
            doc.paragraph("Weekly use over the last year and the forecast behind this list, with 80% and 95% ranges."
                          + (byDay.isEmpty ? "" : " \(byDay.listed(upTo: 5)) \(byDay.count == 1 ? "is" : "are") planned day by day: \(byDay.count == 1 ? "its" : "their") forecast is the daily one the list used, summed by week, the week under way holding its days already used."))
            for (rank, outlook) in plan.outlooks.enumerated() {
                // Which forecast it is, for an item planned day by day (`SeriesOutlook.bookedDaysOfFirstWeek`).
                let daily = outlook.bookedDaysOfFirstWeek.map { days in
                    " The forecast is the daily one this list plans the item by, summed by week"
                        + (days > 0 ? "; the first forecast week holds its \(days) day\(days == 1 ? "" : "s") already used." : ".")
                } ?? ""
                doc.figure(outlook.figure(name: "outlook_\(rank + 1)", title: "Weekly use: \(outlook.name)",
                                          caption: "Units used per week, forecast with 80% and 95% ranges." + daily, format: .quantity))
            }
        }
        let csv = file + ".csv"
        // With locations, each line says where it goes: two rows of one item ordering 300 and
        // 100 read the same otherwise.
        let located = plan.lines.contains { !$0.location.isEmpty }
        func placed(_ header: [String]) -> [String] { located ? Array(header.prefix(2)) + ["Location"] + header.dropFirst(2) : header }
        func placed(_ row: [String], _ line: ReorderLine) -> [String] { located ? Array(row.prefix(2)) + [line.location] + row.dropFirst(2) : row }
        func placed(_ alignments: [Report.Alignment]) -> [Report.Alignment] { located ? Array(alignments.prefix(2)) + [.left] + alignments.dropFirst(2) : alignments }
        for (vendor, all) in Dictionary(grouping: orders, by: \.vendor).sorted(by: { $0.key < $1.key }) {
            doc.heading("\(vendor.isEmpty ? "(no vendor)" : vendor): \(numbers.money(all.reduce(0) { $0 + $1.orderCost }))")
            let lines = shown(all, by: \.orderCost, in: &doc, file: csv)
            // The cost as reorder.csv writes it (to the cent) behind the whole dollars shown.
            doc.table(placed(["Item", "Description", "Order", "Packs", "Cost", "Why"]),
                      lines.map { placed([$0.item, $0.description, numbers.quantity($0.orderQuantity, decimals: 0), numbers.quantity($0.packs, decimals: 0),
                                          $0.costUnknown ? "unknown" : numbers.money($0.orderCost), $0.reason], $0) },
                      alignments: placed([.left, .left, .right, .right, .right, .left]),
                      values: lines.map { line -> [Double?] in
                          let cost: Double? = line.costUnknown ? nil : (line.orderCost * 100).rounded() / 100
                          return (located ? [nil, nil, nil] : [nil, nil]) + [line.orderQuantity, line.packs, cost, nil]
                      })
        }
        if !plan.simulation.isEmpty {
            doc.heading("Replay of recent demand: recommended levels vs par levels")
            if let first = plan.simulation.first(where: { !$0.levelsAsOf.isEmpty }) {
                // The recommended levels are replayed under the plan's own policy (`PolicySimulation.Stockpoint.Rule`).
                let rule: String
                switch plan.lines.first?.policy {
                case ReorderPolicy.continuous.rawValue: rule = "the recommended levels as (s, Q): the position checked every day, lots of Q (in packs) ordered when it falls to the reorder point s; par levels topped up every review period"
                case ReorderPolicy.minMax.rawValue: rule = "the recommended levels as min/max: up to max at a review that finds the position at or below min; par levels topped up every review period"
                default: rule = "reviews every review period"
                }
                doc.paragraph("Actual daily demand from \(first.replayStart) to \(first.replayEnd), replayed through levels planned from the usage up to \(first.levelsAsOf) only (out of sample), and through today's par levels; \(rule), receipts after the lead time, whole packs, unmet demand lost.")
            }
            if plan.simulationMasterParShared > 0 {
                doc.paragraph(Self.masterParSharedNote(plan.simulationMasterParShared))
            }
            /// The replay's rows, headed by what they are grouped by.
            func replayTable(_ group: String, _ rows: [SimulationRow], _ key: (SimulationRow) -> String) {
                doc.table([group, "Policy", "Items", "Target", "Fill rate", "Stockout item-days", "Avg inventory", "Orders"],
                          rows.map { r in
                              [key(r), r.policy, String(r.items), numbers.percent(100 * r.targetFillRate), numbers.percent(100 * r.outcome.fillRate, decimals: 2),
                               String(r.outcome.stockoutDays), numbers.money(r.outcome.averageInventoryValue), String(r.outcome.orders)]
                          }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
            }
            replayTable("Criticality", plan.simulation, \.criticality)
            if plan.simulationByDemandClass.count > 2 {
                doc.paragraph("By the items' demand class (a class's fill rate can miss its target while the criticality's pooled one meets it):")
                replayTable("Demand class", plan.simulationByDemandClass, \.demandClass)
            }
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
            doc.table(placed(["Item", "Description", "On hand", "Flags", "Why"]),
                      shown(attention, by: { $0.onHand * $0.unitCost }, in: &doc, file: csv).map {
                          placed([$0.item, $0.description, numbers.quantity($0.onHand, decimals: 0), $0.flags.joined(separator: ", "), $0.reason], $0)
                      },
                      alignments: placed([.left, .left, .right, .left, .left]))
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

    /// Said with the replay and its saving when the item master's one par level stood for
    /// several stock locations (`Plan.simulationMasterParShared`): a par location's own par is
    /// not the storeroom's, and the saving against it is not one.
    static func masterParSharedNote(_ count: Int) -> String {
        "\(count == 1 ? "1 item stocked at several locations was" : "\(count) items stocked at several locations were") replayed at the item master's one par level at each of them (the inventory gives no par_level of its own per location): the par-level figures and the saving for \(count == 1 ? "it" : "them") are not those of the pars in use; give each location's par as par_level in the inventory."
    }

    /// Rows per table in reorder.md; reorder.csv always has every line.
    public static let reportTableLimit = 250

    /// The savings the reorder plan shows, for the run's index.
    public static func costReductions(_ plan: Plan, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        var items: [CostReduction] = []
        let excess = plan.lines.filter { valueAboveTarget($0) > 0 }
        if !excess.isEmpty {
            let dead = excess.filter { $0.flags.contains("dead_stock") || $0.flags.contains("discontinued") }.reduce(0) { $0 + valueAboveTarget($1) }
            items.append(CostReduction(area: "Inventory above target", detail: "\(excess.count == 1 ? "1 stock line holds more than its" : "\(excess.count) stock lines hold more than their") order-up-to level; \(numbers.money(dead)) of it is dead or discontinued stock. Letting it run down frees that cash.",
                                       amount: excess.reduce(0) { $0 + valueAboveTarget($1) }, report: report))
        }
        let recommendedRows = plan.simulation.filter { $0.policy == "recommended" }
        let parRows = plan.simulation.filter { $0.policy == "par levels" }
        let recommended = recommendedRows.reduce(0) { $0 + $1.outcome.averageInventoryValue }
        let par = parRows.reduce(0) { $0 + $1.outcome.averageInventoryValue }
        // A saving only counts when the recommended levels serve each class at least as well
        // as its target or as the par levels did (half a point of slack), out of sample: each
        // criticality, and each demand class (lumpy items missing their target hid in a
        // criticality's pooled fill rate).
        func kept(_ rows: [SimulationRow]) -> Bool {
            zip(rows.filter { $0.policy == "recommended" }, rows.filter { $0.policy == "par levels" }).allSatisfy { r, p in
                r.outcome.fillRate >= min(r.targetFillRate, p.outcome.fillRate) - 0.005
            }
        }
        let serviceKept = kept(plan.simulation) && kept(plan.simulationByDemandClass)
        if let window = recommendedRows.first, par > recommended && serviceKept {
            items.append(CostReduction(area: "Par levels replaced by recommended levels", detail: "Replaying \(window.replayStart) to \(window.replayEnd) with levels set from the usage up to \(window.levelsAsOf) (out of sample), the recommended levels hold \(numbers.money(recommended)) of inventory on average against \(numbers.money(par)) at today's par levels, with each class's fill rate at its target or at least the par levels' fill rate." + (plan.simulationMasterParShared > 0 ? " " + masterParSharedNote(plan.simulationMasterParShared) : ""),
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
