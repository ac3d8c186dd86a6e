import Testing
@testable import Tabular

/// Builds the expected day from "YYYY-MM-DD" by splitting digits, independently of the parser.
private func expected(_ iso: String) -> CalendarDay {
    let parts = iso.split(separator: "-").map { Int($0)! }
    return day(parts[0], parts[1], parts[2])
}

@Suite("DateParser, automatic shapes")
struct DateParserAutomaticTests {
    let parser = DateParser()

    @Test("accepted shapes", arguments: [
        // ISO
        ("2026-07-01", "2026-07-01"),
        ("2026-7-1", "2026-07-01"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("1800-01-01", "1800-01-01"),
        ("2200-12-31", "2200-12-31"),
        ("  2026-07-01  ", "2026-07-01"),
        // M/D/YYYY: slashes are month first
        ("7/1/2026", "2026-07-01"),
        ("07/01/2026", "2026-07-01"),
        ("12/31/2025", "2025-12-31"),
        // D.M.YYYY
        ("1.7.2026", "2026-07-01"),
        ("31.12.2025", "2025-12-31"),
        // YYYYMMDD
        ("20260701", "2026-07-01"),
        ("19991231", "1999-12-31"),
        // YYYY-MM is the first of the month
        ("2026-07", "2026-07-01"),
        ("2026-12", "2026-12-01"),
        // ISO week: the Monday. 2026-01-01 is a Thursday, so week 1 starts 2025-12-29.
        ("2026-W01", "2025-12-29"),
        ("2026-W27", "2026-06-29"),
        ("2026-W53", "2026-12-28"),
        ("2020-W53", "2020-12-28"),
        ("2025-W01", "2024-12-30"),
        // Quarters
        ("2026-Q1", "2026-01-01"),
        ("2026-Q3", "2026-07-01"),
        ("2026-Q4", "2026-10-01"),
        // Statistical offices' calendar months (Eurostat and the IMF `2025M01`, Stata `2025m1`,
        // SDMX `2025-M01`): read as the month, not refused as a fiscal period
        ("2025M01", "2025-01-01"),
        ("2025m1", "2025-01-01"),
        ("2025M12", "2025-12-01"),
        ("2025-M07", "2025-07-01"),
        // A year alone, as `aggregate --frequency year` labels it, is its first day
        ("2026", "2026-01-01"),
        ("1999", "1999-01-01"),
        // Two-digit years pivot at 70
        ("7/1/26", "2026-07-01"),
        ("7/1/69", "2069-07-01"),
        ("7/1/70", "1970-07-01"),
        ("12/31/99", "1999-12-31"),
        ("1.7.00", "2000-07-01"),
        ("1.7.85", "1985-07-01"),
        // Time parts are accepted and ignored
        ("2026-07-01 13:45", "2026-07-01"),
        ("2026-07-01T13:45:00Z", "2026-07-01"),
        ("2026-07-01T13:45:00.123+02:00", "2026-07-01"),
        ("2026-07-01 23:59:59-05:00", "2026-07-01"),
        ("7/1/2026 1:45 PM", "2026-07-01"),
        ("7/1/2026 11:05 am", "2026-07-01"),
        ("1.7.2026 08:00", "2026-07-01"),
        ("20260701 0800", "2026-07-01"),
    ] as [(String, String)])
    func accepts(_ text: String, _ iso: String) {
        #expect(parser.parse(text) == expected(iso), "\(text)")
    }

    @Test("rejected values", arguments: [
        "2/30/2026",        // no 30 February
        "2/29/2025",        // 2025 is not a leap year
        "1900-02-29",       // century, not a leap year
        "2026-13-01",       // month 13
        "2026-00-10",       // month 0
        "2026-07-32",       // day 32
        "2026-07-00",       // day 0
        "0000-01-01",       // year 0
        "9999-12-31",       // beyond 2200
        "1799-12-31",       // before 1800
        "2201-01-01",
        "",
        "   ",
        "garbage",
        "2026-07-01x",
        "2026-07-01T",      // a T with nothing after it
        "2026-07-01 noon",
        "2026-07-01 13:45 later",
        "2026/07-01",       // mixed separators
        "7/1.2026",
        "7/1/202",          // three-digit year
        "123/1/2026",
        "26-07-01",         // two-digit year first is not a shape we guess
        "2026070",          // seven digits
        "202607011",        // nine digits
        "2026-W00",
        "2025-W53",         // 2025 has 52 ISO weeks
        "2026-W54",
        "2026-W27x",
        "2026-W",
        "2026-Q0",
        "2026-Q5",
        "2026-13",          // month period 13
        "2025M13",
        "2025M0",
        "2025M",
        "2025M01x",
        "1200",             // a year before 1800 (more likely a quantity)
        "202",              // three digits are not a year
    ] as [String])
    func rejects(_ text: String) {
        #expect(parser.parse(text) == nil, "\(text)")
    }

    @Test func bytesAndStringAgree() {
        var text = "12/31/2025"
        let fromBytes = text.withUTF8 { parser.parse($0) }
        #expect(fromBytes == day(2025, 12, 31))
        #expect(parser.parse("12/31/2025") == fromBytes)
    }
}

@Suite("DateParser, explicit patterns")
struct DateParserPatternTests {
    @Test func dayFirstSlashes() throws {
        let parser = DateParser(format: try DateFormat(parsing: "DD/MM/YYYY"))
        #expect(parser.parse("01/02/2026") == day(2026, 2, 1))
        #expect(parser.parse("13/02/2026") == day(2026, 2, 13))
        #expect(parser.parse("1/2/2026") == day(2026, 2, 1))
        #expect(parser.parse("31/12/2025 17:30") == day(2025, 12, 31))
        #expect(parser.parse("02/13/2026") == nil)      // month 13
        #expect(parser.parse("30/02/2026") == nil)
        #expect(parser.parse("2026-07-01") == nil)      // not this shape
        #expect(parser.parse("01/02/20261") == nil)     // five-digit year
        // The order stated, points and hyphens read too (a review's `13.01.2025` under dmy was
        // every row rejected); a two-digit year as well.
        #expect(parser.parse("01-02-2026") == day(2026, 2, 1) && parser.parse("13.01.2025") == day(2025, 1, 13) && parser.parse("13/01/25") == day(2025, 1, 13))
        #expect(parser.parse("01.02-2026") == nil)      // mixed separators
        #expect(parser.parse("") == nil)
    }

