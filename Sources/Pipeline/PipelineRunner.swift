import Foundation
import History
import Reports
import Tabular

/// Validates and runs pipelines: YAML files or stages built in Swift.
///
/// Stages run in dependency order. Everything a run writes goes to a temporary folder beside
/// the output folder, which replaces the old one only when every stage succeeded: a failed
/// run leaves the previous outputs exactly as they were.
public struct PipelineRunner: Sendable {
    public var registry: StageRegistry
    public var threads: Int
    public var quiet: Bool
    /// Report formats (Markdown, HTML, workbooks), and how negative numbers are written in
    /// them. Setting it chooses the formats: a pipeline's own `formats:` then no longer applies.
    public var reports = ReportOptions() { didSet { formatsGiven = true } }
    /// Whether `reports.formats` was chosen (in Swift, or with `--format`) rather than left
    /// to the pipeline's `formats:`. The CLI sets it back to false when `--format` is absent.
    public var formatsGiven = false
    public var version = "0.1.0"
    /// The run history database to append this run to (`--history`); nil uses the
    /// pipeline's `history:`, if any.
    public var history: String?
    /// How the run is named in the history: `run`, or the canned command that built it.
    public var command = "run"
    /// `run --same-job`: the user says this run is the job whose history its stages continue,
    /// though what they read changed (`StageScope`), so it is recorded without the refusal.
    public var sameJob = false

    public init(registry: StageRegistry = .standard, threads: Int = 2, quiet: Bool = false) {
        self.registry = registry
        self.threads = max(1, threads)
        self.quiet = quiet
    }

    /// A stage ready to run, with its name and the references it reads.
    public struct NamedStage: Sendable {
        public var name: String
        public var stage: any Stage
        public var parameters: [String: String]

        public init(_ name: String, _ stage: any Stage, parameters: [String: String] = [:]) {
            self.name = name
            self.stage = stage
            self.parameters = parameters
        }
    }

    // MARK: - Validation

    /// Reads, checks and builds a pipeline file; every problem is reported at once.
    /// `historyClashes` false leaves the run history (`history:`, `--history`) to the run's own
    /// checks, which refuse a clash with its files as the usage error it is there (exit 2).
    public func validate(_ path: String, overrides: [String] = [], historyClashes: Bool = true) throws -> (spec: PipelineSpec, stages: [NamedStage]) {
        var spec = try PipelineSpec.load(path)
        try spec.apply(overrides: overrides)
        var problems = spec.problems
        var built: [NamedStage] = []
        var names = Set<String>()
        for s in spec.stages {
            if !names.insert(s.name).inserted {
                problems.append(PipelineError(location: s.location, "stage name '\(s.name)' is used twice"))
            }
            guard !s.kind.isEmpty else { continue }
            guard let type = registry.type(of: s.kind) else {
                problems.append(PipelineError(location: s.locations["kind"] ?? s.location,
                                              "stage '\(s.name)': unknown kind '\(s.kind.clipped(60))'; known kinds: \(registry.names.joined(separator: ", "))"))
                continue
            }
            let known = Set(type.parameters.map(\.name))
            var s = s
            // A block of plain values (unpivot: {columns: "*", ...}) reads as a map: its keys
            // are the block's dotted parameters.
            for (key, value) in s.values where !known.contains(key) {
                guard case .map(let block) = value, known.contains(where: { $0.hasPrefix(key + ".") }) else { continue }
                s.values[key] = nil
                // A dotted parameter already there is a `--set` override: it wins (the block
                // wrote over it, and the run ignored the override its manifest listed).
                for (inner, v) in block where s.values[key + "." + inner] == nil {
                    s.values[key + "." + inner] = .scalar(v)
                    s.locations[key + "." + inner] = s.locations[key + "." + inner] ?? s.locations[key]
                }
            }
            // Inline records (scenarios: - name: ...) are numbered dotted parameters.
            let records = type.parameters.filter { $0.kind == .records }.map { $0.name + "." }
            // One problem per unknown name: a misspelt list of records (`scenario:` for
            // `scenarios:`) is one mistake, not one per field of each record.
            var reported: Set<String> = []
            for key in s.values.keys.sorted() where !known.contains(key) && !records.contains(where: { key.hasPrefix($0) }) {
                let name = key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? key
                guard reported.insert(name).inserted else { continue }
                // `file.x`: a known parameter that is no map (the guess would be 'file' itself).
                if name != key, known.contains(name) {
                    problems.append(PipelineError(location: s.locations[key] ?? s.location,
                                                  "stage '\(s.name)': '\(key.clipped(60))' sets a key of '\(name.clipped(60))', which is not a map; set it whole (\(name)=...)"))
                    continue
                }
                let near = PipelineRunner.nearest(name, among: type.parameters.map(\.name)).map { "; did you mean '\($0)'? It takes" } ?? "; it takes"
                problems.append(PipelineError(location: s.locations[name] ?? s.locations[key] ?? s.location,
                                              "stage '\(s.name)': unknown parameter '\(name.clipped(60))' for kind \(s.kind)\(near) \(type.parameters.map(\.name).joined(separator: ", "))"))
            }
            let parameters = StageParameters(stage: s.name, values: s.values.filter { known.contains($0.key) || records.contains(where: $0.key.hasPrefix) },
                                             specs: type.parameters,
                                             location: s.location, locations: s.locations)
            // Every problem at once: a value of the wrong type is left out (its default taken)
            // and the stage built without it, and so is each value the stage refuses in turn,
            // so a second bad value, or a reference to a missing stage, shows in the same run
            // of validate (one problem per stage took three rounds of edits for six).
            let typeProblems = parameters.namedTypeProblems()
            problems += typeProblems.map(\.problem)
            let required = Set(type.parameters.filter(\.required).map(\.name))
            guard !typeProblems.contains(where: { required.contains($0.name) }) else { continue }
            var trial = parameters
            for problem in typeProblems { trial.values[problem.name] = nil }
            var clean = typeProblems.isEmpty
            for _ in 0...trial.values.count {
                do {
                    let stage = try type.init(parameters: trial)
                    var effective = type.parameters.defaults
                    for p in type.parameters { if let v = trial.values[p.name] { effective[p.name] = v.description } }
                    built.append(NamedStage(s.name, stage, parameters: effective))
                    // Checked without the values at fault too, so that one run of validate names
                    // every problem (a missing scenario file showed only once two ranges were
                    // fixed); a check at the place of a problem already named is left out.
                    let reported = problems.compactMap(\.location)
                    problems += stage.check(ValidationContext(pipelineDirectory: spec.directory, stage: s.name, location: s.location, locations: s.locations, calendar: spec.calendar))
                        .filter { clean || $0.location.map { !reported.contains($0) } ?? true }
                    break
                } catch let error as PipelineError {
                    problems.append(error)
                    clean = false
                    // Retried without the value at fault, unless it is required or not found.
                    guard let key = trial.values.keys.sorted().first(where: { trial.locations[$0] == error.location && $0 != "kind" }),
                          !required.contains(key) else { break }
                    trial.values[key] = nil
                }
            }
        }
        problems += referenceProblems(built, spec: spec)
        problems += filterAndJoinProblems(built, spec: spec)
        problems += historyProblems(built, spec: spec, clashes: historyClashes)
        // Two exports of one name, or an export named like the run's own files, would
        // silently replace each other.
        var exported: [String: String] = [:]
        let outputs = outputProblems(built, spec: spec)
        problems += outputs.problems
        let written = outputs.written
        func writer(of file: String) -> String? { written.first { OutputFileName.collide($0.file, file) }?.stage }
        for named in built {
            guard let export = named.stage as? ExportStage else { continue }
            let location = spec.stages.first { $0.name == named.name }.flatMap { $0.locations["file"] ?? $0.location }
            if PipelineRunner.reservedFiles.contains(export.file) {
                problems.append(PipelineError(location: location, "stage '\(named.name)': '\(export.file)' is written by every run; choose another file name"))
            } else if let other = writer(of: export.file) {
                problems.append(PipelineError(location: location, "stage '\(named.name)': stage '\(other)' writes '\(export.file)'; choose another file name"))
            } else if let other = exported[export.file] {
                problems.append(PipelineError(location: location, "stage '\(named.name)': stage '\(other)' already exports '\(export.file)'; choose another file name"))
            } else {
                exported[export.file] = named.name
            }
        }
        if !problems.isEmpty {
            // In the file's order, as an editor walks it.
            let ordered = problems.enumerated().sorted { a, b in
                let la = a.element.location, lb = b.element.location
                return (la?.line ?? 0, la?.column ?? 0, a.offset) < (lb?.line ?? 0, lb?.column ?? 0, b.offset)
            }.map(\.element)
            throw PipelineValidationError(problems: ordered)
        }
        return (spec, built)
    }

