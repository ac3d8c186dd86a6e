/// Finds an export appended to itself: part way down the file, its header line again and
/// then its first rows again. Every row of the copy would be counted twice (a month's usage
/// read as double, a budget summed twice), and each row alone looks valid.
///
/// A report paginated with its header on every page repeats the header too, but the rows of
/// the next page are not the first page's. So the first rows of the file (up to `kept` of
/// them) are kept, and the rows after a repeated header are compared with them: the copy is
/// confirmed once all the kept rows have come again in order, or when the file ends with
/// every row since the header a repeat of the opening; either way the rows repeated must hold
/// at least `shortestCopy` different rows. A dispensing log writes one row per dose, so a page
/// break inside a run of like rows starts the next page with the first page's rows: one row,
/// or one row many times, that comes again is no copy. Only the opening rows are held, so the
/// check costs nothing on the millions of rows after them.
struct SelfAppendCheck {
    static let kept = 32
    static let shortestCopy = 3

    /// The file's first data rows (their fields' bytes) and lines, before any repeated header.
    private var opening: [[[UInt8]]] = []
    private var openingLines: [Int] = []
    private var collecting = true
    /// The repeated header whose following rows are being compared, and how many matched.
    private var header: Int?
    private var matched = 0

    /// A copy found: the line of the repeated header and how many rows after it repeat the
    /// opening rows.
    struct Copy: Equatable {
        var headerLine: Int
        var rows: Int
        /// The line of the file's first data row.
        var firstLine: Int
    }

    /// Takes a non-blank record (before it is known to be a repeated header). Returns the copy
    /// once confirmed.
    mutating func see(_ record: CSVRecord) -> Copy? {
        if collecting {
            if opening.count < SelfAppendCheck.kept {
                opening.append((0..<record.count).map { Array(record[$0]) })
                openingLines.append(record.line)
            }
            return nil
        }
        guard let line = header else { return nil }
        if matched < opening.count && same(record, opening[matched]) {
            matched += 1
            return matched == opening.count && distinctOpening(matched) >= SelfAppendCheck.shortestCopy
                ? Copy(headerLine: line, rows: matched, firstLine: openingLines[0]) : nil
        }
        header = nil
        return nil
    }

    /// Tells that `record`, just seen, repeats the header.
    mutating func headerRepeated(_ record: CSVRecord) {
        if collecting, openingLines.last == record.line {
            opening.removeLast()
            openingLines.removeLast()
        }
        // A header written twice at the top: the opening is still to come.
        if opening.isEmpty { return }
        collecting = false
        header = record.line
        matched = 0
    }

    /// At the end of the file: a copy cut short, every row since the repeated header a repeat.
    func atEnd() -> Copy? {
        guard let line = header, distinctOpening(matched) >= SelfAppendCheck.shortestCopy else { return nil }
        return Copy(headerLine: line, rows: matched, firstLine: openingLines[0])
    }

    /// How many different rows the first `count` opening rows hold.
    private func distinctOpening(_ count: Int) -> Int { Set(opening.prefix(count)).count }

    private func same(_ record: CSVRecord, _ fields: [[UInt8]]) -> Bool {
        guard record.count == fields.count else { return false }
        for k in 0..<record.count where !record[k].elementsEqual(fields[k]) { return false }
        return true
    }

    /// The message for a copy found in `file`.
    static func error(_ copy: Copy, file: String) -> InputError {
        let rows = copy.rows == 1 ? "row after it repeats the file's first row" : "\(copy.rows) rows after it repeat the file's first \(copy.rows)"
        return InputError(file: file, line: copy.headerLine,
                          "the header comes again here and the \(rows) (from line \(copy.firstLine)): the export looks appended to itself, so every row of the copy would be counted twice. Remove the copy from line \(copy.headerLine) on; if the rows after this header are another export, check why they match the first ones")
    }
}
