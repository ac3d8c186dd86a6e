import Foundation
import Testing

/// A nurse manager's review of `staffing --shifts`: two days of 4W (10 patients a shift, RN
/// 1:5, so 2 RNs), 12-hour shifts, each fixture the smallest that showed a defect.
@Suite struct ShiftCheckReviewTests {
    static let census = ["date,unit,patient_days"] + (2...15).map { "2026-03-\($0 < 10 ? "0" : "")\($0),4W,10" }
    static let shifts = ["date,shift,unit,patients,start,end",
                         "2026-03-02,day,4W,10,07:00,19:00", "2026-03-02,night,4W,10,19:00,07:00",
                         "2026-03-03,day,4W,10,07:00,19:00", "2026-03-03,night,4W,10,19:00,07:00"]
    static let targets = ["unit,job_code,target_hppd,budgeted_fte,hourly_rate,max_patients_per_staff", "4W,RN,6,10,50,5"]
    static let header = "date,unit,hours,job_code,pay_type,employee,start,end"
    /// Two RNs on every shift, 07:00-19:00 and 19:00-07:00.
    static let fullyStaffed = [header,
                               "2026-03-02,4W,12,RN,REG,E1,2026-03-02 07:00,2026-03-02 19:00", "2026-03-02,4W,12,RN,REG,E2,2026-03-02 07:00,2026-03-02 19:00",
                               "2026-03-02,4W,12,RN,REG,E3,2026-03-02 19:00,2026-03-03 07:00", "2026-03-02,4W,12,RN,REG,E4,2026-03-02 19:00,2026-03-03 07:00",
                               "2026-03-03,4W,12,RN,REG,E1,2026-03-03 07:00,2026-03-03 19:00", "2026-03-03,4W,12,RN,REG,E2,2026-03-03 07:00,2026-03-03 19:00",
                               "2026-03-03,4W,12,RN,REG,E3,2026-03-03 19:00,2026-03-04 07:00", "2026-03-03,4W,12,RN,REG,E4,2026-03-03 19:00,2026-03-04 07:00"]

    struct Run {
        var outcome: CLIRunner.Outcome
        var dir: URL
        func rows(_ file: String) throws -> [String] {
            try CLIRunner.read(dir.appendingPathComponent("out/" + file)).split(separator: "\n").map(String.init)
        }
        var plan: String { (try? CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))) ?? "" }
        /// The executive summary's first line about shift checks.
        var headline: String { plan.split(separator: "\n").first { $0.contains("shift check") }.map(String.init) ?? "" }
    }

    static func run(timekeeping: [String], shifts: [String] = shifts, targets: [String] = targets, extra: [String] = []) throws -> Run {
        let dir = try CLIRunner.workspace()
        for (name, lines) in ["census.csv": census, "shifts.csv": shifts, "targets.csv": targets, "timekeeping.csv": timekeeping] {
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        let outcome = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                         "--shifts", "shifts.csv", "--out", "out", "--quiet"] + extra, in: dir)
        return Run(outcome: outcome, dir: dir)
    }

    /// The last night's RNs both leave at 03:00: nobody on duty 03:00-07:00. Measured by the
    /// punches' own extent the export "ended" at 03:00 and that night was skipped as outside it.
    @Test func theLastNightWhoseStaffLeftEarlyIsChecked() throws {
        var punches = Self.fullyStaffed
        punches[7] = "2026-03-03,4W,8,RN,REG,E3,2026-03-03 19:00,2026-03-04 03:00"
        punches[8] = "2026-03-03,4W,8,RN,REG,E4,2026-03-03 19:00,2026-03-04 03:00"
        let run = try Self.run(timekeeping: punches)
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        let rows = try run.rows("staffing_shifts.csv")
        #expect(rows.contains("4W,2026-03-03,night,RN,10,0,,5,no"), "\(rows)")
        #expect(!run.plan.contains("not checked: no punches there to count"), "\(run.plan)")
    }

    /// The first day's RNs both arrive at 07:30: its shift is checked (0 on duty at 07:00).
    @Test func theFirstDayWhoseStaffArrivedLateIsChecked() throws {
        var punches = Self.fullyStaffed
        punches[1] = "2026-03-02,4W,11.5,RN,REG,E1,2026-03-02 07:30,2026-03-02 19:00"
        punches[2] = "2026-03-02,4W,11.5,RN,REG,E2,2026-03-02 07:30,2026-03-02 19:00"
        let run = try Self.run(timekeeping: punches)
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        let rows = try run.rows("staffing_shifts.csv")
        #expect(rows.contains("4W,2026-03-02,day,RN,10,0,,5,no"), "\(rows)")
    }

    /// A shift on a day the export does not cover stays unchecked, and the note names the export's dates.
    @Test func aShiftPastTheExportsDatesIsNotChecked() throws {
        let run = try Self.run(timekeeping: Self.fullyStaffed, shifts: Self.shifts + ["2026-03-04,day,4W,13,07:00,19:00"])
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        #expect(try run.rows("staffing_shifts.csv").count == 1 + 4)
        #expect(run.plan.contains("1 shift row on days outside the timekeeping export's dates (2026-03-02 to 2026-03-03) not checked"), "\(run.plan)")
    }
}
