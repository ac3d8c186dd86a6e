#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rejects file: one line per rejected row with where it was and why, plus the row
/// itself so it can be fixed and loaded again. Private columns are blanked.
final class RejectsWriter {
    private let writer: CSVWriter
    private let delimiter: UInt8
    private let privateIndices: Set<Int>

    init(path: String, delimiter: UInt8, privateIndices: Set<Int>) throws {
        writer = try CSVWriter(path: path, header: ["file", "line", "column", "reason", "record"])
        self.delimiter = delimiter
        self.privateIndices = privateIndices
    }

    var path: String { writer.path }

    func write(file: String, record: CSVRecord, column: String?, reason: String) throws {
        try writer.text(file)
        try writer.integer(record.line)
        try writer.text(column ?? "")
        try writer.text(reason)
        var raw = ""
        let separator = String(UnicodeScalar(delimiter))
        // A private value can also sit in another column when the row is shifted.
        let secrets = privateIndices.filter { $0 < record.count && record[$0].count > 0 }.map { record.string($0) }
        for k in 0..<record.count {
            if k > 0 { raw += separator }
            if privateIndices.contains(k) { continue }
            var value = String(decoding: record[k], as: UTF8.self)
            if secrets.contains(where: { value == $0 || ($0.count >= 4 && value.contains($0)) }) { value = "(private value)" }
            let quote = value.contains { $0 == "\"" || $0 == Character(separator) || $0.isNewline }
            raw += quote ? "\"" + value.replacingAll("\"", with: "\"\"") + "\"" : value
        }
        try writer.text(raw)
        try writer.endRow()
    }

    func commit() throws { try writer.commit() }
    func abandon() { writer.abandon() }

    /// A rejects file from an earlier run would be misleading once its rows are fixed.
    func removeStale() { unlink(writer.path) }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for ch in self { if ch == target { result += replacement } else { result.append(ch) } }
        return result
    }
}
