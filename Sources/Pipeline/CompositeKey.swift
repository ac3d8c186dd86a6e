/// A key made of several text fields (an item and its location, a department and an item, a
/// unit, job code and shift), joined by the unit separator 0x1F.
///
/// Exports do not use that control byte inside a field, so two different tuples never make
/// the same key ("a" + "bc" is not "ab" + "c") and a key can be split back into its parts.
/// The planning jobs build their internal keys here, so they agree with one another and
/// with `ShardKey`. (`aggregate`'s multi-column series names are output, joined by `|` for
/// people to read.)
struct CompositeKey {
    static let separator: UInt8 = 0x1F
    static let separatorText = "\u{1F}"

    /// The parts joined into one String, for keys built outside the per-row loops.
    static func joined(_ parts: String...) -> String { joined(parts) }

    static func joined(_ parts: [String]) -> String { parts.joined(separator: separatorText) }

    /// The parts of a joined key, empty parts kept; after `maxSplits` splits the rest is the
    /// last part.
    static func parts(of key: String, maxSplits: Int = .max) -> [Substring] {
        key.split(separator: Character(separatorText), maxSplits: maxSplits, omittingEmptySubsequences: false)
    }

    /// A buffer reused for every key, so the per-row loops build keys without allocating.
    private var buffer: [UInt8] = []

    init(capacity: Int = 128) { buffer.reserveCapacity(capacity) }

    /// Calls `body` with the bytes of `first` alone when `second` is nil, else of both parts
    /// joined.
    mutating func withBytes<R>(_ first: String, _ second: String?, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let second else {
            var first = first
            return try first.withUTF8(body)
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: first.utf8)
        buffer.append(CompositeKey.separator)
        buffer.append(contentsOf: second.utf8)
        return try buffer.withUnsafeBufferPointer(body)
    }
}
