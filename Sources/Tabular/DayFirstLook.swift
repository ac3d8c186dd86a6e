/// Whether a file's dates look like one day of every month written day-first and read
/// month-first: a monthly export dated the 10th (`10/01/2024`, `10/02/2024`, ...) reads as
/// October 1-12, and was summed into one October a year with no word.
///
/// The dates (each seen once) must all fall on the 1st to 12th of one month, three of them at
/// least, and in January or in two years or more: twelve days of October in one year may be a
/// short daily export, the same twelve days in each of two years are not.
///
/// The mirror image is looked for too (`firstsOfMonthsSentence`): twelve days of January
/// written day-first (`01/01/2026` to `12/01/2026`) read month-first as the 1st of twelve
/// months, which looks like a monthly export and was read as one with no word.
public struct DayFirstLook: Sendable {
    private var seenMonth = 0
    private var broken = false
    private var firstYear = 0
    private var severalYears = false
    private var days = 0
    /// Every date the 1st of a month of one year: the months seen, as bits.
    private var firstsBroken = false
    private var firstsYear = 0
    private var firstsMonths: UInt16 = 0

    public init() {}

    /// Adds one distinct date.
    public mutating func see(_ day: CalendarDay) {
        let (year, month, dayOfMonth) = day.components
        if !firstsBroken {
            if dayOfMonth != 1 || (firstsYear != 0 && year != firstsYear) {
                firstsBroken = true
            } else {
                firstsYear = year
                firstsMonths |= 1 << UInt16(month)
            }
        }
        guard !broken else { return }
        if dayOfMonth > 12 || (seenMonth != 0 && month != seenMonth) {
            broken = true
            return
        }
        if seenMonth == 0 { firstYear = year }
        seenMonth = month
        if year != firstYear { severalYears = true }
        days += 1
    }

    /// Some date seen already rules the look out: more dates change nothing.
    public var ruledOut: Bool { broken && firstsBroken }

    /// Rules the look out: a date written so that it reads one way only (`2026-01-02`,
    /// `Jan 2026`, `20260102`) says the file is not written day-first.
    public mutating func ruleOut() { broken = true; firstsBroken = true }

    /// The months the dates are the 1st of, when they are three or more months in a row of one
    /// year and nothing else: written day-first they are as many days in a row of January.
    public var firstsOfMonths: ClosedRange<Int>? {
        guard !firstsBroken, firstsMonths != 0 else { return nil }
        let low = firstsMonths.trailingZeroBitCount, high = 15 - firstsMonths.leadingZeroBitCount
        // In a row: the bits from low to high all set.
        guard high - low >= 2, firstsMonths.nonzeroBitCount == high - low + 1 else { return nil }
        return low...high
    }

    /// "every date is the 1st of a month, January to December 2026, which written day-first
    /// (DD/MM/YYYY) are January 1-12, 2026, days in a row", with `subject` for "every date"; nil
    /// when the dates do not look so. Said beside a monthly reading, which it may well be.
    public func firstsOfMonthsSentence(_ subject: String = "every date") -> String? {
        firstsOfMonths.map { months in
            "\(subject) is the 1st of a month, \(DateParser.monthName(months.lowerBound)) to \(DateParser.monthName(months.upperBound)) \(firstsYear), which written day-first (DD/MM/YYYY) would be January \(months.lowerBound)-\(months.upperBound), \(firstsYear), \(months.count) days in a row; read month-first as months"
        }
    }

    /// Whether the field is written as numbers whose first two could be day and month either
    /// way round (`01/07/2025`, `1.7.2025`, `01-07-25`): one or two digits, a separator, one
    /// or two digits, a separator. ISO dates and month names are not.
    public static func couldBeDayFirst(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < field.count, field[i] == 0x20 { i += 1 }
        func digits() -> Int {
            var n = 0
            while i < field.count, field[i] &- 48 <= 9 { n += 1; i += 1 }
            return n
        }
        func separator() -> Bool {
            guard i < field.count, field[i] == UInt8(ascii: "/") || field[i] == UInt8(ascii: ".") || field[i] == UInt8(ascii: "-") else { return false }
            i += 1
            return true
        }
        let first = digits()
        guard (1...2).contains(first), separator() else { return false }
        let second = digits()
        return (1...2).contains(second) && separator()
    }

    /// The month the dates fall in, which is the day of the month they name written
    /// day-first; nil when they do not look so.
    public var month: Int? {
        guard !broken, days >= 3, seenMonth == 1 || severalYears else { return nil }
        return seenMonth
    }

    /// "every date falls on October 1-12, as the 10th of every month written day-first
    /// (10/MM/YYYY) reads month-first", with `subject` for "every date"; nil when the dates
    /// do not look so.
    public func sentence(_ subject: String = "every date") -> String? {
        month.map { m in
            let ordinal = m == 1 ? "1st" : m == 2 ? "2nd" : m == 3 ? "3rd" : "\(m)th"
            let written = m < 10 ? "0\(m)" : "\(m)"
            return "\(subject) falls on \(DateParser.monthName(m)) 1-12, as the \(ordinal) of every month written day-first (\(written)/MM/YYYY) reads month-first"
        }
    }
}
