import Foundation

extension BadInputCorpus {
    /// A review's import defects, each read wrong without a word before: a decimal comma after
    /// a zero (`0,750`, read as 750) is refused with the hint; a totals row (`Grand Total` under
    /// the item, `Total` under the unit) is rejected naming it, on every kind with such a key,
    /// while names that merely hold the word are read; `--unpivot '*'` leaves a total column
    /// out; Excel's `sep=;` first line sets the delimiter.
    static func importReviewCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let usage = CSVInput.usage

        // `0,750` is 0.75 with a decimal comma, never 750 thousands.
        for value in ["0,750", "-0,250"] {
            cases.append(rejecting(usage, "'quantity' = '\(value)' (a zero before a comma group) on line 3", replacingValue(usage, 1, "quantity", with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: "quantity", says: "'\(value)' is not a number (if ',' is the decimal mark, use --decimal-comma")]))
        }
        cases.append(CorpusCase(kind: usage.kind, name: "inspect of 0,750 beside whole numbers in a semicolon export",
                                files: ["eu.csv": Data("Datum;Artikel;Menge\n01.03.2026;Morphin;1,500\n02.03.2026;Morphin;10\n03.03.2026;Morphin;0,750\n")],
                                arguments: ["inspect", "eu.csv", "--kind", "usage"],
                                expectation: .inspected(says: ["Menge: number (decimal comma), 100% of 3 values read", "flags: --decimal-comma", "    decimal: comma\n"])))

        // `1,500` in a semicolon export is 1.5 there as likely as 1,500: refused with the hint.
        cases.append(CorpusCase(kind: usage.kind, name: "1,500 in a semicolon export without --decimal-comma",
                                files: ["eu.csv": Data("Datum;Artikel;Menge\n01.03.2026;Morphin;1,500\n02.03.2026;Morphin;2,250\n03.03.2026;Morphin;10\n".utf8)],
                                arguments: ["aggregate", "--input", "eu.csv", "--columns", "date=Datum,item=Artikel,quantity=Menge", "--out", "out.csv"],
                                expectation: .fails(file: "eu.csv", line: 2, says: ["'1,500' could be a decimal or thousands (the file is separated by semicolons, where ',' often marks decimals)", "use --decimal-comma", "use --decimal-point"]),
                                absentAfterFailure: ["out.csv"]))

        // A tab- or bar-separated export dated `01.03.2026` writes 1,200 as `1.200` (read as 1.2
        // before); the same file dated ISO reads `1,500` as thousands, as US extracts mean it.
        for (name, delimiter) in [("tab", "\t"), ("bar", "|")] {
            let rows = ["Datum", "Artikel", "Menge"].joined(separator: delimiter) + "\n"
                + ["01.03.2026", "Morphin", "800"].joined(separator: delimiter) + "\n"
                + ["02.03.2026", "Morphin", "1.200"].joined(separator: delimiter) + "\n"
            cases.append(CorpusCase(kind: usage.kind, name: "1.200 in a \(name)-separated export dated 02.03.2026",
                                    files: ["de.txt": Data(rows.utf8)],
                                    arguments: ["aggregate", "--input", "de.txt", "--columns", "date=Datum,item=Artikel,quantity=Menge", "--out", "out.csv"],
                                    expectation: .fails(file: "de.txt", line: 3, says: ["'1.200' could be a decimal or thousands (the file's dates are written with points, day first, where '.' often groups thousands)", "use --decimal-comma", "use --decimal-point"]),
                                    absentAfterFailure: ["out.csv"]))
        }
        cases.append(CorpusCase(kind: usage.kind, name: "1,500 in a tab-separated export dated ISO is thousands",
                                files: ["us.txt": Data("Date\tItem\tQty\n2026-03-01\tGauze\t1,500\n2026-03-02\tGauze\t800\n".utf8)],
                                arguments: ["aggregate", "--input", "us.txt", "--columns", "date=Date,item=Item,quantity=Qty", "--frequency", "day", "--out", "out.csv"],
                                expectation: .accepted(file: "us.txt", read: 2, output: "out.csv", says: ["Gauze,2026-03-01,1500"])))
        cases.append(CorpusCase(kind: usage.kind, name: "inspect of 1.200 in a tab-separated export dated 01.03.2026",
                                files: ["de.txt": Data("Datum\tArtikel\tMenge\n01.03.2026\tMorphin\t1.200\n02.03.2026\tMorphin\t1.500\n".utf8)],
                                arguments: ["inspect", "de.txt", "--kind", "usage"],
                                expectation: .inspected(says: ["'1.200' reads as 1200 with a decimal comma and as 1.2 with a decimal point, and no value tells which",
                                                               // The column is not called read: the import rejects every value of it.
                                                               "3. Menge: number, decimal mark in doubt (see the warning): the import rejects such values until it is given"])))

        // A command's --decimal-comma reads all its files so: a US item master beside a German
        // usage export was refused as "not a number" without a word on why. The advice names
        // the item master's own kind (it named `--decimal budget=comma`, an error on reorder).
        let master = CSVInput.items
        cases.append(CorpusCase(kind: master.kind, name: "--decimal-comma on reorder with an item master written with decimal points",
                                files: files(master).merging([master.file: Data(master.contents)]) { _, own in own },
                                arguments: master.arguments + ["--decimal-comma"],
                                expectation: .fails(file: "items.csv", line: 2, says: ["'7.50' is not a number with ',' as the decimal mark, as --decimal-comma reads this file",
                                                                                     "--decimal-comma applies to every input of the command", "add --decimal items=point"])))

        // Both marks stated at once contradict each other.
        cases.append(CorpusCase(kind: usage.kind, name: "--decimal-comma with --decimal-point",
                                files: ["eu.csv": Data("Datum;Artikel;Menge\n01.03.2026;Morphin;1,500\n".utf8)],
                                arguments: ["aggregate", "--input", "eu.csv", "--decimal-comma", "--decimal-point", "--out", "out.csv"],
                                expectation: .usageError(says: ["--decimal-comma and --decimal-point contradict each other"]), absentAfterFailure: ["out.csv"]))

        // A totals row, on each kind whose key names it.
        let totalsRow = "a totals row ("
        for (input, column, label) in [(usage, "item", "Grand Total"), (CSVInput.series, "series", "Total"),
                                       (CSVInput.inventory, "item", "Totals"), (CSVInput.census, "unit", "Sum"), (CSVInput.timekeeping, "unit", "Total"),
                                       (CSVInput.targets, "job_code", "Subtotal"), (CSVInput.items, "item", "Gesamt")] {
            cases.append(rejecting(input, "totals row: '\(column)' = '\(label)' on line 3", replacingValue(input, 1, column, with: Array(label.utf8)),
                                   [RejectedRow(line: 3, column: column, says: totalsRow + "'\(label)'): its figures are the other rows' sum")]))
        }
        // At the default threshold the run stops, naming the row and what to do.
        cases.append(failing(usage, "totals row under the item, default 1% threshold", replacingValue(usage, 1, "item", with: Array("Grand Total".utf8)), line: 3,
                             "column 'item': a totals row ('Grand Total')", "delete the totals rows from the export"))
        // Excel's Subtotal row under a group of a series file (`A100 Total` below the A100 rows,
        // holding their sum; German Excel writes `Ergebnis`, French and Spanish `Total A100`).
        let series = CSVInput.series
        let group = series.rows[0][0], groupSum = series.rows.prefix(12).reduce(0) { $0 + Int($1[2])! }
        for spelling in ["%@ Total", "%@ Ergebnis", "TOTAL %@"] {
            let label = spelling.replacingOccurrences(of: "%@", with: group)
            cases.append(rejecting(series, "Excel subtotal row: '\(label)' below the \(group) rows, with their sum", replacingRow(series, 12, with: Array("\(label),2025-12,\(groupSum)".utf8)),
                                   [RejectedRow(line: 14, column: "series", says: "a subtotal row ('\(label)' below the rows of '\(group)', as Excel's Subtotal writes it)")]))
        }
        // A series named so that is not the sum of the rows above (`Total Hip` after `Hip` in a
        // file sorted by date) is a series.
        let procedures = "series,period,value\n" + (1...6).map { "Hip,2025-0\($0),12\nTotal Hip,2025-0\($0),30\n" }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "series 'Total Hip' after 'Hip' on each date is read", files: ["p.csv": Data(procedures.utf8)],
                                arguments: ["aggregate", "--input", "p.csv", "--out", "out.csv"],
                                expectation: .accepted(file: "p.csv", read: 12, output: "out.csv", says: ["Total Hip,2025-06,30"])))
        // A row whose name holds a total word and whose quantity is the sum of the rows above
        // it is a subtotal (`Total to date` counted the ten rows twice).
        let aboveSum = usage.rows.prefix(10).reduce(0) { $0 + Int($1[usage.column("quantity")])! }
        var subtotalRow = usage.rows[9]
        subtotalRow[usage.column("item")] = "Total to date"
        subtotalRow[usage.column("quantity")] = String(aboveSum)
        let subtotalLine = Array(subtotalRow.joined(separator: ",").utf8)
        cases.append(rejecting(usage, "subtotal row 'Total to date' on line 12 holding the sum of the rows above", replacingRow(usage, 10, with: subtotalLine),
                               [RejectedRow(line: 12, column: "item", says: "a subtotal row ('Total to date'): its quantity \(aboveSum) is the sum of the 10 rows above it")]))
        // Weighed per item over the whole file: a kit that is the sum of the rows above it on
        // some days only (by chance, or as one kit per implant with days it misses) is an item,
        // every row read; `0 = 0 + 0` is no evidence.
        let knee = "item,date,quantity\nGauze,2025-01-15,10\nSyringe,2025-01-15,20\nTotal Knee Kit,2025-01-15,30\nGauze,2025-02-15,12\nSyringe,2025-02-15,18\n"
            + "Total Knee Kit,2025-02-15,4\nGauze,2025-03-15,11\nSyringe,2025-03-15,19\nTotal Knee Kit,2025-03-15,3\n"
        cases.append(accepting(usage, "item 'Total Knee Kit' that is the sum of the 2 rows above it in 1 month of 3 is read", Data(knee.utf8), read: 9,
                               output: usage.output, says: ["Total Knee Kit,2025-01,30"]))
        let hipDays = CSVInput.days(59, from: 0)
        let hip = "date,item,quantity,location\n" + hipDays.enumerated().map { k, day in
            let a = k % 7 == 0 ? 0 : 1 + k % 3, b = k % 7 == 0 ? 0 : k % 2
            return "\(day),Hip Stem A,\(a),OR\n\(day),Hip Stem B,\(b),OR\n\(day),Total Hip Kit,\(a + b + (k % 10 == 3 ? 1 : 0)),OR\n\(day),Gauze,\(15 + k % 5),OR\n"
        }.joined()
        cases.append(accepting(usage, "item 'Total Hip Kit', the sum of the day's 2 rows on most days but not all, is read", Data(hip.utf8), read: 4 * 59,
                               output: usage.output, says: ["Total Hip Kit,"]))
        // A subtotal repeated on each date is one on every date, the date with zeros too.
        let icu = "date,item,quantity,location\n" + hipDays.prefix(6).enumerated().map { k, day in
            let g = k == 2 ? 0 : 3 + k, t = k == 2 ? 0 : 2
            return "\(day),ICU Gauze,\(g),ICU\n\(day),ICU Tape,\(t),ICU\n\(day),ICU Total,\(g + t),ICU\n"
        }.joined()
        cases.append(rejecting(usage, "'ICU Total' on each date holding the date's sum, zeros on one, is rejected on every date", Data(icu.utf8),
                               [4, 7, 10, 13, 16, 19].map { RejectedRow(line: $0, column: "item", says: $0 == 10 ? "every quantity of 'ICU Total' other than zero is a sum of rows of the file" : "is the sum of the 2 other rows of") },
                               read: 18))
        // The same name with an ordinary quantity is an item: the name alone rejects nothing.
        cases.append(accepting(usage, "item 'Total Parenteral Nutrition kit' on line 22 with an ordinary quantity is read",
                               replacingValue(usage, 20, "item", with: Array("Total Parenteral Nutrition kit".utf8)), read: usage.rows.count,
                               output: usage.output, says: ["Total Parenteral Nutrition kit,"]))
        // An item whose name holds the word is an item.
        for name in ["Total Parenteral Nutrition kit", "TPN Total"] {
            cases.append(accepting(usage, "item '\(name)' is read", replacingValue(usage, 1, "item", with: Array(name.utf8)), read: usage.rows.count,
                                   output: usage.output, says: [name + ",2025-01,"]))
        }
        // A month sheet's totals row: each of its cells rejected.
        let months = "Item,Description,2026-01,2026-02,2026-03,YTD\nA100,Gauze,10,20,30,60\nB200,Tape,1,2,3,6\nTotal,,11,22,33,66\n"
        cases.append(failing(usage, "unpivoted month sheet with a totals row", Data(months), line: 4,
                             "3 of 9 rows rejected", "column 'Item': a totals row ('Total')",
                             arguments: usage.arguments + ["--columns", "item=Item", "--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]))
        // Reorder reads the usage's location through the import stage: a `TOTAL` location too.
        let items = CSVInput.items
        var located = "date,item,quantity,location\n"
        for (k, line) in CSVInput.reorderUsage.split(separator: "\n").dropFirst().enumerated() { located += line + (k == 1 ? ",TOTAL\n" : ",Central\n") }
        cases.append(CorpusCase(kind: items.kind, name: "reorder usage with a TOTAL location on line 3",
                                files: files(items).merging(["usage.csv": Data(located), items.file: Data(items.contents)]) { $1 },
                                arguments: items.arguments + items.skipFlags,
                                expectation: .rejects(file: "usage.csv", rejectsFile: "out/usage.rejects.csv",
                                                      rows: [RejectedRow(line: 3, column: "location", says: totalsRow + "'TOTAL')")],
                                                      read: located.split(separator: "\n").count - 1)))

        // `--unpivot '*'` beside a total column: 2 items of 3 cells read, the Total column not.
        let wide = "date,Propofol 200mg,Cefazolin 1g,Total\n" + CSVInput.days(3).map { "\($0),5,3,8" }.joined(separator: "\n") + "\n"
        cases.append(CorpusCase(kind: usage.kind, name: "unpivot '*' beside a Total column", files: [usage.file: Data(wide)],
                                arguments: usage.arguments + ["--unpivot", "*", "--names-to", "item", "--values-to", "quantity", "--frequency", "day"],
                                expectation: .accepted(file: usage.file, read: 6, output: usage.output, says: ["Propofol 200mg,2025-01-06,5", "Cefazolin 1g,2025-01-08,3"])))

        // Excel's `sep=;` line above the header.
        let semicolons = "sep=;\n" + CSVInput.csv(usage.header, usage.rows).replacingOccurrences(of: ",", with: ";")
        cases.append(accepting(usage, "Excel's sep=; line above the header", Data(semicolons), read: usage.rows.count, output: usage.output,
                               says: ["A100,2025-01,", "B200,2025-01,"]))
        cases.append(CorpusCase(kind: usage.kind, name: "inspect of Excel's sep=; line", files: ["sep.csv": Data(semicolons)],
                                arguments: ["inspect", "sep.csv", "--kind", "usage"],
                                expectation: .inspected(says: ["delimiter: ';' (from line 1, 'sep=;', Excel's delimiter line", "header: date;item;quantity;location (line 2)",
                                                               "rows: \(usage.rows.count) data rows"])))

        // A second export appended under its own header, its columns in another order: read by
        // that header's names (A100 issues 5 + 7 = 12 in January, not 5 + 2 read from `item`'s
        // neighbour), the header skipped, not rejected.
        let reordered = "date,item,quantity\n2025-01-06,A100,5\ndate,quantity,item\n2025-01-07,7,A100\n2025-01-08,2,B200\n"
        cases.append(accepting(usage, "a second header with the columns in another order on line 3", Data(reordered.utf8), read: 3,
                               output: usage.output, says: ["A100,2025-01,12", "B200,2025-01,2"]))
        // A second header lacking a column the import reads: stopped at its line.
        let renamed = "date,item,quantity\n2025-01-06,A100,5\ndate,item,qty\n2025-01-07,A100,7\n"
        cases.append(failing(usage, "a second header lacking 'quantity' (renamed 'qty') on line 3", Data(renamed.utf8), line: 3,
                             "a second header, not the first one repeated: it lacks 'quantity' of the file's first header, and has 'qty' instead"))
        // Two month sheets appended (Jul-Sep, then a header Oct-Dec): the second half's months
        // were read as the first's (October added onto July); stopped at the second header.
        let halves = "Item,Description,2025-07,2025-08,2025-09\nA100,Gauze,10,20,30\nItem,Description,2025-10,2025-11,2025-12\nA100,Gauze,40,50,60\n"
        cases.append(failing(usage, "unpivoted month sheet with a second header of other months on line 3", Data(halves.utf8), line: 3,
                             "a second header, not the first one repeated: it lacks '2025-07', '2025-08' and '2025-09' of the file's first header, and has '2025-10', '2025-11' and '2025-12' instead",
                             arguments: usage.arguments + ["--columns", "item=Item", "--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]))
        // A `Daily Total` column beside the drugs is no drug: 2 drugs x 3 days read, not 9 cells.
        let dailyTotal = "date,Propofol 200mg,Cefazolin 1g,Daily Total\n" + CSVInput.days(3).map { "\($0),5,3,8" }.joined(separator: "\n") + "\n"
        cases.append(CorpusCase(kind: usage.kind, name: "unpivot '*' beside a Daily Total column", files: [usage.file: Data(dailyTotal.utf8)],
                                arguments: usage.arguments + ["--unpivot", "*", "--names-to", "item", "--values-to", "quantity", "--frequency", "day"],
                                expectation: .accepted(file: usage.file, read: 6, output: usage.output, says: ["Propofol 200mg,2025-01-06,5", "Cefazolin 1g,2025-01-08,3"])))
        // A category's subtotal line, `Subtotal` in the unread description: rejected as a totals row.
        let category = "Item,Description,2026-01,2026-02\nA100,Gauze,10,20\nB200,Tape,1,2\nDressings,Subtotal,11,22\n"
        cases.append(failing(usage, "unpivoted month sheet with a category's Subtotal line", Data(category.utf8), line: 4,
                             "2 of 6 rows rejected", "column 'Description': a totals row ('Subtotal')",
                             arguments: usage.arguments + ["--columns", "item=Item", "--unpivot", "*", "--names-to", "date", "--values-to", "quantity"]))
        return cases
    }
}
