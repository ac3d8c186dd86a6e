import CCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What libcsv's callbacks write into: the fields of the records completed in the current
/// chunk, in one byte arena, plus the physical line bookkeeping.
final class ParseContext {
    struct RecordSpan {
        var firstField: Int
        var fieldCount: Int
        var line: Int
        /// Line breaks inside the record's quoted fields.
        var newlines: Int
    }

    enum Fatal {
        case tooManyColumns(line: Int, limit: Int)
        case fieldTooLong(line: Int, quoted: Bool, limit: Int)

        func error(file: String) -> InputError {
            switch self {
            case .tooManyColumns(let line, let limit):
                return InputError(file: file, line: line, "record has more than \(limit) columns; check the delimiter, or raise the limit with \(CSVLimits.columnsOption)")
            case .fieldTooLong(let line, let quoted, let limit):
                let hint = quoted
                    // Whether the quote closes further on cannot be known without reading on: a
                    // long description quoted whole was told its quote "probably never closes".
                    ? "either a quote opened on line \(line) never closes (close it, or double any \" inside the field), or the field is genuinely long (then raise the limit with \(CSVLimits.fieldBytesOption))"
                    : "if the field is genuine, raise the limit with \(CSVLimits.fieldBytesOption)"
                return InputError(file: file, line: line, "a field is longer than \(limit) bytes; \(hint)")
            }
        }
    }

    let parser: UnsafeMutablePointer<csv_parser>
    let limits: CSVLimits
    var fatal: Fatal?

    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var fieldCount = 0
    private var fieldCapacity: Int
    private var records: [RecordSpan] = []
    private var delivered = 0
    private var currentFirstField = 0

    /// Physical line on which the record being read starts.
    private(set) var line = 1
    /// Newlines inside the quoted fields completed so far in the current record.
    private(set) var embeddedNewlines = 0
    private var lastTerminator: Int32 = -1
    /// The header's column count once it is read (0 before: nothing is judged a stray quote).
    var columns = 0

    nonisolated(unsafe) static var initialByteCapacity = 1 << 19
    nonisolated(unsafe) static var initialFieldCapacity = 1 << 16

    init(parser: UnsafeMutablePointer<csv_parser>, limits: CSVLimits) {
        self.parser = parser
        self.limits = limits
        byteCapacity = ParseContext.initialByteCapacity
        bytes = .allocate(capacity: byteCapacity)
        fieldCapacity = ParseContext.initialFieldCapacity
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        records.reserveCapacity(1 << 14)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    var recordCount: Int { records.count - delivered }

    @inline(__always)
    func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        guard fatal == nil else { return }
        if fieldCount - currentFirstField >= limits.maxColumns {
            fatal = .tooManyColumns(line: line, limit: limits.maxColumns)
            return
        }
        if length > limits.maxFieldBytes {
            fatal = .fieldTooLong(line: line + embeddedNewlines, quoted: false, limit: limits.maxFieldBytes)
            return
        }
        if byteCount + length > byteCapacity { growBytes(byteCount + length) }
        if fieldCount == fieldCapacity { growFields() }
        if length > 0, let field {
            (bytes + byteCount).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
            // Only a quoted field can hold a line break, but libcsv does not tell us which fields
            // were quoted while it parses (its `quoted` flag lives in a local), so every field is scanned.
            embeddedNewlines += ParseContext.countLineBreaks(bytes + byteCount, length)
        }
        starts[fieldCount] = byteCount
        byteCount += length
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    @inline(__always)
    func endRecord(_ terminator: Int32) {
        guard fatal == nil else { return }
        let n = fieldCount - currentFirstField
        let cr = Int32(CSV_CR), lf = Int32(CSV_LF)
        if n == 0 {
            defer { lastTerminator = terminator }
            // The LF of a CRLF pair arrives as an empty record of its own.
            if terminator == lf && lastTerminator == cr { return }
            if terminator == -1 { return }
            records.append(RecordSpan(firstField: currentFirstField, fieldCount: 0, line: line, newlines: 0))
            line += 1
            return
        }
        records.append(RecordSpan(firstField: currentFirstField, fieldCount: n, line: line, newlines: embeddedNewlines))
        line += embeddedNewlines + (terminator == cr || terminator == lf ? 1 : 0)
        embeddedNewlines = 0
        currentFirstField = fieldCount
        lastTerminator = terminator
    }

    /// Hands every completed record to `body`, then keeps only the partial record's bytes.
    func deliver(_ body: (CSVRecord) throws -> Void) throws {
        while delivered < records.count {
            let span = records[delivered]
            delivered += 1
            try body(CSVRecord(bytes: bytes, starts: starts + span.firstField, ends: ends + span.firstField,
                               count: span.fieldCount, line: span.line,
                               strayQuote: span.newlines >= StrayQuote.fewestRowLines ? strayQuote(span) : nil))
        }
        compact()
    }

    func takeFirstRecord() -> [String]? {
        guard delivered < records.count else { return nil }
        delivered += 1
        return strings(of: records[delivered - 1])
    }

    /// Up to `limit` of the records not yet delivered, left in place.
    func pendingRecords(limit: Int) -> [[String]] {
        records[delivered..<min(records.count, delivered + limit)].map(strings(of:))
    }

    private func strings(of span: RecordSpan) -> [String] {
        (0..<span.fieldCount).map { k in
            String(decoding: UnsafeBufferPointer(start: bytes + starts[span.firstField + k],
                                                 count: ends[span.firstField + k] - starts[span.firstField + k]), as: UTF8.self)
        }
    }

    func dropLeadingBlankRecords() {
        while delivered < records.count && records[delivered].fieldCount == 0 { delivered += 1 }
    }

    /// Moves the fields of the record still being parsed, and the line bookkeeping, into
    /// `other` (an empty buffer) so parsing can continue there while this one is consumed.
    func moveUnfinishedRecord(to other: ParseContext) {
        let partialStart = fieldCount > currentFirstField ? starts[currentFirstField] : byteCount
        copyUnfinishedRecord(to: other)
        other.line = line
        other.embeddedNewlines = embeddedNewlines
        other.lastTerminator = lastTerminator
        other.columns = columns
        other.fatal = fatal
        byteCount = partialStart
        fieldCount = currentFirstField
    }

    /// After delivery: only the record still being parsed stays, at the front of the buffers.
    private func compact() { copyUnfinishedRecord(to: self) }

    /// Copies the fields of the record still being parsed to the front of `target`'s buffers
    /// (this context's own, when compacting: `update(from:)` allows the overlap) and leaves
    /// `target` with no completed records.
    private func copyUnfinishedRecord(to target: ParseContext) {
        let partialFields = fieldCount - currentFirstField
        let keepFrom = partialFields > 0 ? starts[currentFirstField] : byteCount
        let keepBytes = byteCount - keepFrom
        if target.byteCapacity < keepBytes { target.growBytes(keepBytes) }
        while target.fieldCapacity < partialFields { target.growFields() }
        if keepBytes > 0 { target.bytes.update(from: bytes + keepFrom, count: keepBytes) }
        for k in 0..<partialFields {
            target.starts[k] = starts[currentFirstField + k] - keepFrom
            target.ends[k] = ends[currentFirstField + k] - keepFrom
        }
        target.records.removeAll(keepingCapacity: true)
        target.delivered = 0
        target.byteCount = keepBytes
        target.fieldCount = partialFields
        target.currentFirstField = 0
    }

    private func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        fresh.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = fresh
        byteCapacity = capacity
    }

