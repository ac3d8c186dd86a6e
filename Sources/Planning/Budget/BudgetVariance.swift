import Forecasting
import Tabular

/// A budget set against a general ledger through a month (as-of), department by department
/// and account by account: the ledger read as a finance analyst would read it, then each
/// line's months, fiscal quarters and year to date, flexed by volume, with the rest of the
/// fiscal year projected from the line's own history (`projected(...)`).
///
/// Reading comes first because most silent misstatements are in the exports, not in the
/// arithmetic: a report's subtotal lines counted twice, a month exported twice or not at
/// all, a ledger stopping part-way through its last month, a line renamed mid-year, revenue
/// booked as credits. Each is corrected where the reading is sure and named in `notes`
/// either way, since each would otherwise read as a variance. A budget, ledger or volumes
/// file that cannot be read against the others is a `BudgetVarianceError`.
public struct BudgetVariance: Sendable {
    public let calendar: FiscalCalendar
    /// The last month reported; the fiscal year is the one it falls in.
    public let asOf: Int
    public var fiscalYear: Int { calendar.fiscalYear(ofMonth: asOf) }
    /// The budget and the ledger by line and month.
    public private(set) var ledger: BudgetLedger
    /// What the reader should know about how the exports were read, in the order found.
    public private(set) var notes: [String] = []
    /// The budget's rows, and the ledger's without its subtotal lines.
    let budget: LedgerRows, actuals: LedgerRows
    /// The ledger's first month, and the budget's months.
    let ledgerStart: Int, budgetMonths: Set<Int>
    /// Lines read as renamed (`LinePostings`): projected at $0.
    let renamed: Set<LedgerLine>
    /// A shard holds only some departments: what only the whole ledger can tell is not said.
    let sharded: Bool
    /// The ledger's first month when the ledger, dated by the day, begins part-way through it
    /// (`LedgerDays.partialFirstMonth`): its rows are flagged `partial`, and it is left out of
    /// every line's forecast.
    public let partialFirstMonth: LedgerDays.Part?
    /// The as-of month when `--as-of` names a month the ledger stops part-way through
    /// (`LedgerDays.partialLastMonth`): reported as asked, with its rows flagged `partial` and
    /// a note; by default the report runs through the month before.
    public let partialLastMonth: LedgerDays.Part?

