import Forecasting
import Tabular

/// `quartermaster aggregate`: long usage rows summed into `series,period,value`,
/// gaps filled with zero, sorted by series then period.
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
        let (totals, summary, notes) = try source.read()
        let writer = try CSVWriter(path: output, header: AggregateJob.header)
        do {
            let labels = PeriodLabels(frequency: totals.frequency)
            try totals.forEachSeries { id, first, values in
                // A missing period (gaps: missing) is not written at all, rather than as zero.
                for (offset, value) in values.enumerated() where !value.isNaN {
                    try totals.keys.withKey(id) { try writer.text(bytes: $0) }
                    try labels.write(first + offset, to: writer)
                    try writer.number(value)
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
