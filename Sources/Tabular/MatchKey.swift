extension StringProtocol {
    /// The text as a key for matching names that different exports spell differently: lower
    /// case, runs of white space as one space, none at either end. "4 WEST", " 4  West" and
    /// "4 west" are one unit; an exact comparison dropped such rows without a word.
    public func matchKey() -> String {
        var key = ""
        key.reserveCapacity(utf8.count)
        var space = false
        for ch in self {
            if ch.isWhitespace {
                space = !key.isEmpty
                continue
            }
            if space { key.append(" "); space = false }
            key += ch.lowercased()
        }
        return key
    }
}
