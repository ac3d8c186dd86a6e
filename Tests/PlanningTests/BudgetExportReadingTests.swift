import Testing
@testable import Planning
import Forecasting
import Tabular

/// Budgets and ledgers exported in ways a finance review found read wrong without a word: a
/// budget by quarter, a unit budgeted to open after as-of, revenue booked as credits against
/// a positive budget, and a volume of 0 for a month whose statistics were not loaded.
@Suite struct BudgetExportReadingTests {
    static func month(_ year: Int, _ month: Int) -> Int { BudgetVarianceTests.month(year, month) }
    static let fiscalYear = BudgetVarianceTests.fiscalYear
    static func rows(_ rows: [(String, String, Int, Double)], _ types: [String]?, _ volume: [Double]?) -> LedgerRows {
        BudgetVarianceTests.rows(rows, types: types, volume: volume)
    }
    static func flat(_ levels: [Character: Double]) -> (LineForecasts.Batch, (String, SeriesForecast) -> Void) throws -> Void { BudgetVarianceTests.flat(levels) }

    /// FY2026 (July start) budgeted in September, December, March and June only, three
    /// months' amount each, against a ledger booking both lines every month July to December:
    /// refused, naming the budget's file and saying to export by month.
    @Test func aBudgetByQuarterAgainstAMonthlyLedgerIsRefused() throws {
        let quarterEnds = [Self.month(2025, 9), Self.month(2025, 12), Self.month(2026, 3), Self.month(2026, 6)]
        var budget = Self.rows(quarterEnds.flatMap { [("ICU", "Salaries", $0, 3_000.0), ("ICU", "Supplies", $0, 600.0)] }, nil, nil)
        budget.file = " (budget_q.csv)"
        let booked = (0..<6).flatMap { [("ICU", "Salaries", Self.month(2025, 7) + $0, 1_000.0), ("ICU", "Supplies", Self.month(2025, 7) + $0, 200.0)] }
        let error = #expect(throws: BudgetVarianceError.self) { try BudgetVariance(budget: budget, actuals: Self.rows(booked, nil, nil)) }
        let message = try #require(error?.message)
        #expect(message.contains("the budget (budget_q.csv) holds amounts in 2025-09, 2025-12, 2026-03, 2026-06 only") && message.contains("export the budget by month"), "\(message)")
    }

    /// A line budgeted quarterly beside monthly lines is a monthly budget; and a budget of
    /// quarterly premiums alone, which the ledger also books quarterly, is read as it stands.
    @Test func aQuarterlyLineOrAQuarterlyLedgerIsNoQuarterlyBudget() throws {
        let quarterEnds = [Self.month(2025, 9), Self.month(2025, 12), Self.month(2026, 3), Self.month(2026, 6)]
        let monthly = Self.fiscalYear.map { ("ICU", "Salaries", $0, 1_000.0) } + quarterEnds.map { ("ICU", "Premium", $0, 900.0) }
        let booked = (0..<6).map { ("ICU", "Salaries", Self.month(2025, 7) + $0, 1_000.0) } + [("ICU", "Premium", Self.month(2025, 9), 900.0)]
        _ = try BudgetVariance(budget: Self.rows(monthly, nil, nil), actuals: Self.rows(booked, nil, nil))
        let premiums = quarterEnds.map { ("ICU", "Premium", $0, 900.0) }
        let paid = [("ICU", "Premium", Self.month(2025, 9), 900.0), ("ICU", "Premium", Self.month(2025, 12), 900.0)]
        _ = try BudgetVariance(budget: Self.rows(premiums, nil, nil), actuals: Self.rows(paid, nil, nil))
    }

