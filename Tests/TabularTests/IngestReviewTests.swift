import Testing
@testable import Tabular

/// A date column read through a `TableImport` with a second look allowed, read again with
/// what it found, as `SeriesImport` does: the days, the summary and whether it read twice.
private func readDates(_ path: String, format: DateFormat = .automatic) throws -> (days: [CalendarDay], summary: ImportSummary, again: Bool) {
    var options = ImportOptions(dateFormat: format, onError: .skip)
    options.secondLook = true
    var again = false
    while true {
        let table = try TableImport(path: path, columns: [ColumnSpec("date"), ColumnSpec("quantity")], options: options)
        let d = try #require(table.column("date"))
        var days: [CalendarDay] = []
        do {
            let summary = try table.run { row in days.append(try row.date(d)) }
            return (days, summary, again)
        } catch let look as TableImport.SecondLook {
            options = look.options
            again = true
        }
    }
}

@Suite("Two-digit years: one window per column")
struct TwoDigitYearWindowTests {
    @Test("the window starts after the largest gap and ends by 2068", arguments: [
        ([69, 70], [1969, 1970]),
        (Array(66...99) + Array(0...3), [1966, 1999, 2000, 2003]),
        (Array(0...26), [2000, 2026]),
        ([85, 99], [1985, 1999]),
        ([5, 68], [1968, 2005]),
        ([5, 30], [2005, 2030]),
        ([69], [1969]),
    ])
    func window(years: [Int], expected: [Int]) throws {
        let seen = TwoDigitYearsSeen(years)
        let window = try #require(seen.window)
        let read = years.map(window.year)
        #expect(read.min() == expected.min() && read.max() == expected.max())
        for year in expected { #expect(read.contains(year)) }
    }

    @Test func thePivotIsKeptWhereTheYearsAllowIt() throws {
        let seen = TwoDigitYearsSeen([0, 5, 26, 85, 99])
        #expect(try #require(seen.window).differsFromPivot(for: seen) == false)
        let crossing = TwoDigitYearsSeen([69, 70])
        #expect(try #require(crossing.window).differsFromPivot(for: crossing))
    }

    @Test func theParserReportsTheTwoDigitsAndMovesTheDay() {
        let parser = DateParser(twoDigitYears: TwoDigitYearWindow(start: 1966))
        for (text, yy, expected) in [("12/31/69", 69, day(1969, 12, 31)), ("JAN66", 66, day(1966, 1, 1)), ("02-Jun-06", 6, day(2006, 6, 2)),
                                     ("Jun-99", 99, day(1999, 6, 1)), ("2069-01-01", -1, day(2069, 1, 1))] {
            var seen = -1
            var bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { parser.parse(UnsafeBufferPointer($0), twoDigitYear: &seen) }
            #expect(parsed == expected, "\(text)")
            #expect(seen == yy, "\(text)")
        }
        // Under the default pivot as before.
        #expect(DateParser().parse("12/31/69") == day(2069, 12, 31))
    }

    @Test func aColumnWhoseYearsCrossThePivotIsReadAgainInOneWindow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("y.csv", "date,quantity\n12/31/69,1\n1/1/70,2\n")
        let (days, summary, again) = try readDates(path)
        #expect(again)
        #expect(days == [day(1969, 12, 31), day(1970, 1, 1)])
        #expect(summary.notes.contains { $0.contains("two-digit years in 'date' read as 1969-1970") })
    }

