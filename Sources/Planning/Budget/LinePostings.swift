import Forecasting
import Tabular

/// How the budgeted lines posted through the report's month beside their budget: months the
/// budget or a line's postings skip, lines with no posting yet this year or budgeted only
/// ahead, a year's budget put in one month, and lines that stopped as new ones began. Each
/// reads as a variance that is none, so each is named in a note; a line surely renamed is
/// projected at $0 (`renamed`), its spending going on under the new name.
///
/// The notes on single lines are a shard's too (a department's lines are all in its shard);
/// only renames, which may cross departments, wait for the whole ledger.
public struct LinePostings: Sendable {
    /// What the reader should know, in the order the checks run.
    public private(set) var notes: [String] = []
    /// Budgeted lines that stopped as a line with no budget began (`LedgerMonths.continuations`),
    /// surely one line renamed (`LedgerMonths.isSurelyRenamed`): projected at $0.
    public private(set) var renamed: Set<LedgerLine> = []

    /// The postings of `ledger` (its account types the budget's alone) through `asOf`, in
    /// `calendar`'s fiscal year of it; `budgetMonths` are the months the budget has a row for.
    public init(_ ledger: BudgetLedger, calendar: FiscalCalendar, through asOf: Int, budgetMonths: Set<Int>, sharded: Bool) {
        let months = Frequency.month
        let fy = calendar.fiscalYear(ofMonth: asOf)
        // A month missing inside a line's budgeted months that the line posted in (its rows run
        // July to June but for September) is a month the export dropped, read as budgeted at $0:
        // its whole spend came out unbudgeted, as rate variance, without a word. Months without a
        // posting are left alone: a line budgeted quarterly has no rows between its quarters.
        let fyBudgeted = budgetMonths.intersection(calendar.months(ofFiscalYear: fy))
        var budgetGaps: [String] = []
        for (line, byMonth) in ledger.budget.sorted(by: { $0.key < $1.key }) {
            let own = Set(byMonth.keys).intersection(fyBudgeted)
            guard own.count >= 2, let first = own.min(), let last = own.max() else { continue }
            let posted = ledger.actual[line] ?? [:]
            let gaps = fyBudgeted.filter { $0 > first && $0 < last && !own.contains($0) && abs(posted[$0] ?? 0) >= 0.005 }.sorted()
            if !gaps.isEmpty { budgetGaps.append(line.label + " " + gaps.map { months.label($0) }.listed(upTo: 3)) }
        }
        if !budgetGaps.isEmpty {
            notes.append("the budget has no row for \(budgetGaps.count == 1 ? "a month" : "months") inside a line's budgeted months that the line posted in (\(budgetGaps.listed(upTo: 5))): read as budgeted at $0, the spend there counts as unbudgeted; if the export left them out, add them (a month budgeted at $0 is a row of 0)")
        }
        let label = LedgerLine.label(ofKey:)
        let booked = Dictionary(uniqueKeysWithValues: ledger.actual.map { ($0.key.key, LedgerMonths.postedMonths($0.value.filter { $0.key <= asOf })) })
        let budgeted = Dictionary(uniqueKeysWithValues: ledger.budget.map { ($0.key.key, $0.value) })
        let moved = sharded ? [] : LedgerMonths.continuations(booked: booked, budgeted: budgeted, through: asOf)
        let lineOfPosting = Dictionary(uniqueKeysWithValues: ledger.actual.keys.map { ($0.key, $0) })
        // Only a sure match stops the old line's projection (and its gap note).
        let sure = moved.map { pair in
            LedgerMonths.isSurelyRenamed(stopped: lineOfPosting[pair.stopped].flatMap { ledger.actual[$0] } ?? [:],
                                         started: pair.started.map { lineOfPosting[$0].flatMap { ledger.actual[$0] } ?? [:] }, month: pair.month, through: asOf)
        }
        // A line budgeted in a few months whose charge is not yet invoiced (`BudgetShapedLine
        // .notYetInvoiced`) is projected at its budget with a note of its own: called "no posting
        // ... projected at $0" and "budget it if it recurs", a budgeted $80,000 fee read as saved.
        let fiscalMonths = calendar.months(ofFiscalYear: fy)
        let covering = BudgetShapedLine.departmentsCovering(fiscalMonths, budget: ledger.budget)
        let awaited: [String: Set<Int>] = ledger.budget.keys.reduce(into: [:]) { awaited, line in
            guard let shape = BudgetShapedLine.find(line, of: ledger, fiscalYear: fiscalMonths, covering: covering, asOf: asOf, ahead: []),
                  !shape.notYetInvoiced.isEmpty else { return }
            awaited[line.key] = Set(shape.notYetInvoiced)
        }
        let stopped = Set(zip(moved, sure).filter(\.1).map(\.0.stopped))
        renamed = Set(stopped.compactMap { lineOfPosting[$0] })
        // (A line continued under another name has its own note, and a month of a one-off credit
        // too, `OneOffPosting.credit`: a $310,000 rebate netting the drugs month to -$56,945.95
        // was called "no posting ... check for a journal not yet posted", the wrong place to look.)
        let gaps = LedgerMonths.lineGaps(booked: booked, budgeted: budgeted, through: asOf).compactMap { gap -> (line: String, months: [Int])? in
            guard !stopped.contains(gap.line) else { return nil }
            let credit = lineOfPosting[gap.line].flatMap { line in ledger.actual[line].flatMap { OneOffPosting.creditMonth($0, asOf: asOf, budget: ledger.budget[line] ?? [:]) } }
            let months = gap.months.filter { $0 != credit && !(awaited[gap.line]?.contains($0) ?? false) }
            return months.isEmpty ? nil : (gap.line, months)
        }
        if !gaps.isEmpty {
            let shown = gaps.prefix(6).map { gap in
                label(gap.line) + " " + gap.months.prefix(3).map { months.label($0) }.listed(of: gap.months.count)
            }.listed(of: gaps.count)
            notes.append("\(gaps.count) budgeted line\(gaps.count == 1 ? " has" : "s have") no posting (no ledger row, a 0.00, or only amounts against the line's usual sign, such as reversals) in a month other lines posted in, after posting earlier months (\(shown)): read as booked, which lowers \(gaps.count == 1 ? "the line's" : "their") year to date and projection; check for a journal not yet posted, posted to another line, or left out of the export")
        }
        // Budgeted lines without a posting this year (`LedgerMonths.unposted`). Revenue not
        // yet booked is unfavorable by its whole budget, a cost favorable; amounts as
        // budgeted, whatever sign the export gives a credit.
        var unposted = LedgerMonths.unposted(booked: booked, budgeted: budgeted, yearToDate: fiscalMonths.filter { $0 <= asOf },
                                             ahead: fiscalMonths.filter { $0 > asOf })
        unposted.toDate.removeAll { awaited[$0.line] != nil }
        let lineOfBudget = Dictionary(uniqueKeysWithValues: ledger.budget.keys.map { ($0.key, $0) })
        for revenue in [false, true] {
            let lines = unposted.toDate.filter { (lineOfBudget[$0.line].flatMap { ledger.accountTypes[$0] } == .revenue) == revenue }
            guard !lines.isEmpty else { continue }
            let one = lines.count == 1
            let shown = lines.prefix(5).map { "\(label($0.line)) (\(NumberFormat.money(abs($0.budget))) budgeted)" }.listed(of: lines.count)
            notes.append("\(one ? "1 budgeted \(revenue ? "revenue " : "")line has" : "\(lines.count) budgeted \(revenue ? "revenue " : "")lines have") no posting from \(months.label(fiscalMonths[0])) to \(months.label(asOf)), \(shown): projected at $0 and \(revenue ? "unfavorable" : "favorable") by \(one ? "its" : "their") whole budget; check the export covers \(one ? "it" : "them") (\(revenue ? "revenue booked later in the year reads as a shortfall" : "a cost invoiced later in the year reads as a saving") until then)")
        }
        let lumps = LedgerMonths.budgetedInOneMonth(booked: booked, budgeted: budgeted, fiscalYear: fiscalMonths, through: asOf)
        if !lumps.isEmpty {
            let one = lumps.count == 1
            let shown = lumps.prefix(4).map { "\(label($0.line)), \(NumberFormat.money($0.budget)) in \(months.label($0.month)), posted in \($0.postedMonths) months" }.listed(of: lumps.count)
            notes.append("\(one ? "1 line is" : "\(lumps.count) lines are") budgeted in one month of FY\(fy) only but \(one ? "posts" : "post") month by month (\(shown)): the year to date reads under budget by the months still to come, and each month after the budget's reads unfavorable as unbudgeted; if the amount is the year's, spread it over the months in the budget")
        }
        let ahead = unposted.ahead
        if !ahead.isEmpty {
            let total = ahead.reduce(0) { $0 + abs($1.budget) }
            let shown = ahead.prefix(5).map { "\(label($0.line)) from \(months.label($0.first)), \(NumberFormat.money(abs($0.budget)))" }.listed(of: ahead.count)
            notes.append("\(ahead.count == 1 ? "1 line is" : "\(ahead.count) lines are") budgeted only in months after \(months.label(asOf)) and \(ahead.count == 1 ? "has" : "have") no posting yet (\(shown)): with no history to forecast from, \(ahead.count == 1 ? "it is" : "they are") projected at \(ahead.count == 1 ? "its" : "their") budget, \(NumberFormat.money(total)) in all, as a rolling forecast carries a plan not yet begun; if \(ahead.count == 1 ? "its opening" : "their opening") moves, change the budget")
        }
        for (pair, isSure) in zip(moved, sure) {
            let started = pair.started.map(label)
            let one = started.count == 1
            notes.append("\(label(pair.stopped)) posted nothing after \(months.label(pair.month - 1)) and \(started.listed(upTo: 3)), which \(one ? "has" : "have") no budget, began in \(months.label(pair.month)): "
                         + (isSure ? "read as the line renamed (the new of the old one's size, for two months or more), the old projected at $0 and the new from its own months; spell it one way in the budget and the ledger to set the new against the budget"
                            : "if the line was renamed, the old one is still projected from its history beside the new and the projection is overstated; spell it one way in the budget and the ledger"))
        }
    }
}
