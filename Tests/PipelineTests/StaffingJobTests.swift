import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Tabular

/// Issue 23's staffing defects, on tables built in memory: 26 weeks of daily census and
/// timekeeping for 4 West (and ICU), with targets that name units the census lacks or spells
/// otherwise, pay codes beyond the short list, and percentiles below 50.
@Suite struct StaffingJobTests {
    static let days = (0..<(26 * 7)).map { ISO.day(2025, 1, 6, plus: $0) }

    func census(_ units: [String] = ["4 West", "ICU"]) -> Table {
        var date: [String] = [], unit: [String] = [], patientDays: [Double] = []
        for (d, day) in StaffingJobTests.days.enumerated() {
            for u in units { date.append(day); unit.append(u); patientDays.append(10 + Double((d * 7) % 5)) }
        }
        return Table([("date", .text(date)), ("unit", .text(unit)), ("patient_days", .number(patientDays))])
    }

    /// Every day on 4 West: `hours` per pay code.
    func timekeeping(_ hours: [(String, Double)] = [("REG", 100)], unit: String = "4 West") -> Table {
        var date: [String] = [], units: [String] = [], h: [Double] = [], pay: [String] = []
        for day in StaffingJobTests.days {
            for (code, value) in hours { date.append(day); units.append(unit); h.append(value); pay.append(code) }
        }
        return Table([("date", .text(date)), ("unit", .text(units)), ("hours", .number(h)), ("pay_type", .text(pay))])
    }

    func targets(_ rows: [(String, String)], file: String? = "targets.csv") -> Table {
        var table = Table([("unit", .text(rows.map(\.0))), ("job_code", .text(rows.map(\.1))), ("target_hppd", .number(rows.map { _ in 8 })),
                           ("budgeted_fte", .number(rows.map { _ in 5 }))])
        table.sourceFile = file
        return table
    }

    func job(horizon: Int = 4) -> StaffingJob {
        var job = StaffingJob()
        job.horizon = horizon
        return job
    }

    /// A nurse manager's review: timekeeping of last year beside this year's census left hours
    /// per patient day blank without a word; now the note says the two share no day.
    @Test func timekeepingAndCensusSharingNoDayIsSaid() throws {
        var earlier = timekeeping()
        let shifted = try #require(earlier.texts("date")).map { ISO.day(2024, 1, 1, plus: StaffingJobTests.days.firstIndex(of: $0) ?? 0) }
        earlier.replace("date", with: .text(shifted))
        let result = try job().run(timekeeping: earlier, census: census(), targets: targets([("4 West", "RN"), ("ICU", "RN")]))
        #expect(StaffingJob.note(result).contains("share no day: worked hours per patient day"), "\(StaffingJob.note(result))")
        let same = try job().run(timekeeping: timekeeping(), census: census(), targets: targets([("4 West", "RN"), ("ICU", "RN")]))
        #expect(!StaffingJob.note(same).contains("share no day"))
    }

    /// A review's payroll export ending two weeks before the census, or missing a week: those
    /// weeks read as no hours worked, a unit at 100 hours a day came out below its rate, and a
    /// fully staffed unit was flagged. Hours per patient day are measured over the weeks both
    /// cover, the same as with the whole export, and the weeks left out are named.
    @Test func weeksWithoutTimekeepingAreNotZeroHours() throws {
        let targets = targets([("4 West", "RN")])
        let whole = try job().run(timekeeping: timekeeping(), census: census(["4 West"]), targets: targets)
        let wholeHPPD = try #require(whole.units.first?.recentHPPD)
        let all = timekeeping()
        let dates = try #require(all.texts("date"))
        let lastTwoWeeks = Set(StaffingJobTests.days.suffix(14)), aWeek = Set(StaffingJobTests.days.dropLast(14).suffix(7))
        for dropped in [lastTwoWeeks, aWeek] {
            let short = all.filtered(dates.map { !dropped.contains($0) })
            let result = try job().run(timekeeping: short, census: census(["4 West"]), targets: targets)
            let hppd = try #require(result.units.first?.recentHPPD)
            #expect(abs(hppd - wholeHPPD) < 0.05 * wholeHPPD, "\(hppd) vs \(wholeHPPD)")
            #expect(result.timekeepingGaps?.contains("does not cover") == true && StaffingJob.note(result).contains("not read as no hours worked"), "\(StaffingJob.note(result))")
        }
        #expect(whole.timekeepingGaps == nil)
    }

