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
                if styles[name] == .date { return ReportSheet.Column(name, .date(values.map { $0.isEmpty ? nil : parser.parse($0) })) }
                // A column of true and false (`favorable`) is TRUE and FALSE cells.
                if styles[name] == nil, values.contains(where: { !$0.isEmpty }), values.allSatisfy({ $0.isEmpty || $0 == "true" || $0 == "false" }) {
                    return ReportSheet.Column(name, .flag(values.map { $0.isEmpty ? nil : $0 == "true" }))
                }
                // Day periods (`2025-07-01`, an aggregate or forecast by day, tracked forecasts)
                // are days too: as text they could not be filtered by date nor sorted as dates.
                // Only a column whose every value is one; months and weeks stay text.
                guard styles[name] == nil, let first = values.first(where: { !$0.isEmpty }), AggregateStage.isoDay(first) != nil else {
                    return ReportSheet.Column(name, .text(values))
                }
                let days = values.map { $0.isEmpty ? nil : AggregateStage.isoDay($0) }
                guard zip(values, days).allSatisfy({ $0.isEmpty || $1 != nil }) else { return ReportSheet.Column(name, .text(values)) }
                return ReportSheet.Column(name, .date(days))
            }
        }
        return ReportSheet(name: name, columns: sheetColumns, highlights: highlights)
    }
}
