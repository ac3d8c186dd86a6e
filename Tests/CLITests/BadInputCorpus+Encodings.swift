import Foundation
import Tabular

extension BadInputCorpus {
    /// Encodings and month-name dates (issue 17): an unknown `--encoding` on every command,
    /// a date format that reads no row, and month-name dates with a month that does not exist.
    static func encodingCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        for input in CSVInput.all {
            cases.append(CorpusCase(kind: input.kind, name: "--encoding ebcdic (unknown)",
                                    files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                                    arguments: input.arguments + ["--encoding", "ebcdic"],
                                    expectation: .usageError(says: ["unknown encoding 'ebcdic'", "auto, utf-8, windows-1252, latin-1, utf-16"]),
                                    absentAfterFailure: [input.output]))
        }
        cases.append(PipelineCorpus.yaml("encoding: ebcdic", PipelineCorpus.inserting(after: 5, "    encoding: ebcdic"), line: 6, "unknown encoding 'ebcdic'"))

        // UTF-16 without a byte-order mark in text mostly Cyrillic: its zero bytes, all in the
        // ASCII dates, digits and delimiters, are in fewer than half its code units, and auto
        // stopped at them ("NUL bytes"), utf-16 read it little-endian, utf-16be was unknown.
        let russian = CSVInput.usage
        let bandage = "\u{0411}\u{0438}\u{043D}\u{0442} \u{043C}\u{0430}\u{0440}\u{043B}\u{0435}\u{0432}\u{044B}\u{0439}"
        let store = "\u{0426}\u{0435}\u{043D}\u{0442}\u{0440}\u{0430}\u{043B}\u{044C}\u{043D}\u{044B}\u{0439} \u{0441}\u{043A}\u{043B}\u{0430}\u{0434}"
        let cyrillic = CSVInput.csv(russian.header, russian.rows.map { row in
            var row = row
            row[russian.column("item")] = bandage + " " + row[russian.column("item")]
            row[russian.column("location")] = store
            return row
        })
        let cyrillicBE = utf16(cyrillic, bigEndian: true, bom: false)
        cases.append(accepting(russian, "Cyrillic UTF-16BE without BOM", cyrillicBE, read: russian.rows.count, output: russian.output,
                               says: [bandage + " A100,", bandage + " B200,"]))
        cases.append(CorpusCase(kind: russian.kind, name: "Cyrillic UTF-16BE without BOM, --encoding utf-16be", files: files(russian),
                                generated: generator(russian, { cyrillicBE }), arguments: russian.arguments + ["--encoding", "utf-16be"],
                                expectation: .accepted(file: russian.file, read: russian.rows.count, output: russian.output, says: [bandage + " A100,"])))
        // Named, the byte order is read whatever the zero bytes show: little-endian bytes read
        // as big-endian are garbage, the header not found.
        cases.append(CorpusCase(kind: russian.kind, name: "Cyrillic UTF-16LE without BOM, --encoding utf-16be",
                                files: files(russian).merging([russian.file: utf16(cyrillic, bigEndian: false, bom: false)]) { _, own in own },
                                arguments: russian.arguments + ["--encoding", "utf-16be"],
                                expectation: .fails(file: russian.file, line: 1, says: ["missing required column"]),
                                absentAfterFailure: [russian.output]))

        // Europe's layout: in a file separated by semicolons, 1.200 may be 1,200 or 1.2.
        let series = CSVInput.series
        let european = "series;period;value\n" + (1...12).map { "A100;2025-\($0 < 10 ? "0" : "")\($0);\($0 % 2 == 0 ? "1.200" : "800")\n" }.joined()
        cases.append(CorpusCase(kind: series.kind, name: "1.200 beside 800 in a semicolon file", files: [series.file: Data(european.utf8)],
                                arguments: series.arguments,
                                expectation: .fails(file: series.file, line: 3, says: ["'1.200' could be a decimal or thousands", "use --decimal-comma"]),
                                absentAfterFailure: [series.output]))

