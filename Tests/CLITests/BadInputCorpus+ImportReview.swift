import Foundation

extension BadInputCorpus {
    /// A review's import defects, each read wrong without a word before: a decimal comma after
    /// a zero (`0,750`, read as 750) is refused with the hint; a totals row (`Grand Total` under
    /// the item, `Total` under the unit) is rejected naming it, on every kind with such a key,
    /// while names that merely hold the word are read; `--unpivot '*'` leaves a total column
    /// out; Excel's `sep=;` first line sets the delimiter.
    static func importReviewCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let usage = CSVInput.usage

        // `0,750` is 0.75 with a decimal comma, never 750 thousands.
        for value in ["0,750", "-0,250"] {
            cases.append(rejecting(usage, "'quantity' = '\(value)' (a zero before a comma group) on line 3", replacingValue(usage, 1, "quantity", with: Array(value.utf8)),
                                   [RejectedRow(line: 3, column: "quantity", says: "'\(value)' is not a number (if ',' is the decimal mark, use --decimal-comma")]))
        }
        cases.append(CorpusCase(kind: usage.kind, name: "inspect of 0,750 beside whole numbers in a semicolon export",
                                files: ["eu.csv": Data("Datum;Artikel;Menge\n01.03.2026;Morphin;1,500\n02.03.2026;Morphin;10\n03.03.2026;Morphin;0,750\n")],
                                arguments: ["inspect", "eu.csv", "--kind", "usage"],
                                expectation: .inspected(says: ["Menge: number (decimal comma), 100% of 3 values read", "flags: --decimal-comma", "    decimal: comma\n"])))

        return cases
    }
}
