import Tabular

/// Writes one export the way the fictional source system would: its own line ending,
/// optionally a UTF-8 byte-order mark or Windows-1252 text, RFC 4180 quoting, and the number shapes of that
/// system (`$1,234.50`, `1,234`, plain decimals).
///
/// Bytes go through Tabular's `AtomicFile`, so a file appears only when complete. Fields
/// are appended to a local buffer without `String` formatting, which keeps regeneration
/// fast even in a debug build. Write errors are kept and thrown by `commit()`.
final class ExportWriter {
    enum LineEnding { case lf, crlf }

    private let file: AtomicFile
    private let lineEnding: LineEnding
    /// Text fields in Windows-1252 instead of UTF-8 (a sheet saved by an older Windows program).
    private let windows1252: Bool
    private let capacity = 1 << 16
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var failure: Error?
    private var fieldIndex = 0
    private var committed = false

    /// Bytes written so far, header and byte-order mark included.
    private(set) var bytesWritten = 0
    /// Physical lines ended so far; the next row is written on line `linesWritten + 1`.
    private(set) var linesWritten = 0
    /// Data rows (not the header, blank lines included).
    private(set) var rowsWritten = 0

    init(path: String, header: [String], lineEnding: LineEnding = .lf, byteOrderMark: Bool = false, windows1252: Bool = false) throws {
        file = try AtomicFile(path: path)
        self.lineEnding = lineEnding
        self.windows1252 = windows1252
        buffer = .allocate(capacity: capacity)
        if byteOrderMark { append(0xEF); append(0xBB); append(0xBF) }
        for name in header { text(name) }
        endRow()
        rowsWritten = 0
    }

    deinit {
        if !committed { file.abandon() }
        buffer.deallocate()
    }

    var path: String { file.path }

    // MARK: bytes

    @inline(__always)
    private func append(_ byte: UInt8) {
        var n = count
        if n == capacity { flush(); n = 0 }
        buffer[n] = byte
        count = n + 1
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        if count + bytes.count > capacity { flush() }
        if bytes.count > capacity {
            write(UnsafeRawBufferPointer(bytes))
            return
        }
        let n = count
        (buffer + n).update(from: base, count: bytes.count)
        count = n + bytes.count
    }

    private func flush() {
        write(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        bytesWritten += bytes.count
        guard failure == nil else { return }
        do { try file.write(bytes) } catch { failure = error }
    }

    @inline(__always)
    private func separator() {
        if fieldIndex > 0 { append(UInt8(ascii: ",")) }
        fieldIndex += 1
    }

    // MARK: fields

    /// Text, quoted when it holds a comma, quote or line break.
    func text(_ value: String) {
        guard windows1252 else { return field(ExportWriter.encode(value)) }
        guard let bytes = TextEncoding.windows1252Bytes(value) else { preconditionFailure("'\(value)' has no Windows-1252 form") }
        field(ExportWriter.quoted(bytes))
    }

    /// A field already encoded by `encode(_:)`.
    func field(_ encoded: [UInt8]) {
        separator()
        encoded.withUnsafeBufferPointer { append($0) }
    }

    /// Text exactly as given, never quoted: for the deliberately broken rows of an export.
    func raw(_ value: String) {
        separator()
        for byte in value.utf8 { append(byte) }
    }

    func empty() { separator() }

    func int(_ value: Int) {
        separator()
        appendDigits(value, grouped: false)
    }

    /// An integer with thousands separators (`1,234`), quoted when it has one.
    func groupedInt(_ value: Int) {
        separator()
        if abs(value) >= 1000 {
            append(UInt8(ascii: "\""))
            appendDigits(value, grouped: true)
            append(UInt8(ascii: "\""))
        } else {
            appendDigits(value, grouped: false)
        }
    }

    /// A number in fixed notation with at most `decimals` places (Tabular's `NumberFormat`).
    func fixed(_ value: Double, decimals: Int) {
        separator()
        NumberFormat.withFixed(value, decimals: decimals) { append($0) }
    }

    /// Cents as a plain decimal with two places: `1234.50`.
    func cents(_ cents: Int) {
        separator()
        appendCents(cents, grouped: false)
    }

    /// Cents as accounting money: `$1,234.50`, negatives in parentheses `($1,234.50)`;
    /// quoted when a thousands separator is present.
    func dollars(_ cents: Int) {
        separator()
        let quoted = abs(cents) >= 100_000
        if quoted { append(UInt8(ascii: "\"")) }
        if cents < 0 { append(UInt8(ascii: "(")) }
        append(UInt8(ascii: "$"))
        appendCents(abs(cents), grouped: true)
        if cents < 0 { append(UInt8(ascii: ")")) }
        if quoted { append(UInt8(ascii: "\"")) }
    }

    /// Hours held as quarter hours: `12`, `11.75`, `0.5`.
    func quarterHours(_ quarters: Int) {
        separator()
        appendDigits(quarters / 4, grouped: false)
        switch quarters % 4 {
        case 1: append(UInt8(ascii: ".")); append(UInt8(ascii: "2")); append(UInt8(ascii: "5"))
        case 2: append(UInt8(ascii: ".")); append(UInt8(ascii: "5"))
        case 3: append(UInt8(ascii: ".")); append(UInt8(ascii: "7")); append(UInt8(ascii: "5"))
        default: break
        }
    }

    func endRow() {
        if lineEnding == .crlf { append(0x0D) }
        append(0x0A)
        fieldIndex = 0
        linesWritten += 1
        rowsWritten += 1
    }

    /// An empty line, as left behind when two exports are pasted together.
    func blankLine() {
        precondition(fieldIndex == 0, "blank line in the middle of a row")
        endRow()
    }

    func commit() throws {
        flush()
        if let failure { file.abandon(); committed = true; throw failure }
        committed = true
        try file.commit()
    }

    // MARK: number text

    private func appendDigits(_ value: Int, grouped: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
            var v = value.magnitude
            var position = 32
            var written = 0
            repeat {
                if grouped && written > 0 && written % 3 == 0 { position -= 1; digits[position] = UInt8(ascii: ",") }
                position -= 1
                digits[position] = UInt8(48 + v % 10)
                v /= 10
                written += 1
            } while v > 0
            if value < 0 { position -= 1; digits[position] = UInt8(ascii: "-") }
            append(UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: digits[position..<32])))
        }
    }

    private func appendCents(_ cents: Int, grouped: Bool) {
        if cents < 0 { append(UInt8(ascii: "-")) }
        let m = cents.magnitude
        appendDigits(Int(m / 100), grouped: grouped)
        append(UInt8(ascii: "."))
        append(UInt8(48 + (m / 10) % 10))
        append(UInt8(48 + m % 10))
    }

    /// CSV field bytes for `value` in UTF-8, quoted when it needs to be.
    static func encode(_ value: String) -> [UInt8] { quoted(Array(value.utf8)) }

    /// `bytes` as a CSV field: quoted (quotes doubled) when it needs to be.
    static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
