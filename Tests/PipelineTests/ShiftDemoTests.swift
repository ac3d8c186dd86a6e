import Foundation
import Testing
@testable import Pipeline

/// Issue 22, must show 2: Pipelines/staffing.yml on the demo finds the planted short nights
/// (planted_truths.json `short_night_shifts`) per shift, where the day's average hides them.
@Suite(.serialized) struct ShiftDemoTests {
    @Test func thePlantedShortNightsAreTheOnlyNonCompliantShifts() throws {
        let truth = try DemoDatasetTests.Truths().truth("short_night_shifts")
        let unit = truth["unit"] as! String
        let limit = Double(truth["max_patients_per_staff"] as! Int)
        let nights = truth["short_nights"] as! [[String: Any]]
        #expect(nights.count == 6)
        let (rows, folder) = try DemoDatasetTests.run("staffing", reading: "staffing_shifts.csv")
        #expect(rows.count > 1_000)
        let bad = rows.filter { $0["compliant"] == "no" }
        // Exactly the planted nights, on the planted unit, for RNs: no other shift of any unit or job code.
        #expect(bad.map { "\($0["unit"]!) \($0["date"]!) \($0["shift"]!) \($0["job_code"]!)" }.sorted()
                == nights.map { "\(unit) \($0["date"] as! String) Night RN" }.sorted())
        for night in nights {
            let date = night["date"] as! String
            let rn = rows.filter { $0["unit"] == unit && $0["date"] == date && $0["job_code"] == "RN" }
            let onNight = rn.first { $0["shift"] == "Night" }!, onDay = rn.first { $0["shift"] == "Day" }!
            #expect(Int(onNight["staff_on_duty"]!) == night["night_rns"] as? Int)
            #expect(Double(onNight["patients_per_staff"]!)! > limit)
            // Averaged over the day (both shifts' patients over both shifts' RNs) the unit is within the ratio.
            let patients = Double(onNight["patients"]!)! + Double(onDay["patients"]!)!
            let staff = Double(onNight["staff_on_duty"]!)! + Double(onDay["staff_on_duty"]!)!
            #expect(patients / staff <= limit, "\(date): \(patients) patients over \(staff) RN shifts")
        }
        let md = try String(contentsOfFile: folder + "/staffing_plan.md", encoding: .utf8)
        #expect(md.contains("\(nights.count) of \(rows.count) shift checks exceed the patient-to-staff limit at their thinnest moment: \(unit) \(nights.count)."), "\(md.prefix(2000))")
        #expect(md.contains("## Productivity by pay period"))
        let grid = try Table.read(folder + "/staffing_grid.csv")
        #expect(grid.rowCount > 0)
    }
}
