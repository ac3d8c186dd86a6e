import Testing
@testable import Pipeline
import Reports
import Tabular

/// A table as a workbook sheet: which text columns become dates or TRUE/FALSE cells.
@Suite struct TableReportSheetTests {
    func kinds(_ table: Table) -> [String: String] {
        var kinds: [String: String] = [:]
        for column in table.reportSheet("s").columns {
            switch column.values {
            case .text: kinds[column.header] = "text"
            case .number: kinds[column.header] = "number"
            case .date: kinds[column.header] = "date"
            case .flag: kinds[column.header] = "flag"
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

    /// A buyer's review: budget_variance.xlsx's `favorable` column was the text "true", which
    /// Excel's TRUE/FALSE filters and COUNTIF(range, TRUE) do not count. A column of true and
    /// false (empty cells allowed) is TRUE and FALSE cells; one other word keeps it text.
    @Test func trueAndFalseColumnsAreBooleanCells() throws {
        let table = Table([("favorable", .text(["true", "", "false"])), ("note", .text(["true", "maybe", "false"])), ("blank", .text(["", "", ""]))])
        #expect(kinds(table) == ["favorable": "flag", "note": "text", "blank": "text"])
        if case .flag(let flags) = table.reportSheet("s").columns[0].values { #expect(flags == [true, nil, false]) }
    }
}
