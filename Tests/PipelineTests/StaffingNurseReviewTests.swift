import Foundation
import Testing
@testable import Pipeline
import Planning
import Tabular

/// A nurse manager's review (s37): the ratio minimum of a unit staffed 10 hours a day,
/// pay-period totals dated by the period's first day or with empty punch columns, and the
/// untargeted hours of the export's last partial week. Figures worked by hand.
@Suite struct StaffingNurseReviewTests {
    static func days(from start: (Int, Int, Int), count: Int) -> [String] { (0..<count).map { ISO.day(start.0, start.1, start.2, plus: $0) } }

    /// Census 20 a day from Sunday 2025-12-28 to Saturday 2026-03-21 (84 days; 2025-W52 and
    /// 2026-W12 partial, planned from W12, measured over W01-W11 at 140 patient days each).
    /// Six pay periods Sunday to Saturday: 1,540 h each (5.5 HPPD) but the last, 3/8-3/21,
    /// 1,960 h (7.0 HPPD). Read over the two ISO weeks each mostly falls in (12/29-1/11, ...,
    /// 3/9-3/22): W01-W10 770 h, W11 980 h: (10 x 770 + 980) / (11 x 140) = 5.636 HPPD, under
    /// 95% of 6 (5.7): below_target_hppd. Rows dated by the period's first day (Sundays)
    /// were read as the two weeks before it (12/15-12/28, ..., 2/23-3/8): W09-W10 at 7.0, W11
    /// "not covered", (8 x 770 + 2 x 980) / (10 x 140) = 5.8, no flag.
    static func payPeriods(datedBy day: PayPeriodDating.Day, header: String? = nil, emptySpans: Table.Column? = nil) -> (timekeeping: Table, census: Table) {
        let census = days(from: (2025, 12, 28), count: 84)
        let periodDays = (0..<6).map { ISO.day(2025, 12, 28, plus: 14 * $0 + (day == .first ? 0 : 13)) }
        var columns: [(String, Table.Column)] = [("date", .text(periodDays)), ("unit", .text(periodDays.map { _ in "4 West" })),
                                                  ("hours", .number((0..<6).map { $0 == 5 ? 1_960 : 1_540 })),
                                                  ("pay_type", .text(periodDays.map { _ in "REG" }))]
        if let emptySpans { columns += [("start", emptySpans), ("end", emptySpans)] }
        var timekeeping = Table(columns)
        timekeeping.sourceHeaders = [Table.SourceHeader(role: "date", header: header ?? "Pay Period")]
        return (timekeeping, Table([("date", .text(census)), ("unit", .text(census.map { _ in "4 West" })), ("patient_days", .number(census.map { _ in 20 }))]))
    }

    func targets(hppd: Double = 6, maxPatients: Double? = nil) -> Table {
        var columns: [(String, Table.Column)] = [("unit", .text(["4 West"])), ("job_code", .text(["RN"])), ("target_hppd", .number([hppd])),
                                                  ("budgeted_fte", .number([30]))]
        if let maxPatients { columns.append(("max_patients_per_staff", .number([maxPatients]))) }
        return Table(columns)
    }

    @Test func payPeriodsDatedByTheirFirstDayAreReadForward() throws {
        var job = StaffingJob()
        job.horizon = 2
        for (day, header) in [(PayPeriodDating.Day.first, "Pay Period"), (.last, "Pay Period"), (.first, "Pay Period Begin")] {
            let input = Self.payPeriods(datedBy: day, header: header)
            let result = try job.run(timekeeping: input.timekeeping, census: input.census, targets: targets())
            let unit = try #require(result.units.first)
            let hppd = try #require(unit.recentHPPD)
            #expect(abs(hppd - 8_680.0 / 1_540) < 1e-9, "\(day) \(header): \(hppd)")
            #expect(unit.flags.contains("below_target_hppd"), "\(day) \(header)")
            #expect(result.timekeepingGaps == nil, "\(result.timekeepingGaps ?? "")")
            if day == .first {
                #expect(result.timekeepingTotals?.contains("dated by the period's first day") == true, "\(result.timekeepingTotals ?? "nil")")
            }
        }
    }

