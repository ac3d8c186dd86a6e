/// The byte order of UTF-16 text that has no byte-order mark, told by where the zero bytes of
/// its ASCII characters fall: at even offsets in big-endian text (`00 64` is `d`), at odd ones
/// in little-endian (`64 00`).
///
/// Without a mark, UTF-16 was always read as little-endian: a big-endian export read as
/// garbage under `--encoding utf-16`, and `auto` stopped at its NUL bytes. A CSV's header and
/// most of its rows are ASCII, so the pattern is plain within its first bytes.
public enum UTF16ByteOrder: Sendable, Equatable {
    case littleEndian, bigEndian

    /// Bytes looked at: the header and the first rows.
    static let sampleBytes = 4096

    /// The order the zero bytes of `bytes`' first `sampleBytes` show, or nil when they show
    /// none: fewer than one code unit in 16 has a zero byte on one side (or, in a sample of
    /// under 32 units, fewer than half: a UTF-8 line with one stray NUL), or the other side has
    /// more than one for every 16 of them (NUL padding, a binary file).
    ///
    /// Half the code units were asked for: text mostly in Cyrillic or Greek has its zero bytes
    /// only in the ASCII header, delimiters and digits (a Cyrillic item master: 676 of 1,468
    /// code units with a zero first byte, none with a zero second one), and was read by no
    /// option, auto stopping at its NUL bytes and utf-16 reading it little-endian.
    public init?(zeroBytesOf bytes: UnsafeRawBufferPointer) {
        let units = min(bytes.count, UTF16ByteOrder.sampleBytes) / 2
        guard units > 0 else { return nil }
        var even = 0, odd = 0
        for k in 0..<units {
            if bytes[2 * k] == 0 { even += 1 }
            if bytes[2 * k + 1] == 0 { odd += 1 }
        }
        func tells(_ side: Int, _ other: Int) -> Bool { (2 * side >= units || (16 * side >= units && side >= 16)) && 16 * other <= side }
        if tells(even, odd) {
            self = .bigEndian
        } else if tells(odd, even) {
            self = .littleEndian
        } else {
            return nil
        }
    }
}