    /// Reads `budget` against `actuals` (and `volumes`) through `asOf`, or through the last
    /// month the ledger closed when nil (`LedgerMonths.lastClosed`).
    public init(budget: LedgerRows, actuals given: LedgerRows, volumes: VolumeRows? = nil, calendar: FiscalCalendar = FiscalCalendar(),
                asOf chosen: Int? = nil, sharded: Bool = false) throws {
        let months = Frequency.month
        // A report's subtotal lines are left out of the ledger, and named.
        let subtotals = SubtotalLines.leftOut(of: given, budget: budget)
        let actuals = subtotals.map { given.filtered($0.keep) } ?? given
        guard let lastActual = actuals.month.max(), let firstActual = actuals.month.min() else {
            throw BudgetVarianceError(sharded
                ? "this shard holds none of the actuals' lines (--shard splits the ledger by department, and a small ledger can leave a shard empty); run fewer shards"
                : "the actuals are empty")
        }
        var notes: [String] = subtotals.map { [$0.note] } ?? []
        let ledgerDays = actuals.ledgerDays
        let asOf = try Self.reportMonth(chosen, of: actuals, days: ledgerDays, first: firstActual, last: lastActual, notes: &notes)
        let partialFirst = ledgerDays?.partialFirstMonth.flatMap { $0.month <= asOf ? $0 : nil }
        if let part = partialFirst, let days = ledgerDays { notes.append(Self.partialFirstMonthNote(part, days: days, ledger: "the actuals" + actuals.file, asOf: asOf)) }
        // Asked for by --as-of, a part last month is reported, but not as if booked whole: its
        // January of 17 of 21 posting days read every daily line ~20% favorable.
        let partialLast = chosen == nil ? nil : ledgerDays?.partialLastMonth.flatMap { $0.month == asOf && $0.month != partialFirst?.month ? $0 : nil }
        if let part = partialLast, let days = ledgerDays {
            let label = months.label(part.month)
            notes.append("the actuals\(actuals.file) stop on \(part.through), part-way through \(label) (the ledger posts on \(days.postingDaysDescription), \(part.missingPostingDays) of them in \(label) after its last row): reported through it as --as-of asks, its rows, and its quarter's, year to date's and department totals' flagged partial, the month left out of every line's forecast, and the year to date and projected year count its \(part.daysCovered) days only; without --as-of the report runs through \(months.label(part.month - 1))")
        }
        let fy = calendar.fiscalYear(ofMonth: asOf)
        // A year the budget does not cover reads every dollar booked as over budget (an as-of
        // a year early: "$0 budget, $6,690,000 over", 72 months unfavorable, exit 0).
        let budgetMonths = Set(budget.month)
        if !sharded, !budgetMonths.isEmpty, budgetMonths.isDisjoint(with: calendar.months(ofFiscalYear: fy)), let first = budget.month.min(), let last = budget.month.max() {
            throw BudgetVarianceError("the budget\(budget.file) has no month of FY\(fy), the fiscal year of as-of \(months.label(asOf)); it runs from \(months.label(first)) to \(months.label(last)): report as of a month it covers, or give FY\(fy)'s budget")
        }
        try QuarterlyBudget.check(budget: budget, actuals: actuals, through: asOf)
        let ledgerName = "the actuals" + actuals.file
        // A month with no ledger row at all between booked ones is a month missing from the
        // export, not a month of no spending: read as zeros, it turned $433,000 over budget
        // into $169,500 under, with the month itself favorable at -100%.
        let bookedMonths = Set(actuals.month)
        // (A shard holds some lines only, which may skip a month between them.)
        let missingMonths = sharded ? [] : (firstActual...asOf).filter { !bookedMonths.contains($0) }
        if let first = missingMonths.first {
            let listed = missingMonths.prefix(6).map { months.label($0) }.listed(of: missingMonths.count)
            notes.append("\(ledgerName) \(missingMonths.count == 1 ? "have no row for \(months.label(first)), a month" : "have no rows for \(missingMonths.count) months (\(listed))") between months booked: read as nothing spent or earned, which lowers the year to date and the projection; export \(missingMonths.count == 1 ? "that month" : "those months") if missing")
        }
        let doubled = LedgerMonths.repeated(department: actuals.department, account: actuals.account, month: actuals.month, amount: actuals.amount, day: actuals.day)
        if let first = doubled.first {
            func times(_ k: Int) -> String { k == 2 ? "twice" : "\(k) times" }
            let which = doubled.count == 1 ? "\(months.label(first.month)) (\(first.rows) rows) \(times(first.copies))"
                : "\(doubled.count) months " + times(doubled.map(\.copies).min()!) + " or more (" + doubled.prefix(4).map { "\(months.label($0.month)), \($0.rows) rows, \(times($0.copies))" }.listed(of: doubled.count) + ")"
            notes.append("\(ledgerName) hold every row of \(which), the same department, account\(actuals.day == nil ? "" : ", day") and amount: summed, which multiplies \(doubled.count == 1 ? "the month" : "them") as many times; if \(doubled.count == 1 ? "the month was" : "they were") exported more than once, keep one copy")
        }
        var ledger = try BudgetLedger(budget: budget, actuals: actuals)
        let postings = LinePostings(ledger, calendar: calendar, through: asOf, budgetMonths: budgetMonths, sharded: sharded)
        notes += postings.notes
        if let volumes { notes += try ledger.flex(by: volumes, sharded: sharded) }
        if let note = ledger.unflexedNote(through: asOf) { notes.append(note) }
        if let note = ledger.settleAccountTypes() { notes.append(note) }
        if let note = ledger.turnCreditRevenue(ledger: actuals.file) { notes.append(note) }
        if let note = ledger.settleBehaviors(budgeted: budget.wholeBehaviors) { notes.append(note) }
        if let note = ledger.readZeroVolumes(through: asOf) { notes.append(note) }
        ledger.readClosed(ClosedDepartment.all(in: ledger, asOf: asOf, ledgerStart: firstActual), asOf: asOf)
        if let note = ledger.withoutVolumeNote(months: calendar.months(ofFiscalYear: fy).filter { $0 <= asOf }) { notes.append(note) }
        (self.calendar, self.asOf, self.ledger, self.notes) = (calendar, asOf, ledger, notes)
        (self.budget, self.actuals, self.ledgerStart, self.budgetMonths, self.renamed, self.sharded) = (budget, actuals, firstActual, budgetMonths, postings.renamed, sharded)
        partialFirstMonth = partialFirst
        partialLastMonth = partialLast
    }

