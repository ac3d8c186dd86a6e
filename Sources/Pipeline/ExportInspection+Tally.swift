extension ExportInspection {
    /// A value kept for the type guess, with its physical line: a value that does not read
    /// is named with its line, so the user can find the totals row or the typo.
    public struct Sample: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// What the one pass over the data rows gathers: per column the first `sampleLimit`
    /// non-empty values and the empty cells; the rows whose field count differs from the
    /// header's (the import rejects them); and the last row, because a totals row sits there,
    /// beyond the sample in a long file.
    struct Tally {
        let width: Int
        var samples: [[Sample]]
        var empty: [Int]
        var rows = 0
        /// Rows with non-empty fields beyond the header's width, and the first one's line.
        var wider = 0, firstWider: Int?
        /// Rows with fewer fields than the header, and the first one's line.
        var narrower = 0, firstNarrower: Int?
        var lastLine = 0
        /// The last row's fields as bytes, reused from row to row so the pass allocates nothing
        /// for it.
        private var lastFields: [[UInt8]] = []
        private var lastCount = 0

        init(width: Int) {
            self.width = width
            samples = Array(repeating: [], count: width)
            empty = Array(repeating: 0, count: width)
        }

        static func isBlank<Field: Collection>(_ field: Field) -> Bool where Field.Element == UInt8 {
            field.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }

        /// Counts a non-blank record of `count` fields starting on `line`; `field(k)` is its
        /// k-th field (a view into the reader's buffer, or a buffered row's bytes).
        mutating func add<Field: Collection>(line: Int, count: Int, _ field: (Int) -> Field) where Field.Element == UInt8 {
            rows += 1
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
                }
            }
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

        /// The samples with the last row's value added where the sample stopped before it.
        var samplesWithLastRow: [[Sample]] {
            let last = lastRow
            return samples.indices.map { k in
                guard k < last.count, !Tally.isBlank(Array(last[k].utf8)), samples[k].last?.line != lastLine else { return samples[k] }
                return samples[k] + [Sample(text: last[k], line: lastLine)]
            }
        }
    }
}
