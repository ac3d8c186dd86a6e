import Planning
import Tabular
import Yams

/// What-if scenarios as written, in a scenario file (`--scenarios FILE.yml`, or a file path
/// in a pipeline's `scenarios:`) or inline in the variance stage, each value with its place
/// in the YAML, so that a mistake is reported at its line with what to write instead.
///
/// The shape and the ranges are checked when the scenarios are read; the department and
/// account names only once the ledger is loaded (`matchNames`), before anything is written.
public struct ScenarioSet: Sendable {
    public var scenarios: [BudgetScenario]
    /// Where each name a scenario uses is written: (scenario index, "volume"/"rate"/"fte.department"/"fte.account", name) -> place.
    var places: [(scenario: Int, what: String, name: String, location: SourceLocation)]
    /// Values that read but look like a slip (a percent written as a fraction), said beside
    /// the run's notes.
    public var notes: [String] = []

    static let keys = ["name", "volume", "rate", "fte"]
    static let fteKeys = ["department", "account", "count", "annual_cost"]

    /// Reads a scenario file: a YAML map whose `scenarios:` is a list of scenarios.
    public static func load(_ path: String) throws -> ScenarioSet {
        let text = try PipelineSpec.readText(path)
        let start = SourceLocation(file: path, line: 1, column: 1)
        if let problem = YAMLShape.problem(in: text) {
            throw PipelineError(location: SourceLocation(file: path, line: problem.line, column: problem.column), problem.message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineSpec.syntaxProblem(error, path)
        }
        if let root, let (repeated, first) = PipelineSpec.firstRepeatedKey(in: root) {
            throw PipelineError(location: SourceLocation(file: path, line: repeated.mark?.line ?? 1, column: repeated.mark?.column ?? 1),
                                "'\((repeated.string ?? "").clipped(60))' is given twice (first on line \(first.mark?.line ?? 1)); keep one")
        }
        let usage = "a scenario file is a YAML map with 'scenarios:', a list of scenarios like - {name: census_up_10, volume: {\"*\": 10}}"
        guard let top = root?.mapping else { throw PipelineError(location: start, usage) }
        var list: Node.Sequence?
        for (key, value) in top {
            guard key.string == "scenarios" else {
                throw PipelineError(location: SourceLocation(file: path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                                    "unknown key '\((key.string ?? "").clipped(60))'; \(usage)")
            }
            guard let items = value.sequence, !items.isEmpty, items.allSatisfy({ $0.mapping != nil }) else {
                throw PipelineError(location: SourceLocation(file: path, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1), usage)
            }
            list = items
        }
        guard let list else { throw PipelineError(location: start, usage) }
        let (values, locations) = PipelineSpec.records(list, field: "scenarios", path: path)
        return try read(values, locations, field: "scenarios", at: start)
    }

    /// Reads the numbered dotted parameters `field.N.key` (see `PipelineSpec.records`).
    static func read(_ values: [String: ParameterValue], _ locations: [String: SourceLocation], field: String, at start: SourceLocation) throws -> ScenarioSet {
        var set = ScenarioSet(scenarios: [], places: [])
        var n = 1
        while locations["\(field).\(n)"] != nil {
            let prefix = "\(field).\(n)"
            let here = locations[prefix] ?? start
            func place(_ key: String) -> SourceLocation { locations[prefix + "." + key] ?? here }
            func fail(_ key: String, _ message: String) -> PipelineError { PipelineError(location: place(key), "scenario \(n): \(message)") }
            let keys = values.keys.filter { $0.hasPrefix(prefix + ".") }.map { String($0.dropFirst(prefix.count + 1)) }.filter { !$0.contains(".") }
            for key in keys.sorted() where !keys.isEmpty && !ScenarioSet.keys.contains(key) {
                throw fail(key, "unknown key '\(key.clipped(60))'; a scenario has \(ScenarioSet.keys.joined(separator: ", "))")
            }
            guard case .scalar(let name)? = values[prefix + ".name"], !name.trimmed().isEmpty else {
                throw PipelineError(location: here, "scenario \(n) has no name; give it one, e.g. name: census_up_10")
            }
            guard name != BudgetScenario.baseName else { throw fail("name", "'\(BudgetScenario.baseName)' is the projection without changes; name the scenario otherwise") }
            if set.scenarios.contains(where: { $0.name == name }) { throw fail("name", "the name '\(name.clipped(60))' is used twice; each scenario needs its own") }
            var scenario = BudgetScenario(name: name)
            for what in ["volume", "rate"] {
                guard let value = values[prefix + "." + what] else { continue }
                guard case .map(let changes) = value else {
                    throw fail(what, "\(what) is a map of percent changes by \(what == "volume" ? "department" : "account"), e.g. \(what): {\"*\": 10}")
                }
                var percents: [String: Double] = [:]
                for (key, text) in changes {
                    guard let percent = Double(text.replacingOccurrences(of: "%", with: "")), percent.isFinite else {
                        throw fail(what + "." + key, "the \(what) change of '\(key.clipped(60))' must be a percent, like 10 or -5, not '\(text.clipped(40))'")
                    }
                    guard BudgetScenario.percentRange.contains(percent) else {
                        throw fail(what + "." + key, "the \(what) change of '\(key.clipped(60))' is \(text)%; a change runs from -100% to +1,000%")
                    }
                    // 0.1 reads as 0.1%: a user writing fractions (0.1 for 10%) saw a change
                    // of almost nothing and no word.
                    if percent != 0 && abs(percent) < 1 {
                        set.notes.append("scenario '\(name.clipped(60))': the \(what) change of '\(key.clipped(60))' is \(text), read as \(text)%; write \(NumberFormat.fixed(percent * 100)) for \(NumberFormat.fixed(percent * 100))%")
                    }
                    percents[key] = percent
                    if key != BudgetScenario.everything { set.places.append((set.scenarios.count, what, key, place(what + "." + key))) }
                }
                if what == "volume" { scenario.volume = percents } else { scenario.rate = percents }
            }
            if let value = values[prefix + ".fte"] {
                // One change as a map, or several as a list of maps.
                let entries: [String]
                switch value {
                case .map: entries = ["fte"]
                case .list(let numbers) where numbers.allSatisfy({ values[prefix + ".fte." + $0] != nil }): entries = numbers.map { "fte." + $0 }
                default: throw fail("fte", "fte is {department, account, count, annual_cost} (or a list of them)")
                }
                for entry in entries {
                    guard case .map(let change)? = values[prefix + "." + entry] else { throw fail(entry, "fte is {department, account, count, annual_cost}") }
                    for key in change.keys.sorted() where !ScenarioSet.fteKeys.contains(key) {
                        throw fail(entry + "." + key, "unknown FTE key '\(key.clipped(60))'; an FTE change has \(ScenarioSet.fteKeys.joined(separator: ", "))")
                    }
                    for key in ScenarioSet.fteKeys where (change[key] ?? "").trimmed().isEmpty {
                        let example = key == "annual_cost" ? "the yearly cost of one position, e.g. annual_cost: 98000" : "e.g. \(key): \(key == "count" ? "2" : "...")"
                        throw fail(entry, "the FTE change has no \(key); add \(key) (\(example))")
                    }
                    let count = Double(change["count"] ?? ""), cost = NumberParser().parse((change["annual_cost"] ?? "").trimmed())
                    guard let count, count.isFinite, count != 0, abs(count) <= 10_000 else {
                        throw fail(entry + ".count", "count is the number of positions added (negative to remove), not '\(change["count"] ?? "")'")
                    }
                    guard let cost, cost.isFinite, cost >= 0, cost <= 100_000_000 else {
                        throw fail(entry + ".annual_cost", "annual_cost is the yearly cost of one position in money, like 98000, not '\(change["annual_cost"] ?? "")'")
                    }
                    let department = change["department"] ?? "", account = change["account"] ?? ""
                    scenario.staff.append(.init(department: department, account: account, count: count, annualCost: cost))
                    set.places.append((set.scenarios.count, "fte.department", department, place(entry + ".department")))
                    set.places.append((set.scenarios.count, "fte.account", account, place(entry + ".account")))
                }
            }
            guard !scenario.volume.isEmpty || !scenario.rate.isEmpty || !scenario.staff.isEmpty else {
                throw PipelineError(location: here, "scenario '\(name.clipped(60))' changes nothing; give it volume:, rate: or fte:")
            }
            set.scenarios.append(scenario)
            n += 1
        }
        return set
    }

    /// Matches each department and account a scenario names to the ledger's spelling, in any
    /// case and spacing (`6030 med-surg 4e` is `6030 Med-Surg 4E`, as --inflation's accounts
    /// and staffing's units are), and refuses one the budget and actuals never name: a typo
    /// would otherwise change nothing and look like a scenario that does not matter. An FTE
    /// change on a revenue account is refused too: it adds cost, and booked there it raised
    /// revenue and net (two RNs read as a gain of $81,667). Returns a note naming the names
    /// matched in another spelling, or nil.
    public mutating func matchNames(departments: Set<String>, accounts: Set<String>, revenueAccounts: Set<String> = []) throws -> String? {
        // As the variance reads the ledger's names: `6010` is the budget's `06010`.
        let departmentSpellings = NameSpellings(departments.sorted(), foldsLeadingZeros: true)
        let accountSpellings = NameSpellings(accounts.sorted(), foldsLeadingZeros: true)
        var matched: [String] = []
        for k in places.indices {
            let place = places[k]
            let department = place.what == "volume" || place.what == "fte.department"
            let known = department ? departments : accounts
            if known.contains(place.name) { continue }
            guard let spelled = (department ? departmentSpellings : accountSpellings).spelling(of: place.name) else {
                throw PipelineError(location: place.location,
                                    "scenario '\(scenarios[place.scenario].name.clipped(60))': no \(department ? "department" : "account") '\(place.name.clipped(60))' in the budget or actuals; use one of \(known.sorted().listed(upTo: 8))\(department && place.what == "volume" ? " or \"*\" for all" : "")")
            }
            var scenario = scenarios[place.scenario]
            // Two keys of one map that are one name in two spellings: the later value wrote over
            // the earlier without a word ({D1: 10, d1: 20} applied 20% alone).
            let map = place.what == "volume" ? scenario.volume : place.what == "rate" ? scenario.rate : [:]
            if map[spelled] != nil {
                throw PipelineError(location: place.location,
                                    "scenario '\(scenario.name.clipped(60))': '\(place.name.clipped(60))' is \(department ? "department" : "account") '\(spelled.clipped(60))', which its \(place.what): already names in another spelling; keep one")
            }
            switch place.what {
            case "volume": scenario.volume[spelled] = scenario.volume.removeValue(forKey: place.name)
            case "rate": scenario.rate[spelled] = scenario.rate.removeValue(forKey: place.name)
            case "fte.department": for i in scenario.staff.indices where scenario.staff[i].department == place.name { scenario.staff[i].department = spelled }
            default: for i in scenario.staff.indices where scenario.staff[i].account == place.name { scenario.staff[i].account = spelled }
            }
            scenarios[place.scenario] = scenario
            places[k].name = spelled
            if !matched.contains("'\(place.name)' as '\(spelled)'") { matched.append("'\(place.name)' as '\(spelled)'") }
        }
        for place in places where place.what == "fte.account" && revenueAccounts.contains(place.name) {
            throw PipelineError(location: place.location,
                                "scenario '\(scenarios[place.scenario].name.clipped(60))': '\(place.name.clipped(60))' is a revenue account; an FTE change adds cost, so book it on an expense account such as salaries")
        }
        return matched.isEmpty ? nil : "scenarios: read \(matched.listed(upTo: 5)), the ledger's spelling"
    }
}
