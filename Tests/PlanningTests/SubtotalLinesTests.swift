import Testing
@testable import Planning

/// A ledger's subtotal lines told from accounts whose name begins with the word (a finance
/// review's cases).
@Suite struct SubtotalLinesTests {
    static func rows(_ lines: [(String, String, Int, Double)]) -> [Int] {
        SubtotalLines.rows(department: lines.map(\.0), account: lines.map(\.1), month: lines.map(\.2), amount: lines.map(\.3))
    }

    @Test func totalsOfTheLinesAboveOrOfTheMonthAreSubtotals() {
        #expect(Self.rows([("ICU", "Salaries", 1, 5_000), ("ICU", "Supplies", 1, 1_000), ("ICU", "Total Operating Expenses", 1, 6_000),
                           ("ICU", "Salaries", 2, 5_000), ("ICU", "Supplies", 2, 1_000), ("ICU", "TOTAL EXPENSES", 2, 6_000)]) == [2, 5])
        // A subtotal of one line, named after it; then a grand total of the month's lines.
        #expect(Self.rows([("ICU", "RN Salaries", 1, 5_000), ("ICU", "Subtotal - RN Salaries", 1, 5_000), ("ICU", "Supplies", 1, 1_000),
                           ("ICU", "Drugs", 1, 2_000), ("ICU", "Total: all", 1, 8_000)]) == [1, 4])
    }

    /// A P&L's layout (the diff review's case): a total of one revenue line, two subtotals, and
    /// a total of the expenses beside revenue of the other sign.
    @Test func aProfitAndLossLayoutsTotalsAreSubtotals() {
        let rows: [(String, String, Int, Double)] = [("ICU", "Patient Revenue", 1, -20_000), ("ICU", "Total Revenue", 1, -20_000),
                                                     ("ICU", "Salaries", 1, 5_000), ("ICU", "Benefits", 1, 1_000), ("ICU", "Subtotal - Labor", 1, 6_000),
                                                     ("ICU", "Supplies", 1, 2_000), ("ICU", "Drugs", 1, 1_000), ("ICU", "Subtotal - Supplies", 1, 3_000),
                                                     ("ICU", "Total Operating Expenses", 1, 9_000)]
        #expect(Self.rows(rows) == [1, 4, 7, 8])
    }

    @Test func anAccountNamedTotalIsKept() {
        // Total Parenteral Nutrition is a supply line: its amount is no sum of the others.
        #expect(Self.rows([("ICU", "Drugs", 1, 2_000), ("ICU", "Total Parenteral Nutrition", 1, 700), ("ICU", "Supplies", 1, 1_000)]).isEmpty)
        // Equal to the line above it by chance in one month, not in another: kept in both.
        #expect(Self.rows([("ICU", "Drugs", 1, 700), ("ICU", "Total Parenteral Nutrition", 1, 700),
                           ("ICU", "Drugs", 2, 900), ("ICU", "Total Parenteral Nutrition", 2, 700)]).isEmpty)
        #expect(!SubtotalLines.isNamedAsTotal("Totally Kids Clinic") && SubtotalLines.isNamedAsTotal("Sub-total: supplies"))
    }
}
