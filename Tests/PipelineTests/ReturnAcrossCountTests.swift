import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// The buyer's second review of s37, defects 1, 2 and 4: receipts, their reversals and returns
/// to the vendor move the shelf on their own day relative to the count. Foley 9001 is used 10 a
/// day (2026-01-01 to 2026-05-31, as-of 05-31), pack 10, $4, lead time 7 (sd 0), review 7: the
/// order-up-to is 10 x (7 + 7) = 140, and the order is 140 less the position, in packs of 10.
@Suite struct ReturnAcrossCountTests {
    static let items = """
        item,vendor,pack_size,min_order_qty,unit_cost,lead_time_days,lead_time_sd_days,review_period_days
        9001,Bard,10,10,4.00,7,0,7

        """
    static var usage: String {
        var rows = ["date,item,quantity"]
        var d = CalendarDay(year: 2026, month: 1, day: 1)!
        while d <= CalendarDay(year: 2026, month: 5, day: 31)! { rows.append("\(d),9001,10"); d = d.adding(days: 1) }
        return rows.joined(separator: "\n") + "\n"
    }
    static let header = "po,po_line,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity,status\n"

    func line(counted: Double, on day: String, orders: String) throws -> ReorderLine {
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: try ItemCodeSpellingTests.imported(Self.usage, "usage"), items: try ItemCodeSpellingTests.imported(Self.items, "items"),
                                inventory: try ItemCodeSpellingTests.imported("item,on_hand,as_of\n9001,\(NumberFormat.fixed(counted)),\(day)\n", "inventory", name: "inventory.csv"),
                                orders: try ItemCodeSpellingTests.imported(Self.header + orders, "orders", name: "orders.csv"))
        return try #require(plan.lines.first)
    }

    /// Defect 1 (cases/01): PO9401 received 100 on 05-19, in the count of 200 on 05-25; the
    /// receipt reversed (-100) on 05-27, after it. Known answer: on hand 200 - 60 used - 100
    /// returned = 40, order 140 - 40 = 100 ($400). Netted to 0 and the shelf left alone, it
    /// read 140 on hand and ordered 0.
    @Test func aReversalAfterTheCountTakesTheCountedUnitsOff() throws {
        let line = try line(counted: 200, on: "2026-05-25", orders: """
            PO9401,1,9001,Bard,2026-05-12,100,4.00,2026-05-19,100,Closed
            PO9401,1,9001,Bard,2026-05-12,100,4.00,2026-05-27,-100,Closed

            """)
        #expect(line.onHand == 40, "\(line.reason)")
        #expect(line.orderQuantity == 100 && line.orderCost == 400, "\(line.reason)")
        #expect(line.reason.contains("on hand 40 by as-of (counted 200, 60 used, 100 returned to the vendor and 0 received since)"), "\(line.reason)")
    }

    /// Defect 1, the mirror (cases/01/b): received 100 on 05-27, after the count of 60 on
    /// 05-25; its reversal keyed 05-24, before both. Units cannot go back before they came: the
    /// reversal is placed on its receipt's day. Known answer: 60 - 60 + 100 - 100 = 0 on hand,
    /// order 140 ($560). On its own date, the count "saw" the reversal and the 100 came on the
    /// shelf: on hand 100, order 40, while the note said the line brought nothing.
    @Test func aReversalDatedBeforeItsReceiptIsPlacedOnTheReceiptsDay() throws {
        let line = try line(counted: 60, on: "2026-05-25", orders: """
            PO9401,1,9001,Bard,2026-05-18,100,4.00,2026-05-27,100,Closed
            PO9401,1,9001,Bard,2026-05-18,100,4.00,2026-05-24,-100,Closed

            """)
        #expect(line.onHand == 0, "\(line.reason)")
        #expect(line.orderQuantity == 140 && line.orderCost == 560, "\(line.reason)")
    }

    /// Defect 2 (cases/02): PO9403 received 60 on 05-26 (after the count of 60 on 05-25), the
    /// receipt reversed (-60) on 05-28 and the line cancelled: both rows `Cancelled`. Known
    /// answer: the line kept nothing, on hand 60 - 60 = 0, order 140 ($560). The reversal row
    /// dropped as a cancelled row, the 60 stayed on the shelf: on hand 60, order 80.
    @Test func aReversalOnACancelledLineIsNettedBeforeTheCancellation() throws {
        let line = try line(counted: 60, on: "2026-05-25", orders: """
            PO9403,1,9001,Bard,2026-05-20,100,4.00,2026-05-26,60,Cancelled
            PO9403,1,9001,Bard,2026-05-20,100,4.00,2026-05-28,-60,Cancelled

            """)
        #expect(line.onHand == 0, "\(line.reason)")
        #expect(line.orderQuantity == 140, "\(line.reason)")
    }

    /// Defect 4 (cases/04): a return to the vendor as a line of its own, RTV9501 -50 ordered and
    /// -50 received on 05-27, after the count of 200 on 05-25 (which holds PO9400's 100 of 05-16).
    /// Known answer: 200 - 60 - 50 = 90 on hand, order 50 ($200). Rejected as a bad line, it
    /// left 140 on hand and no order.
    @Test func aReturnLineTakesItsUnitsOffTheShelfOnItsDay() throws {
        let line = try line(counted: 200, on: "2026-05-25", orders: """
            RTV9501,1,9001,Bard,2026-05-27,-50,4.00,2026-05-27,-50,
            PO9400,1,9001,Bard,2026-05-10,100,4.00,2026-05-16,100,

            """)
        #expect(line.onHand == 90, "\(line.reason)")
        #expect(line.orderQuantity == 50 && line.orderCost == 200, "\(line.reason)")
        // Before the count, the return is in it: nothing more off.
        let counted = try self.line(counted: 200, on: "2026-05-28", orders: """
            RTV9501,1,9001,Bard,2026-05-27,-50,4.00,2026-05-27,-50,

            """)
        #expect(counted.onHand == 170, "\(counted.reason)")
    }
}

