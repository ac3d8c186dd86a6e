import Foundation
import Testing
@testable import Pipeline
import Reports
import Tabular

/// Planning stages run with `formats: [md, xlsx]` and their workbooks read back: the sheet
/// holds the CSV's values as numbers, formula-looking descriptions stay text, the budget
/// variance chart is a native chart, and the About sheet names the inputs.
@Suite struct WorkbookStageTests {
    /// `pipeline` with a `formats:` line in front.
    func withFormats(_ ws: Workspace, _ formats: String) throws {
        try ws.write("p.yml", "formats: \(formats)\n" + (try ws.read("p.yml")))
    }

    /// A CSV without quoted fields, by row, as text.
    func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func budgetVarianceWorkbookMatchesTheCSVAndHasANativeChart() throws {
        let ws = try VarianceStageTests().workspace()
        try withFormats(ws, "[md, xlsx]")
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        #expect(ws.exists("out/budget_variance.md") && ws.exists("out/budget_variance_by_department.svg"))
        #expect(result.manifest.outputs.contains("budget_variance.xlsx"))
        let book = XLSXArchive(path: ws.path + "/out/budget_variance.xlsx")
        // The chart's sheet says it holds the year to date (it was "By department").
        #expect(try book.sheetNames() == ["Summary", "Variance", "YTD variance by department", "About"])
        #expect(try book.entries().contains("xl/charts/chart1.xml"))
        let csv = csvRows(try ws.read("out/budget_variance.csv"))
        let cells = XLSXArchive.cells(try book.sheet("Variance"))
        var numbers = 0, flags = 0
        for (r, row) in csv.enumerated() {
            for (c, field) in row.enumerated() {
                let ref = XLSXArchive.column(c) + String(r + 1)
                if r > 0, let value = Double(field) {
                    guard case .number(let written, _)? = cells[ref] else {
                        Issue.record("\(ref) (\(csv[0][c])) should be the number \(field), is \(String(describing: cells[ref]))")
                        continue
                    }
                    #expect(written == value, "\(ref) \(csv[0][c])")
                    numbers += 1
                } else if field.isEmpty {
                    #expect(cells[ref] == nil, "\(ref)")
                } else if r > 0 && csv[0][c] == "favorable" {
                    // TRUE and FALSE cells, which Excel's filters and COUNTIF(range, TRUE) count
                    // (the text "true" they did not).
                    #expect(cells[ref] == .boolean(field == "true"), "\(ref) \(field): \(String(describing: cells[ref]))")
                    flags += 1
                } else {
                    #expect(cells[ref] == .text(field), "\(ref)")
                }
            }
        }
        #expect(numbers > 100 && flags > 10, "\(numbers) numbers, \(flags) flags")
        let sheet = try book.sheet("Variance")
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains("<autoFilter ref=\"A1:\(XLSXArchive.column(csv[0].count - 1))\(csv.count)\"/>"))
        #expect(sheet.contains("<formula>\"unfavorable\"</formula>"))
        // The favorable column's FALSE cells are highlighted by the boolean, not the text
        // "false", which no boolean cell equals (a review found the highlight gone).
        #expect(sheet.contains("<formula>FALSE</formula>") && !sheet.contains("<formula>\"false\"</formula>"), "\(sheet.prefix(3000))")
        // The About sheet: the inputs this report read, with the checksums manifest.json has.
        let about = XLSXArchive.cells(try book.sheet("About"))
        #expect(about.values.contains(.text(ws.path + "/budget.csv")))
        #expect(about.values.contains(.text(try SHA256.hexDigest(ofFile: ws.path + "/budget.csv"))))
        #expect(about.values.contains(.text("variance / as_of")))
        let index = try ws.read("out/index.md")
        #expect(index.contains("(budget_variance.md)") && index.contains("(budget_variance.xlsx)"))
        #expect(!index.contains(ws.path + "/out"), "index.md names the output folder's path")
    }

    /// A reviewer's finding: the Summary sheet's tables stored the report's rounded text as
    /// numbers (a reorder's costs summed to $20,091.80 against $20,092.21 in reorder.csv). The
    /// quarter table's cells hold budget_variance.csv's values, formatted as money as the
    /// report shows them (whole dollars, cents under $100).
    @Test func theSummarysQuarterTableHoldsTheCSVsValues() throws {
        let ws = try VarianceStageTests().workspace()
        try withFormats(ws, "[xlsx]")
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let csv = csvRows(try ws.read("out/budget_variance.csv"))
        let header = csv[0]
        let totals = csv.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }.filter { $0["account"] == "TOTAL" && $0["period"]!.contains("-Q") }
        let book = XLSXArchive(path: ws.path + "/out/budget_variance.xlsx")
        let cells = XLSXArchive.cells(try book.sheet("Summary")), formats = try book.numberFormats()
        var compared = 0, fractional = 0
        for total in totals {
            let row = try #require(cells.first { $0.value == .text(total["period"]!) && cells["A" + $0.key.dropFirst()] == .text(total["department"]!) }?.key.dropFirst(),
                                   "no Summary row for \(total["department"]!) \(total["period"]!)")
            for (column, field) in [("D", "budget"), ("E", total["basis"] == "forecast" ? "forecast" : "actual"), ("F", "variance"), ("H", "volume_variance"), ("I", "rate_variance")] {
                guard let value = Double(total[field] ?? "") else { continue }
                guard case .number(let written, let style)? = cells[column + row], style < formats.count else {
                    Issue.record("\(column)\(row) (\(field)) is not a number: \(String(describing: cells[column + row]))"); continue
                }
                #expect(written == value && formats[style].hasPrefix("$#,##0"), "\(column)\(row) \(field): \(written), \(formats[style]) against \(value)")
                compared += 1
                if value != value.rounded() { fractional += 1 }
            }
        }
        #expect(compared > 20 && fractional > 0, "\(compared) cells, \(fractional) with cents")
    }

    @Test func reorderWorkbookKeepsFormulaLookingDescriptionsAsText() throws {
        let ws = try ReorderStageTests().workspace()
        let descriptions = ["GLV": "=1+1", "OLD": "@SUM(A1)", "SAL": "+A1", "IMP": "-1+2"]
        var items = try ws.read("items.csv")
        for (item, description) in descriptions {
            let original = ["GLV": "Gloves nitrile M", "OLD": "Old dressing", "SAL": "Saline 10 mL", "IMP": "Hip implant"][item]!
            items = items.replacingOccurrences(of: "\(item),\(original),", with: "\(item),\(description),")
        }
        try ws.write("items.csv", items)
        try withFormats(ws, "[xlsx]")
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        #expect(!ws.exists("out/reorder.md"), "only the workbook was asked for")
        #expect(try ws.read("out/index.md").contains("(reorder.xlsx)"), "the index is Markdown and links the workbook")
        let book = XLSXArchive(path: ws.path + "/out/reorder.xlsx")
        for (name, xml) in try book.allParts() {
            #expect(!xml.contains("<f>") && !xml.contains("<f "), "\(name) holds a formula element")
        }
        let table = try Table.read(ws.path + "/out/reorder.csv")
        let cells = XLSXArchive.cells(try book.sheet("Reorder"))
        let items_ = try #require(table.texts("item"))
        #expect(items_.count == 4)
        for (row, item) in items_.enumerated() {
            #expect(cells["A\(row + 2)"] == .text(item))
            #expect(cells["B\(row + 2)"] == .text(descriptions[item]!), "description of \(item) as written, not neutralised or evaluated")
            for (index, name) in table.names.enumerated() {
                guard let value = table.numbers(name)?[row], value.isFinite, ["on_hand", "order_qty", "unit_cost", "order_cost", "safety_stock"].contains(name) else { continue }
                guard case .number(let written, _)? = cells[XLSXArchive.column(index) + String(row + 2)] else {
                    Issue.record("\(name) of \(item) is not a number cell")
                    continue
                }
                #expect(written == value, "\(name) of \(item)")
            }
        }
        let sheet = try book.sheet("Reorder")
        #expect(sheet.contains(#"text="stockout_risk""#), "stockout risk is a conditional format")
    }

    @Test func pipelineFormatsAreCheckedWithTheirLine() throws {
        let ws = try Workspace()
        try ws.write("p.yml", "formats: [md, xls]\n" + Workspace.goodPipeline)
        #expect {
            _ = try PipelineRunner(quiet: true).validate(ws.path + "/p.yml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("p.yml:1:") && text.contains("'xls' is not a report format") && text.contains("md, html, xlsx")
        }
        try ws.write("q.yml", "format: html\n" + Workspace.goodPipeline)
        #expect(try PipelineRunner(quiet: true).validate(ws.path + "/q.yml").spec.formats == [.html])
    }
}
