#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings (series keys such as item numbers) to dense integer ids.
///
/// Creating a Swift `String` per row just to look it up costs more than the rest of the
/// row's parsing; hashing the field bytes in place does not allocate at all.
public struct ByteKeyTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing; each slot packs the upper 32 bits of the hash with id + 1 (0 = empty),
    /// so most mismatches are decided without touching the key bytes.
    private var slots: [UInt64]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The id of `key`, adding it when new.
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = StableHash.fnv1a(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let start = starts[id], length = starts[id + 1] - start
                            if length == key.count && (length == 0 || ByteKeyTable.same(arena.baseAddress! + start, key)) { return id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        let id = count
        count += 1
        arena.append(contentsOf: key)
        starts.append(arena.count)
        slots[slot] = tag | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < key.count {
            if a[i] != key[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]])
                let hash = StableHash.fnv1a(key)
                var slot = Int(truncatingIfNeeded: hash) & newMask
                while fresh[slot] != 0 { slot = (slot + 1) & newMask }
                fresh[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
            }
        }
        slots = fresh
        mask = newMask
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
    @inlinable
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
