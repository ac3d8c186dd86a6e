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

extension ShiftCheckReviewTests {
    /// ICU (RN 1:2, 4 patients) and 5E (RN 1:5, 20 patients) have a census and a ratio but no
    /// punches at all. The headline said every one of the 4W checks passed and the grid left
    /// them out; now the grid has them and the headline says which shifts went unchecked.
    @Test func unitsWithPatientsButNoPunchesAreInTheGridAndTheHeadline() throws {
        let shifts = Self.shifts + ["2026-03-02,day,ICU,4,07:00,19:00", "2026-03-02,night,ICU,4,19:00,07:00",
                                    "2026-03-02,day,5E,20,07:00,19:00", "2026-03-02,night,5E,0,19:00,07:00", "2026-03-04,day,4W,13,07:00,19:00"]
        let targets = Self.targets + ["ICU,RN,12,10,60,2", "5E,RN,6,10,50,5"]
        let run = try Self.run(timekeeping: Self.fullyStaffed, shifts: shifts, targets: targets)
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        let grid = try run.rows("staffing_grid.csv")
        for line in ["ICU,RN,day,4,2", "ICU,RN,night,4,2", "5E,RN,day,20,4", "5E,RN,night,0,0", "4W,RN,day,13,3", "4W,RN,day,10,2"] {
            #expect(grid.contains(line), "\(line) in \(grid)")
        }
        // Only 4W is checked; the 5E night had no patients, so 3 shifts with patients went unchecked.
        #expect(try run.rows("staffing_shifts.csv").count == 1 + 4)
        #expect(!run.plan.contains("Every one of"), "\(run.plan)")
        #expect(run.headline.contains("The 4 shift checks made are within their patient-to-staff limit, but not every shift was checked: 3 shifts with patients NOT checked: no punches at all in the timekeeping for 5E RN (1), ICU RN (2)"), "\(run.headline)")
        #expect(run.outcome.stdout.contains("3 shifts with patients not checked") || run.outcome.stderr.contains("3 shifts with patients not checked"))
    }
}

extension ShiftCheckReviewTests {
    /// The 2026-03-02 night has one RN with punches and an agency RN's 12 hours keyed without
    /// start or end. The night stays a breach (when she worked is unknown), but the hours are
    /// named in the headline beside it instead of silently left off duty.
    @Test func hoursWithNoPunchTimesAreNamedBesideTheBreachTheyTouch() throws {
        var punches = Self.fullyStaffed
        punches[4] = "2026-03-02,4W,12,RN,AGENCY,A1,,"
        let run = try Self.run(timekeeping: punches)
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        #expect(try run.rows("staffing_shifts.csv").contains("4W,2026-03-02,night,RN,10,1,10,5,no"))
        #expect(run.headline.contains("hours with no punch times were not counted on duty: 4W RN 2026-03-02 12 h (AGENCY)"), "\(run.headline)")
        #expect(run.plan.contains("12 productive hours have no punch times (no start and end, or one without the other: a missed punch) and are not counted on duty in the shift checks: 4W RN 2026-03-02 12 h (AGENCY)"), "\(run.plan)")
    }
}

extension ShiftCheckReviewTests {
    /// Punches exported in UTC (a unit on UTC-5): read as local clock times they moved every
    /// span five hours, missing a 03:00 breach and reporting a compliant day short. Rejected,
    /// naming file, line, column and what to do; nothing is written.
    @Test func utcPunchesAreRejectedNotReadAsLocalTime() throws {
        let punches = Self.fullyStaffed.enumerated().map { k, line in
            k == 0 ? line : line.replacingOccurrences(of: " 07:00", with: "T12:00:00Z").replacingOccurrences(of: " 19:00", with: "T00:00:00Z")
        }
        let run = try Self.run(timekeeping: punches)
        #expect(run.outcome.status == 1)
        #expect(run.outcome.stderr.contains("timekeeping.csv:2: column 'start': '2026-03-02T12:00:00Z' carries a time zone ('Z')"), "\(run.outcome.stderr)")
        #expect(run.outcome.stderr.contains("Export the times as local clock times without a zone"), "\(run.outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.dir.appendingPathComponent("out/staffing_shifts.csv").path))
    }

    /// A fall-back night with offsets (-04:00 then -05:00): E4 leaves at 01:30 EDT and E5
    /// arrives at 01:00 EST, half an hour later. Read as wall-clock times E5 came before E4
    /// left and the night looked covered by two; the offsets are rejected instead.
    @Test func offsetPunchesOnAFallBackNightAreRejected() throws {
        let punches = [Self.header, "2026-10-31,4W,13,RN,REG,E3,2026-10-31T19:00:00-04:00,2026-11-01T07:00:00-05:00",
                       "2026-10-31,4W,7.5,RN,REG,E4,2026-10-31T19:00:00-04:00,2026-11-01T01:30:00-04:00",
                       "2026-10-31,4W,6,RN,REG,E5,2026-11-01T01:00:00-05:00,2026-11-01T07:00:00-05:00"]
        let run = try Self.run(timekeeping: punches, shifts: ["date,shift,unit,patients,start,end", "2026-10-31,night,4W,10,19:00,07:00"])
        #expect(run.outcome.status == 1)
        #expect(run.outcome.stderr.contains("timekeeping.csv:2: column 'start': '2026-10-31T19:00:00-04:00' carries a time zone ('-04:00')"), "\(run.outcome.stderr)")
    }
}

extension ShiftCheckReviewTests {
    /// `Day` and `D`, `NIGHT` and `n`: the same two standard shifts, one line each in the grid
    /// and one spelling in the checks (they were four shifts, each with half the history).
    @Test func aStandardShiftsLetterIsTheShift() throws {
        let shifts = ["date,shift,unit,patients", "2026-03-02,Day,4W,10", "2026-03-02,NIGHT,4W,10", "2026-03-03,D,4W,10", "2026-03-03,n,4W,10"]
        let run = try Self.run(timekeeping: Self.fullyStaffed, shifts: shifts)
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        #expect(try run.rows("staffing_grid.csv") == ["unit,job_code,shift,patients,staff_required", "4W,RN,Day,10,2", "4W,RN,NIGHT,10,2"])
        #expect(try run.rows("staffing_shifts.csv").dropFirst().map { $0.split(separator: ",")[2] } == ["Day", "NIGHT", "Day", "NIGHT"])
        // A letter first is spelled out.
        let letters = try Self.run(timekeeping: Self.fullyStaffed, shifts: ["date,shift,unit,patients", "2026-03-02,d,4W,10", "2026-03-03,Day,4W,10"])
        #expect(try letters.rows("staffing_grid.csv") == ["unit,job_code,shift,patients,staff_required", "4W,RN,day,10,2"])
    }

    /// `Day` and `D` on one date are one shift twice: the second row is rejected like an exact
    /// duplicate (both imported, the shift was checked twice, once with the other's 14 patients).
    @Test func aStandardShiftByNameAndByLetterOnOneDateIsADuplicate() throws {
        let shifts = ["date,shift,unit,patients", "2026-03-02,Day,4W,10", "2026-03-02,D,4W,14", "2026-03-02,NIGHT,4W,10", "2026-03-03,Day,4W,10", "2026-03-03,NIGHT,4W,10"]
        let run = try Self.run(timekeeping: Self.fullyStaffed, shifts: shifts)
        #expect(run.outcome.status != 0)
        #expect(run.outcome.stderr.contains("shifts.csv:3: column 'shift': date '2026-03-02' and unit '4W' and shift 'D' already has a shift census row on line 2"), "\(run.outcome.stderr)")
    }
}