    @Test func monthFirstIsTheOtherWayRound() throws {
        let parser = DateParser(format: try DateFormat(parsing: "MM/DD/YYYY"))
        #expect(parser.parse("01/02/2026") == day(2026, 1, 2))
    }

    @Test func twoDigitYearPattern() throws {
        let parser = DateParser(format: try DateFormat(parsing: "DD-MM-YY"))
        #expect(parser.parse("01-07-26") == day(2026, 7, 1))
        #expect(parser.parse("01-07-85") == day(1985, 7, 1))
        #expect(parser.parse("01-07-2026") == nil)
    }

    @Test func patternWithoutDayIsFirstOfMonth() throws {
        let parser = DateParser(format: try DateFormat(parsing: "MM/YYYY"))
        #expect(parser.parse("07/2026") == day(2026, 7, 1))
    }

    @Test func compactPatternsWithoutSeparators() throws {
        let ymd = DateParser(format: try DateFormat(parsing: "YYYYMMDD"))
        #expect(ymd.parse("20260701") == day(2026, 7, 1))
        #expect(ymd.parse("20261301") == nil)
        let dmy = DateParser(format: try DateFormat(parsing: "DDMMYYYY"))
        #expect(dmy.parse("01022026") == day(2026, 2, 1))
        #expect(dmy.parse("010220261") == nil)
    }

