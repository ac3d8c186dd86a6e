import Foundation
import Testing
import Tabular

/// A ledger dated by the day, extracted mid-month: its last month is part of one, and read as
/// booked it turned an overspend into an underspend (a finance review's case, by hand).
@Suite struct VarianceLedgerDaysTests {
    /// ICU's Supplies and Drugs budgeted 3,000 a month each (fixed), FY2026 from July 2025.
    static let budget = "department,account,period,amount,account_type,behavior\n"
        + (0..<12).flatMap { k -> [String] in
            let month = (k + 6) % 12 + 1, year = k < 6 ? 2025 : 2026
            let label = "\(year)-\(month < 10 ? "0" : "")\(month)"
            return ["ICU,Supplies,\(label),3000,expense,fixed", "ICU,Drugs,\(label),3000,expense,fixed"]
        }.joined(separator: "\n") + "\n"

    /// 100 a day on each account from 1 July 2025 through `last`.
    static func ledger(through last: CalendarDay) -> String {
        var text = "department,account,period,amount\n"
        var day = CalendarDay(year: 2025, month: 7, day: 1)!
        while day <= last {
            text += "ICU,Supplies,\(day),100\nICU,Drugs,\(day),100\n"
            day = day.adding(days: 1)
        }
        return text
    }

    @Test func aLedgerStoppingMidMonthIsReportedThroughTheMonthBefore() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try Self.ledger(through: CalendarDay(year: 2025, month: 11, day: 15)!).write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("The actuals (gl.csv) stop on 2025-11-15, part-way through 2025-11: reported through 2025-10"), "\(run.stderr)")
        // July to October: 123 days at 200 a day = 24,600 against 24,000.
        let report = try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.md"))
        #expect(report.contains("year to date budget $24,000, actual $24,600, $600 over budget."), "\(report.prefix(600))")
        // Through the month's last day, November is whole and reported.
        try Self.ledger(through: CalendarDay(year: 2025, month: 11, day: 30)!).write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let whole = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out2"], in: dir)
        #expect(whole.status == 0 && !whole.stderr.contains("part-way") && whole.stderr.contains("through 2025-11"), "\(whole.stderr)")
    }

    /// A payroll posted on the 15th and on the month's last day, the same amounts each time (a
    /// finance review's case): the note said every row of 3 months was there twice and to keep
    /// one copy, which would have halved payroll. Repeated on the same day, it is said still.
    @Test func postingsOnTwoDaysOfAMonthAreNoMonthExportedTwice() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        var gl = "department,account,period,amount\n"
        for (month, last) in [(7, 31), (8, 31), (9, 30)] {
            for day in [15, last] { gl += "ICU,Supplies,2025-0\(month)-\(day),1500\nICU,Drugs,2025-0\(month)-\(day),1500\n" }
        }
        try gl.write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out"], in: dir)
        #expect(run.status == 0 && !run.stderr.contains("hold every row"), "\(run.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.csv")).contains("ICU,Supplies,2025-09,3000,3000,0"))
        // September's rows exported twice, on their own days.
        let september = gl.split(separator: "\n").filter { $0.contains("2025-09-") }.joined(separator: "\n")
        try (gl + september + "\n").write(to: dir.appendingPathComponent("gl2.csv"), atomically: false, encoding: .utf8)
        let twice = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl2.csv", "--out", "out2"], in: dir)
        #expect(twice.stderr.contains("hold every row of 2025-09 (8 rows) twice, the same department, account, day and amount"), "\(twice.stderr)")
    }

    /// A budget's statistic under the volumes file's header, `budget_volume`: left unread, every
    /// variance was rate. It is read as the budget's volume by its words, as with the map.
    @Test func aBudgetsBudgetVolumeColumnIsReadAsItsVolume() throws {
        let dir = try CLIRunner.workspace()
        var budget = "department,account,period,amount,budget_volume,behavior\n", gl = "department,account,period,amount\n", volumes = "department,period,actual_volume\n"
        for month in 7...9 {
            budget += "ICU,Drugs,2025-0\(month),100000,1000,variable\n"
            gl += "ICU,Drugs,2025-0\(month),120000\n"
            volumes += "ICU,2025-0\(month),1200\n"
        }
        for (name, text) in [("budget.csv", budget), ("gl.csv", gl), ("volumes.csv", volumes)] {
            try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        for (out, map) in [("out", [String]()), ("out2", ["--columns", "budget.volume=budget_volume"])] {
            let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--volumes", "volumes.csv"] + map + ["--out", out], in: dir)
            #expect(run.status == 0 && !run.stderr.contains("left unread") && !run.stderr.contains("no budget_volume"), "\(run.stderr)")
            // Flexed by 1,200 / 1,000: 120,000, all volume.
            #expect(try CLIRunner.read(dir.appendingPathComponent("\(out)/budget_variance.csv")).contains("ICU,Drugs,2025-07,100000,120000,20000,20,false,120000,20000,0,"))
        }
    }

    /// 100 a day on each account from `first` through `last`, on weekdays only when asked.
    static func ledger(from first: CalendarDay, through last: CalendarDay, weekdaysOnly: Bool = false) -> String {
        var text = "department,account,period,amount\n"
        var day = first
        while day <= last {
            if !weekdaysOnly || day.isoWeekday <= 5 { text += "ICU,Supplies,\(day),100\nICU,Drugs,\(day),100\n" }
            day = day.adding(days: 1)
        }
        return text
    }

    /// A finance review's case 01 in small: an extract from 14 July 2025 (a "last N days" GL
    /// report) through 30 September, 100 a day on each account against 3,000 a month. July
    /// covers 14-31, 18 of 31 days: 1,800 booked of a 3,100 month. It was read as a booked
    /// month with no word (each line -40%), and fitted, pulling October's forecast down. Now
    /// its rows and the year to date are flagged partial, the note names the days, the summary
    /// says the year to date is incomplete, and the forecast is fitted on August (3,100) and
    /// September (3,000) only: with July in, it came out under 3,000.
    @Test func aLedgerBeginningMidMonthHasAPartialFirstMonth() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try Self.ledger(from: CalendarDay(year: 2025, month: 7, day: 14)!, through: CalendarDay(year: 2025, month: 9, day: 30)!)
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the actuals (gl.csv) begin on 2025-07-14, part-way through 2025-07: 2025-07 covers 14-31 July, 18 of 31 days (the ledger posts on days, 13 of them in 2025-07 before its first row)"), "\(run.stderr)")
        #expect(run.stderr.contains("re-export from 1 July") && run.stderr.contains("through 2025-09"), "\(run.stderr)")
        let csv = try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.csv"))
        #expect(csv.contains("ICU,Supplies,2025-07,3000,1800,-1200,-40,true,3000,0,-1200,,,,,,partial,actual"), "\(csv.prefix(600))")
        #expect(csv.contains("ICU,Supplies,2025-08,3000,3100,100,3.3,false,3000,0,100,,,,,,,actual"))
        let ytd = try #require(csv.split(separator: "\n").first { $0.hasPrefix("ICU,TOTAL,FY2026-YTD,") })
        #expect(ytd.contains(",partial,"), "\(ytd)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.md"))
        // Year to date: 18,000 budget, 2 x (1,800 + 3,100 + 3,000) = 15,800 booked.
        #expect(report.contains("year to date budget $18,000, actual $15,800, $2,200 under budget; incomplete: the actuals cover 2025-07 from 2025-07-14 only, 18 of its 31 days"), "\(report.prefix(900))")
        #expect(report.contains("under budget, counting 2025-07 for its 18 days only."), "\(report.prefix(900))")
        let october = try #require(csv.split(separator: "\n").first { $0.hasPrefix("ICU,Supplies,2025-10,") })
        let forecast = try #require(Double(october.split(separator: ",", omittingEmptySubsequences: false)[18]))
        #expect(forecast >= 3_000 && forecast <= 3_100, "\(october)")
    }

    /// A finance review's case 04 in small: 100 a day on each account from 1 July 2025 through
    /// 15 December (exported mid-month), --as-of 2025-12. July to November book 3,000-3,100 a
    /// month; December's 15 days 1,500 are reported, flagged partial, and left out of the
    /// forecast as a part first month is: January is fitted on July to November, 3,000-3,100.
    /// With the half month fitted as a level it came out under 3,000.
    @Test func aPartAsOfMonthIsLeftOutOfTheForecast() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try Self.ledger(from: CalendarDay(year: 2025, month: 7, day: 1)!, through: CalendarDay(year: 2025, month: 12, day: 15)!)
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--as-of", "2025-12", "--out", "out"], in: dir)
        #expect(run.status == 0 && run.stderr.contains("the month left out of every line's forecast"), "\(run.stderr)")
        let csv = try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.csv"))
        #expect(csv.contains("ICU,Supplies,2025-12,3000,1500,"), "\(csv.prefix(900))")
        let january = try #require(csv.split(separator: "\n").first { $0.hasPrefix("ICU,Supplies,2026-01,") })
        let forecast = try #require(Double(january.split(separator: ",", omittingEmptySubsequences: false)[18]))
        #expect(forecast >= 3_000 && forecast <= 3_100, "\(january)")
    }

    /// The reference beside it: the same ledger from 1 July has no part month, and month totals
    /// dated on each month's last day (the first row on 31 July) are no extract from the 31st.
    @Test func aLedgerFromTheFirstAndMonthTotalsHaveNoPartialMonth() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        try Self.ledger(from: CalendarDay(year: 2025, month: 7, day: 1)!, through: CalendarDay(year: 2025, month: 9, day: 30)!)
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let whole = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out"], in: dir)
        #expect(whole.status == 0 && !whole.stderr.contains("part-way") && !whole.stderr.contains("partial"), "\(whole.stderr)")
        #expect(!(try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.csv"))).contains(",partial,"))
        let totals = "department,account,period,amount\nICU,Supplies,2025-07-31,3100\nICU,Supplies,2025-08-31,3100\nICU,Supplies,2025-09-30,3000\n"
        try totals.write(to: dir.appendingPathComponent("totals.csv"), atomically: false, encoding: .utf8)
        let monthly = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "totals.csv", "--out", "out2"], in: dir)
        #expect(monthly.status == 0 && !monthly.stderr.contains("part-way") && monthly.stderr.contains("through 2025-09"), "\(monthly.stderr)")
        #expect(!(try CLIRunner.read(dir.appendingPathComponent("out2/budget_variance.csv"))).contains(",partial,"))
    }

    /// A finance review's case 04 in small: 100 a weekday on each account from Tuesday 1 July
    /// 2025 through Monday 24 November, four weekdays (25-28) short of November's end and 6
    /// calendar days, under the week the old rule asked for: November was booked (YTD
    /// $30,000 budget against $21,000: $9,000 under). Now it is partial and the report runs
    /// through October: 89 weekdays (23 + 21 + 22 + 23) x 200 = $17,800 against $24,000,
    /// $6,200 under. Through Friday 28 November (29-30 a weekend) November is whole.
    @Test func aWeekdayLedgerStoppingFourWeekdaysShortIsPartial() throws {
        let dir = try CLIRunner.workspace()
        try Self.budget.write(to: dir.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        let first = CalendarDay(year: 2025, month: 7, day: 1)!
        try Self.ledger(from: first, through: CalendarDay(year: 2025, month: 11, day: 24)!, weekdaysOnly: true)
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("The actuals (gl.csv) stop on 2025-11-24, part-way through 2025-11: reported through 2025-10"), "\(run.stderr)")
        #expect(run.stderr.contains("the ledger posts on weekdays, 4 of them in 2025-11 after its last row"), "\(run.stderr)")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/budget_variance.md"))
        #expect(report.contains("year to date budget $24,000, actual $17,800, $6,200 under budget."), "\(report.prefix(600))")
        // Asked for by --as-of, the part November is reported, flagged partial and said
        // incomplete: 16 weekdays x 200 = 3,200 against 6,000, not read as $2,800 saved.
        let asked = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--as-of", "2025-11", "--out", "out3"], in: dir)
        #expect(asked.stderr.contains("the actuals (gl.csv) stop on 2025-11-24, part-way through 2025-11 (the ledger posts on weekdays, 4 of them in 2025-11 after its last row): reported through it as --as-of asks"), "\(asked.stderr)")
        let askedCSV = try CLIRunner.read(dir.appendingPathComponent("out3/budget_variance.csv"))
        #expect(askedCSV.contains("ICU,Supplies,2025-11,3000,1600,-1400,-46.7,true,3000,0,-1400,,,,,,partial,actual"), "\(askedCSV.prefix(900))")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out3/budget_variance.md")).contains("incomplete: the actuals cover 2025-11 through 2025-11-24 only, 24 of its 30 days"))
        try Self.ledger(from: first, through: CalendarDay(year: 2025, month: 11, day: 28)!, weekdaysOnly: true)
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let whole = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--out", "out2"], in: dir)
        #expect(whole.status == 0 && !whole.stderr.contains("part-way") && whole.stderr.contains("through 2025-11"), "\(whole.stderr)")
        // 109 weekdays (89 + 20) x 200 = 21,800 against 30,000.
        #expect(try CLIRunner.read(dir.appendingPathComponent("out2/budget_variance.md")).contains("year to date budget $30,000, actual $21,800, $8,200 under budget."))
    }
}
