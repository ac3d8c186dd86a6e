import ArgumentParser
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// What every canned planning command (reorder, variance, staffing) shares: one column map
/// and delimiter for all of its input files, the output folder, and quiet mode. Each command
/// is a ready pipeline: these options build its import stages and its runner.
struct CannedPipelineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map roles to your headers, for all input files: item=\"Item #\",...", valueName: "map"))
    var columns: String?

    @Option(help: ArgumentHelp("Field delimiter (detected when omitted).", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Flag(help: "No progress lines.")
    var quiet = false

    @OptionGroup var style: ReportStyleOptions

    @OptionGroup var limits: RejectLimitOptions

    /// The column map as given.
    func columnMap() throws -> [String: String] { try columns.map(ImportOptions.parseColumnMap) ?? [:] }

    /// An import of `file` as DESIGN.md's input `kind`, with the roles of the map that kind has.
    func importStage(_ file: String, _ kind: String) throws -> ImportStage {
        var options = ImportOptions()
        options.delimiter = try delimiter.map(ImportOptions.delimiter(named:))
        try limits.apply(to: &options)
        let roles = Set(InputSchema.all[kind]?.roles.map(\.name) ?? [])
        return try ImportStage(file: file, table: kind, columns: try columnMap().filter { roles.contains($0.key) }, options: options)
    }

    /// Runs the stages into the output folder and prints their notes and a closing line.
    func run(_ command: String, _ stages: [PipelineRunner.NamedStage], writes files: [String]) throws {
        let started = Progress.now()
        var runner = PipelineRunner(threads: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), quiet: quiet)
        runner.reports = try style.options()
        let result = try runner.run(stages, output: out)
        for note in result.notes { Diagnostics.info(note) }
        let written = files.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) + "." + runner.reports.format.fileExtension : $0 }
        Diagnostics.info("\(command): wrote \(written.map { "\(out)/\($0)" }.joined(separator: ", ")) in \(String(format2: Progress.now() - started)) s")
    }
}
