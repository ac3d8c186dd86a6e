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
///
/// The set alone forgets the order, which sometimes carries the meaning: SAP's `Price Unit`
/// (the 1 or 100 units a price is quoted for) has the words of `Unit Price`, and was mapped as
/// the price (a reviewer's case: spend 2,050 for 1,825, unit costs of 100 for 1.25). So the
/// header also keeps its `head`, the noun it names (`HeaderHead`), and says whether it is
/// written as money (`isMoney`: `On Hand $`, `Ext Cost`) or as a count of units
/// (`isQuantity`: `On Hand Qty`, `Price Unit`).
struct HeaderWords: Hashable, Sendable {
    let words: Set<String>
    /// The noun the header names (`HeaderHead`), nil when it has no word.
    let head: String?
    /// A currency sign (`$`, `€`, `£`, `¥`) is in the header.
    let hasCurrencySign: Bool

    init(_ header: String) {
        var words = Set<String>()
        var ordered: [(word: String, inParentheses: Bool)] = []
        var current = ""
        var previousWasLower = false
        var depth = 0
        var sign = false
        func flush() {
            guard !current.isEmpty else { return }
            let word = HeaderWords.expanded(current.lowercased())
            if !HeaderWords.empty.contains(word) { words.insert(word) }
            ordered.append((word, depth > 0))
            current = ""
        }
        for character in header {
            if character == "#" { flush(); words.insert("number"); ordered.append(("number", depth > 0)); previousWasLower = false; continue }
            if HeaderWords.currencySigns.contains(character) { sign = true }
            if character == "(" || character == "[" { flush(); depth += 1 }
            if character == ")" || character == "]" { flush(); depth = max(0, depth - 1) }
            // `Cost/Unit` is a cost per unit.
            if character == "/" { flush(); ordered.append(("per", depth > 0)) }
            guard character.isLetter || character.isNumber else { flush(); previousWasLower = false; continue }
            if character.isUppercase && previousWasLower { flush() }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        flush()
        self.words = words
        self.head = HeaderHead(ordered.filter { !$0.inParentheses }.map(\.word)).noun
        hasCurrencySign = sign
    }

    var isEmpty: Bool { words.isEmpty }

    /// Written as money: a currency sign, or a money word (`Amt On Hand`, `On Hand Value`,
    /// `Ext Cost`) without a word of quantity. Such a column holds dollars, and read as a
    /// quantity it counts each dollar as a unit (`On Hand $` of 500 for 40 units at $12.50).
    var isMoney: Bool {
        hasCurrencySign || (!words.isDisjoint(with: HeaderWords.moneyWords) && !isQuantity)
    }

    /// Written as a count of units: `Qty`, `Quantity`, `Count`, or a header naming units
    /// (`On Hand Units`, `Price Unit`, `Price Per`: the quantity a price is for).
    var isQuantity: Bool {
        !words.isDisjoint(with: ["quantity", "count"]) || head == "unit"
    }

    /// Written as a line's total, quantity x unit price (`Ext Cost`, `Extended Price`, `Total
    /// Cost`, `Ext Amount`), unless it names a unit (`Total Unit Cost`, `Ext Price Each`).
    var isLineTotal: Bool {
        !words.isDisjoint(with: ["extended", "total"]) && words.isDisjoint(with: ["unit", "each"])
    }

    /// Whether a header with these words may be read as one with `name`'s words: the same
    /// words, and, when both name a measure (`HeaderHead.measures`), the same one: `Price
    /// Unit` is a unit and `Unit Price` a price, while `Qty Received` is `Received Qty`.
    func matches(_ name: HeaderWords) -> Bool {
        words == name.words && HeaderWords.sameMeasure(head, name.head)
    }

    /// Whether `name`'s words are among these with more beside (`Extended Cost` holds `Cost`),
    /// naming the same measure when both name one (`Price Unit` does not hold a `Price`).
    func resembles(_ name: HeaderWords) -> Bool {
        name.words.isStrictSubset(of: words) && HeaderWords.sameMeasure(head, name.head)
    }

    static func sameMeasure(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, HeaderHead.measures.contains(a), HeaderHead.measures.contains(b) else { return true }
        return a == b
    }

    static let currencySigns: Set<Character> = ["$", "€", "£", "¥"]

    /// Words of money.
    static let moneyWords: Set<String> = ["amount", "value", "dollar", "cost", "price", "spend", "extended", "valuation"]

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
        "exp": "expiry", "expiration": "expiry", "expire": "expiry", "mfg": "manufacture", "mfr": "manufacture",
        "pt": "patient", "ot": "overtime", "emp": "employee", "ee": "employee",
        "dt": "date", "yr": "year", "fy": "fiscal", "acct": "account", "gl": "account",
        "vol": "volume", "bud": "budget", "bgt": "budget", "budgeted": "budget", "act": "actual",
        "min": "minimum", "max": "maximum",
        "cat": "category", "uom": "uom", "um": "uom",
        "ext": "extended", "eff": "effective", "thru": "through", "beg": "begin", "val": "value",
        "cnt": "count",
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
