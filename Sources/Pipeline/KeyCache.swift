import Tabular

/// Match keys (case and spacing ignored) computed once per distinct spelling: exports repeat
/// a few hundred units, locations or shift names on millions of rows, and `matchKey()`
/// allocates a String per value.
struct KeyCache {
    private var known: [String: String] = [:]

    mutating func key(_ name: String) -> String {
        if let k = known[name] { return k }
        let k = name.matchKey()
        known[name] = k
        return k
    }

    /// The keys of every spelling seen so far.
    var keys: Set<String> { Set(known.values) }
}
