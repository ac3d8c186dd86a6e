import Foundation
import Testing
import Tabular
@testable import Pipeline

/// The import review's defect 10: `inspect`'s maps for a header holding a quote or a line
/// break failed when pasted. The CLI map `item="Item ""Code"""` is read back as the header;
/// the YAML writes `"Item \"Code\""` (its `""` was no YAML); a wrapped cell `"Item\nNumber"`
/// is suggested on one line, as the import matches it.
@Suite struct InspectQuotedHeaderTests {
    @Test func theSuggestedMapsReachAQuotedHeader() throws {
        let ws = try Workspace()
        try ws.write("e.csv", "Trans Date,\"Item \"\"Code\"\"\",Description,Qty Issued\n10/1/2025,A1,Gauze,5\n10/2/2025,A1,Gauze,6\n")
        let inspection = try ExportInspection(path: ws.path + "/e.csv", kind: "usage")
        let report = inspection.report
        #expect(report.contains("item: \"Item \\\"Code\\\"\""), "\(report)")
        let cli = try #require(inspection.suggestedMap.first { $0.role == "item" })
        let pasted = try ImportOptions.parseColumnMap("item=\(ExportInspection.quoted(cli.header))")
        #expect(pasted["item"] == "Item \"Code\"")
    }

    @Test func aWrappedHeaderIsSuggestedOnOneLine() throws {
        #expect(ExportInspection.yamlQuoted("Item\nNumber") == "\"Item Number\"")
        #expect(ExportInspection.quoted("Qty\r\nIssued") == "\"Qty Issued\"")
        #expect(ExportInspection.yamlQuoted("a\\b") == "\"a\\\\b\"")
        #expect(ExportInspection.yamlQuoted("Qty") == "Qty")
    }
}
