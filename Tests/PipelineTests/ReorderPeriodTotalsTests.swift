import Foundation
import Testing
@testable import Pipeline
import Tabular

/// Reorder on usage exports of period totals (`ReorderJob.UsageRows`): each row is spread
/// over the days of its period. Read as one day's use, 300 a month for three years planned a
/// safety stock of 823 and an order of 740 for an item with 300 on hand and 207 of use over
/// its 21 days, flagged unreliable_forecast, as of the 1st of the last month.
@Suite struct ReorderPeriodTotalsTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int32(CalendarDay.days(year: y, month: m, day: d)))
    }

    /// GLOVE at $1, lead time 14 days, review 7: a 21-day protection interval.
    static let items = Table([("item", .text(["GLOVE"])), ("vendor", .text(["Medline"])), ("unit_cost", .number([1])),
                              ("lead_time_days", .number([14])), ("review_period_days", .number([7])), ("criticality", .text(["E"]))])
    static let inventory = Table([("item", .text(["GLOVE"])), ("on_hand", .number([300]))])

    /// 300 a month from January 2023 to December 2025, dated on the 1st.
    static func monthly() -> Table {
        let days = (0..<36).map { day(2023 + $0 / 12, $0 % 12 + 1, 1) }
        return Table([("item", .text(days.map { _ in "GLOVE" })), ("date", .date(days)), ("quantity", .number(days.map { _ in 300 }))])
    }

    static func plan(_ usage: Table, asOf: CalendarDay? = nil) throws -> ReorderJob.Plan {
        var job = ReorderJob()
        job.threads = 1
        job.asOf = asOf
        return try job.plan(usage: usage, items: items, inventory: inventory)
    }

    @Test func monthlyTotalsAreSpreadOverTheirDays() throws {
        let plan = try Self.plan(Self.monthly())
        let line = try #require(plan.lines.first)
        // January's 9.68 a day over 21 days is 203; 300 x 12 / 365 x 21 is 207.
        #expect(line.demandForecast > 195 && line.demandForecast < 215, "\(line.demandForecast)")
        #expect(abs(line.safetyStock) < 15, "\(line.safetyStock)")
        #expect(line.orderQuantity == 0, "\(line.orderQuantity) up to \(line.orderUpTo)")
        #expect(!line.flags.contains("unreliable_forecast"), "\(line.flags)")
        // The plan is dated on the last month's last day, not its 1st.
        #expect(plan.asOf == Self.day(2025, 12, 31))
        #expect(plan.usageEnd == nil)
        let note = try #require(plan.usageReadAsTotals)
        #expect(note.contains("monthly totals") && note.contains("spread evenly over their days") && note.contains("2025-12-31"), "\(note)")
        #expect(ReorderJob.report(plan).summary.contains { $0.hasPrefix("Usage rows are monthly totals") })
        // As of the last month's end, given: the usage does not end 30 days before it.
        let given = try Self.plan(Self.monthly(), asOf: Self.day(2025, 12, 31))
        #expect(given.usageEnd == nil)
        #expect(given.lines.first?.orderUpTo == line.orderUpTo)
        // Daily rows are read as days, without the note.
        #expect(try Self.plan(ReorderDefectStageTests.usage([("GLOVE", nil, 10)], weeks: 20)).usageReadAsTotals == nil)
    }

    /// The same months as `2023-01` labels and as first days, through the import: one plan.
    @Test func monthLabelsAndFirstDaysPlanAlike() throws {
        let ws = try Workspace()
        var labels = "item,date,quantity\n", firstDays = labels
        for k in 0..<36 {
            let month = "\(2023 + k / 12)-\(k % 12 < 9 ? "0" : "")\(k % 12 + 1)"
            labels += "GLOVE,\(month),300\n"
            firstDays += "GLOVE,\(month)-01,300\n"
        }
        try ws.write("labels.csv", labels)
        try ws.write("days.csv", firstDays)
        let byLabel = try Self.plan(try #require(ws.tables(["labels.csv": "usage"])["usage"]))
        let byDay = try Self.plan(try #require(ws.tables(["days.csv": "usage"])["usage"]))
        #expect(byLabel.asOf == Self.day(2025, 12, 31) && byDay.asOf == byLabel.asOf)
        let a = try #require(byLabel.lines.first), b = try #require(byDay.lines.first)
        #expect(a.demandForecast == b.demandForecast && a.safetyStock == b.safetyStock && a.orderQuantity == b.orderQuantity)
        #expect(a.orderQuantity == 0 && abs(a.safetyStock) < 15, "\(a.orderQuantity) \(a.safetyStock)")
        #expect(byLabel.usageReadAsTotals?.contains("labelled with a whole month") == true, "\(byLabel.usageReadAsTotals ?? "")")
    }

    /// 70 a week dated on each week's Monday: the last week counts whole, and the plan is as of
    /// its Sunday (it was as of the Monday, and that week left out as incomplete).
    @Test func weeklyTotalsAreSpreadOverTheirWeeks() throws {
        let monday = Self.day(2024, 1, 1)
        let days = (0..<60).map { monday.adding(days: 7 * $0) }
        let usage = Table([("item", .text(days.map { _ in "GLOVE" })), ("date", .date(days)), ("quantity", .number(days.map { _ in 70 }))])
        let plan = try Self.plan(usage)
        #expect(plan.asOf == days.last!.adding(days: 6))
        let line = try #require(plan.lines.first)
        #expect(abs(line.demandForecast - 210) < 1, "\(line.demandForecast)")
        #expect(abs(line.safetyStock) < 10 && line.orderQuantity == 0, "\(line.safetyStock) \(line.orderQuantity)")
        #expect(plan.usageReadAsTotals?.contains("weekly totals") == true)
        // The weekly history holds all 60 weeks, the last one too.
        let outlook = try #require(plan.outlooks.first)
        #expect(outlook.history.count == 52 && outlook.history.allSatisfy { abs($0 - 70) < 1e-9 }, "\(outlook.history.suffix(3))")
    }

    /// An item new in a weekly export's last week is forecast by the week, as the export's other
    /// items: it was forecast by day from seven equal days (its week's total spread), a series
    /// with no spread at all, and planned with no safety stock ("planned at its daily use since").
    @Test func anItemNewInTheLastWeekIsForecastByTheWeek() throws {
        let monday = Self.day(2024, 1, 1)
        var days: [CalendarDay] = [], items: [String] = [], quantities: [Double] = []
        for k in 0..<60 {
            days.append(monday.adding(days: 7 * k)); items.append("GLOVE"); quantities.append(Double(70 + k % 3 * 7))
            if k == 59 { days.append(monday.adding(days: 7 * k)); items.append("GOWN"); quantities.append(70) }
        }
        let usage = Table([("item", .text(items)), ("date", .date(days)), ("quantity", .number(quantities))])
        var job = ReorderJob()
        job.threads = 1
        let master = Table([("item", .text(["GLOVE", "GOWN"])), ("vendor", .text(["Medline", "Medline"])), ("unit_cost", .number([1, 1])),
                            ("lead_time_days", .number([7, 7])), ("review_period_days", .number([7, 7])), ("criticality", .text(["E", "E"]))])
        let stock = Table([("item", .text(["GLOVE", "GOWN"])), ("on_hand", .number([100, 100]))])
        let plan = try job.plan(usage: usage, items: master, inventory: stock)
        let gown = try #require(plan.lines.first { $0.item == "GOWN" })
        #expect(!gown.reason.contains("planned at its daily use since") && gown.reason.contains("new item with 7 days of history"), "\(gown.reason)")
        #expect(abs(gown.demandForecast - 140) < 1 && gown.safetyStock > 0, "\(gown.demandForecast) \(gown.safetyStock)")
    }

    /// As of mid-December, December's row holds the use to then: a given as-of inside the last
    /// period ends it (`PartialLastPeriod`), its total spread over its 14 days, not cut at the
    /// 14th from a spread over 31 (the plan cannot be as of a day before the use it spreads).
    @Test func aMonthCountsByItsDaysUpToAsOf() throws {
        let months = Self.monthly()
        let held = try #require(months.numbers("quantity")).enumerated().map { k, q in k == 35 ? q * 14 / 31 : q }
        let usage = Table([("item", .text(try #require(months.texts("item")))), ("date", .date(try #require(months.days("date")))), ("quantity", .number(held))])
        let plan = try Self.plan(usage, asOf: Self.day(2025, 12, 14))
        #expect(plan.asOf == Self.day(2025, 12, 14) && plan.usageEnd == nil)
        let line = try #require(plan.lines.first)
        #expect(line.demandForecast > 195 && line.demandForecast < 225 && line.orderQuantity == 0, "\(line.demandForecast) \(line.orderQuantity)")
    }
}
