import Reports
import Tabular

extension Table {
    /// This table as a workbook sheet with every row: numbers stay numbers, days are dates,
    /// text stays text (periods such as `2026-07` and `FY2027-Q1` included). `styles` says
    /// which number columns are money or percentages and which text columns hold ISO days.
    ///
    /// The arrays are shared with the table, not copied, so a 100,000-line table costs no
    /// more memory as a sheet.
    public func reportSheet(_ name: String, styles: [String: ReportSheet.Style] = [:], highlights: [ReportSheet.Highlight] = []) -> ReportSheet {
        let parser = DateParser()
        let sheetColumns = zip(names, columns).map { name, column -> ReportSheet.Column in
            switch column {
            case .number(let values): return ReportSheet.Column(name, .number(values), style: styles[name])
            case .date(let values): return ReportSheet.Column(name, .date(values))
            case .text(let values):
                guard styles[name] == .date else { return ReportSheet.Column(name, .text(values)) }
                return ReportSheet.Column(name, .date(values.map { $0.isEmpty ? nil : parser.parse($0) }))
            }
        }
        return ReportSheet(name: name, columns: sheetColumns, highlights: highlights)
    }
}
