import Foundation
import Testing
@testable import Pipeline
@testable import Planning
@testable import Reports
import Tabular

/// A buyer's review of purchasing and reorder (contract terms, unit codes, lots by location),
/// on small exports shaped like the reviewer's: each known answer is worked out by hand in the
/// test's comment.
@Suite struct BuyerTermsReviewTests {
    func imported(_ text: String, _ kind: String) throws -> Table {
        let ws = try Workspace()
        try ws.write("in.csv", text)
        let stage = try ImportStage(file: ws.path + "/in.csv", table: kind, options: ImportOptions(onError: .skip))
        return try stage.readLong(ws.path + "/in.csv", stage.options).0
    }

    /// Suture S1 (Ethicon, $5, packs of 12, 4 days' lead time) used 10 a day at Main OR and 2
    /// at East Clinic every day for `days` days from the 1st of `month` 2026: the usage and the
    /// item master of the lot tests below.
    func sutureAtTwoLocations(fromMonth month: Int, days: Int) throws -> (usage: Table, items: Table) {
        let first = try #require(CalendarDay(year: 2026, month: month, day: 1))
        let rows = (0..<days).flatMap { offset -> [String] in
            let day = first.adding(days: offset)
            return ["\(day),S1,10,Main OR", "\(day),S1,2,East Clinic"]
        }
        return (try imported("date,item,quantity,location\n" + rows.joined(separator: "\n") + "\n", "usage"),
                try imported("item,vendor,unit_cost,pack_size,lead_time_days\nS1,Ethicon,5,12,4\n", "items"))
    }

    /// GPO terms written as months: `Jul-25` to `Jan-26` runs through 2026-01-31, `2025-05` to
    /// `2026-04` through 2026-04-30. Every line but PO5006 (12 May, $4.60 after the 6002 term
    /// ended) was paid the contract price in force: off-contract spend 400 x $4.60 = $1,840 of
    /// $7,790. Read as the 1st of the end month, PO5001 (12 Jan, $900), PO5002 (30 Jan, $900)
    /// and PO5005 (28 Apr, $1,600) were off contract too: $5,240.
    @Test func aContractEndingInAMonthRunsThroughItsLastDay() throws {
        let orders = try imported("""
            po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity
            PO5001,6001,Cardinal Health,2026-01-12,100,9.00,2026-01-15,100
            PO5002,6001,Cardinal Health,2026-01-30,100,9.00,2026-02-03,100
            PO5003,6001,Cardinal Health,2026-02-15,100,9.50,2026-02-18,100
            PO5004,6002,Cardinal Health,2026-03-15,400,4.00,2026-03-18,400
            PO5005,6002,Cardinal Health,2026-04-28,400,4.00,2026-05-01,400
            PO5006,6002,Cardinal Health,2026-05-12,400,4.60,2026-05-15,400

            """, "orders")
        let contracts = try imported("""
            item,vendor,contract_price,start,end
            6001,Cardinal Health,9.00,Jul-25,Jan-26
            6001,Cardinal Health,9.50,Feb-26,Jun-26
            6002,Cardinal Health,4.00,2025-05,2026-04

            """, "contracts")
        #expect(contracts.days("end")?.map(\.description) == ["2026-01-31", "2026-06-30", "2026-04-30"])
        #expect(contracts.days("start")?.map(\.description) == ["2025-07-01", "2026-02-01", "2025-05-01"])
        let r = try PurchasingJob().run(orders: orders, contracts: contracts)
        #expect(abs(r.analysis.offContractSpend - 1_840) < 1e-6, "\(r.analysis.vendors)")
        #expect(abs(r.analysis.vendors[0].spend - 7_790) < 1e-6)
    }

