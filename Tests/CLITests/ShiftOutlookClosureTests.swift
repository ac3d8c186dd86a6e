import Foundation
import Testing

/// A nurse manager's review, round 2: shifts ahead after a closure exported as zero census.
/// `ShiftStaffingCommandTests`'s Med-Surg (20 patients on every 12-hour shift, 4 RNs, 1:5,
/// 2025-01-06 to 2025-03-30), closed 14 days, 2025-03-10 to 03-23: census 0, shifts of 0
/// patients, no punches, open again the last 7 days.
@Suite struct ShiftOutlookClosureTests {
    static func closedWorkspace() throws -> URL {
        let dir = try ShiftStaffingCommandTests.workspace()
        let closed = Set(CSVInput.days(85)[63..<77])
        func rewrite(_ file: String, _ line: (String) -> String?) throws {
            let url = dir.appendingPathComponent(file)
            let lines = try CLIRunner.read(url).split(separator: "\n").map(String.init)
            try (lines.compactMap { l in closed.contains(String(l.prefix(10))) ? line(l) : l }.joined(separator: "\n") + "\n")
                .write(to: url, atomically: false, encoding: .utf8)
        }
        try rewrite("census.csv") { $0.replacingOccurrences(of: ",Med-Surg,20", with: ",Med-Surg,0") }
        try rewrite("shifts.csv") { $0.replacingOccurrences(of: ",Med-Surg,20,", with: ",Med-Surg,0,") }
        try rewrite("timekeeping.csv") { _ in nil }
        return dir
    }

    /// The plan reads the closure as days not recorded (20 patients a day ahead), but the shift
    /// outlook counted its 14 days as days of none in the 28 days' census per day (10 a day),
    /// so each shift ahead was 20 x 20 / 10 = 40 patients, 8 RNs needed for 4 scheduled, short
    /// 4 on every day. Right: 20 patients, 4 RNs, none short.
    @Test func shiftsAheadAfterAClosureReadTheClosureAsThePlanDoes() throws {
        let dir = try Self.closedWorkspace()
        let run = try CLIRunner.run(ShiftStaffingCommandTests.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(plan.contains("Med-Surg 2025-03-10 to 2025-03-23 (14 days)"), "\(plan.prefix(3000))")
        let outlook = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_shift_outlook.csv"))
        #expect(!outlook.isEmpty && outlook.allSatisfy { $0["patients_forecast"] == "20" && $0["staff_required"] == "4" && $0["short_by"] == "0" }, "\(outlook)")
    }
}
