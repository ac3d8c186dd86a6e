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

    /// An all-digit key hashes without its leading zeros, and letters hash in any case: the
    /// usage's `37` and the item master's `00037` are one item, as `ab-7` and `AB-7` are
    /// (`ItemCodeMatch`), and in two shards each shard planned half of them on the other
    /// half's rows (items used daily planned as dead stock).
    public func contains(key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 1 else { return true }
        var start = 0
        if !key.isEmpty && key.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            while start < key.count - 1 && key[start] == 0x30 { start += 1 }
        }
        return Int(StableHash.fnv1aIgnoringCase(UnsafeBufferPointer(rebasing: key[start...])) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
