import Tabular

extension ExportInspection {
    /// Reads every value of a column beyond its sample as the type the sample chose, so that
    /// the counts and lines the report gives are the whole file's. Typed from its first 1,000
    /// values alone, a column was shown as "100% of 1001 values read" while an `N/A` on line
    /// 1,502, a `#VALUE!` on line 63,556 or 300 day-first dates from line 1,202 on went unseen,
    /// and the import then rejected the rows.
    ///
    /// Only the chosen type is tried (one parse a value, from the bytes, with the import's own
    /// parsers), and a date that repeats the row above is not parsed again.
    struct ValueCheck {
        enum Reading {
            /// Text, or a column not typed yet: every value reads.
            case none
            case number(NumberParser)
            case period
            case date(DateParser)
        }

        private(set) var reading: Reading = .none
        /// Whether the column's type was settled (a text column's stays unsettled).
        var isSettled: Bool { if case .none = reading { false } else { true } }
        /// Values checked, and those that read as the type.
        private(set) var checked = 0, read = 0
        /// The first values that do not read, with their lines.
        private(set) var notRead: [Sample] = []
        /// For a date column read month-first: whether its dates look written day-first, over
        /// the sample's days and every later one (`DayFirstLook` wants each day once).
        private(set) var look: DayFirstLook?
        private var lookDays: Set<CalendarDay> = []
        private var cache = DateFieldCache()
        /// A date column's days as the import reads them: the first and last of those written
        /// with four-digit years, and each distinct day written with two, moved at the end into
        /// the hundred years the import reads them in (`TwoDigitYearWindow.fitting`).
        private var span = DateSpan()
        /// For a column read month-first (mdy): what its slash dates say of their order, and
        /// its days read day-first, as the import reads the whole file again day-first when a
        /// date of any of its date columns reads only so and none only month-first
        /// (`DayMonthEvidence`). A `25/12/2025` after the first 1,000 values was shown as not
        /// read and the span month-first, while the import read all 1,502 rows day-first; a
        /// receipt column of days up to the 12th was shown month-first beside its order dates
        /// read day-first, while the import reads both day-first.
        private var dayFirst: (parser: DateParser, evidence: DayMonthEvidence, span: DateSpan, readOnlySo: Int, notRead: [Sample])?
        /// For a date column in any order: which order its slash dates read in alone, the
        /// column's part of the file's one decision (`ExportInspection.dateOrder`), as the
        /// import decides from every date column of the file.
        private(set) var order: DayMonthEvidence?

        struct DateSpan {
            struct TwoDigitDay: Hashable { var day: CalendarDay, yy: Int }
            var first: CalendarDay?, last: CalendarDay?
            var twoDigit: Set<TwoDigitDay> = []
            var years = TwoDigitYearsSeen()
            /// A period column's days are its months' first: shown as months.
            var months = false

            /// The day `parser` reads in the field, seen with its two-digit year; nil when none.
            mutating func see(_ field: UnsafeBufferPointer<UInt8>, with parser: DateParser) -> CalendarDay? {
                var yy = -1
                guard let day = parser.parse(field, twoDigitYear: &yy) else { return nil }
                see(day, yy: yy)
                return day
            }

            mutating func see(_ text: String, with parser: DateParser) -> CalendarDay? {
                var text = text
                return text.withUTF8 { see($0, with: parser) }
            }

            mutating func see(_ day: CalendarDay, yy: Int) {
                if yy >= 0 {
                    if twoDigit.insert(TwoDigitDay(day: day, yy: yy)).inserted { years.insert(yy) }
                    return
                }
                first = first.map { min($0, day) } ?? day
                last = last.map { max($0, day) } ?? day
            }

            /// "1969-12-31 to 1970-06-01", with how two-digit years were read when the
            /// import's window differs from the fixed pivot; nil without a day.
            var text: String? {
                let window = years.window ?? .pivot
                var first = self.first, last = self.last
                for seen in twoDigit {
                    let day = window.moving(seen.day, yy: seen.yy) ?? seen.day
                    first = first.map { min($0, day) } ?? day
                    last = last.map { max($0, day) } ?? day
                }
                guard let first, let last else { return nil }
                let shown = { (day: CalendarDay) in self.months ? String(day.description.prefix(7)) : day.description }
                let range = first == last ? shown(first) : "\(shown(first)) to \(shown(last))"
                guard window != .pivot, window.differsFromPivot(for: years) else { return range }
                return range + " (two-digit years read as one run of years, \(window.span(of: years)), as the import reads them)"
            }
        }

        init() {}