    /// Years 68 and 69 alone are read as 1968-1969 (no year later than 2068); the pivot would
    /// read them 2068-2069, together: the note said "a century apart" of them.
    @Test func theNoteSaysACenturyApartOnlyWhenThePivotSplitsTheYears() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let (days, summary, again) = try readDates(try dir.write("y.csv", "date,quantity\n01/15/68,10\n06/15/68,11\n01/15/69,12\n06/15/69,9\n"))
        #expect(again && days.first == day(1968, 1, 15) && days.last == day(1969, 6, 15))
        let note = try #require(summary.notes.first { $0.hasPrefix("two-digit years") })
        #expect(note == "two-digit years in 'date' read as 1968-1969, no year read later than 2068 (a fixed pivot at 70 would read them as 2068-2069); write four-digit years to read them otherwise", "\(note)")
        let split = TwoDigitYearsSeen([69, 70])
        #expect(TwoDigitYearWindow.pivotSplits(split) && !TwoDigitYearWindow.pivotSplits(TwoDigitYearsSeen([68, 69])))
        #expect(TwoDigitYearWindow(start: 1969).note(in: "'date'", for: split) == "two-digit years in 'date' read as 1969-1970, one run of years (a fixed pivot at 70 would read them as 1970 to 2069, a century apart); write four-digit years to read them otherwise")
    }

    @Test func monthsJAN66toDEC03ReadAsOneRun() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var text = "date,quantity\n"
        let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        for year in 1966...2003 { for name in names { text += "\(name)\(String(format2: year % 100)),1\n" } }
        let (days, summary, _) = try readDates(try dir.write("p.csv", text))
        #expect(days.first == day(1966, 1, 1) && days.last == day(2003, 12, 1))
        #expect(summary.notes.contains { $0.contains("1966-2003") })
    }

    @Test func anImportThatReadsOnceKeepsThePivotAndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let table = try TableImport(path: try dir.write("y.csv", "date,quantity\n12/31/69,1\n1/1/70,2\n"), columns: [ColumnSpec("date"), ColumnSpec("quantity")])
        var days: [CalendarDay] = []
        let summary = try table.run { row in days.append(try row.date(0)) }
        #expect(days == [day(2069, 12, 31), day(1970, 1, 1)])
        #expect(summary.notes.contains { $0.contains("read with the fixed pivot at 70, as 1970 to 2069, while as one run of years they are 1969-1970") })
    }

    @Test func yearsThePivotReadsWellAreReadOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let (days, summary, again) = try readDates(try dir.write("y.csv", "date,quantity\n12/31/25,1\n1/1/26,2\n"))
        #expect(!again)
        #expect(days == [day(2025, 12, 31), day(2026, 1, 1)])
        #expect(summary.notes.isEmpty)
    }
}

@Suite("Slash dates with day-first evidence")
struct DayMonthEvidenceTests {
    @Test func oneDateThatReadsOnlyDayFirstTurnsTheColumnDayFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("d.csv", "date,quantity\n01/02/2025,1\n03/04/2025,1\n25/12/2025,1\n")
        let (days, summary, again) = try readDates(path)
        #expect(again)
        #expect(summary.rejected == 0)
        #expect(days == [day(2025, 2, 1), day(2025, 4, 3), day(2025, 12, 25)])
        #expect(summary.notes.contains { $0.contains("dates read day-first (DD/MM/YYYY) in 'date', one order for the whole file: '25/12/2025' in 'date' (line 4) reads only so") })
    }

    @Test func evidenceBothWaysRejectsAsBefore() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("d.csv", "date,quantity\n01/02/2025,1\n12/25/2025,1\n25/12/2025,1\n")
        let (days, summary, again) = try readDates(path)
        #expect(!again)
        #expect(summary.rejected == 1)
        #expect(days == [day(2025, 1, 2), day(2025, 12, 25)])
    }

    @Test func ambiguousDatesStayMonthFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let (days, _, again) = try readDates(try dir.write("d.csv", "date,quantity\n01/02/2025,1\n03/04/2025,1\n"))
        #expect(!again)
        #expect(days == [day(2025, 1, 2), day(2025, 3, 4)])
    }

    @Test func twelveFirstsOfMonthsAreSaidToBeTwelveDaysDayFirst() {
        var look = DayFirstLook()
        for month in 1...12 { look.see(day(2026, month, 1)) }
        #expect(look.sentence() == nil)
        let sentence = look.firstsOfMonthsSentence()
        #expect(sentence?.contains("January 1-12, 2026, 12 days in a row") == true)
        var mixed = DayFirstLook()
        for month in [1, 2, 4] { mixed.see(day(2026, month, 1)) }
        #expect(mixed.firstsOfMonthsSentence() == nil)
    }
}

@Suite("Numbers grouped with spaces")
struct SpaceGroupedNumberTests {
    let comma = NumberParser(decimalComma: true)

