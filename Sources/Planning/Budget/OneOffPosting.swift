import Forecasting
import Tabular

/// A ledger line whose history holds a one-off amount rather than its run rate: a consulting
/// invoice posted once, or a $50,000 repair in a line that books $1,000 a month. Forecast as
/// they were, one $50,000 invoice followed by three empty months was projected at $31,250 a
/// month, and a $1,000-a-month line with one repair at $6,684 a month: a department's
/// projection of about $154,000 came out at $605,000.
///
/// A finance analyst takes such amounts out of the run rate ("normalizes" them) and says so;
/// this does the same for the two shapes that cannot be anything else:
/// - `.once`: the line posted in one month only, and the ledger booked at least three months
///   after it without the line posting again (a quarterly charge would have recurred). It is
///   projected at $0.
/// - `.spike`: the line posted in every month from its first to as-of (four or more), and one
///   month is at least five times the median of the others. Its forecast is made with that
///   month at the median; the month stays booked as it is.
///
/// - `.credit`: the line booked from its first posting to as-of (four months or more), and one
///   month before as-of is far below its usual month: a rebate or a true-up
///   credited to a cost line. Its forecast is made with that month at the usual month; the
///   month stays booked as it is. Forecast as it was, a $310,000 rebate credited to a
///   $253,000-a-month drugs line (the month netting to -$56,945.95) was spread into every month
///   left, each projected at 218,912.76, the mean of the nine months with it: $103,447 of drug
///   spend missing from the year end in three months, more earlier in the year. A smaller
///   credit leaving the month at $103,054 lowered it by about $50,000 without a word.
///   "Far" is robust, the line's own spread: at least `creditSpreads` times its months' median
///   absolute deviation (scaled to a standard deviation, 1.4826 x) below the median of its
///   months, and at least `creditShare` of the median (a line that never varies has no
///   deviation, and a $10 dip in its rent is no credit).
///
/// A line that posted once, fewer than three months before as-of and after the ledger's first
/// month (`.recent`), could be a one-off or a new monthly line; it is projected as the latter
/// and named, so that a reader knows where the projection rests on one month. (One posted only
/// in the ledger's first month is not named: with no month before it, nothing says it is new.)
public enum OneOffPosting: Equatable, Sendable {
    case once(month: Int, amount: Double)
    case recent(month: Int, amount: Double)
    case spike(month: Int, amount: Double, usual: Double)
    case credit(month: Int, amount: Double, usual: Double)

    /// Months the ledger must book after a lone posting before it reads as a one-off.
    public static let monthsAfter = 3
    /// How many times a line's usual month one month must be to read as a one-off.
    public static let spikeRatio = 5.0
    /// How many scaled median absolute deviations below the line's median month a credit is.
    public static let creditSpreads = 5.0
    /// How far below the line's median month a credit is at least, as a share of it.
    public static let creditShare = 0.25

    /// The one-off in a line's net amounts by month (`amounts`, booked months through as-of),
    /// or nil. `posted` is the months the line posted in (`LedgerMonths.postedMonths`),
    /// `ledgerStart` the ledger's first month.
    public static func find(_ amounts: [Int: Double], posted: Set<Int>, ledgerStart: Int, asOf: Int, budget: [Int: Double] = [:]) -> OneOffPosting? {
        let months = posted.filter { $0 <= asOf }
        guard let first = months.min() else { return nil }
        if months.count == 1 {
            let amount = amounts[first] ?? 0
            if asOf - first >= monthsAfter { return .once(month: first, amount: amount) }
            return first > ledgerStart ? .recent(month: first, amount: amount) : nil
        }
        let span = Array(first...asOf)
        guard span.count >= 4 else { return nil }
        guard span.allSatisfy(months.contains), let spike = spike(amounts, span: span) else { return credit(amounts, span: span, asOf: asOf, budget: budget) }
        return spike
    }

