import Foundation

extension BadInputCorpus {
    /// A review's ingest defects in dates and numbers, each read wrong without a word before:
    /// two-digit years a century apart across the pivot at 70 (rows and wide headers); a month
    /// header a glob left out (`SEPT24`) and one given twice (`MAR25`, summed); a column's one
    /// date that reads only day-first (`25/12/2025`, rejected while the rest read month-first);
    /// thousands grouped with spaces under a decimal comma (`1 234,5`, refused).
    static func datesReviewCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func aggregate(_ flags: [String]) -> [String] { ["aggregate", "--input", "in.csv", "--out", "out.csv"] + flags }

        // Two-digit years are one run of years per column: 69 and 70 are 1969 and 1970.
        cases.append(CorpusCase(kind: .usage, name: "two-digit years 69 and 70 across the pivot",
                                files: ["in.csv": Data("date,item,quantity\n12/31/69,A,1\n1/1/70,A,2\n")],
                                arguments: aggregate(["--frequency", "year"]),
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,1969,1\nA,1970,2\n"])))
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        let century = (1966...2003).flatMap { year in months.map { "\($0)\(String(year).suffix(2)),A,1\n" } }.joined()
        cases.append(CorpusCase(kind: .usage, name: "two-digit years JAN66 to DEC03",
                                files: ["in.csv": Data("date,item,quantity\n" + century)],
                                arguments: aggregate([]),
                                expectation: .accepted(file: "in.csv", read: 456, output: "out.csv", says: ["series,period,value\nA,1966-01,1\n", "A,2003-12,1\n"])))
        cases.append(CorpusCase(kind: .usage, name: "two-digit years in wide headers JAN69 to FEB70",
                                files: ["in.csv": Data("Item,NOV69,DEC69,JAN70,FEB70\nA,1,2,3,4\n")],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .accepted(file: "in.csv", read: 4, output: "out.csv", says: ["A,1969-11,1\nA,1969-12,2\nA,1970-01,3\nA,1970-02,4\n"])))

        // A daily sheet's header dates are one order: a day-first one and a month-first one
        // cannot both be read (each left the other out as "header does not fit").
        cases.append(CorpusCase(kind: .usage, name: "daily sheet headers in two orders (13/03/2026 and 03/14/2026)",
                                files: ["in.csv": Data("Item,13/03/2026,03/14/2026\nA,1,2\n")],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .fails(file: "in.csv", line: 1, says: ["the header's dates are written in two orders", "'13/03/2026' reads only day-first",
                                                                                   "'03/14/2026' reads only month-first", "--date-format dmy or --date-format mdy"]),
                                absentAfterFailure: ["out.csv"]))
        // Header dates that read only day-first decide, and are not left out.
        cases.append(CorpusCase(kind: .usage, name: "daily sheet headers 02/03/2026 and 13/03/2026 read day-first",
                                files: ["in.csv": Data("Item,02/03/2026,13/03/2026\nA,1,2\n")],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity", "--partial", "keep"]),
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,2026-03,3\n"])))

        // A month header the glob leaves out is a month lost: refused, naming it.
        cases.append(CorpusCase(kind: .usage, name: "unpivot glob leaving out the month header SEPT24",
                                files: ["in.csv": Data("Item,JUL24,AUG24,SEPT24,OCT24\nA,10,10,10,10\n")],
                                arguments: aggregate(["--unpivot", "[A-Z][A-Z][A-Z][0-9][0-9]", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .fails(file: "in.csv", line: 1, says: ["header 'SEPT24' (column 4) reads as a period", "widen the glob", "\"*\""]),
                                absentAfterFailure: ["out.csv"]))
        cases.append(CorpusCase(kind: .usage, name: "unpivot glob leaving out a description, named",
                                files: ["in.csv": Data("Item,Description,JUL24,AUG24\nA,Gauze,10,10\n")],
                                arguments: aggregate(["--unpivot", "[A-Z][A-Z][A-Z][0-9][0-9]", "--names-to", "date", "--values-to", "quantity", "--partial", "keep"]),
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,2024-07,10\nA,2024-08,10\n"])))
        cases.append(CorpusCase(kind: .usage, name: "unpivot with a month header given twice (MAR25)",
                                files: ["in.csv": Data("Item,JAN25,FEB25,MAR25,MAR25\nA,1,2,3,30\n")],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .fails(file: "in.csv", line: 1, says: ["'MAR25' twice (columns 4 and 5)", "rename or remove one of them"]),
                                absentAfterFailure: ["out.csv"]))
        cases.append(CorpusCase(kind: .usage, name: "unpivot with one month written MAR25 and Mar-25",
                                files: ["in.csv": Data("Item,JAN25,FEB25,MAR25,Mar-25\nA,1,2,3,30\n")],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .fails(file: "in.csv", line: 1, says: ["'MAR25' (column 4) and 'Mar-25' (column 5)", "rename or remove one of them"]),
                                absentAfterFailure: ["out.csv"]))

        // Slash dates whose one unambiguous date reads only day-first: the column reads day-first.
        let ambiguous = (1...12).map { "\($0 < 10 ? "0" : "")\($0)/03/2025,A,1\n" }.joined()
        cases.append(CorpusCase(kind: .usage, name: "slash dates with day-first evidence alone (25/03/2025)",
                                files: ["in.csv": Data("date,item,quantity\n" + ambiguous + "25/03/2025,A,5\n")],
                                arguments: aggregate(["--frequency", "day"]),
                                expectation: .accepted(file: "in.csv", read: 13, output: "out.csv", says: ["A,2025-03-01,1\n", "A,2025-03-12,1\n", "A,2025-03-25,5\n"])))
        cases.append(CorpusCase(kind: .usage, name: "slash dates with evidence both ways (25/03/2025 and 03/25/2025)",
                                files: ["in.csv": Data("date,item,quantity\n" + (1...12).map { "03/\($0 < 10 ? "0" : "")\($0)/2025,A,1\n" }.joined() + "03/25/2025,A,1\n25/03/2025,A,5\n")],
                                arguments: aggregate(["--frequency", "day", "--on-error", "skip"]),
                                expectation: .rejects(file: "in.csv", rejectsFile: "out.rejects.csv",
                                                      rows: [RejectedRow(line: 15, column: "date", says: "read day-first it is 25 March 2025")], read: 14)))

        // Thousands grouped by spaces, with a decimal comma.
        for (name, space) in [("space", " "), ("narrow no-break space", "\u{202F}"), ("no-break space", "\u{A0}")] {
            cases.append(CorpusCase(kind: .usage, name: "decimal comma with thousands grouped by a \(name)",
                                    files: ["in.csv": Data("date;item;quantity\n2025-01-15;A;1\(space)234,5\n2025-01-16;A;\"2\(space)000\"\n")],
                                    arguments: aggregate(["--decimal-comma", "--frequency", "day"]),
                                    expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,2025-01-15,1234.5\nA,2025-01-16,2000\n"])))
        }
        // Windows-1252's no-break space (0xA0), grouping and trailing.
        var w1252 = Data("date,item,quantity\n2025-01-15,A,\"1".utf8)
        w1252.append(contentsOf: [0xA0] + Array("234\"\n2025-01-16,A,\"5".utf8) + [0xA0] + Array("\"\n".utf8))
        cases.append(CorpusCase(kind: .usage, name: "decimal comma with Windows-1252 no-break spaces",
                                files: ["in.csv": w1252],
                                arguments: aggregate(["--decimal-comma", "--frequency", "day"]),
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,2025-01-15,1234\nA,2025-01-16,5\n"])))
        cases.append(CorpusCase(kind: .usage, name: "thousands grouped by a space without --decimal-comma",
                                files: ["in.csv": Data("date,item,quantity\n2025-01-15,A,1 234\n")],
                                arguments: aggregate(["--frequency", "day"]),
                                expectation: .fails(file: "in.csv", line: 2, says: ["'1 234' is not a number", "spaces group its thousands", "use --decimal-comma"]),
                                absentAfterFailure: ["out.csv"]))

        // The same through a pipeline's import stage.
        func pipeline(_ file: String, frequency: String, unpivot: String = "") -> Data {
            Data("stages:\n  usage:\n    kind: import\n    table: usage\n    file: \(file)\n\(unpivot)  totals:\n    kind: aggregate\n    input: usage\n    frequency: \(frequency)\n  save:\n    kind: export\n    input: totals\n    file: out.csv\n")
        }
        cases.append(CorpusCase(kind: .pipeline, name: "pipeline import of two-digit years 69 and 70",
                                files: ["in.csv": Data("date,item,quantity\n12/31/69,A,1\n1/1/70,A,2\n"), "p.yaml": pipeline("in.csv", frequency: "year")],
                                arguments: ["run", "p.yaml", "--out", "o"],
                                expectation: .accepted(file: "in.csv", read: 2, output: "o/out.csv", says: ["A,1969,1\nA,1970,2\n"])))
        let wide = "    columns: {item: Item}\n    unpivot:\n      columns: \"*\"\n      names_to: [date]\n      values_to: quantity\n"
        cases.append(CorpusCase(kind: .pipeline, name: "pipeline unpivot of two-digit years in headers NOV69 to FEB70",
                                files: ["in.csv": Data("Item,NOV69,DEC69,JAN70,FEB70\nA,1,2,3,4\n"), "p.yaml": pipeline("in.csv", frequency: "month", unpivot: wide)],
                                arguments: ["run", "p.yaml", "--out", "o"],
                                expectation: .accepted(file: "in.csv", read: 4, output: "o/out.csv", says: ["A,1969-11,1\nA,1969-12,2\nA,1970-01,3\nA,1970-02,4\n"])))
        cases.append(CorpusCase(kind: .pipeline, name: "pipeline unpivot with one month written MAR25 and Mar-25",
                                files: ["in.csv": Data("Item,JAN25,FEB25,MAR25,Mar-25\nA,1,2,3,30\n"), "p.yaml": pipeline("in.csv", frequency: "month", unpivot: wide)],
                                arguments: ["run", "p.yaml", "--out", "o"],
                                expectation: .fails(file: "p.yaml", line: nil, says: ["'MAR25' (column 4) and 'Mar-25' (column 5)", "rename or remove one of them"])))
        cases.append(CorpusCase(kind: .pipeline, name: "pipeline unpivot glob leaving out the month header SEPT24",
                                files: ["in.csv": Data("Item,JUL24,AUG24,SEPT24,OCT24\nA,10,10,10,10\n"),
                                        "p.yaml": pipeline("in.csv", frequency: "month", unpivot: wide.replacing("\"*\"", with: "\"[A-Z][A-Z][A-Z][0-9][0-9]\""))],
                                arguments: ["run", "p.yaml", "--out", "o"],
                                expectation: .fails(file: "p.yaml", line: nil, says: ["header 'SEPT24' (column 4) reads as a period", "widen the glob"])))
        // A European export whose every date reads either way (2-12 March 2026): with its
        // decimal comma it is read day-first, eleven days, not eleven months February to December.
        let european = (2...12).map { "\($0 < 10 ? "0" : "")\($0)/03/2026;A;1.200,5\n" }.joined()
        cases.append(CorpusCase(kind: .usage, name: "slash dates that all read either way, with a decimal comma (02/03/2026 to 12/03/2026)",
                                files: ["in.csv": Data("date;item;quantity\n" + european)],
                                arguments: aggregate(["--frequency", "day", "--decimal-comma"]),
                                expectation: .accepted(file: "in.csv", read: 11, output: "out.csv", says: ["A,2026-03-02,1200.5\n", "A,2026-03-12,1200.5\n"])))

        // Month names of other languages read; a misspelt one is rejected naming it.
        let spanishDays = ["15-ene-2026", "15-feb-2026", "15-enx-2026", "15-abr-2026"].map { "\($0),A,1\n" }.joined()
        cases.append(CorpusCase(kind: .usage, name: "Spanish month-name dates, one month 'enx'",
                                files: ["in.csv": Data("date,item,quantity\n" + spanishDays)],
                                arguments: aggregate(["--on-error", "skip"]),
                                expectation: .rejects(file: "in.csv", rejectsFile: "out.rejects.csv",
                                                      rows: [RejectedRow(line: 4, column: "date", says: "'15-enx-2026' is not a valid date ('enx' is not a month name; expected a month's name or its abbreviation")], read: 4)))
        let spanishMonths = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"].map { $0 + "-26" }
        cases.append(CorpusCase(kind: .usage, name: "month per column with Spanish headers ene-26 to dic-26",
                                files: ["in.csv": Data(("Código,Descripción," + spanishMonths.joined(separator: ",") + "\nA,Amoxicilina," + Array(repeating: "1500", count: 12).joined(separator: ",") + "\n").utf8)],
                                arguments: aggregate(["--columns", "item=Código", "--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .accepted(file: "in.csv", read: 12, output: "out.csv", says: ["A,2026-01,1500\n", "A,2026-04,1500\n", "A,2026-08,1500\n", "A,2026-12,1500\n"])))
        cases.append(CorpusCase(kind: .usage, name: "month per column with a header xyz-26 written like the months around it",
                                files: ["in.csv": Data("Item,Description,feb-26,xyz-26,mar-26\nA,Gauze,10,10,10\n".utf8)],
                                arguments: aggregate(["--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]),
                                expectation: .fails(file: "in.csv", line: 1, says: ["header 'xyz-26' looks like a month but does not read as one ('feb-26' and 1 more did)",
                                                                                  "names no month the import knows"]),
                                absentAfterFailure: ["out.csv"]))
        return cases
    }
}