    @Test("decimal comma reads spaces as thousands", arguments: [
        ("1 234,5", 1234.5), ("1\u{202F}234,5", 1234.5), ("1\u{A0}234,5", 1234.5), ("12 345 678", 12_345_678),
        ("1 234", 1234), ("5\u{A0}", 5), ("1 234,50 €", 1234.5), ("1 234,50\u{A0}€", 1234.5), ("-1 234", -1234),
    ])
    func grouped(text: String, value: Double) {
        #expect(comma.parse(text) == value)
    }

    @Test("still refused", arguments: ["12 34", "1 234.567 890", "1.234 567", "1 2345"])
    func refused(text: String) {
        #expect(comma.parse(text) == nil)
    }

    @Test func aTrailingNoBreakSpaceIsASpaceWithADecimalPointToo() {
        #expect(NumberParser().parse("42\u{A0}") == 42)
        #expect(NumberParser().parse("1 234") == nil)
    }

    @Test func withoutTheDecimalCommaTheHintSaysToSetIt() {
        for text in ["1 234", "1\u{A0}234", "1 234,5"] {
            var bytes = Array(text.utf8)
            let message = bytes.withUnsafeMutableBufferPointer { NumberParser().explainFailure(UnsafeBufferPointer($0)) }
            #expect(message.contains("use --decimal-comma"), "\(message)")
        }
    }
}

