import Foundation
import Testing
import Reports
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular
import TestScratch

/// Issue 18 on a flat ledger whose every figure can be worked by hand: Med-Surg 4E spends
/// $10,000 a month on supplies (variable, budget $9,000) and $50,000 on salaries (fixed,
/// budget $50,000); the Emergency department $20,000 on supplies (budget $20,000). Actuals
/// run flat from July 2024 to December 2026, so as of 2026-12 (mid FY2027) the projection of
/// every remaining month is the monthly amount itself.
@Suite struct RollingForecastTests {
    static let medSurg = "6030 Med-Surg 4E", emergency = "7010 Emergency"
    static let supplies = "6100 Medical Supplies", salaries = "5010 Salaries - Regular"
    /// (department, account, monthly budget, monthly actual, behavior)
    static let lines = [(medSurg, supplies, 9_000.0, 10_000.0, "variable"), (medSurg, salaries, 50_000.0, 50_000.0, "fixed"),
                        (emergency, supplies, 20_000.0, 20_000.0, "variable")]

    static func label(_ month: Int) -> String { "\(month / 12)-\(month % 12 < 9 ? "0" : "")\(month % 12 + 1)" }

    /// With `volumes`, Med-Surg budgets 900 patient days a month and has 1,000: its supplies
    /// (budget $10 a day, actual $10 a day) are all volume variance.
    static func tables(volumes: Bool = false) -> (budget: Table, actuals: Table) {
        var b: [[String]] = [], a: [[String]] = []
        var bAmount: [Double] = [], aAmount: [Double] = [], bVolume: [Double] = [], aVolume: [Double] = []
        let fy2027 = (2026 * 12 + 6)...(2027 * 12 + 5), history = (2024 * 12 + 6)...(2026 * 12 + 11)
        for (department, account, budget, actual, behavior) in lines {
            let withVolume = volumes && department == medSurg
            for month in fy2027 {
                b.append([department, account, label(month), behavior]); bAmount.append(budget); bVolume.append(withVolume ? 900 : .nan)
            }
            for month in history { a.append([department, account, label(month)]); aAmount.append(actual); aVolume.append(withVolume ? 1_000 : .nan) }
        }
        var budget = Table([("department", .text(b.map { $0[0] })), ("account", .text(b.map { $0[1] })), ("period", .text(b.map { $0[2] })),
                            ("amount", .number(bAmount)), ("behavior", .text(b.map { $0[3] }))])
        var actuals = Table([("department", .text(a.map { $0[0] })), ("account", .text(a.map { $0[1] })), ("period", .text(a.map { $0[2] })),
                             ("amount", .number(aAmount))])
        if volumes {
            budget.append("volume", .number(bVolume))
            actuals.append("volume", .number(aVolume))
        }
        return (budget, actuals)
    }

