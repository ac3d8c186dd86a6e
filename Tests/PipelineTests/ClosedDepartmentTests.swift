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

    static func tables(volumesThrough lastVolume: Int) -> (budget: Table, actuals: Table, volumes: Table) {
        var bRows: [(String, String, Double)] = [], aRows: [(String, String, Double)] = [], vRows: [(String, String, Double, Double)] = []
        for department in ["ICU", "Peds"] {
            for month in fy2026 { bRows.append((department, label(month), department == "ICU" ? 10_000 : 20_000)) }
            for month in history where department == "ICU" || month < closedFrom {
                aRows.append((department, label(month), 100 * days(department, month)))
            }
            for month in history where month <= lastVolume && (department == "ICU" || month < closedFrom) {
                vRows.append((department, label(month), department == "ICU" ? 100 : 200, days(department, month)))
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

    static func remaining(volumesThrough lastVolume: Int) throws -> (peds: Double, icu: Double, notes: [String]) {
        var job = VarianceJob()
        job.asOf = 2025 * 12 + 11
        let (budget, actuals, volumes) = tables(volumesThrough: lastVolume)
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
        #expect(lagging.notes.contains { $0.hasPrefix("1 department has no posting and no volume for 3 months or more through 2025-12, Peds (since 2025-10): read as closed") }, "\(lagging.notes)")
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

    static func proposal(volumesThrough lastVolume: Int) throws -> BudgetProposal.Result {
        var proposal = BudgetProposal(fiscalYear: 2027)
        proposal.asOf = 2025 * 12 + 11
        let (budget, actuals, volumes) = tables(volumesThrough: lastVolume)
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
        #expect(result.assumptions.contains { $0.hasPrefix("Closed department, no posting and no volume in its last 3 months or more: proposed at its run rate, $0 and volume 0, Peds (no posting and no volume since 2025-10; $180,000 of expense in the base)") },
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
}
