import Tabular

/// Purchase order lines with their receipts, held column by column with items and vendors
/// numbered, so a million lines are grouped by integer keys instead of hashing Strings.
///
/// Missing values: a day of `PurchaseOrderLines.noDay`, a number of NaN.
public struct PurchaseOrderLines: Sendable {
    public static let noDay = Int32.min

    /// Names by id.
    public private(set) var itemNames: [String] = []
    public private(set) var vendorNames: [String] = []
    public private(set) var item: [Int32] = []
    public private(set) var vendor: [Int32] = []
    public private(set) var orderDay: [Int32] = []
    public private(set) var quantity: [Double] = []
    public private(set) var unitPrice: [Double] = []
    public private(set) var receiptDay: [Int32] = []
    public private(set) var receivedQuantity: [Double] = []
    public private(set) var contractPrice: [Double] = []

    public var count: Int { item.count }

    /// Lines from parallel columns; `receiptDay` uses `noDay` and numbers NaN where blank.
    public init(item items: [String], vendor vendors: [String], orderDay: [Int32], quantity: [Double],
                unitPrice: [Double]? = nil, receiptDay: [Int32]? = nil, receivedQuantity: [Double]? = nil, contractPrice: [Double]? = nil) {
        let n = items.count
        var itemIDs = ByteKeyTable(capacity: 1024), vendorIDs = ByteKeyTable(capacity: 64)
        item.reserveCapacity(n)
        vendor.reserveCapacity(n)
        for row in 0..<n {
            var name = items[row]
            let i = name.withUTF8 { itemIDs.intern($0) }
            if i == itemNames.count { itemNames.append(name) }
            item.append(Int32(i))
            var vendorName = vendors[row]
            let v = vendorName.withUTF8 { vendorIDs.intern($0) }
            if v == vendorNames.count { vendorNames.append(vendorName) }
            vendor.append(Int32(v))
        }
        self.orderDay = orderDay
        self.quantity = quantity
        let blank = [Double](repeating: .nan, count: n)
        self.unitPrice = unitPrice ?? blank
        self.receiptDay = receiptDay ?? [Int32](repeating: Self.noDay, count: n)
        self.receivedQuantity = receivedQuantity ?? blank
        self.contractPrice = contractPrice ?? blank
    }

    /// Whether the line was received: it has a receipt date or a received quantity.
    @inlinable
    public func isReceived(_ row: Int) -> Bool { receiptDay[row] != Self.noDay || !receivedQuantity[row].isNaN }

    /// Units received: the received quantity, else the ordered quantity when a receipt date
    /// says the line arrived without saying how much (a full receipt).
    @inlinable
    public func received(_ row: Int) -> Double {
        if !receivedQuantity[row].isNaN { return receivedQuantity[row] }
        return receiptDay[row] != Self.noDay ? quantity[row] : 0
    }

    /// Days from order to receipt, nil without a receipt date.
    @inlinable
    public func leadDays(_ row: Int) -> Double? {
        receiptDay[row] == Self.noDay ? nil : Double(receiptDay[row] - orderDay[row])
    }
}
