/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// Text that a spreadsheet would run as a formula (starting with `=` `+` `-` `@`, tab or CR)
/// is prefixed with `'` unless it is a plain number, following OWASP's CSV-injection advice.
/// Numbers are written in fixed notation with at most `decimals` places, so the same value
/// always prints the same way (no `1e-05`, no `0.30000000000000004`).
public final class CSVWriter {
    private let file: AtomicFile
    private var fieldIndex = 0
    public private(set) var rowsWritten = 0

    /// Opens `path` (or `-` for standard output) and writes the header row.
    public init(path: String, header: [String]) throws {
        file = try AtomicFile(path: path)
        for name in header { try text(name) }
        try endRow()
        rowsWritten = 0
    }

    public var path: String { file.path }

    @inline(__always)
    private func separator() throws {
        if fieldIndex > 0 { try file.write(byte: UInt8(ascii: ",")) }
        fieldIndex += 1
    }

    public func text(_ value: String) throws {
        var value = value
        try value.withUTF8 { try text(bytes: $0) }
    }

    public func text(bytes: UnsafeBufferPointer<UInt8>) throws {
        try separator()
        let neutralise = CSVWriter.needsNeutralising(bytes)
        var needsQuotes = neutralise
        for b in bytes where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            try file.write(UnsafeRawBufferPointer(bytes))
            return
        }
        try file.write(byte: UInt8(ascii: "\""))
        if neutralise { try file.write(byte: UInt8(ascii: "'")) }
        for b in bytes {
            if b == UInt8(ascii: "\"") { try file.write(byte: b) }
            try file.write(byte: b)
        }
        try file.write(byte: UInt8(ascii: "\""))
    }

    /// A number in fixed notation; NaN and infinities are written as an empty cell.
    public func number(_ value: Double, decimals: Int = 6) throws {
        try separator()
        try NumberFormat.withFixed(value, decimals: decimals) { try file.write(UnsafeRawBufferPointer($0)) }
    }

    public func integer(_ value: Int) throws {
        try separator()
        try file.write(String(value))
    }

    public func empty() throws { try separator() }

    public func endRow() throws {
        try file.write(byte: 0x0A)
        fieldIndex = 0
        rowsWritten += 1
    }

    /// Moves the finished file into place.
    public func commit() throws { try file.commit() }

    /// Leaves whatever was at the path before.
    public func abandon() { file.abandon() }

    /// True for text a spreadsheet would evaluate: it starts with a formula trigger and is not just a number.
    @usableFromInline
    static func needsNeutralising(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(bytes)
        default: return false
        }
    }

    /// `-12`, `+3.5`, `-1.5e-3`: signs on numbers are data, not formulas.
    @usableFromInline
    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits = 0
        while i < bytes.count, bytes[i] &- 48 <= 9 { i += 1; digits += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, bytes[i] &- 48 <= 9 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < bytes.count, bytes[i] &- 48 <= 9 { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return false }
        }
        return i == bytes.count
    }
}
