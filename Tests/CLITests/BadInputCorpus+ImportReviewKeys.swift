import Foundation

extension BadInputCorpus {
    /// The import review's defects 3, 5, 6, 7, 9 and 10, each read wrong without a word before:
    /// a Windows-1252 file with UTF-8 lines appended is read line by line; decomposed names
    /// are one item with composed ones; a key Excel wrote in scientific notation is rejected;
    /// `1.200` in a comma-separated file dated `01.10.2025` is refused as ambiguous; a row
    /// moved one column right by an unquoted comma is rejected; a wrapped or quoted header is
    /// reached by the map inspect suggests.
    static func importReviewKeysCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let kind = CSVInput.usage.kind
        let aggregate = ["aggregate", "--input", "in.csv", "--out", "out.csv"]

        // Two rows in Windows-1252 (`Parac\xE9tamol`, 5 + 7) and December's appended in UTF-8 (3):
        // one item, not two, with 15 in all.
        let mixed = Array("date,item,quantity\n2025-10-01,Parac".utf8) + [0xE9] + Array("tamol,5\n2025-10-02,Parac".utf8) + [0xE9]
            + Array("tamol,7\n2025-10-03,Paracétamol,3\n".utf8)
        cases.append(CorpusCase(kind: kind, name: "Windows-1252 file with a UTF-8 line appended",
                                files: ["in.csv": Data(mixed)], arguments: aggregate,
                                expectation: .accepted(file: "in.csv", read: 3, output: "out.csv", says: ["Paracétamol,2025-10,15"])))

        // `Parace\u{301}tamol` (NFD) and `Paracétamol` (NFC): one series of 3 + 4.
        cases.append(CorpusCase(kind: kind, name: "decomposed and composed spellings of one item",
                                files: ["in.csv": Data("date,item,quantity\n2025-10-01,Parace\u{301}tamol,3\n2025-10-02,Paracétamol,4\n".utf8)],
                                arguments: aggregate,
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["Paracétamol,2025-10,7"])))

        // Three GTINs written `1.08854E+13` by Excel's General format.
        cases.append(CorpusCase(kind: kind, name: "item codes in scientific notation",
                                files: ["in.csv": Data("date,item,quantity\n2025-10-01,1.08854E+13,3\n2025-10-01,1.08854E+13,4\n".utf8)],
                                arguments: aggregate,
                                expectation: .fails(file: "in.csv", line: 2, says: ["'1.08854E+13' is a code Excel wrote in scientific notation",
                                                                                    "re-export the file with the column formatted as Text"]),
                                absentAfterFailure: ["out.csv"]))

        // `1.200` beside `950` in a comma-separated export dated `02.10.2025`.
        cases.append(CorpusCase(kind: kind, name: "1.200 in a comma-separated export dated 02.10.2025",
                                files: ["in.csv": Data("date,item,quantity\n01.10.2025,4711,950\n02.10.2025,4711,1.200\n".utf8)],
                                arguments: aggregate,
                                expectation: .fails(file: "in.csv", line: 3, says: ["'1.200' could be a decimal or thousands (the file's dates are written with points, day first",
                                                                                    "use --decimal-comma"]),
                                absentAfterFailure: ["out.csv"]))

        // `Suture nylon 3-0, 18` unquoted: the row's numbers move one column right, into `Comments`.
        cases.append(CorpusCase(kind: kind, name: "a row moved right by an unquoted comma into an empty Comments column",
                                files: ["in.csv": Data("date,item,description,quantity,unit_cost,Comments\n2025-10-01,A,Gloves,95,7.61,\n2025-10-01,B,Suture nylon 3-0, 18,2,4.50\n".utf8)],
                                arguments: aggregate,
                                expectation: .fails(file: "in.csv", line: 3, says: ["'Comments' holds the number '4.50' where other rows leave it empty",
                                                                                    "quote text values in the export"]),
                                absentAfterFailure: ["out.csv"]))

        // Excel's wrapped header cell `"Item\nNumber"`, mapped as it reads on one line.
        cases.append(CorpusCase(kind: kind, name: "a wrapped header cell mapped on one line",
                                files: ["in.csv": Data("date,\"Item\nNumber\",quantity\n2025-10-01,A,5\n".utf8)],
                                arguments: aggregate + ["--columns", "item=\"Item Number\""],
                                expectation: .accepted(file: "in.csv", read: 1, output: "out.csv", says: ["A,2025-10,5"])))

        // A header holding quotes, mapped as inspect writes it (`""`) and with `\"`.
        for spelling in ["item=\"Item \"\"Code\"\"\"", "item=\"Item \\\"Code\\\"\""] {
            cases.append(CorpusCase(kind: kind, name: "a header holding quotes mapped as \(spelling)",
                                    files: ["in.csv": Data("date,\"Item \"\"Code\"\"\",quantity\n2025-10-01,A,5\n".utf8)],
                                    arguments: aggregate + ["--columns", spelling],
                                    expectation: .accepted(file: "in.csv", read: 1, output: "out.csv", says: ["A,2025-10,5"])))
        }
        return cases
    }
}