    /// D2 opens in January: budgeted $500 a month from 2026-01, nothing booked by September.
    /// Its six months are projected at their budget ($3,000, on budget), not at $0, in the
    /// rows, the expense projection and the scenarios' base; the note says so.
    @Test func aLineBudgetedToOpenAfterAsOfIsProjectedAtItsBudget() throws {
        let budget = Self.fiscalYear.map { ("D1", "Supplies", $0, 1_000.0) } + Self.fiscalYear.filter { $0 >= Self.month(2026, 1) }.map { ("D2", "Supplies", $0, 500.0) }
        let actuals = (0..<3).map { ("D1", "Supplies", Self.month(2025, 7) + $0, 1_000.0) }
        let variance = try BudgetVariance(budget: Self.rows(budget, nil, nil), actuals: Self.rows(actuals, nil, nil))
        let outcome = try variance.projected(forecast: Self.flat(["a": 1_000]))
        let year = try #require(outcome.rows.first { $0.line.department == "D2" && $0.line.account == "Supplies" && $0.line.period == "FY2026-YTD" })
        #expect(abs((year.projectedFY ?? 0) - 3_000) < 1e-6 && abs(year.projectedVariance ?? 1) < 1e-6)
        let january = try #require(outcome.rows.first { $0.line.department == "D2" && $0.line.account == "Supplies" && $0.line.period == "2026-01" })
        #expect(abs((january.forecast?.amount ?? 0) - 500) < 1e-6 && january.flag.isEmpty)
        #expect(abs(outcome.projected.amount - 15_000) < 1e-6 && outcome.annualBudget == 15_000)
        let base = try #require(outcome.scenarioLines.first { $0.department == "D2" })
        #expect(abs(base.remaining.reduce(0, +) - 3_000) < 1e-6)
        #expect(variance.notes.contains { $0.contains("(D2 / Supplies from 2026-01, $3,000)") && $0.contains("projected at its budget") }, "\(variance.notes)")
    }

    /// A unit budgeted to open in the as-of month (2025-09) with nothing posted yet: its months
    /// ahead are projected at their budget too (9 x 500), not at $0.
    @Test func aLineBudgetedToOpenInTheAsOfMonthIsProjectedAtItsBudget() throws {
        let budget = Self.fiscalYear.map { ("D1", "Supplies", $0, 1_000.0) } + Self.fiscalYear.filter { $0 >= Self.month(2025, 9) }.map { ("D3", "Supplies", $0, 500.0) }
        let actuals = (0..<3).map { ("D1", "Supplies", Self.month(2025, 7) + $0, 1_000.0) }
        let variance = try BudgetVariance(budget: Self.rows(budget, nil, nil), actuals: Self.rows(actuals, nil, nil))
        let outcome = try variance.projected(forecast: Self.flat(["a": 1_000]))
        let year = try #require(outcome.rows.first { $0.line.department == "D3" && $0.line.period == "FY2026-YTD" })
        #expect(abs((year.projectedFY ?? 0) - 4_500) < 1e-6, "\(year)")
    }

    /// Revenue budgeted at +1,000 a month and booked as credits (-1,100) for three months,
    /// expense positive in both: the ledger's revenue is turned, so the quarter is 300 over
    /// budget and favorable, and no note asks for the same sign.
    @Test func revenueBookedAsCreditsAgainstAPositiveBudgetIsTurned() throws {
        let budget = Self.fiscalYear.flatMap { [("D1", "Revenue", $0, 1_000.0), ("D1", "Supplies", $0, 400.0)] }
        var actuals = Self.rows((0..<3).flatMap { [("D1", "Revenue", Self.month(2025, 7) + $0, -1_100.0), ("D1", "Supplies", Self.month(2025, 7) + $0, 400.0)] }, nil, nil)
        actuals.file = " (gl.csv)"
        let variance = try BudgetVariance(budget: Self.rows(budget, Array(repeating: ["Revenue", "Expense"], count: 12).flatMap { $0 }, nil), actuals: actuals)
        let outcome = try variance.projected(forecast: Self.flat(["a": 1_100]))
        let quarter = try #require(outcome.rows.first { $0.line.account == "Revenue" && $0.line.period == "FY2026-Q1" })
        #expect(abs(quarter.line.actual - 3_300) < 1e-6 && abs(quarter.line.variance - 300) < 1e-6 && quarter.line.favorable)
        #expect(variance.notes.contains { $0.hasPrefix("the actuals (gl.csv) book the revenue line (D1 / Revenue) with the opposite sign of the budget") }, "\(variance.notes)")
        #expect(!outcome.notes.contains { $0.contains("give the ledger and the budget the same sign") }, "\(outcome.notes)")
        let supplies = try #require(outcome.rows.first { $0.line.account == "Supplies" && $0.line.period == "FY2026-Q1" })
        #expect(abs(supplies.line.actual - 1_200) < 1e-6, "expense stays as booked")
    }