        /// The check for `column`, guessed from `sample` with `numbers`, the file's parser.
        init(column: Column, sample: [Sample], numbers: NumberParser) {
            switch column.type {
            case "number": reading = .number(numbers)
            case "period":
                reading = .period
                span.months = true
                let parser = DateParser()
                for value in sample where ExportInspection.isPeriod(value.text) { _ = span.see(value.text, with: parser) }
            case "date":
                guard let name = column.dateFormat, let format = try? DateFormat(parsing: name) else { return }
                let parser = DateParser(format: format)
                reading = .date(parser)
                order = DayMonthEvidence()
                if name == "mdy", let dmy = try? DateFormat(parsing: "dmy") {
                    dayFirst = (DateParser(format: dmy), DayMonthEvidence(), DateSpan(), 0, [])
                }
                for value in sample {
                    var text = value.text
                    let read = span.see(text, with: parser) != nil
                    text.withUTF8 {
                        seeDayFirst($0, read: read, line: value.line)
                        order?.seeWritten($0, read: read, line: value.line)
                    }
                }
                // `guess` looks for day-first dates only in these formats, reading them as the
                // import does (automatically).
                if name == "mdy" || name == "auto" {
                    var look = DayFirstLook()
                    let auto = DateParser()
                    for value in sample {
                        if let day = auto.parse(value.text), lookDays.insert(day).inserted { look.see(day) }
                    }
                    self.look = look
                    if look.ruledOut { lookDays = [] }
                }
            default: return
            }
        }

        /// Reads one non-blank value of the column, found on `line`.
        mutating func check(_ field: UnsafeBufferPointer<UInt8>, line: Int) {
            let reads: Bool
            switch reading {
            case .none:
                return
            case .number(let numbers):
                reads = numbers.parse(field) != nil
            case .period:
                if cache.day(of: field) != nil {
                    reads = true
                } else if ExportInspection.isPeriod(field), let day = span.see(field, with: DateParser()) {
                    cache.remember(field, day)
                    reads = true
                } else {
                    reads = false
                }
            case .date(let parser):
                if cache.day(of: field) != nil {
                    reads = true
                } else if let day = span.see(field, with: parser) {
                    cache.remember(field, day)
                    reads = true
                    see(field)
                    seeDayFirst(field, read: true, line: line)
                    order?.seeWritten(field, read: true, line: line)
                } else {
                    reads = false
                    seeDayFirst(field, read: false, line: line)
                    order?.seeWritten(field, read: false, line: line)
                }
            }
            checked += 1
            if reads {
                read += 1
            } else if notRead.count < ExportInspection.notReadShown {
                notRead.append(Sample(text: String(decoding: field, as: UTF8.self), line: line))
            }
        }

        /// Adds a date of a month-first column to its day-first reading.
        private mutating func seeDayFirst(_ field: UnsafeBufferPointer<UInt8>, read: Bool, line: Int) {
            guard var current = dayFirst else { return }
            current.evidence.see(field, read: read)
            if current.span.see(field, with: current.parser) != nil {
                if !read { current.readOnlySo += 1 }
            } else if !read && current.notRead.count < ExportInspection.notReadShown {
                current.notRead.append(Sample(text: String(decoding: field, as: UTF8.self), line: line))
            }
            dayFirst = current
        }

        /// Adds a new date to the day-first look while the look still holds.
        private mutating func see(_ field: UnsafeBufferPointer<UInt8>) {
            guard var current = look, !current.ruledOut, let day = DateParser().parse(field), lookDays.insert(day).inserted else { return }
            current.see(day)
            look = current
            if current.ruledOut { lookDays = [] }
        }

        /// `column`, guessed from its sample, with the values beyond the sample added;
        /// `fileDayFirst` says whether the file's dates read day-first, decided from all its
        /// date columns (`ExportInspection.dateOrder`).
        func merged(into column: Column, fileDayFirst: Bool = false) -> Column {
            var column = column
            column.dates = span.text
            if checked > 0 {
                column.examined += checked
                column.read += read
                column.notRead = Array((column.notRead + notRead).prefix(ExportInspection.notReadShown))
                if let look { column.dayFirstLook = look.sentence("every date in '\(column.header)'") }
            }
            // (A column whose sample is all there is too: the evidence may be another column's.)
            // Day-first evidence in the file (past the sample, or in another column) and none
            // month-first: shown as the import reads it, the whole column day-first.
            if let dayFirst, fileDayFirst, dayFirst.evidence.slashDates, !dayFirst.evidence.otherShape, !dayFirst.evidence.monthFirst {
                column.dateFormat = "dmy"
                column.dateFormatIsDefault = true
                column.read += dayFirst.readOnlySo
                column.notRead = Array((column.notRead.filter { dayFirst.parser.parse($0.text) == nil } + dayFirst.notRead).prefix(ExportInspection.notReadShown))
                column.dates = dayFirst.span.text
                column.dayFirstLook = nil
            }
            if column.share != nil, column.examined > 0 { column.share = Double(column.read) / Double(column.examined) }
            return column
        }
    }

    /// `isPeriod` on a field's bytes; text that is not ASCII is handed to the `String` reading,
    /// which counts characters.
    static func isPeriod(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: field[start..<end])
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return isPeriod(String(decoding: field, as: UTF8.self)) }
        guard DateParser().parse(bytes) != nil else { return false }
        var digits = 0, letters = 0
        for b in bytes {
            if b >= 48 && b <= 57 { digits += 1 } else if (b | 0x20) >= 97 && (b | 0x20) <= 122 { letters += 1 }
        }
        let dash = bytes.count > 4 && bytes[4] == UInt8(ascii: "-")
        if letters == 0 { return bytes.count == 7 && dash && digits == 6 }
        if (bytes.count == 8 || bytes.count == 7), dash, letters == 1 { return true }  // 2026-W27, 2026-Q3
        let first = bytes[0] | 0x20
        return letters >= 3 && (digits == 2 || digits == 4) && first >= 97 && first <= 122
    }
}