    /// A quarter or a year as the end runs through its last day too: `2026-Q1` is 2026-03-31
    /// (a line of 20 March at the contract price is on contract), `2026` is 2026-12-31.
    @Test func aContractEndingInAQuarterOrAYearRunsThroughItsLastDay() throws {
        let quarter = try imported("item,vendor,contract_price,end\nA,Acme,2,2026-Q1\n", "contracts")
        #expect(quarter.days("end")?.map(\.description) == ["2026-03-31"])
        let year = try imported("item,vendor,contract_price,end\nA,Acme,2,2026\n", "contracts")
        #expect(year.days("end")?.map(\.description) == ["2026-12-31"])
        let orders = try imported("item,vendor,order_date,quantity,unit_price\nA,Acme,2026-03-20,10,2\n", "orders")
        let r = try PurchasingJob().run(orders: orders, contracts: quarter)
        #expect(r.analysis.offContractSpend == 0)
    }

    /// `CA` is X12's and GS1's case: 7 lines of underpads in CA against a master in CS at $38,
    /// one a case (pack 1), are 104 cases, spend 104 x $38 = $3,952. Before, every line was left
    /// out (spend 0, no vendor on the scorecard).
    @Test func linesInTheX12CaseCodeAreTheMastersCases() throws {
        let units = PurchaseUnits(master: ["3002": .init(unit: "CS", packSize: 1, unitCost: 38)], lines: [], contracts: [])
        #expect(units.factor(item: "3002", unit: "CA", price: 38) == 1)
        #expect(units.factor(item: "3002", unit: "ca ", price: 38) == 1)
        let vials = PurchaseUnits(master: ["V": .init(unit: "VIAL", packSize: 1, unitCost: 3)], lines: [], contracts: [])
        #expect(vials.factor(item: "V", unit: "VI", price: 3) == 1)
        let cartons = PurchaseUnits(master: ["C": .init(unit: "CTN", packSize: 1, unitCost: 3)], lines: [], contracts: [])
        #expect(cartons.factor(item: "C", unit: "CT", price: 3) == 1)
        // A carton is not a case.
        #expect(units.factor(item: "3002", unit: "CT", price: 38) == nil)
        let rows = (1...6).map { "PO210\($0),3002,Medline Industries,2026-03-\(10 + $0),14,CA,38.00,2026-03-\(13 + $0),14" }
            + ["PO2107,3002,Medline Industries,2026-05-28,20,CA,38.00,,"]
        let orders = try imported("po,item,vendor,order_date,quantity,uom,unit_price,receipt_date,received_quantity\n" + rows.joined(separator: "\n") + "\n", "orders")
        let items = try imported("item,vendor,uom,pack_size,unit_cost\n3002,Medline Industries,CS,1,38.00\n", "items")
        let r = try PurchasingJob().run(orders: orders, items: items)
        #expect(r.analysis.vendors.count == 1)
        #expect(abs((r.analysis.vendors.first?.spend ?? 0) - 3_952) < 1e-6, "\(r.analysis.vendors)")
        #expect(r.unitNotes.isEmpty, "\(r.unitNotes)")
    }

    /// A code no spelling reads (`CJ`) on an item whose master gives uom CS and a unit cost: the
    /// note names the code and what to write, where it asked for the uom, pack_size and
    /// unit_cost the master gave. A line in BX (a known unit, priced as nothing the master
    /// says) is named as not the item's pack, with nothing saying how many CS it holds (round 2,
    /// defect 6: the old advice asked again for the uom, pack_size and unit_cost given).
    @Test func anUnreadUnitCodeIsNamedWithWhatToWrite() throws {
        let orders = try imported("""
            po,item,vendor,order_date,quantity,uom,unit_price
            P1,3002,Medline,2026-03-01,14,CJ,38.00
            P2,3002,Medline,2026-03-02,14,CJ,38.00
            P3,3002,Medline,2026-03-03,1,BX,500.00

            """, "orders")
        let items = try imported("item,vendor,uom,pack_size,unit_cost\n3002,Medline,CS,1,38.00\n", "items")
        let r = try PurchasingJob().run(orders: orders, items: items)
        let note = r.unitNotes.joined(separator: "\n")
        #expect(note.contains("the unit code 'CJ' (2 lines, items in CS) is not one the tool reads"), "\(note)")
        #expect(note.contains("replace each code in the export with the unit it stands for"), "\(note)")
        #expect(note.contains("for the others, 3002 in BX is not its item's pack (the item master's pack_size is priced otherwise) and nothing says how many CS it holds"), "\(note)")
        #expect(!note.contains("give the item master's uom"), "\(note)")
    }

