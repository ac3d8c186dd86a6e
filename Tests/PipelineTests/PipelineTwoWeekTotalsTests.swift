import Foundation
import Testing
@testable import Pipeline

/// A pipeline's aggregate of a biweekly usage export (`RowDays.weeksPerRow`): the review's
/// heparin, 1,400 every other Saturday from 4 October 2025 to 21 March 2026 (a flat 100 a day).
/// Months of 3,100, 3,000, 3,100, 3,100 and 2,800 (September and March partial, left out) and
/// the note, where before they were 3,400, 3,200, 2,800, 2,800, 2,800 without a word.
@Suite struct PipelineTwoWeekTotalsTests {
    @Test func aBiweeklyExportIsAggregatedOverItsFortnights() throws {
        let ws = try Workspace()
        let saturdays = ["2025-10-04", "2025-10-18", "2025-11-01", "2025-11-15", "2025-11-29", "2025-12-13", "2025-12-27",
                         "2026-01-10", "2026-01-24", "2026-02-07", "2026-02-21", "2026-03-07", "2026-03-21"]
        try ws.write("usage.csv", "date,item,quantity\n" + saturdays.map { "\($0),HEP5000,1400\n" }.joined())
        let notes = try PipelineRunTests.aggregate(in: ws, aggregating: "")
        #expect(try ws.read("out/monthly.csv") == "series,period,value\nHEP5000,2025-10,3100\nHEP5000,2025-11,3000\nHEP5000,2025-12,3100\nHEP5000,2026-01,3100\nHEP5000,2026-02,2800\n")
        #expect(notes.contains { $0.contains("the rows fall on one date every two weeks, on one weekday (2025-10-04 to 2026-03-21): read as two-week totals") }, "\(notes)")
    }
}
