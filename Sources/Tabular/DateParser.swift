/// Parses dates straight from field bytes.
///
/// Per-row `DateFormatter` calls dominate import time on multi-million-row exports;
/// reading digits from the bytes is two orders of magnitude cheaper.
public struct DateParser: Sendable {
    public let format: DateFormat
    /// The hundred years two-digit years are read in: the pivot at 70 unless a file's years
    /// call for another (`TwoDigitYearWindow.fitting`).
    public let twoDigitYears: TwoDigitYearWindow
    /// Whether the automatic reading takes slash dates day-first (`05/02/2026` is 5 February):
    /// set for a file whose dates were found written so (`DayMonthEvidence`). Every other
    /// shape reads as before, so the whole file can be read so, the columns never looked at
    /// (every row rejected at an earlier column) and those mixing ISO and slash dates too.
    public let slashesDayFirst: Bool

    public init(format: DateFormat = .automatic, twoDigitYears: TwoDigitYearWindow = .pivot, slashesDayFirst: Bool = false) {
        self.format = format
        self.twoDigitYears = twoDigitYears
        self.slashesDayFirst = slashesDayFirst && format == .automatic
    }

    /// The day the bytes name, or nil when they are not a valid date in this format.
    @inlinable
    public func parse(_ field: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        var yy = -1
        return parse(field, twoDigitYear: &yy)
    }

    /// The day the bytes name, with `yy` set to the year as written when it has two digits
    /// (-1 otherwise), so that an import can gather a column's years (`TwoDigitYearsSeen`).
    @inlinable
    public func parse(_ field: UnsafeBufferPointer<UInt8>, twoDigitYear yy: inout Int) -> CalendarDay? {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 { start += 1 }
        while end > start, field[end - 1] == 0x20 { end -= 1 }
        guard end > start else { return nil }
        let day: CalendarDay?
        switch format {
        case .automatic: day = DateParser.parseAutomatic(field, start, end, &yy, slashesDayFirst: slashesDayFirst)
        case .pattern(let tokens): day = DateParser.parsePattern(tokens, field, start, end, &yy)
        }
        // The shapes read two-digit years under the pivot; another window moves them once read.
        guard let day, yy >= 0, twoDigitYears != .pivot else { return day }
        return twoDigitYears.moving(day, yy: yy)
    }