    @Test func namedFormats() throws {
        #expect(try DateFormat(parsing: "auto") == .automatic)
        #expect(try DateFormat(parsing: "") == .automatic)
        #expect(DateParser(format: try DateFormat(parsing: "dmy")).parse("01/02/2026") == day(2026, 2, 1))
        #expect(DateParser(format: try DateFormat(parsing: "mdy")).parse("01/02/2026") == day(2026, 1, 2))
        #expect(DateParser(format: try DateFormat(parsing: "iso")).parse("2026-02-01") == day(2026, 2, 1))
        #expect(DateParser(format: try DateFormat(parsing: "iso")).parse("02/01/2026") == nil)
    }

    @Test func description() throws {
        #expect(try DateFormat(parsing: "DD/MM/YYYY").description == "DD/MM/YYYY")
        #expect(try DateFormat(parsing: "D.M.YY").description == "DD.MM.YY")
        // Lowercase is how many people write patterns; it means the same.
        #expect(try DateFormat(parsing: "dd/mm/yyyy") == DateFormat(parsing: "DD/MM/YYYY"))
        #expect(DateFormat.automatic.description == "auto")
    }

    @Test("invalid pattern strings are usage errors", arguments: [
        "QQ/YYYY",      // unknown token
        "DD/MM",        // no year
        "YYYY",         // no month
        "YYY-MM-DD",    // three Y
        "DDD/MM/YYYY",  // three D
        "MM/DD/Y",      // one Y
        "YYYY-MMMMM-DD",
        "week",
    ])
    func invalidPatterns(_ text: String) {
        #expect(throws: UsageError.self) { try DateFormat(parsing: text) }
    }

    @Test func usageErrorNamesThePattern() throws {
        let error = try #require(throws: UsageError.self) { try DateFormat(parsing: "QQ/YYYY") }
        #expect(error.description.contains("QQ/YYYY"))
    }
}

@Suite("DateParser.explainFailure")
struct DateParserExplainTests {
    @Test func empty() {
        #expect(DateParser().explain("") == "date is empty")
        #expect(DateParser().explain("   ") == "date is empty")
    }

    @Test func impossibleDayNamesTheValue() {
        let message = DateParser().explain("2/30/2026")
        #expect(message.contains("'2/30/2026'"))
    }

    @Test func daysThatDoNotExistSayWhy() throws {
        #expect(DateParser().explain("2025-02-30").contains("February 2025 has 28 days, so day 30 does not exist"))
        #expect(DateParser().explain("2/29/2026 08:00").contains("February 2026 has 28 days"))
        #expect(DateParser().explain("31.4.2026").contains("April 2026 has 30 days"))
        #expect(DateParser().explain("2026-13-01").contains("there is no month 13"))
        #expect(DateParser().explain("2026-13").contains("there is no month 13"))
        #expect(DateParser().explain("20260230").contains("February 2026 has 28 days"))
        #expect(DateParser().explain("2026-00-10").contains("there is no month 0"))
        let pattern = DateParser(format: try DateFormat(parsing: "DD/MM/YYYY"))
        #expect(pattern.explain("31/02/2026").contains("February 2026 has 28 days"))
    }

    @Test func outOfRangeYears() {
        for text in ["0000-01-01", "9999-12-31", "1799-12-31"] {
            let message = DateParser().explain(text)
            #expect(message.contains("'\(text)'"))
            #expect(message.contains("out of range"), "\(message)")
            #expect(message.contains("1800-2200"), "\(message)")
        }
    }

