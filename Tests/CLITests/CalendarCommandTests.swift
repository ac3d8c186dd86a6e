import Foundation
import Testing

/// DESIGN.md, Calendar: partial first and last periods are left out by default and named;
/// `--gaps missing` keeps unrecorded periods out of fits and outputs. Each case is one that
/// a real export got wrong before (a Tuesday cut-off halved a weekly census forecast).
@Suite struct CalendarCommandTests {
    /// Daily rows of `value` for one item from `first` to `last`, leaving out `skip`.
    private func daily(_ first: String, _ last: String, _ value: Double, skip: ClosedRange<String>? = nil) -> String {
        var text = "date,item,quantity\n"
        var day = Self.day(first)
        let end = Self.day(last)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        while day <= end {
            let label = format.string(from: day)
            if skip?.contains(label) != true { text += "\(label),A,\(value)\n" }
            day = day.addingTimeInterval(86_400)
        }
        return text
    }

    private static func day(_ text: String) -> Date {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        return format.date(from: text)!
    }

    private func rows(_ url: URL) throws -> [[String]] {
        try CLIRunner.read(url).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func aMonthCoveredThroughThe15thIsLeftOutAndNamed() throws {
        let dir = try CLIRunner.workspace()
        try daily("2025-01-01", "2025-12-15", 5).write(to: dir.appendingPathComponent("u.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--out", "s.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("2025-12 covers 15 of 31 days: left out"))
        let periods = try rows(dir.appendingPathComponent("s.csv")).map { $0[1] }
        #expect(periods.last == "2025-11")
        #expect(!periods.contains("2025-12"))

        let kept = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--partial", "keep", "--out", "k.csv"], in: dir)
        #expect(kept.status == 0)
        #expect(try rows(dir.appendingPathComponent("k.csv")).last == ["A", "2025-12", "75"])
    }

    @Test func aWeekEndingOnTuesdayDoesNotHalveTheForecast() throws {
        let dir = try CLIRunner.workspace()
        // 2025-12-02 is a Tuesday: the last ISO week has 2 of its 7 days.
        try daily("2024-01-01", "2025-12-02", 340).write(to: dir.appendingPathComponent("u.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "week", "--horizon", "4", "--quiet", "--out", "f.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("2025-W49 covers 2 of 7 days: left out"))
        let forecasts = try rows(dir.appendingPathComponent("f.csv"))
        #expect(forecasts.map { $0[1] } == ["2025-W49", "2025-W50", "2025-W51", "2025-W52"])
        for row in forecasts { #expect(abs(Double(row[2])! - 2_380) <= 23.8, "\(row)") }
    }

    @Test func missingWeeksAreNeitherFittedNorWrittenAsZero() throws {
        let dir = try CLIRunner.workspace()
        // 2025-03-03 .. 2025-03-30 is four whole ISO weeks without a row.
        try daily("2024-01-01", "2025-11-30", 100, skip: "2025-03-03"..."2025-03-30")
            .write(to: dir.appendingPathComponent("c.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["forecast", "--input", "c.csv", "--frequency", "week", "--horizon", "3", "--gaps", "missing", "--quiet", "--out", "f.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for row in try rows(dir.appendingPathComponent("f.csv")) { #expect(abs(Double(row[2])! - 700) <= 7, "\(row)") }

        let aggregate = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--out", "s.csv"], in: dir)
        #expect(aggregate.status == 0)
        let written = try rows(dir.appendingPathComponent("s.csv"))
        #expect(!written.contains { ["2025-W10", "2025-W11", "2025-W12", "2025-W13"].contains($0[1]) })
        #expect(written.allSatisfy { $0[2] == "700" })
        // As usage (the default), the same weeks are zero demand.
        let zero = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--out", "z.csv"], in: dir)
        #expect(zero.status == 0)
        #expect(try rows(dir.appendingPathComponent("z.csv")).filter { $0[2] == "0" }.count == 4)
    }

    @Test func tenADayFromTuesdayToTuesdayReordersFourteenDaysOfIt() throws {
        let dir = try CLIRunner.workspace()
        // 2025-09-02 and 2025-12-02 are Tuesdays: both the first and the last week are partial.
        try daily("2025-09-02", "2025-12-02", 10).write(to: dir.appendingPathComponent("usage.csv"), atomically: true, encoding: .utf8)
        try "item,description,vendor,unit_cost,lead_time_days,review_days\nA,Gauze,V1,2.5,7,7\n".write(to: dir.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "item,on_hand,on_order\nA,0,0\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let table = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv")).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let demand = Double(table[1][table[0].firstIndex(of: "demand_forecast")!])!
        #expect(abs(demand - 140) <= 0.7, "demand over 7 + 7 days: \(demand)")
    }

    @Test func unknownPoliciesAreUsageErrors() throws {
        let dir = try CLIRunner.workspace()
        let gaps = try CLIRunner.run(["aggregate", "--input", "x.csv", "--out", "y.csv", "--gaps", "blank"], in: dir)
        #expect(gaps.status == 2)
        #expect(gaps.stderr.contains("--gaps must be zero or missing, not 'blank'"))
        let partial = try CLIRunner.run(["forecast", "--input", "x.csv", "--out", "y.csv", "--horizon", "3", "--partial", "trim"], in: dir)
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("--partial must be drop or keep, not 'trim'"))
    }
}
