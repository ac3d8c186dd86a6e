import Testing
@testable import Tabular

/// Review 3, defect 11: an expiry date printed as a month (`Jul-25`) means good through the
/// month's last day (USP/FDA labelling), so `parseLastDay` reads a period as its last day
/// where `parse` reads its first; a value with a day of the month is that day either way.
@Suite struct DateParserLastDayTests {
    @Test("periods end on their last day", arguments: [
        ("Jul-25", "2025-07-31"), ("JUL25", "2025-07-31"), ("2025-07", "2025-07-31"), ("July 2025", "2025-07-31"),
        ("Feb-24", "2024-02-29"), ("2025-02", "2025-02-28"), ("Dec 2025", "2025-12-31"),
        ("2025-Q3", "2025-09-30"), ("2025-W01", "2025-01-05"), ("2025", "2025-12-31"),
        // Days stay days.
        ("2025-07-01", "2025-07-01"), ("7/1/2025", "2025-07-01"), ("01-Jul-25", "2025-07-01"), ("Jul 1, 2025", "2025-07-01"),
        ("20250701", "2025-07-01"), ("2025-07-01 13:45", "2025-07-01"),
    ])
    func lastDay(_ text: String, _ iso: String) {
        #expect(DateParser().parseLastDay(text)?.description == iso)
    }

    @Test func aPatternWithoutADayNamesMonths() throws {
        #expect(DateParser(format: try DateFormat(parsing: "YYYYMM")).parseLastDay("202507")?.description == "2025-07-31")
        #expect(DateParser(format: try DateFormat(parsing: "MMM-YY")).parseLastDay("Jun-25")?.description == "2025-06-30")
        #expect(DateParser(format: try DateFormat(parsing: "DD/MM/YYYY")).parseLastDay("01/07/2025")?.description == "2025-07-01")
    }

    @Test func notADateStaysNil() {
        #expect(DateParser().parseLastDay("Jum-25") == nil)
        #expect(DateParser().parseLastDay("") == nil)
    }
}
