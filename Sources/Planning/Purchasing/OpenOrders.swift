import Tabular

/// The purchase order lines still open on a day, by item: what `reorder --orders` counts as
/// on order when the inventory snapshot gives no on_order of its own.
///
/// Why: without it, a reorder list built from a snapshot with no on-order column orders
/// again what was ordered yesterday, and a buyer who sends it pays for the item twice.
///
/// A line ordered by `orderedBy` (the plan's as-of day) is on order, for a count on
/// `countedOn`, by the units the count did not see: those that arrived after the count by
/// as-of (10 of 40 before it and 30 after are 30 on order), and those still to come at as-of.
/// A line ordered after the count brought nothing the count saw (placed two days after the
/// count, it was neither stock nor on order, and ordered twice). More is to come when its
/// status says so (open, partially received, back order), or it has nothing received by as-of
/// (no receipt, or receipts of 0: a receipt of 0 is no delivery, as the scorecard reads it, so
/// it does not close the line) and its status does not say it is closed, or it was received in part with no status and is
/// still inside its lead time plus the grace (`PurchaseOrderLines.awaitsRest`, as the vendor
/// scorecard takes it). Past that, a line received short with no such status is closed: 20
/// of 200 received after the count and the line closed are 20 on order, not the 200 ordered
/// (which held back the order of an item 9 days from empty). Cancelled lines were left out
/// when the lines were read (`PurchaseOrderLines`), unless they carry receipts: then they are
/// closed short, what they brought counted as arrived and nothing as to come. A line whose
/// status says partly received with no receipt quantity is not counted: how much of it is
/// still to come is not known (README, "Partly received with no receipt quantity").
public struct OpenOrders: Sendable {
    public struct Line: Sendable, Equatable {
        /// The PO number, empty when the export has none.
        public var po: String
        public var orderDay: Int32
        /// Units that arrived after the count, by as-of: certainly there, whatever the line's age.
        public var arrived: Double
        /// Units still to come at as-of.
        public var toCome: Double
        /// Units the count saw that went back to the vendor after it, by as-of: a receipt
        /// before the count reversed after it, or a return (`PurchaseOrderLines.returns`). Off
        /// the shelf at as-of. Netted into `arrived` (never below 0), a receipt of 05-19 in a
        /// count of 200 on 05-25 and its reversal of 05-27 left the 100 on the shelf: 140 on
        /// hand for 40, and no order where 100 ($400) were needed.
        public var returned = 0.0
        /// The line has a receipt of 0 (a reversed or placeholder receipt) and nothing else by
        /// as-of: open, since a receipt of 0 is no delivery, and said where the line is named
        /// (it closed the line and the units were ordered again, without a word).
        public var zeroReceipt = false

        /// Units the count did not see: arrived since and still to come.
        public var quantity: Double { arrived + toCome }

        public init(po: String, orderDay: Int32, arrived: Double = 0, toCome: Double) {
            self.po = po
            self.orderDay = orderDay
            self.arrived = arrived
            self.toCome = toCome
        }

        /// A line whose units are all still to come.
        public init(po: String, orderDay: Int32, quantity: Double) {
            self.init(po: po, orderDay: orderDay, toCome: quantity)
        }

        /// Days the line has been open on `day`.
        public func daysOpen(on day: Int32) -> Int { Int(day) - Int(orderDay) }
    }

    /// Open lines by item name, in export order.
    public private(set) var byItem: [String: [Line]] = [:]

    /// The lines open on `day`, counted on that day too. `leadDays` gives an item's lead time
    /// (the item master's, else the default) for lines received in part without a status.
    public init(_ o: PurchaseOrderLines, on day: Int32, leadDays: (String) -> Double = { _ in PurchasingAnalysis.Settings().defaultLeadTimeDays }, graceDays: Double = PurchasingAnalysis.Settings().graceDays) {
        self.init(o, countedOn: day, orderedBy: day, leadDays: leadDays, graceDays: graceDays)
    }

