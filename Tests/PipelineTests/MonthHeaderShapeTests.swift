import Testing
@testable import Pipeline
import Tabular

/// A review's Spanish month-per-column sheet: headers the import did not read as months
/// (`ene-26`, `abr-26`, `ago-26`, `dic-26`) were listed beside the description as "header does
/// not fit", easy to miss, and two months vanished. Spanish months now read
/// (`ForeignMonthNamesTests`); a header written like the months around it that names none
/// (`xyz-26` between `feb-26` and `mar-26`) stops the import naming it.
@Suite struct MonthHeaderShapeTests {
    static func plan(_ header: [String], months: Bool = true) throws -> Unpivot.Plan {
        let dates = DateParser()
        return try Unpivot(columns: ["*"], namesTo: ["date"], valuesTo: "quantity")
            .plan(header: header, mapped: [0], fits: { dates.parse($0[0]) != nil }, monthLike: { dates.monthLikeFailure($0) }, months: months)
    }

    @Test func aHeaderWrittenLikeTheMonthsAroundItIsAMonthLost() throws {
        var message = ""
        do {
            _ = try Self.plan(["Código", "Descripción", "feb-26", "xyz-26", "mar-26"])
        } catch let problem as Unpivot.Problem {
            message = problem.message
        }
        #expect(message == "header 'xyz-26' looks like a month but does not read as one ('feb-26' and 1 more did): it is written like the month headers around it but names no month the import knows (month names and their abbreviations in English, Spanish, French, German, Italian, Portuguese and Dutch, such as Jan, ene, janv., Mär or dic); correct or rename it in the export; or list the unpivot columns to leave it out")
    }

    /// The Spanish sheet's twelve months are all read, and only the description is left out;
    /// a header after the last month (`FY-26`, a year's total) or for items (`months` false)
    /// is left out as before.
    @Test func spanishMonthsAreReadAndTheDescriptionLeftOut() throws {
        let spanish = ["Código", "Descripción"] + ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"].map { $0 + "-26" }
        let plan = try Self.plan(spanish)
        #expect(plan.columns == Array(2...13))
        #expect(plan.leftOut == [1])
        #expect(try Self.plan(["Código", "feb-26", "mar-26", "FY-26"]).leftOut == [3])
        #expect(try Self.plan(["Código", "feb-26", "xyz-26", "mar-26"], months: false).leftOut == [2])
    }

    /// `inspect` warns of it too, before an import stops on it.
    @Test func inspectWarnsOfAHeaderWrittenLikeTheMonths() throws {
        let workspace = try Workspace()
        try workspace.write("w.csv", "Item,Description,feb-26,xyz-26,mar-26\nA,Gauze,10,10,10\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("w.csv").path, kind: "usage")
        #expect(inspection.warnings.contains("'xyz-26' is written like the month headers around it but names no month the import knows (month names and their abbreviations in English, Spanish, French, German, Italian, Portuguese and Dutch): correct or rename it in the export, or the import stops on it"), "\(inspection.report)")
    }

    /// Item columns that happen to read as months (`SET-01`, `SET-03`: Italian and Portuguese
    /// for September 2001 and 2003) are no run of months: 2 of the 4 headers shaped so, two
    /// years apart. `inspect` warned the import would stop on `KIT-02` and gave no unpivot;
    /// it suggests one column per item, as for `PUMP-01, KIT-02, BAG-03`.
    @Test func itemCodesThatReadAsMonthsAreNoMonths() throws {
        let workspace = try Workspace()
        try workspace.write("s.csv", "date,SET-01,KIT-02,SET-03,TRAY-04\n2026-01-05,3,2,1,4\n2026-01-06,1,1,1,1\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("s.csv").path, kind: "usage")
        #expect(!inspection.warnings.contains { $0.contains("KIT-02") }, "\(inspection.report)")
        #expect(inspection.unpivot?.columns == "*" && inspection.unpivot?.namesTo == "item", "\(inspection.report)")
        #expect(MonthHeaderRun.isPlausible(["feb-26", "mar-26"], among: ["Description", "feb-26", "xyz-26", "mar-26"]))
        #expect(!MonthHeaderRun.isPlausible(["SET-01", "SET-03"], among: ["SET-01", "KIT-02", "SET-03"]))
    }
}
