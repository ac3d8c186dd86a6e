import Testing
@testable import Pipeline

/// Shards of item codes that differ only in leading zeros: one item, one shard.
@Suite struct ShardHashTests {
    func shardOf(_ key: String, count: Int = 7) throws -> Int {
        var key = key
        for k in 1...count where try key.withUTF8({ try Shard(parsing: "\(k)/\(count)").contains(key: $0) }) { return k }
        return 0
    }

    /// `37`, `037` and `00037` land in one shard (the item master's `00037` and a usage export's
    /// `37` are one item, read so by `ItemCodeMatch`); `0` and `000` too. Other keys are
    /// hashed with their zeros where no number leads, so `A037` and `A37` may part.
    @Test func allDigitKeysShardWithoutLeadingZeros() throws {
        for n in [37, 120, 9_001, 41_000] {
            let shard = try shardOf(String(n))
            #expect(shard > 0)
            #expect(try shardOf("0" + String(n)) == shard && shardOf("000" + String(n)) == shard)
        }
        #expect(try shardOf("0") == shardOf("000"))
        #expect(try (1...40).contains { try shardOf("A0\($0)") != shardOf("A\($0)") })
    }

    /// Each part of a composite key sheds its leading number's zeros: the budget's `06010` and
    /// the ledger's `6010` are one cost centre, and in different shards each read the other's line
    /// as unbudgeted (the diff review's case, when variance sharded by department and account).
    @Test func eachPartOfACompositeKeyShedsLeadingZeros() throws {
        for n in 2...7 {
            for code in ["6010", "6020", "6030 ICU", "7"] {
                #expect(try shardOf("0\(code)\u{1F}Supplies", count: n) == shardOf("\(code)\u{1F}Supplies", count: n))
                #expect(try shardOf("ICU\u{1F}00\(code)", count: n) == shardOf("ICU\u{1F}\(code)", count: n))
            }
        }
    }

    /// A pharmacy buyer's review: the 10- and 11-digit forms of one NDC, `0409-1111-01` and
    /// `00409-1111-01`, are one item (`ItemCodeMatch.value` drops the zeros of the leading
    /// number, as the shard hash does), so a drug in use is not planned as dead stock, and
    /// both land in one shard. Zeros after the leading number stay (`ABC-07` is not `abc-7`).
    @Test func aDashedCodesLeadingZerosAreOneItemAndOneShard() throws {
        #expect(ItemCodeMatch.value("0409-1111-01") == ItemCodeMatch.value("00409-1111-01"))
        #expect(ItemCodeMatch.value("0409-1111-01") == "409-1111-01" && ItemCodeMatch.value("000") == "0" && ItemCodeMatch.value("0900") == "900")
        #expect(ItemCodeMatch.value("abc-07") == "ABC-07" && ItemCodeMatch.value("ABC-7") != ItemCodeMatch.value("ABC-07"))
        for n in 2...7 { #expect(try shardOf("0409-1111-01", count: n) == shardOf("00409-1111-01", count: n)) }
        // A code with the digits of a planned item, written otherwise, is said to be it.
        let note = ReorderJob.usedWithoutStockNote(["00409-4888-01"], planned: ["409488801", "12"])
        #expect(note.hasSuffix("00409-4888-01 has the digits of 409488801: if they are one item, write the code one way in every file."), "\(note)")
    }

    /// `ab-7` and `AB-7` are one item too (`ItemCodeMatch`): one shard, whatever the case of
    /// their ASCII letters.
    @Test func lettersShardInAnyCase() throws {
        for code in ["ab-7", "Gauze 4x4", "kit-xl", "Z9"] {
            #expect(try shardOf(code) == shardOf(code.uppercased()) && shardOf(code) == shardOf(code.lowercased()), "\(code)")
        }
    }
}
