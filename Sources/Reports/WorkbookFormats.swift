import CXLSX

/// The cell formats of one workbook, by report style: made once and shared by every cell,
/// since libxlsxwriter keeps each format for the life of the workbook.
struct WorkbookFormats {
    let book: Workbook
    let numbers: NumberStyle

    /// The Okabe-Ito series colours of the SVG charts, as Excel RGB values.
    static let seriesColors: [UInt32] = [0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0x000000, 0xF0E442]

    var title: UnsafeMutablePointer<lxw_format>? { book.format(Workbook.Look(bold: true, size: 14)) }
    var heading: UnsafeMutablePointer<lxw_format>? { book.format(Workbook.Look(bold: true)) }
    var header: UnsafeMutablePointer<lxw_format>? { book.format(Workbook.Look(bold: true, wrap: true, fill: 0xE7E6E6)) }

    /// The number format of a style, nil for text.
    func numberFormat(_ style: ReportSheet.Style) -> String? {
        let negative = numbers.negatives == .parentheses
        // `--negatives parentheses` applies to every signed figure, as in the Markdown: the
        // workbook showed -6.4% beside the report's (6.4%).
        func signed(_ format: String) -> String { negative ? format + ";(" + format + ")" : format }
        switch style {
        case .text: return nil
        case .number(let decimals): return signed(decimals > 0 ? "#,##0." + String(repeating: "0", count: decimals) : "#,##0")
        case .money: return signed("$#,##0")
        // Cents always, and up to two digits more where the value has them: per-tablet and
        // per-ml costs ($0.0042) showed as $0.00 beside their line's order cost.
        case .price: return signed("$#,##0.00##")
        case .percent: return signed("0.0%")
        // The value stays the CSV's 21.0; the format only adds the sign.
        case .percentagePoints: return signed("0.0\"%\"")
        case .date: return "yyyy-mm-dd"
        }
    }

    func cell(_ style: ReportSheet.Style) -> UnsafeMutablePointer<lxw_format>? {
        guard let numberFormat = numberFormat(style) else { return nil }
        return book.format(Workbook.Look(numberFormat: numberFormat))
    }
}
