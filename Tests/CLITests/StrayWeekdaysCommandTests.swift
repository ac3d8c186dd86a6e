import Foundation
import Testing
import Tabular

/// DESIGN.md, Calendar: a series is closed on a weekday it uses on a tenth of its days at most
/// (scarcer than chance at its other weekdays' rate, and not lately), by day as by month. By
/// day its stray uses on such a weekday kept every day open; read with the next open day, they
/// must not pile onto the history's last open day, close a weekday begun lately, or add a
/// census's levels up.
@Suite struct StrayWeekdaysCommandTests {
    private func rows(_ url: URL) throws -> [[String]] {
        try CLIRunner.read(url).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `header`, then a ward's `ward` every day from Monday 2024-07-01 through `last`, beside
    /// `item`'s `value(day)` (no row when nil).
    private func export(through last: CalendarDay, header: String = "date,item,quantity", ward: Int = 7,
                        item: String, _ value: (CalendarDay) -> Int?) -> String {
        var text = header + "\n"
        var d = CalendarDay(year: 2024, month: 7, day: 1)!
        while d <= last {
            text += "\(d),WARD,\(ward)\n"
            if let v = value(d) { text += "\(d),\(item),\(v)\n" }
            d = d.adding(days: 1)
        }
        return text
    }

    private func forecast(_ text: String, in dir: URL, _ arguments: [String]) throws -> (rows: [[String]], stderr: String) {
        let input = dir.appendingPathComponent("in-\(UUID().uuidString).csv")
        try text.write(to: input, atomically: false, encoding: .utf8)
        let out = "out-\(UUID().uuidString).csv"
        let run = try CLIRunner.run(["forecast", "--input", input.lastPathComponent, "--out", out] + arguments, in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return (try rows(dir.appendingPathComponent(out)), run.stderr)
    }

    @Test func aBiopsyKitsStrayTuesdayAndSundaysCloseThemByDay() throws {
        let dir = try CLIRunner.workspace()
        // Used 1 to 3 on about every other Monday, Wednesday, Thursday and Friday (a fixed LCG)
        // for two years through Tuesday 2026-06-30, once on a Tuesday and on 3 Sundays, beside
        // a ward item used every day. By day the strays kept every day open: 0.583 each day,
        // Tuesdays and weekends too, with no note.
        let strays: Set<String> = ["2024-10-13", "2025-02-11", "2025-06-15", "2026-01-18"]
        var state: UInt64 = 2024
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 30)!, item: "KIT") { day in
            guard [1, 3, 4, 5].contains(day.isoWeekday) else { return strays.contains("\(day)") ? 2 : nil }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let draw = Int((state >> 33) % 6)
            return draw < 3 ? draw + 1 : nil
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "31"])
        #expect(byDay.stderr.contains("(KIT: Monday and Wednesday to Friday)"), "\(byDay.stderr)")
        let kit = byDay.rows.filter { $0[0] == "KIT" }
        #expect(kit.count == 31 && kit.first?[1] == "2026-07-01")
        var day = CalendarDay(year: 2026, month: 7, day: 1)!
        for row in kit {
            let value = try #require(Double(row[2]))
            if [2, 6, 7].contains(day.isoWeekday) { #expect(value == 0, "\(row)") } else { #expect(value > 0.5, "\(row)") }
            day = day.adding(days: 1)
        }
        // By month its 3 Sundays fall in 3 of 24 months, over a tenth: Sunday stays open.
        let byMonth = try forecast(text, in: dir, ["--frequency", "month", "--horizon", "1"])
        #expect(byMonth.stderr.contains("(KIT: Monday, Wednesday to Friday and Sunday)"), "\(byMonth.stderr)")
    }

