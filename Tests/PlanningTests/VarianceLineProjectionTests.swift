import Foundation
import Testing
@testable import Planning
import Forecasting
import Tabular

/// Ledger lines projected to the fiscal year end by the forecasting engine itself (not flat
/// stand-ins): lines whose shape a budget already knows (a season, a trend, quarterly postings,
/// a new rent) are projected on it, so a line exactly on plan shows no projected variance.
/// The cases of a finance review, with every line's truth worked by hand.
@Suite struct VarianceLineProjectionTests {
    static func month(_ year: Int, _ month: Int) -> Int { Frequency.month.period(of: CalendarDay(year: year, month: month, day: 1)!) }

    /// FY2026's months, July 2025 to June 2026.
    static let fiscalYear = (0..<12).map { month(2025, 7) + $0 }

    static func rows(_ rows: [(String, String, Int, Double)]) -> LedgerRows {
        LedgerRows(department: rows.map(\.0), account: rows.map(\.1), month: rows.map(\.2), amount: rows.map(\.3))
    }

    /// Every series of a batch through the engine, as the variance stage runs it.
    static func engine(_ batch: LineForecasts.Batch, _ take: (String, SeriesForecast) -> Void) throws {
        let forecaster = DemandForecaster(settings: batch.settings)
        for id in batch.series.keys.idsSortedByKey() {
            take(batch.series.keys.key(id), try forecaster.forecast(allowingGaps: batch.series.fitValues(of: id).values).forecast)
        }
    }

    /// A line's projected months after as-of and its row for the fiscal year to date.
    static func projection(_ outcome: BudgetVariance.Outcome, _ account: String) throws -> (months: [String: Double], year: VarianceRow) {
        let lines = outcome.rows.filter { $0.line.account == account }
        let months = Dictionary(uniqueKeysWithValues: lines.filter { $0.basis == .forecast && !$0.line.period.hasPrefix("FY") }.map { ($0.line.period, $0.line.actual) })
        return (months, try #require(lines.first { $0.line.period == "FY2026-YTD" }))
    }

    /// Winter-peaking utilities, 10,000 + 6,000 cos(2 pi (m - 1) / 12) in month m, and drugs
    /// rising 2% a month from 10,000 in July 2023, booked for 32 months through February 2026
    /// and budgeted on the same formulas: both exactly on plan. March to June are 13,000,
    /// 10,000, 7,000 and 4,804 (the year 120,000), and drugs 18,845 to 19,999 (77,673 for the
    /// four). Equal weights over Theta, seasonal naive, the moving average and Croston
    /// projected the utilities 12,895, 12,155, 11,415 and 10,876 (the year +12,538 over
    /// budget) and drugs 68,403 (-9,271): the two means pulled both lines to their averages.
    @Test func aSeasonalLineAndATrendingLineOnPlanProjectNoVariance() throws {
        let booked = (0..<32).map { Self.month(2023, 7) + $0 }
        func utilities(_ month: Int) -> Double { 10_000 + 6_000 * cos(2 * Double.pi * Double(Frequency.month.firstDay(of: month).components.month - 1) / 12) }
        func drugs(_ month: Int) -> Double { 10_000 * pow(1.02, Double(month - Self.month(2023, 7))) }
        let budget = Self.rows(Self.fiscalYear.flatMap { [("Plant", "Utilities", $0, utilities($0)), ("Pharm", "Drugs", $0, drugs($0))] })
        let actuals = Self.rows(booked.flatMap { [("Plant", "Utilities", $0, utilities($0)), ("Pharm", "Drugs", $0, drugs($0))] })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: Self.engine)
        let plant = try Self.projection(outcome, "Utilities")
        #expect(abs(plant.year.projectedVariance ?? .infinity) < 0.02 * 120_000, "\(plant.year.projectedVariance ?? .nan)")
        for (period, truth) in [("2026-03", 13_000.0), ("2026-04", 10_000), ("2026-05", 7_000), ("2026-06", 4_803.85)] {
            #expect(abs((plant.months[period] ?? .infinity) - truth) < 600, "\(period): \(plant.months[period] ?? .nan) for \(truth)")
        }
        let pharm = try Self.projection(outcome, "Drugs")
        #expect(abs(pharm.year.projectedVariance ?? .infinity) < 0.02 * 77_673, "\(pharm.year.projectedVariance ?? .nan)")
    }