    /// `Jan 13` (Excel's "mmm d") was read as January 2013, so three weeks of January became
    /// 19 years of months. A month name, a space and a number that could be a day is now
    /// neither, with the export to make; `Jan-13`, `JAN13`, `Jun 96` and `Jan 2013` stay months.
    @Test func aMonthAndADayAreNotAMonthAndAYear() throws {
        #expect(DateParser().parse("Jan 13") == nil)
        #expect(DateParser().explain("Jan 13").contains("could be a day (January 13) or a month (January 2013)"))
        #expect(DateParser().explain("Mar 1").contains("has a month and a day but no year"))
        for (text, month) in [("Jan-13", day(2013, 1, 1)), ("JAN13", day(2013, 1, 1)), ("Jun 96", day(1996, 6, 1)), ("Jan 2013", day(2013, 1, 1)),
                              ("Jan 13, 2025", day(2025, 1, 13))] {
            #expect(DateParser().parse(text) == month, "\(text)")
        }
        #expect(DateParser(format: try DateFormat(parsing: "MMM YY")).parse("Jan 13") == day(2013, 1, 1))
    }

    /// Fiscal period labels name a month only through the fiscal calendar (first month, and
    /// the year a fiscal year is named by): rejected with what to export, and the month under
    /// DESIGN's default calendar (July, named by the year it ends in) as an example.
    /// A date column Excel saved as General holds serial day numbers: named, with the day.
    @Test func excelSerialDaysSayWhatTheyAre() {
        for (text, iso) in [("45663", "2025-01-06"), ("45663.5", "2025-01-06"), ("36526", "2000-01-01")] {
            let message = DateParser().explain(text)
            #expect(message.contains("looks like an Excel serial day number (\(text) is \(iso))"), "\(message)")
        }
        // A typo of 202501 or a number outside 1990-2099 is no serial.
        for text in ["20251", "99999", "45663.", "4566"] { #expect(!DateParser().explain(text).contains("Excel"), "\(text)") }
    }

    @Test func fiscalPeriodsSayWhatToExport() {
        for (text, example) in [("FY2024 P01", "2023-07"), ("fy24-p06", "2023-12"), ("P07 FY2024", "2024-01"), ("2024-P12", "2024-06"),
                                ("FY2024 Period 3", "2023-09"), ("FY2024 M01", "2023-07"), ("007/2024", "2024-01")] {
            let message = DateParser().explain(text)
            #expect(message.contains("'\(text)' is ") && message.contains("fiscal period"), "\(message)")
            #expect(message.contains("export each row's calendar month"), "\(message)")
            #expect(message.contains("it is \(example))"), "\(text): \(message)")
        }
        #expect(DateParser().explain("007/2024").contains("SAP fiscal period (period 7 of fiscal year 2024)"))
        // A 13-period calendar's period 13 is no month: no example.
        let thirteen = DateParser().explain("FY2024 P13")
        #expect(thirteen.contains("fiscal period") && !thirteen.contains("it is "), "\(thirteen)")
        #expect(DateParser().explain("FY2027-Q1").contains("is a fiscal quarter"))
        // Not fiscal labels: the general messages.
        #expect(DateParser().explain("FY2024").contains("'FY2024' is not a date: it is a fiscal year"))
        for text in ["P01", "FY1024", "2024 X01", "FY2024 P99"] {
            #expect(!DateParser().explain(text).contains("fiscal"), "\(text)")
        }
    }

    @Test func garbageListsTheAcceptedShapes() {
        let message = DateParser().explain("next tuesday")
        #expect(message.contains("'next tuesday'"))
        #expect(message.contains("YYYY-MM-DD"))
        #expect(message.contains("M/D/YYYY"))
    }

    @Test func patternFailureNamesThePattern() throws {
        let parser = DateParser(format: try DateFormat(parsing: "DD/MM/YYYY"))
        let message = parser.explain("2026-07-01")
        #expect(message.contains("'2026-07-01'"))
        #expect(message.contains("DD/MM/YYYY"))
    }

    @Test func longValuesAreClippedToOneLine() {
        let text = String(repeating: "x", count: 100) + "\nmore"
        let message = DateParser().explain(text)
        #expect(message.contains(String(repeating: "x", count: 57) + "..."))
        #expect(!message.contains(String(repeating: "x", count: 58)))
        #expect(!message.contains("\n"))
    }
}

@Suite("DateParser, month names")
struct DateParserMonthNameTests {
    let parser = DateParser()

