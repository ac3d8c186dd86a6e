/// Finds two exports joined end to end that overlap: the second export's header part way
/// down, then its first rows repeating the last rows above that header, line for line. An
/// extract of January to March with one of March to June appended repeated March's 96 lines,
/// and every one of them was summed twice (a month's demand doubled) while the summary said
/// only "1 repeated header row skipped".
///
/// A paginated report repeats its header too, but the next page's rows are new. So only where
/// a repeated header comes does anything get compared: the first row after it is looked for
/// among the last rows before it, and the rows after it must then match those rows in order
/// up to the header, the part above's end, at least `shortestRun` different lines in all. A
/// repeat of the file's first rows is an export appended to itself (`SelfAppendCheck`), an
/// error of its own. Late-posted rows in the overlap make the parts differ, and are no match.
///
/// The rows are known to repeat only once they have been read, so the import reads the file
/// again (`TableImport.SecondLook`), leaving the repeats out by their lines (`JoinOverlap`).
/// A hash a row is kept for the last `window` rows (no copies of their bytes, no strings): an
/// overlap longer than that is not found.
struct JoinOverlapCheck {
    static let window = 1 << 18
    static let shortestRun = 3
    /// How many kept hashes the looks at repeated headers may scan in all: a report with a
    /// header on each of thousands of pages stops looking once it is spent.
    static let scanBudget = 8 * window

    private var hashes: [UInt64] = []
    private var lines: [Int] = []
    /// Rows seen in all; row `n` is kept at `n % window` while `n` is among the last `window`.
    private var seen = 0
    private var scanned = 0
    /// The repeated header whose following rows are being compared: its line, the row count
    /// at it, and the row expected next (nil before the first row after it).
    private var header: (line: Int, at: Int)?
    private var expected: Int?
    private var runStart = 0
    private var firstLine = 0
    /// The lines of the run's first repeated row and of the last row above the header, kept
    /// as the run is found: a long run's slots are written over as it goes.
    private var repeatsFirst = 0, lastAbove = 0
    private var runHashes = Set<UInt64>()
    private(set) var found: [JoinOverlap] = []

    /// Takes a non-blank record of the file (before it is known to be a repeated header).
    mutating func see(_ record: CSVRecord) {
        let hash = JoinOverlapCheck.hash(record)
        if let at = header?.at {
            if let next = expected {
                if hashes[next % JoinOverlapCheck.window] == hash {
                    runHashes.insert(hash)
                    expected = next + 1
                    if next + 1 == at { confirm(lastLine: record.line) }
                } else {
                    header = nil
                }
            } else if let start = oldest(hash, before: at), start > 0 {
                runStart = start
                firstLine = record.line
                repeatsFirst = lines[start % JoinOverlapCheck.window]
                lastAbove = lines[(at - 1) % JoinOverlapCheck.window]
                runHashes = [hash]
                expected = start + 1
                if start + 1 == at { confirm(lastLine: record.line) }
            } else {
                header = nil
            }
        }
        let slot = seen % JoinOverlapCheck.window
        if slot == hashes.count {
            hashes.append(hash)
            lines.append(record.line)
        } else {
            hashes[slot] = hash
            lines[slot] = record.line
        }
        seen += 1
    }

    /// Tells that the record just seen repeats the header: it is no row, and the rows after
    /// it are compared with those before.
    mutating func headerRepeated(_ record: CSVRecord) {
        if seen > 0, lines[(seen - 1) % JoinOverlapCheck.window] == record.line { seen -= 1 }
        header = seen > 0 && scanned < JoinOverlapCheck.scanBudget ? (record.line, seen) : nil
        expected = nil
    }

    /// The earliest kept row before row `at` whose hash is `hash`.
    private mutating func oldest(_ hash: UInt64, before at: Int) -> Int? {
        let low = max(0, at - JoinOverlapCheck.window)
        scanned += at - low
        var n = low
        while n < at {
            if hashes[n % JoinOverlapCheck.window] == hash { return n }
            n += 1
        }
        return nil
    }

    /// The rows since the header have matched the rows above it up to the header.
    private mutating func confirm(lastLine: Int) {
        defer { header = nil; expected = nil }
        guard let (line, at) = header, runHashes.count >= JoinOverlapCheck.shortestRun else { return }
        found.append(JoinOverlap(headerLine: line, lines: firstLine...lastLine, rows: at - runStart,
                                 repeats: repeatsFirst...lastAbove))
    }

    /// A 64-bit hash of the record's fields, eight bytes at a time.
    static func hash(_ record: CSVRecord) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(record.count)
        for k in 0..<record.count {
            let field = record[k]
            guard let base = field.baseAddress else { h = (h ^ 0xFF) &* 0x100_0000_01B3; continue }
            var i = 0
            while i + 8 <= field.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            while i < field.count {
                h = (h ^ UInt64(field[i])) &* 0x100_0000_01B3
                i += 1
            }
            // The field's end, so that `ab,c` and `a,bc` differ.
            h = (h ^ UInt64(field.count) ^ 0xA5A5) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
        }
        return h
    }
}

/// Rows after a repeated header that repeat, line for line, the rows above it up to that
/// header (`JoinOverlapCheck`): exports joined with an overlap, left out on a second read.
public struct JoinOverlap: Sendable, Equatable {
    /// The repeated header's line.
    public var headerLine: Int
    /// The lines of the rows after it that repeat earlier ones.
    public var lines: ClosedRange<Int>
    public var rows: Int
    /// The lines they repeat, ending just above the header.
    public var repeats: ClosedRange<Int>

    /// "lines 285-380 (96 rows, dated 2024-03-01 to 2024-03-31) after the repeated header on
    /// line 284 repeat lines 188-283 exactly"; `dates` the span of their dates, when read.
    public func sentence(dates: ClosedRange<CalendarDay>?) -> String {
        let dated = dates.map { $0.lowerBound == $0.upperBound ? ", dated \($0.lowerBound)" : ", dated \($0.lowerBound) to \($0.upperBound)" } ?? ""
        return "lines \(lines.lowerBound)-\(lines.upperBound) (\(rows) row\(rows == 1 ? "" : "s")\(dated)) after the repeated header on line \(headerLine) repeat lines \(repeats.lowerBound)-\(repeats.upperBound) line for line: two exports joined with an overlap, so the repeats were left out, not counted twice (listed in the rejects file as skipped); if both copies are real rows, import the part from line \(headerLine) on as a file of its own"
    }
}
