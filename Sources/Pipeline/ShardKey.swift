import Tabular

/// `--shard K/N` on a planning command: the rows of an imported table whose key hashes into
/// shard K. The key is the row's values of `columns` joined by the unit separator (0x1F), so a
/// one-column key hashes exactly as `forecast --shard` hashes a series name: reorder's shard K
/// holds the same items as the forecast's shard K, and two-part keys (department and account)
/// cannot collide by concatenation.
public struct ShardKey: Sendable, Equatable {
    public var shard: Shard
    public var columns: [String]
    /// Hash each value's `matchKey()` (case and runs of spaces ignored), for keys the command
    /// matches that way: staffing reads `4 WEST` in the targets as the census's `4 West`, and
    /// hashed as written the two went to different shards, the unit planned in neither.
    public var folded: Bool
    /// Text columns kept whole beside the shard's rows (`Table.unshardedTexts`), for what is
    /// read across shards: the budget's account behaviors, which give an unbudgeted line of the
    /// account its behavior (`BudgetLedger.settleBehaviors`) in whichever shard it falls.
    public var wholeColumns: [String] = []

    public init(shard: Shard, columns: [String], folded: Bool = false) {
        self.shard = shard
        self.columns = columns
        self.folded = folded
    }

    /// Which rows of `table` the shard keeps.
    public func rows(of table: Table) throws -> [Bool] {
        let keys = try columns.map { name in
            guard let values = table.texts(name) else {
                throw PipelineError(location: nil, "--shard needs the column '\(name)'; the table has \(table.names.joined(separator: ", "))")
            }
            return values
        }
        var foldedKeys = KeyCache()
        return (0..<table.rowCount).map { row in
            var key = CompositeKey.joined(keys.map { folded ? foldedKeys.key($0[row]) : $0[row] })
            return key.withUTF8 { shard.contains(key: $0) }
        }
    }
}
