import Testing
@testable import Tabular

/// Two exports joined with `cat` whose second header differs from the first (the import
/// review's defects 1 and 2): the rows after it are read by its names, or the import stops.
@Suite struct SecondHeaderTests {
    static let columns = [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")]

    /// (item, quantity) of each accepted row, and the summary.
    static func read(_ path: String, cells: Bool = false) throws -> (rows: [(String, Double)], summary: ImportSummary) {
        let table = try TableImport(path: path, columns: columns, options: ImportOptions(columns: ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued"]))
        let i = try #require(table.column("item")), q = try #require(table.column("quantity")), d = try #require(table.column("date"))
        var rows: [(String, Double)] = []
        let summary = try table.run { row in
            _ = try row.date(d)
            rows.append((try row.string(i), try row.number(q)))
        }
        return (rows, summary)
    }

    /// December appended under `Trans Date,Item #,Description,Unit Cost,Qty Issued`, the last
    /// two swapped: its row `12/1/2025,101100,Glove,7.61,40` issues 40, not 7.61 (read by the
    /// first header's positions it gave 7.61, and the header was one "not a date" reject).
    @Test func aSecondHeaderInAnotherOrderIsReadByItsNames() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            Trans Date,Item #,Description,Qty Issued,Unit Cost
            11/30/2025,101100,Glove,35,7.61
            Trans Date,Item #,Description,Unit Cost,Qty Issued
            12/1/2025,101100,Glove,7.61,40
            12/2/2025,105121,Gown,0.78,29

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [35, 40, 29])
        #expect(rows.map(\.0) == ["101100", "101100", "105121"])
        #expect(summary.rejected == 0 && summary.repeatedHeaders == 1, "\(summary)")
        #expect(summary.notes.contains { $0.contains("a second header (line 3)") && $0.contains("read by its names") }, "\(summary.notes)")
    }

    /// A second header with a column added (`Dept`) and one the import does not read gone
    /// (`Description`): its rows are re-mapped by name, five fields each.
    @Test func aSecondHeaderWithOtherUnreadColumnsIsReadByItsNames() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            Trans Date,Item #,Description,Qty Issued
            11/30/2025,101100,Glove,35
            Dept,Qty Issued,Item #,Trans Date,Unit Cost
            ICU,40,101100,12/1/2025,7.61

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [35, 40])
        #expect(summary.rejected == 0, "\(summary)")
    }

    /// A second header lacking a column the import reads (`Qty Issued` renamed `Quantity`):
    /// no reading of its rows is right, so the import stops naming its line.
    @Test func aSecondHeaderLackingAReadColumnStops() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            Trans Date,Item #,Qty Issued
            11/30/2025,101100,35
            Trans Date,Item #,Quantity
            12/1/2025,101100,40

            """)
        #expect { _ = try Self.read(path) } throws: { error in
            "\(error)".contains("issues.csv:3:") && "\(error)".contains("a second header") && "\(error)".contains("lacks 'Qty Issued'")
                && "\(error)".contains("has 'Quantity' instead")
        }
    }

    /// The first header repeated (a report's page header) is still skipped without a note.
    @Test func theFirstHeaderRepeatedIsSkippedAsBefore() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", "Trans Date,Item #,Qty Issued\n11/30/2025,A,35\nTrans Date,Item #,Qty Issued\n12/1/2025,B,40\n")
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [35, 40] && summary.repeatedHeaders == 1 && summary.notes.isEmpty, "\(summary)")
    }
}
