import Foundation
import Testing
@testable import Pipeline

/// `unpivot:` (issue 17): wide exports turned into the long rows of any input kind at import.
@Suite struct UnpivotTests {
    /// An import stage reading `file` as `table` with `body` (indented parameters), exported to long.csv.
    static func pipeline(_ table: String, _ body: String) -> String {
        """
        stages:
          wide:
            kind: import
            table: \(table)
            file: wide.csv
        \(body)
          save:
            kind: export
            input: wide
            file: long.csv

        """
    }

    static func run(_ csv: String, _ table: String, _ body: String) throws -> (Workspace, PipelineRunner.RunResult) {
        let ws = try Workspace()
        try ws.write("wide.csv", csv)
        try ws.write("p.yml", pipeline(table, body))
        return (ws, try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out"))
    }

    static func problems(_ csv: String, _ table: String, _ body: String) throws -> String {
        let ws = try Workspace()
        try ws.write("wide.csv", csv)
        try ws.write("p.yml", pipeline(table, body))
        do {
            _ = try PipelineRunner(quiet: true).validate(ws.path + "/p.yml")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func monthColumnsOfAnItemSheetBecomeUsageRows() throws {
        let csv = "Item,Description,2026-01,2026-02,2026-03\nA100,Gauze 4x4,5,,7\nB200,\"Tape, 1in\",1,2,3\n"
        let (ws, result) = try UnpivotTests.run(csv, "usage", """
            columns: {item: Item}
            unpivot:
              columns: "[0-9][0-9][0-9][0-9]-[0-9][0-9]"
              names_to: date
              values_to: quantity
        """)
        #expect(try ws.read("out/long.csv") == """
            date,item,quantity
            2026-01-01,A100,5
            2026-03-01,A100,7
            2026-01-01,B200,1
            2026-02-01,B200,2
            2026-03-01,B200,3

            """)
        #expect(result.notes.contains { (note: String) in note.contains("5 rows read, 5 accepted, 0 rejected (unpivoted from 2 lines, 1 empty cell skipped)") }, "\(result.notes)")
    }

    @Test func starUnpivotsEveryColumnNotMappedToARole() throws {
        let (ws, _) = try UnpivotTests.run("Item,2026-01,2026-02\nA100,5,6\n", "usage", """
            columns: {item: Item}
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-01-01,A100,5\n2026-02-01,A100,6\n")
    }

    /// Finding 11 of the forecast review: a wide export's item column empty on every row made
    /// no row and vanished without a word. It is named in the import's notes; a column with a
    /// value is not, nor is a repeated header line counted as a value.
    @Test func aColumnWithEveryCellEmptyIsNamed() throws {
        let csv = "Date,M01AB,N02BA,N05B\n2026-01-05,5,,\n2026-01-06,6,,1\nDate,M01AB,N02BA,N05B\n2026-01-07,7,,\n"
        let (ws, result) = try UnpivotTests.run(csv, "usage", """
            columns: {date: Date}
            unpivot: {columns: "*", names_to: item, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-01-05,M01AB,5\n2026-01-06,M01AB,6\n2026-01-06,N05B,1\n2026-01-07,M01AB,7\n")
        let named = result.notes.filter { $0.contains("every cell empty") }
        #expect(named.count == 1 && named[0].contains("'N02BA': every cell empty, no row made (item from the header)"), "\(result.notes)")
        #expect(!named.joined().contains("M01AB") && !named.joined().contains("N05B"), "\(named)")
    }

    /// `*` is "the rest": an item sheet's description, lead time and total columns, and a PBJ
    /// file's totals beside the _emp and _ctr columns, are left out and named in the note.
    @Test func starLeavesOutTheHeadersThatDoNotFitAndSaysSo() throws {
        let (ws, result) = try UnpivotTests.run("Item,Description,Lead Time,JAN24,FEB24,Total\nA100,Gauze 4x4,2,5,6,11\n", "usage", """
            columns: {item: Item}
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2024-01-01,A100,5\n2024-02-01,A100,6\n")
        #expect(result.notes.contains { (note: String) in note.contains("2 rows read, 2 accepted, 0 rejected") && note.contains("not unpivoted (header does not fit): 'Description', 'Lead Time'; not unpivoted (a totals column): 'Total'") }, "\(result.notes)")

        let pbj = "WorkDate,PROVNAME,MDScensus,Hrs_RN,Hrs_RN_emp,Hrs_RN_ctr\n20260105,North,30,32,24,8\n"
        let (ws2, _) = try UnpivotTests.run(pbj, "timekeeping", """
            columns: {date: WorkDate, unit: PROVNAME}
            unpivot: {columns: "*", names_to: [job_code, pay_type], names_pattern: "Hrs_(.*)_(emp|ctr)", values_to: hours,
                      values_map: {pay_type: {emp: regular, ctr: agency}}}
        """)
        #expect(try ws2.read("out/long.csv") == "date,unit,hours,job_code,pay_type\n2026-01-05,North,24,RN,regular\n2026-01-05,North,8,RN,agency\n")

        let none = UnpivotTests.qtyJanFailure("*")
        #expect(none.contains("unpivot columns \"*\" found no header that gives date; the columns not mapped to a role are 'Qty Jan'"), "\(none)")
    }

    /// A total column beside the items (`Total`, `Grand Total`, `All`, ...): `*` turned it into
    /// one more item whatever names_to was, counting every row twice. It is left out and named;
    /// listed in the columns, it is read as asked.
    @Test func starLeavesOutTotalColumnsWhateverTheNamesBecome() throws {
        let plan = try Unpivot(columns: ["*"], namesTo: ["item"], valuesTo: "quantity")
            .plan(header: ["Date", "Propofol 200mg", "Total", "Cefazolin 1g", " GRAND TOTAL ", "Row Total", "All", "Sum", "TPN Total", "Total Parenteral Nutrition kit"],
                  mapped: [0], datedRows: true)
        #expect(plan.columns == [1, 3, 8, 9])
        #expect(plan.leftOut == [2, 4, 5, 6, 7])
        let listed = try Unpivot(columns: ["Propofol*", "Total"], namesTo: ["item"], valuesTo: "quantity").plan(header: ["Date", "Propofol 200mg", "Total"], mapped: [0])
        #expect(listed.columns == [1, 2] && listed.leftOut.isEmpty)

        let sheet = "Date,Propofol 200mg,Cefazolin 1g,Total\n2026-01-05,5,3,8\n2026-01-06,5,,5\n"
        let (ws, result) = try UnpivotTests.run(sheet, "usage", """
            columns: {date: Date}
            unpivot: {columns: "*", names_to: item, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-01-05,Propofol 200mg,5\n2026-01-05,Cefazolin 1g,3\n2026-01-06,Propofol 200mg,5\n")
        #expect(result.notes.contains { (note: String) in note.contains("3 rows read, 3 accepted, 0 rejected") && note.contains("not unpivoted (a totals column): 'Total'") }, "\(result.notes)")
        let (ws2, _) = try UnpivotTests.run(sheet, "usage", """
            columns: {date: Date}
            unpivot: {columns: [Propofol*, Total], names_to: item, values_to: quantity}
        """)
        #expect(try ws2.read("out/long.csv") == "date,item,quantity\n2026-01-05,Propofol 200mg,5\n2026-01-05,Total,8\n2026-01-06,Propofol 200mg,5\n2026-01-06,Total,5\n")
        // A census with a column per unit and one for the house.
        let census = "Date,ICU,4 West,All\n2026-01-05,8,20,28\n"
        let (ws3, _) = try UnpivotTests.run(census, "census", """
            columns: {date: Date}
            unpivot: {columns: "*", names_to: unit, values_to: patient_days}
        """)
        #expect(try ws3.read("out/long.csv") == "date,unit,patient_days\n2026-01-05,ICU,8\n2026-01-05,4 West,20\n")
    }

    /// A month sheet's totals row (`Total` under the item) was one more item holding the
    /// others' sum; its cells are rejected, counted, with the reason.
    @Test func aTotalsRowOfAMonthSheetIsRejected() throws {
        let sheet = "Item,Description,Jan 2026,Feb 2026,YTD\nA100,Gauze,10,20,30\nTotal Parenteral Nutrition kit,TPN,1,2,3\nTotal,,11,22,33\n"
        let (ws, result) = try UnpivotTests.run(sheet, "usage", """
            columns: {item: Item}
            on_error: skip
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-01-01,A100,10\n2026-02-01,A100,20\n2026-01-01,Total Parenteral Nutrition kit,1\n2026-02-01,Total Parenteral Nutrition kit,2\n")
        let rejects = try ws.read("out/wide.rejects.csv")
        #expect(rejects.contains(",4,Item,\"a totals row ('Total'): its figures are the other rows' sum"), "\(rejects)")
        #expect(result.notes.contains { (note: String) in note.contains("6 rows read, 4 accepted, 2 rejected") }, "\(result.notes)")
    }

    /// The run's error for a one-month sheet headed `Qty Jan`, unpivoted by `glob` into dates.
    static func qtyJanFailure(_ glob: String) -> String {
        do {
            _ = try UnpivotTests.run("Item,Qty Jan\nA100,5\n", "usage", """
                columns: {item: Item}
                unpivot: {columns: "\(glob)", names_to: date, values_to: quantity}
            """)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func monthNameHeadersParseAsPeriods() throws {
        // A spare-parts sheet with one column per month, JAN96 .. (month-name periods).
        let (ws, _) = try UnpivotTests.run("Item,Description,JAN96,FEB96,dec02\nA100,Bolt,5,6,7\n", "usage", """
            columns: {item: Item}
            unpivot: {columns: ["[A-Z][A-Z][A-Z][0-9][0-9]", "[a-z][a-z][a-z][0-9][0-9]"], names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n1996-01-01,A100,5\n1996-02-01,A100,6\n2002-12-01,A100,7\n")
    }

    @Test func nursingHomeStaffingSplitsHeadersIntoJobCodeAndPayType() throws {
        let csv = """
            Work Date,Unit,Hrs_RN_emp,Hrs_RN_ctr,Hrs_CNA_emp,Census
            2026-01-05,North,24,8,40.5,30
            2026-01-06,North,16,,48,31

            """
        let (ws, _) = try UnpivotTests.run(csv, "timekeeping", """
            columns: {date: Work Date, unit: Unit}
            unpivot:
              columns: "Hrs_*"
              names_to: [job_code, pay_type]
              names_pattern: "Hrs_(.+)_(emp|ctr)"
              values_to: hours
              values_map: {pay_type: {emp: regular, ctr: agency}}
        """)
        #expect(try ws.read("out/long.csv") == """
            date,unit,hours,job_code,pay_type
            2026-01-05,North,24,RN,regular
            2026-01-05,North,8,RN,agency
            2026-01-05,North,40.5,CNA,regular
            2026-01-06,North,16,RN,regular
            2026-01-06,North,48,CNA,regular

            """)
    }

    @Test func monthColumnsOfABudgetBecomeBudgetRows() throws {
        let csv = "Department,Account,2025-07,2025-08,2025-09,2025-10,2025-11,2025-12\nICU,Supplies,100,110,120,130,140,150\nER,Labor,\"1,000\",1000,1000,1000,1000,900\n"
        let (ws, _) = try UnpivotTests.run(csv, "budget", """
            columns: {department: Department, account: Account}
            unpivot:
              columns: ["2025-0[7-9]", "2025-1?"]
              names_to: period
              values_to: amount
        """)
        let lines = try ws.read("out/long.csv").split(separator: "\n").map(String.init)
        #expect(lines.count == 13)
        #expect(lines[0].hasPrefix("department,account,period,amount"))
        #expect(lines[1].hasPrefix("ICU,Supplies,2025-07,100"))
        #expect(lines[6].hasPrefix("ICU,Supplies,2025-12,150"))
        #expect(lines[7].hasPrefix("ER,Labor,2025-07,1000"))
        #expect(lines[12].hasPrefix("ER,Labor,2025-12,900"))
    }

    @Test func aBadCellIsARejectedRowNamingItsHeader() throws {
        let csv = "Item,2026-01,2026-02\nA100,5,lots\nB200,1,2\n2026-13-01x,3,4\n"
        let (ws, result) = try UnpivotTests.run(csv, "usage", """
            columns: {item: Item}
            on_error: skip
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-01-01,A100,5\n2026-01-01,B200,1\n2026-02-01,B200,2\n2026-01-01,2026-13-01x,3\n2026-02-01,2026-13-01x,4\n")
        let rejects = try ws.read("out/wide.rejects.csv")
        #expect(rejects.contains(",2,2026-02,'lots' is not a number"), "\(rejects)")
        #expect(result.notes.contains { (note: String) in note.contains("6 rows read, 5 accepted, 1 rejected") }, "\(result.notes)")
    }

    @Test func aBadMappedColumnRejectsTheLineAndCountsItsCells() throws {
        let csv = "Date,Unit,Hrs_RN\n2026-01-05,North,8\n2026-02-30,North,8\n"
        let (ws, result) = try UnpivotTests.run(csv, "timekeeping", """
            columns: {date: Date, unit: Unit}
            on_error: skip
            unpivot: {columns: "Hrs_*", names_to: job_code, names_pattern: "Hrs_(.*)", values_to: hours}
        """)
        #expect(try ws.read("out/long.csv") == "date,unit,hours,job_code\n2026-01-05,North,8,RN\n")
        #expect(try ws.read("out/wide.rejects.csv").contains(",3,Date,"))
        #expect(result.notes.contains { (note: String) in note.contains("2 rows read, 1 accepted, 1 rejected") }, "\(result.notes)")
    }

    @Test func validateNamesEachMistakeAtItsLine() throws {
        let csv = "Date,Unit,Hrs_RN_emp,Hrs_RN_ctr,Notes\n2026-01-05,North,8,4,x\n"
        func check(_ unpivot: String, _ says: String...) throws {
            let text = try UnpivotTests.problems(csv, "timekeeping", "    columns: {date: Date, unit: Unit}\n" + unpivot)
            for phrase in says { #expect(text.contains(phrase), "\(text)") }
        }
        try check("""
                unpivot:
                  columns: "Pay_*"
                  names_to: job_code
                  values_to: hours
            """, "p.yml:8:", "unpivot columns 'Pay_*' match no column", "'Hrs_RN_emp'", "'Notes'")
        try check("""
                unpivot:
                  columns: "Hrs_*"
                  names_to: [job_code, pay_type]
                  names_pattern: "Hrs_(.+)"
                  values_to: hours
            """, "p.yml:10:", "has 1 group but names_to has 2 roles")
        try check("""
                unpivot:
                  columns: "Hrs_*"
                  names_to: shift
                  values_to: hours
            """, "p.yml:9:", "unpivot names_to: 'shift' is not a column of timekeeping")
        try check("""
                unpivot:
                  columns: "Hrs_*"
                  names_to: job_code
                  values_to: quantity
            """, "p.yml:10:", "unpivot values_to: 'quantity' is not a column of timekeeping")
        try check("""
                unpivot:
                  columns: ["Hrs_*", "Notes"]
                  names_to: [job_code, pay_type]
                  names_pattern: "Hrs_(.+)_(emp|ctr)"
                  values_to: hours
            """, "p.yml:10:", "header 'Notes' does not match unpivot names_pattern")
    }

    @Test func aMismatchAtRunTimeFailsNamingTheFile() {
        let error = UnpivotTests.qtyJanFailure("Qty*")
        #expect(error.contains("header 'Qty Jan' gives date 'Qty Jan', which is not a date or period"), "\(error)")
    }

    @Test func globs() {
        #expect(Unpivot.glob("Hrs_*", matches: "Hrs_RN_emp"))
        #expect(!Unpivot.glob("Hrs_*", matches: "hrs_RN"))
        #expect(Unpivot.glob("[A-Z][A-Z][A-Z][0-9][0-9]", matches: "JAN96"))
        #expect(!Unpivot.glob("[A-Z][A-Z][A-Z][0-9][0-9]", matches: "Item"))
        #expect(Unpivot.glob("FY202?", matches: "FY2026"))
        #expect(Unpivot.glob("[!N]*", matches: "Date") && !Unpivot.glob("[!N]*", matches: "Notes"))
    }

    /// A pipeline's `unpivot:` of a daily sheet reads its header dates in one order too
    /// (`HeaderDateOrder`): with `decimal: comma` the either-way `02/03/2026` and `12/03/2026`
    /// are 2 and 12 March (month-first they were 3 February and 3 December), said in a note;
    /// `13/03/2026` beside them decides day-first whatever the decimal mark (it was left out).
    @Test func headerDatesAreReadInTheFilesOneOrder() throws {
        let (ws, result) = try UnpivotTests.run("item;02/03/2026;12/03/2026\nGASA;1,5;2,5\n", "usage", """
            decimal: comma
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-03-02,GASA,1.5\n2026-03-12,GASA,2.5\n")
        #expect(result.notes.contains { $0.contains("every slash date of the header of") && $0.contains("was read day-first (DD/MM/YYYY), since the numbers are read with a decimal comma") }, "\(result.notes)")
        let (us, _) = try UnpivotTests.run("item,02/03/2026,13/03/2026\nGASA,1.5,2.5\n", "usage", """
            unpivot: {columns: "*", names_to: date, values_to: quantity}
        """)
        #expect(try us.read("out/long.csv") == "date,item,quantity\n2026-03-02,GASA,1.5\n2026-03-13,GASA,2.5\n")
    }
}
