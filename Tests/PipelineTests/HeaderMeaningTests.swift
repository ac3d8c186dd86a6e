import Foundation
import Testing
import Tabular
@testable import Pipeline

/// A review of the header matching by words (s36, r2a): four headers of ordinary exports
/// mapped to the wrong column, or to none, each changing what reorder, purchasing or staffing
/// computed without a word. Each test uses the reviewer's header.
@Suite struct HeaderMeaningTests {
    static func inspect(_ text: String, kind: String, in ws: Workspace) throws -> ExportInspection {
        try ws.write("e.csv", text)
        return try ExportInspection(path: ws.path + "/e.csv", kind: kind)
    }

    /// A stock valuation report (case 01): `On Hand $` 500 and `On Order $` 250 beside `On Hand
    /// Qty` 40 and `On Order Qty` 20. The exact-spelling pass strips `$`, so the dollars were
    /// mapped: position 500 + 250 = 750 and reorder ordered 0, where 40 + 20 = 60 against an
    /// order-up-to of 112 needs 52 units (52 × $12.50 = $650). The units are mapped now, and the
    /// dollar columns are named as left out for them.
    @Test func aValuationReportMapsItsUnitsNotItsDollars() throws {
        let ws = try Workspace()
        let stock = try HeaderMeaningTests.inspect("Item,Description,On Hand $,On Hand Qty,On Order $,On Order Qty\nA100,Gauze,500.00,40,250.00,20\n", kind: "inventory", in: ws)
        #expect(stock.columnsFlag == "item=Item,on_hand=\"On Hand Qty\",on_order=\"On Order Qty\"", "\(stock.columnsFlag)")
        #expect(stock.report.contains("'On Hand $' is not read: it is written as money, and on_hand is read from \"On Hand Qty\", a column of units"), "\(stock.report)")
        #expect(stock.report.contains("'On Order $' is not read: it is written as money, and on_order is read from \"On Order Qty\""))
        // `Amt On Hand` and `On Hand Value` are money too; `Qty On Hand` is found by its words.
        let words = try HeaderMeaningTests.inspect("Item,On Hand Value,Amt On Order,Qty On Hand,Qty On Order\nA100,500,250,40,20\n", kind: "inventory", in: ws)
        #expect(words.columnsFlag == "item=Item,on_hand=\"Qty On Hand\",on_order=\"Qty On Order\"", "\(words.columnsFlag)")
    }

    /// The import's note on unread columns names the column of units, not the dollars: with
    /// on_hand mapped to `On Hand Qty`, it named `On Order $` (250 dollars) as on_order.
    @Test func theImportOffersTheUnitsNotTheDollars() throws {
        let ws = try Workspace()
        try ws.write("stock.csv", "Item,On Hand $,On Hand Qty,On Order $,On Order Qty\nA100,500.00,40,250.00,20\n")
        try ws.write("p.yml", """
            output: out
            stages:
              stock: {kind: import, table: inventory, file: stock.csv, columns: {item: Item, on_hand: "On Hand Qty"}}
              save: {kind: export, input: stock, file: stock_out.csv}
            """)
        let notes = try PipelineRunner(quiet: true).run(ws.path + "/p.yml").notes
        // `On Order Qty` is read by itself now, as `inspect` maps it (it was named in a note).
        #expect(!notes.contains { $0.contains("'On Order $'") || $0.contains("'On Order Qty'") }, "\(notes)")
        let saved = try ws.read("out/stock_out.csv")
        #expect(saved.contains("A100,40,20"), "\(saved)")
    }

    /// A money column is taken for a quantity only when nothing else fits, and said so; never
    /// while a column of units is left unread (`Units` beside `On Hand $`: on_hand is reported
    /// missing rather than read as 500 dollars).
    @Test func aMoneyColumnIsAQuantityOnlyAsTheLastFitAndSaidSo() throws {
        let ws = try Workspace()
        let alone = try HeaderMeaningTests.inspect("Item,On Hand $\nA100,40\n", kind: "inventory", in: ws)
        #expect(alone.columnsFlag == "item=Item,on_hand=\"On Hand $\"")
        #expect(alone.report.contains("on_hand: \"On Hand $\" is written as money, but no column of units names the role, so it is mapped: if it holds dollars, map the column of units instead"), "\(alone.report)")
        let units = try HeaderMeaningTests.inspect("Item,On Hand $,Units\nA100,500,40\n", kind: "inventory", in: ws)
        #expect(units.columnsFlag == "item=Item")
        #expect(units.missingRequired == ["on_hand"])
    }

