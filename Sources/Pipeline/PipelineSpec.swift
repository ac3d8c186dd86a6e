import Forecasting
import Reports
import Tabular
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// A pipeline file as written: named stages with their kind and parameters, the calendar
/// and the output folder, each with its place in the YAML for messages.
public struct PipelineSpec: Sendable {
    public struct StageSpec: Sendable {
        public var name: String
        public var kind: String
        public var values: [String: ParameterValue]
        public var locations: [String: SourceLocation]
        public var location: SourceLocation
    }

    public var file: String
    public var directory: String
    public var calendar = PipelineCalendar()
    public var output: String?
    /// `history: history.sqlite`: the run history every run of this pipeline appends to.
    public var history: String?
    /// Where `history:` is, for validate's problems with the file it names.
    public var historyLocation: SourceLocation?
    /// `formats: [md, xlsx]` (or `format: md`): the reports a run writes unless `--format` says.
    public var formats: [ReportFormat]?
    public var stages: [StageSpec] = []
    /// Problems found while reading (they are reported with the rest by `validate`).
    public var problems: [PipelineError] = []

    static let topLevelKeys: Set<String> = ["description", "calendar", "output", "formats", "format", "stages", "history"]

    /// Files above this size are not pipelines; the limit also bounds alias expansion.
    static let maximumBytes = 1 << 20

    /// `formats: [md, xlsx]`, `formats: md,xlsx` or `format: md`; the problem, if any.
    mutating func readFormats(_ value: Node) -> String? {
        guard formats == nil else { return "the report formats are given twice (format: and formats: are one setting); keep one" }
        var names: [String] = []
        if let list = value.sequence {
            for item in list {
                guard let name = item.string else { return "list report formats by name, e.g. [md, xlsx]" }
                names.append(name)
            }
        } else if let text = value.scalar?.string {
            names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        } else {
            return "list report formats by name, e.g. [md, xlsx]"
        }
        do {
            formats = try ReportFormat.list(names)
            return nil
        } catch {
            return error.message
        }
    }

