/// What the non-ASCII bytes of a whole file say about its encoding: how many form valid
/// multi-byte UTF-8 characters and how many cannot be UTF-8.
///
/// `auto` decides on the whole file, not on its first chunk: a Windows-1252 export whose
/// first accent came after 256 KiB was read as UTF-8 and its accented rows rejected, and a
/// UTF-8 export with one stray Windows-1252 byte early was read as Windows-1252 whole, every
/// real UTF-8 name garbled (`Größe` as `GrÃ¶ÃŸe`), so the answer hung on where the odd byte
/// sat. The count is one pass over the bytes, eight ASCII bytes at a time.
struct EncodingCensus {
    /// Valid UTF-8 characters of two to four bytes.
    private(set) var multiByte = 0
    /// Bytes that start no valid UTF-8 character (each counted once, then skipped).
    private(set) var invalid = 0

    /// How the file reads: UTF-8 when nothing in it breaks UTF-8, or when it holds valid
    /// UTF-8 characters at least twice as often as bytes that break it (those rows are
    /// rejected, each naming its byte); otherwise Windows-1252. Twice, not as often: a
    /// Windows-1252 export holds pairs that read as UTF-8 (a name already garbled once,
    /// `CafÃ©`, is the bytes of `é`), and one with as many of those as `µ` tied, read as
    /// UTF-8 and rejected every `µ` row.
    var isUTF8: Bool { invalid == 0 || multiByte >= 2 * invalid }

    /// Counts `bytes` and returns how many bytes at the end start a character that the next
    /// chunk may complete: the caller passes them again, first, with the next chunk. With
    /// `final` (the file's last bytes) a cut-off character counts as invalid.
    mutating func count(_ bytes: UnsafeRawBufferPointer, final: Bool) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var i = 0
        while i < n {
            // ASCII runs, a word at a time: most of every export.
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xE1...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: invalid += 1; i += 1; continue
            }
            if i + length > n {
                // Cut off by the chunk's end: complete when the bytes so far fit.
                var fits = i + 1 >= n || (base[i + 1] >= low && base[i + 1] <= high)
                if fits { for k in (i + 2)..<max(i + 2, n) where base[k] & 0xC0 != 0x80 { fits = false } }
                if fits && !final { return n - i }
                invalid += 1; i += 1; continue
            }
            var valid = base[i + 1] >= low && base[i + 1] <= high
            if valid { for k in (i + 2)..<(i + length) where base[k] & 0xC0 != 0x80 { valid = false } }
            if valid { multiByte += 1; i += length } else { invalid += 1; i += 1 }
        }
        return 0
    }
}
