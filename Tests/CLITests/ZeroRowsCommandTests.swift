import Foundation
import Testing
import Tabular

/// DESIGN.md, Calendar: a series is closed on a weekday it is never *used* on (or used on a
/// tenth of its periods at most). A 0 that an export lists is a row, not use: many ERP exports
/// list 0 on every day an item was not issued, and `aggregate --frequency day` writes such
/// zeros. Read as use, a clinic pad's weekend zeros opened its weekends, and July 2025 was
/// forecast at 177.02 for its 23 weekdays' 184; an item used on 14% of days was taken for one
/// begun within its first month and used on most days since.
@Suite struct ZeroRowsCommandTests {
    private func rows(_ url: URL) throws -> [[String]] {
        try CLIRunner.read(url).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Each item's quantity on `day` (nil: the item has not begun yet) for a year and a half
    /// of a health system's export: a ward item 7 every day, a clinic item 10 on each weekday,
    /// and an occasional item 2 on about one day in seven from Wednesday 8 January 2025.
    private static func use(_ item: String, on day: CalendarDay, index k: Int) -> Double? {
        switch item {
        case "WARD": return 7
        case "CLINIC": return day.isoWeekday <= 5 ? 10 : 0
        default:
            guard k >= 7 else { return nil }
            return (k &* 2_654_435_761) % 97 < 14 ? 2 : 0
        }
    }

    private static let items = ["WARD", "CLINIC", "OCCASIONAL"]

    /// The export as three files: without zero rows, with a 0 row on each day an item began
    /// and did not use, and as a wide sheet with 0 cells.
    private func writeExports(in dir: URL) throws {
        var plain = "date,item,quantity\n", zeros = plain
        var wide = "date," + Self.items.joined(separator: ",") + "\n"
        var d = try #require(CalendarDay(year: 2025, month: 1, day: 1)), k = 0
        while d <= CalendarDay(year: 2026, month: 6, day: 30)! {
            var cells: [String] = []
            for item in Self.items {
                let value = Self.use(item, on: d, index: k)
                cells.append(value.map { String(Int($0)) } ?? "0")
                guard let value else { continue }
                if value > 0 { plain += "\(d),\(item),\(Int(value))\n" }
                zeros += "\(d),\(item),\(Int(value))\n"
            }
            wide += "\(d)," + cells.joined(separator: ",") + "\n"
            d = d.adding(days: 1)
            k += 1
        }
        try plain.write(to: dir.appendingPathComponent("plain.csv"), atomically: false, encoding: .utf8)
        try zeros.write(to: dir.appendingPathComponent("zeros.csv"), atomically: false, encoding: .utf8)
        try wide.write(to: dir.appendingPathComponent("wide.csv"), atomically: false, encoding: .utf8)
    }

    @Test func zeroRowsForecastMonthsAsTheExportWithoutThem() throws {
        let dir = try CLIRunner.workspace()
        try writeExports(in: dir)
        func forecast(_ input: String, _ extra: [String] = []) throws -> (rows: [[String]], notes: [String]) {
            let out = input.replacingOccurrences(of: ".csv", with: "-f.csv")
            let run = try CLIRunner.run(["forecast", "--input", input, "--frequency", "month", "--horizon", "3", "--out", out] + extra, in: dir)
            #expect(run.status == 0, "stderr: \(run.stderr)")
            return (try rows(dir.appendingPathComponent(out)), run.stderr.split(separator: "\n").filter { $0.hasPrefix("note:") }.map(String.init))
        }
        let plain = try forecast("plain.csv")
        // The clinic item is closed at weekends, and the occasional one keeps its first month.
        #expect(plain.notes.contains { $0.contains("(CLINIC: Monday to Friday)") }, "\(plain.notes)")
        #expect(!plain.notes.contains { $0.contains("begin") }, "\(plain.notes)")
        let zeros = try forecast("zeros.csv")
        #expect(zeros.rows == plain.rows)
        #expect(zeros.notes == plain.notes)
        let wide = try forecast("wide.csv", ["--unpivot", "*", "--names-to", "item", "--values-to", "quantity"])
        #expect(wide.rows == plain.rows)
        #expect(wide.notes == plain.notes)
        // And through aggregate's own zero-filled days.
        let aggregate = try CLIRunner.run(["aggregate", "--input", "plain.csv", "--frequency", "day", "--out", "days.csv"], in: dir)
        #expect(aggregate.status == 0, "stderr: \(aggregate.stderr)")
        let days = try forecast("days.csv")
        #expect(days.rows == plain.rows)
        #expect(days.notes == plain.notes)
    }
}
