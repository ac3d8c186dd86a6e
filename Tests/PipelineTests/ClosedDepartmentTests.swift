import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// A department closed three months before as-of (`ClosedDepartment`), on a ledger worked by
/// hand: ICU books salaries at $100 a patient day on 100 days a month, Peds at $100 a day on
/// 200 days a month ($20,000) from July 2024 to September 2025 and nothing after; the ledger
/// runs to December 2025, the report is as of 2025-12 (FY2026, fiscal year from July), and
/// the statistics file ends in November (a feed a month behind the ledger) or in December.
///
/// Peds has no patients: the six months left of FY2026 are $0, where its run rate before it
/// closed is 6 x $20,000 = $120,000, and the proposal's FY2027 is $0, where its census before
/// it closed is 12 x 200 days x $100 = $240,000.
@Suite struct ClosedDepartmentTests {
    static let history = (2024 * 12 + 6)...(2025 * 12 + 11), fy2026 = (2025 * 12 + 6)...(2026 * 12 + 5)
    static let closedFrom = 2025 * 12 + 9
    static func label(_ month: Int) -> String { "\(month / 12)-\(month % 12 < 9 ? "0" : "")\(month % 12 + 1)" }

    /// ICU's census wobbles 95-105 (the forecaster's candidates need some variation), Peds' 195-205.
    static func days(_ department: String, _ month: Int) -> Double { (department == "ICU" ? 100 : 200) + Double(month % 3 - 1) * 5 }

    /// `lease`: Peds' fixed $1,000 equipment lease, posting every month of the history, after
    /// the closure too.
    static func tables(volumesThrough lastVolume: Int, lease: Bool = false) -> (budget: Table, actuals: Table, volumes: Table) {
        var bRows: [(String, String, Double)] = [], aRows: [(String, String, Double)] = [], vRows: [(String, String, Double, Double)] = []
        var bAccounts: [String] = [], aAccounts: [String] = []
        for department in ["ICU", "Peds"] {
            for month in fy2026 { bRows.append((department, label(month), department == "ICU" ? 10_000 : 20_000)); bAccounts.append("Salaries") }
            for month in history where department == "ICU" || month < closedFrom {
                aRows.append((department, label(month), 100 * days(department, month)))
                aAccounts.append("Salaries")
            }
            if lease && department == "Peds" {
                for month in fy2026 { bRows.append((department, label(month), 1_000)); bAccounts.append("Lease") }
                for month in history { aRows.append((department, label(month), 1_000)); aAccounts.append("Lease") }
            }
            for month in history where month <= lastVolume && (department == "ICU" || month < closedFrom) {
                vRows.append((department, label(month), department == "ICU" ? 100 : 200, days(department, month)))
            }
        }
        let budget = Table([("department", .text(bRows.map(\.0))), ("account", .text(bAccounts)), ("period", .text(bRows.map(\.1))),
                            ("amount", .number(bRows.map(\.2))), ("behavior", .text(bAccounts.map { $0 == "Lease" ? "fixed" : "variable" })),
                            ("volume", .number(bRows.map { $0.0 == "ICU" ? 100 : 200 }))])
        let actuals = Table([("department", .text(aRows.map(\.0))), ("account", .text(aAccounts)), ("period", .text(aRows.map(\.1))),
                             ("amount", .number(aRows.map(\.2)))])
        let volumes = Table([("department", .text(vRows.map(\.0))), ("period", .text(vRows.map(\.1))), ("budget_volume", .number(vRows.map(\.2))),
                             ("actual_volume", .number(vRows.map(\.3)))])
        return (budget, actuals, volumes)
    }

    static func remaining(volumesThrough lastVolume: Int, lease: Bool = false) throws -> (peds: Double, icu: Double, notes: [String]) {
        var job = VarianceJob()
        job.asOf = 2025 * 12 + 11
        let (budget, actuals, volumes) = tables(volumesThrough: lastVolume, lease: lease)
        let result = try job.run(budget: budget, actuals: actuals, volumes: volumes)
        func remaining(_ department: String) throws -> Double {
            try #require(result.rows.first { $0.line.department == department && $0.line.account == "Salaries" && $0.line.period == "FY2026-YTD" }?.forecastRemaining)
        }
        return (try remaining("Peds"), try remaining("ICU"), result.notes)
    }

