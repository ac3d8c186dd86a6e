/// The character encoding of an export. Whatever it is, the reader hands UTF-8 to libcsv
/// and every output is UTF-8.
///
/// `auto` reads UTF-16 by its byte-order mark, or without one by the zero bytes of its ASCII
/// characters (`UTF16ByteOrder`), and UTF-8 by its byte-order mark; otherwise it decides on
/// the whole file (`EncodingCensus`), so the answer does not hang on where an odd byte sits:
/// UTF-8 when every non-ASCII byte is UTF-8, or when valid multi-byte characters are at least
/// twice as many as the bytes that break UTF-8 (those rows are rejected, naming the byte);
/// Windows-1252 otherwise, said in the import's summary line. Standard input, which cannot be
/// read twice, is copied into a `SpoolFile` as it is counted and parsed from there. UTF-8
/// input is parsed in place, untouched; only other encodings are transcoded, chunk by chunk.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case auto
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    /// Read as Windows-1252: files labelled Latin-1 (ISO-8859-1) are almost always
    /// Windows-1252, whose 0x80-0x9F are `€` `’` `–`, not invisible C1 controls (a `€` in an
    /// item name vanished into U+0080); the WHATWG Encoding Standard, which browsers follow,
    /// maps the labels so. The five bytes Windows-1252 leaves undefined keep their C1 code points.
    case latin1 = "latin-1"
    case utf16 = "utf-16"
    /// UTF-16 in the byte order named, whatever its zero bytes show: a file whose zero bytes
    /// do not tell (mostly Cyrillic or Greek text, few ASCII characters) can always be read.
    /// A byte-order mark still decides.
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Reads a user's name for an encoding, in any case (`utf8`, `cp1252`, `iso-8859-1` too).
    public init(parsing text: String) throws {
        switch text.trimmed().lowercased() {
        case "", "auto", "automatic": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "windows1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
        case "utf-16", "utf16": self = .utf16
        case "utf-16le", "utf16le": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        default:
            throw UsageError("unknown encoding '\(text)'; use one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// How messages name it: `Windows-1252`, `UTF-8`.
    public var description: String {
        switch self {
        case .auto: return "auto"
        case .utf8: return "UTF-8"
        case .windows1252: return "Windows-1252"
        case .latin1: return "Latin-1"
        case .utf16: return "UTF-16"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        }
    }

    /// True when `bytes` are UTF-8 (`UTF8Check`), allowing a sequence cut off by the end of
    /// the buffer: the next chunk completes it.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        if end > 0 {
            for back in 1...min(3, end) where bytes[end - back] >= 0xC0 {
                let lead = bytes[end - back]
                if (lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2) > back { end -= back }
                break
            }
        }
        return UTF8Check.isValid(UnsafeRawBufferPointer(rebasing: bytes[0..<end]).bindMemory(to: UInt8.self))
    }
}

/// Turns Windows-1252 (and Latin-1, read as it) or UTF-16 bytes into UTF-8, one chunk at a
/// time; a UTF-16 code unit or surrogate pair split between chunks is carried over.
struct Transcoder {
    /// `windows1252Lines`: a file mostly Windows-1252 with valid UTF-8 lines too (`MixedLines`),
    /// each line read as what it is.
    enum Source { case windows1252, windows1252Lines, utf16(bigEndian: Bool) }
    let source: Source
    private var pendingByte: UInt8?
    private var pendingHigh: UInt32?
    /// `windows1252Lines`: the line cut off by the chunk's end, read with the next chunk.
    private var pendingLine: [UInt8] = []
    /// `windows1252Lines`: what the lines were read as.
    private(set) var mixedLines = MixedLines()

    /// Input bytes held back from the last chunk (an unfinished line), for the output's size.
    var carried: Int { pendingLine.count }

    init(_ source: Source) { self.source = source }

    /// Most UTF-8 bytes `count` input bytes can become (3 per byte, plus what was carried over).
    static func capacity(for count: Int) -> Int { count * 3 + 8 }