    func run(asOf: String = "2026-12", quarters: Int? = nil, scenarios: ScenarioSet? = nil, volumes: Bool = false) throws -> [[String: String]] {
        var job = VarianceJob()
        job.asOf = Frequency.month.period(of: try #require(DateParser().parse(asOf)))
        job.horizonQuarters = quarters
        job.scenarios = scenarios
        let (budget, actuals) = RollingForecastTests.tables(volumes: volumes)
        return RollingForecastTests.records(VarianceJob.table(try job.run(budget: budget, actuals: actuals, volumes: nil)))
    }

    static func records(_ table: Table) -> [[String: String]] {
        let rows = CSVTextRows.parse(table)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    func row(_ rows: [[String: String]], _ department: String, _ account: String, _ period: String) -> [String: String]? {
        rows.first { $0["department"] == department && $0["account"] == account && $0["period"] == period }
    }

    @Test func monthsAndQuartersAfterAsOfAreForecastRowsToTheFiscalYearEnd() throws {
        let rows = try run()
        #expect(Array(rows.first.map { Set($0.keys) } ?? []).count == VarianceJob.header.count)
        let s = RollingForecastTests.self
        let forecastPeriods = rows.filter { $0["department"] == s.medSurg && $0["account"] == s.supplies && $0["basis"] == "forecast" }.map { $0["period"] ?? "" }
        #expect(forecastPeriods == ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "FY2027-Q3", "FY2027-Q4"])
        // A forecast month: actual empty, forecast = the flat $10,000, variance = forecast - budget.
        let january = try #require(row(rows, s.medSurg, s.supplies, "2027-01"))
        #expect(january["actual"] == "")
        #expect(january["forecast"] == "10000")
        #expect(january["variance"] == "1000")
        #expect(january["flexed_budget"] == "" && january["rate_variance"] == "")
        let q3 = try #require(row(rows, s.medSurg, s.supplies, "FY2027-Q3"))
        #expect(q3["budget"] == "27000" && q3["forecast"] == "30000" && q3["variance"] == "3000" && q3["actual"] == "")
        // Booked periods stay actual, with empty forecast columns.
        let december = try #require(row(rows, s.medSurg, s.supplies, "2026-12"))
        #expect(december["basis"] == "actual" && december["actual"] == "10000" && december["forecast"] == "")
        #expect(row(rows, s.medSurg, s.supplies, "FY2027-Q2")?["basis"] == "actual")
        #expect(row(rows, s.medSurg, s.supplies, "2027-07") == nil)
    }

    @Test func theBaseProjectionOfAFlatHistoryIsExactAndTotalsCarryIt() throws {
        let rows = try run()
        let s = RollingForecastTests.self
        // Supplies: 6 booked months + 6 forecast at $10,000 = $120,000 against 12 x $9,000.
        let ytd = try #require(row(rows, s.medSurg, s.supplies, "FY2027-YTD"))
        #expect(ytd["projected_fy"] == "120000" && ytd["projected_variance"] == "12000" && ytd["forecast_remaining"] == "60000")
        #expect(ytd["forecast"] == "120000")
        // The department TOTAL carries every column: year to date and projection included.
        let total = try #require(row(rows, s.medSurg, "TOTAL", "FY2027-YTD"))
        #expect(total["ytd_budget"] == "354000" && total["ytd_actual"] == "360000")
        #expect(total["forecast_remaining"] == "360000" && total["projected_fy"] == "720000" && total["projected_variance"] == "12000")
        let totalJanuary = try #require(row(rows, s.medSurg, "TOTAL", "2027-01"))
        #expect(totalJanuary["basis"] == "forecast" && totalJanuary["forecast"] == "60000" && totalJanuary["budget"] == "59000" && totalJanuary["actual"] == "")
        let totalQ4 = try #require(row(rows, s.medSurg, "TOTAL", "FY2027-Q4"))
        #expect(totalQ4["forecast"] == "180000" && totalQ4["variance"] == "3000")
        // A flat history has no forecast error: the 80% range is the forecast itself.
        #expect(totalQ4["forecast_lo80"] == "180000" && totalQ4["forecast_hi80"] == "180000")
    }

    /// A service line opened mid-September 2026 at $10,000 a month (a finance reviewer's
    /// finding): its first month booked $5,000, and read as a whole month it held the line's
    /// forecast at $8,783. That month is now left out of the forecast, with a note; the
    /// year to date keeps it.
    @Test func aLineOpenedMidMonthIsForecastFromItsWholeMonths() throws {
        let s = RollingForecastTests.self
        let infusion = "6120 Infusion Supplies"
        let (budget, actuals) = s.tables()
        let opened = ["2026-09": 5_000.0, "2026-10": 10_000, "2026-11": 10_000, "2026-12": 10_000]
        func appending(_ table: Table, _ rows: [(String, Double)], behavior: Bool) -> Table {
            let departments: [String] = table.texts("department")! + rows.map { _ in s.medSurg }
            let accounts: [String] = table.texts("account")! + rows.map { _ in infusion }
            let periods: [String] = table.texts("period")! + rows.map(\.0)
            let amounts: [Double] = table.numbers("amount")! + rows.map(\.1)
            var columns: [(String, Table.Column)] = [("department", .text(departments)), ("account", .text(accounts)),
                                                      ("period", .text(periods)), ("amount", .number(amounts))]
            if behavior {
                let behaviors: [String] = table.texts("behavior")! + rows.map { _ in "fixed" }
                columns.append(("behavior", .text(behaviors)))
            }
            return Table(columns)
        }
        let budgetMonths = ((2026 * 12 + 6)...(2027 * 12 + 5)).map { (s.label($0), 10_000.0) }
        var job = VarianceJob()
        job.asOf = Frequency.month.period(of: try #require(DateParser().parse("2026-12")))
        let result = try job.run(budget: appending(budget, budgetMonths, behavior: true),
                                 actuals: appending(actuals, opened.sorted { $0.key < $1.key }, behavior: false), volumes: nil)
        let rows = s.records(VarianceJob.table(result))
        let january = try #require(row(rows, s.medSurg, infusion, "2027-01"))
        #expect(abs(Double(january["forecast"]!)! - 10_000) < 1, "\(january)")
        let ytd = try #require(row(rows, s.medSurg, infusion, "FY2027-YTD"))
        #expect(ytd["ytd_actual"] == "35000", "\(ytd)")
        #expect(result.notes.contains { $0.contains("6030 Med-Surg 4E 6120 Infusion Supplies (2026-09)") && $0.contains("left out of its forecast") }, "\(result.notes)")
        // The lines that run flat from the export's first month keep every month.
        #expect(!result.notes.joined().contains(s.supplies + " (2024-07)"))
        #expect(OpeningMonth.isPart([5_000, 10_000, 10_000, 10_000]) && !OpeningMonth.isPart([6_000, 10_000, 10_000, 10_000]))
        #expect(!OpeningMonth.isPart([5_000, 10_000]) && !OpeningMonth.isPart([5_000] + Array(repeating: 10_000, count: 11)))
    }

    @Test func horizonQuartersRunPastTheFiscalYearEnd() throws {
        let s = RollingForecastTests.self
        // As of 2026-12 (end of Q2), four quarters: January to December 2027, FY2027-Q3 to FY2028-Q2.
        let rows = try run(quarters: 4)
        let periods = rows.filter { $0["department"] == s.emergency && $0["account"] == s.supplies && $0["basis"] == "forecast" }.map { $0["period"] ?? "" }
        #expect(periods.filter { $0.hasPrefix("20") }.count == 12)
        #expect(periods.filter { $0.contains("-Q") } == ["FY2027-Q3", "FY2027-Q4", "FY2028-Q1", "FY2028-Q2"])
        // No FY2028 budget in the file: budget and variance unknown (blank, not $0 and the whole
        // forecast), the forecast 3 x $20,000 kept (review wb-1).
        let next = row(rows, s.emergency, s.supplies, "FY2028-Q1")
        #expect(next?["budget"] == "" && next?["variance"] == "" && next?["favorable"] == "" && next?["forecast"] == "60000", "\(String(describing: next))")
        // The projected fiscal year is still FY2027's.
        #expect(row(rows, s.emergency, s.supplies, "FY2027-YTD")?["projected_fy"] == "240000")
        // A horizon ending before the fiscal year does still project the whole year.
        let short = try run(quarters: 1)
        #expect(row(short, s.emergency, s.supplies, "2027-04") == nil && row(short, s.emergency, s.supplies, "FY2027-YTD")?["projected_fy"] == "240000")
        // As of 2026-11 (mid Q2), one quarter: the rest of Q2 and Q3; Q2 is a forecast row of the
        // whole quarter, October and November booked plus December forecast.
        let mid = try run(asOf: "2026-11", quarters: 1)
        let q2 = try #require(row(mid, s.emergency, s.supplies, "FY2027-Q2"))
        #expect(q2["basis"] == "forecast" && q2["forecast"] == "60000" && q2["budget"] == "60000" && q2["actual"] == "")
        #expect(row(mid, s.emergency, s.supplies, "FY2027-Q3")?["basis"] == "forecast")
        #expect(row(mid, s.emergency, s.supplies, "2027-03") != nil && row(mid, s.emergency, s.supplies, "2027-04") == nil)
    }

    @Test func scenariosProjectEachFiscalYearToTheDollar() throws {
        let ws = try Workspace()
        let s = RollingForecastTests.self
        try ws.write("scenarios.yml", """
        scenarios:
          - name: census_up_10
            volume: {"*": 10}
          - name: supply_prices_up_3
            rate: {"\(s.supplies)": 3}
          - name: add_two_rn
            fte: {department: "\(s.medSurg)", account: "\(s.salaries)", count: 2, annual_cost: 98000}
          - name: med_surg_up_10
            volume: {"\(s.medSurg)": 10}

        """)
        var job = VarianceJob()
        job.asOf = 2026 * 12 + 11
        job.scenarios = try ScenarioSet.load(ws.path + "/scenarios.yml")
        let (budget, actuals) = RollingForecastTests.tables()
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        let rows = RollingForecastTests.records(VarianceJob.scenarioTable(try #require(result.scenarios), fiscalYear: result.fiscalYear))
        func projected(_ scenario: String, _ department: String, _ account: String) -> [String: String]? {
            rows.first { $0["scenario"] == scenario && $0["department"] == department && $0["account"] == account }
        }
        #expect(Array(rows[0].keys).sorted() == VarianceJob.scenarioHeader.sorted())
        // Base: 12 x 10,000; 12 x 50,000; 12 x 20,000.
        #expect(projected("base", s.medSurg, s.supplies)?["projected_fy"] == "120000")
        #expect(projected("base", s.medSurg, s.supplies)?["budget_fy"] == "108000")
        #expect(projected("base", s.medSurg, s.supplies)?["fiscal_year"] == "FY2027")
        #expect(projected("base", "ALL", "TOTAL")?["projected_fy"] == "960000")
        // Volume +10% from January: 60,000 booked + 6 x 11,000; salaries are fixed and stay.
        #expect(projected("census_up_10", s.medSurg, s.supplies)?["projected_fy"] == "126000")
        #expect(projected("census_up_10", s.medSurg, s.supplies)?["change_vs_base"] == "6000")
        #expect(projected("census_up_10", s.medSurg, s.salaries)?["projected_fy"] == "600000")
        #expect(projected("census_up_10", s.emergency, s.supplies)?["projected_fy"] == "252000")
        #expect(projected("census_up_10", s.medSurg, "TOTAL")?["projected_fy"] == "726000")
        #expect(projected("census_up_10", "ALL", "TOTAL")?["change_vs_base"] == "18000")
        // Only Med-Surg's volume: the Emergency department stays at base.
        #expect(projected("med_surg_up_10", s.emergency, s.supplies)?["change_vs_base"] == "0")
        #expect(projected("med_surg_up_10", s.medSurg, s.supplies)?["projected_fy"] == "126000")
        // Rate +3% on supplies: 60,000 + 6 x 10,300 = 121,800; Emergency 120,000 + 6 x 20,600 = 243,600.
        #expect(projected("supply_prices_up_3", s.medSurg, s.supplies)?["projected_fy"] == "121800")
        #expect(projected("supply_prices_up_3", s.emergency, s.supplies)?["projected_fy"] == "243600")
        // Two RNs at $98,000 a year for six months: 98,000 exactly, on top of 600,000.
        let rn = try #require(projected("add_two_rn", s.medSurg, s.salaries))
        #expect(rn["projected_fy"] == "698000" && rn["change_vs_base"] == "98000" && rn["projected_variance"] == "98000")
        #expect(projected("add_two_rn", s.medSurg, "TOTAL")?["projected_variance"] == "110000")
        // Every scenario has its department totals and one ALL row.
        for name in ["base", "census_up_10", "supply_prices_up_3", "add_two_rn", "med_surg_up_10"] {
            #expect(rows.filter { $0["scenario"] == name && $0["account"] == "TOTAL" }.map { $0["department"] ?? "" } == [s.medSurg, s.emergency, "ALL"])
        }
        // The report compares the scenarios by department.
        let md = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "budget_variance")
        #expect(md.contains("## Scenarios: projected FY2027 by department (expense)"))
        #expect(md.contains("| \(s.medSurg) | $708,000 | $720,000 | $726,000 | $721,800 | $818,000 | $726,000 |"), "\(md)")
    }

    @Test func variableAccountsWithVolumesAreProjectedDriverBasedAndSplitIntoVolumeAndRate() throws {
        let s = RollingForecastTests.self
        let rows = try run(volumes: true)
        // Forecast volume 1,000 x forecast rate $10 = $10,000; the budget flexed by 1,000 / 900
        // days is $10,000, so the month's $1,000 variance is all volume.
        let january = try #require(row(rows, s.medSurg, s.supplies, "2027-01"))
        #expect(january["forecast"] == "10000" && january["flexed_budget"] == "10000" && january["actual"] == "")
        #expect(january["volume_variance"] == "1000" && january["rate_variance"] == "0")
        #expect(row(rows, s.medSurg, s.supplies, "FY2027-Q4")?["volume_variance"] == "3000")
        // Fixed salaries flex to their budget whatever the volume (so the department's TOTAL
        // has its split too); lines without volumes keep an empty split.
        let salaries = try #require(row(rows, s.medSurg, s.salaries, "2027-01"))
        #expect(salaries["flexed_budget"] == "50000" && salaries["volume_variance"] == "0", "\(salaries)")
        #expect(row(rows, s.medSurg, "TOTAL", "2027-01")?["flexed_budget"] != "")
        #expect(row(rows, s.emergency, s.supplies, "2027-01")?["flexed_budget"] == "")
        #expect(row(rows, s.medSurg, s.supplies, "FY2027-YTD")?["projected_fy"] == "120000")
        // The report splits the department's projected $12,000 over budget: all volume.
        var job = VarianceJob()
        job.asOf = 2026 * 12 + 11
        let (budget, actuals) = RollingForecastTests.tables(volumes: true)
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        let total = try #require(result.rows.first { $0.line.department == s.medSurg && $0.line.account == "TOTAL" && $0.line.period == "FY2027-YTD" })
        #expect(abs((total.projectedVolumeVariance ?? 0) - 12_000) < 0.005 && abs(total.projectedRateVariance ?? 1) < 0.005)
        let md = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "budget_variance")
        #expect(md.contains("| \(s.medSurg) | $708,000 | $720,000 | $12,000 | $12,000 | $0 |"), "\(md)")
    }

    @Test func aScenarioNamingAnUnknownDepartmentOrAccountFailsAtItsLine() throws {
        let ws = try Workspace()
        try ws.write("s.yml", "scenarios:\n  - name: typo\n    volume:\n      \"6030 Med-Surg 4F\": 10\n")
        let scenarios = try ScenarioSet.load(ws.path + "/s.yml")
        let error = try #require(throws: PipelineError.self) { try run(scenarios: scenarios) }
        #expect(error.location?.line == 4)
        #expect(error.message.contains("no department '6030 Med-Surg 4F'") && error.message.contains(RollingForecastTests.medSurg), "\(error)")
        try ws.write("s.yml", "scenarios:\n  - name: typo\n    rate: {Supplies: 3}\n")
        let account = try #require(throws: PipelineError.self) { try run(scenarios: try ScenarioSet.load(ws.path + "/s.yml")) }
        #expect(account.location?.line == 3 && account.message.contains("no account 'Supplies'"), "\(account)")
    }
}

/// The cells of a Table as the CSV writer writes them.
enum CSVTextRows {
    static func parse(_ table: Table) -> [[String]] {
        let url = TestScratch.path("qm-rows", suffix: ".csv")
        defer { try? FileManager.default.removeItem(at: url) }
        guard (try? table.write(to: url.path)) != nil, let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// The variance's words on revenue and signs: the summary names revenue (it spoke of expense
/// alone, so a revenue shortfall read "on budget"), and a line booked with the opposite sign
/// of its budget in every month (revenue exported as credits) is named.
@Suite struct VarianceRevenueTests {
    static func tables(revenueSign: Double, budgetSign: Double = 1, allowances: Bool = false) -> (Table, Table) {
        var bDept: [String] = [], bAcct: [String] = [], bPeriod: [String] = [], bAmount: [Double] = [], bType: [String] = []
        var aDept: [String] = [], aAcct: [String] = [], aPeriod: [String] = [], aAmount: [Double] = []
        for k in 0..<12 {
            let m = (6 + k) % 12 + 1, period = "\(k < 6 ? 2025 : 2026)-\(m < 10 ? "0" : "")\(m)"
            let lines = [("5010 Salaries", "expense", 100_000.0, 100_000.0), ("4010 Revenue", "revenue", 500_000 * budgetSign, 450_000 * revenueSign)]
                + (allowances ? [("4090 Allowances", "revenue", -50_000, -60_000)] : [])
            for (account, type, budget, actual) in lines {
                bDept.append("ICU"); bAcct.append(account); bPeriod.append(period); bAmount.append(budget); bType.append(type)
                if k < 3 { aDept.append("ICU"); aAcct.append(account); aPeriod.append(period); aAmount.append(actual) }
            }
        }
        return (Table([("department", .text(bDept)), ("account", .text(bAcct)), ("period", .text(bPeriod)), ("amount", .number(bAmount)), ("account_type", .text(bType))]),
                Table([("department", .text(aDept)), ("account", .text(aAcct)), ("period", .text(aPeriod)), ("amount", .number(aAmount))]))
    }

    @Test func theSummaryNamesRevenueAndFlags() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.hasPrefix("Revenue year to date: budget $1,500,000, actual $1,350,000, $150,000 below budget; projected FY2026 revenue") }, "\(summary)")
        #expect(summary.contains { $0.hasPrefix("3 booked months are flagged unfavorable, on 1 line") }, "\(summary)")
        #expect(!result.notes.contains { $0.contains("opposite sign") })
    }

    /// A line booked below zero every month (revenue as credits here) gets its forecast and a
    /// range, mirrored: the range came out empty.
    @Test func aLineBelowZeroHasARange() throws {
        // Allowances, a deduction from revenue booked below zero (-60,000 a month).
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1, allowances: true)
        let rows = RollingForecastTests.records(VarianceJob.table(try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)))
        let october = try #require(rows.first { $0["account"] == "4090 Allowances" && $0["period"] == "2025-10" })
        let forecast = try #require(Double(october["forecast"] ?? "")), low = try #require(Double(october["forecast_lo80"] ?? "")),
            high = try #require(Double(october["forecast_hi80"] ?? ""))
        #expect(forecast < 0 && low <= forecast && forecast <= high, "\(october)")
    }

