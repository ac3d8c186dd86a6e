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
        // A budget of February's row alone is not known to be the year's.
        #expect(BudgetShapedLine.find(budget: [feb: 120_000], booked: [feb: 118_500], fiscalYear: Self.fiscalYear, budgetCoversYear: false, asOf: mar, ahead: [apr]) == nil)
        #expect(find([feb: 480_000]) == nil)
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

    /// FY2026 (July start), as of September 2025. Salaries budgeted and booked 95,000 a month;
    /// software maintenance budgeted 120,000 in October only (0.00 rows in the other months) and
    /// paid 118,500 in September, a month early. October is paid: October to June are $0, the year
    /// 118,500, 1,500 under budget. Before, the budget to date was $0 (October not reached) and the
    /// line was "posted once, too recently to tell" and projected as monthly: about 118,500 a
    /// month, 1,066,500 over for the nine months left.
    @Test func anAnnualInvoiceBookedAMonthEarlyLeavesItsBudgetedMonthPaid() throws {
        let sep = Self.month(2025, 9), oct = Self.month(2025, 10)
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("D1 Pharmacy", "5010 Salaries", m, 95_000), ("D1 Pharmacy", "7300 Software Maintenance", m, m == oct ? 120_000 : 0)]
        })
        let actuals = Self.rows(Self.fiscalYear.filter { $0 <= sep }.map { ("D1 Pharmacy", "5010 Salaries", $0, 95_000.0) } + [("D1 Pharmacy", "7300 Software Maintenance", sep, 118_500)])
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let maintenance = try VarianceLineProjectionTests.projection(outcome, "7300 Software Maintenance")
        #expect(maintenance.months.count == 9 && maintenance.months.values.allSatisfy { $0 == 0 }, "\(maintenance.months)")
        #expect(abs((maintenance.year.projectedFY ?? .nan) - 118_500) < 0.01, "\(maintenance.year.projectedFY ?? .nan)")
        let note = try #require(outcome.notes.first { $0.contains("7300 Software Maintenance") })
        #expect(note.contains("2025-10's charge booked early and projected $0"), "\(note)")
        // With a year of history (115,000 paid in October 2024) the same.
        let withHistory = BudgetShapedLine.find(budget: Dictionary(uniqueKeysWithValues: Self.fiscalYear.map { ($0, $0 == oct ? 120_000.0 : 0) }),
                                                booked: [Self.month(2024, 10): 115_000, sep: 118_500], fiscalYear: Self.fiscalYear, budgetCoversYear: true,
                                                asOf: sep, ahead: Array(oct...Self.month(2026, 6)))
        #expect(withHistory?.projection.values.allSatisfy { $0.amount == 0 } == true && withHistory?.paidEarly == [oct])
    }

    /// A Risk Management cost centre holding only a property premium budgeted 300,000 in July
    /// and a malpractice premium budgeted 50,000 in July, October, January and April (0.00 rows
    /// in every other month), beside an ICU paying rent monthly, as of September 2025: property paid 296,000 in July, malpractice
    /// 49,000. No month has a budget on every line, and the department's budget is $0 in August,
    /// but each line's own rows cover the year. Property: October to June $0, the year 296,000
    /// (spread before: 32,367.84 a month, 291,310.56 over). Malpractice: 50,000 in October,
    /// January and April (49,000 / 50,000 = 0.98, at budget), $0 between; the year 199,000.
    @Test func aCostCentreOfAnnualAndQuarterlyPremiumsKeepsTheirMonths() throws {
        let jul = Self.month(2025, 7), sep = Self.month(2025, 9)
        let quarters = [jul, Self.month(2025, 10), Self.month(2026, 1), Self.month(2026, 4)]
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("Risk Management", "7800 Property Insurance", m, m == jul ? 300_000 : 0), ("Risk Management", "7810 Malpractice Insurance", m, quarters.contains(m) ? 50_000 : 0),
             ("ICU", "Rent", m, 10_000)]
        })
        let actuals = Self.rows([("Risk Management", "7800 Property Insurance", jul, 296_000), ("Risk Management", "7810 Malpractice Insurance", jul, 49_000)]
                                + Self.fiscalYear.filter { $0 <= sep }.map { ("ICU", "Rent", $0, 10_000.0) })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let property = try VarianceLineProjectionTests.projection(outcome, "7800 Property Insurance")
        #expect(property.months.values.allSatisfy { $0 == 0 } && abs((property.year.projectedFY ?? .nan) - 296_000) < 0.01, "\(property.months)")
        let malpractice = try VarianceLineProjectionTests.projection(outcome, "7810 Malpractice Insurance")
        #expect(malpractice.months["2025-10"] == 50_000 && malpractice.months["2025-11"] == 0 && malpractice.months["2026-01"] == 50_000, "\(malpractice.months)")
        #expect(abs((malpractice.year.projectedFY ?? .nan) - 199_000) < 0.01)
    }

    /// A malpractice premium budgeted 100,000 in September, December, March and June, renewed at
    /// 160,000 in September 2025 (1.6x, outside the 0.5-1.5x band), as of September, beside a
    /// monthly rent. December, March and June are 160,000 each (budget x 1.6), October and
    /// November $0; the year 640,000. Before, the line was spread: about 41,371 every month,
    /// the year 532,335, 107,665 short.
    @Test func aQuarterlyPremiumRenewedHigherKeepsItsQuartersAtTheNewRate() throws {
        let sep = Self.month(2025, 9)
        let quarters = [sep, Self.month(2025, 12), Self.month(2026, 3), Self.month(2026, 6)]
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("Surgery", "Rent", m, 10_000), ("Surgery", "7600 Malpractice Premium", m, quarters.contains(m) ? 100_000 : 0)]
        })
        let actuals = Self.rows(Self.fiscalYear.filter { $0 <= sep }.map { ("Surgery", "Rent", $0, 10_000.0) } + [("Surgery", "7600 Malpractice Premium", sep, 160_000)])
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let premium = try VarianceLineProjectionTests.projection(outcome, "7600 Malpractice Premium")
        #expect(premium.months["2025-10"] == 0 && premium.months["2025-11"] == 0, "\(premium.months)")
        for period in ["2025-12", "2026-03", "2026-06"] { #expect(abs((premium.months[period] ?? .nan) - 160_000) < 0.01, "\(period): \(premium.months)") }
        #expect(abs((premium.year.projectedFY ?? .nan) - 640_000) < 0.01)
        let note = try #require(outcome.notes.first { $0.contains("7600 Malpractice Premium") })
        #expect(note.contains("booked at 1.6x its budget"), "\(note)")
    }

    /// Lines whose own history says the budget's months are not when they spend, as of September
    /// 2025: a linen service posting 13,000 every month from July 2024, budgeted 30,000 in July,
    /// October, January and April (every month is next to a budgeted one; 39,000 booked against
    /// 30,000 to date, 1.3x); and a contract budgeted 120,000 in July, paid in two 60,000
    /// instalments (July 2024, January 2025, July 2025: 0.5x). Both were read as shaped: linen
    /// projected at 30,000 a quarter (27,000 short of 9 x 13,000), the contract at $0 for the
    /// rest of the year (January's 60,000 lost). Over the twelve months through September the
    /// linen posted in 12 months against 4 budgeted: it is not shaped, and forecast from its
    /// postings. The contract posted in 2 against 1, both repeating a posting a year before:
    /// it is projected as it booked a year before.
    @Test func aLineThatPostsInMoreMonthsThanItsBudgetHoldsIsNotShaped() {
        let sep = Self.month(2025, 9), jul24 = Self.month(2024, 7)
        let ahead = Array(Self.month(2025, 10)...Self.month(2026, 6))
        let quarterly = Dictionary(uniqueKeysWithValues: Self.fiscalYear.map { ($0, [0, 3, 6, 9].contains($0 - Self.month(2025, 7)) ? 30_000.0 : 0) })
        let linen = Dictionary(uniqueKeysWithValues: (jul24...sep).map { ($0, 13_000.0) })
        #expect(BudgetShapedLine.find(budget: quarterly, booked: linen, fiscalYear: Self.fiscalYear, budgetCoversYear: true, asOf: sep, ahead: ahead) == nil)
        let annual = Dictionary(uniqueKeysWithValues: Self.fiscalYear.map { ($0, $0 == Self.month(2025, 7) ? 120_000.0 : 0) })
        // The contract's instalments repeat last year's months: January is 60,000 again (the
        // year 120,000, on budget), every other month left $0.
        let instalments = [jul24: 60_000.0, Self.month(2025, 1): 60_000, Self.month(2025, 7): 60_000]
        let contract = BudgetShapedLine.find(budget: annual, booked: instalments, fiscalYear: Self.fiscalYear, budgetCoversYear: true, asOf: sep, ahead: ahead)
        #expect(contract?.postsAsLastYear == [Self.month(2025, 1), Self.month(2025, 7)] && contract?.projection[Self.month(2026, 1)]?.amount == 60_000)
        #expect(contract?.projection.values.reduce(0) { $0 + $1.amount } == 60_000)
        // Paid once a year, as budgeted, it is shaped.
        #expect(BudgetShapedLine.find(budget: annual, booked: [jul24: 118_000, Self.month(2025, 7): 119_000], fiscalYear: Self.fiscalYear, budgetCoversYear: true, asOf: sep, ahead: ahead) != nil)
    }

    /// An accreditation fee budgeted 80,000 in August 2025 only (0.00 rows in the other months),
    /// paid 78,000 in August 2024 and not yet invoiced this year, as of September 2025, beside
    /// lab salaries booked monthly from July 2024. The fee is expected: 80,000 in October (the
    /// first month ahead), $0 after, the year 80,000 and its variance 0. Before, it was projected
    /// at $0, 80,000 favorable, with notes saying "no posting ... projected at $0" and "budget it
    /// if it recurs".
    @Test func aBudgetedAnnualFeeInvoicedLateIsExpectedInTheFirstMonthAhead() throws {
        let aug = Self.month(2025, 8), sep = Self.month(2025, 9)
        let budget = Self.rows(Self.fiscalYear.flatMap { m -> [(String, String, Int, Double)] in
            [("D2 Lab", "5010 Salaries", m, 50_000), ("D2 Lab", "7400 Accreditation Fee", m, m == aug ? 80_000 : 0)]
        })
        let actuals = Self.rows((Self.month(2024, 7)...sep).map { ("D2 Lab", "5010 Salaries", $0, 50_000.0) } + [("D2 Lab", "7400 Accreditation Fee", Self.month(2024, 8), 78_000)])
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: VarianceLineProjectionTests.engine)
        let fee = try VarianceLineProjectionTests.projection(outcome, "7400 Accreditation Fee")
        #expect(fee.months["2025-10"] == 80_000 && fee.months["2025-11"] == 0, "\(fee.months)")
        #expect(abs((fee.year.projectedFY ?? .nan) - 80_000) < 0.01 && abs(fee.year.projectedVariance ?? .nan) < 0.01, "\(fee.year)")
        let note = try #require(outcome.notes.first { $0.contains("7400 Accreditation Fee") })
        #expect(note.contains("2025-08's charge not yet invoiced and projected in 2025-10"), "\(note)")
        #expect(!outcome.notes.contains { $0.contains("Accreditation") && ($0.contains("budget it if it recurs") || $0.contains("projected at $0")) }, "\(outcome.notes)")
    }
}
