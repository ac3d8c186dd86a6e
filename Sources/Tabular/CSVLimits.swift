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

    /// How a user raises each limit, named in the messages: a flag of every command, or a
    /// parameter of a pipeline's import stage.
    static let fieldBytesOption = "--max-field-bytes (max_field_bytes: in a pipeline import)"
    static let columnsOption = "--max-columns (max_columns: in a pipeline import)"
}
