/// A vendor's name as a key for matching the spellings ERPs give one company: the match key
/// (case and runs of spaces ignored, `matchKey`) with punctuation folded and a trailing legal
/// suffix dropped, so `Medline Industries, Inc.`, `MEDLINE INDUSTRIES INC` and `Medline
/// Industries` are one vendor (the vendor master's name beside the remit-to name). Kept
/// apart, the suffixed line was called off contract ($200), its $10 overpayment missed, the
/// scorecard split in two, and reorder saw 3 of an item's 5 receipts from `Bard` (`Bard, Inc.`
/// and `BARD INC` another vendor's), kept the item master's 10-day lead time for an observed 3
/// and ordered 70 units ($280) where 0 was right. `&` and the word `and` between two words are
/// one joining word (`Owens & Minor`, `OWENS AND MINOR INC`): ERPs write either, and kept
/// apart the `AND` line's $1,000 was called off contract and its $100 overpayment missed.
public enum VendorNameKey {
    /// Legal suffixes dropped from a name's end (after periods are removed: `L.L.C.` is `llc`).
    /// A name that is only a suffix (`Inc`) keeps it.
    public static let corporateSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "lp", "plc", "gmbh",
    ]

    /// The key of `name`: lower case; periods and apostrophes removed (`L.L.C.`, `Co.`);
    /// other punctuation (`,`, `-`, `&`, `/`) read as a space; the word `and` dropped where it
    /// joins two words, as `&` is (not at either end, nor inside a word: `Anderson`,
    /// `Andover`); runs of spaces as one; trailing corporate suffixes dropped while a word is
    /// left before them.
    public static func key(_ name: some StringProtocol) -> String {
        var words: [String] = []
        var word = ""
        for ch in name.matchKey() {
            if ch == "." || ch == "'" || ch == "\u{2019}" { continue }
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.count > 2 {
            words = words.indices.compactMap { i in
                words[i] == "and" && i > 0 && i < words.count - 1 ? nil : words[i]
            }
        }
        while words.count > 1, let last = words.last, corporateSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }
}

extension StringProtocol {
    /// The name as a vendor key (`VendorNameKey`): `Bard, Inc.` is `bard`.
    public func vendorKey() -> String { VendorNameKey.key(self) }
}