        // Windows-1252 text is read and written as UTF-8, the summary line saying so.
        let usage = CSVInput.usage
        let item = usage.column("item")
        var cp1252 = Data(usage.header.joined(separator: ",") + "\n")
        for row in usage.rows {
            for (k, cell) in row.enumerated() {
                if k > 0 { cp1252.append(UInt8(ascii: ",")) }
                cp1252.append(Data(cell))
                if k == item { cp1252.append(contentsOf: [0x96, 0xA3, 0xF4]) }   // en dash, pound, o circumflex
            }
            cp1252.append(0x0A)
        }
        let windows1252 = cp1252
        cases.append(accepting(usage, "Windows-1252 item names", windows1252, read: usage.rows.count, output: usage.output,
                               says: ["A100\u{2013}\u{A3}\u{F4}", "B200\u{2013}\u{A3}\u{F4}"]))

        // auto decides on the whole file, not its first 256 KiB: a Windows-1252 accent after
        // 300 KB of ASCII is read as Windows-1252 (it was read as UTF-8, its rows rejected).
        var late = Data(usage.header.joined(separator: ",") + "\n")
        let pad = String(repeating: "x", count: 8_000)
        for (k, row) in usage.rows.enumerated() {
            var cells = row.map { Data($0.utf8) }
            cells[usage.column("location")] = Data(pad.utf8)
            if k == usage.rows.count - 1 { cells[item].append(0xE9) }   // e acute
            late.append(Data(cells.joined(separator: Data([UInt8(ascii: ",")]))))
            late.append(0x0A)
        }
        let lateAccent = late
        cases.append(accepting(usage, "Windows-1252 accent after 300 KB of ASCII", lateAccent, read: usage.rows.count, output: usage.output,
                               says: [usage.rows.last![item] + "\u{E9},"]))
        // Standard input is decided on the whole of it too (spooled to a temporary file): the
        // same bytes piped in were decided on their first chunk, as UTF-8, and the accented row
        // rejected ("1 of 40 rows rejected ... byte 0xE9"), so a pipe and a file disagreed.
        cases.append(CorpusCase(kind: usage.kind, name: "Windows-1252 accent after 300 KB of ASCII on standard input",
                                arguments: usage.arguments.map { $0 == usage.file ? "-" : $0 }, stdin: lateAccent,
                                expectation: .accepted(file: "<stdin>", read: usage.rows.count, output: usage.output,
                                                       says: [usage.rows.last![item] + "\u{E9},"])))
        // Latin-1 is read as Windows-1252: 0x80 is the euro, not an invisible U+0080.
        cases.append(CorpusCase(kind: usage.kind, name: "--encoding latin-1 with a euro sign (0x80)",
                                files: [usage.file: replacingValue(usage, 0, "item", with: Array(usage.rows[0][item].utf8) + [0x80])],
                                arguments: usage.arguments + ["--encoding", "latin-1"],
                                expectation: .accepted(file: usage.file, read: usage.rows.count, output: usage.output,
                                                       says: [usage.rows[0][item] + "\u{20AC},"])))

