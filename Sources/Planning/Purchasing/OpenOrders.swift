import Tabular

/// The purchase order lines still open on a day, by item: what `reorder --orders` counts as
/// on order when the inventory snapshot gives no on_order of its own.
///
/// Why: without it, a reorder list built from a snapshot with no on-order column orders
/// again what was ordered yesterday, and a buyer who sends it pays for the item twice.
///
/// A line ordered by `orderedBy` (the plan's as-of day) is open at the count on `countedOn`
/// for what it had not brought by the count: a line ordered after the count brought nothing
/// the count saw, so all of it is on order (placed two days after the count, it was neither
/// stock nor on order, and ordered twice). Whether more is to come:
/// - units of it arrived after the count (10 of 40 before it and 30 after are 30 on order);
/// - else its status says more is to come (open, partially received, back order), or it has
///   no receipt by the count and its status does not say it is closed.
/// A line received short with no such status is closed, as the vendor scorecard's fill rate
/// takes it. Cancelled lines were left out when the lines were read (`PurchaseOrderLines`).
public struct OpenOrders: Sendable {
    public struct Line: Sendable, Equatable {
        /// The PO number, empty when the export has none.
        public var po: String
        public var orderDay: Int32
        /// Units still to come: ordered less received by the day.
        public var quantity: Double

        /// Days the line has been open on `day`.
        public func daysOpen(on day: Int32) -> Int { Int(day) - Int(orderDay) }
    }

    /// Open lines by item name, in export order.
    public private(set) var byItem: [String: [Line]] = [:]

    /// The lines open on `day`, counted on that day too.
    public init(_ o: PurchaseOrderLines, on day: Int32) {
        self.init(o, countedOn: day, orderedBy: day)
    }

    public init(_ o: PurchaseOrderLines, countedOn day: Int32, orderedBy last: Int32) {
        for line in 0..<o.count where o.orderDay[line] <= last && o.quantity[line] > 0 {
            let (receipts, units, later) = o.receipts(line, by: day)
            let kind = o.statusKind[line]
            let open = later || kind == .open || (kind == .unknown && receipts == 0)
            let remaining = o.quantity[line] - units
            guard open, remaining > 0 else { continue }
            byItem[o.itemNames[Int(o.item[line])], default: []]
                .append(Line(po: o.poNames[Int(o.po[line])], orderDay: o.orderDay[line], quantity: remaining))
        }
    }
}
