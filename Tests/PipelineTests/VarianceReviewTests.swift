import Foundation
import Testing
@testable import Pipeline
@testable import Planning
import Forecasting
import Tabular

/// A finance review's silent misstatements on small ledgers whose right answers are worked by
/// hand: revenue booked by a department without a budget line, names the ledger spells in
/// other case, an early posting that moved the report's month, and a proposal that learnt
/// from months after the report's.
@Suite struct VarianceReviewTests {
    static func table(_ rows: [(String, String, String, Double)], types: [String]? = nil) -> Table {
        var table = Table([("department", .text(rows.map(\.0))), ("account", .text(rows.map(\.1))),
                           ("period", .text(rows.map(\.2))), ("amount", .number(rows.map(\.3)))])
        if let types { table.append("account_type", .text(types)) }
        return table
    }

    /// `count` month labels from July of `start`.
    static func monthLabels(_ count: Int, from start: Int = 2025) -> [String] {
        var labels: [String] = []
        for k in 0..<count {
            let year = start + (k + 6) / 12, month = (k + 6) % 12 + 1
            labels.append("\(year)-" + (month < 10 ? "0" : "") + "\(month)")
        }
        return labels
    }

    static let fiscalMonths = monthLabels(12)

    static func month(_ year: Int, _ month: Int) -> Int { Frequency.month.period(of: CalendarDay(year: year, month: month, day: 1)!) }