    /// Monday-to-Sunday pay periods dated by their Monday under a plain `Pay Period` header
    /// (round 2, case 04): census from Monday 2025-12-29, 20 a day for 5 periods then 26 for 2
    /// (to Sunday 2026-04-05), every period staffed at 5.6 HPPD (1,568 h, then 2,038.4 h). Read
    /// forwards (the periods cover all 98 census days; backwards 91, the first period on the
    /// week before the census) every week is at 5.6, under 95% of 6: below_target_hppd, with a
    /// note naming the Mondays. Read as the last day (only Sundays were read by the census) the
    /// hours landed a week early: 5.73, no flag.
    @Test func mondayDatedPayPeriodsAreReadByTheCensusOverlap() throws {
        let census = Self.days(from: (2025, 12, 29), count: 98)
        let periodDays = (0..<7).map { ISO.day(2025, 12, 29, plus: 14 * $0) }
        var timekeeping = Table([("date", .text(periodDays)), ("unit", .text(periodDays.map { _ in "4 West" })),
                                 ("hours", .number((0..<7).map { $0 < 5 ? 1_568 : 2_038.4 })),
                                 ("pay_type", .text(periodDays.map { _ in "REG" }))])
        timekeeping.sourceHeaders = [Table.SourceHeader(role: "date", header: "Pay Period")]
        let censusTable = Table([("date", .text(census)), ("unit", .text(census.map { _ in "4 West" })),
                                 ("patient_days", .number((0..<98).map { $0 < 70 ? 20 : 26 }))])
        var job = StaffingJob()
        job.horizon = 2
        let result = try job.run(timekeeping: timekeeping, census: censusTable, targets: targets())
        let unit = try #require(result.units.first)
        let hppd = try #require(unit.recentHPPD)
        #expect(abs(hppd - 5.6) < 1e-9, "\(hppd)")
        #expect(unit.flags.contains("below_target_hppd"))
        #expect(result.timekeepingGaps == nil, "\(result.timekeepingGaps ?? "")")
        #expect(result.timekeepingTotals?.contains("dated by the period's first day (dated on Mondays") == true, "\(result.timekeepingTotals ?? "nil")")
    }

    /// The same first-day rows under a header saying they end the period (`Pay Period End`)
    /// are read backwards, as the header says: 5.8, no flag.
    @Test func aHeaderSayingEndKeepsTheBackwardReading() throws {
        let input = Self.payPeriods(datedBy: .first, header: "Pay Period End")
        let result = try StaffingJob().run(timekeeping: input.timekeeping, census: input.census, targets: targets())
        let hppd = try #require(result.units.first?.recentHPPD)
        #expect(abs(hppd - 5.8) < 1e-9, "\(hppd)")
        #expect(result.timekeepingTotals?.contains("as 'Pay Period End' says") == true, "\(result.timekeepingTotals ?? "nil")")
    }

