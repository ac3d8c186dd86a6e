import Foundation
import Tabular
import Testing

/// Review s37 (forecast/aggregate), run through the commands.
@Suite struct PartFirstPeriodCommandTests {
    /// OLD at 10 a day from 2026-01-01 to 2026-11-18 (November partial, left out); EAST at 40 a
    /// day from Thursday 20 August (12 of August's 31 days, 480); WEST at 40 a day from
    /// Thursday 8 October (24 of October's 31 days, 960), nothing else.
    private static func export() -> String {
        var text = "date,item,quantity\n"
        var day = CalendarDay(year: 2026, month: 1, day: 1)!
        while day <= CalendarDay(year: 2026, month: 11, day: 18)! {
            text += "\(day),OLD,10\n"
            if day >= CalendarDay(year: 2026, month: 8, day: 20)! { text += "\(day),EAST,40\n" }
            if day >= CalendarDay(year: 2026, month: 10, day: 8)! { text += "\(day),WEST,40\n" }
            day = day.adding(days: 1)
        }
        return text
    }

    private func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `aggregate` leaves EAST's part August out of its output (before: `EAST,2026-08,480`, a
    /// month a forecast of the output fitted as whole while the note said forecasts left it
    /// out): EAST starts with September's 1,200. WEST keeps its only month, 960, and the note
    /// says so. `--partial keep` keeps August (480) and names November's 18 of 30 days.
    /// `forecast` reads WEST's October at its days' rate: 40 a day, 1,200 for November's 30
    /// days (before: 929.03 from 960 read as a whole month) with an interval wider than a point
    /// (before: lo80 = hi80).
    @Test func aggregateLeavesOutANewSeriesPartFirstMonthAndForecastReadsAnOnlyOneAtItsRate() throws {
        let dir = try CLIRunner.workspace()
        try Self.export().write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let aggregate = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--out", "a.csv"], in: dir)
        #expect(aggregate.status == 0, "stderr: \(aggregate.stderr)")
        let written = rows(try CLIRunner.read(dir.appendingPathComponent("a.csv")))
        #expect(written.filter { $0[0] == "EAST" }.map { "\($0[1])=\($0[2])" } == ["2026-09=1200", "2026-10=1240"], "\(written)")
        #expect(written.filter { $0[0] == "WEST" }.map { "\($0[1])=\($0[2])" } == ["2026-10=960"], "\(written)")
        #expect(aggregate.stderr.contains("the series starts with its first whole month (EAST 2026-08 from 2026-08-20)"), "\(aggregate.stderr)")
        // Its CSV cannot mark the 960 as 24 days: the note says how a forecast of it reads it.
        #expect(aggregate.stderr.contains("(WEST 2026-10 from 2026-10-08: 24 of 31 days): its sum over those days is written as the month's value, as leaving it out would leave nothing; a forecast of this output reads it as a whole month"), "\(aggregate.stderr)")

        let keep = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--partial", "keep", "--out", "k.csv"], in: dir)
        #expect(rows(try CLIRunner.read(dir.appendingPathComponent("k.csv"))).contains { $0 == ["EAST", "2026-08", "480"] })
        #expect(keep.stderr.contains("partial periods kept (--partial keep): 2026-11 covers 18 of 30 days"), "\(keep.stderr)")

        let forecast = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "1", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        let west = try #require(rows(try CLIRunner.read(dir.appendingPathComponent("f.csv"))).first { $0[0] == "WEST" })
        #expect(west[1] == "2026-11" && abs(Double(west[2])! - 1200) < 0.01, "\(west)")
        #expect(Double(west[4])! - Double(west[3])! > 100, "\(west)")
    }

    /// The same through a pipeline: the aggregate stage's table starts EAST at September (before:
    /// August's 480 in it), and the forecast stage reads WEST's only October at its days' rate,
    /// 1,200 for November (before: 929.03, as the stage was not told).
    @Test func aPipelinesAggregateAndForecastStagesDoTheSame() throws {
        let dir = try CLIRunner.workspace()
        try Self.export().write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let spec = """
        calendar:
          frequency: month
        stages:
          usage:
            kind: import
            table: usage
            file: u.csv
          monthly:
            kind: aggregate
            input: usage
          demand:
            kind: forecast
            input: monthly
            horizon: 1
          save:
            kind: export
            input: demand.forecasts
            file: fc.csv
          save_m:
            kind: export
            input: monthly
            file: m.csv
        """
        try spec.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["run", "p.yml", "--out", "out"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let monthly = rows(try CLIRunner.read(dir.appendingPathComponent("out/m.csv")))
        #expect(monthly.filter { $0[0] == "EAST" }.map { $0[1] } == ["2026-09", "2026-10"], "\(monthly)")
        let west = try #require(rows(try CLIRunner.read(dir.appendingPathComponent("out/fc.csv"))).first { $0[0] == "WEST" })
        #expect(west[1] == "2026-11" && abs(Double(west[2])! - 1200) < 0.01, "\(west)")
    }
}