    @Test("days and periods with English month names", arguments: [
        ("02-Jun-06", "2006-06-02"),
        ("2-JUN-2006", "2006-06-02"),
        ("2-jun-2006", "2006-06-02"),
        ("02-jUn-06", "2006-06-02"),
        ("02/Jun/2006", "2006-06-02"),
        ("02JUN2006", "2006-06-02"),
        ("Jun 2, 2006", "2006-06-02"),
        ("JUN 2, 2006", "2006-06-02"),
        ("june 2,2006", "2006-06-02"),
        ("Jun 2 2006", "2006-06-02"),
        ("2 June 2006", "2006-06-02"),
        ("2 JUNE 2006", "2006-06-02"),
        ("30 September 2026", "2026-09-30"),
        ("30 Sept 2026", "2026-09-30"),
        ("02-Jun-06 13:45", "2006-06-02"),
        ("  2-Jun-2006  ", "2006-06-02"),
        ("29-Feb-2024", "2024-02-29"),
        ("31-Dec-85", "1985-12-31"),    // two-digit years pivot at 70
        ("01-Jan-69", "2069-01-01"),
        // Periods are their first day, like 2026-07.
        ("Jun-06", "2006-06-01"),
        ("JUN96", "1996-06-01"),
        ("jun96", "1996-06-01"),
        ("Jun 2006", "2006-06-01"),
        ("June 2006", "2006-06-01"),
        ("JUNE 2006", "2006-06-01"),
        ("Dec-2025", "2025-12-01"),
        ("May 2026", "2026-05-01"),
    ] as [(String, String)])
    func accepts(_ text: String, _ iso: String) {
        #expect(parser.parse(text) == expected(iso), "\(text)")
    }

    @Test("rejected month-name values", arguments: [
        "02-Jum-06",        // no such month
        "Jum 2006",
        "JUM96",
        "2-Junee-2006",
        "Ju 2006",          // two letters are no abbreviation
        "31-Jun-2006",      // June has 30 days
        "29-Feb-2025",
        "02-Jun/06",        // mixed separators
        "02-Jun-",
        "Jun",
        "Jun 2",            // a day without a year
        "Jun 2006x",
        "Jun 20061",
        "Jun 206",
        "02-Jun-1799",
        "26-07-01",         // still not a shape we guess
    ] as [String])
    func rejects(_ text: String) {
        #expect(parser.parse(text) == nil, "\(text)")
    }

    @Test func patternTokens() throws {
        let abbreviated = try DateFormat(parsing: "DD-MMM-YY")
        #expect(abbreviated == .pattern([.day, .literal(UInt8(ascii: "-")), .monthName(full: false), .literal(UInt8(ascii: "-")), .year2]))
        #expect(abbreviated.description == "DD-MMM-YY")
        let dmy = DateParser(format: abbreviated)
        #expect(dmy.parse("02-Jun-06") == day(2006, 6, 2))
        #expect(dmy.parse("02-JUNE-06") == day(2006, 6, 2))
        #expect(dmy.parse("02-Jum-06") == nil)
        #expect(dmy.parse("02-06-06") == nil)
        let full = try DateFormat(parsing: "MMMM D, YYYY")
        #expect(full.description == "MMMM DD, YYYY")   // D and DD read the same
        #expect(DateParser(format: full).parse("june 2, 2006") == day(2006, 6, 2))
        let period = DateParser(format: try DateFormat(parsing: "MMMYY"))
        #expect(period.parse("JUN96") == day(1996, 6, 1))
        #expect(DateParser(format: try DateFormat(parsing: "DDMMMYYYY")).parse("02jun2006") == day(2006, 6, 2))
        #expect(throws: UsageError.self) { try DateFormat(parsing: "DD-MMMMM-YY") }
    }

