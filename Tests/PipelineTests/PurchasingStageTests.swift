import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// Issue 21 through the imports, the purchasing stage and the reorder job.
@Suite struct PurchasingStageTests {
    /// Orders: A100 from Acme six times, received 7,7,7,14,7,7 days later (mean 8.17, sd 2.86),
    /// one of them 110 of 100 (an over-receipt); B200 from Beta 600 at $11 against a $10
    /// contract; then the bad rows: line 10 orders 0, line 11 is received before it was ordered.
    static let orders = """
    po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity,contract_price
    P1,A100,Acme,2026-01-01,100,5,2026-01-08,100,
    P2,A100,Acme,2026-01-15,100,5,2026-01-22,100,
    P3,A100,Acme,2026-02-01,100,5,2026-02-08,100,
    P4,A100,Acme,2026-02-15,100,5,2026-03-01,100,
    P5,A100,Acme,2026-03-01,100,5,2026-03-08,100,
    P6,A100,Acme,2026-03-15,100,5,2026-03-22,110,
    P7,B200,Beta,2026-03-01,600,11,2026-03-05,600,
    P8,B200,Beta,2026-03-20,50,12,,,
    P9,C300,Beta,2026-03-20,0,12,,,
    P10,C300,Beta,2026-03-20,5,12,2026-03-10,,

    """
    /// Line 3 ends before it starts.
    static let contracts = """
    item,vendor,contract_price,start,end
    B200,Beta,10,2026-01-01,2026-12-31
    A100,Acme,4,2026-01-01,2025-12-31

    """
    /// As of 2026-03-31 at 2 a day: L1 (100, 30 days) wastes 40; L2 (50, 120 days) none;
    /// line 4 expires before it was made.
    static let lots = """
    item,lot,expiry_date,quantity,manufacture_date
    A100,L1,2026-04-30,100,2025-01-01
    A100,L2,2026-07-29,50,
    A100,L3,2026-07-29,50,2026-08-01

    """
    static let items = "item,vendor,unit_cost,lead_time_days,review_period_days\nA100,Acme,5,7,7\nB200,Beta,5,7,7\n"

