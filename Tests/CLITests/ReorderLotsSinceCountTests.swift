import Foundation
import Testing

/// A second review of the count roll-forward: a count of 150 on 2026-03-25, 60 used since and
/// 200 received on 2026-03-29, planned on 2026-03-31 with lots OLD (150, expiring 2026-04-02) and
/// NEW (200, expiring 2026-04-05) at 10 a day. Expiry was capped at the count less its use (90):
/// 240 units due to expire read as 90, with a false lot_count_mismatch and no stockout_risk.
/// Known answer: 290 on hand, 70 of OLD and 170 of NEW expire before use, 50 usable: 5 days of
/// supply against a 7-day lead time, stockout_risk, position 50, order 90.
@Suite struct ReorderLotsSinceCountTests {
    @Test func expiryCountsTheUnitsReceivedSinceTheCount() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        var usage = "date,item,quantity\n"
        for k in 0..<120 {
            let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: k, to: ISO8601DateFormatter().date(from: "2025-12-02T00:00:00Z")!)!
            usage += "\(ISO8601DateFormatter.string(from: day, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])),A,10\n"
        }
        try write("usage.csv", usage)
        try write("items.csv", "item,vendor,unit_cost,pack_size,lead_time_days,review_period_days\nA,V1,10,1,7,7\n")
        try write("inventory.csv", "item,on_hand,as_of\nA,150,2026-03-25\n")
        try write("orders.csv", "po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity\nP1,A,V1,2026-03-22,200,10,2026-03-29,200\n")
        try write("lots.csv", "item,lot,expiry_date,quantity\nA,OLD,2026-04-02,150\nA,NEW,2026-04-05,200\n")
        let run = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--orders", "orders.csv",
                                     "--lots", "lots.csv", "--as-of", "2026-03-31", "--out", "out", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv")).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func value(_ column: String) -> String { row[header.firstIndex(of: column)!] }
        #expect(value("inventory_position") == "50" && value("order_qty") == "90" && value("days_of_supply") == "5", "\(row)")
        #expect(value("flags").contains("stockout_risk") && !value("flags").contains("lot_count_mismatch"), "\(row)")
        #expect(lines[1].contains("240 of it to expire before use"), "\(lines[1])")
    }
}
