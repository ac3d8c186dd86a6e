/// Whether a file's dates look like one day of every month written day-first and read
/// month-first: a monthly export dated the 10th (`10/01/2024`, `10/02/2024`, ...) reads as
/// October 1-12, and was summed into one October a year with no word.
///
/// The dates (each seen once) must all fall on the 1st to 12th of one month, three of them at
/// least, and in January or in two years or more: twelve days of October in one year may be a
/// short daily export, the same twelve days in each of two years are not.
public struct DayFirstLook: Sendable {
    private var seenMonth = 0
    private var broken = false
    private var firstYear = 0
    private var severalYears = false
    private var days = 0

    public init() {}

    /// Adds one distinct date.
    public mutating func see(_ day: CalendarDay) {
        guard !broken else { return }
        let (year, month, dayOfMonth) = day.components
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
    public var ruledOut: Bool { broken }

    /// Rules the look out: a date written so that it reads one way only (`2026-01-02`,
    /// `Jan 2026`, `20260102`) says the file is not written day-first.
    public mutating func ruleOut() { broken = true }

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
