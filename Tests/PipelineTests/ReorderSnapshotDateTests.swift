import Forecasting
import Foundation
import Planning
import Testing
@testable import Pipeline
import Tabular

/// How a totals export's last period is read (`PartialLastPeriod`), on the review's fixtures:
/// SALINE used 69 a day and GAUZE 10 a day, a row a month dated on the 1st from January 2023
/// (the review's m_*.csv). The inventory's snapshot date, the date at least half its dated
/// rows share, ends the last period; a cycle count on another date does not; a given as-of
/// inside it ends it too; the replay's levels plans read it as the plan does; and purchasing,
/// with no inventory, reads it through a given as-of as reorder does and says so without one.
@Suite struct ReorderSnapshotDateTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { ReorderPeriodTotalsTests.day(y, m, d) }

    /// The review's items.csv: SALINE $1, lead 2, review 1, E, par 300; GAUZE $2, lead 7,
    /// review 7, N, par 200.
    static let items = Table([("item", .text(["SALINE", "GAUZE"])), ("vendor", .text(["Medline", "Medline"])), ("unit_cost", .number([1, 2])),
                              ("lead_time_days", .number([2, 7])), ("review_period_days", .number([1, 7])), ("criticality", .text(["E", "N"])),
                              ("par_level", .number([300, 200]))])

    /// 120 SALINE and 100 GAUZE on hand, counted on the days given.
    static func inventory(_ saline: CalendarDay, _ gauze: CalendarDay) -> Table {
        Table([("item", .text(["SALINE", "GAUZE"])), ("on_hand", .number([120, 100])), ("as_of", .date([saline, gauze]))])
    }

    /// January 2023 to December 2025 dated on the 1st; December holds its first `lastDays`
    /// days' use.
    static func monthly(lastDays: Int) -> Table {
        var days: [CalendarDay] = [], names: [String] = [], quantities: [Double] = []
        for k in 0..<36 {
            let first = day(2023 + k / 12, k % 12 + 1, 1)
            let held = k == 35 ? lastDays : Frequency.month.days(in: Frequency.month.period(of: first))
            for (item, rate) in [("SALINE", 69.0), ("GAUZE", 10.0)] {
                days.append(first); names.append(item); quantities.append(rate * Double(held))
            }
        }
        return Table([("date", .date(days)), ("item", .text(names)), ("quantity", .number(quantities))])
    }

    static func plan(_ usage: Table, _ inventory: Table, asOf: CalendarDay? = nil, simulate: Int? = nil) throws -> ReorderJob.Plan {
        var job = ReorderJob()
        job.threads = 1
        job.asOf = asOf
        job.simulateWeeks = simulate
        return try job.plan(usage: usage, items: items, inventory: inventory)
    }

    static func line(_ plan: ReorderJob.Plan, _ item: String) throws -> ReorderLine { try #require(plan.lines.first { $0.item == item }) }

    /// Review, defect 1: a complete December with SALINE counted 30 November and GAUZE
    /// cycle-counted 15 December was read to the 15th: every item's December spread over 15
    /// days, SALINE's demand 301 against 207 and the orders' cost 567 against 167. The two dates hold
    /// half the rows each: neither dates the export, and December is read whole, said.
    @Test func aCycleCountDoesNotDateTheExport() throws {
        let plan = try Self.plan(Self.monthly(lastDays: 31), Self.inventory(Self.day(2025, 11, 30), Self.day(2025, 12, 15)))
        #expect(plan.asOf == Self.day(2025, 12, 31))
        let saline = try Self.line(plan, "SALINE"), gauze = try Self.line(plan, "GAUZE")
        #expect(abs(saline.demandForecast - 207) < 0.5 && abs(gauze.demandForecast - 140) < 0.5, "\(saline.demandForecast) \(gauze.demandForecast)")
        #expect(saline.orderQuantity == 87 && gauze.orderQuantity == 40 && plan.lines.reduce(0) { $0 + $1.orderCost } == 167, "\(plan.lines.map(\.orderQuantity))")
        let note = try #require(plan.usageReadAsTotals)
        #expect(note.contains("the usage runs to 2025-12-31, the last month's end, and the plan is as of that day (2025-12 read as complete: two count dates hold half of the inventory's 2 rows each, so neither dates the export; --as-of reads it through a given day)"), "\(note)")
        // Counted together on the 15th, the inventory dates the export: read to the 15th.
        let together = try Self.plan(Self.monthly(lastDays: 15), Self.inventory(Self.day(2025, 12, 15), Self.day(2025, 12, 15)))
        let counted = try Self.line(together, "SALINE")
        #expect(together.asOf == Self.day(2025, 12, 15) && abs(counted.demandForecast - 207) < 0.5, "\(counted.demandForecast)")
        #expect(together.usageReadAsTotals?.contains("read through the inventory's snapshot date, 2025-12-15, the count date of 2 of its 2 rows (its total is the use of its first 15 of 31 days)") == true,
                "\(together.usageReadAsTotals ?? "")")
    }

    /// Review, defect 6: `--as-of 2025-12-10` with December's 10 days of use spread December's
    /// total over 31 days and cut it at the 10th (GAUZE's demand 122.2 against 140), and the
    /// note said the usage ran to 31 December. With no snapshot inside December (counted 30
    /// November), read through as-of, as a snapshot of the 10th reads it: the same demand.
    @Test func aGivenAsOfInsideTheLastPeriodEndsIt() throws {
        let usage = Self.monthly(lastDays: 10)
        let given = try Self.plan(usage, Self.inventory(Self.day(2025, 11, 30), Self.day(2025, 11, 30)), asOf: Self.day(2025, 12, 10))
        let counted = try Self.plan(usage, Self.inventory(Self.day(2025, 12, 10), Self.day(2025, 12, 10)))
        #expect(given.asOf == counted.asOf && given.usageEnd == nil)
        for item in ["SALINE", "GAUZE"] {
            let a = try Self.line(given, item), b = try Self.line(counted, item)
            #expect(a.demandForecast == b.demandForecast && a.safetyStock == b.safetyStock,
                    "\(item): \(a.demandForecast) \(a.safetyStock) against \(b.demandForecast) \(b.safetyStock)")
        }
        let gauze = try Self.line(given, "GAUZE")
        #expect(abs(gauze.demandForecast - 140) < 0.5, "\(gauze.demandForecast)")
        let note = try #require(given.usageReadAsTotals)
        #expect(note.contains("the last month, 2025-12, read through the as-of day, 2025-12-10 (its total is the use of its first 10 of 31 days), so the usage runs to 2025-12-10;")
                && !note.contains("2025-12-31"), "\(note)")
    }

    /// A snapshot inside the last period tells what its total holds whatever as-of is given:
    /// given 10 December beside a snapshot of the 24th, December's 24 days of use were read as
    /// 10 (SALINE 251 for 207, orders of 394 for 167); given the 31st beside one of the 3rd,
    /// December was read whole again (117 for 207). As-of sets the plan's date only.
    @Test func aSnapshotInsideTheLastPeriodDecidesItsDaysWhateverAsOf() throws {
        let usage = Self.monthly(lastDays: 24), stock = Self.inventory(Self.day(2025, 12, 24), Self.day(2025, 12, 24))
        let counted = try Self.plan(usage, stock)
        let early = try Self.plan(usage, stock, asOf: Self.day(2025, 12, 10))
        #expect(early.asOf == Self.day(2025, 12, 10))
        let saline = try Self.line(counted, "SALINE"), earlySaline = try Self.line(early, "SALINE")
        #expect(abs(saline.demandForecast - 207) < 0.5 && abs(earlySaline.demandForecast - 207) < 0.5, "\(saline.demandForecast), \(earlySaline.demandForecast)")
        let short = Self.monthly(lastDays: 3), thirdOf = Self.inventory(Self.day(2025, 12, 3), Self.day(2025, 12, 3))
        let late = try Self.plan(short, thirdOf, asOf: Self.day(2025, 12, 31))
        #expect(late.usageReadAsTotals?.contains("read through the inventory's snapshot date, 2025-12-03") == true, "\(late.usageReadAsTotals ?? "")")
        let lateSaline = try Self.line(late, "SALINE")
        #expect(abs(lateSaline.demandForecast - 207) < 0.5, "\(lateSaline.demandForecast)")
    }

    /// Review, defect 7: counted on the 1st, the note read "the use of its first 1 of 31 days".
    @Test func aLastPeriodOfOneDayIsItsFirstDay() throws {
        let plan = try Self.plan(Self.monthly(lastDays: 1), Self.inventory(Self.day(2025, 12, 1), Self.day(2025, 12, 1)))
        #expect(plan.asOf == Self.day(2025, 12, 1))
        #expect(plan.usageReadAsTotals?.contains("(its total is the use of its first day), so the usage runs to 2025-12-01") == true, "\(plan.usageReadAsTotals ?? "")")
    }

    /// Review, defect 4: `--simulate 2` on December's 24 days counted on the 24th set the
    /// replay's levels as of 10 December from December read whole, 1,656 over 31 days (53.4 a
    /// day where SALINE used 69): the levels plan reads the rows as the plan does. Its lines are
    /// those of a plan of the same rows as of the 10th.
    @Test func theReplaysLevelsReadTheLastPeriodAsThePlanDoes() throws {
        let usage = Self.monthly(lastDays: 24), stock = Self.inventory(Self.day(2025, 12, 24), Self.day(2025, 12, 24))
        let plan = try Self.plan(usage, stock, simulate: 2)
        #expect(plan.asOf == Self.day(2025, 12, 24))
        let replayed = try #require(plan.simulation.first { $0.criticality == "E" && $0.policy == "recommended" })
        #expect(replayed.levelsAsOf == "2025-12-10")
        // The levels as of the 10th read December through the 24th: 69 a day, as the plan.
        var levels = ReorderJob()
        levels.threads = 1
        levels.asOf = Self.day(2025, 12, 10)
        var rows = try #require(ReorderJob.UsageRows(days: usage.days("date")!, labelled: nil))
        rows.readLastPeriod(throughSnapshotOf: PartialLastPeriod.CountDates([Self.day(2025, 12, 24).daysSinceEpoch]))
        levels.usageRowsRead = rows
        let saline = try Self.line(try levels.plan(usage: usage, items: Self.items, inventory: stock), "SALINE")
        #expect(abs(saline.demandForecast - 207) < 0.5, "\(saline.demandForecast)")
        // Replayed as the daily export of the same use replays (daily_d24.csv): GAUZE's levels,
        // set from 10 a day, run short on no day; set from 7.7 a day, on 2 (fill rate 0.914).
        let gauze = try #require(plan.simulation.first { $0.criticality == "N" && $0.policy == "recommended" })
        #expect(gauze.outcome.stockoutDays == 0 && gauze.outcome.fillRate == 1, "\(gauze.outcome.fillRate) \(gauze.outcome.stockoutDays)")
        #expect(abs(replayed.outcome.averageInventoryValue - 14.79) < 0.01, "\(replayed.outcome.averageInventoryValue)")
    }

    /// Review, defect 3: a new item in the last month, from Sunday 1 February 2026, read through
    /// a count of Wednesday the 4th (nb_usage.csv), was forecast by the week from its only
    /// whole week, which held one day of its use: 8.57 over 3 days where the daily export gives
    /// 60. First used after the last whole week began, it keeps its days.
    @Test func aNewItemWhoseOnlyWholeWeekHoldsPartOfItsUseStaysByTheDay() throws {
        let months = [(2025, 9, 2070.0), (2025, 10, 2139), (2025, 11, 2070), (2025, 12, 2139), (2026, 1, 2139), (2026, 2, 276)]
        var days = months.map { Self.day($0.0, $0.1, 1) }, names = months.map { _ in "SALINE" }, quantities = months.map(\.2)
        days.append(Self.day(2026, 2, 1)); names.append("NEWB"); quantities.append(80)
        let usage = Table([("date", .date(days)), ("item", .text(names)), ("quantity", .number(quantities))])
        let items = Table([("item", .text(["SALINE", "NEWB"])), ("vendor", .text(["Medline", "Medline"])), ("unit_cost", .number([1, 1])),
                           ("lead_time_days", .number([2, 2])), ("review_period_days", .number([1, 1])), ("criticality", .text(["E", "E"]))])
        let counted = Self.day(2026, 2, 4)
        let stock = Table([("item", .text(["SALINE", "NEWB"])), ("on_hand", .number([120, 50])), ("as_of", .date([counted, counted]))])
        var job = ReorderJob()
        job.threads = 1
        let plan = try job.plan(usage: usage, items: items, inventory: stock)
        #expect(plan.asOf == counted)
        let newb = try Self.line(plan, "NEWB")
        #expect(abs(newb.demandForecast - 60) < 0.5 && newb.reason.contains("first used 2026-02-01: planned at its daily use since"), "\(newb.demandForecast) \(newb.reason)")
    }

    /// Review, defect 5: purchasing, with no inventory, dated a December pulled on the 3rd
    /// 31 December and called lots expired before use that reorder, as of the 3rd, did not. It
    /// says December was read whole and that `--as-of` reads it through a day; given the 3rd,
    /// it reads December's total as 3 days' use, as reorder does.
    @Test func purchasingReadsTheLastPeriodThroughAGivenAsOf() throws {
        let usage = Self.monthly(lastDays: 3)
        let orders = Table([("po", .text(["P1"])), ("item", .text(["SALINE"])), ("vendor", .text(["Medline"])),
                            ("order_date", .date([Self.day(2025, 11, 25)])), ("quantity", .number([300])), ("unit_price", .number([1]))])
        let lots = Table([("item", .text(["SALINE", "GAUZE"])), ("lot", .text(["L1", "G1"])), ("expiry_date", .date([Self.day(2025, 12, 20), Self.day(2026, 1, 10)])),
                          ("quantity", .number([120, 100]))])
        let whole = try PurchasingJob().run(orders: orders, items: Self.items, lots: lots, usage: usage)
        #expect(whole.asOf == Self.day(2025, 12, 31))
        #expect(PurchasingJob.caveats(whole).contains { $0.contains("as-of is 2025-12-31, the last month's end (2025-12 read as complete: purchasing has no inventory count to date the export; --as-of, or as_of:, reads the last month through the day it was pulled") },
                "\(PurchasingJob.caveats(whole))")
        var job = PurchasingJob()
        job.asOf = Self.day(2025, 12, 3)
        let given = try job.run(orders: orders, items: Self.items, lots: lots, usage: usage)
        #expect(given.asOf == Self.day(2025, 12, 3) && given.expectedWaste == 0, "\(given.expiry)")
        #expect(PurchasingJob.caveats(given).contains { $0.contains("so each row is spread over its month, the last month, 2025-12, read through as-of, 2025-12-03 (its total is the use of its first 3 of 31 days)") },
                "\(PurchasingJob.caveats(given))")
        // 69 a day over the 91 days to the 3rd, as reorder reads them; read whole, December's
        // 3 days held 20 of their 207 and SALINE used 66.9 a day.
        let use = try PurchasingJob.dailyUse(usage, asOf: Self.day(2025, 12, 3), windowDays: 91)
        #expect(abs((use.perItem["SALINE"] ?? 0) - 69) < 1e-9 && abs((use.perItem["GAUZE"] ?? 0) - 10) < 1e-9, "\(use.perItem)")
    }
}
