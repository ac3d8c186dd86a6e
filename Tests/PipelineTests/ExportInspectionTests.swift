import Foundation
import Testing
import Tabular
@testable import Pipeline

/// `quartermaster inspect` (issue 17): the inspection behind the command, without the CLI.
@Suite struct ExportInspectionTests {
    @Test func aUsageExportWithUSDatesAndThousandsSeparators() throws {
        let workspace = try Workspace()
        try workspace.write("export.csv", """
        Trans Date,Item #,Description,Qty Issued,Dept,Unit Cost
        1/5/2026,A100,"Gauze, 4x4","1,234",Surgery,2.50
        1/6/2026,B200,Tape,12,,1
        1/17/2026,A100,"Gauze, 4x4",3,ICU,2.5

        """)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("export.csv").path, kind: "usage")
        #expect(inspection.rows == 3)
        #expect(inspection.header == ["Trans Date", "Item #", "Description", "Qty Issued", "Dept", "Unit Cost"])
        let types = inspection.columns.map(\.type)
        #expect(types == ["date", "text", "text", "number", "text", "number"])
        #expect(inspection.columns[0].dateFormat == "mdy")
        #expect(inspection.columns[0].share == 1)
        #expect(inspection.columns[3].samples == ["1,234", "12", "3"])
        #expect(inspection.columns[4].emptyCells == 1)
        #expect(inspection.columnsFlag == "date=\"Trans Date\",item=\"Item #\",quantity=\"Qty Issued\",department=Dept,unit_cost=\"Unit Cost\"")
        #expect(inspection.missingRequired.isEmpty)
        #expect(inspection.unpivot == nil)
        let report = inspection.report
        #expect(report.contains("encoding: UTF-8"))
        #expect(report.contains("delimiter: ','"))
        #expect(report.contains("rows: 3 data rows"))
        #expect(report.contains("Trans Date: date (mdy), 100% of 3 values read; 0 empty"))
        #expect(report.contains("--columns 'date=\"Trans Date\",item=\"Item #\""))
        #expect(report.contains("    kind: import\n    table: usage\n"))
    }

    @Test func aMonthPerColumnSheetGetsAnUnpivotSuggestion() throws {
        let workspace = try Workspace()
        try workspace.write("wide.csv", "Item,Description,JAN96,FEB96,MAR96\nA100,Gauze,5,,7\nB200,Tape,1,2,3\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("wide.csv").path, kind: "usage")
        #expect(inspection.columnsFlag == "item=Item")
        #expect(inspection.unpivot == ExportInspection.UnpivotSuggestion(columns: "JAN96,FEB96,MAR96", namesTo: "date", valuesTo: "quantity"))
        #expect(inspection.missingRequired.isEmpty)
        let report = inspection.report
        #expect(report.contains("    unpivot:\n      columns: [JAN96, FEB96, MAR96]\n      names_to: date\n      values_to: quantity\n"))
        #expect(report.contains("--unpivot 'JAN96,FEB96,MAR96' --names-to date --values-to quantity"))
    }

    /// Months written YYYYMM read only under that format; the suggestion names it, so the
    /// flags it prints read the sheet (without it the run stops at the first header).
    @Test func yearMonthHeadersGetTheirDateFormat() throws {
        let workspace = try Workspace()
        try workspace.write("wide.csv", "Item,Description,202401,202402,202403\nA1,Gloves,10,12,11\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("wide.csv").path, kind: "usage")
        #expect(inspection.unpivot == ExportInspection.UnpivotSuggestion(columns: "202401,202402,202403", namesTo: "date", valuesTo: "quantity", dateFormat: "YYYYMM"))
        #expect(inspection.missingRequired.isEmpty)
        let report = inspection.report
        #expect(report.contains("--unpivot '202401,202402,202403' --names-to date --values-to quantity --date-format YYYYMM"), "\(report)")
        #expect(report.contains("    date_format: YYYYMM\n"), "\(report)")
    }

    @Test func monthHeadersWithACommonPrefixGetAGlob() throws {
        let workspace = try Workspace()
        try workspace.write("wide.csv", "Item,2026-01,2026-02,2026-03\nA100,5,,7\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("wide.csv").path, kind: "usage")
        #expect(inspection.unpivot?.columns == "2026-*")
    }

    @Test func missingRequiredRolesAreListed() throws {
        let workspace = try Workspace()
        try workspace.write("stock.csv", "SKU;Bin\nA100;B1\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("stock.csv").path, kind: "inventory")
        #expect(inspection.delimiter == UInt8(ascii: ";"))
        #expect(inspection.missingRequired == ["on_hand"])
        #expect(inspection.report.contains("required roles not found: on_hand"))
    }

    @Test func aWindows1252FileSaysHowItWasRead() throws {
        let workspace = try Workspace()
        var bytes = Data("date,item,quantity\n2026-01-05,Gauze 4".utf8)
        bytes.append(contentsOf: [0x96])
        bytes.append(Data("4 ".utf8))
        bytes.append(contentsOf: [0xA3])
        bytes.append(Data("2,3\n".utf8))
        try bytes.write(to: workspace.url.appendingPathComponent("cp.csv"))
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("cp.csv").path)
        #expect(inspection.report.contains("encoding: Windows-1252 (read as Windows-1252: not valid UTF-8)"))
        #expect(inspection.columns[1].samples == ["Gauze 4\u{2013}4 \u{A3}2"])
    }

    @Test func anUnknownKindIsAUsageErrorAndAMissingFileAnInputError() throws {
        #expect(throws: UsageError.self) { try ExportInspection(path: "nowhere.csv", kind: "stock") }
        let error = #expect(throws: InputError.self) { try ExportInspection(path: "nowhere.csv") }
        #expect(error?.file == "nowhere.csv")
    }
}
