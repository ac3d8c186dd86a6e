import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// A purchasing analyst's review of `purchasing`: a contract price of 0, a usage that ends
/// before as-of, a far-future order date, a line's contract price against the file's, an
/// unknown price variance shown as $0, and a lot split between two locations. Each known
/// answer is worked out by hand in the test's comment.
@Suite struct PurchasingAnalystReviewTests {
    /// Imports `text` as `kind` the way every command does, skipping bad rows.
    func imported(_ text: String, _ kind: String) throws -> Table {
        let ws = try Workspace()
        try ws.write("in.csv", text)
        let stage = try ImportStage(file: ws.path + "/in.csv", table: kind, options: ImportOptions(onError: .skip))
        return try stage.readLong(ws.path + "/in.csv", stage.options).0
    }

    /// The ERP writes contract_price 0.00 / 0 on lines bought with no contract (B at $40 x 50,
    /// C at $25 x 20); A is on contract at 10. Off contract: V1 $2,000, V2 $500; nothing paid
    /// above contract. Read as contracts at $0, V1 "paid $2,000 above contract" and none of it
    /// was off contract.
    @Test func aContractPriceOfZeroIsNoContract() throws {
        let orders = try imported("""
            po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity,contract_price
            P1,A,V1,2026-03-02,100,10.00,2026-03-05,100,10.00
            P2,B,V1,2026-03-09,50,40.00,2026-03-12,50,0.00
            P3,C,V2,2026-03-09,20,25.00,2026-03-12,20,0

            """, "orders")
        let r = try PurchasingJob().run(orders: orders)
        let a = r.analysis
        #expect(a.paidAboveContract == 0)
        #expect(a.vendors.map(\.offContractSpend) == [2_000, 500])
        #expect(a.vendors.map(\.priceVariance) == [0, 0])
        #expect(a.zeroContractLines == 2)
        #expect(PurchasingJob.caveats(r).contains { $0.hasPrefix("2 order lines have a contract price of 0 (on the line or in the contracts file), read as no contract") && $0.contains("P2: B from V1") })
        // A 0 in the contracts file is no contract either; the line's own price stands in.
        let contracts = try imported("item,vendor,contract_price\nB,V1,0\nC,V2,0\n", "contracts")
        let filed = try PurchasingJob().run(orders: orders, contracts: contracts).analysis
        #expect(filed.paidAboveContract == 0 && filed.offContractSpend == 2_500 && filed.zeroContractLines == 2)
    }

    /// Usage 10 a day to 2026-03-31, lots counted 2026-04-30, one lot of 600 expiring
    /// 2026-06-30: 61 days at 10 a day use 610, so no waste. Read as zeros, the 30 days after
    /// the usage made the rate 10 x 61 / 91 = 6.70 and the waste 191.
    @Test func aUsageEndingBeforeAsOfIsNotReadAsDaysWithoutUse() throws {
        let start = CalendarDay(year: 2025, month: 12, day: 1)!
        let days = (0..<121).map { start.adding(days: $0).description }
        let usage = Table([("date", .text(days)), ("item", .text(days.map { _ in "A" })), ("quantity", .number(days.map { _ in 10 }))])
        let orders = Table([("item", .text(["A"])), ("vendor", .text(["V1"])), ("order_date", .text(["2026-03-01"])), ("quantity", .number([100])),
                            ("unit_price", .number([10]))])
        let lots = Table([("item", .text(["A"])), ("lot", .text(["L1"])), ("expiry_date", .text(["2026-06-30"])), ("quantity", .number([600]))])
        var job = PurchasingJob()
        job.asOf = CalendarDay(year: 2026, month: 4, day: 30)
        let r = try job.run(orders: orders, lots: lots, usage: usage)
        #expect(r.expiry.map(\.expectedWaste) == [0])
        #expect(r.expiry.map(\.dailyUse) == [10])
        #expect(r.usageEnd == CalendarDay(year: 2026, month: 3, day: 31))
        #expect(PurchasingJob.caveats(r).contains { $0.hasPrefix("the usage ends 2026-03-31, 30 days before as-of 2026-04-30: ") && $0.contains("(not read as days without use)") })
    }