        // Per input: a budget from a European spreadsheet (semicolons, decimal comma,
        // Windows-1252) beside a ledger from the ERP (UTF-8, decimal point), which one
        // --decimal-comma (or --encoding) for both could not read.
        let budget = CSVInput.budget
        let europeanText = ([budget.header] + budget.rows.map { row in row.enumerated().map { k, cell in
            k == 0 ? "P\u{E9}diatrie" : k == 3 ? "\(cell.prefix(1)).\(cell.dropFirst()),50" : cell } }).map { $0.joined(separator: ";") + "\n" }.joined()
        let europeanBudget = Data(TextEncoding.windows1252Bytes(europeanText) ?? [])
        let ledger = Data(CSVInput.csv(CSVInput.actualsHeader, CSVInput.actualsRows.map { row in row.enumerated().map { k, cell in
            k == 0 ? "P\u{E9}diatrie" : k == 3 ? "\"\(cell.prefix(1)),\(cell.dropFirst()).25\"" : cell } }).utf8)
        cases.append(CorpusCase(kind: budget.kind, name: "--encoding budget=windows-1252 --decimal budget=comma beside a UTF-8 ledger",
                                files: [budget.file: europeanBudget, "actuals.csv": ledger],
                                arguments: budget.arguments + ["--encoding", "budget=windows-1252", "--decimal", "budget=comma"],
                                expectation: .accepted(file: budget.file, read: budget.rows.count, output: "out/budget_variance.csv",
                                                       says: ["P\u{E9}diatrie,Supplies,2025-07,1000.5,1100.25,"])))
        for (option, value, says) in [("--encoding", "ledger=windows-1252", ["--encoding 'ledger=windows-1252' is not kind=name with an input kind (actuals, budget,", "e.g. budget=windows-1252"]),
                                      ("--decimal", "ledger=comma", ["--decimal 'ledger=comma' is not kind=mark with an input kind (actuals, budget,", "e.g. budget=comma"]),
                                      ("--decimal", "budget=dot", ["--decimal 'dot' is not a decimal mark; use comma or point"]),
                                      ("--encoding", "items=windows-1252", ["--encoding names 'items', which no input of variance reads; its inputs are actuals, budget"]),
                                      // variance reads volumes with --volumes: not "no input reads".
                                      ("--encoding", "volumes=utf-8", ["--encoding names 'volumes', but no --volumes file was given"]),
                                      // One kind, two values: the last won, silently.
                                      ("--encoding", "budget=utf-8,budget=windows-1252", ["--encoding names 'budget' twice"])] {
            cases.append(CorpusCase(kind: budget.kind, name: "\(option) \(value) (not an input of variance)",
                                    files: files(budget).merging([budget.file: Data(budget.contents.utf8)]) { _, own in own },
                                    arguments: budget.arguments + [option, value],
                                    expectation: .usageError(says: says), absentAfterFailure: [budget.output]))
        }

        // aggregate and forecast read one file of no kind: a pair was applied to it whatever
        // kind it named, and pairs that disagreed were dropped without a word.
        for input in [CSVInput.usage, CSVInput.series] {
            cases.append(CorpusCase(kind: input.kind, name: "--encoding budget=utf-8 on a command of one input",
                                    files: files(input).merging([input.file: Data(input.contents.utf8)]) { _, own in own },
                                    arguments: input.arguments + ["--encoding", "budget=utf-8"],
                                    expectation: .usageError(says: ["--encoding 'budget=utf-8' names an input kind", "has one input (--input): give it without a kind, e.g. --encoding utf-8"]),
                                    absentAfterFailure: [input.output]))
        }

        // A pattern with a comma in a pair (`actuals=MMM D, YYYY`) was cut at its comma and
        // refused; pairs are split only at a comma before the next kind=. A ledger dated
        // "Jul 15, 2025" read by it, one month misspelt: that row alone rejected, by the pattern.
        let actuals = CSVInput.actuals
        let usDated = CSVInput.actualsRows.enumerated().map { k, row in
            let names = ["07": "Jul", "08": "Aug", "09": "Sep"]
            return row.enumerated().map { c, cell in c == 2 ? "\"\(k == 3 ? "Agu" : names[String(cell.suffix(2))] ?? "") 15, 2025\"" : cell }
        }
        let usLedger = Data(CSVInput.csv(CSVInput.actualsHeader, usDated).utf8)
        cases.append(rejecting(actuals, "--date-format 'actuals=MMM D, YYYY' (a comma in a pair's pattern), one month misspelt", usLedger,
                               [RejectedRow(line: 5, column: "period", says: "'Agu 15, 2025' is not a valid date ('Agu' is not a month name")],
                               extraArguments: ["--date-format", "actuals=MMM D, YYYY,budget=YYYY-MM"]))
        for (value, says) in [("actuals=MMM Q, YYYY", ["--date-format 'actuals=MMM Q, YYYY': date format 'MMM Q, YYYY' is not understood",
                                                       "(a comma ends a pair only before the next kind=, so this one is part of the format)"]),
                              ("actuals=YYYYMM,budget", ["--date-format 'actuals=YYYYMM,budget': date format 'YYYYMM,budget' is not understood"]),
                              ("actuals=MMM D, YYYY,ledger=iso", ["--date-format 'ledger=iso' is not kind=format with an input kind (actuals, budget,"]),
                              ("actuals=MMM D, YYYY,actuals=iso", ["--date-format names 'actuals' twice, as 'actuals=MMM D, YYYY' and 'actuals=iso'"])] {
            cases.append(CorpusCase(kind: actuals.kind, name: "--date-format '\(value)' (a pattern with a comma in a pair)",
                                    files: files(actuals).merging([actuals.file: usLedger]) { _, own in own },
                                    arguments: actuals.arguments + ["--date-format", value],
                                    expectation: .usageError(says: says), absentAfterFailure: [actuals.output]))
        }
        cases.append(CorpusCase(kind: usage.kind, name: "--date-format 'usage=MMM D, YYYY' on a command of one input",
                                files: files(usage).merging([usage.file: Data(usage.contents.utf8)]) { _, own in own },
                                arguments: usage.arguments + ["--date-format", "usage=MMM D, YYYY"],
                                expectation: .usageError(says: ["--date-format 'usage=MMM D, YYYY' names an input kind", "give it without a kind, e.g. --date-format 'MMM D, YYYY'"]),
                                absentAfterFailure: [usage.output]))

