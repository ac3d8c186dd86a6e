import Foundation
import Testing
import Tabular

/// DESIGN.md, Calendar: partial first and last periods are left out by default and named;
/// `--gaps missing` keeps unrecorded periods out of fits and outputs. Each case is one that
/// a real export got wrong before (a Tuesday cut-off halved a weekly census forecast).
@Suite struct CalendarCommandTests {
    /// Daily rows of `value` for one item from `first` to `last`, leaving out `skip`; with
    /// `every: 7`, weekly rows.
    private func daily(_ first: String, _ last: String, _ value: Double, skip: ClosedRange<String>? = nil, every days: Int = 1) -> String {
        var text = "date,item,quantity\n"
        var day = Self.day(first)
        let end = Self.day(last)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        while day <= end {
            let label = format.string(from: day)
            if skip?.contains(label) != true { text += "\(label),A,\(value)\n" }
            day = day.addingTimeInterval(86_400 * Double(days))
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
        try daily("2025-01-01", "2025-12-15", 5).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
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

    @Test func anItemUsedOnlyInALeftOutMonthIsNamed() throws {
        let dir = try CLIRunner.workspace()
        try (daily("2025-01-01", "2025-12-15", 5) + "2025-12-10,B,3\n").write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--out", "s.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("1 series had rows only in the periods left out: no output for them (B)"), "\(result.stderr)")
    }

    /// A census of two units from 1 January to 25 February (a review's case): ICU has no rows
    /// for 15 to 17 January, so its one whole month is missing and February is partial. It had
    /// no output row and no word; it is named like an item used only in a left-out month.
    @Test func aLevelWhoseEveryPeriodIsLeftOutIsNamed() throws {
        let dir = try CLIRunner.workspace()
        var text = "date,unit,patient_days\n", day = CalendarDay(year: 2024, month: 1, day: 1)!
        while day <= CalendarDay(year: 2024, month: 2, day: 25)! {
            text += "\(day),4W,20\n"
            if !(15...17).contains(day.components.day) || day.components.month != 1 { text += "\(day),ICU,8\n" }
            day = day.adding(days: 1)
        }
        try text.write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "c.csv", "--series", "unit", "--value", "patient_days", "--frequency", "month", "--out", "m.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("1 series had rows only in the periods left out: no output for them (ICU)"), "\(result.stderr)")
        #expect(try rows(dir.appendingPathComponent("m.csv")) == [["4W", "2024-01", "620"]])
    }

    /// Review s39 (a first-time analyst), items 1 and 2: a supply export of 3 items issued on 3
    /// days a month from January 2024 to 15 November 2025 that lost March 2025. The default run
    /// reads March as zero use and names it (before: no word); with --gaps missing only March is
    /// missing and every item is forecast (before: "3 series, 0 rows written", exit 0). A census
    /// ward whose one month misses three days has nothing left to write under --gaps missing:
    /// that fails, saying why (before: a header alone and exit 0).
    @Test func aLostMonthOfASupplyExportIsNamedAndGapsMissingForecastsEveryItem() throws {
        let dir = try CLIRunner.workspace()
        var usage = "date,item,quantity\n"
        for m in 0..<23 where m != 14 {
            for (k, item) in ["A", "B", "C"].enumerated() {
                for d in [1, 9, 15] { usage += String(format: "%d-%02d-%02d,", 2024 + m / 12, m % 12 + 1, d) + "\(item),\(10 * (k + 1) + d)\n" }
            }
        }
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let zero = try CLIRunner.run(["forecast", "--input", "u.csv", "--horizon", "3", "--out", "z.csv"], in: dir)
        #expect(zero.status == 0 && zero.stderr.contains("no series has a row in 1 month inside the file's span (2025-03): read as zero use"), "stderr: \(zero.stderr)")
        let missing = try CLIRunner.run(["forecast", "--input", "u.csv", "--horizon", "3", "--gaps", "missing", "--out", "m.csv"], in: dir)
        #expect(missing.status == 0 && missing.stderr.contains("(2025-03): missing") && !missing.stderr.contains("left out as missing"), "stderr: \(missing.stderr)")
        let ahead = try rows(dir.appendingPathComponent("m.csv"))
        #expect(ahead.count == 9 && Set(ahead.map { $0[0] }) == ["A", "B", "C"], "\(ahead)")
        let months = try CLIRunner.run(["aggregate", "--input", "u.csv", "--gaps", "missing", "--out", "a.csv"], in: dir)
        #expect(months.status == 0, "stderr: \(months.stderr)")
        let written = try rows(dir.appendingPathComponent("a.csv"))
        #expect(written.count == 3 * 22 && written.filter { $0[2].isEmpty }.map { $0[1] } == ["2025-03", "2025-03", "2025-03"], "\(written)")

        try daily("2025-01-01", "2025-01-31", 30, skip: "2025-01-15"..."2025-01-17").write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        for command in ["aggregate", "forecast"] {
            let none = try CLIRunner.run([command, "--input", "c.csv", "--gaps", "missing", "--out", "\(command).csv"] + (command == "forecast" ? ["--horizon", "1"] : []), in: dir)
            #expect(none.status == 1, "\(command) stderr: \(none.stderr)")
            #expect(none.stderr.contains("no series is left to write: the file's one series had its periods left out") && none.stderr.contains("A 2025-01: 28 of 31 days"), "\(command) stderr: \(none.stderr)")
        }
    }

    @Test func aWeekEndingOnTuesdayDoesNotHalveTheForecast() throws {
        let dir = try CLIRunner.workspace()
        // 2025-12-02 is a Tuesday: the last ISO week has 2 of its 7 days.
        try daily("2024-01-01", "2025-12-02", 340).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
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
            .write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["forecast", "--input", "c.csv", "--frequency", "week", "--horizon", "3", "--gaps", "missing", "--quiet", "--out", "f.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for row in try rows(dir.appendingPathComponent("f.csv")) { #expect(abs(Double(row[2])! - 700) <= 7, "\(row)") }

        let aggregate = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--out", "s.csv"], in: dir)
        #expect(aggregate.status == 0)
        let written = try rows(dir.appendingPathComponent("s.csv"))
        let holes = ["2025-W10", "2025-W11", "2025-W12", "2025-W13"]
        #expect(written.filter { holes.contains($0[1]) }.map { $0[2] } == ["", "", "", ""], "\(written)")
        #expect(written.allSatisfy { holes.contains($0[1]) || $0[2] == "700" })
        // As usage (the default), the same weeks are zero demand.
        let zero = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--out", "z.csv"], in: dir)
        #expect(zero.status == 0)
        #expect(try rows(dir.appendingPathComponent("z.csv")).filter { $0[2] == "0" }.count == 4)
    }

    /// A facility's daily census export (headed as CMS's staffing files are) that lacks a
    /// quarter: read as usage, April to June were three months of 0 among months of 3,000 and
    /// the next week's 95% interval 340 wide around 700. The header says it is a census, so
    /// its gaps are missing unless `--gaps` says otherwise, and the run says why.
    @Test func aCensusExportLackingAQuarterIsNotReadAsZeroCensus() throws {
        let dir = try CLIRunner.workspace()
        let census = daily("2023-01-01", "2024-12-31", 100, skip: "2024-04-01"..."2024-06-30")
            .replacingOccurrences(of: "date,item,quantity", with: "WorkDate,PROVNUM,MDScensus")
        try census.write(to: dir.appendingPathComponent("pbj.csv"), atomically: false, encoding: .utf8)
        let flags = ["--input", "pbj.csv", "--series", "PROVNUM", "--date", "WorkDate", "--value", "MDScensus"]
        let months = try CLIRunner.run(["aggregate"] + flags + ["--frequency", "month", "--out", "m.csv"], in: dir)
        #expect(months.status == 0, "stderr: \(months.stderr)")
        #expect(months.stderr.contains("'MDScensus' reads as a level"), "stderr: \(months.stderr)")
        #expect(months.stderr.contains("no series has a row in 3 months inside the file's span (2024-04 to 2024-06): missing"), "stderr: \(months.stderr)")
        let written = try rows(dir.appendingPathComponent("m.csv"))
        #expect(written.count == 24 && written.filter { $0[2].isEmpty }.map { $0[1] } == ["2024-04", "2024-05", "2024-06"], "\(written)")
        #expect(!written.contains { $0[2] == "0" }, "\(written)")

        // aggregate's months forecast on their own (the file says `value`, which reads as usage):
        // the empty months are missing, not three months of zero census, and the run says so.
        let next = try CLIRunner.run(["forecast", "--input", "m.csv", "--frequency", "month", "--horizon", "3", "--out", "mf.csv"], in: dir)
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(next.stderr.contains("3 rows have an empty value (not recorded; aggregate writes a missing period so): missing"), "stderr: \(next.stderr)")
        for row in try rows(dir.appendingPathComponent("mf.csv")) {
            let month = Double(row[2])!, lo95 = Double(row[5])!
            #expect(month > 2_700 && month < 3_200 && lo95 > 2_000, "\(row)")
        }

        let weeks = try CLIRunner.run(["forecast"] + flags + ["--frequency", "week", "--horizon", "2", "--quiet", "--out", "f.csv"], in: dir)
        #expect(weeks.status == 0, "stderr: \(weeks.stderr)")
        for row in try rows(dir.appendingPathComponent("f.csv")) {
            #expect(abs(Double(row[2])! - 700) <= 7 && Double(row[6])! - Double(row[5])! < 70, "\(row)")
        }
        // Said explicitly, the quarter is zero census.
        let zero = try CLIRunner.run(["aggregate"] + flags + ["--frequency", "month", "--gaps", "zero", "--out", "z.csv"], in: dir)
        #expect(!zero.stderr.contains("reads as a level"), "stderr: \(zero.stderr)")
        #expect(try rows(dir.appendingPathComponent("z.csv")).filter { $0[2] == "0" }.count == 3)
    }

    /// A daily census with a blank patient-days cell every few weeks: each blank was a rejected
    /// row (above the 1% limit the run stopped), and once read as missing, the week holding it
    /// was summed from six days (136 for 161). A blank is a day not recorded: the week is
    /// missing like a week with a day without a row, and the forecast stays at 161.
    @Test func blankCensusValuesAreDaysNotRecorded() throws {
        let dir = try CLIRunner.workspace()
        var census = "date,unit,patient_days\n", day = CalendarDay(year: 2025, month: 1, day: 6)!
        for k in 0..<364 {
            census += "\(day),4 West,\(k % 37 == 5 ? "" : String(20 + k % 7))\n"
            day = day.adding(days: 1)
        }
        try census.write(to: dir.appendingPathComponent("census.csv"), atomically: false, encoding: .utf8)
        let flags = ["--input", "census.csv", "--series", "unit", "--date", "date", "--value", "patient_days", "--frequency", "week"]
        let weeks = try CLIRunner.run(["aggregate"] + flags + ["--out", "w.csv"], in: dir)
        #expect(weeks.status == 0, "stderr: \(weeks.stderr)")
        #expect(weeks.stderr.contains("10 rows have an empty value (not recorded"), "stderr: \(weeks.stderr)")
        let written = try rows(dir.appendingPathComponent("w.csv"))
        #expect(written.count == 52 && written.filter { $0[2].isEmpty }.count == 10, "\(written)")
        #expect(written.allSatisfy { $0[2].isEmpty || $0[2] == "161" }, "\(written)")
        let forecast = try CLIRunner.run(["forecast"] + flags + ["--horizon", "2", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        for row in try rows(dir.appendingPathComponent("f.csv")) { #expect(abs(Double(row[2])! - 161) < 0.5, "\(row)") }
        // Usage keeps its rule: an empty quantity is a row to fix, not a day of nothing.
        let usage = try CLIRunner.run(["aggregate"] + flags + ["--gaps", "zero", "--out", "z.csv"], in: dir)
        #expect(usage.status != 0 && usage.stderr.contains("number is empty"), "stderr: \(usage.stderr)")
    }

    /// A supply export that lost a month for every item: the month is zero use, as DESIGN.md
    /// says usage gaps are, but the run names it. A file of two items with a row in every month
    /// but May (11 of 12) is named too (before: no word, as fewer than five series; the data
    /// analyst's second review, defect 4); one slow item with rows in 7 of the 12 months (on the
    /// 10th, so the rows are months) is not: a month without use is no sign of a lost export there.
    @Test func aMonthNoItemHasARowInIsNamed() throws {
        let dir = try CLIRunner.workspace()
        var usage = "date,item,quantity\n"
        for month in 1...12 where month != 5 {
            for item in 1...6 { usage += String(format: "2025-%02d-10,I%d,%d\n", month, item, 10 * item) }
        }
        try usage.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "u.csv", "--out", "a.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("no series has a row in 1 month inside the file's span (2025-05): read as zero use; if they were not recorded"), "stderr: \(result.stderr)")
        #expect(try rows(dir.appendingPathComponent("a.csv")).filter { $0[1] == "2025-05" && $0[2] == "0" }.count == 6)
        let few = usage.split(separator: "\n").filter { !$0.contains(",I3,") && !$0.contains(",I4,") && !$0.contains(",I5,") && !$0.contains(",I6,") }
        try (few.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("two.csv"), atomically: false, encoding: .utf8)
        let two = try CLIRunner.run(["aggregate", "--input", "two.csv", "--out", "b.csv"], in: dir)
        #expect(two.status == 0 && two.stderr.contains("no series has a row in 1 month inside the file's span (2025-05)"), "stderr: \(two.stderr)")
        var slow = "date,item,quantity\n"
        for month in [1, 3, 5, 7, 9, 11, 12] { slow += String(format: "2025-%02d-10,I1,5\n", month) }
        try slow.write(to: dir.appendingPathComponent("slow.csv"), atomically: false, encoding: .utf8)
        let quiet = try CLIRunner.run(["aggregate", "--input", "slow.csv", "--out", "c.csv"], in: dir)
        #expect(quiet.status == 0 && !quiet.stderr.contains("no series has a row"), "stderr: \(quiet.stderr)")
    }

    @Test func tenADayFromTuesdayToTuesdayReordersFourteenDaysOfIt() throws {
        let dir = try CLIRunner.workspace()
        // 2025-09-02 and 2025-12-02 are Tuesdays: both the first and the last week are partial.
        try daily("2025-09-02", "2025-12-02", 10).write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "item,description,vendor,unit_cost,lead_time_days,review_days\nA,Gauze,V1,2.5,7,7\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try "item,on_hand,on_order\nA,0,0\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let table = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv")).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let demand = Double(table[1][table[0].firstIndex(of: "demand_forecast")!])!
        #expect(abs(demand - 140) <= 0.7, "demand over 7 + 7 days: \(demand)")
    }

    /// A count taken days after the usage export ends (a pharmacy buyer's review): the days
    /// between were read as days without use, and a drug used 10 a day went from an order of
    /// 90 to none two days later. A (10 a day, forecast day by day) and B (4 a day, by the
    /// week) keep 140 and 56 over 7 + 7 days whatever the as-of, and the note names the gap.
    @Test func asOfAfterTheUsageEndsDoesNotReadTheDaysBetweenAsNoUse() throws {
        let dir = try CLIRunner.workspace()
        // 2025-09-01 is a Monday and 2025-12-28 a Sunday: whole weeks.
        let a = daily("2025-09-01", "2025-12-28", 10), b = daily("2025-09-01", "2025-12-28", 4).replacingOccurrences(of: ",A,", with: ",B,")
        try (a + b.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try "item,description,vendor,unit_cost,lead_time_days,review_days\nA,Gauze,V1,2.5,7,7\nB,Tape,V1,1,7,7\n".write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try "item,on_hand,on_order\nA,50,0\nB,20,0\n".write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        for asOf in ["2025-12-28", "2025-12-30", "2026-01-04", "2026-01-09"] {
            let out = "out-" + asOf
            let result = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--as-of", asOf, "--out", out], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("the usage ends 2025-12-28") == (asOf != "2025-12-28"), "\(asOf): \(result.stderr)")
            let table = try CLIRunner.read(dir.appendingPathComponent(out + "/reorder.csv")).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let demand = table[0].firstIndex(of: "demand_forecast")!
            let byItem = Dictionary(uniqueKeysWithValues: table.dropFirst().map { ($0[0], Double($0[demand])!) })
            #expect(abs(byItem["A"]! - 140) <= 0.7, "\(asOf): A \(byItem["A"]!)")
            #expect(abs(byItem["B"]! - 56) <= 0.3, "\(asOf): B \(byItem["B"]!)")
        }
    }

    /// Runs `reorder` on `usage` for `items`, each with 70 on hand, 9 days' lead time and a 7-day
    /// review; returns reorder.csv's header and its rows by item.
    private func reorderAtNineDaysLead(_ usage: String, items: [String], in dir: URL) throws -> (header: [String], rows: [String: [String]]) {
        try usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try (["item,description,vendor,unit_cost,lead_time_days,review_days"] + items.map { "\($0),x,V,1,9,7" }).joined(separator: "\n")
            .write(to: dir.appendingPathComponent("items.csv"), atomically: false, encoding: .utf8)
        try (["item,on_hand,on_order"] + items.map { "\($0),70,0" }).joined(separator: "\n").write(to: dir.appendingPathComponent("inventory.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["reorder", "--usage", "usage.csv", "--items", "items.csv", "--inventory", "inventory.csv", "--out", "out"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let table = try CLIRunner.read(dir.appendingPathComponent("out/reorder.csv")).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (table[0], Dictionary(uniqueKeysWithValues: table.dropFirst().map { ($0[0], $0) }))
    }

    /// A new item first used on a Sunday, 8 a day since (a pharmacy buyer's review): its first
    /// week held one day and read as a whole week, 5.7 a day. It now plans as OLD does (8 a
    /// day all along): 128 over 9 + 7 days, with the stock-out warning. SPORADIC, used every
    /// tenth day from a Thursday, keeps its first week as it is (a quiet Monday to Wednesday).
    @Test func aNewItemsPartFirstWeekCountsAsAWholeWeek() throws {
        let dir = try CLIRunner.workspace()
        // 2025-09-01 is a Monday; 2025-12-14 and 2025-12-28 Sundays; 2025-11-06 a Thursday.
        let old = daily("2025-09-01", "2025-12-28", 8)
        let new = daily("2025-12-14", "2025-12-28", 8).replacingOccurrences(of: ",A,", with: ",NEW,")
        let sporadic = daily("2025-11-06", "2025-12-28", 30, every: 10).replacingOccurrences(of: ",A,", with: ",SPORADIC,")
        let body = [new, sporadic].map { $0.split(separator: "\n").dropFirst().joined(separator: "\n") }.joined(separator: "\n")
        let (header, rows) = try reorderAtNineDaysLead(old + body + "\n", items: ["A", "NEW", "SPORADIC"], in: dir)
        let demand = header.firstIndex(of: "demand_forecast")!, flags = header.firstIndex(of: "flags")!
        #expect(abs(Double(rows["NEW"]![demand])! - 128) <= 1.3, "NEW \(rows["NEW"]![demand])")
        #expect(abs(Double(rows["A"]![demand])! - 128) <= 1.3, "A \(rows["A"]![demand])")
        #expect(rows["NEW"]![flags].contains("stockout_risk"))
        #expect(rows["NEW"]!.joined(separator: ",").contains("first used 2025-12-14, 1 day before its week ended"))
        #expect(!rows["SPORADIC"]!.joined(separator: ",").contains("first used"))
    }

    /// New items first used within the usage's last two weeks, with the export ending on a
    /// Wednesday: NEW, 8 a day from that Monday, had no whole week and was planned at 0 ("no
    /// recent demand"); FRI, 8 a day from the Friday before, at 3.4 a day, its three days of
    /// the last whole week read as a week. Both now plan as A does (8 a day all along): 128
    /// over 9 + 7 days, with the stock-out warning. ONCE, a single issue of 100 the day before
    /// the end, is not read as 100 a day.
    @Test func aNewItemInTheLastPartWeekPlansAtItsDailyUse() throws {
        let dir = try CLIRunner.workspace()
        // 2025-09-01 and 2025-12-29 are Mondays, 2025-12-26 a Friday, 2025-12-31 a Wednesday.
        let rows = { (item: String, first: String, value: Double) in
            self.daily(first, "2025-12-31", value).split(separator: "\n").dropFirst().map { $0.replacingOccurrences(of: ",A,", with: ",\(item),") }
        }
        let usage = ["date,item,quantity"] + rows("A", "2025-09-01", 8) + rows("NEW", "2025-12-29", 8) + rows("FRI", "2025-12-26", 8) + ["2025-12-30,ONCE,100"]
        let (header, byItem) = try reorderAtNineDaysLead(usage.joined(separator: "\n") + "\n", items: ["A", "NEW", "FRI", "ONCE"], in: dir)
        let demand = header.firstIndex(of: "demand_forecast")!, flags = header.firstIndex(of: "flags")!
        for item in ["A", "NEW", "FRI"] {
            #expect(abs(Double(byItem[item]![demand])! - 128) <= 1.3, "\(item) \(byItem[item]![demand])")
            #expect(byItem[item]![flags].contains("stockout_risk"), "\(item)")
        }
        #expect(byItem["NEW"]!.joined(separator: ",").contains("first used 2025-12-29: planned at its daily use since"))
        #expect(Double(byItem["ONCE"]![demand])! < 100)
        #expect(byItem["ONCE"]!.joined(separator: ",").contains("too little use to plan from"), "\(byItem["ONCE"]!)")
    }

    @Test func monthlyRowsCoverTheirQuartersWhetherDatedOnTheFirstOrTheLastDay() throws {
        let dir = try CLIRunner.workspace()
        // A monthly export through 2025-12 covers the fourth quarter to its last day; the same
        // months dated on their last days (an ERP's period ends) cover January from its first.
        let starts = (1...12).map { String(format: "2025-%02d,A,100", $0) }
        let ends = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"].map { "2025-\($0),A,100" }
        try (["date,item,quantity"] + starts).joined(separator: "\n").write(to: dir.appendingPathComponent("m.csv"), atomically: false, encoding: .utf8)
        try (["date,item,quantity"] + ends).joined(separator: "\n").write(to: dir.appendingPathComponent("e.csv"), atomically: false, encoding: .utf8)
        for input in ["m.csv", "e.csv"] {
            let quarters = try CLIRunner.run(["aggregate", "--input", input, "--frequency", "quarter", "--out", "q.csv"], in: dir)
            #expect(quarters.status == 0, "stderr: \(quarters.stderr)")
            #expect(!quarters.stderr.contains("left out"), "\(input): \(quarters.stderr)")
            #expect(try rows(dir.appendingPathComponent("q.csv")).map { $0[1] + " " + $0[2] } == ["2025-Q1 300", "2025-Q2 300", "2025-Q3 300", "2025-Q4 300"])
            let months = try CLIRunner.run(["aggregate", "--input", input, "--frequency", "month", "--out", "s.csv"], in: dir)
            #expect(months.status == 0)
            #expect(try rows(dir.appendingPathComponent("s.csv")).count == 12, "\(input): \(months.stderr)")
            // A month's total is not four weeks of it: refused, naming the file and the way out.
            let weeks = try CLIRunner.run(["forecast", "--input", input, "--frequency", "week", "--horizon", "2", "--out", "w.csv"], in: dir)
            #expect(weeks.status == 1)
            #expect(weeks.stderr.contains("\(input): the rows are monthly totals"), "\(weeks.stderr)")
            #expect(weeks.stderr.contains("use --frequency month, quarter or year"))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("w.csv").path))
        }
    }

    @Test func aFileWithoutOneCompletePeriodIsNotForecastFromAndIsNamed() throws {
        let dir = try CLIRunner.workspace()
        // 2025-12-10 .. 2026-01-20: both months partial, nothing complete between them.
        try daily("2025-12-10", "2026-01-20", 1).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let coverage = "every month the dates reach is covered only in part (2025-12 covers 22 of 31 days, 2026-01 covers 20 of 31 days)"
        // A forecast learnt from 22 and 20 would understate whole months: refused, with the ways out.
        let forecast = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "2", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 1)
        #expect(forecast.stderr.contains("u.csv: " + coverage), "\(forecast.stderr)")
        #expect(forecast.stderr.contains("use a shorter --frequency, or --partial keep"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("f.csv").path))
        let kept = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "2", "--partial", "keep", "--out", "f.csv"], in: dir)
        #expect(kept.status == 0, "stderr: \(kept.stderr)")
        // The sums themselves are what the file holds: written, and the note says they are partial.
        let sums = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--out", "s.csv"], in: dir)
        #expect(sums.status == 0, "stderr: \(sums.stderr)")
        #expect(sums.stderr.contains(coverage + ": kept"), "\(sums.stderr)")
        #expect(try rows(dir.appendingPathComponent("s.csv")).map { $0[2] } == ["22", "20"])
        // Weeks are complete in the same file: the weekly forecast goes ahead.
        let weekly = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "week", "--horizon", "2", "--quiet", "--out", "w.csv"], in: dir)
        #expect(weekly.status == 0, "stderr: \(weekly.stderr)")
    }

    @Test func constantDailyUseForecastsEachMonthByItsDays() throws {
        let dir = try CLIRunner.workspace()
        // 10 a day for a year (2025-01-07 .. 2026-01-06, both Tuesdays): no season can be fitted
        // yet, and the months must still come out as 10 times their days, not their mean of 304.
        try daily("2025-01-07", "2026-01-06", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let months = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "4", "--quiet", "--out", "m.csv"], in: dir)
        #expect(months.status == 0, "stderr: \(months.stderr)")
        let forecasts = try rows(dir.appendingPathComponent("m.csv"))
        #expect(forecasts.map { $0[1] } == ["2026-01", "2026-02", "2026-03", "2026-04"])
        for (row, days) in zip(forecasts, [31.0, 28, 31, 30]) {
            #expect(abs(Double(row[2])! - 10 * days) < 1e-6, "\(row)")
            #expect(abs(Double(row[3])! - 10 * days) < 1e-6, "a constant has no spread: \(row)")
        }
        // A month's rows given as months carry no day count: they are fitted as they are.
        let labels = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "month", "--out", "s.csv"], in: dir)
        #expect(labels.status == 0)
        let fromLabels = try CLIRunner.run(["forecast", "--input", "s.csv", "--series", "series", "--date", "period", "--value", "value",
                                            "--frequency", "month", "--horizon", "2", "--quiet", "--out", "l.csv"], in: dir)
        #expect(fromLabels.status == 0, "stderr: \(fromLabels.stderr)")
        let flat = try rows(dir.appendingPathComponent("l.csv")).map { Double($0[2])! }
        #expect(flat.count == 2 && flat[0] == flat[1])
    }

