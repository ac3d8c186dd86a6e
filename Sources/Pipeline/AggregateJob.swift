import Forecasting
import Tabular

/// `quartermaster aggregate`: long usage rows summed into `series,period,value`,
/// gaps filled with zero (or, for levels, left empty), sorted by series then period.
public struct AggregateJob: Sendable {
    public var source: SeriesImport
    public var output: String

    public init(source: SeriesImport, output: String) {
        self.source = source
        self.output = output
    }

    public struct Result: Sendable {
        public var summary: ImportSummary
        public var series: Int
        public var rowsWritten: Int
        /// What was left out, for the user (partial periods).
        public var notes: [String]
    }

    /// The output's header; `SeriesImport` reads a file headed so without column flags.
    static let header = ["series", "period", "value"]

    public func run() throws -> Result {
        var source = self.source
        source.writesTotals = true
        let (totals, summary, notes, _) = try source.read()
        let writer = try CSVWriter(path: output, header: AggregateJob.header)
        do {
            let labels = PeriodLabels(frequency: totals.frequency)
            // A series' first period begun within (a site opened on the 20th) is left out as the
            // file's partial periods are (`PeriodTotals.aggregateValues`).
            try totals.forEachSeries(leavingOutPartFirstPeriods: source.partial == .drop) { id, first, values in
                // A missing period (gaps: missing) from a series' first recorded one to the
                // file's last is written with an empty value, never as zero: read back (by
                // forecast, or a spreadsheet), the file itself says the period was not recorded.
                // Left out, a census quarter's hole read back as zero census under usage's
                // default gaps, and a unit that stopped reporting as a unit at zero.
                guard values.contains(where: { !$0.isNaN }) else { return }
                for (offset, value) in values.enumerated() {
                    try totals.keys.withKey(id) { try writer.text(bytes: $0) }
                    try labels.write(first + offset, to: writer)
                    if value.isNaN { try writer.empty() } else { try writer.number(value) }
                    try writer.endRow()
                }
            }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        return Result(summary: summary, series: totals.seriesCount, rowsWritten: writer.rowsWritten, notes: notes)
    }
}

/// Period labels computed once per period rather than once per output row.
final class PeriodLabels {
    let frequency: Frequency
    private var cache: [Int: [UInt8]] = [:]

    init(frequency: Frequency) { self.frequency = frequency }

    func write(_ period: Int, to writer: CSVWriter) throws {
        if cache[period] == nil { cache[period] = Array(frequency.label(period).utf8) }
        try cache[period]!.withUnsafeBufferPointer { try writer.text(bytes: $0) }
    }
}
