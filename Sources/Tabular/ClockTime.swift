/// Times of day and date-times read straight from field bytes: a shift's `07:00`, a punch's
/// `2026-03-02 19:04` or `3/2/2026 7:04 PM`.
///
/// The date part goes through the import's `DateParser` (so `date_format` applies to spans
/// too); the time part is `H:MM`, `HH:MM:SS(.fff)`, optionally followed by `AM`/`PM`. Seconds
/// are dropped: spans and shifts are counted in whole minutes. A trailing `Z` or UTC offset
/// parses here (a census's `2026-03-02T00:00:00Z` date keeps its day), but the import rejects
/// it in a time or date-time column (`zone(_:)`): shifts and punches are compared on the
/// unit's local clock, and a `Z` time read as local moves every span by the unit's offset (a
/// breach at 03:00 local missed, a compliant day reported short), while on a fall-back night
/// the offset is all that tells the two 01:30s apart.
public enum ClockTime {
    public static let minutesPerDay = 1_440

    /// Minutes after midnight (0..<1440) of a time such as `7:00`, `19:30`, `07:00:00`,
    /// `7:00 PM`; nil when the bytes are not a time.
    public static func minuteOfDay(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = p.count
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        return minuteOfDay(p, start, end)
    }

    static func minuteOfDay(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        timeAndZone(p, start, end)?.minute
    }

    /// The zone designator a time of day or date-time ends with (`Z`, `+01:00`, `-0500`), nil
    /// when it has none or is not a time.
    public static func zone(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = p.count
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        let from = timeStart(p, start, end).map { $0 + 1 } ?? start
        guard let zone = timeAndZone(p, from, end)?.zone, let base = p.baseAddress else { return nil }
        return String(decoding: UnsafeBufferPointer(start: base + zone, count: end - zone), as: UTF8.self)
    }

    /// Minutes after midnight, and where a zone designator begins (nil without one).
    static func timeAndZone(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (minute: Int, zone: Int?)? {
        var zone: Int?
        var i = start
        var hour = 0, hourDigits = 0
        while i < end, hourDigits < 2, p[i] >= 48, p[i] <= 57 { hour = hour * 10 + Int(p[i] - 48); hourDigits += 1; i += 1 }
        guard hourDigits > 0, i < end, p[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        var minute = 0, minuteDigits = 0
        while i < end, minuteDigits < 2, p[i] >= 48, p[i] <= 57 { minute = minute * 10 + Int(p[i] - 48); minuteDigits += 1; i += 1 }
        guard minuteDigits == 2, minute < 60 else { return nil }
        if i < end, p[i] == UInt8(ascii: ":") {
            i += 1
            var secondDigits = 0, second = 0
            while i < end, secondDigits < 2, p[i] >= 48, p[i] <= 57 { second = second * 10 + Int(p[i] - 48); secondDigits += 1; i += 1 }
            guard secondDigits == 2, second < 60 else { return nil }
            if i < end, p[i] == UInt8(ascii: ".") {
                i += 1
                while i < end, p[i] >= 48, p[i] <= 57 { i += 1 }
            }
        }
        while i < end, p[i] == 0x20 { i += 1 }
        if i + 1 < end, (p[i] | 0x20) == UInt8(ascii: "a") || (p[i] | 0x20) == UInt8(ascii: "p"), (p[i + 1] | 0x20) == UInt8(ascii: "m") {
            guard (1...12).contains(hour) else { return nil }
            let pm = (p[i] | 0x20) == UInt8(ascii: "p")
            hour = hour % 12 + (pm ? 12 : 0)
            i += 2
        } else if i < end, p[i] == UInt8(ascii: "Z") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            // A zone: parsed, and rejected by the import (`zone(_:)`).
            zone = i
            i += 1
            while i < end, (p[i] >= 48 && p[i] <= 57) || p[i] == UInt8(ascii: ":") { i += 1 }
        }
        guard i == end, hour < 24 else { return nil }
        return (hour * 60 + minute, zone)
    }

    /// Minutes since 1970-01-01 00:00 of a date-time: a date the parser reads, then a space or
    /// `T`, then a time. Nil when either part is missing or invalid.
    public static func minutesSinceEpoch(_ p: UnsafeBufferPointer<UInt8>, dates: DateParser) -> Int? {
        var cache = DateFieldCache()
        return minutesSinceEpoch(p, dates: dates, cache: &cache)
    }

    /// The same, with the date part parsed only when its bytes differ from the one `cache`
    /// remembers: a timekeeping export has millions of spans on a few hundred days.
    public static func minutesSinceEpoch(_ p: UnsafeBufferPointer<UInt8>, dates: DateParser, cache: inout DateFieldCache) -> Int? {
        var start = 0, end = p.count
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        guard let split = timeStart(p, start, end), let base = p.baseAddress else { return nil }
        guard let minute = minuteOfDay(p, split + 1, end) else { return nil }
        let datePart = UnsafeBufferPointer(start: base + start, count: split - start)
        let day: CalendarDay
        if let known = cache.day(of: datePart) {
            day = known
        } else {
            guard let parsed = dates.parse(datePart) else { return nil }
            cache.remember(datePart, parsed)
            day = parsed
        }
        return Int(day.daysSinceEpoch) * minutesPerDay + minute
    }

    /// The time of day of a date-time's time part (`2026-01-05 12:00` is 720), without reading
    /// its date; nil when the bytes end in no time.
    public static func timeOfDay(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = p.count
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        guard let split = timeStart(p, start, end) else { return nil }
        return minuteOfDay(p, split + 1, end)
    }

    /// Where the time part begins: the last space or `T` followed by digits and a colon.
    static func timeStart(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = end - 1
        var found: Int?
        while i > start {
            let b = p[i]
            if (b == 0x20 || b == UInt8(ascii: "T")) && i + 1 < end && p[i + 1] >= 48 && p[i + 1] <= 57 {
                var j = i + 1
                while j < end, p[j] >= 48, p[j] <= 57 { j += 1 }
                if j < end, p[j] == UInt8(ascii: ":") { found = i }
            }
            i -= 1
        }
        return found
    }

    /// `07:00`, for outputs and messages.
    public static func label(minuteOfDay m: Int) -> String {
        let m = ((m % minutesPerDay) + minutesPerDay) % minutesPerDay
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }

    /// `2026-03-02 07:00`, for messages.
    public static func label(minutesSinceEpoch m: Int) -> String {
        let day = CalendarDay(daysSinceEpoch: Int32((m - ((m % minutesPerDay) + minutesPerDay) % minutesPerDay) / minutesPerDay))
        return day.description + " " + label(minuteOfDay: m)
    }
}

extension ImportRow {
    /// A time of day (minutes after midnight) from a column, or a rejection saying what was expected.
    public func minuteOfDay(_ column: Int) throws -> Int {
        let field = record[column]
        try rejectZone(column)
        if let minute = ClockTime.minuteOfDay(field) { return minute }
        let text = String(decoding: field, as: UTF8.self)
        throw RowRejection(column: column, text.trimmed().isEmpty ? "time is empty"
                           : "'\(text.clipped)' is not a time of day (expected HH:MM such as 07:00 or 19:30, or 7:00 PM)")
    }

