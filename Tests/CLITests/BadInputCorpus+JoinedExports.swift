import Foundation

extension BadInputCorpus {
    /// The pipeline review's import defects: monthly usage dated the 1st written day-first
    /// (`01/07/2025`), read as January 1-12; two exports joined with an overlap, the repeated
    /// rows summed twice; a totals label in a column left unread (`Description`), summed as data.
    static func joinedExportCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let usage = CSVInput.usage

        // November 2024 to January 2025, each dated the 1st and written day-first (month-first
        // January 11 and 12, 2024, and January 1, 2025: no daily export).
        let firsts = "date,item,quantity,location\n01/11/2024,A100,10,Central\n01/12/2024,A100,20,Central\n01/01/2025,A100,30,Central\n"
        cases.append(accepting(usage, "monthly usage dated the 1st written day-first (01/11/2024), read day-first", Data(firsts.utf8), read: 3,
                               output: usage.output, says: ["A100,2024-11,10", "A100,2024-12,20", "A100,2025-01,30"]))

        // A US month-to-date pull, January 1-12 written month-first (1/1/2026 ... 1/12/2026):
        // a run of days, not the 1st of twelve months.
        let mtd = "date,item,quantity,location\n" + (1...12).map { "1/\($0)/2026,A100,\($0),Central\n" }.joined()
        cases.append(CorpusCase(kind: usage.kind, name: "a month-to-date pull of January 1-12 written month-first (1/1/2026 ... 1/12/2026), read month-first",
                                files: [usage.file: Data(mtd.utf8)], arguments: usage.arguments + ["--partial", "keep"],
                                expectation: .accepted(file: usage.file, read: 12, output: usage.output, says: ["A100,2026-01,78"])))

        // A GL whose periods are the 1st of the month written day-first: July to September.
        var budget = "department,account,period,amount\n", actuals = "department,account,period,amount\n"
        for (m, spent) in [(7, 38_000), (8, 41_000), (9, 39_000)] {
            budget += "OR,Supplies,2025-0\(m),40000\n"
            actuals += "OR,Supplies,01/0\(m)/2025,\(spent)\n"
        }
        cases.append(CorpusCase(kind: .actuals, name: "GL periods dated the 1st written day-first (01/07/2025), read day-first",
                                files: ["budget.csv": Data(budget.utf8), "actuals.csv": Data(actuals.utf8)],
                                arguments: ["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--fiscal-start", "7", "--as-of", "2025-09", "--out", "out"],
                                expectation: .accepted(file: "actuals.csv", read: 3, output: "out/budget_variance.csv",
                                                       says: ["OR,Supplies,FY2026-YTD,120000,118000"])))

        // January and February, then February and March appended with their header: the three
        // February rows (lines 4-6) again on lines 8-10, read once: January 5, February 1+2+3.
        let joined = "date,item,quantity,location\n2025-01-15,A100,5,Central\n2025-02-03,A100,1,Central\n2025-02-10,B200,2,Central\n2025-02-17,A100,3,Central\n"
            + "date,item,quantity,location\n2025-02-03,A100,1,Central\n2025-02-10,B200,2,Central\n2025-02-17,A100,3,Central\n2025-03-03,A100,7,Central\n"
        cases.append(CorpusCase(kind: usage.kind, name: "two exports joined with an overlap (a repeated header, then rows repeating those above it)",
                                files: [usage.file: Data(joined.utf8)], arguments: usage.arguments + ["--partial", "keep"],
                                expectation: .accepted(file: usage.file, read: 5, output: usage.output, says: ["A100,2025-01,5", "A100,2025-02,4", "B200,2025-02,2", "A100,2025-03,7"])))

        // February 1-20, then the later export repeating it with a row posted late (C300 on the
        // 3rd) and February 5 voided since: the late row is read, the voided row read once.
        let february = (1...20).map { "2025-02-\(String(format: "%02d", $0)),A100,\($0),Central\n" }
        let late = "date,item,quantity,location\n2025-01-15,A100,5,Central\n" + february.joined()
            + "date,item,quantity,location\n" + february[0..<2].joined() + "2025-02-03,C300,9,Central\n" + february[2..<4].joined() + february[5...].joined()
            + "2025-03-03,A100,7,Central\n"
        cases.append(CorpusCase(kind: usage.kind, name: "two exports joined with an overlap, the later with a row posted late and one voided",
                                files: [usage.file: Data(late.utf8)], arguments: usage.arguments + ["--partial", "keep"],
                                expectation: .accepted(file: usage.file, read: 23, output: usage.output, says: ["A100,2025-01,5", "A100,2025-02,210", "C300,2025-02,9", "A100,2025-03,7"])))

        // Group footers labelled in the Description, the key and date repeated.
        for label in ["SUBTOTAL", "Grand Total", "Total A100", "Item Total", "Total Cup"] {
            let footer = "date,item,description,quantity\n2025-01-03,A100,Cup,5\n2025-01-31,A100,Cup,5\n2025-01-31,A100,\(label),10\n2025-02-03,B200,Gown,4\n"
            cases.append(rejecting(usage, "a totals row labelled '\(label)' in the unread Description column", Data(footer.utf8),
                                   [RejectedRow(line: 4, column: "description", says: "a totals row ('\(label)')")], read: 4))
        }
        // Through the import stage (reorder's usage): the same, named alike.
        let items = CSVInput.items
        var described = "date,item,quantity,description\n"
        for (k, line) in CSVInput.reorderUsage.split(separator: "\n").dropFirst().enumerated() { described += line + (k == 1 ? ",Grand Total\n" : ",Gauze\n") }
        cases.append(CorpusCase(kind: items.kind, name: "reorder usage with 'Grand Total' in an unread Description on line 3",
                                files: files(items).merging(["usage.csv": Data(described.utf8), items.file: Data(items.contents)]) { $1 },
                                arguments: items.arguments + items.skipFlags,
                                expectation: .rejects(file: "usage.csv", rejectsFile: "out/usage.rejects.csv",
                                                      rows: [RejectedRow(line: 3, column: "description", says: "a totals row ('Grand Total')")],
                                                      read: described.split(separator: "\n").count - 1)))
        return cases
    }
}