    /// Two expense lines both booked negative against positive budgets: turned as well. One
    /// revenue line opposite beside one that agrees: nothing tells the sign, so both are read
    /// as written and the opposite one named.
    @Test func expenseAllOppositeIsTurnedAndAMixOfSignsIsOnlyNamed() throws {
        let july = Self.month(2025, 7)
        let budget = Self.rows([("D1", "Revenue", july, 2_000), ("D1", "Salaries", july, 1_000), ("D1", "Supplies", july, 400)], ["Revenue", "Expense", "Expense"], nil)
        let variance = try BudgetVariance(budget: budget, actuals: Self.rows([("D1", "Revenue", july, 2_100), ("D1", "Salaries", july, -1_000), ("D1", "Supplies", july, -450)], nil, nil))
        #expect(variance.ledger.actual[LedgerLine(department: "D1", account: "Supplies")]?[july] == 450, "\(variance.notes)")
        let mixed = Self.rows([("D1", "Revenue", july, 300_000), ("D1", "Grants", july, 10_000)], ["Revenue", "Revenue"], nil)
        let read = try BudgetVariance(budget: mixed, actuals: Self.rows([("D1", "Revenue", july, -310_000), ("D1", "Grants", july, 10_000)], nil, nil))
        #expect(read.ledger.actual[LedgerLine(department: "D1", account: "Revenue")]?[july] == -310_000)
        let outcome = try read.projected(forecast: Self.flat([:]))
        #expect(outcome.notes.contains { $0.hasPrefix("1 line is booked in every month with the opposite sign of the budget (D1 / Revenue)") }, "\(outcome.notes)")
    }

    /// ICU books revenue and supplies as usual in September, its statistic 0 (not loaded):
    /// the month is not flexed (its split blank) and named; a month of 0 in which the unit
    /// booked nothing variable (closed) still flexes to 0.
    @Test func aVolumeOfZeroInAMonthBookedAsUsualIsReadAsMissing() throws {
        let budget = Self.fiscalYear.flatMap { [("ICU", "Revenue", $0, 10_000.0), ("ICU", "Supplies", $0, 2_000.0)] }
        let types = Array(repeating: ["Revenue", "Expense"], count: 12).flatMap { $0 }
        func run(september: Double) throws -> (BudgetVariance, BudgetVariance.Outcome) {
            var booked: [(String, String, Int, Double)] = [], volume: [Double] = []
            for k in 0..<4 {
                let usual = k == 2 ? september : 1
                booked += [("ICU", "Revenue", Self.month(2025, 7) + k, 10_500 * usual), ("ICU", "Supplies", Self.month(2025, 7) + k, 2_100 * usual)]
                volume += Array(repeating: k == 2 ? 0 : 105, count: 2)
            }
            let variance = try BudgetVariance(budget: Self.rows(budget, types, Array(repeating: 100, count: 24)), actuals: Self.rows(booked, nil, volume))
            return (variance, try variance.projected(forecast: Self.flat(["v": 105, "r": 100, "a": 10_000])))
        }
        let (missing, outcome) = try run(september: 1)
        let september = try #require(outcome.rows.first { $0.line.account == "Revenue" && $0.line.period == "2025-09" })
        #expect(!september.splitKnown, "flexed at 0 patient days: volume -10,000, rate +10,500")
        #expect(missing.notes.contains { $0.contains("(ICU 2025-09) is read as a statistic not loaded") }, "\(missing.notes)")
        #expect(!missing.notes.contains { $0.hasPrefix("no actual volume is given") }, "\(missing.notes)")
        let (closed, shut) = try run(september: 0)
        let zero = try #require(shut.rows.first { $0.line.account == "Revenue" && $0.line.period == "2025-09" })
        #expect(zero.splitKnown && abs(zero.line.flexedBudget) < 1e-9 && abs(zero.line.volumeVariance + 10_000) < 1e-9)
        #expect(!closed.notes.contains { $0.contains("statistic not loaded") })
    }
}
