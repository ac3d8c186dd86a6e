import Testing
@testable import Planning
import Tabular
import Forecasting

@Suite struct FiscalCalendarTests {
    func month(_ y: Int, _ m: Int) -> Int { y * 12 + m - 1 }

    @Test func julyStartNamesTheYearItEndsIn() {
        let c = FiscalCalendar(firstMonth: 7)
        #expect(c.fiscalYear(ofMonth: month(2026, 7)) == 2027)
        #expect(c.fiscalYear(ofMonth: month(2027, 6)) == 2027)
        #expect(c.fiscalYear(ofMonth: month(2026, 6)) == 2026)
        #expect(c.quarterLabel(ofMonth: month(2026, 7)) == "FY2027-Q1")
        #expect(c.quarterLabel(ofMonth: month(2026, 9)) == "FY2027-Q1")
        #expect(c.quarterLabel(ofMonth: month(2026, 10)) == "FY2027-Q2")
        #expect(c.quarterLabel(ofMonth: month(2027, 1)) == "FY2027-Q3")
        #expect(c.quarterLabel(ofMonth: month(2027, 6)) == "FY2027-Q4")
        #expect(c.ytdLabel(ofMonth: month(2026, 9)) == "FY2027-YTD")
        #expect(c.months(ofFiscalYear: 2027).first == month(2026, 7))
        #expect(c.months(ofFiscalYear: 2027).last == month(2027, 6))
        #expect(FiscalCalendar(firstMonth: 7, namedByStartYear: true).fiscalYear(ofMonth: month(2026, 7)) == 2026)
    }

    @Test func octoberStartLikeTheUSGovernment() {
        let c = FiscalCalendar(firstMonth: 10)
        #expect(c.fiscalYear(ofMonth: month(2025, 10)) == 2026)
        #expect(c.fiscalYear(ofMonth: month(2025, 9)) == 2025)
        #expect(c.quarterLabel(ofMonth: month(2025, 12)) == "FY2026-Q1")
        #expect(c.quarterLabel(ofMonth: month(2026, 1)) == "FY2026-Q2")
        #expect(c.quarterLabel(ofMonth: month(2026, 9)) == "FY2026-Q4")
        #expect(c.fiscalMonth(ofMonth: month(2026, 9)) == 12)
    }

    @Test func januaryStartIsTheCalendarYear() {
        let c = FiscalCalendar(firstMonth: 1)
        #expect(c.fiscalYear(ofMonth: month(2026, 1)) == 2026)
        #expect(c.fiscalYear(ofMonth: month(2026, 12)) == 2026)
        #expect(c.quarterLabel(ofMonth: month(2026, 3)) == "FY2026-Q1")
        #expect(c.quarterLabel(ofMonth: month(2026, 4)) == "FY2026-Q2")
        #expect(c.months(ofFiscalYear: 2026) == Array(month(2026, 1)...month(2026, 12)))
        #expect(FiscalCalendar.parseYear("FY2028") == 2028)
        #expect(FiscalCalendar.parseYear("2028") == nil)
    }

