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
}
