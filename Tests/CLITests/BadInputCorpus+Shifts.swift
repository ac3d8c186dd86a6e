import Foundation

extension CSVInput {
    static let shiftsHeader = ["date", "shift", "unit", "patients", "start", "end"]
    /// A day and a night shift per day of the census, 5 ICU patients each.
    static let shiftsRows: [[String]] = days(84).flatMap { day in
        [[day, "day", "ICU", "5", "07:00", "19:00"], [day, "night", "ICU", "5", "19:00", "07:00"]]
    }
    static let spansHeader = timekeepingHeader + ["start", "end"]
    /// The corpus's timekeeping with the worked span of each row: RNs 07:00-19:00, CNAs 07:00-15:00.
    static let spansRows: [[String]] = timekeepingRows.map { row in
        row + ["\(row[0]) 07:00", row[3] == "RN" ? "\(row[0]) 19:00" : "\(row[0]) 15:00"]
    }
    static let shiftsArguments = staffingArguments.filter { !["--out", "out", "--quiet"].contains($0) } + ["--shifts", "shifts.csv", "--out", "out", "--quiet"]

    static let shifts = CSVInput(
        kind: .shifts, file: "shifts.csv", header: shiftsHeader, rows: shiftsRows,
        others: ["census.csv": csv(censusHeader, censusRows), "timekeeping.csv": csv(spansHeader, spansRows), "targets.csv": csv(targetsHeader, targetsRows)],
        arguments: Array(shiftsArguments),
        rejectsFile: "out/shifts.rejects.csv", failedRejectsFile: "out.rejects/shifts.rejects.csv", output: "out",
        text: "unit", number: "patients",
        badValues: [("date", "2025-02-30", "February 2025 has 28 days"), ("patients", "-1", "not a whole number of at least 0"),
                    ("patients", "2.5", "not a whole number of at least 0"), ("patients", "1e400", "out of range"),
                    ("start", "25:00", "is not a time of day"), ("end", "7pm", "is not a time of day"), ("start", "0700", "is not a time of day"),
                    ("start", "07:00Z", "carries a time zone ('Z')"), ("end", "19:00-05:00", "carries a time zone ('-05:00')")])

    static let spans = CSVInput(
        kind: .timekeeping, file: "timekeeping.csv", header: spansHeader, rows: spansRows,
        others: ["census.csv": csv(censusHeader, censusRows), "shifts.csv": csv(shiftsHeader, shiftsRows), "targets.csv": csv(targetsHeader, targetsRows)],
        arguments: Array(shiftsArguments),
        rejectsFile: "out/timekeeping.rejects.csv", failedRejectsFile: "out.rejects/timekeeping.rejects.csv", output: "out",
        text: "unit", number: "hours",
        // Line 3 is the CNA's span of 2025-01-06, 07:00-15:00.
        badValues: [("end", "2025-01-06 06:00", "at or before it starts (2025-01-06 07:00)"), ("end", "2025-01-06 07:00", "at or before it starts"),
                    ("end", "2025-01-07 08:00", "hours, longer than 24"), ("start", "2025-01-06", "has no time of day"),
                    ("end", "2025-01-06 25:00", "is not a date-time"), ("start", "07:00", "is not a date-time"),
                    // UTC and offset punches: rejected, not read as local clock times (review cases 13 and 14).
                    ("start", "2025-01-06T12:00:00Z", "carries a time zone ('Z'); shifts and punches are compared on the unit's local clock"),
                    ("end", "2025-01-06T15:00:00-05:00", "carries a time zone ('-05:00')"),
                    ("end", "2025-01-06 15:00+25:00", "carries a time zone ('+25:00')"),
                    ("start", "2025-01-06 07:00+", "carries a time zone ('+')")])
}

