import Foundation
import Reports
import Testing
import TestScratch

/// Excel's limits and escapes in the workbook writer: a sheet longer than a sheet holds
/// continues on another (never cut), sheet names count UTF-16 units, `_xHHHH_` text stays as
/// written, unit costs under a cent keep their digits, Summary percentages are shares.
@Suite struct WorkbookSheetLimitsTests {
    func written(_ report: Report, rowsPerSheet: Int = ReportSheet.maximumRows - 1) throws -> XLSXArchive {
        let folder = TestScratch.path("qm-xlsx-limits").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try report.writeWorkbook(to: folder + "/test.xlsx", rowsPerSheet: rowsPerSheet)
        return XLSXArchive(path: folder + "/test.xlsx")
    }

    /// 7 lots with 3 rows to a sheet: 'Expiry risk' holds lots 1-3, 'Expiry risk (2)' 4-6,
    /// 'Expiry risk (3)' lot 7 (waste 25, the last of the sort, the rows a cut dropped), each
    /// part with its header and its highlight; the Summary counts 3 + 3 + 1 = 7 rows and says
    /// where the sheet continues. Cut at the limit, the sheet held lots 1-3 and the Summary
    /// counted 7.
    @Test func aSheetLongerThanASheetHoldsContinuesOnAnotherNeverCut() throws {
        var report = Report(title: "Expiry", summary: ["Seven lots."])
        let lots = (1...7).map { "L\($0)" }, waste: [Double] = [0, 10, 0, 0, 0, 0, 25]
        report.sheet(ReportSheet(name: "Expiry risk", columns: [.init("lot", .text(lots)), .init("expected_waste", .number(waste))],
                                 highlights: [.init("expected_waste", .above(0))]))
        let book = try written(report, rowsPerSheet: 3)
        #expect(try book.sheetNames() == ["Summary", "Expiry risk", "Expiry risk (2)", "Expiry risk (3)", "About"])
        let parts = try ["Expiry risk", "Expiry risk (2)", "Expiry risk (3)"].map { XLSXArchive.cells(try book.sheet($0)) }
        #expect(parts.map { $0["A1"] } == Array(repeating: .text("lot"), count: 3), "each part has the header")
        #expect([parts[0]["A2"], parts[0]["A4"], parts[1]["A2"], parts[1]["A4"], parts[2]["A2"]] == [.text("L1"), .text("L3"), .text("L4"), .text("L6"), .text("L7")])
        #expect(parts[0]["A5"] == nil && parts[2]["A3"] == nil)
        guard case .number(25, _)? = parts[2]["B2"] else { Issue.record("lot 7's waste: \(String(describing: parts[2]["B2"]))"); return }
        #expect(try book.sheet("Expiry risk (3)").contains(#"<conditionalFormatting sqref="B2">"#))
        let summary = XLSXArchive.cells(try book.sheet("Summary"))
        #expect(summary.values.contains(.text("• Expiry risk: 7 rows, more than an Excel sheet holds below its header; the first 3 rows are on 'Expiry risk', the rest continue in the same order on 'Expiry risk (2)', 'Expiry risk (3)'.")))
        var counted: [String: Double] = [:]
        for (ref, cell) in summary where ref.hasPrefix("A") {
            guard case .text(let name) = cell, case .number(let rows, _)? = summary["B" + ref.dropFirst()] else { continue }
            counted[name] = rows
        }
        #expect(counted["Expiry risk"] == 3 && counted["Expiry risk (2)"] == 3 && counted["Expiry risk (3)"] == 1)
    }

    /// A sheet that fits is one sheet, as before: 3 rows with 3 to a sheet.
    @Test func aSheetThatFitsStaysOneSheet() throws {
        var report = Report(title: "Fits", summary: [])
        report.sheet(ReportSheet(name: "Lines", columns: [.init("a", .number([1, 2, 3]))]))
        #expect(try written(report, rowsPerSheet: 3).sheetNames() == ["Summary", "Lines", "About"])
    }

