import Testing
@testable import Pipeline

/// The second import review's defects 3 and 4: item codes differing in the case of accented
/// letters, and a wide sheet's totals column named as no word list knows.
@Suite("Import review 2: accented case and totals columns by value")
struct ImportReview2KeysTests {
    /// Case 08: the item master's `PARACÉTAMOL 500 MG CP` is the usage's `Paracétamol 500 mg
    /// cp` (folded as ASCII, `É` and `é` stayed apart: three drugs flagged dead stock), and the
    /// two land in one shard of any split.
    @Test func accentedCodesMatchInAnyCase() throws {
        #expect(ItemCodeMatch.value("Paracétamol 500 mg cp") == ItemCodeMatch.value("PARACÉTAMOL 500 MG CP"))
        let match = ItemCodeMatch(master: ["PARACÉTAMOL 500 MG CP", "HÉPARINE 5000 UI/ML FL"])
        #expect(match.masterCode("Paracétamol 500 mg cp") == "PARACÉTAMOL 500 MG CP")
        #expect(match.masterCode("Héparine 5000 UI/mL fl") == "HÉPARINE 5000 UI/ML FL")
        for count in 2...7 {
            var lower = "Paracétamol 500 mg cp", upper = "PARACÉTAMOL 500 MG CP"
            for k in 1...count {
                let shard = try Shard(parsing: "\(k)/\(count)")
                #expect(lower.withUTF8 { shard.contains(key: $0) } == upper.withUTF8 { shard.contains(key: $0) }, "\(k)/\(count)")
            }
        }
    }

    /// Case 07: `Total Doses Dispensed` beside two drugs and a kit holds 3 + 4 + 2 = 9 and
    /// 5 + 6 + 9 = 20, the row sums: left out (it doubled every cross-item sum). `Total Care
    /// Kit`, 2 and 9, adds up to nothing and stays an item. Off by one on a line, the column
    /// is an item; a total word with one other column is no test.
    @Test func aColumnHoldingTheRowSumIsATotal() throws {
        let every = Unpivot(columns: ["*"], namesTo: ["item"], valuesTo: "quantity")
        let header = ["date", "Heparin", "Ondansetron", "Total Doses Dispensed", "Total Care Kit"]
        let rows = [["2025-12-01", "3", "4", "9", "2"], ["2025-12-02", "5", "6", "20", "9"]]
        let plan = try every.plan(header: header, mapped: [0], rows: rows)
        #expect(plan.columns == [1, 2, 4] && plan.leftOut == [3] && plan.rowSums == [3])
        var off = rows
        off[1][3] = "21"
        #expect(try every.plan(header: header, mapped: [0], rows: off).columns == [1, 2, 3, 4])
        let one = try every.plan(header: ["date", "Heparin", "Line Total"], mapped: [0], rows: [["d", "3", "3"], ["d", "5", "5"]])
        #expect(one.columns == [1, 2])
    }
}
