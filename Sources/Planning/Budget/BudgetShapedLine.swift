import Forecasting
import Tabular

/// A line whose budget sits in a few months of the fiscal year (an annual licence budgeted
/// in February, a quarterly premium) and which posted in or next to those months at about its
/// budget: the budget already says when the line spends, so the months left are projected at
/// their budget, not forecast from the postings.
///
/// Forecast from its postings, a software maintenance invoice budgeted $120,000 in February
/// only ($0 in the other eleven months) and paid $118,500 in February was read as "posted
/// once, too recently to tell" and projected at $59,250 a month for April to June (February
/// averaged with March's nothing): $177,750 of spend no one expects, and the department's year
/// end $181,050 over budget where about $3,300 over is right. Projected from its budget it is
/// $0 for April to June.
///
/// The line is taken as shaped by its budget when, in the as-of's fiscal year:
/// - its budget is a whole year's: the line's own rows cover every month of the year (0.00
///   included), or its department's budget is not zero in every month (a half-year budget puts
///   every line in a few months, and would project the rest of the year at $0). Both are read
///   from the line's department alone, which a shard holds whole, so a shard reads a line as the
///   whole ledger does. Requiring the department's alone left a cost centre of annual and
///   quarterly premiums spread month by month: a $300,000 property premium paid in July
///   projected at $32,368 a month, the year $291,311 over;
/// - the line is budgeted (not zero) in `maxMonths` months or fewer;
/// - each month it posted in through as-of pays one budgeted month (with none, its budgeted
///   months to date passed and a posting before them: an annual fee invoiced late, `notYetInvoiced`): its own, the month before
///   (an invoice a month late) or the month after (a month early, even past as-of: a $120,000
///   October charge paid $118,500 in September, as of September, had $0 budget to date and
///   was projected as monthly, $1,066,500 over; October is now $0, paid);
/// - over the last twelve months each month it posted in pays one month of its budget's
///   shape, as above (`history`): a linen service posting $13,000 every month but budgeted by quarter had every
///   month next to a budgeted one, and lost $27,000 for the year; a contract budgeted $120,000
///   in July but paid in two $60,000 instalments, July and January, lost January's $60,000.
///   Both are forecast from their postings (the instalment's January is last January's);
/// - what it booked against the months it paid is `lowScale` to `highScale` times their budget,
///   in the budget's sign. From `lowRatio` to `highRatio` the months left are their budget; beyond,
///   their budget times the ratio (`scale`), said in the note: a quarterly premium of $100,000
///   renewed at $160,000 was spread at $41,371 over every month left, $107,665 short, and is
///   now $160,000 in each quarter left.
///
/// Anything else (a line budgeted in one month that posts month by month, `LedgerMonths
/// .budgetedInOneMonth`; an invoice at five times its budget) is forecast from its postings as before.
public struct BudgetShapedLine: Equatable, Sendable {
    /// The fiscal year's months the line is budgeted in, and its budget and its amount booked
    /// through as-of (the budget of the months it paid, those paid early included).
    public var budgetedMonths: [Int]
    public var budgetToDate: Double
    public var bookedToDate: Double
    /// Budgeted months after as-of whose charge was booked early: projected at $0.
    public var paidEarly: [Int]
    /// Budgeted months through as-of whose charge is not booked (a fee invoiced late): their
    /// budget is projected in the first month ahead. Projected at $0, a budgeted $80,000
    /// accreditation fee due in August and not invoiced by September read as $80,000 saved,
    /// with advice to "budget it if it recurs" although it was budgeted.
    public var notYetInvoiced: [Int]
    /// What the months left are projected at, times their budget: 1 when booked within
    /// `lowRatio`-`highRatio` of budget, else booked / budget.
    public var scale: Double
    /// The months of the twelve through as-of the line posted in, when it is projected as it
    /// booked a year before, not at its budget (`lastYears`); else empty.
    public var postsAsLastYear: [Int] = []
    /// The projection of the months ahead: each at its budget.
    public var projection: [Int: Projection]