    /// Revenue booked below zero in both files (a trial balance's credits): read with the
    /// signs turned, so 450,000 booked against 500,000 budgeted a month is $150,000 below
    /// budget over three months, not above it, and the summary says how it was read. Read as
    /// written, -660,000 against -600,000 (10% more revenue) was a shortfall flagged every month.
    @Test func revenueBookedAsCreditsInBothFilesIsTurned() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: -1, budgetSign: -1)
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.hasPrefix("Revenue year to date: budget $1,500,000, actual $1,350,000, $150,000 below budget") }, "\(summary)")
        #expect(summary.contains("The revenue line (ICU / 4010 Revenue) is booked below zero in both the budget and the ledger (revenue as credits): read with the signs turned, so revenue shows as positive and more of it is favorable."), "\(summary)")
        let rows = RollingForecastTests.records(VarianceJob.table(result))
        let july = try #require(rows.first { $0["account"] == "4010 Revenue" && $0["period"] == "2025-07" })
        #expect(july["budget"] == "500000" && july["actual"] == "450000" && july["favorable"] == "false", "\(july)")
        // Beside positive revenue, a line below zero is a deduction and stays as written:
        // 60,000 of allowances against 50,000 budgeted is unfavorable.
        let (mixedBudget, mixedActuals) = VarianceRevenueTests.tables(revenueSign: 1, allowances: true)
        let mixed = try VarianceJob().run(budget: mixedBudget, actuals: mixedActuals, volumes: nil)
        #expect(!mixed.notes.contains { $0.contains("revenue as credits") })
        let allowance = try #require(RollingForecastTests.records(VarianceJob.table(mixed)).first { $0["account"] == "4090 Allowances" && $0["period"] == "2025-07" })
        #expect(allowance["actual"] == "-60000" && allowance["favorable"] == "false", "\(allowance)")
    }

    /// Revenue booked as credits against a positive budget (the usual ledger sign): turned to
    /// the budget's sign and named, so 450,000 a month against 500,000 is below budget.
    @Test func revenueBookedAsCreditsAgainstAPositiveBudgetIsTurnedAndNamed() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: -1)
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        #expect(result.notes.contains { $0.contains("the revenue line (ICU / 4010 Revenue) with the opposite sign of the budget (revenue as credits, the usual ledger sign)") }, "\(result.notes)")
        let july = try #require(RollingForecastTests.records(VarianceJob.table(result)).first { $0["account"] == "4010 Revenue" && $0["period"] == "2025-07" })
        #expect(july["actual"] == "450000" && july["favorable"] == "false", "\(july)")
    }
}