    /// One month of `span` (every month posted) at `spikeRatio` times the others' median or more.
    static func spike(_ amounts: [Int: Double], span: [Int]) -> OneOffPosting? {
        let sizes = span.map { abs(amounts[$0] ?? 0) }
        guard let top = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) else { return nil }
        var rest = sizes
        rest.remove(at: top)
        rest.sort()
        let median = Median.of(sorted: rest)
        guard median > 0, sizes[top] >= spikeRatio * median else { return nil }
        let amount = amounts[span[top]] ?? 0
        return .spike(month: span[top], amount: amount, usual: amount < 0 ? -median : median)
    }

    /// The one month of `span` far below the line's usual month (a credit: see the type's
    /// doc), or nil. A month with no amount at all is a gap (`LedgerMonths.lineGaps`), not a
    /// credit; nor is the last month (`asOf`): with no month after it back at the usual one, it
    /// may be a new level, or a month's postings missing (an accrual reversed, the payroll not
    /// yet posted: `LinePostings` names it). Nor is a first month left above zero: a line that
    /// opened mid-month books part of its usual month there (`OpeningMonth`), and read as a
    /// credit a service line opened mid-September at $5,000 of its $10,000 was said to have
    /// been credited a rebate.
    ///
    /// Nor is a month the line's `budget` plans as low (its budget against the median of the
    /// span's months' budgets, a month before the budget's read as the same month of it): a
    /// surgical supplies line of about 60,000 a month booked 35,652 in December, budgeted 36,000
    /// in every December and 60,000 in other months, was read as credited and next December
    /// projected at 59,561, 23,561 over, the year flipping to unfavorable. The month is judged
    /// against the budget's shape, the median scaled by the month's share of the budget.
    public static func credit(_ amounts: [Int: Double], span: [Int], asOf: Int, budget: [Int: Double] = [:]) -> OneOffPosting? {
        let values = span.map { amounts[$0] ?? 0 }
        let median = Median.of(sorted: values.sorted())
        guard abs(median) > 0.005 else { return nil }
        let sign = median > 0 ? 1.0 : -1.0
        let spread = 1.4826 * Median.of(sorted: values.map { abs($0 - median) }.sorted())
        let floor = max(creditSpreads * spread, creditShare * abs(median))
        let far = span.indices.filter { sign * (median - values[$0]) >= floor }
        guard far.count == 1, let i = far.first, abs(values[i]) > 0.005, span[i] < asOf, i > 0 || sign * values[i] < 0 else { return nil }
        let planned = { (month: Int) in budget[month] ?? budget[month + 12] ?? budget[month - 12] }
        let plans = span.compactMap(planned)
        if let own = planned(span[i]), plans.count == span.count {
            let usualPlan = Median.of(sorted: plans.sorted())
            if abs(usualPlan) > 0.005, sign * (median * own / usualPlan - values[i]) < floor { return nil }
        }
        var rest = values
        rest.remove(at: i)
        return .credit(month: span[i], amount: values[i], usual: Median.of(sorted: rest.sorted()))
    }

    /// The month of a line's one-off credit through `asOf`, from its net amounts by month, if any.
    public static func creditMonth(_ amounts: [Int: Double], asOf: Int, budget: [Int: Double] = [:]) -> Int? {
        let booked = amounts.filter { $0.key <= asOf }
        guard let first = LedgerMonths.postedMonths(booked).min(), asOf - first >= 3 else { return nil }
        if case let .credit(month, _, _)? = credit(booked, span: Array(first...asOf), asOf: asOf, budget: budget) { return month }
        return nil
    }

    /// What was found, one sentence per kind, naming up to four lines each; nil for nothing.
    public static func note(_ found: [(line: String, oneOff: OneOffPosting)]) -> String? {
        let money = { (x: Double) in NumberFormat.money(abs(x)) }, label = Frequency.month.label
        var once: [String] = [], spikes: [String] = [], recent: [String] = [], credits: [String] = []
        for (line, oneOff) in found {
            switch oneOff {
            case let .once(month, amount): once.append("\(line), \(money(amount)) in \(label(month))")
            case let .recent(month, amount): recent.append("\(line), \(money(amount)) in \(label(month))")
            case let .spike(month, amount, usual): spikes.append("\(line), \(money(amount)) in \(label(month)) against \(money(usual)) a month")
            case let .credit(month, amount, usual):
                credits.append("\(line), \(amount < 0 ? "-" : "")\(money(amount)) in \(label(month)), \(money(usual - amount)) below its usual \(money(usual)) a month")
            }
        }
        var said: [String] = []
        if !once.isEmpty {
            said.append("\(once.count == 1 ? "1 line" : "\(once.count) lines") posted once and not in the \(monthsAfter) months or more booked since (\(once.listed(upTo: 4))): read as one-off and projected at $0; budget \(once.count == 1 ? "it" : "them") if \(once.count == 1 ? "it recurs" : "they recur")")
        }
        if !spikes.isEmpty {
            said.append("\(spikes.count == 1 ? "1 line" : "\(spikes.count) lines") booked one month at \(NumberFormat.fixed(spikeRatio)) times \(spikes.count == 1 ? "its" : "their") usual month or more (\(spikes.listed(upTo: 4))): read as one-off, booked as it is and forecast at the usual month")
        }
        if !credits.isEmpty {
            let one = credits.count == 1
            said.append("\(one ? "1 line" : "\(credits.count) lines") booked one month far below \(one ? "its" : "their") usual month (\(credits.listed(upTo: 4))): read as a one-off credit (a rebate, a true-up, a refund), booked as it is and left out of the projection, which takes the usual month for the months left; if \(one ? "it is" : "one is") instead part of a month's postings missing, post \(one ? "it" : "them")")
        }
        if !recent.isEmpty {
            said.append("\(recent.count == 1 ? "1 line" : "\(recent.count) lines") posted once, too recently to tell a one-off from a new monthly line (\(recent.listed(upTo: 4))): projected as monthly; if \(recent.count == 1 ? "it is a one-off, its" : "they are one-off, their") forecast_remaining is too high by as much")
        }
        return said.isEmpty ? nil : said.joined(separator: "; ")
    }

    /// Whether a lone posting in `month` may be a yearly charge (a licence, insurance) rather
    /// than a one-off, for next year's budget: only when the ledger, from `ledgerStart` to
    /// `last`, reaches neither the month a year before it nor the month a year after it. Either
    /// would have shown the charge again; the demo's $1,224 of 2023-12, in a ledger holding
    /// 2024-12 and 2025-12 without it, was called "budgeted as yearly charges" while the
    /// proposal budgeted $0 for it.
    public static func mayBeYearly(month: Int, ledgerStart: Int, last: Int) -> Bool {
        month - ledgerStart < 12 && last - month < 12
    }

    /// The history to forecast the line from: nil for a line projected at $0 (`.once`), the
    /// amounts with a spike at the usual month, or the amounts as they are.
    public func history(_ amounts: [Int: Double]) -> [Int: Double]? {
        switch self {
        case .once: return nil
        case .recent: return amounts
        case let .spike(month, _, usual), let .credit(month, _, usual):
            var cleaned = amounts
            cleaned[month] = usual
            return cleaned
        }
    }
}
