import Foundation
import Reports
import Tabular
import Testing
import TestScratch

/// A report rendered as a workbook and read back from the file: typed cells, formats,
/// frozen header, autofilter, conditional formats, charts, and text that looks like a
/// formula staying text.
@Suite struct WorkbookRenderingTests {
    static let descriptions = ["Gloves", "=1+1", "@SUM(A1)", "+A1", "-1+2", "Tape & <wrap> \"1\""]

    func report() -> Report {
        var report = Report(title: "Test report", summary: ["Two lines order.", "One at risk."])
        report.keyFigure("Order total", 1234.5, style: .money)
        report.paragraph("A paragraph after the summary.")
        report.sheet(ReportSheet(name: "Lines: a/b [x]", columns: [
            .init("description", .text(Self.descriptions)),
            .init("quantity", .number([1, 2.5, .nan, -3, 1_000_000, 0]), style: .number(decimals: 0)),
            .init("cost", .number([8, 0.5, 1250, 0, -12.25, 3]), style: .money),
            .init("service_level", .number([0.95, 0.9, 0.99, 0.5, 1, 0]), style: .percent),
            .init("day", .date([CalendarDay(year: 2026, month: 7, day: 1), nil, CalendarDay(year: 2024, month: 1, day: 1), nil, nil, nil])),
            .init("period", .text(["2026-07", "FY2027-Q1", "2026-W27", "2026", "FY2027-YTD", ""])),
            .init("flags", .text(["stockout_risk", "", "excess;stockout_risk", "", "expiry_risk", ""])),
        ], highlights: [.init("flags", .contains("stockout_risk")), .init("quantity", .above(100), tone: .caution)]))
        report.figure(Report.Figure(name: "by_department", description: "Variance", svg: "<svg/>", chart: WorkbookChart(
            kind: .bar, title: "Variance by department", categoryHeader: "Department", categories: ["ICU", "4 West"],
            series: [.init(name: "Variance", values: [5_000, -2_000], favorable: [false, true])], format: .money)))
        return report
    }

    func written(_ report: Report, provenance: RunProvenance? = nil, numbers: NumberStyle = NumberStyle()) throws -> XLSXArchive {
        let folder = TestScratch.path("qm-xlsx").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = try ReportWriter.write(report, name: "test", in: folder, format: .xlsx, numbers: numbers, provenance: provenance)
        #expect(files == ["test.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["test.xlsx"], "no temporary file left beside it")
        return XLSXArchive(path: folder + "/test.xlsx")
    }

    @Test func formulaLookingTextIsTextAndNoCellIsAFormula() throws {
        let book = try written(report())
        let cells = XLSXArchive.cells(try book.sheet("Lines a b x"))
        for (row, text) in Self.descriptions.enumerated() {
            #expect(cells["A\(row + 2)"] == .text(text), "row \(row + 2)")
        }
        for (name, xml) in try book.allParts() {
            #expect(!xml.contains("<f>") && !xml.contains("<f "), "\(name) holds a formula element")
        }
    }

    /// A cell beyond Excel's 32,767 characters is cut, and says so at its end; one at the limit
    /// is whole.
    @Test func aCellBeyondExcelsLimitSaysItWasCut() throws {
        var report = Report(title: "Long", summary: [])
        let long = String(repeating: "é", count: 40_000), atLimit = String(repeating: "a", count: 32_767)
        report.sheet(ReportSheet(name: "Notes", columns: [.init("note", .text([long, atLimit]))]))
        let cells = XLSXArchive.cells(try written(report).sheet("Notes"))
        guard case .text(let cut)? = cells["A2"], case .text(let whole)? = cells["A3"] else {
            Issue.record("\(String(describing: cells["A2"]).prefix(80))"); return
        }
        let length = cut.unicodeScalars.count, startsAsWritten = cut.hasPrefix("éé")
        let ending = String(cut.suffix(90)), isWhole = whole == atLimit
        #expect(length == 32_767 && startsAsWritten)
        #expect(ending.hasSuffix(" [... cut: 40000 characters in all, beyond the 32767 characters an Excel cell holds]"), "\(ending)")
        #expect(isWhole)
    }

    /// `--negatives parentheses` puts every signed figure in parentheses, percentages too: the
    /// workbook showed -6.4% beside the Markdown's (6.4%).
    @Test func parenthesesApplyToEveryNumberFormat() throws {
        let book = try written(report(), numbers: NumberStyle(negatives: .parentheses))
        let formats = Set(try book.numberFormats())
        #expect(formats.isSuperset(of: ["#,##0;(#,##0)", "$#,##0;($#,##0)", "0.0%;(0.0%)"]), "\(formats)")
    }

