import Foundation
import Testing
@testable import Pipeline
import Tabular

/// A join's left rows that match no row of the lookup table (a reviewer's case): usage of 149
/// units joined to an item master without UNKNOWN-1 (9 units, a new item the master did not
/// hold yet). An inner join dropped them and a left join kept them under an empty vendor, which
/// an aggregate by vendor summed into a series with no name (`,2026-01,9`) that was then
/// forecast; the run said only "joined 8 rows".
@Suite struct JoinUnmatchedRowsTests {
    /// Usage: GLV-100 40 + 25 (Medline), AMOX-500 75 (McKesson), UNKNOWN-1 9: 149 units.
    static func run(how: String) throws -> (notes: [String], monthly: String) {
        let ws = try Workspace()
        try ws.write("usage.csv", """
            date,item,quantity
            2026-01-05,GLV-100,40
            2026-01-06,GLV-100,25
            2026-01-07,AMOX-500,75
            2026-01-08,UNKNOWN-1,9

            """)
        try ws.write("items.csv", "item,vendor\nGLV-100,Medline\nAMOX-500,McKesson\n")
        try ws.write("p.yml", """
            calendar: {frequency: month}
            output: out
            stages:
              usage: {kind: import, table: usage, file: usage.csv}
              items: {kind: import, table: items, file: items.csv}
              joined: {kind: join, left: usage, right: items, how: \(how)}
              byVendor: {kind: aggregate, input: joined, series: [vendor], partial: keep}
              save: {kind: export, input: byVendor, file: m.csv}
            """)
        let notes = try PipelineRunner(quiet: true).run(ws.path + "/p.yml").notes
        return (notes, try ws.read("out/m.csv"))
    }

    /// Inner: the 9 units are dropped, and the note says so: 1 row, UNKNOWN-1, 9 of quantity.
    @Test func anInnerJoinNamesTheRowsItDrops() throws {
        let (notes, monthly) = try JoinUnmatchedRowsTests.run(how: "inner")
        #expect(notes.contains { $0.contains("1 row of 'usage' (item 'UNKNOWN-1', 9 of quantity) has no row in 'items': dropped (how: inner)") }, "\(notes)")
        #expect(!monthly.contains("(blank)"))
    }

    /// Left: the 9 units are kept, the join says so, and the aggregate by vendor names them
    /// '(blank)' with a note; 65 + 75 + 9 = 149 still add up.
    @Test func aLeftJoinNamesTheRowsItKeepsEmptyAndTheAggregateShowsThem() throws {
        let (notes, monthly) = try JoinUnmatchedRowsTests.run(how: "left")
        #expect(notes.contains { $0.contains("1 row of 'usage' (item 'UNKNOWN-1', 9 of quantity) has no row in 'items': kept with the columns of 'items' empty (how: left): vendor") }, "\(notes)")
        #expect(notes.contains { $0.contains("1 row with an empty vendor (9 of quantity in all) is kept as the series '(blank)'") }, "\(notes)")
        #expect(monthly.contains("(blank),2026-01,9"), "\(monthly)")
        #expect(!monthly.contains("\n,2026-01"), "\(monthly)")
        #expect(monthly.contains("Medline,2026-01,65") && monthly.contains("McKesson,2026-01,75"), "\(monthly)")
    }
}
