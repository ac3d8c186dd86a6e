import Tabular

/// Supply and pharmacy spend for the rest of a fiscal year, two ways: bottom-up from the items
/// (each item's demand forecast in a department x its unit cost) and top-down from the
/// ledger's own trend for the account the items' category maps to.
///
/// Why both: the ledger trend extrapolates dollars per patient day and cannot see a price
/// increase that took effect last week or an item whose use is growing; the bottom-up figure
/// knows today's prices and each item's demand but misses what is bought outside the item
/// master (non-stock purchases, freight, credits). Where they part, the difference says which
/// to look into.
public struct SupplySpend: Sendable {
    /// One department and account over the remaining months.
    public struct Line: Sendable, Equatable {
        public var department: String
        public var account: String
        /// Items with a forecast and a unit cost that make up `bottomUp`.
        public var items: Int
        /// Forecast units over the months.
        public var units: Double
        /// Sum over the items of forecast units x unit cost.
        public var bottomUp: Double
        /// The ledger line's own projection over the same months; nil when the ledger has no
        /// such line.
        public var ledgerTrend: Double?

        public init(department: String, account: String, items: Int = 0, units: Double = 0, bottomUp: Double = 0, ledgerTrend: Double? = nil) {
            self.department = department
            self.account = account
            self.items = items
            self.units = units
            self.bottomUp = bottomUp
            self.ledgerTrend = ledgerTrend
        }

        /// Bottom-up less the ledger trend.
        public var difference: Double? { ledgerTrend.map { bottomUp - $0 } }
        /// The difference as a percent of the ledger trend.
        public var differencePercent: Double? {
            guard let trend = ledgerTrend, trend != 0 else { return nil }
            return 100 * (bottomUp - trend) / abs(trend)
        }
    }

    /// Item category (as the item master spells it, compared without case) -> GL account.
    public let accounts: [String: String]
    private let byCategory: [String: String]
    private var lines: [Key: Line] = [:]

    struct Key: Hashable {
        var department: String
        var account: String
    }

    public init(accounts: [String: String]) {
        self.accounts = accounts
        byCategory = Dictionary(accounts.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The account an item category's spend is booked to, if the map names it.
    public func account(forCategory category: String) -> String? {
        byCategory[category.trimmed().lowercased()]
    }

    /// Adds one item's forecast units in a department at its unit cost.
    public mutating func add(department: String, account: String, units: Double, unitCost: Double) {
        let key = Key(department: department, account: account)
        var line = lines[key] ?? Line(department: department, account: account)
        line.items += 1
        line.units += units
        line.bottomUp += units * unitCost
        lines[key] = line
    }

    /// The lines by department and account, with each ledger line's projection over the same
    /// months from `ledgerTrend` (nil where the ledger has none).
    public func lines(ledgerTrend: (_ department: String, _ account: String) -> Double?) -> [Line] {
        lines.values.map { line in
            var line = line
            line.ledgerTrend = ledgerTrend(line.department, line.account)
            return line
        }.sorted { ($0.department, $0.account) < ($1.department, $1.account) }
    }
}
