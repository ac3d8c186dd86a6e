import Testing
@testable import Tabular

/// The buyer's second review, defect 5: one vendor spelled with and without its legal suffix.
@Suite struct VendorNameKeyTests {
    /// Known answers: the remit-to and vendor-master spellings of one company are one key; a
    /// name that is only a suffix keeps it; other words are not dropped. Compared by case and
    /// spaces only (`matchKey`), `Bard, Inc.` and `Bard` were two vendors.
    @Test func legalSuffixesAndPunctuationFold() {
        #expect("Medline Industries, Inc.".vendorKey() == "medline industries")
        #expect("MEDLINE INDUSTRIES INC".vendorKey() == "medline industries")
        #expect("Medline Industries".vendorKey() == "medline industries")
        #expect("Bard, Inc.".vendorKey() == "bard")
        #expect("BARD INC".vendorKey() == "bard")
        #expect("Owens & Minor Co., L.L.C.".vendorKey() == "owens minor")
        #expect("Cardinal Health Ltd".vendorKey() == "cardinal health")
        #expect("B. Braun Medical GmbH".vendorKey() == "b braun medical")
        #expect("Inc".vendorKey() == "inc")
        #expect("Medline".vendorKey() == "medline")
        #expect("Medline Industries".vendorKey() != "Medline".vendorKey())
        #expect("Bard, Inc.".matchKey() != "Bard".matchKey())
        var names = NameSpellings(foldsCorporateSuffixes: true)
        names.insert("Medline Industries")
        #expect(names.spelling(of: "MEDLINE INDUSTRIES INC") == "Medline Industries")
        #expect(!names.isExact("MEDLINE INDUSTRIES INC"))
        #expect(NameSpellings(["Medline Industries"]).spelling(of: "Medline Industries, Inc.") == nil)
    }

    /// A purchasing review, item 2: `&` was read as a space but the word `and` kept, so
    /// `Owens & Minor` and `OWENS AND MINOR INC` were two vendors. `and` joining two words is
    /// `&`; inside a word (`Anderson`, `Andover`) or at either end of the name it stays.
    @Test func ampersandAndTheWordAndFoldAlike() {
        #expect("OWENS AND MINOR INC".vendorKey() == "Owens & Minor".vendorKey())
        #expect("Johnson and Johnson".vendorKey() == "Johnson & Johnson".vendorKey())
        #expect("Becton, Dickinson and Co.".vendorKey() == "Becton Dickinson & Co".vendorKey())
        #expect("Owens & Minor".vendorKey() == "owens minor")
        #expect("Anderson Medical".vendorKey() == "anderson medical")
        #expect("Andover Healthcare".vendorKey() == "andover healthcare")
        #expect("And Medical".vendorKey() == "and medical")
        #expect("Supply And".vendorKey() == "supply and")
        #expect("Anderson Medical".vendorKey() != "Medical".vendorKey())
    }
}
