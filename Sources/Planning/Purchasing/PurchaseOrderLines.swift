import Tabular

/// Purchase order lines with their receipts, held column by column with items and vendors
/// numbered, so a million lines are grouped by integer keys instead of hashing Strings.
///
/// A line received in parts is often exported once per receipt: the same po, item, vendor,
/// order date and ordered quantity on each row, with that delivery's receipt date and
/// received quantity. Such rows are one line here (when they carry a PO number; without
/// one, two identical lines may well be two orders): its ordered quantity and spend count
/// once, its received quantity is the sum of the receipts, and its receipt day is the last
/// delivery's, since the line was complete only then (lead time and on time are judged on
/// it). Counted per row, a line received as 60 and then 40 of 100 was 200 ordered, twice
/// the spend, and a fill rate of 0.5. The import rejects a row that repeats another exactly,
/// receipt and all, so what is merged here are different deliveries.
///
/// A receipt of 0 units is no receipt: it has no lead time and is not on time (the line
/// still counts in the fill rate, with nothing received).
///
/// Missing values: a day of `PurchaseOrderLines.noDay`, a number of NaN.
public struct PurchaseOrderLines: Sendable {
    public static let noDay = Int32.min

    /// Names by id.
    public private(set) var itemNames: [String] = []
    public private(set) var vendorNames: [String] = []
    /// PO numbers by id; id 0 is the empty one (no PO number).
    public private(set) var poNames: [String] = [""]
    public private(set) var item: [Int32] = []
    public private(set) var vendor: [Int32] = []
    public private(set) var po: [Int32] = []
    public private(set) var orderDay: [Int32] = []
    public private(set) var quantity: [Double] = []
    public private(set) var unitPrice: [Double] = []
    /// The day the last units of the line arrived; `noDay` when none did (still open, or
    /// received as 0).
    public private(set) var receiptDay: [Int32] = []
    /// Units received over all the line's receipts; NaN while the line has no receipt. A
    /// receipt with a date and no quantity is taken as the whole order arriving.
    public private(set) var receivedQuantity: [Double] = []
    public private(set) var contractPrice: [Double] = []
    /// Rows read, before the rows of one line received in parts were merged.
    public private(set) var rows = 0
    /// The lines exported as more than one row (one per receipt), in export order.
    public private(set) var splitLines: [Int] = []
    /// Vendor spellings merged into the first one seen, ignoring case and runs of spaces
    /// (`ACME MEDICAL ` as `Acme Medical`): spelling -> the name kept. Apart, one vendor got
    /// two scorecard rows, each with part of its lines.
    public private(set) var mergedVendorSpellings: [String: String] = [:]
    /// Rows left out because their status says the line was cancelled (`Cancelled`, `Void`,
    /// `Deleted`), and the statuses as written. Counted, a cancelled line of 5,000 at a price
    /// above contract was spend and price variance that never happened.
    public private(set) var cancelledRows = 0
    public private(set) var cancelledStatuses: Set<String> = []

    /// Whether an ERP line status means the line was called off.
    public static func isCancelled(_ status: String) -> Bool {
        let key = status.matchKey()
        return key.hasPrefix("cancel") || key.hasPrefix("void") || key.hasPrefix("delete")
    }

    public var count: Int { item.count }