    @Test func budgetLabelsAreReadInTheirCommonSpellings() {
        for text in ["FY2025", "fy2025", "FY25", "FY 2025", "FY-2025", " 2025 "] { #expect(FiscalCalendar.parseLabel(text) == 2025, "\(text)") }
        for text in ["banana", "FY", "FY202", "2025-26", "FY2025-Q1", "\u{0662}\u{0660}\u{0662}\u{0665}"] { #expect(FiscalCalendar.parseLabel(text) == nil, "\(text)") }
    }

    /// Which calendars a budget's labels allow: twelve months of one label pin the first month;
    /// a single month allows several, and labels on months of two years under one name none.
    @Test func theCalendarsABudgetsLabelsFit() {
        let january = (1...12).map { (month: month(2025, $0), fiscalYear: 2025) }
        #expect(FiscalCalendar.calendars(fitting: january) == [FiscalCalendar(firstMonth: 1)])
        let october = (0..<12).map { (month: month(2024, 10) + $0, fiscalYear: 2025) }
        #expect(FiscalCalendar.calendars(fitting: october) == [FiscalCalendar(firstMonth: 10)])
        let byStart = (0..<12).map { (month: month(2025, 7) + $0, fiscalYear: 2025) }
        #expect(FiscalCalendar.calendars(fitting: byStart) == [FiscalCalendar(firstMonth: 7, namedByStartYear: true)])
        #expect(FiscalCalendar.calendars(fitting: [(month(2025, 3), 2025)]).count > 1)
        #expect(FiscalCalendar.calendars(fitting: [(month(2024, 3), 2025), (month(2025, 6), 2025), (month(2025, 9), 2025)]).isEmpty)
        #expect(FiscalCalendar(firstMonth: 7).description == "fiscal years from July, named by the year they end in")
    }
}

@Suite struct VarianceLineTests {
    @Test func flexibleBudgetSplitsVolumeFromRate() {
        // Supplies budget $100,000 for 1,000 patient days; actual $126,000 on 1,200 days.
        // Flexed = 100,000 x 1,200 / 1,000 = 120,000: volume variance 20,000, rate 6,000.
        let l = VarianceLine(department: "ICU", account: "Supplies", period: "2026-07", budget: 100_000, actual: 126_000,
                             budgetVolume: 1_000, actualVolume: 1_200)
        #expect(l.variance == 26_000)
        #expect(l.variancePercent == 26)
        #expect(!l.favorable)
        #expect(l.flexedBudget == 120_000)
        #expect(l.volumeVariance == 20_000)
        #expect(l.rateVariance == 6_000)
        #expect(l.volumeVariance + l.rateVariance == l.variance)
        // Over the flexed budget too, so volume does not cover it; at the flexed budget it does.
        #expect(!l.overBudgetButCoveredByVolume)
        let covered = VarianceLine(department: "ICU", account: "Supplies", period: "2026-07", budget: 100_000, actual: 120_000,
                                   budgetVolume: 1_000, actualVolume: 1_200)
        #expect(covered.overBudgetButCoveredByVolume)
        let slightlyOver = VarianceLine(department: "ICU", account: "Salaries", period: "FY2026-YTD", budget: 300_000, actual: 330_000,
                                        budgetVolume: 300, actualVolume: 327)
        #expect(slightlyOver.rateVariance == 3_000 && !slightlyOver.overBudgetButCoveredByVolume)
    }

    @Test func fixedAccountsAreNotFlexed() {
        let l = VarianceLine(department: "ICU", account: "Depreciation", period: "2026-07", budget: 50_000, actual: 49_000,
                             budgetVolume: 1_000, actualVolume: 1_200, behavior: .fixed)
        #expect(l.flexedBudget == 50_000)
        #expect(l.volumeVariance == 0)
        #expect(l.rateVariance == -1_000)
        #expect(l.favorable)
    }

    @Test func revenueOverBudgetIsFavorable() {
        let over = VarianceLine(department: "Clinic A", account: "Patient revenue", period: "2026-07", budget: 200_000, actual: 230_000, accountType: .revenue)
        #expect(over.favorable)
        #expect(over.variancePercent == 15)
        let under = VarianceLine(department: "Clinic A", account: "Patient revenue", period: "2026-07", budget: 200_000, actual: 190_000, accountType: .revenue)
        #expect(!under.favorable)
        #expect(under.variancePercent == -5)
        let expenseUnder = VarianceLine(department: "Clinic A", account: "Supplies", period: "2026-07", budget: 10_000, actual: 9_000)
        #expect(expenseUnder.favorable)
    }

    @Test func yearToDateAddsMonthsAndTheirFlexedBudgets() {
        // July: budget 100 on 10 days, actual 130 on 12 days (flexed 120).
        // August: budget 100 on 10 days, actual 90 on 9 days (flexed 90).
        let july = VarianceLine(department: "D", account: "A", period: "2026-07", budget: 100, actual: 130, budgetVolume: 10, actualVolume: 12)
        let august = VarianceLine(department: "D", account: "A", period: "2026-08", budget: 100, actual: 90, budgetVolume: 10, actualVolume: 9)
        let ytd = VarianceLine.total([july, august], department: "D", account: "A", period: "FY2027-YTD")
        #expect(ytd.budget == 200)
        #expect(ytd.actual == 220)
        #expect(ytd.variance == 20)
        #expect(ytd.variancePercent == 10)
        #expect(ytd.flexedBudget == 210)
        #expect(ytd.volumeVariance == 10)
        #expect(ytd.rateVariance == 10)
        #expect(ytd.budgetVolume == 20 && ytd.actualVolume == 21)
    }

    @Test func noBudgetMeansNoPercentage() {
        #expect(VarianceLine(department: "D", account: "A", period: "p", budget: 0, actual: 10).variancePercent == nil)
    }
}

@Suite struct ForecastHorizonTests {
    func month(_ y: Int, _ m: Int) -> Int { y * 12 + m - 1 }

    @Test func toTheFiscalYearEndOrWholeQuartersAhead() {
        let c = FiscalCalendar(firstMonth: 7)
        // As of August 2026 (FY2027 month 2): September to June.
        #expect(c.forecastMonths(after: month(2026, 8), quarters: nil) == Array(month(2026, 9)...month(2027, 6)))
        // One quarter: the rest of Q1 (September) and Q2 (October-December).
        #expect(c.forecastMonths(after: month(2026, 8), quarters: 1) == Array(month(2026, 9)...month(2026, 12)))
        // As of June, the year's last month: nothing left of FY2027, but 12 quarters run to June 2030.
        #expect(c.forecastMonths(after: month(2027, 6), quarters: nil).isEmpty)
        #expect(c.forecastMonths(after: month(2027, 6), quarters: 12) == Array(month(2027, 7)...month(2030, 6)))
        #expect(FiscalCalendar.horizonQuarters == 1...12)
    }
}

@Suite struct ScenarioProjectionTests {
    @Test func volumeMovesVariableLinesRateMovesAnyAndPositionsCostTheirMonths() {
        // Three months booked at 100 and 1,000; three forecast at 100 and 1,000.
        let projection = ScenarioProjection(lines: [
            .init(department: "ICU", account: "Supplies", behavior: .variable, budgetFY: 500, bookedToDate: 300, remaining: [100, 100, 100]),
            .init(department: "ICU", account: "Rent", behavior: .fixed, budgetFY: 6_000, bookedToDate: 3_000, remaining: [1_000, 1_000, 1_000]),
        ], remainingMonths: 3)
        let rows = projection.rows([
            BudgetScenario(name: "both", volume: ["ICU": 10], rate: ["*": 50]),
            BudgetScenario(name: "nurse", staff: [.init(department: "ICU", account: "Salaries", count: 1, annualCost: 120_000)]),
        ])
        func find(_ s: String, _ a: String) -> ScenarioProjection.Row? { rows.first { $0.scenario == s && $0.account == a && $0.department == "ICU" } }
        // Supplies: 300 + 3 x 100 x 1.1 x 1.5 = 795; rent is fixed, so only the rate: 3,000 + 3 x 1,500 = 7,500.
        #expect(abs((find("both", "Supplies")?.projectedFY ?? 0) - 795) < 1e-9)
        #expect(find("both", "Rent")?.projectedFY == 7_500)
        // A position on a line the ledger lacks: 3 months of 10,000, and 0 in the base.
        #expect(find("nurse", "Salaries")?.projectedFY == 30_000)
        #expect(find("base", "Salaries")?.projectedFY == 0)
        #expect(rows.first { $0.scenario == "nurse" && $0.department == "ALL" }?.changeVsBase == 30_000)
        #expect(rows.filter { $0.scenario == "base" }.map(\.account) == ["Rent", "Salaries", "Supplies", "TOTAL", "TOTAL"])
    }

    /// With revenue: `ALL` / `REVENUE` and `ALL` / `NET` rows. Census down 20% cuts variable
    /// expense 3 x 100 x 0.2 = 60 and variable revenue 3 x 1,000 x 0.2 = 600: expense reads as
    /// a saving of 60, the net is 540 worse.
    @Test func revenueAndTheNetBesideExpense() {
        let projection = ScenarioProjection(lines: [
            .init(department: "ICU", account: "Supplies", behavior: .variable, budgetFY: 500, bookedToDate: 300, remaining: [100, 100, 100]),
            .init(department: "ICU", account: "Revenue", accountType: .revenue, behavior: .variable, budgetFY: 6_000, bookedToDate: 3_000, remaining: [1_000, 1_000, 1_000]),
        ], remainingMonths: 3)
        let rows = projection.rows([BudgetScenario(name: "down", volume: ["ICU": -20])])
        func all(_ s: String, _ a: String) -> ScenarioProjection.Row? { rows.first { $0.scenario == s && $0.department == "ALL" && $0.account == a } }
        #expect(all("down", "TOTAL")?.changeVsBase.rounded() == -60)
        #expect(all("down", "REVENUE")?.changeVsBase.rounded() == -600)
        #expect(all("down", "NET")?.changeVsBase.rounded() == -540)
        #expect(all("base", "NET")?.projectedFY == 6_000 - 600 && all("base", "NET")?.budgetFY == 6_000 - 500)
    }
}

/// A line's months err together: any two with correlation `Projection.monthCorrelation`
/// (0.25); different lines independently.
@Suite struct ProjectionTests {
    @Test func monthsOfOneLineAreCorrelatedAndLinesAreNot() {
        let month = Projection(amount: 100, spread: 10)
        #expect(abs(month.variance - 100) < 1e-9)
        #expect(abs(month.hi80 - (100 + 1.2815515655446004 * 10)) < 1e-9)
        // Three months of one line: 3 x 100 + 6 pairs x 0.25 x 100 = 450
        // (independent: 300; moving together: 900).
        let quarter = Projection.sum([month, month, month])
        #expect(quarter.amount == 300)
        #expect(abs(quarter.variance - 450) < 1e-9, "\(quarter.variance)")
        // Booked months add no error.
        #expect(abs((Projection(amount: 50) + quarter).variance - 450) < 1e-9)
        // Two lines' quarters: their variances add.
        let department = Projection.acrossLines([quarter, quarter])
        #expect(department.amount == 600 && abs(department.variance - 900) < 1e-9)
        // Summing that again as a line's months would count it as shared: nothing left to share.
        #expect(department.sharedError == 0)
    }

    /// Volume x rate to first order: rate^2 var(volume) + volume^2 var(rate) for one month,
    /// and a correlation of 0.25 between two months of the product.
    @Test func aProductKeepsItsMonthsCorrelated() {
        let volume = Projection(amount: 200, spread: 20), rate = Projection(amount: 5, spread: 0.5)
        let month = Projection.product(volume, rate)
        #expect(month.amount == 1_000)
        #expect(abs(month.variance - (25 * 400 + 40_000 * 0.25)) < 1e-6, "\(month.variance)")
        let two = month + month
        #expect(abs(two.variance - 2 * month.variance * 1.25) < 1e-6, "\(two.variance)")
    }
}

/// A daily census as volumes: days summed into months, months with days missing left out.
@Suite struct DailyVolumesTests {
    @Test func daysAreSummedAndPartMonthsLeftOut() throws {
        let july1 = try #require(CalendarDay(year: 2025, month: 7, day: 1))
        // ICU: 10 a day from July 1 to August 15 (46 days); budget volume 9 a day.
        let days = (0..<46).map { july1.adding(days: $0) }
        let daily = try #require(DailyVolumes(departments: days.map { _ in "ICU" }, days: days,
                                              budget: days.map { _ in 9 }, actual: days.map { _ in 10 }))
        let july = Frequency.month.period(of: july1)
        #expect(daily.actual["ICU"] == [july: 310])
        #expect(daily.budget["ICU"] == [july: 279])
        #expect(daily.partial.count == 1 && daily.partial[0].days == 15 && daily.partial[0].of == 31)
        #expect(daily.note(file: " (census.csv)").contains("left out (ICU 2025-08 has 15 of 31 days)"))
        // One figure a month (dated its last day): not daily.
        let monthly = try [(7, 31), (8, 31), (9, 30)].map { try #require(CalendarDay(year: 2025, month: $0.0, day: $0.1)) }
        #expect(DailyVolumes(departments: ["ICU", "ICU", "ICU"], days: monthly, budget: nil, actual: [310, 300, 310]) == nil)
    }
}

/// Which variances split into volume and rate (`VarianceLine.splitsByVolume`).
@Suite struct VarianceSplitTests {
    /// A variable line with a budget and both volumes splits; spending with no budget, a fixed
    /// line and a line without volumes do not: their "rate variance" is the whole variance
    /// ($60,000 of a new department's payroll read "mostly rate (price or efficiency)").
    @Test func onlyBudgetedVariableLinesWithVolumesSplit() {
        let split = VarianceLine(department: "ICU", account: "Salaries", period: "2025-07", budget: 300, actual: 346.5, budgetVolume: 300, actualVolume: 330)
        #expect(split.splitsByVolume && abs(split.volumeVariance - 30) < 1e-9 && abs(split.rateVariance - 16.5) < 1e-9)
        let unbudgeted = VarianceLine(department: "New", account: "Salaries", period: "2025-07", budget: 0, actual: 60, budgetVolume: 0, actualVolume: 10)
        #expect(!unbudgeted.splitsByVolume && unbudgeted.rateVariance == 60)
        #expect(!VarianceLine(department: "Lab", account: "Consulting", period: "2025-07", budget: 10, actual: 11, budgetVolume: 5, actualVolume: 6, behavior: .fixed).splitsByVolume)
        #expect(!VarianceLine(department: "Lab", account: "Supplies", period: "2025-07", budget: 10, actual: 11).splitsByVolume)
    }
}
