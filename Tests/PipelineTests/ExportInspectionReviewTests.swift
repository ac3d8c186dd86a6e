import Foundation
import Testing
import Tabular
@testable import Pipeline

/// A new user's review of `inspect` (s36): ordinary ERP headers left out of the suggested map,
/// a block of lines repeated by an overlapping paged export, a stray Windows-1252 byte and a
/// per-job-code timekeeping sheet, each passed over without a word.
@Suite struct ExportInspectionReviewTests {
    static func inspect(_ text: String, kind: String?, in ws: Workspace) throws -> ExportInspection {
        try ws.write("e.csv", text)
        return try ExportInspection(path: ws.path + "/e.csv", kind: kind)
    }

    /// The reviewer's item master and stock count: `Vendor Name`, `Std Cost`, `Pkg Qty`, `Crit`
    /// and `Qty On Order` were left out of the maps, and reorder, given them as suggested,
    /// ordered 1,200 where 200 were due (1,000 already on a PO, $12,000), with no vendor and
    /// a vital drug held to 95%. Each is mapped now, and `Purchase UOM`, which only resembles
    /// uom, is listed as not read with the entry to add.
    @Test func ordinaryERPHeadersAreMapped() throws {
        let ws = try Workspace()
        let items = try ExportInspectionReviewTests.inspect("""
            Item Number,Item Description,Vendor Name,Std Cost,Purchase UOM,Pkg Qty,Min Order Qty,Lead Time (Days),Crit
            PIP4.5,"Piperacillin-tazobactam 4.5 g vial",Cardinal Health,$12.00,EA,10,10,7,V

            """, kind: "items", in: ws)
        let map = Dictionary(uniqueKeysWithValues: items.suggestedMap.map { ($0.role, $0.header) })
        #expect(map["vendor"] == "Vendor Name")
        #expect(map["unit_cost"] == "Std Cost")
        #expect(map["pack_size"] == "Pkg Qty")
        #expect(map["criticality"] == "Crit")
        #expect(map["min_order_qty"] == "Min Order Qty" && map["lead_time_days"] == "Lead Time (Days)")
        #expect(items.unreadColumns.map(\.header) == ["Purchase UOM"])
        #expect(items.report.contains("  not read: 'Purchase UOM' (if it is the uom, add uom=\"Purchase UOM\" to the map)\n"), "\(items.report)")
        let stock = try ExportInspectionReviewTests.inspect("Item Number,Location,QOH,Qty On Order,Count Date\nPIP4.5,Main Pharmacy,200,1000,3/29/2026\n", kind: "inventory", in: ws)
        #expect(stock.columnsFlag == "item=\"Item Number\",on_hand=QOH,location=Location,on_order=\"Qty On Order\",as_of=\"Count Date\"")
        #expect(stock.unreadColumns.isEmpty)
        #expect(!stock.report.contains("not read:"))
    }

    /// Words in any order and their abbreviations name one role: `On Order Qty`, `Quantity on
    /// Order`, `Supplier Name`, `Standard Cost`, `Pack Quantity`, `Criticality Code`; a header
    /// merely holding a role's word (`Extended Cost`) is not mapped, and an extended cost (a
    /// quantity times a unit cost) is never offered as the unit cost.
    @Test func headerWordsMatchInAnyOrderAndAbbreviation() throws {
        #expect(HeaderWords("Qty On Order") == HeaderWords("On Order Quantity"))
        #expect(HeaderWords("Supplier Name") == HeaderWords("Vendor Name"))
        #expect(HeaderWords("Std Cost") == HeaderWords("Standard Cost"))
        #expect(HeaderWords("PkgQty") == HeaderWords("Pack Qty"))
        #expect(HeaderWords("Qty On Order") != HeaderWords("Order Qty"))
        let ws = try Workspace()
        let items = try ExportInspectionReviewTests.inspect("Item,Supplier Name,Extended Cost,Pack Quantity,Criticality Code\nA,Owens,10,5,E\n", kind: "items", in: ws)
        #expect(items.columnsFlag == "item=Item,vendor=\"Supplier Name\",pack_size=\"Pack Quantity\",criticality=\"Criticality Code\"")
        #expect(!items.unreadColumns.contains { $0.header == "Extended Cost" && $0.role == "unit_cost" }, "\(items.unreadColumns)")
    }

    /// An item master mapped by its item alone: the four columns `inspect` maps by their words
    /// are read by the import too (they were only named in a note, and the master's vendor,
    /// cost, pack and class went unused).
    @Test func theImportReadsERPColumnsByTheirWords() throws {
        let ws = try Workspace()
        try ws.write("items.csv", "Item Number,Vendor Name,Std Cost,Pkg Qty,Crit\nPIP4.5,Cardinal Health,12,10,V\n")
        try ws.write("p.yml", """
            output: out
            stages:
              items: {kind: import, table: items, file: items.csv, columns: {item: "Item Number"}}
              save: {kind: export, input: items, file: items_out.csv}
            """)
        let notes = try PipelineRunner(quiet: true).run(ws.path + "/p.yml").notes
        #expect(!notes.contains { $0.contains("left unread") }, "\(notes)")
        let written = try String(contentsOfFile: ws.path + "/out/items_out.csv", encoding: .utf8)
        let header = written.split(separator: "\n").first.map { Set($0.split(separator: ",").map(String.init)) } ?? []
        #expect(header.isSuperset(of: ["item", "vendor", "unit_cost", "pack_size", "criticality"]), "\(written)")
        #expect(written.contains("Cardinal Health") && written.contains("12"), "\(written)")
    }

