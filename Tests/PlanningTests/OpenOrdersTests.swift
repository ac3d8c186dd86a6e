import Testing
@testable import Planning

/// Which purchase order lines are still on order on a day (`OpenOrders`).
@Suite struct OpenOrdersTests {
    /// Day 100 is the count. Known answer, line by line: P1 (ordered 90, no receipt) is open;
    /// P2 (ordered 90, received 95) arrived before the count; P3 (ordered 98, received 103)
    /// was still coming when the stock was counted, so it is open whole; P4 (ordered 101) was
    /// placed after the count; P5's receipt of 0 units is no delivery, so it stays open (read as
    /// closed, its 10 were ordered again); P6 was cancelled. Open: A 50 + 30 = 80, B 10.
    @Test func openOnTheCountDay() {
        let lines = PurchaseOrderLines(item: ["A", "A", "A", "A", "B", "B"], vendor: Array(repeating: "V", count: 6),
                                       orderDay: [90, 90, 98, 101, 90, 90], quantity: [50, 20, 30, 40, 10, 15],
                                       receiptDay: [PurchaseOrderLines.noDay, 95, 103, PurchaseOrderLines.noDay, 92, PurchaseOrderLines.noDay],
                                       receivedQuantity: [.nan, 20, 30, .nan, 0, .nan],
                                       po: ["P1", "P2", "P3", "P4", "P5", "P6"], status: ["", "", "", "", "", "Cancelled"])
        let open = OpenOrders(lines, on: 100)
        #expect(open.byItem["A"] == [OpenOrders.Line(po: "P1", orderDay: 90, quantity: 50), OpenOrders.Line(po: "P3", orderDay: 98, quantity: 30)])
        var p5 = OpenOrders.Line(po: "P5", orderDay: 90, quantity: 10)
        p5.zeroReceipt = true
        #expect(open.byItem["B"] == [p5])
        #expect(open.byItem["A"]?.map { $0.daysOpen(on: 100) } == [10, 2])
        // A day later P4 is open too; after P3's receipt it is not.
        #expect(OpenOrders(lines, on: 103).byItem["A"]?.map(\.po) == ["P1", "P4"])
    }

    /// The lines as they stood on day 100: P2 (ordered 101) is not yet ordered; P1's 60 of
    /// 100 came on day 95 and 40 on day 105, so by day 100 it holds one receipt of 60 and its
    /// lead time is 5 days, not 15; P3's receipt on day 110 has not happened.
    @Test func linesAsTheyStoodOnADay() {
        let noDay = PurchaseOrderLines.noDay
        let lines = PurchaseOrderLines(item: ["A", "A", "B", "A"], vendor: ["V", "V", "V", "V"], orderDay: [90, 90, 101, 95],
                                       quantity: [100, 100, 10, 20], unitPrice: [1, 1, 9, 1], receiptDay: [95, 105, noDay, 110],
                                       receivedQuantity: [60, 40, .nan, 20], po: ["P1", "P1", "P2", "P3"])
        #expect(lines.count == 3)
        #expect(lines.leadDays(0) == 15)
        let known = lines.known(on: 100)
        #expect(known.count == 2)
        #expect(known.received(0) == 60 && known.leadDays(0) == 5)
        #expect(!known.isReceived(1) && known.leadDays(1) == nil)
        #expect(known.receipts(0) == [PurchaseOrderLines.Receipt(day: 95, units: 60)])
        // On day 100, P1 has 40 to come (a receipt followed) and P3 all 20.
        #expect(OpenOrders(lines, on: 100).byItem["A"]?.map(\.quantity) == [40, 20])
        // A status saying more is to come keeps a short line open; one saying closed closes it.
        let partial = PurchaseOrderLines(item: ["A", "A"], vendor: ["V", "V"], orderDay: [90, 90], quantity: [100, 50],
                                         receiptDay: [95, noDay], receivedQuantity: [30, .nan], po: ["P1", "P2"], status: ["Partially Received", "Closed"])
        #expect(OpenOrders(partial, on: 100).byItem["A"] == [OpenOrders.Line(po: "P1", orderDay: 90, quantity: 70)])
    }

    /// A buyer's review: 40 of 100 received two days after ordering, with a 7-day lead time and
    /// no status column, read as closed short: 60 left off the on order, the item ordered
    /// again. Known answers on day 100 (lead 7, grace 1): P1 (ordered 95) awaits its 60; P2
    /// (ordered 80, 20 days ago) is closed short; P3 says Closed; P4 (ordered 95, lead 3 for
    /// item B) is past its 4 days and closed. The scorecard takes P1 as open: no fill rate
    /// from it, where it scored 40%.
    @Test func aLineReceivedInPartWithoutAStatusAwaitsTheRestWithinItsLeadTime() {
        let lines = PurchaseOrderLines(item: ["A", "A", "A", "B"], vendor: ["V", "V", "V", "V"], orderDay: [95, 80, 95, 95], quantity: [100, 100, 100, 100],
                                       receiptDay: [97, 85, 97, 97], receivedQuantity: [40, 40, 40, 40], po: ["P1", "P2", "P3", "P4"], status: ["", "", "Closed", ""])
        let lead = { (item: String) in item == "B" ? 3.0 : 7.0 }
        let open = OpenOrders(lines, on: 100, leadDays: lead, graceDays: 1)
        #expect(open.byItem["A"] == [OpenOrders.Line(po: "P1", orderDay: 95, quantity: 60)])
        #expect(open.byItem["B"] == nil)
        let scored = PurchasingAnalysis(lines: lines, promisedLeadDays: { lead($0) })
        // P2, P3 and P4 are closed short: 120 of 300 ordered arrived.
        #expect(scored.vendors.first?.fillRate == 120.0 / 300, "\(String(describing: scored.vendors.first))")
    }

