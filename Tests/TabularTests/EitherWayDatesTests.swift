import Foundation
import Testing
@testable import Tabular

/// A file's dates read through a `TableImport` with a second look allowed, read again with
/// what it found, as the import stages do: the days, the summary and whether it read twice.
private func readEitherWay(_ path: String, decimalComma: Bool, kind: String? = nil) throws -> (days: [CalendarDay], summary: ImportSummary, again: Bool) {
    var options = ImportOptions(decimalComma: decimalComma, onError: .skip)
    options.kind = kind
    options.secondLook = true
    var again = false
    while true {
        let table = try TableImport(path: path, columns: [ColumnSpec("date"), ColumnSpec("quantity")], options: options)
        let d = try #require(table.column("date")), q = try #require(table.column("quantity"))
        var days: [CalendarDay] = []
        do {
            let summary = try table.run { row in
                days.append(try row.date(d))
                _ = try row.number(q)
            }
            return (days, summary, again)
        } catch let look as TableImport.SecondLook {
            options = look.options
            again = true
        }
    }
}

/// A review's Spanish pharmacy extract of 2-12 March 2026 (`02/03/2026` ... `12/03/2026`,
/// `1.200,0`, `;`): every date reads either way, so the dates alone cannot decide. Read
/// month-first it was one row a month from February to December with no word, and reorder
/// ordered 0 of an antibiotic used at 1,500 a day where 18,000 vials were needed.
@Suite("Slash dates that all read either way")
struct EitherWayDatesTests {
    /// 2 and 12 March written day-first with quantities written with a decimal comma.
    static let spanish = "Fecha;Cantidad\n02/03/2026;1.200,0\n12/03/2026;300,0\n"

