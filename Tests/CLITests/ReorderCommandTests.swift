import Foundation
import Testing

/// `quartermaster reorder` end to end on inputs whose plan can be worked out by hand: every
/// item used exactly 10 a day for 12 full weeks, one inventory row per item, its own cost and
/// service level. (Safety stock is not pinned: the reorder math is being recalibrated; only
/// its relation to the other columns is.)
@Suite struct ReorderCommandTests {
    struct Item {
        var id: String, cost: String, pack: Double, lead: Double, review: Double, serviceLevel: String, onHand: Double, onOrder: Double
    }

    static let items = [
        Item(id: "A100", cost: "2.50", pack: 10, lead: 5, review: 7, serviceLevel: "0.95", onHand: 40, onOrder: 0),
        Item(id: "B200", cost: "10.00", pack: 6, lead: 3, review: 7, serviceLevel: "0.99", onHand: 25, onOrder: 12),
        Item(id: "C300", cost: "0.40", pack: 1, lead: 2, review: 7, serviceLevel: "0.9", onHand: 500, onOrder: 0),
    ]

    static func workspace() throws -> URL {
        let dir = try CLIRunner.workspace()
        // 2025-01-06 is a Monday: 84 days end on Sunday 2025-03-30, twelve whole ISO weeks.
        let usage = CSVInput.days(84).flatMap { day in items.map { "\(day),\($0.id),10" } }
        try (["date,item,quantity"] + usage).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        let master = items.map { "\($0.id),Item \($0.id),Acme,\($0.cost),\(Int($0.pack)),\(Int($0.lead)),\(Int($0.review)),\($0.serviceLevel)" }
        try (["item,description,vendor,unit_cost,pack_size,lead_time_days,review_period_days,service_level"] + master).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let stock = items.map { "\($0.id),\(Int($0.onHand)),\(Int($0.onOrder)),Central" }
        try (["item,on_hand,on_order,location"] + stock).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        return dir
    }

    /// Lines without a unit cost (flag missing_cost) have an unknown cost, not zero: two such
    /// lines read `2 to order, total 0` on the summary line (and `total $0.` in reorder.md).
    /// With every ordered line so, the cost is said to be unknown; with some, the total says
    /// how many lines it leaves out.
    @Test func orderLinesWithoutAUnitCostAreNotATotalOfZero() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let usage = CSVInput.days(200).flatMap { ["A,\($0),3", "B,\($0),2"] }
        try (["item,date,quantity"] + usage).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "item,on_hand\nA,5\nB,5\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        try "item,criticality\nA,N\nB,E\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let unknown = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(unknown.status == 0, "\(unknown.stderr)")
        #expect(unknown.stderr.contains(", 2 to order, cost unknown (no unit cost); forecasting "), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("total 0"), "\(unknown.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/reorder.md"))
        #expect(report.contains("- 2 order lines from 0 vendors and 2 without one, cost unknown (no unit cost).\n"), "\(report)")
        #expect(report.contains("(flag missing_cost): the cost of the order is unknown; add the prices"), "\(report)")

        // One line with a cost: its cost is the total, which names the line it leaves out.
        try "item,criticality,unit_cost\nA,N,2.50\nB,E,\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        let some = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(some.status == 0, "\(some.stderr)")
        let plan = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv"))
        let a = try #require(plan.split(separator: "\n").first { $0.hasPrefix("A,") })
        let header = try #require(plan.split(separator: "\n").first).split(separator: ",")
        let cost = try #require(header.firstIndex(of: "order_cost"))
        let aCost = try #require(Double(a.split(separator: ",", omittingEmptySubsequences: false)[cost]))
        #expect(aCost > 0)
        let pattern = try Regex(#", 2 to order, total ([0-9.]+) \(not counting 1 order line without a unit cost\); forecasting "#)
        let total = try #require(some.stderr.firstMatch(of: pattern)?.output[1].substring, "\(some.stderr)")
        #expect(abs((Double(total) ?? 0) - aCost) < 0.005, "\(some.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/reorder.md")).contains("1 of their order lines are not in the total above"))
    }