/// A month missing from the ledger export between booked months is named, in the notes and
/// the report's summary: read silently as zeros, it turned spending over budget into under.
@Suite struct LedgerGapTests {
    @Test func aMonthWithoutLedgerRowsIsNamed() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        let september = actuals.filtered(actuals.texts("period")!.map { $0 != "2025-08" })
        let result = try VarianceJob().run(budget: budget, actuals: september, volumes: nil)
        let note = "the actuals have no row for 2025-08, a month between months booked: read as nothing spent or earned"
        #expect(result.notes.contains { $0.hasPrefix(note) }, "\(result.notes)")
        #expect(VarianceJob.report(result, calendar: FiscalCalendar()).summary.contains { $0.hasPrefix("T" + note.dropFirst()) })
        #expect(!(try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)).notes.contains { $0.contains("no row") })
    }

    /// One line's month missing while the others were booked: read as $100,000 favorable and a
    /// lower projection, it is named like a whole month missing.
    @Test func aLineMissingAMonthTheOthersBookedIsNamed() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        let keep = zip(actuals.texts("account")!, actuals.texts("period")!).map { !($0 == "5010 Salaries" && $1 == "2025-08") }
        let result = try VarianceJob().run(budget: budget, actuals: actuals.filtered(keep), volumes: nil)
        #expect(result.notes.contains { $0.hasPrefix("1 budgeted line has no posting (no ledger row, a 0.00, or only amounts against the line's usual sign, such as reversals) in a month other lines posted in, after posting earlier months (ICU / 5010 Salaries 2025-08)") }, "\(result.notes)")
        #expect(!result.notes.contains { $0.contains("the actuals have no row") })
        // The same line missing the last month reported (payroll not yet posted) is named too.
        let lastMonth = zip(actuals.texts("account")!, actuals.texts("period")!).map { !($0 == "5010 Salaries" && $1 == "2025-09") }
        let trailing = try VarianceJob().run(budget: budget, actuals: actuals.filtered(lastMonth), volumes: nil)
        #expect(trailing.notes.contains { $0.contains("(ICU / 5010 Salaries 2025-09)") }, "\(trailing.notes)")
    }
}

