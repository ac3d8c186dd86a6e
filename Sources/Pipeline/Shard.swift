import Tabular

/// `--shard K/N`: keeps the series whose stable key hash falls in shard K (1-based), so
/// N machines can split a run and the union of their outputs equals the unsharded output.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw UsageError("--shard K/N needs 1 <= K <= N, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw UsageError("--shard must look like K/N (e.g. 2/8), not '\(text)'")
        }
        try self.init(index: k, count: n)
    }

    /// A key's leading number hashes without its leading zeros, in each part of a composite
    /// key, and letters hash in any case: the usage's `37` and the item master's `00037` are
    /// one item, as `ab-7` and `AB-7` are (`ItemCodeMatch`), and in two shards each shard
    /// planned half of them on the other half's rows (items used daily planned as dead stock);
    /// the budget's cost centre `06010` and the ledger's `6010` are one (`NameSpellings`), and
    /// in different shards each read the other's line as unbudgeted.
    /// A key that is not ASCII hashes in Unicode's upper case (`PARACÉTAMOL` is `Paracétamol`,
    /// as `ItemCodeMatch` reads it); an ASCII key costs nothing more.
    public func contains(key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 1 else { return true }
        let h = Shard.hash(key, asciiOnly: true) ?? Array(String(decoding: key, as: UTF8.self).uppercased().utf8).withUnsafeBufferPointer {
            Shard.hash($0, asciiOnly: false)!
        }
        return Int(h % UInt64(count)) == index - 1
    }

    /// The hash of a key, its parts' leading zeros left out and ASCII letters in any case; nil
    /// at a byte that is not ASCII when `asciiOnly`.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, asciiOnly: Bool) -> UInt64? {
        var h = StableHash.start
        var i = 0, partStart = true
        while i < key.count {
            let b = key[i]
            if asciiOnly && b >= 0x80 { return nil }
            // A 0 that starts a part, or follows its zeros, before another digit.
            if partStart && b == 0x30 && i + 1 < key.count && key[i + 1] >= 0x30 && key[i + 1] <= 0x39 { i += 1; continue }
            partStart = b == CompositeKey.separator
            h = StableHash.addingIgnoringCase(b, to: h)
            i += 1
        }
        return h
    }

    public var description: String { "\(index)/\(count)" }
}
