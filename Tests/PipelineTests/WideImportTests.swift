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
}