/// An as-of in a fiscal year the budget has no month of is refused: every dollar booked read
/// as over budget ("$0 budget, $6,690,000 over", every month unfavorable).
@Suite struct BudgetYearTests {
    @Test func anAsOfInAYearTheBudgetDoesNotCoverIsRefused() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        let june = Table([("department", .text(["ICU"] + actuals.texts("department")!)), ("account", .text(["5010 Salaries"] + actuals.texts("account")!)),
                          ("period", .text(["2025-06"] + actuals.texts("period")!)), ("amount", .number([90_000] + actuals.numbers("amount")!))])
        var job = VarianceJob()
        job.asOf = Frequency.month.period(of: CalendarDay(year: 2025, month: 6, day: 1)!)
        let error = try #require(throws: PipelineError.self) { try job.run(budget: budget, actuals: june, volumes: nil) }
        #expect(error.message == "variance: the budget has no month of FY2025, the fiscal year of as-of 2025-06; it runs from 2025-07 to 2026-06: report as of a month it covers, or give FY2025's budget", "\(error.message)")
        job.asOf = nil
        #expect(try job.run(budget: budget, actuals: june, volumes: nil).fiscalYear == 2026)
    }
}

/// Forecast rows of months the budget does not cover (next fiscal year, four quarters ahead)
/// are not flagged: their whole forecast read as an unfavorable variance against $0.
@Suite struct UnbudgetedHorizonTests {
    @Test func forecastRowsOfUnbudgetedMonthsAreNotFlagged() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        var job = VarianceJob()
        job.horizonQuarters = 4
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        let next = result.rows.filter { $0.line.period.hasPrefix("FY2027") || $0.line.period.hasPrefix("2026-07") }
        #expect(!next.isEmpty)
        #expect(next.allSatisfy { $0.flag.isEmpty }, "\(next.map { "\($0.line.account) \($0.line.period) \($0.flag)" })")
        #expect(result.notes.contains { $0.hasPrefix("the forecast months 2026-07 to 2026-09 have no budget") }, "\(result.notes)")
    }

    /// Review wb-1: a forecast row of months the budget has none of was set against $0. ICU
    /// books salaries $100,000 and revenue $450,000 a month (flat, July to September 2025)
    /// against a FY2026 budget only; 4 quarters ahead reach FY2027-Q1 (2026-07 to 2026-09).
    /// Its salaries forecast is 3 x $100,000 = $300,000 and its revenue 3 x $450,000 =
    /// $1,350,000; against $0 they read variance $300,000 all "rate", favorable false, and
    /// revenue $1,350,000 favorable true. With no budget, budget, variance, variance_pct,
    /// favorable and the flexed split are blank (unknown), in the CSV, the department TOTAL
    /// and the report's quarter table, which says why beside it; the forecast stays. FY2026-Q2,
    /// budgeted ($300,000 of salaries), keeps its budget and variance ($0).
    @Test func forecastRowsOfUnbudgetedMonthsHaveNoBudgetOrVariance() throws {
        let (budget, actuals) = VarianceRevenueTests.tables(revenueSign: 1)
        var job = VarianceJob()
        job.horizonQuarters = 4
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        let rows = RollingForecastTests.records(VarianceJob.table(result))
        let blank = ["budget", "actual", "variance", "variance_pct", "favorable", "flexed_budget", "volume_variance", "rate_variance", "flag"]
        for (account, forecast) in [("5010 Salaries", 300_000.0), ("4010 Revenue", 1_350_000.0), ("TOTAL", 300_000.0)] {
            for period in ["FY2027-Q1", "2026-07"] {
                let row = try #require(rows.first { $0["account"] == account && $0["period"] == period }, "\(account) \(period)")
                #expect(blank.allSatisfy { row[$0] == "" }, "\(row)")
                let expected = period == "2026-07" ? forecast / 3 : forecast
                #expect(abs((Double(row["forecast"] ?? "") ?? 0) - expected) < 1, "\(row)")
            }
        }
        let q2 = try #require(rows.first { $0["account"] == "5010 Salaries" && $0["period"] == "FY2026-Q2" })
        #expect(q2["budget"] == "300000" && q2["variance"] == "0" && q2["favorable"] == "true", "\(q2)")
        let markdown = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "v")
        #expect(markdown.contains("Budget, variance, volume and rate are blank for FY2027-Q1, as in budget_variance.csv: the budget has no month of it"), "\(markdown)")
        let line = try #require(markdown.split(separator: "\n").first { $0.contains("| FY2027-Q1 |") })
        #expect(line.replacingOccurrences(of: " ", with: "").hasSuffix("|forecast||$300,000|||||"), "\(line)")
        #expect(result.notes.contains { $0.contains("have no budget: their rows and their quarters' leave budget, variance, favorable and the volume / rate split blank") }, "\(result.notes)")
    }
}

