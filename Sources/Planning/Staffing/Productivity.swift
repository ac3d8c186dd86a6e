/// Labor productivity of one unit over one pay period, as workforce and decision-support
/// tools report it: worked hours against the hours the census earned at target HPPD.
///
/// productivity index = 100 x target hours / worked hours (above 100: fewer hours worked
/// than the census earned). Overtime and agency shares are of worked hours; the
/// non-productive share (vacation, sick, education) is of paid hours, worked plus non-productive.
public struct Productivity: Sendable, Equatable {
    public var regularHours = 0.0
    public var overtimeHours = 0.0
    public var agencyHours = 0.0
    public var nonProductiveHours = 0.0
    /// Census (patient days) x target HPPD.
    public var targetHours = 0.0

    public init() {}

    public mutating func add(hours: Double, as category: PayCategory) {
        switch category {
        case .regular: regularHours += hours
        case .overtime: overtimeHours += hours
        case .agency: agencyHours += hours
        case .nonProductive: nonProductiveHours += hours
        }
    }

    public var workedHours: Double { regularHours + overtimeHours + agencyHours }
    public var paidHours: Double { workedHours + nonProductiveHours }

    /// 100 x target / worked; nil when nothing was worked.
    public var index: Double? { workedHours > 0 ? 100 * targetHours / workedHours : nil }
    public var overtimeShare: Double? { workedHours > 0 ? overtimeHours / workedHours : nil }
    public var agencyShare: Double? { workedHours > 0 ? agencyHours / workedHours : nil }
    public var nonProductiveShare: Double? { paidHours > 0 ? nonProductiveHours / paidHours : nil }
}
