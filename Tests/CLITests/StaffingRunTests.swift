import Foundation
import Testing

/// `quartermaster staffing` end to end on a constant census, where the plan can be worked out
/// by hand: 20 patient days a day is 140 a week, and required hours are census x target HPPD.
@Suite struct StaffingRunTests {
    static func workspace() throws -> URL {
        let dir = try CLIRunner.workspace()
        // Twelve whole ISO weeks, 2025-W02 to 2025-W13.
        let days = CSVInput.days(84)
        try (["date,unit,patient_days"] + days.map { "\($0),4E,20" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let punches = days.flatMap { ["\($0),4E,160,RN,regular,E1", "\($0),4E,80,CNA,regular,E2"] }
        try (["date,unit,hours,job_code,pay_type,employee"] + punches).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        try "unit,job_code,target_hppd,budgeted_fte,hourly_rate\n4E,RN,8,30,50\n4E,CNA,4,15,20\n"
            .write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        return dir
    }

    /// A daily census is forecast by `staffing` as by `forecast`: the planner left out the
    /// year's cycle of daily data (`Frequency.longCycle`), so its candidates and intervals
    /// differed (a reviewer's ward census: P50 1,359 and P90 1,844 on day 1 where `forecast`
    /// said 1,292, 80% up to 1,341). 800 days with a yearly swing of +-30 around 100.
    @Test func aDailyCensusIsForecastAsTheForecastCommandDoes() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = CSVInput.days(800)
        let census = days.indices.map { t in (100 + 30 * sin(2 * Double.pi * Double(t) / 365.25) + Double(t * 7919 % 11 - 5)).rounded() }
        try (["date,unit,patient_days"] + zip(days, census).map { "\($0),4E,\(Int($1))" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        try (["date,unit,hours,job_code,pay_type"] + days.map { "\($0),4E,800,RN,regular" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        try "unit,job_code,target_hppd,budgeted_fte,hourly_rate\n4E,RN,8,30,50\n".write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        let plan = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                      "--frequency", "day", "--horizon", "28", "--percentile", "50", "--out", "out", "--quiet"], in: dir)
        try #require(plan.status == 0, "\(plan.stderr)")
        let forecast = try CLIRunner.run(["forecast", "--input", "census.csv", "--columns", "series=unit,value=patient_days", "--frequency", "day",
                                          "--horizon", "28", "--out", "f.csv", "--quiet"], in: dir)
        #expect(forecast.status == 0, "\(forecast.stderr)")
        let planned = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.csv")).split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let forecasts = try CLIRunner.read(dir.appendingPathComponent("f.csv")).split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(planned.count == 28 && forecasts.count == 28, "\(planned.count) \(forecasts.count)")
        for (p, f) in zip(planned, forecasts) {
            let a = Double(p[3]) ?? .nan, b = Double(f[2]) ?? .nan
            #expect(abs(a - b) <= 0.01 + 1e-4 * b, "\(p[2]): staffing \(a), forecast \(b)")
        }
    }

    @Test func constantCensusPlansByHand() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                        "--horizon", "4", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // One summary line under --quiet (contract finding 6), notes on `note:` lines only.
        let summaries = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        #expect(summaries.count == 1 && summaries[0].hasPrefix("staffing: "), "\(result.stderr)")
        #expect(summaries.first?.contains("; wrote out/staffing_plan.csv, out/staffing_plan.md in ") == true, "\(result.stderr)")
        for file in ["staffing_plan.csv", "staffing_plan.md", "manifest.json", "index.md"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path), "\(file)")
        }
        // DESIGN.md's staffing_plan.csv columns, in order.
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.csv")).hasPrefix(
            "unit,job_code,period,census_forecast,required_hours,target_hppd,fte_required,budgeted_fte,fte_gap,overtime_hours,agency_hours,labor_cost,flags\n"))
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_plan.csv"))
        // Four weeks after the last complete one, for each job code.
        #expect(rows.count == 8)
        #expect(Set(rows.map { $0["period"] ?? "" }) == ["2025-W14", "2025-W15", "2025-W16", "2025-W17"])
        let hppd = ["RN": 8.0, "CNA": 4.0], budgeted = ["RN": 30.0, "CNA": 15.0]
        for row in rows {
            func number(_ column: String) -> Double { Double(row[column] ?? "") ?? .nan }
            let job = try #require(row["job_code"])
            #expect(row["unit"] == "4E")
            #expect(abs(number("census_forecast") - 140) < 0.01, "\(row)")
            #expect(number("target_hppd") == hppd[job])
            #expect(abs(number("required_hours") - 140 * (hppd[job] ?? .nan)) < 0.05, "\(row)")
            #expect(number("budgeted_fte") == budgeted[job])
            #expect(abs(number("fte_gap") - (number("fte_required") - number("budgeted_fte"))) < 0.011, "\(row)")
        }
    }
}