    /// Insurance posted 30,000 in January, April, July and October and nothing between, for
    /// four and a half years (July 2021 to January 2026), and a licence of 24,000 each July:
    /// as of January the months left are February and March at 0, April at 30,000, May and June
    /// at 0; the licence at 0 every month. Equal weights put the insurance at 7,625 in each
    /// empty month (flagged against its $0 budget) and the licence at about 1,460 a month.
    @Test func quarterlyAndAnnualPostingsKeepTheirMonths() throws {
        let booked = (0..<55).map { Self.month(2021, 7) + $0 }
        func calendarMonth(_ m: Int) -> Int { Frequency.month.firstDay(of: m).components.month }
        func insurance(_ m: Int) -> Double { [1, 4, 7, 10].contains(calendarMonth(m)) ? 30_000 : 0 }
        func licence(_ m: Int) -> Double { calendarMonth(m) == 7 ? 24_000 : 0 }
        let budget = Self.rows(Self.fiscalYear.flatMap { [("Admin", "Rent", $0, 10_000), ("Admin", "Insurance", $0, insurance($0)), ("Admin", "License", $0, licence($0))] })
        let actuals = Self.rows(booked.flatMap { m in
            [("Admin", "Rent", m, 10_000.0)] + (insurance(m) > 0 ? [("Admin", "Insurance", m, insurance(m))] : []) + (licence(m) > 0 ? [("Admin", "License", m, licence(m))] : [])
        })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: Self.engine)
        let insured = try Self.projection(outcome, "Insurance")
        for period in ["2026-02", "2026-03", "2026-05", "2026-06"] {
            #expect(abs(insured.months[period] ?? .infinity) < 300, "\(period): \(insured.months[period] ?? .nan)")
        }
        #expect(abs((insured.months["2026-04"] ?? .infinity) - 30_000) < 1_500, "\(insured.months["2026-04"] ?? .nan)")
        #expect(abs(insured.year.projectedVariance ?? .infinity) < 0.02 * 120_000, "\(insured.year.projectedVariance ?? .nan)")
        let licensed = try Self.projection(outcome, "License")
        #expect(licensed.months.values.allSatisfy { abs($0) < 300 }, "\(licensed.months)")
        let rent = try Self.projection(outcome, "Rent")
        #expect(abs(rent.year.projectedVariance ?? .infinity) < 1, "\(rent.year.projectedVariance ?? .nan)")
    }

    /// A lease at 8,000 a month for two years, renewed at 12,000 from July 2025: as of February
    /// 2026, eight months at the new rent, March to June are 12,000 each, as budgeted. Equal
    /// weights (the moving average over twelve months and Croston's long memory) projected about
    /// 10,650 a month.
    @Test func aRentThatSteppedUpIsProjectedAtItsNewLevel() throws {
        let booked = (0..<32).map { Self.month(2023, 7) + $0 }
        let budget = Self.rows(Self.fiscalYear.map { ("Admin", "Lease", $0, 12_000) })
        let actuals = Self.rows(booked.map { ("Admin", "Lease", $0, $0 >= Self.month(2025, 7) ? 12_000 : 8_000) })
        let outcome = try BudgetVariance(budget: budget, actuals: actuals).projected(forecast: Self.engine)
        let lease = try Self.projection(outcome, "Lease")
        #expect(lease.months.count == 4)
        for (period, amount) in lease.months { #expect(abs(amount - 12_000) < 240, "\(period): \(amount)") }
        #expect(abs(lease.year.projectedVariance ?? .infinity) < 0.02 * 144_000, "\(lease.year.projectedVariance ?? .nan)")
    }

    /// Seasonal naive joins the intermittent candidates for ledger amounts only
    /// (`ForecastSettings.calendarPostings`), and only once two years are seen.
    @Test func seasonalNaiveJoinsIntermittentCandidatesForPostingsOnly() {
        func names(_ count: Int, _ postings: Bool) -> [String] {
            DemandForecaster.candidates(for: .intermittent, season: 12, count: count, calendarPostings: postings).map(\.name)
        }
        #expect(names(24, true).contains("seasonal_naive") && names(55, true).contains("seasonal_naive"))
        #expect(!names(23, true).contains("seasonal_naive") && !names(55, false).contains("seasonal_naive"))
        #expect(names(55, true).filter { $0 != "seasonal_naive" } == names(55, false))
    }
}