    /// Every quantity role refuses a money column while a column of units fits, and every money
    /// role a count of units (the mirror mistake) at all.
    @Test func everyQuantityAndMoneyRoleKnowsTheOther() {
        for role in ExportInspection.quantityRoles {
            for money in ["On Hand $", "Ext Cost", "Amount", "Value", "Extended Value", "Hours Cost", "Qty $"] {
                #expect(ExportInspection.Fit(HeaderWords(money), role: role) == .lastResort, "\(money) for \(role)")
            }
            #expect(ExportInspection.Fit(HeaderWords("Qty"), role: role) == .own)
        }
        for role in ExportInspection.moneyRoles {
            for count in ["Units", "Qty", "Quantity", "Price Unit", "Pricing Unit", "Price Per", "Unit of Measure", "Count"] {
                #expect(ExportInspection.Fit(HeaderWords(count), role: role) == .never, "\(count) for \(role)")
            }
            for money in ["Unit Price", "Cost per Unit", "Cost/Unit", "Unit Cost $", "Price Each", "Amount"] {
                #expect(ExportInspection.Fit(HeaderWords(money), role: role) == .own, "\(money) for \(role)")
            }
        }
    }

    /// Word order where it carries the meaning: the head noun is the last word, or the one
    /// before a preposition. `Price Unit` is a unit (SAP's pricing quantity), `Unit Price` a
    /// price; `Qty On Order` and `On Order Qty` stay one, as do `Qty Received` and `Received Qty`.
    @Test func theHeadNounTellsAPriceFromAPriceUnit() {
        #expect(!HeaderWords("Price Unit").matches(HeaderWords("Unit Price")))
        #expect(!HeaderWords("Price Per").matches(HeaderWords("Price")))
        #expect(HeaderWords("Qty On Order").matches(HeaderWords("On Order Qty")))
        #expect(HeaderWords("Qty Received").matches(HeaderWords("Received Qty")))
        #expect(HeaderWords("Hours Worked").matches(HeaderWords("Worked Hours")))
        #expect(HeaderWords("Cost/Unit").head == "cost" && HeaderWords("Cost per Dose").head == "cost" && HeaderWords("Cost Each").head == "cost")
        #expect(HeaderWords("Unit of Measure").head == "unit" && HeaderWords("Price Per").head == "unit")
        #expect(HeaderWords("Lead Time (Days)").head == "time")
    }