    public func parse(_ text: String) -> CalendarDay? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// A sentence for a rejects file saying why a value is not a date.
    public func explainFailure(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: field, as: UTF8.self)
        if text.trimmingSpaces.isEmpty { return "date is empty" }
        // A totals label (`Total`), or a date cell holding a total word (`TOTAL 2025`, `Total for
        // 2025-01`, `Subtotal 2025-12`): no date holds one.
        if TotalsLabel.isLabel(field) || TotalsLabel.holdsTotalWord(field) { return TotalsLabel.rowReason(text) }
        if let hint = DateParser.fiscalPeriodHint(text.trimmingSpaces) { return hint }
        // A well-shaped value that names an impossible day deserves a sharper message.
        if let (year, month, day) = writtenParts(text), let problem = DateParser.impossibility(year: year, month: month, day: day) {
            return "'\(text.clipped)' is not a valid date (\(problem))" + (otherOrder(text).map { "; " + $0 } ?? "")
        }
        if let problem = DateParser.periodImpossibility(text.trimmingSpaces) {
            return "'\(text.clipped)' is not a valid period (\(problem))"
        }
        if let message = DateParser.ambiguousMonthDay(text.trimmingSpaces) { return message }
        // `10-Jan` (Excel's d-mmm): a day and a month, not the year 2010.
        if let example = DateParser.yearlessExample(text.trimmingSpaces) {
            return "'\(text.clipped)' has a day and a month but no year; export the dates again with the year (for example as \(example))"
        }
        if let shape = DateParser.monthNameShape(text.trimmingSpaces) {
            if let bad = shape.badName {
                return "'\(text.clipped)' is not a valid date ('\(bad.clipped)' is not a month name; expected a month's name or its abbreviation, such as Jan, January, ene, enero, févr, März or déc, in English, Spanish, French, German, Italian, Portuguese or Dutch, in any case)"
            }
            if let (year, month, day) = shape.parts, let problem = DateParser.impossibility(year: year, month: month, day: day) {
                return "'\(text.clipped)' is not a valid date (\(problem))"
            }
            if let suggested = try? DateFormat(parsing: shape.pattern), suggested != format, DateParser(format: suggested).parse(text) != nil {
                let layout = format == .automatic ? "a date" : "a date in the format \(format)"
                return "'\(text.clipped)' is not \(layout); it looks like \(shape.pattern): add --date-format \(shape.pattern) (date_format: in a pipeline)"
            }
        }
        if let hint = otherOrder(text) { return "'\(text.clipped)' is not a date; \(hint)" }
        if let hint = yearMonthHint(text) { return "'\(text.clipped)' is not a date; \(hint)" }
        // `07/2025`: a month and a four-digit year, which the automatic reading does not take.
        let halves = text.trimmingSpaces.split(separator: "/", omittingEmptySubsequences: false)
        if format == .automatic, halves.count == 2, let month = Int(halves[0]), (1...12).contains(month), halves[0].count <= 2,
           halves[1].count == 4, let year = Int(halves[1]), CalendarDay.supportedYears.contains(year) {
            return "'\(text.clipped)' is not a date; it looks like a month written MM/YYYY (\(DateParser.monthName(month)) \(year)): add --date-format MM/YYYY (date_format: MM/YYYY in a pipeline)"
        }
        if let day = DateParser.excelSerialDay(text.trimmingSpaces) {
            return "'\(text.clipped)' looks like an Excel serial day number (\(String(text.trimmingSpaces).clipped) is \(day)): the date column was saved as numbers; format it as dates in Excel (yyyy-mm-dd) and save the file again"
        }
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if digits.contains(where: { $0 == 0 || $0 > 2200 }) || digits.contains(where: { $0 > 31 && $0 < 1800 }) {
            return "'\(text.clipped)' is not a valid date (a part is out of range; years \(CalendarDay.supportedYears.lowerBound)-\(CalendarDay.supportedYears.upperBound) are accepted)"
        }
        switch format {
        case .automatic:
            return "'\(text.clipped)' is not a date (expected YYYY-MM-DD, M/D/YYYY, D.M.YYYY, YYYYMMDD, a period (YYYY-MM, YYYY-W27, YYYY-Q3, YYYY) or a month name such as 02-Jun-06 or Jun 2006; give --date-format for other layouts (date_format: in a pipeline))"
        case .pattern:
            return "'\(text.clipped)' is not a date in the format \(format) (or names a day that does not exist)"
        }
    }

    /// Why `text` is not read as a date when it names one month with a number (`Jan 26`,
    /// `Sept 2025`) or a fiscal period (`P01 FY26`); nil when it reads, or is something else: a
    /// description (`Qty Jan`), a range or half-year total (`Jul-Dec`, `H1 (Jul-Dec)`), a fiscal
    /// year's total (`FY26`). Month-per-column sheets use it to tell a month header written
    /// another way from the description and total columns beside the months.
    public func monthLikeFailure(_ text: String) -> String? {
        guard parse(text) == nil else { return nil }
        let trimmed = text.trimmingSpaces
        var bytes = Array(text.utf8)
        let (months, digits) = bytes.withUnsafeBufferPointer { p -> (Int, Bool) in
            var months = 0, digits = false, i = 0
            while i < p.count {
                if p[i] >= 48 && p[i] <= 57 { digits = true }
                if DateParser.isNameByte(p[i]) && (i == 0 || !DateParser.isNameByte(p[i - 1])) {
                    var j = i
                    if DateParser.readMonthName(p, &j, p.count) > 0, j == p.count || !DateParser.isNameByte(p[j]) { months += 1 }
                }
                i += 1
            }
            return (months, digits)
        }
        let fiscal = DateParser.fiscalPeriodHint(trimmed)
        guard (months == 1 && digits) || (fiscal.map { !$0.contains("it is a fiscal year") } ?? false) else { return nil }
        return bytes.withUnsafeMutableBufferPointer { explainFailure(UnsafeBufferPointer($0)) }
    }

    /// A month's name for messages (`13 January 2025`), from `monthNames`.
    public static func monthName(_ month: Int) -> String {
        let name = String(decoding: monthNames[month - 1], as: UTF8.self)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The fix for a date of three numbers (`13/01/2025`, `01.13.2025`, `13-01-2025`) that this
    /// format reads in one order, or not at all, when only the other order makes a real day:
    /// read month-first, `13/01/2025` names month 13; read day-first it is 13 January 2025.
    /// Nil when both orders or neither make a day, the format is another pattern, or the
    /// value could be YY-MM-DD.
    func otherOrder(_ text: String) -> String? {
        var bytes = Array(text.trimmingSpaces.utf8)
        if let cut = bytes.indices.first(where: { k in bytes[k] == 0x20 && k > 0 }) { bytes.removeSubrange(cut...) }
        let groups = bytes.split(omittingEmptySubsequences: false, whereSeparator: { $0 < 48 || $0 > 57 })
        let separators = bytes.filter { $0 < 48 || $0 > 57 }
        guard groups.count == 3, Set(separators).count == 1, let sep = separators.first,
              sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-"),
              (1...2).contains(groups[0].count), (1...2).contains(groups[1].count), groups[2].count == 4 || groups[2].count == 2 else { return nil }
        func number(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 48) } }
        let a = number(groups[0]), b = number(groups[1]), written = number(groups[2])
        let year = groups[2].count == 4 ? written : DateParser.expandTwoDigitYear(written)
        let dayFirst = CalendarDay(year: year, month: b, day: a), monthFirst = CalendarDay(year: year, month: a, day: b)
        // Which order this format reads: slashes month-first, dots day-first (automatic), or the pattern's.
        var readsDayFirst: Bool?
        switch format {
        case .automatic:
            readsDayFirst = sep == UInt8(ascii: "/") ? slashesDayFirst : sep == UInt8(ascii: ".") ? true : nil
        case .pattern(let tokens):
            // dmy and mdy (`DD/MM/YYYY`) read points and hyphens too (`parseDayMonthOrder`).
            guard tokens.count == 5, tokens[1] == tokens[3], tokens[1] == .literal(sep) || tokens[1] == .literal(UInt8(ascii: "/")) else { return nil }
            switch (tokens[0], tokens[2]) {
            case (.month, .day): readsDayFirst = false
            case (.day, .month): readsDayFirst = true
            default: return nil
            }
        }
        let twoDigitYear = groups[2].count == 2
        // `26-07-01` is as likely YY-MM-DD as a day and a month first: no guess.
        if twoDigitYear && sep == UInt8(ascii: "-") { return nil }
        // dmy and mdy read any of the three separators and two-digit years.
        let choice: (order: String, day: CalendarDay, format: String)
        if readsDayFirst != true, monthFirst == nil, let dayFirst {
            choice = ("day-first", dayFirst, "dmy")
        } else if readsDayFirst != false, dayFirst == nil, let monthFirst {
            choice = ("month-first", monthFirst, "mdy")
        } else {
            return nil
        }
        let (order, day, named) = choice
        guard let suggested = try? DateFormat(parsing: named), DateParser(format: suggested).parse(text) != nil else { return nil }
        let (y, m, d) = day.components
        return "read \(order) it is \(d) \(DateParser.monthName(m)) \(y): \(format == .automatic ? "add" : "use") --date-format \(named) (date_format: \(named) in a pipeline)"
    }

    /// `202401` is January 2024 written YYYYMM, which `--date-format YYYYMM` reads; nil for
    /// any other value, or when this format is that already.
    public func yearMonthHint(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count == 6, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(trimmed),
              let suggested = try? DateFormat(parsing: "YYYYMM"), suggested != format, let day = CalendarDay(year: value / 100, month: value % 100, day: 1) else { return nil }
        let (y, m, _) = day.components
        return "it looks like a month written YYYYMM (\(DateParser.monthName(m)) \(y)): add --date-format YYYYMM (date_format: YYYYMM in a pipeline)"
    }

    /// The message for a month name, a space and a number that could be a day (`Jan 13`, `Mar 1`),
    /// under the automatic format; nil otherwise.
    static func ambiguousMonthDay(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        let month = bytes.withUnsafeBufferPointer { readMonthName($0, &i, $0.count) }
        guard month > 0, i < bytes.count, bytes[i] == 0x20 else { return nil }
        let digits = bytes[(i + 1)...]
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(String(decoding: digits, as: UTF8.self)),
              (1...31).contains(n) else { return nil }
        let name = String(decoding: bytes[..<i], as: UTF8.self)
        let example = "\(name) \(n), 2025 or 2025-\(month < 10 ? "0" : "")\(month)-\(n < 10 ? "0" : "")\(n)"
        if digits.count == 1 {
            return "'\(String(text).clipped)' has a month and a day but no year; export the dates again with the year (for example as \(example))"
        }
        return "'\(String(text).clipped)' could be a day (\(DateParser.monthName(month)) \(n)) or a month (\(DateParser.monthName(month)) \(2000 + n)); export the dates with the year (\(example)), or months with four digits (\(name) \(2000 + n)); if they are months, --date-format \"MMM YY\" reads them so"
    }

    /// An example of `10-Jan` with a year (`10-Jan-2025 or 2025-01-10`) when a value is a day
    /// of 1-31 and a month name with no year, as Excel's d-mmm writes it; nil otherwise.
    static func yearlessExample(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        var i = 0, day = 0
        while i < bytes.count, i < 3, bytes[i] >= 48, bytes[i] <= 57 { day = day * 10 + Int(bytes[i] - 48); i += 1 }
        guard (1...2).contains(i), (1...31).contains(day) else { return nil }
        let dayText = String(decoding: bytes[..<i], as: UTF8.self)
        var sep = "-"
        if i < bytes.count, isNameSeparator(bytes[i]) { sep = String(UnicodeScalar(bytes[i])); i += 1 }
        let nameStart = i
        let month = bytes.withUnsafeBufferPointer { readMonthName($0, &i, $0.count) }
        guard month > 0, i == bytes.count else { return nil }
        let name = String(decoding: bytes[nameStart...], as: UTF8.self)
        // A year in which the day exists, so the example is a real date.
        let year = month == 2 && day == 29 ? 2024 : 2025
        return "\(dayText)\(sep)\(name)\(sep)\(year) or \(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Year, month and day as written in a value shaped like a date in this format (the
    /// parts need not make a real day), for messages; nil when the value is not date-shaped.
    func writtenParts(_ text: String) -> (Int, Int, Int)? {
        var bytes = Array(text.trimmingSpaces.utf8)
        // A time part after a space or `T` does not change which day is meant.
        if let cut = bytes.indices.first(where: { k in (bytes[k] == 0x20 || bytes[k] == UInt8(ascii: "T")) && k > 0 }) {
            bytes.removeSubrange(cut...)
        }
        if case .pattern(let tokens) = format {
            // Follow the pattern: digits where it has a part, its literals exactly.
            var year = -1, month = -1, day = 1
            var i = 0
            for token in tokens {
                if case .literal(let b) = token {
                    guard i < bytes.count, bytes[i] == b else { return nil }
                    i += 1
                    continue
                }
                if case .monthName = token {
                    month = bytes.withUnsafeBufferPointer { DateParser.readMonthName($0, &i, $0.count) }
                    guard month > 0 else { return nil }
                    continue
                }
                var value = 0, count = 0
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, count < 4 {
                    value = value * 10 + Int(bytes[i] - 48)
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                switch token {
                case .year4: guard count == 4 else { return nil }; year = value
                case .year2: guard count == 2 else { return nil }; year = DateParser.expandTwoDigitYear(value)
                case .month: month = value
                case .day: day = value
                case .literal, .monthName: break
                }
            }
            return i == bytes.count ? (year, month, day) : nil
        }
        var groups: [(value: Int, digits: Int)] = []
        var separators: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var value = 0, count = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                if count < 9 { value = value * 10 + Int(bytes[i] - 48) }
                count += 1
                i += 1
            }
            guard count > 0, count <= 8 else { return nil }
            groups.append((value, count))
            if i < bytes.count {
                separators.append(bytes[i])
                i += 1
                guard i < bytes.count else { return nil }
            }
        }
        if groups.count == 1 && groups[0].digits == 8 {
            let v = groups[0].value
            return (v / 10_000, (v / 100) % 100, v % 100)
        }
        guard Set(separators).count == 1, let sep = separators.first else { return nil }
        if groups[0].digits == 4, sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/"), groups.count == 2 || groups.count == 3,
           groups.dropFirst().allSatisfy({ $0.digits <= 2 }) {
            return (groups[0].value, groups[1].value, groups.count == 3 ? groups[2].value : 1)
        }
        if groups.count == 3, groups[0].digits <= 2, groups[1].digits <= 2, groups[2].digits == 4 || groups[2].digits == 2,
           sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") {
            let year = groups[2].digits == 4 ? groups[2].value : DateParser.expandTwoDigitYear(groups[2].value)
            return sep == UInt8(ascii: "/") && !slashesDayFirst ? (year, groups[0].value, groups[1].value) : (year, groups[1].value, groups[0].value)
        }
        return nil
    }

    /// The day an Excel serial day number stands for, when `text` is one of five digits
    /// (1990-2099), with or without a time fraction (`45663`, `45663.5`): a date column saved
    /// as General. Day 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was,
    /// so from March 1900 on a serial is its days since 30 December 1899.
    static func excelSerialDay(_ text: Substring) -> CalendarDay? {
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard whole[0].count == 5, whole[0].allSatisfy(\.isASCII), let serial = Int(whole[0]), (32_874...73_050).contains(serial),
              whole.count == 1 || (!whole[1].isEmpty && whole[1].allSatisfy { $0.isASCII && $0.isNumber }),
              let epoch = CalendarDay(year: 1899, month: 12, day: 30) else { return nil }
        return epoch.adding(days: serial)
    }

    /// What is wrong with a week, quarter or statistical month label (`2025-W54`, `2025-Q5`,
    /// `2025M13`), or nil.
    static func periodImpossibility(_ text: Substring) -> String? {
        if text.count >= 6, text.prefix(4).allSatisfy(\.isNumber) {
            let rest = text.dropFirst(4)
            // `2025M13`, `2025m0`, `2025-M13`: as `parseAutomatic` reads the months that exist.
            let digits = rest.hasPrefix("-M") ? rest.dropFirst(2) : rest.first == "M" || rest.first == "m" ? rest.dropFirst() : nil
            if let digits, digits.count <= 2, let n = Int(digits), !(1...12).contains(n) { return "there is no month \(n)" }
        }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let marker = parts[1].first,
              marker == "W" || marker == "Q", let n = Int(parts[1].dropFirst()), parts[1].count <= 3 else { return nil }
        let years = CalendarDay.supportedYears
        if !years.contains(year) { return "year \(year) is out of range; years \(years.lowerBound)-\(years.upperBound) are accepted" }
        if marker == "Q" { return (1...4).contains(n) ? nil : "there is no quarter \(n)" }
        let weeks = isoWeeks(in: year)
        return (1...weeks).contains(n) ? nil : "\(year) has \(weeks) ISO weeks, so week \(n) does not exist"
    }

    /// What is wrong with a year, month and day, or nil when they make a supported day.
    public static func impossibility(year: Int, month: Int, day: Int) -> String? {
        let years = CalendarDay.supportedYears
        if !years.contains(year) {
            return "year \(year) is out of range; years \(years.lowerBound)-\(years.upperBound) are accepted"
        }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let length = CalendarDay.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return day < 1 ? "there is no day \(day)" : "\(DateParser.monthName(month)) \(year) has \(length) days, so day \(day) does not exist"
        }
        return nil
    }

    // MARK: - Automatic detection

    @usableFromInline
    static func parseAutomatic(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ yy: inout Int,
                               slashesDayFirst: Bool = false) -> CalendarDay? {
        var i = start
        let (first, firstLen) = readDigits(p, &i, end, max: 8)
        guard firstLen > 0 else { return parseMonthFirst(p, start, end, &yy) }
        if firstLen == 8 {
            // YYYYMMDD
            guard timeTailIsValid(p, i, end) else { return nil }
            return CalendarDay(year: first / 10_000, month: (first / 100) % 100, day: first % 100)
        }
        // A year alone (`2026`, aggregate's label for a year) stands for its first day.
        guard i < end else { return firstLen == 4 ? CalendarDay(year: first, month: 1, day: 1) : nil }
        let sep = p[i]
        i += 1
        if firstLen == 4 {
            // `2025M01`: statistical offices' calendar month (Eurostat, the IMF, Stata's `2025m1`).
            if sep | 0x20 == UInt8(ascii: "m") {
                let (month, monthLen) = readDigits(p, &i, end, max: 2)
                guard monthLen > 0, i == end else { return nil }
                return CalendarDay(year: first, month: month, day: 1)
            }
            guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") else { return nil }
            if i < end, p[i] == UInt8(ascii: "W") || p[i] == UInt8(ascii: "Q") || p[i] == UInt8(ascii: "M") {
                let marker = p[i]
                i += 1
                let (n, nLen) = readDigits(p, &i, end, max: 2)
                guard nLen > 0, i == end else { return nil }
                switch marker {
                case UInt8(ascii: "W"): return isoWeekStart(year: first, week: n)
                case UInt8(ascii: "Q"): return quarterStart(year: first, quarter: n)
                default: return CalendarDay(year: first, month: n, day: 1)   // `2025-M01`, as SDMX writes a month
                }
            }
            let (month, monthLen) = readDigits(p, &i, end, max: 2)
            guard monthLen > 0 else { return nil }
            if i == end { return CalendarDay(year: first, month: month, day: 1) }   // YYYY-MM period
            guard p[i] == sep else { return nil }
            i += 1
            let (day, dayLen) = readDigits(p, &i, end, max: 2)
            guard dayLen > 0, timeTailIsValid(p, i, end) else { return nil }
            return CalendarDay(year: first, month: month, day: day)
        }
        guard firstLen <= 2 else { return nil }
        if sep != UInt8(ascii: "/") && sep != UInt8(ascii: ".") || (i < end && isNameByte(p[i])) {
            // `02-Jun-06`, `2 June 2006`, `02JUN2006`: only reached when the numeric shapes fail.
            return parseDayMonthName(p, first, i - 1, end, &yy)
        }
        let (second, secondLen) = readDigits(p, &i, end, max: 2)
        guard secondLen > 0, i < end, p[i] == sep else { return nil }
        i += 1
        let (yearDigits, yearLen) = readDigits(p, &i, end, max: 4)
        guard yearLen == 4 || yearLen == 2, timeTailIsValid(p, i, end) else { return nil }
        if yearLen == 2 { yy = yearDigits }
        let year = yearLen == 4 ? yearDigits : expandTwoDigitYear(yearDigits)
        return sep == UInt8(ascii: "/") && !slashesDayFirst
            ? CalendarDay(year: year, month: first, day: second)
            : CalendarDay(year: year, month: second, day: first)
    }

    // MARK: - Month names

    /// `02-Jun-06`, `2-JUN-2006`, `2 June 2006`, `02Jun2006`: `day` has been read and `i`
    /// is the byte after it.
    @usableFromInline
    static func parseDayMonthName(_ p: UnsafeBufferPointer<UInt8>, _ day: Int, _ i: Int, _ end: Int, _ yy: inout Int) -> CalendarDay? {
        var i = i
        var sep: UInt8 = 0
        if i < end, isNameSeparator(p[i]) { sep = p[i]; i += 1 }
        let month = readMonthName(p, &i, end)
        guard month > 0 else { return nil }
        if sep != 0 {
            guard i < end, p[i] == sep else { return nil }
            i += 1
        }
        let (year, yearLen) = readDigits(p, &i, end, max: 4)
        guard yearLen == 4 || yearLen == 2, timeTailIsValid(p, i, end) else { return nil }
        if yearLen == 2 { yy = year }
        return CalendarDay(year: yearLen == 4 ? year : expandTwoDigitYear(year), month: month, day: day)
    }

    /// `Jun 2, 2006` (a day), or the periods `Jun-06`, `JUN96`, `Jun 2006`, `June 2006`
    /// (the first of the month); not `Jun 06`, which could be a day.
    @usableFromInline
    static func parseMonthFirst(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ yy: inout Int) -> CalendarDay? {
        var i = start
        let month = readMonthName(p, &i, end)
        guard month > 0, i < end else { return nil }
        var sep: UInt8 = 0
        if isNameSeparator(p[i]) { sep = p[i]; i += 1 }
        let (first, firstLen) = readDigits(p, &i, end, max: 4)
        guard firstLen > 0 else { return nil }
        if i == end {
            guard firstLen == 4 || firstLen == 2 else { return nil }
            // `Jan 13` is as likely 13 January (a month and day, as "mmm d" prints it) as January
            // 2013: a space and two digits that could be a day are neither (`Jan-13`, `JAN13`
            // and `Jun 96` stay months; `ambiguousMonthDay` words the message).
            if firstLen == 2 && sep == 0x20 && (1...31).contains(first) { return nil }
            if firstLen == 2 { yy = first }
            return CalendarDay(year: firstLen == 4 ? first : expandTwoDigitYear(first), month: month, day: 1)
        }
        guard firstLen <= 2 else { return nil }
        if p[i] == UInt8(ascii: ",") {
            i += 1
            if i < end, p[i] == 0x20 { i += 1 }
        } else if sep != 0, p[i] == sep {
            i += 1
        } else {
            return nil
        }
        let (year, yearLen) = readDigits(p, &i, end, max: 4)
        guard yearLen == 4 || yearLen == 2, timeTailIsValid(p, i, end) else { return nil }
        if yearLen == 2 { yy = year }
        return CalendarDay(year: yearLen == 4 ? year : expandTwoDigitYear(year), month: month, day: first)
    }

    /// English month names in lower case, for messages (`monthName`).
    @usableFromInline
    static let monthNames: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"].map { Array($0.utf8) }

    /// Each month's names and abbreviations in English, Spanish, French, German, Italian,
    /// Portuguese and Dutch, in lower case with their accents taken off (`févr` is `fevr`,
    /// `März` is `marz`, written `Maerz` too): a Spanish sheet's `ene-26 ... dic-26` had only
    /// the eight months whose abbreviations are also English read, April and August became
    /// months of no use, January and December vanished, and every forecast came out 20% low.
    /// No spelling names two months (`monthSpellingsConflicts` is empty); French `jui` (juin
    /// or juillet) is left out for that reason. Only the months' standard abbreviations are
    /// listed, not every three-letter start (`mag` is Italian May, `mar` March everywhere).
    static let monthSpellingLists: [[String]] = [
        ["january", "jan", "enero", "ene", "janvier", "janv", "januar", "janner", "jaenner", "gennaio", "gen", "janeiro", "januari"],
        ["february", "feb", "febrero", "fevrier", "fevr", "fev", "februar", "febbraio", "fevereiro", "februari"],
        ["march", "mar", "marzo", "mars", "marz", "maerz", "mrz", "marco", "maart", "mrt"],
        ["april", "apr", "abril", "abr", "avril", "avr", "aprile"],
        ["may", "mayo", "mai", "maggio", "mag", "maio", "mei"],
        ["june", "jun", "junio", "juin", "juni", "giugno", "giu", "junho"],
        ["july", "jul", "julio", "juillet", "juil", "juli", "luglio", "lug", "julho"],
        ["august", "aug", "agosto", "ago", "aout", "augustus"],
        ["september", "sep", "sept", "septiembre", "setiembre", "set", "septembre", "settembre", "sett", "setembro"],
        ["october", "oct", "octubre", "octobre", "oktober", "okt", "ottobre", "ott", "outubro", "out"],
        ["november", "nov", "noviembre", "novembre", "novembro"],
        ["december", "dec", "diciembre", "dic", "decembre", "dezember", "dez", "dicembre", "dezembro"],
    ]

    /// `monthSpellingLists` by key (`monthKey`): five bits a letter, so a lookup neither
    /// allocates nor compares strings.
    @usableFromInline
    static let monthSpellings: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (k, spellings) in monthSpellingLists.enumerated() {
            for spelling in spellings { table[spelling.utf8.reduce(0) { $0 << 5 | UInt64($1 - 96) }] = k + 1 }
        }
        return table
    }()

    /// Spellings that `monthSpellingLists` gives to two months: none (checked by a test).
    static var monthSpellingsConflicts: [String] {
        var seen: [String: Int] = [:], conflicts: [String] = []
        for (k, spellings) in monthSpellingLists.enumerated() {
            for spelling in spellings {
                if let month = seen[spelling], month != k + 1 { conflicts.append(spelling) }
                seen[spelling] = k + 1
            }
        }
        return conflicts
    }

    /// The month (1-12) a run of letters names, in any case, with or without its accents
    /// (`monthSpellingLists`), an abbreviation's dot after it (`janv.`, `ene.-26`) taken too
    /// when a separator or the end follows; moves `i` past it. 0, with `i` unmoved, for
    /// anything else.
    @usableFromInline
    static func readMonthName(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Int {
        var j = i, key: UInt64 = 0, letters = 0
        while j < end {
            let b = p[j]
            let letter: UInt8
            if isLetter(b) {
                letter = b | 0x20
                j += 1
            } else if b == 0xC3, j + 1 < end, let base = unaccented(p[j + 1]) {
                letter = base
                j += 2
            } else if b >= 0x80 {
                return 0   // a letter outside the month names' (or a broken one): a word, not a month
            } else {
                break
            }
            letters += 1
            guard letters <= 12 else { return 0 }
            key = key << 5 | UInt64(letter - 96)
        }
        guard letters >= 3, let month = monthSpellings[key] else { return 0 }
        if j < end, p[j] == UInt8(ascii: "."),
           j + 1 == end || p[j + 1] == 0x20 || p[j + 1] == UInt8(ascii: "-") || p[j + 1] == UInt8(ascii: "/") || p[j + 1] == UInt8(ascii: ",") {
            j += 1
        }
        i = j
        return month
    }

    /// The letter without its accent of the Latin-1 letter whose UTF-8 second byte (after
    /// 0xC3) is `b`, upper or lower case (`é`, `É` and `è` are `e`, `ç` is `c`); nil for others.
    @usableFromInline @inline(__always)
    static func unaccented(_ b: UInt8) -> UInt8? {
        let c = b >= 0x80 && b <= 0x9E && b != 0x97 ? b | 0x20 : b
        switch c {
        case 0xA0...0xA5: return UInt8(ascii: "a")
        case 0xA7: return UInt8(ascii: "c")
        case 0xA8...0xAB: return UInt8(ascii: "e")
        case 0xAC...0xAF: return UInt8(ascii: "i")
        case 0xB1: return UInt8(ascii: "n")
        case 0xB2...0xB6: return UInt8(ascii: "o")
        case 0xB9...0xBC: return UInt8(ascii: "u")
        default: return nil
        }
    }

    /// A byte of a word: an ASCII letter, or a byte of a letter written in UTF-8 (`é`), so a
    /// run of letters does not stop inside `févr`.
    @usableFromInline @inline(__always)
    static func isNameByte(_ b: UInt8) -> Bool { b >= 0x80 || isLetter(b) }

    @usableFromInline @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { let c = b | 0x20; return c >= 97 && c <= 122 }

    /// What may stand between a month name and the numbers around it.
    @usableFromInline @inline(__always)
    static func isNameSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == 0x20 || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
    }

    /// A value written with a month name, read by the shape of its parts for messages: the
    /// pattern that would read it (`DD-MMM-YY`), the parts as written, or the letters that
    /// are in a month name's place but name no month (`Jum`). Nil when the value has no
    /// such shape (one run of 3-9 letters, a day of 1-2 digits, a year of 2 or 4 digits last).
    struct MonthNameShape {
        var pattern: String
        var parts: (year: Int, month: Int, day: Int)?
        var badName: String?
    }

    static func monthNameShape(_ text: Substring) -> MonthNameShape? {
        var bytes = Array(text.utf8)
        // A time part (`13:45`) after the last space before its colon does not change the day.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let cut = bytes[..<colon].lastIndex(of: 0x20) {
            bytes.removeSubrange(cut...)
        }
        enum Run { case digits(Int, Int), letters(ArraySlice<UInt8>), other(UInt8) }
        var runs: [Run] = []
        var i = 0
        while i < bytes.count {
            var j = i
            if bytes[i] >= 48 && bytes[i] <= 57 {
                var value = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57, j - i < 5 { value = value * 10 + Int(bytes[j] - 48); j += 1 }
                runs.append(.digits(value, j - i))
            } else if isNameByte(bytes[i]) {
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                runs.append(.letters(bytes[i..<j]))
            } else {
                guard isNameSeparator(bytes[i]) || bytes[i] == UInt8(ascii: ",") else { return nil }
                runs.append(.other(bytes[i]))
                j += 1
            }
            i = j
        }
        let numbers = runs.compactMap { if case .digits(let v, let n) = $0 { return (v, n) } else { return nil } }
        let names = runs.compactMap { if case .letters(let l) = $0 { return l } else { return nil } }
        guard names.count == 1, (3...14).contains(names[0].count), (1...2).contains(numbers.count),
              let last = numbers.last, last.1 == 2 || last.1 == 4, numbers.count == 1 || numbers[0].1 <= 2 else { return nil }
        var shape = MonthNameShape(pattern: "")
        var month = 0
        var seenNumbers = 0
        for run in runs {
            switch run {
            case .letters(let letters):
                month = letters.withUnsafeBufferPointer { p in
                    var at = 0
                    return readMonthName(p, &at, p.count)
                }
                shape.pattern += letters.count == 3 || month == 9 && letters.count == 4 ? "MMM" : "MMMM"
                if month == 0 { shape.badName = String(decoding: letters, as: UTF8.self) }
            case .digits(_, let n):
                seenNumbers += 1
                shape.pattern += seenNumbers == numbers.count ? (n == 4 ? "YYYY" : "YY") : (n == 1 ? "D" : "DD")
            case .other(let b):
                shape.pattern.append(Character(UnicodeScalar(b)))
            }
        }
        if month > 0 {
            let year = last.1 == 4 ? last.0 : expandTwoDigitYear(last.0)
            shape.parts = (year, month, numbers.count == 2 ? numbers[0].0 : 1)
        }
        return shape
    }

    // MARK: - Explicit patterns

    @usableFromInline
    static func parsePattern(_ tokens: [DateFormat.DatePatternToken], _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ yy: inout Int) -> CalendarDay? {
        if let day = parseExactPattern(tokens, p, start, end, &yy) { return day }
        yy = -1
        return parseDayMonthOrder(tokens, p, start, end, &yy)
    }

    /// `dmy` and `mdy` (`DD/MM/YYYY`, `MM/DD/YYYY`) state the order of the day and the month,
    /// and read it with points or hyphens too, and two-digit years: `13.01.2025`, `13-01-2025`
    /// and `13/01/25` under dmy were every row rejected, while the automatic reading took the
    /// first of them.
    @usableFromInline
    static func parseDayMonthOrder(_ tokens: [DateFormat.DatePatternToken], _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ yy: inout Int) -> CalendarDay? {
        guard tokens.count == 5, tokens[1] == .literal(UInt8(ascii: "/")), tokens[3] == .literal(UInt8(ascii: "/")), tokens[4] == .year4 else { return nil }
        let dayFirst: Bool
        switch (tokens[0], tokens[2]) {
        case (.day, .month): dayFirst = true
        case (.month, .day): dayFirst = false
        default: return nil
        }
        var i = start
        let (a, na) = readDigits(p, &i, end, max: 2)
        guard (1...2).contains(na), i < end else { return nil }
        let separator = p[i]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") || separator == UInt8(ascii: "-") else { return nil }
        i += 1
        let (b, nb) = readDigits(p, &i, end, max: 2)
        guard (1...2).contains(nb), i < end, p[i] == separator else { return nil }
        i += 1
        let (y, ny) = readDigits(p, &i, end, max: 4)
        guard ny == 4 || ny == 2, timeTailIsValid(p, i, end) else { return nil }
        if ny == 2 { yy = y }
        let year = ny == 4 ? y : expandTwoDigitYear(y)
        return dayFirst ? CalendarDay(year: year, month: b, day: a) : CalendarDay(year: year, month: a, day: b)
    }

    static func parseExactPattern(_ tokens: [DateFormat.DatePatternToken], _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ yy: inout Int) -> CalendarDay? {
        var i = start
        var year = -1, month = -1, day = 1
        for token in tokens {
            switch token {
            case .year4:
                let (v, n) = readDigits(p, &i, end, max: 4, strict: false)
                guard n == 4 else { return nil }
                year = v
            case .year2:
                let (v, n) = readDigits(p, &i, end, max: 2, strict: false)
                guard n == 2 else { return nil }
                yy = v
                year = expandTwoDigitYear(v)
            case .month:
                let (v, n) = readDigits(p, &i, end, max: 2, strict: false)
                guard n > 0 else { return nil }
                month = v
            case .day:
                let (v, n) = readDigits(p, &i, end, max: 2, strict: false)
                guard n > 0 else { return nil }
                day = v
            case .monthName:
                month = readMonthName(p, &i, end)
                guard month > 0 else { return nil }
            case .literal(let b):
                guard i < end, p[i] == b else { return nil }
                i += 1
            }
        }
        guard timeTailIsValid(p, i, end) else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    // MARK: - Pieces

    @usableFromInline @inline(__always)
    static func readDigits(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, max: Int, strict: Bool = true) -> (Int, Int) {
        var value = 0, count = 0
        while i < end, count < max {
            let d = Int(p[i]) &- 48
            guard d >= 0, d <= 9 else { break }
            value = value * 10 + d
            count += 1
            i += 1
        }
        // A longer digit run than the slot allows is not this shape at all (automatic detection).
        // An explicit pattern says where each slot ends, so `YYYYMMDD` reads 4 + 2 + 2 digits.
        if strict, i < end, count == max, p[i] >= 48, p[i] <= 57 { return (0, 0) }
        return (value, count)
    }

    /// Accepts nothing, or a time part after a space or `T` (`13:45`, `13:45:00.000`, `1:45 PM`, `Z`, offsets).
    @usableFromInline @inline(__always)
    static func timeTailIsValid(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        if i == end { return true }
        guard p[i] == 0x20 || p[i] == UInt8(ascii: "T"), i + 1 < end, p[i + 1] >= 48, p[i + 1] <= 57 else { return false }
        var j = i + 1
        while j < end {
            switch p[j] {
            case 48...57, UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), 0x20,
                 UInt8(ascii: "A"), UInt8(ascii: "P"), UInt8(ascii: "M"), UInt8(ascii: "a"), UInt8(ascii: "p"),
                 UInt8(ascii: "m"), UInt8(ascii: "Z"):
                j += 1
            default:
                return false
            }
        }
        return true
    }

    /// Two-digit years pivot at 70: `26` is 2026, `85` is 1985 (Excel's convention). The shapes
    /// read them so and report the two digits; `parse` moves the day into `twoDigitYears` when
    /// a file's years call for another window.
    @usableFromInline
    static func expandTwoDigitYear(_ yy: Int) -> Int { TwoDigitYearWindow.pivot.year(yy) }

    /// Monday of ISO week `week` of ISO week-year `year`.
    @usableFromInline
    static func isoWeekStart(year: Int, week: Int) -> CalendarDay? {
        guard CalendarDay.supportedYears.contains(year), week >= 1, week <= isoWeeks(in: year),
              let jan4 = CalendarDay(year: year, month: 1, day: 4) else { return nil }
        return jan4.adding(days: -(jan4.isoWeekday - 1) + (week - 1) * 7)
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday.
    public static func isoWeeks(in year: Int) -> Int {
        guard let jan1 = CalendarDay(year: year, month: 1, day: 1) else { return 52 }
        let wd = jan1.isoWeekday
        return wd == 4 || (wd == 3 && CalendarDay.isLeap(year)) ? 53 : 52
    }

    @usableFromInline
    static func quarterStart(year: Int, quarter: Int) -> CalendarDay? {
        guard (1...4).contains(quarter) else { return nil }
        return CalendarDay(year: year, month: (quarter - 1) * 3 + 1, day: 1)
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Keeps error messages one line long whatever the field held.
    public var clipped: String {
        let oneLine = self.map { $0.isNewline ? " " : $0 }
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : String(oneLine)
    }

    /// At most `limit` characters on one line, for echoing a user's text in a message.
    public func clipped(_ limit: Int) -> String {
        let oneLine = String(map { $0.isNewline ? " " : $0 })
        return oneLine.count > limit ? String(oneLine.prefix(limit - 3)) + "..." : oneLine
    }
}
