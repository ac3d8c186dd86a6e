import Foundation
import CXLSX
import Tabular

extension Report {
    /// Blocks the initialiser adds for the executive summary (its heading and bullets);
    /// a workbook writes the summary on its own rows.
    static let summaryBlocks = 2

    /// The report as an Excel workbook at `path`: a Summary sheet (title, executive summary,
    /// key figures as numbers, the report's other text), one sheet per `sheets` entry with
    /// typed cells, one sheet per chart with its data and a native chart, and an About sheet
    /// with the run's provenance.
    ///
    /// A data sheet longer than an Excel sheet holds (1,048,575 rows below its header;
    /// `rowsPerSheet`, which tests set small) continues on sheets of its own, `Expiry risk (2)`
    /// and on, each with the header, formats and highlights; the Summary says so and counts
    /// each part's rows. Cut at the limit, a 1,048,600-lot expiry sheet lost its last 25 lots
    /// ($1,727.50 of waste) while the Summary counted 1,048,600.
    public func writeWorkbook(to path: String, numbers: NumberStyle = NumberStyle(), provenance: RunProvenance? = nil,
                              rowsPerSheet: Int = ReportSheet.maximumRows - 1) throws {
        let perSheet = max(1, min(rowsPerSheet, ReportSheet.maximumRows - 1))
        let book = try Workbook(path: path)
        book.setTitle(title)
        var names = SheetNames()
        let formats = WorkbookFormats(book: book, numbers: numbers)
        // Names first, in tab order, so the Summary can name the parts of a long sheet.
        let summaryName = names.claim("Summary")
        let parts = sheets.map { sheet in
            Report.parts(rows: sheet.rowCount, perSheet: perSheet).enumerated().map { index, rows in
                (name: names.claim(sheet.name, part: index + 1), rows: rows)
            }
        }
        try writeSummary(try book.addSheet(summaryName), formats, parts: parts, perSheet: perSheet)
        for (sheet, sheetParts) in zip(sheets, parts) {
            for part in sheetParts {
                try WorkbookTableWriter(sheet: sheet, formats: formats).write(into: try book.addSheet(part.name), part: part.rows)
            }
        }
        for figure in figures {
            guard let chart = figure.chart else { continue }
            try writeChart(chart, into: try book.addSheet(names.claim(chart.sheet ?? Report.sheetName(figure: figure.name))), book: book, formats)
        }
        try writeAbout(provenance, into: try book.addSheet(names.claim("About")), formats)
        try book.close()
    }

    /// A sheet's rows cut into runs of at most `perSheet`: one (maybe empty) run for a sheet
    /// that fits.
    static func parts(rows: Int, perSheet: Int) -> [Range<Int>] {
        guard rows > perSheet else { return [0..<rows] }
        return stride(from: 0, to: rows, by: perSheet).map { $0..<min(rows, $0 + perSheet) }
    }

