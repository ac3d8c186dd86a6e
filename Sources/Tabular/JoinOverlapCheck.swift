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

    /// Row `n`'s hash at `n & mask`, four bytes a row: the ring is written on every accepted
    /// row, and a 64-bit hash and line beside it (16 bytes a row, 4 MB) cost a 5-million-row
    /// import cache misses it did not need. A 32-bit hash is plenty: an overlap needs
    /// `shortestRun` rows in a row to match up to the header, not one.
    private var hashes: [UInt32] = []
    static let mask = window - 1
    /// Row `n`'s line is `n` plus the shift of the last entry at or before `n`: a new entry
    /// only where a line was no row (a blank, a rejected row, a field over two lines).
    private var lineShifts: [(row: Int, shift: Int)] = []
    /// Rows seen in all; row `n` is kept at `n % window` while `n` is among the last `window`.
    private var seen = 0
    private var scanned = 0
    /// The repeated header whose following rows are being compared: its line and the row
    /// count at it.
    private var header: (line: Int, at: Int)?
    /// Every kept row before the header whose hash is the first row's after it, the latest
    /// `mostStarts` of them: a run may start at any (a recurring GL line, two equal issues on
    /// a day, had its earliest twin taken, whose next row differed, and the overlap was
    /// missed). All advance together, `offset` rows on; the one that reaches the header is it.
    private var starts: [Int] = []
    private var offset = 0
    static let mostStarts = 4096
    private var firstLine = 0
    /// The lines of the candidates' first rows and of the last row above the header, kept as
    /// the run is found: a long run's slots are written over as it goes.
    private var startLines: [Int] = []
    private var lastAbove = 0
    private var runHashes = Set<UInt32>()
    private(set) var found: [JoinOverlap] = []

    /// Takes a record of the file the import accepted as data (a totals row or a footer line
    /// is no row above a header: `Report Total` ending the first export hid the overlap).
    mutating func see(_ record: CSVRecord) {
        let hash = JoinOverlapCheck.hash(record)
        if let at = header?.at {
            if starts.isEmpty {
                starts = candidates(hash, before: at)
                if starts.isEmpty {
                    header = nil
                } else {
                    startLines = starts.map(line)
                    firstLine = record.line
                    lastAbove = line(at - 1)
                    runHashes = [hash]
                    offset = 0
                    advance(at: at, line: record.line)
                }
            } else {
                offset += 1
                runHashes.insert(hash)
                // A candidate's row `offset` on must be this one, and still kept.
                let oldestKept = seen - JoinOverlapCheck.window
                var k = 0
                while k < starts.count {
                    let n = starts[k] + offset
                    if n >= at || n < oldestKept || self.hash(n) != hash {
                        starts.remove(at: k)
                        startLines.remove(at: k)
                    } else {
                        k += 1
                    }
                }
                if starts.isEmpty { header = nil } else { advance(at: at, line: record.line) }
            }
        }
        let slot = seen & JoinOverlapCheck.mask
        if slot == hashes.count { hashes.append(hash) } else { hashes[slot] = hash }
        if lineShifts.last?.shift != record.line - seen {
            lineShifts.append((seen, record.line - seen))
            // The entries of rows no longer kept, but the last of them, go now and then.
            if lineShifts.count > 4096, let keep = lineShifts.firstIndex(where: { $0.row > seen - JoinOverlapCheck.window }), keep > 1 {
                lineShifts.removeFirst(keep - 1)
            }
        }
        seen += 1
    }

    /// Kept row `n`'s hash.
    @inline(__always)
    private func hash(_ n: Int) -> UInt32 { hashes[n & JoinOverlapCheck.mask] }

    /// Kept row `n`'s line.
    private func line(_ n: Int) -> Int {
        var low = 0, high = lineShifts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineShifts[mid].row <= n { low = mid } else { high = mid }
        }
        return n + (lineShifts.isEmpty ? 0 : lineShifts[low].shift)
    }

    /// After the row `offset` on: a candidate whose run has reached the header is the overlap
    /// when it holds `shortestRun` different lines; one that does not drops out, the earlier
    /// ones going on.
    private mutating func advance(at: Int, line: Int) {
        guard let k = starts.firstIndex(where: { $0 + offset + 1 == at }) else { return }
        if runHashes.count >= JoinOverlapCheck.shortestRun, let (headerLine, _) = header {
            found.append(JoinOverlap(headerLine: headerLine, lines: firstLine...line, rows: at - starts[k],
                                     repeats: startLines[k]...lastAbove))
            header = nil
            starts = []
            startLines = []
        } else {
            starts.remove(at: k)
            startLines.remove(at: k)
            if starts.isEmpty { header = nil }
        }
    }

    /// Tells that the record just seen repeats the header: it is no row, and the rows after
    /// it are compared with those before.
    mutating func headerRepeated(_ record: CSVRecord) {
        if seen > 0, line(seen - 1) == record.line {
            seen -= 1
            if lineShifts.last?.row == seen { lineShifts.removeLast() }
        }
        header = seen > 0 && scanned < JoinOverlapCheck.scanBudget ? (record.line, seen) : nil
        starts = []
        startLines = []
    }

    /// The kept rows before row `at` whose hash is `hash`, the latest `mostStarts` of them.
    private mutating func candidates(_ hash: UInt32, before at: Int) -> [Int] {
        // Not the file's first row: a repeat of the file's start is `SelfAppendCheck`'s.
        let low = max(1, at - JoinOverlapCheck.window)
        scanned += max(0, at - low)
        var found: [Int] = []
        var n = at - 1
        while n >= low, found.count < JoinOverlapCheck.mostStarts {
            if self.hash(n) == hash { found.append(n) }
            n -= 1
        }
        return found.reversed()
    }

    /// A 32-bit hash of the record's fields and where each ends (so that `ab,c` and `a,bc`
    /// differ). It runs on every accepted row: the parser leaves a record's fields side by
    /// side, so their bytes are read in one run (`mix`).
    static func hash(_ record: CSVRecord) -> UInt32 {
        let n = record.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard n > 0 else { return UInt32(truncatingIfNeeded: h >> 32) }
        var contiguous = true
        for k in 0..<n {
            h = (h &+ UInt64(truncatingIfNeeded: record.ends[k] - record.starts[k])) &* 0x100_0000_01B3
            if k > 0, record.starts[k] != record.ends[k - 1] { contiguous = false }
        }
        if contiguous {
            h = mix(record.bytes + record.starts[0], record.ends[n - 1] - record.starts[0], into: h)
        } else {
            for k in 0..<n { h = mix(record.bytes + record.starts[k], record.ends[k] - record.starts[k], into: h) }
        }
        h ^= h >> 29
        h &*= 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: h >> 32)
    }

    /// Eight bytes a step, one multiply each; the last few bytes as one word, read from the
    /// last eight when the run is that long (overlapping the step before), else byte by byte.
    @inline(__always)
    private static func mix(_ base: UnsafePointer<UInt8>, _ count: Int, into hash: UInt64) -> UInt64 {
        var h = hash, i = 0
        let raw = UnsafeRawPointer(base)
        while i &+ 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h = h ^ (h >> 31)
            i &+= 8
        }
        guard i < count else { return h }
        var tail: UInt64 = 0
        if count >= 8 {
            tail = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        } else {
            while i < count { tail = tail << 8 | UInt64(base[i]); i &+= 1 }
        }
        h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 31)
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
    /// Found in a file that repeats its header more than `mostJoinHeaders` times, a paginated
    /// report: the rows are kept, and the note names them as a suspected overlap. An OR pick
    /// list issuing the same four lines for two knee cases on one day, a page break between,
    /// had the second case's lines left out as an overlap.
    public var kept = false
    /// A pair of exports joined with `cat` repeats its header once, or twice with a title block.
    public static let mostJoinHeaders = 2

    public init(headerLine: Int, lines: ClosedRange<Int>, rows: Int, repeats: ClosedRange<Int>) {
        self.headerLine = headerLine
        self.lines = lines
        self.rows = rows
        self.repeats = repeats
    }

    /// "lines 285-380 (96 rows, dated 2024-03-01 to 2024-03-31) after the repeated header on
    /// line 284 repeat lines 188-283 exactly"; `dates` the span of their dates, when read.
    public func sentence(dates: ClosedRange<CalendarDay>?) -> String {
        let dated = dates.map { $0.lowerBound == $0.upperBound ? ", dated \($0.lowerBound)" : ", dated \($0.lowerBound) to \($0.upperBound)" } ?? ""
        if kept {
            return "lines \(lines.lowerBound)-\(lines.upperBound) (\(rows) row\(rows == 1 ? "" : "s")\(dated)) after the repeated header on line \(headerLine) repeat lines \(repeats.lowerBound)-\(repeats.upperBound) line for line, and were counted: the file repeats its header on many pages (a paginated report), where equal rows on both sides of a page break can be real; if it is two exports joined with an overlap, remove lines \(lines.lowerBound)-\(lines.upperBound) (or import the part from line \(headerLine) on as a file of its own)"
        }
        return "lines \(lines.lowerBound)-\(lines.upperBound) (\(rows) row\(rows == 1 ? "" : "s")\(dated)) after the repeated header on line \(headerLine) repeat lines \(repeats.lowerBound)-\(repeats.upperBound) line for line: two exports joined with an overlap, so the repeats were left out, not counted twice (listed in the rejects file as skipped); if both copies are real rows, import the part from line \(headerLine) on as a file of its own"
    }
}
