/// One record of a CSV file, valid only inside the closure it is handed to.
///
/// Fields are views into the reader's buffer, so reading a record allocates nothing.
public struct CSVRecord {
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let starts: UnsafePointer<Int>
    @usableFromInline let ends: UnsafePointer<Int>
    /// Number of fields; 0 for a blank line.
    public let count: Int
    /// Physical line (1-based) where the record starts, counting newlines inside quoted fields.
    public let line: Int
    /// Set when a quoted field of the record swallowed lines that read as rows (`StrayQuote`).
    public let strayQuote: StrayQuote?

    @usableFromInline
    init(bytes: UnsafePointer<UInt8>, starts: UnsafePointer<Int>, ends: UnsafePointer<Int>, count: Int, line: Int, strayQuote: StrayQuote? = nil) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.count = count
        self.line = line
        self.strayQuote = strayQuote
    }

    public var isBlank: Bool { count == 0 }

    /// The bytes of field `index` (0-based), without quotes.
    @inlinable
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + starts[index], count: ends[index] - starts[index])
    }

    public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    public var strings: [String] { (0..<count).map(string) }
}
