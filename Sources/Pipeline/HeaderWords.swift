/// A header read as a set of words, so that one synonym of a role stands for every way an ERP
/// writes it: `Qty On Order`, `On Order Qty` and `Quantity On Order` are one set, `Std Cost` is
/// `Standard Cost`, `Pkg Qty` is `Pack Qty`, `Supplier Name` is `Vendor Name`, `Crit` is
/// `Criticality`. Matched only by the exact spelling (`ExportInspection.key`), those five
/// headers of an item master and a stock count were left out of `inspect`'s map without a word
/// (a reviewer's case): pasted as suggested, reorder ordered again the 1,000 vials already on a
/// PO ($12,000), named no vendor on any line and held a vital drug to 95% instead of 99%.
///
/// Words are split at anything not a letter or digit and at a lower-to-upper change
/// (`QtyOnOrder`), lowercased, expanded from their common abbreviations, and stripped of a
/// plural `s`; `of`, `per`, `the` and `a` carry nothing. `on` is kept: `Qty On Order` is not
/// `Order Qty`.
struct HeaderWords: Hashable, Sendable {
    let words: Set<String>

    init(_ header: String) {
        var words = Set<String>()
        var current = ""
        var previousWasLower = false
        func flush() {
            guard !current.isEmpty else { return }
            let word = HeaderWords.expanded(current.lowercased())
            if !HeaderWords.empty.contains(word) { words.insert(word) }
            current = ""
        }
        for character in header {
            if character == "#" { flush(); words.insert("number"); previousWasLower = false; continue }
            guard character.isLetter || character.isNumber else { flush(); previousWasLower = false; continue }
            if character.isUppercase && previousWasLower { flush() }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        flush()
        self.words = words
    }

    var isEmpty: Bool { words.isEmpty }

    /// Words that say nothing of a column's role.
    static let empty: Set<String> = ["of", "per", "the", "a"]

    /// Abbreviations exports use, each to the one word it stands for (singular).
    static let abbreviations: [String: String] = [
        "qty": "quantity", "qnty": "quantity", "quan": "quantity",
        "std": "standard", "stnd": "standard",
        "pkg": "pack", "package": "pack", "pk": "pack",
        "crit": "criticality", "critical": "criticality",
        "amt": "amount", "desc": "description", "descr": "description",
        "hrs": "hour", "hr": "hour", "dept": "department", "loc": "location",
        "supplier": "vendor", "vend": "vendor", "vndr": "vendor", "avg": "average",
        "num": "number", "no": "number", "nbr": "number",
        "rcvd": "received", "recd": "received", "rcpt": "receipt", "recv": "received",
        "exp": "expiry", "expiration": "expiry", "mfg": "manufacture", "mfr": "manufacture",
        "pt": "patient", "ot": "overtime", "emp": "employee", "ee": "employee",
        "dt": "date", "yr": "year", "fy": "fiscal", "acct": "account", "gl": "account",
        "vol": "volume", "bud": "budget", "bgt": "budget", "budgeted": "budget", "act": "actual",
        "min": "minimum", "max": "maximum",
        "cat": "category", "uom": "uom", "um": "uom",
    ]

    static func expanded(_ word: String) -> String {
        if let long = abbreviations[word] { return long }
        // A plural `s` (`Days`, `Hours`, `Units`), not `ss` (`Class`) nor a short word (`QOH`'s kin).
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") {
            let singular = String(word.dropLast())
            return abbreviations[singular] ?? singular
        }
        return word
    }
}