    /// A date-time (minutes since 1970-01-01) from a column, or a rejection saying what was expected.
    public func dateTime(_ column: Int) throws -> Int {
        var cache = DateFieldCache()
        return try dateTime(column, cache: &cache)
    }

    /// A date-time whose date part is parsed only when it differs from the previous row's.
    ///
    /// The date part is read as the column's dates are (`TableImport.columnDates`) and is
    /// evidence of the file's one order of slash dates like a date column's: a timekeeping
    /// export's `date` was read day-first from `13/3/2026` while its spans, read month-first
    /// apart from it, turned `2/3/2026 19:00` to `3/3/2026 07:00` into 660 hours.
    public func dateTime(_ column: Int, cache: inout DateFieldCache) throws -> Int {
        let field = record[column]
        try rejectZone(column)
        let dates = importer.columnDates[column]
        if let minutes = ClockTime.minutesSinceEpoch(field, dates: dates, cache: &cache) {
            if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: true, line: record.line) }
            return minutes
        }
        let text = String(decoding: field, as: UTF8.self)
        if text.trimmed().isEmpty { throw RowRejection(column: column, "date-time is empty") }
        if let split = ClockTime.timeStart(field, 0, field.count), let base = field.baseAddress {
            let datePart = UnsafeBufferPointer(start: base, count: split)
            let dateReads = dates.parse(datePart) != nil
            if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: dateReads, line: record.line) }
            if dateReads {
                let time = String(decoding: UnsafeBufferPointer(start: base + split + 1, count: field.count - split - 1), as: UTF8.self)
                throw RowRejection(column: column, "'\(text.clipped)' is not a date-time: '\(time.clipped)' is not a time of day (expected HH:MM such as 07:00 or 19:30, or 7:00 PM)")
            }
            // The date part is the fault: why, as for a date (`13/3/2026 19:00` names dmy).
            if let hint = dates.otherOrder(String(decoding: datePart, as: UTF8.self)) {
                throw RowRejection(column: column, "'\(text.clipped)' is not a date-time: \(hint)")
            }
        }
        if dates.parse(field) != nil {
            throw RowRejection(column: column, "'\(text.clipped)' has no time of day; a span needs both, e.g. 2026-03-02 07:00")
        }
        throw RowRejection(column: column, "'\(text.clipped)' is not a date-time (expected a date and a time such as 2026-03-02 07:00 or 3/2/2026 7:00 PM)")
    }

    /// Rejects a time carrying a zone designator: shifts and punches are compared on the unit's
    /// local clock, and a UTC (`Z`) or offset time read as local is off by the offset.
    func rejectZone(_ column: Int) throws {
        let field = record[column]
        // Only a field ending in Z, or in digits and colons after a sign, can carry one: the
        // full parse again is for those few.
        var i = field.count - 1
        while i >= 0, field[i] == 0x20 { i -= 1 }
        guard i >= 0 else { return }
        if field[i] != UInt8(ascii: "Z") {
            while i >= 0, (field[i] >= 48 && field[i] <= 57) || field[i] == UInt8(ascii: ":") { i -= 1 }
            guard i > 0, field[i] == UInt8(ascii: "+") || field[i] == UInt8(ascii: "-") else { return }
        }
        guard let zone = ClockTime.zone(field) else { return }
        throw RowRejection(column: column, ClockTime.zoneProblem(String(decoding: field, as: UTF8.self), zone: zone))
    }
}

extension ClockTime {
    /// Why a time with a zone designator is rejected, and what to do.
    public static func zoneProblem(_ text: String, zone: String) -> String {
        "'\(text.clipped)' carries a time zone ('\(zone)'); shifts and punches are compared on the unit's local clock, "
            + "and a UTC or offset time read as local is off by its offset (on a fall-back night two 01:30s collide). "
            + "Export the times as local clock times without a zone (2026-03-02 07:00)"
    }
}