    /// Usage (10 a day at Main OR, 2 at East Clinic) and lots by location, the inventory by
    /// item (180 on hand). As of 2026-04-30: Main OR's lot of 100 expires in 5 days (50 used,
    /// 50 wasted), its lot of 50 in a year (used), East Clinic's 30 in 10 days (20 used, 10
    /// wasted): 60 units, $300 at $5, as `purchasing` finds on the same files. Pooled at 12 a
    /// day, reorder used 60 of the OR's lot and all the clinic's: 40 wasted, $200.
    @Test func reorderByItemUsesEachLocationsLotsAtItsRate() throws {
        let (usage, items) = try sutureAtTwoLocations(fromMonth: 1, days: 120)
        let inventory = try imported("item,on_hand\nS1,180\n", "inventory")
        let lots = try imported("""
            item,lot,expiry_date,quantity,location
            S1,A,2026-05-05,100,Main OR
            S1,B,2027-03-31,50,Main OR
            S1,A,2026-05-10,30,East Clinic

            """, "lots")
        var job = ReorderJob()
        job.threads = 1
        let line = try job.plan(usage: usage, items: items, inventory: inventory, lots: lots).lines[0]
        #expect(line.reason.contains("60 units expected to expire before use ($300)"), "\(line.reason)")
        #expect(line.reason.contains("(East Clinic 2/day, Main OR 10/day)"), "\(line.reason)")
        #expect(abs(line.inventoryPosition - 120) < 1e-6, "\(line.inventoryPosition)")
        let orders = try imported("item,vendor,order_date,quantity,unit_price\nS1,Ethicon,2026-04-01,10,5\n", "orders")
        let purchasing = try PurchasingJob().run(orders: orders, items: items, lots: lots, usage: usage)
        #expect(abs(purchasing.expectedWaste - 60) < 1e-6)
    }