    /// A week the census export lacks is a gap in the census outlook (its chart and workbook
    /// sheet), not the value the models filled in to fit around it, which read as census counted.
    @Test func aMissingCensusWeekIsAGapInTheOutlook() throws {
        var table = census(["4 West"])
        table = table.filtered((0..<table.rowCount).map { !(70..<77).contains($0) })
        let result = try job().run(timekeeping: timekeeping(), census: table, targets: targets([("4 West", "RN")]))
        let outlook = try #require(result.censusOutlooks.first)
        // 26 weeks from Monday 2025-01-06; the 11th (from 2025-03-17) is missing.
        let missing = try #require(outlook.periods.firstIndex(of: "2025-W12"))
        #expect(outlook.history[missing].isNaN)
        #expect(outlook.history.filter(\.isNaN).count == 1)
        #expect(outlook.history.allSatisfy { $0.isNaN || $0 > 60 })
    }

    /// The missing week is named in the caveats, and so is a last week the census covers for
    /// three days only (left out of the plan's history without a word before).
    @Test func partialAndMissingCensusDaysAreNamed() throws {
        var table = census(["4 West"])
        let rows = table.rowCount
        table = table.filtered((0..<rows).map { !(70..<77).contains($0) && $0 < rows - 4 })
        let result = try job().run(timekeeping: timekeeping(), census: table, targets: targets([("4 West", "RN")]))
        #expect(result.partialPeriods == ["2025-W27 covers 3 of 7 days: left out"], "\(result.partialPeriods)")
        let caveats = StaffingJob.caveats(result)
        #expect(caveats.contains("Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: 4 West 7 days (2025-03-17 to 2025-03-23)"), "\(caveats)")
        #expect(StaffingJob.note(result).contains("Census 2025-W27 covers 3 of 7 days: left out"))
    }

    // MARK: 10. Targets for units without census

    @Test func targetsForUnitsWithoutCensusAreReportedNotSilentlyDropped() throws {
        let result = try job().run(timekeeping: timekeeping(), census: census(), targets: targets([("4 West", "RN"), ("ICU", "RN"), ("5 East", "RN")]))
        #expect(result.unmatchedUnits == ["5 East"])
        #expect(result.units.map(\.unit) == ["4 West", "ICU"])
        #expect(Set(result.rows.map(\.unit)) == ["4 West", "ICU"])
        let note = StaffingJob.note(result)
        #expect(note.hasPrefix("2 units planned"), "\(note)")
        #expect(note.contains("5 East"), "\(note)")
        let md = StaffingJob.report(result).markdown(figurePrefix: "staffing_plan")
        #expect(md.contains("Not planned, no census for the unit: 5 East."), "\(md.prefix(800))")
        // A stage's `file:` names the CSV the report points to.
        #expect(md.contains("(staffing_plan.csv and the tables by unit)"))
        let named = StaffingJob.report(result, file: "icu_staffing").markdown(figurePrefix: "icu_staffing")
        #expect(named.contains("(icu_staffing.csv and the tables by unit)") && !named.contains("staffing_plan.csv"))
    }

    @Test func unitsMatchTheCensusIgnoringCaseAndSpacesAndSaySo() throws {
        let result = try job().run(timekeeping: timekeeping(unit: "4 west"), census: census(),
                                   targets: targets([("4 WEST", "RN"), (" ICU", "RN")]))
        #expect(result.unmatchedUnits.isEmpty)
        #expect(Set(result.rows.map(\.unit)) == ["4 West", "ICU"])
        #expect(result.looseMatches == ["4 WEST": "4 West", " ICU": "ICU", "4 west": "4 West"])
        // Timekeeping spelled "4 west" still counts for 4 West: 100 h a day over about 12 patient days.
        let west = try #require(result.units.first { $0.unit == "4 West" })
        #expect(west.recentHPPD != nil)
        #expect(StaffingJob.note(result).contains("'4 WEST' as '4 West'"))
        #expect(StaffingJob.report(result).markdown(figurePrefix: "s").contains("'4 WEST' as '4 West'"))
    }