/// A census of occupied beds counted at midnight and at noon (a staffing review's case): the
/// two counts of a day were added up as patient days, 294 a week for a unit of 20 to 22 beds,
/// and 1,037 agency hours a week.
@Suite struct CensusSnapshotTests {
    @Test func countsTakenThroughTheDayAreAveraged() throws {
        let dir = try StaffingRunTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = CSVInput.days(84)
        try (["date,unit,patient_days"] + days.flatMap { ["\($0) 00:00,4E,20", "\($0) 12:00,4E,22"] }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                     "--horizon", "1", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("The census's dates carry times of day (00:00, 12:00): read as counts of occupied beds taken through the day, each unit's day the average of its counts (84 unit-days had more than one)"), "\(run.stderr)")
        #expect(!run.stderr.contains("repeating a unit and day"), "\(run.stderr)")
        // 21 a day, 147 a week.
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_plan.csv"))
        #expect(rows.count == 2 && rows.allSatisfy { abs((Double($0["census_forecast"] ?? "") ?? 0) - 147) < 0.5 }, "\(rows)")
        // One count a day at midnight, with its time, is the census as before (140 a week).
        try (["date,unit,patient_days"] + days.map { "\($0) 00:00,4E,20" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let once = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                      "--horizon", "1", "--out", "out2"], in: dir)
        #expect(once.status == 0 && !once.stderr.contains("times of day"), "\(once.stderr)")
        let plain = try PlanningInputs.records(dir.appendingPathComponent("out2/staffing_plan.csv"))
        #expect(plain.allSatisfy { abs((Double($0["census_forecast"] ?? "") ?? 0) - 140) < 0.5 }, "\(plain)")
        // Two rows of one time a day (inpatient 12 and observation 8) add up, even with one day
        // stamped 00:05: that day's rows are one time too (it halved the census to 70 a week).
        try (["date,unit,patient_days"] + days.enumerated().flatMap { k, day in
            let time = k == 40 ? "00:05" : "00:00"
            return ["\(day) \(time),4E,12", "\(day) \(time),4E,8"]
        }).joined(separator: "\n").appending("\n").write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let split = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                       "--horizon", "1", "--out", "out3"], in: dir)
        #expect(split.status == 0 && !split.stderr.contains("times of day"), "\(split.stderr)")
        let added = try PlanningInputs.records(dir.appendingPathComponent("out3/staffing_plan.csv"))
        #expect(added.allSatisfy { abs((Double($0["census_forecast"] ?? "") ?? 0) - 140) < 0.5 }, "\(added)")
    }
}

/// Timekeeping corrections (a staffing review's case): an RN sent home after 8 of 12 hours is
/// booked 12 and -4. The -4 was refused, and the way round offered (--on-error skip) kept the
/// 12: 7.8 hours per patient day for 7.6.
@Suite struct TimekeepingCorrectionTests {
    @Test func negativeHoursNetAsCorrections() throws {
        let dir = try StaffingRunTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = CSVInput.days(84)
        // RN 160 h a day, and on every day 4 of them taken back.
        let punches = days.flatMap { ["\($0),4E,164,RN,regular,E1", "\($0),4E,-4,RN,regular,E1", "\($0),4E,80,CNA,regular,E2"] }
        try (["date,unit,hours,job_code,pay_type,employee"] + punches).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                     "--horizon", "1", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Timekeeping rows of negative hours read as corrections, netted against their unit's hours: 84 rows, -336 h"), "\(run.stderr)")
        // (160 + 80) / 20 = 12 hours per patient day, as without the corrections written out.
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("| 4E | 12 | 12 |"), "\(report)")
        // A file of negative hours (signs turned) is refused, naming the unit and period.
        let flipped = days.flatMap { ["\($0),4E,-160,RN,regular,E1", "\($0),4E,-80,CNA,regular,E2"] }
        try (["date,unit,hours,job_code,pay_type,employee"] + flipped).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        let refused = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                         "--horizon", "1", "--out", "out2"], in: dir)
        #expect(refused.status != 0 && refused.stderr.contains("the timekeeping (timekeeping.csv) nets 4E to -1680 hours in 2025-W02: rows of negative hours are read as corrections"), "\(refused.stderr)")
    }
}

