import Foundation
import Testing
@testable import Pipeline
import Tabular

/// Reorder on a biweekly usage export (`ReorderJob.UsageRows.weeksPerRow`): each row is two
/// weeks' total, spread over its ISO week and the week before.
@Suite struct ReorderTwoWeekTotalsTests {
    /// The review's heparin: a flat 100 a day, one row of 1,400 every other Saturday from 4
    /// October 2025 to 21 March 2026; lead time 7 days and review 7, so the protection interval
    /// of 14 days needs 1,400, constant use needs no safety stock, and 1,400 on hand needs no
    /// order. Read as weekly totals with a week of nothing between, before the fix: a demand
    /// forecast of 1,429, a safety stock of 3,606, an order-up-to of 5,035 and an order of
    /// 3,650 vials ($8,760), and a note saying "one date a week".
    @Test func aFlatBiweeklyItemIsPlannedAtItsDailyRate() throws {
        let days = stride(from: 0, to: 13 * 14, by: 14).map { ReorderPeriodTotalsTests.day(2025, 10, 4).adding(days: $0) }
        let usage = Table([("item", .text(days.map { _ in "HEP5000" })), ("date", .date(days)), ("quantity", .number(days.map { _ in 1400 }))])
        let items = Table([("item", .text(["HEP5000"])), ("vendor", .text(["Cardinal"])), ("unit_cost", .number([2.4])),
                           ("lead_time_days", .number([7])), ("review_period_days", .number([7])), ("criticality", .text(["V"]))])
        let inventory = Table([("item", .text(["HEP5000"])), ("on_hand", .number([1400]))])
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: usage, items: items, inventory: inventory)
        let line = try #require(plan.lines.first)
        #expect(abs(line.demandForecast - 1400) < 1, "\(line.demandForecast)")
        #expect(abs(line.safetyStock) < 1, "\(line.safetyStock)")
        #expect(line.orderQuantity == 0, "\(line.orderQuantity) up to \(line.orderUpTo)")
        // The usage runs to the Sunday after the last row, as a weekly row's would.
        #expect(plan.asOf == ReorderPeriodTotalsTests.day(2026, 3, 22))
        let note = try #require(plan.usageReadAsTotals)
        #expect(note.hasPrefix("usage rows are two-week totals (one date every two weeks, on one weekday, each the total of its ISO week and the week before)"), "\(note)")
        #expect(!note.contains("one date a week"))
    }
}