    /// The budget names Revenue as revenue in D1; D2 books $40,000 of it without a line. It
    /// was added to expense ($60,000 actual, "$35,000 over"); expense is D1's salaries alone.
    @Test func revenueWithoutABudgetLineIsStillRevenue() throws {
        var rows: [(String, String, String, Double)] = [], types: [String] = []
        for m in Self.fiscalMonths {
            rows += [("D1", "Revenue", m, 50_000), ("D1", "Salaries", m, 25_000)]
            types += ["Revenue", "Expense"]
        }
        let result = try VarianceJob().run(budget: Self.table(rows, types: types),
                                           actuals: Self.table([("D2", "Revenue", "2025-07", 40_000), ("D1", "Salaries", "2025-07", 20_000)]), volumes: nil)
        let d2 = try #require(result.rows.first { $0.line.department == "D2" && $0.line.account == "Revenue" && $0.line.period == "FY2026-YTD" })
        #expect(d2.line.accountType == .revenue && d2.line.favorable && d2.flag != "unfavorable")
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.contains("year to date budget $25,000, actual $20,000, $5,000 under budget.") }, "\(summary)")
        // An account the budget types both ways keeps the expense default where unbudgeted.
        let mixed = try VarianceJob().run(budget: Self.table([("D1", "Other", "2025-07", 10), ("D2", "Other", "2025-07", 10)], types: ["Revenue", "Expense"]),
                                          actuals: Self.table([("D3", "Other", "2025-07", 5)]), volumes: nil)
        #expect(mixed.rows.first { $0.line.department == "D3" }?.line.accountType == .expense)
    }

    /// A grant the budget never names, typed revenue by the ledger itself: it was unbudgeted
    /// expense ($60,000 of revenue shown as a $60,000 overspend). The budget's type stands where
    /// it gives one.
    @Test func theLedgersAccountTypeTypesWhatTheBudgetDoesNot() throws {
        var rows: [(String, String, String, Double)] = [], types: [String] = []
        for m in Self.fiscalMonths { rows.append(("ICU", "Salaries", m, 10_000)); types.append("expense") }
        let ledger = Self.fiscalMonths.prefix(3).flatMap { [("ICU", "Salaries", $0, 10_000.0), ("ICU", "Grant Revenue", $0, 20_000.0)] }
        let result = try VarianceJob().run(budget: Self.table(rows, types: types),
                                           actuals: Self.table(ledger, types: ledger.map { $0.1 == "Salaries" ? "revenue" : "Revenue" }), volumes: nil)
        let grant = try #require(result.rows.first { $0.line.account == "Grant Revenue" && $0.line.period == "FY2026-YTD" })
        #expect(grant.line.accountType == .revenue && grant.flag != "unfavorable")
        let salaries = try #require(result.rows.first { $0.line.account == "Salaries" && $0.line.period == "FY2026-YTD" })
        #expect(salaries.line.accountType == .expense)
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.contains("year to date budget $30,000, actual $30,000, on budget.") }, "\(summary)")
        #expect(throws: PipelineError.self) {
            try VarianceJob().run(budget: Self.table(rows, types: types), actuals: Self.table([("ICU", "Grant", "2025-07", 1)], types: ["asset"]), volumes: nil)
        }
    }

    /// "MEDICAL SUPPLIES" in the ledger is the budget's "Medical Supplies": one line on budget,
    /// not a budget saved whole beside $10,000 of unbudgeted spending. The note names it.
    @Test func namesSpelledInOtherCaseAreOneLine() throws {
        var budget = Self.table([("D1", "Medical Supplies", "2025-07", 10_000)])
        var actuals = Self.table([("d1", "MEDICAL  SUPPLIES", "2025-07", 10_000)])
        var volumes: Table? = nil
        let note = VarianceJob.matchingNames(budget: &budget, actuals: &actuals, volumes: &volumes)
        #expect(note == "2 department or account names read as first spelled (case, spaces and a code's leading zeros aside): 'MEDICAL  SUPPLIES' as 'Medical Supplies', 'd1' as 'D1'")
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        let july = result.rows.filter { $0.line.period == "2025-07" && $0.line.account != "TOTAL" }
        #expect(july.count == 1 && july[0].line.variance == 0, "\(july.map(\.line))")
        var same = Self.table([("D1", "Supplies", "2025-07", 1)]), sameActuals = same
        #expect(VarianceJob.matchingNames(budget: &same, actuals: &sameActuals, volumes: &volumes) == nil)
    }

    /// The budget's cost centre 06010 and the ledger's 6010 (Excel dropped the zeros): the
    /// budget's line was all saved and the ledger's all unbudgeted. Codes that differ by more
    /// than leading zeros stay apart.
    @Test func codesDifferingByLeadingZerosAreOneLine() throws {
        var budget = Self.table([("06010", "05010", "2025-07", 1_000), ("06020", "05010", "2025-07", 1_000), ("0A1", "5", "2025-07", 1)])
        var actuals = Self.table([("6010", "5010", "2025-07", 1_000), ("06020", "05010", "2025-07", 1_000), ("A1", "5", "2025-07", 1)])
        var volumes: Table? = nil
        let note = VarianceJob.matchingNames(budget: &budget, actuals: &actuals, volumes: &volumes)
        #expect(note == "2 department or account names read as first spelled (case, spaces and a code's leading zeros aside): '5010' as '05010', '6010' as '06010'")
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        let july = result.rows.filter { $0.line.period == "2025-07" && $0.line.account != "TOTAL" }
        #expect(july.filter { $0.line.department != "0A1" && $0.line.department != "A1" }.allSatisfy { $0.line.variance == 0 } && july.count == 4, "\(july.map(\.line))")
    }

    /// Six lines posted July to December and one early January line: the report ran through
    /// January with five lines at $0 and their forecasts pulled down ($59,105 projected
    /// against $72,000). Through December it is on budget, and the note says why.
    @Test func oneEarlyPostingDoesNotMoveTheReportsMonth() throws {
        var budget: [(String, String, String, Double)] = [], actuals: [(String, String, String, Double)] = []
        for d in ["D1", "D2", "D3"] {
            for a in ["Supplies", "Salaries"] {
                budget += Self.fiscalMonths.map { (d, a, $0, 1_000) }
                actuals += Self.fiscalMonths.prefix(6).map { (d, a, $0, 1_000) }
            }
        }
        actuals.append(("D1", "Supplies", "2026-01", 300))
        let result = try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil)
        #expect(result.asOf == Self.month(2025, 12))
        #expect(result.notes == ["2026-01 has postings for 1 of the 6 lines posted in 2025-12, as if it had not closed: reported through 2025-12 (--as-of 2026-01, as_of: in a pipeline, reports it)"])
        let projected = result.rows.filter { $0.line.period == "FY2026-YTD" && $0.line.account != "TOTAL" }.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        #expect(abs(projected - 72_000) < 1, "\(projected)")

        // Asked for, January is reported; a month past the ledger or before it is refused.
        var job = VarianceJob()
        job.asOf = Self.month(2026, 1)
        // (The five lines January lacks are then named: read as nothing spent in it.)
        let january = try job.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil).notes
        #expect(january.count == 1 && january[0].hasPrefix("5 budgeted lines have no posting (no ledger row, a 0.00, or only amounts against the line's usual sign, such as reversals) in a month other lines posted in"), "\(january)")
        for (year, month, says) in [(2026, 3, "is after the last month of the actuals, 2026-01"), (2024, 3, "is before the first month of the actuals, 2025-07")] {
            job.asOf = Self.month(year, month)
            let error = #expect(throws: PipelineError.self) { try job.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil) }
            #expect(error.map { "\($0)".contains(says) } == true, "\(String(describing: error))")
        }
    }

    /// A fiscal-year export carries the months not yet closed as 0.00: reported through June,
    /// six lines booked to December read $36,000 under budget with their forecasts at 0. And
    /// accruals reversed on the 1st of January made January, holding nothing but the
    /// reversals, the report's month: every line under budget by its month and more.
    @Test func monthsOfZerosOrOfReversalsAloneAreNotClosed() throws {
        var budget: [(String, String, String, Double)] = [], booked: [(String, String, String, Double)] = []
        for d in ["D1", "D2", "D3"] {
            for a in ["Supplies", "Salaries"] {
                budget += Self.fiscalMonths.map { (d, a, $0, 1_000) }
                booked += Self.fiscalMonths.prefix(6).map { (d, a, $0, 1_000) }
            }
        }
        let zeros = booked + budget.filter { $0.2 >= "2026-01" }.map { ($0.0, $0.1, $0.2, 0.0) }
        let result = try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(zeros), volumes: nil)
        #expect(result.asOf == Self.month(2025, 12))
        #expect(result.notes == ["2026-01 to 2026-06 hold nothing but zeros, months exported before they closed: reported through 2025-12 (--as-of 2026-01, as_of: in a pipeline, reports it)"], "\(result.notes)")
        let projected = result.rows.filter { $0.line.period == "FY2026-YTD" && $0.line.account != "TOTAL" }.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        #expect(abs(projected - 72_000) < 1, "\(projected)")

        // December accruals of 200 on four lines, reversed in January.
        let accrued = booked.map { $0.2 == "2025-12" && $0.0 != "D3" ? ($0.0, $0.1, $0.2, 1_200.0) : $0 }
        let reversed = accrued + booked.filter { $0.2 == "2025-12" && $0.0 != "D3" }.map { ($0.0, $0.1, "2026-01", -200.0) }
        let reversals = try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(reversed), volumes: nil)
        #expect(reversals.asOf == Self.month(2025, 12))
        #expect(reversals.notes.first == "2026-01 holds no posting but amounts against their lines' usual sign (reversals of accruals, 2026-01): reported through 2025-12 (--as-of 2026-01, as_of: in a pipeline, reports it)", "\(reversals.notes)")
        // A month with the reversals and the month's own postings is closed as before.
        let closed = reversed + booked.filter { $0.2 == "2025-12" }.map { ($0.0, $0.1, "2026-01", 1_000.0) }
        #expect(try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(closed), volumes: nil).asOf == Self.month(2026, 1))
    }

    /// A department renamed mid-year (`4 West` as `4W Med Surg`, nothing alike): both its lines
    /// stopped in September as the same accounts began under the new name, unbudgeted. The old
    /// lines' fading history was projected beside the new's full months, $13,973 over a
    /// department on budget, and their gaps named as lowering the projection.
    @Test func aDepartmentRenamedIsReadAsItsLinesContinued() throws {
        let budget = Self.fiscalMonths.flatMap { [("4 West", "Salaries", $0, 5_000.0), ("4 West", "Supplies", $0, 1_000.0)] }
        func ledger(_ accounts: [String]) -> [(String, String, String, Double)] {
            Self.fiscalMonths.prefix(5).enumerated().flatMap { k, m in
                [("Salaries", 5_000.0), ("Supplies", 1_000.0)].filter { accounts.contains($0.0) || k < 3 }.map { (k < 3 ? "4 West" : "4W Med Surg", $0.0, m, $0.1) }
            }
        }
        let result = try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(ledger(["Salaries", "Supplies"])), volumes: nil)
        #expect(result.notes.filter { $0.contains("read as the line renamed") }.count == 2 && !result.notes.contains { $0.contains("lowers") }, "\(result.notes)")
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary
        #expect(summary.contains { $0.hasPrefix("Projected FY2026 expense $72,000") }, "\(summary)")
        // A budgeted line that misses only the report's month beside a small new line (a payroll
        // accrual late in December, a $300 equipment line) is named, but still projected from
        // its history, and its gap is named too: read as renamed, Salaries went to $0.
        let late = Self.fiscalMonths.prefix(6).enumerated().flatMap { k, m -> [(String, String, String, Double)] in
            (k < 5 ? [("4 West", "Salaries", m, 5_000.0)] : [("4 West", "Minor Equipment", m, 300.0)]) + [("4 West", "Supplies", m, 1_000.0)]
        }
        var job = VarianceJob()
        job.asOf = Self.month(2025, 12)
        let unsure = try job.run(budget: Self.table(budget), actuals: Self.table(late), volumes: nil)
        #expect(unsure.notes.contains { $0.contains("Minor Equipment, which has no budget, began in 2025-12: if the line was renamed, the old one is still projected") }, "\(unsure.notes)")
        #expect(unsure.notes.contains { $0.contains("4 West / Salaries 2025-12") }, "\(unsure.notes)")
        let salaries = try #require(unsure.rows.first { $0.line.account == "Salaries" && $0.line.period == "FY2026-YTD" })
        #expect((salaries.forecastRemaining ?? 0) > 10_000, "\(salaries)")
        // A new department with one of the two accounts is not the old one renamed.
        let one = try VarianceJob().run(budget: Self.table(budget), actuals: Self.table(ledger(["Salaries"])), volumes: nil)
        #expect(!one.notes.contains { $0.contains("read as the line renamed") }, "\(one.notes)")
    }

    /// A department respelled mid-year: its old line stopped in September and the new one,
    /// without a budget, began in October; both were projected, the old from its history,
    /// and only the old line's gap was named, as lowering the projection.
    @Test func aLineContinuedUnderAnotherNameIsNamed() throws {
        let budget = Self.fiscalMonths.map { ("6030 Med-Surg 4E", "Salaries", $0, 90_000.0) } + Self.fiscalMonths.map { ("6040 ED", "Salaries", $0, 50_000.0) }
        let old = Self.fiscalMonths.prefix(3).map { ("6030 Med-Surg 4E", "Salaries", $0, 90_000.0) }
        let renamed = Self.fiscalMonths.dropFirst(3).prefix(3).map { ("6030 Med Surg 4 East", "Salaries", $0, 90_000.0) }
        let ed = Self.fiscalMonths.prefix(6).map { ("6040 ED", "Salaries", $0, 50_000.0) }
        var job = VarianceJob()
        job.asOf = Self.month(2025, 12)
        let result = try job.run(budget: Self.table(budget), actuals: Self.table(old + renamed + ed), volumes: nil)
        #expect(result.notes.contains("6030 Med-Surg 4E / Salaries posted nothing after 2025-09 and 6030 Med Surg 4 East / Salaries, which has no budget, began in 2025-10: read as the line renamed (the new of the old one's size, for two months or more), the old projected at $0 and the new from its own months; spell it one way in the budget and the ledger to set the new against the budget"), "\(result.notes)")
        // Six months of 90,000 a month, and 90,000 a month ahead.
        let salaries = result.rows.filter { $0.line.period == "FY2026-YTD" && $0.line.account == "Salaries" && $0.line.department.hasPrefix("6030") }
        #expect(abs(salaries.reduce(0) { $0 + ($1.projectedFY ?? 0) } - 1_080_000) < 1, "\(salaries.map(\.projectedFY))")
        // A new unbudgeted line of another account, or one starting later, is no continuation.
        let other = Self.fiscalMonths.dropFirst(4).prefix(2).map { ("6030 Med Surg 4 East", "Salaries", $0, 90_000.0) }
        let later = try job.run(budget: Self.table(budget), actuals: Self.table(old + other + ed), volumes: nil)
        #expect(!later.notes.contains { $0.contains("posted nothing after") }, "\(later.notes)")
        // Nor is another department's line of the same account (a new clinic's salaries).
        let clinic = Self.fiscalMonths.dropFirst(3).prefix(3).map { ("Pop-up Flu Clinic", "Salaries", $0, 90_000.0) }
        let unrelated = try job.run(budget: Self.table(budget), actuals: Self.table(old + clinic + ed), volumes: nil)
        #expect(!unrelated.notes.contains { $0.contains("posted nothing after") }, "\(unrelated.notes)")
        // Nor are two units numbered alike (3 North, 3 South), nor a line that stopped with its
        // budget (equipment budgeted to September) beside a new account.
        let units = Self.fiscalMonths.map { ("3 North", "Supplies", $0, 1_000.0) }
        let north = Self.fiscalMonths.prefix(3).map { ("3 North", "Supplies", $0, 1_000.0) }
        let south = Self.fiscalMonths.dropFirst(3).prefix(3).map { ("3 South", "Supplies", $0, 1_000.0) }
        #expect(!(try job.run(budget: Self.table(units), actuals: Self.table(north + south), volumes: nil)).notes.contains { $0.contains("posted nothing after") })
        let equipment = Self.fiscalMonths.prefix(3).map { ("ICU", "Equipment", $0, 5_000.0) } + Self.fiscalMonths.map { ("ICU", "Salaries", $0, 9_000.0) }
        let booked = Self.fiscalMonths.prefix(3).map { ("ICU", "Equipment", $0, 5_000.0) } + Self.fiscalMonths.prefix(6).map { ("ICU", "Salaries", $0, 9_000.0) }
            + Self.fiscalMonths.dropFirst(3).prefix(3).map { ("ICU", "Consulting", $0, 700.0) }
        #expect(!(try job.run(budget: Self.table(equipment), actuals: Self.table(booked), volumes: nil)).notes.contains { $0.contains("posted nothing after") })
        // An account renumbered (6100 as 6105) in the same department is named as well, with
        // every line that began then.
        let supplies = Self.fiscalMonths.map { ("ICU", "6100 Supplies", $0, 20_000.0) }
        let renumbered = Self.fiscalMonths.prefix(3).map { ("ICU", "6100 Supplies", $0, 20_000.0) }
            + Self.fiscalMonths.dropFirst(3).prefix(3).flatMap { [("ICU", "6105 Med Surg Supplies", $0, 20_000.0), ("ICU", "6110 Implants", $0, 1_000.0)] }
        let account = try job.run(budget: Self.table(supplies), actuals: Self.table(renumbered), volumes: nil)
        #expect(account.notes.contains { $0.hasPrefix("ICU / 6100 Supplies posted nothing after 2025-09 and ICU / 6105 Med Surg Supplies, ICU / 6110 Implants, which have no budget, began in 2025-10") }, "\(account.notes)")
    }

    /// A 0.00 exported for one line's month, or reversals alone in it while other lines posted,
    /// read as nothing spent: $80,000 favorable and the projection $156,568 low without the
    /// note a missing row gets (a finance review's second round).
    @Test func aLinesZeroOrReversalsAloneInAMonthOthersPostedIsNamed() throws {
        let budget = Self.fiscalMonths.flatMap { [("ICU", "Salaries", $0, 100_000.0), ("ED", "Salaries", $0, 80_000.0)] }
        var actuals = Self.fiscalMonths.prefix(7).flatMap { [("ICU", "Salaries", $0, 100_000.0), ("ED", "Salaries", $0, 80_000.0)] }
        actuals = actuals.map { $0.0 == "ED" && $0.2 == "2026-01" ? ($0.0, $0.1, $0.2, 0.0) : $0 }
        var job = VarianceJob()
        job.asOf = Self.month(2026, 1)
        let zero = try job.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil)
        #expect(zero.notes.contains { $0.hasPrefix("1 budgeted line has no posting (no ledger row, a 0.00, or only amounts against the line's usual sign, such as reversals) in a month other lines posted in, after posting earlier months (ED / Salaries 2026-01)") }, "\(zero.notes)")
        actuals = actuals.map { $0.0 == "ED" && $0.2 == "2026-01" ? ($0.0, $0.1, $0.2, -5_000.0) : $0 }
        let reversal = try job.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil)
        #expect(reversal.notes.contains { $0.contains("(ED / Salaries 2026-01)") }, "\(reversal.notes)")
    }

    /// Months dated the 1st and written day-first are read day-first (the 1st of a month so,
    /// January 1-12 month-first), as a usage export's are; months dated the 10th in two years
    /// (October 1-12 of each read month-first) are refused naming both readings; dates that
    /// read one way only (ISO posting dates in January) are not.
    @Test func onlyDatesThatCouldBeDayFirstAreRefusedAsSuch() throws {
        let ws = try Workspace()
        try ws.write("dmy.csv", "department,account,period,amount\nICU,Salaries,01/07/2025,1\nICU,Salaries,01/08/2025,1\nICU,Salaries,01/09/2025,1\n")
        // Read as the stage reads a file by name: again when the first read asks (`TableImport.SecondLook`).
        let stage = try ImportStage(file: ws.path + "/dmy.csv", table: "actuals", options: ImportOptions(onError: .skip))
        var options = stage.options
        options.secondLook = true
        let again = try #require(throws: TableImport.SecondLook.self) { try stage.readLong(ws.path + "/dmy.csv", options) }
        #expect(try stage.readLong(ws.path + "/dmy.csv", again.options).0.texts("period") == ["2025-07", "2025-08", "2025-09"])
        try ws.write("tenth.csv", "department,account,period,amount\nICU,Salaries,10/07/2024,1\nICU,Salaries,10/08/2024,1\nICU,Salaries,10/07/2025,1\n")
        let error = try #require(throws: InputError.self) { try ws.tables(["tenth.csv": "actuals"]) }
        #expect(error.message.contains("every period of the file falls on October 1-12") && error.message.contains("add --date-format actuals=dmy")
                && error.message.contains("if they are days of October, add --date-format actuals=mdy"), "\(error.message)")
        try ws.write("iso.csv", "department,account,period,amount\nICU,Salaries,2026-01-02,1\nICU,Salaries,2026-01-05,1\nICU,Salaries,2026-01-09,1\n")
        #expect(try ws.tables(["iso.csv": "actuals"])["actuals"]?.texts("period") == ["2026-01", "2026-01", "2026-01"])
    }

    /// Lines budgeted only in months ahead (maintenance from March) have no history: they are
    /// projected at their budget (at $0 they left it out of the projection), and named.
    @Test func linesBudgetedOnlyAheadAreNamed() throws {
        let budget = Self.fiscalMonths.map { ("ICU", "Salaries", $0, 100_000.0) } + Self.fiscalMonths.suffix(4).map { ("ICU", "Maintenance", $0, 10_000.0) }
        var job = VarianceJob()
        job.asOf = Self.month(2025, 12)
        let result = try job.run(budget: Self.table(budget), actuals: Self.table(Self.fiscalMonths.prefix(6).map { ("ICU", "Salaries", $0, 100_000.0) }), volumes: nil)
        #expect(result.notes.contains("1 line is budgeted only in months after 2025-12 and has no posting yet (ICU / Maintenance from 2026-03, $40,000): with no history to forecast from, it is projected at its budget, $40,000 in all, as a rolling forecast carries a plan not yet begun; if its opening moves, change the budget"), "\(result.notes)")
        let year = try #require(result.rows.first { $0.line.account == "Maintenance" && $0.line.period == "FY2026-YTD" })
        #expect(abs((year.projectedFY ?? 0) - 40_000) < 1e-6, "projected at $0 before")
    }

    /// A budget for FY2025 running January to December: read with the default July start it
    /// was reported as "FY2026", a year it never names ($7,200 over; it is $1,200 over). Its
    /// labels set the calendar, with a note; a start that contradicts them is an error.
    @Test func theBudgetsFiscalYearLabelsSetTheCalendar() throws {
        let months = (1...12).map { "2025-" + ($0 < 10 ? "0" : "") + "\($0)" }
        var budget = Self.table(months.map { ("D1", "Supplies", $0, 1_000) })
        budget.append("fiscal_year", .text(months.map { _ in "FY2025" }))
        let (calendar, note) = try VarianceJob.fiscalCalendar(given: nil, budget: budget)
        #expect(calendar == FiscalCalendar(firstMonth: 1))
        #expect(note == "fiscal years from January, as the budget's fiscal_year labels say (FY2025 = 2025-01 to 2025-12)")
        var job = VarianceJob()
        job.calendar = calendar
        let result = try job.run(budget: budget, actuals: Self.table(months.prefix(9).map { ("D1", "Supplies", $0, 1_100) }), volumes: nil)
        let summary = VarianceJob.report(result, calendar: calendar).summary.joined(separator: " ")
        #expect(result.fiscalYear == 2025 && summary.contains(", $900 over budget.") && summary.contains("$1,200 over budget"), "\(summary)")

        #expect(throws: PipelineError.self) { try VarianceJob.fiscalCalendar(given: 7, budget: budget) }
        #expect(try VarianceJob.fiscalCalendar(given: 1, budget: budget).1 == nil)
        // A July budget labelled as the default reads it is read without a word.
        var july = Self.table(Self.fiscalMonths.map { ("D1", "Supplies", $0, 1_000) })
        july.append("fiscal_year", .text(Self.fiscalMonths.map { _ in "FY26" }))
        let (default_, quiet) = try VarianceJob.fiscalCalendar(given: nil, budget: july)
        #expect(default_ == FiscalCalendar() && quiet == nil)
    }

    /// Supplies at volume 100 and Salaries at 200 in one month: the flexed budget was 1,500 or
    /// 1,100 by the rows' order. Two figures for one department's month are an error.
    @Test func twoVolumesForOneDepartmentsMonthAreRefused() throws {
        var budget = Self.table([("D1", "Supplies", "2025-07", 1_000), ("D1", "Salaries", "2025-07", 1_000)])
        budget.append("volume", .number([100, 200]))
        let actuals = Self.table([("D1", "Supplies", "2025-07", 1_000)])
        let error = #expect(throws: PipelineError.self) { try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil) }
        #expect(error.map { "\($0)".contains("gives D1 two volumes for 2025-07, 100 and 200") } == true, "\(String(describing: error))")
        var same = Self.table([("D1", "Supplies", "2025-07", 1_000), ("D1", "Salaries", "2025-07", 1_000)])
        same.append("volume", .number([100, 100]))
        #expect(throws: Never.self) { try VarianceJob().run(budget: same, actuals: actuals, volumes: nil) }
    }

    /// An FP&A review: a line budgeted every month but September (a row the export dropped) read
    /// September as budgeted at $0, its $1,100 of spend all "rate (price or efficiency)", with no
    /// note. The note names the line and the month; a line that starts later in the year (a unit
    /// opening in January) has no month missing inside its own and is not named here.
    @Test func aMonthMissingInsideALinesBudgetIsNamed() throws {
        // D4's insurance is budgeted and paid quarterly: its months between have no rows and no
        // postings, and are not named (the diff review).
        let quarters = ["2025-07", "2025-10", "2026-01", "2026-04"]
        let budget = Self.table(Self.fiscalMonths.filter { $0 != "2025-09" }.map { ("D1", "Supplies", $0, 1_000) }
                                + Self.fiscalMonths.suffix(6).map { ("D2", "Supplies", $0, 2_000) } + Self.fiscalMonths.map { ("D3", "Rent", $0, 500) }
                                + quarters.map { ("D4", "Insurance", $0, 3_000) })
        let actuals = Self.table(Self.fiscalMonths.prefix(6).flatMap { [("D1", "Supplies", $0, 1_100), ("D3", "Rent", $0, 500)] }
                                 + quarters.prefix(2).map { ("D4", "Insurance", $0, 3_000) })
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil)
        #expect(result.notes.contains { $0.hasPrefix("the budget has no row for a month inside a line's budgeted months that the line posted in (D1 / Supplies 2025-09): read as budgeted at $0") }, "\(result.notes)")
        // (D4 is named as a line budgeted in a few months and booked in them, `BudgetShapedLine`.)
        #expect(!result.notes.joined().contains("D2 / Supplies 20") && !result.notes.contains { $0.contains("D4 / Insurance") && !$0.contains("at about its budget") }, "\(result.notes)")
        // D2 opens in January and the ledger has no row of it yet: said, not projected at $0
        // in silence (its department had no ledger rows, which hid it from the note).
        #expect(result.notes.contains { $0.hasPrefix("1 line is budgeted only in months after 2025-12 and has no posting yet (D2 / Supplies from 2026-01, $12,000)") }, "\(result.notes)")
    }

    /// An FP&A review: amounts and rates are money, not counts. A short line's range came from a
    /// count distribution, so it depended on the unit the money is written in (a flat $10 per
    /// patient day came out +-40%, where in cents it would be +-4%). Now the range of a line in
    /// cents is the range in dollars times 100, and a line that never varied has none.
    @Test func aShortLinesRangeDoesNotDependOnTheUnitOfMoney() throws {
        func december(_ amounts: [Double], scale: Double) throws -> Projection? {
            let months = Self.fiscalMonths.prefix(amounts.count)
            let result = try VarianceJob().run(budget: Self.table(Self.fiscalMonths.map { ("D1", "Supplies", $0, 1_000 * scale) }),
                                               actuals: Self.table(zip(months, amounts).map { ("D1", "Supplies", $0, $1 * scale) }), volumes: nil)
            return result.rows.first { $0.line.account == "Supplies" && $0.line.period == "2025-12" }?.forecast
        }
        let dollars = try #require(try december([1_000, 1_200, 900, 1_100, 1_050], scale: 1))
        let cents = try #require(try december([1_000, 1_200, 900, 1_100, 1_050], scale: 100))
        #expect(dollars.hi80 > dollars.lo80 && abs((cents.hi80 - cents.lo80) / 100 - (dollars.hi80 - dollars.lo80)) < 0.01, "\(dollars) \(cents)")
        let flat = try #require(try december([1_100, 1_100, 1_100, 1_100, 1_100], scale: 1))
        #expect(flat.amount == 1_100 && flat.hi80 - flat.lo80 < 0.01, "\(flat)")
        // Posted once: no change to measure, so a wide range (the diff review's 700 to 700).
        let once = try #require(try december([700], scale: 1))
        #expect(abs((once.hi80 - once.lo80) - 2 * 1.2815515655446004 * 350) < 0.01, "\(once)")
    }

    /// An FP&A review: a budget from October to September, without fiscal_year labels, read on
    /// the July default covered 9 of 12 months; the note now says the fiscal start it fits.
    @Test func aBudgetOfTwelveMonthsFromOctoberSuggestsItsFiscalStart() throws {
        let october = Array(Self.monthLabels(15).suffix(12))
        #expect(october.first == "2025-10" && october.last == "2026-09")
        let result = try VarianceJob().run(budget: Self.table(october.map { ("D1", "Supplies", $0, 1_000) }),
                                           actuals: Self.table(october.prefix(3).map { ("D1", "Supplies", $0, 1_000) }), volumes: nil)
        #expect(result.notes.contains { $0.hasSuffix("the budget's 12 months run 2025-10 to 2026-09, a fiscal year from month 10: if so, give --fiscal-start 10 (fiscal_year_start: 10 in a pipeline's calendar)") },
                "\(result.notes)")
    }

    /// An FP&A review: a census scenario on a department whose lines are all fixed changed
    /// nothing, and cutting three positions from a salary line with two left took it to
    /// -$27,000; both without a word. Each is named.
    @Test func scenariosThatCannotDoWhatTheySayAreNamed() {
        let lines = [ScenarioProjection.Line(department: "D1", account: "Salaries", behavior: .fixed, budgetFY: 120_000, bookedToDate: 60_000, remaining: [10_000]),
                     ScenarioProjection.Line(department: "D2", account: "Supplies", behavior: .variable, budgetFY: 24_000, bookedToDate: 12_000, remaining: [2_000])]
        let census = BudgetScenario(name: "census_up", volume: ["D1": 10, "D2": 10])
        let cut = BudgetScenario(name: "cut", staff: [.init(department: "D1", account: "Salaries", count: -3, annualCost: 98_000)])
        // A credit line below zero in the base (refunds) is no scenario's doing (the diff review).
        let refunds = ScenarioProjection.Line(department: "D2", account: "Refunds", behavior: .fixed, budgetFY: -12_000, bookedToDate: -6_000, remaining: [-1_000])
        let projection = ScenarioProjection(lines: lines + [refunds], remainingMonths: 6)
        let notes = projection.notes(on: [census, cut], rows: projection.rows([census, cut]))
        #expect(notes.contains("scenario 'census_up': volume moves variable accounts only, and D1 has none (every line fixed), so its volume change there changes nothing"), "\(notes)")
        #expect(notes.contains { $0.hasPrefix("scenario 'cut' takes D1 / Salaries to -$") && $0.hasSuffix("below zero: the change is more than the line has left; check its count or percent") }, "\(notes)")
        #expect(notes.count == 2, "\(notes)")
    }

    /// A budget director's review: a volumes file naming `Dept 1` beside the ledger's `D1`, or
    /// giving one statistic only, was read as accepted and flexed nothing. Both are named.
    @Test func volumesThatCanFlexNothingAreNamed() throws {
        let budget = Self.table(Self.fiscalMonths.map { ("D1", "Supplies", $0, 1_000) }), actuals = Self.table(Self.fiscalMonths.prefix(3).map { ("D1", "Supplies", $0, 1_200) })
        let volumes = Table([("department", .text(["Dept 1", "Dept 1"])), ("period", .text(["2025-07", "2025-08"])), ("budget_volume", .number([100, 100]))])
        let result = try VarianceJob().run(budget: budget, actuals: actuals, volumes: volumes)
        #expect(result.notes.contains { $0.contains("name a department the budget and actuals do not, so its volumes flex nothing: 'Dept 1'") }, "\(result.notes)")
        #expect(result.notes.contains { $0.contains("give budget_volume but no actual_volume") }, "\(result.notes)")
        // A budget volume of 0 beside an actual volume cannot flex the budget: said.
        let zero = Table([("department", .text(["D1", "D1"])), ("period", .text(["2025-07", "2025-08"])), ("budget_volume", .number([100, 0])),
                          ("actual_volume", .number([110, 10]))])
        let held = try VarianceJob().run(budget: budget, actuals: actuals, volumes: zero)
        #expect(held.notes.contains { $0.hasPrefix("a budget volume of 0 in months with an actual volume (D1 2025-08) cannot flex the budget") }, "\(held.notes)")
    }

    /// A budget for July alone against a whole year's projection, and a credit line with one
    /// month of history: the notes say what the budget covers, and the summary never reads
    /// "80% range  to " (the credit line had no range and left it blank; forecast as its mirror
    /// image, it has one now).
    @Test func aPartialBudgetAndAnUnmeasuredRangeAreSaid() throws {
        let result = try VarianceJob().run(budget: Self.table([("D1", "Supplies", "2025-07", 1_000), ("D1", "Refunds", "2025-07", -500)]),
                                           actuals: Self.table([("D1", "Supplies", "2025-07", 1_000), ("D1", "Refunds", "2025-07", -400)]), volumes: nil)
        // And the quarter holding July (`UnbudgetedPartTests`) is not set against July's budget.
        #expect(result.notes.count == 2, "\(result.notes)")
        #expect(result.notes.contains { $0.hasPrefix("the budget covers FY2026-Q1 for 1 of its 3 months (2025-07; not 2025-08, 2025-09)") }, "\(result.notes)")
        #expect(result.notes.contains("the budget covers 1 of FY2026's 12 months (2025-07 to 2025-07): the projected year is not set against it, and projected_variance is left blank; booked months outside it count as unbudgeted spend"))
        let summary = VarianceJob.report(result, calendar: FiscalCalendar()).summary.joined(separator: " ")
        #expect(summary.contains("(80% range $") && !summary.contains("range  to"), "\(summary)")
        // The whole year's projection is not set against July's budget in the headline: it read
        // "$11,000 over budget" against a budget of one month.
        #expect(summary.contains("the budget covers 1 of FY2026's 12 months, so the projected year is not set against it.") && !summary.contains("expense $7,200 (80% range $6,902 to $7,498), "), "\(summary)")
        #expect(!VarianceJob.report(result, calendar: FiscalCalendar()).keyFigures.contains { $0.label == "Projected variance" })
        // Nor in the CSV: the year-to-date rows' projected variance is blank, not $6,700 "over".
        #expect(result.rows.allSatisfy { $0.projectedVariance == nil && $0.projectedRateVariance == nil })
        // A whole year budgeted with one month at $0 (between budgeted months) is a whole budget:
        // its projected variance was blanked report-wide. Trailing 0.00 months are still left out.
        let zeroMonth = Self.fiscalMonths.map { ("D1", "Supplies", $0, $0 == "2025-12" ? 0.0 : 1_000) }
        let whole = try VarianceJob().run(budget: Self.table(zeroMonth), actuals: Self.table([("D1", "Supplies", "2025-07", 1_000)]), volumes: nil)
        #expect(whole.partialBudget == nil && whole.rows.contains { $0.projectedVariance != nil }, "\(whole.notes)")
        let half = Self.fiscalMonths.map { ("D1", "Supplies", $0, $0 >= "2026-01" ? 0.0 : 1_000) }
        #expect(try VarianceJob().run(budget: Self.table(half), actuals: Self.table([("D1", "Supplies", "2025-07", 1_000)]), volumes: nil).partialBudget?.0 == 6)
    }

    /// Salaries $100,000 at 300 patient days a month, but $40,000 at 30 in a month the unit was
    /// closed: that month's $1,333 a day lifted the forecast rate above every month booked. It
    /// takes the line's overall rate, $540,000 / 1,530 days.
    @Test func aMonthOfLittleVolumeTakesTheOverallRate() {
        let booked = [0: 100_000.0, 1: 100_000, 2: 40_000, 3: 100_000, 4: 100_000, 5: 100_000]
        let volume = [0: 300.0, 1: 300, 2: 30, 3: 300, 4: 300, 5: 300]
        let rates = LineForecasts.rates(booked, volume: volume)
        #expect(abs(rates[2]! - 540_000.0 / 1_530) < 1e-9 && abs(rates[0]! - 1_000.0 / 3) < 1e-9, "\(rates)")
    }

    /// An original and a revised budget in one export (100,000 and 105,000 for one month)
    /// were summed to 205,000 without a word: still summed, and named.
    @Test func budgetVersionsInOneExportAreNamed() throws {
        let budget = Self.table([("D1", "Salaries", "2025-07", 100_000), ("D1", "Salaries", "2025-07", 105_000), ("D1", "Supplies", "2025-07", 1_000)])
        let result = try VarianceJob().run(budget: budget, actuals: Self.table([("D1", "Salaries", "2025-07", 100_000)]), volumes: nil)
        #expect(result.notes.contains("1 department, account and month has budget rows with different amounts (first D1 / Salaries 2025-07): summed; if the export holds two versions of the budget (original and revised), keep one"), "\(result.notes)")
    }

    /// An identical budget row twice doubled its month without a word; it is still summed (two
    /// lines may be alike), and a note counts the repeats.
    @Test func budgetRowsRepeatedExactlyAreCounted() throws {
        let budget = Self.table(Self.fiscalMonths.map { ("D1", "Supplies", $0, 1_000) } + [("D1", "Supplies", "2025-08", 1_000)])
        let result = try VarianceJob().run(budget: budget, actuals: Self.table([("D1", "Supplies", "2025-07", 1_000)]), volumes: nil)
        #expect(result.notes == ["1 budget row repeats an earlier row exactly (department, account, month and amount; first D1 / Supplies 2025-08 1000): summed; if it is a copy, remove it from the budget"])
        #expect(result.rows.first { $0.line.period == "2025-08" && $0.line.account == "Supplies" }?.line.budget == 2_000)
    }

    /// Fourteen months of actuals reported through 2025-07: the proposal took the twelve
    /// months to 2025-08, one after the report's month.
    @Test func theProposalLearnsOnlyFromMonthsThroughTheReportsMonth() throws {
        let months = Self.monthLabels(14, from: 2024)
        var rows: [(String, String, String, Double)] = []
        for (k, m) in months.enumerated() { rows.append(("D1", "Rent", m, k == 13 ? 13_000 : 1_000)) }
        let actuals = Self.table(rows)
        let budget = Self.table(Self.fiscalMonths.map { ("D1", "Rent", $0, 1_000) })
        var proposal = BudgetProposal(fiscalYear: 2027)
        proposal.asOf = Self.month(2025, 7)
        let proposed = try proposal.run(budget: budget, actuals: actuals, volumes: nil)
        #expect(proposed.assumptions.contains { $0.contains("2024-08 to 2025-07") }, "\(proposed.assumptions)")
        #expect(abs(proposed.total - 12_000) < 1, "\(proposed.total)")
    }

    /// A line budgeted at $3,000 a month and never booked (an annual fee not yet invoiced) was
    /// projected at $0, favorable by $36,000 for the year, and left out of the proposal, each
    /// without a word.
    @Test func aBudgetedLineNeverBookedIsNamedInTheReportAndTheProposal() throws {
        let budget = Self.fiscalMonths.flatMap { [("ED", "Salaries", $0, 50_000.0), ("ED", "Consulting", $0, 3_000.0)] }
        let actuals = Self.fiscalMonths.prefix(6).map { ("ED", "Salaries", $0, 50_000.0) }
        var job = VarianceJob()
        job.asOf = Self.month(2025, 12)
        let result = try job.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil)
        #expect(result.notes.contains("1 budgeted line has no posting from 2025-07 to 2025-12, ED / Consulting ($18,000 budgeted): projected at $0 and favorable by its whole budget; check the export covers it (a cost invoiced later in the year reads as a saving until then)"), "\(result.notes)")
        var proposal = BudgetProposal(fiscalYear: 2027)
        proposal.asOf = Self.month(2025, 12)
        let proposed = try proposal.run(budget: Self.table(budget), actuals: Self.table(actuals), volumes: nil)
        #expect(proposed.assumptions.contains("Left out: 1 budgeted line without actuals from 2025-07 to 2025-12, ED / Consulting ($36,000 budgeted); add it by hand if it continues."), "\(proposed.assumptions)")
        // Revenue not yet booked is a shortfall, not a saving, whatever sign the export gives it.
        let grant = Self.fiscalMonths.map { ("ED", "Grant Revenue", $0, -10_000.0) }
        let revenue = try job.run(budget: Self.table(budget + grant, types: (budget + grant).map { $0.1 == "Grant Revenue" ? "revenue" : "expense" }),
                                  actuals: Self.table(actuals), volumes: nil)
        #expect(revenue.notes.contains { $0.hasPrefix("1 budgeted revenue line has no posting from 2025-07 to 2025-12, ED / Grant Revenue ($60,000 budgeted): projected at $0 and unfavorable by its whole budget") }, "\(revenue.notes)")
        // Booked once, it is neither.
        let booked = try job.run(budget: Self.table(budget), actuals: Self.table(actuals + [("ED", "Consulting", "2025-09", 100)]), volumes: nil)
        #expect(!booked.notes.contains { $0.contains("no posting from") }, "\(booked.notes)")
    }
}