/// A buyer's-eye review of scenario files: an FTE change on a revenue account raised revenue
/// and net; scenarios at the fiscal year's last month each equalled the base with no word; a
/// percent written as a fraction (0.1 for 10%) changed almost nothing with no word.
@Suite struct ScenarioSlipTests {
    func run(asOf: Int, scenarios text: String) throws -> VarianceJob.Result {
        let ws = try Workspace()
        try ws.write("s.yml", text)
        let months = VarianceReviewTests.monthLabels(24, from: 2024)
        let lines = months.flatMap { m in [("D1", "Revenue", m, 50_000.0), ("D1", "Salaries", m, 30_000.0)] }
        let types = lines.map { $0.1 == "Revenue" ? "revenue" : "expense" }
        var job = VarianceJob()
        job.asOf = asOf
        job.scenarios = try ScenarioSet.load(ws.path + "/s.yml")
        return try job.run(budget: VarianceReviewTests.table(lines, types: types), actuals: VarianceReviewTests.table(lines, types: types),
                           volumes: nil)
    }

    /// A budget for part of the fiscal year: the scenarios' projected variance is blank as the
    /// base's is, and the report says no "over budget" of them (the nine unbudgeted months read
    /// as overspend in budget_scenarios.csv and the scenario bullets).
    @Test func scenariosOfAPartYearBudgetSetNoVarianceAgainstIt() throws {
        let ws = try Workspace()
        try ws.write("s.yml", "scenarios:\n  - name: more\n    rate: {Salaries: 3}\n")
        let months = VarianceReviewTests.monthLabels(24, from: 2024)
        let lines = months.flatMap { m in [("D1", "Salaries", m, 30_000.0)] }
        var job = VarianceJob()
        job.asOf = 2025 * 12 + 0
        job.scenarios = try ScenarioSet.load(ws.path + "/s.yml")
        let result = try job.run(budget: VarianceReviewTests.table(lines.filter { $0.2 >= "2024-07" && $0.2 <= "2024-12" }),
                                 actuals: VarianceReviewTests.table(lines.filter { $0.2 <= "2025-01" }), volumes: nil)
        #expect(result.partialBudget != nil)
        let csv = RollingForecastTests.records(VarianceJob.scenarioTable(try #require(result.scenarios), fiscalYear: result.fiscalYear, partialBudget: true))
        #expect(!csv.isEmpty && csv.allSatisfy { $0["projected_variance"] == "" }, "\(csv.prefix(2))")
        let markdown = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "v")
        let bullet = markdown.split(separator: "\n").first { $0.hasPrefix("- more: projected expense") }
        #expect(bullet != nil && !(bullet ?? "").contains("budget") && !markdown.contains("variance by department and scenario"), "\(markdown)")
    }

    /// With negatives in parentheses, a scenario's fall against the base was "(($5,940) against
    /// the base)".
    @Test func aScenariosFallReadsOnceInParentheses() throws {
        let result = try run(asOf: 2025 * 12 + 9, scenarios: "scenarios:\n  - name: less\n    rate: {Revenue: -3}\n")
        var style = NumberStyle()
        style.negatives = .parentheses
        let markdown = VarianceJob.report(result, calendar: FiscalCalendar(), numbers: style).markdown(figurePrefix: "v")
        let bullet = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- less: projected expense") })
        #expect(bullet.contains(") against the base; net $") && !bullet.contains("(("), "\(bullet)")
    }

    /// A scenario naming a department as the ledger writes it (`6010`) where the budget has
    /// `06010`: one department, as the variance reads them (it failed, "no department '6010'").
    @Test func scenarioNamesMatchCodesWithoutTheirLeadingZeros() throws {
        let ws = try Workspace()
        try ws.write("s.yml", "scenarios:\n  - name: up\n    volume: {\"6010\": 10}\n")
        var set = try ScenarioSet.load(ws.path + "/s.yml")
        #expect(throws: Never.self) { _ = try set.matchNames(departments: ["06010"], accounts: ["Supplies"], revenueAccounts: []) }
        #expect(set.scenarios.first?.volume["06010"] == 10, "\(set.scenarios)")
    }

    @Test func anFTEChangeOnARevenueAccountIsRefused() throws {
        let error = try #require(throws: PipelineError.self) {
            try run(asOf: 2025 * 12 + 9, scenarios: "scenarios:\n  - name: rn\n    fte: {department: D1, account: Revenue, count: 2, annual_cost: 98000}\n")
        }
        #expect(error.location?.line == 3 && error.message.contains("'Revenue' is a revenue account; an FTE change adds cost"), "\(error)")
    }

