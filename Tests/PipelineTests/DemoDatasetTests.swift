import Foundation
import Testing
@testable import Pipeline

/// End to end on the demo health system: every ready pipeline runs on Datasets/demo and
/// finds each truth the generator planted (Datasets/demo/planted_truths.json).
@Suite(.serialized) struct DemoDatasetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Truths {
        let json: [String: Any]
        init() throws {
            let data = try Data(contentsOf: DemoDatasetTests.root.appendingPathComponent("Datasets/demo/planted_truths.json"))
            json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }
        func truth(_ id: String) -> [String: Any] {
            (json["truths"] as! [[String: Any]]).first { $0["id"] as? String == id }!
        }
    }

    /// Runs a pipeline into a fresh folder and reads one of its CSV outputs as rows of named fields.
    static func run(_ pipeline: String, reading file: String) throws -> (rows: [[String: String]], folder: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("qm-demo-\(UUID().uuidString)").path
        _ = try PipelineRunner(quiet: true).run(root.appendingPathComponent("Pipelines/\(pipeline).yml").path, output: out)
        let table = try Table.read(out + "/" + file)
        let texts = table.names.map { table.texts($0)! }
        let rows = (0..<table.rowCount).map { r in Dictionary(uniqueKeysWithValues: table.names.indices.map { (table.names[$0], texts[$0][r]) }) }
        return (rows, out)
    }

    @Test func reorderFindsStockoutsSparesTheDiscontinuedAndFlagsTheOverstock() throws {
        let truths = try Truths()
        let (rows, folder) = try DemoDatasetTests.run("weekly-reorder", reading: "reorder.csv")
        func line(_ item: String) -> [String: String]? { rows.first { $0["item"] == item } }
        let atRisk = (truths.truth("stockout_risk")["items"] as! [[String: Any]]).filter { $0["file"] as? String == "supply_issues.csv" }
        #expect(!atRisk.isEmpty)
        for planted in atRisk {
            let item = "\(planted["item"]!)"
            let l = try #require(line(item), "item \(item) missing from reorder.csv")
            #expect(Double(l["order_qty"]!)! > 0, "stockout item \(item) must be ordered")
            #expect(l["flags"]!.contains("stockout_risk"), "stockout item \(item) must be flagged")
        }
        let discontinued = "\(truths.truth("discontinued_item")["item"]!)"
        let d = try #require(line(discontinued))
        #expect(d["order_qty"] == "0")
        #expect(d["flags"]!.contains("discontinued"))
        let overstock = "\(truths.truth("overstock_expiry")["item"]!)"
        let o = try #require(line(overstock))
        #expect(o["order_qty"] == "0")
        #expect(o["flags"]!.contains("expiry_risk"))
        // The replay of recent demand ran and compares both policies.
        let simulation = try Table.read(folder + "/reorder_simulation.csv")
        #expect(Set(simulation.texts("policy")!) == ["recommended", "par levels"])
    }

    @Test func varianceFindsThePriceIncreaseAsRateAndTheGrowthAsVolume() throws {
        let truths = try Truths()
        let (rows, _) = try DemoDatasetTests.run("quarterly-budget", reading: "budget_variance.csv")
        func row(_ department: String, _ account: String, _ period: String) -> [String: String]? {
            rows.first { $0["department"] == department && $0["account"] == account && $0["period"] == period }
        }
        let price = truths.truth("vendor_price_increase")
        let department = price["department"] as! String, account = price["account"] as! String
        let expected = (price["expected"] as! [String: Any])["FY2026-Q3"] as! [String: Any]
        let q3 = try #require(row(department, account, "FY2026-Q3"))
        #expect(abs(Double(q3["rate_variance"]!)! - (expected["rate_variance"] as! Double)) < 0.01)
        #expect(abs(Double(q3["flexed_budget"]!)! - (expected["flexed_budget"] as! Double)) < 0.01)
        #expect(q3["flag"] == "unfavorable")
        let ytd = try #require(row(department, account, "FY2026-YTD"))
        #expect(Double(ytd["rate_variance"]!)! > 2 * abs(Double(ytd["volume_variance"]!)!), "the price increase is a rate variance")
        #expect(ytd["favorable"] == "false")

        let growth = truths.truth("volume_growth")["department"] as! String
        let supplies = try #require(row(growth, account, "FY2026-YTD"))
        let volume = Double(supplies["volume_variance"]!)!, rate = Double(supplies["rate_variance"]!)!
        #expect(volume > 0)
        #expect(abs(rate) < 0.05 * volume, "the flexed budget covers the growth")
    }

    @Test func staffingFlagsTheUnderstaffedUnitWithRisingPremiumHours() throws {
        let truths = try Truths()
        let unit = truths.truth("understaffed_unit")["unit"] as! String
        let (rows, folder) = try DemoDatasetTests.run("staffing", reading: "staffing_plan.csv")
        let planned = rows.filter { $0["unit"] == unit }
        #expect(!planned.isEmpty)
        #expect(planned.allSatisfy { $0["flags"]!.contains("rising_overtime_agency") })
        #expect(rows.filter { $0["flags"]!.contains("rising_overtime_agency") }.allSatisfy { $0["unit"] == unit })
        let md = try String(contentsOfFile: folder + "/staffing_plan.md", encoding: .utf8)
        #expect(md.contains("Overtime and agency rising: \(unit)"))
        #expect(md.contains("Census forecast accuracy (backtest MASE"))
    }
}
