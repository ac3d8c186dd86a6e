import Tabular

/// A parameter's value as written in the YAML (or given with `--set`).
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case scalar(String)
    case map([String: String])
    case list([String])

    public var description: String {
        switch self {
        case .scalar(let s): return s
        case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        case .list(let l): return "[" + l.joined(separator: ", ") + "]"
        }
    }
}

/// Where something is in the pipeline file, for messages.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// `file:line:column`, or the origin alone for a value from the command line (`--set
    /// demand.horizon=abc`) or from Swift, which have no line.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// A stage's parameters with typed access, defaults from its kind's specs, and locations
/// so a bad value is reported at its line in the YAML.
public struct StageParameters: Sendable {
    public var stage: String
    public var values: [String: ParameterValue]
    public var locations: [String: SourceLocation]
    public var specs: [ParameterSpec]
    /// Where the stage itself is declared.
    public var location: SourceLocation

    public init(stage: String, values: [String: ParameterValue], specs: [ParameterSpec],
                location: SourceLocation, locations: [String: SourceLocation] = [:]) {
        self.stage = stage
        self.values = values
        self.specs = specs
        self.location = location
        self.locations = locations
    }

    /// The error at `name`'s line, or at the `--set` that gave the key of map `name` the
    /// message names (`ValidationContext.overriddenKey`): a key set into a `where:` the YAML
    /// already has is the command line's fault, as one set where the YAML has none.
    func error(_ name: String, _ message: String) -> PipelineError {
        PipelineError(location: ValidationContext.overriddenKey(in: locations, of: name, namedIn: message) ?? locations[name] ?? location, "stage '\(stage)': \(message)")
    }

    public func string(_ name: String) throws -> String? {
        switch values[name] {
        case .scalar(let s): return s
        case nil: return specs.first { $0.name == name }?.defaultValue
        default: throw error(name, "'\(name)' must be a single value")
        }
    }

    /// A parameter naming one case of `T` (gaps, partial), or an error listing them.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) throws -> T where T.RawValue == String {
        guard let text = try string(name) else { return fallback }
        guard let value = T(rawValue: text) else {
            throw error(name, "\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
        }
        return value
    }

    public func requiredString(_ name: String) throws -> String {
        guard let s = try string(name), !s.isEmpty else { throw error(name, "'\(name)' is required") }
        return s
    }

    public func integer(_ name: String) throws -> Int? {
        guard let s = try string(name) else { return nil }
        guard let v = Int(s) else { throw error(name, "'\(name)' must be a whole number, not '\(s)'") }
        return v
    }

    public func number(_ name: String) throws -> Double? {
        guard let s = try string(name) else { return nil }
        guard let v = Double(s), v.isFinite else { throw error(name, "'\(name)' must be a number, not '\(s)'") }
        return v
    }

    /// A number that must lie in `range`, which the error names with what the number is
    /// (`a share of paid hours`): out of it, a plan came out with 0 FTEs required beside 161
    /// agency hours, or negative overtime, and exit 0.
    public func number(_ name: String, in range: ClosedRange<Double>, _ what: String) throws -> Double? {
        guard let v = try number(name) else { return nil }
        guard range.contains(v) else {
            throw error(name, "'\(name)' is \(what), from \(NumberFormat.fixed(range.lowerBound)) to \(NumberFormat.fixed(range.upperBound)); got \(NumberFormat.fixed(v))")
        }
        return v
    }

    public func boolean(_ name: String) throws -> Bool? {
        guard let s = try string(name) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(name, "'\(name)' must be true or false, not '\(s)'")
        }
    }

    public func map(_ name: String) throws -> [String: String] {
        switch values[name] {
        case .map(let m): return m
        case nil: return [:]
        default: throw error(name, "'\(name)' must be a map like {date: \"Trans Date\"}")
        }
    }

    public func list(_ name: String) throws -> [String] {
        switch values[name] {
        case .list(let l): return l
        case .scalar(let s): return s.split(separator: ",").map { $0.trimmed() }
        case nil: return specs.first { $0.name == name }?.defaultValue.map { $0.split(separator: ",").map(String.init) } ?? []
        default: throw error(name, "'\(name)' must be a list")
        }
    }

    /// Checks every value against its spec's kind; returns the problems found.
    func typeProblems() -> [PipelineError] { namedTypeProblems().map(\.problem) }

    /// The problems of `typeProblems`, each with the parameter it is about.
    func namedTypeProblems() -> [(name: String, problem: PipelineError)] {
        var problems: [(name: String, problem: PipelineError)] = []
        for spec in specs {
            func append(_ problem: PipelineError) { problems.append((spec.name, problem)) }
            guard let value = values[spec.name] else {
                if spec.required { append(error(spec.name, "missing required parameter '\(spec.name)' (\(spec.help))")) }
                continue
            }
            switch (spec.kind, value) {
            case (.map, .map), (.list, .list), (.list, .scalar): continue
            case (.map, _): append(error(spec.name, "'\(spec.name)' must be a map"))
            case (.list, _): append(error(spec.name, "'\(spec.name)' must be a list"))
            case (_, .scalar(let s)):
                switch spec.kind {
                case .integer where Int(s) == nil: append(error(spec.name, "'\(spec.name)' must be a whole number, not '\(s)'"))
                case .number where Double(s) == nil: append(error(spec.name, "'\(spec.name)' must be a number, not '\(s)'"))
                case .boolean where !["true", "false", "yes", "no", "on", "off"].contains(s.lowercased()):
                    append(error(spec.name, "'\(spec.name)' must be true or false, not '\(s)'"))
                default: break
                }
            default: append(error(spec.name, "'\(spec.name)' must be a single value"))
            }
        }
        return problems
    }
}

/// A problem in a pipeline, at its place in the YAML.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public var location: SourceLocation?
    public var message: String
    public init(location: SourceLocation?, _ message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// Every problem `validate` found, reported together.
public struct PipelineValidationError: Error, CustomStringConvertible, Sendable {
    public var problems: [PipelineError]
    public var description: String {
        "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the pipeline:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