    /// With the statistics ending in November, Peds' volume ran to November only (two zeros,
    /// no stop) and its rest of the year came to the run rate before it closed (~$120,000);
    /// with them ending in December, three zeros, near $0. Now both read its months since
    /// October as zero volume and agree, and a note names it.
    @Test func aClosedDepartmentIsProjectedTheSameWhetherOrNotTheStatisticsReachAsOf() throws {
        let lagging = try Self.remaining(volumesThrough: 2025 * 12 + 10), complete = try Self.remaining(volumesThrough: 2025 * 12 + 11)
        #expect(abs(lagging.peds) < 1_200, "Peds' rest of FY2026 with the statistics to November: \(lagging.peds), against $120,000 at its old run rate")
        #expect(abs(lagging.peds - complete.peds) < 0.01, "lagging \(lagging.peds), complete \(complete.peds)")
        // ICU is open: about 6 x $10,000 either way.
        #expect(abs(lagging.icu - 60_000) < 3_000 && abs(complete.icu - 60_000) < 3_000, "\(lagging.icu) \(complete.icu)")
        #expect(lagging.notes.contains { $0.hasPrefix("1 department has no volume and no posting on a variable or revenue line for 3 months or more through 2025-12, Peds (since 2025-10): read as closed") }, "\(lagging.notes)")
    }

