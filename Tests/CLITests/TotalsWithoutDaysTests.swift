import Foundation
import Testing

/// Review case 03: README's quick start, `aggregate --out monthly.csv` then `forecast --input
/// monthly.csv`, forecast a clinic item issued 10 every weekday at a flat ~218 a month where
/// the export itself gives 220, 210, 220, 230 (its months' 22, 21, 22, 23 weekdays), without a
/// word: the file of monthly totals holds no day counts. `forecast` now says so.
@Suite struct TotalsWithoutDaysTests {
    /// Item A, 10 every weekday of 2025.
    static let daily: String = {
        var rows = ["date,item,quantity"]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.date(from: DateComponents(year: 2025, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: 2026, month: 1, day: 1))!
        let format = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        while day < end {
            let weekday = calendar.component(.weekday, from: day)
            if weekday != 1 && weekday != 7 { rows.append("\(day.formatted(format)),A,10") }
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    @Test func forecastOfMonthlyTotalsSaysTheDaysAreNotKnown() throws {
        let dir = try CLIRunner.workspace()
        try TotalsWithoutDaysTests.daily.write(to: dir.appendingPathComponent("daily.csv"), atomically: false, encoding: .utf8)
        let aggregate = try CLIRunner.run(["aggregate", "--input", "daily.csv", "--out", "monthly.csv", "--quiet"], in: dir)
        #expect(aggregate.status == 0, "\(aggregate.stderr)")
        let chain = try CLIRunner.run(["forecast", "--input", "monthly.csv", "--horizon", "2", "--out", "chain.csv"], in: dir)
        #expect(chain.status == 0, "\(chain.stderr)")
        #expect(chain.stderr.contains("the rows are monthly totals headed series,period,value as aggregate writes them, which hold no day counts"), "\(chain.stderr)")
        #expect(chain.stderr.contains("if this file came from aggregate, forecast the daily export itself"), "\(chain.stderr)")
        let direct = try CLIRunner.run(["forecast", "--input", "daily.csv", "--horizon", "2", "--out", "direct.csv"], in: dir)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(!direct.stderr.contains("hold no day counts"), "\(direct.stderr)")
    }

    /// Review 2 case 05: a general-ledger export, monthly at source (`Fiscal Period`, `Amount`:
    /// a ledger has no daily export), got the note and its two routes, and the pipeline route
    /// gave the same 12 forecasts. Only a file headed as aggregate writes it gets the note.
    @Test func aLedgerMonthlyAtSourceGetsNoNote() throws {
        let dir = try CLIRunner.workspace()
        let rows = (1...24).map { m in "6100,\(2024 + (m - 1) / 12)-\((m - 1) % 12 < 9 ? "0" : "")\((m - 1) % 12 + 1),\(1000 + m * 10)" }
        try (["Account,Fiscal Period,Amount"] + rows).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("gl.csv"), atomically: false, encoding: .utf8)
        let ledger = try CLIRunner.run(["forecast", "--input", "gl.csv", "--series", "Account", "--date", "Fiscal Period", "--value", "Amount",
                                        "--frequency", "month", "--horizon", "2", "--out", "fc.csv"], in: dir)
        #expect(ledger.status == 0, "\(ledger.stderr)")
        #expect(!ledger.stderr.contains("hold no day counts"), "\(ledger.stderr)")
    }
}