    /// Budgeted in up to four months of the year: annual, twice-yearly, quarterly.
    public static let maxMonths = 4
    /// Booked to date within half to one and a half times the budget to date: the months left
    /// are at their budget.
    public static let lowRatio = 0.5, highRatio = 1.5
    /// Booked to date within a third to three times the budget to date, outside the band
    /// above: the months left are at their budget scaled. Beyond, the posting is not the
    /// budgeted charge (a catch-up of several, a charge of another kind).
    public static let lowScale = 1.0 / 3, highScale = 3.0
    /// The least spread of a projected month, as a share of its budget: an invoice not yet
    /// received is not known to the cent, even when the last one was on budget.
    public static let leastSpread = 0.1

    /// The line's shape, or nil when its budget does not say when it spends.
    ///
    /// - Parameters:
    ///   - budget: the line's budget by month (all years the budget holds; a month with a row of
    ///     0.00 holds 0).
    ///   - booked: the line's net amounts by month through as-of, from its first posting.
    ///   - fiscalYear: the months of as-of's fiscal year.
    ///   - budgetCoversYear: whether the budget of the line's department is not zero in every month of it.
    ///   - asOf: the last month booked.
    ///   - ahead: the months to project.
    public static func find(budget: [Int: Double], booked: [Int: Double], fiscalYear: [Int], budgetCoversYear: Bool, asOf: Int, ahead: [Int]) -> BudgetShapedLine? {
        guard !fiscalYear.isEmpty, budgetCoversYear || fiscalYear.allSatisfy({ budget[$0] != nil }) else { return nil }
        let budgeted = fiscalYear.filter { abs(budget[$0] ?? 0) >= 0.005 }
        guard !budgeted.isEmpty, budgeted.count <= maxMonths else { return nil }
        let yearToDate = fiscalYear.filter { $0 <= asOf }
        let posted = LedgerMonths.postedMonths(booked.filter { yearToDate.contains($0.key) }).sorted()
        guard let paid = paidMonths(posted: posted, budgeted: budgeted, asOf: asOf) else { return lastYears(booked: booked, budget: budget, fiscalYear: fiscalYear, asOf: asOf, ahead: ahead) }
        let paidEarly = paid.filter { $0 > asOf }.sorted(), unpaid = budgeted.filter { $0 <= asOf && !paid.contains($0) }
        // Nothing booked this year: shaped only when its budgeted months have passed and it
        // posted before (last year's invoice), an invoice not yet received.
        guard !paid.isEmpty || (!unpaid.isEmpty && !booked.isEmpty) else { return nil }
        guard history(booked: booked, budget: budget, fiscalYear: fiscalYear, asOf: asOf) else { return lastYears(booked: booked, budget: budget, fiscalYear: fiscalYear, asOf: asOf, ahead: ahead) }
        let budgetToDate = budgeted.filter { $0 <= asOf || paid.contains($0) }.reduce(0) { $0 + (budget[$1] ?? 0) }
        let bookedToDate = yearToDate.reduce(0) { $0 + (booked[$1] ?? 0) }
        // Booked against the budget of the months it paid: a month not yet invoiced is carried, not
        // read as spent below budget.
        let paidBudget = paid.reduce(0) { $0 + (budget[$1] ?? 0) }
        guard paid.isEmpty || paidBudget != 0 else { return nil }
        let ratio = paid.isEmpty ? 1 : bookedToDate / paidBudget
        guard ratio >= lowScale && ratio <= highScale else { return nil }
        let scale = ratio >= lowRatio && ratio <= highRatio ? 1 : ratio
        let spread = max(abs(ratio - 1), leastSpread)
        let carried = unpaid.reduce(0) { $0 + (budget[$1] ?? 0) }
        // A month after the fiscal year takes its own budget, else the same month a year before:
        // the pattern repeats yearly. The budget of passed months not invoiced is expected in the
        // first month ahead.
        let projection = Dictionary(uniqueKeysWithValues: ahead.map { month -> (Int, Projection) in
            let budgeted = paid.contains(month) ? 0 : budget[month] ?? (fiscalYear.contains(month) ? 0 : budget[month - 12] ?? 0)
            let amount = (budgeted + (month == ahead.first ? carried : 0)) * scale
            return (month, Projection(amount: amount, spread: spread * abs(amount)))
        })
        return BudgetShapedLine(budgetedMonths: budgeted, budgetToDate: budgetToDate, bookedToDate: bookedToDate, paidEarly: paidEarly, notYetInvoiced: unpaid,
                                scale: scale, postsAsLastYear: [], projection: projection)
    }

