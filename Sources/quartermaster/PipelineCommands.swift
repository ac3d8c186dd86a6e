import ArgumentParser
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate and run a YAML pipeline; outputs replace the folder only on success.")

    @Argument(help: "The pipeline file.")
    var pipeline: String

    @Option(help: ArgumentHelp("Output folder (default: the pipeline's output:, else ./out).", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: stage.param=value (repeatable).", valueName: "stage.param=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "count"))
    var threads: Int?

    @Option(help: ArgumentHelp("Run history database to append this run to (default: the pipeline's history:).", valueName: "file.sqlite"))
    var history: String?

    @Flag(help: "Record the run in the history although a stage reads other rows (another where:, columns, unpivot, join or filter) than the earlier runs of its name, or its figures restate most series the history holds: it is the same job, changed on purpose (a note names the stages it applied to).")
    var sameJob = false

    @Flag(help: "No progress lines.")
    var quiet = false

    @OptionGroup var style: ReportStyleOptions

    func run() throws {
        if let threads, threads < 1 { throw UsageError("--threads must be 1 or more (it was \(threads)); leave it out to use every core") }
        try FolderOutput.check(out, command: "run", writes: ["the pipeline's exports"])
        let started = Progress.now()
        var runner = PipelineRunner(threads: threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), quiet: quiet)
        runner.history = history
        runner.sameJob = sameJob
        try style.configure(&runner)
        let result = try runner.run(pipeline, output: out, overrides: overrides)
        for note in result.notes { Diagnostics.info(note) }
        let stages = result.manifest.stages.map { "\($0.name) \($0.rows) rows" }.joined(separator: ", ")
        Diagnostics.info("run: \(result.manifest.stages.count) stages (\(stages)); \(result.manifest.outputs.count) files in \(result.outputDirectory) in \(String(format2: Progress.now() - started)) s")
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a pipeline (keys, types, kinds, references, cycles, files, columns) without running it.")

    @Argument(help: "The pipeline file.")
    var pipeline: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: stage.param=value (repeatable).", valueName: "stage.param=value"))
    var overrides: [String] = []

    func run() throws {
        let (spec, stages) = try PipelineRunner().validate(pipeline, overrides: overrides)
        Diagnostics.info("\(pipeline): valid, \(stages.count) stages (\(spec.stages.map { "\($0.name): \($0.kind)" }.joined(separator: ", ")))")
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the stage kinds a pipeline can use, with their parameters.")

    func run() throws {
        var text = ""
        for name in StageRegistry.standard.names {
            guard let type = StageRegistry.standard.type(of: name) else { continue }
            text += "\(name): \(type.summary)\n  outputs: \(type.outputs.joined(separator: ", "))\n"
            for p in type.parameters {
                var line = "  \(p.name) (\(p.kind.rawValue)\(p.required ? ", required" : ""))"
                if let d = p.defaultValue { line += " = \(d)" }
                text += line + ": \(p.help)\n"
            }
            text += "\n"
        }
        print(text, terminator: "")
    }
}

extension String {
    init(format2 value: Double) {
        let cents = Int((value * 100).rounded())
        self = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