    /// SAP's PO lines (case 02): `Price Unit` (1 or 100) was mapped as unit_price and `Net Price`
    /// left out: spend 2,050 and price variance 276 (+1,976 and −1,700), where the net price per
    /// unit (125/100 = 1.25, 36/1 = 36) gives spend 20 × 1.25 + 50 × 36 = 1,825 and variance
    /// 20 × 0.05 + 50 × 1 = 51. `Price Unit` is not mapped now, and the report says what it is
    /// and that `Net Price` must be divided by it first.
    @Test func sapsPriceUnitIsNoPrice() throws {
        let ws = try Workspace()
        let orders = try HeaderMeaningTests.inspect("""
            PO Number,Material,Supplier,Doc Date,Order Qty,Net Price,Price Unit,Delivery Date,Qty Received,Contract Price
            4500001,M-100,Medline,2026-01-05,10,125.00,100,2026-01-12,10,1.20
            4500003,M-200,Baxter,2026-01-06,50,36.00,1,2026-01-10,50,35.00

            """, kind: "orders", in: ws)
        let map = Dictionary(uniqueKeysWithValues: orders.suggestedMap.map { ($0.role, $0.header) })
        #expect(map["unit_price"] == nil, "\(orders.columnsFlag)")
        #expect(map["order_date"] == "Doc Date" && map["quantity"] == "Order Qty" && map["received_quantity"] == "Qty Received")
        #expect(orders.report.contains("'Price Unit' is not read: it is the quantity a price is quoted for (SAP's price unit), not a price; where it is not 1, a price beside it ('Net Price') is for that many units: divide it by 'Price Unit' in the export before mapping it to unit_price"), "\(orders.report)")
        // `Net Price` is for 100 units on one line: not offered as unit_price as it is.
        #expect(orders.unreadColumns.first { $0.header == "Net Price" }?.role == nil)
        // An item master: `Price Unit` (100) was unit_cost, every line costed at $100 for $1.20.
        let master = try HeaderMeaningTests.inspect("""
            Material,Material Description,Vendor,Moving Average Price,Standard Price,Price Unit,Planned Deliv. Time
            M-100,Gauze,Medline,125.00,120.00,100,7

            """, kind: "items", in: ws)
        #expect(!master.columnsFlag.contains("Price Unit"), "\(master.columnsFlag)")
        #expect(master.unreadColumns.first { $0.header == "Price Unit" }?.role == nil)
        // Prices per one unit: said so.
        let single = try HeaderMeaningTests.inspect("Material,Supplier,Doc Date,Order Qty,Net Price,Price Unit\nM-200,Baxter,2026-01-06,50,36.00,1\n", kind: "orders", in: ws)
        #expect(single.report.contains("every value is 1, so a price beside it ('Net Price') is for one unit"), "\(single.report)")
    }

    /// Kronos/UKG timekeeping (case 08): `Home Unit` beside `Worked Dept` was mapped, a float
    /// pool's 2,016 hours went to FLOAT and 4W read 1.8 HPPD, flagged, for a worked
    /// (3 × 12 + 2 × 12) / 20 = 3.0 on target. The worked department is the unit now, and the
    /// home unit is named as left out for it.
    @Test func theWorkedDepartmentWinsOverTheHomeUnit() throws {
        let ws = try Workspace()
        let kronos = try HeaderMeaningTests.inspect("Employee ID,Home Unit,Worked Dept,Apply Date,Job Code,Pay Code,Hours\n900,FLOAT,4W,2025-11-03,RN,REG,12\n", kind: "timekeeping", in: ws)
        #expect(kronos.columnsFlag == "date=\"Apply Date\",unit=\"Worked Dept\",hours=Hours,job_code=\"Job Code\",pay_type=\"Pay Code\",employee=\"Employee ID\"", "\(kronos.columnsFlag)")
        #expect(kronos.report.contains("'Home Unit' is not read: unit is \"Worked Dept\", where the hours were worked"), "\(kronos.report)")
        // Before the worked unit whatever its spelling; alone, the home unit is the last fit, said so.
        for worked in ["Worked Department", "Department Worked", "Charged Department", "Worked Cost Center"] {
            let other = try HeaderMeaningTests.inspect("Home Unit,\(worked),Date,Hours\nFLOAT,4W,2025-11-03,12\n", kind: "timekeeping", in: ws)
            #expect(other.columnsFlag.contains("unit=\"\(worked)\""), "\(other.columnsFlag)")
        }
        let home = try HeaderMeaningTests.inspect("Home Dept,Date,Hours\nFLOAT,2025-11-03,12\n", kind: "timekeeping", in: ws)
        #expect(home.columnsFlag.contains("unit=\"Home Dept\""))
        #expect(home.report.contains("unit: \"Home Dept\" is where the staff belong, mapped since no column names where the hours were worked"), "\(home.report)")
    }

