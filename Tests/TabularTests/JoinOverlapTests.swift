import Foundation
import Testing
@testable import Tabular

/// Exports joined end to end that overlap (the pipeline review's defect 2): the second
/// export's header, then rows repeating the last rows above it, which were summed twice.
@Suite struct JoinOverlapTests {
    static let columns = [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")]

    /// (date, quantity) of each accepted row and the summary, read again when the import asks
    /// (`TableImport.SecondLook`), as the import stages do; `secondLook` false reads once.
    static func read(_ path: String, secondLook: Bool = true, skip: Bool = false) throws -> (rows: [(CalendarDay, Double)], summary: ImportSummary) {
        var options = ImportOptions()
        if skip { options.onError = .skip }
        options.secondLook = secondLook
        while true {
            let table = try TableImport(path: path, columns: columns, options: options)
            let d = try #require(table.column("date")), q = try #require(table.column("quantity"))
            var rows: [(CalendarDay, Double)] = []
            do {
                let summary = try table.run { row in rows.append((try row.date(d), try row.number(q))) }
                return (rows, summary)
            } catch let look as TableImport.SecondLook {
                options = look.options
            }
        }
    }

    /// January to March, then March to April appended with its header: March's three rows
    /// (lines 4-6) come again on lines 8-10. They are left out, and the note names the lines
    /// and the dates; January 10, March 1+2+3 = 6, April 7.
    static let overlapping = """
        date,item,quantity
        2024-01-15,A,10
        2024-02-15,A,20
        2024-03-01,A,1
        2024-03-02,B,2
        2024-03-03,A,3
        date,item,quantity
        2024-03-01,A,1
        2024-03-02,B,2
        2024-03-03,A,3
        2024-04-01,A,7

        """

    @Test func rowsRepeatingTheRowsAboveARepeatedHeaderAreLeftOutAndNamed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("joined.csv", Self.overlapping)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [10, 20, 1, 2, 3, 7])
        #expect(summary.read == 6 && summary.accepted == 6 && summary.overlapRepeats == 3 && summary.repeatedHeaders == 1, "\(summary)")
        #expect(summary.description.contains("3 rows repeating the lines above a repeated header skipped"), "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 8-10 (3 rows, dated 2024-03-01 to 2024-03-03) after the repeated header on line 7 repeat lines 4-6") }, "\(summary.notes)")
    }

    /// The check keeps a line per row only where lines and rows part: a blank line and a field
    /// over two lines before the rows repeated, and a rejected row and a blank line among them,
    /// still give the lines as they are in the file (the repeats are lines 6-10, the rejected
    /// line 8 and the blank line 9 among them).
    @Test func theLinesAreNamedAcrossBlankRejectedAndTwoLineRows() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("joined.csv", """
            date,item,quantity,note
            2024-01-15,A,10,

            2024-02-15,A,20,"two
            lines"
            2024-03-01,A,1,
            2024-03-02,B,2,
            2024-03-xx,B,5,

            2024-03-03,A,3,
            date,item,quantity,note
            2024-03-01,A,1,
            2024-03-02,B,2,
            2024-03-03,A,3,
            2024-04-01,A,7,

            """)
        let (rows, summary) = try Self.read(path, skip: true)
        #expect(rows.map(\.1) == [10, 20, 1, 2, 3, 7])
        #expect(summary.overlapRepeats == 3 && summary.rejected == 1 && summary.blank == 2, "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 12-14 (3 rows, dated 2024-03-01 to 2024-03-03) after the repeated header on line 11 repeat lines 6-10") },
                "\(summary.notes)")
    }

    /// Standard input (read once) cannot be read again without them: the import stops,
    /// naming the header's line and the lines to remove.
    @Test func readOnceTheOverlapStopsTheImport() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("joined.csv", Self.overlapping)
        #expect {
            _ = try Self.read(path, secondLook: false)
        } throws: { error in
            let text = "\(error)"
            return text.contains(":7") && text.contains("lines 8-10") && text.contains("remove lines 8-10")
        }
    }

    /// A paginated report repeats its header before each page of new rows: nothing left out,
    /// even where a page starts with a row like the last of the page before (one dose a row).
    @Test func aPageHeaderBeforeNewRowsLeavesNothingOut() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("paged.csv", """
            date,item,quantity
            2024-03-01,A,1
            2024-03-02,B,2
            2024-03-03,A,1
            date,item,quantity
            2024-03-03,A,1
            2024-03-04,B,5
            2024-03-05,A,6

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [1, 2, 1, 1, 5, 6])
        #expect(summary.overlapRepeats == 0 && summary.notes.isEmpty, "\(summary)")
    }

    /// January, then March 1-20 (lines 3-22); the later export, after the header on line
    /// 23, repeats March with changes. `march(_:)` is its rows, then April 1.
    static let twentyDays = "date,item,quantity\n2024-01-15,A,100\n" + (1...20).map { "2024-03-\(String(format: "%02d", $0)),A,\($0)\n" }.joined()
    static func march(_ days: [String]) -> String { twentyDays + "date,item,quantity\n" + days.joined() + "2024-04-01,A,7\n" }
    static func day(_ d: Int, _ quantity: Int? = nil) -> String { "2024-03-\(String(format: "%02d", d)),A,\(quantity ?? d)\n" }

    /// A row posted late among March's repeats (`L,99`), in the middle or first: the twenty
    /// repeats are left out, the late row is read and named. (It had matched no run, and
    /// March's other rows were summed twice with no word.)
    @Test func aRowPostedLateAmongTheRepeatsIsReadAndTheRestLeftOut() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let late = "2024-03-04,L,99\n"
        let first: [String] = (1...4).map { Self.day($0) }, rest: [String] = (5...20).map { Self.day($0) }, all: [String] = (1...20).map { Self.day($0) }
        let cases: [(days: [String], line: Int)] = [(first + [late] + rest, 28), ([late] + all, 24)]
        for (days, line) in cases {
            let path = try dir.write("late.csv", Self.march(days))
            let (rows, summary) = try Self.read(path)
            let expected: Double = 100 + 210 + 99 + 7
            #expect(rows.map(\.1).reduce(0, +) == expected, "\(line): \(rows.map(\.1))")
            #expect(summary.overlapRepeats == 20, "\(summary)")
            #expect(summary.notes.contains { $0.hasPrefix("lines 24-44 (20 rows, dated 2024-03-01 to 2024-03-20) after the repeated header on line 23 repeat lines 3-22 but for line \(line) after the header, in no line above (posted late?), which was counted: two exports joined") }, "\(summary.notes)")
            // Read once, the import stops and names the lines to remove, the late one kept.
            #expect { _ = try Self.read(path, secondLook: false) } throws: { "\($0)".contains("remove lines 24-44 but \(line)") }
        }
    }

    /// March once more in a later export, a row voided since: in the middle (March 3, line
    /// 5), at the end (March 20, line 22), or changed at the end (20 to 21). The repeats are
    /// left out; the voided row and the old value are read once, the new value is read, and
    /// the note names the line above that does not come again. (At the end, no run reached
    /// the header, and March was summed twice.)
    @Test func rowsVoidedOrChangedSinceAreReadOnceAndNamed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cases: [(days: [String], sum: Double, lines: String, gone: Int)] = [
            ((1...20).filter { $0 != 3 }.map { Self.day($0) }, 100 + 210 + 7, "24-42 (19 rows, dated 2024-03-01 to 2024-03-20)", 5),
            ((1...19).map { Self.day($0) }, 100 + 210 + 7, "24-42 (19 rows, dated 2024-03-01 to 2024-03-19)", 22),
            ((1...19).map { Self.day($0) } + [Self.day(20, 21)], 100 + 210 + 21 + 7, "24-42 (19 rows, dated 2024-03-01 to 2024-03-19)", 22),
        ]
        for c in cases {
            let path = try dir.write("voided.csv", Self.march(c.days))
            let (rows, summary) = try Self.read(path)
            #expect(rows.map(\.1).reduce(0, +) == c.sum, "\(c.lines): \(rows.map(\.1))")
            #expect(summary.overlapRepeats == 19, "\(summary)")
            #expect(summary.notes.contains { $0.hasPrefix("lines \(c.lines) after the repeated header on line 23 repeat lines 3-22 but for line \(c.gone) above, which does not come again (voided or changed since?) and was counted once:") }, "\(summary.notes)")
        }
    }

    /// A two-page pick list: the second case's kit has one line more than the first's, on
    /// the page after. Under `shortestLoose` rows repeat with one differing: no overlap, and
    /// every row is read (the review's finding 5 of the tolerance; a kit of 10 lines too).
    @Test func aKitOfOneLineMoreOnTheNextPageIsNoOverlap() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("kit.csv", """
            date,item,quantity
            2024-03-04,GLOVE,1
            2024-03-04,DRAPE,1
            2024-03-04,SUTURE,1
            2024-03-04,SPONGE,1
            date,item,quantity
            2024-03-04,GLOVE,1
            2024-03-04,DRAPE,1
            2024-03-04,STAPLER,1
            2024-03-04,SUTURE,1
            2024-03-04,SPONGE,1

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.count == 9 && summary.overlapRepeats == 0, "\(summary)")
    }

    /// A page of rows mostly new, whose rows here and there equal rows above: more than one
    /// in eight differ, so it is no overlap, and every row is read.
    @Test func rowsThatDifferMoreThanAFewAreNoOverlap() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("differs.csv", """
            date,item,quantity
            2024-03-01,A,1
            2024-03-02,B,2
            2024-03-03,A,3
            2024-03-04,B,4
            date,item,quantity
            2024-03-01,A,1
            2024-03-01,C,9
            2024-03-02,B,2
            2024-03-02,D,8
            2024-03-03,A,3
            2024-03-04,B,4

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.count == 10)
        #expect(summary.overlapRepeats == 0 && summary.notes.isEmpty, "\(summary)")
    }

    /// The second review's finding 2: the first export ends with its own footer (`Report
    /// Total`, a `Run ... by` line), rejected, between its last row and the repeated header.
    /// It is no row above the header: the overlap is still found and left out.
    @Test func aFooterEndingTheFirstExportDoesNotHideTheOverlap() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for footer in ["Report Total,,36", "Run 2024-03-31 14:02 by JDOE,,"] {
            let path = try dir.write("footer.csv", Self.overlapping.replacingOccurrences(of: "2024-03-03,A,3\ndate,", with: "2024-03-03,A,3\n\(footer)\ndate,"))
            let (rows, summary) = try Self.read(path, skip: true)
            #expect(rows.map(\.1) == [10, 20, 1, 2, 3, 7], "\(footer)")
            #expect(summary.overlapRepeats == 3 && summary.rejected == 1, "\(summary)")
            #expect(summary.notes.contains { $0.hasPrefix("lines 9-11 (3 rows, dated 2024-03-01 to 2024-03-03) after the repeated header on line 8 repeat lines 4-6") }, "\(summary.notes)")
        }
    }

    /// The second review's finding 3: the overlap's first row (`A,10`) has an identical twin
    /// earlier (line 3), whose next row differs; the run from its later twin (line 5) reaches
    /// the header, and is the overlap.
    @Test func anOverlapWhoseFirstRowHasAnEarlierTwinIsFound() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("twin.csv", """
            date,item,quantity
            2024-03-01,X,1
            2024-03-01,A,10
            2024-03-01,B,5
            2024-03-01,A,10
            2024-03-02,C,3
            2024-03-02,D,2
            date,item,quantity
            2024-03-01,A,10
            2024-03-02,C,3
            2024-03-02,D,2
            2024-03-03,E,4

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [1, 10, 5, 10, 3, 2, 4])
        #expect(summary.overlapRepeats == 3, "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 9-11 (3 rows, dated 2024-03-01 to 2024-03-02) after the repeated header on line 8 repeat lines 5-7") }, "\(summary.notes)")
    }

    /// The second review's finding 7: a paginated report (its header on every page) whose
    /// page break falls between two identical knee kits of one day. Rows repeating those
    /// above a page header are kept when the header comes more than twice (a joined pair of
    /// exports repeats it once or twice), and named in a note with their lines and dates.
    @Test func aPaginatedReportKeepsRowsRepeatingThoseAboveAPageBreak() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("paged.csv", """
            date,item,quantity
            2024-03-04,A,1
            2024-03-04,B,2
            2024-03-05,K,1
            2024-03-05,L,2
            2024-03-05,M,3
            date,item,quantity
            2024-03-05,K,1
            2024-03-05,L,2
            2024-03-05,M,3
            2024-03-06,A,1
            date,item,quantity
            2024-03-07,A,1
            2024-03-07,B,2
            date,item,quantity
            2024-03-08,A,1

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [1, 2, 1, 2, 3, 1, 2, 3, 1, 1, 2, 1])
        #expect(summary.overlapRepeats == 0 && summary.repeatedHeaders == 3, "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 8-10 (3 rows, dated 2024-03-05) after the repeated header on line 7 repeat lines 4-6 line for line, and were counted") && $0.contains("remove lines 8-10") }, "\(summary.notes)")
        // Read once, the rows are kept and named too, without their dates.
        let once = try Self.read(path, secondLook: false)
        #expect(once.rows.count == 12 && once.summary.notes.contains { $0.hasPrefix("lines 8-10 (3 rows) after the repeated header on line 7") }, "\(once.summary.notes)")
    }

    /// The first export's last page (its header on line 7) holds one row (`X`, line 8), with
    /// a twin above (line 3); then the join's header (line 9), repeating lines 3-8. The run
    /// from the short page's header holds a late row; the join's own reaches its header with
    /// none, and is the overlap: X counted twice (lines 3 and 8), not three times, and the
    /// real row on line 8 not left out (the review's finding 2).
    @Test func aShortLastPageDoesNotHideTheJoin() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("mask.csv", """
            date,item,quantity
            2024-01-05,A,1
            2024-03-05,X,1
            2024-03-06,C,3
            2024-03-07,D,4
            2024-03-08,E,5
            date,item,quantity
            2024-03-05,X,1
            date,item,quantity
            2024-03-05,X,1
            2024-03-06,C,3
            2024-03-07,D,4
            2024-03-08,E,5
            2024-03-05,X,1
            2024-04-01,G,7

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [1, 1, 3, 4, 5, 1, 7])
        #expect(summary.overlapRepeats == 5, "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 10-14 (5 rows, dated 2024-03-05 to 2024-03-08) after the repeated header on line 9 repeat lines 3-8 line for line") }, "\(summary.notes)")
    }

    /// A paginated report whose pages differ in length (a page a case): the first case's kit
    /// runs over a page break (A, B; then C), and the next case's kit on the next page is the
    /// same. No more rows repeat than the longest page holds: kept and named, not left out
    /// (the review's finding 3).
    @Test func aKitOverAPageBreakInAReportOfUnequalPagesIsKept() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("pages.csv", """
            date,item,quantity
            2024-03-01,Z,9
            2024-03-04,A,1
            2024-03-04,B,2
            date,item,quantity
            2024-03-04,C,3
            date,item,quantity
            2024-03-04,A,1
            2024-03-04,B,2
            2024-03-04,C,3
            date,item,quantity
            2024-03-05,Y,4

            """)
        let (rows, summary) = try Self.read(path)
        #expect(rows.map(\.1) == [9, 1, 2, 3, 1, 2, 3, 4])
        #expect(summary.overlapRepeats == 0, "\(summary)")
        #expect(summary.notes.contains { $0.hasPrefix("lines 8-10 (3 rows, dated 2024-03-04) after the repeated header on line 7 repeat lines 3-6 line for line, and were counted") }, "\(summary.notes)")
    }
}
