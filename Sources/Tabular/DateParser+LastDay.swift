extension DateParser {
    /// How much of the calendar a date value names: one day, or a whole period written
    /// without its day (`2025-07`, `Jul-25`, `JUL25`, `July 2025`, `2025-W27`, `2025-Q3`, `2025`).
    public enum Span: Sendable, Equatable { case day, week, month, quarter, year }

    /// The last day a value names: a day is itself, a period its last day (`Jul-25` is
    /// 2025-07-31); nil when the value is not a date in this format.
    ///
    /// `parse` reads a period as its first day, which suits a period's total. An expiry
    /// date printed as a month means good through the end of that month (USP and FDA
    /// labelling), so read as the 1st a usable lot was counted as expired a month early.
    @inlinable
    public func parseLastDay(_ field: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard let first = parse(field) else { return nil }
        let (year, month, _) = first.components
        switch span(of: field) {
        case .day: return first
        case .week: return first.adding(days: 6)
        case .month: return first.adding(days: CalendarDay.daysIn(month: month, year: year) - 1)
        case .quarter: return CalendarDay(year: year, month: month + 2, day: CalendarDay.daysIn(month: month + 2, year: year))
        case .year: return CalendarDay(year: year, month: 12, day: 31)
        }
    }

    public func parseLastDay(_ text: String) -> CalendarDay? {
        var text = text
        return text.withUTF8 { parseLastDay($0) }
    }

    /// Why a value cannot stand for one month (a budget's or a ledger's period), or nil when
    /// it can: a day or a month can; a week may straddle two months, and a quarter or a year
    /// holds several, which read as their first month put a quarter's budget in its first
    /// month and none in the other two.
    public func notOneMonth(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: field, as: UTF8.self).trimmingSpaces
        let span = span(of: field)
        switch span {
        case .day, .month: return nil
        case .week: return "'\(String(text).clipped)' is a week, which may straddle two months; amounts are read by month: export them by month or by day"
        case .quarter, .year:
            return "'\(String(text).clipped)' is \(span == .quarter ? "a quarter" : "a year"), and amounts are read by month: export them by month (spread over its months as you phase them), or by day"
        }
    }

    public func notOneMonth(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { notOneMonth($0) }
    }

    /// What a value that `parse` reads names, from its shape alone: with a day of the month
    /// it is a day; without one a period (a pattern without `DD` names months, or years).
    @usableFromInline
    func span(of field: UnsafeBufferPointer<UInt8>) -> Span {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 { start += 1 }
        while end > start, field[end - 1] == 0x20 { end -= 1 }
        switch format {
        case .pattern(let tokens):
            if tokens.contains(.day) { return .day }
            return tokens.contains(where: { $0 == .month || $0 == .monthName(full: false) || $0 == .monthName(full: true) }) ? .month : .year
        case .automatic:
            var i = start
            func digits() -> Int {
                let from = i
                while i < end, field[i] >= 48, field[i] <= 57 { i += 1 }
                return i - from
            }
            let leading = digits()
            if leading == 0 {
                // `Jun-06`, `JUN96`, `June 2006` are months; `Jun 2, 2006` is a day.
                while i < end, DateParser.isNameByte(field[i]) { i += 1 }
                if i + 1 < end, field[i] == UInt8(ascii: "."), DateParser.isNameSeparator(field[i + 1]) { i += 1 }   // `ene.-26`
                if i < end, DateParser.isNameSeparator(field[i]) { i += 1 }
                _ = digits()
                return i == end ? .month : .day
            }
            guard leading == 4 else { return .day }
            if i == end { return .year }
            i += 1
            if i < end, field[i] == UInt8(ascii: "W") { return .week }
            if i < end, field[i] == UInt8(ascii: "Q") { return .quarter }
            _ = digits()
            return i == end ? .month : .day
        }
    }
}