    /// GPO/GHX contracts (case 07): `Effective Date` and `Expiration Date` mapped neither start
    /// nor end, and inspect said every required role was found; pasted, 2026 orders at 1.30 met
    /// the expired 2025 price 1.20: a false variance of 2,000 × 0.10 = $200 (0 with the dates).
    @Test func aContractsEffectiveAndExpirationDatesAreItsStartAndEnd() throws {
        let ws = try Workspace()
        let gpo = try HeaderMeaningTests.inspect("Item No,Supplier,Contract Price,Effective Date,Expiration Date\nA100,Medline,1.20,2025-01-01,2025-12-31\n", kind: "contracts", in: ws)
        #expect(gpo.columnsFlag == "item=\"Item No\",vendor=Supplier,contract_price=\"Contract Price\",start=\"Effective Date\",end=\"Expiration Date\"", "\(gpo.columnsFlag)")
        #expect(gpo.unreadColumns.isEmpty)
        for (start, end) in [("Eff Date", "Exp Date"), ("Valid From", "Valid Thru"), ("Begin Date", "End Date"), ("Start Date", "Expiry Date"),
                             ("Effective From", "Valid To"), ("Contract Start", "Contract End")] {
            let other = try HeaderMeaningTests.inspect("Item,Vendor,Contract Price,\(start),\(end)\nA100,Medline,1.20,2025-01-01,2025-12-31\n", kind: "contracts", in: ws)
            #expect(other.columnsFlag.hasSuffix("start=\(ExportInspection.quoted(start)),end=\(ExportInspection.quoted(end))"), "\(other.columnsFlag)")
        }
        // A timekeeping start is a punch: a `Start Date` there is not taken for it.
        let punches = try HeaderMeaningTests.inspect("Date,Unit,Hours,Start Date\n2025-11-03,4W,12,2025-11-03\n", kind: "timekeeping", in: ws)
        #expect(!punches.columnsFlag.contains("start="))
    }

    /// The roles an import finds in `header` as `kind` without a map, each with its header.
    static func read(_ header: [String], kind: String) throws -> [String: String] {
        let stage = try ImportStage(file: "in.csv", table: kind)
        return try TableImport.resolve(stage.fileColumns, options: stage.options, header: header, file: "in.csv").mapValues { header[$0] }
    }

    /// Imports `text` as `kind` without a map, as a command does.
    static func imported(_ text: String, kind: String, in ws: Workspace) throws -> (Table, ImportSummary) {
        try ws.write("in.csv", text)
        let stage = try ImportStage(file: ws.path + "/in.csv", table: kind)
        return try stage.readLong(ws.path + "/in.csv", stage.options)
    }

    /// An ERP's PO export (the purchasing review's f2): `inspect --kind orders` mapped `Item
    /// Number`, `Supplier Name`, `PO Date` and `Order Qty`, and the import stopped at "missing
    /// required columns 'item', 'vendor', 'order_date', 'quantity'". A lots file's `Qty` too.
    @Test func anERPsPurchaseOrderHeadersAreReadWithoutAMap() throws {
        let header = ["PO Number", "PO Line", "Item Number", "Supplier Name", "PO Date", "Order Qty", "Unit Price", "Receipt Date", "Received Qty", "Line Status"]
        let read = try HeaderMeaningTests.read(header, kind: "orders")
        #expect(read["item"] == "Item Number" && read["vendor"] == "Supplier Name" && read["order_date"] == "PO Date", "\(read)")
        #expect(read["quantity"] == "Order Qty" && read["received_quantity"] == "Received Qty" && read["po"] == "PO Number", "\(read)")
        let lots = try HeaderMeaningTests.read(["Item", "Lot", "Expiry Date", "Qty", "Location"], kind: "lots")
        #expect(lots["quantity"] == "Qty" && lots["expiry_date"] == "Expiry Date", "\(lots)")
    }

    /// What `inspect` maps is what the import reads, from one matcher: the two disagreed on
    /// every header the review tried.
    @Test func theImportReadsWhatInspectSuggests() throws {
        let ws = try Workspace()
        let files: [(kind: String, text: String)] = [
            ("orders", "PO Number,Item Number,Item Description,Supplier Name,PO Date,Order Qty,Unit Price,Qty Received\nP1,A,Gloves,Acme,2026-01-05,10,2.00,8\n"),
            ("usage", "Transaction Date,Item Number,Item Desc,Issue Qty,Ext Cost,Cost Center\n2025-11-01,A,Gloves,1221,134.31,6030\n"),
            ("timekeeping", "Apply Date,Emp ID,Unit,Job Code,Pay Code,Hours,In Punch,Out Punch\n2026-02-02,R0,5W,RN,REG,8,2026-02-02 07:00,2026-02-02 19:05\n"),
            ("items", "Item Number,Item Description,Supplier,Std Cost,Pkg Qty\nA,Gloves,Acme,2.00,100\n"),
        ]
        for file in files {
            let inspected = try HeaderMeaningTests.inspect(file.text, kind: file.kind, in: ws)
            let header = inspected.header
            let read = try HeaderMeaningTests.read(header, kind: file.kind)
            let suggested = Dictionary(inspected.suggestedMap.map { ($0.role, $0.header) }, uniquingKeysWith: { a, _ in a })
            #expect(read == suggested, "\(file.kind): import \(read), inspect \(suggested)")
            #expect(inspected.missingRequired.isEmpty, "\(file.kind): \(inspected.missingRequired)")
        }
    }

