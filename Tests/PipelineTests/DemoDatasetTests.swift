import Foundation
import Testing
@testable import Pipeline
import TestScratch

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
    static func run(_ pipeline: String, reading file: String, overrides: [String] = []) throws -> (rows: [[String: String]], folder: String) {
        let out = TestScratch.path("qm-demo").path
        _ = try PipelineRunner(quiet: true).run(root.appendingPathComponent("Pipelines/\(pipeline).yml").path, output: out, overrides: overrides)
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

    /// As of the fiscal year's end, 2026-06 (the pipeline reports 2026-03, so that months are
    /// left to project): the year to date then holds the price increase's whole Q3 and Q4.
    @Test func varianceFindsThePriceIncreaseAsRateAndTheGrowthAsVolume() throws {
        let truths = try Truths()
        let (rows, _) = try DemoDatasetTests.run("quarterly-budget", reading: "budget_variance.csv", overrides: ["variance.as_of=2026-06"])
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

    /// Issue 18, must show 2: run as of 2026-03, the rolling forecast projects the fiscal
    /// year's last quarter driver-based and finds both planted effects in it: 4E's census
    /// growth as volume (patient days 15% over budget) and the ICU vendor's price increase as
    /// rate (6.3% of the flexed budget in Q4, the vendor's 12% on its 57% share of the
    /// department's supplies), each within 2 points; the scenarios differ from the base.
    @Test func theRollingForecastFindsTheGrowthAsVolumeAndThePriceIncreaseAsRate() throws {
        let truths = try Truths()
        let out = TestScratch.path("qm-demo").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try PipelineRunner(quiet: true).run(DemoDatasetTests.root.appendingPathComponent("Pipelines/quarterly-budget.yml").path,
                                                output: out, overrides: ["variance.as_of=2026-03"])
        let table = try Table.read(out + "/budget_variance.csv")
        let texts = table.names.map { table.texts($0)! }
        let rows = (0..<table.rowCount).map { r in Dictionary(uniqueKeysWithValues: table.names.indices.map { (table.names[$0], texts[$0][r]) }) }
        func row(_ department: String, _ account: String, _ period: String) throws -> [String: String] {
            try #require(rows.first { $0["department"] == department && $0["account"] == account && $0["period"] == period },
                         "\(department) / \(account) / \(period)")
        }
        func number(_ r: [String: String], _ column: String) -> Double { Double(r[column] ?? "") ?? .nan }

        let growth = truths.truth("volume_growth")
        let unit = growth["department"] as! String
        let supplies = "6100 Medical Supplies"
        for period in ["2026-04", "2026-05", "2026-06", "FY2026-Q4"] {
            let r = try row(unit, supplies, period)
            #expect(r["basis"] == "forecast" && r["actual"] == "", "\(period): \(r)")
        }
        let q4 = try row(unit, supplies, "FY2026-Q4")
        // The flexed budget is the budget at the forecast volume: flexed / budget - 1 is the
        // projected volume's growth over the budgeted patient days.
        // Against the growth the demo's census then shows (its booked Q4, as of June: 17.7%, the
        // planted 15% and the census's own noise), within 2 points, and within 4 of the planted
        // 15%. (The volumes' forecast was weighed equally over its candidates, with no
        // backtest: 14.9%, 2.8 points short of the quarter booked; weighed by a backtest, as the
        // lines' amounts are, 18.1%.)
        let volumeGrowth = 100 * (number(q4, "flexed_budget") / number(q4, "budget") - 1)
        let june = TestScratch.path("qm-demo-june").path
        defer { try? FileManager.default.removeItem(atPath: june) }
        _ = try PipelineRunner(quiet: true).run(DemoDatasetTests.root.appendingPathComponent("Pipelines/quarterly-budget.yml").path,
                                                output: june, overrides: ["variance.as_of=2026-06"])
        let booked = try Table.read(june + "/budget_variance.csv")
        let bookedRow = try #require((0..<booked.rowCount).first { r in
            booked.texts("department")![r] == unit && booked.texts("account")![r] == supplies && booked.texts("period")![r] == "FY2026-Q4"
        })
        let bookedGrowth = 100 * (booked.numbers("flexed_budget")![bookedRow] / booked.numbers("budget")![bookedRow] - 1)
        #expect(abs(volumeGrowth - bookedGrowth) < 2, "4E projected volume growth \(volumeGrowth)%, booked \(bookedGrowth)%")
        #expect(abs(volumeGrowth - (growth["growth_pct"] as! Double)) < 4, "4E projected volume growth \(volumeGrowth)%")
        let total = try row(unit, "TOTAL", "FY2026-Q4")
        #expect(total["basis"] == "forecast" && number(total, "forecast") > 0, "\(total)")

        let price = truths.truth("vendor_price_increase")
        let expected = ((price["expected"] as! [String: Any])["FY2026-Q4"] as! [String: Any])["rate_variance_pct_of_flexed"] as! Double
        let icu = try row(price["department"] as! String, price["account"] as! String, "FY2026-Q4")
        let rateShare = 100 * number(icu, "rate_variance") / number(icu, "flexed_budget")
        #expect(abs(rateShare - expected) < 2, "ICU projected rate variance \(rateShare)% of flexed, generator \(expected)%")

        let scenarios = try Table.read(out + "/budget_scenarios.csv")
        let names = scenarios.texts("scenario")!, departments = scenarios.texts("department")!, accounts = scenarios.texts("account")!
        let change = scenarios.numbers("change_vs_base")!
        var moved = Set<String>()
        for i in 0..<scenarios.rowCount where departments[i] == "ALL" && accounts[i] == "TOTAL" && names[i] != "base" && abs(change[i]) > 1 {
            moved.insert(names[i])
        }
        #expect(moved.count >= 2, "scenarios that change the projected year: \(moved)")
        let md = try String(contentsOfFile: out + "/budget_variance.md", encoding: .utf8)
        #expect(md.contains("## Scenarios: projected FY2026 by department"))
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
