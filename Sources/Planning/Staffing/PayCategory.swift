import Tabular

/// What an hour on a timesheet counts as in a staffing plan: worked at the regular rate,
/// worked at a premium (overtime, agency), or paid but not worked.
public enum PayCategory: String, Sendable, CaseIterable {
    case regular, overtime, agency
    /// Paid but not worked (vacation, sick, holiday, education, orientation, on-call
    /// standby): left out of productive hours and HPPD.
    case nonProductive = "non_productive"

    /// The category a user names (`non_productive`, `non-productive`, any case).
    public init?(named text: String) {
        let key = String(text.matchKey().map { $0 == "-" || $0 == " " ? "_" : $0 })
        guard let found = PayCategory(rawValue: key) else { return nil }
        self = found
    }

    /// "regular, overtime, agency, non_productive", for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