    /// "the actuals (gl.csv) begin on 2026-10-14: 2026-10 covers 14-31 October, 18 of 31 days
    /// ...: re-export from 1 October".
    static func partialFirstMonthNote(_ part: LedgerDays.Part, days: LedgerDays, ledger: String, asOf: Int) -> String {
        let label = Frequency.month.label(part.month), name = DateParser.monthName(part.from.components.month)
        let span = "\(part.from.components.day)-\(part.through.components.day) \(name), \(part.daysCovered) of \(part.daysInMonth) days"
        let posting = "the ledger posts on \(days.postingDaysDescription), \(part.missingPostingDays) of them in \(label) before its first row"
        let fit = asOf > part.month ? ", left out of every line's forecast" : " (the only month booked, so the forecast is from it)"
        return "\(ledger) begin on \(part.from), part-way through \(label): \(label) covers \(span) (\(posting)); its rows, and its quarter's, year to date's and "
            + "department totals', are flagged partial\(fit), and the year to date and projected year count those \(part.daysCovered) days only: re-export from 1 \(name)"
    }

    /// The month to report through: `chosen` when the ledger covers it; else the last month
    /// the ledger closed (`LedgerMonths.lastClosed`), or the month before when the ledger,
    /// dated by the day, stops part-way through that one. Months after the ledger would read
    /// as no spending at all (every line under budget by its whole budget), months before it
    /// as nothing booked yet: both are errors.
    static func reportMonth(_ chosen: Int?, of actuals: LedgerRows, days: LedgerDays?, first firstActual: Int, last lastActual: Int, notes: inout [String]) throws -> Int {
        let months = Frequency.month
        let ledger = "the actuals" + actuals.file
        if let chosen {
            guard chosen <= lastActual else {
                throw BudgetVarianceError("as-of \(months.label(chosen)) is after the last month of \(ledger), \(months.label(lastActual)): the months between would read as no spending; report through \(months.label(lastActual)), or export the ledger through \(months.label(chosen))")
            }
            guard chosen >= firstActual else {
                throw BudgetVarianceError("as-of \(months.label(chosen)) is before the first month of \(ledger), \(months.label(firstActual)); report through a month the actuals cover")
            }
            return chosen
        }
        let closed = LedgerMonths.lastClosed(department: actuals.department, account: actuals.account, month: actuals.month, amount: actuals.amount)
        // Judged by the ledger's own posting days (`LedgerDays`); by a week short alone when
        // its rows' days are not known.
        if let part = days?.partialLastMonth, part.month == closed.month, part.month > firstActual, let days {
            let asOf = closed.month - 1
            notes.append("\(ledger.prefix(1).uppercased() + ledger.dropFirst()) stop on \(part.through), part-way through \(months.label(part.month)): reported through \(months.label(asOf)), the part month not read as booked (the ledger posts on \(days.postingDaysDescription), \(part.missingPostingDays) of them in \(months.label(part.month)) after its last row; --as-of \(months.label(part.month)), as_of: in a pipeline, reports it as it is)")
            return asOf
        }
        if days == nil, let days = actuals.lastDay, let part = LedgerMonths.partialLastMonth(lastDay: days.day, daysOfMonth: days.daysOfMonth), part == closed.month {
            let asOf = closed.month - 1
            notes.append("\(ledger.prefix(1).uppercased() + ledger.dropFirst()) stop on \(days.day), part-way through \(months.label(part)): reported through \(months.label(asOf)), the part month not read as booked (--as-of \(months.label(part)), as_of: in a pipeline, reports it as it is)")
            return asOf
        }
        if let note = closed.note { notes.append(note) }
        return closed.month
    }

    /// Budgeted departments without a single actual in the fiscal year to as-of: a cost center
    /// the ledger export left out reads as its whole budget saved. None in a shard, which may
    /// hold a department's budget-only lines while its booked lines are in another.
    public var departmentsWithoutActuals: [String] {
        guard !sharded else { return [] }
        let months = Set(calendar.months(ofFiscalYear: fiscalYear).filter { $0 <= asOf })
        var budgeted = Set<String>()
        for r in 0..<budget.count where budget.amount[r] != 0 && months.contains(budget.month[r]) { budgeted.insert(budget.department[r]) }
        return budgeted.subtracting(actuals.department).sorted()
    }
}
