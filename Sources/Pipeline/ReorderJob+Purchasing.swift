import Planning
import Tabular

extension ReorderJob {
    /// Receipts an item needs before its observed lead time replaces the item master's.
    public static let observedLeadTimeReceipts = 5

    /// `reorder --orders`: the item's observed lead time (mean and sample sd over all its
    /// receipts) where it has at least `observedLeadTimeReceipts`, and its latest paid price
    /// in place of the item master's unit cost. Returns the notes for the line's reason.
    static func applyOrders(_ purchasing: PurchasingAnalysis, to s: inout StockItem) -> [String] {
        var notes: [String] = []
        if let observed = purchasing.itemLeadTimes[s.item], observed.receipts >= observedLeadTimeReceipts {
            let master = s.leadTimeDays.map { "the item master's \(NumberFormat.fixed($0, decimals: 1))" } ?? "no item-master lead time"
            notes.append("lead time \(NumberFormat.fixed(observed.meanDays, decimals: 2)) days (sd \(NumberFormat.fixed(observed.standardDeviationDays, decimals: 2))) observed over \(observed.receipts) receipts, not \(master)")
            s.leadTimeDays = observed.meanDays
            s.leadTimeStandardDeviationDays = observed.standardDeviationDays
        }
        if let price = purchasing.latestPrice[s.item], price > 0, price != s.unitCost {
            notes.append("unit cost \(NumberFormat.fixed(price, decimals: 2)) is the latest price paid" + (s.unitCost > 0 ? " (item master \(NumberFormat.fixed(s.unitCost, decimals: 2)))" : ""))
            s.unitCost = price
        }
        return notes
    }

    /// `reorder --lots`: each unit's lots used first-expiry-first-out at its forecast daily
    /// use; units that will expire before use are taken out of the inventory position (so
    /// the order replaces them, and the shelf-life cap counts only usable stock) and named
    /// in the reason with the flag `expiry_waste`.
    static func applyLots(_ table: Table, to stock: inout [StockItem], demands: [DemandEstimate], levels: inout [ReorderPlanner.Levels],
                          asOf: CalendarDay, byLocation: Bool) throws {
        let lots = try PurchasingJob.lots(table)
        var byItem: [String: [LotExpiry.Lot]] = [:]
        for lot in lots { byItem[lot.item, default: []].append(lot) }
        for k in stock.indices {
            guard var held = byItem[stock[k].item] else { continue }
            // A location spelled otherwise only in case and spaces (`icu` for `ICU`) is the same
            // place, as the usage's locations are: its lots were ignored, and expiring stock
            // counted as usable.
            if byLocation {
                let place = stock[k].location.matchKey()
                held = held.filter { $0.location.isEmpty || $0.location == stock[k].location || $0.location.matchKey() == place }
            }
            let use = demands[k].dailyMean, cost = stock[k].unitCost
            // Lots holding more than the count is a stale lot file or a wrong count: which one,
            // the data cannot tell. Expiry is planned on the lots as listed and capped at what is
            // on hand (the larger order of the two readings), and the reason says so.
            let listed = held.reduce(0) { $0 + $1.quantity }
            if listed > stock[k].onHand + 0.5 {
                levels[k].notes.append("the lots hold \(NumberFormat.fixed(listed, decimals: 0)) units against \(NumberFormat.fixed(stock[k].onHand, decimals: 0)) on hand: check the count or the lot file (expiry planned on the lots as listed)")
                stock[k].lotsExceedOnHand = true
            }
            let risks = LotExpiry.plan(held, asOf: asOf.daysSinceEpoch, dailyUse: { _ in use }, unitCost: { _ in cost > 0 ? cost : nil })
            let wasted = risks.filter { $0.expectedWaste > 0 }
            let waste = wasted.reduce(0) { $0 + $1.expectedWaste }
            guard waste > 0 else { continue }
            stock[k].expectedExpiryWaste = min(waste, stock[k].onHand)
            let shown = wasted.prefix(3).map { "lot \($0.lot.lot) \(NumberFormat.fixed($0.expectedWaste, decimals: 0)) of \(NumberFormat.fixed($0.lot.quantity, decimals: 0)) by \(CalendarDay(daysSinceEpoch: $0.lot.expiryDay))" }
            let value = cost > 0 ? " ($\(NumberFormat.fixed(waste * cost, decimals: 2)))" : ""
            levels[k].notes.append("\(NumberFormat.fixed(waste, decimals: 0)) units expected to expire before use\(value), first expiry first out at \(NumberFormat.fixed(use, decimals: 2))/day: \(shown.joined(separator: ", "))\(wasted.count > 3 ? " and \(wasted.count - 3) more lots" : ""); not counted as stock")
        }
    }
}
