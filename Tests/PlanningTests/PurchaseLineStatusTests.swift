import Testing
@testable import Planning

/// The buyer's review of s37, defects 1, 2 and 5: a line status that says received with no
/// receipt columns, a line received in part and then cancelled for the balance, and a receipt
/// reversal (a negative received quantity) netted against its line.
@Suite struct PurchaseLineStatusTests {
    static let day = Int32(20_500)

    /// Defect 2: Bard, five lines of 200 at $4; PO9103 and PO9105 received 80 each and then
    /// cancelled for the balance (`Cancelled`, received 80), PO9105 in 9 days against 7 + 1.
    /// PO9106, cancelled with nothing received, stays out. Known answer: spend (600 + 160) x 4
    /// = $3,040, fill rate 760 / 1,000 = 0.76, on time 4 / 5 = 0.8. Dropped whole, the
    /// cancelled lines made $2,400, fill 1.0 and on time 1.0.
    @Test func aCancelledLineWithReceiptsIsClosedShort() {
        let d = Self.day
        let lines = PurchaseOrderLines(item: Array(repeating: "9001", count: 6), vendor: Array(repeating: "Bard", count: 6),
                                       orderDay: [d, d + 21, d + 42, d + 63, d + 77, d + 80], quantity: Array(repeating: 200, count: 6),
                                       unitPrice: Array(repeating: 4, count: 6), receiptDay: [d + 4, d + 25, d + 46, d + 67, d + 86, PurchaseOrderLines.noDay],
                                       receivedQuantity: [200, 200, 80, 200, 80, 0], po: ["PO9101", "PO9102", "PO9103", "PO9104", "PO9105", "PO9106"],
                                       status: ["Closed", "Closed", "Cancelled", "Closed", "Cancelled", "Cancelled"])
        #expect(lines.count == 5)
        #expect(lines.cancelledRows == 1)
        #expect(lines.cancelledWithReceipts == [2, 4])
        let a = PurchasingAnalysis(lines: lines, promisedLeadDays: { _ in 7 })
        let bard = a.vendors.first
        #expect(bard?.spend == 3_040)
        #expect(bard?.fillRate == 0.76)
        #expect(bard?.onTimeRate == 0.8)
        #expect(a.openLines == 0)
        // Reorder: counted on d + 84, as of d + 90: PO9105's 80 of d + 86 are on the shelf, and
        // its cancelled balance of 120 is not on order.
        let open = OpenOrders(lines, countedOn: d + 84, orderedBy: d + 90)
        #expect(open.byItem["9001"]?.map(\.arrived) == [80])
        #expect(open.byItem["9001"]?.map(\.toCome) == [0])
    }

    /// Defect 1: a PeopleSoft PO line report without receipt columns. BD Medical: 8001 4 x
    /// (10 at $55) and 8002 2 x (20 at $12.50), one 8001 line `Open`; Medline 7001 2 x (100 at
    /// $8.50). Known answer: the 7 lines whose status says `Fully Received` or `Complete` were
    /// received in full: BD spend 3 x 550 + 2 x 250 = $2,150 received, plus the open line's
    /// ordered $550 = $2,700; Medline 2 x 850 = $1,700 (total $4,400); fill rate 1.0; on time and
    /// lead time unknown (no receipt day). Read as closed with nothing received: fill 0, on
    /// time 0, BD $550 (the open line only) and Medline $0.
    @Test func aStatusThatSaysReceivedIsTheOrderedQuantityReceived() {
        let d = Self.day
        let lines = PurchaseOrderLines(item: ["8001", "8002", "8001", "8001", "8002", "8001", "7001", "7001"],
                                       vendor: ["BD Medical", "BD Medical", "BD Medical", "BD Medical", "BD Medical", "BD Medical", "Medline Industries", "Medline Industries"],
                                       orderDay: [d, d, d + 14, d + 28, d + 42, d + 56, d + 7, d + 35], quantity: [10, 20, 10, 10, 20, 10, 100, 100],
                                       unitPrice: [55, 12.5, 55, 55, 12.5, 55, 8.5, 8.5],
                                       po: ["PO0007201", "PO0007201", "PO0007202", "PO0007203", "PO0007204", "PO0007205", "PO0007301", "PO0007302"],
                                       poLine: ["1", "2", "1", "1", "1", "1", "1", "1"],
                                       status: ["Fully Received", "Fully Received", "Complete", "Fully Received", "Complete", "Open", "Fully Received", "Received"])
        #expect(lines.receivedByStatus == [0, 1, 2, 3, 4, 6, 7])
        let a = PurchasingAnalysis(lines: lines)
        #expect(a.closedUnfilled == 0)
        #expect(a.openLines == 1)
        #expect(a.judgedOn == nil)
        let bd = a.vendors.first { $0.vendor == "BD Medical" }, medline = a.vendors.first { $0.vendor == "Medline Industries" }
        #expect(bd?.spend == 2_700)
        #expect(medline?.spend == 1_700)
        #expect(bd?.fillRate == 1)
        #expect(medline?.fillRate == 1)
        #expect(bd?.onTimeRate.isNaN == true)
        #expect(bd?.leadTime.count == 0)
        // None of the received lines is on order; the open one is, whole.
        let open = OpenOrders(lines, on: d + 60)
        #expect(open.byItem["8001"]?.map(\.quantity) == [10])
        #expect(open.byItem["7001"] == nil)
    }

