import Foundation
@testable import Pipeline
import Testing

/// purchasing.xlsx's Summary tables hold price_variance.csv's and vendor_scorecard.csv's
/// values behind the rounded text, rates as shares, as the data sheets do.
@Suite struct PurchasingWorkbookSummaryTests {
    /// Item 0450 from Cardinal Health: 40 at $1,025 and 40 at $1,030, contract $1,000: paid
    /// 1,027.50 on average, variance 80 x 27.50 = $2,200; the Summary showed `$1,028` and held
    /// 1028 (80 x 28 = $2,240). Item A-77 from Owens: 500 at $0.42 and 500 at $0.45, contract
    /// $0.40: paid 0.435, variance 1,000 x 0.035 = $35; it held 0.44 (1,000 x 0.04 = $40).
    /// Cardinal's lines were received in full: fill rate 1.0 in vendor_scorecard.csv, held as 100.
    @Test func summaryTablesHoldTheCSVsValues() throws {
        let ws = try Workspace()
        try ws.write("po.csv", """
            PO Number,Item #,Vendor,Order Date,Qty Ordered,Unit Price,Receipt Date,Qty Received
            PO-1003,0450,Cardinal Health,2026-01-07,40,"1,025.00",2026-01-14,40
            PO-1004,0450,Cardinal Health,2026-02-04,40,"1,030.00",2026-02-20,40
            PO-1005,A-77,Owens,2026-01-09,500,0.42,2026-01-13,500
            PO-1006,A-77,Owens,2026-03-02,500,0.45,2026-03-06,450

            """)
        try ws.write("contracts.csv", """
            Item #,Vendor,Contract Price,Start,End
            0450,Cardinal Health,"1,000.00",2025-07-01,2026-06-30
            A-77,Owens,0.40,2025-07-01,2026-06-30

            """)
        try ws.write("p.yml", """
            formats: [md, xlsx]
            stages:
              orders:
                kind: import
                table: orders
                file: po.csv
                columns: {po: "PO Number", item: "Item #", vendor: Vendor, order_date: "Order Date", quantity: "Qty Ordered", unit_price: "Unit Price", receipt_date: "Receipt Date", received_quantity: "Qty Received"}
              contracts:
                kind: import
                table: contracts
                file: contracts.csv
                columns: {item: "Item #", vendor: Vendor, contract_price: "Contract Price", start: Start, end: End}
              purchasing: {kind: purchasing, orders: orders, contracts: contracts}
            """)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let book = XLSXArchive(path: ws.path + "/out/purchasing.xlsx")
        let cells = XLSXArchive.cells(try book.sheet("Summary")), formats = try book.numberFormats()
        func number(_ ref: String) -> (Double, String)? {
            guard case .number(let value, let style)? = cells[ref], style < formats.count else { return nil }
            return (value, formats[style])
        }
        func row(_ first: String, where column: String) -> Substring? {
            cells.filter { $0.key.hasPrefix("A") && $0.value == .text(first) }.map { $0.key.dropFirst() }.first { number(column + $0) != nil }
        }
        // Largest price variances: Item | Vendor | Quantity | Paid | Contract | Variance.
        let big = try #require(row("0450", where: "D")), small = try #require(row("A-77", where: "D"))
        #expect(number("D" + big)?.0 == 1027.5 && number("E" + big)?.0 == 1000 && number("F" + big)?.0 == 2200)
        #expect(number("D" + small)?.0 == 0.435 && number("E" + small)?.0 == 0.4 && number("F" + small)?.0 == 35)
        #expect(number("C" + small)?.0 == 1000)
        // Vendors: Vendor | Lines | Spend | Fill rate | On time ...
        let owens = try #require(row("Owens", where: "B")), cardinal = try #require(row("Cardinal Health", where: "B"))
        // Rates as vendor_scorecard.csv's shares (at most 1, shown 0.0%), never 100.
        let scorecard = try ws.read("out/vendor_scorecard.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for (vendor, row) in [("Owens", owens), ("Cardinal Health", cardinal)] {
            let csv = try #require(scorecard.first { $0.first == vendor })
            #expect(number("D" + row).map { $0.0 == Double(csv[3]) && $0.1 == "0.0%" } == true, "\(vendor) fill: \(String(describing: number("D" + row))) against \(csv[3])")
            #expect(number("E" + row).map { $0.0 == Double(csv[4]) && $0.1 == "0.0%" } == true, "\(vendor) on time: \(String(describing: number("E" + row))) against \(csv[4])")
        }
        // Spend 40 x 1,025 + 40 x 1,030 = 82,200.
        #expect(number("C" + cardinal)?.0 == 82_200)
        // The chart's data sheet holds the same shares (it held 100 and 99.83 with a "%" added,
        // and a formula taking them was off 100 times).
        let service = XLSXArchive.cells(try book.sheet("Vendor service"))
        let headers = service.filter { $0.key.hasSuffix("1") && $0.key.count == 2 }
        for (vendor, _) in [("Owens", owens), ("Cardinal Health", cardinal)] {
            let csv = try #require(scorecard.first { $0.first == vendor })
            let row = try #require(service.first { $0.key.hasPrefix("A") && $0.value == .text(vendor) }.map { $0.key.dropFirst() })
            for (column, index, name) in [("B", 4, "On time"), ("C", 3, "Fill rate")] {
                #expect(headers[column + "1"] == .text(name))
                guard case .number(let value, let style)? = service[column + row], style < formats.count else {
                    Issue.record("\(vendor) \(name) not a number"); continue
                }
                let expected = try #require(Double(csv[index]))
                #expect(abs(value - expected) <= 5e-5 && formats[style] == "0.0%", "\(vendor) \(name): \(value) \(formats[style]) against \(expected)")
            }
        }
    }
}