    /// A word read by default takes no column another role names more closely: `Qty` beside
    /// `Qty Received` (either order), `Item Number` beside `Item Description`, and `Qty
    /// Received` alone is no ordered quantity.
    @Test func aRoleReadByItsWordsTakesNoOtherRolesColumn() throws {
        for header in [["Item", "Vendor", "Order Date", "Qty", "Qty Received"], ["Item", "Vendor", "Order Date", "Qty Received", "Qty"]] {
            let read = try HeaderMeaningTests.read(header, kind: "orders")
            #expect(read["quantity"] == "Qty" && read["received_quantity"] == "Qty Received", "\(read)")
        }
        let items = try HeaderMeaningTests.read(["Item Description", "Item Number", "Vendor Name"], kind: "items")
        #expect(items["item"] == "Item Number" && items["description"] == "Item Description" && items["vendor"] == "Vendor Name", "\(items)")
        #expect(throws: InputError.self) { try HeaderMeaningTests.read(["Item", "Vendor", "Order Date", "Qty Received"], kind: "orders") }
        // A role's own name still wins over another's words: `quantity` beside `Order Qty`.
        let own = try HeaderMeaningTests.read(["item", "vendor", "order_date", "Order Qty", "quantity"], kind: "orders")
        #expect(own["quantity"] == "quantity", "\(own)")
        // A header written twice is left to the map rather than one of the two taken.
        #expect(throws: InputError.self) { try HeaderMeaningTests.read(["Item", "Vendor", "Order Date", "Order Qty", "Order Qty"], kind: "orders") }
    }

    /// The purchasing review's f1: with `Qty Received` unread, PO1002's 80 of 100 was a full
    /// receipt and the vendor's fill rate 1.0. Read, 280 of 300.
    @Test(arguments: ["Qty Received", "Receipt Qty", "Receipt Quantity"])
    func qtyReceivedIsReadSoAShortReceiptIsNoFullOne(_ received: String) throws {
        // PeopleSoft's `Receipt Qty` is the received quantity, not the new receipt-number role
        // (read as that, every short receipt was full: fill 100% where 83% is right).
        let ws = try Workspace()
        let orders = try HeaderMeaningTests.imported("""
            PO Number,Item #,Vendor,Order Date,Qty Ordered,Unit Price,Receipt Date,\(received)
            PO1001,A100,Medline,2026-01-05,100,10.00,2026-01-08,100
            PO1002,A100,Medline,2026-01-19,100,10.50,2026-01-25,80
            PO1003,A100,Medline,2026-02-02,100,10.00,2026-02-04,100

            """, kind: "orders", in: ws).0
        let r = try PurchasingJob().run(orders: orders)
        #expect(abs((r.analysis.vendors.first?.fillRate ?? 0) - 280.0 / 300) < 1e-9, "\(r.analysis.vendors)")
    }