    /// Lots at `OR-MAIN` and `CLINIC-EAST` against an inventory at `Main OR` and `East
    /// Clinic`: not planned, as before, but the item's rows are flagged
    /// `lot_location_unmatched` and say where the lots are and which inventory location each
    /// most likely is; the plan lists them for the run's note.
    @Test func lotsAtLocationsTheInventoryDoesNotNameAreFlagged() throws {
        let (usage, items) = try sutureAtTwoLocations(fromMonth: 3, days: 61)
        let inventory = try imported("item,location,on_hand\nS1,Main OR,150\nS1,East Clinic,30\n", "inventory")
        let lots = try imported("""
            item,lot,expiry_date,quantity,location
            S1,A,2026-05-05,100,OR-MAIN
            S1,B,2027-03-31,50,OR-MAIN
            S1,C,2026-05-10,30,CLINIC-EAST

            """, "lots")
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: usage, items: items, inventory: inventory, lots: lots)
        #expect(plan.lines.count == 2)
        for line in plan.lines {
            #expect(line.flags.contains("lot_location_unmatched"), "\(line.flags)")
            #expect(line.reason.contains("lots at CLINIC-EAST (30 units; the inventory's East Clinic?), OR-MAIN (150 units; the inventory's Main OR?) match none of the item's inventory locations (East Clinic, Main OR): not planned"), "\(line.reason)")
        }
        #expect(plan.lotLocationsUnmatched == ["CLINIC-EAST (closest inventory location: East Clinic)", "OR-MAIN (closest inventory location: Main OR)"])
    }

    /// Round 2, defect 6: gloves 5001, item master EA with a pack of 100 at $0.20 (a box of
    /// $20); a contract of $190 per CS, lines P100 and P101 in BX. A case is not the pack and no
    /// column says how many boxes it holds, so the contract cannot be compared. Known answer:
    /// the note says the 1 contract given was left out (not "no contract prices"), the report
    /// says no contract price could be compared (not "No item was bought above its contract
    /// price", which hid P101's $21 against $19 a box), and the advice names the missing
    /// relation instead of asking for the uom, pack_size and unit_cost already given.
    @Test func aContractInAUnitNotTheItemsPackIsNamedNotCalledAbsent() throws {
        let orders = try imported("""
            po,item,vendor,order_date,quantity,uom,unit_price
            P100,5001,Medline Industries,2026-02-02,20,BX,20.00
            P101,5001,Medline Industries,2026-03-02,20,BX,21.00

            """, "orders")
        let contracts = try imported("item,vendor,contract_price,uom,start,end\n5001,Medline Industries,190.00,CS,2026-01-01,2026-12-31\n", "contracts")
        let items = try imported("item,vendor,uom,pack_size,unit_cost\n5001,Medline Industries,EA,100,0.20\n", "items")
        let r = try PurchasingJob().run(orders: orders, contracts: contracts, items: items)
        let note = PurchasingJob.note(r)
        #expect(note.contains("price variance and off contract unknown (1 contract given, left out: its unit not read in its item's)"), "\(note)")
        #expect(!note.contains("no contract prices"), "\(note)")
        let report = PurchasingJob.report(r).markdown(figurePrefix: "purchasing")
        #expect(!report.contains("No item was bought above its contract price"))
        #expect(report.contains("No contract price could be compared"))
        let units = r.unitNotes.joined(separator: "\n")
        #expect(units.contains("5001 in CS is not its item's pack (the item master's pack_size is priced otherwise) and nothing says how many EA it holds"), "\(units)")
        #expect(!units.contains("give the item master's uom"), "\(units)")
    }

    /// Round 2's cosmetic item: lots at `OR-MAIN` (150 units) unmatched, the lot at `East
    /// Clinic` matched. Known answer: only the Main OR row (the closest inventory location of
    /// `OR-MAIN`) is flagged `lot_location_unmatched`; East Clinic's row, whose lot was read
    /// and planned, is not (it was flagged too).
    @Test func onlyTheRowsOfUnmatchedLotsAreFlagged() throws {
        let (usage, items) = try sutureAtTwoLocations(fromMonth: 3, days: 61)
        let inventory = try imported("item,location,on_hand\nS1,Main OR,150\nS1,East Clinic,30\n", "inventory")
        let lots = try imported("""
            item,lot,expiry_date,quantity,location
            S1,A,2026-05-05,100,OR-MAIN
            S1,B,2027-03-31,50,OR-MAIN
            S1,C,2026-05-10,30,East Clinic

            """, "lots")
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: usage, items: items, inventory: inventory, lots: lots)
        let main = try #require(plan.lines.first { $0.location == "Main OR" }), east = try #require(plan.lines.first { $0.location == "East Clinic" })
        #expect(main.flags.contains("lot_location_unmatched"), "\(main.flags)")
        #expect(!east.flags.contains("lot_location_unmatched"), "\(east.flags)")
        #expect(!east.reason.contains("OR-MAIN"), "\(east.reason)")
        #expect(plan.lotLocationsUnmatched == ["OR-MAIN (closest inventory location: Main OR)"])
    }

    /// The workbook's Vendors and Price variance sheets show cents: a $0.40 variance (4 units
    /// paid $0.10 above contract) read `$0` in whole dollars.
    @Test func vendorSheetsShowCents() throws {
        let orders = try imported("item,vendor,order_date,quantity,unit_price\nA,Acme,2026-03-01,4,1.10\nB,Acme,2026-03-01,1,2.35\n", "orders")
        let contracts = try imported("item,vendor,contract_price\nA,Acme,1.00\n", "contracts")
        let r = try PurchasingJob().run(orders: orders, contracts: contracts)
        #expect(abs(r.analysis.vendors[0].priceVariance - 0.4) < 1e-9)
        let sheets = PurchasingJob.sheets(r)
        let vendors = try #require(sheets.first { $0.name == "Vendors" })
        #expect(vendors.columns.first { $0.header == "price_variance" }?.style == .price)
        #expect(vendors.columns.first { $0.header == "off_contract_spend" }?.style == .price)
        let variance = try #require(sheets.first { $0.name == "Price variance" })
        #expect(variance.columns.first { $0.header == "price_variance" }?.style == .price)
    }
}