    /// RNs at 7 hours per patient day against a target of 8 (census 12 a day on average, 84 RN
    /// hours a day), beside 16 hours a day of a `Tech` job code the targets do not name. Counted
    /// in, the Tech hours lifted the unit to 8.3 and hid the RN shortfall; they are left out of
    /// hours per patient day and named.
    @Test func hoursOfAJobCodeWithoutATargetDoNotHideAShortfall() throws {
        var date: [String] = [], units: [String] = [], hours: [Double] = [], pay: [String] = [], jobs: [String] = []
        for day in StaffingJobTests.days {
            for (job, value) in [("RN", 84.0), ("Tech", 16.0)] { date.append(day); units.append("4 West"); hours.append(value); pay.append("REG"); jobs.append(job) }
        }
        let timekeeping = Table([("date", .text(date)), ("unit", .text(units)), ("hours", .number(hours)), ("pay_type", .text(pay)), ("job_code", .text(jobs))])
        let result = try job().run(timekeeping: timekeeping, census: census(["4 West"]), targets: targets([("4 West", "rn")]))
        let west = try #require(result.units.first)
        let hppd = try #require(west.recentHPPD)
        #expect(abs(hppd - 7) < 0.1, "\(hppd)")
        #expect(west.flags.contains("below_target_hppd"))
        #expect(result.untargetedHours.count == 1 && result.untargetedHours[0].unit == "4 West" && result.untargetedHours[0].jobCode == "Tech")
        #expect(StaffingJob.note(result).contains("Hours of job codes the targets do not name, left out of hours per patient day: 4 West Tech ("), "\(StaffingJob.note(result))")
    }

    /// Timekeeping that spells the unit `4 West Med-Surg` beside the census's and targets'
    /// `4 West`: its hours were listed as "job codes the targets do not name ... add targets for
    /// them". They are a unit the census lacks, named with the census unit it likely is.
    @Test func hoursOfAUnitTheCensusSpellsOtherwiseAreNamedAsAUnit() throws {
        var date: [String] = [], units: [String] = [], hours: [Double] = [], pay: [String] = [], jobs: [String] = []
        for day in StaffingJobTests.days { date.append(day); units.append("4 West Med-Surg"); hours.append(84); pay.append("REG"); jobs.append("RN") }
        let timekeeping = Table([("date", .text(date)), ("unit", .text(units)), ("hours", .number(hours)), ("pay_type", .text(pay)), ("job_code", .text(jobs))])
        let result = try job().run(timekeeping: timekeeping, census: census(["4 West", "ICU"]), targets: targets([("4 West", "RN")]))
        #expect(result.untargetedHours.isEmpty)
        #expect(result.timekeepingUnitsWithoutCensus.map(\.unit) == ["4 West Med-Surg"] && result.timekeepingUnitsWithoutCensus.first?.likely == "4 West")
        let note = StaffingJob.note(result)
        #expect(note.contains("Timekeeping units the census does not name, their hours left out: '4 West Med-Surg' (15,288 h; the census has '4 West')"), "\(note)")
        #expect(!note.contains("do not name, left out of hours per patient day"), "\(note)")
    }

