import Tabular

/// The cost behavior of a ledger line with no budget line, from the evidence the run has, in
/// order of trust:
/// 1. the same account budgeted in other departments: its behavior there, when they agree (a
///    budgeted line without a `behavior` is variable);
/// 2. its name's last keyword (the head noun) when it names what is bought by the patient:
///    Supplies, Drugs, Pharmaceuticals, Implants: variable;
/// else fixed, as nothing planned it on a volume (read as variable, a census scenario of +5%
/// grew a consulting line by $1,308: a finance review).
///
/// Fixed whatever it was, Clinic B's unbudgeted `6120 Surgical Supplies` ($271,359 to go this
/// year) stayed flat under a census +5% scenario while the budgeted `6100 Medical Supplies`
/// beside it grew 5%: $13,568 missing from the scenario (a finance review's case 08).
public struct UnbudgetedLineBehavior: Equatable, Sendable {
    /// What decided the behavior.
    public enum Evidence: Equatable, Sendable {
        /// The account's budget lines in these departments.
        case budgetedElsewhere([String])
        case name(String)
    }

    public var behavior: VarianceLine.Behavior
    public var evidence: Evidence

    /// Words whose spending moves with the patients treated.
    static let volumeWords: Set<String> = ["supplies", "supply", "drugs", "pharmaceuticals", "medications", "implants"]

    /// The behavior of `account`'s unbudgeted line, given the behaviors of the account's
    /// budget lines in other departments (`elsewhere`, by department), or nil for the fixed
    /// default.
    public static func infer(account: String, elsewhere: [String: VarianceLine.Behavior]) -> UnbudgetedLineBehavior? {
        let seen = Set(elsewhere.values)
        if seen.count == 1, let behavior = seen.first {
            return UnbudgetedLineBehavior(behavior: behavior, evidence: .budgetedElsewhere(elsewhere.keys.sorted()))
        }
        let keywords = volumeWords.union(UnbudgetedLineType.revenueWords).union(UnbudgetedLineType.expenseWords)
        let words = account.lowercased().split { !$0.isLetter }.map(String.init)
        if let head = words.last(where: keywords.contains), volumeWords.contains(head) {
            return UnbudgetedLineBehavior(behavior: .variable, evidence: .name(head))
        }
        return nil
    }

    /// The note naming every line whose behavior was so inferred, and how many unbudgeted
    /// lines are left fixed; nil for none inferred.
    public static func note(_ found: [(line: String, behavior: UnbudgetedLineBehavior)], fixed: Int) -> String? {
        guard !found.isEmpty else { return nil }
        func why(_ b: UnbudgetedLineBehavior) -> String {
            switch b.evidence {
            case let .budgetedElsewhere(departments): return "as the budget has the account in \(departments.listed(upTo: 3))"
            case let .name(word): return "its name says '\(word)', bought as patients are treated"
            }
        }
        let shown = found.prefix(6).map { "\($0.line) \($0.behavior.behavior == .variable ? "variable" : "fixed") (\(why($0.behavior)))" }
        let one = found.count == 1
        return "\(one ? "1 line" : "\(found.count) lines") with no budget line took \(one ? "its" : "their") cost behavior from the evidence, which moves \(one ? "it" : "them") with volume in scenarios and forecasts if variable: \(shown.listed(of: found.count))"
            + (fixed == 0 ? "" : "; the other \(fixed == 1 ? "unbudgeted line is" : "\(fixed) unbudgeted lines are") fixed, as nothing planned \(fixed == 1 ? "it" : "them") on a volume")
            + "; give the budget a line with a behavior to set \(one ? "it" : "them") yourself"
    }
}
