import Tabular

/// The natural account in an account's number: the whole number of a plain one (`4900
/// Contractual Allowances` is 4900), the one segment of a segmented one that says what the
/// account is (`10-4900-000`, entity-account-subaccount as most hospital ledgers export it,
/// is 4900 too).
///
/// Read as a number up to its first hyphen, `10-4900-000` was `10`, too short to compare: the
/// account-number evidence said nothing, and contractual allowances (-$90,000 a month) and
/// `Cost Recovery Income` fell to the expense default beside revenue `10-4100-000`, Clinic A's
/// projected expenses $1,025,105 too low and shown as a $1.1M saving (a finance review's
/// case 06; the same ledger numbered 4100/4900 typed them as revenue).
public struct NaturalAccount: Equatable, Sendable {
    /// The segment's count of digits (numbers are compared only with numbers as long) and value.
    public var digits: Int
    public var number: Int

    /// The digit groups of the code an account begins with, split at `-`, `.` or `/`
    /// (`10-4900-000 Contractual Allowances` is 10, 4900, 000; `4100 Patient Revenue` is 4100);
    /// empty when it begins with no digit or a group holds anything else.
    public static func segments(_ account: String) -> [Substring] {
        let text = account.trimmed()
        let code = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "." || $0 == "/" }
        guard code.first?.isNumber == true else { return [] }
        return code.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
    }

    /// Which segment of a number shaped like `shape` (its groups' digit counts) holds the
    /// natural account, given the `typed` accounts' segments: among the typed accounts shaped
    /// alike, the segment whose values differ most (the entity `10` and subaccount `000` repeat
    /// while the accounts 4100, 6100, 6500 differ), longer first and then earlier on a tie;
    /// with none shaped alike, the longest group (the earliest of the longest).
    public static func segmentIndex(shape: [Int], typed: [[Substring]]) -> Int {
        let alike = typed.filter { $0.map(\.count) == shape }
        func rank(_ i: Int) -> (Int, Int, Int) { (Set(alike.map { $0[i] }).count, shape[i], -i) }
        return shape.indices.max { rank($0) < rank($1) } ?? 0
    }

    /// The natural account of `account` read as `typed` accounts are written, or nil when it
    /// has no segment of 3 to 9 digits there.
    public init?(_ account: String, typed: [[Substring]]) {
        let groups = Self.segments(account)
        guard !groups.isEmpty else { return nil }
        let group = groups[Self.segmentIndex(shape: groups.map(\.count), typed: typed)]
        guard group.count >= 3, group.count <= 9, let value = Int(group) else { return nil }
        (digits, number) = (group.count, value)
    }
}