/// The purchasing side of the same review. Defect 2 (cases/02/p): Bard, four lines of 100 at
/// $4: PO9401 100 - 30, PO9402 100 - 40, PO9403 60 - 60 then cancelled (`Cancelled` on both
/// rows), PO9404 100. Known answer: spend (70 + 60 + 100) x 4 = $920, fill 230 / 300 = 0.7667,
/// lead times 4, 4 and 3 days (mean 3.67 over 3 receipts). The reversal dropped as a cancelled
/// row, the cancelled line counted 60 of 100: $1,160, fill 0.725, 4 lead times (mean 3.75).
/// Defect 4: a return of 50 at $4 credits $200 off Bard's spend and is no order line.
@Suite struct ReturnPurchasingTests {
    static let day = Int32(20_574)   // 2026-05-01

    @Test func aCancelledLineWhoseReceiptsWereReversedIsCancelled() {
        let d = Self.day
        let lines = PurchaseOrderLines(item: Array(repeating: "9001", count: 7), vendor: Array(repeating: "Bard", count: 7),
                                       orderDay: [d, d, d + 7, d + 7, d + 9, d + 9, d + 11], quantity: Array(repeating: 100, count: 7),
                                       unitPrice: Array(repeating: 4, count: 7),
                                       receiptDay: [d + 4, d + 3, d + 11, d + 19, d + 13, d + 15, d + 14], receivedQuantity: [100, -30, 100, -40, 60, -60, 100],
                                       po: ["PO9401", "PO9401", "PO9402", "PO9402", "PO9403", "PO9403", "PO9404"], poLine: Array(repeating: "1", count: 7),
                                       status: ["Closed", "Closed", "Closed", "Closed", "Cancelled", "Cancelled", "Closed"])
        #expect(lines.count == 3)
        #expect(lines.cancelledRows == 2)
        #expect(lines.cancelledWithReceipts.isEmpty)
        // PO9401's -30 of 05-04 came before its receipt of 05-05: placed on it, and named.
        #expect(lines.reversalsBeforeReceipt == [PurchaseOrderLines.ReversalMoved(line: 0, day: d + 3, movedTo: d + 4)])
        let bard = PurchasingAnalysis(lines: lines).vendors.first
        #expect(bard?.spend == 920)
        #expect(abs((bard?.fillRate ?? 0) - 230.0 / 300) < 1e-9)
        #expect(bard?.leadTime.count == 3)
        #expect(abs((bard?.leadTime.mean ?? 0) - 11.0 / 3) < 1e-9)
    }

    @Test func aReturnLineIsACreditNotAnOrder() {
        let d = Self.day
        let lines = PurchaseOrderLines(item: ["9001", "9001"], vendor: ["Bard", "Bard"], orderDay: [d + 9, d + 26], quantity: [100, -50], unitPrice: [4, 4],
                                       receiptDay: [d + 15, d + 26], receivedQuantity: [100, -50], po: ["PO9400", "RTV9501"])
        #expect(lines.count == 1)
        #expect(lines.returns == [PurchaseOrderLines.Return(item: "9001", vendor: 0, po: "RTV9501", day: d + 26, units: 50, unitPrice: 4)])
        let analysis = PurchasingAnalysis(lines: lines)
        #expect(analysis.spend == 200)
        #expect(analysis.returnCredit == 200)
        #expect(analysis.vendors.first?.lines == 1 && analysis.vendors.first?.fillRate == 1)
    }
}