    /// Names in another case or spacing are the ledger's, as --inflation's accounts and
    /// staffing's units are, and a cost may be written as money.
    @Test func namesMatchInAnyCaseAndCostsReadAsMoney() throws {
        let result = try run(asOf: 2025 * 12 + 9, scenarios: """
            scenarios:
              - name: rn
                fte: {department: d1, account: " salaries", count: 1, annual_cost: "$120,000"}

            """)
        #expect(result.notes.contains("scenarios: read 'd1' as 'D1', ' salaries' as 'Salaries', the ledger's spelling"), "\(result.notes)")
        let rn = try #require(result.scenarios?.first { $0.scenario == "rn" && $0.department == "D1" && $0.account == "Salaries" })
        // As of October 2025 (months count from 0), November to June: 8 months of $10,000.
        #expect(abs(rn.changeVsBase - 80_000) < 0.01, "\(rn.changeVsBase)")
    }

    @Test func aFractionAndTheYearsLastMonthAreSaid() throws {
        let fraction = try run(asOf: 2025 * 12 + 9, scenarios: "scenarios:\n  - name: up\n    volume: {D1: 0.1}\n")
        #expect(fraction.notes.contains("scenario 'up': the volume change of 'D1' is 0.1, read as 0.1%; write 10 for 10%"), "\(fraction.notes)")
        // June is the fiscal year's last month (July start): nothing is left to change.
        let june = try run(asOf: 2026 * 12 + 5, scenarios: "scenarios:\n  - name: up\n    volume: {D1: 10}\n")
        #expect(june.notes.contains { $0.hasPrefix("as-of 2026-06 is FY2026's last month: no month of it is left for the scenarios to change") }, "\(june.notes)")
    }
}
