import Tabular

/// The purchase order lines still open on a day, by item: what `reorder --orders` counts as
/// on order when the inventory snapshot gives no on_order of its own.
///
/// Why: without it, a reorder list built from a snapshot with no on-order column orders
/// again what was ordered yesterday, and a buyer who sends it pays for the item twice.
///
/// A line is open on `day` when it was ordered on or before that day and had not arrived by
/// it: no receipt yet, or a last receipt after it (the stock was counted before the
/// delivery; such a line counts whole, although a part may have come earlier). A line
/// received short is closed, as the vendor scorecard's fill rate takes it; an ERP that keeps
/// the rest on back order exports the rest as an open line of its own. Cancelled lines were
/// left out when the lines were read (`PurchaseOrderLines`).
public struct OpenOrders: Sendable {
    public struct Line: Sendable, Equatable {
        /// The PO number, empty when the export has none.
        public var po: String
        public var orderDay: Int32
        public var quantity: Double

        /// Days the line has been open on `day`.
        public func daysOpen(on day: Int32) -> Int { Int(day) - Int(orderDay) }
    }

    /// Open lines by item name, in export order.
    public private(set) var byItem: [String: [Line]] = [:]

    public init(_ o: PurchaseOrderLines, on day: Int32) {
        for line in 0..<o.count where o.orderDay[line] <= day && o.quantity[line] > 0 {
            let arrivedLater = o.receiptDay[line] != PurchaseOrderLines.noDay && o.receiptDay[line] > day
            guard !o.isReceived(line) || arrivedLater else { continue }
            byItem[o.itemNames[Int(o.item[line])], default: []]
                .append(Line(po: o.poNames[Int(o.po[line])], orderDay: o.orderDay[line], quantity: o.quantity[line]))
        }
    }

}
