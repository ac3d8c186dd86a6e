import ArgumentParser
import Foundation
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// What every canned planning command (reorder, variance, staffing) shares: how to read all of
/// its input files (the same flags as aggregate and forecast), the output folder, and quiet
/// mode. Each command is a ready pipeline: these options build its import stages and its runner.
struct CannedPipelineOptions: ParsableArguments {
    @OptionGroup var input: InputOptions<SeveralInputs>

    @Option(help: ArgumentHelp("Output folder (not -: these commands write several files).", valueName: "dir"))
    var out: String

    @Flag(help: "One summary line (and notes on the data, each on a note: line), no progress.")
    var quiet = false

    @Option(help: ArgumentHelp("Run history database to append this run to (created when absent): its forecasts, and the actuals they are scored against later.", valueName: "file.sqlite"))
    var history: String?

    // The history's figure check tells a refused run to use --same-job when the change is
    // meant (a closed department left out); these commands had no such flag.
    @Flag(help: "Record the run in --history although its figures restate most series the history holds (a closed department left out): it is the same job, changed on purpose.")
    var sameJob = false

    @OptionGroup var style: ReportStyleOptions

    /// `--service-level 0.9 --quiet --as-of=2025-04-20` as `service_level: 0.9`, `quiet: true`,
    /// `as_of: 2025-04-20`: each option once, by its name as a pipeline would spell it.
    static func options(_ arguments: [String]) -> [String: String] {
        var options: [String: String] = [:]
        var k = 0
        while k < arguments.count {
            let argument = arguments[k]
            k += 1
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            var name = String(argument.dropFirst(2)), value = "true"
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            } else if k < arguments.count, !arguments[k].hasPrefix("--") {
                value = arguments[k]
                k += 1
            }
            let key = name.replacingOccurrences(of: "-", with: "_")
            // A per-input option given twice (`--decimal budget=comma --decimal actuals=point`)
            // is read as its pairs together, and recorded so.
            if ["date_format", "encoding", "decimal"].contains(key), let earlier = options[key], earlier != value {
                options[key] = earlier + "," + value
            } else {
                options[key] = value
            }
        }
        return options
    }

    /// The column map as given.
    func columnMap() throws -> [String: String] { try input.columnMap() }

    /// The roles of an input kind (DESIGN.md's columns).
    static func roles(of kind: String) -> Set<String> { Set(InputSchema.all[kind]?.roles.map(\.name) ?? []) }

    /// The column map for one input kind: the map's roles that the kind has, then its own
    /// `kind.role` entries (`items.item=Code` when the item master names the item otherwise
    /// than the usage does).
    static func columns(_ map: [String: String], for kind: String) -> [String: String] {
        let roles = Self.roles(of: kind)
        var columns = map.filter { !$0.key.contains(".") && roles.contains($0.key) }
        for (key, header) in map where key.hasPrefix(kind + ".") && roles.contains(String(key.dropFirst(kind.count + 1))) {
            columns[String(key.dropFirst(kind.count + 1))] = header
        }
        return columns
    }

    /// `--columns` keys that no input of the command reads: a role none of its kinds has, or a
    /// `kind.role` whose kind or role is not among them (a typo would otherwise be ignored).
    static func unusedColumnKeys(_ map: [String: String], kinds: [String]) -> [String] {
        // A kind may be read twice (staffing's --timekeeping and --spans are both timekeeping).
        let roles = Dictionary(kinds.map { ($0, Self.roles(of: $0)) }) { first, _ in first }
        return map.keys.sorted().filter { key in
            if let dot = key.firstIndex(of: ".") {
                return !(roles[String(key[..<dot])]?.contains(String(key[key.index(after: dot)...])) ?? false)
            }
            return !roles.values.contains { $0.contains(key) }
        }
    }

    /// An import of `file` as DESIGN.md's input `kind`, with the roles of the map that kind has.
    /// With `--shard`, the import keeps the rows whose `shardKey` columns hash into the shard;
    /// an empty key keeps every row (a lookup table that the sharded rows join to).
    /// `main` marks the command's main input: `--unpivot` must fit its kind. It applies to every
    /// input whose kind has its roles and whose header has no column for its value: a budget
    /// with months across beside long actuals is read with the same `--unpivot` as the reverse.
    func importStage(_ file: String, _ kind: String, shardKey: [String] = [], main: Bool = false) throws -> ImportStage {
        let options = try input.importOptions(kind: kind)
        var stage = try ImportStage(file: file, table: kind, columns: Self.columns(options.columns, for: kind), options: options)
        // `--columns` is one map for all the command's files, but for its `kind.role` entries.
        stage.options.sharedColumnRoles = Set(options.columns.keys.filter { !$0.contains(".") })
            .subtracting(options.columns.keys.filter { $0.hasPrefix(kind + ".") }.map { String($0.dropFirst(kind.count + 1)) })
        if let shard = try input.parsedShard(), !shardKey.isEmpty {
            // Staffing matches units ignoring case and spaces in every input, so its shards do.
            stage.shard = ShardKey(shard: shard, columns: shardKey, folded: shardKey == ["unit"])
        }
        if let unpivot = try input.unpivotSettings() {
            // A role of the unpivot mapped for this file (`actuals.period=Fiscal Period` beside a
            // budget with months across): a file that has that header is long, and the unpivot is
            // another input's; a shared map naming a header this file lacks does not apply here.
            // Both stopped at "'period' is also mapped to a column", the README's own example.
            let conflicting = Set(stage.options.columns.keys).intersection(unpivot.roles)
            if !conflicting.isEmpty {
                if Self.hasColumns(file, for: conflicting, options: stage.options) { return stage }
                if conflicting.isSubset(of: stage.options.sharedColumnRoles) {
                    for role in conflicting { stage.options.columns[role] = nil }
                }
            }
            do {
                try unpivot.check(kind: kind, roles: InputSchema.all[kind]?.roles.map(\.name) ?? [], mapped: Set(stage.options.columns.keys))
                if !Self.holdsValues(file, of: unpivot, options: stage.options) { stage.unpivot = unpivot }
            } catch let problem as Unpivot.Problem {
                // Values of another input's kind (staffing's census by unit, `--values-to
                // patient_days`) are that input's unpivot, not a mistake in the main one.
                if main && Self.roles(of: kind).contains(unpivot.valuesTo) { throw UsageError(problem.message) }
            }
        }
        return stage
    }

    /// Whether the file's header has a column for every one of `roles` under `options`.
    static func hasColumns(_ file: String, for roles: Set<String>, options: ImportOptions) -> Bool {
        guard let reader = try? CSVReader(path: file, delimiter: options.delimiter, limits: options.limits, encoding: options.encoding),
              let found = try? TableImport.resolve(roles.sorted().map { ColumnSpec($0, required: false) }, options: options, header: reader.header, file: file)
        else { return false }
        return found.count == roles.count
    }

    /// Whether `file`'s header has a column for `unpivot`'s value role (`amount` in a long
    /// ledger): such a file is long already. A file that cannot be read is not: its import
    /// then names the problem.
    static func holdsValues(_ file: String, of unpivot: Unpivot, options: ImportOptions) -> Bool {
        guard let reader = try? CSVReader(path: file, delimiter: options.delimiter, limits: options.limits, encoding: options.encoding),
              let found = try? TableImport.resolve([ColumnSpec(unpivot.valuesTo, required: false)], options: options, header: reader.header, file: file)
        else { return false }
        return !found.isEmpty
    }

    /// Runs the stages into the output folder and prints their notes and a closing line. The
    /// command's own stage (named after it) records the settings it ran with: its stage's
    /// defaults, then `settings` (the command's own defaults, such as staffing's week), then
    /// the options as given. So the manifest and a workbook's About sheet say how the run was
    /// made (`policy: periodic`, `service_level: 0.9`), not only what was typed. `reads` are
    /// input files its stages do not import (variance's `--scenarios`). `optional` are the
    /// kinds of the inputs the command reads when given, by flag (reorder's orders, --orders).
    func run(_ command: String, _ stages: [PipelineRunner.NamedStage], writes files: [String], reads: [OutputGuard.Named] = [],
             settings: [String: String] = [:], optional: [String: String] = [:],
             arguments: [String] = Array(CommandLine.arguments.dropFirst(2))) throws {
        try FolderOutput.check(out, command: command, writes: files)
        // Each import stage is named after its flag (`usage` is --usage).
        let inputs = stages.flatMap { named in named.stage.inputFiles.map { OutputGuard.Named($0, "--\(named.name)", remedy: "") } } + reads
        try PipelineRunner.outputGuard(output: out, history: history, inputs: inputs, flags: true).check()
        let kinds = stages.compactMap { ($0.stage as? ImportStage)?.schema.kind }
        if let unpivot = try input.unpivotSettings(), !stages.contains(where: { ($0.stage as? ImportStage)?.unpivot != nil }) {
            let long = stages.compactMap { $0.stage as? ImportStage }.filter { Self.roles(of: $0.schema.kind).isSuperset(of: unpivot.roles) }.map(\.file)
            if long.isEmpty {
                let roles = Set(kinds).sorted().map { "\($0): \(Self.roles(of: $0).sorted().joined(separator: ", "))" }.joined(separator: "; ")
                throw UsageError("--unpivot --names-to \(unpivot.namesTo.joined(separator: ",")) --values-to \(unpivot.valuesTo) fits none of \(command)'s inputs; their roles are \(roles)")
            }
            throw UsageError("--unpivot has nothing to turn into rows: \(long.listed()) already \(long.count == 1 ? "has a column" : "have columns") for '\(unpivot.valuesTo)', so \(long.count == 1 ? "it is" : "they are") long; leave --unpivot out, or check --values-to")
        }
        let map = try columnMap()
        let unused = Self.unusedColumnKeys(map, kinds: kinds)
        // `actuals=department=Dept` is read as a role `actuals` set to `department=Dept`: "no
        // input of variance reads 'actuals'; its inputs are budget, actuals" contradicted itself.
        if let kind = unused.first(where: { kinds.contains($0) }), let value = map[kind], let equals = value.firstIndex(of: "=") {
            let role = value[..<equals].trimmingCharacters(in: .whitespaces), header = value[value.index(after: equals)...]
            throw UsageError("--columns has '\(kind)=\(value)', read as a role '\(kind)' (which no input has) set to '\(value)'; a role of the \(kind) file alone is written with a dot, not '=': --columns '\(kind).\(role)=\(header)'")
        }
        if !unused.isEmpty {
            throw UsageError("--columns names \(unused.map { "'\($0)'" }.joined(separator: ", ")), which no input of \(command) reads; its inputs are \(kinds.joined(separator: ", ")), and a role for one of them only is written kind.role (items.item=Code)")
        }
        // `--encoding items=windows-1252` on variance read nothing so and said nothing.
        if let named = input.namedKinds().first(where: { !kinds.contains($0.kind) }) {
            // reorder reads orders when --orders is given: "no input of reorder reads orders" was wrong.
            if let flag = optional[named.kind] {
                throw UsageError("\(named.option) names '\(named.kind)', but no \(flag) file was given; give \(flag) FILE, or leave the \(named.kind)= pair out")
            }
            throw UsageError("\(named.option) names '\(named.kind)', which no input of \(command) reads; its inputs are \(Set(kinds).sorted().joined(separator: ", "))")
        }
        let started = Progress.now()
        var runner = PipelineRunner(threads: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), quiet: quiet)
        try style.configure(&runner)
        runner.history = history
        runner.sameJob = sameJob
        runner.command = command   // the history names the run `staffing`, not `run`
        var stages = stages
        if let main = stages.firstIndex(where: { $0.name == command }) {
            stages[main].parameters.merge(type(of: stages[main].stage).parameters.defaults) { given, _ in given }
            stages[main].parameters.merge(settings) { _, setting in setting }
            stages[main].parameters.merge(Self.options(arguments).filter { $0.key != "out" }) { _, given in given }
        }
        let result = try runner.run(stages, output: out, name: "quartermaster \(command)")
        if !quiet { for note in result.notes { Diagnostics.info(note) } }
        // What is there, not what might be: a file the run had no data for (a replay with no
        // item to replay) was listed as written.
        let formats = runner.reports.formats
        let claimed: [String] = files.flatMap { (file: String) -> [String] in
            guard file.hasSuffix(".md") else { return [file] }
            return formats.map { String(file.dropLast(3)) + "." + $0.fileExtension }
        }
        let written = claimed.filter { FileManager.default.fileExists(atPath: out + "/" + $0) }
        let wrote = "wrote \(written.map { "\(out)/\($0)" }.joined(separator: ", ")) in \(String(format2: Progress.now() - started)) s"
        guard quiet else {
            Diagnostics.info("\(command): " + wrote)
            return
        }
        // DESIGN's one-line summary (five to seven lines came out under --quiet): the command's
        // own summaries, what it wrote, then each input's counts (an import that rejected rows
        // says so on a note line instead); every other note follows on a `note:` line of its own.
        let prefix = command + ": "
        var summary: [String] = [], counts: [String] = [], notes: [String] = []
        for (k, note) in result.notes.enumerated() {
            if !result.summaries.contains(k) {
                notes.append(note)
            } else if note.hasPrefix(prefix) {
                summary.append(String(note.dropFirst(prefix.count)))
            } else {
                counts.append(note)
            }
        }
        Diagnostics.info(prefix + (summary + [wrote]).joined(separator: "; ") + (counts.isEmpty ? "" : "; read " + counts.joined(separator: "; ")))
        for note in notes { Diagnostics.info("note: " + note) }
    }
}
