/// A file a stage may write into the output folder, as `Stage.outputFiles` lists it: a plain
/// name, or a pattern whose one `*` stands for a number (charts numbered by rank, such as
/// `reorder_outlook_*.svg`).
///
/// Why: `validate` compares every stage's files before anything runs. Compared by exact name
/// only, and without the charts, two reorder stages (both `reorder.csv`), a reorder named
/// `index` (the run's `index.md`) or an export named `reorder_outlook_1.svg` passed, and the
/// run failed after every stage had run, naming no line of the pipeline.
enum OutputFileName {
    /// Whether the names `a` and `b`, either a pattern, can be one file.
    static func collide(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let aPattern = a.contains("*"), bPattern = b.contains("*")
        switch (aPattern, bPattern) {
        case (false, false): return false
        case (true, false): return matches(a, b)
        case (false, true): return matches(b, a)
        case (true, true): return matches(a, b.replacingOccurrences(of: "*", with: "1")) || matches(b, a.replacingOccurrences(of: "*", with: "1"))
        }
    }

    /// Whether `name` is an instance of `pattern` (its `*` one or more digits).
    static func matches(_ pattern: String, _ name: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == name }
        let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
        guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
        let number = name.dropFirst(prefix.count).dropLast(suffix.count)
        return number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// The name as a message shows it: a pattern's `*` as `N`.
    static func shown(_ name: String) -> String { name.replacingOccurrences(of: "*", with: "N") }
}