    @Test func constantUsagePlansByHand() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // DESIGN's one-line summary (contract finding 6: five lines came out under --quiet): the
        // plan, the files and the inputs' counts on one line; notes on `note:` lines only.
        let summaries = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        #expect(summaries.count == 1, "\(result.stderr)")
        #expect(summaries.first?.hasPrefix("reorder: 3 items planned as of 2025-03-30") == true, "\(result.stderr)")
        #expect(summaries.first?.contains("; wrote out/reorder.csv, out/reorder.md in ") == true, "\(result.stderr)")
        #expect(summaries.first?.contains("usage: usage.csv: 252 rows read, 252 accepted, 0 rejected") == true, "\(result.stderr)")
        // Without --quiet, each input and the plan keep a line of their own.
        let loud = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "loud"], in: dir)
        #expect(loud.status == 0 && loud.stderr.split(separator: "\n").count >= 5, "\(loud.stderr)")
        for file in ["reorder.csv", "reorder.md", "manifest.json", "index.md"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path), "\(file)")
        }
        let csv = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv"))
        // DESIGN.md's reorder.csv columns, in order.
        #expect(csv.hasPrefix("item,description,vendor,location,on_hand,on_order,inventory_position,demand_forecast,safety_stock,reorder_point,order_up_to,order_qty,packs,unit_cost,order_cost,days_of_supply,service_level,policy,flags,reason\n"))
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/reorder.csv"))
        #expect(rows.map { $0["item"] ?? "" }.sorted() == Self.items.map(\.id))
        for item in Self.items {
            let row = try #require(rows.first { $0["item"] == item.id })
            func number(_ column: String) -> Double { Double(row[column] ?? "") ?? .nan }
            #expect(row["location"] == "Central")
            #expect(number("inventory_position") == item.onHand + item.onOrder, "\(item.id)")
            #expect(abs(number("demand_forecast") - 10 * (item.lead + item.review)) < 0.01, "\(item.id): \(row)")
            #expect(number("safety_stock") >= 0, "\(item.id)")
            #expect(abs(number("order_up_to") - (number("demand_forecast") + number("safety_stock"))) < 0.01, "\(item.id): \(row)")
            let needed = max(0, number("order_up_to") - number("inventory_position"))
            let packs = (needed / item.pack - 1e-9).rounded(.up)
            #expect(number("packs") == packs, "\(item.id): \(row)")
            #expect(number("order_qty") == packs * item.pack, "\(item.id): \(row)")
            #expect(abs(number("order_cost") - number("order_qty") * Double(item.cost)!) < 0.01, "\(item.id)")
            #expect(abs(number("days_of_supply") - item.onHand / 10) < 0.01, "\(item.id)")
            #expect(number("service_level") == Double(item.serviceLevel)!, "\(item.id)")
            #expect(row["policy"] == "periodic", "\(item.id)")
        }
        // By hand: A100 needs 120 + safety stock over 40 on hand, so at least 8 packs of 10;
        // C300 holds 500, far above 90 + safety stock, and orders nothing.
        #expect((Double(rows.first { $0["item"] == "A100" }?["order_qty"] ?? "") ?? 0) >= 80)
        #expect(rows.first { $0["item"] == "C300" }?["order_qty"] == "0")
    }
}

/// Usage rows with no location (a buyer's review): in a plan by location they made a series
/// of their own with no stock row, 40% of the item's use unplanned and the item named as
/// having no inventory row though it had one.
@Suite struct BlankUsageLocationTests {
    @Test func blankLocationsAreTheItemsOneStockLocation() throws {
        let dir = try ReorderCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A100 used 6 a day at Central and 4 a day with no location.
        let usage = CSVInput.days(84).flatMap { ["\($0),A100,6,Central", "\($0),A100,4,"] }
        try (["date,item,quantity,location"] + usage).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("84 usage rows with no location read at the item's one stock location: A100"), "\(run.stderr)")
        #expect(!run.stderr.contains("no inventory row"), "\(run.stderr)")
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/reorder.csv"))
        let a = try #require(rows.first { $0["item"] == "A100" })
        #expect(a["reason"]?.contains("at 10/day") == true, "\(a)")
        // Stocked at two locations, the blank rows cannot be placed: named as such.
        let stock = try CLIRunner.read(dir.appendingPathComponent("inventory.csv")) + "A100,5,0,ICU\n"
        try stock.write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        let two = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out2"], in: dir)
        #expect(two.stderr.contains("A100 with no location"), "\(two.stderr)")
    }
}

/// A count rolled forward with --orders, and lots listed as of the count (a buyer's review):
/// the 80 used since the count of 100 were taken off as use and again as 30 units of expiry
/// waste from the lot they came out of, a position of -10 and 30 more ordered. By hand: L1's
/// 60 and 20 of L2 were used, 20 of L2 (expiring in a year) remain; position 20, order 120.
@Suite struct LotsOfACountRolledForwardTests {
    @Test func unitsUsedSinceTheCountComeOutOfTheFirstLots() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        var usage = ["date,item,quantity"]
        var day = CalendarDayText.first
        for _ in 0..<56 { usage.append("\(day),A1,10"); day = CalendarDayText.next(day) }
        let files = [
            "usage.csv": usage.joined(separator: "\n") + "\n",
            "items.csv": "item,description,vendor,uom,pack_size,min_order_qty,unit_cost,lead_time_days,lead_time_sd_days,criticality,status\nA1,Widget,VendorX,EA,10,0,2.00,7,0,E,active\n",
            "inventory.csv": "item,location,on_hand,as_of\nA1,Main,100,2026-06-20\n",
            "lots.csv": "item,lot,expiry_date,quantity,location\nA1,L1,2026-07-01,60,Main\nA1,L2,2027-06-30,40,Main\n",
            "orders.csv": "po,item,vendor,order_date,quantity,unit_price,receipt_date,received_quantity\nPO0,A1,VendorX,2026-06-01,100,2.00,2026-06-08,100\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        let run = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv",
                                     "--orders", "orders.csv", "--lots", "lots.csv", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let a = try #require(try PlanningInputs.records(dir.appendingPathComponent("out/reorder.csv")).first)
        #expect(a["inventory_position"] == "20" && a["order_qty"] == "120" && !(a["flags"] ?? "").contains("expiry_waste"), "\(a)")
    }
}

/// ISO dates from Monday 2026-05-04, for the fixtures above.
enum CalendarDayText {
    static let first = "2026-05-04"
    static func next(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var (y, m, d) = (parts[0], parts[1], parts[2] + 1)
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        if d > days { d = 1; m += 1 }
        if m > 12 { m = 1; y += 1 }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
