/// The first 16 bytes of a field as two words, zero-padded: short keys and dates compared
/// or hashed with a few word operations instead of byte by byte.
///
/// Little-endian machines only (every platform we build for): the overlapping load of the
/// last 8 bytes keeps them in the high end of the word, where the shift below expects them.
@usableFromInline
enum ShortBytes {
    @inline(__always) @usableFromInline
    static func words(_ field: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = field.count
        guard let base = field.baseAddress, n > 0 else { return (0, 0) }
        let p = UnsafeRawPointer(base)
        if n >= 16 { return (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        if n >= 8 { return (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (16 - n))) }
        var w: UInt64 = 0
        for i in 0..<n { w |= UInt64(base[i]) << UInt64(8 * i) }
        return (w, 0)
    }
}
