import Foundation
import Testing

/// `quartermaster staffing --shifts` on a hand-made Med-Surg unit (issue 22, must show 1):
/// 84 days from 2025-01-06, 20 patients on every 12-hour shift (day 07:00-19:00, night
/// 19:00-07:00), 4 RNs on every shift except the night of 2025-03-20 with 3; RN limit 1:5.
@Suite struct ShiftStaffingCommandTests {
    static let shortNight = "2025-03-20"

    /// The four files; `nightRNs` gives the RNs on a night, `extra` adds timekeeping rows.
    /// `dayCount` days of data from 2025-01-06 (84: through Sunday 2025-03-30).
    static func workspace(extra: [[String]] = [], extraShifts: [[String]] = [], dayCount: Int = 84) throws -> URL {
        let dir = try CLIRunner.workspace()
        let days = CSVInput.days(dayCount + 1)
        var census = [["date", "unit", "patient_days"]]
        var shifts = [["date", "shift", "unit", "patients", "start", "end"]]
        var punches = [["date", "unit", "hours", "job_code", "pay_type", "employee", "start", "end"]]
        for k in 0..<dayCount {
            let day = days[k], next = days[k + 1]
            census.append([day, "Med-Surg", "20"])
            shifts.append([day, "day", "Med-Surg", "20", "07:00", "19:00"])
            shifts.append([day, "night", "Med-Surg", "20", "19:00", "07:00"])
            for n in 0..<4 { punches.append([day, "Med-Surg", "12", "RN", "REG", "D\(n)", "\(day) 07:00", "\(day) 19:00"]) }
            for n in 0..<(day == shortNight ? 3 : 4) { punches.append([day, "Med-Surg", "12", "RN", "REG", "N\(n)", "\(day) 19:00", "\(next) 07:00"]) }
        }
        punches += extra
        shifts += extraShifts
        // target HPPD 4.8 = 8 RN shifts x 12 h / 20 patient days.
        let targets = [["unit", "job_code", "target_hppd", "budgeted_fte", "hourly_rate", "max_patients_per_staff"], ["Med-Surg", "RN", "4.8", "20", "50", "5"]]
        for (name, rows) in ["census.csv": census, "shifts.csv": shifts, "timekeeping.csv": punches, "targets.csv": targets] {
            try (rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return dir
    }

    static let arguments = ["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                            "--shifts", "shifts.csv", "--pay-period-start", "2025-01-06", "--horizon", "4", "--out", "out", "--quiet"]

    static func rows(_ dir: URL, _ file: String) throws -> [[String]] {
        try CLIRunner.read(dir.appendingPathComponent("out/" + file)).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A monthly census beside the shifts (20 patient days a day as 620 in January, 560 in
    /// February, 620 in March): its totals are spread over their days for the shift checks'
    /// productivity as for the plan, so each pay period's census is whole and its index the
    /// daily census's; read as single days, every pay period missed all but one day of census.
    @Test func aMonthlyCensusGivesTheDailyCensusProductivity() throws {
        let daily = try Self.workspace(), monthly = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: daily); try? FileManager.default.removeItem(at: monthly) }
        try "date,unit,patient_days\n2025-01,Med-Surg,620\n2025-02,Med-Surg,560\n2025-03,Med-Surg,620\n"
            .write(to: monthly.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let runs = try [daily, monthly].map { try CLIRunner.run(Self.arguments, in: $0) }
        #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.stderr))")
        #expect(runs[1].stderr.contains("Census rows are monthly totals") && !runs[1].stderr.contains("Pay periods left out of productivity"), "\(runs[1].stderr)")
        let productivity = try [daily, monthly].map { try Self.rows($0, "staffing_productivity.csv") }
        #expect(productivity[0].count > 2 && productivity[0] == productivity[1], "\(productivity)")
    }

    /// An RN of the 2025-03-20 day shift sent home at 15:00, booked as 12 h and a correction
    /// of -4 h from 15:00 to 19:00 (a nurse manager's review, work/v): 3 RNs on duty from
    /// 15:00, 20 / 3 = 6.67 over the 1:5 limit. The correction was read as a span overlapping
    /// the nurse's own, "counted on duty once", and the shift showed 4 on duty, compliant.
    @Test func aCorrectionWithASpanTakesTheNurseOffDutyInTheShiftCheck() throws {
        let day = Self.shortNight
        let dir = try Self.workspace(extra: [[day, "Med-Surg", "-4", "RN", "REG", "D0", "\(day) 15:00", "\(day) 19:00"]])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.contains(["Med-Surg", day, "day", "RN", "20", "3", "6.67", "5", "no"]), "\(shifts.filter { $0.count > 1 && $0[1] == day })")
        #expect(!run.stderr.contains("overlap"), "\(run.stderr)")
    }

    @Test func theShortNightAloneIsNotCompliantThoughTheDayAveragesWithin() throws {
        let dir = try Self.workspace()
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts[0] == ["unit", "date", "shift", "job_code", "patients", "staff_on_duty", "patients_per_staff", "max_patients_per_staff", "compliant"])
        #expect(shifts.count == 1 + 168)
        // 20 patients / 3 RNs = 6.67 > 5: the only shift out of 168 not compliant.
        #expect(shifts.filter { $0.last == "no" } == [["Med-Surg", Self.shortNight, "night", "RN", "20", "3", "6.67", "5", "no"]])
        // The same day's day shift: 20 / 4 = 5, within the limit; averaged over the day the unit
        // had 40 patient-shifts / 7 nurse-shifts = 5.7 per nurse, which hides which shift was short.
        #expect(shifts.contains(["Med-Surg", Self.shortNight, "day", "RN", "20", "4", "5", "5", "yes"]))
        // The grid: ceil(20 / 5) = 4 RNs on either shift.
        #expect(try Self.rows(dir, "staffing_grid.csv") == [["unit", "job_code", "shift", "patients", "staff_required"],
                                                            ["Med-Surg", "RN", "day", "20", "4"], ["Med-Surg", "RN", "night", "20", "4"]])
        // Productivity: six pay periods from 2025-01-06. A full one: 14 days x 8 shifts x 12 h = 1,344
        // worked and 14 x 20 x 4.8 = 1,344 target (index 100); the last lost one night's 12 h:
        // 100 x 1,344 / 1,332 = 100.9.
        let productivity = try Self.rows(dir, "staffing_productivity.csv")
        #expect(productivity.count == 7)
        #expect(productivity[1].prefix(6) == ["Med-Surg", "2025-01-06", "2025-01-19", "1344", "1344", "100"])
        #expect(productivity[6].prefix(6) == ["Med-Surg", "2025-03-17", "2025-03-30", "1332", "1344", "100.9"])
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("1 of 168 shift checks exceed the patient-to-staff limit"), "\(report)")
        #expect(report.contains("| 2025-03-20 | Med-Surg | night | RN | 20 | 3 | 6.67 | 5 |"), "\(report)")
        #expect(report.contains("| Med-Surg | 168 | 1 |"))
        #expect(report.contains("## Productivity by pay period") && report.contains("| Med-Surg | 2025-03-17 – 2025-03-30 | 1,332 | 1,344 | 100.9 |"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/staffing_plan_productivity.svg").path))
    }

    /// Shift names match ignoring case: nights written `NIGHT` for the last two weeks are the
    /// same shift (they were a third row in the grid and the outlook). And the outlook's
    /// scheduled staff is the lower median: 3 RNs on every other night of the last 28 days
    /// reads as 3 scheduled, short by 1 of the 4 required, not 4 and short by none; each
    /// weekday had 3 on two of its four nights, so every night of a week is short.
    @Test func shiftNamesMatchIgnoringCaseAndTheScheduledStaffIsTheLowerMedian() throws {
        let dir = try Self.workspace()
        let days = CSVInput.days(85)
        let lastFour = Set(days[56..<84].enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let lastTwo = Set(days[70..<84])
        func rewrite(_ name: String, _ change: (String) -> String?) throws {
            let url = dir.appendingPathComponent(name)
            let lines = try CLIRunner.read(url).split(separator: "\n").map(String.init).compactMap(change)
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        }
        try rewrite("timekeeping.csv") { line in lastFour.contains(String(line.prefix(10))) && line.contains(",N3,") ? nil : line }
        try rewrite("shifts.csv") { line in lastTwo.contains(String(line.prefix(10))) ? line.replacingOccurrences(of: ",night,", with: ",NIGHT,") : line }
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Set(try Self.rows(dir, "staffing_grid.csv").dropFirst().map { $0[2] }) == ["day", "night"])
        let outlook = try Self.rows(dir, "staffing_shift_outlook.csv")
        let nights = outlook.dropFirst().filter { $0[2] == "night" }
        #expect(!nights.isEmpty && nights.allSatisfy { $0[6] == "4" && $0[7] == "3" && $0[8] == "1" && $0[9] == "7" }, "\(outlook)")
        #expect(outlook.dropFirst().allSatisfy { $0[2] == "day" || $0[2] == "night" })
    }

    /// A reviewer's finding: with shifts through a Tuesday (2025-04-01), the plan's first
    /// week, 2025-W14 (31 March to 6 April), listed 31 March, a day already checked, as its day
    /// in the shifts ahead (in the demo, days checked compliant read as forecast shortfalls).
    /// Shifts ahead start the day after the last shift: that week keeps its five days ahead.
    @Test func shiftsAheadStartAfterTheLastShift() throws {
        let dir = try Self.workspace(dayCount: 86)
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let outlook = try Self.rows(dir, "staffing_shift_outlook.csv").dropFirst()
        let firstWeek = outlook.filter { $0[3] == "2025-W14" }
        #expect(firstWeek.count == 2, "\(outlook)")
        #expect(!outlook.isEmpty && outlook.allSatisfy { $0[4] > "2025-04-01" }, "\(outlook)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("The census forecast per shift, day by day from 2025-04-02, after the shifts checked above"), "\(report)")
    }

    /// The shift outputs spell a unit as the census does, as the plan does (they kept the
    /// shifts file's `MED-SURG`).
    @Test func shiftOutputsSpellUnitsAsTheCensus() throws {
        let dir = try Self.workspace()
        let url = dir.appendingPathComponent("shifts.csv")
        try CLIRunner.read(url).replacingOccurrences(of: ",Med-Surg,", with: ",MED-SURG,").write(to: url, atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["staffing_shifts.csv", "staffing_grid.csv", "staffing_shift_outlook.csv", "staffing_productivity.csv"] {
            let units = Set(try Self.rows(dir, file).dropFirst().map { $0[0] })
            #expect(units == ["Med-Surg"], "\(file): \(units)")
        }
    }

    /// A census counted at midnight and noon weighs in the shifts ahead and productivity as in
    /// the plan (the average of the day's counts): summed there, the outlook's patients were
    /// halved and productivity's target hours doubled.
    @Test func countsThroughTheDayWeighAsOneDay() throws {
        let plain = try Self.workspace()
        #expect(try CLIRunner.run(Self.arguments, in: plain).status == 0)
        let snapped = try Self.workspace()
        let url = snapped.appendingPathComponent("census.csv")
        let lines = try CLIRunner.read(url).split(separator: "\n").map(String.init)
        let twice = [lines[0]] + lines.dropFirst().flatMap { line -> [String] in
            let day = line.prefix(10), rest = line.dropFirst(10)
            return ["\(day) 00:00\(rest)", "\(day) 12:00\(rest)"]
        }
        try (twice.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(Self.arguments, in: snapped)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["staffing_shift_outlook.csv", "staffing_productivity.csv", "staffing_plan.csv"] {
            #expect(try Self.rows(snapped, file) == Self.rows(plain, file), "\(file)")
        }
    }

    /// The workbook holds the by-shift tables as sheets and the Summary's tables under their
    /// headings: it had the plan alone, and "Non-compliant shifts" over an empty row.
    @Test func theWorkbookListsTheNonCompliantShift() throws {
        let dir = try Self.workspace()
        let run = try CLIRunner.run(Self.arguments + ["--format", "xlsx"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        func part(_ name: String) throws -> String { try CLIRunner.workbookPart(dir.appendingPathComponent("out/staffing_plan.xlsx"), name) }
        let book = try part("xl/workbook.xml")
        for sheet in ["Plan", "Shift checks", "Staffing grid", "Pay periods", "Shifts ahead"] { #expect(book.contains("name=\"\(sheet)\""), "\(sheet)") }
        // The Summary (sheet 1) holds the non-compliant shift's row, its ratio as written in the report.
        let strings = try part("xl/sharedStrings.xml") + (try part("xl/worksheets/sheet1.xml"))
        #expect(strings.contains("6.67") && strings.contains(Self.shortNight), "\(strings.prefix(2000))")
    }

    @Test func aSpanCoveringPartOfAShiftLowersStaffOnDutyToTheFewest() throws {
        // A fifth RN on the 2025-03-20 night, only 23:00-03:00: the night still has 3 at 19:00-23:00 and 03:00-07:00.
        let dir = try Self.workspace(extra: [[Self.shortNight, "Med-Surg", "4", "RN", "OT", "X1", "2025-03-20 23:00", "2025-03-21 03:00"]])
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.rows(dir, "staffing_shifts.csv").filter { $0.last == "no" }.map { $0[5] } == ["3"])
    }

    @Test func aPunchKeyedTwiceCountsItsNurseOnce() throws {
        // Night nurse N0 keyed again on the short night, overlapping herself: still 3 on duty,
        // flagged and counted in the note; the employee id never reaches an output.
        let dir = try Self.workspace(extra: [[Self.shortNight, "Med-Surg", "12", "RN", "REG", "N0", "2025-03-20 19:00", "2025-03-21 07:00"]])
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--quiet" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 span overlaps an earlier span of the same employee"), "\(run.stderr)")
        #expect(try Self.rows(dir, "staffing_shifts.csv").filter { $0.last == "no" }.map { $0[5] } == ["3"])
        // The report says where the span is (it pointed to an `overlap` flag no output has).
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md")).contains("(Med-Surg RN ending 2025-03-21 07:00): each person is counted once on duty"))
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path) where !file.hasSuffix(".svg") {
            let text = try CLIRunner.read(dir.appendingPathComponent("out/" + file))
            #expect(!text.contains("N0") && !text.contains(",D1"), "\(file)")
        }
    }

    /// `--spans` names a second timekeeping file (the punches apart from the hours): the
    /// command crashed on it, reading the kind `timekeeping` twice.
    @Test func spansInTheirOwnFileRunFromTheCommandLine() throws {
        let dir = try Self.workspace()
        try FileManager.default.copyItem(at: dir.appendingPathComponent("timekeeping.csv"), to: dir.appendingPathComponent("spans.csv"))
        let run = try CLIRunner.run(Self.arguments + ["--spans", "spans.csv"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.rows(dir, "staffing_shifts.csv").filter { $0.last == "no" }.map { $0[1] } == [Self.shortNight])
    }

    /// A census exported a day past the punches: its two shifts have nobody's spans to count,
    /// which is no breach. They are left unchecked and counted in the summary, not reported
    /// with 0 staff as not compliant.
    @Test func shiftsPastTheSpansAreNotChecked() throws {
        let after = CSVInput.days(85)[84]
        let dir = try Self.workspace(extraShifts: [[after, "day", "Med-Surg", "20", "07:00", "19:00"], [after, "night", "Med-Surg", "20", "19:00", "07:00"]])
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.count == 1 + 168)
        #expect(shifts.filter { $0.last == "no" }.map { $0[1] } == [Self.shortNight])
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("2 shift rows on days outside the timekeeping export's dates"), "\(report.prefix(3000))")
    }

    /// A charge nurse's span under a pay code the map does not know (CHG) on the short night:
    /// not counted on duty, as the plan leaves the code out of worked hours (an on-call standby
    /// code counted on duty hid a breach), so the night stays short, and the headline names the
    /// code beside it with the flag that maps it. Mapped CHG=regular, the night is compliant.
    @Test func aPayCodeTheMapDoesNotKnowIsNotOnDutyAndIsNamedBesideTheBreach() throws {
        let next = CSVInput.days(85)[CSVInput.days(85).firstIndex(of: Self.shortNight)! + 1]
        let dir = try Self.workspace(extra: [[Self.shortNight, "Med-Surg", "12", "RN", "CHG", "C1", "\(Self.shortNight) 19:00", "\(next) 07:00"]])
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.rows(dir, "staffing_shifts.csv").filter { $0.last == "no" }.map { $0[1] } == [Self.shortNight])
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("Pay codes not recognised in the spans, not counted on duty in the shift checks (nor as worked hours in the plan): CHG (12 h)"), "\(report.prefix(3000))")
        #expect(report.contains("1 of them has punches under pay codes the map does not know, not counted on duty: CHG; if they are worked time, map them (--pay-codes CHG=regular) and run again."), "\(report.prefix(3000))")
        let mapped = try CLIRunner.run(Self.arguments + ["--pay-codes", "CHG=regular"], in: dir)
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(try Self.rows(dir, "staffing_shifts.csv").filter { $0.last == "no" }.isEmpty)
    }

    /// A nurse manager's review: a clerk's hours (no target) put the unit at index 90.9 in the
    /// pay-period table while its hours per patient day were on target, and three days missing
    /// from the census read as no patients (index 78.6). The clerk is left out, and so is the
    /// pay period the census misses days of, named in the summary.
    @Test func productivityCountsTargetedJobsAndWholeCensusPeriods() throws {
        let clerk = CSVInput.days(84).map { [$0, "Med-Surg", "12", "CLERK", "REG", "C1", "\($0) 08:00", "\($0) 20:00"] }
        let dir = try Self.workspace(extra: clerk)
        let censusFile = dir.appendingPathComponent("census.csv")
        let census = try CLIRunner.read(censusFile).split(separator: "\n").filter { !$0.hasPrefix("2025-01-08,") && !$0.hasPrefix("2025-01-09,") }
        try (census.joined(separator: "\n") + "\n").write(to: censusFile, atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--quiet" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let productivity = try Self.rows(dir, "staffing_productivity.csv")
        #expect(productivity[1].prefix(6) == ["Med-Surg", "2025-01-20", "2025-02-02", "1344", "1344", "100"], "\(productivity)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("Pay periods left out of productivity, the census missing days of them") && report.contains("Med-Surg 2025-01-06 (12 of 14 days)"), "\(report)")
    }

    /// Rewrites `file` in `dir`, keeping the lines `keep` accepts and adding `add`'s lines.
    static func rewrite(_ dir: URL, _ file: String, keep: (Substring) -> Bool = { _ in true }, add: (Substring) -> [String] = { _ in [] }) throws {
        let url = dir.appendingPathComponent(file)
        let lines = try CLIRunner.read(url).split(separator: "\n")
        let kept = lines.filter(keep).map(String.init) + lines.dropFirst().flatMap(add)
        try (kept.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
    }

    /// A nurse manager's review: a week missing from the timekeeping (2025-01-27 to 02-02, the
    /// spans running on around it) read as nobody on duty, 14 false ratio breaches, and as no
    /// hours worked, a pay-period index of 200. Those shifts are not checked and that pay period
    /// is left out of productivity, each named.
    @Test func aWeekMissingFromTheTimekeepingIsNotCheckedNorMeasured() throws {
        let dir = try Self.workspace()
        let missing = Set(CSVInput.days(85)[21..<28])
        try Self.rewrite(dir, "timekeeping.csv", keep: { !missing.contains(String($0.prefix(10))) })
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.count == 1 + 168 - 14 && !shifts.contains { missing.contains($0[1]) })
        #expect(shifts.filter { $0.last == "no" }.map { $0[1] } == [Self.shortNight])
        let productivity = try Self.rows(dir, "staffing_productivity.csv")
        #expect(productivity.dropFirst().map { $0[1] } == ["2025-01-06", "2025-02-03", "2025-02-17", "2025-03-03", "2025-03-17"], "\(productivity)")
        #expect(productivity.dropFirst().allSatisfy { Double($0[5])! > 99 && Double($0[5])! < 101 }, "\(productivity)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("14 shift rows on days no timekeeping span of their unit starts") && report.contains("Med-Surg 14"), "\(report.prefix(3000))")
        #expect(report.contains("the unit's timekeeping missing days of them") && report.contains("Med-Surg 2025-01-20 (7 of 14 days with patients)"), "\(report.prefix(3000))")
    }

    /// A nurse manager's review: one census day missing from the recent weeks was counted as a
    /// day of no patients in the recent census per day, so every shift ahead was forecast 3.7%
    /// up (20.74 patients) and short a nurse. The gap is left out: 20 patients, 4 RNs.
    @Test func aMissingCensusDayDoesNotLiftTheShiftsAhead() throws {
        let dir = try Self.workspace()
        let gone = CSVInput.days(85)[80]
        try Self.rewrite(dir, "census.csv", keep: { !$0.hasPrefix(gone) })
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let outlook = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_shift_outlook.csv"))
        #expect(!outlook.isEmpty && outlook.allSatisfy { $0["patients_forecast"] == "20" && $0["staff_required"] == "4" }, "\(outlook)")
    }

    /// A nurse manager's review: with a second unit's timekeeping in the file, one unit's missing
    /// week read as no hours worked (recent hours per patient day 3.2 for 4.8, flagged below
    /// target). Coverage is per unit: ICU measures 4.8 (Med-Surg 4.79 with its short night) and
    /// the note names ICU's week.
    @Test func oneUnitsMissingWeekIsLeftOutOfItsHoursPerPatientDay() throws {
        let dir = try Self.workspace()
        let missing = Set(CSVInput.days(85)[70..<77])
        func icu(_ line: Substring) -> [String] { [line.replacingOccurrences(of: "Med-Surg", with: "ICU")] }
        try Self.rewrite(dir, "census.csv", add: icu)
        try Self.rewrite(dir, "timekeeping.csv", add: { missing.contains(String($0.prefix(10))) ? [] : icu($0) })
        try Self.rewrite(dir, "targets.csv", add: icu)
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--shifts" && $0 != "shifts.csv" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("| ICU | 4.8 | 4.8 |") && report.contains("| Med-Surg | 4.79 | 4.8 |"), "\(report.prefix(3000))")
        #expect(!report.contains("below_target_hppd"), "\(report.prefix(3000))")
        #expect(report.contains("2025-W12 (ICU)"), "\(report.prefix(3000))")
    }

    /// A nurse manager's review: a shifts file spelling its unit otherwise than the census
    /// gave "Every one of 0 shift checks is within its limit" and blamed the targets or the
    /// spans. The unit is named with the census unit it likely is.
    @Test func aShiftUnitTheCensusDoesNotNameIsNamed() throws {
        let dir = try Self.workspace()
        try Self.rewrite(dir, "shifts.csv", keep: { $0.hasPrefix("date") }, add: { [$0.replacingOccurrences(of: "Med-Surg", with: "Med-Surg West")] })
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("No shift was checked against a patient-to-staff limit") && !report.contains("Every one of 0"), "\(report.prefix(2000))")
        #expect(report.contains("Shift units that neither the census nor the targets name, not checked: 'Med-Surg West' (the census has 'Med-Surg')"), "\(report.prefix(2000))")
    }

    /// The diff review: a weekday unit (Endo, 10 patients Monday to Friday, 2 RNs, limit 4)
    /// beside the seven-day Med-Surg. Measured by the whole census's weekdays, its weekends read
    /// as missing census (22 days named), its pay periods as short of timekeeping (left out), its
    /// last week as a timekeeping gap, and its shifts ahead at 7.14 patients (2 RNs for 3).
    @Test func aWeekdayUnitBesideASevenDayUnitKeepsItsOwnWeek() throws {
        let dir = try Self.workspace()
        let days = CSVInput.days(85).prefix(84)
        let weekdays = days.enumerated().filter { $0.offset % 7 < 5 }.map(\.element)
        let census = dir.appendingPathComponent("census.csv")
        var text = try CLIRunner.read(census)
        for day in weekdays { text += "\(day),Endo,10\n" }
        try text.write(to: census, atomically: false, encoding: .utf8)
        let shifts = dir.appendingPathComponent("shifts.csv"), punches = dir.appendingPathComponent("timekeeping.csv")
        var shiftText = try CLIRunner.read(shifts), punchText = try CLIRunner.read(punches)
        for day in weekdays {
            shiftText += "\(day),day,Endo,10,07:00,19:00\n"
            for n in 0..<3 { punchText += "\(day),Endo,12,RN,REG,E\(n),\(day) 07:00,\(day) 19:00\n" }
        }
        try shiftText.write(to: shifts, atomically: false, encoding: .utf8)
        try punchText.write(to: punches, atomically: false, encoding: .utf8)
        let targets = dir.appendingPathComponent("targets.csv")
        try (try CLIRunner.read(targets) + "Endo,RN,3.6,5,50,4\n").write(to: targets, atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(Self.arguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let outlook = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_shift_outlook.csv")).filter { $0["unit"] == "Endo" }
        #expect(!outlook.isEmpty && outlook.allSatisfy { $0["patients_forecast"] == "10" && $0["staff_required"] == "3" }, "\(outlook)")
        let productivity = try Self.rows(dir, "staffing_productivity.csv").filter { $0[0] == "Endo" }
        #expect(productivity.count == 6 && productivity.allSatisfy { $0[5] == "100" }, "\(productivity)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(!report.contains("Endo 2") && !report.contains("(Endo)") && !report.contains("does not cover"), "\(report.prefix(3000))")
    }

    @Test func aBadPayPeriodStartIsAUsageError() throws {
        let dir = try Self.workspace()
        let run = try CLIRunner.run(Self.arguments.map { $0 == "2025-01-06" ? "fortnightly" : $0 }, in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--pay-period-start"), "\(run.stderr)")
    }
}

/// The shifts ahead follow the unit's week (a staffing review's case): a unit with 24
/// patients on weekdays and 10 at weekends, 5 RNs on every shift and at most 4 patients each,
/// broke the ratio on every weekday shift, yet the outlook spread the week's census over seven
/// days (20 a shift) and said the schedule covered every shift.
@Suite struct ShiftOutlookWeekdayTests {
    /// Writes the census, shifts and spans (lines with their header) and one target row
    /// (max_patients_per_staff last), and runs staffing by shift to `out`.
    static func staffing(in dir: URL, census: [String], shifts: [String], spans: [String], target: String, horizon: Int) throws -> CLIRunner.Outcome {
        for (name, lines) in [("census.csv", census), ("shifts.csv", shifts), ("timekeeping.csv", spans)] {
            try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        try "unit,job_code,target_hppd,budgeted_fte,hourly_rate,max_patients_per_staff\n\(target)\n"
            .write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        return try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                  "--shifts", "shifts.csv", "--horizon", String(horizon), "--out", "out"], in: dir)
    }

    @Test func weekdayPeaksAreShortWhereTheWeekAveragesCovered() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Eight weeks from Monday 2025-01-06: days 5 and 6 of each week are the weekend.
        let days = CSVInput.days(57)
        let weekend = Set(days.enumerated().filter { $0.offset % 7 >= 5 }.map(\.element))
        func patients(_ day: String) -> Int { weekend.contains(day) ? 10 : 24 }
        var census = ["date,unit,patient_days"], shifts = ["date,shift,unit,patients,start,end"], spans = ["date,unit,job_code,pay_type,hours,employee,start,end"]
        for (k, day) in days.dropLast().enumerated() {
            census.append("\(day),4 West,\(patients(day))")
            shifts += ["\(day),Day,4 West,\(patients(day)),07:00,19:00", "\(day),Night,4 West,\(patients(day)),19:00,07:00"]
            let next = days[k + 1]
            for e in 0..<5 {
                spans.append("\(day),4 West,RN,REG,12,D\(e),\(day) 07:00,\(day) 19:00")
                spans.append("\(day),4 West,RN,REG,12,N\(e),\(day) 19:00,\(next) 07:00")
            }
        }
        let run = try Self.staffing(in: dir, census: census, shifts: shifts, spans: spans, target: "4 West,RN,6,24,50,4", horizon: 2)
        #expect(run.status == 0, "\(run.stderr)")
        let outlook = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_shift_outlook.csv"))
        // Two weeks, two shifts: each on a weekday with 24 patients, 6 RNs needed, 5 on, short
        // 1 on the five weekdays.
        #expect(outlook.count == 4, "\(outlook)")
        for row in outlook {
            #expect(row["patients_forecast"] == "24" && row["staff_required"] == "6" && row["staff_scheduled"] == "5" && row["short_by"] == "1" && row["days_short"] == "5", "\(row)")
            #expect(!weekend.contains(row["day"] ?? ""), "\(row)")
        }
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("Ahead, today's schedule leaves 4 period-shifts short of the ratio on 20 shift-days"), "\(report)")
        #expect(!report.contains("Today's schedule covers every shift"))
        // Planned by the day, each day's forecast already is its weekday's: set against the
        // week's average the pattern counted twice (a review: 28.8 on Mondays, 5 on Sundays).
        let daily = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                       "--shifts", "shifts.csv", "--frequency", "day", "--horizon", "14", "--out", "daily"], in: dir)
        #expect(daily.status == 0, "\(daily.stderr)")
        let ahead = try PlanningInputs.records(dir.appendingPathComponent("daily/staffing_shift_outlook.csv"))
        // Two weeks, two shifts a day: 10 weekdays at 24 patients, 4 weekend days at 10.
        #expect(ahead.count == 28 && ahead.filter { $0["patients_forecast"] == "24" }.count == 20 && ahead.filter { $0["patients_forecast"] == "10" }.count == 8,
                "\(ahead.map { $0["patients_forecast"] ?? "" })")
    }
}

