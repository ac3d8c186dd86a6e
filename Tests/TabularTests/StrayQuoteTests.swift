import Testing
@testable import Tabular

/// A quote that swallows rows (`StrayQuote`) is rejected; a real multi-line value is read.
@Suite("Stray quotes")
struct StrayQuoteTests {
    static func rows(_ count: Int, edit: (Int, inout String) -> Void) -> String {
        var text = "date,item,description,quantity\n"
        for k in 0..<count {
            var description = "Plain"
            edit(k + 2, &description)
            text += "2025-06-15,I\(k),\(description),10\n"
        }
        return text
    }

    @Test func aQuoteWhoseLinesReadAsRowsRejectsTheRecordNamingItsLines() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // Line 5 opens `"Gauze 4x4`, line 12 closes `sterile"`: 7 rows swallowed, no word said.
        let path = try dir.write("s.csv", Self.rows(20) { line, d in
            if line == 5 { d = "\"Gauze 4x4" } else if line == 12 { d = "sterile\"" }
        })
        let importer = try TableImport(path: path, columns: [ColumnSpec("item"), ColumnSpec("quantity")], options: ImportOptions(onError: .skip))
        let quantity = try #require(importer.column("quantity"))
        var total = 0.0
        let summary = try importer.run { row in total += try row.number(quantity) }
        #expect(summary.read == 13 && summary.rejected == 1 && summary.accepted == 12, "\(summary)")
        #expect(summary.examples.first?.contains("a quote opened on line 5 closes on line 12, swallowing 7 lines that read as rows: check for a stray quote") ?? false,
                "\(summary.examples)")
        #expect(total == 120)
    }

    @Test func aMultiLineAddressIsReadAsBefore() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // Three lines, none of them a row: one comma on the last is no row of four columns.
        let path = try dir.write("a.csv", Self.rows(5) { line, d in
            if line == 3 { d = "\"Central Store\nBuilding 4\nSpringfield, IL\"" }
        })
        let result = try readAll(path)
        #expect(result.records.count == 5)
        #expect(result.records[1] == Rec(3, ["2025-06-15", "I1", "Central Store\nBuilding 4\nSpringfield, IL", "10"]))
        #expect(result.records[2].line == 6)
        let importer = try TableImport(path: path, columns: [ColumnSpec("item")])
        let summary = try importer.run { _ in }
        #expect(summary.accepted == 5 && summary.rejected == 0, "\(summary)")
    }

    @Test func aQuoteSwallowingRowsAfterTheFirstChunkIsFoundToo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // 12,000 rows of about 30 bytes: the quote opens past the first 256 KiB.
        let path = try dir.write("late.csv", Self.rows(12_000) { line, d in
            if line == 11_000 { d = "\"Gauze" } else if line == 11_004 { d = "Tape\"" }
        })
        let importer = try TableImport(path: path, columns: [ColumnSpec("item")], options: ImportOptions(onError: .skip))
        let summary = try importer.run { _ in }
        #expect(summary.rejected == 1 && summary.examples.first?.contains("a quote opened on line 11000 closes on line 11004, swallowing 4 lines") ?? false,
                "\(summary) \(summary.examples)")
    }
}