    /// Windows-1252 0x80-0x9F; the five unassigned bytes keep their C1 code points, as browsers do.
    static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Writes the UTF-8 form of `input` to `output` (at least `capacity(for: input.count)`
    /// bytes) and returns how many bytes it wrote.
    mutating func transcode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        var o = 0
        @inline(__always) func emit(_ scalar: UInt32) {
            if scalar < 0x80 {
                output[o] = UInt8(scalar); o += 1
            } else if scalar < 0x800 {
                output[o] = UInt8(0xC0 | (scalar >> 6)); output[o + 1] = UInt8(0x80 | (scalar & 0x3F)); o += 2
            } else if scalar < 0x10000 {
                output[o] = UInt8(0xE0 | (scalar >> 12)); output[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                output[o + 2] = UInt8(0x80 | (scalar & 0x3F)); o += 3
            } else {
                output[o] = UInt8(0xF0 | (scalar >> 18)); output[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                output[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); output[o + 3] = UInt8(0x80 | (scalar & 0x3F)); o += 4
            }
        }
        @inline(__always) func windows1252<C: Sequence>(_ bytes: C) where C.Element == UInt8 {
            for b in bytes {
                if b < 0x80 {
                    output[o] = b; o += 1
                } else if b < 0xA0 {
                    emit(UInt32(Transcoder.cp1252High[Int(b) - 0x80]))
                } else {
                    emit(UInt32(b))
                }
            }
        }
        switch source {
        case .windows1252:
            windows1252(input)
        case .windows1252Lines:
            // Whole lines only: the last, unfinished one waits for the next chunk.
            guard let last = input.lastIndex(of: 0x0A) else {
                pendingLine.append(contentsOf: input)
                break
            }
            var line = pendingLine
            pendingLine = []
            var start = 0
            while start <= last {
                var end = start
                while input[end] != 0x0A { end += 1 }
                line.append(contentsOf: input[start...end])
                line.withUnsafeBufferPointer { bytes in
                    if mixedLines.readsAsUTF8(bytes) {
                        for b in bytes { output[o] = b; o += 1 }
                    } else {
                        windows1252(bytes)
                    }
                }
                line.removeAll(keepingCapacity: true)
                start = end + 1
            }
            pendingLine.append(contentsOf: input[(last + 1)...])
        case .utf16(let bigEndian):
            var i = 0
            func unit(_ a: UInt8, _ b: UInt8) -> UInt32 { bigEndian ? UInt32(a) << 8 | UInt32(b) : UInt32(b) << 8 | UInt32(a) }
            while true {
                let u: UInt32
                if let first = pendingByte {
                    guard i < input.count else { break }
                    u = unit(first, input[i]); pendingByte = nil; i += 1
                } else {
                    guard i + 1 < input.count else {
                        if i < input.count { pendingByte = input[i] }
                        break
                    }
                    u = unit(input[i], input[i + 1]); i += 2
                }
                if let high = pendingHigh {
                    pendingHigh = nil
                    if (0xDC00...0xDFFF).contains(u) {
                        emit(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00))
                        continue
                    }
                    emit(0xFFFD)   // a lone high surrogate
                }
                if (0xD800...0xDBFF).contains(u) { pendingHigh = u; continue }
                emit((0xDC00...0xDFFF).contains(u) ? 0xFFFD : u)
            }
        }
        return o
    }

    /// What is left over at the end of the file (half a code unit, a lone high surrogate) as UTF-8.
    mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        if case .windows1252Lines = source, !pendingLine.isEmpty {
            // The last line, without a line break: the break read it.
            pendingLine.append(0x0A)
            let line = pendingLine
            pendingLine = []
            let written = line.withUnsafeBytes { transcode($0, into: output) }
            return written > 0 ? written - 1 : 0
        }
        guard pendingByte != nil || pendingHigh != nil else { return 0 }
        pendingByte = nil
        pendingHigh = nil
        for (k, b) in [UInt8(0xEF), 0xBF, 0xBD].enumerated() { output[k] = b }
        return 3
    }
}

extension TextEncoding {
    /// The Windows-1252 bytes of `text`, or nil when a character has none (the demo
    /// generator writes a spreadsheet saved by an older Windows program this way).
    public static func windows1252Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 || (0xA0...0xFF).contains(v) {
                bytes.append(UInt8(v))
            } else if let k = Transcoder.cp1252High.firstIndex(of: UInt16(truncatingIfNeeded: v)), v <= 0xFFFF,
                      !(0x80...0x9F).contains(v) {
                bytes.append(UInt8(0x80 + k))
            } else {
                return nil
            }
        }
        return bytes
    }
}