/// A unit open Monday to Friday (a day surgery; a staffing review's case): its last week,
/// recorded to Friday, was dropped as partial, its weekends named as missing census, and its
/// pay periods never measured for productivity (every one missed its weekends).
@Suite struct WeekdayUnitTests {
    @Test func aWeekdayUnitsWeekEndsOnFriday() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Eight weeks from Monday 2025-01-06 to Friday 2025-02-28, weekdays only.
        let weekdays = CSVInput.days(54).enumerated().filter { $0.offset % 7 < 5 }.map(\.element)
        try (["date,unit,patient_days"] + weekdays.map { "\($0),Day Surgery,10" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        try (["date,unit,hours,job_code,pay_type,employee"] + weekdays.map { "\($0),Day Surgery,24,RN,regular,E1" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        try "unit,job_code,target_hppd,budgeted_fte,hourly_rate\nDay Surgery,RN,2.4,3,50\n".write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                     "--horizon", "1", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // 2025-W09 (24 to 28 February) is whole: the plan starts after it.
        #expect(run.stderr.contains("1 unit planned from 2025-W10"), "\(run.stderr)")
        #expect(!run.stderr.contains("left out") && !run.stderr.contains("without a row"), "\(run.stderr)")
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_plan.csv"))
        #expect(rows.count == 1 && rows[0]["census_forecast"] == "50", "\(rows)")
        // 2.4 hours per patient day measured over the recent weeks, as worked.
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("| Day Surgery | 2.4 | 2.4 |"), "\(report)")
    }
}

/// below_target_hppd on a plan row is its job code's own (a staffing review's case): the RN
/// rows of a unit whose RNs worked their 8 hours per patient day carried the flag for the
/// CNAs' shortfall.
@Suite struct JobCodeHPPDFlagTests {
    @Test func onlyTheJobCodeBelowItsTargetIsFlagged() throws {
        let dir = try StaffingRunTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // RN 160 h a day for 20 patients (8, its target); CNA 40 h (2 against 4).
        let punches = CSVInput.days(84).flatMap { ["\($0),4E,160,RN,regular,E1", "\($0),4E,40,CNA,regular,E2"] }
        try (["date,unit,hours,job_code,pay_type,employee"] + punches).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                     "--horizon", "1", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_plan.csv"))
        let rn = try #require(rows.first { $0["job_code"] == "RN" }), cna = try #require(rows.first { $0["job_code"] == "CNA" })
        #expect(!(rn["flags"] ?? "").contains("below_target_hppd") && (cna["flags"] ?? "").contains("below_target_hppd"), "\(rows)")
        // The unit as a whole (10 against 12) is still flagged in the Units table.
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("| 4E | 10 | 12 |") && report.contains("below_target_hppd"), "\(report)")
    }
}

/// The FTE basis from the command line (it was a pipeline key only), said in the report.
@Suite struct StaffingFTEBasisTests {
    @Test func aThirtySevenAndAHalfHourWeekPlansMoreFTEs() throws {
        let dir = try StaffingRunTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                     "--horizon", "1", "--paid-hours-per-fte", "1950", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // 1,120 RN hours a week over 1,950 x 0.9 / 52 = 33.75 hours: 33.19 FTE.
        let rows = try PlanningInputs.records(dir.appendingPathComponent("out/staffing_plan.csv"))
        #expect(rows.first { $0["job_code"] == "RN" }?["fte_required"] == "33.19", "\(rows)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("An FTE is 1,950 paid hours a year, 90% of them worked (33.75 hours a week); overtime covers up to 10% of the required hours before agency"), "\(report)")
    }
}

/// The units' premium hours at trend beside the plan's leave out a unit whose plan has a job
/// code without budgeted FTEs (a staffing review's case): the trend counted its CNAs' agency
/// hours where the plan's figure could not, "168 hours, 88 more than the plan needs".
@Suite struct PremiumTrendComparisonTests {
    @Test func aUnitWithAnUnknownPlanPremiumIsLeftOutOfTheComparison() throws {
        let dir = try StaffingRunTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // RN 150 regular and 10 overtime hours a day; CNA 72 regular and 8 agency.
        let punches = CSVInput.days(84).flatMap { ["\($0),4E,150,RN,regular,E1", "\($0),4E,10,RN,overtime,E1", "\($0),4E,72,CNA,regular,E2", "\($0),4E,8,CNA,agency,E3"] }
        try (["date,unit,hours,job_code,pay_type,employee"] + punches).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("timekeeping.csv"), atomically: false, encoding: .utf8)
        func summary(_ targets: String, _ out: String) throws -> String {
            try targets.write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
            let run = try CLIRunner.run(["staffing", "--timekeeping", "timekeeping.csv", "--census", "census.csv", "--targets", "targets.csv",
                                         "--horizon", "2", "--out", out], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            return try CLIRunner.read(dir.appendingPathComponent("\(out)/staffing_plan.md"))
        }
        // Budgets that cover every hour: the units' own premium use is beyond the plan's none.
        #expect(try summary("unit,job_code,target_hppd,budgeted_fte,hourly_rate\n4E,RN,8,40,50\n4E,CNA,4,20,20\n", "a").contains("At their own recent use, the units would work"))
        // The CNAs' budget blank: no comparison of unlike figures.
        #expect(!(try summary("unit,job_code,target_hppd,budgeted_fte,hourly_rate\n4E,RN,8,40,50\n4E,CNA,4,,20\n", "b").contains("At their own recent use")))
    }
}