    public static func load(_ path: String) throws -> PipelineSpec {
        let text = try readText(path)
        var spec = PipelineSpec(file: path, directory: directoryOf(path))
        // The YAML library composes recursively: bound the nesting before it sees the text.
        if let problem = YAMLShape.problem(in: text) {
            throw PipelineValidationError(problems: [PipelineError(location: SourceLocation(file: path, line: problem.line, column: problem.column), problem.message)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineValidationError(problems: [PipelineSpec.syntaxProblem(error, path)])
        }
        guard let root, let top = root.mapping else {
            throw PipelineValidationError(problems: [PipelineError(location: SourceLocation(file: path, line: 1, column: 1),
                                                                   "a pipeline is a YAML map with 'stages:' (and optionally calendar:, output:)")])
        }
        func at(_ node: Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        // YAML keeps every copy of a repeated key; silently using one of them would run
        // something other than what the reader of the file sees.
        func repeatedKeys(_ mapping: Node.Mapping, _ what: String) {
            var seen: [String: Node] = [:]
            for (keyNode, _) in mapping {
                let key = keyNode.string ?? ""
                if let first = seen[key] {
                    spec.problems.append(PipelineError(location: at(keyNode), "\(what)'\(key.clipped(60))' is given twice (first on line \(first.mark?.line ?? 1)); keep one"))
                } else {
                    seen[key] = keyNode
                }
            }
        }
        repeatedKeys(top, "key ")
        /// A key given twice deeper in a stage's block (`values_map: {pay_type: {ctr: agency,
        /// ctr: regular}}`) or in its records: one copy silently won, and a pipeline `validate`
        /// passed turned agency hours regular.
        func nestedRepeatedKey(_ node: Node, _ field: String, stage: String) {
            guard let (repeated, first) = PipelineSpec.firstRepeatedKey(in: node) else { return }
            spec.problems.append(PipelineError(location: at(repeated), "stage '\(stage)': '\(field.clipped(60))' key '\((repeated.string ?? "").clipped(60))' is given twice (first on line \(first.mark?.line ?? 1)); keep one"))
        }
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "description": continue
            case "output":
                if let s = value.scalar?.string, !s.isEmpty { spec.output = s } else { spec.problems.append(PipelineError(location: at(value), "'output' must be a folder path")) }
            case "history":
                if let s = value.scalar?.string, !s.isEmpty { spec.history = s; spec.historyLocation = at(value) } else { spec.problems.append(PipelineError(location: at(value), "'history' must be the path of a history database file, e.g. history.sqlite")) }
            case "formats", "format":
                if let problem = spec.readFormats(value) {
                    spec.problems.append(PipelineError(location: at(value), "'\(key)': " + problem))
                }
            case "calendar":
                guard let calendar = value.mapping else {
                    spec.problems.append(PipelineError(location: at(value), "'calendar' must be a map with frequency and fiscal_year_start"))
                    continue
                }
                repeatedKeys(calendar, "calendar key ")
                for (k, v) in calendar {
                    switch k.string ?? "" {
                    case "frequency":
                        if let f = v.string.flatMap(Frequency.init(rawValue:)) { spec.calendar.frequency = f } else {
                            spec.problems.append(PipelineError(location: at(v), "calendar frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", "))"))
                        }
                    case "fiscal_year_start":
                        if let m = v.string.flatMap(Int.init), (1...12).contains(m) { spec.calendar.fiscalYearStart = m } else {
                            spec.problems.append(PipelineError(location: at(v), "fiscal_year_start must be a month number 1-12"))
                        }
                    default:
                        spec.problems.append(PipelineError(location: at(k), "unknown calendar key '\((k.string ?? "").clipped(60))'; use frequency or fiscal_year_start"))
                    }
                }
            case "stages":
                guard let stages = value.mapping else {
                    spec.problems.append(PipelineError(location: at(value), "'stages' must be a map of stage names to stages"))
                    continue
                }
                for (nameNode, body) in stages {
                    let name = nameNode.string ?? ""
                    // Names become file names (NAME.rejects.csv) and references (`stage.table`).
                    if !PipelineSpec.isStageName(name) {
                        spec.problems.append(PipelineError(location: at(nameNode), "stage name '\(name.clipped(60))' may only hold letters, digits, '_' and '-' (at most 100)"))
                        continue
                    }
                    guard let fields = body.mapping else {
                        spec.problems.append(PipelineError(location: at(body), "stage '\(name)' must be a map with kind: and its parameters"))
                        continue
                    }
                    var stage = StageSpec(name: name, kind: "", values: [:], locations: [:], location: at(nameNode))
                    repeatedKeys(fields, "stage '\(name)': parameter ")
                    var merged = false
                    for (k, v) in fields {
                        let field = k.string ?? ""
                        // A YAML merge key is not followed: said so, where the stage read as
                        // having no kind (its kind came through the merge).
                        if field == "<<" {
                            spec.problems.append(PipelineError(location: at(k), "stage '\(name)': merge keys (<<: *anchor) are not read; write the stage's parameters out in full"))
                            merged = true
                            continue
                        }
                        if field == "kind" {
                            // A second kind is reported as given twice; the stage is checked as the
                            // first (checked as the second, six more errors read as if it were one).
                            if stage.locations["kind"] == nil {
                                stage.kind = v.string ?? ""
                                stage.locations["kind"] = at(v)
                            }
                            continue
                        }
                        stage.locations[field] = at(k)
                        if let s = v.scalar?.string {
                            stage.values[field] = .scalar(s)
                        } else if let m = v.mapping, m.allSatisfy({ $0.key.scalar != nil && $0.value.scalar != nil }) {
                            repeatedKeys(m, "stage '\(name)': '\(field.clipped(60))' key ")
                            stage.values[field] = .map(Dictionary(m.map { ($0.key.string ?? "", $0.value.string ?? "") }, uniquingKeysWith: { a, _ in a }))
                            // Each key's own line, for a block of settings read as dotted parameters.
                            for (key, _) in m { stage.locations[field + "." + (key.string ?? "")] = at(key) }
                        } else if let l = v.sequence, l.allSatisfy({ $0.scalar != nil }) {
                            stage.values[field] = .list(l.map { $0.string ?? "" })
                        } else if let l = v.sequence, !l.isEmpty, l.allSatisfy({ $0.mapping != nil }) {
                            // A list of records (inline scenarios:) becomes numbered dotted parameters.
                            nestedRepeatedKey(v, field, stage: name)
                            let (values, locations) = PipelineSpec.records(l, field: field, path: path)
                            stage.values.merge(values) { a, _ in a }
                            stage.locations.merge(locations) { a, _ in a }
                        } else if let m = v.mapping, let block = PipelineSpec.flatten(block: m) {
                            // A block of settings (unpivot:) becomes dotted parameters: unpivot.columns, ...
                            repeatedKeys(m, "stage '\(name)': '\(field.clipped(60))' key ")
                            for (_, inner) in m { nestedRepeatedKey(inner, field, stage: name) }
                            for (key, (value, node)) in block {
                                stage.values[field + "." + key] = value
                                stage.locations[field + "." + key] = at(node)
                            }
                        } else {
                            spec.problems.append(PipelineError(location: at(v), "stage '\(name)': '\(field.clipped(60))' must be a value, a map of values or a list of values"))
                        }
                    }
                    if stage.kind.isEmpty && !merged {
                        spec.problems.append(PipelineError(location: stage.location, "stage '\(name)' has no kind:"))
                    }
                    spec.stages.append(stage)
                }
            default:
                spec.problems.append(PipelineError(location: at(keyNode), "unknown key '\(key.clipped(60))'; a pipeline has \(topLevelKeys.sorted().joined(separator: ", "))"))
            }
        }
        return spec
    }

    /// A block whose values are values, lists of values, or maps of values or of maps of
    /// values (`values_map: {pay_type: {emp: regular}}`, kept as `pay_type.emp: regular`);
    /// nil for anything deeper.
    static func flatten(block: Node.Mapping) -> [String: (ParameterValue, Node)]? {
        var result: [String: (ParameterValue, Node)] = [:]
        for (k, v) in block {
            guard let key = k.string else { return nil }
            if let s = v.scalar?.string {
                result[key] = (.scalar(s), k)
            } else if let l = v.sequence, l.allSatisfy({ $0.scalar != nil }) {
                result[key] = (.list(l.map { $0.string ?? "" }), k)
            } else if let m = v.mapping {
                var map: [String: String] = [:]
                for (k2, v2) in m {
                    guard let key2 = k2.string else { return nil }
                    if let s = v2.scalar?.string {
                        map[key2] = s
                    } else if let inner = v2.mapping, inner.allSatisfy({ $0.key.scalar != nil && $0.value.scalar != nil }) {
                        for (k3, v3) in inner { map[key2 + "." + (k3.string ?? "")] = v3.string ?? "" }
                    } else {
                        return nil
                    }
                }
                result[key] = (.map(map), k)
            } else {
                return nil
            }
        }
        return result
    }

    /// The first key given twice in any mapping of `node`, with the first copy: YAML keeps both,
    /// and reading one of them silently runs something other than what the file shows.
    static func firstRepeatedKey(in node: Node) -> (repeated: Node, first: Node)? {
        if let mapping = node.mapping {
            var seen: [String: Node] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let first = seen[name] { return (key, first) }
                seen[name] = key
                if let inner = firstRepeatedKey(in: value) { return inner }
            }
        } else if let sequence = node.sequence {
            for item in sequence { if let inner = firstRepeatedKey(in: item) { return inner } }
        }
        return nil
    }

