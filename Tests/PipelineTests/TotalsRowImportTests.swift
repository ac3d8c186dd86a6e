import Foundation
import Testing
@testable import Pipeline

/// A totals row at the foot of an export (`Grand Total` under the item, `TOTAL` under the
/// unit) was read as one more item or unit holding the other rows' sum. The import rejects a
/// row whose key field is a totals label as a whole, and reads names that merely hold the word.
@Suite struct TotalsRowImportTests {
    static func run(_ csv: String, _ table: String, columns: String) throws -> (Workspace, PipelineRunner.RunResult) {
        let ws = try Workspace()
        try ws.write("in.csv", csv)
        let map = columns.isEmpty ? "" : "    columns: \(columns)\n"
        try ws.write("p.yml", "stages:\n  rows:\n    kind: import\n    table: \(table)\n    file: in.csv\n" + map
                     + "    on_error: skip\n  save:\n    kind: export\n    input: rows\n    file: long.csv\n")
        return (ws, try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out"))
    }

    @Test func aGrandTotalRowUnderTheItemIsRejected() throws {
        let csv = """
        Issue Date,Item,UOM,Qty
        3/30/2026,Gloves Nitrile M,BX,2
        3/30/2026,Total Parenteral Nutrition kit,EA,1
        3/31/2026,TPN Total,EA,4
        3/31/2026, grand  total ,,"3,000"

        """
        let (ws, result) = try TotalsRowImportTests.run(csv, "usage", columns: "{date: Issue Date, item: Item, quantity: Qty, uom: UOM}")
        #expect(try ws.read("out/long.csv") == "date,item,quantity,uom\n2026-03-30,Gloves Nitrile M,2,BX\n2026-03-30,Total Parenteral Nutrition kit,1,EA\n2026-03-31,TPN Total,4,EA\n")
        let rejects = try ws.read("out/rows.rejects.csv")
        #expect(rejects.contains(",5,Item,\"a totals row ('grand  total'): its figures are the other rows' sum, and read as data they would count twice; delete the totals rows from the export\","), "\(rejects)")
        #expect(result.notes.contains { (note: String) in note.contains("4 rows read, 3 accepted, 1 rejected") }, "\(result.notes)")
    }

    /// A blank census value is a day nobody recorded (DESIGN.md: levels not recorded are
    /// missing): the row is left out as a day without a row is, and counted in a note, instead
    /// of being rejected (one a week stopped a staffing run above the 1% limit). A blank usage
    /// quantity stays a rejected row, and so does a blank unit.
    @Test func aBlankCensusValueIsADayNotRecorded() throws {
        let (census, c) = try TotalsRowImportTests.run("date,unit,patient_days\n2026-01-05,ICU,8\n2026-01-06,ICU,\n2026-01-07,ICU, \n2026-01-08,,9\n", "census", columns: "")
        #expect(try census.read("out/long.csv") == "date,unit,patient_days\n2026-01-05,ICU,8\n")
        #expect(c.notes.contains { (note: String) in note.contains("4 rows read, 3 accepted, 1 rejected") }, "\(c.notes)")
        #expect(c.notes.contains { (note: String) in note.contains("2 rows with an empty patient_days (first: line 3; 'ICU' 2): not recorded, so left out as missing, not read as zero") }, "\(c.notes)")
        let (shifts, s) = try TotalsRowImportTests.run("date,shift,unit,patients\n2026-01-05,day,ICU,8\n2026-01-05,night,ICU,\n", "shifts", columns: "")
        #expect(try shifts.read("out/long.csv") == "date,shift,unit,patients\n2026-01-05,day,ICU,8\n")
        #expect(s.notes.contains { (note: String) in note.contains("1 row with an empty patients (first: line 3; 'ICU' 1)") }, "\(s.notes)")
        // A unit whose every value is empty has no census: said, not read as another spelling.
        let (_, b) = try TotalsRowImportTests.run("date,unit,patient_days\n2026-01-05,ICU,8\n2026-01-05,5 East,\n2026-01-06,5 East,\n", "census", columns: "")
        #expect(b.notes.contains { (note: String) in note.contains("every patient_days of unit '5 East' is empty: no census recorded for it") }, "\(b.notes)")
        let (usage, _) = try TotalsRowImportTests.run("date,item,quantity\n2026-01-05,A,8\n2026-01-06,A,\n", "usage", columns: "")
        #expect(try usage.read("out/rows.rejects.csv").contains("number is empty"))
    }

    /// The note of rows left out for an empty census value names the units they are on, most
    /// first, five and how many more: "1,040 rows with an empty patient_days" left the reader
    /// to search the file for whose census was blank. Spellings that staffing matches as one
    /// unit (`ICU`, `icu`) count as one, under the first spelling.
    @Test func theNoteOfEmptyCensusValuesNamesTheUnits() throws {
        var csv = "date,unit,patient_days\n"
        let units = ["ICU": 4, "5 East": 3, "4 West": 2, "PICU": 2, "NICU": 1, "Burn": 1, "Rehab": 1]
        for (unit, empty) in units.sorted(by: { $0.key < $1.key }) {
            for day in 1...5 { csv += "2026-01-0\(day),\(unit),\(day <= empty ? "" : "7")\n" }
        }
        csv += "2026-01-06,icu,\n"
        let (_, result) = try TotalsRowImportTests.run(csv, "census", columns: "")
        #expect(result.notes.contains { (note: String) in
            note.contains("15 rows with an empty patient_days (first: line 2; 'ICU' 5, '5 East' 3, '4 West' 2, 'PICU' 2, 'Burn' 1 and 2 more units): not recorded, so left out as missing, not read as zero")
        }, "\(result.notes)")
        let (_, one) = try TotalsRowImportTests.run("date,unit,patient_days\n2026-01-05,ICU,8\n2026-01-06,5 East,\n2026-01-06,ICU,\n2026-01-07,5 East,\n", "census", columns: "")
        #expect(one.notes.contains { (note: String) in note.contains("3 rows with an empty patient_days (first: line 3; '5 East' 2, 'ICU' 1):") }, "\(one.notes)")
    }

    /// Every kind's key fields: a census's unit, an inventory's location, a PO export's vendor.
    @Test func totalsLabelsInOtherKeyFieldsAreRejected() throws {
        let (census, c) = try TotalsRowImportTests.run("date,unit,patient_days\n2026-01-05,ICU,8\n2026-01-05,TOTAL,8\n", "census", columns: "")
        #expect(try census.read("out/long.csv") == "date,unit,patient_days\n2026-01-05,ICU,8\n")
        #expect(try census.read("out/rows.rejects.csv").contains(",3,unit,\"a totals row ('TOTAL')"))
        #expect(c.notes.contains { (note: String) in note.contains("2 rows read, 1 accepted, 1 rejected") }, "\(c.notes)")
        let (stock, _) = try TotalsRowImportTests.run("item,on_hand,location\nA100,5,Central\nA100,9,Sum\n", "inventory", columns: "")
        #expect(try stock.read("out/rows.rejects.csv").contains(",3,location,\"a totals row ('Sum')"))
        let (orders, _) = try TotalsRowImportTests.run("item,vendor,order_date,quantity\nA100,Acme,2026-01-05,10\nA100,Totals,2026-01-05,10\n", "orders", columns: "")
        #expect(try orders.read("out/rows.rejects.csv").contains(",3,vendor,\"a totals row ('Totals')"))
    }
}
