import Foundation
import Testing
@testable import Pipeline
import Planning
import Reports
import Tabular

/// The reorder stage end to end on a small hand-made system: an item about to stock out,
/// a discontinued one, an overstocked one with short shelf life, and a slow vital implant.
@Suite struct ReorderStageTests {
    func workspace() throws -> Workspace {
        let ws = try Workspace()
        var usage = "date,item,quantity\n"
        var day = 0
        for week in 0..<60 {
            for d in 0..<7 {
                let date = ISO.day(2024, 1, 1, plus: day)
                usage += "\(date),GLV,\(40 + (d * 7 + week) % 21)\n"          // ~50/day
                usage += "\(date),OLD,\(5 + d % 3)\n"                          // ~6/day, discontinued
                usage += "\(date),SAL,\(2 + d % 2)\n"                          // ~2.5/day, expires in 60 days
                if (day % 17) == 0 { usage += "\(date),IMP,1\n" }            // slow implant
                day += 1
            }
        }
        try ws.write("usage.csv", usage)
        try ws.write("items.csv", """
        item,description,vendor,unit_cost,pack_size,min_order_qty,lead_time_days,lead_time_sd_days,review_period_days,shelf_life_days,criticality,status
        GLV,Gloves nitrile M,Acme,$8.00,100,0,7,1,7,,E,active
        OLD,Old dressing,Acme,$2.00,10,0,7,0,7,,N,discontinued
        SAL,Saline 10 mL,Baxo,$0.50,24,0,5,0,7,60,E,active
        IMP,Hip implant,Orto,"$1,250.00",1,0,14,2,7,,V,active

        """)
        try ws.write("inventory.csv", "item,on_hand,on_order,location\nGLV,120,0,Main\nOLD,0,0,Main\nSAL,2000,0,Main\nIMP,0,0,OR\n")
        try ws.write("p.yml", """
        stages:
          usage: {kind: import, table: usage, file: usage.csv}
          items: {kind: import, table: items, file: items.csv}
          inventory: {kind: import, table: inventory, file: inventory.csv}
          plan: {kind: reorder, usage: usage, items: items, inventory: inventory}
        """)
        return ws
    }

    func rows(_ csv: String) -> [String: [String: String]] {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var result: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            // The reason column is last and quoted when it has commas; the others have none.
            let fields = line.split(separator: ",", maxSplits: header.count - 1, omittingEmptySubsequences: false).map(String.init)
            result[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return result
    }

    @Test func plantedSituationsAreFound() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let lines = rows(try ws.read("out/reorder.csv"))
        let glv = try #require(lines["GLV"])
        func number(_ line: [String: String], _ column: String) throws -> Double {
            let text = try #require(line[column])
            return try #require(Double(text))
        }
        // Gloves: about 50 a day over lead 7 + review 7 days; the order lifts the position of
        // 120 to the order-up-to level, rounded up to whole packs of 100.
        let demand = try number(glv, "demand_forecast"), upTo = try number(glv, "order_up_to"), order = try number(glv, "order_qty")
        #expect(demand > 14 * 45 && demand < 14 * 55)
        #expect(abs(upTo - demand - (try number(glv, "safety_stock"))) < 0.02)
        #expect(try number(glv, "safety_stock") > 0)
        #expect(order == ((upTo - 120) / 100).rounded(.up) * 100)
        #expect(try number(glv, "packs") == order / 100)
        #expect(abs(try number(glv, "order_cost") - order * 8) < 0.01)
        #expect(try number(glv, "inventory_position") == 120)
        #expect(glv["flags"]!.contains("stockout_risk"))
        let old = try #require(lines["OLD"])
        #expect(old["order_qty"] == "0")
        #expect(old["flags"]!.contains("discontinued"))
        let sal = try #require(lines["SAL"])
        #expect(sal["order_qty"] == "0")
        #expect(sal["flags"]!.contains("expiry_risk"))
        let imp = try #require(lines["IMP"])
        #expect(imp["service_level"] == "0.99")
        // One implant every 17 days over 14 + 7 days: about 1.2 expected; a vital item's 99%
        // needs stock beyond that, and nothing is on hand.
        #expect(try number(imp, "order_up_to") >= 2)
        #expect(try number(imp, "order_qty") == (try number(imp, "order_up_to")).rounded(.up))
        let md = try ws.read("out/reorder.md")
        #expect(md.hasPrefix("# Reorder list as of "))
        #expect(md.contains("\n\n## Executive summary\n\n- "))
        #expect(md.contains("## Acme: $"))
        #expect(md.contains("Old dressing"))    // listed as not ordered, needs attention
    }

