/// A line of a budget or a general ledger: one department's account. The budget and the
/// ledger are set against each other line by line, and every table of the variance lists the
/// lines by department, then account.
public struct LedgerLine: Hashable, Comparable, Sendable {
    public var department: String
    public var account: String

    public init(department: String, account: String) {
        self.department = department
        self.account = account
    }

    public static func < (a: LedgerLine, b: LedgerLine) -> Bool { (a.department, a.account) < (b.department, b.account) }

    /// The line as `LedgerMonths` keys lines: department and account joined by the unit
    /// separator, which names cannot hold ("A / B" + "C" and "A" + "B / C" would be one label).
    public var key: String { department + "\u{1F}" + account }

    /// "ICU / Supplies", as the notes name a line.
    public var label: String { "\(department) / \(account)" }

    /// The label of a line's `key`.
    public static func label(ofKey key: String) -> String {
        key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).joined(separator: " / ")
    }
}
