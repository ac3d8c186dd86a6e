import Tabular

extension ExportInspection {
    /// Date formats tried on a column, in order of preference on a tie.
    static let dateFormats = ["iso", "mdy", "dmy", "DD-MMM-YY", "DD-MMM-YYYY", "MMM D, YYYY", "auto"]

    /// Values named as not read under a column; the count says how many more there are.
    static let notReadShown = 3

    // MARK: - The decimal mark

    /// How a column's values read as numbers with a decimal point and with a decimal comma.
    struct NumberReading {
        var values = 0
        var withPoint = 0
        var withComma = 0
        /// Some value holds a comma and reads only as a decimal comma (`3,5`, `1.234,50`).
        var commaDecides = false
        /// Some value holds a mark and reads only with a decimal point (`1,234.50`, `2.5`).
        var pointDecides = false
        /// The first value that reads both ways and that the file's delimiter leaves in doubt
        /// (`1,500` in a file separated by semicolons).
        var ambiguous: String?

        init(_ samples: [Sample], point: NumberParser, comma: NumberParser) {
            values = samples.count
            let plain = NumberParser()
            for sample in samples {
                let byPoint = point.parse(sample.text) != nil, byComma = comma.parse(sample.text) != nil
                let byPlainPoint = byPoint || plain.parse(sample.text) != nil
                if byPoint { withPoint += 1 }
                if byComma { withComma += 1 }
                // A value the delimiter alone leaves in doubt decides nothing.
                if byComma && !byPlainPoint && sample.text.contains(",") { commaDecides = true }
                if byPlainPoint && !byComma && (sample.text.contains(",") || sample.text.contains(".")) { pointDecides = true }
                if !byPoint && byPlainPoint && byComma && ambiguous == nil { ambiguous = sample.text }
            }
        }

        var prefersComma: Bool { commaDecides && withComma > withPoint && withComma * 2 > values }
        var prefersPoint: Bool { withPoint > withComma && withPoint * 2 > values }
    }

    /// The file's decimal mark as the samples show it. The mark is one setting for the whole
    /// import, so it is the file that decides.
    /// - `comma`: some column reads as numbers for most of its values only with a decimal comma
    ///   (a comma before the decimals, `3,5`), and no column reads better with a point (`2.50`).
    ///   `3,5` cannot group thousands, while a quoted `"1,234"` in a comma-separated file reads
    ///   both ways and so stays a thousands separator.
    /// - `statePoint`: a point that must be stated (`--decimal-point`), when values the
    ///   delimiter leaves in doubt (`1,500` beside semicolons) sit beside a value only a point
    ///   reads (`1,234.50`).
    /// - `undecided`: the first doubtful value when no value settles it either way.
    static func decimalMark(_ samples: [[Sample]], delimiter: UInt8, datesDotted: Bool = false) -> (comma: Bool, statePoint: Bool, undecided: String?) {
        let point = NumberParser(decimalComma: false, delimiter: delimiter, datesDotted: datesDotted), comma = NumberParser(decimalComma: true)
        let readings = samples.map { NumberReading($0, point: point, comma: comma) }
        let byComma = readings.contains(where: \.prefersComma) && !readings.contains(where: \.prefersPoint)
        guard !byComma, let doubt = readings.lazy.compactMap(\.ambiguous).first else { return (byComma, false, nil) }
        let pointDecided = readings.contains(where: \.pointDecides)
        return (false, pointDecided, pointDecided ? nil : doubt)
    }

    // MARK: - Column types

