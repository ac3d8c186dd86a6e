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

    /// A budget's statistic under the volumes file's header, `budget_volume`: left unread without
    /// a word, every variance was rate, and the note's map (`budget_volume=`) changed nothing.
    @Test func aBudgetsBudgetVolumeColumnIsNamedWithTheMapThatReadsIt() throws {
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
        let run = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--volumes", "volumes.csv", "--out", "out"], in: dir)
        #expect(run.stderr.contains("a column left unread that looks like a role of budget: 'budget_volume' (volume)"), "\(run.stderr)")
        #expect(run.stderr.contains("--columns budget.volume=HEADER if the budget has it"), "\(run.stderr)")
        let mapped = try CLIRunner.run(["variance", "--budget", "budget.csv", "--actuals", "gl.csv", "--volumes", "volumes.csv",
                                        "--columns", "budget.volume=budget_volume", "--out", "out2"], in: dir)
        // Flexed by 1,200 / 1,000: 120,000, all volume.
        #expect(try CLIRunner.read(dir.appendingPathComponent("out2/budget_variance.csv")).contains("ICU,Drugs,2025-07,100000,120000,20000,20,false,120000,20000,0,"))
        #expect(!mapped.stderr.contains("no budget_volume"), "\(mapped.stderr)")
    }
}
