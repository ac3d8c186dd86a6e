import Testing
@testable import Planning

/// Which purchase order lines are still on order on a day (`OpenOrders`).
@Suite struct OpenOrdersTests {
    /// Day 100 is the count. Known answer, line by line: P1 (ordered 90, no receipt) is open;
    /// P2 (ordered 90, received 95) arrived before the count; P3 (ordered 98, received 103)
    /// was still coming when the stock was counted, so it is open whole; P4 (ordered 101) was
    /// placed after the count; P5 received 0 units is closed (no delivery will follow the
    /// receipt); P6 was cancelled. Open: A 50 + 30 = 80, B none.
    @Test func openOnTheCountDay() {
        let lines = PurchaseOrderLines(item: ["A", "A", "A", "A", "B", "B"], vendor: Array(repeating: "V", count: 6),
                                       orderDay: [90, 90, 98, 101, 90, 90], quantity: [50, 20, 30, 40, 10, 15],
                                       receiptDay: [PurchaseOrderLines.noDay, 95, 103, PurchaseOrderLines.noDay, 92, PurchaseOrderLines.noDay],
                                       receivedQuantity: [.nan, 20, 30, .nan, 0, .nan],
                                       po: ["P1", "P2", "P3", "P4", "P5", "P6"], status: ["", "", "", "", "", "Cancelled"])
        let open = OpenOrders(lines, on: 100)
        #expect(open.byItem["A"] == [OpenOrders.Line(po: "P1", orderDay: 90, quantity: 50), OpenOrders.Line(po: "P3", orderDay: 98, quantity: 30)])
        #expect(open.byItem["B"] == nil)
        #expect(open.byItem["A"]?.map { $0.daysOpen(on: 100) } == [10, 2])
        // A day later P4 is open too; after P3's receipt it is not.
        #expect(OpenOrders(lines, on: 103).byItem["A"]?.map(\.po) == ["P1", "P4"])
    }
}
