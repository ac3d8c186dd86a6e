/// A row the run accepted and then rejects once the whole file is read (`TableImport.run`'s
/// `atEnd`): a subtotal is told from an item named like one only by all of the item's rows
/// (`SubtotalCheck`). It is counted and written to the rejects as any rejected row, after
/// the rows rejected while reading, under its own line number.
public struct LateRejection: Sendable {
    public var record: HeldRecord
    /// The column at fault (a header index), as `RowRejection.column`.
    public var column: Int?
    public var reason: String

    public init(record: HeldRecord, column: Int?, reason: String) {
        self.record = record
        self.column = column
        self.reason = reason
    }
}