    /// A buyer's review: the stock counted on day 100, the plan on day 107. P9 ordered 200 on
    /// day 98, shipped 20 on day 102 and was closed: the count saw none of it, and only the 20
    /// that came after are on order (it counted 200, and an item 9 days from empty was not
    /// ordered). P8, open with 30 of 100 received after the count, is 30 arrived + 70 to come.
    /// P7, 50 with no receipt and no status, is all to come.
    @Test func aLineClosedShortAfterTheCountIsOnOrderByWhatArrived() {
        let noDay = PurchaseOrderLines.noDay
        let lines = PurchaseOrderLines(item: ["T", "T", "T"], vendor: ["V", "V", "V"], orderDay: [98, 99, 99], quantity: [200, 100, 50],
                                       receiptDay: [102, 104, noDay], receivedQuantity: [20, 30, .nan], po: ["P9", "P8", "P7"],
                                       status: ["Closed", "Open", ""])
        let open = OpenOrders(lines, countedOn: 100, orderedBy: 107)
        #expect(open.byItem["T"]?.map(\.quantity) == [20, 100, 50])
        #expect(open.byItem["T"]?.map(\.arrived) == [20, 30, 0] && open.byItem["T"]?.map(\.toCome) == [0, 70, 50])
        // Counted on the plan day, the closed line is stock already: nothing of it on order.
        #expect(OpenOrders(lines, on: 107).byItem["T"]?.map(\.quantity) == [70, 50])
    }

    /// A count on day 100 with the export's on_order, a plan on day 107. P1 (ordered 98) brought
    /// 20 after the count and has 30 to come; P2 (ordered 102, after the count) brought 10 and
    /// has 40 to come. Known answers: 30 received since (on the shelf). On order at as-of,
    /// given 50 at the count: 50 - P1's 20 + P2's 40 = 70; given 10 (less than P1 delivered
    /// since): 0 + 40 = 40, never below what was ordered since; without one: 30 + 40 = 70. A
    /// line whose rest is not counted on (far overdue) adds what it delivered only.
    @Test func aCountRolledForwardSplitsTheLinesIntoShelfAndOnOrder() {
        let lines = [OpenOrders.Line(po: "P1", orderDay: 98, arrived: 20, toCome: 30), OpenOrders.Line(po: "P2", orderDay: 102, arrived: 10, toCome: 40)]
        let since = OpenOrders.SinceCount(lines, countedOn: 100)
        #expect(since.received == 30 && since.receivedOfLinesOpenAtCount == 20)
        #expect(since.onOrder(givenAtCount: 50) == 70 && since.onOrder(givenAtCount: 10) == 40 && since.onOrder(givenAtCount: nil) == 70)
        #expect(since.orderedSince.map(\.po) == ["P2"])
        let stale = OpenOrders.SinceCount(lines, countedOn: 100, countsToCome: { $0.po != "P2" })
        #expect(stale.received == 30 && stale.onOrder(givenAtCount: nil) == 30)
    }

    /// Open lines naming no location, netted by need (`UnplacedOnOrder`). Known answers: 100
    /// against needs 10 and 62: 62 to the second, 10 to the first, the 28 left to the second
    /// (the largest need); 50 against 62 and 10: all 50 to the first; equal needs: the first
    /// takes the rest; no need anywhere: all to the first.
    @Test func unplacedOnOrderGoesToTheLargestNeedFirst() {
        #expect(UnplacedOnOrder.allocate(100, needs: [10, 62]) == [10, 90])
        #expect(UnplacedOnOrder.allocate(50, needs: [62, 10]) == [50, 0])
        #expect(UnplacedOnOrder.allocate(30, needs: [10, 10]) == [20, 10])
        #expect(UnplacedOnOrder.allocate(30, needs: [0, 0]) == [30, 0])
        #expect(UnplacedOnOrder.allocate(0, needs: [5]) == [0])
        // Applied to stock lines: on order and the dated arrivals follow the share.
        var stock = [StockItem(item: "A"), StockItem(item: "A"), StockItem(item: "B")]
        stock[0].onHand = 50; stock[1].onHand = 50
        for k in 0..<2 {
            stock[k].unplacedOnOrder = 100
            stock[k].unplacedArrivals = [StockItem.Arrival(inDays: 5, quantity: 100)]
        }
        let placed = UnplacedOnOrder.apply(to: &stock, orderUpTo: { [28.0, 112, 0][$0] }).onOrder
        #expect(stock[0].onOrder == 0 && stock[1].onOrder == 100 && stock[2].onOrder == 0)
        #expect(stock[1].arrivals == [StockItem.Arrival(inDays: 5, quantity: 100)] && stock[0].arrivals == nil)
        #expect(placed[0].given == 0 && placed[0].of == 100 && placed[1].given == 100 && placed[2].of == 0)
        #expect(stock.allSatisfy { $0.unplacedOnOrder == 0 })
    }
}
