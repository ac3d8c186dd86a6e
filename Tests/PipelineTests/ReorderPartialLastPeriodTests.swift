import Forecasting
import Foundation
import Testing
@testable import Pipeline
import Tabular

/// A totals export pulled before its last period ended (`PartialLastPeriod`): a monthly
/// export pulled on 3 December holds 3 days' use in its December row. Read as the whole month
/// it was spread over 31 days and the plan dated 31 December: demand 117 where 207 is right, an
/// order of 194 from a forecast flagged unreliable, no stockout_risk, and the count of
/// 3 December called stale. Read through the count, it plans as `--as-of 2025-12-03` does.
@Suite struct ReorderPartialLastPeriodTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { ReorderPeriodTotalsTests.day(y, m, d) }

    /// SALINE at $1, lead time 2 days, review 1: a 3-day protection interval.
    static let items = Table([("item", .text(["SALINE"])), ("vendor", .text(["Medline"])), ("unit_cost", .number([1])),
                              ("lead_time_days", .number([2])), ("review_period_days", .number([1])), ("criticality", .text(["E"]))])

    /// 120 on hand, counted on `counted` (none: no as_of column).
    static func inventory(counted: CalendarDay?) -> Table {
        var columns: [(String, Table.Column)] = [("item", .text(["SALINE"])), ("on_hand", .number([120]))]
        if let counted { columns.append(("as_of", .date([counted]))) }
        return Table(columns)
    }

    /// 69 a day from January 2023, a row a month dated on the 1st; the last month's row holds
    /// its first `lastDays` days' use.
    static func monthly(through last: (year: Int, month: Int), lastDays: Int) -> Table {
        var days: [CalendarDay] = [], quantities: [Double] = []
        var (year, month) = (2023, 1)
        while (year, month) <= (last.year, last.month) {
            let first = day(year, month, 1)
            let isLast = year == last.year && month == last.month
            days.append(first)
            quantities.append(69 * Double(isLast ? lastDays : Frequency.month.days(in: Frequency.month.period(of: first))))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return Table([("item", .text(days.map { _ in "SALINE" })), ("date", .date(days)), ("quantity", .number(quantities))])
    }

    static func plan(_ usage: Table, counted: CalendarDay?, asOf: CalendarDay? = nil) throws -> ReorderJob.Plan {
        var job = ReorderJob()
        job.threads = 1
        job.asOf = asOf
        return try job.plan(usage: usage, items: items, inventory: inventory(counted: counted))
    }

    @Test func aLastMonthCountedOnThe3rdIsReadThroughTheCount() throws {
        let usage = Self.monthly(through: (2025, 12), lastDays: 3)
        let plan = try Self.plan(usage, counted: Self.day(2025, 12, 3))
        let line = try #require(plan.lines.first)
        // As of the count, December's 207 over its 3 days: 69 a day, 207 over the interval.
        #expect(plan.asOf == Self.day(2025, 12, 3) && plan.usageEnd == nil)
        #expect(abs(line.demandForecast - 207) < 1, "\(line.demandForecast)")
        #expect(line.orderQuantity == 87, "\(line.orderQuantity) up to \(line.orderUpTo)")
        #expect(line.flags.contains("stockout_risk") && !line.flags.contains("stale_count") && !line.flags.contains("unreliable_forecast"), "\(line.flags)")
        // As `--as-of 2025-12-03` plans it.
        let given = try #require(try Self.plan(usage, counted: Self.day(2025, 12, 3), asOf: Self.day(2025, 12, 3)).lines.first)
        #expect(line.demandForecast == given.demandForecast && line.safetyStock == given.safetyStock
                && line.orderQuantity == given.orderQuantity && line.flags == given.flags, "\(line.flags) \(given.flags)")
        let note = try #require(plan.usageReadAsTotals)
        #expect(note.contains("the last month, 2025-12, read through the inventory's snapshot date, 2025-12-03, the count date of 1 of its 1 rows (its total is the use of its first 3 of 31 days)")
                && note.contains("the usage runs to 2025-12-03, and the plan is as of that day"), "\(note)")
        #expect(ReorderJob.report(plan).title == "Reorder list as of 2025-12-03")
    }

    /// A snapshot on the month's last day, before the month or after its end, or none: the month
    /// is read whole, as before, and the note says why.
    @Test func aLastMonthWithoutACountInsideItIsReadWhole() throws {
        let usage = Self.monthly(through: (2025, 12), lastDays: 31)
        let whole = try #require(try Self.plan(usage, counted: Self.day(2025, 12, 31)).lines.first)
        for counted in [Self.day(2025, 12, 31), Self.day(2025, 11, 28), Self.day(2026, 1, 5), nil] {
            let plan = try Self.plan(usage, counted: counted)
            #expect(plan.asOf == Self.day(2025, 12, 31), "\(String(describing: counted))")
            let line = try #require(plan.lines.first)
            #expect(abs(line.demandForecast - 207) < 1 && line.orderQuantity == whole.orderQuantity, "\(line.demandForecast) \(line.orderQuantity)")
            let note = try #require(plan.usageReadAsTotals)
            #expect(note.contains("the usage runs to 2025-12-31, the last month's end, and the plan is as of that day (2025-12 read as complete: "), "\(note)")
            #expect(note.contains(counted.map { "the inventory's snapshot date, \($0), the count date of 1 of its 1 rows, is not inside it before its last day)" } ?? "the inventory's counts are not dated)"), "\(note)")
        }
        // A count after the month's end is planned as before: as of the month's end, flagged.
        let after = try #require(try Self.plan(usage, counted: Self.day(2026, 1, 5)).lines.first)
        #expect(after.flags.contains("count_after_as_of"), "\(after.flags)")
    }

    /// `--as-of` wins: given 31 December, a count of 3 December is 28 days old, as before.
    @Test func aGivenAsOfSetsThePlansDateTheSnapshotTheUsagesEnd() throws {
        let usage = Self.monthly(through: (2025, 12), lastDays: 3)
        let plan = try Self.plan(usage, counted: Self.day(2025, 12, 3), asOf: Self.day(2025, 12, 31))
        #expect(plan.asOf == Self.day(2025, 12, 31))
        #expect(plan.lines.first?.flags.contains("stale_count") == true)
        #expect(plan.usageReadAsTotals?.contains("read through the inventory's snapshot date, 2025-12-03") == true, "\(plan.usageReadAsTotals ?? "")")
    }

    /// Weekly totals dated on Mondays, 70 a week, the last week's row counted on its
    /// Wednesday holding 30 (three days at 10): as of the Wednesday, at 10 a day. An item first
    /// used that week has no whole week to forecast from: by day, from its three days (by the
    /// week, as a totals export's other new items, it had no use at all).
    @Test func aLastWeekCountedOnItsWednesdayIsReadThroughTheCount() throws {
        let monday = Self.day(2024, 1, 1)
        let days = (0..<60).map { monday.adding(days: 7 * $0) }
        let usage = Table([("item", .text(days.map { _ in "SALINE" } + ["GOWN"])), ("date", .date(days + [days.last!])),
                           ("quantity", .number(days.indices.map { $0 == days.count - 1 ? 30 : 70 } + [60]))])
        let wednesday = days.last!.adding(days: 2)
        var job = ReorderJob()
        job.threads = 1
        let items = Table([("item", .text(["SALINE", "GOWN"])), ("vendor", .text(["Medline", "Medline"])), ("unit_cost", .number([1, 1])),
                           ("lead_time_days", .number([2, 2])), ("review_period_days", .number([1, 1])), ("criticality", .text(["E", "E"]))])
        let stock = Table([("item", .text(["SALINE", "GOWN"])), ("on_hand", .number([120, 120])), ("as_of", .date([wednesday, wednesday]))])
        let plan = try job.plan(usage: usage, items: items, inventory: stock)
        #expect(plan.asOf == wednesday)
        let line = try #require(plan.lines.first { $0.item == "SALINE" })
        #expect(abs(line.demandForecast - 30) < 1 && !line.flags.contains("stale_count"), "\(line.demandForecast) \(line.flags)")
        #expect(plan.usageReadAsTotals?.contains("the last week, \(Frequency.week.label(Frequency.week.period(of: wednesday))), read through the inventory's snapshot date, \(wednesday)") == true,
                "\(plan.usageReadAsTotals ?? "")")
        let gown = try #require(plan.lines.first { $0.item == "GOWN" })
        #expect(abs(gown.demandForecast - 60) < 1 && gown.reason.contains("planned at its daily use since"), "\(gown.demandForecast) \(gown.reason)")
    }
}
