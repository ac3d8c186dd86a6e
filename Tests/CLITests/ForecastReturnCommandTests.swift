import Foundation
import Testing
import Tabular

/// `forecast` reads a return (a negative quantity, stock a ward sends back) as reorder does:
/// stock coming back, not negative demand (`ReturnedStock`). S1 is used 10 a day, every day
/// from 2025-07-01 to 2026-06-30, and one ward sends 500 back on 2026-06-24. Read into the
/// history, that week was -430 and the weekly forecast 0 for 70; the first day ahead 0.34 for
/// 10, and each month 256.56 for 310, with a note that the forecasts were clipped at 0.
@Suite struct ForecastReturnCommandTests {
    private func rows(_ url: URL) throws -> [[String]] {
        try CLIRunner.read(url).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func aReturnIsLeftOutOfAUsageSeriesForecast() throws {
        let dir = try CLIRunner.workspace()
        var text = "date,item,quantity\n"
        var d = CalendarDay(year: 2025, month: 7, day: 1)!
        while d <= CalendarDay(year: 2026, month: 6, day: 30)! { text += "\(d),S1,10\n"; d = d.adding(days: 1) }
        text += "2026-06-24,S1,-500\n"
        try text.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        for (frequency, expected) in [("day", 10.0), ("week", 70), ("month", 310)] {
            let run = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", frequency, "--horizon", "2", "--out", "f-\(frequency).csv"], in: dir)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            #expect(run.stderr.contains("1 return (negative values) of 1 series left out"), "stderr: \(run.stderr)")
            #expect(!run.stderr.contains("negative period totals"), "stderr: \(run.stderr)")
            for row in try rows(dir.appendingPathComponent("f-\(frequency).csv")) {
                #expect(abs(Double(row[2])! - expected) < 0.01 * expected, "\(frequency): \(row)")
            }
        }
        // aggregate sums every row as written: the week of the return nets it.
        let aggregate = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "week", "--out", "w.csv"], in: dir)
        #expect(aggregate.status == 0, "stderr: \(aggregate.stderr)")
        #expect(try rows(dir.appendingPathComponent("w.csv")).contains { $0[1] == "2026-W26" && $0[2] == "-430" })
    }
}
