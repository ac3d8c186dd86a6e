import Testing
@testable import Tabular

extension ByteKeyTable {
    mutating func intern(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { intern($0) }
    }
    mutating func intern(bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { intern($0) }
    }
}

@Suite("ByteKeyTable")
struct ByteKeyTableTests {
    @Test func denseIdsAndSameIdForEqualBytes() {
        var table = ByteKeyTable()
        #expect(table.intern("b") == 0)
        #expect(table.intern("a") == 1)
        #expect(table.intern("b") == 0)
        #expect(table.intern("c") == 2)
        #expect(table.intern("a") == 1)
        #expect(table.count == 3)
        #expect(table.key(0) == "b")
        #expect(table.key(1) == "a")
        #expect(table.key(2) == "c")
    }

    @Test func keysDifferingInLengthOrCaseAreDistinct() {
        var table = ByteKeyTable()
        let ids = ["", "a", "A", "a ", "ab", ""].map { table.intern($0) }
        #expect(ids == [0, 1, 2, 3, 4, 0])
        #expect(table.count == 5)
        #expect(table.key(0) == "")
    }

    @Test func sortedByteOrder() {
        var table = ByteKeyTable()
        // ids:        0    1     2   3    4     5     6      7
        for key in ["b", "a", "ab", "", "B", "é", "z", "a\u{0}"] { _ = table.intern(key) }
        // "" < "B" (0x42) < "a" (0x61) < "a\0" < "ab" < "b" < "z" (0x7A) < "é" (0xC3 0xA9)
        #expect(table.idsSortedByKey() == [3, 4, 1, 7, 2, 0, 6, 5])
    }

    @Test func sortsPrefixesBeforeLongerKeys() {
        var table = ByteKeyTable()
        for key in ["item-10", "item-1", "item-100", "item-2"] { _ = table.intern(key) }
        #expect(table.idsSortedByKey().map { table.key($0) } == ["item-1", "item-10", "item-100", "item-2"])
    }

    /// Slots hold a key's first 16 bytes in two words: keys of every length around the 8- and
    /// 16-byte edges, and long keys differing only after byte 16, must stay distinct.
    @Test func keysAroundTheInlineWordEdgesAreDistinct() {
        var table = ByteKeyTable(capacity: 1)
        var keys: [String] = []
        for length in 0...40 {
            let base = String(repeating: "x", count: length)
            keys.append(base)
            if length > 0 { keys.append(String(base.dropLast()) + "y") }
            if length > 1 { keys.append("y" + base.dropFirst()) }
        }
        keys.append("\u{0}")
        keys.append("\u{0}\u{0}")
        let ids = keys.map { table.intern($0) }
        #expect(Set(ids).count == keys.count)
        #expect(keys.map { table.intern($0) } == ids)
        #expect(ids.map { table.key($0) } == keys)
    }

    @Test func emptyTable() {
        let table = ByteKeyTable()
        #expect(table.count == 0)
        #expect(table.idsSortedByKey() == [])
    }

    @Test func manyKeysGrowTheTable() {
        var table = ByteKeyTable(capacity: 1)
        let n = 50_000
        for i in 0..<n { #expect(table.intern("item-\(i)") == i, "first intern of item-\(i)") }
        #expect(table.count == n)
        var mismatches = 0
        for i in stride(from: n - 1, through: 0, by: -1) where table.intern("item-\(i)") != i { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(table.count == n)
        #expect(table.key(12_345) == "item-12345")
        #expect(table.withKey(49_999) { $0.count } == 10)
        let sorted = table.idsSortedByKey()
        #expect(sorted.count == n)
        #expect(sorted.first == 0)                         // "item-0"
        #expect(sorted.last == 9_999)                      // "item-9999" sorts after "item-49999"
    }

    @Test func stableHashIsFNV1a() {
        func hash(_ text: String) -> UInt64 {
            var text = text
            return text.withUTF8 { StableHash.fnv1a($0) }
        }
        // Published FNV-1a 64-bit test vectors.
        #expect(hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
