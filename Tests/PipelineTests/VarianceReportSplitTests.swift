import Foundation
import Testing
@testable import Pipeline
import Reports

/// A department TOTAL's flexed budget and volume / rate split, in budget_variance.csv and in
/// the report's quarter table: a reviewer found the ED total of a forecast quarter blank in the
/// CSV (one of its lines, a one-off projected at $0, had no split) while the report showed
/// $31,189 of volume and -$1,227 of rate summed from the lines. The two must say the same.
@Suite struct VarianceReportSplitTests {
    /// ED (variable lines, a volume every month): Supplies at $50 a patient day, and Agency
    /// posted once in 2024-12 and $0 in every other month, a one-off. Lab has no volumes, so
    /// its forecast months are projected from its amounts and cannot be flexed.
    func workspace() throws -> Workspace {
        let ws = try Workspace()
        var budget = "Dept,Account,Period,Amount,Stat\n"
        var actuals = "Dept,Account,Period,Amount,Stat\n"
        for index in 0..<21 {
            let year = 2024 + (index + 6) / 12, month = (index + 6) % 12 + 1
            let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
            let days = 1_000 + 15 * (index % 4)
            if index >= 12 {
                budget += "ED,Supplies,\(period),50000,1000\nED,Agency,\(period),1200,1000\nLab,Reagents,\(period),10000,\n"
            }
            actuals += "ED,Supplies,\(period),\(50 * days),\(days)\n"
            actuals += "ED,Agency,\(period),\(period == "2024-12" ? 1_224 : 0),\(days)\n"
            actuals += "Lab,Reagents,\(period),\(10_000 + 100 * (index % 3)),\n"
        }
        for index in 21..<24 {
            let period = "2026-0\(index - 17)"
            budget += "ED,Supplies,\(period),50000,1000\nED,Agency,\(period),1200,1000\nLab,Reagents,\(period),10000,\n"
        }
        try ws.write("budget.csv", budget)
        try ws.write("actuals.csv", actuals)
        try ws.write("p.yml", """
        calendar: {fiscal_year_start: 7}
        stages:
          budget:
            kind: import
            table: budget
            file: budget.csv
            columns: {department: Dept, account: Account, period: Period, amount: Amount, volume: Stat}
          actuals:
            kind: import
            table: actuals
            file: actuals.csv
            columns: {department: Dept, account: Account, period: Period, amount: Amount, volume: Stat}
          variance: {kind: variance, budget: budget, actuals: actuals, as_of: "2026-03"}
        """)
        return ws
    }

    func csvRows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// The quarter table's cells for a department and quarter in the Markdown report.
    func quarterCells(_ md: String, _ department: String, _ quarter: String) -> [String]? {
        md.split(separator: "\n").first { $0.hasPrefix("| \(department) | \(quarter) |") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    @Test func aTotalOverAOneOffLineCarriesItsSplitInTheCSVAndTheReport() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let rows = csvRows(try ws.read("out/budget_variance.csv"))
        func row(_ department: String, _ account: String, _ period: String) throws -> [String: String] {
            try #require(rows.first { $0["department"] == department && $0["account"] == account && $0["period"] == period })
        }
        let total = try row("ED", "TOTAL", "FY2026-Q4"), supplies = try row("ED", "Supplies", "FY2026-Q4"), agency = try row("ED", "Agency", "FY2026-Q4")
        #expect(total["basis"] == "forecast")
        // The one-off line, projected at $0, has its budget flexed by the forecast volume: all
        // of its variance against that is rate.
        let agencyFlexed = try #require(Double(agency["flexed_budget"] ?? ""), "\(agency)")
        #expect(abs(agencyFlexed - 3_600) < 400, "\(agencyFlexed)")
        #expect(Double(agency["rate_variance"] ?? "") == -agencyFlexed)
        // The total is its lines' sum, column by column.
        for column in ["flexed_budget", "volume_variance", "rate_variance"] {
            let sum = try #require(Double(supplies[column] ?? "")) + (Double(agency[column] ?? "") ?? .nan)
            let value = try #require(Double(total[column] ?? ""), "ED TOTAL FY2026-Q4 \(column) is blank: \(total)")
            #expect(abs(value - sum) < 0.02, "\(column): \(value) against \(sum)")
        }
        // The report shows the CSV's figures.
        let cells = try #require(quarterCells(try ws.read("out/budget_variance.md"), "ED", "FY2026-Q4"))
        let numbers = NumberStyle()
        #expect(cells[7] == numbers.money(Double(total["volume_variance"]!)!) && cells[8] == numbers.money(Double(total["rate_variance"]!)!), "\(cells)")
    }

    @Test func aTotalWhoseLinesCannotBeFlexedIsBlankInTheReportAsInTheCSV() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let rows = csvRows(try ws.read("out/budget_variance.csv"))
        let total = try #require(rows.first { $0["department"] == "Lab" && $0["account"] == "TOTAL" && $0["period"] == "FY2026-Q4" })
        #expect(total["flexed_budget"] == "" && total["volume_variance"] == "" && total["rate_variance"] == "", "\(total)")
        let md = try ws.read("out/budget_variance.md")
        let cells = try #require(quarterCells(md, "Lab", "FY2026-Q4"))
        #expect(cells[7] == "" && cells[8] == "", "\(cells)")
        // A booked quarter keeps its split, and the blank one is explained.
        #expect(quarterCells(md, "Lab", "FY2026-Q3")?[8] == numbers(total: rows, "Lab", "FY2026-Q3"))
        #expect(md.contains("Volume and rate are blank for 1 forecast quarter, as in budget_variance.csv: a line in it is projected from its amounts, with no forecast volume to flex the budget by (Lab / Reagents)."), "\(md)")
    }

    func numbers(total rows: [[String: String]], _ department: String, _ period: String) -> String? {
        rows.first { $0["department"] == department && $0["account"] == "TOTAL" && $0["period"] == period }
            .flatMap { Double($0["rate_variance"] ?? "") }.map { NumberStyle().money($0) }
    }
}