    /// Open lines P3, P4 (V1) and P6 (V2) are 3 to 5 days old on the export's last day
    /// (2026-03-30), inside a 5-day lead plus a day of grace; P8 is dated 2062 for 2026. Judged
    /// on 2062, every open line was overdue: fill and on time 0.5 for V1 and V2. The export's
    /// last day is said, and the 2062 line named by file, line and column.
    @Test func oneFarFutureOrderDateDoesNotMakeEveryOpenLineOverdue() throws {
        let ws = try Workspace()
        try ws.write("orders.csv", """
            po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity
            P1,A,V1,2026-03-02,100,10,2026-03-05,100
            P2,A,V1,2026-03-09,100,10,2026-03-12,100
            P3,A,V1,2026-03-25,100,10,,
            P4,A,V1,2026-03-27,100,10,,
            P5,B,V2,2026-03-02,100,5,2026-03-04,100
            P6,B,V2,2026-03-30,100,5,,
            P7,C,V3,2026-03-03,10,5,2026-03-05,10
            P8,C,V3,2062-03-31,10,5,,

            """)
        let stage = try ImportStage(file: ws.path + "/orders.csv", table: "orders", options: ImportOptions())
        let orders = try stage.readLong(ws.path + "/orders.csv", stage.options).0
        let items = Table([("item", .text(["A", "B", "C"])), ("lead_time_days", .number([5, 5, 5]))])
        let r = try PurchasingJob().run(orders: orders, items: items)
        #expect(r.analysis.vendors.map(\.fillRate) == [1, 1, 1])
        #expect(r.analysis.vendors.map(\.onTimeRate) == [1, 1, 1])
        #expect(r.analysis.judgedOn == CalendarDay(year: 2026, month: 3, day: 30)?.daysSinceEpoch)
        #expect(r.rowsBeyond == 1)
        #expect(PurchasingJob.caveats(r).contains { $0.contains("1 order row is dated more than 183 days after the rest of the export") && $0.contains("line 9, order_date 2062-03-31") })
        #expect(PurchasingJob.report(r).summary.contains { $0.contains("on the export's last day (2026-03-30, its latest order or receipt)") })
        #expect(PurchasingJob.note(r).contains("4 open lines judged on the export's last day, 2026-03-30, 0 overdue"))
    }

    /// The lines carry contract_price 9.00; the contracts file says 10.00 for the same dates.
    /// The file is used (variance 0) and the two disagreeing lines are listed, (9 - 10) x 100
    /// each: $200 at stake.
    @Test func aLinesContractPriceThatDisagreesWithTheFileIsListed() throws {
        let orders = try imported("""
            po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity,contract_price
            P1,A,V1,2026-03-02,100,10.00,2026-03-05,100,9.00
            P2,A,V1,2026-03-09,100,10.00,2026-03-12,100,9.00

            """, "orders")
        let contracts = try imported("item,vendor,contract_price,start,end\nA,V1,10.00,2026-01-01,2026-12-31\n", "contracts")
        let r = try PurchasingJob().run(orders: orders, contracts: contracts)
        #expect(r.analysis.priceVariance == 0)
        #expect(r.analysis.contractPriceDisagreements.map(\.atStake) == [-100, -100])
        #expect(PurchasingJob.caveats(r).contains { $0.hasPrefix("2 order lines' own contract_price differs from the contracts file's price") && $0.contains(", 200 at stake") && $0.contains("P1: A from V1 (9 against 10)") })
        let markdown = PurchasingJob.report(r).markdown(figurePrefix: "purchasing")
        #expect(markdown.contains("| P1 | A | V1 | 2026-03-02 | 100 | $9 | $10 | -$100 |"), "\(markdown)")
    }

    /// No contracts file and no contract_price: the vendor table's price variance is blank, as
    /// in the CSV and as off contract is, not "$0".
    @Test func anUnknownPriceVarianceIsBlankInTheVendorTable() throws {
        let orders = try imported("item,vendor,order_date,quantity,unit_price\nA,V1,2026-03-02,10,5\n", "orders")
        let r = try PurchasingJob().run(orders: orders)
        let markdown = PurchasingJob.report(r).markdown(figurePrefix: "purchasing")
        #expect(markdown.contains("| V1 | 1 | $50 |  |  |  |  |  |"), "\(markdown)")
    }

    /// Lot L1 split between ICU (2 a day) and MAIN (8 a day), both halves of 40 expiring in
    /// 10 days: ICU uses 20 and wastes 20. The report's lots table names the location.
    @Test func theLotsTableNamesTheLocation() throws {
        let start = CalendarDay(year: 2026, month: 1, day: 1)!
        let days = (0..<90).map { start.adding(days: $0).description }
        let usage = Table([("date", .text(days + days)), ("item", .text((days + days).map { _ in "A" })),
                           ("quantity", .number(days.map { _ in 2 } + days.map { _ in 8 })),
                           ("location", .text(days.map { _ in "ICU" } + days.map { _ in "MAIN" }))])
        let orders = Table([("item", .text(["A"])), ("vendor", .text(["V1"])), ("order_date", .text(["2026-03-01"])), ("quantity", .number([100])),
                            ("unit_price", .number([10]))])
        let lots = Table([("item", .text(["A", "A"])), ("lot", .text(["L1", "L1"])), ("expiry_date", .text(["2026-04-10", "2026-04-10"])),
                          ("quantity", .number([40, 40])), ("location", .text(["ICU", "MAIN"]))])
        let r = try PurchasingJob().run(orders: orders, lots: lots, usage: usage)
        let markdown = PurchasingJob.report(r).markdown(figurePrefix: "purchasing")
        #expect(markdown.contains("| Item | Lot | Location | Expires |"), "\(markdown)")
        #expect(markdown.contains("| A | L1 | ICU | 2026-04-10 | 40 | 20 | 20 | $200 |"), "\(markdown)")
    }
}
