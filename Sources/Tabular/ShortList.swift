extension Array where Element == String {
    /// The first `limit` names joined with commas, then ", ..." when some were left out: the
    /// way notes and errors name a few of many (`A100, B200, ...`). `total` is how many there
    /// are when the array holds only examples of them.
    public func listed(upTo limit: Int = .max, of total: Int? = nil) -> String {
        prefix(limit).joined(separator: ", ") + ((total ?? count) > Swift.min(limit, count) ? ", ..." : "")
    }
}
