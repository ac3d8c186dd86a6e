import Planning
import Reports
import Tabular

extension ShiftStaffingJob {
    static func r2(_ x: Double) -> Double { NumberFormat.rounded(x, decimals: 2) }

    /// staffing_shifts.csv: one row per shift and job code with a ratio limit.
    public static func shiftsTable(_ result: Result) -> Table {
        let rows = result.shifts
        return Table([
            ("unit", .text(rows.map(\.unit))), ("date", .date(rows.map(\.date))), ("shift", .text(rows.map(\.shift))),
            ("job_code", .text(rows.map(\.jobCode))), ("patients", .number(rows.map(\.ratio.patients))),
            ("staff_on_duty", .number(rows.map { Double($0.ratio.staffOnDuty) })),
            ("patients_per_staff", .number(rows.map { $0.ratio.patientsPerStaff.map(r2) ?? .nan })),
            ("max_patients_per_staff", .number(rows.map(\.ratio.maxPatientsPerStaff))),
            ("compliant", .text(rows.map { $0.ratio.isCompliant ? "yes" : "no" })),
        ])
    }

    /// staffing_grid.csv: staff required at every census level seen.
    public static func gridTable(_ result: Result) -> Table {
        let rows = result.grid
        return Table([
            ("unit", .text(rows.map(\.unit))), ("job_code", .text(rows.map(\.jobCode))), ("shift", .text(rows.map(\.shift))),
            ("patients", .number(rows.map(\.patients))), ("staff_required", .number(rows.map { Double($0.staffRequired) })),
        ])
    }

    /// staffing_productivity.csv: one row per unit and complete pay period.
    public static func productivityTable(_ result: Result) -> Table {
        let rows = result.productivity
        func share(_ x: Double?) -> Double { x.map { r2(100 * $0) } ?? .nan }
        return Table([
            ("unit", .text(rows.map(\.unit))), ("pay_period_start", .date(rows.map(\.firstDay))), ("pay_period_end", .date(rows.map(\.lastDay))),
            ("worked_hours", .number(rows.map { r2($0.productivity.workedHours) })), ("target_hours", .number(rows.map { r2($0.productivity.targetHours) })),
            ("productivity_index", .number(rows.map { $0.productivity.index.map(r2) ?? .nan })),
            ("overtime_pct", .number(rows.map { share($0.productivity.overtimeShare) })),
            ("agency_pct", .number(rows.map { share($0.productivity.agencyShare) })),
            ("non_productive_pct", .number(rows.map { share($0.productivity.nonProductiveShare) })),
        ])
    }

    /// staffing_shift_outlook.csv: each future period's patients per shift on its day most
    /// short of staff (or busiest), the staff the grid requires and the staff today's schedule
    /// gives that weekday, and how many days of the period are short.
    public static func outlookTable(_ result: Result) -> Table {
        let rows = result.outlook
        return Table([
            ("unit", .text(rows.map(\.unit))), ("job_code", .text(rows.map(\.jobCode))), ("shift", .text(rows.map(\.shift))),
            ("period", .text(rows.map(\.period))), ("day", .date(rows.map(\.day))), ("patients_forecast", .number(rows.map { r2($0.patients) })),
            ("staff_required", .number(rows.map { Double($0.staffRequired) })), ("staff_scheduled", .number(rows.map { Double($0.staffScheduled) })),
            ("short_by", .number(rows.map { Double($0.shortBy) })), ("days_short", .number(rows.map { Double($0.daysShort) })),
        ])
    }