    /// The files the stages other than exports write (`Stage.outputFiles`, and each import's
    /// `STAGE.rejects.csv`), and a problem at the stage's `file:` line (else its name's) for
    /// each stage writing a file an earlier stage writes, or one the run writes itself
    /// (`index.md`, `manifest.json`). Two reorder stages, a reorder named `index` and two
    /// variance stages proposing budgets passed validate, and the run failed only after every
    /// stage had run, naming no line.
    func outputProblems(_ stages: [NamedStage], spec: PipelineSpec) -> (written: [(file: String, stage: String)], problems: [PipelineError]) {
        var written: [(file: String, stage: String)] = [], problems: [PipelineError] = []
        for named in stages where !(named.stage is ExportStage) {
            var files = named.stage.outputFiles
            // An import keeps its rejected rows in `STAGE.rejects.csv`: an export of that name
            // passed validate, failed the run, and the rejects folder held the export's rows.
            if named.stage is ImportStage { files.append(named.name + ".rejects.csv") }
            let before = written
            written += files.map { ($0, named.name) }
            let declared = spec.stages.first { $0.name == named.name }
            let location = declared.flatMap { $0.locations["file"] ?? $0.location }
            // Whether `file` follows the stage's `file:` (a variance's proposal, scenarios and
            // supply files too), so that another name parts the two; else the name is fixed.
            let bases = [named.parameters["file"], (named.stage as? VarianceStage).map { $0.companionBase + "_" }].compactMap { $0 }.filter { !$0.isEmpty }
            func follows(_ file: String) -> Bool { bases.contains { file.hasPrefix($0) } }
            if let reserved = files.first(where: { file in PipelineRunner.reservedFiles.contains { OutputFileName.collide(file, $0) } }) {
                problems.append(PipelineError(location: location, "stage '\(named.name)': '\(OutputFileName.shown(reserved))' is written by every run (the run's index and manifest); give the stage another file:"))
                continue
            }
            let clashes = files.compactMap { file in before.first { OutputFileName.collide($0.file, file) }.map { (file: file, other: $0.stage) } }
            guard let first = clashes.first else { continue }
            let more = clashes.count > 1 ? " (and \(clashes.count - 1) more of its files)" : ""
            let fixed = !follows(first.file)
            problems.append(PipelineError(location: location, "stage '\(named.name)': stage '\(first.other)' also writes '\(OutputFileName.shown(first.file))'\(more), and one would replace the other; "
                                          + (fixed ? "that name is fixed, so run the two stages in separate pipelines or output folders" : "give one of them another file:")))
        }
        return (written, problems)
    }

