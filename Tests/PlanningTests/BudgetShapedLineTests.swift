import Testing
@testable import Planning
import Forecasting
import Tabular

/// Lines whose budget says when they spend (an annual invoice budgeted in one month, a
/// quarterly premium), booked in those months: projected at their budget for the months left
/// (a finance review's case 05), with the engine itself forecasting the other lines.
@Suite struct BudgetShapedLineTests {
    static let month = VarianceLineProjectionTests.month
    static let fiscalYear = VarianceLineProjectionTests.fiscalYear
    static let rows = VarianceLineProjectionTests.rows

    /// FY2026 (July start), booked July to March. Salaries budgeted 95,000 a month, booked
    /// 95,400. Software maintenance budgeted 120,000 in February and 0.00 in the other eleven
    /// months, paid 118,500 in February. April to June of the maintenance line are budgeted $0
    /// and projected $0: its year 118,500, 1,500 under its 120,000. Forecast from its postings
    /// it was "posted once, too recently to tell", at 59,250 a month (February and March's
    /// nothing averaged): 177,750 for April to June, the year 176,250 over.
    @Test func anAnnualInvoiceBudgetedAndPaidInOneMonthProjectsItsBudgetForTheMonthsLeft() throws {
        let feb = Self.month(2026, 2), mar = Self.month(2026, 3)
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("8100 IS", "5010 Salaries", m, 95_000), ("8100 IS", "6500 Software Maintenance", m, m == feb ? 120_000 : 0)]
        })
        let booked = Self.fiscalYear.filter { $0 <= mar }
        let actuals = Self.rows(booked.map { ("8100 IS", "5010 Salaries", $0, 95_400.0) } + [("8100 IS", "6500 Software Maintenance", feb, 118_500)])
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let maintenance = try VarianceLineProjectionTests.projection(outcome, "6500 Software Maintenance")
        for period in ["2026-04", "2026-05", "2026-06"] {
            #expect(maintenance.months[period] == 0, "\(period): \(maintenance.months[period] ?? .nan)")
        }
        #expect(abs((maintenance.year.projectedFY ?? .nan) - 118_500) < 0.01, "\(maintenance.year.projectedFY ?? .nan)")
        #expect(abs((maintenance.year.projectedVariance ?? .nan) + 1_500) < 0.01)
        // The note says what was done, not "projected as monthly".
        let note = try #require(outcome.notes.first { $0.contains("6500 Software Maintenance") })
        #expect(note.contains("budgeted in one month of FY2026 only") && note.contains("projected at its budget for them") && note.contains("$0 projected for the months left"), "\(note)")
        #expect(!outcome.notes.contains { $0.contains("too recently") })
    }

    /// A premium budgeted 30,000 in September, December, March and June, booked 29,000 in
    /// September, 30,500 in January (December's invoice a month late) and 30,000 in March:
    /// 89,500 against 90,000 to date. As of March, April and May are $0 and June 30,000; the
    /// year 119,500, 500 under its 120,000.
    @Test func aQuarterlyChargeBookedNextToItsBudgetedMonthsKeepsItsQuarters() throws {
        let quarters = [Self.month(2025, 9), Self.month(2025, 12), Self.month(2026, 3), Self.month(2026, 6)]
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("Admin", "Rent", m, 10_000), ("Admin", "Insurance", m, quarters.contains(m) ? 30_000 : 0)]
        })
        let mar = Self.month(2026, 3)
        let actuals = Self.rows(Self.fiscalYear.filter { $0 <= mar }.map { ("Admin", "Rent", $0, 10_000.0) }
            + [("Admin", "Insurance", Self.month(2025, 9), 29_000), ("Admin", "Insurance", Self.month(2026, 1), 30_500), ("Admin", "Insurance", mar, 30_000)])
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let insurance = try VarianceLineProjectionTests.projection(outcome, "Insurance")
        #expect(insurance.months["2026-04"] == 0 && insurance.months["2026-05"] == 0 && insurance.months["2026-06"] == 30_000, "\(insurance.months)")
        #expect(abs((insurance.year.projectedVariance ?? .nan) + 500) < 0.01, "\(insurance.year.projectedVariance ?? .nan)")
    }

    /// What is not shaped by its budget: a line budgeted in February that posts every month
    /// (a year's amount in one month), an invoice at twice its budget, and any line of a
    /// budget that covers part of the year (a half-year budget puts every line in a few months).
    @Test func onlyALineBookedWhereAndAboutAsBudgetedIsShaped() {
        let feb = Self.month(2026, 2), mar = Self.month(2026, 3), apr = Self.month(2026, 4)
        let budget = Dictionary(uniqueKeysWithValues: Self.fiscalYear.map { ($0, $0 == feb ? 120_000.0 : 0) })
        func find(_ booked: [Int: Double], covers: Bool = true) -> BudgetShapedLine? {
            BudgetShapedLine.find(budget: budget, booked: booked, fiscalYear: Self.fiscalYear, budgetCoversYear: covers, asOf: mar, ahead: [apr])
        }
        #expect(find([feb: 118_500])?.projection[apr]?.amount == 0)
        #expect(find([feb: 118_500], covers: false) == nil)
        #expect(find([feb: 240_000]) == nil)
        #expect(find(Dictionary(uniqueKeysWithValues: Self.fiscalYear.filter { $0 <= mar }.map { ($0, 10_000.0) })) == nil)
        // Paid in March, a month late: still next to its month.
        #expect(find([mar: 120_000]) != nil)
    }

    /// With volumes (100 patient days a month, budgeted and booked) and no behavior column,
    /// every line is variable and flexed: the maintenance line, projected at its budget, keeps
    /// its forecast rows' volume / rate split, and so does its department's TOTAL (the line
    /// with no forecast volume made the TOTAL's forecast rows lose theirs).
    @Test func aVariableLineProjectedAtItsBudgetStillFlexes() throws {
        let feb = Self.month(2026, 2), mar = Self.month(2026, 3)
        let planned: [(String, String, Int, Double)] = Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("8100 IS", "Supplies", m, 10_000), ("8100 IS", "6500 Software Maintenance", m, m == feb ? 120_000 : 0)]
        }
        let booked: [(String, String, Int, Double)] = Self.fiscalYear.filter { $0 <= mar }.map { ("8100 IS", "Supplies", $0, 10_000) } + [("8100 IS", "6500 Software Maintenance", feb, 118_500)]
        let budget = BudgetVarianceTests.rows(planned, volume: planned.map { _ in 100 })
        let actuals = BudgetVarianceTests.rows(booked, volume: booked.map { _ in 100 })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let april = outcome.rows.filter { $0.line.period == "2026-04" && $0.basis == .forecast }
        let maintenance = try #require(april.first { $0.line.account == "6500 Software Maintenance" })
        #expect(maintenance.line.actual == 0 && maintenance.volumeForecast, "\(maintenance)")
        #expect(try #require(april.first { $0.line.account == "TOTAL" }).volumeForecast)
    }
}