    /// ICU's census stops 10 weeks before 4 West's (a unit closed): it was planned at its last
    /// level with no word. It is left out of the plan and named with its last week.
    @Test func aUnitWhoseCensusStoppedIsNotPlannedAndIsNamed() throws {
        var census = census(["4 West"])
        let icuDays = StaffingJobTests.days.prefix(16 * 7)
        census = Table([("date", .text(census.texts("date")! + icuDays)), ("unit", .text(census.texts("unit")! + icuDays.map { _ in "ICU" })),
                        ("patient_days", .number(census.numbers("patient_days")! + icuDays.map { _ in 15 }))])
        let result = try job().run(timekeeping: timekeeping(), census: census, targets: targets([("4 West", "RN"), ("ICU", "RN")]))
        #expect(result.units.map(\.unit) == ["4 West"])
        #expect(result.rows.allSatisfy { $0.unit == "4 West" })
        #expect(result.stoppedUnits.map(\.unit) == ["ICU"] && result.stoppedUnits.first?.last == "2025-W17", "\(result.stoppedUnits)")
        let note = StaffingJob.note(result)
        #expect(note.contains("Not planned, census stopped: ICU (last 2025-W17)") && !note.contains("no census for the unit"), "\(note)")
        // Every targeted unit stopped: an error that says so, not "no census".
        #expect(throws: PipelineError.self) { try job().run(timekeeping: timekeeping(), census: census, targets: targets([("ICU", "RN")])) }
    }

    /// ICU's census begins four days before the census ends (a unit just opened): it has rows,
    /// but no complete week, and was reported as having "no census".
    @Test func aUnitOpenedDaysAgoIsNamedAsTooRecentNotAsWithoutCensus() throws {
        let west = census(["4 West"])
        let icuDays = Array(StaffingJobTests.days.suffix(4))
        let both = Table([("date", .text(west.texts("date")! + icuDays)), ("unit", .text(west.texts("unit")! + icuDays.map { _ in "ICU" })),
                          ("patient_days", .number(west.numbers("patient_days")! + icuDays.map { _ in 12 }))])
        let result = try job().run(timekeeping: timekeeping(), census: both, targets: targets([("4 West", "RN"), ("ICU", "RN"), ("5 East", "RN")]))
        #expect(result.unitsWithoutCompletePeriod.map(\.unit) == ["ICU"] && result.unitsWithoutCompletePeriod.first?.first.description == icuDays[0])
        #expect(result.unmatchedUnits == ["5 East"])
        let note = StaffingJob.note(result)
        #expect(note.contains("Not planned, census too recent to hold a complete period: ICU (census from \(icuDays[0]))") && note.contains("no census for the unit: 5 East"), "\(note)")
    }

    @Test func aLikelyNameIsOneThatSharesACodeOrBeginsTheOther() {
        let names = NameSpellings(["6020 Med-Surg 3W", "6030 Med-Surg 4E", "4 West", "ICU", "4 West Annex"])
        #expect(names.likely(for: "6020 Med Surg 3 West") == "6020 Med-Surg 3W")
        #expect(names.likely(for: "6099 Oncology") == nil)
        #expect(names.likely(for: "4 West Med-Surg") == "4 West")
        #expect(names.likely(for: "4 W") == nil)           // begins both 4 West and 4 West Annex
        #expect(names.likely(for: "Pediatrics") == nil)
    }

    /// A census export with its last week pasted under it again: the repeats are summed (a
    /// unit's sub-units may be exported apart) but counted and named, so a doubled census does
    /// not pass unsaid.
    @Test func repeatedCensusRowsAreNamed() throws {
        let base = census(["4 West"])
        let dates = try #require(base.texts("date")), units = try #require(base.texts("unit")), values = try #require(base.numbers("patient_days"))
        let repeated = Table([("date", .text(dates + dates.suffix(7))), ("unit", .text(units + units.suffix(7))), ("patient_days", .number(values + values.suffix(7)))])
        let result = try job().run(timekeeping: timekeeping(), census: repeated, targets: targets([("4 West", "RN")]))
        #expect(result.repeatedCensusDays.count == 7)
        #expect(StaffingJob.note(result).contains("Census rows repeating a unit and day, summed with the first: 7 (4 West 2025-06-30, 4 West 2025-07-01, 4 West 2025-07-02, ...)"), "\(StaffingJob.note(result))")
        #expect(try job().run(timekeeping: timekeeping(), census: base, targets: targets([("4 West", "RN")])).repeatedCensusDays.count == 0)
    }