    /// A filter's `where:` column or a join's `on:` key that the table it reads cannot have
    /// (`unitt`, or `location` from a file without one): validate passed, and the run failed
    /// after reading every export, naming no line. The columns are known through imports (the
    /// roles their file's header gives, else their kind's), aggregates (series, period, value),
    /// filters (their input's) and joins (both sides'); a stage reading anything else is not
    /// checked.
    func filterAndJoinProblems(_ stages: [NamedStage], spec: PipelineSpec) -> [PipelineError] {
        let byName = Dictionary(stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func columns(of reference: String, depth: Int = 0) -> [String]? {
            let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
            guard depth < 32, let stage = byName[parts[0]]?.stage else { return nil }
            switch stage {
            case let imported as ImportStage where parts.count == 1 || parts[1] == ImportStage.outputs.first:
                // The file's own columns where its header reads; else every role of its kind.
                return imported.columnsPresent(pipelineDirectory: spec.directory) ?? imported.schema.roles.filter { !$0.isPrivate }.map(\.name)
            case is AggregateStage where parts.count == 1 || parts[1] == AggregateStage.outputs.first:
                return AggregateJob.header
            case let forecast as ForecastStage where parts.count == 1 || parts[1] == ForecastStage.outputs.first:
                return ForecastJob.forecastHeader(levels: forecast.levels)
            case let filter as FilterStage:
                return columns(of: filter.input, depth: depth + 1)
            case let join as JoinStage:
                guard let left = columns(of: join.left, depth: depth + 1), let right = columns(of: join.right, depth: depth + 1) else { return nil }
                return left + right.filter { !join.keys.contains($0) }.map { left.contains($0) ? "\(join.right).\($0)" : $0 }
            default:
                return nil
            }
        }
        var problems: [PipelineError] = []
        for named in stages {
            let declared = spec.stages.first { $0.name == named.name }
            func check(_ column: String, in reference: String, parameter: String) {
                guard let known = columns(of: reference), !known.contains(column) else { return }
                // A key a `--set` gave (`--set f.where.itm=B`) is the command line's fault.
                problems.append(PipelineError(location: declared.flatMap { $0.locations[parameter + "." + column] ?? $0.locations[parameter] ?? $0.location },
                                              "stage '\(named.name)': \(parameter) names the column '\(column.clipped(60))', which '\(reference)' does not have; its columns are \(known.joined(separator: ", "))"))
            }
            if let filter = named.stage as? FilterStage {
                for column in filter.conditions.keys.sorted() { check(column, in: filter.input, parameter: "where") }
            } else if let aggregate = named.stage as? AggregateStage {
                // Checked against the file's own header: `series: [item, location]` is a usage
                // role, and a file without the column failed only once the run reached it.
                for column in aggregate.seriesColumns { check(column, in: aggregate.input, parameter: "series") }
                check(aggregate.dateColumn, in: aggregate.input, parameter: "date")
                check(aggregate.valueColumn, in: aggregate.input, parameter: "value")
            } else if let forecast = named.stage as? ForecastStage {
                // A forecast reads series,period,value (an aggregate's output), not an import.
                if let known = columns(of: forecast.input), !AggregateJob.header.allSatisfy(known.contains) {
                    problems.append(PipelineError(location: declared.flatMap { $0.locations["input"] ?? $0.location },
                                                  "stage '\(named.name)': a forecast reads series, period and value, which '\(forecast.input)' does not have (its columns are \(known.joined(separator: ", "))); forecast an aggregate stage's output"))
                }
            } else if let join = named.stage as? JoinStage {
                for key in join.keys {
                    check(key, in: join.left, parameter: "on")
                    check(key, in: join.right, parameter: "on")
                }
            }
        }
        return problems
    }

    /// The problems a run would stop on before doing anything, with its history files: a
    /// track stage's history that does not exist (other than the run's own, `history:` or
    /// `--history`, which the first run creates), or is not a history of ours (not SQLite,
    /// another application's, damaged); a run history that is such a file, or names one of
    /// the pipeline's own files; a track stage with no history at all. Validate passed each of
    /// them and `run` refused the pipeline at once.
    func historyProblems(_ stages: [NamedStage], spec: PipelineSpec, clashes: Bool = true) -> [PipelineError] {
        let ownGiven = history ?? spec.history.map { PipelinePaths.resolve($0, relativeTo: spec.directory) }
        let own = Set([spec.history.map { PipelinePaths.resolve($0, relativeTo: spec.directory) }, history].compactMap { $0 })
        let ownLocation = history == nil ? spec.historyLocation : nil
        var problems: [PipelineError] = []
        // A run checks its own history itself, before anything is written (a clash with its
        // files first, a usage error): only validate needs to.
        if let ownGiven, clashes {
            let named = history == nil ? "history: '\(spec.history ?? ownGiven)'" : "--history \(ownGiven)"
            // The pipeline's own files: the history would be written over one it reads (what
            // that file holds is then beside the point).
            let inputs = [OutputGuard.Named(spec.file, "the pipeline", remedy: "")] + stages.flatMap { named in
                named.stage.inputFiles.map { OutputGuard.Named(PipelinePaths.resolve($0, relativeTo: spec.directory), "stage '\(named.name)'", remedy: "") }
            }
            let folders = spec.output.map { [OutputGuard.Named(PipelinePaths.resolve($0, relativeTo: spec.directory), "the output folder", remedy: "choose another path for the history")] } ?? []
            do {
                try OutputGuard(inputs: inputs, files: [.init(ownGiven, "the run history", remedy: "choose another path for --history (history: in the pipeline)")], folders: folders).check()
                try RunHistory.check(ownGiven, reading: false)
                // A history in a folder that does not exist passed validate, and run refused it
                // ("cannot open the history database", exit 1).
                let folder = ownGiven.contains("/") ? String(ownGiven[..<ownGiven.lastIndex(of: "/")!]) : "."
                var isFolder: ObjCBool = false
                if !FileManager.default.fileExists(atPath: ownGiven), !folder.isEmpty,
                   !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
                    problems.append(PipelineError(location: ownLocation, "\(named): the folder '\(folder)' does not exist, so a run cannot create the history there; create the folder, or give the history another path"))
                }
            } catch let error as UsageError {
                problems.append(PipelineError(location: ownLocation, error.message))
            } catch {
                problems.append(PipelineError(location: ownLocation, "\(named) \(PipelineRunner.refusal(error))"))
            }
        }
        return problems + trackProblems(stages, spec: spec, own: own, ownGiven: ownGiven)
    }

