import CXLSX
import Tabular

/// libxlsxwriter behind the few calls the report renderer needs, with its status codes
/// turned into `InputError`s naming the file (exit 1 with a message, like any file the run
/// cannot write).
///
/// Every workbook is written in constant-memory mode: each row goes to a temporary file as
/// soon as the next row starts, so a 100,000-line reorder sheet costs one row of memory.
/// That mode needs rows written in order, which the renderer does. Text is only ever written
/// with `worksheet_write_string`: there is deliberately no formula writer here, so a
/// description such as `=1+1` or `@SUM(A1)` can only become a text cell.
final class Workbook {
    static func failure(_ path: String, _ message: String) -> InputError {
        InputError(file: path, "cannot write the workbook: \(message); check the folder's free space and permissions")
    }

    /// A cell format: a number format and the few looks the renderer uses.
    struct Look: Hashable {
        var numberFormat: String?
        var bold = false
        var wrap = false
        var size: Double?
        var fill: UInt32?
        var font: UInt32?
    }

    /// Excel's limits: rows per sheet, characters per cell, characters per sheet name.
    static let maximumRows = 1_048_576
    static let maximumCellCharacters = 32_767
    static let maximumSheetName = 31

    let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var looks: [Look: UnsafeMutablePointer<lxw_format>] = [:]

    init(path: String) throws {
        self.path = path
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw Workbook.failure(path, "libxlsxwriter could not start it (out of memory or no temporary folder)")
        }
        self.handle = handle
    }

    deinit {
        // A workbook abandoned after an error still has to free libxlsxwriter's state; closing
        // writes a file, which the caller removes.
        if let handle { _ = workbook_close(handle) }
    }

    /// A new sheet. A name libxlsxwriter refuses is reported with its reason: the message used
    /// to end "check the folder's free space and permissions", which sent IT to the disks
    /// when an export's decomposed accents made its name 35 code points long.
    func addSheet(_ name: String) throws -> Worksheet {
        guard let handle else { throw Workbook.failure(path, "cannot add a sheet named '\(name)'") }
        let validity = workbook_validate_sheet_name(handle, name)
        guard validity == LXW_NO_ERROR, let sheet = workbook_add_worksheet(handle, name) else {
            let reason = validity == LXW_NO_ERROR ? "libxlsxwriter refused it" : String(cString: lxw_strerror(validity))
            throw InputError(file: path, "cannot write the workbook: Excel refuses the sheet name '\(name)' (\(reason)); "
                             + "give the file or table a shorter name of plain letters and digits, or write it as .csv")
        }
        return Worksheet(handle: sheet, name: name, workbook: self)
    }

    func format(_ look: Look) -> UnsafeMutablePointer<lxw_format>? {
        if let made = looks[look] { return made }
        guard let handle, let format = workbook_add_format(handle) else { return nil }
        if let numberFormat = look.numberFormat { format_set_num_format(format, numberFormat) }
        if look.bold { format_set_bold(format) }
        if look.wrap {
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if let size = look.size { format_set_font_size(format, size) }
        if let fill = look.fill { format_set_bg_color(format, fill) }
        if let font = look.font { format_set_font_color(format, font) }
        looks[look] = format
        return format
    }

    func chart(_ kind: WorkbookChart.Kind) throws -> UnsafeMutablePointer<lxw_chart> {
        let type: lxw_chart_type = kind == .bar ? LXW_CHART_BAR : LXW_CHART_LINE
        guard let handle, let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw Workbook.failure(path, "cannot add a chart")
        }
        return chart
    }

    func setTitle(_ title: String) {
        guard let handle else { return }
        title.withCString { text in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: text)
            _ = workbook_set_properties(handle, &properties)
        }
    }

    /// Writes the file; after this the workbook takes no more calls.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try check(workbook_close(handle))
    }

    func check(_ status: lxw_error) throws {
        guard status != LXW_NO_ERROR else { return }
        throw Workbook.failure(path, String(cString: lxw_strerror(status)))
    }
}

