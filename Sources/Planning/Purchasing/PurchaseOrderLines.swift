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
/// still counts in the fill rate, with nothing received). A 0 with no receipt date, on a line
/// whose status does not close it, is the line not received yet.
///
/// Missing values: a day of `PurchaseOrderLines.noDay`, a number of NaN.
public struct PurchaseOrderLines: Sendable {
    public static let noDay = Int32.min

    /// Names by id (charge codes among them, with no line: `charges`).
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
    /// The lines written in a unit not read as their item's (`PurchaseUnits`): quantity and
    /// price as written (2 cases at $120 a case). Their dollars, dates and share received count;
    /// a price per unit of the item they have none, so no comparison of unit prices uses them.
    public private(set) var unitNotRead: Set<Int> = []
    /// Vendor spellings merged into the first one seen, ignoring case, runs of spaces,
    /// punctuation and a trailing legal suffix (`VendorNameKey`: `ACME MEDICAL `, `Acme
    /// Medical, Inc.` as `Acme Medical`): spelling -> the name kept. Apart, one vendor got
    /// two scorecard rows, each with part of its lines.
    public private(set) var mergedVendorSpellings: [String: String] = [:]
    /// Rows left out because their status says the line was cancelled (`Cancelled`, `Void`,
    /// `Deleted`), and the statuses as written. Counted, a cancelled line of 5,000 at a price
    /// above contract was spend and price variance that never happened.
    public private(set) var cancelledRows = 0
    public private(set) var cancelledStatuses: Set<String> = []
    /// Each receipt (day, units) of the lines exported once per receipt, by line; the other
    /// lines' one receipt is `receiptDay` and `receivedQuantity`. What arrived by a given day
    /// needs them: 10 of 40 received before a count and 30 after it are 30 on order then.
    public private(set) var partReceipts: [Int: [Receipt]] = [:]
    /// What the line's status (when the export has one) says of it beyond cancellation.
    public private(set) var statusKind: [StatusKind] = []
    /// Lines whose status says cancelled but which carry a receipt: received in part and then
    /// cancelled for the balance, as Oracle and Workday export them (`Cancelled`, 80 of 200
    /// received). Read as closed short: what was received counts (spend, fill rate against the
    /// ordered quantity, lead time, units received since a count) and the balance is not on
    /// order. Left out whole, a vendor that short-shipped twice scored 100% fill for 76%, $640
    /// of invoiced spend vanished, and reorder ordered 100 for 20 (the 80 received since the
    /// count unseen).
    public private(set) var cancelledWithReceipts: [Int] = []
    /// Lines whose status says received (`Fully Received`, `Complete`, `Received`, and in an
    /// export with no receipt columns `Closed`: `saysClosedWhole`) with no receipt on the row (no received quantity, no receipt date): the whole ordered quantity
    /// counted as received, with no receipt day, so no lead time and no on time. Read as closed
    /// with nothing received, a PeopleSoft PO line report without receipt columns scored two
    /// vendors that delivered every line 0% filled and 0% on time, and spend $550 for $4,400.
    public private(set) var receivedByStatus: [Int] = []
    /// The statuses as written that stood in for a receipt, for the note to quote: `Closed`
    /// among them says the export had no receipt columns to tell otherwise.
    public private(set) var receivedStatuses: Set<String> = []
    /// Lines whose status says partly received (`Partially Received`) with no receipt
    /// quantity: how much arrived is not known. Not counted on order (`OpenOrders`): counted
    /// whole, the units already on the shelf were on order too and held back an order.
    public private(set) var partlyReceivedUnknown: [Int] = []
    /// Lines with a negative receipt (a receipt reversed, or units returned to the vendor)
    /// netted against the line's other receipts: 100 received, -100 reversed and 90 received
    /// are 90 received. The import rejects a negative receipt its line's receipts cannot cover
    /// (`reversalRows` counts the rows netted). Rejected while the receipt it reversed stayed,
    /// reorder put 190 units on the shelf for 90 and skipped a needed order.
    public private(set) var reversedLines: [Int] = []
    public private(set) var reversalRows = 0
    /// Reversals dated before the receipts that cover them (a reversal keyed 05-24 of a receipt
    /// of 05-27): units cannot go back before they came, so each is placed on the day its
    /// receipts covered it, and named. Kept on its own date, a count of 05-25 between the two
    /// saw the reversal but not the receipt: the shelf got the 100 back (on hand 100 for 0,
    /// order 40 for 140) while the note said the line brought nothing.
    public private(set) var reversalsBeforeReceipt: [ReversalMoved] = []
    /// Returns to the vendor exported as lines of their own with a negative ordered quantity
    /// (Lawson, PeopleSoft and Workday RTV and credit-memo lines): not orders (no spend as an
    /// order, no fill rate, no lead time), but units off the shelf on their day and a credit
    /// against the vendor's spend. Rejected as bad lines, the 50 units sent back stayed on the
    /// shelf and a needed order of 50 ($200) was not placed.
    public private(set) var returns: [Return] = []
    /// Charge lines (`ChargeLine`: freight, tax, handling, a miscellaneous fee), in export
    /// order: money paid to the vendor, so in its spend, but no purchase of an item, so no
    /// line, fill rate, on time, lead time, price variance or off-contract spend, and never on
    /// order. Scored as items, $54.10 of freight and tax was off-contract spend and FREIGHT
    /// had a lead time. A charge exported once per receipt (same po, po_line, code, vendor,
    /// day and quantity) is counted once.
    public private(set) var charges: [Charge] = []

