/// Finds two exports joined end to end that overlap: the second export's header part way
/// down, then its first rows repeating the last rows above that header, row for row. An
/// extract of January to March with one of March to June appended repeated March's 96 lines,
/// and every one of them was summed twice (a month's demand doubled) while the summary said
/// only "1 repeated header row skipped".
///
/// A paginated report repeats its header too, but the next page's rows are new. So only where
/// a repeated header comes does anything get compared: the first row after it is looked for
/// among the last rows before it, and the rows after it must then match those rows in order
/// up to the header, the part above's end, at least `shortestRun` different lines in all, but
/// for a few rows posted late or voided since (`Run`). A repeat of the file's first rows is an
/// export appended to itself (`SelfAppendCheck`), an error of its own.
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
    /// How many steps the runs may take in all: 4,096 runs of one line over and over, a
    /// file of one row repeated with a header every 50 rows, took minutes. An overlap of
    /// 4,000 such rows is still followed to its end.
    static let stepBudget = 64 * window

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
    private var steps = 0
    /// The latest repeated header whose first rows are looked for among the rows above it:
    /// its line and the row count at it, until runs start from it or none can.
    private var look: (line: Int, at: Int)?
    /// Lines after that header before any run started: rows posted late, if a run follows.
    private var leading: [Int] = []
    /// The runs being followed, from every kept row before a header whose hash is the first
    /// row's after it, the latest `mostStarts` of them: a run may start at any (a recurring GL
    /// line, two equal issues on a day, had its earliest twin taken, whose next row differed,
    /// and the overlap was missed). A later header ends them (a page break: runs over it
    /// took two pages of one kit repeated in a paginated report for an overlap), so all
    /// follow one header, `runsHeader`, and start on one line, `firstLine`.
    private var runs: [Run] = []
    private var runsHeader = (line: 0, at: 0)
    private var firstLine = 0
    static let mostStarts = 4096
    /// The best overlap a run has shown so far, the one with the fewest rows late or gone and
    /// then the first to end, taken once no run is followed (or at the next header): a run
    /// ending on the row before the last rows above, gone, may yet be outdone by one reaching
    /// them.
    private var pending: (overlap: JoinOverlap, differences: Int)?
    /// The line of the last row seen.
    private var lastLine = 0
    private var taken: [JoinOverlap] = []

    /// The overlaps found.
    var found: [JoinOverlap] { taken + (pending.map { [$0.overlap] } ?? []) }

    /// A run of the rows after a repeated header repeating the kept rows before it, in order,
    /// from `start` on. The later export of two joined ones may differ a little where they
    /// overlap: a row posted late comes among the repeats (`late`, kept: it is in no row
    /// above), and a row voided or changed since is missing from them (`gone`, its line above
    /// counted once). A March re-exported with one row posted late had matched no run, and all
    /// its other rows were summed twice, with no word.
    private struct Run {
        var start: Int
        var startLine: Int
        /// The kept row the next row after the header should repeat.
        var next: Int
        var late: [Int]
        var gone: [Int] = []
        /// The first `shortestRun` different hashes matched: a run of one line over and over
        /// is no evidence.
        var different: [UInt32] = []
        /// Rows after the header that repeat one above.
        var matched: Int { next - start - gone.count }
        /// Rows late or gone (a row changed since is both, and counts once).
        var differences: Int { max(late.count, gone.count) }
        /// An overlap differs in at most one row in eight, and only when it repeats
        /// `shortestLoose` rows at least: two paged cases' kits of one line more or less are not
        /// one. While it is followed, one more (a late row may come first).
        var differsTooMuch: Bool { differences > 1 + matched / 8 }
        var isOverlap: Bool {
            different.count >= JoinOverlapCheck.shortestRun && (differences == 0 || (matched >= Run.shortestLoose && differences <= matched / 8))
        }
        static let shortestLoose = 16
        /// Rows above skipped over at once as gone, at most: more, and the row is taken as late.
        static let longestGap = 3

        mutating func matches(_ hash: UInt32) {
            next += 1
            if different.count < JoinOverlapCheck.shortestRun, !different.contains(hash) { different.append(hash) }
        }
    }

    /// Takes a record of the file the import accepted as data (a totals row or a footer line
    /// is no row above a header: `Report Total` ending the first export hid the overlap).
    mutating func see(_ record: CSVRecord) {
        let hash = JoinOverlapCheck.hash(record)
        // Only after a repeated header: most files have none, and this runs on every row.
        if look != nil || !runs.isEmpty { compare(hash, record.line) }
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

    /// The row after a repeated header: the runs followed take it, and runs start from it
    /// where the latest header is looked at.
    private mutating func compare(_ hash: UInt32, _ line: Int) {
        if !runs.isEmpty { follow(hash, line: line) }
        if let look {
            let starts = candidates(hash, before: look.at)
            if starts.isEmpty {
                // A row posted late may come first; two such rows and no run has started.
                leading.append(line)
                if leading.count > 1 { self.look = nil }
            } else {
                runsHeader = look
                firstLine = leading.first ?? line
                for start in starts {
                    var run = Run(start: start, startLine: self.line(start), next: start, late: leading)
                    run.matches(hash)
                    runs.append(run)
                }
                self.look = nil
            }
        }
        finish(line: line)
        lastLine = line
    }

    /// Each run's next row must be this one, and still kept; or one of the few after it,
    /// those skipped gone; or this row is late. Each run's step is spent from the budget:
    /// runs of one line over and over go on until they reach their header.
    private mutating func follow(_ hash: UInt32, line: Int) {
        steps += runs.count
        if steps >= JoinOverlapCheck.stepBudget { runs = [] }
        let oldestKept = seen - JoinOverlapCheck.window
        var k = 0
        while k < runs.count {
            let n = runs[k].next, at = runsHeader.at
            if n < oldestKept {
                runs.remove(at: k)
                continue
            }
            if self.hash(n) == hash {
                runs[k].matches(hash)
            } else if let gap = (1...Run.longestGap).first(where: { n + $0 < at && self.hash(n + $0) == hash }) {
                runs[k].gone += (n..<n + gap).map(self.line)
                runs[k].next = n + gap
                runs[k].matches(hash)
            } else {
                // The last few rows above may be gone, the overlap ending on the row before
                // this one (a March re-exported after its last row was voided or changed).
                if at - n <= Run.longestGap {
                    var ended = runs[k]
                    ended.gone += (n..<at).map(self.line)
                    ended.next = at
                    consider(ended, line: lastLine)
                }
                runs[k].late.append(line)
            }
            if runs[k].differsTooMuch { runs.remove(at: k) } else { k += 1 }
        }
    }

    /// After a row: the runs that have reached their header end, the best overlap among them
    /// kept (`pending`); once no run is followed, it is taken.
    private mutating func finish(line: Int) {
        var k = 0
        while k < runs.count {
            if runs[k].next == runsHeader.at {
                consider(runs[k], line: line)
                runs.remove(at: k)
            } else {
                k += 1
            }
        }
        if runs.isEmpty, let best = pending {
            taken.append(best.overlap)
            pending = nil
        }
    }

    /// Keeps `run`, ended on `line`, as the pending overlap if it is one and the best so far.
    private mutating func consider(_ run: Run, line: Int) {
        guard run.isOverlap, pending.map({ run.differences < $0.differences }) ?? true else { return }
        let overlap = JoinOverlap(headerLine: runsHeader.line, lines: firstLine...line, rows: run.matched,
                                  repeats: run.startLine...self.line(runsHeader.at - 1), late: run.late, gone: run.gone)
        pending = (overlap, run.differences)
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

    /// Tells that the record just seen repeats the header: it is no row, and the rows after
    /// it are compared with those before. The runs from an earlier header end here, the best
    /// overlap they showed taken.
    mutating func headerRepeated(_ record: CSVRecord) {
        if seen > 0, line(seen - 1) == record.line {
            seen -= 1
            if lineShifts.last?.row == seen { lineShifts.removeLast() }
        }
        runs = []
        if let best = pending {
            taken.append(best.overlap)
            pending = nil
        }
        look = seen > 0 && scanned < JoinOverlapCheck.scanBudget && steps < JoinOverlapCheck.stepBudget ? (record.line, seen) : nil
        leading = []
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

/// Rows after a repeated header that repeat, row for row, the rows above it up to that
/// header (`JoinOverlapCheck`): exports joined with an overlap, left out on a second read.
public struct JoinOverlap: Sendable, Equatable {
    /// The repeated header's line.
    public var headerLine: Int
    /// The lines of the rows after it that repeat earlier ones, and of the `late` among them.
    public var lines: ClosedRange<Int>
    /// The rows that repeat earlier ones.
    public var rows: Int
    /// The lines they repeat, ending just above the header, and the `gone` among them.
    public var repeats: ClosedRange<Int>
    /// Lines among `lines` that repeat no row above (posted late): read, in order.
    public var late: [Int]
    /// Lines among `repeats` that do not come again (voided or changed since): read once.
    public var gone: [Int]
    /// Found in a file that repeats its header more than `mostJoinHeaders` times, a paginated
    /// report: the rows are kept, and the note names them as a suspected overlap. An OR pick
    /// list issuing the same four lines for two knee cases on one day, a page break between,
    /// had the second case's lines left out as an overlap.
    public var kept = false
    /// A pair of exports joined with `cat` repeats its header once, or twice with a title block.
    public static let mostJoinHeaders = 2

    public init(headerLine: Int, lines: ClosedRange<Int>, rows: Int, repeats: ClosedRange<Int>, late: [Int] = [], gone: [Int] = []) {
        self.headerLine = headerLine
        self.lines = lines
        self.rows = rows
        self.repeats = repeats
        self.late = late
        self.gone = gone
    }

    /// Whether the row on `line` is one of the repeats, left out unless `kept`.
    public func repeats(line: Int) -> Bool {
        lines.contains(line) && !JoinOverlap.holds(late, line)
    }

    /// Whether the ascending `lines` hold `line`.
    private static func holds(_ lines: [Int], _ line: Int) -> Bool {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid] < line { low = mid + 1 } else { high = mid }
        }
        return low < lines.count && lines[low] == line
    }

    /// "lines 8-11 but 9": the repeats' lines, for the user to remove.
    public var repeatLines: String {
        "lines \(lines.lowerBound)-\(lines.upperBound)" + (late.isEmpty ? "" : " but " + JoinOverlap.listed(late))
    }

    /// "9", "9 and 12", "9, 12, 15, 20 and 31 and 4 more".
    static func listed(_ lines: [Int]) -> String {
        lines.prefix(5).map(String.init).listedWithAnd(upTo: 5, of: lines.count)
    }

    /// How the repeats match the lines above: "line for line", or which lines differ.
    private var match: String {
        var parts: [String] = []
        if !late.isEmpty {
            parts.append("line\(late.count == 1 ? "" : "s") \(JoinOverlap.listed(late)) after the header, in no line above (posted late?), which \(late.count == 1 ? "was" : "were") counted")
        }
        if !gone.isEmpty {
            parts.append("line\(gone.count == 1 ? "" : "s") \(JoinOverlap.listed(gone)) above, which \(gone.count == 1 ? "does" : "do") not come again (voided or changed since?) and \(gone.count == 1 ? "was" : "were") counted once")
        }
        return parts.isEmpty ? "line for line" : "but for " + parts.joined(separator: ", and ")
    }

    /// "lines 285-380 (96 rows, dated 2024-03-01 to 2024-03-31) after the repeated header on
    /// line 284 repeat lines 188-283 line for line"; `dates` the span of their dates, when read.
    public func sentence(dates: ClosedRange<CalendarDay>?) -> String {
        let dated = dates.map { $0.lowerBound == $0.upperBound ? ", dated \($0.lowerBound)" : ", dated \($0.lowerBound) to \($0.upperBound)" } ?? ""
        let head = "lines \(lines.lowerBound)-\(lines.upperBound) (\(rows) row\(rows == 1 ? "" : "s")\(dated)) after the repeated header on line \(headerLine) repeat lines \(repeats.lowerBound)-\(repeats.upperBound) \(match)"
        if kept {
            return head + ", and were counted: the file repeats its header on many pages (a paginated report), where equal rows on both sides of a page break can be real; if it is two exports joined with an overlap, remove \(repeatLines) (or import the part from line \(headerLine) on as a file of its own)"
        }
        return head + ": two exports joined with an overlap, so the repeats were left out, not counted twice (listed in the rejects file as skipped); if both copies are real rows, import the part from line \(headerLine) on as a file of its own"
    }
}