    /// The type most of a column's values read as (more than half), with the values that do
    /// not: a totals row or a stray note makes a date column 3 of 4 read, not text, and the
    /// report names the value. On a tie, number before period before date (a period is also
    /// a date; `202401` is also a number).
    static func guess(header: String, samples values: [Sample], empty: Int, numbers: NumberParser) -> Column {
        var column = Column(header: header, type: "empty", examined: values.count, samples: samples(values.map(\.text)), emptyCells: empty)
        guard !values.isEmpty else { return column }
        var candidates: [(type: String, format: String?, reads: (String) -> Bool)] = [
            ("number", nil, { numbers.parse($0) != nil }),
            ("period", nil, isPeriod),
        ]
        for name in dateFormats {
            guard let format = try? DateFormat(parsing: name) else { continue }
            let parser = DateParser(format: format)
            candidates.append(("date", name, { parser.parse($0) != nil }))
        }
        var best: (index: Int, read: Int)?
        var reads = [Int](repeating: 0, count: candidates.count)
        for (i, candidate) in candidates.enumerated() {
            let read = values.filter { candidate.reads($0.text) }.count
            reads[i] = read
            if read > (best?.read ?? 0) { best = (i, read) }
        }
        // Eight digits that all read as days (`20230701`, a PBJ file's WorkDate) are dates,
        // as the import reads them, not numbers: the date role was said not to read.
        if let b = best, candidates[b.index].type == "number", let auto = candidates.indices.last, candidates[auto].format == "auto",
           reads[auto] == b.read, values.allSatisfy({ $0.text.utf8.count == 8 && $0.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            best = (auto, reads[auto])
        }
        guard var best, best.read * 2 > values.count else {
            column.type = "text"
            return column
        }
        // Month-first and day-first read every value alike (`01.07.2025`, `1/5/2026`): the order
        // shown is the one the import reads without --date-format. Dots are day-first there;
        // labelled mdy, a German export's 01.01.2025 ... 01.12.2025 was warned of as all in
        // January, and `--date-format mdy`, if followed, summed the twelve months into one.
        var dayFirstByDefault = false
        if candidates[best.index].format == "mdy", let dmy = candidates.firstIndex(where: { $0.format == "dmy" }), reads[dmy] == best.read,
           let mdyFormat = try? DateFormat(parsing: "mdy"), let dmyFormat = try? DateFormat(parsing: "dmy") {
            let auto = DateParser(), monthFirst = DateParser(format: mdyFormat), dayFirst = DateParser(format: dmyFormat)
            let read = values.lazy.map(\.text).filter { monthFirst.parse($0) != nil }
            if read.contains(where: { monthFirst.parse($0) != dayFirst.parse($0) }), read.allSatisfy({ auto.parse($0) == dayFirst.parse($0) }) {
                best = (dmy, reads[dmy])
                dayFirstByDefault = true
            }
        }
        let chosen = candidates[best.index]
        column.type = chosen.type
        column.dateFormat = chosen.format
        column.dateFormatIsDefault = dayFirstByDefault
        column.read = best.read
        column.share = Double(best.read) / Double(values.count)
        column.notRead = Array(values.lazy.filter { !chosen.reads($0.text) }.prefix(notReadShown))
        column.decimalComma = chosen.type == "number" && numbers.decimalComma
            && values.contains { $0.text.contains(",") || $0.text.contains(".") }
        // Read as the import reads them (slashes month-first), every date on the 1st to 12th of
        // one month: one day of each month written day-first (10/MM/YYYY), which the import
        // would sum into that month. Dotted dates read day-first, and are not looked at so.
        if chosen.type == "date", chosen.format == "mdy" || chosen.format == "auto" {
            let parser = DateParser()
            var look = DayFirstLook()
            for day in Set(values.compactMap { parser.parse($0.text) }).sorted() { look.see(day) }
            column.dayFirstLook = look.sentence("every date in '\(column.header)'")
        }
        return column
    }

    /// The first 3 distinct values, clipped to 40 characters.
    static func samples(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !seen.contains(value) {
            seen.append(value)
            if seen.count == 3 { break }
        }
        return seen.map { $0.count > 40 ? String($0.prefix(37)) + "..." : $0 }
    }

    /// A month, week or quarter without a day: `2026-07`, `2026-W27`, `2026-Q3`, `JAN96`,
    /// `Jun-06`, `June 2026`.
    static func isPeriod(_ text: String) -> Bool {
        let t = text.trimmed()
        guard DateParser().parse(t) != nil else { return false }
        let bytes = Array(t.utf8)
        let digits = bytes.filter { $0 >= 48 && $0 <= 57 }.count
        // Letters as characters: `Mär 2026` (German, `DateParser.monthSpellingLists`) has three.
        let letters = t.filter(\.isLetter).count
        if letters == 0 { return bytes.count == 7 && bytes[4] == UInt8(ascii: "-") && digits == 6 }
        if t.count == 8, bytes[4] == UInt8(ascii: "-"), letters == 1 { return true }  // 2026-W27
        if t.count == 7, bytes[4] == UInt8(ascii: "-"), letters == 1 { return true }  // 2026-Q3
        // A month name and a year only (2 or 4 digits): no day.
        return letters >= 3 && (digits == 2 || digits == 4) && t.first?.isLetter == true
    }
}
