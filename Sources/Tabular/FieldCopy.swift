/// A copy of one field's bytes kept past its record (the parser's buffers are reused): the
/// key of the row above, to tell whether a row repeats it. Kept up to `longest` bytes; a
/// longer field is kept as none, and matches nothing.
struct FieldCopy {
    static let longest = 64
    private var bytes: [UInt8] = []
    private var isKept = false

    init() { bytes.reserveCapacity(FieldCopy.longest) }

    mutating func keep(_ field: UnsafeBufferPointer<UInt8>) {
        bytes.removeAll(keepingCapacity: true)
        isKept = field.count <= FieldCopy.longest
        if isKept { bytes.append(contentsOf: field) }
    }

    /// Whether the field is the one kept, byte for byte.
    func holds(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        isKept && bytes.count == field.count && bytes.withUnsafeBufferPointer { $0.elementsEqual(field) }
    }
}