    /// A reversal moved from its own day to the day its line's receipts covered it.
    public struct ReversalMoved: Sendable, Equatable {
        public var line: Int
        public var day: Int32
        public var movedTo: Int32
    }

    /// A return to the vendor: `units` (above 0) went back on `day`, at `unitPrice` when given.
    public struct Return: Sendable, Equatable {
        public var item: String
        public var vendor: Int32
        public var po: String
        public var day: Int32
        public var units: Double
        public var unitPrice: Double

        /// The credit the return brings: its units at its price (0 without one).
        public var credit: Double { unitPrice.isFinite ? units * unitPrice : 0 }
    }

    /// A charge line: `label` is its item code, or its description when the item is blank;
    /// `amount` is quantity x unit price (NaN without a price).
    public struct Charge: Sendable, Equatable {
        public var label: String
        public var vendor: Int32
        public var po: String
        public var day: Int32
        public var amount: Double
    }

    public struct Receipt: Sendable, Equatable {
        public var day: Int32
        public var units: Double
    }

    /// An ERP line status read for whether more is to come: `open` (open, partially received,
    /// back order), `closed` (closed, complete, fully received, short closed), or `unknown`
    /// (no status, or another word).
    public enum StatusKind: Sendable, Equatable {
        case unknown, open, closed

        public init(_ status: String) {
            let key = status.matchKey()
            if key.hasPrefix("open") || key.hasPrefix("partial") || key.hasPrefix("back") {
                self = .open
            } else if key.hasPrefix("closed") || key.hasPrefix("complete") || key.hasPrefix("fully") || key.hasPrefix("received")
                        || key.hasPrefix("short") || key.hasPrefix("finally") {
                self = .closed
            } else {
                self = .unknown
            }
        }
    }

    /// Whether an ERP line status says the line was received in full (`Fully Received`,
    /// `Complete`, `Received`): with no receipt on the row, its ordered quantity arrived.
    public static func saysReceived(_ status: String) -> Bool {
        let key = status.matchKey()
        return key.hasPrefix("fully") || key.hasPrefix("complete") || key.hasPrefix("received")
    }

    /// Whether an ERP line status closes the line without a cancellation and without saying it
    /// was short (`Closed`, `Finally Closed`): in PeopleSoft and Lawson the normal end state of
    /// a line received, matched and paid. Only an export with no receipt columns reads it as
    /// received in full (`receivedByStatus`): there nothing says the line received nothing, and
    /// read so, a PO line report of 5 lines, 3 of them `Closed`, lost $4,600 of its $7,300 spend
    /// and scored two vendors that delivered 0% filled and 0% on time. Where receipt columns
    /// exist, a closed line without a receipt is still closed with nothing received.
    public static func saysClosedWhole(_ status: String) -> Bool {
        let key = status.matchKey()
        return (key.hasPrefix("closed") || key.hasPrefix("finally")) && !key.contains("short") && !isCancelled(status)
    }

