/// Bounds that keep a hostile or broken file from exhausting memory.
///
/// Real exports stay far below these; a user with an unusual file raises them explicitly.
public struct CSVLimits: Sendable, Equatable {
    /// Longest field accepted, in bytes. An unterminated quote usually trips this first.
    public var maxFieldBytes: Int
    /// Most columns accepted in one record.
    public var maxColumns: Int

    public init(maxFieldBytes: Int = 65_536, maxColumns: Int = 4_096) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
    }
}
