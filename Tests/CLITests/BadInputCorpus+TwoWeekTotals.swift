import Foundation

extension BadInputCorpus {
    /// Rows every other week (`RowDays.weeksPerRow`): a biweekly export's two weeks' totals,
    /// read as weeks with a week of nothing between before. 1,400 every other Saturday from 4
    /// October 2025 (a flat 100 a day): 700 every ISO week from 2025-W39 (the week before the
    /// first row's), 3,100 in October and 3,000 in November; a row in a week between (a
    /// correction) makes the file weekly again, as before.
    static func twoWeekTotalsCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func aggregate(_ flags: [String]) -> [String] { ["aggregate", "--input", "in.csv", "--out", "out.csv"] + flags }
        let saturdays = (0..<13).map { k -> String in
            // 2025-10-04 plus 14k days, written month-first as a US export would.
            var day = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2025, month: 10, day: 4).date!
            day.addTimeInterval(Double(14 * k) * 86_400)
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
            return "\(c.month!)/\(c.day!)/\(c.year!)"
        }
        let biweekly = "Period Ending,Item,Qty Dispensed\n" + saturdays.map { "\($0),HEP5000,1400\n" }.joined()
        let columns = ["--date", "Period Ending", "--series", "Item", "--value", "Qty Dispensed"]
        cases.append(CorpusCase(kind: .usage, name: "two-week totals every other Saturday, by the week",
                                files: ["in.csv": Data(biweekly.utf8)],
                                arguments: aggregate(columns + ["--frequency", "week"]),
                                expectation: .accepted(file: "in.csv", read: 13, output: "out.csv",
                                                       says: ["HEP5000,2025-W39,700\nHEP5000,2025-W40,700\nHEP5000,2025-W41,700\n", "HEP5000,2026-W12,700\n"])))
        cases.append(CorpusCase(kind: .usage, name: "two-week totals every other Saturday, by the month",
                                files: ["in.csv": Data(biweekly.utf8)],
                                arguments: aggregate(columns + ["--frequency", "month"]),
                                expectation: .accepted(file: "in.csv", read: 13, output: "out.csv",
                                                       says: ["HEP5000,2025-10,3100\nHEP5000,2025-11,3000\nHEP5000,2025-12,3100\nHEP5000,2026-01,3100\nHEP5000,2026-02,2800\n"])))
        // A correction dated in a week between (1 date in 14): still two-week totals, nine in
        // ten in weeks of one parity being enough, as for weekly rows on one weekday; the 10
        // joins the fortnight of the week after (both neighbours hold a row, a tie of 7 days
        // each way), 5 in each of its weeks. Read as weeks before, the file made 1,400, 0.
        let corrected = biweekly + "10/25/2025,HEP5000,10\n"
        cases.append(CorpusCase(kind: .usage, name: "two-week totals with a row in a week between, by the week",
                                files: ["in.csv": Data(corrected.utf8)],
                                arguments: aggregate(columns + ["--frequency", "week"]),
                                expectation: .accepted(file: "in.csv", read: 14, output: "out.csv",
                                                       says: ["HEP5000,2025-W41,700\nHEP5000,2025-W42,700\nHEP5000,2025-W43,705\nHEP5000,2025-W44,705\nHEP5000,2025-W45,700\n"])))
        // Timekeeping by pay period: one row a person every other Sunday with the two weeks'
        // hours (12 a day for the RN, 8 for the CNA). Read as single days, 13 days in 14 had no
        // timekeeping and the recent weeks were left out of hours per patient day; spread over
        // their 14 days, they cover the census.
        let timekeeping = CSVInput.timekeeping
        let sundays = CSVInput.days(84).enumerated().filter { $0.offset % 14 == 13 }.map { $0.element }
        let payPeriods = CSVInput.csv(timekeeping.header, sundays.flatMap { day in
            [[day, "ICU", "168", "RN", "REG", "E1000"], [day, "ICU", "112", "CNA", "REG", "E2000"]]
        })
        cases.append(accepting(timekeeping, "timekeeping of two-week pay periods", Data(payPeriods), read: 2 * sundays.count,
                               output: "out/staffing_plan.md",
                               says: ["Timekeeping rows are two-week totals (one date every two weeks, on one weekday, 2025-01-19 to 2025-03-30, pay periods)"]))
        // The same totals from an export carrying start and end (Punch In / Punch Out) empty on
        // every row: no spans, still pay-period totals (mapped, they turned the reading off and
        // the recent hours per patient day went blank), said in the note.
        let withEmptySpans = CSVInput.csv(timekeeping.header + ["start", "end"], sundays.flatMap { day in
            [[day, "ICU", "168", "RN", "REG", "E1000", "", ""], [day, "ICU", "112", "CNA", "REG", "E2000", "", ""]]
        })
        cases.append(accepting(timekeeping, "timekeeping of two-week pay periods with empty start and end columns", Data(withEmptySpans), read: 2 * sundays.count,
                               output: "out/staffing_plan.md",
                               says: ["Timekeeping rows are two-week totals (one date every two weeks, on one weekday, 2025-01-19 to 2025-03-30, pay periods)",
                                      "columns are empty on every row: no shift spans, read as pay-period totals"]))
        // Sunday-to-Saturday pay periods dated by their first day (Sundays 2025-01-05 to
        // 2025-03-16) beside a census from Monday 2025-01-06 to Sunday 2025-03-30: read forward
        // they cover the census's 84 days, backwards 70 (the two weeks before each Sunday).
        let firstDays = CSVInput.days(84, from: -1).enumerated().filter { $0.offset % 14 == 0 }.map { $0.element }
        let periodsBegun = CSVInput.csv(timekeeping.header, firstDays.flatMap { day in
            [[day, "ICU", "168", "RN", "REG", "E1000"], [day, "ICU", "112", "CNA", "REG", "E2000"]]
        })
        cases.append(accepting(timekeeping, "timekeeping of two-week pay periods dated by their first day (Sundays)", Data(periodsBegun), read: 2 * firstDays.count,
                               output: "out/staffing_plan.md",
                               says: ["dated by the period's first day (dated on Sundays", "head the date column 'Pay Period End'"]))
        return cases
    }
}