    /// A list of records as numbered dotted parameters with their places: item N's key `k`
    /// is `field.N.k` (a value, a list of values or a map of values, whose keys are placed as
    /// `field.N.k.key`), and a list of maps under `k` is `field.N.k.M`. Anything deeper is
    /// kept as its text, for the reader to refuse at its line.
    static func records(_ items: Node.Sequence, field: String, path: String) -> (values: [String: ParameterValue], locations: [String: SourceLocation]) {
        var values: [String: ParameterValue] = [:], locations: [String: SourceLocation] = [:]
        func at(_ node: Node) -> SourceLocation { SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1) }
        func map(_ node: Node, _ name: String) {
            var m: [String: String] = [:]
            for (k, v) in node.mapping ?? [:] {
                let key = k.string ?? ""
                m[key] = v.scalar?.string ?? (v.sequence.map { "[" + $0.map { $0.string ?? "" }.joined(separator: ", ") + "]" } ?? "{...}")
                locations[name + "." + key] = at(k)
            }
            values[name] = .map(m)
        }
        for (n, item) in items.enumerated() {
            let prefix = "\(field).\(n + 1)"
            locations[prefix] = at(item)
            for (k, v) in item.mapping ?? [:] {
                let name = prefix + "." + (k.string ?? "")
                locations[name] = at(k)
                if let s = v.scalar?.string {
                    values[name] = .scalar(s)
                } else if v.mapping != nil {
                    map(v, name)
                } else if let l = v.sequence, l.allSatisfy({ $0.mapping != nil }) {
                    values[name] = .list(l.indices.map { String($0 + 1) })
                    for (m, inner) in l.enumerated() {
                        locations[name + ".\(m + 1)"] = at(inner)
                        map(inner, name + ".\(m + 1)")
                    }
                } else if let l = v.sequence {
                    values[name] = .list(l.map { $0.string ?? "" })
                }
            }
        }
        return (values, locations)
    }

    /// Applies `--set stage.param=value` overrides.
    public mutating func apply(overrides: [String]) throws {
        for item in overrides {
            // A malformed --set is a mistake in the command line: a usage error (exit 2).
            guard let eq = item.firstIndex(of: "="), let dot = item[..<eq].firstIndex(of: ".") else {
                throw UsageError("--set expects stage.param=value, got '\(item)'")
            }
            let stage = String(item[..<dot]), param = String(item[item.index(after: dot)..<eq]), value = String(item[item.index(after: eq)...])
            guard let i = stages.firstIndex(where: { $0.name == stage }) else {
                throw PipelineError(location: nil, "\(file): --set names stage '\(stage)', which the pipeline does not have (it has \(stages.map(\.name).joined(separator: ", ")))")
            }
            guard param != "kind" else { throw PipelineError(location: nil, "\(file): --set cannot change a stage's kind") }
            // One key of a map the stage gives (`--set icu.where.department=CCU`) is set in it: set
            // apart as `where.department`, it read as an unknown parameter 'where'.
            if let dot = param.firstIndex(of: "."), case .map(var map)? = stages[i].values[String(param[..<dot])] {
                map[String(param[param.index(after: dot)...])] = value
                stages[i].values[String(param[..<dot])] = .map(map)
            } else if let dot = param.firstIndex(of: "."), stages[i].values[String(param[..<dot])] == nil {
                // A stage without the map yet gets one (`--set usage.where.item=B` on an import
                // with no `where:`): it read as an unknown parameter 'where', "did you mean 'where'?".
                let head = String(param[..<dot])
                stages[i].values[head] = .map([String(param[param.index(after: dot)...]): value])
                stages[i].locations[head] = SourceLocation(file: "--set \(item)", line: 0, column: 0)
            } else {
                stages[i].values[param] = .scalar(Self.commandLinePath(value, isPath: Self.takesPath(kind: stages[i].kind, param: param)))
            }
            // A bad value is the command line's, not the YAML line it replaced.
            stages[i].locations[param] = SourceLocation(file: "--set \(item)", line: 0, column: 0)
        }
    }

    /// Whether `param` of a `kind` stage names a file the run reads (an import's `file`, a
    /// track's `history`, a variance's scenario file).
    static func takesPath(kind: String, param: String) -> Bool {
        if kind == "variance" && param == "scenarios" { return true }
        return StageRegistry.standard.type(of: kind)?.parameters.contains { $0.name == param && $0.kind == .inputFile } ?? false
    }

    /// A relative path typed after `--set` is read from the folder the command runs in, as
    /// `--out` and `--history` on the same line are: resolved from the pipeline's folder, `run
    /// pipelines/monthly.yml --set usage.file=exports/usage_latest.csv` read a March export
    /// lying in `pipelines/exports/` instead of `./exports/` (April's), exit 0, and archived a
    /// second March run. Made absolute here, it stays put when the stage resolves it against
    /// the pipeline's folder. A scenario list (`[...]`, `{...}`) is no path.
    static func commandLinePath(_ value: String, isPath: Bool) -> String {
        guard isPath, !value.isEmpty, value != "-", !value.hasPrefix("/"), !value.hasPrefix("["), !value.hasPrefix("{") else { return value }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return value }
        let cwd = String(cString: buffer)
        var relative = Substring(value)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return (cwd == "/" ? "" : cwd) + "/" + relative
    }

    static func readText(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw PipelineError(location: nil, "\(path): cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw PipelineError(location: nil, "\(path): is a directory, not a pipeline file") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw PipelineError(location: nil, "\(path): cannot be read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > maximumBytes { throw PipelineError(location: nil, "\(path): larger than 1 MiB; this is not a pipeline file") }
        }
        // A byte order mark (Notepad's "UTF-8 with BOM") is no part of the YAML: left in, the
        // parser failed on line 2 with "did not find expected <document start>".
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PipelineError(location: nil, "\(path): is not UTF-8 text")
        }
        return text
    }

    /// A YAML syntax error at its line and column, in one line (the library's message quotes
    /// the offending text on further lines).
    static func syntaxProblem(_ error: YamlError, _ path: String) -> PipelineError {
        func located(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> PipelineError {
            var message = "not valid YAML: " + problem
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            // The parser's words name its grammar; what to look at is the indentation or an
            // unquoted colon.
            if problem.contains("mapping values are not allowed") || problem.contains("did not find expected key")
                || problem.contains("could not find expected ':'") || problem.contains("block end") {
                message += "; check this line's indentation against the lines above (spaces, not tabs), and quote a value holding ': '"
            } else if problem.contains("cannot start any token") {
                // Most often a tab in the indentation, which the words do not say.
                message += "; a tab character there? YAML indents with spaces only: replace the tab with spaces (or quote a value starting with @ or `)"
            }
            return PipelineError(location: SourceLocation(file: path, line: mark.line, column: mark.column), message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            return located(context, problem, mark)
        default:
            // The reader's message starts with `line:column: error: reader: `.
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            let parts = first.split(separator: " ", maxSplits: 3).map(String.init)
            let place = parts.first.map { $0.dropLast().split(separator: ":").compactMap { Int($0) } } ?? []
            if place.count == 2, parts.count == 4, parts[1] == "error:" {
                var problem = parts[3]
                if problem.hasSuffix(":") { problem.removeLast() }
                return PipelineError(location: SourceLocation(file: path, line: place[0], column: place[1]), "not valid YAML: \(problem.clipped(80))")
            }
            return PipelineError(location: nil, "\(path): not valid YAML: \(first.clipped(80))")
        }
    }

    /// Letters, digits, `_` and `-`: safe in file names and unambiguous in `stage.table`.
    static func isStageName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 100 && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }
}
