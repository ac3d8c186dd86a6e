/// Text fields written in decomposed Unicode (NFD: `é` as `e` + U+0301, as macOS tools and
/// some Java exporters write it), recomposed (NFC) so that a key reads as the same bytes
/// whichever form its file used.
///
/// Keys are interned by their bytes, so `Paracétamol` in NFD from a usage file and in NFC from
/// the inventory were two items: reorder planned 0 for three drugs with 6-8 days of stock
/// (ordering 200 / 60 / 140 was right) and flagged them dead stock, and one file holding both
/// forms gave two series that print identically. Only a field holding a combining mark of
/// U+0300-U+036F (lead byte 0xCC or 0xCD, which `UTF8Check.isValid(_:combining:)` notes while
/// it validates) is recomposed, so ASCII and already-composed text cost nothing more.
///
/// One buffer a column, so the fields of one row stay valid together until the next row.
@usableFromInline
final class ComposedText {
    private var buffers: [UnsafeMutableBufferPointer<UInt8>]

    init(columns: Int) {
        buffers = Array(repeating: UnsafeMutableBufferPointer(start: nil, count: 0), count: columns)
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    /// `field` recomposed (NFC), held in `column`'s buffer until that column is read again.
    @usableFromInline
    func composed(_ field: UnsafeBufferPointer<UInt8>, column: Int) -> UnsafeBufferPointer<UInt8> {
        let bytes = String(decoding: field, as: UTF8.self)._nfcCodeUnits
        guard column < buffers.count else { return field }
        if buffers[column].count < bytes.count {
            buffers[column].deallocate()
            buffers[column] = .allocate(capacity: max(bytes.count, 64))
        }
        _ = UnsafeMutableBufferPointer(rebasing: buffers[column][0..<bytes.count]).initialize(from: bytes)
        return UnsafeBufferPointer(rebasing: buffers[column][0..<bytes.count])
    }
}