    /// `by_department` -> `By department`.
    static func sheetName(figure name: String) -> String {
        let words = name.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private func writeSummary(_ sheet: Worksheet, _ formats: WorkbookFormats, parts: [[(name: String, rows: Range<Int>)]], perSheet: Int) throws {
        try sheet.columnWidth(0, 44)
        try sheet.columnWidth(1, 18)
        var row = 0
        try sheet.text(row, 0, title, formats.title)
        row += 2
        try sheet.text(row, 0, "Executive summary", formats.heading)
        row += 1
        for line in summary {
            try sheet.text(row, 0, line)
            row += 1
        }
        // A sheet continued on others, said where every reader of the workbook starts.
        for (data, sheetParts) in zip(sheets, parts) where sheetParts.count > 1 {
            let rest = sheetParts.dropFirst().map { "'\($0.name)'" }.joined(separator: ", ")
            try sheet.text(row, 0, "• \(data.name): \(NumberFormat.count(data.rowCount, "row")), more than an Excel sheet holds below its header; "
                           + "the first \(NumberFormat.count(sheetParts[0].rows.count, "row")) are on '\(sheetParts[0].name)', the rest continue in the same order on \(rest).")
            row += 1
        }
        // A heading and label / number rows, numbers typed in column B.
        func figures(_ heading: String, _ items: [KeyFigure]) throws {
            guard !items.isEmpty else { return }
            row += 1
            try sheet.text(row, 0, heading, formats.heading)
            row += 1
            for figure in items {
                try sheet.text(row, 0, figure.label)
                try sheet.number(row, 1, figure.value, formats.cell(figure.style))
                row += 1
            }
        }
        try figures("Key figures", keyFigures)
        // The report's other text: headings, paragraphs, bullets and its tables (the few rows
        // each section shows, such as vendors' price increases), in order. Charts are sheets of
        // their own, as are the data tables (`sheets`). Left out, a table's heading stood over
        // nothing: "Non-compliant shifts" named no shift.
        for block in blocks.dropFirst(Report.summaryBlocks) {
            switch block {
            case .heading(let text, _):
                row += 1
                try sheet.text(row, 0, text, formats.heading)
                row += 1
            case .paragraph(let segments):
                try sheet.text(row, 0, Report.plainText(segments))
                row += 1
            case .bullets(let items):
                for item in items {
                    try sheet.text(row, 0, "• " + Report.plainText(item))
                    row += 1
                }
            case .table(let table):
                for (column, name) in table.header.enumerated() { try sheet.text(row, column, name, formats.header) }
                row += 1
                // A column of money shows cents on every row once one row has them: the report
                // writes $101 beside $58.00 (cents under $100), and the column mixed two formats.
                let withCents = Set(table.rows.flatMap { cells in
                    cells.indices.filter { cells[$0].contains("$") && Report.figure(cells[$0])?.1 == .price }
                })
                for (index, cells) in table.rows.enumerated() {
                    for (column, cell) in cells.enumerated() {
                        // A right-aligned cell is a figure: typed, so the sheet can sum it; its
                        // exact value where the table has one, shown as the text rounds it.
                        // A percentage is stored as the share it is (0.95 shown 95.0%), as the data
                        // sheets store fill rates: stored as 95 beside the Vendors sheet's 0.95, a
                        // formula taking the Summary's fill rate was off 100 times. (A table's exact
                        // value for a percentage is a share already.)
                        if column < table.alignments.count, table.alignments[column] == .right, let (shown, style) = Report.figure(cell) {
                            let percentage = style == .percentagePoints
                            let value = table.value(row: index, column: column) ?? (percentage ? shown / 100 : shown)
                            let displayed: ReportSheet.Style = percentage ? .percent : style == .money && withCents.contains(column) ? .price : style
                            try sheet.number(row, column, value, formats.cell(displayed))
                        } else {
                            try sheet.text(row, column, cell)
                        }
                    }
                    row += 1
                }
            case .figure:
                continue
            }
        }
        // Each sheet as it is in the workbook: a long sheet's parts with their own rows.
        try figures("Sheets (rows)", parts.joined().map { KeyFigure($0.name, Double($0.rows.count)) })
    }

    /// A table cell's figure as the report wrote it, with the style that shows it the same
    /// way: `$1,537,871` and `($154)` money, `$0.10` a price, `12.5%` percentage points, `1,234.5` a number with
    /// its decimals; nil for text.
    static func figure(_ cell: String) -> (Double, ReportSheet.Style)? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, last.isNumber || last == ")" || last == "%" else { return nil }
        // A negative percentage in parentheses (`--negatives parentheses`: `(1.4%)`) was text.
        if trimmed.hasPrefix("("), trimmed.hasSuffix("%)"), let inner = NumberParser().parse(String(trimmed.dropFirst().dropLast(2))) {
            return (-inner, .percentagePoints)
        }
        let percent = last == "%"
        guard let value = NumberParser().parse(percent ? String(trimmed.dropLast()) : trimmed) else { return nil }
        if percent { return (value, .percentagePoints) }
        // Written with cents (a unit price, $0.10 against $0.08), shown with them: `$#,##0`
        // showed both as $0 beside a $200 variance.
        if trimmed.contains("$") { return (value, trimmed.contains(".") ? .price : .money) }
        let decimals = trimmed.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        return (value, .number(decimals: decimals))
    }

