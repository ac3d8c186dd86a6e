import ArgumentParser
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// `quartermaster track`: the `track` stage as a command, into an output folder.
struct Track: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the forecasts a run history archived against the actuals later runs recorded."
    )

    @Option(help: ArgumentHelp("The run history database (written with --history by forecast, reorder, variance, staffing, purchasing or run).", valueName: "file.sqlite"))
    var history: String

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Flag(help: "No progress lines.")
    var quiet = false

    @OptionGroup var style: ReportStyleOptions

    func run() throws {
        let files = ["forecast_tracking.csv", "forecast_drift.csv", "forecast_tracking.md"]
        try FolderOutput.check(out, command: "track", writes: files)
        try PipelineRunner.outputGuard(output: out, history: nil, inputs: [.init(history, "--history", remedy: "")], flags: true).check()
        let started = Progress.now()
        var runner = PipelineRunner(threads: 1, quiet: quiet)
        try style.configure(&runner)
        let result = try runner.run([.init("track", TrackStage(history: history))], output: out, name: "quartermaster track")
        for note in result.notes { Diagnostics.info(note) }
        Diagnostics.info("track: wrote \(result.manifest.outputs.filter { $0.hasPrefix("forecast_") }.map { "\(out)/\($0)" }.joined(separator: ", ")) in \(String(format2: Progress.now() - started)) s")
    }
}