    /// Round 2, defect 3: a PeopleSoft PO line report with a status and no receipt columns,
    /// 3 of its 5 lines `Closed`. Known answer: every line received in full, spend BD Medical
    /// 4 x 550 + 2 x 250 + 4 x 550 + 4 x 550 = $7,100 and Medline 10 x 20 = $200 (total $7,300),
    /// fill 1, on time unknown (no receipt day). Read as closed with nothing received, BD's
    /// spend was $2,700 at 42.9% fill and 0% on time, Medline's $0 at 0%. With receipt columns,
    /// a `Closed` line without a receipt stays closed with nothing received.
    @Test func aClosedStatusWithoutReceiptColumnsIsTheOrderedQuantityReceived() {
        let d = Self.day
        let items = ["8001", "8002", "8001", "8003", "8001"]
        let vendors = ["BD Medical", "BD Medical", "BD Medical", "Medline Industries", "BD Medical"]
        let statuses = ["Closed", "Received", "Fully Received", "Closed", "Closed"]
        let lines = PurchaseOrderLines(item: items, vendor: vendors, orderDay: [d, d, d + 14, d + 8, d + 29], quantity: [4, 2, 4, 10, 4],
                                       unitPrice: [550, 250, 550, 20, 550], po: ["PO0007301", "PO0007301", "PO0007302", "PO0007304", "PO0007305"],
                                       poLine: ["1", "2", "1", "1", "1"], status: statuses)
        #expect(lines.receivedByStatus == [0, 1, 2, 3, 4])
        #expect(lines.receivedStatuses == ["Closed", "Received", "Fully Received"])
        let a = PurchasingAnalysis(lines: lines)
        #expect(a.closedUnfilled == 0)
        let bd = a.vendors.first { $0.vendor == "BD Medical" }, medline = a.vendors.first { $0.vendor == "Medline Industries" }
        #expect(bd?.spend == 7_100)
        #expect(medline?.spend == 200)
        #expect(bd?.fillRate == 1)
        #expect(medline?.fillRate == 1)
        #expect(bd?.onTimeRate.isNaN == true)
        #expect(medline?.onTimeRate.isNaN == true)
        // With receipt columns (all blank), `Closed` is closed with nothing received, as before;
        // `Received` still stands in for a receipt.
        let withColumns = PurchaseOrderLines(item: items, vendor: vendors, orderDay: [d, d, d + 14, d + 8, d + 29], quantity: [4, 2, 4, 10, 4],
                                             unitPrice: [550, 250, 550, 20, 550], receiptDay: Array(repeating: PurchaseOrderLines.noDay, count: 5),
                                             receivedQuantity: Array(repeating: .nan, count: 5),
                                             po: ["PO0007301", "PO0007301", "PO0007302", "PO0007304", "PO0007305"], poLine: ["1", "2", "1", "1", "1"], status: statuses)
        #expect(withColumns.receivedByStatus == [1, 2])
        #expect(PurchasingAnalysis(lines: withColumns).closedUnfilled == 3)
        // A short close and a cancellation are never read as received in full.
        #expect(!PurchaseOrderLines.saysClosedWhole("Closed Short"))
        #expect(!PurchaseOrderLines.saysClosedWhole("Short Closed"))
        #expect(PurchaseOrderLines.saysClosedWhole("Finally Closed"))
    }