/// DESIGN: department totals carry every column. A forecast month's TOTAL left its flexed
/// budget and volume / rate split empty whenever a fixed line (rent, purchased services) was
/// among the department's lines: the fixed line has no volume forecast, though its flexed
/// budget is its budget whatever the volume.
@Suite struct VarianceTotalSplitTests {
    @Test func aForecastTotalWithAFixedLineCarriesItsFlexedSplit() throws {
        let months = VarianceReviewTests.monthLabels(24, from: 2024)
        let lines = months.flatMap { m in [("D1", "Supplies", m, 1_000.0), ("D1", "Rent", m, 500.0)] }
        var budget = VarianceReviewTests.table(lines)
        budget.append("behavior", .text(lines.map { $0.1 == "Rent" ? "fixed" : "variable" }))
        budget.append("volume", .number(lines.map { _ in 100 }))
        let booked = lines.prefix(2 * 21).enumerated().map { k, l in (l.0, l.1, l.2, l.3 * (l.1 == "Rent" ? 1 : 1 + Double(k % 5) / 50)) }
        var actuals = VarianceReviewTests.table(Array(booked))
        actuals.append("volume", .number(booked.enumerated().map { k, _ in 100 + Double((k / 2) % 5) * 2 }))
        let table = VarianceJob.table(try VarianceJob().run(budget: budget, actuals: actuals, volumes: nil))
        let accounts = try #require(table.texts("account")), periods = try #require(table.texts("period")), basis = try #require(table.texts("basis"))
        let flexed = try #require(table.numbers("flexed_budget")), rate = try #require(table.numbers("rate_variance"))
        let forecastTotals = accounts.indices.filter { accounts[$0] == "TOTAL" && basis[$0] == "forecast" && !periods[$0].hasSuffix("YTD") }
        #expect(!forecastTotals.isEmpty)
        for i in forecastTotals { #expect(flexed[i].isFinite && rate[i].isFinite, "TOTAL \(periods[i]): flexed \(flexed[i]), rate \(rate[i])") }
        let rent = accounts.indices.first { accounts[$0] == "Rent" && basis[$0] == "forecast" }
        #expect(rent.map { flexed[$0] } == 500)
    }
}