    /// 2 a day of A100 from 2026-01-01 to 2026-03-31.
    static func usage(perDay: Double = 2, item: String = "A100") -> String {
        let start = CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: 2026, month: 1, day: 1)))
        return "date,item,quantity\n" + (0..<90).map { "\(start.adding(days: $0)),\(item),\(NumberFormat.fixed(perDay, decimals: 0))" }.joined(separator: "\n") + "\n"
    }

    static let pipeline = """
    output: out
    stages:
      orders: {kind: import, table: orders, file: orders.csv, on_error: skip}
      contracts: {kind: import, table: contracts, file: contracts.csv, on_error: skip}
      items: {kind: import, table: items, file: items.csv}
      lots: {kind: import, table: lots, file: lots.csv, on_error: skip}
      usage: {kind: import, table: usage, file: usage.csv}
      purchasing: {kind: purchasing, orders: orders, contracts: contracts, items: items, lots: lots, usage: usage}
    """

    func workspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.write("orders.csv", Self.orders)
        try ws.write("contracts.csv", Self.contracts)
        try ws.write("lots.csv", Self.lots)
        try ws.write("items.csv", Self.items)
        try ws.write("usage.csv", Self.usage())
        try ws.write("p.yml", Self.pipeline)
        return ws
    }

    @Test func purchasingStageWritesDesignColumnsAndRejectsBadRows() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml")
        let scorecard = try ws.read("out/vendor_scorecard.csv").split(separator: "\n").map(String.init)
        #expect(scorecard[0] == "vendor,lines,spend,fill_rate,on_time_rate,lead_time_mean_days,lead_time_sd_days,price_variance,off_contract_spend")
        // Acme: 6 lines, 3,000 spend, 610 received of 600 but each line counts at most what it
        // ordered (the 10 over on one line fill nothing else): fill 1; 5 of 6 within 7 + 1 days;
        // no valid contract (line 3 of the contracts was rejected), so all 3,000 off contract.
        #expect(scorecard[1] == "Acme,6,3000,1,0.8333,8.17,2.86,0,3000")
        // Beta: 600 x 11 + 50 x 12 = 7,200; (11 - 10) x 600 + (12 - 10) x 50 = 700 above contract.
        #expect(scorecard[2] == "Beta,2,7200,1,1,4,,700,0")
        let variance = try ws.read("out/price_variance.csv")
        #expect(variance.hasPrefix("item,vendor,quantity,paid_unit_price,contract_unit_price,price_variance\nB200,Beta,650,"))
        #expect(variance.contains(",700\n"))
        #expect(try ws.read("out/lead_times.csv") == "item,vendor,receipts,lead_time_mean_days,lead_time_sd_days\nA100,Acme,6,8.17,2.86\nB200,Beta,1,4,\n")
        #expect(try ws.read("out/expiry_risk.csv") == """
            item,lot,expiry_date,quantity,expected_use_before_expiry,expected_waste,waste_value
            A100,L1,2026-04-30,100,60,40,200
            A100,L2,2026-07-29,50,50,0,0

            """)
        let orderRejects = try ws.read("out/orders.rejects.csv")
        #expect(orderRejects.contains("orders.csv,10,quantity,'0' is not a quantity above 0"))
        #expect(orderRejects.contains("orders.csv,11,receipt_date,receipt_date 2026-03-10 is before order_date 2026-03-20"))
        #expect(try ws.read("out/contracts.rejects.csv").contains("contracts.csv,3,end,end 2025-12-31 is before start 2026-01-01"))
        #expect(try ws.read("out/lots.rejects.csv").contains("lots.csv,4,expiry_date,expiry_date 2026-07-29 is before manufacture_date 2026-08-01"))
        let report = try ws.read("out/purchasing.md")
        #expect(report.contains("On time means received within the item master's lead time plus 1 day"))
        #expect(report.contains("1 line was received in larger quantity than ordered"))
        #expect(report.contains("40 units worth $200"))
        #expect(ws.exists("out/purchasing_vendor_service.svg"))
        // The run's index lists the three savings.
        let index = try ws.read("out/index.md")
        #expect(index.contains("Paid above contract price: $700"))
        #expect(index.contains("Off-contract spend: $3,000"))
        #expect(index.contains("Expected expiry waste: $200"))
    }

    /// Lots with a location are used at that location's rate when the usage names locations:
    /// A100's 100 at the ICU, used 1 a day there (and 20 a day in the main store), lose 70 of
    /// 100 in 30 days; at the item's 21 a day they read as used in time. A lot at a place the
    /// usage does not name is used at the item's rate less the other lots' locations'.
    @Test func lotsAreUsedAtTheirLocationsRate() throws {
        let start = CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: 2026, month: 1, day: 1)))
        let days = (0..<90).flatMap { [start.adding(days: $0), start.adding(days: $0)] }
        let usage = Table([("date", .date(days)), ("item", .text(days.map { _ in "A100" })),
                           ("quantity", .number((0..<180).map { $0 % 2 == 0 ? 1 : 20 })), ("location", .text((0..<180).map { $0 % 2 == 0 ? "ICU" : "Main" }))])
        let lots = Table([("item", .text(["A100", "A100"])), ("lot", .text(["L1", "L9"])), ("expiry_date", .date([start.adding(days: 119), start.adding(days: 119)])),
                          ("quantity", .number([100, 1_000])), ("location", .text(["icu", "Basement"]))])
        let orders = Table([("item", .text(["A100"])), ("vendor", .text(["Acme"])), ("order_date", .date([start])), ("quantity", .number([10]))])
        let result = try PurchasingJob().run(orders: orders, lots: lots, usage: usage)
        let byLot = Dictionary(uniqueKeysWithValues: result.expiry.map { ($0.lot.lot, $0) })
        #expect(abs(try #require(byLot["L1"]).expectedWaste - 70) < 1e-9, "\(result.expiry)")
        // The basement's lot is used at the item's rate less the ICU's own (20 a day, 600 in 30
        // days): at the whole 21 the ICU's use counted twice.
        #expect(abs(try #require(byLot["L9"]).expectedWaste - 400) < 1e-9, "\(result.expiry)")
    }

    /// A lot at a place the usage does not name, of an item the ICU uses up with lots of its
    /// own, has no use left: it is named as stock where the item is not used, not as an item
    /// code the usage lacks.
    @Test func aLotWhereItsItemIsNotUsedIsNamedSo() throws {
        let start = CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: 2026, month: 1, day: 1)))
        let days = (0..<90).map { start.adding(days: $0) }
        let usage = Table([("date", .date(days)), ("item", .text(days.map { _ in "A100" })), ("quantity", .number(days.map { _ in 10 })),
                           ("location", .text(days.map { _ in "ICU" }))])
        let lots = Table([("item", .text(["A100", "A100"])), ("lot", .text(["L1", "L2"])), ("expiry_date", .date([start.adding(days: 119), start.adding(days: 119)])),
                          ("quantity", .number([100, 100])), ("location", .text(["ICU", "Central"]))])
        let orders = Table([("item", .text(["A100"])), ("vendor", .text(["Acme"])), ("order_date", .date([start])), ("quantity", .number([10]))])
        let summary = PurchasingJob.report(try PurchasingJob().run(orders: orders, lots: lots, usage: usage)).summary
        #expect(summary.contains { $0.contains("1 place holds lots counted as waste, the usage showing no use of their item there: A100 at Central") }, "\(summary)")
        #expect(!summary.contains { $0.contains("check that the usage names") }, "\(summary)")
    }

    /// A price that fell is listed beside one that rose (the table showed increases only).
    @Test func priceTrendsListFallsAsWellAsRises() throws {
        let start = CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: 2026, month: 1, day: 1)))
        let orders = Table([("item", .text(["A100", "A100", "B200", "B200"])), ("vendor", .text(["Acme", "Acme", "Beta", "Beta"])),
                            ("order_date", .date([start, start.adding(days: 30), start, start.adding(days: 30)])), ("quantity", .number([10, 10, 10, 10])),
                            ("unit_price", .number([0.35, 0.30, 6.20, 6.50]))])
        let markdown = PurchasingJob.report(try PurchasingJob().run(orders: orders)).markdown(figurePrefix: "p")
        #expect(markdown.contains("| A100 | Acme | $0.35 (2026-01-01) | $0.30 (2026-01-31) |") && markdown.contains("| B200 | Beta |"), "\(markdown)")
    }

    @Test func reorderUsesTheObservedLeadTimeWithFiveReceipts() throws {
        // 10 a day; the item master says 7 days + 7 review. Six receipts average 8.17 days:
        // demand over the protection interval 10 x (8.17 + 7) = 151.7 instead of 140.
        let ws = try workspace()
        try ws.write("usage.csv", Self.usage(perDay: 10))
        try ws.write("inventory.csv", "item,on_hand\nA100,100\n")
        let t = try ws.tables(["usage.csv": "usage", "items.csv": "items", "inventory.csv": "inventory", "orders.csv": "orders"])
        var job = ReorderJob()
        job.threads = 1
        let plain = try job.plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!)
        let observed = try job.plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!, orders: t["orders"]!)
        #expect(abs(plain.lines[0].demandForecast - 140) < 0.5)
        #expect(abs(observed.lines[0].demandForecast - 10 * (49.0 / 6 + 7)) < 0.5)
        #expect(observed.lines[0].reason.contains("lead time 8.17 days (sd 2.86) observed over 6 receipts from Acme, not the item master's 7"))
        // Four receipts are too few: the item master's lead time stays.
        let four = Self.orders.split(separator: "\n").enumerated().filter { ![5, 6].contains($0.offset) }.map(\.element).joined(separator: "\n") + "\n"
        try ws.write("orders.csv", four)
        let few = try ws.tables(["orders.csv": "orders"])
        let kept = try job.plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!, orders: few["orders"]!)
        #expect(abs(kept.lines[0].demandForecast - 140) < 0.5)
        #expect(!kept.lines[0].reason.contains("observed over"))
    }

    @Test func reorderLeavesExpiringLotsOutOfThePosition() throws {
        // 150 on hand in lots L1 (100, 30 days) and L2 (50): at 2 a day 40 of L1 expire, so the
        // position is 150 - 40 = 110 and the line says so with the flag expiry_waste.
        let ws = try workspace()
        try ws.write("inventory.csv", "item,on_hand\nA100,150\n")
        let t = try ws.tables(["usage.csv": "usage", "items.csv": "items", "inventory.csv": "inventory", "lots.csv": "lots"])
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!, lots: t["lots"]!)
        let line = plan.lines[0]
        #expect(line.flags.contains("expiry_waste"))
        #expect(abs(line.inventoryPosition - 110) < 1e-6)
        #expect(line.onHand == 150)
        #expect(line.reason.contains("40 units expected to expire before use ($200)"))
        let without = try job.plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!)
        #expect(without.lines[0].inventoryPosition == 150)
        #expect(!without.lines[0].flags.contains("expiry_waste"))
    }

    @Test func discontinuedColumnStopsOrders() throws {
        let ws = try workspace()
        try ws.write("items.csv", "item,vendor,unit_cost,lead_time_days,discontinued\nA100,Acme,5,7,TRUE\n")
        try ws.write("inventory.csv", "item,on_hand\nA100,0\n")
        let t = try ws.tables(["usage.csv": "usage", "items.csv": "items", "inventory.csv": "inventory"])
        let plan = try ReorderJob().plan(usage: t["usage"]!, items: t["items"]!, inventory: t["inventory"]!)
        #expect(plan.lines[0].flags.contains("discontinued"))
        #expect(plan.lines[0].orderQuantity == 0)
    }
}