/// A unit open Monday to Friday: its pay periods were never measured for productivity, as
/// every one lacked census on its weekends.
@Suite struct WeekdayUnitProductivityTests {
    @Test func aWeekdayUnitsPayPeriodsAreMeasured() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Eight weeks from Monday 2025-01-06, weekdays only: 10 patients, 2 RNs 07:00 to 19:00.
        let weekdays = CSVInput.days(54).enumerated().filter { $0.offset % 7 < 5 }.map(\.element)
        var census = ["date,unit,patient_days"], shifts = ["date,shift,unit,patients,start,end"], spans = ["date,unit,job_code,pay_type,hours,employee,start,end"]
        for day in weekdays {
            census.append("\(day),Day Surgery,10")
            shifts.append("\(day),Day,Day Surgery,10,07:00,19:00")
            for e in 0..<2 { spans.append("\(day),Day Surgery,RN,REG,12,E\(e),\(day) 07:00,\(day) 19:00") }
        }
        let run = try ShiftOutlookWeekdayTests.staffing(in: dir, census: census, shifts: shifts, spans: spans, target: "Day Surgery,RN,2.4,3,50,4", horizon: 1)
        #expect(run.status == 0, "\(run.stderr)")
        // Pay periods from Sunday 2023-01-01 every two weeks: 2025-01-12 to 01-25, 01-26 to
        // 02-08 and 02-09 to 02-22 lie whole in the export; each 10 weekdays of 240 h worked
        // and 10 x 10 x 2.4 = 240 h target.
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_productivity.csv"))
        #expect(rows.count == 3 && rows.allSatisfy { $0["worked_hours"] == "240" && $0["target_hours"] == "240" }, "\(rows)")
        #expect(!run.stderr.contains("census missing days"), "\(run.stderr)")
    }
}
