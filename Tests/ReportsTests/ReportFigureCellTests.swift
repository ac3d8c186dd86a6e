import Testing
@testable import Reports

/// A workbook's Summary sheet wrote the report's tables as text ("$1,537,871"), which a
/// finance analyst cannot sum; right-aligned figures are now typed cells, shown as written.
@Suite struct ReportFigureCellTests {
    @Test func figuresAreReadBackWithTheStyleThatShowsThemAsWritten() {
        #expect(Report.figure("$1,537,871")! == (1_537_871, .money))
        #expect(Report.figure("($154)")! == (-154, .money))
        // Cents written are cents shown: a unit price of $0.10 was shown as $0.
        #expect(Report.figure("-$64.12")! == (-64.12, .price))
        #expect(Report.figure("$0.10")! == (0.1, .price))
        #expect(Report.figure("12.5%")! == (12.5, .percentagePoints))
        // `--negatives parentheses` writes a negative percentage so; it was a text cell.
        #expect(Report.figure("(1.4%)")! == (-1.4, .percentagePoints))
        #expect(Report.figure("1,234.5")! == (1_234.5, .number(decimals: 1)))
        #expect(Report.figure("42")! == (42, .number(decimals: 0)))
        for text in ["FY2026-Q1", "2025-07", "n/a", "", "D1", "12 units", "$"] { #expect(Report.figure(text) == nil, "\(text)") }
    }
}