private extension String {
    /// Two digits with a leading zero.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

/// Reads a file's date columns (`dates`) and date-time columns (`dateTimes`) through a
/// `TableImport` with a second look allowed, as the import stages do: each row's values, the
/// summary and whether it read twice. Rows are skipped whole at their first bad value.
private func readOneOrder(_ path: String, dates: [String], dateTimes: [String] = [], format: DateFormat = .automatic,
                          onError: RejectPolicy = .skip) throws -> (rows: [[Int]], summary: ImportSummary, again: Bool) {
    var options = ImportOptions(dateFormat: format, onError: onError)
    options.secondLook = true
    var again = false
    let specs = (dates + dateTimes).map { ColumnSpec($0) }
    while true {
        let table = try TableImport(path: path, columns: specs, options: options)
        var rows: [[Int]] = []
        do {
            let summary = try table.run { row in
                var values: [Int] = []
                for name in dates { values.append(Int(try row.date(try #require(table.column(name))).daysSinceEpoch)) }
                for name in dateTimes { values.append(try row.dateTime(try #require(table.column(name)))) }
                rows.append(values)
            }
            return (rows, summary, again)
        } catch let look as TableImport.SecondLook {
            options = look.options
            again = true
        }
    }
}

private func days(_ values: [(Int, Int, Int)]) -> [Int] { values.map { Int(day($0.0, $0.1, $0.2).daysSinceEpoch) } }
private func minutes(_ y: Int, _ m: Int, _ d: Int, _ hh: Int) -> Int { Int(day(y, m, d).daysSinceEpoch) * 1440 + hh * 60 }

@Suite("One order of day and month per file")
struct OneDateOrderPerFileTests {
    /// A purchase-order export written DD/MM/YYYY whose receipts all fall on days up to the
    /// 12th: read on their own they were month-first (`05/02/2026` as 2 May) beside order
    /// dates read day-first, and lead times came out 68 days instead of 9.
    @Test func aDayAboveTwelveInOneColumnTurnsEveryColumnDayFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("orders.csv", "order_date,receipt_date\n25/01/2026,05/02/2026\n20/02/2026,03/03/2026\n28/02/2026,06/03/2026\n")
        let (rows, summary, again) = try readOneOrder(path, dates: ["order_date", "receipt_date"])
        #expect(again)
        #expect(summary.rejected == 0)
        #expect(rows == [days([(2026, 1, 25), (2026, 2, 5)]), days([(2026, 2, 20), (2026, 3, 3)]), days([(2026, 2, 28), (2026, 3, 6)])])
        #expect(summary.notes.contains { $0.contains("dates read day-first (DD/MM/YYYY) in 'order_date' and 'receipt_date', one order for the whole file: '25/01/2026' in 'order_date' (line 2) reads only so") })
    }

    /// A timekeeping export's spans read with its date column: `2/3/2026 19:00` to
    /// `3/3/2026 07:00` is 12 hours on 2 March, not 660 hours from 3 February.
    @Test func dateTimeSpansFollowTheFilesOrder() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("tk.csv", "date,start,end\n2/3/2026,2/3/2026 19:00,3/3/2026 07:00\n13/3/2026,13/3/2026 07:00,13/3/2026 19:00\n")
        let (rows, summary, again) = try readOneOrder(path, dates: ["date"], dateTimes: ["start", "end"])
        #expect(again)
        #expect(summary.rejected == 0)
        #expect(rows == [days([(2026, 3, 2)]) + [minutes(2026, 3, 2, 19), minutes(2026, 3, 3, 7)],
                         days([(2026, 3, 13)]) + [minutes(2026, 3, 13, 7), minutes(2026, 3, 13, 19)]])
        #expect(summary.notes.contains { $0.contains("in 'date', 'start' and 'end', one order for the whole file: '13/3/2026' in 'date' (line 3)") })
    }

    /// The evidence may be in a date-time column alone.
    @Test func aSpanAloneCanDecide() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("tk.csv", "date,end\n12/3/2026,13/3/2026 07:00\n")
        let (rows, _, again) = try readOneOrder(path, dates: ["date"], dateTimes: ["end"])
        #expect(again)
        #expect(rows == [days([(2026, 3, 12)]) + [minutes(2026, 3, 13, 7)]])
    }

    @Test func twoColumnsInTwoOrdersStopTheImportNamingBoth() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("orders.csv", "order_date,receipt_date\n25/01/2026,02/05/2026\n02/02/2026,02/13/2026\n")
        let error = try #require(throws: InputError.self) { try readOneOrder(path, dates: ["order_date", "receipt_date"]) }
        #expect(error.file.hasSuffix("orders.csv"))
        #expect(error.line == 2)
        #expect(error.column == "order_date")
        #expect(error.message.contains("'25/01/2026' in 'order_date' on line 2 reads only day-first (DD/MM/YYYY), while '02/13/2026' in 'receipt_date' on line 3 reads only month-first"))
        #expect(error.message.contains("--date-format dmy or --date-format mdy"))
    }

    /// A third review: one date of the other order in a file of ten or more of one order is a
    /// mistyped date, rejected with its row, not a second order that stops the import (a US
    /// export of 300 lines with one receipt keyed 13/01/2026 stopped whatever the reject
    /// threshold). Month-first with one day-first typo, and day-first with one month-first typo.
    @Test func oneDateOfTheOtherOrderAmongManyIsATypo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var us = "order_date,receipt_date\n"
        for d in 13...22 { us += "01/\(d)/2026,01/\(d + 3)/2026\n" }
        us += "01/05/2026,13/01/2026\n"
        let (usRows, usSummary, usAgain) = try readOneOrder(try dir.write("us.csv", us), dates: ["order_date", "receipt_date"])
        #expect(!usAgain && usSummary.rejected == 1 && usRows.count == 10)
        #expect(usRows.first == days([(2026, 1, 13), (2026, 1, 16)]))
        var uk = "order_date,receipt_date\n"
        for d in 13...22 { uk += "\(d)/01/2026,\(d + 3)/01/2026\n" }
        uk += "05/01/2026,01/13/2026\n"
        let (ukRows, ukSummary, ukAgain) = try readOneOrder(try dir.write("uk.csv", uk), dates: ["order_date", "receipt_date"])
        #expect(ukAgain && ukSummary.rejected == 1 && ukRows.count == 10)
        #expect(ukRows.first == days([(2026, 1, 13), (2026, 1, 16)]))
        #expect(ukSummary.notes.contains { $0.contains("the 1 that read only month-first (mistyped, too few to be an order of their own) are rejected") }, "\(ukSummary.notes)")
        // Three of one order against ten of the other are not typos: the import stops, the
        // likelier order first in the advice.
        var mixed = "order_date,receipt_date\n"
        for d in 13...22 { mixed += "01/\(d)/2026,01/\(d)/2026\n" }
        for d in 13...15 { mixed += "01/05/2026,\(d)/01/2026\n" }
        let error = try #require(throws: InputError.self) { try readOneOrder(try dir.write("mixed.csv", mixed), dates: ["order_date", "receipt_date"]) }
        #expect(error.message.contains("3 dates of the file read only day-first and 20 only month-first") && error.message.contains("--date-format mdy or --date-format dmy"), "\(error.message)")
    }

    /// The import says how it read its slash dates, for the run to compare its inputs
    /// (`PipelineRunner.dateOrderNote`): day-first, month-first on evidence, or either way.
    @Test func theSummarySaysHowTheSlashDatesWereRead() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let uk = try readOneOrder(try dir.write("uk.csv", "d\n25/01/2026\n"), dates: ["d"]).summary
        let us = try readOneOrder(try dir.write("us.csv", "d\n01/25/2026\n"), dates: ["d"]).summary
        let either = try readOneOrder(try dir.write("either.csv", "d\n10/04/2026\n01/12/2026\n"), dates: ["d"]).summary
        let iso = try readOneOrder(try dir.write("iso.csv", "d\n2026-01-25\n"), dates: ["d"]).summary
        let given = try readOneOrder(try dir.write("given.csv", "d\n10/04/2026\n"), dates: ["d"], format: try DateFormat(parsing: "dmy")).summary
        #expect(uk.slashDateOrder == .dayFirst && us.slashDateOrder == .monthFirst && either.slashDateOrder == .eitherWay)
        #expect(iso.slashDateOrder == nil && given.slashDateOrder == nil)
    }

