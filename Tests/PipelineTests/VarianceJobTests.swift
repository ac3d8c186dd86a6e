import Foundation
import Testing
@testable import Pipeline
@testable import Planning

/// Issue 23's variance defects on a small ICU ledger: agency labor spent with no budget at
/// all, and revenue whose export calls it `Income`.
@Suite struct VarianceJobTests {
    static let months = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]

    func run(accountType: String, job: VarianceJob = VarianceJob()) throws -> VarianceJob.Result {
        var dept: [String] = [], acct: [String] = [], period: [String] = [], amount: [Double] = [], type: [String] = []
        for m in VarianceJobTests.months {
            dept += ["ICU", "ICU"]; acct += ["Supplies", "Inpatient Revenue"]; period += [m, m]
            amount += [10_000, 100_000]; type += ["expense", accountType]
        }
        let budget = Table([("department", .text(dept)), ("account", .text(acct)), ("period", .text(period)),
                            ("amount", .number(amount)), ("account_type", .text(type))])
        var aDept: [String] = [], aAcct: [String] = [], aPeriod: [String] = [], aAmount: [Double] = []
        for m in VarianceJobTests.months.prefix(3) {
            aDept += ["ICU", "ICU", "ICU"]; aAcct += ["Supplies", "Inpatient Revenue", "Agency Labor"]; aPeriod += [m, m, m]
            // Revenue 50% over budget; $800,000 of agency labor over the quarter, never budgeted.
            aAmount += [10_000, 150_000, 800_000.0 / 3]
        }
        let actuals = Table([("department", .text(aDept)), ("account", .text(aAcct)), ("period", .text(aPeriod)), ("amount", .number(aAmount))])
        return try job.run(budget: budget, actuals: actuals, volumes: nil)
    }

    func ytd(_ result: VarianceJob.Result, _ account: String) -> VarianceJob.Row? {
        result.rows.first { $0.line.account == account && $0.line.period == "FY2026-YTD" }
    }

    /// A budgeted department the ledger export left out reads as its whole budget saved: the
    /// summary says so instead.
    @Test func aBudgetedDepartmentWithoutActualsIsNamed() throws {
        let budget = Table([("department", .text(["ICU", "ICU", "4 West", "4 West"])), ("account", .text(["Supplies", "Supplies", "Supplies", "Supplies"])),
                            ("period", .text(["2025-07", "2025-08", "2025-07", "2025-08"])), ("amount", .number([100, 100, 2_000, 2_000]))])
        let actuals = Table([("department", .text(["ICU", "ICU"])), ("account", .text(["Supplies", "Supplies"])),
                             ("period", .text(["2025-07", "2025-08"])), ("amount", .number([110, 90]))])
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        #expect(result.departmentsWithoutActuals == ["4 West"])
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains("No actuals at all for department 4 West: its variances are its whole budget; check that the ledger export covers it."), "\(summary)")
        let complete = try VarianceJob().run(budget: budget, actuals: Table([("department", .text(["ICU", "4 West"])), ("account", .text(["Supplies", "Supplies"])),
                                                                             ("period", .text(["2025-07", "2025-07"])), ("amount", .number([110, 1_900]))]), volumes: nil)
        #expect(complete.departmentsWithoutActuals.isEmpty && VarianceJob.departmentsWithoutActualsNote(complete) == nil)
    }

    @Test func unbudgetedSpendingIsFlaggedByAmountAndListedAmongTheLargestUnfavorableLines() throws {
        let result = try run(accountType: "revenue")
        let agency = try #require(ytd(result, "Agency Labor"))
        #expect(agency.line.budget == 0)
        #expect(agency.flag == "unfavorable")
        // Monthly rows too: each month's $266,667 is far above the $5,000 threshold.
        #expect(result.rows.filter { $0.line.account == "Agency Labor" && $0.line.period.hasPrefix("2025-") }.allSatisfy { $0.flag == "unfavorable" })
        let md = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "budget_variance")
        let section = try #require(md.components(separatedBy: "## Largest unfavorable lines, year to date").last)
        let first = try #require(section.split(separator: "\n").first { $0.hasPrefix("- ") })
        #expect(first.contains("ICU / Agency Labor: $800,000"), "\(first)")
        #expect(first.contains("no budget"), "\(first)")
        #expect(md.contains("(budget_variance.csv, column flag)"))
        // A stage's `file:` names the CSV the report points to.
        let named = VarianceJob.report(result, calendar: FiscalCalendar(), file: "icu_variance").markdown(figurePrefix: "icu_variance")
        #expect(named.contains("(icu_variance.csv, column flag)") && !named.contains("budget_variance.csv"))
        // Small unbudgeted amounts stay unflagged: under the job's threshold, the year to date
        // carries no flag.
        var small = VarianceJob()
        small.flagAmount = 1_000_000
        #expect(try #require(ytd(try run(accountType: "revenue", job: small), "Agency Labor")).flag == "")
    }

    /// The largest overruns are listed by amount, flagged or not: a $28,800 overrun at 4.8% was
    /// left out beside a flagged $10,650 at 8.9% (a finance review).
    @Test func theLargestUnfavorableLinesIncludeThoseUnderTheFlagThreshold() throws {
        let months = VarianceReviewTests.fiscalMonths.prefix(6)
        let budget = months.flatMap { [("ICU", "Salaries", $0, 100_000.0), ("ICU", "Supplies", $0, 20_000.0), ("ICU", "Drugs", $0, 5_000.0)] }
        let actuals = months.flatMap { [("ICU", "Salaries", $0, 104_800.0), ("ICU", "Supplies", $0, 21_775.0), ("ICU", "Drugs", $0, 4_000.0)] }
        let result = try VarianceJob().run(budget: VarianceReviewTests.table(budget), actuals: VarianceReviewTests.table(actuals), volumes: nil)
        let md = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "budget_variance")
        let section = try #require(md.components(separatedBy: "## Largest unfavorable lines, year to date\n").last)
        let bullets = section.split(separator: "\n").prefix { $0.hasPrefix("- ") || $0.isEmpty }.filter { !$0.isEmpty }
        #expect(bullets.count == 2, "\(bullets)")
        #expect(bullets.first?.hasPrefix("- ICU / Salaries: $28,800, 4.8% (within the flag thresholds)") == true, "\(bullets)")
        #expect(bullets.last?.hasPrefix("- ICU / Supplies: $10,650, 8.9% —") == true, "\(bullets)")
    }

    @Test(arguments: ["Income", " income ", "REVENUE", "Revenues"])
    func revenueSpelledOtherwiseIsRevenue(spelling: String) throws {
        let result = try run(accountType: spelling)
        let revenue = try #require(ytd(result, "Inpatient Revenue"))
        #expect(revenue.line.accountType == .revenue)
        #expect(revenue.line.favorable)
        #expect(revenue.flag == "favorable")
        // The expense budget is the supplies alone: 6 months x $10,000.
        #expect(result.annualBudget == 60_000)
    }

    @Test func accountTypeAndBehaviorSpellings() {
        for text in ["expense", "Expense", " EXPENDITURE ", "cost", "Costs", "expenses"] {
            #expect(VarianceLine.AccountType(spelling: text) == .expense, "\(text)")
        }
        for text in ["revenue", "Income", " REVENUES"] { #expect(VarianceLine.AccountType(spelling: text) == .revenue, "\(text)") }
        for text in ["Sales", "exp", "", "asset"] { #expect(VarianceLine.AccountType(spelling: text) == nil, "\(text)") }
        #expect(VarianceLine.Behavior(spelling: " Fixed ") == .fixed)
        #expect(VarianceLine.Behavior(spelling: "VARIABLE") == .variable)
        #expect(VarianceLine.Behavior(spelling: "semi-variable") == nil)
    }

    @Test func aTableThatBypassedTheImportStillCannotSmuggleAnUnknownType() throws {
        #expect(throws: PipelineError.self) { try run(accountType: "Sales") }
    }

    @Test func unknownAccountTypesAndBehaviorsAreRejectedAtImportWithTheAcceptedValues() throws {
        let ws = try Workspace()
        try ws.write("budget.csv", """
        department,account,period,amount,account_type,behavior
        ICU,Supplies,2025-07,1000,expense,variable
        ICU,Revenue,2025-07,9000,Sales,variable
        ICU,Rent,2025-07,500,  Expenditure ,Fixed
        ICU,Drugs,2025-07,700,expense,semi-variable

        """)
        try ws.write("actuals.csv", "department,account,period,amount\nICU,Supplies,2025-07,1100\n")
        try ws.write("p.yml", """
        stages:
          budget: {kind: import, table: budget, file: budget.csv, on_error: skip}
          actuals: {kind: import, table: actuals, file: actuals.csv}
          variance: {kind: variance, budget: budget, actuals: actuals}
        """)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let rejects = try ws.read("out/budget.rejects.csv").split(separator: "\n").map(String.init)
        #expect(rejects.count == 3, "\(rejects)")
        let type = try #require(rejects.first { $0.contains(",3,account_type,") }, "\(rejects)")
        #expect(type.contains("'Sales' is not one of") && type.contains("expense") && type.contains("income") && type.contains("revenue"), "\(type)")
        let behavior = try #require(rejects.first { $0.contains(",5,behavior,") }, "\(rejects)")
        #expect(behavior.contains("'semi-variable' is not one of") && behavior.contains("variable") && behavior.contains("fixed"), "\(behavior)")
        let csv = try ws.read("out/budget_variance.csv")
        #expect(csv.contains("ICU,Rent,"))
    }
}
