/// A copy of a record kept past the closure it was handed to, so that the import can reject
/// it once the whole file is read (`LateRejection`): whether a row named `Total Hip Kit` is a
/// subtotal is known only from all of that item's rows (`SubtotalCheck`), and by then the
/// reader's buffer holds other lines. Only such rows are copied.
public struct HeldRecord: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]
    private let ends: [Int]
    /// The record's physical line, for the rejects file and messages.
    public let line: Int

    public init(_ record: CSVRecord) {
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = []
        for k in 0..<record.count {
            starts.append(bytes.count)
            bytes.append(contentsOf: record[k])
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.line = record.line
    }

    /// Calls `body` with the copy as a record, valid only inside it, as a read one is.
    func withRecord<R>(_ body: (CSVRecord) throws -> R) rethrows -> R {
        // A record of empty fields only still needs a pointer to point at.
        let storage = bytes.isEmpty ? [0] : bytes
        return try storage.withUnsafeBufferPointer { b in
            try starts.withUnsafeBufferPointer { s in
                try ends.withUnsafeBufferPointer { e in
                    try body(CSVRecord(bytes: b.baseAddress!, starts: s.baseAddress ?? UnsafePointer(bitPattern: 8)!, ends: e.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: starts.count, line: line))
                }
            }
        }
    }
}
