import Tabular

/// The census's unit names, found from how other exports (targets, timekeeping) spell them,
/// ignoring case and runs of spaces: "4 WEST" is the census's "4 West". Systems disagree on
/// case far more often than two units differ only by it, and an exact match dropped the unit
/// from the plan without a word; matches that needed the leniency are kept to be reported.
public struct UnitNames: Sendable {
    private var byKey: [String: String] = [:]
    /// Census names, sorted, for messages.
    public let names: [String]

    public init(census: some Sequence<String>) {
        var byKey: [String: String] = [:]
        // A census repeats each name on every day: each distinct spelling is folded once, in
        // the order first seen (the first spelling of a key wins).
        var seen = Set<String>()
        for name in census where seen.insert(name).inserted {
            let key = name.matchKey()
            if byKey[key] == nil { byKey[key] = name }
        }
        self.byKey = byKey
        names = Set(byKey.values).sorted()
    }

    /// The census's spelling of `name`, or nil when the census has no such unit.
    public func censusName(for name: String) -> String? { byKey[name.matchKey()] }
}
