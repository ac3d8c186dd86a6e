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
}