    static func plainText(_ segments: [Segment]) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .link(let text, _): text
            }
        }.joined()
    }

    /// The chart's data as a small table at the top left, the chart beside it.
    private func writeChart(_ chart: WorkbookChart, into sheet: Worksheet, book: Workbook, _ formats: WorkbookFormats) throws {
        // Percentages stored as the shares they are (99.8% as 0.998), as the data sheets and the
        // Summary's tables store them: the chart data held 99.83 beside the Vendors sheet's
        // 0.9983, and a formula taking it was off 100 times.
        let style: ReportSheet.Style = switch chart.format {
        case .money: .money
        case .quantity: .number(decimals: 1)
        case .percent: .percent
        }
        let scale = chart.format == .percent ? 0.01 : 1
        let columns = [ReportSheet.Column(chart.categoryHeader, .text(chart.categories))]
            + chart.series.map { ReportSheet.Column($0.name, .number($0.values.map { $0 * scale }), style: style) }
        try WorkbookTableWriter(sheet: ReportSheet(name: sheet.name, columns: columns), formats: formats).write(into: sheet)
        guard !chart.categories.isEmpty else { return }
        let native = try book.chart(chart.kind)
        chart_title_set_name(native, chart.title)
        let last = lxw_row_t(chart.categories.count)
        var fills: [lxw_chart_fill] = []
        for (index, series) in chart.series.enumerated() {
            guard let added = chart_add_series(native, nil, nil) else { continue }
            chart_series_set_categories(added, sheet.name, 1, 0, last, 0)
            chart_series_set_values(added, sheet.name, 1, lxw_col_t(index + 1), last, lxw_col_t(index + 1))
            chart_series_set_name_range(added, sheet.name, 0, lxw_col_t(index + 1))
            var fill = lxw_chart_fill(color: WorkbookFormats.seriesColors[index % WorkbookFormats.seriesColors.count], none: 0, transparency: 0)
            if chart.kind == .bar {
                chart_series_set_fill(added, &fill)
            } else {
                var line = lxw_chart_line(color: fill.color, none: 0, width: 2.25, dash_type: 0, transparency: 0)
                chart_series_set_line(added, &line)
            }
            if let favorable = series.favorable {
                // Each bar in its own colour: favorable bluish green, unfavorable vermillion.
                fills = favorable.map { lxw_chart_fill(color: $0 ? 0x009E73 : 0xD55E00, none: 0, transparency: 0) }
                try fills.withUnsafeMutableBufferPointer { buffer in
                    var points = (0..<buffer.count).map { i in lxw_chart_point(line: nil, fill: buffer.baseAddress! + i, pattern: nil) }
                    try points.withUnsafeMutableBufferPointer { pointBuffer in
                        var pointers: [UnsafeMutablePointer<lxw_chart_point>?] = (0..<pointBuffer.count).map { pointBuffer.baseAddress! + $0 }
                        pointers.append(nil)
                        try book.check(chart_series_set_points(added, &pointers))
                    }
                }
            }
        }
        if chart.series.count < 2 { chart_legend_set_position(native, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        let numberFormat = formats.numberFormat(style)
        if chart.kind == .bar {
            // In a bar chart libxlsxwriter's y axis is the vertical category axis. Excel draws
            // the first category at the bottom; reversed, the sheet and the chart read top to
            // bottom in the same order, as the SVG does. Names sit at the low end, clear of
            // bars that run left of zero.
            chart_axis_set_reverse(native.pointee.y_axis)
            chart_axis_set_label_position(native.pointee.y_axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
            if let numberFormat { chart_axis_set_num_format(native.pointee.x_axis, numberFormat) }
        } else if let numberFormat {
            chart_axis_set_num_format(native.pointee.y_axis, numberFormat)
        }
        // Default size is 480 x 288 pixels; a bar chart grows about 24 pixels per bar.
        let tall = chart.kind == .bar ? max(1.0, Double(chart.categories.count * chart.series.count) * 24 / 288) : 1.25
        try sheet.insert(native, row: 1, column: chart.series.count + 2, xScale: 1.6, yScale: tall)
    }

    private func writeAbout(_ provenance: RunProvenance?, into sheet: Worksheet, _ formats: WorkbookFormats) throws {
        try sheet.columnWidth(0, 40)
        try sheet.columnWidth(1, 66)
        try sheet.columnWidth(2, 12)
        var row = 0
        try sheet.text(row, 0, "About this workbook", formats.title)
        row += 2
        guard let provenance else {
            try sheet.text(row, 0, "Written by quartermaster outside a pipeline run: no inputs recorded.")
            return
        }
        for (label, value) in [("Report", title), ("Pipeline", provenance.pipeline), ("Pipeline sha256", provenance.pipelineSHA256),
                               ("quartermaster version", provenance.version)] where !value.isEmpty {
            try sheet.text(row, 0, label, formats.heading)
            try sheet.text(row, 1, value)
            row += 1
        }
        if !provenance.overrides.isEmpty {
            try sheet.text(row, 0, "Overrides", formats.heading)
            try sheet.text(row, 1, provenance.overrides.joined(separator: ", "))
            row += 1
        }
        row += 1
        try sheet.text(row, 0, "Input", formats.header)
        try sheet.text(row, 1, "sha256", formats.header)
        try sheet.text(row, 2, "rows", formats.header)
        row += 1
        for input in provenance.inputs {
            try sheet.text(row, 0, input.path)
            try sheet.text(row, 1, input.sha256)
            try sheet.number(row, 2, Double(input.rows), formats.cell(.number(decimals: 0)))
            row += 1
        }
        row += 1
        try sheet.text(row, 0, "Stage / parameter", formats.header)
        try sheet.text(row, 1, "value", formats.header)
        row += 1
        for parameter in provenance.parameters {
            try sheet.text(row, 0, parameter.stage + " / " + parameter.name)
            try sheet.text(row, 1, parameter.value)
            row += 1
        }
    }
}
