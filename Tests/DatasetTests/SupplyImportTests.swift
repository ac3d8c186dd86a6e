import Foundation
import Testing
import Tabular

@Suite("Demo supply export through TableImport")
struct SupplyImportTests {
    static let columns = [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity"), ColumnSpec("department", required: false)]
    static let map = ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued", "department": "Cost Center"]

    /// The export imports with Pipelines/full.yml's column map under the default 1% reject
    /// threshold, and exactly the planted dirty rows are rejected, each with its reason.
    @Test func exactlyThePlantedDirtyRowsAreRejected() throws {
        let folder = try ScratchFolder("quartermaster-supply-import")
        defer { folder.remove() }
        let rejectsPath = folder.url.appendingPathComponent("usage.rejects.csv").path
        let path = committedDemo.appendingPathComponent("supply_issues.csv").path
        let importer = try TableImport(path: path, columns: SupplyImportTests.columns,
                                       options: ImportOptions(columns: SupplyImportTests.map, rejectsPath: rejectsPath))
        let date = try #require(importer.column("date")), item = try #require(importer.column("item"))
        let quantity = try #require(importer.column("quantity")), department = try #require(importer.column("department"))
        var total = 0.0
        var departments = Set<String>()
        let summary = try importer.run { row in
            _ = try row.date(date)
            _ = try row.string(item)
            total += try row.number(quantity)
            departments.insert(try row.string(department))
        }

        let truths = try committedTruths()
        let dirty = try #require(truths["dirty_rows"] as? [String: Any])
        let planted = try #require(dirty["rows"] as? [[String: Any]])
        let blankLines = planted.filter { $0["kind"] as? String == "blank_line" }
        let repeatedHeaders = planted.filter { $0["kind"] as? String == "repeated_header" }
        let rejectedRows = planted.filter { $0["kind"] as? String != "blank_line" && $0["kind"] as? String != "repeated_header" }
        #expect(summary.rejected == rejectedRows.count)
        #expect(summary.blank == blankLines.count)
        #expect(summary.repeatedHeaders == repeatedHeaders.count)
        #expect(summary.accepted == summary.read - summary.rejected)
        #expect(summary.rejectedShare < 0.01)
        #expect(total > 0)
        #expect(departments.count == 9, "\(departments.sorted())")

        // The rejects file: one line per planted row, at its line, with its reason.
        let reader = try CSVReader(path: rejectsPath)
        #expect(reader.header == ["file", "line", "column", "reason", "record"])
        var rejects: [(line: Int, column: String, reason: String)] = []
        try reader.forEachRecord { record in
            let fields = record.strings
            rejects.append((Int(fields[1]) ?? -1, fields[2], fields[3]))
        }
        #expect(rejects.map(\.line) == planted.map { $0["line"] as? Int ?? 0 })
        for (reject, row) in zip(rejects, planted) {
            switch row["kind"] as? String {
            case "blank_line":
                #expect(reject.reason.contains("blank line"))
            case "repeated_header":
                #expect(reject.reason == "repeated header row (skipped)")
            case "unparsable_quantity":
                #expect(reject.column == "Qty Issued", "line \(reject.line)")
                #expect(!reject.reason.isEmpty)
            default:
                Issue.record("unknown planted row kind \(row["kind"] ?? "nil")")
            }
        }
    }

    /// Every planted item of the truths exists in the item master with the stated status.
    @Test func plantedItemsAreInTheItemMaster() throws {
        let reader = try CSVReader(path: committedDemo.appendingPathComponent("items.csv").path)
        var status: [String: String] = [:]
        let number = try #require(reader.header.firstIndex(of: "Item #")), state = try #require(reader.header.firstIndex(of: "Status"))
        try reader.forEachRecord { record in
            let fields = record.strings
            status[fields[number]] = fields[state]
        }
        let truths = try #require(try committedTruths()["truths"] as? [[String: Any]])
        var checked = 0
        for truth in truths {
            var entries: [[String: Any]] = (truth["items"] as? [[String: Any]]) ?? []
            if truth["item"] != nil { entries.append(truth) }
            for entry in entries where entry["file"] as? String != "pharmacy_dispensing_wide.csv" {
                guard let item = entry["item"] as? String, let expected = entry["status"] as? String else { continue }
                #expect(status[item] == expected, "item \(item)")
                checked += 1
            }
        }
        #expect(checked >= 5)
    }
}