    @Test func htmlReportsAreStandalonePagesWithChartsInline() throws {
        let ws = try workspace()
        var runner = PipelineRunner(quiet: true)
        runner.reports = ReportOptions(format: .html, numbers: NumberStyle(negatives: .parentheses))
        _ = try runner.run(ws.path + "/p.yml", output: ws.path + "/out")
        let files = try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out").sorted()
        #expect(files == ["index.html", "manifest.json", "reorder.csv", "reorder.html"])
        let reorder = try ws.read("out/reorder.html")
        // Fan charts inline for the active items with a forecast (the discontinued one has none).
        #expect(reorder.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!reorder.contains("src=") && !reorder.contains("<link"))
        let index = try ws.read("out/index.html")
        #expect(index.contains("<a href=\"reorder.html\">"))
        #expect(index.contains("<h2>Cost reduction</h2>"))
    }
}

enum ISO {
    static func day(_ y: Int, _ m: Int, _ d: Int, plus: Int) -> String {
        var year = y, month = m, day = d + plus
        func length(_ month: Int, _ year: Int) -> Int {
            [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        }
        while day > length(month, year) {
            day -= length(month, year)
            month += 1
            if month == 13 { month = 1; year += 1 }
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// Planning runs on several threads once a list is long enough; the lines and their order
/// must be the same whatever the thread count.
@Suite struct ReorderThreadingTests {
    /// 2,400 items at two locations, listed in the inventory in scrambled order, with six
    /// weeks of history each at both locations (short history: cheap to forecast).
    static func tables() -> (usage: Table, items: Table, inventory: Table) {
        let itemCount = 2_400
        let start = CalendarDay(daysSinceEpoch: 20_000)
        var days: [CalendarDay] = [], used: [String] = [], quantities: [Double] = [], places: [String] = []
        for d in 0..<42 {
            for i in 0..<itemCount where (i + d) % 3 != 0 {
                days.append(start.adding(days: d))
                used.append("IT\(i)")
                quantities.append(Double(1 + (i * 7 + d * 3) % 11))
                places.append((i + d) % 2 == 0 ? "Main" : "OR")
            }
        }
        let ids = (0..<itemCount).map { "IT\($0)" }
        let items = Table([("item", .text(ids)), ("vendor", .text((0..<itemCount).map { "V\($0 % 7)" })),
                           ("unit_cost", .number((0..<itemCount).map { 1 + Double($0 % 50) })),
                           ("pack_size", .number((0..<itemCount).map { [1, 10, 12][$0 % 3] })),
                           ("lead_time_days", .number((0..<itemCount).map { Double(3 + $0 % 9) })),
                           ("criticality", .text((0..<itemCount).map { ["V", "E", "N"][$0 % 3] }))])
        let rows = (0..<(2 * itemCount)).map { ($0 * 7_919) % (2 * itemCount) }
        let inventory = Table([("item", .text(rows.map { "IT\($0 / 2)" })), ("location", .text(rows.map { $0 % 2 == 0 ? "Main" : "OR" })),
                               ("on_hand", .number(rows.map { Double($0 % 37) })), ("on_order", .number(rows.map { Double($0 % 5) }))])
        return (Table([("date", .date(days)), ("item", .text(used)), ("quantity", .number(quantities)), ("location", .text(places))]), items, inventory)
    }

    @Test func linesDoNotDependOnTheThreadCount() throws {
        let (usage, items, inventory) = Self.tables()
        var job = ReorderJob()
        job.threads = 1
        let one = try job.plan(usage: usage, items: items, inventory: inventory)
        job.threads = 3
        let three = try job.plan(usage: usage, items: items, inventory: inventory)
        #expect(one.lines.count == 4_800)
        let render = { (plan: ReorderJob.Plan) in plan.lines.map { "\($0.vendor)|\($0.item)|\($0.location)|\($0.orderQuantity)|\($0.orderUpTo)|\($0.reason)" } }
        #expect(render(one) == render(three))
        // Sorted by vendor, then item, then location, in byte order.
        let keys = one.lines.map { [$0.vendor, $0.item, $0.location] }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { a, b in a.lexicographicallyPrecedes(b) { $0.utf8.lexicographicallyPrecedes($1.utf8) } })
        // reorder.md keeps tables readable: the largest lines per vendor, the rest in the CSV.
        let md = ReorderJob.report(one).markdown(figurePrefix: "reorder")
        let perVendor = Dictionary(grouping: one.lines.filter { $0.orderQuantity > 0 }, by: \.vendor).mapValues(\.count)
        #expect(perVendor.values.contains { $0 > ReorderJob.reportTableLimit })
        for (vendor, count) in perVendor where count > ReorderJob.reportTableLimit {
            #expect(md.contains("## \(vendor): $"))
            #expect(md.contains("The \(ReorderJob.reportTableLimit) largest of \(count) lines; all of them are in reorder.csv."))
        }
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| IT") }
        #expect(rows.count <= ReorderJob.reportTableLimit * (perVendor.count + 1))
        // A stage's `file:` names the CSV the report points to (it said reorder.csv whatever
        // the stage wrote).
        let named = ReorderJob.report(one, file: "icu_reorder").markdown(figurePrefix: "icu_reorder")
        #expect(named.contains("all of them are in icu_reorder.csv."))
        #expect(!named.contains(" reorder.csv"))
    }

    /// 10 a day at `ICU` and 5 a day at `Main` in the usage, 50 at `icu` and 20 at `main` in
    /// the snapshot (another item is stocked at `ICU`): each location is planned on its own use
    /// (lead 7 + review 7 days: about 140 and 70 over the protection interval), the renaming is
    /// reported, and nothing is left unplanned. Matched byte for byte both were dead stock.
    @Test func usageAndStockLocationsMatchIgnoringCase() throws {
        var days: [CalendarDay] = [], items: [String] = [], places: [String] = [], quantities: [Double] = []
        for k in 0..<175 {
            let day = CalendarDay(year: 2025, month: 1, day: 6)!.adding(days: k)
            for (place, quantity) in [("ICU", 10.0), ("Main", 5.0)] { days.append(day); items.append("0123"); places.append(place); quantities.append(quantity) }
        }
        let usage = Table([("date", .date(days)), ("item", .text(items)), ("quantity", .number(quantities)), ("location", .text(places))])
        let master = Table([("item", .text(["0123", "QQ"])), ("unit_cost", .number([1, 1])), ("lead_time_days", .number([7, 7])), ("review_period_days", .number([7, 7]))])
        let inventory = Table([("item", .text(["0123", "0123", "QQ"])), ("location", .text(["icu", "main", "ICU"])),
                               ("on_hand", .number([50, 20, 5])), ("on_order", .number([0, 0, 0]))])
        let plan = try ReorderJob().plan(usage: usage, items: master, inventory: inventory)
        #expect(plan.locationsMatched == ["ICU -> icu", "Main -> main"])
        #expect(plan.usedWithoutStock.isEmpty)
        let icu = try #require(plan.lines.first { $0.item == "0123" && $0.location == "icu" })
        let main = try #require(plan.lines.first { $0.item == "0123" && $0.location == "main" })
        #expect(abs(icu.demandForecast - 140) < 1 && abs(main.demandForecast - 70) < 1, "\(icu.demandForecast) \(main.demandForecast)")
        #expect(icu.orderQuantity >= 90 && main.orderQuantity >= 50 && !icu.flags.contains("dead_stock"), "\(icu.reason)")
        // The snapshot's date, 106 days before the usage's last day, is flagged on every line.
        var dated = inventory
        dated.append("as_of", .text(["2025-03-15", "2025-03-15", "2025-06-29"]))
        let stale = try ReorderJob().plan(usage: usage, items: master, inventory: dated)
        #expect(stale.lines.filter { $0.flags.contains("stale_count") }.map(\.location).sorted() == ["icu", "main"])
        // The workbook's key figures: no order total of $0 for orders whose cost is unknown.
        let costed = ReorderJob.report(plan).keyFigures.map(\.label)
        #expect(costed.contains("Order total"))
        let uncosted = try ReorderJob().plan(usage: usage, items: Table([("item", .text(["0123"])), ("lead_time_days", .number([7])), ("review_period_days", .number([7]))]),
                                             inventory: inventory)
        #expect(uncosted.lines.contains { $0.orderQuantity > 0 && $0.flags.contains("missing_cost") })
        #expect(!ReorderJob.report(uncosted).keyFigures.contains { $0.label.hasPrefix("Order total") })
    }

    /// A return is stock coming back, not a day of use: an item last used 200 days ago whose
    /// ward sent 3 back last week is dead stock all the same, and a credit posted before an
    /// item's first use does not make it older than it is. Read as use, the return hid the dead
    /// stock (6 days since "use") and took the new item's flag away (90 days of "history").
    @Test func aReturnIsNotAUseForDeadStockOrANewItem() throws {
        var days: [CalendarDay] = [], items: [String] = [], quantities: [Double] = []
        let start = CalendarDay(year: 2025, month: 1, day: 6)!, end = start.adding(days: 299)
        func post(_ item: String, _ day: CalendarDay, _ quantity: Double) { days.append(day); items.append(item); quantities.append(quantity) }
        for k in 0..<300 { post("GLV", start.adding(days: k), 20) }
        for k in 0..<100 { post("OLD", start.adding(days: k), 5) }
        post("OLD", end.adding(days: -6), -3)
        post("NEW", end.adding(days: -90), -2)
        for k in 0..<20 { post("NEW", end.adding(days: -k), 4) }
        let usage = Table([("date", .date(days)), ("item", .text(items)), ("quantity", .number(quantities))])
        let master = Table([("item", .text(["GLV", "OLD", "NEW"])), ("unit_cost", .number([1, 1, 1])),
                            ("lead_time_days", .number([7, 7, 7])), ("review_period_days", .number([7, 7, 7]))])
        let inventory = Table([("item", .text(["GLV", "OLD", "NEW"])), ("on_hand", .number([500, 400, 50])), ("on_order", .number([0, 0, 0]))])
        let plan = try ReorderJob().plan(usage: usage, items: master, inventory: inventory)
        let old = try #require(plan.lines.first { $0.item == "OLD" })
        let new = try #require(plan.lines.first { $0.item == "NEW" })
        #expect(old.flags.contains("dead_stock"), "\(old.flags) \(old.reason)")
        #expect(new.flags.contains("new_item"), "\(new.flags) \(new.reason)")
    }

    /// DESIGN.md's status is active or discontinued: the common ERP spellings of both are read,
    /// and any other word is a rejected row naming them, never an order for an obsolete item.
    @Test func itemStatusesAreReadOrRejected() throws {
        #expect(["Discontinued", "INACTIVE", " disc ", "Obsolete", "Replaced", "D"].allSatisfy { ItemStatus($0) == .discontinued })
        #expect(["Active", "a", "Current"].allSatisfy { ItemStatus($0) == .active })
        #expect(ItemStatus("Hold") == nil)
        let ws = try Workspace()
        try ws.write("items.csv", "item,vendor,unit_cost,status\nS1,V,1,Obsolete\nS2,V,1,Hold\nS3,V,1,\n")
        var options = ImportOptions(onError: .skip)
        options.rejectsPath = ws.path + "/items.rejects.csv"
        let stage = try ImportStage(file: ws.path + "/items.csv", table: "items", options: options)
        let (table, summary) = try stage.readLong(ws.path + "/items.csv", stage.options)
        #expect(table.texts("item") == ["S1", "S3"] && summary.rejected == 1)
        #expect(try ws.read("items.rejects.csv").contains("'Hold' is not one of active, a, current"))
        #expect(ItemMaster(table).stockItem("S1").discontinued && !ItemMaster(table).stockItem("S3").discontinued)
    }

    @Test func parallelMapKeepsIndexOrder() {
        let expected = (0..<10_000).map { $0 * $0 % 977 }
        for threads in [1, 2, 3, 8] {
            #expect(ParallelMap.map(10_000, threads: threads) { $0 * $0 % 977 } == expected)
        }
        #expect(ParallelMap.map(0, threads: 4) { $0 }.isEmpty)
    }
}
