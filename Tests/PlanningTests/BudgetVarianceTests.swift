import Testing
@testable import Planning
import Forecasting
import Tabular

/// The budget variance on ledgers of a line or two, with answers worked by hand, and the
/// forecasting engine replaced by flat forecasts so that the projection is arithmetic too.
@Suite struct BudgetVarianceTests {
    static func month(_ year: Int, _ month: Int) -> Int { Frequency.month.period(of: CalendarDay(year: year, month: month, day: 1)!) }

    /// FY2026's months, July 2025 to June 2026.
    static let fiscalYear = (0..<12).map { month(2025, 7) + $0 }

    /// Rows of (department, account, month, amount), with account types when given.
    static func rows(_ rows: [(String, String, Int, Double)], types: [String]? = nil, volume: [Double]? = nil) -> LedgerRows {
        var ledger = LedgerRows(department: rows.map(\.0), account: rows.map(\.1), month: rows.map(\.2), amount: rows.map(\.3))
        ledger.accountType = types
        ledger.volume = volume
        return ledger
    }

    /// Forecasts every series of a batch flat at the level its kind is given (`v` volumes, `r`
    /// rates, `a` amounts: `LineForecasts`), without an error.
    static func flat(_ levels: [Character: Double]) -> (LineForecasts.Batch, (String, SeriesForecast) -> Void) throws -> Void {
        { batch, take in
            let steps = batch.settings.horizon
            for id in batch.series.keys.idsSortedByKey() {
                let name = batch.series.keys.key(id)
                take(name, SeriesForecast(mean: Array(repeating: levels[name.first!] ?? 0, count: steps), lower: [], upper: [],
                                          spread: Array(repeating: 0, count: steps), model: "flat", demandClass: .smooth))
            }
        }
    }

    /// $10 a patient day budgeted for 100 days a month, $1,320 booked in July for 120 days:
    /// the flexed budget is 120 x $10 = $1,200, so $200 of the $320 over is volume and $120
    /// rate ($11 a day against $10). With volume forecast at 120 and the rate at $11, each of
    /// the eleven months left projects at $1,320: the year at $15,840 against $12,000, $2,400
    /// of it volume (11 more months at 20 days over) and $1,440 rate.
    @Test func aDriverBasedLineSplitsItsVarianceIntoVolumeAndRate() throws {
        let budget = Self.rows(Self.fiscalYear.map { ("ICU", "Supplies", $0, 1_000) }, volume: Array(repeating: 100, count: 12))
        let actuals = Self.rows([("ICU", "Supplies", Self.month(2025, 7), 1_320)], volume: [120])
        let variance = try BudgetVariance(budget: budget, actuals: actuals)
        #expect(variance.asOf == Self.month(2025, 7) && variance.fiscalYear == 2026 && variance.notes.isEmpty, "\(variance.notes)")
        let outcome = try variance.projected(forecast: Self.flat(["v": 120, "r": 11]))
        let july = try #require(outcome.rows.first { $0.line.account == "Supplies" && $0.line.period == "2025-07" })
        #expect(abs(july.line.flexedBudget - 1_200) < 1e-9 && abs(july.line.volumeVariance - 200) < 1e-9 && abs(july.line.rateVariance - 120) < 1e-9)
        #expect(july.flag.isEmpty, "$320 is under the $5,000 a flag needs")
        let year = try #require(outcome.rows.first { $0.line.account == "Supplies" && $0.line.period == "FY2026-YTD" })
        #expect(abs((year.projectedFY ?? 0) - 15_840) < 1e-6 && abs((year.projectedVariance ?? 0) - 3_840) < 1e-6)
        #expect(abs((year.projectedVolumeVariance ?? 0) - 2_400) < 1e-6 && abs((year.projectedRateVariance ?? 0) - 1_440) < 1e-6)
        let august = try #require(outcome.rows.first { $0.line.account == "Supplies" && $0.line.period == "2025-08" })
        #expect(august.basis == .forecast && august.splitKnown && abs(august.line.actual - 1_320) < 1e-9)
        #expect(outcome.annualBudget == 12_000 && abs(outcome.projected.amount - 15_840) < 1e-6 && outcome.partialBudget == nil)
        #expect(outcome.remainingMonths == Array(Self.fiscalYear.dropFirst()))
    }

    /// A line without volumes is projected from its amounts: three months of $1,100 booked,
    /// nine forecast at $1,000, a year of $12,300 against a budget of $12,000.
    @Test func aLineWithoutVolumesIsProjectedFromItsAmounts() throws {
        let budget = Self.rows(Self.fiscalYear.map { ("Lab", "Reagents", $0, 1_000) })
        let actuals = Self.rows((0..<3).map { ("Lab", "Reagents", Self.month(2025, 7 + $0), 1_100) })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(keepingHistory: true, forecast: Self.flat(["a": 1_000]))
        let year = try #require(outcome.rows.first { $0.line.account == "Reagents" && $0.line.period == "FY2026-YTD" })
        #expect(year.line.budget == 3_000 && year.line.actual == 3_300 && year.line.variance == 300)
        #expect(abs((year.projectedFY ?? 0) - 12_300) < 1e-6 && abs((year.projectedVariance ?? 0) - 300) < 1e-6)
        // The department's TOTAL rows sum its expense lines.
        #expect(outcome.rows.contains { $0.line.department == "Lab" && $0.line.account == "TOTAL" && $0.line.period == "FY2026-YTD" && $0.line.actual == 3_300 })
        // The run history keeps the line's booked months and its projection of the nine ahead.
        let kept = try #require(outcome.history?.forecasts.first)
        #expect(kept.series == "Lab|Reagents" && kept.history == [1_100, 1_100, 1_100] && kept.forecast.mean == Array(repeating: 1_000, count: 9))
        #expect(kept.forecast.model == "amount")
    }

