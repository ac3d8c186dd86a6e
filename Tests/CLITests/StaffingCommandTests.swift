import Foundation
import Testing

/// `quartermaster staffing` on the corpus's small ICU exports, for what issue 23 made a note
/// or a failure rather than a rejected row: unknown pay codes, `--pay-codes`, and targets
/// whose units have no census.
@Suite struct StaffingCommandTests {
    func workspace(timekeeping: [[String]] = CSVInput.timekeepingRows, targets: [[String]] = CSVInput.targetsRows) throws -> URL {
        let dir = try CLIRunner.workspace()
        let files = ["census.csv": CSVInput.csv(CSVInput.censusHeader, CSVInput.censusRows),
                     "timekeeping.csv": CSVInput.csv(CSVInput.timekeepingHeader, timekeeping),
                     "targets.csv": CSVInput.csv(CSVInput.targetsHeader, targets)]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        return dir
    }

    /// The corpus's timekeeping with every tenth RN row under a pay code nobody knows.
    static let oddCodes: [[String]] = CSVInput.timekeepingRows.enumerated().map { k, row in
        var row = row
        if k % 20 == 0 { row[CSVInput.timekeepingHeader.firstIndex(of: "pay_type")!] = "BONUSHRS" }
        return row
    }

    @Test func unknownPayCodesAreListedWithTheirHoursNotCountedAsRegular() throws {
        let dir = try workspace(timekeeping: StaffingCommandTests.oddCodes)
        let run = try CLIRunner.run(CSVInput.staffingArguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // 84 days, every tenth RN row (12 h): 9 rows, 108 h.
        #expect(run.stderr.contains("Pay codes not recognised, left out of worked hours: BONUSHRS (108 h)"), "\(run.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md")).contains("BONUSHRS (108 h)"))
    }

    @Test func payCodesFlagMapsThem() throws {
        let dir = try workspace(timekeeping: StaffingCommandTests.oddCodes)
        let run = try CLIRunner.run(CSVInput.staffingArguments + ["--pay-codes", "BONUSHRS=overtime,Call=regular"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("BONUSHRS"), "\(run.stderr)")
        let bad = try CLIRunner.run(CSVInput.staffingArguments + ["--pay-codes", "BONUSHRS=bonus"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("regular, overtime, agency, non_productive"), "\(bad.stderr)")
    }

    @Test func targetsWithoutCensusAreNamedAndNoneMatchingFails() throws {
        let some = try workspace(targets: CSVInput.targetsRows + [["5 East", "RN", "8", "10", "50", "1.5", "95", "4"]])
        let partly = try CLIRunner.run(CSVInput.staffingArguments, in: some)
        #expect(partly.status == 0, "\(partly.stderr)")
        #expect(partly.stderr.contains("1 unit planned") && partly.stderr.contains("no census for the unit: 5 East"), "\(partly.stderr)")
        #expect(try CLIRunner.read(some.appendingPathComponent("out/staffing_plan.md")).contains("5 East"))

        let none = try workspace(targets: CSVInput.targetsRows.map { ["5 East"] + $0.dropFirst() })
        let failed = try CLIRunner.run(CSVInput.staffingArguments, in: none)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("targets.csv") && failed.stderr.contains("5 East") && failed.stderr.contains("census has ICU"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: none.appendingPathComponent("out").path))
    }

    /// A monthly census (one row per unit and month, the month's patient days) beside daily
    /// timekeeping: read as single days, each unit had 410 "days not recorded" and the weekly
    /// plan forecast 620 patient days a week for a unit of 620 a month. Its rows are totals over
    /// their months, spread evenly over their days (as reorder reads monthly usage): no day
    /// missing, a week at seven days of the month's daily average, by month the month's total.
    @Test func aMonthlyCensusIsReadAsTotalsOverItsMonths() throws {
        let dir = try CLIRunner.workspace(with: [])
        defer { try? FileManager.default.removeItem(at: dir) }
        let months = (1...12).map { "2025-\($0 < 10 ? "0" : "")\($0)" } + ["2026-01", "2026-02", "2026-03"]
        func census(_ label: (String) -> String, skipping: String? = nil) -> String {
            "date,unit,patient_days\n" + months.filter { $0 != skipping }.flatMap { m in ["\(label(m)),ICU,240\n", "\(label(m)),4 West,620\n"] }.joined()
        }
        try census { $0 }.write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        // The same months dated on their last day, as an ERP's period-end export does.
        let lastDays = ["01": "31", "02": "28", "03": "31", "04": "30", "05": "31", "06": "30", "07": "31", "08": "31", "09": "30", "10": "31", "11": "30", "12": "31"]
        try census { "\($0)-\(lastDays[String($0.suffix(2))]!)" }.write(to: dir.appendingPathComponent("census_ends.csv"), atomically: false, encoding: .utf8)
        try census({ $0 }, skipping: "2025-05").write(to: dir.appendingPathComponent("census_gap.csv"), atomically: false, encoding: .utf8)
        var hours = "date,unit,hours,job_code,pay_type\n"
        var day = try #require(DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2025, month: 1, day: 1).date)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for _ in 0..<455 {
            let d = formatter.string(from: day)
            hours += "\(d),ICU,96,RN,REG\n\(d),ICU,24,CNA,REG\n\(d),4 West,96,RN,REG\n\(d),4 West,24,CNA,REG\n"
            day = day.addingTimeInterval(86_400)
        }
        try hours.write(to: dir.appendingPathComponent("hours.csv"), atomically: false, encoding: .utf8)
        try "unit,job_code,target_hppd\nICU,RN,12\nICU,CNA,2\n4 West,RN,5\n4 West,CNA,2\n".write(to: dir.appendingPathComponent("targets.csv"), atomically: false, encoding: .utf8)
        func staffing(_ census: String, _ out: String, _ flags: [String] = []) throws -> (run: CLIRunner.Outcome, rows: [[String]]) {
            let run = try CLIRunner.run(["staffing", "--timekeeping", "hours.csv", "--census", census, "--targets", "targets.csv", "--out", out] + flags, in: dir)
            let csv = (try? CLIRunner.read(dir.appendingPathComponent("\(out)/staffing_plan.csv"))) ?? ""
            return (run, csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
        }
        for file in ["census.csv", "census_ends.csv"] {
            let weekly = try staffing(file, "week-\(file)")
            #expect(weekly.run.status == 0, "\(weekly.run.stderr)")
            #expect(!weekly.run.stderr.contains("days not recorded"), "\(weekly.run.stderr)")
            #expect(weekly.run.stderr.contains("Census rows are monthly totals (") && weekly.run.stderr.contains("spread evenly over their days, so each week holds seven days at its month's daily average (--frequency month plans by whole months)"),
                    "\(weekly.run.stderr)")
            // 620 a month is 20 a day in 31-day months, 20.67 in 30-day ones: 140 to 145 a week.
            let west = weekly.rows.filter { $0[0] == "4 West" && $0[1] == "RN" }
            #expect(!west.isEmpty && west.allSatisfy { (Double($0[3]) ?? 0) > 135 && (Double($0[3]) ?? 0) < 150 }, "\(west)")
            #expect(west.first?[2] == "2026-W14", "\(west)")
        }
        let monthly = try staffing("census.csv", "month", ["--frequency", "month"])
        #expect(monthly.run.status == 0 && monthly.run.stderr.contains("so each month holds its total") && !monthly.run.stderr.contains("days not recorded")
                && !monthly.run.stderr.contains("covers 1 of"), "\(monthly.run.stderr)")
        let west = monthly.rows.filter { $0[0] == "4 West" && $0[1] == "RN" }
        #expect(west.first?[2] == "2026-04" && west.allSatisfy { (Double($0[3]) ?? 0) > 560 && (Double($0[3]) ?? 0) < 650 }, "\(west)")
        // By the days of each month (February 28 of them). A month the export lacks is its days not recorded, named as such, and no other day.
        let gap = try staffing("census_gap.csv", "gap")
        #expect(gap.run.status == 0 && gap.run.stderr.contains("4 West 31 days (2025-05-01 to 2025-05-31), ICU 31 days (2025-05-01 to 2025-05-31)"), "\(gap.run.stderr)")
        // A last row dated inside its month is the month to date (a review: December to the 7th,
        // 140 patient days, spread over 31 days planned 4.5 a day for 20): April to the 7th.
        let toDate = try String(contentsOf: dir.appendingPathComponent("census_ends.csv"), encoding: .utf8) + "2026-04-07,ICU,56\n2026-04-07,4 West,140\n"
        try toDate.write(to: dir.appendingPathComponent("census_to_date.csv"), atomically: false, encoding: .utf8)
        let weekToDate = try staffing("census_to_date.csv", "to-date")
        let westWeeks = weekToDate.rows.filter { $0[0] == "4 West" && $0[1] == "RN" }
        #expect(weekToDate.run.status == 0 && westWeeks.first?[2] == "2026-W15" && westWeeks.allSatisfy { (Double($0[3]) ?? 0) > 135 && (Double($0[3]) ?? 0) < 150 },
                "\(westWeeks) \(weekToDate.run.stderr)")
        let monthToDate = try staffing("census_to_date.csv", "to-date-month", ["--frequency", "month"])
        let westMonths = monthToDate.rows.filter { $0[0] == "4 West" && $0[1] == "RN" }
        #expect(westMonths.first?[2] == "2026-04" && westMonths.allSatisfy { (Double($0[3]) ?? 0) > 560 && (Double($0[3]) ?? 0) < 650 }, "\(westMonths)")
    }
}