    @Test func badMonthNamesSayWhy() throws {
        let message = parser.explain("02-Jum-06")
        #expect(message.contains("'02-Jum-06'"))
        #expect(message.contains("'Jum' is not a month name"), "\(message)")
        #expect(parser.explain("JUM96").contains("'JUM96' is not a valid date ('JUM' is not a month name"))
        #expect(parser.explain("31-Jun-2006").contains("June 2006 has 30 days"))
        let iso = DateParser(format: try DateFormat(parsing: "iso"))
        #expect(iso.explain("02-Jum-06").contains("'Jum' is not a month name"))
        #expect(parser.explain("next tuesday").contains("is not a date"))
    }

    @Test func aPatternThatDoesNotFitNamesTheOneThatWould() throws {
        let iso = DateParser(format: try DateFormat(parsing: "iso"))
        #expect(iso.explain("02-Jun-06") == "'02-Jun-06' is not a date in the format YYYY-MM-DD; it looks like DD-MMM-YY: add --date-format DD-MMM-YY (date_format: in a pipeline)")
        #expect(iso.explain("Jun 2, 2006").contains("looks like MMM D, YYYY: add --date-format MMM D, YYYY"))
        #expect(iso.explain("June 2006").contains("looks like MMMM YYYY"))
        #expect(iso.explain("JUN96").contains("looks like MMMYY"))
        let short = DateParser(format: try DateFormat(parsing: "DD-MMM-YY"))
        #expect(short.explain("02-Jun-2006").contains("looks like DD-MMM-YYYY: add --date-format DD-MMM-YYYY"))
    }
}

@Suite("DateParser.explainFailure, month-name patterns")
struct DateParserMonthNamePatternExplainTests {
    @Test func isoDatesUnderAMonthNamePattern() throws {
        let parser = DateParser(format: try DateFormat(parsing: "DD-MMM-YY"))
        #expect(parser.explain("2025-01-06") == "'2025-01-06' is not a date in the format DD-MMM-YY (or names a day that does not exist)")
        #expect(parser.explain("31-Jun-06").contains("June 2006 has 30 days"))
        #expect(parser.explain("02-Jum-06").contains("'Jum' is not a month name"))
    }
}

/// A review's day-first, year-less and YYYYMM exports: the message says what the value is and
/// names the flag that reads it, instead of a generic list of shapes or a wrong guess.
@Suite("DateParser.explainFailure, the other reading")
struct DateParserOtherReadingTests {
    @Test func dayFirstSlashesNameDmy() throws {
        #expect(DateParser().explain("13/01/2025") == "'13/01/2025' is not a valid date (there is no month 13); read day-first it is 13 January 2025: add --date-format dmy (date_format: dmy in a pipeline)")
        #expect(DateParser().explain("31/12/2025 08:00").contains("read day-first it is 31 December 2025: add --date-format dmy"))
        #expect(DateParser().explain("13/01/25").contains("add --date-format dmy"))
        let mdy = DateParser(format: try DateFormat(parsing: "mdy"))
        #expect(mdy.explain("13/01/2025").contains("read day-first it is 13 January 2025: use --date-format dmy"))
    }

    @Test func monthFirstUnderADayFirstReadingNamesMdy() throws {
        let dmy = DateParser(format: try DateFormat(parsing: "dmy"))
        #expect(dmy.explain("1/13/2025").contains("read month-first it is 13 January 2025: use --date-format mdy"))
        // Dots are read day-first.
        #expect(DateParser().explain("01.13.2025").contains("read month-first it is 13 January 2025: add --date-format mdy"))
        // Under dmy, points and hyphens written month-first name mdy too.
        #expect(dmy.explain("1.13.2025").contains("read month-first it is 13 January 2025: use --date-format mdy"))
        #expect(dmy.explain("01-13-2025").contains("use --date-format mdy"))
    }