    private func growFields() {
        let capacity = fieldCapacity * 2
        let freshStarts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let freshEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        freshStarts.update(from: starts, count: fieldCount)
        freshEnds.update(from: ends, count: fieldCount)
        starts.deallocate(); ends.deallocate()
        starts = freshStarts; ends = freshEnds
        fieldCapacity = capacity
    }

    /// The record's quoted field that swallowed lines reading as rows, if one did. Only a
    /// record spanning lines (rare) is looked at, when it is delivered: the header's column
    /// count is known by then, also for the rows parsed with it in the first chunk.
    private func strayQuote(_ span: RecordSpan) -> StrayQuote? {
        guard columns >= 3 else { return nil }
        var opened = span.line
        for k in 0..<span.fieldCount {
            let start = bytes + starts[span.firstField + k], length = ends[span.firstField + k] - starts[span.firstField + k]
            let breaks = ParseContext.countLineBreaks(start, length)
            defer { opened += breaks }
            guard breaks >= StrayQuote.fewestRowLines, let closing = closingDelimitersIfInnerLinesAreRows(start, length) else { continue }
            // The closing line reads as a row when its delimiters before the quote and the
            // fields after the quoted one make a row's.
            if closing + (span.fieldCount - 1 - k) >= columns - 1 {
                return StrayQuote(opened: opened, closes: opened + breaks, rowLines: breaks)
            }
        }
        return nil
    }

    /// For a field holding line breaks: when every complete line inside it (not the opening
    /// line's part, not the closing line's) holds at least `columns - 1` delimiters, the
    /// delimiters in the closing line's part; nil otherwise. `StrayQuote` says why.
    private func closingDelimitersIfInnerLinesAreRows(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let delimiter = parser.pointee.delim_char
        let wanted = columns - 1
        var delimiters = 0, segment = 0, i = 0
        while i < n {
            let c = p[i]
            if c == delimiter {
                delimiters += 1
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                // Segment 0 is the opening line's part; the ones after it up to here are whole lines.
                if segment > 0 && delimiters < wanted { return nil }
                segment += 1
                delimiters = 0
            }
            i += 1
        }
        return delimiters
    }

    /// LF, CRLF and a lone CR each count as one line break.
    @inline(__always)
    static func countLineBreaks(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var count = 0
        var i = 0
        while i < n {
            let c = p[i]
            if c <= 0x0D {
                if c == 0x0A { count += 1 } else if c == 0x0D && (i + 1 >= n || p[i + 1] != 0x0A) { count += 1 }
            }
            i += 1
        }
        return count
    }
}