    /// Revenue budgeted at -600,000 and booked at -660,000 (a trial balance's credits) is read
    /// with the signs turned: $60,000 above budget, favorable.
    @Test func revenueBookedAsCreditsIsReadWithTheSignsTurned() throws {
        let july = Self.month(2025, 7)
        let budget = Self.rows([("D1", "Revenue", july, -600_000), ("D1", "Salaries", july, 250_000)], types: ["Revenue", "Expense"])
        let actuals = Self.rows([("D1", "Revenue", july, -660_000), ("D1", "Salaries", july, 250_000)])
        let variance = try BudgetVariance(budget: budget, actuals: actuals)
        #expect(variance.notes == ["the revenue line (D1 / Revenue) is booked below zero in both the budget and the ledger (revenue as credits): read with the signs turned, so revenue shows as positive and more of it is favorable"])
        let revenue = LedgerLine(department: "D1", account: "Revenue")
        #expect(variance.ledger.actual[revenue]?[july] == 660_000 && variance.ledger.accountTypes[revenue] == .revenue)
        let row = try #require(try variance.projected(forecast: Self.flat([:])).rows.first { $0.line.account == "Revenue" && $0.line.period == "2025-07" })
        #expect(row.line.variance == 60_000 && row.line.favorable && row.flag == "favorable")
    }

    /// A ledger booking a revenue line below zero against a budget above it, beside revenue
    /// booked in the budget's sign, counts each variance twice; the note names the line. (All
    /// revenue booked so is turned: `BudgetExportReadingTests`.)
    @Test func aLineBookedWithTheBudgetsOppositeSignIsNamed() throws {
        let july = Self.month(2025, 7)
        let budget = Self.rows([("D1", "Revenue", july, 300_000), ("D2", "Revenue", july, 100_000)], types: ["Revenue", "Revenue"])
        let outcome = try BudgetVariance(budget: budget, actuals: Self.rows([("D1", "Revenue", july, -310_000), ("D2", "Revenue", july, 90_000)])).projected(forecast: Self.flat([:]))
        #expect(outcome.notes.first == "1 line is booked in every month with the opposite sign of the budget (D1 / Revenue): the ledger likely exports revenue or credits as negative amounts, so each variance counts the amount twice; give the ledger and the budget the same sign")
    }

    /// A report's subtotal row (the sum of the rows above it) is left out of the ledger and
    /// named; counted, Salaries and Supplies would have been booked twice.
    @Test func aSubtotalRowIsLeftOutAndNamed() throws {
        let july = Self.month(2025, 7)
        let budget = Self.rows([("D1", "Salaries", july, 100), ("D1", "Supplies", july, 50)])
        var actuals = Self.rows([("D1", "Salaries", july, 100), ("D1", "Supplies", july, 50), ("D1", "Total Expenses", july, 150)])
        actuals.file = " (gl.csv)"
        let variance = try BudgetVariance(budget: budget, actuals: actuals)
        #expect(variance.notes.first == "1 row of the actuals (gl.csv) is a subtotal, each the sum of the lines above it or of its department's month (D1 / Total Expenses): left out, since summed with the lines they total they would count twice")
        #expect(variance.ledger.lines.map(\.account) == ["Salaries", "Supplies"])
    }

    /// An as-of after the ledger's last month would read as a month of no spending: refused,
    /// naming the file and the month to report through.
    @Test func anAsOfAfterTheLedgerIsRefused() {
        var actuals = Self.rows([("D1", "Supplies", Self.month(2025, 7), 100)])
        actuals.file = " (gl.csv)"
        let error = #expect(throws: BudgetVarianceError.self) {
            try BudgetVariance(budget: Self.rows([("D1", "Supplies", Self.month(2025, 7), 100)]), actuals: actuals, asOf: Self.month(2025, 9))
        }
        #expect(error?.message == "as-of 2025-09 is after the last month of the actuals (gl.csv), 2025-07: the months between would read as no spending; report through 2025-07, or export the ledger through 2025-09")
    }

    /// A budgeted department without a single actual reads as its whole budget saved: named.
    @Test func budgetedDepartmentsWithoutActualsAreNamed() throws {
        let july = Self.month(2025, 7)
        let budget = Self.rows([("D1", "Supplies", july, 100), ("D2", "Supplies", july, 200)])
        let variance = try BudgetVariance(budget: budget, actuals: Self.rows([("D1", "Supplies", july, 100)]))
        #expect(variance.departmentsWithoutActuals == ["D2"])
        #expect(try BudgetVariance(budget: budget, actuals: Self.rows([("D1", "Supplies", july, 100)]), sharded: true).departmentsWithoutActuals.isEmpty)
    }
}