    /// The first read rejects every row at its day-first order date, so the receipts are
    /// weighed only in the read day-first, which finds the month-first one and stops.
    @Test func aConflictInAColumnTheFirstReadNeverReachedStops() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("orders.csv", "order_date,receipt_date\n25/01/2026,01/30/2026\n")
        let error = try #require(throws: InputError.self) { try readOneOrder(path, dates: ["order_date", "receipt_date"]) }
        #expect(error.message.contains("'01/30/2026' in 'receipt_date' on line 2 reads only month-first"))
    }

    /// Both orders in one column alone: each date that does not read month-first is rejected
    /// with its own reason, as before, and the other columns stay month-first.
    @Test func bothOrdersInOneColumnRejectTheRowsAsBefore() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("d.csv", "a,b\n25/01/2026,01/02/2026\n01/25/2026,01/03/2026\n")
        let (rows, summary, again) = try readOneOrder(path, dates: ["a", "b"])
        #expect(!again)
        #expect(summary.rejected == 1)
        #expect(rows == [days([(2026, 1, 25), (2026, 1, 3)])])
    }

    /// A format given for the input is the user's word: no evidence is weighed against it.
    @Test func aGivenFormatOverridesTheEvidence() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("orders.csv", "order_date,receipt_date\n12/25/2026,01/05/2027\n")
        let (rows, summary, again) = try readOneOrder(path, dates: ["order_date", "receipt_date"], format: try DateFormat(parsing: "mdy"))
        #expect(!again)
        #expect(summary.notes.isEmpty)
        #expect(rows == [days([(2026, 12, 25), (2027, 1, 5)])])
        let dmy = try readOneOrder(try dir.write("o2.csv", "order_date,receipt_date\n25/01/2026,01/30/2026\n25/01/2026,05/02/2026\n"),
                                   dates: ["order_date", "receipt_date"], format: try DateFormat(parsing: "dmy"))
        #expect(dmy.summary.rejected == 1)
        #expect(dmy.rows == [days([(2026, 1, 25), (2026, 2, 5)])])
    }

    /// ISO dates beside the slash dates read as they are in a file read day-first.
    @Test func isoColumnsReadAsBeforeInAFileReadDayFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("d.csv", "a,b\n25/01/2026,2026-02-03\n01/02/2026,2026-02-04\n")
        let (rows, summary, again) = try readOneOrder(path, dates: ["a", "b"])
        #expect(again)
        #expect(summary.rejected == 0)
        #expect(rows == [days([(2026, 1, 25), (2026, 2, 3)]), days([(2026, 2, 1), (2026, 2, 4)])])
        #expect(summary.notes.contains { $0.contains("dates read day-first (DD/MM/YYYY) in 'a', one order") })
    }
}
