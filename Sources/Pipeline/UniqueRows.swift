import Tabular

/// The import's check of an input kind's unique key: remembers the line of each key seen and
/// names it when the key comes again, so the rejects file shows both rows of a duplicate.
struct UniqueRows {
    let key: InputSchema.UniqueKey?
    /// Positions of the key's roles among the imported columns; empty when a role is absent.
    let indices: [Int]
    private var seen: [String: Int] = [:]

    init(_ key: InputSchema.UniqueKey?, present: [String]) {
        self.key = key
        let found = key?.roles.compactMap { present.firstIndex(of: $0) } ?? []
        indices = found.count == key?.roles.count ? found : []
    }

    var isActive: Bool { !indices.isEmpty }

    /// Why the row on `line` with these key values is a duplicate, or nil (and remembered).
    mutating func problem(_ values: [String], line: Int) -> String? {
        guard let key else { return nil }
        let normalized = values.map { $0.matchKey() }.joined(separator: "\u{1F}")
        if let first = seen[normalized] {
            let named = zip(key.roles, values).map { "\($0) '\($1.count > 40 ? String($1.prefix(37)) + "..." : $1)'" }.joined(separator: " and ")
            return "\(named) already has \(key.noun) on line \(first) (\(key.why))"
        }
        seen[normalized] = line
        return nil
    }
}