        // A UTF-8 file with one stray Windows-1252 byte is UTF-8: its names stay whole (the file
        // was read as Windows-1252, `Größe` garbled on every row), and the one line is read as
        // Windows-1252, line by line (it was rejected, and under 1% dropped with exit 0).
        // Read as UTF-8 by --encoding utf-8, the row is rejected naming the byte.
        var stray = Data(usage.header.joined(separator: ",") + "\n")
        for (k, row) in usage.rows.enumerated() {
            var cells = row.map { Data($0.utf8) }
            cells[item].append(k == 1 ? Data([0x20, 0x47, 0x72, 0xF6]) : Data(" Gr\u{F6}\u{DF}e".utf8))
            stray.append(Data(cells.joined(separator: Data([UInt8(ascii: ",")]))))
            stray.append(0x0A)
        }
        let strayByte = stray
        cases.append(rejecting(usage, "UTF-8 names with one stray Windows-1252 byte on line 3, --encoding utf-8", strayByte,
                               [RejectedRow(line: 3, column: "item", says: "is not valid UTF-8 text: byte 0xF6 ('\u{F6}' in Windows-1252) at byte 8 of the value, while the rest of the file reads as UTF-8")],
                               extraArguments: ["--encoding", "utf-8"]))
        cases.append(CorpusCase(kind: usage.kind, name: "UTF-8 names with one Windows-1252 line (line 3), read line by line", files: files(usage),
                                generated: generator(usage, { strayByte }), arguments: usage.arguments,
                                expectation: .accepted(file: usage.file, read: usage.rows.count, output: usage.output, says: [" Gr\u{F6},"])))

        // A date format that reads none of the dates: every row rejected, the pattern named.
        cases.append(failing(usage, "--date-format DD-MMM-YY on ISO dates", Data(usage.contents), line: 2,
                             "'2025-01-06' is not a date in the format DD-MMM-YY", "40 of 40 rows rejected",
                             arguments: usage.arguments + ["--date-format", "DD-MMM-YY"]))

        // Month-name dates read automatically, one with a month that does not exist.
        for input in [CSVInput.usage, CSVInput.census, CSVInput.timekeeping] where input.header.contains("date") {
            let date = input.column("date")
            var rows = input.rows.map { row in row.enumerated().map { k, cell in k == date ? monthNameDate(cell) : cell } }
            var parts = rows[1][date].split(separator: "-").map(String.init)
            parts[1] = "Jum"
            rows[1][date] = parts.joined(separator: "-")
            let dated = Data(CSVInput.csv(input.header, rows))
            cases.append(rejecting(input, "month-name dates, one month 'Jum'", dated,
                                   [RejectedRow(line: 3, column: "date", says: "'Jum' is not a month name")]))
        }
        return cases
    }

    /// `2025-01-06` as `06-Jan-25`.
    static func monthNameDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month) else { return iso }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(parts[2])-\(names[month - 1])-\(parts[0].suffix(2))"
    }
}
