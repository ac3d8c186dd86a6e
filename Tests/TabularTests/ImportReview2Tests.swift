import Testing
@testable import Tabular

/// The second import review's defects 2, 5, 7 and 8: a number in a Comments column read
/// unless the row shows the cut, the watch past a trailing delimiter, a column's own decimals
/// settling `1.250`, and a second header that is the first in other spacing or month labels.
@Suite("Import review 2: comments, decimals and second headers")
struct ImportReview2Tests {
    /// Sums of `quantity` by `item` of a file, with the summary.
    static func sums(_ path: String, map: [String: String] = [:], skip: Bool = true) throws -> (sums: [String: Double], summary: ImportSummary) {
        let importer = try TableImport(path: path, columns: [ColumnSpec("date", required: false), ColumnSpec("item"), ColumnSpec("quantity")],
                                       options: ImportOptions(columns: map, onError: skip ? .skip : .fail))
        let (i, q) = (try #require(importer.column("item")), try #require(importer.column("quantity")))
        var read: [String: Double] = [:]
        let summary = try importer.run { row in read[try row.string(i), default: 0] += try row.number(q) }
        return (read, summary)
    }

    /// Case 02: well-formed rows (six fields, no comma in a text) with a count typed in
    /// `Comments`: 15 + 15 + 12 = 42 Foley trays, all read (15 was lost as a shift), and the
    /// row named in a note; the Foley tray's text has no space-led number after it.
    @Test func aNumberInCommentsWithoutACutIsReadAndNamed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            date,item,description,quantity,unit_cost,Comments
            2025-11-10,500100,Foley tray 16Fr,15,9.85,
            2025-11-10,500100,Foley tray 16Fr,15,9.85,2
            2025-11-11,500100,Foley tray 16Fr,12,9.85,backorder

            """)
        let (read, summary) = try Self.sums(path)
        #expect(read == ["500100": 42] && summary.rejected == 0, "\(summary)")
        #expect(summary.notes.contains { $0.contains("a row holds a number in 'Comments' (line 3)") && $0.contains("read as written") }, "\(summary.notes)")
    }

    /// The shifted row (`0.20` in Comments where the first rows write prices in Unit Cost, and
    /// `3` in Unit Cost) is still rejected, and its reason quotes the row's own fields
    /// (`Gauze 4x4,12,3,0.20`), not a fixed example.
    @Test func aShiftedRowsReasonQuotesItsOwnText() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            date,item,description,quantity,unit_cost,Comments
            2025-10-01,100234,Gloves nitrile M,95,7.61,
            2025-10-01,300300,Gauze 4x4, 12,3,0.20

            """)
        let (read, summary) = try Self.sums(path)
        #expect(read == ["100234": 95] && summary.rejected == 1)
        let reason = try #require(summary.examples.first)
        #expect(reason.contains("`Gauze 4x4,12,3,0.20`") && !reason.contains("Suture"), "\(reason)")
    }

    /// Only a column named as free text alone is watched: `Credit Memo Qty` is a number column.
    /// A trailing empty-named column (every line ending in a delimiter) is skipped to find it.
    @Test func theWatchedColumnIsFreeTextAloneBeforeATrailingDelimiter() {
        #expect(ShiftedRowWatch(header: ["a", "b", "Credit Memo Qty"], leadingRows: [["1", "2", ""]]) == nil)
        #expect(ShiftedRowWatch(header: ["a", "b", "Memo"], leadingRows: [["1", "2", ""]])?.column == 2)
        #expect(ShiftedRowWatch(header: ["a", "b", "c", "Comments", ""], leadingRows: [["1", "2", "x", "", ""]])?.column == 3)
    }

    /// Case 06: the round-1 suture file with a delimiter ending every line. The shifted row
    /// has the header's seven fields (the length takes one, the empty trailing field the
    /// other); it is rejected, so the sutures read 0 here, not 18, and the gloves 95.
    @Test func aTrailingDelimiterDoesNotHideAShiftedRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", """
            date,item,description,quantity,unit_cost,Comments,
            2025-10-01,100234,Gloves nitrile M,95,7.61,,
            2025-10-01,400200,Suture nylon 3-0, 18,2,4.50,

            """)
        let (read, summary) = try Self.sums(path)
        #expect(read == ["100234": 95] && summary.rejected == 1, "\(summary)")
        #expect(summary.examples.first?.contains("'Comments' holds the number '4.50'") == true, "\(summary.examples)")
    }

    /// Case 05: a comma file dated `01.10.2025` whose `Menge` holds `7.75` and `12.5`: the point
    /// is a decimal point there, and `1.250` is 1.25: 7.75 + 12.5 + 1.25 = 21.5 (it read 20.25,
    /// one row rejected as in doubt). A column of `950`, `1.050`, `1.200` settles nothing:
    /// both dotted values are still refused. The same goes for a semicolon file (7.75 + 1.25 = 9).
    @Test func aColumnsOwnDecimalsSettleThePoint() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let settled = try dir.write("sap.csv", "date,item,quantity\n01.10.2025,4711,7.75\n02.10.2025,4711,12.5\n03.10.2025,4711,1.250\n")
        let (read, summary) = try Self.sums(settled)
        #expect(read == ["4711": 21.5] && summary.rejected == 0, "\(summary)")
        let open = try dir.write("gloves.csv", "date,item,quantity\n01.10.2025,4711,950\n02.10.2025,4711,1.050\n03.10.2025,4711,1.200\n")
        let (gloves, doubt) = try Self.sums(open)
        #expect(gloves == ["4711": 950] && doubt.rejected == 2, "\(doubt)")
        let semicolons = try dir.write("semi.csv", "date;item;quantity\n01.10.2025;4711;7.75\n02.10.2025;4711;1.250\n")
        #expect(try Self.sums(semicolons).sums == ["4711": 9])
        #expect(DecimalPointColumns.pointsADecimal("12.5") && DecimalPointColumns.pointsADecimal("1.2500") && !DecimalPointColumns.pointsADecimal("1.250"))
    }

    /// Case 04: November appended under `Trans Date, Item # ,Description,Qty  Issued,Unit Cost`
    /// is the first header in other spacing: skipped as a repeat, 35 + 40 read, no note and no
    /// stop (it stopped as lacking 'Qty Issued'). In capitals, no note of another layout.
    @Test(arguments: ["Trans Date, Item # ,Description,Qty  Issued,Unit Cost", "TRANS DATE,ITEM #,DESCRIPTION,QTY ISSUED,UNIT COST"])
    func aSecondHeaderInOtherSpacingOrCaseIsARepeat(_ second: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("issues.csv", "Trans Date,Item #,Description,Qty Issued,Unit Cost\n10/31/2025,A,Gloves,35,7.61\n\(second)\n11/1/2025,A,Gloves,40,7.61\n")
        let (read, summary) = try Self.sums(path, map: ["item": "Item #", "quantity": "Qty Issued"], skip: false)
        #expect(read == ["A": 75] && summary.repeatedHeaders == 1 && summary.notes.isEmpty, "\(summary)")
    }

    /// Month labels compare by the month they name: `Jul-25` is `JUL25`, `Aug-25` is not.
    @Test func monthLabelsCompareByTheirMonth() {
        #expect(SecondHeader.key("Jul-25") == SecondHeader.key("JUL25"))
        #expect(SecondHeader.key("Jul-25") != SecondHeader.key("AUG25"))
        #expect(SecondHeader.key(" Qty  Issued ") == SecondHeader.key("qty issued"))
    }
}
