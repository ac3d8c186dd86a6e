/// Why a row was rejected: the column (index in the record) and a sentence for the rejects file.
public struct RowRejection: Error, Sendable {
    public var column: Int?
    public var reason: String
    public init(column: Int?, _ reason: String) {
        self.column = column
        self.reason = reason
    }
}

/// One data row of an import, with typed readers that throw `RowRejection` on bad values.
public struct ImportRow {
    public let record: CSVRecord
    @usableFromInline let importer: TableImport

    init(record: CSVRecord, importer: TableImport) {
        self.record = record
        self.importer = importer
    }

    public var line: Int { record.line }

    /// True for an empty or all-space field (a cell with nothing to unpivot).
    @inlinable
    public static func isEmpty(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in field where b != 0x20 { return false }
        return true
    }

    /// A field without Excel's text wrapper (`="00123"`, written to keep a code's leading
    /// zeros): the text inside it. Kept as written, `="00123"` and `00123` were two items.
    /// Likewise without the apostrophe our own CSV output puts before text a spreadsheet would
    /// run as a formula (`'+plus`, `'=SUM(A1)`; `CSVWriter`): read back, `aggregate | forecast`
    /// renamed such a series, and its key hashed into another shard, which dropped it.
    @inlinable
    public static func unwrapped(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if field.count >= 2, field[0] == UInt8(ascii: "'") {
            let rest = UnsafeBufferPointer(rebasing: field[1...])
            return CSVWriter.needsNeutralising(rest) ? rest : field
        }
        guard field.count >= 3, field[0] == UInt8(ascii: "="), field[1] == UInt8(ascii: "\""), field[field.count - 1] == UInt8(ascii: "\"") else { return field }
        return UnsafeBufferPointer(rebasing: field[2..<(field.count - 1)])
    }

    /// Text of an optional column: nil when the field is empty (`=""` included).
    @inlinable
    public func optionalText(_ column: Int) throws -> UnsafeBufferPointer<UInt8>? {
        ImportRow.unwrapped(record[column]).isEmpty ? nil : try text(column)
    }

    /// Non-empty, valid UTF-8 text of a column, as bytes.
    @inlinable
    public func text(_ column: Int) throws -> UnsafeBufferPointer<UInt8> {
        let field = ImportRow.unwrapped(record[column])
        guard !field.isEmpty else { throw RowRejection(column: column, "value is empty") }
        var combining = false
        guard UTF8Check.isValid(field, combining: &combining) else {
            throw RowRejection(column: column, ImportRow.notUTF8Reason(field))
        }
        if column < importer.keyColumns.count, importer.keyColumns[column], ScientificCode.written(field) {
            throw RowRejection(column: column, ScientificCode.reason(field))
        }
        return combining ? importer.composedText.composed(field, column: column) : field
    }

