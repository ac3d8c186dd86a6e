import Tabular

extension ExportInspection {
    /// Data lines identical to an earlier one, field for field, and the longest run of them
    /// that repeats a run of earlier lines in order: an export pulled in pages that overlap.
    /// A reviewer's OR issues export repeated its lines 64-77 as lines 78-91, identical down to
    /// their time stamps, the dates going back a week: the import summed both, 84 sutures a
    /// week read as 132 ($1,184 of phantom use in one week), and `inspect` said only
    /// "rows: 126 data rows".
    ///
    /// Each row is kept as a 64-bit hash of its fields with its row number and line (the rows
    /// themselves are not kept): memory grows by some 30 bytes a row, and past
    /// `RepeatedLines.limit` rows no more are looked at and the report says so. Two distinct
    /// rows sharing a hash is a chance of about one in 10^7 for a file of a million rows.
    struct RepeatedLines {
        /// Rows whose hashes are kept: 5,000,000 rows hold some 150 MB.
        static let limit = 5_000_000

        struct Seen { var row: Int32; var line: Int32 }
        struct Block: Equatable { var first: Int, last: Int, firstOriginal: Int, lastOriginal: Int, count: Int }

        private var seen: [Int: Seen] = [:]
        private(set) var rows = 0
        /// Rows repeating an earlier one exactly.
        private(set) var repeats = 0
        /// The first repeat's line and the line it repeats.
        private(set) var first: (line: Int, original: Int)?
        /// The run of repeats now growing, and the longest one.
        private var current: (block: Block, lastRow: Int, lastOriginalRow: Int)?
        private(set) var longest: Block?
        /// Whether rows past `limit` were left unchecked.
        private(set) var stopped = false

        /// Counts the row of `count` fields on `line`.
        mutating func add(line: Int, count: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) {
            guard rows < RepeatedLines.limit else { stopped = true; return }
            var hasher = Hasher()
            hasher.combine(count)
            for k in 0..<count {
                let value = field(k)
                hasher.combine(value.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(value))
            }
            let hash = hasher.finalize()
            let row = rows
            rows += 1
            guard let original = seen[hash] else {
                seen[hash] = Seen(row: Int32(truncatingIfNeeded: row), line: Int32(truncatingIfNeeded: line))
                return
            }
            repeats += 1
            if first == nil { first = (line, Int(original.line)) }
            if var run = current, run.lastRow == row - 1, run.lastOriginalRow + 1 == Int(original.row) {
                run.block.last = line
                run.block.lastOriginal = Int(original.line)
                run.block.count += 1
                run.lastRow = row
                run.lastOriginalRow = Int(original.row)
                current = run
            } else {
                current = (Block(first: line, last: line, firstOriginal: Int(original.line), lastOriginal: Int(original.line), count: 1), row, Int(original.row))
            }
            if let run = current, run.block.count > (longest?.count ?? 0) { longest = run.block }
        }

        /// The warning, or nil when no line repeats.
        var warning: String? {
            guard repeats > 0, let first else { return nil }
            let checked = stopped ? " among the first \(NumberFormat.count(RepeatedLines.limit, "data row"))" : ""
            let counted = "\(NumberFormat.count(repeats, "data line")) \(repeats == 1 ? "repeats an earlier line" : "repeat earlier lines") exactly\(checked)"
            let import_ = "the import reads \(repeats == 1 ? "it" : "each") as a row of its own and sums \(repeats == 1 ? "it" : "them") again"
            if let block = longest, block.count >= 2 {
                let others = repeats - block.count
                return "\(counted): lines \(block.first)-\(block.last) repeat lines \(block.firstOriginal)-\(block.lastOriginal) exactly (an export pulled in overlapping pages?)"
                    + (others > 0 ? " (and \(NumberFormat.count(others, "other line")))" : "")
                    + "; \(import_): delete the repeated lines, or pull the export again without the overlap"
            }
            return "\(counted), the first line \(first.line) (repeating line \(first.original)): two real rows can be identical, but not usually down to a time stamp; \(import_): check \(repeats == 1 ? "it" : "them") in the export"
        }
    }
}