    /// Names cut to 31 UTF-16 units, whole characters kept. `Pédiatrie Réanimation Néonatale
    /// Übersicht` with decomposed accents (each é two code points, two units): "Pédiatrie" 10
    /// units, " Réanimation" 13 (23), " Néonat" 8 (31): `Pédiatrie Réanimation Néonat`. Cut at
    /// 31 characters it was 35 code points, libxlsxwriter refused it and the run failed. Bold
    /// letters (two units each) `𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭 𝐈𝐭𝐞𝐦`: 6 + 1 + 8 + 1 + 2 + 1 + 8 + 1 + 2 = 30
    /// units, the next letter would make 32: `𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭 𝐈` (it was 31 letters, 56 units).
    @Test func sheetNamesAreCutToThirtyOneUTF16Units() throws {
        let decomposed = "Pe\u{301}diatrie Re\u{301}animation Ne\u{301}onatale U\u{308}bersicht 2026"
        let bold = "𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭 𝐈𝐭𝐞𝐦 𝐌𝐚𝐬𝐭𝐞𝐫 𝟐𝟎𝟐𝟔 𝐐𝟏"
        var report = Report(title: "Names", summary: [])
        for name in [decomposed, bold, bold] { report.sheet(ReportSheet(name: name, columns: [.init("a", .number([1]))])) }
        let names = try written(report).sheetNames()
        #expect(names[1].unicodeScalars.elementsEqual("Pe\u{301}diatrie Re\u{301}animation Ne\u{301}onat".unicodeScalars))
        #expect(names[2] == "𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭 𝐈")
        // The second, with " (2)" (4 units) after 27 units: `𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭` is 27.
        #expect(names[3] == "𝐌𝐞𝐝 𝐒𝐮𝐫𝐠 𝟒 𝐄𝐚𝐬𝐭 (2)")
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    /// `Owens _x0041_ Minor` is written `Owens _x005F_x0041_ Minor` in the sheet's XML, which
    /// Excel shows as written; unescaped it showed `Owens A Minor`. Text without the pattern
    /// (`stock_out`, `_x12_`) is untouched.
    @Test func textThatLooksLikeAnExcelEscapeIsShownAsWritten() throws {
        var report = Report(title: "Escapes", summary: [])
        report.sheet(ReportSheet(name: "Vendors", columns: [.init("vendor", .text(["Owens _x0041_ Minor", "stock_out", "_x12_", "_X00e9__x0041_"]))]))
        let xml = try written(report).sheet("Vendors")
        #expect(xml.contains("Owens _x005F_x0041_ Minor"))
        #expect(xml.contains(">stock_out<") && xml.contains(">_x12_<"))
        #expect(xml.contains("_x005F_X00e9__x005F_x0041_"))
    }

    /// A unit cost of $0.0042 a tablet keeps its digits (`$#,##0.00##`); as `$#,##0.00` it
    /// showed $0.00.
    @Test func unitCostsUnderACentShowTheirDigits() throws {
        var report = Report(title: "Prices", summary: [])
        report.sheet(ReportSheet(name: "Prices", columns: [.init("unit_cost", .number([0.0042, 12.5]), style: .price)]))
        let book = try written(report)
        let cells = XLSXArchive.cells(try book.sheet("Prices")), formats = try book.numberFormats()
        guard case .number(0.0042, let style)? = cells["A2"] else { Issue.record("\(String(describing: cells["A2"]))"); return }
        #expect(formats[style] == "$#,##0.00##")
    }

    /// A Summary table's percentage is stored as the share (95% -> 0.95, shown `0.0%`), as
    /// the data sheets store rates; it was stored as 95. A given exact value is a share already.
    @Test func summaryPercentagesAreShares() throws {
        var report = Report(title: "Rates", summary: [])
        report.table(["Vendor", "Fill rate", "On time"], [["Acme", "95%", "83.3%"]], alignments: [.left, .right, .right],
                     values: [[nil, nil, 0.8333]])
        let book = try written(report)
        let cells = XLSXArchive.cells(try book.sheet("Summary")), formats = try book.numberFormats()
        let row = try #require(cells.first { $0.value == .text("Acme") }?.key.dropFirst())
        guard case .number(let fill, let fillStyle)? = cells["B" + row], case .number(let onTime, let onTimeStyle)? = cells["C" + row] else {
            Issue.record("\(String(describing: cells["B" + row]))"); return
        }
        #expect(fill == 0.95 && onTime == 0.8333)
        #expect(formats[fillStyle] == "0.0%" && formats[onTimeStyle] == "0.0%")
    }
}