    /// Lines from parallel columns of export rows; `receiptDay` uses `noDay` and numbers NaN
    /// where blank. Rows with the same `po` (not empty), item, vendor, order day and quantity
    /// are the receipts of one line. Rows whose `status` says cancelled are left out.
    public init(item items: [String], vendor vendors: [String], orderDay: [Int32], quantity: [Double],
                unitPrice prices: [Double]? = nil, receiptDay receiptDays: [Int32]? = nil, receivedQuantity receivedQuantities: [Double]? = nil,
                contractPrice contractPrices: [Double]? = nil,
                po poNumbers: [String]? = nil, status: [String]? = nil) {
        let n = items.count
        rows = n
        var itemIDs = ByteKeyTable(capacity: 1024), spellingIDs = ByteKeyTable(capacity: 64), poIDs = ByteKeyTable(capacity: 1024)
        // Vendor id of each exact spelling; the match key is worked out once per spelling.
        var vendorOfSpelling: [Int32] = []
        var vendorOfKey: [String: Int32] = [:]
        var empty = ""
        _ = empty.withUTF8 { poIDs.intern($0) }
        /// A line's identity in the export, for the rows that repeat it once per receipt.
        struct LineKey: Hashable {
            var po: Int32, item: Int32, vendor: Int32, day: Int32
            var quantity: UInt64
        }
        var lineOf: [LineKey: Int] = [:]
        var rowsOfLine: [Int32] = []
        reserve(n)
        var lastStatus: String?, lastCancelled = false
        for row in 0..<n {
            if let status {
                if status[row] != lastStatus {
                    lastStatus = status[row]
                    lastCancelled = Self.isCancelled(status[row])
                }
                if lastCancelled {
                    cancelledRows += 1
                    cancelledStatuses.insert(status[row])
                    continue
                }
            }
            var name = items[row]
            let i = name.withUTF8 { itemIDs.intern($0) }
            if i == itemNames.count { itemNames.append(name) }
            var vendorName = vendors[row]
            let spelling = vendorName.withUTF8 { spellingIDs.intern($0) }
            if spelling == vendorOfSpelling.count {
                let key = vendorName.matchKey()
                if let known = vendorOfKey[key] {
                    mergedVendorSpellings[vendorName] = vendorNames[Int(known)]
                    vendorOfSpelling.append(known)
                } else {
                    vendorOfKey[key] = Int32(vendorNames.count)
                    vendorOfSpelling.append(Int32(vendorNames.count))
                    vendorNames.append(vendorName)
                }
            }
            let v = Int(vendorOfSpelling[spelling])
            var p = 0
            if var number = poNumbers?[row], !number.isEmpty {
                p = number.withUTF8 { poIDs.intern($0) }
                if p == poNames.count { poNames.append(number) }
            }
            let price = prices?[row] ?? .nan, contract = contractPrices?[row] ?? .nan
            // This row's receipt: a date, a quantity, or both (a date alone is the whole order).
            let day = receiptDays?[row] ?? Self.noDay, got = receivedQuantities?[row] ?? .nan
            let received = !got.isNaN || day != Self.noDay
            let units = !got.isNaN ? got : day != Self.noDay ? quantity[row] : .nan
            if p != 0 {
                let key = LineKey(po: Int32(p), item: Int32(i), vendor: Int32(v), day: orderDay[row], quantity: quantity[row].bitPattern)
                if let line = lineOf[key] {
                    // A further receipt of a line already read.
                    if rowsOfLine[line] == 1 { splitLines.append(line) }
                    rowsOfLine[line] += 1
                    if unitPrice[line].isNaN { unitPrice[line] = price }
                    if contractPrice[line].isNaN { contractPrice[line] = contract }
                    if received {
                        receivedQuantity[line] = (receivedQuantity[line].isNaN ? 0 : receivedQuantity[line]) + units
                        if units > 0, day != Self.noDay, receiptDay[line] == Self.noDay || day > receiptDay[line] { receiptDay[line] = day }
                    }
                    continue
                }
                lineOf[key] = count
            }
            item.append(Int32(i))
            vendor.append(Int32(v))
            po.append(Int32(p))
            self.orderDay.append(orderDay[row])
            self.quantity.append(quantity[row])
            unitPrice.append(price)
            contractPrice.append(contract)
            receivedQuantity.append(received ? units : .nan)
            receiptDay.append(units > 0 ? day : Self.noDay)
            rowsOfLine.append(1)
        }
    }

    private mutating func reserve(_ n: Int) {
        item.reserveCapacity(n)
        vendor.reserveCapacity(n)
        po.reserveCapacity(n)
        orderDay.reserveCapacity(n)
        quantity.reserveCapacity(n)
        unitPrice.reserveCapacity(n)
        receiptDay.reserveCapacity(n)
        receivedQuantity.reserveCapacity(n)
        contractPrice.reserveCapacity(n)
    }

    /// Whether the line was received: a receipt gave a date or a quantity (0 included).
    @inlinable
    public func isReceived(_ line: Int) -> Bool { !receivedQuantity[line].isNaN }

    /// Units received over the line's receipts; 0 while it is open.
    @inlinable
    public func received(_ line: Int) -> Double { receivedQuantity[line].isNaN ? 0 : receivedQuantity[line] }

    /// Days from order to the last receipt that brought units; nil without one (a receipt
    /// of 0 is no delivery, so it has no lead time and cannot be on time).
    @inlinable
    public func leadDays(_ line: Int) -> Double? {
        receiptDay[line] == Self.noDay ? nil : Double(receiptDay[line] - orderDay[line])
    }
}