    /// Lines for the plan's executive summary.
    public static func summary(_ result: Result) -> [String] {
        let bad = result.nonCompliant
        // Shifts with patients on a unit and job code nobody punched for lead the headline: it
        // said "every one of 2 shift checks is within its limit" while two units with 24
        // patients went unchecked.
        let withoutPunches = result.shiftsWithoutPunchesCount
        let skipped = withoutPunches == 0 ? ""
            : " \(NumberFormat.count(withoutPunches, "shift")) with patients NOT checked: no punches at all in the timekeeping for "
            + result.shiftsWithoutPunches.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.listed(upTo: 10)
            + "; their staff on duty is unknown (give their timekeeping, or check those shifts by hand)."
        var lines = [result.shifts.isEmpty ? "No shift was checked against a patient-to-staff limit (why follows)." + skipped
            : bad.isEmpty
            ? (withoutPunches == 0 ? "Every one of \(result.shifts.count) shift checks is within its patient-to-staff limit (fewest staff on duty in the shift)."
                : "The \(result.shifts.count) shift checks made are within their patient-to-staff limit, but not every shift was checked:" + skipped)
            : "\(bad.count) of \(result.shifts.count) shift checks exceed the patient-to-staff limit at their thinnest moment: " + unitCounts(bad).joined(separator: ", ") + "."
                + timelessOfBreaches(result) + unknownCodesOfBreaches(result) + skipped]
        let short = result.outlook.filter { $0.shortBy > 0 }
        if !short.isEmpty {
            let days = short.reduce(0) { $0 + $1.daysShort }
            lines.append("Ahead, today's schedule leaves \(short.count) period-shift\(short.count == 1 ? "" : "s") short of the ratio on \(NumberFormat.count(days, "shift-day")): "
                         + unitCounts(short.map { ($0.unit, $0.shift) }).joined(separator: ", ") + ".")
        }
        if !result.unknownShiftUnits.isEmpty {
            lines.append("Shift units that neither the census nor the targets name, not checked: "
                         + result.unknownShiftUnits.map { "'\($0.unit)'" + ($0.likely.map { " (the census has '\($0)')" } ?? "") }.listed(upTo: 10)
                         + "; spell them in the shifts file as the census does.")
        }
        if result.shiftsWithoutPatients > 0 {
            let units = result.shiftsWithoutPatientsByUnit.isEmpty ? "" : " (\(ImportStage.rowsByUnit(result.shiftsWithoutPatientsByUnit)))"
            lines.append("\(NumberFormat.count(result.shiftsWithoutPatients, "shift row")) with no patient count (empty) not checked\(units): the census of those shifts was not recorded.")
        }
        if !result.uncheckedUnits.isEmpty {
            lines.append("Not checked (no max_patients_per_staff in the targets): \(result.uncheckedUnits.listed(upTo: 10)).")
        }
        if result.shiftsOutsideSpans > 0 {
            let dates = result.exportDays.map { " (\($0.lowerBound) to \($0.upperBound))" } ?? ""
            lines.append("\(NumberFormat.count(result.shiftsOutsideSpans, "shift row")) on days outside the timekeeping export's dates\(dates) not checked: no punches there to count.")
        }
        if !result.hoursWithoutTimes.isEmpty {
            let total = result.hoursWithoutTimes.reduce(0) { $0 + $1.hours }
            lines.append("\(NumberFormat.fixed(total, decimals: 1)) productive hours have no punch times (no start and end, or one without the other: a missed punch) and are not counted on duty in the shift checks: "
                         + result.hoursWithoutTimes.map(\.label).listed(upTo: 10) + "; give their start and end to count them.")
        }
        if !result.unrecognisedPayCodes.isEmpty {
            lines.append("Pay codes not recognised in the spans, not counted on duty in the shift checks (nor as worked hours in the plan): "
                         + result.unrecognisedPayCodes.sorted { $0.key < $1.key }.map { "\($0.key.isEmpty ? "(blank)" : $0.key) (\(NumberFormat.fixed($0.value, decimals: 1)) h)" }.listed(upTo: 10)
                         + "; map them with --pay-codes or pay_codes:")
        }
        if !result.shiftsOnDaysWithoutSpans.isEmpty {
            let n = result.shiftsOnDaysWithoutSpans.values.reduce(0, +)
            lines.append("\(NumberFormat.count(n, "shift row")) on days no timekeeping span of \(n == 1 ? "its unit" : "their unit") starts, while the spans run on around them, not checked (a gap in the export is no sign that nobody was on duty): "
                         + result.shiftsOnDaysWithoutSpans.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.listed(upTo: 10) + ".")
        }
        if !result.productivityTimekeepingGaps.isEmpty {
            lines.append("Pay periods left out of productivity, the unit's timekeeping missing days of them (read as no hours worked they made a unit look short of staff): \(result.productivityTimekeepingGaps.listed(upTo: 10)).")
        }
        if !result.productivityCensusGaps.isEmpty {
            lines.append("Pay periods left out of productivity, the census missing days of them (read as no patients they made a unit look overstaffed): \(result.productivityCensusGaps.listed(upTo: 10)).")
        }
        if result.overlappingSpans > 0 {
            let n = result.overlappingSpans
            lines.append("\(NumberFormat.count(n, "timekeeping span")) \(n == 1 ? "overlaps" : "overlap") an earlier span of the same employee (\(result.overlapExamples.listed(of: n))): each person is counted once on duty; check \(n == 1 ? "it" : "them") for a double punch or a shift keyed twice.")
        }
        return lines
    }

    /// The hours without punch times on the days of non-compliant shifts of their unit and job
    /// code, for the headline: a breach reported while an agency nurse's 12 hours sat unplaced
    /// on the same day may have been covered.
    static func timelessOfBreaches(_ result: Result) -> String {
        let bad = Set(result.nonCompliant.map { "\($0.unit)\u{1F}\($0.jobCode)\u{1F}\($0.date)" })
        let touching = result.hoursWithoutTimes.filter { bad.contains("\($0.unit)\u{1F}\($0.jobCode)\u{1F}\($0.day)") }
        guard !touching.isEmpty else { return "" }
        return " On the days of some of them, hours with no punch times were not counted on duty: " + touching.map(\.label).listed(upTo: 5)
            + "; the staff may have been there, check the timecards."
    }