    /// The rule by hand: volume and postings through 2025-09, as of 2025-12: closed since
    /// 2025-10; as of 2025-11 (two months) not yet; volume through 2025-11 (the unit still had
    /// patients) not; and a department without a volume whose one posting was in 2025-03 (a
    /// consulting fee, perhaps yearly) not: it was proposed at $0 as closed.
    @Test func aDepartmentIsClosedAfterThreeMonthsWithoutPostingsOrVolume() {
        let through = Dictionary(uniqueKeysWithValues: Self.history.filter { $0 < Self.closedFrom }.map { ($0, 200.0) })
        let posted = Set(Self.history.filter { $0 < Self.closedFrom })
        #expect(ClosedDepartment.find("Peds", posted: posted, volume: through, asOf: 2025 * 12 + 11) == ClosedDepartment(department: "Peds", since: 2025 * 12 + 9))
        #expect(ClosedDepartment.find("Peds", posted: posted, volume: through, asOf: 2025 * 12 + 10) == nil)
        #expect(ClosedDepartment.find("Peds", posted: posted, volume: through.merging([2025 * 12 + 10: 5]) { $1 }, asOf: 2025 * 12 + 11) == nil)
        #expect(ClosedDepartment.find("Consulting", posted: [2025 * 12 + 2], volume: [:], asOf: 2025 * 12 + 11) == nil)
        #expect(ClosedDepartment(department: "Peds", since: 2025 * 12 + 9).volume([2025 * 12 + 8: 200], asOf: 2025 * 12 + 11)
                == [2025 * 12 + 8: 200, 2025 * 12 + 9: 0, 2025 * 12 + 10: 0, 2025 * 12 + 11: 0])
    }

    static func proposal(volumesThrough lastVolume: Int, lease: Bool = false) throws -> BudgetProposal.Result {
        var proposal = BudgetProposal(fiscalYear: 2027)
        proposal.asOf = 2025 * 12 + 11
        let (budget, actuals, volumes) = tables(volumesThrough: lastVolume, lease: lease)
        return try proposal.run(budget: budget, actuals: actuals, volumes: volumes)
    }

    static func proposed(_ result: BudgetProposal.Result, _ department: String) throws -> Double {
        let departments = try #require(result.table.texts("department")), amounts = try #require(result.table.numbers("amount"))
        return zip(departments, amounts).filter { $0.0 == department }.reduce(0) { $0 + $1.1 }
    }

    /// The proposal forecast Peds' volume from its open months (its months since read as
    /// missing) and budgeted FY2027 at its census before it closed, 12 x ~200 days x $100 =
    /// ~$240,000, while the same run's rolling forecast said ~$0. Now $0, volume 0, named.
    /// Base: January to December 2025, Peds booked January to September, 9 x ~$20,000 = $180,000.
    @Test func theProposalBudgetsAClosedDepartmentAtItsRunRateAndSaysSo() throws {
        let result = try Self.proposal(volumesThrough: 2025 * 12 + 11)
        #expect(try Self.proposed(result, "Peds") == 0)
        let icu = try Self.proposed(result, "ICU")
        #expect(abs(icu - 120_000) < 6_000, "ICU FY2027: \(icu)")
        let days = zip(try #require(result.table.texts("department")), try #require(result.table.numbers("volume"))).filter { $0.0 == "Peds" }.map(\.1)
        #expect(days.count == 12 && days.allSatisfy { $0 == 0 }, "\(days)")
        #expect(result.assumptions.contains { $0.hasPrefix("Closed department, no volume and no posting on a variable or revenue line in its last 3 months or more: proposed at its run rate, $0 and volume 0, Peds (no volume and no variable posting since 2025-10; $180,000 of expense in the base)") },
                "\(result.assumptions)")
    }

    /// With the statistics ending in November, ICU's December booking has no volume, so its
    /// salaries fall back to last year's actuals spread evenly beside a forecast volume column:
    /// the assumptions now name the line and the month it lacks.
    @Test func theProposalNamesVariableLinesItCouldNotPriceOnVolume() throws {
        let result = try Self.proposal(volumesThrough: 2025 * 12 + 10)
        #expect(result.assumptions.contains { $0.hasPrefix("1 variable line at last year's actuals spread evenly, not on volume, since its department has no volume for every month it booked") && $0.contains("ICU / Salaries (no volume for 2025-12)") },
                "\(result.assumptions)")
        #expect(try Self.proposed(result, "Peds") == 0)
    }

    static func proposed(_ result: BudgetProposal.Result, _ department: String, _ account: String) throws -> Double {
        let departments = try #require(result.table.texts("department")), accounts = try #require(result.table.texts("account"))
        let amounts = try #require(result.table.numbers("amount"))
        return departments.indices.filter { departments[$0] == department && accounts[$0] == account }.reduce(0) { $0 + amounts[$1] }
    }

    /// Peds' $1,000 fixed lease keeps posting after its salaries and patients stop (October
    /// 2025): it kept the unit "open", and the proposal budgeted FY2027 at its census before it
    /// closed (12 x ~200 days x $100 = ~$240,000) beside a rolling forecast of ~$0. Now closed
    /// (no volume and no posting on its variable lines since 2025-10): salaries $0, the lease
    /// as it posts, 12 x $1,000 = $12,000, named; the rolling forecast's salaries $0, its lease
    /// ~6 x $1,000.
    @Test func aFixedLineStillPostingDoesNotKeepAClosedDepartmentOpen() throws {
        let result = try Self.proposal(volumesThrough: 2025 * 12 + 11, lease: true)
        #expect(try Self.proposed(result, "Peds", "Salaries") == 0)
        #expect(abs(try Self.proposed(result, "Peds", "Lease") - 12_000) < 0.01)
        #expect(result.assumptions.contains { $0.contains("Peds (no volume and no variable posting since 2025-10") && $0.contains("a fixed line still posting since the closure proposed as it posts, Peds / Lease") },
                "\(result.assumptions)")
        let rolling = try Self.remaining(volumesThrough: 2025 * 12 + 11, lease: true)
        #expect(rolling.peds == 0, "Peds' salaries, rest of FY2026: \(rolling.peds)")
        #expect(rolling.notes.contains { $0.contains("Peds (since 2025-10): read as closed") }, "\(rolling.notes)")
    }

    /// Read as closed, Peds' October to December are flexed at volume 0, as a 0 written in the
    /// statistics file is: its salaries' flexed budget is $0, its -$20,000 a month all volume
    /// (budget $20,000, actual $0: volume variance -$20,000, rate $0), the quarter -$60,000
    /// volume; no second note calls those months "no actual volume"; and its forecast is $0
    /// with its 80% range [0, 0] (it was $51,503 expense, January -$18,883 at the 80% low).
    /// The statistics file ends in November: December is read as 0 too.
    @Test func aClosedDepartmentsMonthsFlexToVolumeZeroAndItsForecastIsZero() throws {
        var job = VarianceJob()
        job.asOf = 2025 * 12 + 11
        let (budget, actuals, volumes) = Self.tables(volumesThrough: 2025 * 12 + 10)
        let result = try job.run(budget: budget, actuals: actuals, volumes: volumes)
        let peds = result.rows.filter { $0.line.department == "Peds" && $0.line.account == "Salaries" }
        for period in ["2025-10", "2025-11", "2025-12"] {
            let row = try #require(peds.first { $0.line.period == period })
            #expect(row.splitKnown && row.line.flexedBudget == 0 && row.line.volumeVariance == -20_000 && row.line.rateVariance == 0, "\(period): \(row.line)")
        }
        let quarter = try #require(peds.first { $0.line.period == "FY2026-Q2" })
        #expect(quarter.line.volumeVariance == -60_000 && quarter.line.rateVariance == 0, "\(quarter.line)")
        #expect(!result.notes.contains { $0.hasPrefix("no actual volume is given") && $0.contains("Peds") }, "\(result.notes)")
        for row in peds where row.forecast != nil && row.line.period.hasPrefix("2026-") {
            #expect(row.forecast!.amount == 0 && row.forecast!.lo80 == 0 && row.forecast!.hi80 == 0, "\(row.line.period): \(row.forecast!)")
        }
    }

    /// A clinic open October to March (Flu, 300 days a month at $100, $30,000 a month) from
    /// October 2024, as of September 2026: empty since April, as it was April to September
    /// 2025 (the ledger starts July 2024; April 2024 is before it). Seasonal, not closed. As of
    /// September 2025 too (the same months a year before, 2024-04 to 2024-09, are before the
    /// ledger, so it cannot tell: closed). A unit empty April to September 2026 whose April to
    /// September 2025 had patients is closed.
    @Test func aDepartmentEmptyInTheSameMonthsAYearBeforeIsSeasonalNotClosed() {
        let start = 2024 * 12 + 6
        let season = Set((start...(2026 * 12 + 8)).filter { [9, 10, 11, 0, 1, 2].contains($0 % 12) })
        let volume = Dictionary(uniqueKeysWithValues: season.map { ($0, 300.0) })
        #expect(ClosedDepartment.find("Flu", posted: season, volume: volume, asOf: 2026 * 12 + 8, ledgerStart: start) == nil)
        #expect(ClosedDepartment.find("Flu", posted: season, volume: volume, asOf: 2026 * 12 + 8) == ClosedDepartment(department: "Flu", since: 2026 * 12 + 3))
        let open = season.union((2025 * 12 + 3)...(2025 * 12 + 8))
        #expect(ClosedDepartment.find("Peds", posted: open, volume: volume, asOf: 2026 * 12 + 8, ledgerStart: start) == ClosedDepartment(department: "Peds", since: 2026 * 12 + 3))
    }

    /// The same clinic through the variance and the proposal, as of September 2026, budgeted
    /// October 2026 to March 2027 at $30,000 a month ($180,000): it was read as closed, its
    /// rest of FY2027 forecast near $0 and FY2028 proposed at $0, and a note said its lines had
    /// "no history" to project from. Now no note calls it closed or without history, and its
    /// season is projected: more than half of the $180,000 it has spent each season.
    @Test func aSeasonalClinicBeforeItsSeasonIsForecastAndProposed() throws {
        let asOf = 2026 * 12 + 8
        let (budget, actuals, volumes) = Self.seasonalTables(asOf: asOf)
        var job = VarianceJob()
        job.asOf = asOf
        let result = try job.run(budget: budget, actuals: actuals, volumes: volumes)
        #expect(!result.notes.contains { $0.contains("read as closed") || $0.contains("with no history") }, "\(result.notes)")
        let flu = try #require(result.rows.first { $0.line.department == "Flu" && $0.line.account == "Salaries" && $0.line.period == "FY2027-YTD" }?.forecastRemaining)
        #expect(flu > 90_000, "Flu's rest of FY2027: \(flu)")
        var proposal = BudgetProposal(fiscalYear: 2028)
        proposal.asOf = asOf
        let proposed = try proposal.run(budget: budget, actuals: actuals, volumes: volumes)
        #expect(try Self.proposed(proposed, "Flu") > 90_000)
        #expect(!proposed.assumptions.contains { $0.hasPrefix("Closed department") }, "\(proposed.assumptions)")
    }

    /// The same clinic in its season (as of October 2026): its months without a statistics
    /// row or a posting (April to September) are months without patients, not missing. Read as
    /// missing they were drawn across at ~300 days and FY2028 proposed at 12 x ~$30,000 =
    /// ~$360,000; read as 0 the year's volume is about its six months' 1,800 days, ~$180,000
    /// (within 25%; its months are not yet phased by season).
    @Test func aSeasonalClinicsOffSeasonIsProposedAsNoVolume() throws {
        let asOf = 2026 * 12 + 9
        let (budget, actuals, volumes) = Self.seasonalTables(asOf: asOf)
        var proposal = BudgetProposal(fiscalYear: 2028)
        proposal.asOf = asOf
        let flu = try Self.proposed(try proposal.run(budget: budget, actuals: actuals, volumes: volumes), "Flu")
        #expect(abs(flu - 180_000) < 45_000, "Flu FY2028: \(flu)")
    }

    /// ICU all year, Flu October to March (~300 days at $100), July 2024 to `asOf`; budget
    /// FY2027, Flu October to March at $30,000.
    static func seasonalTables(asOf: Int) -> (budget: Table, actuals: Table, volumes: Table) {
        let start = 2024 * 12 + 6
        let inSeason = { (month: Int) in [9, 10, 11, 0, 1, 2].contains(month % 12) }
        var bRows: [(String, String, Double)] = [], aRows: [(String, String, Double)] = [], vRows: [(String, String, Double, Double)] = []
        for month in (2026 * 12 + 6)...(2027 * 12 + 5) {
            bRows.append(("ICU", Self.label(month), 10_000))
            if inSeason(month) { bRows.append(("Flu", Self.label(month), 30_000)) }
        }
        for month in start...asOf {
            aRows.append(("ICU", Self.label(month), 100 * Self.days("ICU", month)))
            vRows.append(("ICU", Self.label(month), 100, Self.days("ICU", month)))
            if inSeason(month) {
                let days = 300 + Double(month % 3 - 1) * 10
                aRows.append(("Flu", Self.label(month), 100 * days))
                vRows.append(("Flu", Self.label(month), 300, days))
            }
        }
        let budget = Table([("department", .text(bRows.map(\.0))), ("account", .text(bRows.map { _ in "Salaries" })), ("period", .text(bRows.map(\.1))),
                            ("amount", .number(bRows.map(\.2))), ("behavior", .text(bRows.map { _ in "variable" }))])
        let actuals = Table([("department", .text(aRows.map(\.0))), ("account", .text(aRows.map { _ in "Salaries" })), ("period", .text(aRows.map(\.1))),
                             ("amount", .number(aRows.map(\.2)))])
        let volumes = Table([("department", .text(vRows.map(\.0))), ("period", .text(vRows.map(\.1))), ("budget_volume", .number(vRows.map(\.2))),
                             ("actual_volume", .number(vRows.map(\.3)))])
        return (budget, actuals, volumes)
    }

    /// Card books $100 a patient day on ~100 days a month from July 2024, closes for
    /// renovation in August and September 2026 (no rows, no statistics) and reopens in October,
    /// the as-of month. Its months without patients have no rate: read as a rate of $0 they
    /// pulled November's forecast cost per patient day below $100; now it stays within $5 of it.
    @Test func aReopenedDepartmentsRateLeavesOutItsMonthsWithoutVolume() throws {
        let start = 2024 * 12 + 6, asOf = 2026 * 12 + 9, closed: Set<Int> = [2026 * 12 + 7, 2026 * 12 + 8]
        var bRows: [(String, String, Double)] = [], aRows: [(String, String, Double)] = [], vRows: [(String, String, Double, Double)] = []
        for month in (2026 * 12 + 6)...(2027 * 12 + 5) { bRows.append(("Card", Self.label(month), 10_000)) }
        for month in start...asOf where !closed.contains(month) {
            aRows.append(("Card", Self.label(month), 100 * Self.days("ICU", month)))
            vRows.append(("Card", Self.label(month), 100, Self.days("ICU", month)))
        }
        let budget = Table([("department", .text(bRows.map(\.0))), ("account", .text(bRows.map { _ in "Salaries" })), ("period", .text(bRows.map(\.1))),
                            ("amount", .number(bRows.map(\.2))), ("behavior", .text(bRows.map { _ in "variable" }))])
        let actuals = Table([("department", .text(aRows.map(\.0))), ("account", .text(aRows.map { _ in "Salaries" })), ("period", .text(aRows.map(\.1))),
                             ("amount", .number(aRows.map(\.2)))])
        let volumes = Table([("department", .text(vRows.map(\.0))), ("period", .text(vRows.map(\.1))), ("budget_volume", .number(vRows.map(\.2))),
                             ("actual_volume", .number(vRows.map(\.3)))])
        var job = VarianceJob()
        job.asOf = asOf
        let result = try job.run(budget: budget, actuals: actuals, volumes: volumes)
        let november = try #require(result.rows.first { $0.line.department == "Card" && $0.line.account == "Salaries" && $0.line.period == "2026-11" })
        // A forecast row's volume is the department's forecast volume.
        let forecastVolume = try #require(november.line.actualVolume)
        let rate = try #require(november.forecast).amount / forecastVolume
        #expect(forecastVolume > 0 && abs(rate - 100) < 5, "November: volume \(forecastVolume), rate \(rate), \(november.line)")
    }
}
