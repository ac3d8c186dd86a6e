import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular
import Forecasting

/// The report on a line whose last booked month has no volume (a finance analyst's review,
/// defect 2): its summary said of one line both "no volume to split it by" and "flexed budget
/// covers it", the latter with December flexed as if its census were on budget.
@Suite struct VarianceMonthsWithoutVolumeTests {
    /// ICU supplies (variable): budget $1,000 a month for 100 patient days; booked July to
    /// November at $1,050 for 110 days, December at $1,200 with no volume. Year to date $450
    /// over: volume +$500 and rate -$250 over July to November, December's +$200 in neither.
    /// Before: "no volume to split it by" in the largest unfavorable lines, and "$450 over,
    /// flexed budget $6,500 covers it" below (December flexed at its budget).
    @Test func theSummarySaysOneThingOfALineWithAMonthWithoutVolume() throws {
        let months = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
        let budget = Table([("department", .text(months.map { _ in "ICU" })), ("account", .text(months.map { _ in "Supplies" })),
                            ("period", .text(months)), ("amount", .number(months.map { _ in 1_000 })),
                            ("behavior", .text(months.map { _ in "variable" })), ("volume", .number(months.map { _ in 100 }))])
        let booked = Array(months.prefix(6))
        let actuals = Table([("department", .text(booked.map { _ in "ICU" })), ("account", .text(booked.map { _ in "Supplies" })),
                             ("period", .text(booked)), ("amount", .number([1_050, 1_050, 1_050, 1_050, 1_050, 1_200])),
                             ("volume", .number([110, 110, 110, 110, 110, .nan]))])
        var job = VarianceJob()
        job.asOf = Frequency.month.period(of: try #require(DateParser().parse("2025-12")))
        let result = try job.run(budget: budget, actuals: actuals, volumes: nil)
        let markdown = VarianceJob.report(result, calendar: FiscalCalendar()).markdown(figurePrefix: "variance")
        let about = markdown.split(separator: "\n").filter { $0.hasPrefix("- ICU / Supplies") }
        #expect(about == ["- ICU / Supplies: $450, 7.5% (within the flag thresholds) — volume $500, rate -$250 over the months with a volume; 1 month without one leaves $200 unsplit; mostly volume."], "\(about)")
        #expect(!markdown.contains("covers it"))
        #expect(markdown.contains("No actual volume is given for 2025-12 of ICU"))
        // The CSV: December's split blank, the year to date's over July to November.
        let csv = CSVTextRows.parse(VarianceJob.table(result))
        let header = csv[0]
        func cell(_ period: String, _ column: String) -> String? {
            csv.first { $0[0] == "ICU" && $0[1] == "Supplies" && $0[2] == period }.map { $0[header.firstIndex(of: column)!] }
        }
        #expect(cell("2025-12", "flexed_budget") == "" && cell("2025-12", "volume_variance") == "" && cell("2025-12", "rate_variance") == "")
        #expect(cell("FY2026-YTD", "volume_variance") == "500" && cell("FY2026-YTD", "rate_variance") == "-250")
    }
}
