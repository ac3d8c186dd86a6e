import Foundation
import Testing
@testable import Pipeline

/// Issue 18: the rest of the fiscal year's supply and pharmacy spend bottom-up from the items
/// (`supply_accounts:`), beside each ledger line's own projection.
@Suite struct SupplySpendTests {
    /// ICU, July 2024 to March 2026, as of 2026-03 (three months left in FY2026):
    /// - gauze (Supply, $2): 300 a month -> 3 x 300 x $2 = 1,800;
    /// - an antibiotic (Pharmaceutical, $10): 20 a month -> 3 x 20 x $10 = 600;
    /// - linen (Linen: not mapped) and tape (Supply, no unit cost anywhere) are left out.
    /// Ledger: 6100 books a flat 600 a month (fixed) -> trend 1,800, difference 0; 6200 a flat
    /// 500 -> trend 1,500, bottom-up 900 lower (-60%).
    func workspace(supplyAccounts: String = "{supply: \"6100 Supplies\", Pharmaceutical: \"6200 Drugs\"}") throws -> Workspace {
        let ws = try Workspace()
        var usage = "month,item,qty,dept\n", budget = "department,account,period,amount,behavior\n", actuals = "department,account,period,amount\n"
        for k in 0..<21 {
            let month = String(format: "%04d-%02d", 2024 + (k + 6) / 12, (k + 6) % 12 + 1)
            usage += "\(month),GAUZE,300,ICU\n\(month),CEFAZOLIN,20,ICU\n\(month),LINEN,50,ICU\n\(month),TAPE,7,ICU\n"
            actuals += "ICU,6100 Supplies,\(month),600\nICU,6200 Drugs,\(month),500\n"
        }
        for k in 0..<12 {
            let month = String(format: "%04d-%02d", 2025 + (k + 6) / 12, (k + 6) % 12 + 1)
            budget += "ICU,6100 Supplies,\(month),650,fixed\nICU,6200 Drugs,\(month),450,fixed\n"
        }
        try ws.write("usage.csv", usage)
        try ws.write("budget.csv", budget)
        try ws.write("actuals.csv", actuals)
        try ws.write("items.csv", "item,category,unit_cost\nGAUZE,Supply,2\nCEFAZOLIN,Pharmaceutical,10\nLINEN,Linen,4\nTAPE,Supply,\n")
        try ws.write("p.yml", """
        calendar: {fiscal_year_start: 7}
        stages:
          budget: {kind: import, table: budget, file: budget.csv}
          actuals: {kind: import, table: actuals, file: actuals.csv}
          usage: {kind: import, table: usage, file: usage.csv, columns: {date: month, quantity: qty, department: dept}}
          items: {kind: import, table: items, file: items.csv}
          variance:
            kind: variance
            budget: budget
            actuals: actuals
            as_of: "2026-03"
            usage: usage
            items: items
            supply_accounts: \(supplyAccounts)
        """)
        return ws
    }

    @Test func bottomUpBesideTheLedgerTrendByHand() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let csv = try ws.read("out/budget_supply.csv")
        #expect(csv == """
        department,account,fiscal_year,months,items,units,bottom_up,ledger_trend,difference,difference_pct
        ICU,6100 Supplies,FY2026,2026-04..2026-06,1,900,1800,1800,0,0
        ICU,6200 Drugs,FY2026,2026-04..2026-06,1,60,600,1500,-900,-60

        """)
        let md = try ws.read("out/budget_variance.md")
        #expect(md.contains("## Supply and pharmacy spend, 2026-04 to 2026-06: items bottom-up beside the ledger trend"))
        #expect(md.contains("Left out: 1 items without a unit cost, 1 items whose category supply_accounts does not map."))
        #expect(md.contains("| ICU | 6200 Drugs | 1 | $600 | $1,500 | -$900 | -60% |"), "\(md)")
    }

    @Test func anAccountTheLedgerLacksIsAnError() throws {
        let ws = try workspace(supplyAccounts: "{Supply: \"6100 Supply\"}")
        #expect(throws: (any Error).self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out") }
        do {
            _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        } catch {
            #expect("\(error)".contains("supply_accounts names account '6100 Supply', which is in neither the budget nor the actuals"), "\(error)")
        }
        #expect(!ws.exists("out/budget_variance.csv"))
    }

    @Test func supplyAccountsNeedUsageAndItems() throws {
        let ws = try workspace()
        try ws.write("p.yml", try ws.read("p.yml").replacingOccurrences(of: "    usage: usage\n", with: ""))
        do {
            _ = try PipelineRunner(quiet: true).validate(ws.path + "/p.yml")
            Issue.record("validation passed")
        } catch {
            #expect("\(error)".contains("supply_accounts needs the usage and the item master"), "\(error)")
        }
    }
}