    public init(_ o: PurchaseOrderLines, countedOn day: Int32, orderedBy last: Int32, leadDays: (String) -> Double = { _ in PurchasingAnalysis.Settings().defaultLeadTimeDays }, graceDays: Double = PurchasingAnalysis.Settings().graceDays) {
        // A line partly received by its status, with no receipt quantity, holds an unknown part
        // of its order on the shelf already: not counted on order (`PurchaseOrderLines.partlyReceivedUnknown`).
        let notKnown = Set(o.partlyReceivedUnknown)
        for line in 0..<o.count where o.orderDay[line] <= last && o.quantity[line] > 0 && !notKnown.contains(line) {
            // What arrived between the count and as-of, and what is still to come at as-of.
            let atCount = o.receipts(line, by: day)
            let atPlan = day == last ? atCount : o.receipts(line, by: last)
            let kind = o.statusKind[line]
            let openAtPlan = atPlan.later || kind == .open || (kind == .unknown && atPlan.units <= 0)
                || o.awaitsRest(line, units: atPlan.units, on: last, leadDays: leadDays(o.itemNames[Int(o.item[line])]), graceDays: graceDays)
            // Each receipt and reversal on its own day: what came after the count is on the
            // shelf, what of the counted units went back after it is off it.
            let since = atPlan.units - atCount.units
            let arrived = max(0, since), returned = max(0, -since), toCome = openAtPlan ? max(0, o.quantity[line] - atPlan.units) : 0
            guard arrived + toCome + returned > 0 else { continue }
            var open = Line(po: o.poNames[Int(o.po[line])], orderDay: o.orderDay[line], arrived: arrived, toCome: toCome)
            open.returned = returned
            open.zeroReceipt = atPlan.count > 0 && atPlan.units <= 0
            byItem[o.itemNames[Int(o.item[line])], default: []].append(open)
        }
        // Returns to the vendor after the count, by as-of: off the shelf.
        for back in o.returns where back.day > day && back.day <= last {
            var line = Line(po: back.po, orderDay: back.day, toCome: 0)
            line.returned = back.units
            byItem[back.item, default: []].append(line)
        }
    }
}

extension OpenOrders {
    /// An item's stock on the plan's as-of day from a count taken on or before it and the PO
    /// lines the count did not see (`OpenOrders(_:countedOn:orderedBy:)`): what arrived since is
    /// on the shelf, what is still to come is on order, and no unit is both.
    ///
    /// Why: the position was the count plus the inventory's on_order less the use since, which
    /// holds only while every unit received since the count is inside that on_order. Kept as
    /// the export gives it on the count's day, it is not: 200 received after a count of 150
    /// (on order 0 then) read as 90 in the position while the reason said 290 on the shelf,
    /// and a PO placed after the count was ignored; both were ordered again.
    public struct SinceCount: Sendable, Equatable {
        /// Units the lines delivered after the count, by as-of: on the shelf at as-of.
        public var received = 0.0
        /// Of `received`, the units of lines ordered by the count day: inside its on_order then.
        public var receivedOfLinesOpenAtCount = 0.0
        /// Units still to come at as-of on the lines ordered by the count day, and on those
        /// ordered after it (which no on_order of the count day holds).
        public var toComeOfLinesOpenAtCount = 0.0, toComeOfLinesOrderedSince = 0.0
        /// Units the count saw that went back to the vendor since, by as-of (`Line.returned`).
        public var returned = 0.0
        /// The lines ordered after the count.
        public var orderedSince: [Line] = []

        /// The lines of one item, each with whether its units still to come are counted on (a
        /// line open far past its lead time is not): what arrived is counted whatever the age.
        public init(_ lines: [Line], countedOn day: Int32, countsToCome: (Line) -> Bool = { _ in true }) {
            for line in lines {
                let toCome = countsToCome(line) ? line.toCome : 0
                received += line.arrived
                returned += line.returned
                if line.orderDay > day {
                    toComeOfLinesOrderedSince += toCome
                    if line.arrived + toCome > 0 { orderedSince.append(line) }
                } else {
                    receivedOfLinesOpenAtCount += line.arrived
                    toComeOfLinesOpenAtCount += toCome
                }
            }
        }

        /// On order at as-of. Given the count day's on_order (the ERP's figure, kept over the
        /// lines it should hold): that, less what its lines delivered since (never below 0), plus
        /// what is to come of the lines ordered since. Without it: what the lines still bring.
        public func onOrder(givenAtCount given: Double?) -> Double {
            guard let given else { return toComeOfLinesOpenAtCount + toComeOfLinesOrderedSince }
            return max(0, given - receivedOfLinesOpenAtCount) + toComeOfLinesOrderedSince
        }
    }
}
