import Foundation

extension BadInputCorpus {
    /// The second import review's defects, each a file read wrong (or stopped) before: a number
    /// in a Comments column read and named; a shifted row caught before a trailing delimiter; a
    /// second header in other spacing or month labels read as a repeat; `1.250` read by its
    /// column's other decimals; a totals column told by its values; a GL account named
    /// `Total Hip Implants` read as an account.
    static func importReview2Cases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let kind = CSVInput.usage.kind
        let aggregate = ["aggregate", "--input", "in.csv", "--out", "out.csv"]

        // A count typed in Comments on a well-formed row: 15 + 12 = 27, read, the line named.
        cases.append(CorpusCase(kind: kind, name: "a number in a comment column on a well-formed row, read and named",
                                files: ["in.csv": Data("date,item,description,quantity,unit_cost,Comments\n2025-11-10,F,Foley tray 16Fr,15,9.85,\n2025-11-11,F,Foley tray 16Fr,12,9.85,2\n".utf8)],
                                arguments: aggregate,
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["F,2025-11,27"])))

        // The suture row shifted by `3-0, 18` with a delimiter ending every line.
        cases.append(CorpusCase(kind: kind, name: "a row shifted into Comments before a trailing delimiter",
                                files: ["in.csv": Data("date,item,description,quantity,unit_cost,Comments,\n2025-10-01,A,Gloves,95,7.61,,\n2025-10-01,B,Suture nylon 3-0, 18,2,4.50,\n".utf8)],
                                arguments: aggregate,
                                expectation: .fails(file: "in.csv", line: 3, says: ["'Comments' holds the number '4.50' where other rows leave it empty",
                                                                                    "the row reads `Suture nylon 3-0,18,2,4.50`", "quote text values in the export"]),
                                absentAfterFailure: ["out.csv"]))

        // November appended under the header with `Qty  Issued` and ` Item # `: 35 + 40.
        cases.append(CorpusCase(kind: kind, name: "a second header in other spacing read as the first repeated",
                                files: ["in.csv": Data("Trans Date,Item #,Qty Issued\n10/31/2025,A,35\nTrans Date, Item # ,Qty  Issued\n11/1/2025,A,40\n".utf8)],
                                arguments: aggregate + ["--columns", "date=\"Trans Date\",item=\"Item #\",quantity=\"Qty Issued\""],
                                expectation: .accepted(file: "in.csv", read: 2, output: "out.csv", says: ["A,2025-10,35", "A,2025-11,40"])))

        // Two wide sheets: `JUL25,AUG25` then `Jul-25,Aug-25`, the same months: 10 + 30 in July.
        cases.append(CorpusCase(kind: kind, name: "a second header naming the same months otherwise (Jul-25 under JUL25)",
                                files: ["in.csv": Data("item,JUL25,AUG25\nA,10,20\nitem,Jul-25,Aug-25\nB,30,40\n".utf8)],
                                arguments: aggregate + ["--unpivot", "*", "--names-to", "date", "--values-to", "quantity", "--partial", "keep"],
                                expectation: .accepted(file: "in.csv", read: 4, output: "out.csv", says: ["A,2025-07,10", "B,2025-07,30", "B,2025-08,40"])))

        // `1.250` in a comma file dated `01.10.2025` whose column holds `7.75` and `12.5`: 21.5.
        cases.append(CorpusCase(kind: kind, name: "1.250 beside 7.75 and 12.5 in a comma file with dotted dates (decimal point settled by the column)",
                                files: ["in.csv": Data("date,item,quantity\n01.10.2025,4711,7.75\n02.10.2025,4711,12.5\n03.10.2025,4711,1.250\n".utf8)],
                                arguments: aggregate + ["--partial", "keep"],
                                expectation: .accepted(file: "in.csv", read: 3, output: "out.csv", says: ["4711,2025-10,21.5"])))

        // `Total Doses Dispensed`, the row sum of two drugs: left out, 3 + 4 + 5 + 6 = 18 in all.
        cases.append(CorpusCase(kind: kind, name: "a wide sheet's Total Doses Dispensed column, the row sum of the drugs",
                                files: ["in.csv": Data("date,Heparin,Ondansetron,Total Doses Dispensed\n2025-12-01,3,4,7\n2025-12-02,5,6,11\n".utf8)],
                                arguments: aggregate + ["--unpivot", "*", "--names-to", "item", "--values-to", "quantity", "--partial", "keep"],
                                expectation: .accepted(file: "in.csv", read: 4, output: "out.csv", says: ["Heparin,2025-12,8", "Ondansetron,2025-12,10"])))

        // A GL account `Total Hip Implants` (total hip arthroplasty), budgeted, that adds up to
        // nothing: read as an account, 126,900 + 118,400 + 131,750 = 377,050 for the quarter.
        var budget = "department,account,period,amount\n", actuals = "department,account,period,amount\n"
        for (m, hip, total) in [(7, 38_450, 126_900), (8, 41_200, 118_400), (9, 39_900, 131_750)] {
            budget += "OR,Hip Implants,2025-0\(m),40000\nOR,Total Hip Implants,2025-0\(m),120000\n"
            actuals += "OR,Hip Implants,2025-0\(m),\(hip)\nOR,Total Hip Implants,2025-0\(m),\(total)\n"
        }
        cases.append(CorpusCase(kind: .actuals, name: "a GL account named Total Hip Implants beside Hip Implants, read as an account",
                                files: ["budget.csv": Data(budget.utf8), "actuals.csv": Data(actuals.utf8)],
                                arguments: ["variance", "--budget", "budget.csv", "--actuals", "actuals.csv", "--fiscal-start", "7", "--as-of", "2025-09", "--out", "out"],
                                expectation: .accepted(file: "actuals.csv", read: 6, output: "out/budget_variance.csv",
                                                       says: ["OR,Total Hip Implants,FY2026-YTD,360000,377050"])))
        return cases
    }
}