    /// The departments whose budget is not zero in any month of `fiscalYear`: a department's
    /// lines are all in one shard, so the answer does not depend on the shards.
    public static func departmentsCovering(_ fiscalYear: [Int], budget: [LedgerLine: [Int: Double]]) -> Set<String> {
        var budgetedMonths: [String: Set<Int>] = [:]
        for (line, byMonth) in budget { budgetedMonths[line.department, default: []].formUnion(byMonth.filter { abs($0.value) >= 0.005 }.keys) }
        return Set(budgetedMonths.filter { months in !fiscalYear.isEmpty && fiscalYear.allSatisfy(months.value.contains) }.keys)
    }

    /// The shape of `line` of `ledger` as of `asOf` (its postings from its first, `partial`
    /// months left out), as `LineForecasts` reads it; `covering` from `departmentsCovering`.
    public static func find(_ line: LedgerLine, of ledger: BudgetLedger, fiscalYear: [Int], covering: Set<String>, asOf: Int, ahead: [Int], partial: Set<Int> = []) -> BudgetShapedLine? {
        var booked = (ledger.actual[line] ?? [:]).filter { $0.key <= asOf && !partial.contains($0.key) }
        if let first = LedgerMonths.postedMonths(booked).min() { booked = booked.filter { $0.key >= first } }
        return find(budget: ledger.budget[line] ?? [:], booked: booked, fiscalYear: fiscalYear, budgetCoversYear: covering.contains(line.department), asOf: asOf, ahead: ahead)
    }

    /// The budgeted months the `posted` months (ascending) pay, each its own month, else the
    /// month before, else the one after; nil when a posting pays none (a second posting for
    /// one budgeted month, a posting two months from any).
    static func paidMonths(posted: [Int], budgeted: [Int], asOf: Int) -> Set<Int>? {
        var paid = Set<Int>()
        for month in posted {
            guard let pays = [month, month - 1, month + 1].first(where: { budgeted.contains($0) && !paid.contains($0) }) else { return nil }
            paid.insert(pays)
        }
        return paid
    }

    /// A line budgeted in a few months that posts in few months of its own, repeating last
    /// year's (a contract budgeted $120,000 in July and paid in two $60,000 instalments, July
    /// and January): its months ahead are what the same month booked a year before, when the
    /// twelve months through as-of posted in `maxMonths` months or fewer, every posting this
    /// fiscal year has one a year before, and those twelve months booked half to one and a
    /// half times the year's budget. Read as shaped by its budget it was $0 for the rest of the
    /// year, January's $60,000 reported as a saving; forecast from its postings, $10,999.57 in
    /// every month, $38,996 over.
    static func lastYears(booked: [Int: Double], budget: [Int: Double], fiscalYear: [Int], asOf: Int, ahead: [Int]) -> BudgetShapedLine? {
        guard let first = booked.keys.min(), first <= asOf - 11 else { return nil }
        let window = booked.filter { $0.key > asOf - 12 && $0.key <= asOf }
        let posted = LedgerMonths.postedMonths(window)
        let yearToDate = fiscalYear.filter { $0 <= asOf }
        let postedThisYear = posted.filter { yearToDate.contains($0) }
        guard !posted.isEmpty, posted.count <= maxMonths, !postedThisYear.isEmpty,
              postedThisYear.allSatisfy({ abs(booked[$0 - 12] ?? 0) >= 0.005 }) else { return nil }
        let yearBudget = fiscalYear.reduce(0) { $0 + (budget[$1] ?? 0) }, yearBooked = window.values.reduce(0, +)
        guard yearBudget != 0, (lowRatio...highRatio).contains(yearBooked / yearBudget) else { return nil }
        let projection = Dictionary(uniqueKeysWithValues: ahead.map { month -> (Int, Projection) in
            let before = month - 12 * ((month - asOf - 1) / 12 + 1)
            let amount = posted.contains(before) ? booked[before] ?? 0 : 0
            return (month, Projection(amount: amount, spread: leastSpread * abs(amount)))
        })
        let budgeted = fiscalYear.filter { abs(budget[$0] ?? 0) >= 0.005 }
        return BudgetShapedLine(budgetedMonths: budgeted, budgetToDate: yearToDate.reduce(0) { $0 + (budget[$1] ?? 0) }, bookedToDate: yearToDate.reduce(0) { $0 + (booked[$1] ?? 0) },
                                paidEarly: [], notYetInvoiced: [], scale: 1, postsAsLastYear: posted.sorted(), projection: projection)
    }

