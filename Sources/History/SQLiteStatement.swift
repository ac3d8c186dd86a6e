import CSQLite

/// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
/// Prepared once and reset between rows, so a batch of inserts parses its SQL once.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(statement, index, Int64(value)))
    }

    /// NaN (an interval a model did not give) is stored as NULL.
    func bind(_ index: Int32, _ value: Double) throws {
        try check(value.isNaN ? sqlite3_bind_null(statement, index) : sqlite3_bind_double(statement, index, value))
    }

    func bind(_ index: Int32, _ value: String?) throws {
        guard let value else { return try check(sqlite3_bind_null(statement, index)) }
        try check(sqlite3_bind_text(statement, index, value, -1, qm_sqlite_transient()))
    }

    /// Advances to the next row; false when there is none (or the statement wrote).
    @discardableResult
    func step() throws -> Bool {
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw connection.failure(status)
    }

    /// Ready for the next set of bindings.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// NULL reads as NaN.
    func double(_ column: Int32) -> Double {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? .nan : sqlite3_column_double(statement, column)
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }

    /// The column's UTF-8 bytes, valid until the next step: for comparing keys without
    /// making a String per row.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
    }

    private func check(_ status: Int32) throws {
        if status != SQLITE_OK { throw connection.failure(status) }
    }
}
