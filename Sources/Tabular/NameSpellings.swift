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

    public init() {}

    public init(_ names: some Sequence<String>) {
        for name in names { insert(name) }
    }

    /// Adds a spelling and returns the one kept for its key: the first seen.
    @discardableResult
    public mutating func insert(_ name: String) -> String {
        if let known = kept[name] { return known }
        let key = name.matchKey()
        let first = byKey[key] ?? name
        byKey[key] = first
        kept[name] = first
        return first
    }

    /// The names as kept (the first spelling of each), sorted, for messages.
    public var names: [String] { byKey.values.sorted() }

    /// This export's spelling of `name`, or nil when it has no such name.
    public func spelling(of name: String) -> String? { kept[name] ?? byKey[name.matchKey()] }

    /// Whether `name` is spelled here exactly so: a match that needed no leniency.
    public func isExact(_ name: String) -> Bool { kept[name] != nil }
}
