import Foundation
import Testing
@testable import Pipeline
import Tabular

/// The staffing stage on two units: one staffed to target, one short with overtime and
/// agency rising over the last months.
@Suite struct StaffingStageTests {
    func workspace() throws -> Workspace {
        let ws = try Workspace()
        var census = "Date,Unit,Patient Days\n"
        var hours = "Work Date,Dept,Emp ID,Job,Pay Code,Hours\n"
        for day in 0..<(52 * 7 * 2) {
            let date = ISO.day(2024, 7, 1, plus: day)
            let weekday = day % 7
            let icu = 10 + (weekday < 5 ? 1 : 0)
            let west = 24 + (weekday < 5 ? 2 : 0)
            census += "\(date),ICU,\(icu)\n\(date),4 West,\(west)\n"
            // 4 West is staffed at its 8 HPPD target with regular hours only.
            hours += "\(date),4 West,E\(1000 + day % 40),RN,Regular,\(west * 8)\n"
            // ICU falls short of 16 HPPD and covers more and more with overtime and agency.
            let late = Double(day) / Double(52 * 7 * 2)
            let total = Double(icu) * 14.5
            let premium = total * (0.05 + 0.25 * late * late)
            hours += "\(date),ICU,E\(2000 + day % 30),RN,Regular,\(NumberFormatShim.two(total - premium))\n"
            hours += "\(date),ICU,E\(2000 + day % 30),RN,Overtime,\(NumberFormatShim.two(premium * 0.6))\n"
            hours += "\(date),ICU,A\(3000 + day % 5),RN,Agency,\(NumberFormatShim.two(premium * 0.4))\n"
            hours += "\(date),ICU,E\(2000 + day % 30),RN,PTO,8\n"
        }
        try ws.write("census.csv", census)
        try ws.write("hours.csv", hours)
        try ws.write("targets.csv", """
        unit,job_code,target_hppd,budgeted_fte,hourly_rate,overtime_multiplier,agency_rate,max_patients_per_staff
        ICU,RN,16,18,62,1.5,140,2
        4 West,RN,8,42,48,1.5,110,5

        """)
        try ws.write("p.yml", """
        stages:
          census:
            kind: import
            table: census
            file: census.csv
            columns: {date: Date, unit: Unit, patient_days: "Patient Days"}
          hours:
            kind: import
            table: timekeeping
            file: hours.csv
            columns: {date: "Work Date", unit: Dept, employee: "Emp ID", job_code: Job, pay_type: "Pay Code", hours: Hours}
          targets: {kind: import, table: staffing_targets, file: targets.csv}
          plan: {kind: staffing, timekeeping: hours, census: census, targets: targets, horizon: 8}
        """)
        return ws
    }

