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

    /// The import review's case 04: a Q1 GL closing each account with its quarter's total
    /// dated at the period end, `Total 6100 Medical Supplies` = 6,300 + 4,200 + 5,800 + 4,000
    /// + 6,500 + 4,400 = 31,200 and `Total 6200 Drugs` = 5,200 + 4,900 + 5,100 = 15,200. Read as
    /// accounts they doubled the department's 46,400 to 92,800; each totals its account over
    /// the export, so both are subtotals, and so is the same line written `... Total`.
    @Test func anAccountsTotalOverTheExportIsASubtotal() {
        func ledger(_ total: (String) -> String) -> [(String, String, Int, Double)] {
            let s = "6100 Medical Supplies", d = "6200 Drugs"
            return [("M", s, 7, 6_300), ("M", s, 7, 4_200), ("M", s, 8, 5_800), ("M", s, 8, 4_000), ("M", s, 9, 6_500), ("M", s, 9, 4_400),
                    ("M", total(s), 9, 31_200), ("M", d, 7, 5_200), ("M", d, 8, 4_900), ("M", d, 9, 5_100), ("M", total(d), 9, 15_200)]
        }
        #expect(Self.rows(ledger { "Total " + $0 }) == [6, 10])
        #expect(Self.rows(ledger { $0 + " Total" }) == [6, 10])
        #expect(SubtotalLines.isNamedAsTotal("6100 Medical Supplies Total") && SubtotalLines.totalled("total 6100 medical supplies") == "6100 medical supplies")
        // Off by 100: no sum, yet named as the total of an account of the department, so left
        // out all the same (and said so); a name not of an account is not.
        var off = ledger { "Total " + $0 }
        off[6].3 = 31_100
        let d = off.map(\.0), a = off.map(\.1), m = off.map(\.2), v = off.map(\.3)
        #expect(Self.rows(off) == [10])
        #expect(SubtotalLines.accountTotalsNotAddingUp(department: d, account: a, month: m, amount: v) == [6, 10])
        #expect(SubtotalLines.accountTotalsNotAddingUp(department: ["M", "M"], account: ["Drugs", "Total Parenteral Nutrition"], month: [1, 1], amount: [1, 2]).isEmpty)
        // The one that adds up is left out; the one off by 100 is read as an account, named.
        let left = SubtotalLines.leftOut(of: LedgerRows(department: d, account: a, month: m, amount: v))
        #expect(left?.keep[10] == false && left?.keep[6] == true)
        #expect(left?.note.contains("M / Total 6100 Medical Supplies) but does not add up to that account's lines: read as an account") == true)
    }

    /// The import review 2's case 01: an orthopedic OR's accounts `Total Hip Implants` (total
    /// hip arthroplasty) and `Total Knee Implants` beside `Hip Implants` and `Knee Implants`,
    /// one posting a month. July's Total Hip Implants is 126,900 where Hip Implants' lines to
    /// date are 38,450 and the month's others 38,450 + 27,300 + 148,250 = 214,000: no sum, so
    /// every line is kept, and the department's quarter is the twelve lines' 1,040,000 (it read
    /// 207,800 when the two were left out as totals).
    @Test func accountsNamedTotalThatDoNotAddUpAreKept() {
        let hip = [38_450.0, 41_200, 39_900], thr = [126_900.0, 118_400, 131_750], knee = [27_300.0, 31_850, 29_100], tkr = [148_250.0, 155_600, 151_300]
        var d: [String] = [], a: [String] = [], m: [Int] = [], v: [Double] = []
        for i in 0..<3 {
            for (name, amount) in [("Hip Implants", hip[i]), ("Total Hip Implants", thr[i]), ("Knee Implants", knee[i]), ("Total Knee Implants", tkr[i])] {
                d.append("7420 Orthopedic OR"); a.append(name); m.append(7 + i); v.append(amount)
            }
        }
        let left = SubtotalLines.leftOut(of: LedgerRows(department: d, account: a, month: m, amount: v))
        #expect(left?.keep == [Bool](repeating: true, count: 12))
        #expect(zip(v, left?.keep ?? []).filter(\.1).map(\.0).reduce(0, +) == 1_040_000)
        #expect(left?.note.contains("look like the total of an account of their department") == true)
        #expect(left?.note.contains("read as accounts") == true)
    }

    /// A `Total X` line that does equal X in every month (`Hip Implants` 500 and `Total Hip
    /// Implants` 500 in July and August, a run of one line each) is a subtotal, unless the
    /// budget lists it as a line of its own: then it is an account, and all four rows (2,000)
    /// are kept.
    @Test func aBudgetedLineIsAnAccountEvenWhenItAddsUp() {
        let ledger = LedgerRows(department: ["OR", "OR", "OR", "OR"], account: ["Hip Implants", "Total Hip Implants", "Hip Implants", "Total Hip Implants"],
                                month: [7, 7, 8, 8], amount: [500, 500, 500, 500])
        #expect(SubtotalLines.leftOut(of: ledger)?.keep == [true, false, true, false])
        let budget = LedgerRows(department: ["or"], account: ["TOTAL HIP IMPLANTS"], month: [7], amount: [1_000])
        let kept = SubtotalLines.leftOut(of: ledger, budget: budget)
        #expect(kept?.keep == [true, true, true, true])
        #expect(kept?.note.contains("the budget lists them as lines of their own: read as accounts") == true)
    }
}
