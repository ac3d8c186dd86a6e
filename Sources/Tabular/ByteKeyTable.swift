#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings (series keys such as item numbers) to dense integer ids.
///
/// Creating a Swift `String` per row just to look it up costs more than the rest of the
/// row's parsing; hashing the field bytes in place does not allocate at all. Lookups are
/// bound by memory latency (a 20,000-item table is bigger than L2), so each slot holds the
/// key's first 16 bytes, its length and its id side by side: a hit on a short key such as
/// an item number costs one cache line, not three (slot, key offsets, key bytes).
public struct ByteKeyTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing, `slotWords` words a slot: tag (upper 32 bits of the hash) | id + 1
    /// (0 = empty), the key's length, and its first 16 bytes zero-padded.
    private var slots: [UInt64]
    private var mask: Int
    public private(set) var count = 0
    private static let slotWords = 4

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size * ByteKeyTable.slotWords)
        mask = size - 1
    }

    /// A key's first 16 bytes as two words (see `ShortBytes`) and its hash.
    ///
    /// The hash only places keys in this table (ids are dense in insertion order), so it
    /// may differ from `StableHash`, which shards rely on; a few multiplies on whole words
    /// are much cheaper than FNV's one multiply per byte.
    @inline(__always)
    static func words(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64) {
        let n = key.count
        let (w0, w1) = ShortBytes.words(key)
        var h = (w0 ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        h ^= (w1 ^ UInt64(n)) &* 0x94D0_49BB_1331_11EB
        if n > 16 { h ^= StableHash.fnv1a(UnsafeBufferPointer(rebasing: key[16...])) }
        h ^= h >> 31
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return (w0, w1, h)
    }

    /// A key of at most 16 bytes held in two words with its hash: enough to intern it after
    /// the row it came from is gone, so rows can be interned a batch at a time.
    public struct InlineKey: Sendable {
        let w0: UInt64, w1: UInt64, hash: UInt64, length: UInt64

        /// Nil for keys longer than 16 bytes, which `intern(_:)` takes directly.
        @inline(__always)
        public init?(_ key: UnsafeBufferPointer<UInt8>) {
            guard key.count <= 16 else { return nil }
            (w0, w1, hash) = ByteKeyTable.words(key)
            length = UInt64(key.count)
        }
    }

    /// The id of `key`, adding it when new.
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let (w0, w1, hash) = ByteKeyTable.words(key)
        let (id, slot) = find(w0, w1, hash, UInt64(key.count), tail: key)
        if let id { return id }
        return add(key, w0, w1, hash, at: slot)
    }

    /// The ids of a batch of short keys, in order (new keys get ids in batch order).
    ///
    /// One tight loop over independent lookups lets the processor overlap their cache
    /// misses, which a lookup between a row's parsing and the next row's cannot.
    public mutating func intern(_ batch: UnsafeBufferPointer<InlineKey>, ids: UnsafeMutablePointer<Int>) {
        for (i, key) in batch.enumerated() {
            let (id, slot) = find(key.w0, key.w1, key.hash, key.length, tail: nil)
            if let id {
                ids[i] = id
            } else {
                var words = (key.w0, key.w1)
                ids[i] = withUnsafeBytes(of: &words) { bytes in
                    add(UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[0..<Int(key.length)]), key.w0, key.w1, key.hash, at: slot)
                }
            }
        }
    }

    /// The id of a key, or nil and the empty slot where it belongs. `tail` is the whole key
    /// when it is longer than 16 bytes (its first 16 are compared in the slot).
    @inline(__always)
    private func find(_ w0: UInt64, _ w1: UInt64, _ hash: UInt64, _ length: UInt64, tail: UnsafeBufferPointer<UInt8>?) -> (Int?, Int) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let at = slot * ByteKeyTable.slotWords
                let entry = slots[at]
                if entry == 0 { return (nil, slot) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag && slots[at + 1] == length && slots[at + 2] == w0 && slots[at + 3] == w1 {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    if length <= 16 || sameTail(id, tail!) { return (id, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ w0: UInt64, _ w1: UInt64, _ hash: UInt64, at slot: Int) -> Int {
        let id = count
        count += 1
        arena.append(contentsOf: key)
        starts.append(arena.count)
        place(id: id, tag: hash & 0xFFFF_FFFF_0000_0000, length: UInt64(key.count), w0: w0, w1: w1, at: slot)
        if count * 2 > slots.count / ByteKeyTable.slotWords { grow() }
        return id
    }

    /// Bytes 16... of a long key against the stored ones (the first 16 matched in the slot).
    private func sameTail(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            let start = starts[id]
            return memcmp(arena.baseAddress! + start + 16, key.baseAddress! + 16, key.count - 16) == 0
        }
    }

    private mutating func place(id: Int, tag: UInt64, length: UInt64, w0: UInt64, w1: UInt64, at slot: Int) {
        let at = slot * ByteKeyTable.slotWords
        slots[at] = tag | UInt64(id + 1)
        slots[at + 1] = length
        slots[at + 2] = w0
        slots[at + 3] = w1
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = [UInt64](repeating: 0, count: size * ByteKeyTable.slotWords)
        mask = size - 1
        let arena = self.arena, starts = self.starts
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]])
                let (w0, w1, hash) = ByteKeyTable.words(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot * ByteKeyTable.slotWords] != 0 { slot = (slot + 1) & mask }
                place(id: id, tag: hash & 0xFFFF_FFFF_0000_0000, length: UInt64(key.count), w0: w0, w1: w1, at: slot)
            }
        }
    }

    /// The key bytes of `id`, handed to `body`.
    public func withKey<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { a in
            try body(UnsafeBufferPointer(rebasing: a[starts[id]..<starts[id + 1]]))
        }
    }

    public func key(_ id: Int) -> String { withKey(id) { String(decoding: $0, as: UTF8.self) } }

    /// Ids ordered by their key bytes (UTF-8 byte order, which is code point order).
    public func idsSortedByKey() -> [Int] {
        arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return Array(0..<count) }
            return (0..<count).sorted { x, y in
                let xs = starts[x], xl = starts[x + 1] - xs
                let ys = starts[y], yl = starts[y + 1] - ys
                let c = memcmp(base + xs, base + ys, min(xl, yl))
                return c != 0 ? c < 0 : xl < yl
            }
        }
    }
}

/// A hash of key bytes that is the same on every machine, run and Swift version
/// (unlike `Hasher`, which is seeded per process), so shards and orders are reproducible.
public enum StableHash {
    /// FNV-1a's starting value, before any byte.
    public static let start: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a's step: the hash after one more byte.
    @inlinable @inline(__always)
    public static func adding(_ b: UInt8, to h: UInt64) -> UInt64 { (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }

    /// The step with ASCII letters in upper case: `ab-7` and `AB-7` hash alike, as item codes
    /// that differ only in case are one item (`Shard`).
    @inlinable @inline(__always)
    public static func addingIgnoringCase(_ b: UInt8, to h: UInt64) -> UInt64 { adding(b &- 97 < 26 ? b &- 32 : b, to: h) }

    @inlinable
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = start
        for b in bytes { h = adding(b, to: h) }
        return h
    }
}