    @Test func aSteadyItemsStraysKeepItsMonthByDayAsByMonth() throws {
        let dir = try CLIRunner.workspace()
        // 3 on every Monday, Wednesday, Thursday and Friday through Tuesday 2026-06-30, and on
        // the biopsy kit's stray Tuesday and 3 Sundays. Its strays are read with the next open
        // day, so July 2026 summed by day (its 19 open days) is about July by month, which
        // counts Sundays too: 57 against 55.72. Forecast on every day it was 50.74.
        let strays: Set<String> = ["2024-10-13", "2025-02-11", "2025-06-15", "2026-01-18"]
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 30)!, item: "KIT") { day in
            [1, 3, 4, 5].contains(day.isoWeekday) || strays.contains("\(day)") ? 3 : nil
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "31"])
        #expect(byDay.stderr.contains("(KIT: Monday and Wednesday to Friday)"), "\(byDay.stderr)")
        let kit = byDay.rows.filter { $0[0] == "KIT" }.compactMap { Double($0[2]) }
        #expect(kit.count == 31 && kit.filter { $0 > 0 }.count == 19, "\(kit)")
        let byMonth = try forecast(text, in: dir, ["--frequency", "month", "--horizon", "1"])
        let july = try #require(byMonth.rows.first { $0[0] == "KIT" }.flatMap { Double($0[2]) })
        let summed = kit.reduce(0, +)
        #expect(abs(summed / july - 1) < 0.05, "July by day \(summed), by month \(july)")
    }

    @Test func strayUseAfterTheLastOpenDayIsNotPiledOntoIt() throws {
        let dir = try CLIRunner.workspace()
        // A clinic item used 28 on each weekday (140 a week) through Sunday 2026-06-28, with 5
        // and 6 on two weekend days in two years and 30 on each day of its last weekend. Added
        // to its last Friday, the last weekend made the models carry 88 forward: 179.65 a week.
        let strays = ["2024-11-16": 5, "2025-08-10": 6, "2026-06-27": 30, "2026-06-28": 30]
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 28)!, item: "CLINIC") { day in
            day.isoWeekday <= 5 ? 28 : strays["\(day)"]
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "14"])
        #expect(byDay.stderr.contains("(CLINIC: Monday to Friday)"), "\(byDay.stderr)")
        let clinic = byDay.rows.filter { $0[0] == "CLINIC" }.compactMap { Double($0[2]) }
        #expect(clinic.count == 14)
        // Monday 2026-06-29 to Sunday 2026-07-12.
        for (k, value) in clinic.enumerated() {
            if k % 7 < 5 { #expect(abs(value - 28) < 0.5, "\(clinic)") } else { #expect(value == 0, "\(clinic)") }
        }
        #expect(abs(clinic.prefix(7).reduce(0, +) - 140) < 1, "\(clinic)")
    }

    @Test func aWeekendBegunLatelyStaysOpen() throws {
        let dir = try CLIRunner.workspace()
        // An item used 10 on each weekday for two years through Sunday 2026-06-28, and on
        // weekends too for its last ten weeks: weekends with use in 10 of 104 weeks, under a
        // tenth. Read as strays, its weekends were forecast 0.
        let last = CalendarDay(year: 2026, month: 6, day: 28)!
        let text = export(through: last, item: "ITEM") { day in
            day.isoWeekday <= 5 || last.daysSinceEpoch - day.daysSinceEpoch < 70 ? 10 : nil
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "7"])
        #expect(!byDay.stderr.contains("ITEM:"), "\(byDay.stderr)")
        let item = byDay.rows.filter { $0[0] == "ITEM" }.compactMap { Double($0[2]) }
        #expect(item.count == 7 && item.allSatisfy { abs($0 - 10) < 1 }, "\(item)")
    }

    @Test func aCensusStrayDaysAreLeftOutNotSummed() throws {
        let dir = try CLIRunner.workspace()
        // A clinic's census of 20 on each weekday through Friday 2026-06-26 beside a ward's 30
        // every day, with 20 recorded on five weekend days in two years, the last two on the
        // weekend before its last week. The header reads as a level: days without rows are
        // missing. Summed into the Monday after them (60), the last two made the forecast 30.94
        // on Monday and 20.73 on the other days.
        let strays: Set<String> = ["2024-09-14", "2025-03-09", "2025-11-22", "2026-06-20", "2026-06-21"]
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 26)!, header: "date,unit,census", ward: 30, item: "CLINIC") { day in
            day.isoWeekday <= 5 || strays.contains("\(day)") ? 20 : nil
        }
        let byDay = try forecast(text, in: dir, ["--series", "unit", "--value", "census", "--frequency", "day", "--horizon", "7"])
        #expect(byDay.stderr.contains("(CLINIC: Monday to Friday)"), "\(byDay.stderr)")
        let clinic = byDay.rows.filter { $0[0] == "CLINIC" }.compactMap { Double($0[2]) }
        #expect(clinic.count == 7)
        // Saturday 2026-06-27 to Friday 2026-07-03.
        for (k, value) in clinic.enumerated() {
            if k >= 2 { #expect(abs(value - 20) < 0.2, "\(clinic)") } else { #expect(value == 0, "\(clinic)") }
        }
        #expect(byDay.rows.filter { $0[0] == "WARD" }.allSatisfy { abs(Double($0[2])! - 30) < 0.2 })
    }

    @Test func strayUseInTheLastWeekIsNotCopiedForward() throws {
        let dir = try CLIRunner.workspace()
        // The clinic item of `strayUseAfterTheLastOpenDayIsNotPiledOntoIt`, its export running
        // on past its last weekend: through Monday 2026-06-29, that weekend's 60 was read with
        // the Monday, and seasonal naive copied it to every Monday: 88 (200 a week for 140);
        // through Friday 2026-07-03, Monday 41.1 and 157 a week.
        let strays = ["2024-11-16": 5, "2025-08-10": 6, "2026-06-27": 30, "2026-06-28": 30]
        for (last, firstWeekday) in [(CalendarDay(year: 2026, month: 6, day: 29)!, 2), (CalendarDay(year: 2026, month: 7, day: 3)!, 6)] {
            let text = export(through: last, item: "CLINIC") { day in day.isoWeekday <= 5 ? 28 : strays["\(day)"] }
            let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "14"])
            #expect(byDay.stderr.contains("(CLINIC: Monday to Friday)"), "\(byDay.stderr)")
            let clinic = byDay.rows.filter { $0[0] == "CLINIC" }.compactMap { Double($0[2]) }
            #expect(clinic.count == 14)
            for (k, value) in clinic.enumerated() {
                let weekday = (firstWeekday - 1 + k) % 7 + 1
                if weekday <= 5 { #expect(abs(value - 28) < 0.5, "through \(last): \(clinic)") } else { #expect(value == 0, "through \(last): \(clinic)") }
            }
            #expect(abs(clinic.prefix(7).reduce(0, +) - 140) < 1, "through \(last): \(clinic)")
        }
    }

    @Test func aWeekendBegunThreeWeeksAgoStaysOpen() throws {
        let dir = try CLIRunner.workspace()
        // 10 on each weekday for two years through Sunday 2026-06-28, and on each weekend day
        // of its last three weekends: 3 of the last 8 Saturdays beside 8 Mondays, but 3 of
        // the 3 since it began. Closed as strays, its weekends were forecast 0 and their use
        // read with the Mondays: 30 each Monday.
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 28)!, item: "ITEM") { day in
            day.isoWeekday <= 5 || "\(day)" >= "2026-06-13" ? 10 : nil
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "7"])
        #expect(!byDay.stderr.contains("ITEM:"), "\(byDay.stderr)")
        let item = byDay.rows.filter { $0[0] == "ITEM" }.compactMap { Double($0[2]) }
        #expect(item.count == 7 && item.allSatisfy { abs($0 - 10) < 1 }, "\(item)")
    }

    @Test func aReturnOnAClosedDayIsNotTakenOffTheNextOpenDay() throws {
        let dir = try CLIRunner.workspace()
        // A clinic item used 28 on each weekday through Friday 2026-06-26, 5 and 6 on two
        // weekend days in two years, and a credit of -100 posted on Saturday 2026-06-20. Read
        // with the Monday after it, the Monday was -72 and every Monday forecast 0.
        let strays = ["2024-11-16": 5, "2025-08-10": 6, "2026-06-20": -100]
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 26)!, item: "CLINIC") { day in
            day.isoWeekday <= 5 ? 28 : strays["\(day)"]
        }
        let byDay = try forecast(text, in: dir, ["--frequency", "day", "--horizon", "7"])
        #expect(byDay.stderr.contains("(CLINIC: Monday to Friday)"), "\(byDay.stderr)")
        let clinic = byDay.rows.filter { $0[0] == "CLINIC" }.compactMap { Double($0[2]) }
        #expect(clinic.count == 7)
        // Saturday 2026-06-27 to Friday 2026-07-03.
        for (k, value) in clinic.enumerated() {
            if k >= 2 { #expect(abs(value - 28) < 0.5, "\(clinic)") } else { #expect(value == 0, "\(clinic)") }
        }
    }

    @Test func aPipelineForecastStageLeavesAnAggregatedCensusStrayDaysOut() throws {
        let dir = try CLIRunner.workspace()
        // The census of `aCensusStrayDaysAreLeftOutNotSummed`, imported onto quantity, aggregated
        // by the day (its header makes the gaps missing) and forecast by a stage whose own gaps
        // say zero: its stray weekend levels were summed into the Monday after them, 30.94 on
        // Mondays and 20.73 on the other weekdays, where `forecast` gives 20.
        let strays: Set<String> = ["2024-09-14", "2025-03-09", "2025-11-22", "2026-06-20", "2026-06-21"]
        let text = export(through: CalendarDay(year: 2026, month: 6, day: 26)!, header: "date,unit,census", ward: 30, item: "CLINIC") { day in
            day.isoWeekday <= 5 || strays.contains("\(day)") ? 20 : nil
        }
        try text.write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        try """
        calendar: {frequency: day}
        stages:
          census: {kind: import, table: usage, file: census.csv, columns: {date: date, item: unit, quantity: census}}
          daily: {kind: aggregate, input: census, frequency: day}
          fc: {kind: forecast, input: daily, frequency: day, horizon: 7}
          save: {kind: export, input: fc.forecasts, file: forecasts.csv}

        """.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["run", "p.yml", "--out", "out", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let clinic = try rows(dir.appendingPathComponent("out/forecasts.csv")).filter { $0[0] == "CLINIC" }.compactMap { Double($0[2]) }
        #expect(clinic.count == 7)
        // Saturday 2026-06-27 to Friday 2026-07-03.
        for (k, value) in clinic.enumerated() {
            if k >= 2 { #expect(abs(value - 20) < 0.2, "\(clinic)") } else { #expect(value == 0, "\(clinic)") }
        }
    }
}
