import Tabular

/// The import's check of an input kind's unique key: remembers the line of each key seen and
/// names it when the key comes again, so the rejects file shows both rows of a duplicate.
struct UniqueRows {
    let key: InputSchema.UniqueKey?
    /// Positions of the key's roles among the imported columns (roles the file lacks left out).
    let indices: [Int]
    let names: [String]
    /// Exact keys as the import's interned text ids (no String per row); others as match keys.
    private var seenIDs: [[Int]: Int] = [:]
    private var seenText: [String: Int] = [:]
    /// Match keys per key role and interned id: a unit's name is folded once, not on every row.
    private var matchKeys: [[Int: String]]
    /// Per key role: compared byte for byte (its interned id) even when the key ignores case.
    private let exact: [Bool]
    /// Per key role: its other spellings of one name, if any (`UniqueKey.spellings`).
    private let spelling: [(@Sendable (String) -> String?)?]

    /// The position of the key's `onlyWith` role, whose empty value exempts a row.
    let requiredIndex: Int?

    init(_ key: InputSchema.UniqueKey?, present: [String]) {
        var found = (key?.roles ?? []).compactMap { role in present.firstIndex(of: role).map { (role, $0) } }
        requiredIndex = key?.onlyWith.flatMap { present.firstIndex(of: $0) }
        // A file without the role the key needs has no key to check.
        if key?.onlyWith != nil && requiredIndex == nil { found = [] }
        self.key = key
        indices = found.map(\.1)
        names = found.map(\.0)
        matchKeys = Array(repeating: [:], count: found.count)
        exact = found.map { key?.exactRoles.contains($0.0) ?? false }
        spelling = found.map { key?.spellings[$0.0] }
    }

    var isActive: Bool { !indices.isEmpty }

    /// Why the row on `line` is a duplicate, or nil (and its key remembered).
    /// - Parameters:
    ///   - ids: the row's value as an id per imported column (-1 for empty): interned text
    ///     ids, days, or numbers' bit patterns.
    ///   - values: the text of an imported column, for match keys and the message.
    mutating func problem(ids: (Int) -> Int, values: (Int) -> String, line: Int) -> String? {
        guard let key, isActive else { return nil }
        if let requiredIndex, ids(requiredIndex) < 0 { return nil }
        let first: Int?
        if key.ignoringCase {
            var normalized = ""
            for (n, index) in indices.enumerated() {
                if n > 0 { normalized += CompositeKey.separatorText }
                let id = ids(index)
                if exact[n] {
                    normalized += String(id)
                } else if id >= 0, let known = matchKeys[n][id] {
                    normalized += known
                } else {
                    let folded = spelling[n]?(values(index)) ?? values(index).matchKey()
                    if id >= 0 { matchKeys[n][id] = folded }
                    normalized += folded
                }
            }
            first = seenText[normalized]
            if first == nil { seenText[normalized] = line }
        } else {
            let exact = indices.map { ids($0) }
            first = seenIDs[exact]
            if first == nil { seenIDs[exact] = line }
        }
        guard let first else { return nil }
        let named = zip(names, indices).map { "\($0) '\(values($1).clipped)'" }
        return "\(named.joined(separator: " and ")) already has \(key.noun) on line \(first) (\(key.why))"
    }
}
