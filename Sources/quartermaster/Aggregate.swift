import ArgumentParser
import Forecasting
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sum long usage rows into series,period,value with gaps filled by zero."
    )

    @Option(help: ArgumentHelp("Usage CSV (- for standard input).", valueName: "path"))
    var input: String

    @Option(help: ArgumentHelp("Header of the series key column.", valueName: "header"))
    var series = "item"

    @Option(help: ArgumentHelp("Header of the date column.", valueName: "header"))
    var date = "date"

    @Option(help: ArgumentHelp("Header of the value column.", valueName: "header"))
    var value = "quantity"

    @Option(help: ArgumentHelp("day, week, month, quarter or year.", valueName: "frequency"))
    var frequency = "month"

    @Option(help: ArgumentHelp("Output CSV (- for standard output).", valueName: "path"))
    var out: String

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        guard let frequency = Frequency(rawValue: frequency) else {
            throw UsageError("--frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", ")), not '\(self.frequency)'")
        }
        let started = Clock.now
        var job = AggregateJob(input: input, output: out)
        job.seriesColumn = series
        job.dateColumn = date
        job.valueColumn = value
        job.frequency = frequency
        job.options = try inputOptions.importOptions(output: out)
        let result = try job.run()
        let seconds = Clock.now - started
        Diagnostics.info("aggregate: \(result.summary); \(result.series) series, \(result.rowsWritten) rows written to \(out == "-" ? "standard output" : out) in \(NumberFormat.fixed(seconds, decimals: 2)) s")
    }
}

enum Clock {
    static var now: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
