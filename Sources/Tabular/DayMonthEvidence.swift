/// What a column's slash dates say of their order. The automatic reading takes `a/b/yyyy`
/// month-first; a first number over 12 (`25/12/2025`) can only be a day, and so can a second
/// one (`12/25/2025`). A UK export of 1,584 dates that read either way and one 25 December had
/// that row rejected ("read day-first it is 25 December 2025") and every other one read
/// month-first, its months scrambled into days.
///
/// One export writes all its dates one way, so the evidence of every date and date-time
/// column of a file decides for all of them (`TableImport.secondLook`): a purchase-order
/// export whose `order_date` held `25/01/2026` and whose `receipt_date` held only days up to
/// the 12th had its receipts read month-first (`05/02/2026` as 2 May), lead times of 68 days
/// instead of 9. With day-first evidence and none month-first in any column, the file's slash
/// dates are read again day-first whole (`TableImport.SecondLook`); evidence of both orders in
/// two columns is an error naming both; both in one column alone leave each date that does not
/// read month-first rejected, as before.
public struct DayMonthEvidence: Sendable {
    /// The first date that reads only day-first, as written (for the note).
    public private(set) var dayFirst: String?
    /// Its line in the file (0 when not known).
    public private(set) var dayFirstLine = 0
    /// Whether a date read only month-first (a second number over 12).
    public var monthFirst: Bool { monthFirstExample != nil }
    /// The first date that reads only month-first, as written, and its line (for the error).
    public private(set) var monthFirstExample: String?
    public private(set) var monthFirstLine = 0
    /// How many dates read only day-first, and only month-first: a file of hundreds of one
    /// order with a date or two of the other holds typos, not two orders (`TableImport.lopsided`).
    public private(set) var dayFirstCount = 0, monthFirstCount = 0
    /// Whether a slash date was seen at all: the columns a day-first reading applies to.
    public private(set) var slashDates = false
    /// Whether a date of another shape read (`2025-12-25`, `Dec 2025`): a column of mixed
    /// shapes is not read again day-first, whose pattern reads slash dates alone.
    public private(set) var otherShape = false

    public init() {}

    /// Adds one date field of the column, found on `line`; `read` says whether it read
    /// month-first. A date-time's time part (`25/01/2026 07:00`) does not matter.
    public mutating func see(_ field: UnsafeBufferPointer<UInt8>, read: Bool, line: Int = 0) {
        guard let (a, b) = DayMonthEvidence.numbers(field) else {
            if read { otherShape = true }
            return
        }
        slashDates = true
        if read {
            if b > 12 { countMonthFirst(field, line: line) }
        } else if a > 12, a <= 31, (1...12).contains(b) {
            countDayFirst(field, line: line)
        }
    }

    /// Adds one date field by its numbers alone, whichever order it was read in (`inspect`'s
    /// `dmy` column as much as its `mdy` one, an import's second reading day-first):
    /// `25/01/2026` reads only day-first, `01/25/2026` only month-first, `13/13/2026` neither.
    /// `read` says whether the field read at all, so that an ISO date among slash dates marks
    /// the column as of mixed shapes.
    public mutating func seeWritten(_ field: UnsafeBufferPointer<UInt8>, read: Bool, line: Int) {
        guard let (a, b) = DayMonthEvidence.numbers(field) else {
            if read { otherShape = true }
            return
        }
        slashDates = true
        if (13...31).contains(a), (1...12).contains(b) {
            countDayFirst(field, line: line)
        } else if (13...31).contains(b), (1...12).contains(a) {
            countMonthFirst(field, line: line)
        }
    }

    /// One date that reads only day-first: counted, and kept as the example when it is the first.
    private mutating func countDayFirst(_ field: UnsafeBufferPointer<UInt8>, line: Int) {
        dayFirstCount += 1
        if dayFirst == nil {
            dayFirst = String(decoding: field, as: UTF8.self).trimmed()
            dayFirstLine = line
        }
    }

    /// One date that reads only month-first: counted, and kept as the example when it is the first.
    private mutating func countMonthFirst(_ field: UnsafeBufferPointer<UInt8>, line: Int) {
        monthFirstCount += 1
        if monthFirstExample == nil {
            monthFirstExample = String(decoding: field, as: UTF8.self).trimmed()
            monthFirstLine = line
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
