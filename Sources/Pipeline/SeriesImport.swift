import Forecasting
import Tabular

/// Reads a long export (one row per series, date and value) into per-period totals:
/// the shared first step of `aggregate` and `forecast`.
public struct SeriesImport: Sendable {
    public var input: String
    /// Header names in the file; `--columns` entries for series/item, date, value/quantity override them.
    public var seriesColumn = "item"
    public var dateColumn = "date"
    public var valueColumn = "quantity"
    public var frequency: Frequency = .month
    public var options = ImportOptions()
    public var shard: Shard?

    public init(input: String) { self.input = input }

    public func read() throws -> (totals: PeriodTotals, summary: ImportSummary) {
        var options = self.options
        var columns = ["series": seriesColumn, "date": dateColumn, "value": valueColumn]
        for (role, header) in options.columns {
            switch role {
            case "series", "item": columns["series"] = header
            case "value", "quantity": columns["value"] = header
            default: columns[role] = header
            }
        }
        options.columns = columns
        let table = try TableImport(path: input, columns: [ColumnSpec("series"), ColumnSpec("date"), ColumnSpec("value")], options: options)
        guard let s = table.column("series"), let d = table.column("date"), let v = table.column("value") else {
            throw InputError(file: input, "required columns could not be resolved")
        }
        var totals = PeriodTotals(frequency: frequency)
        let shard = self.shard
        let summary = try table.run { row in
            let key = try row.text(s)
            let day = try row.date(d)
            let value = try row.number(v)
            if let shard, !shard.contains(key: key) { return }
            totals.add(key: key, day: day, value: value)
        }
        return (totals, summary)
    }
}