    @Test func dashesNameThePatternOnlyWhenOneOrderFits() {
        #expect(DateParser().explain("13-01-2025").contains("read day-first it is 13 January 2025: add --date-format dmy"))
        #expect(DateParser().explain("01-13-2025").contains("add --date-format mdy"))
        // Both orders fit: no pattern is named (the generic message names the flag only).
        #expect(!DateParser().explain("01-02-2025").contains("add --date-format"))
        #expect(!DateParser().explain("26-07-01").contains("add --date-format"))
    }

    @Test func noHintWhenNeitherOrderIsADay() {
        #expect(DateParser().explain("31/04/2025") == "'31/04/2025' is not a valid date (there is no month 31)")
        #expect(!DateParser().explain("2/30/2026").contains("--date-format"))
        #expect(!DateParser().explain("13/13/2025").contains("--date-format"))
    }

    @Test func aDayAndAMonthNameWithoutAYearSaySo() throws {
        #expect(DateParser().explain("10-Jan") == "'10-Jan' has a day and a month but no year; export the dates again with the year (for example as 10-Jan-2025 or 2025-01-10)")
        #expect(DateParser().explain("1-Jan").contains("no year"))
        #expect(DateParser().explain("31 December").contains("for example as 31 December 2025 or 2025-12-31"))
        #expect(DateParser().explain("29-Feb").contains("29-Feb-2024 or 2024-02-29"))
        let iso = DateParser(format: try DateFormat(parsing: "iso"))
        #expect(iso.explain("11-Jan").contains("no year"))
        for text in ["10-Jan", "1-Jan", "31-Dec"] { #expect(!DateParser().explain(text).contains("YY-MMM"), "\(text)") }
        // A leading number that cannot be a day is a two-digit year.
        #expect(DateParser().explain("99-Jan").contains("it looks like YY-MMM: add --date-format YY-MMM"))
    }

    @Test func sixDigitsNameYYYYMM() throws {
        #expect(DateParser().explain("202401") == "'202401' is not a date; it looks like a month written YYYYMM (January 2024): add --date-format YYYYMM (date_format: YYYYMM in a pipeline)")
        #expect(!DateParser().explain("202413").contains("YYYYMM"))
        #expect(!DateParser().explain("120001").contains("YYYYMM"))
        // The pattern the hint names reads it, as the first of the month.
        #expect(DateParser(format: try DateFormat(parsing: "YYYYMM")).parse("202401") == day(2024, 1, 1))
    }
}

/// A budget's or a ledger's period stands for one month: a week may straddle two, and a
/// quarter or a year read as its first month put the whole amount there.
@Suite struct NotOneMonthTests {
    @Test func onlyDaysAndMonthsStandForAMonth() {
        for text in ["2025-07-15", "2025-07", "Jul-25", "July 2025", "7/31/2025"] {
            #expect(DateParser().notOneMonth(text) == nil, "\(text)")
        }
        #expect(DateParser().notOneMonth("2025-Q3")?.contains("'2025-Q3' is a quarter, and amounts are read by month") == true)
        #expect(DateParser().notOneMonth("2026")?.contains("is a year") == true)
        #expect(DateParser().notOneMonth("2025-W27")?.contains("may straddle two months") == true)
    }
}

@Suite("DateParser.namesMonth")
struct DateParserMonthLabelTests {
    /// Labels that name a month without a day (a month's total among daily rows), and dates,
    /// date-times and other periods that do not.
    @Test func monthLabelsAreToldFromDays() {
        func names(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { DateParser.namesMonth($0) } }
        for month in ["2025-02", "2025/2", "02/2025", "2025M02", "2025m2", "Feb 2025", "February 2025", "FEB-25", "Feb25", "Sept 2025", "2025-Feb", "feb.2025"] {
            #expect(names(month), "\(month)")
        }
        for other in ["2025-02-01", "02/01/2025", "1-Feb-2025", "Feb 1 2025", "2025-02-01 13:45", "2025", "2025-Q1", "2025-W05", "25-Feb",
                      "202502", "Febr 2025", "Jum 2025", "2025M", "M02", "", "Total"] {
            #expect(!names(other), "\(other)")
        }
    }
}