    /// A target row with a blank budgeted FTE and one with a blank hourly rate: flagged, with
    /// blank cells where the value depends on them, and left out of the cost totals by name.
    @Test func blankTargetCellsAreFlaggedAndLeftOutOfTotals() throws {
        let targets = Table([("unit", .text(["4 West", "4 West"])), ("job_code", .text(["RN", "CNA"])), ("target_hppd", .number([8, 4])),
                             ("budgeted_fte", .number([.nan, 5])), ("hourly_rate", .number([50, .nan]))])
        let result = try job().run(timekeeping: timekeeping(), census: census(["4 West"]), targets: targets)
        let rn = try #require(result.rows.first { $0.jobCode == "RN" }), cna = try #require(result.rows.first { $0.jobCode == "CNA" })
        #expect(rn.flags.contains("missing_budgeted_fte") && !rn.flags.contains("agency_needed") && rn.plan.agencyHours.isNaN)
        #expect(cna.flags.contains("missing_rate") && cna.plan.laborCost.isNaN && !cna.plan.overtimeHours.isNaN)
        let csv = StaffingJob.table(result)
        let cells = zip(csv.texts("job_code") ?? [], csv.texts("agency_hours") ?? [])
        #expect(cells.filter { $0.0 == "RN" }.allSatisfy { $0.1 == "" } && cells.filter { $0.0 == "CNA" }.allSatisfy { $0.1 != "" })
        let md = StaffingJob.report(result).markdown(figurePrefix: "s")
        #expect(md.contains("not counted, their budgeted FTE or hourly rate blank in the targets: 4 West CNA, 4 West RN."), "\(md.prefix(600))")
    }

    /// The summary names every unit short (by more than half an FTE, and by less beside them),
    /// a unit whose budget is blank as unknown rather than "no unit is short", and a target
    /// that staffs below its ratio (only staffing_plan.csv had the flag).
    @Test func theSummaryNamesSmallGapsUnknownGapsAndRatios() throws {
        func targets(westFTE: Double) -> Table {
            Table([("unit", .text(["4 West", "ICU", "5 North"])), ("job_code", .text(["RN", "RN", "RN"])), ("target_hppd", .number([8, 8, 8])),
                   ("budgeted_fte", .number([westFTE, 5, .nan])), ("max_patients_per_staff", .number([.nan, 2, .nan]))])
        }
        let census = census(["4 West", "ICU", "5 North"])
        let first = try job().run(timekeeping: timekeeping(), census: census, targets: targets(westFTE: 100))
        let needed = first.rows.filter { $0.unit == "4 West" }.map(\.plan.fteRequired).max() ?? 0
        let result = try job().run(timekeeping: timekeeping(), census: census, targets: targets(westFTE: needed - 0.25))
        let summary = StaffingJob.report(result).summary
        #expect(summary.contains("Short of budgeted FTEs by more than half an FTE: ICU; short by less: 4 West (0.25 FTE); gap unknown, budgeted FTE blank in the targets: 5 North RN."), "\(summary)")
        #expect(summary.contains { $0.hasPrefix("HPPD targets below the ratio minimum (max patients per staff; flag below_ratio_minimum): ICU RN (") }, "\(summary)")
        #expect(result.units.first { $0.unit == "ICU" }?.flags.contains("below_ratio_minimum") == true)
        let unknownOnly = try job().run(timekeeping: timekeeping(), census: self.census(["5 North"]), targets: targets(westFTE: 1))
        #expect(StaffingJob.report(unknownOnly).summary.contains("No unit with a budgeted FTE is short of it; gap unknown, budgeted FTE blank in the targets: 5 North RN."))
    }

    /// A rate without an overtime multiplier or agency rate is costed with the defaults (1.5x,
    /// twice the rate), and the caveats say so: neither default showed anywhere.
    @Test func defaultPremiumRatesAreSaid() throws {
        let targets = Table([("unit", .text(["4 West", "4 West"])), ("job_code", .text(["RN", "CNA"])), ("target_hppd", .number([8, 4])),
                             ("budgeted_fte", .number([5, 5])), ("hourly_rate", .number([50, 20])), ("overtime_multiplier", .number([.nan, 1.5])),
                             ("agency_rate", .number([100, .nan]))])
        let caveats = StaffingJob.caveats(try job().run(timekeeping: timekeeping(), census: census(["4 West"]), targets: targets))
        #expect(caveats.contains("Overtime costed at 1.5x the hourly rate, the targets' overtime_multiplier being blank: 4 West RN"), "\(caveats)")
        #expect(caveats.contains("Agency hours costed at 2x the hourly rate, the targets' agency_rate being blank: 4 West CNA"), "\(caveats)")
    }