    /// Non-compliant shifts with punches under pay codes the map does not know, for the headline.
    static func unknownCodesOfBreaches(_ result: Result) -> String {
        let n = result.breachesWithUnrecognisedPayCodes
        guard n > 0 else { return "" }
        let codes = result.unrecognisedPayCodesInBreaches
        return " \(n == 1 ? "1 of them has" : "\(n) of them have") punches under pay codes the map does not know, not counted on duty: \(codes.listed(upTo: 5));"
            + " if they are worked time, map them (--pay-codes \(codes.first ?? "CODE")=regular) and run again."
    }

    static func unitCounts(_ rows: [ShiftRow]) -> [String] {
        var count: [String: Int] = [:]
        for r in rows { count[r.unit, default: 0] += 1 }
        return count.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
    }

    static func unitCounts(_ pairs: [(String, String)]) -> [String] {
        var count: [String: Int] = [:]
        for (unit, shift) in pairs { count["\(unit) \(shift)", default: 0] += 1 }
        return count.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
    }

    /// The shift sections of staffing_plan.md: non-compliant shifts and their count per unit,
    /// the shifts ahead, and productivity per pay period with its chart.
    public static func addSections(_ result: Result, to doc: inout Report, numbers: NumberStyle = NumberStyle(), listed: Int = 50) {
        doc.heading("Shifts against ratio limits")
        doc.paragraph("Each shift is checked at its thinnest moment: staff on duty is the fewest on duty at any time in the shift, from the timekeeping spans, never an average over the day. Every check is in staffing_shifts.csv; the staff each census level requires is in staffing_grid.csv.")
        let bad = result.nonCompliant
        var perUnit: [String: (shifts: Int, bad: Int)] = [:]
        for r in result.shifts {
            perUnit[r.unit, default: (0, 0)].shifts += 1
            if !r.ratio.isCompliant { perUnit[r.unit]!.bad += 1 }
        }
        doc.table(["Unit", "Shift checks", "Not compliant"], perUnit.sorted { $0.key < $1.key }.map { [$0.key, String($0.value.shifts), String($0.value.bad)] },
                  alignments: [.left, .right, .right])
        if !bad.isEmpty {
            doc.heading("Non-compliant shifts", level: 3)
            doc.table(["Date", "Unit", "Shift", "Job", "Patients", "Staff", "Patients per staff", "Limit"],
                      bad.prefix(listed).map { r in
                          [r.date.description, r.unit, r.shift, r.jobCode, numbers.quantity(r.ratio.patients, decimals: 0), String(r.ratio.staffOnDuty),
                           r.ratio.patientsPerStaff.map { NumberFormat.fixed($0, decimals: 2) } ?? "no staff", NumberFormat.fixed(r.ratio.maxPatientsPerStaff, decimals: 2)]
                      }, alignments: [.left, .left, .left, .left, .right, .right, .right, .right])
            if bad.count > listed { doc.paragraph("\(bad.count - listed) more in staffing_shifts.csv (compliant = no).") }
        }
        if !result.uncheckedUnits.isEmpty {
            doc.paragraph("Not checked (no target with max_patients_per_staff): \(result.uncheckedUnits.joined(separator: ", ")).")
        }
        if !result.shiftsWithoutPunches.isEmpty {
            doc.paragraph("Not checked, with patients, for want of any punch of the unit and job code in the timekeeping (shifts): "
                          + result.shiftsWithoutPunches.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                          + ". The staffing grid lists them.")
        }
        if result.shiftsOutsideSpans > 0 {
            doc.paragraph("\(NumberFormat.count(result.shiftsOutsideSpans, "shift row")) fall on days outside the timekeeping export's dates and are not checked.")
        }
        let short = result.outlook.filter { $0.shortBy > 0 }
        if !result.outlook.isEmpty {
            doc.heading("Shifts ahead")
            // From the day after the last shift checked: a period begun in the data keeps its days ahead.
            let from = result.shifts.map(\.date).max().map { " from \($0.adding(days: 1))" } ?? ""
            doc.paragraph("The census forecast per shift, day by day\(from), after the shifts checked above (each weekday's recent patients on the shift, scaled by the period's census per day over the recent weeks'), against today's schedule: the median staff on duty on the unit, job code, shift and weekday over the latest shifts. A period's row is its day most short of staff, or its busiest. All periods are in staffing_shift_outlook.csv.")
            if short.isEmpty {
                doc.paragraph("Today's schedule covers every shift of the plan, on each weekday.")
            } else {
                doc.table(["Period", "Day", "Unit", "Shift", "Job", "Patients", "Staff needed", "Scheduled", "Short", "Days short"],
                          short.prefix(listed).map { r in
                              [r.period, r.day.description, r.unit, r.shift, r.jobCode, NumberFormat.fixed(r.patients, decimals: 1), String(r.staffRequired),
                               String(r.staffScheduled), String(r.shortBy), String(r.daysShort)]
                          }, alignments: [.left, .left, .left, .left, .left, .right, .right, .right, .right, .right])
            }
        }
        doc.heading("Productivity by pay period")
        doc.paragraph("Two-week pay periods: worked hours (regular, overtime, agency) against target hours (census x target HPPD); productivity index = 100 x target / worked. Overtime and agency are shares of worked hours, non-productive of paid hours. Also in staffing_productivity.csv.")
        guard !result.productivity.isEmpty else {
            doc.paragraph("The timekeeping covers no complete pay period.")
            return
        }
        func pct(_ x: Double?) -> String { x.map { numbers.percent(100 * $0) } ?? "" }
        doc.table(["Unit", "Pay period", "Worked h", "Target h", "Index", "Overtime", "Agency", "Non-productive"],
                  result.productivity.map { r in
                      let p = r.productivity
                      return [r.unit, "\(r.firstDay) – \(r.lastDay)", numbers.quantity(p.workedHours, decimals: 0), numbers.quantity(p.targetHours, decimals: 0),
                              p.index.map { NumberFormat.fixed($0, decimals: 1) } ?? "", pct(p.overtimeShare), pct(p.agencyShare), pct(p.nonProductiveShare)]
                  }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        var worked: [CalendarDay: Double] = [:], target: [CalendarDay: Double] = [:]
        for r in result.productivity {
            worked[r.firstDay, default: 0] += r.productivity.workedHours
            target[r.firstDay, default: 0] += r.productivity.targetHours
        }
        let periods = worked.keys.sorted()
        let chart = GroupedBarChart(
            title: "Worked vs target hours by pay period",
            caption: "All units; target hours = census x target HPPD. Worked above target is a productivity index below 100.",
            categories: periods.map(\.description),
            series: [GroupedBarChart.Series(name: "Worked", values: periods.map { worked[$0] ?? 0 }),
                     GroupedBarChart.Series(name: "Target", values: periods.map { target[$0] ?? 0 })],
            format: .quantity)
        var native = chart.workbookChart(categoryHeader: "Pay period")
        native.sheet = "Productivity"
        doc.figure(Report.Figure(name: "productivity", description: "Worked vs target hours by pay period", svg: chart.svg(), chart: native))
    }

    /// The run's note.
    /// The run's summary line. With no shift checked it says so and why: "0 shift checks, 0
    /// not compliant" read as a clean bill to a script, when the shifts file spelled the unit
    /// `4W Med Surg` beside the census's `4W Med-Surg` and nothing was checked at all.
    public static func note(_ result: Result) -> String {
        (result.shifts.isEmpty ? "no shift checked" + whyNoShiftWasChecked(result)
            : "\(result.shifts.count) shift checks, \(result.nonCompliant.count) not compliant")
            + (result.shiftsWithoutPunchesCount > 0 ? ", \(result.shiftsWithoutPunchesCount) shifts with patients not checked (no punches for \(result.shiftsWithoutPunches.keys.sorted().listed(upTo: 5)))" : "")
            + "; \(result.productivity.count) unit pay periods; \(result.outlook.filter { $0.shortBy > 0 }.count) future period-shifts short"
    }

    /// Why no shift was checked, for the summary line: the shift units the census and the
    /// targets do not name (with the census unit each likely is), the units without a ratio limit.
    static func whyNoShiftWasChecked(_ result: Result) -> String {
        var reasons: [String] = []
        if !result.unknownShiftUnits.isEmpty {
            reasons.append("the shifts file's unit\(result.unknownShiftUnits.count == 1 ? "" : "s") "
                + result.unknownShiftUnits.map { "'\($0.unit)'" + ($0.likely.map { " (the census has '\($0)')" } ?? "") }.listed(upTo: 5)
                + " \(result.unknownShiftUnits.count == 1 ? "is" : "are") in neither the census nor the targets: spell \(result.unknownShiftUnits.count == 1 ? "it" : "them") as the census does")
        }
        if !result.uncheckedUnits.isEmpty {
            reasons.append("no target of \(result.uncheckedUnits.listed(upTo: 5)) gives max_patients_per_staff")
        }
        return reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
    }
}