    @Test func theShortUnitIsFlaggedWithRisingPremiumHoursAndNoEmployeeIdLeaks() throws {
        let ws = try workspace()
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let csv = try ws.read("out/staffing_plan.csv")
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "unit,job_code,period,census_forecast,required_hours,target_hppd,fte_required,budgeted_fte,fte_gap,overtime_hours,agency_hours,labor_cost,flags")
        #expect(lines.count == 1 + 2 * 8)
        let icu = lines.filter { $0.hasPrefix("ICU,") }
        #expect(icu.allSatisfy { $0.contains("rising_overtime_agency") && $0.contains("below_target_hppd") })
        #expect(icu.allSatisfy { $0.contains("fte_short") })
        let west = lines.filter { $0.hasPrefix("4 West,") }
        #expect(west.allSatisfy { !$0.contains("rising_overtime_agency") && !$0.contains("fte_short") })
        // ICU: about 10.7 patients a day x 7 = 75 patient days a week, x 16 HPPD = 1,200 hours.
        let fields = icu[0].split(separator: ",")
        #expect(abs(Double(fields[3])! - 75) < 4)
        #expect(abs(Double(fields[4])! - 75 * 16) < 70)
        let md = try ws.read("out/staffing_plan.md")
        #expect(md.contains("Short of budgeted FTEs by more than half an FTE: ICU."))
        #expect(md.contains("Overtime and agency rising: ICU"))
        #expect(md.contains("Census forecast accuracy"))
        // Employee ids appear in no output.
        for file in try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out") {
            // (Paths in the manifest are left out: a folder's random name may hold `E10`.)
            let text = try ws.read("out/\(file)").replacingOccurrences(of: ws.path, with: "")
            #expect(!text.contains("E20") && !text.contains("A300") && !text.contains("E10"), "\(file) leaks an employee id")
        }
    }

    /// The plan's periods follow the pipeline's calendar when the stage names none, as aggregate
    /// and forecast do; a calendar by quarter, which no staffing plan is by, is refused by
    /// validate with the stage named, rather than quietly planned by week.
    @Test func thePlanFollowsThePipelineCalendar() throws {
        let ws = try workspace()
        let pipeline = try ws.read("p.yml")
        func periods(_ yaml: String) throws -> [Substring] {
            try ws.write("c.yml", yaml)
            _ = try PipelineRunner(quiet: true).run(ws.path + "/c.yml", output: ws.path + "/c")
            return try ws.read("c/staffing_plan.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
        }
        let byMonth = try periods("calendar: {frequency: month}\n" + pipeline)
        #expect(byMonth.count == 2 * 8 && byMonth.allSatisfy { $0.count == 7 && $0.dropFirst(4).hasPrefix("-") && !$0.contains("W") })
        #expect(try periods(pipeline).allSatisfy { $0.contains("-W") })
        let named = pipeline.replacingOccurrences(of: "horizon: 8}", with: "horizon: 8, frequency: week}")
        #expect(try periods("calendar: {frequency: month}\n" + named).allSatisfy { $0.contains("-W") })
        try ws.write("q.yml", "calendar: {frequency: quarter}\n" + pipeline)
        do {
            _ = try PipelineRunner(quiet: true).validate(ws.path + "/q.yml")
            Issue.record("a quarterly calendar validated for a staffing stage that names no frequency")
        } catch let error as PipelineValidationError {
            #expect(error.problems.contains { $0.message.contains("stage 'plan'") && $0.message.contains("frequency: week") })
        }
    }
}

enum NumberFormatShim {
    static func two(_ x: Double) -> String { String(format: "%.2f", x) }
}

/// Timekeeping rows are one person's hours only when they name the person: a unit's weekly
/// totals by job and pay code (no employee column) run to 1,348 hours and more, and the
/// month's 744 a person can work rejected them, taking the ICU's recent HPPD from 19.2 to 3.7.
@Suite struct TimekeepingHoursTests {
    func imported(_ text: String) throws -> ImportSummary {
        let ws = try Workspace()
        try ws.write("in.csv", text)
        let stage = try ImportStage(file: ws.path + "/in.csv", table: "timekeeping", options: ImportOptions(onError: .skip))
        return try stage.readLong(ws.path + "/in.csv", stage.options).1
    }

    @Test func aUnitsWeeklyTotalIsNotCappedAtAPersonsMonth() throws {
        let summary = try imported("date,unit,job_code,pay_type,hours\n2025-01-05,ICU,RN,regular,1348\n2025-01-05,ICU,RN,overtime,twelve\n")
        #expect(summary.accepted == 1 && summary.rejected == 1, "\(summary)")
    }

    @Test func onePersonsRowIsStillCappedAtAMonth() throws {
        let summary = try imported("date,unit,employee,hours\n2025-01-05,ICU,E1,1348\n2025-01-05,ICU,E2,12\n")
        #expect(summary.accepted == 1 && summary.rejected == 1, "\(summary)")
        #expect(summary.examples.joined().contains("more than one person's hours on one row can be"), "\(summary.examples)")
    }
}
