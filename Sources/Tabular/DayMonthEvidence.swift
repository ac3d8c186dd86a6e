/// What a column's slash dates say of their order. The automatic reading takes `a/b/yyyy`
/// month-first; a first number over 12 (`25/12/2025`) can only be a day, and so can a second
/// one (`12/25/2025`). A UK export of 1,584 dates that read either way and one 25 December had
/// that row rejected ("read day-first it is 25 December 2025") and every other one read
/// month-first, its months scrambled into days: a column with day-first evidence and none
/// month-first is read again day-first whole (`TableImport.SecondLook`); with both, each date
/// that does not read month-first stays rejected.
public struct DayMonthEvidence: Sendable {
    /// The first date that reads only day-first, as written (for the note).
    public private(set) var dayFirst: String?
    /// Whether a date read only month-first (a second number over 12).
    public private(set) var monthFirst = false
    /// Whether a date of another shape read (`2025-12-25`, `Dec 2025`): a column of mixed
    /// shapes is not read again day-first, whose pattern reads slash dates alone.
    public private(set) var otherShape = false

    public init() {}

    /// Adds one date field of the column; `read` says whether it read month-first.
    public mutating func see(_ field: UnsafeBufferPointer<UInt8>, read: Bool) {
        guard let (a, b) = DayMonthEvidence.numbers(field) else {
            if read { otherShape = true }
            return
        }
        if read {
            if b > 12 { monthFirst = true }
        } else if dayFirst == nil, a > 12, a <= 31, (1...12).contains(b) {
            dayFirst = String(decoding: field, as: UTF8.self).trimmed()
        }
    }

    /// Day-first evidence and no month-first: the column reads day-first.
    public var callsForDayFirst: Bool { dayFirst != nil && !monthFirst && !otherShape }

    /// The first two numbers of `a/b/yy` or `a/b/yyyy` (one or two digits each, a time may
    /// follow the year), or nil for any other shape.
    static func numbers(_ field: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var i = 0
        while i < field.count, field[i] == 0x20 { i += 1 }
        func number() -> Int? {
            var value = 0, n = 0
            while i < field.count, field[i] &- 48 <= 9, n < 3 { value = value * 10 + Int(field[i] &- 48); n += 1; i += 1 }
            return (1...2).contains(n) ? value : nil
        }
        guard let a = number(), i < field.count, field[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let b = number(), i < field.count, field[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        var year = 0
        while i < field.count, field[i] &- 48 <= 9 { year += 1; i += 1 }
        return year == 2 || year == 4 ? (a, b) : nil
    }
}