    /// Each track stage's history: given and not the run's own, it must be a history of ours;
    /// not given, the run must have one.
    private func trackProblems(_ stages: [NamedStage], spec: PipelineSpec, own: Set<String>, ownGiven: String?) -> [PipelineError] {
        var problems: [PipelineError] = []
        for named in stages {
            guard let track = named.stage as? TrackStage else { continue }
            let declared = spec.stages.first { $0.name == named.name }
            guard let given = track.history else {
                if ownGiven == nil {
                    problems.append(PipelineError(location: declared?.location, "stage '\(named.name)': no history to track; give the stage history: FILE, or the run --history FILE (history: in the pipeline)"))
                }
                continue
            }
            let location = declared.flatMap { $0.locations["history"] ?? $0.location }
            let path = PipelinePaths.resolve(given, relativeTo: spec.directory)
            if own.contains(path) { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                problems.append(PipelineError(location: location, "stage '\(named.name)': no run history at '\(given)'; give the path of a history a run with --history wrote"))
                continue
            }
            do {
                try RunHistory.check(path, reading: true)
            } catch {
                problems.append(PipelineError(location: location, "stage '\(named.name)': history '\(given)' \(PipelineRunner.refusal(error))"))
            }
        }
        return problems
    }

    /// The message of an `InputError` without the path it starts with (the problem names it).
    static func refusal(_ error: Error) -> String {
        (error as? InputError).map { $0.message } ?? "\(error)"
    }

