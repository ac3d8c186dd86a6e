import Tabular

/// What a `where:` filter (an import's or a filter stage's) says of values no row had.
enum WhereValues {
    /// "where: unit 'icu' (the file has 'ICU'), '5 North' matched no row; ...": each value with
    /// the spelling `present` has of it when only case and spaces differ.
    static func unmatched(_ missing: [String], column: String, present: [String], in source: String) -> String {
        var folded: [String: String] = [:]
        // In the order given, so the spelling named is the same on every run.
        for value in present where folded[value.matchKey()] == nil { folded[value.matchKey()] = value }
        let spelled = missing.map { value in
            "'\(value)'" + (folded[value.matchKey()].flatMap { $0 == value ? nil : " (\(source) has '\($0)')" } ?? "")
        }
        return "where: \(column) \(spelled.joined(separator: ", ")) matched no row; values are compared as written"
    }
}