    /// Whether each month the line posted in, over the twelve months through as-of (from its
    /// first posting), pays one month of its budget's shape (`paidMonths`; a month before the
    /// fiscal year read as the same month of it).
    static func history(booked: [Int: Double], budget: [Int: Double], fiscalYear: [Int], asOf: Int) -> Bool {
        guard let first = booked.keys.min() else { return true }
        let start = max(first, asOf - 11)
        let posted = LedgerMonths.postedMonths(booked.filter { $0.key >= start }).sorted()
        let shaped = (start - 1...asOf + 1).filter { abs(budget[$0] ?? (fiscalYear.contains($0) ? 0 : budget[$0 + 12] ?? 0)) >= 0.005 }
        return paidMonths(posted: posted, budgeted: shaped, asOf: asOf) != nil
    }

    /// What was done, naming up to four lines; nil for none. `fiscalYear` names the year, as
    /// `FY2026`; `remainingMonths` are the fiscal year's months after as-of.
    public static func note(_ found: [(line: String, shape: BudgetShapedLine)], fiscalYear: String, remainingMonths: [Int]) -> String? {
        let repeating = found.filter { !$0.shape.postsAsLastYear.isEmpty }, found = found.filter { $0.shape.postsAsLastYear.isEmpty }
        let label = Frequency.month.label
        let repeated = repeating.isEmpty ? nil : "\(repeating.count == 1 ? "1 line is" : "\(repeating.count) lines are") budgeted in a few months of \(fiscalYear) but \(repeating.count == 1 ? "posts" : "post") in months of \(repeating.count == 1 ? "its" : "their") own, as a year before (\(repeating.prefix(4).map { "\($0.line), posted in \($0.shape.postsAsLastYear.map(label).listed(upTo: 4))" }.listed(of: repeating.count))): the months left are projected at what the same month booked a year before (instalments, a schedule of its own), not at the budget's months"
        guard !found.isEmpty else { return repeated }
        let money = { (x: Double) in NumberFormat.money(abs(x)) }
        let shown = found.prefix(4).map { line, shape in
            let months = shape.budgetedMonths.map(label).listed(upTo: 4)
            let left = remainingMonths.reduce(0) { $0 + (shape.projection[$1]?.amount ?? 0) }
            let early = shape.paidEarly.isEmpty ? "" : ", \(shape.paidEarly.map(label).listed(upTo: 4))'s charge booked early and projected $0"
            let scaled = shape.scale == 1 ? "" : ", booked at \(NumberFormat.fixed(shape.scale, decimals: 2))x its budget: the months left at their budget times \(NumberFormat.fixed(shape.scale, decimals: 2))"
            let late = shape.notYetInvoiced.isEmpty || remainingMonths.isEmpty ? ""
                : ", \(shape.notYetInvoiced.map(label).listed(upTo: 4))'s charge not yet invoiced and projected in \(label(remainingMonths[0]))"
            return "\(line), budgeted in \(months): \(money(shape.budgetToDate)) to date, \(money(shape.bookedToDate)) booked\(early)\(late)\(scaled), \(money(left)) projected for the months left"
        }
        let one = found.count == 1
        let span = remainingMonths.isEmpty ? "" : " (\(label(remainingMonths[0]))\(remainingMonths.count > 1 ? " to \(label(remainingMonths[remainingMonths.count - 1]))" : ""))"
        let most = found.map(\.shape.budgetedMonths.count).max() ?? 1
        let budgetedIn = most == 1 ? "one month" : "\(most) months or fewer"
        let shaped = "\(one ? "1 line is" : "\(found.count) lines are") budgeted in \(budgetedIn) of \(fiscalYear) only and booked in or next to \(most == 1 ? "it" : "them") (\(shown.listed(of: found.count))): the months left\(span) are projected at \(one ? "its" : "their") budget for them ($0 where budgeted $0, or paid early; with the budget of passed months not yet invoiced in the first; times what was booked against the budget to date where that is under half or over one and a half times it), not from \(one ? "its" : "their") postings as if monthly; if \(one ? "it posts" : "they post") outside \(one ? "its" : "their") budgeted months, budget those months"
        return repeated.map { shaped + "; " + $0 } ?? shaped
    }
}