    @Test func numbersAreTypedWithTheirFormats() throws {
        let book = try written(report())
        let cells = XLSXArchive.cells(try book.sheet("Lines a b x"))
        let formats = try book.numberFormats()
        func number(_ ref: String) -> (Double, String)? {
            guard case .number(let value, let style)? = cells[ref] else { return nil }
            return (value, formats[style])
        }
        #expect(number("B3")! == (2.5, "#,##0"))
        #expect(cells["B4"] == nil, "NaN is an empty cell")
        #expect(number("B6")! == (1_000_000, "#,##0"))
        #expect(number("C2")! == (8, "$#,##0"))
        #expect(number("C6")! == (-12.25, "$#,##0"))
        #expect(number("D2")! == (0.95, "0.0%"))
        // Excel counts days from 1899-12-30: 2024-01-01 is day 45292, 2026-07-01 day 46204.
        #expect(number("E2")! == (46204, "yyyy-mm-dd"))
        #expect(number("E4")! == (45292, "yyyy-mm-dd"))
        #expect(cells["E3"] == nil)
        #expect(cells["F2"] == .text("2026-07"))
        #expect(cells["F3"] == .text("FY2027-Q1"))
        #expect(cells["A1"] == .text("description"))
    }

    @Test func headerFrozenFilteredAndFlagsColoured() throws {
        let book = try written(report())
        let xml = try book.sheet("Lines a b x")
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A1:G7"/>"#))
        #expect(xml.contains(#"<conditionalFormatting sqref="G2:G7"><cfRule type="containsText""#))
        #expect(xml.contains(#"text="stockout_risk""#))
        #expect(xml.contains(#"<conditionalFormatting sqref="B2:B7"><cfRule type="cellIs""#))
        #expect(xml.contains(#"operator="greaterThan"><formula>100</formula>"#))
        // Widths from the content: the description column is wider than the default 8.43.
        #expect(xml.contains(#"<col min="1" max="1" width="#))
    }

    @Test func summaryChartAndAboutSheets() throws {
        let provenance = RunProvenance(pipeline: "p.yml", pipelineSHA256: "abc", version: "0.1.0 (commit 1234)",
                                       inputs: [.init(path: "budget.csv", sha256: "f00d", rows: 42)],
                                       parameters: [.init(stage: "variance", name: "as_of", value: "2026-03")])
        let book = try written(report(), provenance: provenance)
        #expect(try book.sheetNames() == ["Summary", "Lines a b x", "By department", "About"])
        let summary = XLSXArchive.cells(try book.sheet("Summary"))
        #expect(summary["A1"] == .text("Test report"))
        #expect(summary.values.contains(.text("One at risk.")))
        #expect(summary.values.contains(.text("A paragraph after the summary.")))
        #expect(summary.values.contains { if case .number(1234.5, _) = $0 { true } else { false } })
        let chart = try book.part("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barChart>"))
        #expect(chart.contains("'By department'!$B$2:$B$3"))
        #expect(chart.contains("D55E00") && chart.contains("009E73"), "unfavorable and favorable bars coloured")
        // Categories top to bottom as in the sheet, money on the value axis.
        let categoryAxis = try #require(chart.firstMatch(of: /<c:catAx>.*?<\/c:catAx>/)).output
        let valueAxis = try #require(chart.firstMatch(of: /<c:valAx>.*?<\/c:valAx>/)).output
        #expect(categoryAxis.contains(#"<c:orientation val="maxMin"/>"#) && categoryAxis.contains(#"<c:tickLblPos val="low"/>"#))
        #expect(valueAxis.contains(#"formatCode="$#,##0""#) && !valueAxis.contains("maxMin"))
        let about = XLSXArchive.cells(try book.sheet("About"))
        for text in ["p.yml", "abc", "0.1.0 (commit 1234)", "budget.csv", "f00d", "variance / as_of", "2026-03"] {
            #expect(about.values.contains(.text(text)), "About lacks \(text)")
        }
        #expect(about.values.contains { if case .number(42, _) = $0 { true } else { false } })
    }

    /// A money column whose rows the report writes with and without cents ($101 beside $58.00,
    /// cents under $100) shows one format, with cents, on every row.
    @Test func aMoneyColumnKeepsOneFormat() throws {
        var report = Report(title: "Orders", summary: [])
        report.table(["Item", "Cost"], [["A", "$101"], ["B", "$58.00"], ["C", "$1,200"]], alignments: [.left, .right])
        report.table(["Vendor", "Total"], [["X", "$101"], ["Y", "$1,200"]], alignments: [.left, .right])
        let book = try written(report)
        let cells = XLSXArchive.cells(try book.sheet("Summary")), formats = try book.numberFormats()
        func format(of amount: Double) -> [String] {
            cells.values.compactMap { if case .number(amount, let style) = $0, style < formats.count { formats[style] } else { nil } }.sorted()
        }
        #expect(format(of: 58) == ["$#,##0.00##"])
        #expect(format(of: 101) == ["$#,##0", "$#,##0.00##"], "with cents beside $58.00, whole dollars in a column of whole dollars")
        #expect(format(of: 1200) == ["$#,##0", "$#,##0.00##"])
    }

    @Test func sheetNamesAreValidAndUnique() throws {
        var report = Report(title: "Names", summary: [])
        for name in ["Summary", "summary", String(repeating: "x", count: 40), "History", "'quoted'"] {
            report.sheet(ReportSheet(name: name, columns: [.init("a", .number([1]))]))
        }
        let names = try written(report).sheetNames()
        #expect(names == ["Summary", "Summary (2)", "summary (3)", String(repeating: "x", count: 31), "History (2)", "quoted", "About"])
    }
}