    @Test func weeklyRowsForecastEachMonthByItsDays() throws {
        let dir = try CLIRunner.workspace()
        // 70 a week on Mondays (10 a day) from 2024-01-01 to the week of 2025-12-22, which ends on
        // the 28th: December is partial. Counted whole in the month of their Monday, the weeks
        // made months of 280 and 350; spread over their days they are 10 times the month's days.
        try daily("2024-01-01", "2025-12-22", 70, every: 7).write(to: dir.appendingPathComponent("w.csv"), atomically: false, encoding: .utf8)
        let months = try CLIRunner.run(["aggregate", "--input", "w.csv", "--frequency", "month", "--out", "m.csv"], in: dir)
        #expect(months.status == 0, "stderr: \(months.stderr)")
        #expect(months.stderr.contains("2025-12 covers 28 of 31 days: left out"), "stderr: \(months.stderr)")
        let totals = try rows(dir.appendingPathComponent("m.csv"))
        #expect(totals.count == 23 && totals.first?[1] == "2024-01" && totals.last?[1] == "2025-11")
        for row in totals {
            let parts = row[1].split(separator: "-").map { Int($0)! }
            let days = [31, parts[0] % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
            #expect(abs(Double(row[2])! - 10 * Double(days)) < 1e-6, "\(row)")
        }
        let forecast = try CLIRunner.run(["forecast", "--input", "w.csv", "--frequency", "month", "--horizon", "3", "--quiet", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        let ahead = try rows(dir.appendingPathComponent("f.csv"))
        #expect(ahead.map { $0[1] } == ["2025-12", "2026-01", "2026-02"])
        for (row, days) in zip(ahead, [31.0, 31, 28]) { #expect(abs(Double(row[2])! / (10 * days) - 1) < 0.005, "\(row)") }
    }

    @Test func aWardsWeekWithUnrecordedDaysIsLeftOutNotReadAsAFall() throws {
        let dir = try CLIRunner.workspace()
        // Ward A did not report from Wednesday 2025-03-05 to 2025-03-30: 2025-W10 holds Monday
        // and Tuesday only, and summed it read as a census of 200 against 700.
        let a = daily("2024-01-01", "2025-11-30", 100, skip: "2025-03-05"..."2025-03-30")
        let b = daily("2024-01-01", "2025-11-30", 50).replacingOccurrences(of: ",A,", with: ",B,")
        try (a + b.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n")
            .write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let weeks = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--out", "w.csv"], in: dir)
        #expect(weeks.status == 0, "stderr: \(weeks.stderr)")
        #expect(weeks.stderr.contains("1 week of one series is left out as missing, with rows on only some of the days the file records (A 2025-W10: 2 of 7 days)"),
                "stderr: \(weeks.stderr)")
        let written = try rows(dir.appendingPathComponent("w.csv"))
        #expect(written.filter { $0[0] == "A" && $0[2].isEmpty }.map { $0[1] } == ["2025-W10", "2025-W11", "2025-W12", "2025-W13"], "\(written)")
        #expect(written.filter { $0[0] == "A" && !$0[2].isEmpty }.allSatisfy { $0[2] == "700" } && written.filter { $0[0] == "B" }.allSatisfy { $0[2] == "350" })
        let forecast = try CLIRunner.run(["forecast", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--horizon", "2", "--quiet", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        for row in try rows(dir.appendingPathComponent("f.csv")) { #expect(abs(Double(row[2])! - (row[0] == "A" ? 700 : 350)) < 1e-6, "\(row)") }
        // Kept, the week is the sum of its two days; as usage, days without rows are no use.
        let kept = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--partial", "keep", "--out", "k.csv"], in: dir)
        #expect(kept.status == 0)
        #expect(try rows(dir.appendingPathComponent("k.csv")).contains { $0[0] == "A" && $0[1] == "2025-W10" && $0[2] == "200" })
        let usage = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--out", "u.csv"], in: dir)
        #expect(usage.status == 0 && !usage.stderr.contains("left out as missing"), "stderr: \(usage.stderr)")
    }

    @Test func aCensusThatSkippedDaysEverywhereLeavesTheirWeekOut() throws {
        let dir = try CLIRunner.workspace()
        // One ward, 30 a day, with no row at all from Tuesday 2025-02-04 to Thursday the 6th: no
        // other series shows the days were recorded elsewhere, and 2025-W06 was written as 120.
        try daily("2025-01-06", "2025-04-27", 30, skip: "2025-02-04"..."2025-02-06")
            .write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let weeks = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--gaps", "missing", "--out", "w.csv"], in: dir)
        #expect(weeks.status == 0, "stderr: \(weeks.stderr)")
        #expect(weeks.stderr.contains("(A 2025-W06: 4 of 7 days); no series has a row on 3 days (2025-02-04, 2025-02-05, 2025-02-06)"), "stderr: \(weeks.stderr)")
        let written = try rows(dir.appendingPathComponent("w.csv"))
        #expect(written.count == 16 && written.allSatisfy { $0[2] == ($0[1] == "2025-W06" ? "" : "210") }, "\(written)")
        // As usage, days without rows are days without use.
        let usage = try CLIRunner.run(["aggregate", "--input", "c.csv", "--frequency", "week", "--out", "u.csv"], in: dir)
        #expect(try rows(dir.appendingPathComponent("u.csv")).contains { $0[1] == "2025-W06" && $0[2] == "120" }, "stderr: \(usage.stderr)")
    }

    @Test func aClinicClosedAtWeekendsIsForecastDayByDayOnItsOpenDays() throws {
        let dir = try CLIRunner.workspace()
        // 20 on each weekday from Monday 2025-01-06 to Friday 2025-06-27, no weekend rows. Filled
        // with weekend zeros the series read as intermittent, and every day, Saturdays and
        // Sundays too, was forecast at 15.05 (105 a week).
        var text = "item,date,quantity\n"
        var d = Self.day("2025-01-06")
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        for k in 0..<(25 * 7) {
            if k % 7 < 5 { text += "GLOVE,\(format.string(from: d)),20\n" }
            d = d.addingTimeInterval(86_400)
        }
        try text.write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["forecast", "--input", "c.csv", "--frequency", "day", "--horizon", "9", "--quiet", "--out", "f.csv"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let ahead = try rows(dir.appendingPathComponent("f.csv"))
        #expect(ahead.map { $0[1] }.first == "2025-06-28" && ahead.count == 9)
        // Saturday, Sunday, five weekdays, Saturday, Sunday.
        #expect(ahead.map { Double($0[2])! } == [0, 0, 20, 20, 20, 20, 20, 0, 0], "\(ahead)")
        #expect(ahead.allSatisfy { $0.last == "smooth" })
        #expect(ahead.filter { $0[2] == "0" }.allSatisfy { $0[3] == "0" && $0[6] == "0" })
        // A stray Saturday row (one in 25 weeks) is read with the Monday after it, as the month
        // holds it: the weekend still forecasts nothing (DESIGN.md: used on a tenth of its
        // periods at most, the weekday is closed by day as by month).
        try (text + "GLOVE,2025-06-21,3\n").write(to: dir.appendingPathComponent("s.csv"), atomically: false, encoding: .utf8)
        let stray = try CLIRunner.run(["forecast", "--input", "s.csv", "--frequency", "day", "--horizon", "3", "--quiet", "--out", "g.csv"], in: dir)
        #expect(stray.status == 0, "stderr: \(stray.stderr)")
        #expect(try rows(dir.appendingPathComponent("g.csv")).map { Double($0[2])! == 0 } == [true, true, false])
        // Saturdays in 12 of the 25 weeks are no strays: that series is forecast as it was, and
        // its Saturday gets its share.
        var often = text
        d = Self.day("2025-01-11")
        for k in 0..<25 where k % 2 == 1 {
            often += "GLOVE,\(format.string(from: d.addingTimeInterval(86_400 * 7 * Double(k)))),3\n"
        }
        try often.write(to: dir.appendingPathComponent("o.csv"), atomically: false, encoding: .utf8)
        let used = try CLIRunner.run(["forecast", "--input", "o.csv", "--frequency", "day", "--horizon", "1", "--quiet", "--out", "h.csv"], in: dir)
        #expect(used.status == 0, "stderr: \(used.stderr)")
        #expect(try rows(dir.appendingPathComponent("h.csv")).map { Double($0[2])! > 0 } == [true])
    }

    @Test func aClinicItemBesideAWardItemIsForecastOnItsOwnWeekdays() throws {
        let dir = try CLIRunner.workspace()
        // A health system's export: a ward item used 7 every day, a clinic item 10 on each
        // weekday, 2025-01-01 to 2026-06-30. The ward's Saturdays opened them for the clinic
        // item too: by month it was forecast 221.5 in July and in August 2026 (23 and 21
        // weekdays: 230 and 210), by day 7.0 every day, weekends too.
        var text = "item,date,quantity\n"
        var d = try #require(CalendarDay(year: 2025, month: 1, day: 1))
        while d <= CalendarDay(year: 2026, month: 6, day: 30)! {
            text += "WARD,\(d),7\n"
            if d.isoWeekday <= 5 { text += "CLINIC,\(d),10\n" }
            d = d.adding(days: 1)
        }
        try text.write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let months = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "3", "--out", "m.csv"], in: dir)
        #expect(months.status == 0, "stderr: \(months.stderr)")
        #expect(months.stderr.contains("1 series is used on fewer weekdays than the file records and forecast on its own (CLINIC: Monday to Friday)"), "\(months.stderr)")
        let clinic = try rows(dir.appendingPathComponent("m.csv")).filter { $0[0] == "CLINIC" }
        #expect(clinic.map { $0[1] } == ["2026-07", "2026-08", "2026-09"])
        for (row, weekdays) in zip(clinic, [23.0, 21, 22]) { #expect(abs(Double(row[2])! / (10 * weekdays) - 1) < 0.005, "\(row)") }
        // The ward's months keep their calendar days: 7 x 31 in July.
        let ward = try rows(dir.appendingPathComponent("m.csv")).filter { $0[0] == "WARD" }
        #expect(abs(Double(ward[0][2])! / 217 - 1) < 0.005, "\(ward)")
        let days = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "day", "--horizon", "7", "--quiet", "--out", "d.csv"], in: dir)
        #expect(days.status == 0, "stderr: \(days.stderr)")
        // Wednesday 1 July to Tuesday 7 July: the weekend forecasts nothing.
        let byDay = try rows(dir.appendingPathComponent("d.csv")).filter { $0[0] == "CLINIC" }.map { Double($0[2])! }
        #expect(byDay.count == 7)
        for (value, expected) in zip(byDay, [10.0, 10, 10, 0, 0, 10, 10]) { #expect(abs(value - expected) < 0.05, "\(byDay)") }
        #expect(try rows(dir.appendingPathComponent("d.csv")).filter { $0[0] == "WARD" }.allSatisfy { abs(Double($0[2])! - 7) < 0.05 })
    }

    @Test func aClinicClosedAtWeekendsCoversItsMonthThroughFriday() throws {
        let dir = try CLIRunner.workspace()
        // 10 on each weekday from Monday 2024-01-01 to Friday 2025-11-28: November's 29th and
        // 30th are a weekend the file never records, so November is complete, and each month
        // forecasts 10 times its weekdays (December 2025: 23, January: 22, February: 20).
        var text = "date,item,quantity\n"
        for line in daily("2024-01-01", "2025-11-28", 10).split(separator: "\n").dropFirst() {
            let date = Self.day(String(line.prefix(10)))
            if Calendar(identifier: .iso8601).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).weekday! % 7 > 1 { text += line + "\n" }
        }
        try text.write(to: dir.appendingPathComponent("c.csv"), atomically: false, encoding: .utf8)
        let forecast = try CLIRunner.run(["forecast", "--input", "c.csv", "--frequency", "month", "--horizon", "3", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        #expect(!forecast.stderr.contains("left out"), "stderr: \(forecast.stderr)")
        let ahead = try rows(dir.appendingPathComponent("f.csv"))
        #expect(ahead.map { $0[1] } == ["2025-12", "2026-01", "2026-02"])
        for (row, weekdays) in zip(ahead, [23.0, 22, 20]) { #expect(abs(Double(row[2])! / (10 * weekdays) - 1) < 0.005, "\(row)") }
        // A seven-day file through the same Friday misses two days it records: November is partial.
        try daily("2024-01-01", "2025-11-28", 10).write(to: dir.appendingPathComponent("w.csv"), atomically: false, encoding: .utf8)
        let ward = try CLIRunner.run(["aggregate", "--input", "w.csv", "--frequency", "month", "--out", "m.csv"], in: dir)
        #expect(ward.status == 0 && ward.stderr.contains("2025-11 covers 28 of 30 days: left out"), "stderr: \(ward.stderr)")
    }

    @Test func aMonthlyExportWithOneMidMonthCorrectionKeepsItsMonths() throws {
        let dir = try CLIRunner.workspace()
        // An ERP's monthly rows for 2024-2025, dated on the 1st, and one correction of -5 dated
        // 2025-06-17. The file still covers December 2025 whole.
        var text = "date,item,quantity\n"
        for year in [2024, 2025] { for month in 1...12 { text += "\(year)-\(month < 10 ? "0" : "")\(month)-01,A,300\n" } }
        text += "2025-06-17,A,-5\n"
        try text.write(to: dir.appendingPathComponent("m.csv"), atomically: false, encoding: .utf8)
        let quarters = try CLIRunner.run(["aggregate", "--input", "m.csv", "--frequency", "quarter", "--out", "q.csv"], in: dir)
        #expect(quarters.status == 0 && !quarters.stderr.contains("left out"), "stderr: \(quarters.stderr)")
        let totals = try rows(dir.appendingPathComponent("q.csv"))
        #expect(totals.map { $0[1] } == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
        #expect(totals[5][2] == "895" && totals[7][2] == "900")
        let forecast = try CLIRunner.run(["forecast", "--input", "m.csv", "--frequency", "month", "--horizon", "1", "--quiet", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        #expect(try rows(dir.appendingPathComponent("f.csv")).map { $0[1] } == ["2026-01"])
    }

    @Test func aLedgerDatedOnThe15thOrTheLastBusinessDayIsReadAsMonths() throws {
        let dir = try CLIRunner.workspace()
        // 2023-2025, 110, 120, 100, 110, ... a month. Dated on the 15th, the first and the last
        // month were left out as covering 17 and 15 of 31 days, and the forecast began with
        // December 2025, which the file holds. Dated on the last business day, the file's weekends
        // looked closed, and each month was scaled by its weekdays.
        func value(_ month: Int) -> Int { 100 + 10 * (month % 3) }
        var fifteenth = "date,item,quantity\n", business = fifteenth
        for year in 2023...2025 {
            for month in 1...12 {
                let m = "\(year)-\(month < 10 ? "0" : "")\(month)"
                fifteenth += "\(m)-15,A,\(value(month))\n"
                var last = CalendarDay.daysIn(month: month, year: year)
                while let d = CalendarDay(year: year, month: month, day: last), d.isoWeekday > 5 { last -= 1 }
                business += "\(m)-\(last),A,\(value(month))\n"
            }
        }
        for (name, text) in [("mid.csv", fifteenth), ("end.csv", business)] {
            try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
            let forecast = try CLIRunner.run(["forecast", "--input", name, "--frequency", "month", "--horizon", "3", "--models", "seasonal_naive", "--out", "f.csv"], in: dir)
            #expect(forecast.status == 0 && !forecast.stderr.contains("covers"), "\(name): \(forecast.stderr)")
            let out = try rows(dir.appendingPathComponent("f.csv"))
            #expect(out.map { $0[1] } == ["2026-01", "2026-02", "2026-03"], "\(name)")
            #expect(out.map { Double($0[2]) ?? 0 } == [110, 120, 100], "\(name): \(out)")
        }
    }

    @Test func aShortLedgerDatedOnOneDayOfTheMonthKeepsEveryMonth() throws {
        let dir = try CLIRunner.workspace()
        // Four months dated on the 15th were read as four days: January and April were left out
        // as partial, and a Wednesday, two Saturdays and a Tuesday closed the other weekdays, so
        // the months were scaled by how many of those days they hold.
        try "item,date,quantity\nA,2025-01-15,100\nA,2025-02-15,110\nA,2025-03-15,120\nA,2025-04-15,120\n"
            .write(to: dir.appendingPathComponent("new.csv"), atomically: false, encoding: .utf8)
        let forecast = try CLIRunner.run(["forecast", "--input", "new.csv", "--horizon", "2", "--models", "historic_average", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0 && !forecast.stderr.contains("covers"), "\(forecast.stderr)")
        let out = try rows(dir.appendingPathComponent("f.csv"))
        #expect(out.map { $0[1] } == ["2025-05", "2025-06"])
        #expect(out.map { Double($0[2]) ?? 0 } == [112.5, 112.5], "\(out)")
    }

    @Test func yearsWrittenByAggregateAreReadBack() throws {
        let dir = try CLIRunner.workspace()
        try daily("2021-01-01", "2025-12-31", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let years = try CLIRunner.run(["aggregate", "--input", "u.csv", "--frequency", "year", "--out", "y.csv"], in: dir)
        #expect(years.status == 0, "stderr: \(years.stderr)")
        #expect(try rows(dir.appendingPathComponent("y.csv")).map { $0[1] } == ["2021", "2022", "2023", "2024", "2025"])
        let forecast = try CLIRunner.run(["forecast", "--input", "y.csv", "--series", "series", "--date", "period", "--value", "value",
                                          "--frequency", "year", "--horizon", "1", "--quiet", "--out", "f.csv"], in: dir)
        #expect(forecast.status == 0, "stderr: \(forecast.stderr)")
        #expect(try rows(dir.appendingPathComponent("f.csv")).map { $0[1] } == ["2026"])
        // Years cannot be split into months.
        let months = try CLIRunner.run(["forecast", "--input", "y.csv", "--series", "series", "--date", "period", "--value", "value",
                                        "--frequency", "month", "--horizon", "1", "--out", "g.csv"], in: dir)
        #expect(months.status != 0 && months.stderr.contains("yearly totals"), "stderr: \(months.stderr)")
    }

    @Test func weekLabelsAreWeeksHoweverFewTheRows() throws {
        // Two rows labelled 2025-W40 (Monday 29 September to Sunday 5 October) and 2025-W41:
        // read by month, W40's 70 is 20 in September and 50 in October, as with three rows or
        // more; it was counted whole in September.
        let dir = try CLIRunner.workspace()
        try "item,date,quantity\nA,2025-W40,70\nA,2025-W41,70\n".write(to: dir.appendingPathComponent("w.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["aggregate", "--input", "w.csv", "--frequency", "month", "--partial", "keep", "--out", "m.csv"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try rows(dir.appendingPathComponent("m.csv")) == [["A", "2025-09", "20"], ["A", "2025-10", "120"]])
        // A month's label alone is a whole month: forecast as one, not refused as a part of it.
        try "item,date,quantity\nA,2026-04,900\n".write(to: dir.appendingPathComponent("m1.csv"), atomically: false, encoding: .utf8)
        let month = try CLIRunner.run(["aggregate", "--input", "m1.csv", "--frequency", "month", "--out", "a.csv"], in: dir)
        #expect(month.status == 0 && !month.stderr.contains("partial"), "stderr: \(month.stderr)")
        #expect(try rows(dir.appendingPathComponent("a.csv")) == [["A", "2026-04", "900"]])
    }

    /// aggregate's weekly output forecast without --frequency was summed into the default
    /// months without a word: the note names the weeks and the flag that keeps them.
    @Test func weeklyLabelsSummedIntoTheDefaultMonthsAreNamed() throws {
        let dir = try CLIRunner.workspace()
        let weeks = (1...30).map { "A,2025-W\($0 < 10 ? "0" : "")\($0),70" }
        try ("series,period,value\n" + weeks.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("w.csv"), atomically: false, encoding: .utf8)
        let defaulted = try CLIRunner.run(["forecast", "--input", "w.csv", "--horizon", "2", "--out", "f.csv"], in: dir)
        #expect(defaulted.status == 0, "stderr: \(defaulted.stderr)")
        #expect(defaulted.stderr.contains("note: the rows are labelled with weeks: summed into months, the default; --frequency week keeps the weeks"), "\(defaulted.stderr)")
        let asked = try CLIRunner.run(["forecast", "--input", "w.csv", "--frequency", "month", "--horizon", "2", "--out", "f.csv"], in: dir)
        #expect(asked.status == 0 && !asked.stderr.contains("labelled with weeks"), "\(asked.stderr)")
        let weekly = try CLIRunner.run(["aggregate", "--input", "w.csv", "--frequency", "week", "--out", "a.csv"], in: dir)
        #expect(weekly.status == 0 && !weekly.stderr.contains("labelled with weeks"), "\(weekly.stderr)")
    }

    @Test func monthsDatedOnTheFirstForSomeItemsAndTheLastForOthersAreMonths() throws {
        // Two exports joined: A dated on each month's 1st, B on its last day. Read as days, B's
        // flat 1,250 came out 1,150 in February and 1,274 in 31-day months.
        let dir = try CLIRunner.workspace()
        var text = "item,date,quantity\n"
        for year in [2024, 2025] {
            for month in 1...12 {
                let last = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
                let mm = month < 10 ? "0\(month)" : "\(month)"
                text += "A,\(year)-\(mm)-01,2000\nB,\(year)-\(mm)-\(last),1250\n"
            }
        }
        try text.write(to: dir.appendingPathComponent("m.csv"), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["forecast", "--input", "m.csv", "--horizon", "3", "--out", "f.csv"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let forecasts = try rows(dir.appendingPathComponent("f.csv"))
        #expect(forecasts.count == 6)
        for row in forecasts { #expect(abs(Double(row[2])! - (row[0] == "A" ? 2000 : 1250)) < 0.01, "\(row)") }
        #expect(!run.stderr.contains("used on most days"), "\(run.stderr)")
    }

    @Test func intervalColumnsFollowTheContractsOrderAndETSSpecsCombine() throws {
        let dir = try CLIRunner.workspace()
        try daily("2024-01-01", "2025-12-31", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        // --levels 95,80 wrote lo95 before lo80, which a reader by position took for the 80% bounds.
        let run = try CLIRunner.run(["forecast", "--input", "u.csv", "--horizon", "2", "--levels", "95,80", "--models", "ets(A,A,N), ets(A,N,N)", "--out", "f.csv"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let header = try CLIRunner.read(dir.appendingPathComponent("f.csv")).split(separator: "\n").first.map(String.init)
        #expect(header == "series,period,forecast,lo80,hi80,lo95,hi95,model,demand_class")
        // The same spec twice is one model; a multiplicative trend is named as not fitted.
        let twice = try CLIRunner.run(["forecast", "--input", "u.csv", "--horizon", "1", "--models", "ets(A,N,N),ETS(A, N, N)", "--out", "g.csv"], in: dir)
        #expect(twice.status == 2 && twice.stderr.contains("--models names 'ets(a,n,n)' twice"), "stderr: \(twice.stderr)")
        let multiplicative = try CLIRunner.run(["forecast", "--input", "u.csv", "--horizon", "1", "--models", "ets(M,Md,N)", "--out", "g.csv"], in: dir)
        #expect(multiplicative.status == 2 && multiplicative.stderr.contains("multiplicative trends are not fitted"), "stderr: \(multiplicative.stderr)")
    }

    @Test func aHistoryTooShortToBacktestSaysSo() throws {
        let dir = try CLIRunner.workspace()
        // Six whole months cannot hold a backtest (a new item's six months and one after):
        // accuracy.csv has only its header, and the run says why instead of leaving it empty
        // without a word.
        try daily("2025-01-01", "2025-06-30", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let none = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "3", "--out", "forecasts.csv"], in: dir)
        #expect(none.status == 0, "stderr: \(none.stderr)")
        #expect(none.stderr.contains("accuracy.csv has no rows: no series is long enough to backtest (that takes at least 7 periods)"), "\(none.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("accuracy.csv")).split(separator: "\n").count == 1)
        // Eleven whole months cannot hold a 13-month backtest: it forecasts 5 months ahead
        // (after the six a new item needs), and the run says so.
        try daily("2025-01-01", "2025-11-30", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let long = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "13", "--out", "forecasts.csv"], in: dir)
        #expect(long.status == 0, "stderr: \(long.stderr)")
        #expect(long.stderr.contains("1 series is too short to backtest 13 periods ahead ("), "\(long.stderr)")
        #expect(long.stderr.contains(": 5): its models are weighed on forecasts 5 periods ahead, and accuracy.csv scores those"), "\(long.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("accuracy.csv")).split(separator: "\n").count > 1)
        // To standard output no accuracy file is written: the note named one all the same.
        let piped = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "13", "--out", "-"], in: dir)
        #expect(piped.status == 0 && piped.stderr.contains("its models are weighed on forecasts 5 periods ahead\n"), "\(piped.stderr)")
        #expect(!piped.stderr.contains("scores those"), "\(piped.stderr)")
        let short = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "month", "--horizon", "3", "--out", "forecasts.csv"], in: dir)
        #expect(short.status == 0)
        #expect(!short.stderr.contains("has no rows") && !short.stderr.contains("too short to backtest"))
    }

    /// A weekly series short of two years lost its season without a word (the review's ED of
    /// 95 weeks, forecast flat at 925 through an autumn that rose to 1,130): the run names the
    /// series short of two seasons. Monday 2025-01-06 to Sunday 2026-08-30 is 86 whole weeks
    /// (under 104); 2024-08-26 to 2026-08-30 is 105, and says nothing.
    @Test func aWeeklySeriesShortOfTwoYearsSaysItsSeasonIsNotFullyModelled() throws {
        let dir = try CLIRunner.workspace()
        try daily("2025-01-06", "2026-08-30", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let short = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "week", "--horizon", "4", "--out", "forecasts.csv"], in: dir)
        #expect(short.status == 0, "stderr: \(short.stderr)")
        #expect(short.stderr.contains("1 series holds fewer than two seasons of history (two seasons are 104 weeks; history held: A: 86 weeks): its season of 52 weeks is "), "\(short.stderr)")
        try daily("2024-08-26", "2026-08-30", 10).write(to: dir.appendingPathComponent("u.csv"), atomically: false, encoding: .utf8)
        let long = try CLIRunner.run(["forecast", "--input", "u.csv", "--frequency", "week", "--horizon", "4", "--out", "forecasts.csv"], in: dir)
        #expect(long.status == 0 && !long.stderr.contains("fewer than two seasons"), "\(long.stderr)")
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