    /// With the numbers read with a decimal comma the file is read day-first: 2026-03-02 and
    /// 2026-03-12 (month-first they were 2026-02-03 and 2026-12-03), said with both spans and
    /// the way back.
    @Test func aDecimalCommaReadsThemDayFirstAndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("c.csv", Self.spanish.replacingOccurrences(of: "Fecha;Cantidad", with: "date;quantity"))
        let (days, summary, again) = try readEitherWay(path, decimalComma: true, kind: "usage")
        #expect(again)
        #expect(days == [day(2026, 3, 2), day(2026, 3, 12)])
        #expect(summary.slashDateOrder == .dayFirst)
        #expect(summary.notes == ["every slash date of '\(path)' ('date') reads either way (no day above 12), and was read day-first (DD/MM/YYYY), since the numbers are read with a decimal comma, which goes with day-first dates: 2026-03-02 to 2026-03-12; read month-first they would be 2026-02-03 to 2026-12-03. If they are month-first, give --date-format mdy, or --date-format usage=mdy for this input alone (date_format: mdy in a pipeline)"])
    }

    /// With a decimal point the default stands (month-first: 2026-02-03 and 2026-12-03, the
    /// outputs of US files unchanged), and the note says what day-first would read.
    @Test func aDecimalPointKeepsMonthFirstAndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("us.csv", "date,quantity\n02/03/2026,1200.0\n12/03/2026,300.0\n")
        let (days, summary, again) = try readEitherWay(path, decimalComma: false)
        #expect(!again)
        #expect(days == [day(2026, 2, 3), day(2026, 12, 3)])
        #expect(summary.slashDateOrder == .eitherWay)
        #expect(summary.notes == ["every slash date of '\(path)' ('date') reads either way (no day above 12), and was read month-first (MM/DD/YYYY), the default: 2026-02-03 to 2026-12-03; read day-first they would be 2026-03-02 to 2026-03-12. If they are day-first, give --date-format dmy (date_format: dmy in a pipeline)"])
    }

    /// A date that reads one way only decides, whatever the decimal mark: `03/13/2026` is
    /// month-first, so `02/03/2026` stays 3 February, and nothing is said of either way.
    @Test func aDateThatReadsOneWayStillDecides() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("mixed.csv", "date;quantity\n02/03/2026;1,5\n03/13/2026;2,5\n")
        let (days, summary, again) = try readEitherWay(path, decimalComma: true)
        #expect(!again)
        #expect(days == [day(2026, 2, 3), day(2026, 3, 13)])
        #expect(summary.slashDateOrder == .monthFirst)
        #expect(summary.notes.isEmpty)
    }

    /// The spans are kept only while every date reads either way, over the dates of the
    /// column: 01/02/2026 and 11/12/2025 give 2025-11-12 to 2026-01-02 month-first and
    /// 2025-12-11 to 2026-02-01 day-first.
    @Test func theSpansAreEachReadingsFirstAndLastDay() throws {
        var evidence = DayMonthEvidence()
        for text in ["01/02/2026", "11/12/2025"] {
            var text = text
            text.withUTF8 { evidence.seeWritten($0, read: true, line: 2) }
        }
        let spans = try #require(evidence.eitherWaySpans)
        #expect(spans.monthFirst == day(2025, 11, 12)...day(2026, 1, 2))
        #expect(spans.dayFirst == day(2025, 12, 11)...day(2026, 2, 1))
        var more = "13/01/2026"
        more.withUTF8 { evidence.seeWritten($0, read: false, line: 3) }
        #expect(evidence.eitherWaySpans == nil)
    }

    /// An ISO date keyed by hand among the slash dates reads one way only and says nothing of
    /// their order. A review's Spanish export of 2-12 March with one line `2026-03-09` was read
    /// month-first again (2026-02-03 and 2026-12-03) with no note; read with the decimal comma
    /// it is 2 March, 9 March and 12 March, said with the slash dates' spans.
    @Test func anISODateAmongThemIsNoEvidence() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("iso.csv", "date;quantity\n02/03/2026;1,5\n2026-03-09;2,5\n12/03/2026;3,5\n")
        let (days, summary, again) = try readEitherWay(path, decimalComma: true)
        #expect(again)
        #expect(days == [day(2026, 3, 2), day(2026, 3, 9), day(2026, 3, 12)])
        #expect(summary.slashDateOrder == .dayFirst)
        #expect(summary.notes == ["every slash date of '\(path)' ('date') reads either way (no day above 12), and was read day-first (DD/MM/YYYY), since the numbers are read with a decimal comma, which goes with day-first dates: 2026-03-02 to 2026-03-12; read month-first they would be 2026-02-03 to 2026-12-03. If they are month-first, give --date-format mdy (date_format: mdy in a pipeline)"])
        // With a decimal point the default stands, and is said: 3 February, 9 March, 3 December.
        let us = try dir.write("us.csv", "date,quantity\n02/03/2026,1.5\n2026-03-09,2.5\n12/03/2026,3.5\n")
        let point = try readEitherWay(us, decimalComma: false)
        #expect(point.days == [day(2026, 2, 3), day(2026, 3, 9), day(2026, 12, 3)])
        #expect(point.summary.slashDateOrder == .eitherWay)
        #expect(point.summary.notes.count == 1)
    }

    /// The pipeline review's UK monthly export dated the 1st (`01/07/2023` ... `01/12/2024`):
    /// read month-first every date fell on January 1-12, a year and a half of usage in two
    /// Januaries (both then dropped as partial). Every date the 1st of a month read day-first,
    /// three months at least, and none reading one way only: read day-first, with the note.
    @Test func theFirstOfEveryMonthWrittenDayFirstIsReadDayFirstAndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("uk.csv", "date,quantity\n01/11/2024,5\n01/12/2024,6\n01/01/2025,7\n01/02/2025,8\n")
        let (days, summary, again) = try readEitherWay(path, decimalComma: false)
        #expect(again)
        #expect(days == [day(2024, 11, 1), day(2024, 12, 1), day(2025, 1, 1), day(2025, 2, 1)])
        #expect(summary.slashDateOrder == .dayFirst)
        #expect(summary.notes == ["every slash date of '\(path)' ('date') reads either way (no day above 12), and was read day-first (DD/MM/YYYY), since every date in 'date' is then the 1st of a month (01/MM/YYYY), while read month-first they would all fall on January 1-12: 2024-11-01 to 2025-02-01; read month-first they would be 2024-01-11 to 2025-01-02. If they are month-first, give --date-format mdy (date_format: mdy in a pipeline)"])
    }

    /// Two months' 1st (`01/02/2026`, `01/03/2026`) may be January 2 and 3: too few to say,
    /// read month-first, the default, with its note; and so is a file with another day among
    /// its 1sts (`05/03/2026`).
    @Test func fewFirstsOrAnotherDayKeepMonthFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for (name, text) in [("two.csv", "date,quantity\n01/02/2026,5\n01/03/2026,6\n01/02/2026,1\n"),
                             ("other.csv", "date,quantity\n01/02/2026,5\n01/03/2026,6\n01/04/2026,7\n05/03/2026,1\n")] {
            let path = try dir.write(name, text)
            let (days, summary, again) = try readEitherWay(path, decimalComma: false)
            #expect(!again, "\(name)")
            #expect(days.first == day(2026, 1, 2), "\(name)")
            #expect(summary.slashDateOrder == .eitherWay, "\(name)")
        }
    }
    /// The second pipeline review's US month-to-date pull (`1/1/2026` ... `1/12/2026`, every
    /// day): month-first a run of twelve January days, which a daily export is. It had been
    /// read as the 1st of twelve months (each day's usage a month, the forecast about 1/30 of
    /// the demand). Read month-first, with the note of both readings; and so is a year-on-year
    /// pull of January 1-5 of two years (day-first, January to May of each with a gap).
    /// A UK export of twelve months over two years (`01/07/2024` ... `01/06/2025`) is still
    /// read day-first.
    @Test func aRunOfJanuaryDaysIsNotReadAsTheFirstsOfMonths() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let mtd = try dir.write("mtd.csv", "date,quantity\n" + (1...12).map { "1/\($0)/2026,\($0)\n" }.joined())
        let (days, summary, again) = try readEitherWay(mtd, decimalComma: false)
        #expect(!again)
        #expect(days == (1...12).map { day(2026, 1, $0) })
        #expect(summary.slashDateOrder == .eitherWay)
        #expect(summary.notes.count == 1 && summary.notes[0].contains("read month-first"), "\(summary.notes)")
        let yoy = try dir.write("yoy.csv", "date,quantity\n" + [2025, 2026].flatMap { y in (1...5).map { "1/\($0)/\(y),1\n" } }.joined())
        let twoJanuaries = try readEitherWay(yoy, decimalComma: false)
        #expect(!twoJanuaries.again)
        #expect(twoJanuaries.days.allSatisfy { $0.components.month == 1 }, "\(twoJanuaries.days)")
        let uk = try dir.write("uk2.csv", "date,quantity\n" + [(2024, 7...12), (2025, 1...6)].flatMap { y, months in months.map { "01/\($0 < 10 ? "0" : "")\($0)/\(y),1\n" } }.joined())
        let months = try readEitherWay(uk, decimalComma: false)
        #expect(months.again)
        #expect(months.days.first == day(2024, 7, 1) && months.days.last == day(2025, 6, 1))
    }
}
