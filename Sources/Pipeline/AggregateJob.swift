import Forecasting
import Tabular

/// `quartermaster aggregate`: long usage rows summed into `series,period,value`,
/// gaps filled with zero, sorted by series then period.
public struct AggregateJob: Sendable {
    public var input: String
    /// Header names in the file (before the column map is applied).
    public var seriesColumn = "item"
    public var dateColumn = "date"
    public var valueColumn = "quantity"
    public var frequency: Frequency = .month
    public var options = ImportOptions()
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    public struct Result: Sendable {
        public var summary: ImportSummary
        public var series: Int
        public var rowsWritten: Int
    }

    public func run() throws -> Result {
        var options = self.options
        // --series/--date/--value name the file's headers; --columns may override them.
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
        let summary = try table.run { row in
            let key = try row.text(s)
            let day = try row.date(d)
            let value = try row.number(v)
            totals.add(key: key, day: day, value: value)
        }
        let writer = try CSVWriter(path: output, header: ["series", "period", "value"])
        do {
            try SeriesTableWriter.write(totals, to: writer)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        return Result(summary: summary, series: totals.seriesCount, rowsWritten: writer.rowsWritten)
    }
}

/// Writes period totals in the long `series,period,value` layout.
enum SeriesTableWriter {
    static func write(_ totals: PeriodTotals, to writer: CSVWriter) throws {
        guard totals.seriesCount > 0 else { return }
        // Labels are computed once per period, not once per row.
        var labels: [Int: [UInt8]] = [:]
        try totals.forEachSeries { id, first, values in
            for (offset, value) in values.enumerated() {
                let period = first + offset
                try totals.keys.withKey(id) { try writer.text(bytes: $0) }
                if labels[period] == nil { labels[period] = Array(totals.frequency.label(period).utf8) }
                try labels[period]!.withUnsafeBufferPointer { try writer.text(bytes: $0) }
                try writer.number(value)
                try writer.endRow()
            }
        }
    }
}