/// One sheet of a `Workbook`, rows written top to bottom.
struct Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    unowned let workbook: Workbook

    /// A text cell, clipped to Excel's 32,767 characters. Never a formula.
    func text(_ row: Int, _ column: Int, _ value: String, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        guard !value.isEmpty else { return }
        var status = LXW_NO_ERROR
        if value.utf8.count > Workbook.maximumCellCharacters, value.unicodeScalars.count > Workbook.maximumCellCharacters {
            // Cut between characters (libxlsxwriter counts code points), and said in the cell
            // itself: a reader of the workbook would otherwise take the cut text for all of it.
            let mark = " [... cut: \(NumberFormat.count(value.unicodeScalars.count, "character")) in all, beyond the \(NumberFormat.count(Workbook.maximumCellCharacters, "character")) an Excel cell holds]"
            let clipped = String(String.UnicodeScalarView(value.unicodeScalars.prefix(Workbook.maximumCellCharacters - mark.unicodeScalars.count))) + mark
            status = Worksheet.literal(clipped).withCString { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format) }
        } else {
            status = Worksheet.literal(value).withCString { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format) }
        }
        try workbook.check(status)
    }

    /// `text` with every literal `_xHHHH_` kept literal: Excel reads that pattern in a cell's
    /// XML as an escaped character, so the vendor `Owens _x0041_ Minor` showed as `Owens A
    /// Minor`; `_x005F_` (an escaped underscore) before it makes Excel show it as written.
    /// Text without an underscore, nearly all of it, is returned after one byte scan.
    static func literal(_ text: String) -> String {
        guard text.utf8.count >= 7, text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 7)
        var index = 0
        while index < bytes.count {
            if index + 6 < bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x") || bytes[index + 1] == UInt8(ascii: "X"),
               bytes[(index + 2)...(index + 5)].allSatisfy(isHex), bytes[index + 6] == UInt8(ascii: "_") {
                out.append(contentsOf: Array("_x005F".utf8))
            }
            out.append(bytes[index])
            index += 1
        }
        return out.count == bytes.count ? text : String(decoding: out, as: UTF8.self)
    }

    /// A number cell; NaN and infinities (empty in the CSV) leave the cell empty.
    func number(_ row: Int, _ column: Int, _ value: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        guard value.isFinite else { return }
        try workbook.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, format))
    }

    /// A TRUE or FALSE cell.
    func boolean(_ row: Int, _ column: Int, _ value: Bool, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        try workbook.check(worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format))
    }

    func columnWidth(_ column: Int, _ width: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
        try workbook.check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, format))
    }

    /// Keeps the first row in view while scrolling.
    func freezeHeader() { worksheet_freeze_panes(handle, 1, 0) }

    func autofilter(lastRow: Int, lastColumn: Int) throws {
        try workbook.check(worksheet_autofilter(handle, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)))
    }

    /// Colours the cells of one column, rows `first...last`, that match `highlight`'s rule;
    /// with `highlight.rows`, only the rows it marks (sheet row `r` is the sheet's data row
    /// `rowOffset + r - first`), as one rule over several ranges.
    func highlight(_ highlight: ReportSheet.Highlight, column: Int, first: Int, last: Int, rowOffset: Int = 0) throws {
        var ranges: [ClosedRange<Int>] = [first...last]
        if let marked = highlight.rows {
            ranges = []
            var start: Int?
            for row in first...last + 1 {
                let index = rowOffset + row - first
                let on = row <= last && index < marked.count && marked[index]
                if on, start == nil { start = row }
                if !on, let begun = start {
                    ranges.append(begun...row - 1)
                    start = nil
                }
            }
            guard !ranges.isEmpty else { return }
        }
        let look: Workbook.Look = switch highlight.tone {
        case .alarm: Workbook.Look(fill: 0xFFC7CE, font: 0x9C0006)
        case .caution: Workbook.Look(fill: 0xFFEB9C, font: 0x9C5700)
        }
        var rule = lxw_conditional_format()
        rule.format = workbook.format(look)
        let criterion: String
        switch highlight.rule {
        case .contains(let word):
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
            criterion = word
        case .equals(let text):
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            // A rule's value is an Excel expression: a string compares as a quoted literal.
            criterion = "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        case .above(let value):
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue)
            rule.value = value
            criterion = ""
        case .below(let value):
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
            rule.value = value
            criterion = ""
        case .isFalse:
            // The boolean literal, unquoted.
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            criterion = "FALSE"
        }
        let letters = Worksheet.columnLetters(column)
        let multiple = ranges.count > 1 ? ranges.map { "\(letters)\($0.lowerBound + 1):\(letters)\($0.upperBound + 1)" }.joined(separator: " ") : ""
        let primary = ranges[0]
        let status = criterion.withCString { text -> lxw_error in
            multiple.withCString { rangeList -> lxw_error in
                if !criterion.isEmpty { rule.value_string = UnsafeMutablePointer(mutating: text) }
                if !multiple.isEmpty { rule.multi_range = UnsafeMutablePointer(mutating: rangeList) }
                return worksheet_conditional_format_range(handle, lxw_row_t(primary.lowerBound), lxw_col_t(column), lxw_row_t(primary.upperBound), lxw_col_t(column), &rule)
            }
        }
        try workbook.check(status)
    }

    /// `A`, `B`, ..., `Z`, `AA` for a zero-based column index.
    static func columnLetters(_ column: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    func insert(_ chart: UnsafeMutablePointer<lxw_chart>, row: Int, column: Int, xScale: Double, yScale: Double) throws {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try workbook.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart, &options))
    }
}
