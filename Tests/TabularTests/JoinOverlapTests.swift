import Foundation
import Testing
@testable import Tabular

/// Exports joined end to end that overlap (the pipeline review's defect 2): the second
/// export's header, then rows repeating the last rows above it, which were summed twice.
@Suite struct JoinOverlapTests {
    static let columns = [ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity")]

    /// (date, quantity) of each accepted row and the summary, read again when the import asks
    /// (`TableImport.SecondLook`), as the import stages do; `secondLook` false reads once.
    static func read(_ path: String, secondLook: Bool = true) throws -> (rows: [(CalendarDay, Double)], summary: ImportSummary) {
        var options = ImportOptions()
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

    /// A second export whose March differs (a row posted late in the middle) repeats no run
    /// of the rows above it up to the header: every row is read.
    @Test func anOverlapThatDiffersIsNotLeftOut() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("late.csv", Self.overlapping.replacingOccurrences(of: "date,item,quantity\n2024-03-01,A,1\n2024-03-02,B,2\n", with: "date,item,quantity\n2024-03-01,A,1\n2024-03-01,C,9\n2024-03-02,B,2\n"))
        let (rows, summary) = try Self.read(path)
        #expect(rows.count == 10)
        #expect(summary.overlapRepeats == 0, "\(summary)")
    }
}
