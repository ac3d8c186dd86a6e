import Foundation
import Testing
@testable import Pipeline

/// `layout: wide` (one column per item, like a pharmacy's daily sheet): each non-empty cell
/// becomes a row, and rows that do not parse go to the rejects file like a long import's.
@Suite struct WideImportTests {
    static func pipeline(_ file: String, _ extra: String = "") -> String {
        """
        stages:
          dispensing:
            kind: import
            table: usage
            file: \(file)
            layout: wide
            id_columns: [Date]
        \(extra)
          save:
            kind: export
            input: dispensing
            file: long.csv

        """
    }

    @Test func cellsBecomeRowsAndBadRowsAreRejectedWithLineAndColumn() throws {
        let ws = try Workspace()
        try ws.write("wide.csv", "Date,Drug A,Drug B\n2025-01-06,3,\n2025-01-07,,2\n2025-01-08,x,1\n2025-02-30,1,1\n2025-01-09,4,5,6\n")
        try ws.write("p.yml", WideImportTests.pipeline("wide.csv", "    on_error: skip"))
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2025-01-06,Drug A,3\n2025-01-07,Drug B,2\n")
        let rejects = try ws.read("out/dispensing.rejects.csv")
        #expect(rejects.contains(",4,Drug A,'x' is not a number,"), "\(rejects)")
        #expect(rejects.contains(",5,Date,\"'2025-02-30' is not a valid date (February 2025 has 28 days"), "\(rejects)")
        #expect(rejects.contains(",6,,row has 4 fields but the header has 3"), "\(rejects)")
        #expect(result.notes.contains { $0.contains("5 rows read, 2 accepted, 3 rejected") }, "\(result.notes)")
    }

    @Test func aBadRowAboveTheThresholdFailsNamingIt() throws {
        let ws = try Workspace()
        try ws.write("wide.csv", "Date,Drug A\n2025-01-06,3\n2025-01-07,1e400\n")
        try ws.write("p.yml", WideImportTests.pipeline("wide.csv"))
        #expect {
            try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        } throws: { error in
            "\(error)".contains("wide.csv:3: column 'Drug A': '1e400' is out of range")
        }
        #expect(!ws.exists("out"))
    }

    @Test func theDemoPharmacySheetImports() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Datasets/demo/pharmacy_dispensing_wide.csv").path
        let ws = try Workspace()
        try ws.write("p.yml", WideImportTests.pipeline(demo, "    on_error: skip"))
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let long = try ws.read("out/long.csv").split(separator: "\n")
        #expect(long.count > 50_000)
        #expect(long[1].hasPrefix("2023-07-01,"))
        #expect(result.notes.contains { $0.contains("1096 rows read") }, "\(result.notes)")
    }

    /// A Spanish sheet (`;`, `decimal: comma`) of 2, 3 and 12 March, every date reading either
    /// way, is read day-first with the note, as the same file read with `unpivot:` is: GASA
    /// 1,200.5 + 1,100 + 900 = 3,200.5 in March 2026. Read once, the older layout put 1,200.5
    /// in February, 1,100 in March and 900 in December, with no word.
    @Test func aDecimalCommaSheetOfEitherWayDatesIsReadDayFirst() throws {
        let ws = try Workspace()
        try ws.write("consumo.csv", "fecha;GASA;SUERO\n02/03/2026;1.200,5;30,0\n03/03/2026;1.100,0;31,0\n12/03/2026;900,0;32,0\n")
        try ws.write("p.yml", """
            stages:
              u: {kind: import, table: usage, file: consumo.csv, decimal: comma, layout: wide, id_columns: [fecha], columns: {date: fecha}}
              save: {kind: export, input: u, file: long.csv}

            """)
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        #expect(try ws.read("out/long.csv") == "date,item,quantity\n2026-03-02,GASA,1200.5\n2026-03-02,SUERO,30\n2026-03-03,GASA,1100\n2026-03-03,SUERO,31\n2026-03-12,GASA,900\n2026-03-12,SUERO,32\n")
        #expect(result.notes.contains { $0.contains("every slash date of") && $0.contains("was read day-first (DD/MM/YYYY), since the numbers are read with a decimal comma") }, "\(result.notes)")
    }
}