    /// Inputs that name no stage (or no table of it), and cycles.
    func referenceProblems(_ stages: [NamedStage], spec: PipelineSpec?) -> [PipelineError] {
        var problems: [PipelineError] = []
        let byName = Dictionary(stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func location(_ stage: String, _ reference: String) -> SourceLocation? {
            guard let s = spec?.stages.first(where: { $0.name == stage }) else { return nil }
            let key = s.values.first { $0.value == .scalar(reference) || { if case .list(let l) = $0.value { return l.contains(reference) } else { return false } }($0) }?.key
            return key.flatMap { s.locations[$0] } ?? s.location
        }
        for s in stages {
            for reference in s.stage.inputs {
                let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
                guard let target = byName[parts[0]] else {
                    // A declared stage that failed to build has its own problem reported.
                    if spec?.stages.contains(where: { $0.name == parts[0] }) == true { continue }
                    problems.append(PipelineError(location: location(s.name, reference), "stage '\(s.name)': input '\(reference)' names no stage; stages are \(stages.map(\.name).joined(separator: ", "))"))
                    continue
                }
                let outputs = type(of: target.stage).outputs
                if parts.count == 2 && !outputs.contains(parts[1]) {
                    problems.append(PipelineError(location: location(s.name, reference), "stage '\(s.name)': stage '\(parts[0])' has no table '\(parts[1])'; it produces \(outputs.joined(separator: ", "))"))
                }
            }
            // An input named after a table kind that names an import of another kind.
            guard let declared = spec?.stages.first(where: { $0.name == s.name }) else { continue }
            for parameter in type(of: s.stage).parameters {
                guard let expected = parameter.expectedTable, case .scalar(let reference)? = declared.values[parameter.name],
                      let imported = byName[String(reference.split(separator: ".", maxSplits: 1)[0])]?.stage as? ImportStage,
                      imported.schema.kind != expected else { continue }
                problems.append(PipelineError(location: declared.locations[parameter.name] ?? declared.location,
                                              "stage '\(s.name)': \(parameter.name) '\(reference)' is an import of table \(imported.schema.kind); \(parameter.name) needs an import of table \(expected)"))
            }
        }
        // Cycles, by depth-first search in declaration order.
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        func visit(_ name: String, _ path: [String]) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = path.drop { $0 != name } + [name]
                problems.append(PipelineError(location: spec?.stages.first { $0.name == name }?.location,
                                              "stages form a cycle: \(cycle.joined(separator: " -> "))"))
                return
            }
            state[name] = 1
            for reference in byName[name]?.stage.inputs ?? [] {
                let target = String(reference.split(separator: ".", maxSplits: 1)[0])
                if byName[target] != nil { visit(target, path + [name]) }
            }
            state[name] = 2
        }
        for s in stages { visit(s.name, []) }
        return problems
    }

    // MARK: - Running

    public struct RunResult: Sendable {
        public var outputDirectory: String
        public var manifest: Manifest
        public var notes: [String]
        /// Which of `notes` sum a stage up (`StageContext.summary`) rather than note something.
        public var summaries: Set<Int> = []
    }

    /// Validates and runs a pipeline file into `output` (default: its `output:`, else `out`).
    public func run(_ path: String, output: String? = nil, overrides: [String] = []) throws -> RunResult {
        let (spec, stages) = try validate(path, overrides: overrides, historyClashes: false)
        let folder = output ?? spec.output.map { PipelinePaths.resolve($0, relativeTo: spec.directory) } ?? "out"
        let hash = (try? SHA256.hexDigest(ofFile: path)) ?? ""
        var runner = self
        if !formatsGiven, let formats = spec.formats { runner.reports.formats = formats }
        if runner.history == nil { runner.history = spec.history.map { PipelinePaths.resolve($0, relativeTo: spec.directory) } }
        return try runner.execute(stages, calendar: spec.calendar, pipelineDirectory: spec.directory, output: folder,
                                  pipelineName: path, pipelineHash: hash, overrides: overrides, pipelineFile: path,
                                  stageLocations: Dictionary(spec.stages.map { ($0.name, $0.location) }) { first, _ in first })
    }

    /// Runs stages built in Swift, with the same ordering, atomic outputs and manifest as YAML.
    /// `name` stands for the pipeline file in the manifest and the reports (a canned command
    /// gives its own, `quartermaster reorder`).
    public func run(_ stages: [NamedStage], calendar: PipelineCalendar = PipelineCalendar(), directory: String = ".",
                    output: String, name: String = "(Swift)") throws -> RunResult {
        let problems = referenceProblems(stages, spec: nil)
        if !problems.isEmpty { throw PipelineValidationError(problems: problems) }
        return try execute(stages, calendar: calendar, pipelineDirectory: directory, output: output,
                           pipelineName: name, pipelineHash: "", overrides: [])
    }

    /// The known name a misspelt one most likely meant: at most two letters added, dropped or
    /// changed (`scenario`, `horizn`), nil when none is that close.
    static func nearest(_ name: String, among known: [String]) -> String? {
        let a = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in known {
            let b = Array(candidate)
            guard abs(a.count - b.count) <= 2 else { continue }
            // Levenshtein distance, one row of the table at a time.
            var row = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var previous = row[0]
                row[0] = i + 1
                for (j, y) in b.enumerated() {
                    let saved = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                    previous = saved
                }
            }
            let distance = row[b.count]
            if distance <= 2 && distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// The run's index, in either report format.
    static let indexFiles: Set<String> = ["index.md", "index.html"]
    /// Files every run writes itself.
    static let reservedFiles: Set<String> = indexFiles.union(["manifest.json"])

    /// Entries of an earlier run's output folder that its manifest does not list (nor a
    /// rejects file, which failed imports leave): another pipeline's output folder nested
    /// inside it, with its run history, or a file the user put there. Replacing the folder
    /// deleted them (a pipeline writing `out` after one writing `out/monthly` with its
    /// history there). Without a readable manifest (`outputs` nil), folders and databases
    /// count as foreign.
    static func foreignEntries(in output: String, existing: [String], outputs: [String]?) -> [String] {
        let listed = outputs.map { Set($0.map { String($0.split(separator: "/").first ?? "") }) }
        return existing.sorted().filter { name in
            if reservedFiles.contains(name) || name.hasSuffix(".rejects.csv") { return false }
            if let listed { return !listed.contains(name) }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output + "/" + name, isDirectory: &isFolder)
            return isFolder.boolValue || name.contains(".sqlite")
        }
    }

    /// What the manifest of the run that wrote `output` says of it: the files it wrote and
    /// what wrote them (`pipeline.file`); nil where it has no readable manifest.
    static func previousRun(in output: String) -> (outputs: [String]?, producer: String?)? {
        guard let data = FileManager.default.contents(atPath: output + "/manifest.json"),
              let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return (manifest["outputs"] as? [String], (manifest["pipeline"] as? [String: Any])?["file"] as? String)
    }

    /// What wrote a run's folder, as far as replacing it goes: a canned command by its name
    /// (`quartermaster variance`), a pipeline by its file's name (`full.yml`, wherever it was
    /// run from).
    static func producer(_ pipelineName: String) -> String {
        pipelineName.hasPrefix("quartermaster ") ? pipelineName : String(pipelineName.split(separator: "/").last ?? Substring(pipelineName))
    }

    /// A folder written by another command or pipeline: a run replaces its folder whole, and
    /// `purchasing --out reports` after `variance --out reports` deleted the variance report,
    /// workbook and all, without a word.
    static func otherProducer(_ file: String?, than pipelineName: String) -> String? {
        // Runs built in Swift, and track before it named itself, recorded "(Swift)": unknown.
        guard let file, !file.isEmpty, file != "(Swift)" else { return nil }
        let previous = producer(file)
        return previous == producer(pipelineName) ? nil : previous
    }

    /// What a run into `output` writes, against the files it reads: the output folder and a
    /// failed run's rejects folder beside it (each replaced whole), the lock file beside it
    /// and the run history. `flags` names them as the canned commands' flags (`--out`,
    /// `--history`), else as a pipeline's output folder and history.
    public static func outputGuard(output: String, history: String?, inputs: [OutputGuard.Named], flags: Bool) -> OutputGuard {
        let out = flags ? "--out" : "the output folder"
        let another = flags ? "choose another --out" : "choose another output folder (--out, or output: in the pipeline)"
        var files = [OutputGuard.Named(OutputLock.path(for: output), "the lock file beside \(out)", remedy: another)]
        if let history {
            files.append(.init(history, flags ? "--history" : "the run history",
                               remedy: flags ? "choose another path for --history" : "choose another path for --history (history: in the pipeline)"))
        }
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return OutputGuard(inputs: inputs, files: files, folders: [
            .init(trimmed, out, remedy: "move the input out of it, or " + another),
            .init(rejectsFolder(trimmed), "the failed-run rejects folder", remedy: "move the input out of it, or " + another),
        ])
    }

    func execute(_ stages: [NamedStage], calendar: PipelineCalendar, pipelineDirectory: String, output given: String,
                 pipelineName: String, pipelineHash: String, overrides: [String], pipelineFile: String? = nil,
                 stageLocations: [String: SourceLocation] = [:]) throws -> RunResult {
        // `out/` and `out` are one folder; with the slash, the temporary and set-aside folders
        // (`out/.tmp-PID`) would land inside the folder they replace.
        var output = given
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        let order = try topologicalOrder(stages)
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if output.isEmpty {
            throw UsageError("the output folder is an empty path; give a folder name")
        }
        // Before the lock file or the history is touched: nothing the run writes or replaces
        // may be a file it reads.
        let inputs = (pipelineFile.map { [OutputGuard.Named($0, "the pipeline", remedy: "")] } ?? [])
            + stages.flatMap { named in
                named.stage.inputFiles.map { OutputGuard.Named(PipelinePaths.resolve($0, relativeTo: pipelineDirectory), "stage '\(named.name)'", remedy: "") }
            }
        try PipelineRunner.outputGuard(output: output, history: history, inputs: inputs, flags: false).check()
        // One run at a time per output folder: a second one fails here, naming the first.
        let lock = try OutputLock(for: output)
        defer { lock?.release() }
        // A history that is not ours (or is newer) is refused before anything runs.
        let started = Date()
        let opened = try history.map { try RunHistory.openNoting($0) }
        // Only a pipeline's stages say what they read; a canned command's runs keep no scope.
        let scopes = pipelineFile == nil ? [:] : Dictionary(stages.map { ($0.name, StageScope(of: $0.name, in: stages)) }) { a, _ in a }
        var adopted: [(stage: String, change: String)] = []
        if let opened {
            do {
                adopted = try PipelineRunner.refuseAnotherScope(scopes, in: opened.history, sameJob: sameJob)
            } catch {
                if opened.created { opened.history.discard() }
                throw error
            }
        }
        var historyRecords: [StageRecord] = []
        var historyNote: String?
        if fm.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            throw InputError(file: output, "exists and is not a folder; a run writes a folder of files, so choose a new folder name for the output")
        }
        // A run replaces its output folder whole, so it only ever replaces one of its own.
        if let existing = try? fm.contentsOfDirectory(atPath: output), !existing.isEmpty {
            guard existing.contains("manifest.json") else {
                throw InputError(file: output, "the output folder exists and was not written by a pipeline run (it has no manifest.json); choose a new or empty folder so nothing of yours is replaced")
            }
            let previous = Self.previousRun(in: output)
            if let other = Self.otherProducer(previous?.producer, than: pipelineName) {
                let outputs = (previous?.outputs ?? []).filter { !Self.reservedFiles.contains($0) }
                throw InputError(file: output, "the output folder holds the output of \(other) (\(outputs.prefix(4).joined(separator: ", "))\(outputs.count > 4 ? ", ..." : "")); this run would replace it whole, so choose another output folder, or delete that one first")
            }
            if let stranger = Self.foreignEntries(in: output, existing: existing, outputs: previous?.outputs).first {
                throw InputError(file: output, "the output folder holds '\(stranger)', which its last run did not write (another run's output, a run history or a file of yours); a run replaces its folder whole, so move it out of the folder or choose another output folder")
            }
        }
        let temporary = output + ".tmp-\(getpid())"
        try? fm.removeItem(atPath: temporary)
        // A run stopped by Ctrl-C or a kill leaves its temporary folder beside the output; with
        // the lock held no other run is writing one, so those left are removed here.
        PipelineRunner.removeAbandonedTemporaries(of: output)
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: output, "cannot create the output folder: \(error.localizedDescription)")
        }
        var tables: [String: Table] = [:]
        var manifest = Manifest(version: version, pipeline: pipelineName, pipelineSHA256: pipelineHash,
                                parameters: [:], overrides: overrides, inputs: [], stages: [], outputs: [])
        var notes: [String] = []
        var summaries: Set<Int> = []
        var reportsWritten: [ReportSummary] = []
        var costReductions: [CostReduction] = []
        var workbooks: [(stage: String, report: Report, name: String)] = []
        var inputsByStage: [String: [ManifestInput]] = [:]
        var dateOrders: [(stage: String, file: String, table: String, order: SlashDateOrder)] = []
        // The shard the run's imports keep, for its reports (`--shard` on a canned command).
        let shard = order.lazy.compactMap { ($0.stage as? ImportStage)?.shard }.first
        do {
            for named in order {
                let started = Progress.now()
                let context = StageContext(stage: named.name, pipelineDirectory: pipelineDirectory, outputDirectory: temporary,
                                           calendar: calendar, threads: threads, quiet: quiet, reports: reports, tables: tables,
                                           history: history)
                context.shard = shard
                let produced: [String: Table]
                do {
                    produced = try named.stage.run(context)
                } catch var failure as PipelineError where failure.location == nil {
                    // A stage's own problem found only as it runs (a table without a column, a
                    // lookup with two rows for a key) points at the stage in the pipeline file.
                    failure.location = stageLocations[named.name]
                    throw failure
                }
                let kind = type(of: named.stage)
                var rows = 0
                for (k, table) in produced {
                    tables[named.name + "." + k] = table
                    if k == kind.outputs.first { tables[named.name] = table; rows = table.rowCount }
                }
                manifest.parameters[named.name] = named.parameters
                manifest.inputs += context.filesRead
                inputsByStage[named.name] = context.filesRead
                workbooks += context.workbooks.map { (named.name, $0.report, $0.name) }
                for file in context.filesWritten where manifest.outputs.contains(file) || PipelineRunner.reservedFiles.contains(file) {
                    throw PipelineError(location: nil, "\(pipelineName): stage '\(named.name)' wrote \(file), which another stage or the run itself also writes; give one of them another file name")
                }
                manifest.outputs += context.filesWritten
                manifest.stages.append(ManifestStage(name: named.name, kind: kind.kind, seconds: Progress.now() - started, rows: rows))
                // Notes name files where they will be once the run succeeds.
                summaries.formUnion(context.summaries.map { notes.count + $0 })
                notes += context.notes.map { "\(named.name): " + $0.replacingOccurrences(of: temporary, with: output) }
                if let order = context.slashDateOrder { dateOrders.append((named.name, order.file, order.table, order.order)) }
                reportsWritten += context.reportsWritten
                costReductions += context.costReductions
                historyRecords += context.historyRecords
            }
            if let note = PipelineRunner.dateOrderNote(dateOrders) { notes.append(note) }
            if workbooks.isEmpty && reports.formats.contains(.xlsx) {
                // formats: [xlsx] on a pipeline of imports, forecasts and exports wrote nothing
                // the format asked for, without a word.
                notes.append("formats: xlsx applies to the reports of reorder, variance, staffing, purchasing and track stages, and this pipeline has none: no workbook is written (an export named .xlsx writes its table as one)")
            }
            if !workbooks.isEmpty {
                let started = Progress.now()
                for workbook in workbooks {
                    let provenance = self.provenance(of: workbook.stage, stages: order, manifest: manifest, inputs: inputsByStage)
                    try ReportWriter.write(workbook.report, name: workbook.name, in: temporary, format: .xlsx, numbers: reports.numbers, provenance: provenance)
                }
                let rows = workbooks.reduce(0) { $0 + $1.report.sheets.reduce(0) { $0 + $1.rowCount } }
                notes.append("workbooks: \(workbooks.map { $0.name + ".xlsx" }.joined(separator: ", ")) (\(rows) data rows) written in \(NumberFormat.fixed(Progress.now() - started, decimals: 2)) s")
            }
            manifest.outputs += ["index." + reports.pageFormat.fileExtension, "manifest.json"]
            let index = RunIndex(manifest: manifest, notes: notes, reports: reportsWritten, costReductions: costReductions, numbers: reports.numbers,
                                 outputFolder: output)
            try ReportWriter.write(index.report(), name: "index", in: temporary, format: reports.pageFormat)
            try manifest.json.write(toFile: temporary + "/manifest.json", atomically: false, encoding: .utf8)
            if let opened {
                // The history's checks of the figures come before the output folder is put in
                // place, in its transaction: a run they refuse writes nothing at all.
                for i in historyRecords.indices {
                    historyRecords[i].scope = scopes[historyRecords[i].stage]?.clauses
                    historyRecords[i].scopeFiles = scopes[historyRecords[i].stage]?.files
                }
                historyNote = try PipelineRunner.append(to: opened.history, command: command, started: started, pipelineHash: pipelineHash,
                                                        output: output, records: historyRecords, sameJob: sameJob, adopted: adopted,
                                                        committing: { try replace(output, with: temporary) })
            } else {
                try replace(output, with: temporary)
            }
        } catch {
            if let opened, opened.created { opened.history.discard() }
            let kept = keepRejects(of: temporary, beside: output)
            try? fm.removeItem(atPath: temporary)
            // A message may name a file in the temporary folder, which is gone now.
            if var failure = error as? InputError, (failure.message + failure.file).contains(temporary) {
                failure.file = failure.file.replacing(temporary, with: kept ?? output)
                failure.message = failure.message.replacing(temporary, with: kept ?? output)
                throw failure
            }
            // Notes of the imports that may explain a later stage's failure are printed only on
            // success: a column left unread that looks like a role (`Budget Patient Days` for
            // budget_volume) is said with the failure it causes.
            var failure = error
            let unread = notes.filter { $0.contains(ImportStage.unreadLookalikes) }
            if !unread.isEmpty, var stageFailure = failure as? PipelineError {
                stageFailure.message += "; " + unread.joined(separator: "; ")
                failure = stageFailure
            }
            // A failure of a later stage says where the rows its imports rejected were kept:
            // the folder was left without a word.
            if let kept {
                let pointer = "; the rows the imports rejected are in \(kept)/"
                if var input = failure as? InputError { input.message += pointer; failure = input }
                if var stage = failure as? PipelineError { stage.message += pointer; failure = stage }
            }
            throw failure
        }
        PipelineRunner.removeRejectsFolder(of: output)
        if let historyNote { notes.append(historyNote) }
        return RunResult(outputDirectory: output, manifest: manifest, notes: notes, summaries: summaries)
    }

    /// What a workbook's About sheet lists: the files and parameters of the stage that wrote
    /// it and of every stage it read from, directly or not.
    func provenance(of stage: String, stages: [NamedStage], manifest: Manifest, inputs: [String: [ManifestInput]]) -> RunProvenance {
        let byName = Dictionary(stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var upstream: [String] = []
        var pending = [stage]
        while let name = pending.popLast() {
            guard !upstream.contains(name), let named = byName[name] else { continue }
            upstream.append(name)
            pending += named.stage.inputs.map { String($0.split(separator: ".", maxSplits: 1)[0]) }
        }
        let ordered = stages.map(\.name).filter(upstream.contains)
        return RunProvenance(
            pipeline: manifest.pipeline, pipelineSHA256: manifest.pipelineSHA256, version: manifest.version,
            inputs: ordered.flatMap { inputs[$0] ?? [] }.map { RunProvenance.Input(path: $0.path, sha256: $0.sha256, rows: $0.rows) },
            parameters: ordered.flatMap { name in
                (manifest.parameters[name] ?? [:]).sorted { $0.key < $1.key }.map { RunProvenance.Parameter(stage: name, name: $0.key, value: $0.value) }
            },
            overrides: manifest.overrides)
    }

    /// Where a failed run leaves the rejected rows of its imports, so the message pointing at
    /// them stays true; a later successful run removes the folder.
    static func rejectsFolder(_ output: String) -> String { output + ".rejects" }

    /// Removes `OUT.tmp-PID` folders that interrupted runs into `output` left behind. Called
    /// with the output's lock held, so none of them is being written.
    static func removeAbandonedTemporaries(of output: String) {
        let fm = FileManager.default
        let slash = output.lastIndex(of: "/")
        let directory = slash.map { String(output[..<$0]) } ?? "."
        let prefix = (slash.map { String(output[output.index(after: $0)...]) } ?? output) + ".tmp-"
        guard let entries = try? fm.contentsOfDirectory(atPath: directory.isEmpty ? "/" : directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
            try? fm.removeItem(atPath: (directory.isEmpty ? "" : directory) + "/" + entry)
        }
    }

    /// Removes the rejects folder of an earlier failed run (only if it holds nothing else).
    static func removeRejectsFolder(of output: String) {
        let fm = FileManager.default
        let folder = rejectsFolder(output)
        guard let files = try? fm.contentsOfDirectory(atPath: folder), files.allSatisfy({ $0.hasSuffix(".rejects.csv") }) else { return }
        try? fm.removeItem(atPath: folder)
    }

    /// Moves the rejects files of a failed run beside the output; returns their folder.
    func keepRejects(of temporary: String, beside output: String) -> String? {
        let fm = FileManager.default
        let files = ((try? fm.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasSuffix(".rejects.csv") }
        // An earlier failure's rejects describe a run that is no longer the latest: left beside
        // this failure, they read as its own.
        guard !files.isEmpty else { PipelineRunner.removeRejectsFolder(of: output); return nil }
        let folder = PipelineRunner.rejectsFolder(output)
        PipelineRunner.removeRejectsFolder(of: output)
        guard (try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        for file in files { try? fm.moveItem(atPath: temporary + "/" + file, toPath: folder + "/" + file) }
        return folder
    }

    /// Moves the finished folder into place: the old one is set aside first and removed last.
    func replace(_ output: String, with temporary: String) throws {
        let fm = FileManager.default
        var aside: String?
        if fm.fileExists(atPath: output) {
            aside = output + ".old-\(getpid())"
            try? fm.removeItem(atPath: aside!)
            do {
                try fm.moveItem(atPath: output, toPath: aside!)
            } catch {
                throw InputError(file: output, "could not set the previous outputs aside: \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(atPath: temporary, toPath: output)
        } catch {
            if let aside { try? fm.moveItem(atPath: aside, toPath: output) }
            throw InputError(file: output, "could not move the finished outputs into place: \(error.localizedDescription)")
        }
        if let aside { try? fm.removeItem(atPath: aside) }
    }

    /// Dependency order, ties broken by declaration order so runs are reproducible.
    func topologicalOrder(_ stages: [NamedStage]) throws -> [NamedStage] {
        var done = Set<String>()
        var order: [NamedStage] = []
        var remaining = stages
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { s in
                s.stage.inputs.allSatisfy { done.contains(String($0.split(separator: ".", maxSplits: 1)[0])) }
            }) else {
                throw PipelineValidationError(problems: [PipelineError(location: nil, "stages \(remaining.map(\.name).joined(separator: ", ")) form a cycle or read a missing stage")])
            }
            done.insert(remaining[next].name)
            order.append(remaining.remove(at: next))
        }
        return order
    }
}

extension PipelineRunner {
    /// The inputs whose every slash date read either way (days 1 to 12), read month-first on no
    /// evidence, beside an input of the same run read day-first: one system's exports write
    /// their dates one way, so they are likely day-first too. A third review: a UK run's lots
    /// file (`10/04/2026`, `01/12/2026`) was read as 4 October and 12 January beside a usage
    /// export read day-first, and 150 units expired by as-of where 50 would; a contracts file
    /// running 1 March to 1 June was read as 3 to 6 January, and a whole contract's spend
    /// reported off contract. Said, not changed: a file with no date of its own to go by keeps
    /// the documented default. Nil when there is nothing to say.
    static func dateOrderNote(_ orders: [(stage: String, file: String, table: String, order: SlashDateOrder)]) -> String? {
        guard let dayFirst = orders.first(where: { $0.order == .dayFirst }) else { return nil }
        let eitherWay = orders.filter { $0.order == .eitherWay }
        guard !eitherWay.isEmpty else { return nil }
        func name(_ path: String) -> String { (path as NSString).lastPathComponent }
        let listed = eitherWay.map { "'\(name($0.file))' (\($0.table))" }
        let fixes = eitherWay.map { "--date-format \($0.table)=dmy" }
        return "\(listed.listed(upTo: 5)) \(eitherWay.count == 1 ? "has" : "have") only dates that read either way (days 1 to 12), read month-first, while '\(name(dayFirst.file))' (\(dayFirst.table)) was read day-first: if \(eitherWay.count == 1 ? "it is" : "they are") day-first too, give \(fixes.listed(upTo: 5)) (date_format: dmy on the stage)"
    }
}
