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

    /// An ERP's PO export (a buyer's review): `PO Number` and `Qty Received` were left out of
    /// the suggested map, so a line exported once per receipt counted twice and every receipt
    /// as full. Every column is now mapped.
    /// A review's leftover: `inspect` showed two-digit years only as samples, so `12/31/69` and
    /// `1/1/70` (a century apart under the fixed pivot) or `JAN66`..`DEC03` (read from 2066 once)
    /// looked fine until the import. The report gives each date column's first and last day as
    /// the import reads them, saying when two-digit years are read as one run; day-first dates
    /// show read day-first; and a long file's span counts the values after the sample.
    @Test func dateColumnsShowTheirSpanAsTheImportReadsIt() throws {
        let workspace = try Workspace()
        func inspect(_ text: String) throws -> ExportInspection {
            try workspace.write("e.csv", text)
            return try ExportInspection(path: workspace.url.appendingPathComponent("e.csv").path, kind: nil)
        }
        #expect(try inspect("date,item,quantity\n12/31/69,A,5\n1/1/70,A,6\n6/1/70,B,3\n").columns[0].dates
                == "1969-12-31 to 1970-06-01 (two-digit years read as one run of years, 1969-1970, as the import reads them)")
        let months = try inspect("date,item,quantity\nJAN66,A,1\nDEC03,A,2\n")
        #expect(months.columns[0].dates == "1966-01 to 2003-12 (two-digit years read as one run of years, 1966-2003, as the import reads them)")
        #expect(months.report.contains("     dates: 1966-01 to 2003-12"))
        #expect(try inspect("date,item,quantity\n01/02/2025,A,5\n25/12/2025,A,6\n").columns[0].dates == "2025-02-01 to 2025-12-25")
        #expect(try inspect("date,item,quantity\n1/5/26,A,5\n3/1/26,A,6\n").columns[0].dates == "2026-01-05 to 2026-03-01")
        var long = "date,item,quantity\n"
        for k in 0..<(ExportInspection.sampleLimit + 500) { long += "\(CalendarDay(year: 2020, month: 1, day: 1)!.adding(days: k)),A,1\n" }
        #expect(try inspect(long).columns[0].dates == "2020-01-01 to \(CalendarDay(year: 2020, month: 1, day: 1)!.adding(days: ExportInspection.sampleLimit + 499))")
        #expect(try inspect("item,quantity\nA,1\n").columns.allSatisfy { $0.dates == nil })
    }

    /// A review of the date spans: a day-first export whose first `25/12/2025` came after the
    /// 1,000-value sample was shown month-first (`mdy`, its span to 2026-03-01, the 25th "not
    /// read"), while the import reads the whole column day-first. Shown as the import reads it;
    /// a later month-first-only date (`12/25/2025`) keeps it month-first, the day-first one
    /// not read.
    @Test func dayFirstEvidencePastTheSampleIsShownAsTheImportReadsIt() throws {
        let workspace = try Workspace()
        func inspect(_ last: String) throws -> ExportInspection.Column {
            var text = "date,item,quantity\n"
            var day = CalendarDay(year: 2025, month: 1, day: 1)!
            for _ in 0..<(ExportInspection.sampleLimit + 100) {
                // Day-first, but only ambiguous days (1st-12th) among the first values.
                if day.components.day <= 12 { text += String(format: "%02d/%02d/%04d,A,1\n", day.components.day, day.components.month, day.components.year) }
                day = day.adding(days: 1)
            }
            text += "\(last),A,1\n"
            try workspace.write("e.csv", text)
            return try ExportInspection(path: workspace.url.appendingPathComponent("e.csv").path, kind: nil).columns[0]
        }
        let late = try inspect("25/12/2025")
        #expect(late.dateFormat == "dmy" && late.share == 1 && late.notRead.isEmpty, "\(late)")
        #expect(late.dates?.hasPrefix("2025-01-01 to ") == true && late.dates?.contains("-13") == false, "\(late.dates ?? "")")
        let mixed = try inspect("12/25/2025")
        #expect(mixed.dateFormat == "mdy" && mixed.share == 1, "\(mixed)")
    }

    /// One export writes its dates one way: a purchase-order export whose receipts all fall on
    /// days up to the 12th was shown with them month-first (`05/02/2026` as 2026-05-02) beside
    /// order dates day-first; the import reads the whole file day-first, and inspect says so.
    /// Order dates day-first and receipts month-first in one file are warned of, as the import
    /// stops on them.
    @Test func theFilesDateOrderIsDecidedFromAllItsDateColumns() throws {
        let workspace = try Workspace()
        try workspace.write("o.csv", "order_date,receipt_date\n25/01/2026,05/02/2026\n20/02/2026,03/03/2026\n")
        let one = try ExportInspection(path: workspace.url.appendingPathComponent("o.csv").path, kind: nil)
        #expect(one.columns[1].dateFormat == "dmy" && one.columns[1].dates == "2026-02-05 to 2026-03-03", "\(one.report)")
        #expect(one.dateOrder?.contains("in 'order_date' and 'receipt_date', the file's one order for its dates, as the import reads them: '25/01/2026' in 'order_date' on line 2 reads only so") == true, "\(one.report)")
        #expect(one.report.contains("date order: slash dates read day-first"))
        try workspace.write("t.csv", "order_date,receipt_date\n25/01/2026,02/05/2026\n02/02/2026,02/13/2026\n")
        let two = try ExportInspection(path: workspace.url.appendingPathComponent("t.csv").path, kind: nil)
        #expect(two.dateOrder == nil)
        #expect(two.warnings.contains { $0.contains("'25/01/2026' in 'order_date' on line 2 reads only day-first (DD/MM/YYYY), while '02/13/2026' in 'receipt_date' on line 3 reads only month-first") }, "\(two.report)")
    }

    /// Round 3 of the review: dashed dates (`01-02-2025`) read month-first by inspect were
    /// suggested as an import stage without `date_format:`, which rejected every row (the import
    /// reads slash dates by itself, not dashed ones). The stage and the flags carry the format.
    @Test func dashedDatesAreSuggestedWithTheirFormat() throws {
        let workspace = try Workspace()
        try workspace.write("d.csv", "date,item,quantity\n01-02-2025,A,1\n03-04-2025,A,2\n12-11-2025,B,3\n")
        let report = try ExportInspection(path: workspace.url.appendingPathComponent("d.csv").path, kind: "usage").report
        #expect(report.contains("    date_format: mdy\n") && report.contains("flags: --date-format mdy"), "\(report)")
        try workspace.write("s.csv", "date,item,quantity\n01/02/2025,A,1\n03/04/2025,A,2\n12/11/2025,B,3\n")
        let slashes = try ExportInspection(path: workspace.url.appendingPathComponent("s.csv").path, kind: "usage").report
        // The suggested stage and flags carry no format; the warning that every date reads
        // either way (`InspectEitherWayDatesTests`) names the one that reads them day-first.
        #expect(!slashes.contains("    date_format:") && !slashes.split(separator: "\n").contains { $0.contains("flags:") && $0.contains("--date-format") }, "\(slashes)")
        #expect(slashes.contains("every slash date in 'date' reads either way"), "\(slashes)")
    }

    @Test func aPurchaseOrderExportMapsItsPOAndReceivedQuantity() throws {
        let workspace = try Workspace()
        try workspace.write("po.csv", """
        PO Number,Item #,Vendor,Order Date,Qty Ordered,Unit Price,Receipt Date,Qty Received
        PO1,A100,Acme,01/05/2026,100,$10.00,01/08/2026,40

        """)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("po.csv").path, kind: "orders")
        #expect(inspection.columnsFlag == "item=\"Item #\",vendor=Vendor,order_date=\"Order Date\",quantity=\"Qty Ordered\",po=\"PO Number\",unit_price=\"Unit Price\",receipt_date=\"Receipt Date\",received_quantity=\"Qty Received\"")
        #expect(inspection.missingRequired.isEmpty)
    }

    /// A timekeeping export with a home and a worked unit, paid and worked hours (a pipeline
    /// author's review): `Hours *` was suggested as an unpivot into units (`Hours Paid` a
    /// unit, paid and worked hours summed: 31.5 for 15.5 worked). The worked unit and the
    /// worked hours are the map, and there is no unpivot.
    @Test func aTimekeepingExportMapsItsWorkedUnitAndWorkedHours() throws {
        let workspace = try Workspace()
        try workspace.write("tk.csv", "Work Date,Home Unit,Worked Unit,Hours Paid,Hours Worked,Job Code,Pay Code\n2024-01-01,ICU,CCU,8,7.5,RN,REG\n2024-01-02,ICU,ICU,8,8,RN,OT\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("tk.csv").path, kind: "timekeeping")
        #expect(inspection.unpivot == nil)
        #expect(inspection.columnsFlag.contains("unit=\"Worked Unit\"") && inspection.columnsFlag.contains("hours=\"Hours Worked\""), "\(inspection.columnsFlag)")
        #expect(inspection.missingRequired.isEmpty)
    }

    /// A pharmacy formulary (the demo's header; a pharmacy buyer's review): `Medication`,
    /// `Package Size` and `Cost per Dose` went unmapped, and the two `Cost ...` columns drew a
    /// meaningless unpivot; followed, the map read packs of 25 as packs of 1.
    @Test func aPharmacyFormularyMapsItsDrugPackAndCostColumns() throws {
        let workspace = try Workspace()
        try workspace.write("formulary.csv", """
        Medication,Therapeutic Class,Supplier,Package Size,Min Order Qty,Cost per Dose,Prior Cost per Dose,Cost Effective,Lead Time Days,Lead Time SD,Shelf Life Days,Criticality,Par Level,Status
        Acetaminophen 1000 mg/100 mL inj,Analgesic,Northstar,24,24,$12.42,$11.99,2025-07-01,1,0.3,730,E,24,Active

        """)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("formulary.csv").path, kind: "items")
        for pair in ["item=Medication", "pack_size=\"Package Size\"", "unit_cost=\"Cost per Dose\"", "prior_unit_cost=\"Prior Cost per Dose\"",
                     "lead_time_sd_days=\"Lead Time SD\"", "category=\"Therapeutic Class\"", "vendor=Supplier"] {
            #expect(inspection.columnsFlag.contains(pair), "\(pair) in \(inspection.columnsFlag)")
        }
        #expect(inspection.unpivot == nil)
        #expect(inspection.missingRequired.isEmpty)
    }

    /// The weekly totals that the import stage `inspection` prints reads, through a pipeline.
    func weeklyTotals(runningTheStageOf inspection: ExportInspection, in workspace: Workspace) throws -> String {
        let stage = try #require(inspection.report.components(separatedBy: "import stage:\n").last)
        try workspace.write("p.yml", "stages:\n" + stage + """
          weekly: {kind: aggregate, input: usage, frequency: week}
          save: {kind: export, input: weekly, file: weekly.csv}

        """)
        _ = try PipelineRunner(quiet: true).run(workspace.path + "/p.yml", output: workspace.path + "/out")
        return try workspace.read("out/weekly.csv")
    }

    /// A pharmacy's daily sales with one column per drug class and its date column named in
    /// Serbian (Kaggle's "Pharma sales data": `datum,M01AB,...`): no column matched a role and
    /// no suggestion was made. The date is found by its values, the rest unpivoted, and the
    /// import stage printed reads the sheet as it is.
    @Test func aDailySheetWithAColumnPerItemGetsItsDateAndAnUnpivot() throws {
        let workspace = try Workspace()
        // 2014-01-06 is a Monday: two whole weeks.
        let days = (6...19).map { "1/\($0)/2014,\($0 % 3),\(10 + $0).5" }
        try workspace.write("sales.csv", (["datum,M01AB,N02BE"] + days).joined(separator: "\n") + "\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("sales.csv").path, kind: "usage")
        #expect(inspection.columnsFlag == "date=datum")
        #expect(inspection.unpivot == ExportInspection.UnpivotSuggestion(columns: "*", namesTo: "item", valuesTo: "quantity"))
        #expect(inspection.missingRequired.isEmpty)
        #expect(try weeklyTotals(runningTheStageOf: inspection, in: workspace) == "series,period,value\nM01AB,2014-W02,6\nM01AB,2014-W03,7\nN02BE,2014-W02,136.5\nN02BE,2014-W03,185.5\n")
        // A long export whose date column the header does not name keeps its item column.
        try workspace.write("long.csv", "Fecha,Artikel,Menge\n1/6/2014,A1,3\n1/7/2014,A1,4\n")
        let long = try ExportInspection(path: workspace.url.appendingPathComponent("long.csv").path, kind: "usage")
        #expect(long.columnsFlag == "date=Fecha" && long.unpivot == nil)
    }

    /// A pharmacy's month-per-column sheet keyed by `Item Code`: inspect left the item unmapped
    /// ("required roles not found: item") and its suggested import failed.
    @Test func aMonthlySheetKeyedByItemCodeMapsItsItem() throws {
        let workspace = try Workspace()
        try workspace.write("sheet.csv", "Item Code,Description,Unit Cost,JUL25,AUG25,SEP25\nRX1,Saline,1.20,5,6,7\nRX2,Heparin,3.10,1,2,3\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("sheet.csv").path, kind: "usage")
        #expect(inspection.missingRequired.isEmpty && inspection.columnsFlag.contains("item=\"Item Code\""), "\(inspection.columnsFlag) \(inspection.missingRequired)")
    }

    /// The same sheet as Kaggle publishes it, with `Year, Month, Hour, Weekday Name` after the
    /// drug classes: inspect suggested nothing, and `*` read the four as drugs (a "Year" of
    /// 2,014 a day). They name parts of the row's date: `*` leaves them out, and says so.
    @Test func aDailySheetsDatePartColumnsAreNotItems() throws {
        let workspace = try Workspace()
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let days = (6...19).map { "1/\($0)/2014,\($0 % 3),\(10 + $0).5,2014,1,248,\(weekdays[($0 - 6) % 7])" }
        try workspace.write("sales.csv", (["datum,M01AB,N02BE,Year,Month,Hour,Weekday Name"] + days).joined(separator: "\n") + "\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("sales.csv").path, kind: "usage")
        #expect(inspection.columnsFlag == "date=datum")
        #expect(inspection.unpivot == ExportInspection.UnpivotSuggestion(columns: "*", namesTo: "item", valuesTo: "quantity"))
        #expect(try weeklyTotals(runningTheStageOf: inspection, in: workspace) == "series,period,value\nM01AB,2014-W02,6\nM01AB,2014-W03,7\nN02BE,2014-W02,136.5\nN02BE,2014-W03,185.5\n")
        let header = ["datum", "M01AB", "N02BE", "Year", "Month", "Hour", "Weekday Name"]
        let every = try Unpivot(columns: ["*"], namesTo: ["item"], valuesTo: "quantity").plan(header: header, mapped: [0], datedRows: true)
        #expect(every.columns == [1, 2] && every.dateParts == [3, 4, 5, 6])
        var summary = ImportSummary(file: "sales.csv")
        summary.dateParts = every.dateParts.map { header[$0] }
        #expect(summary.description.contains("not unpivoted (a part of the date): 'Year', 'Month', 'Hour', 'Weekday Name'"), "\(summary)")
        // Named, the columns are the user's choice: a list that names Year reads it.
        let listed = try Unpivot(columns: ["M01AB", "Year"], namesTo: ["item"], valuesTo: "quantity").plan(header: header, mapped: [0], datedRows: true)
        #expect(listed.columns == [1, 3] && listed.dateParts.isEmpty)
    }

    /// A PBJ file's `WorkDate` (`20230701`) reads as numbers and as days alike: it is a date,
    /// as the import reads it; inspect said it did not read as dates. A national census's five
    /// `totale_*` counters among its measures are no unpivot of units.
    @Test func eightDigitDaysAreDatesAndAFewCountersAreNoUnits() throws {
        let workspace = try Workspace()
        try workspace.write("pbj.csv", "PROVNUM,WorkDate,MDScensus,Hrs_RN,Hrs_CNA\nHV1,20230701,103,72.25,224\nHV1,20230702,106,72.5,255\n")
        let pbj = try ExportInspection(path: workspace.url.appendingPathComponent("pbj.csv").path, kind: "timekeeping")
        #expect(pbj.columns.first { $0.header == "WorkDate" }?.type == "date")
        #expect(!pbj.report.contains("does not read as dates"), "\(pbj.report)")
        try workspace.write("ids.csv", "id,qty\n12345678,3\n87654321,4\n")
        let ids = try ExportInspection(path: workspace.url.appendingPathComponent("ids.csv").path, kind: nil)
        #expect(ids.columns.first?.type == "number")
        let measures = ["ricoverati", "terapia", "isolamento", "dimessi", "deceduti", "tamponi", "totale_ospedalizzati", "totale_positivi", "totale_casi"]
        try workspace.write("census.csv", "data,stato," + measures.joined(separator: ",") + "\n2025-01-06,ITA," + measures.indices.map(String.init).joined(separator: ",") + "\n")
        let census = try ExportInspection(path: workspace.url.appendingPathComponent("census.csv").path, kind: "census")
        #expect(census.unpivot == nil, "\(String(describing: census.unpivot))")
    }

    /// CMS's payroll-based journal: `Hrs_RN_emp`, `Hrs_RN_ctr` beside the `Hrs_RN` totals. The
    /// suggestion read every `Hrs_` header as a unit; it now splits them into job code and pay
    /// type, leaves the totals out, and the import stage it prints reads each hour once.
    @Test func aPayrollBasedJournalIsSplitIntoJobCodeAndPayType() throws {
        let workspace = try Workspace()
        try workspace.write("pbj.csv", """
            PROVNUM,PROVNAME,WorkDate,MDScensus,Hrs_RN,Hrs_RN_emp,Hrs_RN_ctr,Hrs_CNA,Hrs_CNA_emp,Hrs_CNA_ctr
            HV1,Harbor Valley,20230701,103,72.25,64.25,8,224,216,8
            HV1,Harbor Valley,20230702,106,72.5,64.5,8,255,239,16

            """)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("pbj.csv").path, kind: "timekeeping")
        #expect(inspection.columnsFlag == "date=WorkDate,unit=PROVNAME")
        #expect(inspection.unpivot == ExportInspection.UnpivotSuggestion(columns: "Hrs_*_ctr,Hrs_*_emp", namesTo: "job_code,pay_type", valuesTo: "hours",
                                                                         namesPattern: "Hrs_(.*)_(ctr|emp)", payTypes: ["ctr": "agency", "emp": "regular"]))
        let stage = try #require(inspection.report.components(separatedBy: "import stage:\n").last)
        try workspace.write("p.yml", "stages:\n" + stage + "  save: {kind: export, input: timekeeping, file: hours.csv}\n")
        _ = try PipelineRunner(quiet: true).run(workspace.path + "/p.yml", output: workspace.path + "/out")
        let rows = try workspace.read("out/hours.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == 8, "\(rows)")
        #expect(rows.contains("2023-07-01,Harbor Valley,8,RN,agency") && rows.contains("2023-07-02,Harbor Valley,239,CNA,regular"), "\(rows)")
    }

    /// Punch-in and punch-out columns (`In`, `Out`) are the spans staffing --shifts needs.
    @Test func punchInAndOutAreTheSpan() throws {
        let workspace = try Workspace()
        try workspace.write("spans.csv", "Date,Emp ID,Cost Center,Job Code,Pay Code,Hours,In,Out\n1/1/2026,E1,6010 ICU,RN,REG,12,1/1/2026 6:50,1/1/2026 19:25\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("spans.csv").path, kind: "timekeeping")
        #expect(inspection.columnsFlag.hasSuffix("start=In,end=Out"), "\(inspection.columnsFlag)")
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

    // MARK: - Decimal commas

    /// A semicolon export with `3,5` read as text sent quantity to a column the suggested
    /// stage rejected on every row; the column is a number read with a decimal comma, and the
    /// flags and the stage say so.
    @Test func decimalCommasInASemicolonExportAreNumbers() throws {
        let workspace = try Workspace()
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("Date;Item;Qty\r\n01.07.2025;Caf\u{E9};3,5\r\n02.07.2025;B;4,25\r\n".utf8))
        try bytes.write(to: workspace.url.appendingPathComponent("bom_semi.csv"))
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("bom_semi.csv").path, kind: "usage")
        #expect(inspection.decimalComma)
        #expect(inspection.columns[2].type == "number")
        #expect(inspection.columns[2].decimalComma)
        #expect(inspection.columns[2].read == 2)
        let report = inspection.report
        #expect(report.contains("3. Qty: number (decimal comma), 100% of 2 values read; 0 empty"), "\(report)")
        #expect(report.contains("  flags: --decimal-comma\n"), "\(report)")
        #expect(report.contains("    delimiter: ';'\n    decimal: comma\n"), "\(report)")
    }

    /// Grouping points with a decimal comma (`1.234,50`), and `1.000`, which a semicolon file
    /// would otherwise leave ambiguous, all read once the file is read with a decimal comma.
    @Test func groupingPointsWithADecimalCommaRead() throws {
        let workspace = try Workspace()
        try workspace.write("semi.csv", "Datum;Artikel;Menge\n01.07.2025;A;1.234,50\n02.07.2025;A;12,25\n03.07.2025;B;7,0\n04.07.2025;B;1.000\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("semi.csv").path, kind: "usage")
        #expect(inspection.decimalComma)
        #expect(inspection.columns[2].type == "number")
        #expect(inspection.columns[2].read == 4)
        #expect(inspection.report.contains("Menge: number (decimal comma), 100% of 4 values read"), "\(inspection.report)")
        #expect(inspection.report.contains("    decimal: comma\n"))
    }

    /// A quoted `"1,234"` in a comma-separated file reads both ways, so it stays a thousands
    /// separator; and a semicolon file whose other column has decimal points (`2.50`) is not
    /// switched to a decimal comma by one column of `3,5`: the mark is one setting for the
    /// file, so the column reads as text and the map says so.
    @Test func thousandsSeparatorsAndDecimalPointsKeepThePoint() throws {
        let workspace = try Workspace()
        try workspace.write("comma.csv", "date,item,quantity\n2026-01-05,A,\"1,234\"\n2026-01-06,A,\"2,500\"\n")
        let comma = try ExportInspection(path: workspace.url.appendingPathComponent("comma.csv").path, kind: "usage")
        #expect(!comma.decimalComma)
        #expect(comma.columns[2].type == "number")
        #expect(!comma.columns[2].decimalComma)
        #expect(!comma.report.contains("decimal"), "\(comma.report)")

        try workspace.write("mixed.csv", "date;item;quantity;unit_cost\n2026-01-05;A;3,5;2.50\n2026-01-06;A;4,25;1.75\n")
        let mixed = try ExportInspection(path: workspace.url.appendingPathComponent("mixed.csv").path, kind: "usage")
        #expect(!mixed.decimalComma)
        #expect(mixed.columns[2].type == "text")
        #expect(mixed.columns[3].type == "number")
        #expect(mixed.report.contains("  quantity: quantity does not read as numbers (text); the import would reject its rows"), "\(mixed.report)")
        #expect(!mixed.report.contains("decimal: comma"))
    }

    /// A column of `0,750` beside whole numbers and `1,500`: the `1,500` reads both ways, but a
    /// first group of 0 groups nothing, so the column reads with a decimal comma only and the
    /// report suggests it (it read as plain numbers, 0,750 as 750).
    @Test func aZeroBeforeACommaGroupSuggestsTheDecimalComma() throws {
        let workspace = try Workspace()
        try workspace.write("eu.csv", "Datum;Artikel;Menge\n01.03.2026;Morphin 10mg/ml;1,500\n02.03.2026;Morphin 10mg/ml;2,250\n03.03.2026;Morphin 10mg/ml;10\n04.03.2026;Morphin 10mg/ml;0,750\n05.03.2026;Morphin 10mg/ml;3\n")
        let semicolons = try ExportInspection(path: workspace.url.appendingPathComponent("eu.csv").path, kind: "usage")
        #expect(semicolons.decimalComma)
        #expect(semicolons.columns[2].decimalComma && semicolons.columns[2].read == 5)
        #expect(semicolons.report.contains("Menge: number (decimal comma), 100% of 5 values read"), "\(semicolons.report)")
        #expect(semicolons.report.contains("  flags: --decimal-comma\n"), "\(semicolons.report)")
        // Quoted in a comma-separated file, and with a sign.
        try workspace.write("comma.csv", "date,item,quantity\n2026-03-01,A,\"0,750\"\n2026-03-02,A,\"-0,250\"\n2026-03-03,A,\"1,000\"\n")
        let commas = try ExportInspection(path: workspace.url.appendingPathComponent("comma.csv").path, kind: "usage")
        #expect(commas.decimalComma && commas.columns[2].decimalComma, "\(commas.report)")
    }

    // MARK: - The header

    /// Excel's `sep=;` first line: the delimiter is the one it names and the header is line 2,
    /// and the report says so (it read the line as a title to delete).
    @Test func excelsSeparatorLineIsFoundAndNamed() throws {
        let workspace = try Workspace()
        try workspace.write("sep.csv", "sep=;\nDate;Article;Quantit\u{E9};UdM\n31-Mar-26;H\u{E9}parine 5000 UI;5;FL\n30-Mar-26;Fentanyl 50\u{B5}g;2;FL\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("sep.csv").path, kind: "usage")
        #expect(inspection.separatorLine == UInt8(ascii: ";") && inspection.delimiter == UInt8(ascii: ";"))
        #expect(inspection.header == ["Date", "Article", "Quantit\u{E9}", "UdM"])
        #expect(inspection.headerLine == nil && inspection.rows == 2)
        #expect(!inspection.warnings.contains { $0.contains("title") }, "\(inspection.warnings)")
        let report = inspection.report
        #expect(report.contains("delimiter: ';' (from line 1, 'sep=;', Excel's delimiter line; imports read it too, and the header below it)\n"), "\(report)")
        #expect(report.contains("header: Date;Article;Quantit\u{E9};UdM (line 2)\n"), "\(report)")
        #expect(!report.contains("# delete"), "\(report)")
    }

    /// A report title above the header was taken for the header: one column of 5 rows, no
    /// warning. The header is the first line whose fields fit the rows below and are names.
    @Test func titleLinesAboveTheHeaderAreNamed() throws {
        let workspace = try Workspace()
        try workspace.write("title.csv", "Supply Issues Report\nGenerated 2025-08-01 by MMIS\n\ndate,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("title.csv").path, kind: "usage")
        #expect(inspection.header == ["date", "item", "quantity"])
        #expect(inspection.headerLine == 4)
        #expect(inspection.rows == 3)
        #expect(inspection.columns.map(\.type) == ["date", "text", "number"])
        #expect(inspection.missingRequired.isEmpty)
        #expect(inspection.warnings.count == 1)
        let warning = try #require(inspection.warnings.first)
        #expect(warning.contains("lines 1-3 look like a title, not the header: the header seems to be on line 4 (date,item,quantity)"), "\(warning)")
        #expect(warning.contains("Delete lines 1-3 before importing"), "\(warning)")
        #expect(warning.contains("no option to skip lines"), "\(warning)")
        let report = inspection.report
        #expect(report.contains("header: date,item,quantity (line 4)\n"), "\(report)")
        #expect(report.contains("    # delete the 3 lines above the header (line 4) first\n"), "\(report)")
    }

    /// A title Excel saved padded with commas is as wide as the header: it was taken for the
    /// header and no warning said otherwise, while the import then failed naming the title. A
    /// header whose last name is empty stays the header.
    @Test func aTitlePaddedWithCommasIsNamed() throws {
        let workspace = try Workspace()
        try workspace.write("gl.csv", "GL Actuals Report - FY2026,,,\nDepartment,Account,Period,Amount\nICU,5010 Salaries,2025-07,52000\nICU,7010 Rent,2025-07,10000\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("gl.csv").path, kind: "actuals")
        #expect(inspection.headerLine == 2 && inspection.header == ["Department", "Account", "Period", "Amount"], "\(inspection.header)")
        try workspace.write("blank.csv", "item,quantity,\nA,3,\nB,4,\n")
        #expect(try ExportInspection(path: workspace.url.appendingPathComponent("blank.csv").path).headerLine == nil)
    }

    /// Rows wider than the header are named (the import rejects them), and an export that
    /// drops trailing empty fields is not taken for a title: its rows are narrower.
    @Test func rowsWiderOrNarrowerThanTheHeaderAreCounted() throws {
        let workspace = try Workspace()
        try workspace.write("wide.csv", "date,item,description,quantity\n2026-01-05,A,Gauze,2\n2026-01-06,B,Gauze, 4x4,3\n2026-01-07,A,Tape,1\n")
        let wide = try ExportInspection(path: workspace.url.appendingPathComponent("wide.csv").path)
        #expect(wide.headerLine == nil)
        #expect(wide.warnings == ["1 of 3 rows has more fields than the header's 4 fields (the first on line 3): a value may hold an unquoted delimiter, or the header is not on the first line; the import rejects such rows"])

        try workspace.write("short.csv", "item,description,uom,unit_cost\nA100,Gauze,Box\nB200,Tape,Roll\nC300,Gloves,Box,2.5\n")
        let short = try ExportInspection(path: workspace.url.appendingPathComponent("short.csv").path)
        #expect(short.headerLine == nil)
        #expect(short.header == ["item", "description", "uom", "unit_cost"])
        #expect(short.warnings.count == 1)
        #expect(short.warnings.first?.hasPrefix("2 of 3 rows have fewer fields than the header's 4 fields (the first on line 2)") == true, "\(short.warnings)")
    }

    /// An all-text export whose header is one field short: no row is more of a header than
    /// the first line, so it stays the header and the wider rows are counted.
    @Test func aHeaderOneFieldShortOfAllTextRowsStaysTheHeader() throws {
        let workspace = try Workspace()
        try workspace.write("items.csv", "item,description,uom\nA100,Gauze,Box,Central\nB200,Tape,Roll,Central\nC300,Gloves,Box,ICU\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("items.csv").path)
        #expect(inspection.headerLine == nil)
        #expect(inspection.header == ["item", "description", "uom"])
        #expect(inspection.rows == 3)
        #expect(inspection.warnings.first?.hasPrefix("3 of 3 rows have more fields than the header's 3 fields (the first on line 2)") == true, "\(inspection.warnings)")
    }

    // MARK: - Values not read

    /// A totals row made the date column text without naming the value (3 of 4 dates); the
    /// column is a date column with the share read and the value named with its line.
    @Test func aTotalsRowIsNamedUnderTheDateColumn() throws {
        let workspace = try Workspace()
        try workspace.write("totals.csv", "date,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\nTotal,,60\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("totals.csv").path, kind: "usage")
        let date = inspection.columns[0]
        #expect(date.type == "date")
        #expect(date.dateFormat == "iso")
        #expect(date.read == 3 && date.examined == 4)
        #expect(date.notRead == [ExportInspection.Sample(text: "Total", line: 5)])
        #expect(inspection.totalsLine == 5)
        let report = inspection.report
        #expect(report.contains("1. date: date (iso), 3 of 4 values read; 0 empty"), "\(report)")
        #expect(report.contains("     not read: 'Total' (line 5, the totals row)\n"), "\(report)")
        #expect(report.contains("warning: line 5, the last row, looks like a totals row (Total,,60): delete it before importing"), "\(report)")
    }

    /// A last row that says Gesamt is a totals row too; a bad date on the last row of a row
    /// that names its item is named under the column but not called a totals row.
    @Test func aTotalWordMakesATotalsRowAndABadDateDoesNot() throws {
        let workspace = try Workspace()
        try workspace.write("gesamt.csv", "date,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\nGesamt,,60\n")
        let gesamt = try ExportInspection(path: workspace.url.appendingPathComponent("gesamt.csv").path)
        #expect(gesamt.totalsLine == 5)
        try workspace.write("typo.csv", "date,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\nbad date,B,5\n")
        let typo = try ExportInspection(path: workspace.url.appendingPathComponent("typo.csv").path)
        #expect(typo.totalsLine == nil)
        #expect(typo.warnings.isEmpty)
        #expect(typo.report.contains("     not read: 'bad date' (line 5)\n"), "\(typo.report)")
    }

    /// With more rows than the sample, every row is read, the last too (a totals row sits
    /// there), and a share short of all is given as counts: 1,200 of 1,201 is no "100%".
    @Test func aTotalsRowBeyondTheSampleIsNamed() throws {
        let workspace = try Workspace()
        var text = "date,item,quantity\n"
        for day in 0..<1_200 { text += "2025-01-01,A,\(day)\n" }
        text += "Grand Total,,1500\n"
        try workspace.write("long.csv", text)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("long.csv").path)
        let date = inspection.columns[0]
        #expect(date.examined == 1_201)
        #expect(date.notRead == [ExportInspection.Sample(text: "Grand Total", line: 1_202)])
        #expect(inspection.totalsLine == 1_202)
        #expect(inspection.report.contains("date: date (iso), 1200 of 1201 values read"), "\(inspection.report)")
    }

    /// Findings 6 of the history review and 5 of the contract audit: only a column's first
    /// 1,000 values (and the last row's) were typed, and shown as "100% of 1001 values read";
    /// an `N/A` on line 1,502 of 3,001 and 300 day-first dates from line 1,202 on were missed,
    /// and the import then rejected the rows. Every value is read now, and those that do not
    /// read are named with their lines, also under the role they are mapped to.
    @Test func valuesBeyondTheSampleAreReadToo() throws {
        let workspace = try Workspace()
        var text = "date,item,quantity\n"
        for row in 0..<3_000 {
            // Lines 2-1201 ISO dates, from line 1202 on day-first dates past the 12th.
            let date = row < 1_200 ? "2024-01-\(10 + row % 18)" : "\(13 + row % 15)/10/2024"
            text += "\(date),I\(row % 4),\(row == 1_500 ? "N/A" : String(row % 9))\n"
        }
        try workspace.write("late.csv", text)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("late.csv").path, kind: "usage")
        #expect(inspection.rows == 3_000)
        let date = inspection.columns[0], quantity = inspection.columns[2]
        #expect(date.type == "date" && date.dateFormat == "iso")
        #expect(date.examined == 3_000 && date.read == 1_200)
        #expect(date.notRead.first == ExportInspection.Sample(text: "13/10/2024", line: 1_202))
        #expect(quantity.type == "number" && quantity.examined == 3_000 && quantity.read == 2_999)
        #expect(quantity.notRead == [ExportInspection.Sample(text: "N/A", line: 1_502)])
        let report = inspection.report
        #expect(report.contains("quantity: number, 2999 of 3000 values read"), "\(report)")
        #expect(report.contains("not read: 'N/A' (line 1502)"), "\(report)")
        #expect(report.contains("and 1797 more"), "\(report)")
        #expect(!report.contains("100% of 1001"), "\(report)")
        #expect(report.contains("  quantity: 1 value of quantity, 'N/A' on line 1502, does not read as a number"), "\(report)")
        #expect(report.contains("  date: 1800 values of date do not read as dates (iso), the first '13/10/2024' on line 1202"), "\(report)")
    }

    /// Whether a month-first date column looks written day-first (one day of every month,
    /// `10/MM/YYYY`, read as October 1-12) is decided over every date, not the first 1,000:
    /// the same days in a second year, past the sample, make the look; a 13th there rules it out.
    @Test func theDayFirstLookSeesEveryDate() throws {
        let workspace = try Workspace()
        func file(laterDate: String) -> String {
            var text = "date,item,quantity\n"
            for row in 0..<1_200 { text += "10/\(1 + (row / 100) % 12)/2020,I\(row % 100),1\n" }
            return text + "\(laterDate),I1,1\n10/12/2020,I1,1\n"
        }
        try workspace.write("look.csv", file(laterDate: "10/05/2021"))
        let look = try ExportInspection(path: workspace.url.appendingPathComponent("look.csv").path)
        #expect(look.columns[0].dayFirstLook != nil, "\(look.report)")
        try workspace.write("ruled.csv", file(laterDate: "10/13/2021"))
        let ruled = try ExportInspection(path: workspace.url.appendingPathComponent("ruled.csv").path)
        #expect(ruled.columns[0].dayFirstLook == nil, "\(ruled.report)")
        #expect(ruled.columns[0].read == 1_202)
    }

    /// The demo's export holds a blank line and a repeated header (a report's page break);
    /// the import skips both, while inspect counted the header among the data rows. Both
    /// are named with their lines, not counted as rows, and the header's words are not
    /// named as values that do not read.
    @Test func blankLinesAndARepeatedHeaderAreNamed() throws {
        let workspace = try Workspace()
        var text = "date,item,quantity\n"
        for row in 0..<1_500 {
            if row == 1_200 { text += "\n,,\ndate,item,quantity\n" }
            text += "2024-02-\(10 + row % 18),I\(row % 4),\(row % 9)\n"
        }
        try workspace.write("paged.csv", text)
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("paged.csv").path)
        #expect(inspection.rows == 1_500)
        #expect(inspection.blankLines == 2 && inspection.firstBlank == 1_202)
        #expect(inspection.repeatedHeaders == 1 && inspection.firstRepeatedHeader == 1_204)
        #expect(inspection.columns[2].examined == 1_500 && inspection.columns[2].read == 1_500)
        #expect(inspection.report.contains("rows: 1500 data rows; the import skips 2 blank lines (the first on line 1202) and 1 repeated header row (line 1204)"), "\(inspection.report)")
    }

    /// Numbers the same way: a column most of whose values read as numbers is a number
    /// column, with the values that do not read named (the first 3, then how many more).
    @Test func numbersNotReadAreNamedToo() throws {
        let workspace = try Workspace()
        try workspace.write("n.csv", "date,item,quantity\n2026-01-05,A,2\n2026-01-06,A,n/a\n2026-01-07,A,3\n2026-01-08,A,?\n2026-01-09,A,4\n2026-01-10,A,5\n2026-01-11,A,-\n2026-01-12,A,x\n2026-01-13,A,6\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("n.csv").path, kind: "usage")
        let quantity = inspection.columns[2]
        #expect(quantity.type == "number")
        #expect(quantity.read == 5 && quantity.examined == 9)
        #expect(inspection.totalsLine == nil)
        #expect(inspection.warnings.isEmpty)
        #expect(inspection.report.contains("quantity: number, 5 of 9 values read; 0 empty"), "\(inspection.report)")
        #expect(inspection.report.contains("     not read: 'n/a' (line 3), '?' (line 5), '-' (line 8) and 1 more\n"), "\(inspection.report)")
    }

    @Test func anUnknownKindIsAUsageErrorAndAMissingFileAnInputError() throws {
        #expect(throws: UsageError.self) { try ExportInspection(path: "nowhere.csv", kind: "stock") }
        let error = #expect(throws: InputError.self) { try ExportInspection(path: "nowhere.csv") }
        #expect(error?.file == "nowhere.csv")
    }
}
