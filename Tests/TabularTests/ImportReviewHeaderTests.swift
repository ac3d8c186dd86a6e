import Testing
@testable import Tabular

/// The import review's defects 9 and 10: a row moved right by an unquoted comma, and headers
/// holding a quote or a line break.
@Suite("Import review: shifted rows and awkward headers")
struct ImportReviewHeaderTests {
    /// `inspect` writes a header's quote doubled (`"Item ""Code"""`) and users write `\"`: both
    /// were read as `Item Code` (or `Item \Code\`), which no header is.
    @Test(arguments: ["item=\"Item \"\"Code\"\"\",quantity=Qty", "item=\"Item \\\"Code\\\"\",quantity=Qty"])
    func aQuoteInsideAQuotedHeaderIsKept(_ map: String) throws {
        #expect(try ImportOptions.parseColumnMap(map) == ["item": "Item \"Code\"", "quantity": "Qty"])
    }

    /// Excel's wrapped header cell `"Item\nNumber"` is reached by `Item Number`; the error that
    /// said 'Item Number' was missing and present now shows the break as `\n`.
    @Test func aWrappedHeaderMatchesItsOneLineSpelling() throws {
        let header = ["Trans Date", "Item\nNumber", "Qty\r\nIssued"]
        let found = try TableImport.resolve([ColumnSpec("item"), ColumnSpec("quantity")],
                                            options: ImportOptions(columns: ["item": "Item Number", "quantity": "qty issued"]), header: header, file: "f.csv")
        #expect(found == ["item": 1, "quantity": 2])
        #expect(TableImport.describe(header).contains("'Item\\nNumber'"))
        #expect(!TableImport.describe(header).contains("'Item Number'"))
    }

    /// `10/1/2025,400200,Suture nylon 3-0, 18,2,4.50` under a header ending in `Comments`,
    /// empty on the other rows: the quantity read was 18 (558 in October where 121 was right).
    /// The row is rejected naming `Comments`; a comment in words on another row is read.
    @Test func aRowMovedRightIntoAnEmptyCommentsColumnIsRejected() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            date,item,description,quantity,unit_cost,Comments
            2025-10-01,100234,Gloves nitrile M,95,7.61,
            2025-10-01,400200,Suture nylon 3-0, 18,2,4.50
            2025-10-02,100234,Gloves nitrile M,90,7.61,backorder

            """)
        let importer = try TableImport(path: path, columns: [ColumnSpec("item"), ColumnSpec("quantity")], options: ImportOptions(onError: .skip))
        let (i, q) = (try #require(importer.column("item")), try #require(importer.column("quantity")))
        var read: [String: Double] = [:]
        let summary = try importer.run { row in read[try row.string(i), default: 0] += try row.number(q) }
        #expect(read == ["100234": 185])
        #expect(summary.rejected == 1)
        let reason = try #require(summary.examples.first)
        #expect(reason.contains("issues.csv:3") && reason.contains("'Comments' holds the number '4.50' where other rows leave it empty"), "\(reason)")
    }

    /// A file whose last column is not free text, or is filled on every row, is not watched.
    @Test func otherTrailingColumnsAreNotWatched() {
        #expect(ShiftedRowWatch(header: ["a", "b", "Returned"], leadingRows: [["1", "2", ""]]) == nil)
        #expect(ShiftedRowWatch(header: ["a", "b", "Notes"], leadingRows: [["1", "2", "x"]]) == nil)
        #expect(ShiftedRowWatch(header: ["a", "b", "Notes"], leadingRows: [["1", "2", ""]])?.column == 2)
    }
}