    /// Why a field is not text, naming its first bad byte: the file is read as UTF-8 because
    /// the rest of it is, so the byte is most likely one character typed or pasted in another
    /// encoding, and the user needs to find it.
    @usableFromInline
    static func notUTF8Reason(_ field: UnsafeBufferPointer<UInt8>) -> String {
        if field.contains(0) { return "value contains a NUL byte; export the file as UTF-8 text" }
        var i = 0
        while i < field.count {
            let lead = field[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length == 0 || i + length > field.count
                || !UTF8Check.isValid(UnsafeBufferPointer(rebasing: field[i..<(i + length)])) { break }
            i += length
        }
        let byte = i < field.count ? field[i] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        // What the byte is in Windows-1252, the usual source of a stray byte (`é` for 0xE9).
        let scalar = byte >= 0xA0 ? UInt32(byte) : byte >= 0x80 ? UInt32(Transcoder.cp1252High[Int(byte) - 0x80]) : 0
        let shown = scalar >= 0xA0 ? UnicodeScalar(scalar).map { " ('\(Character($0))' in Windows-1252)" } ?? "" : ""
        return "value is not valid UTF-8 text: byte 0x\(hex)\(shown) at byte \(i + 1) of the value, while the rest of the file reads as UTF-8; correct that character in the export, or re-encode the file as UTF-8 (if the whole file is Windows-1252, read it with --encoding windows-1252; encoding: in a pipeline)"
    }

    /// Text of a column that may be absent from the file or empty in this row.
    public func optionalString(_ column: Int?) throws -> String? {
        guard let column, let text = try optionalText(column) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    public func string(_ column: Int) throws -> String { String(decoding: try text(column), as: UTF8.self) }

    /// The date of a column, read as the import reads that column (`TableImport.columnDates`);
    /// a two-digit year and the order of slash dates are noted for a second look.
    @inlinable
    public func date(_ column: Int) throws -> CalendarDay {
        let field = record[column]
        var yy = -1
        if let day = importer.columnDates[column].parse(field, twoDigitYear: &yy) {
            if yy >= 0 { importer.yearsSeen[column].insert(yy) }
            if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: true, line: record.line) }
            return day
        }
        if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: false, line: record.line) }
        throw RowRejection(column: column, importer.columnDates[column].explainFailure(field))
    }

    /// The date of a column, parsed only when its bytes differ from the previous row's.
    public func date(_ column: Int, cache: inout DateFieldCache) throws -> CalendarDay {
        let field = record[column]
        if let day = cache.day(of: field) { return day }
        let day = try date(column)
        cache.remember(field, day)
        return day
    }

    /// The date of a column that stands for a month (a budget's or a ledger's period): a day or
    /// a month; a week, quarter or year is rejected (`DateParser.notOneMonth`).
    public func monthDate(_ column: Int, cache: inout DateFieldCache) throws -> CalendarDay {
        let field = record[column]
        if let day = cache.day(of: field) { return day }
        if importer.watchesOrder { importer.orderEvidence[column].periods = true }
        let day = try date(column)
        if let problem = importer.dates.notOneMonth(field) { throw RowRejection(column: column, problem) }
        cache.remember(field, day)
        return day
    }

    /// The last day a column's value names, parsed only when its bytes differ from the
    /// previous row's: a day, or a period's last day (`Jul-25` is 2025-07-31; see
    /// `DateParser.parseLastDay`).
    public func lastDate(_ column: Int, cache: inout DateFieldCache) throws -> CalendarDay {
        let field = record[column]
        if let day = cache.day(of: field) { return day }
        // Read as the column's dates are (day-first when the file's dates are), and seen as
        // evidence of their order like any other date column's.
        let dates = importer.columnDates[column]
        guard let day = dates.parseLastDay(field) else {
            if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: false, line: record.line) }
            throw RowRejection(column: column, dates.explainFailure(field))
        }
        if importer.watchesOrder { importer.orderEvidence[column].seeWritten(field, read: true, line: record.line) }
        cache.remember(field, day)
        return day
    }

    @inlinable
    public func number(_ column: Int) throws -> Double {
        let field = record[column]
        if let value = importer.numbers.parse(field) ?? (importer.pointSettled.contains(column) ? importer.pointNumbers.parse(field) : nil) {
            if value.magnitude <= ImportOptions.largestMagnitude { return value }
            throw RowRejection(column: column, ImportOptions.explainTooLarge(field))
        }
        throw RowRejection(column: column, importer.numbers.explainFailure(field))
    }

    /// A number that may be written with a percent sign (`98%`), read as the fraction (0.98);
    /// without one, as `number`. For a column that takes a fraction or a percentage (a service
    /// level): `0.98` and `98` were read, and `98%`, as a spreadsheet formats it, rejected.
    public func numberOrPercent(_ column: Int) throws -> Double {
        let field = record[column]
        var end = field.count
        while end > 0 && field[end - 1] == 0x20 { end -= 1 }
        guard end > 0, field[end - 1] == 0x25 else { return try number(column) }
        let digits = UnsafeBufferPointer(rebasing: field[0..<(end - 1)])
        guard let value = importer.numbers.parse(digits) ?? (importer.pointSettled.contains(column) ? importer.pointNumbers.parse(digits) : nil), value.magnitude <= ImportOptions.largestMagnitude else {
            throw RowRejection(column: column, importer.numbers.explainFailure(field))
        }
        return value / 100
    }

    /// A number from a column that may be absent from the file or empty in this row.
    public func optionalNumber(_ column: Int?) throws -> Double? {
        guard let column, !record[column].allSatisfy({ $0 == 0x20 }) else { return nil }
        return try number(column)
    }
}

/// UTF-8 validation straight on bytes, with an ASCII fast path.
public enum UTF8Check {
    @inlinable
    public static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var combining = false
        return isValid(p, combining: &combining)
    }

    /// Whether `p` is valid UTF-8, setting `combining` when it holds a combining mark of
    /// U+0300-U+036F (decomposed text, `ComposedText`): noted on the slow path only, so ASCII
    /// costs nothing more.
    @inlinable
    public static func isValid(_ p: UnsafeBufferPointer<UInt8>, combining: inout Bool) -> Bool {
        var i = 0
        let n = p.count
        // Eight ASCII bytes at a time while there is no high bit and no NUL byte.
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w | ((w &- 0x0101_0101_0101_0101) & ~w)) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0 { return false }
                i += 1
                continue
            }
            let length: Int
            if b & 0xE0 == 0xC0 { length = 2; if b < 0xC2 { return false }; if b == 0xCC || b == 0xCD { combining = true } }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 { length = 4; if b > 0xF4 { return false } }
            else { return false }
            guard i + length <= n else { return false }
            for k in 1..<length where p[i + k] & 0xC0 != 0x80 { return false }
            if length == 3 {
                let b1 = p[i + 1]
                if b == 0xE0 && b1 < 0xA0 { return false }      // overlong
                if b == 0xED && b1 >= 0xA0 { return false }     // surrogates
            } else if length == 4 {
                let b1 = p[i + 1]
                if b == 0xF0 && b1 < 0x90 { return false }
                if b == 0xF4 && b1 >= 0x90 { return false }
            }
            i += length
        }
        return true
    }
}
