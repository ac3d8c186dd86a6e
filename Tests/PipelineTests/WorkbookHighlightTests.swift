import Foundation
@testable import Pipeline
import Planning
import Reports
import Tabular
import Testing
import TestScratch

/// The planning sheets' colours say what their CSV's flags and signs mean: the Scenarios
/// sheet shades an unfavorable projected variance (not every positive one), the Reorder
/// sheet shades `expiry_waste` as it does `expiry_risk`.
@Suite struct WorkbookHighlightTests {
    func written(_ sheet: ReportSheet) throws -> String {
        let folder = TestScratch.path("qm-xlsx-highlights").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var report = Report(title: "Highlights", summary: [])
        report.sheet(sheet)
        try report.writeWorkbook(to: folder + "/test.xlsx")
        return try XLSXArchive(path: folder + "/test.xlsx").sheet(sheet.name)
    }

    /// One department, an expense line budgeted 100 and projected 60 + 60 = 120 (+20, over
    /// budget: unfavorable) and a revenue line budgeted 1,000 and projected 550 + 550 = 1,100
    /// (+100, above budget: favorable). Rows, sorted: 2 ICU / Revenue +100, 3 ICU / Supplies
    /// +20, 4 ICU / TOTAL +20, 5 ALL / TOTAL +20, 6 ALL / REVENUE +100, 7 ALL / NET +80
    /// (980 against 900). Above zero is shaded on the expense rows 3-5, below zero on the
    /// revenue and net rows 2, 6-7 (`G2:G2 G6:G7`): rows 3-5 are coloured, 2, 6 and 7 are not. One rule
    /// `> 0` over G2:G7 coloured all six.
    @Test func scenariosShadeUnfavorableVariancesByAccountType() throws {
        let projection = ScenarioProjection(lines: [
            .init(department: "ICU", account: "Supplies", accountType: .expense, budgetFY: 100, bookedToDate: 0, remaining: [60, 60]),
            .init(department: "ICU", account: "Revenue", accountType: .revenue, budgetFY: 1_000, bookedToDate: 0, remaining: [550, 550]),
        ], remainingMonths: 2)
        let rows = projection.rows([])
        #expect(rows.map { "\($0.department)/\($0.account) \($0.projectedVariance) \($0.favorable)" } == [
            "ICU/Revenue 100.0 true", "ICU/Supplies 20.0 false", "ICU/TOTAL 20.0 false", "ALL/TOTAL 20.0 false", "ALL/REVENUE 100.0 true", "ALL/NET 80.0 true",
        ])
        let xml = try written(WorkbookSheets.scenarios(VarianceJob.scenarioTable(rows, fiscalYear: 2026), rows: rows))
        #expect(xml.contains(#"<conditionalFormatting sqref="G3:G5"><cfRule type="cellIs""#))
        #expect(xml.contains(#"operator="greaterThan"><formula>0</formula>"#))
        #expect(xml.contains(#"<conditionalFormatting sqref="G2:G2 G6:G7"><cfRule type="cellIs""#))
        #expect(xml.contains(#"operator="lessThan"><formula>0</formula>"#))
        #expect(!xml.contains(#"sqref="G2:G7""#))
    }

    /// reorder.csv's `expiry_waste` lines ("60 units expected to expire before use ($600)")
    /// are shaded as `expiry_risk` lines are: a rule looks for `expiry_waste`. Without it
    /// both lines of a two-item fixture ($800 of expected waste) stayed white.
    @Test func reorderShadesExpiryWaste() throws {
        let table = Table([("item", .text(["0450", "000123", "A-77"])), ("flags", .text(["expiry_waste", "stockout_risk;expiry_waste", ""]))])
        let xml = try written(WorkbookSheets.reorder(table))
        #expect(xml.contains(#"text="expiry_waste""#))
        #expect(xml.contains(#"<formula>NOT(ISERROR(SEARCH("expiry_waste",B2)))</formula>"#))
    }

    /// The Proposal sheet's amount column is money whatever the budget calls it: `Budget USD`
    /// 255,183.98 shows `$255,184` (`$#,##0`); chosen by a header holding "amount", it was a
    /// plain number. The volume beside it stays a number.
    @Test func proposalAmountsAreMoneyWhateverTheirHeader() throws {
        let table = Table([("Cost Center", .text(["ICU"])), ("Budget USD", .number([255_183.98])), ("Stat Amount", .number([1_200]))])
        let sheet = WorkbookSheets.proposal(table, amountColumn: "Budget USD")
        #expect(sheet.columns.map(\.style) == [.text, .money, .number(decimals: 2)])
    }
}