    /// Lines 6-7 repeat lines 4-5 exactly (two pages overlapping by two lines; line 1 is the
    /// header): 2 repeated data lines, named as a block. An identical pair alone is named by
    /// its first line.
    @Test func aBlockOfRepeatedLinesIsNamed() throws {
        let ws = try Workspace()
        let paged = try ExportInspectionReviewTests.inspect("""
            date,time,item,quantity
            2026-03-02,09:00,A,12
            2026-03-03,10:00,A,12
            2026-03-04,11:00,A,12
            2026-03-05,12:00,B,3
            2026-03-04,11:00,A,12
            2026-03-05,12:00,B,3
            2026-03-06,13:00,B,3

            """, kind: "usage", in: ws)
        #expect(paged.repeatedLines == 2)
        #expect(paged.warnings.contains { $0.hasPrefix("2 data lines repeat earlier lines exactly: lines 6-7 repeat lines 4-5 exactly (an export pulled in overlapping pages?); the import reads each as a row of its own") }, "\(paged.warnings)")
        let pair = try ExportInspectionReviewTests.inspect("date,item,quantity\n2026-03-02,A,1\n2026-03-03,B,2\n2026-03-02,A,1\n", kind: nil, in: ws)
        #expect(pair.warnings.contains { $0.hasPrefix("1 data line repeats an earlier line exactly, the first line 4 (repeating line 2)") }, "\(pair.warnings)")
        let clean = try ExportInspectionReviewTests.inspect("date,item,quantity\n2026-03-02,A,1\n2026-03-02,A,2\n", kind: nil, in: ws)
        #expect(clean.repeatedLines == 0)
    }

    /// A UTF-8 file (its `é` and `è` written in two bytes each) with one Windows-1252 `í` (0xED) on line 3 (2 UTF-8 characters against 1 stray byte, so the file reads as UTF-8):
    /// the import reads that line as Windows-1252 (`Cirugía`), and `inspect` says so as the
    /// import does, where it said "the import stops at that line", which the import did not.
    /// Read as UTF-8 by `--encoding utf-8`, the line is named, as a row the import rejects.
    @Test func aStrayWindows1252ByteInAUTF8FileIsNamed() throws {
        let ws = try Workspace()
        var bytes = Data("date,item,dept\n2026-01-05,A,Caf\u{E9} Cr\u{E8}me\n2026-01-06,A,Cirug".utf8)
        bytes.append(0xED)
        bytes.append(Data("a\n".utf8))
        try bytes.write(to: ws.url.appendingPathComponent("mixed.csv"))
        let inspection = try ExportInspection(path: ws.path + "/mixed.csv")
        #expect(inspection.encoding == "UTF-8")
        #expect(inspection.encodingNote?.contains("1 line with non-ASCII text in Windows-1252 (the first line 3)") == true, "\(String(describing: inspection.encodingNote))")
        #expect(!inspection.warnings.contains { $0.contains("not valid UTF-8") }, "\(inspection.warnings)")
        let forced = try ExportInspection(path: ws.path + "/mixed.csv", encoding: .utf8)
        #expect(forced.warnings.contains { $0.hasPrefix("line 3, 'dept': 'Cirug\u{FFFD}a' is not valid UTF-8 (byte 0xED ('\u{ED}' in Windows-1252)) while the rest of the file reads as UTF-8; the import rejects that row") }, "\(forced.warnings)")
    }

    /// A per-job-code timekeeping sheet (`RN Reg Hrs`, `RN OT Hrs`, ..., `Total Hrs`) got
    /// "required roles not found: hours" and no unpivot: it gets one reading job code and pay
    /// type from the headers, leaving `Total Hrs` out (it would count each hour twice).
    @Test func aPerJobCodeTimekeepingSheetGetsAnUnpivot() throws {
        let ws = try Workspace()
        let sheet = try ExportInspectionReviewTests.inspect("""
            Pay Period End,Cost Center,RN Reg Hrs,RN OT Hrs,LPN Reg Hrs,CNA Reg Hrs,CNA OT Hrs,Total Hrs
            01/17/2026,6030 Med-Surg 4E,1120.50,84.25,320,640,12.5,2177.25
            01/31/2026,6030 Med-Surg 4E,1098.00,96.00,312,655,0,2161.00

            """, kind: "timekeeping", in: ws)
        #expect(sheet.unpivot == ExportInspection.UnpivotSuggestion(columns: "* OT Hrs,* Reg Hrs", namesTo: "job_code,pay_type", valuesTo: "hours",
                                                                    namesPattern: "(.*) (OT|Reg) Hrs"), "\(String(describing: sheet.unpivot))")
        #expect(sheet.missingRequired.isEmpty)
        #expect(sheet.report.contains("--names-pattern '(.*) (OT|Reg) Hrs'"), "\(sheet.report)")
    }
}