    /// Whether an ERP line status says the line was received in part (`Partially Received`).
    public static func saysPartlyReceived(_ status: String) -> Bool { status.matchKey().hasPrefix("partial") }

    /// Whether an ERP line status means the line was called off.
    public static func isCancelled(_ status: String) -> Bool {
        let key = status.matchKey()
        return key.hasPrefix("cancel") || key.hasPrefix("void") || key.hasPrefix("delete")
    }

    public var count: Int { item.count }

    /// Each item's unit price on its latest line ordered on or before `day` (of lines with a
    /// price): what stock on hand that day was bought at. The latest line of all valued a lot
    /// on the shelf at a price paid weeks later ($9 for a lot bought at $2).
    public func latestPrices(through day: Int32) -> [String: Double] {
        var latest: [Int32: (day: Int32, price: Double)] = [:]
        for k in 0..<count where orderDay[k] <= day && unitPrice[k].isFinite && unitPrice[k] > 0 && !unitNotRead.contains(k) {
            if let known = latest[item[k]], known.day > orderDay[k] { continue }
            latest[item[k]] = (orderDay[k], unitPrice[k])
        }
        return Dictionary(uniqueKeysWithValues: latest.map { (itemNames[Int($0.key)], $0.value.price) })
    }

    /// Lines from parallel columns of export rows; `receiptDay` uses `noDay` and numbers NaN
    /// where blank. Rows with the same `po` (not empty), `poLine` (when given), item, vendor,
    /// order day and quantity are the receipts of one line: with the export's PO line numbers,
    /// two lines of one PO for the same item, day and quantity stay two (merged, their spend was
    /// halved and read as an over-receipt). Rows whose `status` says cancelled are left out.
    /// Charge lines (an item code such as `FREIGHT`, or a blank item whose `description` says
    /// freight or tax; `ChargeLine`) go to `charges`, not to the lines. `unitNotRead` marks rows
    /// in a unit not read as their item's.
    public init(item items: [String], vendor vendors: [String], orderDay: [Int32], quantity: [Double],
                unitPrice prices: [Double]? = nil, receiptDay receiptDays: [Int32]? = nil, receivedQuantity receivedQuantities: [Double]? = nil,
                contractPrice contractPrices: [Double]? = nil,
                po poNumbers: [String]? = nil, poLine poLines: [String]? = nil, status: [String]? = nil,
                description: [String]? = nil, unitNotRead unread: [Bool]? = nil) {
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
            var po: Int32, line: Int32, item: Int32, vendor: Int32, day: Int32
            var quantity: UInt64
        }
        var lineNumbers = ByteKeyTable(capacity: 64)
        var lineOf: [LineKey: Int] = [:]
        var rowsOfLine: [Int32] = []
        reserve(n)
        // The status read once per run of rows with the same one.
        var lastStatus: String?, lastCancelled = false, lastKind = StatusKind.unknown, lastSaysReceived = false, lastSaysPartly = false
        // With no receipt columns, a closed line was received (`saysClosedWhole`).
        let noReceiptColumns = receiptDays == nil && receivedQuantities == nil
        /// Lines whose status gave them their receipt (`receivedByStatus`), until a row of
        /// theirs brings a real one.
        var byStatus = Set<Int>(), partlyUnknown = Set<Int>(), cancelledReceived = Set<Int>(), reversed = Set<Int>()
        var cancelledStatusOf: [Int: String] = [:]
        // Whether each item id is a charge code, judged once per distinct code; a blank item's
        // description is judged on its rows only (`ChargeLine`).
        var chargeCode: [Bool] = []
        struct ChargeKey: Hashable {
            var line: LineKey, description: String, price: UInt64
        }
        var chargesSeen = Set<ChargeKey>()
        for row in 0..<n {
            var kind = StatusKind.unknown, cancelledWithReceipt = false
            if let status {
                if status[row] != lastStatus {
                    lastStatus = status[row]
                    lastCancelled = Self.isCancelled(status[row])
                    lastKind = StatusKind(status[row])
                    lastSaysReceived = Self.saysReceived(status[row]) || (noReceiptColumns && Self.saysClosedWhole(status[row]))
                    lastSaysPartly = Self.saysPartlyReceived(status[row])
                }
                kind = lastKind
                if lastCancelled {
                    // A cancelled row that carries a receipt is a line closed short; one that
                    // reverses a receipt (below 0) is netted against it first, so a line whose
                    // receipts were all taken back is cancelled (`cancelledWithReceipts`).
                    // Dropped as a cancelled row, the -60 left its +60 on the shelf (order 80
                    // for 140) and in spend ($1,160 for $920).
                    let got = receivedQuantities?[row] ?? .nan
                    if got == 0 || got.isNaN || quantity[row] < 0 {
                        cancelledRows += 1
                        cancelledStatuses.insert(status[row])
                        continue
                    }
                    kind = .closed
                    cancelledWithReceipt = true
                }
            }
            var name = items[row]
            let i = name.withUTF8 { itemIDs.intern($0) }
            if i == chargeCode.count { chargeCode.append(ChargeLine.isChargeCode(name)) }
            let charge = chargeCode[i] || (name.isEmpty && description.map { ChargeLine.isChargeDescription($0[row]) } == true)
            if i == itemNames.count { itemNames.append(name) }
            var vendorName = vendors[row]
            let spelling = vendorName.withUTF8 { spellingIDs.intern($0) }
            if spelling == vendorOfSpelling.count {
                let key = vendorName.vendorKey()
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
            if charge {
                if p != 0 {
                    var number = poLines?[row] ?? ""
                    let lineNumber = number.withUTF8 { lineNumbers.intern($0) }
                    let line = LineKey(po: Int32(p), line: Int32(lineNumber), item: Int32(i), vendor: Int32(v), day: orderDay[row], quantity: quantity[row].bitPattern)
                    // With the description and price: a PO's blank-item freight and tax are two.
                    guard chargesSeen.insert(ChargeKey(line: line, description: description?[row] ?? "", price: price.bitPattern)).inserted else { continue }
                }
                charges.append(Charge(label: name.isEmpty ? description?[row] ?? "" : name, vendor: Int32(v), po: poNumbers?[row] ?? "",
                                      day: orderDay[row], amount: quantity[row] * price))
                continue
            }
            if quantity[row] < 0 {
                // A return to the vendor (the import keeps only those with a receipt date or a
                // negative received quantity): on its receipt date, else its document's date.
                let got = receivedQuantities?[row] ?? .nan, day = receiptDays?[row] ?? Self.noDay
                returns.append(Return(item: name, vendor: Int32(v), po: poNumbers?[row] ?? "", day: day != Self.noDay ? day : orderDay[row],
                                      units: got < 0 ? -got : -quantity[row], unitPrice: price))
                continue
            }
            // This row's receipt: a date, a quantity, or both (a date alone is the whole order).
            // A 0 received with no date is an open line as ERPs export it (Lawson, Workday and
            // Epic write 0, not blank, before a receipt), unless its status closes it: read as
            // a delivery of nothing, its 100 on order were ordered again and its vendor scored
            // 50% fill and on time.
            let day = receiptDays?[row] ?? Self.noDay, got = receivedQuantities?[row] ?? .nan
            let closed = kind == .closed
            // A status that says received, on a row with no receipt, is the whole order arriving
            // on a day not known (`receivedByStatus`).
            let givenByStatus = status != nil && lastSaysReceived && !lastCancelled && day == Self.noDay && got.isNaN
            let partlyNotKnown = status != nil && lastSaysPartly && got.isNaN && day == Self.noDay
            let received = day != Self.noDay || (!got.isNaN && (got != 0 || closed)) || givenByStatus
            let units = !got.isNaN ? got : day != Self.noDay || givenByStatus ? quantity[row] : .nan
            if p != 0 {
                var number = poLines?[row] ?? ""
                let lineNumber = number.withUTF8 { lineNumbers.intern($0) }
                let key = LineKey(po: Int32(p), line: Int32(lineNumber), item: Int32(i), vendor: Int32(v), day: orderDay[row], quantity: quantity[row].bitPattern)
                if let line = lineOf[key] {
                    // A further receipt of a line already read. A status that stood in for a
                    // receipt gives way to a real one.
                    if !givenByStatus && received && byStatus.remove(line) != nil {
                        receivedQuantity[line] = .nan
                        partReceipts[line] = nil
                    }
                    if received && partlyUnknown.contains(line) { partlyUnknown.remove(line) }
                    if givenByStatus && (isReceived(line) || byStatus.contains(line)) {
                        // The line's receipts are given already (or its status said so on another row).
                        rowsOfLine[line] += 1
                        continue
                    }
                    if rowsOfLine[line] == 1 {
                        splitLines.append(line)
                        if partReceipts[line] == nil {
                            partReceipts[line] = isReceived(line) ? [Receipt(day: receiptDay[line], units: self.received(line))] : []
                        }
                    }
                    // A reversal keeps its day: counted before a count, the -100 of 05-27 put the
                    // 100 it reversed back on the shelf twice.
                    if received { partReceipts[line, default: []].append(Receipt(day: units != 0 ? day : Self.noDay, units: units)) }
                    if givenByStatus { byStatus.insert(line) }
                    if units < 0 { reversalRows += 1; reversed.insert(line) }
                    if cancelledWithReceipt { cancelledReceived.insert(line); cancelledStatusOf[line] = status?[row] ?? "" }
                    if kind != .unknown { statusKind[line] = kind }
                    if unread?[row] == true { unitNotRead.insert(line) }
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
            statusKind.append(kind)
            rowsOfLine.append(1)
            let line = count - 1
            if unread?[row] == true { unitNotRead.insert(line) }
            if units < 0 {
                // A reversal read before the receipt it reverses keeps its day.
                partReceipts[line] = [Receipt(day: day, units: units)]
                reversalRows += 1
                reversed.insert(line)
            }
            if givenByStatus { byStatus.insert(line) }
            if givenByStatus, let status { receivedStatuses.insert(status[row]) }
            if partlyNotKnown { partlyUnknown.insert(line) }
            if cancelledWithReceipt { cancelledReceived.insert(line); cancelledStatusOf[line] = status?[row] ?? "" }
        }
        // A line whose receipts were all reversed brought nothing: no delivery day.
        for line in reversed where received(line) <= 0 { receiptDay[line] = Self.noDay }
        for line in reversed.sorted() { placeReversals(of: line) }
        receivedByStatus = byStatus.sorted()
        partlyReceivedUnknown = partlyUnknown.sorted()
        cancelledWithReceipts = cancelledReceived.sorted()
        reversedLines = reversed.sorted()
        // A cancelled line whose receipts were all reversed kept nothing: cancelled, as a line
        // cancelled before any receipt (its rows counted with the cancelled ones).
        let keptNothing = cancelledWithReceipts.filter { received($0) <= 1e-9 }
        if !keptNothing.isEmpty {
            for line in keptNothing {
                cancelledRows += Int(rowsOfLine[line])
                reversalRows -= receipts(line).filter { $0.units < 0 }.count
                if let status = cancelledStatusOf[line] { cancelledStatuses.insert(status) }
            }
            removeLines(Set(keptNothing))
        }
    }

    /// Places the line's reversals dated before the receipts that cover them on the day those
    /// receipts did (`reversalsBeforeReceipt`), the reversals taken in day order against the
    /// receipts in day order.
    private mutating func placeReversals(of line: Int) {
        guard var parts = partReceipts[line] else { return }
        let positive = parts.filter { $0.units > 0 }.sorted { $0.day < $1.day }
        var taken = 0.0
        for k in parts.indices.sorted(by: { parts[$0].day < parts[$1].day }) where parts[k].units < 0 {
            taken -= parts[k].units
            var covered = 0.0, coveringDay: Int32?
            for receipt in positive {
                covered += receipt.units
                if covered >= taken - 1e-9 { coveringDay = receipt.day; break }
            }
            guard let coveringDay, coveringDay != Self.noDay, parts[k].day != Self.noDay, parts[k].day < coveringDay else { continue }
            reversalsBeforeReceipt.append(ReversalMoved(line: line, day: parts[k].day, movedTo: coveringDay))
            parts[k].day = coveringDay
        }
        partReceipts[line] = parts
    }

    /// The lines but `drop`, the lists of lines renumbered.
    private mutating func removeLines(_ drop: Set<Int>) {
        var newIndex = [Int](repeating: -1, count: count), kept: [Int] = []
        for line in 0..<count where !drop.contains(line) {
            newIndex[line] = kept.count
            kept.append(line)
        }
        func pick<T>(_ column: [T]) -> [T] { kept.map { column[$0] } }
        item = pick(item); vendor = pick(vendor); po = pick(po); orderDay = pick(orderDay); quantity = pick(quantity)
        unitPrice = pick(unitPrice); receiptDay = pick(receiptDay); receivedQuantity = pick(receivedQuantity)
        contractPrice = pick(contractPrice); statusKind = pick(statusKind)
        var parts: [Int: [Receipt]] = [:]
        for (line, list) in partReceipts where newIndex[line] >= 0 { parts[newIndex[line]] = list }
        partReceipts = parts
        func renumbered(_ list: [Int]) -> [Int] { list.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil } }
        splitLines = renumbered(splitLines)
        unitNotRead = Set(renumbered(Array(unitNotRead)))
        receivedByStatus = renumbered(receivedByStatus)
        partlyReceivedUnknown = renumbered(partlyReceivedUnknown)
        cancelledWithReceipts = renumbered(cancelledWithReceipts)
        reversedLines = renumbered(reversedLines)
        reversalsBeforeReceipt = reversalsBeforeReceipt.compactMap { moved in
            newIndex[moved.line] >= 0 ? ReversalMoved(line: newIndex[moved.line], day: moved.day, movedTo: moved.movedTo) : nil
        }
    }

    /// Spells each vendor as the first of `preferred` (the contracts', then the item master's
    /// names) that is the same vendor (`VendorNameKey`), so outputs name it as the vendor
    /// master does rather than as the first order row happened to (`MEDLINE INDUSTRIES INC`
    /// for the contracts' `Medline Industries`). A spelling that differs only in case and
    /// spaces is kept (the contract match names it, as it did). The orders' spellings so
    /// replaced join `mergedVendorSpellings`.
    public mutating func spellVendors(as preferred: some Sequence<String>) {
        var wanted: [String: String] = [:]
        for name in preferred where !name.trimmed().isEmpty {
            let key = name.vendorKey()
            if wanted[key] == nil { wanted[key] = name }
        }
        guard !wanted.isEmpty else { return }
        for v in vendorNames.indices {
            let old = vendorNames[v]
            // A spelling that differs only in case and spaces stays, as before: the contract
            // match names it (`ContractBook.Match.isExact`).
            guard let name = wanted[old.vendorKey()], name.matchKey() != old.matchKey() else { continue }
            vendorNames[v] = name
            for (spelling, kept) in mergedVendorSpellings where kept == old { mergedVendorSpellings[spelling] = spelling == name ? nil : name }
            mergedVendorSpellings[old] = name
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

    /// The line's receipts: its parts when exported once per receipt, else its one receipt.
    public func receipts(_ line: Int) -> [Receipt] {
        if let parts = partReceipts[line] { return parts }
        return isReceived(line) ? [Receipt(day: receiptDay[line], units: received(line))] : []
    }

    /// The line's receipts on or before `day` (one without a date counts as before) and the
    /// units they brought, and whether a receipt with units came after it.
    public func receipts(_ line: Int, by day: Int32) -> (count: Int, units: Double, later: Bool) {
        var count = 0, units = 0.0, later = false
        for receipt in receipts(line) {
            if receipt.day != Self.noDay && receipt.day > day {
                if receipt.units > 0 { later = true }
            } else {
                count += 1
                units += receipt.units
            }
        }
        return (count, units, later)
    }

    /// The lines as they stood at the end of `day`: lines ordered later left out, receipts
    /// after it not yet made. Lead times and the latest price paid then use only what was
    /// known that day: replanning an earlier week from a later export had a PO dated after
    /// it set the unit cost, and receipts after it the lead time.
    public func known(on day: Int32) -> PurchaseOrderLines {
        var lines = self
        lines.item = []; lines.vendor = []; lines.po = []; lines.orderDay = []; lines.quantity = []; lines.unitPrice = []
        lines.receiptDay = []; lines.receivedQuantity = []; lines.contractPrice = []; lines.statusKind = []
        lines.partReceipts = [:]
        var newIndex = [Int](repeating: -1, count: count)
        for line in 0..<count where orderDay[line] <= day {
            newIndex[line] = lines.item.count
            lines.item.append(item[line]); lines.vendor.append(vendor[line]); lines.po.append(po[line]); lines.orderDay.append(orderDay[line])
            lines.quantity.append(quantity[line]); lines.unitPrice.append(unitPrice[line]); lines.contractPrice.append(contractPrice[line])
            lines.statusKind.append(statusKind[line])
            let all = receipts(line), kept = all.filter { $0.day == Self.noDay || $0.day <= day }
            // A reversal's day stays with it (`receipts(_:)` of one receipt has the line's last delivery day).
            if kept.count > 1 || kept.contains(where: { $0.units < 0 }) { lines.partReceipts[lines.item.count - 1] = kept }
            lines.receivedQuantity.append(kept.isEmpty ? .nan : kept.reduce(0) { $0 + $1.units })
            let net = kept.reduce(0) { $0 + $1.units }
            lines.receiptDay.append(net <= 0 ? Self.noDay : kept.filter { $0.units > 0 && $0.day != Self.noDay }.map(\.day).max() ?? Self.noDay)
        }
        func kept(_ list: [Int]) -> [Int] { list.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil } }
        lines.splitLines = kept(splitLines)
        lines.unitNotRead = Set(kept(Array(unitNotRead)))
        lines.receivedByStatus = kept(receivedByStatus)
        lines.partlyReceivedUnknown = kept(partlyReceivedUnknown)
        lines.cancelledWithReceipts = kept(cancelledWithReceipts)
        lines.reversedLines = kept(reversedLines)
        lines.reversalsBeforeReceipt = reversalsBeforeReceipt.compactMap { moved in
            newIndex[moved.line] >= 0 ? ReversalMoved(line: newIndex[moved.line], day: moved.day, movedTo: moved.movedTo) : nil
        }
        lines.returns = returns.filter { $0.day <= day }
        return lines
    }

    /// Whether the line was received: a receipt gave a date or a quantity (0 included).
    @inlinable
    public func isReceived(_ line: Int) -> Bool { !receivedQuantity[line].isNaN }

    /// Units received over the line's receipts; 0 while it is open.
    @inlinable
    public func received(_ line: Int) -> Double { receivedQuantity[line].isNaN ? 0 : receivedQuantity[line] }

    /// Whether a line received in part, with no status to say so, awaits the rest on `day`: it
    /// is still inside its lead time (`leadDays`) plus the grace since it was ordered. Vendors
    /// ship part of a line and the rest within its lead time; a line short-closed says so
    /// (`closed`). Read as closed, 40 of 100 received two days after ordering, with a 7-day
    /// lead time, left 60 off the on order and the item was ordered again (90 for 30), and the
    /// vendor scored a 40% fill for a line still on its way. Past the lead time and the grace,
    /// a short line without a status is closed short.
    public func awaitsRest(_ line: Int, units: Double, on day: Int32, leadDays: Double, graceDays: Double) -> Bool {
        statusKind[line] == .unknown && units > 0 && units < quantity[line] && Double(day - orderDay[line]) <= leadDays + graceDays
    }

    /// Days from order to the last receipt that brought units; nil without one (a receipt
    /// of 0 is no delivery, so it has no lead time and cannot be on time).
    @inlinable
    public func leadDays(_ line: Int) -> Double? {
        receiptDay[line] == Self.noDay ? nil : Double(receiptDay[line] - orderDay[line])
    }
}
