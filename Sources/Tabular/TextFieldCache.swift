/// The previous row's text field and its interned id, so that a run of rows repeating a
/// unit, job code or pay code (exports list a unit's rows together) skips hashing the bytes
/// in the intern table: comparing two 64-bit words is far cheaper than a hash and a probe.
///
/// Only fields up to 16 bytes are remembered, which covers codes and most unit names.
public struct TextFieldCache {
    @usableFromInline var w0: UInt64 = 0, w1: UInt64 = 0
    @usableFromInline var length = -1
    @usableFromInline var id = -1

    public init() {}

    /// The id remembered for `field` when it repeats the remembered bytes exactly.
    @inlinable @inline(__always)
    public func id(of field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard field.count == length else { return nil }
        let (a, b) = ShortBytes.words(field)
        return a == w0 && b == w1 ? id : nil
    }

    @inlinable @inline(__always)
    public mutating func remember(_ field: UnsafeBufferPointer<UInt8>, id: Int) {
        guard field.count <= 16 else { length = -1; return }
        (w0, w1) = ShortBytes.words(field)
        length = field.count
        self.id = id
    }
}