    /// Punch In / Punch Out mapped but empty on every row (NaN date-times, or blank texts):
    /// no spans, so still pay-period totals, 5.636 HPPD, said in the note. Before: read as
    /// single days, 11 weeks "not covered" and the recent HPPD blank.
    @Test func emptyStartAndEndColumnsDoNotTurnOffThePayPeriodReading() throws {
        for empty in [Table.Column.number(Array(repeating: .nan, count: 6)), .text(Array(repeating: "", count: 6))] {
            let input = Self.payPeriods(datedBy: .last, emptySpans: empty)
            let result = try StaffingJob().run(timekeeping: input.timekeeping, census: input.census, targets: targets())
            let hppd = try #require(result.units.first?.recentHPPD)
            #expect(abs(hppd - 8_680.0 / 1_540) < 1e-9, "\(hppd)")
            #expect(result.timekeepingTotals?.contains("columns are empty on every row: no shift spans, read as pay-period totals") == true,
                    "\(result.timekeepingTotals ?? "nil")")
        }
    }

    /// An endoscopy recovery unit open Monday to Friday 07:00-17:00: 20 patients on weekdays
    /// for 8 weeks from Monday 2026-01-05, 50 RN hours a weekday, 2.5 HPPD, 1:4. The plan's
    /// week is 100 patient days x 2.5 = 250 h; the ratio over the shifts' 10 hours is 5 RNs x
    /// 10 h x 5 days = 250 h: not below it. Counted 24 hours a day (no shifts) it is 600 h and
    /// the week is flagged below_ratio_minimum, as every week was before with the shifts given.
    @Test func theRatioMinimumUsesTheShiftsFilesHours() throws {
        let weekdays = Self.days(from: (2026, 1, 5), count: 56).enumerated().filter { $0.offset % 7 < 5 }.map(\.element)
        let census = Table([("date", .text(weekdays)), ("unit", .text(weekdays.map { _ in "Endo Recovery" })), ("patient_days", .number(weekdays.map { _ in 20 }))])
        let timekeeping = Table([("date", .text(weekdays)), ("unit", .text(weekdays.map { _ in "Endo Recovery" })), ("hours", .number(weekdays.map { _ in 50 })),
                                 ("pay_type", .text(weekdays.map { _ in "REG" }))])
        let targets = Table([("unit", .text(["Endo Recovery"])), ("job_code", .text(["RN"])), ("target_hppd", .number([2.5])),
                             ("budgeted_fte", .number([7])), ("max_patients_per_staff", .number([4]))])
        let shifts = Table([("date", .text(weekdays)), ("shift", .text(weekdays.map { _ in "Day" })), ("unit", .text(weekdays.map { _ in "ENDO recovery" })),
                            ("patients", .number(weekdays.map { _ in 20 })), ("start", .number(weekdays.map { _ in 420 })), ("end", .number(weekdays.map { _ in 1_020 }))])
        var job = StaffingJob()
        job.horizon = 2
        let roundTheClock = try job.run(timekeeping: timekeeping, census: census, targets: targets)
        #expect(roundTheClock.rows.allSatisfy { $0.plan.ratioMinimumHours == 600 && $0.flags.contains("below_ratio_minimum") })
        #expect(StaffingJob.report(roundTheClock).markdown(figurePrefix: "staffing_plan").contains("counted 24 hours a day"))
        job.staffedHours = ShiftStaffingJob.staffedHours(shifts: shifts)
        let result = try job.run(timekeeping: timekeeping, census: census, targets: targets)
        #expect(result.rows.count == 2)
        #expect(result.rows.allSatisfy { $0.plan.requiredHours == 250 && $0.plan.ratioMinimumHours == 250 && !$0.flags.contains("below_ratio_minimum") },
                "\(result.rows.map { ($0.plan.ratioMinimumHours, $0.flags) })")
        #expect(!(result.units.first?.flags.contains("below_ratio_minimum") ?? true))
    }

    /// An LPN without a target, 12 h every day of a census of 179 days from Monday 2025-01-06
    /// (the last week, 4 days, partial): the note names the export's 179 x 12 = 2,148 hours,
    /// not the 175 x 12 = 2,100 of the complete weeks.
    @Test func untargetedHoursAreTheExportsWholeHours() throws {
        let days = Self.days(from: (2025, 1, 6), count: 179)
        let census = Table([("date", .text(days)), ("unit", .text(days.map { _ in "4 West" })), ("patient_days", .number(days.map { _ in 20 }))])
        var date: [String] = [], jobs: [String] = []
        for day in days { for job in ["RN", "LPN"] { date.append(day); jobs.append(job) } }
        let timekeeping = Table([("date", .text(date)), ("unit", .text(date.map { _ in "4 West" })), ("hours", .number(jobs.map { $0 == "RN" ? 120 : 12 })),
                                 ("pay_type", .text(date.map { _ in "REG" })), ("job_code", .text(jobs))])
        let result = try StaffingJob().run(timekeeping: timekeeping, census: census, targets: targets())
        #expect(result.untargetedHours.count == 1)
        #expect(result.untargetedHours.first?.hours == 2_148, "\(result.untargetedHours)")
    }
}

/// The run's summary line when no shift was checked (a nurse manager's review, work/m).
@Suite struct ShiftSummaryLineTests {
    /// The shifts file spells the unit `4W Med Surg`, the census `4W Med-Surg`: the line said
    /// "0 shift checks, 0 not compliant"; it says no shift was checked, why, and the census's name.
    @Test func aRunWithNoShiftCheckedSaysWhyOnItsSummaryLine() {
        var result = ShiftStaffingJob.Result()
        result.unknownShiftUnits = [(unit: "4W Med Surg", likely: "4W Med-Surg")]
        let note = ShiftStaffingJob.note(result)
        #expect(note.hasPrefix("no shift checked (the shifts file's unit '4W Med Surg' (the census has '4W Med-Surg') is in neither the census nor the targets"), "\(note)")
        #expect(!note.contains("0 not compliant"))
    }
}