    @Test func noTargetUnitWithCensusFailsNamingTheTargetsFileAndTheCensusUnits() throws {
        let error = try #require(throws: PipelineError.self) {
            try job().run(timekeeping: timekeeping(), census: census(), targets: targets([("5 East", "RN"), ("6 North", "CNA")]))
        }
        #expect(error.message.contains("targets.csv"), "\(error.message)")
        #expect(error.message.contains("5 East, 6 North"), "\(error.message)")
        #expect(error.message.contains("4 West, ICU"), "\(error.message)")
    }

    /// A census of Monday to Wednesday holds no whole week: said so, not that the units differ.
    @Test func aCensusShorterThanAWeekSaysSoInsteadOfBlamingTheUnitNames() throws {
        var short = Table([("date", .text(["2025-01-06", "2025-01-07", "2025-01-08"])), ("unit", .text(["4 West", "4 West", "4 West"])),
                           ("patient_days", .number([20, 20, 20]))])
        short.sourceFile = "census.csv"
        let error = try #require(throws: PipelineError.self) {
            try job().run(timekeeping: timekeeping(), census: short, targets: targets([("4 WEST", "RN")]))
        }
        #expect(error.message.contains("the census (census.csv, 2025-01-06 to 2025-01-08) holds no complete week"), "\(error.message)")
        #expect(!error.message.contains("fix the unit names"), "\(error.message)")
    }

    // MARK: 11. Duplicate unit + job code

    @Test func duplicateTargetsAreRejectedAtImportNamingBothLines() throws {
        let ws = try Workspace()
        var census = "date,unit,patient_days\n", hours = "date,unit,hours,pay_type\n"
        for day in StaffingJobTests.days { census += "\(day),4 West,12\n"; hours += "\(day),4 West,96,REG\n" }
        try ws.write("census.csv", census)
        try ws.write("hours.csv", hours)
        try ws.write("targets.csv", "unit,job_code,target_hppd,budgeted_fte\n4 West,RN,8,10\n4 West,CNA,2,3\n4 west,RN,6,10\n")
        func pipeline(_ onError: String) -> String {
            """
            stages:
              census: {kind: import, table: census, file: census.csv}
              hours: {kind: import, table: timekeeping, file: hours.csv}
              targets: {kind: import, table: staffing_targets, file: targets.csv, on_error: \(onError)}
              plan: {kind: staffing, timekeeping: hours, census: census, targets: targets, horizon: 2}
            """
        }
        try ws.write("p.yml", pipeline("skip"))
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let rejects = try ws.read("out/targets.rejects.csv").split(separator: "\n")
        #expect(rejects.count == 2)
        #expect(rejects[1].contains(",4,job_code,") && rejects[1].contains("line 2"), "\(rejects[1])")
        // The plan keeps the first row only: 2 job codes x 2 weeks, RN at 8 HPPD.
        let plan = try ws.read("out/staffing_plan.csv").split(separator: "\n")
        #expect(plan.count == 1 + 2 * 2)
        #expect(plan.filter { $0.contains(",RN,") }.allSatisfy { $0.contains(",8,") })
        // Without skip the import fails, naming both lines.
        try ws.write("p.yml", pipeline("fail"))
        let error = #expect(throws: (any Error).self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out2") }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains("targets.csv:4") && text.contains("line 2"), "\(text)")
    }

    @Test func duplicateTargetsThatBypassedTheImportFail() throws {
        #expect(throws: PipelineError.self) {
            try job().run(timekeeping: timekeeping(), census: census(), targets: targets([("4 West", "RN"), ("4 West", "RN")]))
        }
    }

    // MARK: 12. Pay codes

    @Test func usualPayCodesAreClassifiedAndUnknownOnesListedWithTheirHours() throws {
        // A day on 4 West: 80 regular, 10 double time, 10 time and a half, 50 vacation, 5 of a code nobody knows.
        let hours: [(String, Double)] = [("REG", 80), ("DT", 10), ("ot1.5", 10), ("VAC", 50), ("XYZ", 5)]
        let result = try job().run(timekeeping: timekeeping(hours), census: census(["4 West"]), targets: targets([("4 West", "RN")]))
        let west = try #require(result.units.first)
        // Worked hours are 100 a day; vacation and the unknown code are not among them.
        let share = try #require(west.recentPremiumShare)
        #expect(abs(share - 0.2) < 1e-9, "\(share)")
        #expect(result.unrecognisedPayCodes.map(\.code) == ["XYZ"])
        #expect(result.unrecognisedPayCodes.first?.hours == 5 * Double(StaffingJobTests.days.count))
        #expect(StaffingJob.note(result).contains("XYZ (910 h)"), "\(StaffingJob.note(result))")
        #expect(StaffingJob.report(result).markdown(figurePrefix: "s").contains("XYZ (910 h)"))
    }

    /// Codes of several words the map knows by their words (the staffing review's round 2:
    /// with `Pay Code` read by default, these fell out of worked hours); words that do not
    /// agree, or a word the map does not know, stay unknown.
    @Test func aCodeOfSeveralWordsIsReadByItsWordsWhenTheyAgree() {
        let map = PayCodeMap()
        #expect(map.category(of: "REGULAR HOURS") == .regular)
        #expect(map.category(of: "AGENCY RN") == .agency)
        #expect(map.category(of: "HOL WORKED") == .regular)
        #expect(map.category(of: "OT 1.5") == .overtime)
        #expect(map.category(of: "PTO HOURS") == .nonProductive)
        #expect(map.category(of: "CHARGE") == nil)
        #expect(map.category(of: "OT AGENCY") == nil)
        #expect(map.category(of: "REG DIFF") == nil)
    }

    @Test func thePayCodeMapIsAParameter() throws {
        let hours: [(String, Double)] = [("REG", 80), ("XYZ", 20)]
        var job = self.job()
        job.payCodes = try PayCodeMap().overriding(["xyz": "agency"])
        let result = try job.run(timekeeping: timekeeping(hours), census: census(["4 West"]), targets: targets([("4 West", "RN")]))
        #expect(result.unrecognisedPayCodes.isEmpty)
        #expect(abs((result.units.first?.recentPremiumShare ?? 0) - 0.2) < 1e-9)

        let p = StageParameters(stage: "plan", values: ["timekeeping": .scalar("t"), "census": .scalar("c"), "targets": .scalar("g"),
                                                        "pay_codes": .map(["XYZ": "agency", "Vac": "regular"])],
                                specs: StaffingStage.parameters, location: SourceLocation(file: "p.yml", line: 1, column: 1))
        let stage = try StaffingStage(parameters: p)
        #expect(stage.job.payCodes.category(of: "xyz") == .agency)
        #expect(stage.job.payCodes.category(of: "VAC") == .regular)
        #expect(stage.job.payCodes.category(of: "PTO") == .nonProductive)
        var bad = p
        bad.values["pay_codes"] = .map(["XYZ": "bonus"])
        let error = try #require(throws: PipelineError.self) { try StaffingStage(parameters: bad) }
        #expect(error.message.contains("regular, overtime, agency, non_productive"), "\(error.message)")
    }

    // MARK: 13. Percentiles below 50

    @Test func aPercentileBelowFiftyPlansBelowTheMean() throws {
        func planned(at percentile: Double) throws -> Double {
            var job = self.job()
            job.percentile = percentile
            let result = try job.run(timekeeping: timekeeping(), census: census(["4 West"]), targets: targets([("4 West", "RN")]))
            return result.rows.reduce(0) { $0 + $1.censusForecast }
        }
        let low = try planned(at: 25), mean = try planned(at: 50), high = try planned(at: 75)
        #expect(low < mean, "p25 \(low) vs mean \(mean)")
        #expect(abs((mean - low) - (high - mean)) < 1e-6 * mean)
    }
}
