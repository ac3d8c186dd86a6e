import Testing
@testable import Pipeline
import Reports
import Tabular

/// A table as a workbook sheet: which text columns become dates.
@Suite struct TableReportSheetTests {
    func kinds(_ table: Table) -> [String: String] {
        var kinds: [String: String] = [:]
        for column in table.reportSheet("s").columns {
            switch column.values {
            case .text: kinds[column.header] = "text"
            case .number: kinds[column.header] = "number"
            case .date: kinds[column.header] = "date"
            }
        }
        return kinds
    }

    /// A review found an aggregate by day exported to a workbook with its periods as text
    /// (`2025-05-01`), not dates a manager can filter by. Day periods are dates; months, weeks
    /// and a column with one other value stay text.
    @Test func dayPeriodsAreDatesAndOtherPeriodsText() throws {
        let table = Table([("days", .text(["2025-05-01", "", "2025-05-02"])), ("months", .text(["2025-05", "2025-06", "2025-07"])),
                           ("weeks", .text(["2025-W18", "2025-W19", "2025-W20"])), ("mixed", .text(["2025-05-01", "total", "2025-05-03"])),
                           ("value", .number([1, 2, 3]))])
        #expect(kinds(table) == ["days": "date", "months": "text", "weeks": "text", "mixed": "text", "value": "number"])
        if case .date(let days) = table.reportSheet("s").columns[0].values {
            #expect(days == [CalendarDay(year: 2025, month: 5, day: 1), nil, CalendarDay(year: 2025, month: 5, day: 2)])
        }
    }
}
