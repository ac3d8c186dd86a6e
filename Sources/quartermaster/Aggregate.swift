import ArgumentParser
import Pipeline
import Tabular

struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sum long usage rows into series,period,value with gaps filled by zero (or left missing)."
    )

    @OptionGroup var seriesOptions: SeriesOptions

    @Option(help: ArgumentHelp("Output CSV (- for standard output).", valueName: "path"))
    var out: String

    /// Accepted as forecast and every folder command accept it: a script that passes --quiet
    /// to each command of a chain failed here with "Unknown option". Aggregate shows no
    /// progress line, and its summary is already what forecast --quiet prints: one line, then
    /// the notes on the data, each on a `note:` line.
    @Flag(help: "No progress line (aggregate shows none); the summary line and its notes as without it.")
    var quiet = false

    func run() throws {
        let started = Progress.now()
        // Checked before the lock: its file beside --out could be the input.
        let source = try seriesOptions.seriesImport(command: "aggregate", output: out)
        // One run at a time per output: a second one fails, naming the first.
        let lock = try OutputLock(for: out)
        defer { lock?.release() }
        let job = AggregateJob(source: source, output: out)
        let result = try job.run()
        let seconds = Progress.now() - started
        // A shard's counts are the shard's, said so: "0 series" read as the whole file's.
        let inShard = source.shard.map { " in shard \($0)" } ?? ""
        Diagnostics.info("aggregate: \(result.summary); \(result.series) series\(inShard), \(result.rowsWritten) rows written to \(out == "-" ? "standard output" : out) in \(NumberFormat.fixed(seconds, decimals: 2)) s" + result.notes.map { "\nnote: " + $0 }.joined()
                        + result.summary.unfiledRejections.map { "\n" + $0 }.joined())
    }
}
