import Foundation
import Testing
@testable import Pipeline
import Planning
import Tabular

/// The variance stage on a small two-department ledger: a price increase in one, volume
/// growth in the other.
@Suite struct VarianceStageTests {
    func workspace() throws -> Workspace {
        let ws = try Workspace()
        var budget = "Cost Center,GL Account,Fiscal Period,Budget Amount,Budget Stat\n"
        var actuals = "Cost Center,GL Account,Period,Actual Amount,Actual Stat\n"
        // FY2026 (Jul 2025 - Jun 2026) budgets; actuals from Jul 2023 so the projection has history.
        for monthIndex in 0..<36 {
            let year = 2023 + (monthIndex + 6) / 12, month = (monthIndex + 6) % 12 + 1
            let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
            let inFY2026 = monthIndex >= 24
            // ICU: flat 1,000 patient days; supplies $50 per day, +20% price from 2026-01.
            let icuPrice = (year == 2026) ? 60.0 : 50.0
            // 4 West: patient days grow from 1,000 to 1,300 in FY2026; supplies stay $30 per day.
            let westDays = inFY2026 ? 1_300.0 : 1_000.0
            if inFY2026 {
                budget += "ICU,Med Supplies,\(period),\"$50,000.00\",1000\n"
                budget += "4 West,Med Supplies,\(period),\"$30,000.00\",1000\n"
            }
            actuals += "ICU,Med Supplies,\(period),\"$\(Int(icuPrice * 1_000))\",1000\n"
            actuals += "4 West,Med Supplies,\(period),\(Int(30 * westDays)),\(Int(westDays))\n"
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
            columns: {department: "Cost Center", account: "GL Account", period: "Fiscal Period", amount: "Budget Amount", volume: "Budget Stat"}
          actuals:
            kind: import
            table: actuals
            file: actuals.csv
            columns: {department: "Cost Center", account: "GL Account", period: "Period", amount: "Actual Amount", volume: "Actual Stat"}
          variance: {kind: variance, budget: budget, actuals: actuals, as_of: "2026-03"}
        """)
        return ws
    }

    @Test func rateAndVolumeVariancesLandWhereTheyArePlanted() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let csv = try ws.read("out/budget_variance.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        #expect(header == VarianceJob.header)
        func row(_ department: String, _ account: String, _ period: String) -> [String: String]? {
            csv.first { $0[0] == department && $0[1] == account && $0[2] == period }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
        // ICU year to date (Jul-Mar): budget 9 x 50,000; actual 6 x 50,000 + 3 x 60,000 = 480,000.
        let icu = try #require(row("ICU", "Med Supplies", "FY2026-YTD"))
        #expect(icu["budget"] == "450000")
        #expect(icu["actual"] == "480000")
        #expect(icu["volume_variance"] == "0")
        #expect(icu["rate_variance"] == "30000")
        #expect(icu["favorable"] == "false")
        #expect(icu["flag"] == "unfavorable")
        // 4 West: 30% more days; the flexed budget covers the whole overrun.
        let west = try #require(row("4 West", "Med Supplies", "FY2026-YTD"))
        #expect(west["actual"] == "351000")
        #expect(west["flexed_budget"] == "351000")
        #expect(west["volume_variance"] == "81000")
        #expect(west["rate_variance"] == "0")
        // Quarters and totals.
        #expect(row("ICU", "Med Supplies", "FY2026-Q3")?["rate_variance"] == "30000")
        #expect(row("ICU", "TOTAL", "FY2026-YTD")?["actual"] == "480000")
        // The projection: 3 more months of ICU between the old price (150,000, 630,000 for
        // the year) and the new one (180,000, 660,000). Without a backtest the line's
        // candidates weigh equally, and seasonal naive and the 12-month mean still carry the
        // old price: about 644,000.
        let projected = try #require(Double(icu["projected_fy"]!))
        #expect(projected > 635_000 && projected < 662_000, "\(projected)")
        let md = try ws.read("out/budget_variance.md")
        #expect(md.contains("## Executive summary"))
        #expect(md.contains("ICU / Med Supplies: $30,000"))
        #expect(md.contains("mostly rate"))
        #expect(md.contains("4 West / Med Supplies"))
    }

    /// Issue 18 in a pipeline: scenarios written inline, and a horizon of two quarters.
    @Test func inlineScenariosAndAHorizonOfTwoQuarters() throws {
        let ws = try workspace()
        let yaml = try ws.read("p.yml").replacingOccurrences(of: "variance: {kind: variance, budget: budget, actuals: actuals, as_of: \"2026-03\"}", with: """
        variance:
            kind: variance
            budget: budget
            actuals: actuals
            as_of: "2026-03"
            horizon_quarters: 2
            scenarios:
              - name: west_up_10
                volume: {"4 West": 10}
              - name: one_more
                fte: {department: ICU, account: Med Supplies, count: 1, annual_cost: 12000}
        """)
        try ws.write("p.yml", yaml)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let variance = try ws.read("out/budget_variance.csv")
        // As of 2026-03 (end of FY2026-Q3), two quarters run to September 2026, past the year end.
        #expect(variance.contains("ICU,Med Supplies,FY2026-Q4,") && variance.contains("ICU,Med Supplies,FY2027-Q1,"))
        #expect(variance.contains("ICU,TOTAL,2026-09,") && !variance.contains("ICU,Med Supplies,2026-10,"))
        let rows = try ws.read("out/budget_scenarios.csv").split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows[0] == VarianceJob.scenarioHeader)
        func find(_ scenario: String, _ department: String, _ account: String) -> [String]? {
            rows.first { $0[0] == scenario && $0[1] == department && $0[2] == account }
        }
        // One position at $12,000 a year for April to June: $3,000.
        #expect(find("one_more", "ICU", "Med Supplies")?[7] == "3000")
        #expect(find("one_more", "4 West", "Med Supplies")?[7] == "0")
        // 4 West +10% on the three forecast months; the booked $351,000 stays.
        let base = try #require(Double(find("base", "4 West", "Med Supplies")?[5] ?? ""))
        let change = try #require(Double(find("west_up_10", "4 West", "Med Supplies")?[7] ?? ""))
        #expect(abs(change - 0.1 * (base - 351_000)) < 0.011, "\(change) \(base)")
        #expect(find("west_up_10", "ALL", "TOTAL") != nil && find("base", "ICU", "TOTAL") != nil)
        let md = try ws.read("out/budget_variance.md")
        #expect(md.contains("## Scenarios: projected FY2026 by department (expense)") && md.contains("| Department | Budget | base | west_up_10 | one_more |"))
        #expect(ws.exists("out/budget_variance_scenarios.svg"))
    }
}

@Suite struct BudgetProposalTests {
    /// A line that began within the twelve months is proposed at its rate since it began:
    /// rent of 450 a month booked for one quarter only was proposed at 3 x 450 / 12 = 112.50 a
    /// month, and a lease of 3,000 a month that began 9 months before the end at 2,250.
    @Test func aLineThatBeganWithinTheYearIsProposedAtItsRunRate() throws {
        var departments: [String] = [], accounts: [String] = [], periods: [String] = [], amounts: [Double] = []
        for month in 1...12 {
            let label = "2025-\(month < 10 ? "0" : "")\(month)"
            departments.append("D1"); accounts.append("Supplies"); periods.append(label); amounts.append(1_000)
            if month >= 4 { departments.append("D1"); accounts.append("Lease"); periods.append(label); amounts.append(3_000) }
            if month >= 10 { departments.append("D1"); accounts.append("Rent"); periods.append(label); amounts.append(450) }
            if month == 12 { departments.append("D1"); accounts.append("Consulting"); periods.append(label); amounts.append(60_000) }
        }
        let actuals = Table([("department", .text(departments)), ("account", .text(accounts)), ("period", .text(periods)), ("amount", .number(amounts))])
        let budget = Table([("department", .text(["D1"])), ("account", .text(["Rent"])), ("period", .text(["2025-07"])), ("amount", .number([450])),
                            ("behavior", .text(["fixed"]))])
        var proposal = BudgetProposal(fiscalYear: 2026)
        proposal.calendar = FiscalCalendar(firstMonth: 1)
        proposal.defaultInflation = 2
        let result = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        let rows = zip(try #require(result.table.texts("account")), try #require(result.table.numbers("amount")))
        let first = Dictionary(rows.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        // A charge booked once is spread over the year, not taken as a monthly rate.
        #expect(first == ["Supplies": 1_020, "Lease": 3_060, "Rent": 459, "Consulting": 5_100])
        #expect(result.assumptions[0] == "Base: actuals of the twelve months 2025-01 to 2025-12; 2 lines that began within them, booked in three months or more, at their rate since they began.",
                "\(result.assumptions[0])")
        // Actuals of one quarter only: the base is that quarter.
        let quarter = Table([("department", .text(["D1", "D1", "D1"])), ("account", .text(["Rent", "Rent", "Rent"])),
                             ("period", .text(["2025-10", "2025-11", "2025-12"])), ("amount", .number([450, 450, 450]))])
        let short = try proposal.run(budget: budget, actuals: quarter, volumes: nil)
        #expect(short.table.numbers("amount")?.first == 459)
        #expect(short.assumptions[0] == "Base: actuals of the 3 months 2025-10 to 2025-12 (the actuals begin 2025-10).", "\(short.assumptions[0])")
    }

    /// A data engineer's review: behaviour was read by account alone, so Pharmacy's salaries
    /// budgeted fixed made ICU's variable salaries fixed, and a shard holding ICU without
    /// Pharmacy proposed otherwise. Each line keeps its own.
    @Test func eachLineKeepsItsOwnBehaviorInTheProposal() throws {
        var departments: [String] = [], periods: [String] = [], amounts: [Double] = []
        for month in 1...12 {
            let label = "2025-" + (month < 10 ? "0" : "") + "\(month)"
            for department in ["ICU", "Pharmacy"] { departments.append(department); periods.append(label); amounts.append(1_000) }
        }
        let actuals = Table([("department", .text(departments)), ("account", .text(departments.map { _ in "Salaries" })), ("period", .text(periods)), ("amount", .number(amounts))])
        let budget = Table([("department", .text(["ICU", "Pharmacy"])), ("account", .text(["Salaries", "Salaries"])), ("period", .text(["2025-07", "2025-07"])),
                            ("amount", .number([1_000, 1_000])), ("behavior", .text(["variable", "fixed"]))])
        var proposal = BudgetProposal(fiscalYear: 2026)
        proposal.calendar = FiscalCalendar(firstMonth: 1)
        let result = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        let behaviors = Dictionary(zip(try #require(result.table.texts("department")), try #require(result.table.texts("behavior"))).map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(behaviors == ["ICU": "variable", "Pharmacy": "fixed"], "\(behaviors)")
    }

    /// A budget director's review of the proposal, each by hand: (1) ICU's $10,000 a month with
    /// volumes for 3 of its 12 months was priced at $120,000 / 1,500 patient days, $40,000 a
    /// month: without a volume for every booked month it is last year's actuals, $10,000; (2) a
    /// lone $10,000 invoice came back at $842 a month, and a $51,000 repair in a $1,000-a-month
    /// line made it $6,556: the repair is counted at $1,000, and the invoice (in a ledger of one
    /// year, which cannot tell it from a yearly charge) budgeted as yearly, both named;
    /// (3) inflation below -100% and one account named twice are refused.
    @Test func theProposalReadsPartialVolumesAndOneOffsAsTheVarianceDoes() throws {
        var departments: [String] = [], accounts: [String] = [], periods: [String] = [], amounts: [Double] = [], volumes: [Double] = []
        for month in 1...12 {
            let label = "2025-" + (month < 10 ? "0" : "") + "\(month)"
            departments += ["ICU", "D2", "Facilities", "ICU", "ICU", "Pharmacy"]; accounts += ["Supplies", "Consulting", "Repairs", "Refunded", "Quarterly", "Drugs"]
            periods += [label, label, label, label, label, label]
            amounts += [10_000, month == 3 ? 10_000 : 0, month == 5 ? 51_000 : 1_000, month == 6 ? -20_000 : 1_000, month % 3 == 0 ? 3_000 : 0, month == 8 ? 2_000 : 10_000]
            volumes += [month >= 10 ? 500 : .nan, .nan, .nan, .nan, .nan, .nan]
        }
        let keep = amounts.indices.filter { amounts[$0] != 0 }
        let actuals = Table([("department", .text(keep.map { departments[$0] })), ("account", .text(keep.map { accounts[$0] })),
                             ("period", .text(keep.map { periods[$0] })), ("amount", .number(keep.map { amounts[$0] })), ("volume", .number(keep.map { volumes[$0] }))])
        let budget = Table([("department", .text(["ICU"])), ("account", .text(["Supplies"])), ("period", .text(["2025-07"])), ("amount", .number([10_000]))])
        var proposal = BudgetProposal(fiscalYear: 2026)
        proposal.calendar = FiscalCalendar(firstMonth: 1)
        let result = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        var first: [String: Double] = [:]
        for (account, amount) in zip(try #require(result.table.texts("account")), try #require(result.table.numbers("amount"))) where first[account] == nil { first[account] = amount }
        // (A later review: in a ledger of one year a lone invoice may be a yearly charge, so it
        // is budgeted and named; a refund in a monthly line counts as a month of costs; a
        // quarterly line first posted in March is no line begun in March: $12,000, not 4.8
        // quarters.)
        // Drugs, 10,000 a month but 2,000 in August (an 8,000 rebate credit, far below the usual
        // month: `OneOffPosting.credit`), counts August at 10,000: 120,000 / 12, where the
        // credit came back as 112,000 / 12 = 9,333.33 a month.
        #expect(first == ["Supplies": 10_000, "Repairs": 1_000, "Consulting": 833.33, "Refunded": 1_000, "Quarterly": 1_000, "Drugs": 10_000], "\(first)")
        #expect(result.assumptions.contains { $0.contains("Pharmacy / Drugs ($2,000 in 2025-08, counted at $10,000)") }, "\(result.assumptions)")
        #expect(result.assumptions.contains("Posted once, in a ledger reaching neither a year before nor a year after: budgeted as yearly charges, D2 / Consulting ($10,000 in 2025-03, $10,000 proposed); take out any that was a one-off."), "\(result.assumptions)")
        #expect(result.assumptions.contains { $0.contains("ICU / Refunded (-$20,000 in 2025-06, counted at $1,000)") }, "\(result.assumptions)")
        #expect(result.assumptions.contains { $0.hasPrefix("One-off months counted at the line's usual month: Facilities / Repairs ($51,000 in 2025-05, counted at $1,000)") }, "\(result.assumptions)")
        proposal.defaultInflation = -150
        #expect(throws: PipelineError.self) { try proposal.run(budget: budget, actuals: actuals, volumes: nil) }
        proposal.defaultInflation = 0
        proposal.inflation = ["Supplies": 3, "SUPPLIES": 4]
        #expect(throws: PipelineError.self) { try proposal.inflationByAccount(["Supplies"], file: "") }
    }

    /// A reviewer's finding on the demo: a lone $1,224 in 2023-12, in a ledger that also held
    /// 2024-12 and 2025-12 at $0, was said to be "budgeted as yearly charges" while the proposal
    /// held $0 for it in every month. A ledger reaching a year after the posting without it
    /// shows it is no yearly charge: not budgeted again, and the assumptions say so. A lone
    /// posting before the base, without a row in it, is named too (it had no word).
    @Test func aLonePostingTheLedgerOutlivesByAYearIsNotBudgetedAgain() throws {
        var departments: [String] = [], accounts: [String] = [], periods: [String] = [], amounts: [Double] = []
        for index in 0..<24 {
            let year = 2024 + index / 12, month = index % 12 + 1
            let label = "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
            departments += ["D1", "D1"]; accounts += ["Supplies", "Agency"]; periods += [label, label]
            amounts += [1_000, label == "2024-03" ? 1_224 : 0]
            if label == "2024-05" { departments.append("D1"); accounts.append("Consulting"); periods.append(label); amounts.append(9_000) }
        }
        let actuals = Table([("department", .text(departments)), ("account", .text(accounts)), ("period", .text(periods)), ("amount", .number(amounts))])
        let budget = Table([("department", .text(["D1", "D1"])), ("account", .text(["Supplies", "Agency"])), ("period", .text(["2025-07", "2025-07"])),
                            ("amount", .number([1_000, 1_200]))])
        var proposal = BudgetProposal(fiscalYear: 2026)
        proposal.calendar = FiscalCalendar(firstMonth: 1)
        let result = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        let accountsProposed = Set(try #require(result.table.texts("account")))
        #expect(accountsProposed == ["Supplies"], "\(accountsProposed)")
        #expect(!result.assumptions.contains { $0.contains("yearly") }, "\(result.assumptions)")
        #expect(result.assumptions.contains("One-off postings not budgeted again: D1 / Agency ($1,224 in 2024-03), D1 / Consulting ($9,000 in 2024-05); budget them if they recur."), "\(result.assumptions)")
    }

    /// A budget director's review: revenue budgeted at +3,000 and booked as credits (-3,100) was
    /// proposed at -3,100, a shortfall once loaded as next year's budget; a new $600 lease booked
    /// twice was spread over the year without a word. The first keeps the budget's sign, the
    /// second is named; both in the assumptions.
    @Test func theProposalKeepsTheBudgetsSignAndNamesThinlyBookedNewLines() throws {
        var departments: [String] = [], accounts: [String] = [], periods: [String] = [], amounts: [Double] = []
        for month in 1...12 {
            let label = "2025-" + (month < 10 ? "0" : "") + "\(month)"
            departments.append("D2"); accounts.append("Revenue"); periods.append(label); amounts.append(-3_100)
            if month >= 11 { departments.append("D2"); accounts.append("Lease"); periods.append(label); amounts.append(600) }
        }
        let actuals = Table([("department", .text(departments)), ("account", .text(accounts)), ("period", .text(periods)), ("amount", .number(amounts))])
        let budget = Table([("department", .text(["D2"])), ("account", .text(["Revenue"])), ("period", .text(["2025-07"])), ("amount", .number([3_000])),
                            ("account_type", .text(["revenue"]))])
        var proposal = BudgetProposal(fiscalYear: 2026)
        proposal.calendar = FiscalCalendar(firstMonth: 1)
        let result = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        var first: [String: Double] = [:]
        for (account, amount) in zip(try #require(result.table.texts("account")), try #require(result.table.numbers("amount"))) where first[account] == nil { first[account] = amount }
        #expect(first == ["Revenue": 3_100, "Lease": 100], "\(first)")
        #expect(result.assumptions.contains("Lines booked with the opposite sign to their budget (revenue as credits), proposed in the budget's sign: D2 / Revenue."), "\(result.assumptions)")
        #expect(result.assumptions.contains { $0.hasPrefix("Lines that began in the base with one or two bookings, spread over its 12 months as one-off charges: D2 / Lease ($1,200 since 2025-11)") }, "\(result.assumptions)")
    }

    /// Inflation names accounts as the ledger writes them, in any case and spacing; a name that    /// Inflation names accounts as the ledger writes them, in any case and spacing; a name that
    /// is no account is an error naming the accounts that contain it (it was ignored while the
    /// assumptions listed it as applied).
    @Test func inflationNamesAccountsOfTheLedger() throws {
        var proposal = BudgetProposal(fiscalYear: 2027)
        proposal.inflation = ["6100  MEDICAL supplies": 3]
        #expect(try proposal.inflationByAccount(["6100 Medical Supplies", "6200 Drugs"], file: " (gl.csv)") == ["6100 Medical Supplies": 3])
        proposal.inflation = ["Medical Supplies": 3]
        #expect(throws: PipelineError.self) { try proposal.inflationByAccount(["6100 Medical Supplies", "6200 Drugs"], file: " (gl.csv)") }
        do {
            _ = try proposal.inflationByAccount(["6100 Medical Supplies", "6200 Drugs"], file: " (gl.csv)")
        } catch {
            #expect("\(error)".contains("names 'Medical Supplies', which is no account of the actuals (gl.csv); did you mean '6100 Medical Supplies'?"), "\(error)")
        }
    }

    @Test func theProposalLoadsBackAsTheBudgetUnchanged() throws {
        let ws = try VarianceStageTests().workspace()
        let columns = #"{department: "Cost Center", account: "GL Account", period: "Fiscal Period", amount: "Budget Amount", volume: "Budget Stat"}"#
        var yaml = try ws.read("p.yml").replacingOccurrences(of: "variance: {kind: variance, budget: budget, actuals: actuals, as_of: \"2026-03\"}", with: """
        variance:
            kind: variance
            budget: budget
            actuals: actuals
            propose: FY2027
            inflation: {Med Supplies: 3}
            proposal_columns: \(columns)
        """)
        try ws.write("p.yml", yaml)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let proposal = try ws.read("out/budget_proposal.csv")
        #expect(proposal.hasPrefix("Cost Center,GL Account,Fiscal Period,Budget Amount,Budget Stat\n"))
        let rows = proposal.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 * 12)
        #expect(rows.first!.hasPrefix("4 West,Med Supplies,2026-07,"))
        // ICU: last year's cost per patient day (6 x $50 + 6 x $60 per day, 1,000 days a month) x 1.03.
        let icu = rows.first { $0.hasPrefix("ICU,Med Supplies,2026-07,") }!.split(separator: ",")
        #expect(abs(Double(icu[3])! - 55_000 * 1.03 * Double(icu[4])! / 1_000) < 1)
        // Loaded back as the budget with the same column map: every row accepted, no rejects.
        // (Imported only: against this year's ledger, next year's budget has no month of the
        // year reported on, which the variance refuses.)
        try ws.write("budget.csv", proposal)
        let imports = yaml.components(separatedBy: "\n  variance:")[0] + "\n  save: {kind: export, input: budget, file: budget.csv}\n"
        try ws.write("p.yml", imports)
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/again")
        #expect(result.manifest.stages.first { $0.name == "budget" }?.rows == 24)
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/again/budget.rejects.csv"))
        yaml = imports
        let md = try ws.read("out/budget_variance.md")
        #expect(md.contains("Proposed budget FY2027"))
        #expect(md.contains("Inflation: Med Supplies 3%"))
    }
}
