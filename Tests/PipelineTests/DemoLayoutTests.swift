import Foundation
import Testing
@testable import Pipeline

/// The demo's two wide layouts (issue 17) end to end: the pharmacy's Windows-1252 monthly
/// item sheet through Pipelines/pharmacy-monthly.yml and the nursing homes' PBJ export
/// through Pipelines/nursing-home-staffing.yml, each checked against its planted truth.
@Suite(.serialized) struct DemoLayoutTests {
    static let demo = DemoDatasetTests.root.appendingPathComponent("Datasets/demo")

    @Test func thePharmacySheetIsWindows1252NotUTF8() throws {
        let bytes = try Data(contentsOf: DemoLayoutTests.demo.appendingPathComponent("pharmacy_monthly_sheet.csv"))
        #expect(bytes.contains(0x96), "an en dash in Windows-1252")
        #expect(bytes.contains(0xB5), "a micro sign in Windows-1252")
        #expect(String(data: bytes, encoding: .utf8) == nil, "the sheet must not be valid UTF-8")
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let header = String(decoding: bytes.prefix { $0 != 0x0D }, as: UTF8.self)
        #expect(header.hasPrefix("Item Code,Description,") && header.contains(",JUL23,") && header.hasSuffix(",JUN26"))
    }

    @Test func theMonthlySheetGivesTheDailySheetsMonthlyTotals() throws {
        let truth = try DemoDatasetTests.Truths().truth("pharmacy_monthly_sheet")
        let codes = truth["codes"] as! [String: String]
        // Monthly totals straight from the daily dispensing sheet, per medication.
        let daily = try Table.read(DemoLayoutTests.demo.appendingPathComponent("pharmacy_dispensing_wide.csv").path)
        let months = daily.texts("Date")!.map { String($0.prefix(7)) }
        var expected: [String: [String: Double]] = [:]
        for name in daily.names where name != "Date" {
            for (month, text) in zip(months, daily.texts(name)!) { expected[name, default: [:]][month, default: 0] += Double(text) ?? 0 }
        }
        #expect(codes.count == expected.count)

        let (rows, folder) = try DemoDatasetTests.run("pharmacy-monthly", reading: "monthly_doses.csv")
        var total = 0.0, compared = 0
        for row in rows {
            let name = try #require(codes[row["series"]!], "code \(row["series"]!) not in the truth")
            let value = Double(row["value"]!)!
            #expect(value == expected[name]?[row["period"]!], "\(row["series"]!) \(name) \(row["period"]!)")
            total += value
            compared += 1
        }
        #expect(compared >= truth["stocked_cells"] as! Int)
        #expect(total == Double(truth["total_doses"] as! Int))
        let shortage = truth["shortage_item"] as! [String: Any]
        let code = shortage["code"] as! String
        for month in ["2023-11", "2024-11"] {
            #expect(rows.first { $0["series"] == code && $0["period"] == month }?["value"].flatMap(Double.init) == Double(shortage[month] as! Int))
        }
        // The Windows-1252 descriptions arrive as UTF-8 text; the forecast covers every item.
        let items = try String(contentsOfFile: folder + "/items.csv", encoding: .utf8)
        #expect(items.contains("Amoxicillin-clavulanate 400\u{2013}57 mg/5 mL susp") && items.contains("Fentanyl 50 \u{B5}g/mL inj"))
        let forecasts = try Table.read(folder + "/forecasts.csv")
        #expect(Set(forecasts.texts(forecasts.names[0])!).count == codes.count)
    }

    @Test func theNursingHomeExportFindsTheAgencyShift() throws {
        let truth = try DemoDatasetTests.Truths().truth("nursing_home_agency")
        let unit = truth["unit"] as! String, steady = truth["steady_unit"] as! String
        let (plan, folder) = try DemoDatasetTests.run("nursing-home-staffing", reading: "staffing_plan.csv")
        let hours = try Table.read(folder + "/nursing_home_hours.csv")
        let units = hours.texts("unit")!, jobs = hours.texts("job_code")!, pays = hours.texts("pay_type")!
        let dates = hours.texts("date")!, values = hours.texts("hours")!.map { Double($0)! }
        #expect(Set(jobs) == ["RN", "LPN", "CNA"])
        #expect(Set(pays) == ["regular", "agency"])
        let totals = truth["total_hours"] as! [String: Double]
        let expected = truth["expected"] as! [String: [String: [String: Any]]]
        for home in [unit, steady] {
            // Only the _emp and _ctr columns: the Hrs_RN totals would double every hour.
            let sum = zip(units, values).filter { $0.0 == home }.reduce(0) { $0 + $1.1 }
            #expect(abs(sum - totals[home]!) < 0.01, "\(home): \(sum) hours imported")
            var rn = 0.0, agency = 0.0
            for r in values.indices where units[r] == home && jobs[r] == "RN" && dates[r] >= "2026-04-01" {
                rn += values[r]
                if pays[r] == "agency" { agency += values[r] }
            }
            let share = 100 * agency / rn, planted = expected[home]!["FY2026-Q4"]!["rn_agency_share_pct"] as! Double
            #expect(abs(share - planted) < 0.006, "\(home): RN agency share \(share)% from the pipeline, \(planted)% planted")
        }
        #expect((expected[unit]!["FY2026-Q4"]!["rn_agency_share_pct"] as! Double) > 30)
        // The staffing plan flags the home whose agency hours rose, and only that one.
        #expect(Set(plan.map { $0["unit"]! }) == [unit, steady])
        #expect(plan.filter { $0["unit"] == unit }.allSatisfy { $0["flags"]!.contains("rising_overtime_agency") })
        #expect(!plan.contains { $0["unit"] == steady && $0["flags"]!.contains("rising_overtime_agency") })
    }
}
