/// The previous row's date field and its day, so that a run of rows with the same date
/// (exports are mostly in date order: thousands of rows a day) parses it once.
///
/// Only fields up to 16 bytes are remembered, which is every numeric date layout.
public struct DateFieldCache {
    private var w0: UInt64 = 0, w1: UInt64 = 0
    private var length = -1
    private var day = CalendarDay(daysSinceEpoch: 0)

    public init() {}

    /// The day of `field` when it repeats the remembered one byte for byte.
    @inline(__always)
    public func day(of field: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard field.count == length else { return nil }
        let (a, b) = ShortBytes.words(field)
        return a == w0 && b == w1 ? day : nil
    }

    /// Remembers `field`, read as `day`, for the rows that repeat it (`inspect` checks every
    /// value of a date column with it too).
    @inline(__always)
    public mutating func remember(_ field: UnsafeBufferPointer<UInt8>, _ day: CalendarDay) {
        guard field.count <= 16 else { length = -1; return }
        (w0, w1) = ShortBytes.words(field)
        length = field.count
        self.day = day
    }
}