    /// A Kronos/UKG pay-code export (the staffing review's g/ and e/): a shift written as a REG
    /// and an OT line with the same punches under `Emp ID`, a `Pay Code` of PTO, the day under
    /// `Apply Date`. The employee was only suggested in a note, so the two lines were two
    /// nurses on duty; the pay code too, so PTO counted as worked; and `Apply Date` was missing.
    @Test func aPayCodeExportsEmployeePayCodeAndApplyDateAreRead() throws {
        let ws = try Workspace()
        for employee in ["Emp ID", "Employee ID", "Employee #"] {
            let (table, summary) = try HeaderMeaningTests.imported("""
                Apply Date,\(employee),Unit,Job Code,Pay Code,Hours,In Punch,Out Punch
                2026-02-02,R0,5W,RN,REG,8,2026-02-02 07:00,2026-02-02 19:05
                2026-02-02,R0,5W,RN,OT,4.08,2026-02-02 07:00,2026-02-02 19:05
                2026-02-03,R1,5W,RN,PTO,12,2026-02-03 07:00,2026-02-03 19:00

                """, kind: "timekeeping", in: ws)
            #expect(summary.overlappingSpans == 1, "\(employee): \(summary.overlappingSpans) spans counted once")
            #expect(table.texts("pay_type") == ["REG", "OT", "PTO"], "\(employee): \(table.names)")
            #expect(table.days("date")?.count == 3)
        }
    }

    /// A pharmacy's dispensing export and an ERP's issue report (the new user's review): `Qty
    /// Dispensed`, `Dispensed Qty`, `Issue Qty` and `NDC/Item` are mapped, and an extended cost
    /// (quantity x unit cost) is never offered as the unit cost, which would price a glove line
    /// at 1,221 times its cost.
    @Test func dispensingAndIssueHeadersAreMappedAndAnExtendedCostIsNoUnitCost() throws {
        let ws = try Workspace()
        for quantity in ["Qty Dispensed", "Dispensed Qty"] {
            let dispensing = try HeaderMeaningTests.inspect("DispenseDate;NDC/Item;Description;\(quantity)\n2024-11-04;APAP500;Acetaminophen;110\n", kind: "usage", in: ws)
            #expect(dispensing.columnsFlag == "date=DispenseDate,item=\"NDC/Item\",quantity=\"\(quantity)\"" || dispensing.columnsFlag.contains("item=\"NDC/Item\",quantity=\"\(quantity)\""), "\(dispensing.columnsFlag)")
            #expect(dispensing.missingRequired.isEmpty, "\(dispensing.report)")
        }
        for cost in ["Ext Cost", "Extended Cost", "Total Cost", "Ext Amount"] {
            let issues = try HeaderMeaningTests.inspect("Transaction Date,Item Number,Issue Qty,\(cost)\n2025-11-01,A,1221,134.31\n", kind: "usage", in: ws)
            #expect(issues.missingRequired.isEmpty, "\(issues.report)")
            #expect(!issues.report.contains("unit_cost="), "\(cost): \(issues.report)")
            #expect(issues.unreadColumns.contains { $0.header == cost && $0.role == nil }, "\(issues.unreadColumns)")
        }
        // A cost per unit is still offered or read.
        let unit = try HeaderMeaningTests.inspect("Transaction Date,Item Number,Issue Qty,Unit Cost\n2025-11-01,A,1221,0.11\n", kind: "usage", in: ws)
        #expect(unit.columnsFlag.contains("unit_cost=\"Unit Cost\""), "\(unit.columnsFlag)")
    }

    /// A par-location export with what was ordered and what was used (the pipeline review's
    /// leftover): usage reads `Qty Used` (or `Used Qty`, `Qty Consumed`), and names `Qty
    /// Ordered` as not read; a purchase order export still reads `Qty Ordered` as its quantity.
    @Test func usageReadsWhatWasUsedNotWhatWasOrdered() throws {
        let ws = try Workspace()
        for used in ["Qty Used", "Used Qty", "Qty Consumed"] {
            let usage = try HeaderMeaningTests.inspect("Date,Item,Description,Qty Ordered,\(used),Unit Cost\n2025-01-03,A100,Cup,10,5,1.2\n", kind: "usage", in: ws)
            #expect(usage.columnsFlag.contains("quantity=\"\(used)\""), "\(usage.columnsFlag)")
            #expect(usage.unreadColumns.contains { $0.header == "Qty Ordered" }, "\(usage.unreadColumns)")
        }
        let orders = try HeaderMeaningTests.inspect("PO Number,Vendor,PO Date,Item,Qty Ordered,Qty Received\nP1,Medline,2025-01-03,A100,10,10\n", kind: "orders", in: ws)
        #expect(orders.columnsFlag.contains("quantity=\"Qty Ordered\""), "\(orders.columnsFlag)")
    }
}
