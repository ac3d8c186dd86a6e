import Tabular

extension ExportInspection {
    /// The first field that is not valid UTF-8 in a file read as UTF-8: the import stops there
    /// ("value is not valid UTF-8 text"), while `inspect` showed its sample as 'Cirug\u{FFFD}a'
    /// under "encoding: UTF-8" without a word (a reviewer's case).
    struct StrayBytes {
        private(set) var count = 0
        private(set) var first: (line: Int, column: Int, text: String, byte: UInt8)?

        mutating func add(line: Int, count fields: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) {
            for k in 0..<fields {
                let value = field(k)
                // Plain ASCII, most fields, is told by its bytes alone.
                guard value.contains(where: { $0 >= 0x80 }), !UTF8Check.isValid(value) else { continue }
                count += 1
                if first == nil {
                    first = (line, k, String(decoding: value, as: UTF8.self), StrayBytes.firstBadByte(value))
                }
            }
        }

        static func firstBadByte(_ field: UnsafeBufferPointer<UInt8>) -> UInt8 {
            var i = 0
            while i < field.count {
                let lead = field[i]
                let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
                if length == 0 || i + length > field.count || !UTF8Check.isValid(UnsafeBufferPointer(rebasing: field[i..<(i + length)])) { return lead }
                i += length
            }
            return 0
        }

        /// The warning naming the line, the column and the fix, or nil.
        func warning(header: [String]) -> String? {
            guard let first else { return nil }
            let column = first.column < header.count ? "'\(header[first.column].clipped)'" : "column \(first.column + 1)"
            let hex = String(first.byte, radix: 16, uppercase: true)
            // Windows-1252 is Latin-1 from 0xA0 up (`í` is 0xED), the usual source of a stray byte.
            let windows = first.byte >= 0xA0 ? " ('\(Character(UnicodeScalar(first.byte)))' in Windows-1252)" : ""
            let more = count > 1 ? " (and \(NumberFormat.count(count - 1, "other value")))" : ""
            return "line \(first.line), \(column): '\(first.text.clipped)' is not valid UTF-8 (byte 0x\(hex)\(windows)) while the rest of the file reads as UTF-8\(more); the import rejects that row: correct that character in the export, or re-encode the file as UTF-8 (if the whole file is Windows-1252, give --encoding windows-1252; encoding: in a pipeline)"
        }
    }
}
