import Tabular

extension ExportInspection {
    /// A value kept for the type guess, with its physical line: a value that does not read
    /// is named with its line, so the user can find the totals row or the typo.
    public struct Sample: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// What the one pass over the data rows gathers: per column the first `sampleLimit`
    /// non-empty values, the empty cells and every later value read as the type its sample
    /// chose (`ValueCheck`); the rows whose field count differs from the header's (the import
    /// rejects them); the blank lines and repeated header lines the import skips; and the last
    /// row, because a totals row sits there.
    ///
    /// The file's number parser is settled once `sampleLimit` rows are in (the samples of the
    /// columns filled on most rows are then complete), and each column's type as soon as its
    /// sample is: the checks then run on the rest of the file, a parse a value, without
    /// keeping the values.
    struct Tally {
        let width: Int
        let delimiter: UInt8
        /// The header's fields as bytes, to know a repeated header line.
        private let headerBytes: [[UInt8]]
        var samples: [[Sample]]
        var empty: [Int]
        var rows = 0
        /// Lines with no value (blank, or delimiters alone), and the first one's line.
        var blankLines = 0, firstBlank: Int?
        /// Lines that repeat the header (a paginated report's page headers), and the first one's line.
        var repeatedHeaders = 0, firstRepeatedHeader: Int?
        /// The number parser, once settled from the first `sampleLimit` rows.
        private(set) var numbers: NumberReadingOfFile?
        /// Per column, the reading of the values beyond its sample.
        private(set) var checks: [ValueCheck]
        /// Rows with non-empty fields beyond the header's width, and the first one's line.
        var wider = 0, firstWider: Int?
        /// Rows with fewer fields than the header, and the first one's line.
        var narrower = 0, firstNarrower: Int?
        var lastLine = 0
        /// Data lines identical to an earlier one.
        var repeatedLines = RepeatedLines()
        /// Fields not valid UTF-8, counted when the file is read as UTF-8 (`checksUTF8`).
        var strayBytes = StrayBytes()
        var checksUTF8 = false
        /// The last row's fields as bytes, reused from row to row so the pass allocates nothing
        /// for it.
        private var lastFields: [[UInt8]] = []
        private var lastCount = 0

        init(header: [String], delimiter: UInt8) {
            width = header.count
            self.delimiter = delimiter
            headerBytes = header.map { Array($0.utf8) }
            samples = Array(repeating: [], count: width)
            empty = Array(repeating: 0, count: width)
            checks = Array(repeating: ValueCheck(), count: width)
        }

        /// Counts a blank line (no fields) on `line`.
        mutating func addBlank(line: Int) {
            blankLines += 1
            if firstBlank == nil { firstBlank = line }
        }

        /// Whether a record of `count` fields is the header again, as the import tells it: field
        /// for field, a byte-order mark before the first counting for nothing. Most rows differ
        /// in the first field's length, which is looked at first.
        func repeatsHeader(count: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
            guard count == width, width > 0 else { return false }
            for k in 0..<count {
                var value = field(k)
                if k == 0, value.count == headerBytes[0].count + 3, value[0] == 0xEF, value[1] == 0xBB, value[2] == 0xBF {
                    value = UnsafeBufferPointer(rebasing: value[3...])
                }
                guard value.count == headerBytes[k].count else { return false }
                if !value.elementsEqual(headerBytes[k]) { return false }
            }
            return true
        }

        /// The file's number parser, from the samples so far.
        mutating func settleNumbers() {
            guard numbers == nil else { return }
            numbers = NumberReadingOfFile(samples, delimiter: delimiter)
            for k in 0..<width where samples[k].count == ExportInspection.sampleLimit { settleType(k) }
        }

        /// Column `k`'s type from its full sample: the values after it are checked against it.
        private mutating func settleType(_ k: Int) {
            guard let numbers else { return }
            let column = ExportInspection.guess(header: "", samples: samples[k], empty: 0, numbers: numbers.parser)
            checks[k] = ValueCheck(column: column, sample: samples[k], numbers: numbers.parser)
        }

        /// Spaces and tabs alone, or nothing. The first byte decides for most fields.
        static func isBlank(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
            for b in field where b != 0x20 && b != 0x09 { return false }
            return true
        }

        /// Whether every field of a record is empty or spaces, as the import tells a line it skips.
        static func holdsNothing(count: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
            (0..<count).allSatisfy { ImportRow.isEmpty(field($0)) }
        }

        /// Counts a buffered row (one read before the header was settled), as `add` counts a record.
        mutating func add(line: Int, fields: [[UInt8]]) {
            var bytes: [UInt8] = []
            var bounds: [Range<Int>] = []
            for field in fields {
                bounds.append(bytes.count..<(bytes.count + field.count))
                bytes.append(contentsOf: field)
            }
            bytes.withUnsafeBufferPointer { all in
                add(line: line, count: bounds.count) { UnsafeBufferPointer(rebasing: all[bounds[$0]]) }
            }
        }

        /// Counts a non-blank record of `count` fields starting on `line`; `field(k)` is its
        /// k-th field, a view into the reader's buffer.
        mutating func add(line: Int, count: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) {
            // Delimiters alone (`,,,`, an emptied spreadsheet row) and the header again are
            // skipped by the import, not read as rows: counted apart, with their lines.
            if Tally.holdsNothing(count: count, field) {
                addBlank(line: line)
                return
            }
            if repeatsHeader(count: count, field) {
                repeatedHeaders += 1
                if firstRepeatedHeader == nil { firstRepeatedHeader = line }
                return
            }
            rows += 1
            repeatedLines.add(line: line, count: count, field)
            if checksUTF8 { strayBytes.add(line: line, count: count, field) }
            if count < width {
                narrower += 1
                if firstNarrower == nil { firstNarrower = line }
            } else if count > width, (width..<count).contains(where: { !field($0).isEmpty }) {
                // Trailing empty fields (a stray delimiter at the end) carry nothing; the import ignores them too.
                wider += 1
                if firstWider == nil { firstWider = line }
            }
            for k in 0..<width {
                guard k < count else { empty[k] += 1; continue }
                let value = field(k)
                if Tally.isBlank(value) { empty[k] += 1; continue }
                if samples[k].count < ExportInspection.sampleLimit {
                    samples[k].append(Sample(text: String(decoding: value, as: UTF8.self), line: line))
                    if samples[k].count == ExportInspection.sampleLimit, numbers != nil { settleType(k) }
                } else {
                    checks[k].check(value, line: line)
                }
            }
            if rows == ExportInspection.sampleLimit { settleNumbers() }
            while lastFields.count < count { lastFields.append([]) }
            for k in 0..<count {
                lastFields[k].removeAll(keepingCapacity: true)
                lastFields[k].append(contentsOf: field(k))
            }
            lastCount = count
            lastLine = line
        }

        /// The last data row's fields, empty when there is none.
        var lastRow: [String] {
            (0..<lastCount).map { String(decoding: lastFields[$0], as: UTF8.self) }
        }
    }
}