extension BadInputCorpus {
    /// Issue 22: the shifts input and timekeeping spans of `staffing --shifts`. A shift census
    /// row that cannot be placed on the clock (an unknown name without times, one end without the
    /// other), negative patients, bad times, a duplicate shift; a span ending
    /// before it starts or lasting over 24 hours: rejected rows with reasons; a span missing
    /// half (a missed punch) keeps its hours off the clock, named. The
    /// shifts file also gets the structural and row-level damage of every input kind.
    static func shiftCases() -> [CorpusCase] {
        let shifts = CSVInput.shifts, spans = CSVInput.spans
        var cases = structural(shifts) + rowLevel(shifts) + values(shifts) + threshold(shifts) + values(spans) + threshold(spans)
        for (name, row, column, says) in [
            ("an unknown shift name without times", "2025-01-06,evening,ICU,5,,", "shift", "'evening' is not a known shift name (day, night)"),
            ("a shift with an end but no start", "2025-01-06,night,ICU,5,,07:00", "start", "has an end but no start"),
            ("a shift with a start but no end", "2025-01-06,night,ICU,5,19:00,", "end", "has a start but no end"),
            ("a duplicate shift (day again)", "2025-01-06,Day,icu,5,07:00,19:00", "shift", "already has a shift census row on line 2"),
            ("a duplicate shift by its letter (D for day)", "2025-01-06,D,ICU,6,07:00,19:00", "shift", "shift 'D' already has a shift census row on line 2"),
        ] {
            cases.append(rejecting(shifts, "\(name) on line 3", replacingRow(shifts, 1, with: Array(row.utf8)), [RejectedRow(line: 3, column: column, says: says)]))
        }
        cases.append(rejecting(shifts, "negative patients on line 3", replacingValue(shifts, 1, "patients", with: Array("-4".utf8)),
                               [RejectedRow(line: 3, column: "patients", says: "'-4' is not a whole number of at least 0")]))
        cases.append(failing(shifts, "the patients column missing", Data(CSVInput.csv(Array(shifts.header.filter { $0 != "patients" }),
                                                                                   shifts.rows.map { $0.enumerated().filter { $0.offset != 3 }.map(\.element) })),
                             line: 1, "missing required column"))
        // A standard shift name needs no times: accepted.
        let standard = Data(CSVInput.csv(Array(shifts.header.prefix(4)), shifts.rows.map { Array($0.prefix(4)) }))
        cases.append(accepting(shifts, "standard shift names without start and end", standard, read: shifts.rows.count, output: "out/staffing_shifts.csv", says: ["ICU,"]))
        // One export writes its dates one way (review of shifts, defect 8): a timekeeping
        // export's date column and its spans written DD/MM/YYYY are read day-first together
        // (the spans were read month-first apart from the date, "the span lasts 660 hours");
        // the date DD/MM and the spans MM/DD in one file stop the import, naming both. The
        // first read rejects each row with a day above 12 at its date, before its span, so
        // the spans' month-first dates are found in the read day-first.
        func written(_ iso: String, dayFirst: Bool) -> String {
            let parts = iso.prefix(10).split(separator: "-")
            return (dayFirst ? "\(parts[2])/\(parts[1])/\(parts[0])" : "\(parts[1])/\(parts[2])/\(parts[0])") + iso.dropFirst(10)
        }
        let (d, start, end) = (spans.column("date"), spans.column("start"), spans.column("end"))
        func rewritten(spansDayFirst: Bool) -> Data {
            Data(CSVInput.csv(spans.header, spans.rows.map { row in
                var row = row
                row[d] = written(row[d], dayFirst: true)
                row[start] = written(row[start], dayFirst: spansDayFirst)
                row[end] = written(row[end], dayFirst: spansDayFirst)
                return row
            }))
        }
        let allDayFirst = rewritten(spansDayFirst: true), spansMonthFirst = rewritten(spansDayFirst: false)
        cases.append(accepting(spans, "date and spans written DD/MM/YYYY (13/01/2025 07:00): all read day-first",
                               allDayFirst, read: spans.rows.count, output: "out/staffing_shifts.csv",
                               says: ["ICU,2025-01-13,day,RN,5,1,5,2,no\n"]))
        cases.append(failing(spans, "date written DD/MM/YYYY (13/01/2025 on line 16) and spans MM/DD/YYYY (01/13/2025 07:00) in one file",
                             spansMonthFirst, line: 16,
                             "the dates are written in two orders: '13/01/2025' in 'date' on line 16 reads only day-first (DD/MM/YYYY), while '01/13/2025 07:00' in 'start' on line 16 reads only month-first (MM/DD/YYYY)",
                             "too many of each to be typos", "--date-format mdy or --date-format dmy"))
        // A missed punch-out (review of staffing, finding 5): the row is read, its 8 CNA hours
        // kept and named as not placed on the clock; it was a rejected row, hours and all.
        cases.append(accepting(spans, "a span with a start but no end (a missed punch-out) on line 3: hours kept, named",
                               replacingValue(spans, 1, "end", with: Array("".utf8)), read: spans.rows.count, output: "out/staffing_plan.md",
                               says: ["or one without the other: a missed punch", "ICU CNA 2025-01-06 8"]))
        cases.append(accepting(spans, "a span with an end but no start (a missed punch-in) on line 3: hours kept, named",
                               replacingValue(spans, 1, "start", with: Array("".utf8)), read: spans.rows.count, output: "out/staffing_plan.md",
                               says: ["ICU CNA 2025-01-06 8"]))
        // An employee id where the span's start belongs: the reason must not quote it.
        var row = spans.rows[1]
        let id = row[spans.column("employee")]
        row[spans.column("start")] = id
        let shifted = replacingRow(spans, 1, with: Array(row.joined(separator: ",").utf8))
        cases.append(rejecting(spans, "employee id in the 'start' column on line 3", shifted,
                               [RejectedRow(line: 3, column: "start", says: "is not a date-time")], secrets: [id]))
        return cases
    }
}
