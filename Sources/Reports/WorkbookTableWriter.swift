import CXLSX
import Tabular

/// Writes one `ReportSheet` as a worksheet: a bold header row kept in view, typed cells row
/// by row (constant-memory mode needs rows in order), an autofilter over the table, column
/// widths from the header and the first rows, and the sheet's conditional formats.
struct WorkbookTableWriter {
    let sheet: ReportSheet
    let formats: WorkbookFormats

    /// Excel's day 0 is 1899-12-30; CalendarDay counts from 1970-01-01.
    static let excelEpochOffset = 25_569.0
    /// Rows looked at to size a column; enough to see typical values, cheap on 100,000 rows.
    static let widthSample = 200

    /// Writes `part` of the sheet's rows (all of them by default) below the header. More rows
    /// than a sheet holds below its header are an error, never cut: cut at 1,048,575, the
    /// 25 last lots of a 1,048,600-lot expiry sheet ($1,727.50 of waste) were dropped while
    /// the Summary counted them. `Report.writeWorkbook` splits a long sheet into parts.
    func write(into target: Worksheet, part: Range<Int>? = nil) throws {
        let columns = sheet.columns
        guard !columns.isEmpty else { return }
        let part = part ?? 0..<sheet.rowCount
        guard part.count <= Workbook.maximumRows - 1 else {
            throw InputError(file: target.workbook.path, "cannot write the workbook: the sheet '\(sheet.name)' has \(NumberFormat.count(part.count, "row")), more than the \(NumberFormat.count(Workbook.maximumRows - 1, "row")) an Excel sheet holds below its header; write it as .csv")
        }
        let rows = part.count
        let first = part.lowerBound
        let cellFormats = columns.map { formats.cell($0.style) }
        for (index, column) in columns.enumerated() {
            try target.columnWidth(index, width(column), cellFormats[index])
            try target.text(0, index, column.header, formats.header)
        }
        // Each column's values pulled out of the enum once, so the row loop only indexes arrays.
        var texts: [[String]] = [], numbers: [[Double]] = [], days: [[CalendarDay?]] = [], flags: [[Bool?]] = []
        var slots: [(kind: UInt8, index: Int)] = []
        for column in columns {
            switch column.values {
            case .text(let v): slots.append((0, texts.count)); texts.append(v)
            case .number(let v): slots.append((1, numbers.count)); numbers.append(v)
            case .date(let v): slots.append((2, days.count)); days.append(v)
            case .flag(let v): slots.append((3, flags.count)); flags.append(v)
            }
        }
        for row in 0..<rows {
            for (column, slot) in slots.enumerated() {
                switch slot.kind {
                case 0: try target.text(row + 1, column, texts[slot.index][first + row], cellFormats[column])
                case 1: try target.number(row + 1, column, numbers[slot.index][first + row], cellFormats[column])
                case 3:
                    if let flag = flags[slot.index][first + row] { try target.boolean(row + 1, column, flag, cellFormats[column]) }
                default:
                    if let day = days[slot.index][first + row] {
                        try target.number(row + 1, column, Double(day.daysSinceEpoch) + Self.excelEpochOffset, cellFormats[column])
                    }
                }
            }
        }
        target.freezeHeader()
        try target.autofilter(lastRow: rows, lastColumn: columns.count - 1)
        guard rows > 0 else { return }
        for highlight in sheet.highlights {
            guard let column = columns.firstIndex(where: { $0.header == highlight.column }) else { continue }
            try target.highlight(highlight, column: column, first: 1, last: rows, rowOffset: first)
        }
    }

    /// Characters wide: the header or the widest of the first rows as shown, 8 to 60.
    func width(_ column: ReportSheet.Column) -> Double {
        var widest = column.header.count + 3   // the autofilter's button takes room
        switch column.values {
        case .text(let values):
            for value in values.prefix(Self.widthSample) { widest = max(widest, value.utf8.count) }
        case .number(let values):
            for value in values.prefix(Self.widthSample) where value.isFinite {
                widest = max(widest, Self.shownWidth(value, column.style))
            }
        case .date:
            widest = max(widest, 10)
        case .flag:
            widest = max(widest, 5)
        }
        return Double(min(60, max(8, widest + 1)))
    }

    /// About how many characters a number takes in its format: digits, separators, sign, $, decimals.
    static func shownWidth(_ value: Double, _ style: ReportSheet.Style) -> Int {
        var digits = 1
        var magnitude = abs(value)
        while magnitude >= 10 && digits < 16 {
            magnitude /= 10
            digits += 1
        }
        var width = digits + (digits - 1) / 3 + (value < 0 ? 2 : 0)
        switch style {
        case .number(let decimals): width += decimals > 0 ? decimals + 1 : 0
        case .money: width += 1
        case .price: width += 6
        case .percent: width = 7
        case .percentagePoints: width += 3
        case .text, .date: break
        }
        return width
    }
}
