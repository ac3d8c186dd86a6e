import Foundation

extension BadInputCorpus {
    /// Issue 17: `quartermaster inspect`. A missing file fails naming it; an unknown kind is a
    /// usage error listing the kinds. Exports the import would refuse are read and the report
    /// warns: title lines above the header, rows wider than the header, a totals row; and a
    /// decimal comma gets the setting that reads it.
    static func inspectCases() -> [CorpusCase] {
        let usage = CSVInput.usage
        return [
            CorpusCase(kind: usage.kind, name: "inspect of a missing file", files: [:],
                       arguments: ["inspect", "absent.csv", "--kind", "usage"],
                       expectation: .fails(file: "absent.csv", line: nil, says: ["file not found"])),
            CorpusCase(kind: usage.kind, name: "inspect with --max-field-bytes 0", files: files(usage),
                       generated: generator(usage) { Data(usage.contents) },
                       arguments: ["inspect", usage.file, "--max-field-bytes", "0"],
                       expectation: .usageError(says: ["--max-field-bytes and --max-columns must be positive"])),
            CorpusCase(kind: usage.kind, name: "inspect with an unknown kind", files: files(usage),
                       generated: generator(usage) { Data(usage.contents) },
                       arguments: ["inspect", usage.file, "--kind", "stock"],
                       expectation: .usageError(says: ["unknown kind 'stock'", "usage, items, inventory"])),
            CorpusCase(kind: usage.kind, name: "inspect of an export with a title above the header",
                       files: ["titled.csv": Data(("Supply Issues Report\nGenerated 2025-08-01\n\n" + usage.contents).utf8)],
                       arguments: ["inspect", "titled.csv", "--kind", "usage"],
                       expectation: .inspected(says: ["header: \(usage.header.joined(separator: ",")) (line 4)",
                                                      "lines 1-3 look like a title", "Delete lines 1-3 before importing",
                                                      "# delete the 3 lines above the header (line 4) first"])),
            // Imported, the same file named the missing columns and the title as the header,
            // with no word of the title: now it says so and where to look.
            CorpusCase(kind: usage.kind, name: "import of an export with a title above the header",
                       files: ["titled.csv": Data(("Supply Issues Report\nGenerated 2025-08-01\n\n" + usage.contents).utf8)],
                       arguments: ["aggregate", "--input", "titled.csv", "--out", "series.csv"],
                       expectation: .fails(file: "titled.csv", line: 1, says: ["line 1 ('Supply Issues Report') looks like a report title, not the header",
                                                                               "delete the lines above the header row", "`quartermaster inspect titled.csv` shows which line it is"]),
                       absentAfterFailure: ["series.csv"]),
            CorpusCase(kind: usage.kind, name: "inspect of monthly rows dated 01/MM/YYYY",
                       files: ["dmy.csv": Data(("date,item,quantity\n" + (1...12).map { "01/\($0 < 10 ? "0" : "")\($0)/2025,A,\(100 + $0)\n" }.joined()).utf8)],
                       arguments: ["inspect", "dmy.csv"],
                       expectation: .inspected(says: ["every date in 'date' falls on January 1-12", "add --date-format dmy"])),
            // Every slash date reads either way: a decimal comma shows them day-first, and
            // both readings are given either way.
            CorpusCase(kind: usage.kind, name: "inspect of slash dates that all read either way, with a decimal comma",
                       files: ["eu.csv": Data(("date;item;quantity\n" + (2...12).map { "\($0 < 10 ? "0" : "")\($0)/03/2026;A;1.200,5\n" }.joined()).utf8)],
                       arguments: ["inspect", "eu.csv"],
                       expectation: .inspected(says: ["date order: every slash date in 'date' reads either way (no day above 12), and was read day-first (DD/MM/YYYY)",
                                                      "2026-03-02 to 2026-03-12; read month-first they would be 2026-02-03 to 2026-12-03", "give --date-format mdy"])),
            CorpusCase(kind: usage.kind, name: "inspect of a month header xyz-26 written like the months around it",
                       files: ["xyz.csv": Data("Item,Description,feb-26,xyz-26,mar-26\nA,Gauze,10,10,10\n".utf8)],
                       arguments: ["inspect", "xyz.csv", "--kind", "usage"],
                       expectation: .inspected(says: ["'xyz-26' is written like the month headers around it but names no month the import knows"])),
            CorpusCase(kind: usage.kind, name: "inspect of two years of monthly rows dated 10/MM/YYYY",
                       files: ["dmy10.csv": Data(("date,item,quantity\n" + [2023, 2024].flatMap { y in (1...12).map { "10/\($0 < 10 ? "0" : "")\($0)/\(y),A,\(100 + $0)\n" } }.joined()).utf8)],
                       arguments: ["inspect", "dmy10.csv"],
                       expectation: .inspected(says: ["every date in 'date' falls on October 1-12, as the 10th of every month written day-first (10/MM/YYYY)", "add --date-format dmy"])),
            CorpusCase(kind: usage.kind, name: "inspect of rows wider than the header",
                       files: ["wider.csv": Data((usage.contents + usage.rows[0].joined(separator: ",") + ",extra\n").utf8)],
                       arguments: ["inspect", "wider.csv"],
                       expectation: .inspected(says: ["1 of \(usage.rows.count + 1) rows has more fields than the header's \(usage.header.count) fields (the first on line \(usage.rows.count + 2))"])),
            CorpusCase(kind: usage.kind, name: "inspect of a totals row under a date column",
                       files: ["totals.csv": Data("date,item,quantity\n2025-07-01,A,10\n2025-07-02,A,20\n2025-07-03,B,30\nTotal,,60\n".utf8)],
                       arguments: ["inspect", "totals.csv", "--kind", "usage"],
                       expectation: .inspected(says: ["date: date (iso), 3 of 4 values read", "not read: 'Total' (line 5, the totals row)",
                                                      "warning: line 5, the last row, looks like a totals row"])),
            CorpusCase(kind: usage.kind, name: "inspect of decimal commas in a semicolon export",
                       files: ["semi.csv": Data("Datum;Artikel;Menge\n01.07.2025;A;1.234,50\n02.07.2025;A;12,25\n".utf8)],
                       arguments: ["inspect", "semi.csv", "--kind", "usage"],
                       expectation: .inspected(says: ["Menge: number (decimal comma)", "flags: --decimal-comma", "    decimal: comma\n"])),
        ]
    }
}