    /// Defect 1, reorder: `Partially Received` with no receipt quantity: how much of the 100
    /// is still to come is not known. Known answer: not counted on order, and named
    /// (`partlyReceivedUnknown`); an `Open` line of 50 is counted whole. It was 100 on order
    /// without a word, part of it on the shelf already.
    @Test func aPartlyReceivedStatusWithoutAQuantityIsNotCountedOnOrder() {
        let d = Self.day
        let lines = PurchaseOrderLines(item: ["7001", "7001"], vendor: ["Medline", "Medline"], orderDay: [d, d + 2], quantity: [100, 50],
                                       unitPrice: [8.5, 8.5], po: ["PO0009501", "PO0009502"], status: ["Partially Received", "Open"])
        #expect(lines.partlyReceivedUnknown == [0])
        #expect(lines.receivedByStatus.isEmpty)
        let open = OpenOrders(lines, on: d + 5)
        #expect(open.byItem["7001"]?.map(\.quantity) == [50])
        // With a receipt quantity the balance is on order, as before.
        let known = PurchaseOrderLines(item: ["7001"], vendor: ["Medline"], orderDay: [d], quantity: [100], unitPrice: [8.5],
                                       receiptDay: [d + 3], receivedQuantity: [60], po: ["PO0009501"], status: ["Partially Received"])
        #expect(known.partlyReceivedUnknown.isEmpty)
        #expect(OpenOrders(known, on: d + 5).byItem["7001"]?.map(\.quantity) == [40])
    }

    /// Defect 5: PO9401 line 1, 100 ordered on d, received 100 on d + 7, reversed (-100) on
    /// d + 7, received 90 on d + 8; counted on d + 5, as of d + 11. Known answer: the line
    /// brought 100 - 100 + 90 = 90, all after the count: 90 on the shelf, nothing to come. With
    /// the reversal undated (as a receipt of 0 is), it counted before the count and 190 arrived.
    @Test func aReversalIsNettedAgainstItsLineOnItsDay() {
        let d = Self.day
        for order in [[0, 1, 2], [1, 0, 2]] {
            let received: [Double] = [100, -100, 90], days = [d + 7, d + 7, d + 8]
            let lines = PurchaseOrderLines(item: ["9001", "9001", "9001"], vendor: ["Bard", "Bard", "Bard"], orderDay: [d, d, d], quantity: [100, 100, 100],
                                           unitPrice: [4, 4, 4], receiptDay: order.map { days[$0] }, receivedQuantity: order.map { received[$0] },
                                           po: ["PO9401", "PO9401", "PO9401"], poLine: ["1", "1", "1"])
            #expect(lines.count == 1)
            #expect(lines.received(0) == 90)
            #expect(lines.reversedLines == [0])
            #expect(lines.reversalRows == 1)
            #expect(lines.leadDays(0) == 8)
            let open = OpenOrders(lines, countedOn: d + 5, orderedBy: d + 11)
            #expect(open.byItem["9001"]?.map(\.arrived) == [90])
            #expect(open.byItem["9001"]?.map(\.toCome) == [0])
            #expect(lines.known(on: d + 11).received(0) == 90)
        }
        // A receipt reversed whole brought nothing: no lead time, and a fill of 0.
        let undone = PurchaseOrderLines(item: ["9001", "9001"], vendor: ["Bard", "Bard"], orderDay: [d, d], quantity: [100, 100], unitPrice: [4, 4],
                                        receiptDay: [d + 7, d + 9], receivedQuantity: [100, -100], po: ["PO9402", "PO9402"], status: ["Closed", "Closed"])
        #expect(undone.received(0) == 0)
        #expect(undone.leadDays(0) == nil)
        #expect(PurchasingAnalysis(lines: undone).vendors.first?.fillRate == 0)
    }
}
