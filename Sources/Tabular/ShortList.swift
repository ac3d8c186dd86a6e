extension Array where Element == String {
    /// The first `limit` names joined with commas, then ", ..." when some were left out: the
    /// way notes and errors name a few of many (`A100, B200, ...`). `total` is how many there
    /// are when the array holds only examples of them.
    public func listed(upTo limit: Int = .max, of total: Int? = nil) -> String {
        prefix(limit).joined(separator: ", ") + ((total ?? count) > Swift.min(limit, count) ? ", ..." : "")
    }

    /// The names joined as a sentence lists them: `'A'`, `'A' and 'B'`, `'A', 'B' and 'C'`
    /// (empty for none): how notes name the columns or days they speak of.
    public var joinedWithAnd: String {
        count <= 1 ? (first ?? "") : dropLast().joined(separator: ", ") + " and " + self[count - 1]
    }

    /// The first `limit` joined as `joinedWithAnd`, then " and 4 more" for those of `total`
    /// (all of them, by default) left out: how notes name the lines they speak of.
    public func listedWithAnd(upTo limit: Int, of total: Int? = nil) -> String {
        let all = total ?? count
        return Array(prefix(limit)).joinedWithAnd + (all > limit ? " and \(all - limit) more" : "")
    }
}
