import Testing
@testable import Planning
import Forecasting
import Tabular

/// A variable line's booked month without the actual volume its department reports in other
/// months (a statistics export a month behind the ledger): not flexed as if the volume were on
/// budget, but left unsplit and named (a finance analyst's review, defect 2).
@Suite struct MonthsWithoutVolumeTests {
    static func month(_ year: Int, _ month: Int) -> Int { BudgetVarianceTests.month(year, month) }
    static let fiscalYear = BudgetVarianceTests.fiscalYear

    /// ICU supplies (variable) budget $1,000 a month for 100 patient days, and rent (fixed)
    /// $500. Booked July to November: supplies $1,050 for 110 days, rent $500; December:
    /// supplies $1,200, rent $500, and no volume (the statistics stop in November). `peds`
    /// adds Pediatrics' supplies (variable, $1,000 for 100 days): $1,000 for 100 days July to
    /// September, October booked with a volume of 0 written ($0), November and December neither
    /// booked nor given a volume.
    static func variance(peds: Bool = false) throws -> BudgetVariance {
        var budget: [(String, String, Int, Double)] = [], behavior: [String] = [], budgetVolume: [Double] = []
        for m in fiscalYear {
            budget += [("ICU", "Supplies", m, 1_000), ("ICU", "Rent", m, 500)]
            behavior += ["variable", "fixed"]
            budgetVolume += [100, 100]
            if peds {
                budget.append(("Peds", "Supplies", m, 1_000))
                behavior.append("variable")
                budgetVolume.append(100)
            }
        }
        var actuals: [(String, String, Int, Double)] = [], volume: [Double] = []
        for m in fiscalYear.prefix(6) {
            let december = m == month(2025, 12)
            actuals += [("ICU", "Supplies", m, december ? 1_200 : 1_050), ("ICU", "Rent", m, 500)]
            volume += december ? [.nan, .nan] : [110, 110]
            if peds && m <= month(2025, 10) {
                let october = m == month(2025, 10)
                actuals.append(("Peds", "Supplies", m, october ? 0 : 1_000))
                volume.append(october ? 0 : 100)
            }
        }
        var b = BudgetVarianceTests.rows(budget, volume: budgetVolume)
        b.behavior = behavior
        return try BudgetVariance(budget: b, actuals: BudgetVarianceTests.rows(actuals, volume: volume), asOf: month(2025, 12))
    }

    static func row(_ rows: [VarianceRow], _ department: String, _ account: String, _ period: String) throws -> VarianceRow {
        try #require(rows.first { $0.line.department == department && $0.line.account == account && $0.line.period == period })
    }

    /// November: flexed 1,000 x 110/100 = 1,100, volume +100, rate -50. December has no volume:
    /// no split (before: flexed 1,000, volume 0, rate +200, a census exactly on budget).
    /// Q2 (October to December): budget 3,000, actual 1,050 + 1,050 + 1,200 = 3,300; volume
    /// +200 and rate -100 over October and November, December's +200 in neither (before: rate
    /// +100). Year to date: budget 6,000, actual 6,450 (+450); volume 5 x 100 = +500, rate
    /// 5 x -50 = -250, December's +200 unsplit. Before, its rate read -50, so the line read as
    /// "over budget but covered by volume" (flexed 6,500 against 6,450), which December's
    /// unknown census cannot say.
    @Test func aMonthWithoutVolumeIsNotFlexedAndQuartersSplitTheMonthsWithOne() throws {
        let variance = try Self.variance()
        let rows = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 1_000])).rows
        let november = try Self.row(rows, "ICU", "Supplies", "2025-11")
        #expect(november.splitKnown && abs(november.line.flexedBudget - 1_100) < 1e-9 && abs(november.line.rateVariance + 50) < 1e-9)
        let december = try Self.row(rows, "ICU", "Supplies", "2025-12")
        #expect(!december.splitKnown && december.line.withoutVolume == MonthsWithoutVolume(budget: 1_000, actual: 1_200))
        let q2 = try Self.row(rows, "ICU", "Supplies", "FY2026-Q2")
        #expect(q2.splitKnown && abs(q2.line.volumeVariance - 200) < 1e-9 && abs(q2.line.rateVariance + 100) < 1e-9)
        #expect(abs(q2.line.flexedBudget - 3_200) < 1e-9 && q2.line.withoutVolume?.variance == 200)
        let ytd = try Self.row(rows, "ICU", "Supplies", "FY2026-YTD")
        #expect(abs(ytd.line.variance - 450) < 1e-9 && abs(ytd.line.volumeVariance - 500) < 1e-9 && abs(ytd.line.rateVariance + 250) < 1e-9)
        #expect(ytd.line.splitsByVolume && !ytd.line.overBudgetButCoveredByVolume)
        // December's department total (supplies unsplit, rent fixed) has no split either: it
        // read volume $0. Its year to date splits July to November.
        #expect(!(try Self.row(rows, "ICU", "TOTAL", "2025-12")).splitKnown)
        let total = try Self.row(rows, "ICU", "TOTAL", "FY2026-YTD")
        #expect(total.splitKnown && abs(total.line.volumeVariance - 500) < 1e-9 && abs(total.line.rateVariance + 250) < 1e-9)
        // Rent is fixed: its months need no volume.
        #expect((try Self.row(rows, "ICU", "Rent", "2025-12")).splitKnown)
        #expect(variance.notes.contains { $0.hasPrefix("no actual volume is given for 2025-12 of ICU, though other months have one") }, "\(variance.notes)")
    }

    /// A volume of 0 written for October flexes Pediatrics' supplies to 0: volume -1,000, rate 0
    /// (the saving is volume). November and December, with neither a volume row nor a posting,
    /// make three months without patients or postings through as-of: Peds is read as closed
    /// (`ClosedDepartment`), its months since October volume 0, and they flex to 0 as October
    /// does (before: unsplit and named as months without a volume by a second note, while the
    /// first called them volume 0). Q2: volume -3,000, rate 0, nothing unsplit; the note names
    /// ICU's December alone.
    @Test func aVolumeOfZeroFlexesToZeroWhileAMissingVolumeIsNamed() throws {
        let variance = try Self.variance(peds: true)
        let rows = try variance.projected(forecast: BudgetVarianceTests.flat(["a": 0])).rows
        let october = try Self.row(rows, "Peds", "Supplies", "2025-10")
        #expect(october.splitKnown && october.line.flexedBudget == 0 && october.line.volumeVariance == -1_000 && october.line.rateVariance == 0)
        let november = try Self.row(rows, "Peds", "Supplies", "2025-11")
        #expect(november.splitKnown && november.line.flexedBudget == 0 && november.line.volumeVariance == -1_000 && november.line.withoutVolume == nil)
        let q2 = try Self.row(rows, "Peds", "Supplies", "FY2026-Q2")
        #expect(q2.splitKnown && q2.line.volumeVariance == -3_000 && q2.line.rateVariance == 0 && q2.line.withoutVolume == nil)
        let note = try #require(variance.notes.first { $0.hasPrefix("no actual volume is given for") })
        #expect(note.hasPrefix("no actual volume is given for 2025-12 of ICU, though other months have one"), "\(note)")
        #expect(note.contains("give a month with no patients as a volume of 0"))
    }
}
