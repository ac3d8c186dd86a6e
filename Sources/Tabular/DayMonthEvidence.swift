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
    /// Whether a date of another shape read (`2025-12-25`, `Dec 2025`). It reads one way only
    /// and says nothing of the slash dates' order, so it does not keep them from reading
    /// either way (`eitherWaySpans`): a Spanish decimal-comma export of 2-12 March with one
    /// line keyed `2026-03-09` was read month-first again, February to December, with no
    /// note. A lone slash date that reads only day-first in a column of ISO dates
    /// (`13/01/2025`) is still rejected with its hint rather than turning the file day-first
    /// (`callsForDayFirst`), as the bad-input corpus has it.
    public private(set) var otherShape = false

    /// While every slash date reads either way (both numbers 1 to 12): the first and last
    /// day of the column read month-first and read day-first, as `yyyymmdd` (0 for none), so a
    /// note can show what the other reading would make of the file (`eitherWaySpans`). A
    /// Spanish export of 2-12 March 2026 read month-first ran February to December with no
    /// word; the spans say "2026-02-03 to 2026-12-03, or day-first 2026-03-02 to 2026-03-12".
    /// Kept only until a date reads one way only, and only for a date whose bytes differ from
    /// the row above's (callers cache repeated dates), so it costs a long file nothing.
    private var monthFirstLow = 0, monthFirstHigh = 0, dayFirstLow = 0, dayFirstHigh = 0

    /// While every slash date's first number is 1 (`01/07/2023`): the second numbers seen, as
    /// bits. Read day-first such dates are the 1st of months; read month-first they all fall
    /// on January 1-12 (`firstsOfMonths`).
    private var firstsMonths: UInt16 = 0
    private var firstsBroken = false
    private var firstsYear = 0, firstsYears = false
    /// The same months by year, as bits (few years: a short list), for `firstsRunOfMonths`.
    private var firstsByYear: [(year: Int, months: UInt16)] = []
    /// The column stands for months (a budget's or a ledger's period, `ImportRow.monthDate`):
    /// January 7-9 read month-first are no months, so three 1sts are enough there.
    public var periods = false

    public init() {}

    /// Adds one date field of the column, found on `line`; `read` says whether it read
    /// month-first. A date-time's time part (`25/01/2026 07:00`) does not matter.
    public mutating func see(_ field: UnsafeBufferPointer<UInt8>, read: Bool, line: Int = 0) {
        guard let (a, b) = slashNumbers(field, read: read) else { return }
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
        guard let (a, b) = slashNumbers(field, read: read) else { return }
        if (13...31).contains(a), (1...12).contains(b) {
            countDayFirst(field, line: line)
        } else if (13...31).contains(b), (1...12).contains(a) {
            countMonthFirst(field, line: line)
        }
    }

    /// The two numbers of a slash date, its year's spans widened (`spanEitherWay`); nil for a
    /// date of another shape, which marks the column as of mixed shapes when it `read`.
    private mutating func slashNumbers(_ field: UnsafeBufferPointer<UInt8>, read: Bool) -> (Int, Int)? {
        guard let (a, b) = DayMonthEvidence.numbers(field) else {
            if read { otherShape = true }
            return nil
        }
        slashDates = true
        spanEitherWay(field, a, b)
        if !firstsBroken {
            if a == 1, (1...12).contains(b) {
                firstsMonths |= 1 << UInt16(b)
                if let year = DayMonthEvidence.year(field) {
                    if firstsYear == 0 { firstsYear = year } else if year != firstsYear { firstsYears = true }
                    if let k = firstsByYear.firstIndex(where: { $0.year == year }) {
                        firstsByYear[k].months |= 1 << UInt16(b)
                    } else if firstsByYear.count < 64 {
                        firstsByYear.append((year, 1 << UInt16(b)))
                    } else {
                        firstsBroken = true
                    }
                }
            } else {
                firstsBroken = true
            }
        }
        return (a, b)
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

    /// Widens the spans of both readings by a date whose numbers `a` and `b` are both 1 to 12,
    /// while no date of the column has read one way only.
    private mutating func spanEitherWay(_ field: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) {
        guard dayFirstCount == 0, monthFirstCount == 0, (1...12).contains(a), (1...12).contains(b),
              let year = DayMonthEvidence.year(field) else { return }
        let monthFirst = year * 10_000 + a * 100 + b, dayFirst = year * 10_000 + b * 100 + a
        if monthFirstLow == 0 || monthFirst < monthFirstLow { monthFirstLow = monthFirst }
        if monthFirst > monthFirstHigh { monthFirstHigh = monthFirst }
        if dayFirstLow == 0 || dayFirst < dayFirstLow { dayFirstLow = dayFirst }
        if dayFirst > dayFirstHigh { dayFirstHigh = dayFirst }
    }

    /// The column's first and last day read month-first and read day-first, when every one of
    /// its slash dates reads either way (dates of other shapes do not count); nil otherwise.
    public var eitherWaySpans: EitherWaySpans? {
        guard slashDates, dayFirstCount == 0, monthFirstCount == 0, monthFirstLow > 0,
              let spans = EitherWaySpans(monthFirst: (monthFirstLow, monthFirstHigh), dayFirst: (dayFirstLow, dayFirstHigh)) else { return nil }
        return spans
    }

    /// The year of a slash date (`numbers` has read its shape): four digits as written, two
    /// with the fixed pivot at 70 (a note's span, not a reading).
    static func year(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, slashes = 0
        while i < field.count, slashes < 2 { if field[i] == UInt8(ascii: "/") { slashes += 1 }; i += 1 }
        var value = 0, n = 0
        while i < field.count, field[i] &- 48 <= 9 { value = value * 10 + Int(field[i] &- 48); n += 1; i += 1 }
        return n == 4 ? value : n == 2 ? TwoDigitYearWindow.pivot.year(value) : nil
    }

    /// Whether the column is plainly written day-first though no date reads only so: every
    /// slash date is `01/MM/YYYY`, three months at least, the 1st of a month read day-first,
    /// while read month-first every one falls on January 1-12. A UK monthly export dated the
    /// 1st (`01/07/2023` ... `01/12/2024`) read month-first put a year and a half of usage in
    /// two Januaries, both dropped as partial: every forecast 0, exit 0. The mirror image
    /// (`07/01/2023`, the 1st of months read month-first) is the default reading already.
    ///
    /// A day-level column asks more, since month-first such a column is a run of January days,
    /// which a US daily export is: a month-to-date pull of 1/1/2026 ... 1/12/2026 had been read
    /// as the 1st of twelve months (each day's usage a month, the forecast 1/30 of the demand).
    /// It is read day-first only when month-first it cannot be a run of days: its months
    /// day-first span two calendar years or more (month-first, the Januaries of two years with
    /// most of a year missing between), with no gap of three months or more among them. A
    /// year-on-year pull of January 1-5 of two years has a gap either way, and keeps the
    /// default reading with the note of both.
    public var firstsOfMonths: Bool {
        slashDates && !firstsBroken && dayFirstCount == 0 && monthFirstCount == 0 && firstsMonths.nonzeroBitCount >= 3
            && (periods || (firstsYears && firstsRunOfMonths))
    }

    /// Whether the 1sts read day-first leave no gap of three months or more between the first
    /// month and the last.
    private var firstsRunOfMonths: Bool {
        var months: [Int] = []
        for (year, bits) in firstsByYear {
            for m in 1...12 where bits & (1 << UInt16(m)) != 0 { months.append(year * 12 + m) }
        }
        months.sort()
        return zip(months, months.dropFirst()).allSatisfy { $1 - $0 <= 3 }
    }

    /// Day-first evidence and no month-first: the column reads day-first.
    public var callsForDayFirst: Bool { dayFirst != nil && !monthFirst && !otherShape }

    /// Whether `text` is written `a/b/yy` or `a/b/yyyy` (a wide sheet's header, for a note
    /// naming the header dates).
    public static func isSlashDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { numbers($0) != nil }
    }

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

