import Forecasting
import Tabular

/// A department that has stopped: none of its lines posted and it had no volume in its last
/// `minimumMonths` months or more through as-of, after having a volume before (a unit closed,
/// its cost centre kept open in the chart of accounts and the budget).
///
/// A closed unit's volume is zero, not unknown. Its volume series stopped at its last month
/// of patients, and where the statistics file ran to as-of every other department's rows
/// padded it with zeros, so the forecast read the stop; a statistics feed a month behind the
/// ledger (ending November, ledger and as-of December) left it two zeros, not a stop, and the
/// forecast took the unit's whole history: a pediatrics unit closed since October projected
/// January to June at $476,323 a month ($2,873,131 expense, $10,530,990 revenue for the rest
/// of the year) where the complete file gave $34,826 and $128,396. The next year's proposal
/// read its months as missing and budgeted it at its census before it closed ($5.85M
/// expense, $21.2M revenue) beside a rolling forecast of about $35,000. Its months from
/// `since` through as-of are read as zero volume (`volume(_:asOf:)`), whatever the file has
/// for other departments.
public struct ClosedDepartment: Sendable, Equatable {
    public var department: String
    /// The first month with neither a posting nor a volume.
    public var since: Int

    /// Three months without a posting or a volume: a stop, not a late journal (one or two
    /// months may be a payroll posted late or a statistics feed that lags).
    public static let minimumMonths = 3

    public init(department: String, since: Int) {
        self.department = department
        self.since = since
    }

    /// The department closed as of `asOf`, or nil: `posted` holds the months any of its
    /// variable (volume-driven) or revenue lines posted in, `volume` its actual volume by month,
    /// `ledgerStart` the ledger's first month.
    ///
    /// Only a department with a volume (a unit with patients) is read so: without one, months
    /// of silence may be a cost centre of yearly charges or a lone invoice (a consulting fee
    /// posted once was proposed at $0 as "closed", though it may be a yearly charge).
    ///
    /// Fixed lines are left out of `posted` by the callers: a lease or depreciation is what
    /// keeps posting after a unit closes, and a pediatrics unit with no patients, payroll or
    /// revenue since October but its $13,000 equipment lease posting was read as open, and
    /// proposed for the next year at its census before it closed ($5.89M expense, $21.2M
    /// revenue) beside a rolling forecast of its salaries at $4,183 a month.
    ///
    /// A department whose same months a year before (and every year before that the ledger
    /// reaches) were as empty is seasonal, not closed (`isSeasonal`).
    public static func find(_ department: String, posted: Set<Int>, volume: [Int: Double], asOf: Int, ledgerStart: Int? = nil) -> ClosedDepartment? {
        guard volume.contains(where: { $0.key <= asOf && $0.value > 0 }) else { return nil }
        let active = posted.filter { $0 <= asOf }.union(volume.filter { $0.key <= asOf && $0.value > 0 }.keys)
        guard let last = active.max(), asOf - last >= minimumMonths else { return nil }
        if let ledgerStart, isSeasonal(empty: (last + 1)...asOf, active: active, ledgerStart: ledgerStart) { return nil }
        return ClosedDepartment(department: department, since: last + 1)
    }

    /// Whether the months `empty` were empty a year before too (and two years before, and so
    /// on, as far as the ledger reaches from `ledgerStart`), the department active in between:
    /// its off-season. A flu clinic open October to March for two years, read at the Q1 close
    /// (as-of September, empty since April), was read as closed: proposed for the next year at
    /// $0 (-$2.1M expense, -$7.6M revenue) three weeks before it opens, its season forecast at
    /// $1.10M for the $2.17M it spends. The ledger must reach the same months a year before:
    /// without them a stop cannot be told from a season. A span of a year or more is no season.
    static func isSeasonal(empty: ClosedRange<Int>, active: Set<Int>, ledgerStart: Int) -> Bool {
        guard empty.count < 12 else { return false }
        var yearsBack = 1, seen = 0
        while empty.lowerBound - 12 * yearsBack >= ledgerStart {
            let before = (empty.lowerBound - 12 * yearsBack)...(empty.upperBound - 12 * yearsBack)
            guard !before.contains(where: active.contains) else { return false }
            // Open between that off-season and this one: a season, not a long closure.
            guard active.contains(where: { $0 > before.upperBound && $0 < empty.lowerBound }) else { return false }
            seen += 1
            yearsBack += 1
        }
        return seen > 0
    }

    /// The departments of `ledger` closed as of `asOf`, by name: a month counts as posted
    /// where any of the department's variable or revenue lines has an amount
    /// (`LedgerMonths.postedMonths`); its fixed lines (rent, a lease) do not keep it open.
    public static func all(in ledger: BudgetLedger, asOf: Int, ledgerStart: Int? = nil) -> [String: ClosedDepartment] {
        var posted: [String: Set<Int>] = [:]
        for line in ledger.lines {
            let driven = ledger.behavior(of: line) == .variable || ledger.accountTypes[line] == .revenue
            posted[line.department, default: []].formUnion(driven ? LedgerMonths.postedMonths(ledger.actual[line] ?? [:]) : [])
        }
        var closed: [String: ClosedDepartment] = [:]
        for (department, months) in posted {
            if let found = find(department, posted: months, volume: ledger.actualVolume[department] ?? [:], asOf: asOf, ledgerStart: ledgerStart) { closed[department] = found }
        }
        return closed
    }

    /// `given` with every month from `since` through `asOf` that has no volume read as 0.
    public func volume(_ given: [Int: Double], asOf: Int) -> [Int: Double] {
        var volume = given
        for month in since...max(since, asOf) where month <= asOf && volume[month] == nil { volume[month] = 0 }
        return volume
    }

    /// "6070 Pediatrics (since 2026-10)".
    public var label: String { "\(department) (since \(Frequency.month.label(since)))" }

    /// The rolling forecast's note naming the closed departments whose volume was read as
    /// zero, or nil when there are none.
    public static func forecastNote(_ closed: [ClosedDepartment], asOf: Int) -> String? {
        guard !closed.isEmpty else { return nil }
        let one = closed.count == 1
        let named = closed.sorted { $0.department < $1.department }.map(\.label).listed(upTo: 5, of: closed.count)
        return "\(one ? "1 department has" : "\(closed.count) departments have") no volume and no posting on a variable or revenue line for \(minimumMonths) months or more through \(Frequency.month.label(asOf)), \(named): read as closed, \(one ? "its" : "their") volume 0 in those months and ahead (a closed unit has no patients, whether or not the volumes file reaches \(Frequency.month.label(asOf))), so \(one ? "its" : "their") booked months flex to volume 0 (the saving is volume), \(one ? "its" : "their") driver-based lines are forecast at $0, and fixed lines still posting (rent, a lease) as they post; if \(one ? "it has reopened" : "one has reopened") (a journal or statistics not yet posted), \(one ? "its" : "that one's") projection is too low"
    }
}
