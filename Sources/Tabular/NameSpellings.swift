/// One export's names (units, vendors), found from how other exports spell them, ignoring
/// case and runs of spaces (`matchKey`): the targets' "4 WEST" is the census's "4 West", the
/// orders' "Harborline Medical" the contracts' "HARBORLINE MEDICAL". Systems disagree on
/// case far more often than two units or vendors differ only by it, and an exact match
/// dropped the unit from the staffing plan, or the contract from every order, without a
/// word; callers report the matches that needed the leniency (`isExact`).
public struct NameSpellings: Sendable {
    private var byKey: [String: String] = [:]
    /// Every spelling seen, with the one kept for it: a repeated name (a census names its
    /// unit every day) is folded once.
    private var kept: [String: String] = [:]

    /// Whether a leading number's zeros are ignored too: `06010` and `6010` are one cost
    /// centre. Excel drops the zeros of a code it reads as a number, so one export of a
    /// ledger has them and the next does not; in variance the budget's 06010 was all saved
    /// (-100%) and the ledger's 6010 all unbudgeted.
    public var foldsLeadingZeros = false

    /// Whether names are vendors' (`VendorNameKey`): punctuation and a trailing legal suffix
    /// folded too, so the contracts' `Medline Industries` is the orders' `Medline Industries, Inc.`.
    public var foldsCorporateSuffixes = false

    public init(foldsLeadingZeros: Bool = false, foldsCorporateSuffixes: Bool = false) {
        self.foldsLeadingZeros = foldsLeadingZeros
        self.foldsCorporateSuffixes = foldsCorporateSuffixes
    }

    public init(_ names: some Sequence<String>, foldsLeadingZeros: Bool = false) {
        self.foldsLeadingZeros = foldsLeadingZeros
        for name in names { insert(name) }
    }

    /// Adds a spelling and returns the one kept for its key: the first seen.
    @discardableResult
    public mutating func insert(_ name: String) -> String {
        if let known = kept[name] { return known }
        let key = self.key(name)
        let first = byKey[key] ?? name
        byKey[key] = first
        kept[name] = first
        return first
    }

    private func key(_ name: String) -> String {
        let key = foldsCorporateSuffixes ? name.vendorKey() : name.matchKey()
        guard foldsLeadingZeros, key.first == "0" else { return key }
        let zeros = key.prefix { $0 == "0" }.count
        let rest = key.dropFirst(zeros)
        // A number of zeros alone keeps one; a code that is not a number ("0A") keeps its zero.
        guard let next = rest.first else { return "0" }
        return next.isASCII && next.isNumber ? String(rest) : key
    }

    /// The names as kept (the first spelling of each), sorted, for messages.
    public var names: [String] { byKey.values.sorted() }

    /// The one name here that `name` likely means although it is spelled otherwise, for a
    /// message's "did you mean": the same leading code of three digits or more (`6020 Med Surg
    /// 3 West` and `6020 Med-Surg 3W`), or letters and digits that begin the other's (`4 West`
    /// and `4 West Med-Surg`). Nil when none is, or several are.
    public func likely(for name: String) -> String? {
        func code(_ s: String) -> Substring? {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            return digits.count >= 3 ? digits : nil
        }
        func letters(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let wanted = letters(name), wantedCode = code(name)
        let found = names.filter { known in
            if let wantedCode, let other = code(known) { return wantedCode == other }
            let other = letters(known)
            return !other.isEmpty && !wanted.isEmpty && (other.hasPrefix(wanted) || wanted.hasPrefix(other))
        }
        return found.count == 1 ? found[0] : nil
    }

    /// This export's spelling of `name`, or nil when it has no such name.
    public func spelling(of name: String) -> String? { kept[name] ?? byKey[key(name)] }

    /// Whether `name` is spelled here exactly so: a match that needed no leniency.
    public func isExact(_ name: String) -> Bool { kept[name] != nil }
}
