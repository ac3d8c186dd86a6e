import Forecasting
import History
import Planning
import Reports
import Tabular

/// Budget vs actual vs projected, per department x account: months, fiscal quarters and year
/// to date, flexed by volume, with the rest of the fiscal year forecast from each line's own
/// history. Shared by `quartermaster variance` and the `variance` stage.
public struct VarianceJob: Sendable {
    public var calendar = FiscalCalendar()
    /// Last month with actuals to report (month period); nil = the last month in the actuals.
    public var asOf: Int?
    /// Flag lines whose |variance| is at least this share of budget and this amount.
    public var flagPercent = 5.0
    public var flagAmount = 5_000.0
    public var threads = 2
    public var quiet = true
    /// The stage name under which each line's projected months and booked months are kept for
    /// a run history (`--history`), or nil to keep none.
    public var historyStage: String?

    public init() {}

    /// Forecast this many fiscal quarters ahead (see `FiscalCalendar.forecastMonths`); nil =
    /// to the end of the fiscal year.
    public var horizonQuarters: Int?
    /// What-ifs for budget_scenarios.csv; nil = no scenarios.
    public var scenarios: ScenarioSet?
    /// A shard holds only some departments: a scenario naming a line of
    /// another shard is not a mistake there, so names are not checked against the ledger.
    public var sharded = false
    /// Item category -> GL account (`supply_accounts:`): with usage and an item master, the
    /// remaining months of those accounts are also projected bottom-up from the items.
    public var supplyAccounts: [String: String]?

    public struct Result: Sendable {
        public var rows: [Row]
        public var asOf: Int
        public var fiscalYear: Int
        public var annualBudget: Double
        public var projectedLow: Double
        public var projectedHigh: Double
        /// budget_scenarios.csv's rows when scenarios were given.
        public var scenarios: [ScenarioProjection.Row]?
        /// The fiscal year's months the budget covers and how many the year has, when it
        /// covers some of them only: the year's projection then has no budget to set it against.
        public var partialBudget: (covered: Int, months: Int)?
        /// Bottom-up supply spend beside the ledger trend over `supplyMonths`, with
        /// `supply_accounts:`.
        public var supply: [SupplySpend.Line]?
        public var supplyMonths: [Int] = []
        /// Items left out of the bottom-up figure: no unit cost, or a category the map lacks.
        public var supplyUnpriced = 0, supplyUncategorized = 0
        /// Budgeted departments without a single actual: a cost center the ledger export left
        /// out reads as its whole budget saved, so the summary names them.
        public var departmentsWithoutActuals: [String] = []
        /// Each line's projected months and its booked months, for the run history (with
        /// `historyStage`).
        public var history: StageRecord?
        /// What the reader should know about how the run read the ledger (a month left out).
        public var notes: [String] = []
    }

    /// A sentence naming the budgeted departments without actuals, or nil.
    public static func departmentsWithoutActualsNote(_ result: Result) -> String? {
        let names = result.departmentsWithoutActuals
        guard !names.isEmpty else { return nil }
        let shown = names.listed(upTo: 10)
        return "No actuals at all for \(names.count == 1 ? "department" : "\(names.count) departments") \(shown): \(names.count == 1 ? "its" : "their") variances are \(names.count == 1 ? "its" : "their") whole budget; check that the ledger export covers \(names.count == 1 ? "it" : "them")."
    }

    public typealias Row = VarianceRow

    /// The fiscal calendar: `given` (the first month a flag or the pipeline's calendar names),
    /// checked against the budget's `fiscal_year` labels, or when none is given the one those
    /// labels fit (July when they fit it, or there are none), with a note when it is not July.
    /// A January budget labelled FY2025 was reported as a July-start "FY2026" it never names,
    /// $7,200 over where it was $1,200 over.
    public static func fiscalCalendar(given: Int?, budget: Table) throws -> (FiscalCalendar, String?) {
        let setting = "the fiscal start (--fiscal-start, or fiscal_year_start: in a pipeline's calendar)"
        let preferred = FiscalCalendar(firstMonth: given ?? 7)
        guard let labels = budget.texts("fiscal_year"), let periods = budget.texts("period") else { return (preferred, nil) }
        var labelled: [(month: Int, fiscalYear: Int)] = [], seen = Set<Int>(), unread: [String] = []
        let parser = DateParser()
        for (label, period) in zip(labels, periods) where !label.trimmed().isEmpty {
            guard let year = FiscalCalendar.parseLabel(label) else {
                if unread.count < 3 && !unread.contains(label) { unread.append(label) }
                continue
            }
            guard let day = parser.parse(period) else { continue }
            let month = Frequency.month.period(of: day)
            if seen.insert(month * 10_000 + year).inserted { labelled.append((month, year)) }
        }
        let file = budget.fromFile
        var notes: [String] = []
        /// The calendar with what the reader should know of it, in one note or none.
        func chosen(_ calendar: FiscalCalendar) -> (FiscalCalendar, String?) { (calendar, notes.isEmpty ? nil : notes.joined(separator: "; ")) }
        if !unread.isEmpty { notes.append("the budget's fiscal_year\(file) holds \(unread.map { "'\($0.clipped(20))'" }.joined(separator: ", ")), not a year like FY2026: those labels are not read") }
        guard !labelled.isEmpty else { return chosen(preferred) }
        let fitting = FiscalCalendar.calendars(fitting: labelled)
        func example(_ calendar: FiscalCalendar) -> String {
            let year = labelled[0].fiscalYear, months = calendar.months(ofFiscalYear: year)
            return "FY\(year) = \(Frequency.month.label(months[0])) to \(Frequency.month.label(months[11]))"
        }
        if let given {
            guard fitting.contains(preferred) else {
                let misfit = labelled.first { preferred.fiscalYear(ofMonth: $0.month) != $0.fiscalYear }!
                let fit = fitting.first.map { "; the labels fit \($0) (\(example($0)))" } ?? ""
                throw PipelineError(location: nil, "variance: the budget\(file) labels \(Frequency.month.label(misfit.month)) FY\(misfit.fiscalYear), but fiscal years from month \(given) put it in FY\(preferred.fiscalYear(ofMonth: misfit.month))\(fit); correct \(setting) or the labels")
            }
            return chosen(preferred)
        }
        if fitting.contains(preferred) { return chosen(preferred) }
        guard let fit = fitting.first else {
            notes.append("the budget's fiscal_year labels\(file) fit no fiscal calendar (one label on months of two years, or two labels on one month): read with fiscal years from July; \(setting) sets the first month")
            return chosen(preferred)
        }
        notes.append("\(fit), as the budget's fiscal_year labels say (\(example(fit)))")
        return chosen(fit)
    }

    /// The tables with each department and account as first spelled (the budget's first),
    /// case, runs of spaces and a leading number's zeros aside (`NameSpellings`), and a note naming the names read so, or nil. A ledger's
    /// "MEDICAL SUPPLIES" against the budget's "Medical Supplies" made two lines, the budget's
    /// all saved (-100%) and the ledger's all unbudgeted, without a word; the proposal keyed
    /// its lines the same way.
    public static func matchingNames(budget: inout Table, actuals: inout Table, volumes: inout Table?) -> String? {
        var spellings = ["department": NameSpellings(foldsLeadingZeros: true), "account": NameSpellings(foldsLeadingZeros: true)]
        var respelled: [String: String] = [:]
        func fold(_ table: inout Table, _ roles: [String]) {
            for role in roles {
                guard let given = table.texts(role) else { continue }
                let kept = given.map { spellings[role]!.insert($0) }
                for (g, k) in zip(given, kept) where g != k && respelled[g] == nil { respelled[g] = k }
                table.replace(role, with: .text(kept))
            }
        }
        fold(&budget, ["department", "account"])
        fold(&actuals, ["department", "account"])
        if var table = volumes {
            fold(&table, ["department"])
            volumes = table
        }
        guard !respelled.isEmpty else { return nil }
        let pairs = respelled.keys.sorted().map { "'\($0)' as '\(respelled[$0]!)'" }
        return "\(pairs.count) department or account \(pairs.count == 1 ? "name" : "names") read as first spelled (case, spaces and a code's leading zeros aside): \(pairs.listed(upTo: 5))"
    }

    struct Key: Hashable, Comparable {
        var department: String
        var account: String
        static func < (a: Key, b: Key) -> Bool { (a.department, a.account) < (b.department, b.account) }
    }

    public func run(budget: Table, actuals given: Table, volumes: Table?, usage: Table? = nil, items: Table? = nil) throws -> Result {
        let months = Frequency.month
        let monthColumn = VarianceJob.monthColumn
        func required(_ table: Table, _ name: String, _ what: String) throws -> [String] {
            guard let v = table.texts(name) else { throw PipelineError(location: nil, "variance: the \(what) table has no '\(name)' column") }
            return v
        }
        let bDept = try required(budget, "department", "budget"), bAcct = try required(budget, "account", "budget")
        let bMonth = try monthColumn(budget, "period", "budget")
        guard let bAmount = budget.numbers("amount") else { throw PipelineError(location: nil, "variance: the budget needs a numeric amount column") }
        var aDept = try required(given, "department", "actuals"), aAcct = try required(given, "account", "actuals")
        var aMonth = try monthColumn(given, "period", "actuals")
        guard var aAmount = given.numbers("amount") else { throw PipelineError(location: nil, "variance: the actuals need a numeric amount column") }
        // A report's subtotal lines are left out of the ledger, and named.
        var actuals = given
        let subtotals = VarianceJob.subtotals(department: aDept, account: aAcct, month: aMonth, amount: aAmount, file: given.fromFile)
        if let keep = subtotals?.keep {
            func kept<T>(_ values: [T]) -> [T] { zip(values, keep).compactMap { $1 ? $0 : nil } }
            actuals = given.filtered(keep)
            (aDept, aAcct, aMonth, aAmount) = (kept(aDept), kept(aAcct), kept(aMonth), kept(aAmount))
        }
        guard let lastActual = aMonth.max(), let firstActual = aMonth.min() else {
            throw PipelineError(location: nil, sharded
                ? "variance: this shard holds none of the actuals' lines (--shard splits the ledger by department, and a small ledger can leave a shard empty); run fewer shards"
                : "variance: the actuals are empty")
        }
        var notes: [String] = subtotals.map { [$0.note] } ?? []
        let asOf: Int
        let ledger = "the actuals" + actuals.fromFile
        if let chosen = self.asOf {
            // Months after the actuals would read as no spending at all (every line under
            // budget by its whole budget), months before them as nothing booked yet.
            guard chosen <= lastActual else {
                throw PipelineError(location: nil, "variance: as-of \(months.label(chosen)) is after the last month of \(ledger), \(months.label(lastActual)): the months between would read as no spending; report through \(months.label(lastActual)), or export the ledger through \(months.label(chosen))")
            }
            guard chosen >= firstActual else {
                throw PipelineError(location: nil, "variance: as-of \(months.label(chosen)) is before the first month of \(ledger), \(months.label(firstActual)); report through a month the actuals cover")
            }
            asOf = chosen
        } else {
            let closed = LedgerMonths.lastClosed(department: aDept, account: aAcct, month: aMonth, amount: aAmount)
            if let days = actuals.periodDays["period"], let part = LedgerMonths.partialLastMonth(lastDay: days.lastDay, daysOfMonth: days.daysOfMonth),
               part == closed.month {
                asOf = closed.month - 1
                notes.append("\(ledger.prefix(1).uppercased() + ledger.dropFirst()) stop on \(days.lastDay), part-way through \(months.label(part)): reported through \(months.label(asOf)), the part month not read as booked (--as-of \(months.label(part)), as_of: in a pipeline, reports it as it is)")
            } else {
                asOf = closed.month
                if let note = closed.note { notes.append(note) }
            }
        }
        let fy = calendar.fiscalYear(ofMonth: asOf)
        // A year the budget does not cover reads every dollar booked as over budget (an as-of
        // a year early: "$0 budget, $6,690,000 over", 72 months unfavorable, exit 0).
        let budgetMonths = Set(bMonth)
        if !sharded, !budgetMonths.isEmpty, budgetMonths.isDisjoint(with: calendar.months(ofFiscalYear: fy)), let first = bMonth.min(), let last = bMonth.max() {
            throw PipelineError(location: nil, "variance: the budget\(budget.fromFile) has no month of FY\(fy), the fiscal year of as-of \(months.label(asOf)); it runs from \(months.label(first)) to \(months.label(last)): report as of a month it covers, or give FY\(fy)'s budget")
        }
        // A month with no ledger row at all between booked ones is a month missing from the
        // export, not a month of no spending: read as zeros, it turned $433,000 over budget
        // into $169,500 under, with the month itself favorable at -100%.
        let bookedMonths = Set(aMonth)
        // (A shard holds some lines only, which may skip a month between them.)
        let missingMonths = sharded ? [] : (firstActual...asOf).filter { !bookedMonths.contains($0) }
        if let first = missingMonths.first {
            let listed = missingMonths.prefix(6).map { months.label($0) }.listed(of: missingMonths.count)
            notes.append("\(ledger) \(missingMonths.count == 1 ? "have no row for \(months.label(first)), a month" : "have no rows for \(missingMonths.count) months (\(listed))") between months booked: read as nothing spent or earned, which lowers the year to date and the projection; export \(missingMonths.count == 1 ? "that month" : "those months") if missing")
        }

        let doubled = LedgerMonths.repeated(department: aDept, account: aAcct, month: aMonth, amount: aAmount)
        if let first = doubled.first {
            func times(_ k: Int) -> String { k == 2 ? "twice" : "\(k) times" }
            let which = doubled.count == 1 ? "\(months.label(first.month)) (\(first.rows) rows) \(times(first.copies))"
                : "\(doubled.count) months " + times(doubled.map(\.copies).min()!) + " or more (" + doubled.prefix(4).map { "\(months.label($0.month)), \($0.rows) rows, \(times($0.copies))" }.listed(of: doubled.count) + ")"
            notes.append("\(ledger) hold every row of \(which), the same department, account and amount: summed, which multiplies \(doubled.count == 1 ? "the month" : "them") as many times; if \(doubled.count == 1 ? "the month was" : "they were") exported more than once, keep one copy")
        }
        // Amounts by line and month; volumes by department and month.
        var budgetBy: [Key: [Int: Double]] = [:], actualBy: [Key: [Int: Double]] = [:]
        var types: [Key: VarianceLine.AccountType] = [:], behaviors: [Key: VarianceLine.Behavior] = [:]
        var budgetVolume: [String: [Int: Double]] = [:], actualVolume: [String: [Int: Double]] = [:]
        let bType = budget.texts("account_type"), bBehavior = budget.texts("behavior"), bVolume = budget.numbers("volume")
        // A department's volume is one figure a month (patient days, visits), repeated on its
        // lines; two different figures made the flexed budget depend on the rows' order.
        func setVolume(_ volumes: inout [String: [Int: Double]], _ department: String, _ month: Int, _ value: Double, in table: Table, _ what: String) throws {
            if let earlier = volumes[department]?[month], abs(earlier - value) > 1e-9 * max(1, abs(value)) {
                throw PipelineError(location: nil, "variance: the \(what)\(table.fromFile) gives \(department) two volumes for \(months.label(month)), \(NumberFormat.fixed(earlier)) and \(NumberFormat.fixed(value)); a department's volume is one figure a month: give the same on each of its lines")
            }
            volumes[department, default: [:]][month] = value
        }
        /// A row's account type, nil when blank. The import refuses other spellings; a table
        /// built in Swift gets the same answer.
        func accountType(_ text: String?, of key: Key, in source: String) throws -> VarianceLine.AccountType? {
            guard let text, !text.trimmed().isEmpty else { return nil }
            guard let parsed = VarianceLine.AccountType(spelling: text) else {
                throw PipelineError(location: nil, "variance: account_type '\(text)' of \(key.department) / \(key.account)\(source) is not one of \(VarianceLine.AccountType.spellings.map(\.0).joined(separator: ", "))")
            }
            return parsed
        }
        // A budget row repeating an earlier one exactly is summed as a line of its own, as the
        // file says, but a copy pasted twice doubles the month: the note counts them.
        // Rows of one line and month with different amounts are summed too (a budget split by
        // sub-account); two versions of the budget in one export (original and revised) are
        // summed the same way and double it, so the note names them as well.
        var budgetRowsSeen = Set<String>(), repeatedBudgetRows = 0, firstRepeat: String?
        var lineMonthsSeen = Set<String>(), lineMonthsTwice = Set<String>(), firstTwice: String?
        for r in 0..<bDept.count {
            let key = Key(department: bDept[r], account: bAcct[r])
            let lineMonth = "\(bDept[r])\u{1F}\(bAcct[r])\u{1F}\(bMonth[r])"
            let whole = lineMonth + "\u{1F}\(bAmount[r])"
            if !budgetRowsSeen.insert(whole).inserted {
                repeatedBudgetRows += 1
                if firstRepeat == nil { firstRepeat = "\(bDept[r]) / \(bAcct[r]) \(months.label(bMonth[r])) \(NumberFormat.fixed(bAmount[r]))" }
            } else if !lineMonthsSeen.insert(lineMonth).inserted, lineMonthsTwice.insert(lineMonth).inserted, firstTwice == nil {
                firstTwice = "\(bDept[r]) / \(bAcct[r]) \(months.label(bMonth[r]))"
            }
            budgetBy[key, default: [:]][bMonth[r], default: 0] += bAmount[r]
            if let parsed = try accountType(bType?[r], of: key, in: "") { types[key] = parsed }
            if let b = bBehavior?[r], !b.trimmed().isEmpty {
                guard let parsed = VarianceLine.Behavior(spelling: b) else {
                    throw PipelineError(location: nil, "variance: behavior '\(b)' of \(key.department) / \(key.account) is not one of \(VarianceLine.Behavior.spellings.map(\.0).joined(separator: ", "))")
                }
                behaviors[key] = parsed
            }
            if let v = bVolume?[r], v.isFinite { try setVolume(&budgetVolume, bDept[r], bMonth[r], v, in: budget, "budget") }
        }
        let aVolume = actuals.numbers("volume"), aType = actuals.texts("account_type")
        // The ledger's own account type, for lines the budget types nowhere: a grant booked
        // without a budget line was unbudgeted expense, a $60,000 overspend for $60,000 of revenue.
        var ledgerTypes: [Key: VarianceLine.AccountType] = [:]
        for r in 0..<aDept.count {
            let key = Key(department: aDept[r], account: aAcct[r])
            actualBy[key, default: [:]][aMonth[r], default: 0] += aAmount[r]
            if let v = aVolume?[r], v.isFinite { try setVolume(&actualVolume, aDept[r], aMonth[r], v, in: actuals, "actuals") }
            if let parsed = try accountType(aType?[r], of: key, in: " in the actuals") { ledgerTypes[key] = parsed }
        }
        // A month missing inside a line's budgeted months that the line posted in (its rows run
        // July to June but for September) is a month the export dropped, read as budgeted at $0:
        // its whole spend came out unbudgeted, as rate variance, without a word. Months without a
        // posting are left alone: a line budgeted quarterly has no rows between its quarters.
        let fyBudgeted = budgetMonths.intersection(calendar.months(ofFiscalYear: fy))
        var budgetGaps: [String] = []
        for (key, byMonth) in budgetBy.sorted(by: { ($0.key.department, $0.key.account) < ($1.key.department, $1.key.account) }) {
            let own = Set(byMonth.keys).intersection(fyBudgeted)
            guard own.count >= 2, let first = own.min(), let last = own.max() else { continue }
            let posted = actualBy[key] ?? [:]
            let gaps = fyBudgeted.filter { $0 > first && $0 < last && !own.contains($0) && abs(posted[$0] ?? 0) >= 0.005 }.sorted()
            if !gaps.isEmpty { budgetGaps.append("\(key.department) / \(key.account) " + gaps.map { months.label($0) }.listed(upTo: 3)) }
        }
        if !budgetGaps.isEmpty {
            notes.append("the budget has no row for \(budgetGaps.count == 1 ? "a month" : "months") inside a line's budgeted months that the line posted in (\(budgetGaps.listed(upTo: 5))): read as budgeted at $0, the spend there counts as unbudgeted; if the export left them out, add them (a month budgeted at $0 is a row of 0)")
        }
        // Budgeted lines that stopped as a line with no budget began (`LedgerMonths.continuations`):
        // projected at $0, their spending going on under the new name.
        var stoppedLines = Set<Key>()
        // The notes on single lines are a shard's too (a department's lines are all in its
        // shard); only renames, which may cross departments, wait for the whole ledger.
        do {
            // Keyed with the unit separator, which names cannot hold ("A / B" + "C" and "A" +
            // "B / C" would be one label).
            let key = { (key: Key) in CompositeKey.joined(key.department, key.account) }
            let label = { (line: String) in CompositeKey.parts(of: line, maxSplits: 1).joined(separator: " / ") }
            let booked = Dictionary(uniqueKeysWithValues: actualBy.map { (key($0.key), LedgerMonths.postedMonths($0.value.filter { $0.key <= asOf })) })
            let budgeted = Dictionary(uniqueKeysWithValues: budgetBy.map { (key($0.key), $0.value) })
            let moved = sharded ? [] : LedgerMonths.continuations(booked: booked, budgeted: budgeted, through: asOf)
            let keyOf = Dictionary(uniqueKeysWithValues: actualBy.keys.map { (key($0), $0) })
            // Only a sure match stops the old line's projection (and its gap note).
            let sure = moved.map { pair in
                LedgerMonths.isSurelyRenamed(stopped: keyOf[pair.stopped].flatMap { actualBy[$0] } ?? [:],
                                             started: pair.started.map { keyOf[$0].flatMap { actualBy[$0] } ?? [:] }, month: pair.month, through: asOf)
            }
            let stopped = Set(zip(moved, sure).filter(\.1).map(\.0.stopped))
            stoppedLines = Set(stopped.compactMap { keyOf[$0] })
            // (A line continued under another name has its own note.)
            let gaps = LedgerMonths.lineGaps(booked: booked, budgeted: budgeted, through: asOf).filter { !stopped.contains($0.line) }
            if !gaps.isEmpty {
                let shown = gaps.prefix(6).map { gap in
                    label(gap.line) + " " + gap.months.prefix(3).map { months.label($0) }.listed(of: gap.months.count)
                }.listed(of: gaps.count)
                notes.append("\(gaps.count) budgeted line\(gaps.count == 1 ? " has" : "s have") no posting (no ledger row, a 0.00, or only amounts against the line's usual sign, such as reversals) in a month other lines posted in, after posting earlier months (\(shown)): read as booked, which lowers \(gaps.count == 1 ? "the line's" : "their") year to date and projection; check for a journal not yet posted, posted to another line, or left out of the export")
            }
            // Budgeted lines without a posting this year (`LedgerMonths.unposted`). Revenue not
            // yet booked is unfavorable by its whole budget, a cost favorable; amounts as
            // budgeted, whatever sign the export gives a credit.
            let fiscalMonths = calendar.months(ofFiscalYear: fy)
            let unposted = LedgerMonths.unposted(booked: booked, budgeted: budgeted, yearToDate: fiscalMonths.filter { $0 <= asOf },
                                                 ahead: fiscalMonths.filter { $0 > asOf })
            let lineOf = Dictionary(uniqueKeysWithValues: budgetBy.keys.map { (key($0), $0) })
            for revenue in [false, true] {
                let lines = unposted.toDate.filter { (lineOf[$0.line].flatMap { types[$0] } == .revenue) == revenue }
                guard !lines.isEmpty else { continue }
                let one = lines.count == 1
                let shown = lines.prefix(5).map { "\(label($0.line)) (\(NumberStyle().money(abs($0.budget))) budgeted)" }.listed(of: lines.count)
                notes.append("\(one ? "1 budgeted \(revenue ? "revenue " : "")line has" : "\(lines.count) budgeted \(revenue ? "revenue " : "")lines have") no posting from \(months.label(fiscalMonths[0])) to \(months.label(asOf)), \(shown): projected at $0 and \(revenue ? "unfavorable" : "favorable") by \(one ? "its" : "their") whole budget; check the export covers \(one ? "it" : "them") (\(revenue ? "revenue booked later in the year reads as a shortfall" : "a cost invoiced later in the year reads as a saving") until then)")
            }
            let lumps = LedgerMonths.budgetedInOneMonth(booked: booked, budgeted: budgeted, fiscalYear: fiscalMonths, through: asOf)
            if !lumps.isEmpty {
                let one = lumps.count == 1
                let shown = lumps.prefix(4).map { "\(label($0.line)), \(NumberStyle().money($0.budget)) in \(months.label($0.month)), posted in \($0.postedMonths) months" }.listed(of: lumps.count)
                notes.append("\(one ? "1 line is" : "\(lumps.count) lines are") budgeted in one month of FY\(fy) only but \(one ? "posts" : "post") month by month (\(shown)): the year to date reads under budget by the months still to come, and each month after the budget's reads unfavorable as unbudgeted; if the amount is the year's, spread it over the months in the budget")
            }
            let ahead = unposted.ahead
            if !ahead.isEmpty {
                let total = ahead.reduce(0) { $0 + abs($1.budget) }
                let shown = ahead.prefix(5).map { "\(label($0.line)) from \(months.label($0.first)), \(NumberStyle().money(abs($0.budget)))" }.listed(of: ahead.count)
                notes.append("\(ahead.count == 1 ? "1 line is" : "\(ahead.count) lines are") budgeted only in months after \(months.label(asOf)) and \(ahead.count == 1 ? "has" : "have") no posting yet (\(shown)): with no history \(ahead.count == 1 ? "it is" : "they are") projected at $0, leaving \(NumberStyle().money(total)) of budget out of the projection; expect it spent as budgeted unless you know otherwise")
            }
            for (pair, isSure) in zip(moved, sure) {
                let started = pair.started.map(label)
                let one = started.count == 1
                notes.append("\(label(pair.stopped)) posted nothing after \(months.label(pair.month - 1)) and \(started.listed(upTo: 3)), which \(one ? "has" : "have") no budget, began in \(months.label(pair.month)): "
                             + (isSure ? "read as the line renamed (the new of the old one's size, for two months or more), the old projected at $0 and the new from its own months; spell it one way in the budget and the ledger to set the new against the budget"
                                : "if the line was renamed, the old one is still projected from its history beside the new and the projection is overstated; spell it one way in the budget and the ledger"))
            }
        }
        if let volumes, let vDept = volumes.texts("department") {
            let vMonth = try monthColumn(volumes, "period", "volumes")
            let vb = volumes.numbers("budget_volume"), va = volumes.numbers("actual_volume")
            // A volumes file with neither statistic (its columns named otherwise) changes nothing:
            // every variance then read "no volume to split it by" though the file was given.
            guard vb != nil || va != nil else {
                throw PipelineError(location: nil, "variance: the volumes\(volumes.fromFile) have neither a budget_volume nor an actual_volume column, so they change nothing; map the file's statistics with --columns budget_volume=HEADER,actual_volume=HEADER (columns: in a pipeline), or leave the file out")
            }
            var givenBudget: [String: [Int: Double]] = [:], givenActual: [String: [Int: Double]] = [:]
            if let vDay = volumes.days("period"), let daily = DailyVolumes(departments: vDept, days: vDay, budget: vb, actual: va) {
                (givenBudget, givenActual) = (daily.budget, daily.actual)
                notes.append(daily.note(file: volumes.fromFile))
            } else {
                for r in 0..<vDept.count {
                    if let v = vb?[r], v.isFinite { try setVolume(&givenBudget, vDept[r], vMonth[r], v, in: volumes, "volumes") }
                    if let v = va?[r], v.isFinite { try setVolume(&givenActual, vDept[r], vMonth[r], v, in: volumes, "volumes") }
                }
            }
            // Departments the ledger never names flex nothing: `Dept 1` beside the ledger's `D1`
            // made every variance "no volume to split it by" while the file read as accepted
            // (a budget director's review). Named; and so is a file with one statistic only.
            let ledgerDepartments = Set(budgetBy.keys.map(\.department)).union(actualBy.keys.map(\.department))
            let strangers = Set(givenBudget.keys).union(givenActual.keys).subtracting(ledgerDepartments).sorted()
            if !strangers.isEmpty && !sharded {
                let spellings = NameSpellings(ledgerDepartments.sorted())
                let shown = strangers.prefix(5).map { name in "'\(name.clipped(40))'" + (spellings.likely(for: name).map { " (the ledger has '\($0.clipped(40))')" } ?? "") }
                notes.append("the volumes\(volumes.fromFile) name \(strangers.count == 1 ? "a department" : "departments") the budget and actuals do not, so \(strangers.count == 1 ? "its volumes flex" : "their volumes flex") nothing: \(shown.listed(of: strangers.count)); spell \(strangers.count == 1 ? "it" : "them") as the ledger does")
            }
            if (vb == nil) != (va == nil) {
                notes.append("the volumes\(volumes.fromFile) give \(vb == nil ? "actual_volume but no budget_volume" : "budget_volume but no actual_volume"), so only lines whose \(vb == nil ? "budget" : "ledger") carries the other split by volume; map the file's other statistic with --columns \(vb == nil ? "budget_volume" : "actual_volume")=HEADER (columns: in a pipeline) if it has one")
            }
            // The volumes file's figures stand over the budget's and the ledger's.
            for (department, byMonth) in givenBudget { budgetVolume[department, default: [:]].merge(byMonth) { _, given in given } }
            for (department, byMonth) in givenActual { actualVolume[department, default: [:]].merge(byMonth) { _, given in given } }
        }
        // A budget volume of 0 in a booked month with volume cannot flex a budget (no cost per
        // unit to scale): its variable lines are held to the budget as it stands, said so (a
        // budget director's review: left unflexed without a word).
        var unflexed: [String] = []
        for (department, byMonth) in budgetVolume.sorted(by: { $0.key < $1.key }) {
            let months = byMonth.filter { $0.value == 0 && $0.key <= asOf && (actualVolume[department]?[$0.key] ?? 0) > 0 }.keys.sorted()
            if !months.isEmpty { unflexed.append("\(department) " + months.map { Frequency.month.label($0) }.listed(upTo: 3, of: months.count)) }
        }
        if !unflexed.isEmpty {
            notes.append("a budget volume of 0 in months with an actual volume (\(unflexed.listed(upTo: 5, of: unflexed.count))) cannot flex the budget, so those months' variable lines are held to the budget as it stands and their variance is not split by volume; give the budgeted volume")
        }

        // An account's type follows it into departments the budget gives no line for: revenue
        // booked by a department without a budget line is revenue, not unbudgeted expense
        // (when the budget's lines of the account agree on it).
        var typeOfAccount: [String: VarianceLine.AccountType] = [:], mixedTypes = Set<String>()
        for (key, type) in types where typeOfAccount.updateValue(type, forKey: key.account) ?? type != type { mixedTypes.insert(key.account) }
        let keys = Set(budgetBy.keys).union(actualBy.keys).sorted()
        for key in keys where types[key] == nil && budgetBy[key] == nil && !mixedTypes.contains(key.account) {
            types[key] = typeOfAccount[key.account]
        }
        // What the budget leaves untyped takes the ledger's type (the budget's stands where it
        // gives one).
        for (key, type) in ledgerTypes where types[key] == nil { types[key] = type }
        if let note = VarianceJob.turnCreditRevenue(keys: keys, types: types, budget: &budgetBy, actual: &actualBy) { notes.append(note) }
        var scenarios = self.scenarios
        if var set = scenarios, !sharded {
            if let matched = try set.matchNames(departments: Set(keys.map(\.department)), accounts: Set(keys.map(\.account)),
                                                revenueAccounts: Set(typeOfAccount.filter { $0.value == .revenue && !mixedTypes.contains($0.key) }.keys)) {
                notes.append(matched)
            }
            notes += set.notes
            scenarios = set
        }
        if let note = VarianceJob.oppositeSignsNote(keys: keys, budget: budgetBy, actual: actualBy, through: asOf, ledger: actuals.fromFile) { notes.append(note) }
        var rolling = RollingForecast(calendar: calendar, asOf: asOf, horizon: calendar.forecastMonths(after: asOf, quarters: horizonQuarters))
        rolling.flagPercent = flagPercent
        rolling.flagAmount = flagAmount
        rolling.budgetedMonths = budgetMonths
        // (Months of this fiscal year without a budget have a note of their own, below.)
        let unbudgetedAhead = rolling.horizon.filter { !budgetMonths.contains($0) && calendar.fiscalYear(ofMonth: $0) > fy }
        if let first = unbudgetedAhead.first, let last = unbudgetedAhead.last {
            let span = first == last ? months.label(first) : "\(months.label(first)) to \(months.label(last))"
            notes.append("the forecast months \(span) have no budget: their rows show the variance against $0 and are not flagged")
        }
        let ahead = rolling.forecastMonths
        // Variable lines whose department has an actual volume for every booked month are
        // projected driver-based (forecast volume x forecast rate); the others from their
        // amounts. Every series is forecast from its history through as-of, in parallel.
        let departments = Array(Set(keys.map(\.department))).sorted()
        let departmentIndex = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1, $0) })
        var driven = Set<Int>(), drivenDepartments = Set<Int>()
        // One-off lines projected at $0 whose budget flexes by the department's forecast volume.
        var heldAtZero = Set<Int>()
        // Volumes (patient days, visits: a department's driver, seasonal) get the whole
        // forecasting engine; the many line series (rates, amounts) a lean combination.
        var volumeTotals = PeriodTotals(frequency: .month), lineTotals = PeriodTotals(frequency: .month)
        func add(_ totals: inout PeriodTotals, _ id: String, _ month: Int, _ value: Double) {
            var id = id
            id.withUTF8 { totals.add(key: $0, day: months.firstDay(of: month), value: value) }
        }
        var opened: [(index: Int, month: Int)] = [], oneOffs: [(index: Int, oneOff: OneOffPosting)] = []
        for (i, key) in keys.enumerated() {
            if stoppedLines.contains(key) { continue }
            var booked = (actualBy[key] ?? [:]).filter { $0.key <= asOf }
            // A line's history starts with its first posting: 0.00 rows before it (a ledger
            // that prints every line every month) made the same one invoice project at $5,831
            // a month with them and $31,250 without.
            let posted = LedgerMonths.postedMonths(booked)
            if let first = posted.min() { booked = booked.filter { $0.key >= first } }
            let volume = actualVolume[key.department] ?? [:]
            // A variable line with a volume in every month it booked: its rate is forecast and
            // priced on the department's volume.
            let flexesBy = { (months: [Int: Double]) in
                (behaviors[key] ?? .variable) == .variable && !months.isEmpty && months.keys.allSatisfy { (volume[$0] ?? 0) > 0 }
            }
            if let oneOff = OneOffPosting.find(booked, posted: posted, ledgerStart: firstActual, asOf: asOf) {
                oneOffs.append((i, oneOff))
                guard let history = oneOff.history(booked) else {
                    // Projected at $0, a variable line still has a flexed budget: its budget
                    // flexed by the department's forecast volume, as its booked months are by
                    // the actual one. Without it the line's forecast rows, and so its
                    // department's TOTAL rows, had no volume / rate split.
                    if flexesBy(booked) {
                        heldAtZero.insert(i)
                        drivenDepartments.insert(departmentIndex[key.department]!)
                    }
                    continue
                }
                booked = history
            }
            if flexesBy(booked) {
                driven.insert(i)
                drivenDepartments.insert(departmentIndex[key.department]!)
                for (month, rate) in VarianceJob.rates(booked, volume: volume) { add(&lineTotals, "r\(i)", month, rate) }
            } else if booked.values.allSatisfy({ $0 <= 0 }) && booked.values.contains(where: { $0 < 0 }) {
                // A line booked below zero (contractual allowances, revenue as credits) is forecast
                // as its mirror image and turned back: the engine's count-model spread has no
                // meaning below zero, and its range came out empty.
                for (month, amount) in booked { add(&lineTotals, "n\(i)", month, -amount) }
            } else {
                for (month, amount) in booked { add(&lineTotals, "a\(i)", month, amount) }
                if let first = booked.keys.min(), OpeningMonth.isPart((first...asOf).map { booked[$0] ?? 0 }) { opened.append((i, first)) }
            }
        }
        // Lines opened within their first month: that month is left out of their forecast.
        lineTotals.markStartingInPart(Set(opened.map { "a\($0.index)" }))
        if !opened.isEmpty {
            let named = opened.prefix(5).map { "\(keys[$0.index].department) \(keys[$0.index].account) (\(months.label($0.month)))" }
            notes.append("\(named.listed(of: opened.count)): first booked for half the line's usual month or less, read as the month it opened in, and left out of its forecast")
        }
        if let note = VarianceJob.oneOffNote(oneOffs.map { (keys[$0.index].department + " / " + keys[$0.index].account, $0.oneOff) }) { notes.append(note) }
        for d in drivenDepartments.sorted() {
            for (month, volume) in actualVolume[departments[d]] ?? [:] where month <= asOf { add(&volumeTotals, "v\(d)", month, volume) }
        }
        var series: [String: [Int: Projection]] = [:]
        let seriesCount = volumeTotals.seriesCount + lineTotals.seriesCount
        if !ahead.isEmpty && seriesCount > 0 {
            for (what, totals, models) in [("volumes", volumeTotals, nil), ("lines", lineTotals, VarianceJob.lineModels)] where totals.seriesCount > 0 {
                let progress = Progress(label: "variance: forecast \(what)", total: totals.seriesCount, quiet: quiet)
                // Series whose last value is before as-of still forecast from as-of: pad with zeros.
                let steps = ahead.count + max(0, asOf - totals.lastPeriod)
                // Amounts and rates are money, not counts (volumes are).
                let forecaster = DemandForecaster(settings: ForecastSettings(horizon: steps, season: 12, levels: [80], backtestOrigins: 0,
                                                                             models: models, nonNegative: false, valuesAreCounts: what == "volumes"))
                try ParallelForecast.each(totals, forecaster: forecaster, threads: threads, progress: progress) { id, _, f in
                    let mirrored = id.hasPrefix("n"), sign = mirrored ? -1.0 : 1
                    let mean = Array(f.mean.suffix(ahead.count)), spread = Array(f.spread.suffix(ahead.count))
                    series[mirrored ? "a" + id.dropFirst() : id] = Dictionary(uniqueKeysWithValues: ahead.indices.map {
                        (ahead[$0], Projection(amount: sign * mean[$0], spread: spread[$0]))
                    })
                }
            }
        }
        func projection(_ i: Int, _ key: Key) -> (amount: [Int: Projection], volume: [Int: Double]) {
            if heldAtZero.contains(i), let d = departmentIndex[key.department], let volume = series["v\(d)"] {
                return ([:], volume.mapValues(\.amount))
            }
            guard driven.contains(i), let d = departmentIndex[key.department], let volume = series["v\(d)"], let rate = series["r\(i)"] else {
                return (series["a\(i)"] ?? [:], [:])
            }
            var amount: [Int: Projection] = [:]
            for month in ahead { amount[month] = Projection.product(volume[month] ?? .zero, rate[month] ?? .zero) }
            return (amount, volume.mapValues(\.amount))
        }

        var rows: [Row] = [], scenarioLines: [ScenarioProjection.Line] = []
        var annualBudget = 0.0, projectedLines: [Projection] = []
        let fyMonths = calendar.months(ofFiscalYear: fy)
        // The run history keeps each line (`department|account`) as a monthly series: the
        // amounts booked through as-of, and the projected months after it with their 80% and
        // 95% ranges, so later runs' bookings score them.
        var record = historyStage.map { StageRecord(stage: $0, frequency: .month, lastPeriod: asOf) }
        var booked = PeriodTotals(frequency: .month)
        let z80 = CountDistribution.normalQuantile(0.9), z95 = CountDistribution.normalQuantile(0.975)
        for (i, key) in keys.enumerated() {
            var line = RollingForecast.Line(department: key.department, account: key.account, accountType: types[key] ?? .expense,
                                            behavior: behaviors[key] ?? .variable, budget: budgetBy[key] ?? [:], actual: actualBy[key] ?? [:],
                                            budgetVolume: budgetVolume[key.department] ?? [:], actualVolume: actualVolume[key.department] ?? [:],
                                            forecast: [:])
            (line.forecast, line.forecastVolume) = projection(i, key)
            if record != nil {
                let name = "\(key.department)|\(key.account)"
                let months = (actualBy[key] ?? [:]).filter { $0.key <= asOf }
                for (month, amount) in months { add(&booked, name, month, amount) }
                if let first = months.keys.min(), !ahead.isEmpty, ahead.first == asOf + 1 {
                    let history = (first...asOf).map { months[$0] ?? 0 }
                    let mean = ahead.map { line.forecast[$0]?.amount ?? 0 }
                    let sd = ahead.map { (line.forecast[$0]?.variance ?? 0).squareRoot() }
                    func bound(_ z: Double) -> [Double] { zip(mean, sd).map { $0 + z * $1 } }
                    let f = SeriesForecast(mean: mean, lower: [bound(-z80), bound(-z95)], upper: [bound(z80), bound(z95)], spread: sd,
                                           model: driven.contains(i) ? "volume x rate" : "amount", demandClass: .smooth)
                    record?.add(series: name, forecast: f, levels: [80, 95], history: history, season: 12)
                }
            }
            rows += rolling.rows(line)
            let fyProjection = rolling.projectedFY(line)
            if line.accountType == .expense {
                annualBudget += line.budget(of: fyMonths)
                projectedLines.append(fyProjection)
            }
            scenarioLines.append(ScenarioProjection.Line(department: key.department, account: key.account, accountType: line.accountType,
                                                         behavior: line.behavior, budgetFY: line.budget(of: fyMonths),
                                                         bookedToDate: fyProjection.amount - rolling.remaining.reduce(0) { $0 + (line.forecast[$1]?.amount ?? 0) },
                                                         remaining: rolling.remaining.map { line.forecast[$0]?.amount ?? 0 }))
        }
        rows += rolling.departmentTotals(rows)
        let projected = Projection.acrossLines(projectedLines)
        let scenarioRows = scenarios.map { ScenarioProjection(lines: scenarioLines, remainingMonths: rolling.remaining.count).rows($0.scenarios) }
        // The scenarios change the fiscal year's months after as-of: at its last month none is
        // left, and every scenario came out as the base with no word.
        if scenarios != nil && rolling.remaining.isEmpty {
            notes.append("as-of \(Frequency.month.label(asOf)) is FY\(fy)'s last month: no month of it is left for the scenarios to change, so each equals the base; give an earlier --as-of (as_of:) to compare them")
        }
        if let set = scenarios, let scenarioRows, !rolling.remaining.isEmpty {
            notes += VarianceJob.scenarioNotes(set.scenarios, rows: scenarioRows, lines: scenarioLines)
        }
        var result = Result(rows: rows, asOf: asOf, fiscalYear: fy, annualBudget: annualBudget,
                            projectedLow: projected.lo80, projectedHigh: projected.hi80, scenarios: scenarioRows)
        record?.addActuals(booked)
        result.history = record
        // A budget for part of the fiscal year set against a whole year's projection reads as
        // overspending by the unbudgeted months: say which months it covers.
        // A month of 0.00 rows before or after the months budgeted is a month the budget leaves
        // out (a half-year budget exported for the whole year); one between them is budgeted at
        // $0 (a month a unit closes), and set against the projection like the others: read as
        // left out, it blanked projected_variance report-wide.
        var budgetedMonths = Set(bMonth.indices.filter { bAmount[$0] != 0 }.map { bMonth[$0] }).intersection(fyMonths)
        if let first = budgetedMonths.min(), let last = budgetedMonths.max() {
            budgetedMonths.formUnion(Set(bMonth).filter { $0 > first && $0 < last })
        }
        if !budgetedMonths.isEmpty && budgetedMonths.count < fyMonths.count && !sharded {
            let covered = budgetedMonths.sorted()
            result.partialBudget = (covered.count, fyMonths.count)
            // The whole year's projection against some months' budget books the other months as
            // overspending ($486,000 "from rate" for nine unbudgeted months): the projected
            // variance and its split are left blank.
            for i in result.rows.indices {
                result.rows[i].projectedVariance = nil
                result.rows[i].projectedVolumeVariance = nil
                result.rows[i].projectedRateVariance = nil
            }
            // Twelve months in a row from another month than the fiscal start, with no fiscal_year
            // labels to say otherwise, are most likely a year that starts there (October to
            // September read on the July default covered 9 of 12 months and dropped 3).
            var hint = ""
            let all = Set(bMonth).sorted()
            if budget.texts("fiscal_year") == nil, all.count == 12, let first = all.first, all.last == first + 11 {
                let start = FiscalCalendar(firstMonth: 1).fiscalMonth(ofMonth: first)
                if start != calendar.firstMonth {
                    hint = "; the budget's 12 months run \(Frequency.month.label(first)) to \(Frequency.month.label(first + 11)), a fiscal year from month \(start): if so, give --fiscal-start \(start) (fiscal_year_start: \(start) in a pipeline's calendar)"
                }
            }
            notes.append("the budget covers \(covered.count) of FY\(fy)'s \(fyMonths.count) months (\(Frequency.month.label(covered[0])) to \(Frequency.month.label(covered[covered.count - 1]))): the projected year is not set against it, and projected_variance is left blank; booked months outside it count as unbudgeted spend" + hint)
        }
        if let firstTwice {
            let count = lineMonthsTwice.count
            notes.append("\(count) department, account and month\(count == 1 ? " has" : "s have") budget rows with different amounts (first \(firstTwice)): summed; if the export holds two versions of the budget (original and revised), keep one")
        }
        if repeatedBudgetRows > 0, let firstRepeat {
            notes.append("\(repeatedBudgetRows) budget \(repeatedBudgetRows == 1 ? "row repeats" : "rows repeat") an earlier row exactly (department, account, month and amount; first \(firstRepeat)): summed; if \(repeatedBudgetRows == 1 ? "it is a copy" : "they are copies"), remove \(repeatedBudgetRows == 1 ? "it" : "them") from the budget")
        }
        result.notes = notes
        if !sharded {
            // Departments with budget in this fiscal year to as-of (a shard may hold a
            // department's budget-only lines while its booked lines are in another).
            let months = Set(calendar.months(ofFiscalYear: fy).filter { $0 <= asOf })
            var budgeted = Set<String>()
            for r in 0..<bDept.count where bAmount[r] != 0 && months.contains(bMonth[r]) { budgeted.insert(bDept[r]) }
            result.departmentsWithoutActuals = budgeted.subtracting(aDept).sorted()
        }
        if let supplyAccounts, !sharded {
            let accounts = Set(keys.map(\.account))
            for account in Set(supplyAccounts.values).sorted() where !accounts.contains(account) {
                throw PipelineError(location: nil, "variance: supply_accounts names account '\(account)', which is in neither the budget nor the actuals; their accounts: \(accounts.sorted().prefix(12).joined(separator: ", "))")
            }
        }
        if let supplyAccounts, let usage, let items, !rolling.remaining.isEmpty {
            let outcome = try SupplySpendJob(accounts: supplyAccounts).run(usage: usage, items: items, asOf: asOf, months: rolling.remaining,
                                                                         threads: threads, quiet: quiet)
            var trend: [Key: Double] = [:]
            for line in scenarioLines { trend[Key(department: line.department, account: line.account)] = line.remaining.reduce(0, +) }
            result.supply = outcome.spend.lines { trend[Key(department: $0, account: $1)] }
            result.supplyMonths = rolling.remaining
            result.supplyUnpriced = outcome.unpriced
            result.supplyUncategorized = outcome.uncategorized
        }
        return result
    }

    /// The candidates for ledger lines' own series (amount per unit of volume, or amounts):
    /// the smooth-demand candidates without the ETS search. Searching ETS forms costs about
    /// 1 ms per series, 30 s for a million-line ledger's 28,000 lines; without it the
    /// projection of 3 months ahead on the hospital set (767 monthly series, three cut-offs)
    /// scores MASE 0.711 instead of 0.702, so the search is kept for volumes, the drivers.
    static let lineModels: [any ForecastModel] = [ThetaModel(), SeasonalNaiveModel(), MovingAverageModel(), CrostonModel(.classic, alpha: nil)]

    func flag(_ l: VarianceLine) -> String {
        l.flag(percent: flagPercent, amount: flagAmount)
    }

    public static let header = ["department", "account", "period", "budget", "actual", "variance", "variance_pct", "favorable",
                                "flexed_budget", "volume_variance", "rate_variance", "ytd_budget", "ytd_actual", "forecast_remaining",
                                "projected_fy", "projected_variance", "flag", "basis", "forecast", "forecast_lo80", "forecast_hi80"]

    /// budget_variance.csv: each line's rows (months, quarters, year to date), then the
    /// department totals. A forecast row leaves actual empty, and the flexed split too unless
    /// its volume is forecast (driver-based).
    public static func table(_ result: Result) -> Table {
        let rows = result.rows
        func money(_ x: Double?) -> Double { x.map { ($0 * 100).rounded() / 100 } ?? .nan }
        func flexed(_ row: Row, _ value: Double) -> Double { row.splitKnown ? money(value) : .nan }
        return Table([
            ("department", .text(rows.map(\.line.department))), ("account", .text(rows.map(\.line.account))),
            ("period", .text(rows.map(\.line.period))), ("budget", .number(rows.map { money($0.line.budget) })),
            ("actual", .number(rows.map { $0.basis == .actual ? money($0.line.actual) : .nan })), ("variance", .number(rows.map { money($0.line.variance) })),
            ("variance_pct", .number(rows.map { $0.line.variancePercent.map { ($0 * 10).rounded() / 10 } ?? .nan })),
            ("favorable", .text(rows.map { $0.line.favorable ? "true" : "false" })),
            ("flexed_budget", .number(rows.map { flexed($0, $0.line.flexedBudget) })),
            ("volume_variance", .number(rows.map { flexed($0, $0.line.volumeVariance) })),
            ("rate_variance", .number(rows.map { flexed($0, $0.line.rateVariance) })),
            ("ytd_budget", .number(rows.map { money($0.ytdBudget) })), ("ytd_actual", .number(rows.map { money($0.ytdActual) })),
            ("forecast_remaining", .number(rows.map { money($0.forecastRemaining) })), ("projected_fy", .number(rows.map { money($0.projectedFY) })),
            ("projected_variance", .number(rows.map { money($0.projectedVariance) })), ("flag", .text(rows.map(\.flag))),
            ("basis", .text(rows.map(\.basis.rawValue))), ("forecast", .number(rows.map { money($0.forecast?.amount) })),
            ("forecast_lo80", .number(rows.map { money($0.forecast?.lo80) })), ("forecast_hi80", .number(rows.map { money($0.forecast?.hi80) })),
        ])
    }

    public static let scenarioHeader = ["scenario", "department", "account", "fiscal_year", "budget_fy", "projected_fy", "projected_variance", "change_vs_base"]

    /// budget_scenarios.csv: the base projection, then each scenario.
    /// With `partialBudget` (a budget for some months of the year) the projected variance is
    /// blank, as in budget_variance.csv.
    /// What a scenario could not do as it reads: a volume change on a department whose lines
    /// are all fixed moves nothing (volume moves variable accounts only), and an expense line a
    /// change takes below zero (three positions cut from a line with two left) is a payroll no
    /// hospital has. Both came out as figures without a word. (A credit line below zero in the
    /// base too, refunds budgeted at -1,000, is no scenario's doing.)
    static func scenarioNotes(_ scenarios: [BudgetScenario], rows: [ScenarioProjection.Row], lines: [ScenarioProjection.Line]) -> [String] {
        var notes: [String] = []
        let variable = Set(lines.filter { $0.behavior == .variable }.map(\.department))
        let revenue = Set(lines.filter { $0.accountType == .revenue }.map { CompositeKey.joined($0.department, $0.account) })
        var base: [String: Double] = [:]
        for row in rows where row.scenario == BudgetScenario.baseName { base[CompositeKey.joined(row.department, row.account)] = row.projectedFY }
        for scenario in scenarios {
            let still = scenario.volume.filter { $0.key != BudgetScenario.everything && $0.value != 0 && !variable.contains($0.key) }.keys.sorted()
            if !still.isEmpty {
                notes.append("scenario '\(scenario.name.clipped(60))': volume moves variable accounts only, and \(still.listed(upTo: 3)) \(still.count == 1 ? "has" : "have") none (every line fixed), so its volume change there changes nothing")
            }
            let negative = rows.filter { $0.scenario == scenario.name && $0.department != "ALL" && $0.account != "TOTAL"
                && !revenue.contains(CompositeKey.joined($0.department, $0.account)) && $0.projectedFY < -0.005
                && (base[CompositeKey.joined($0.department, $0.account)] ?? 0) >= -0.005 }
            if !negative.isEmpty {
                notes.append("scenario '\(scenario.name.clipped(60))' takes \(negative.map { "\($0.department) / \($0.account) to \(NumberStyle().money($0.projectedFY))" }.listed(upTo: 3)) for the year, below zero: the change is more than the line has left; check its count or percent")
            }
        }
        return notes
    }

    public static func scenarioTable(_ rows: [ScenarioProjection.Row], fiscalYear: Int, partialBudget: Bool = false) -> Table {
        func money(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        return Table([
            ("scenario", .text(rows.map(\.scenario))), ("department", .text(rows.map(\.department))), ("account", .text(rows.map(\.account))),
            ("fiscal_year", .text(rows.map { _ in "FY\(fiscalYear)" })), ("budget_fy", .number(rows.map { money($0.budgetFY) })),
            ("projected_fy", .number(rows.map { money($0.projectedFY) })), ("projected_variance", .number(rows.map { partialBudget ? .nan : money($0.projectedVariance) })),
            ("change_vs_base", .number(rows.map { money($0.changeVsBase) })),
        ])
    }

    /// A table's column of months (a budget's or a ledger's period), or an error naming the
    /// value that is none.
    static func monthColumn(_ table: Table, _ name: String, _ what: String) throws -> [Int] {
        guard let texts = table.texts(name) else { throw PipelineError(location: nil, "variance: the \(what) table has no '\(name)' column") }
        let parser = DateParser()
        return try texts.map { text in
            guard let day = parser.parse(text) else { throw PipelineError(location: nil, "variance: '\(text)' in \(what) is not a month") }
            return Frequency.month.period(of: day)
        }
    }

    /// Which rows of the ledger to keep, a report's subtotal lines (`SubtotalLines`) left out,
    /// and a note naming those; nil when it has none. The ledger's rows by column.
    static func subtotals(department d: [String], account a: [String], month m: [Int], amount: [Double], file: String) -> (keep: [Bool], note: String)? {
        let subtotals = SubtotalLines.rows(department: d, account: a, month: m, amount: amount)
        guard !subtotals.isEmpty else { return nil }
        var keep = [Bool](repeating: true, count: d.count)
        for r in subtotals { keep[r] = false }
        var names: [String] = []
        for r in subtotals where !names.contains("\(d[r]) / \(a[r])") { names.append("\(d[r]) / \(a[r])") }
        return (keep, "\(NumberFormat.count(subtotals.count, "row")) of the actuals\(file) \(subtotals.count == 1 ? "is a subtotal" : "are subtotals"), each the sum of the lines above it or of its department's month (\(names.listed(upTo: 4))): left out, since summed with the lines they total they would count twice")
    }

    /// The actuals without a report's subtotal lines, as `run` reads them (for the proposal).
    public static func withoutSubtotals(_ actuals: Table) throws -> Table {
        guard let d = actuals.texts("department"), let a = actuals.texts("account"), let amounts = actuals.numbers("amount"),
              actuals.texts("period") != nil else { return actuals }
        let m = try monthColumn(actuals, "period", "actuals")
        return subtotals(department: d, account: a, month: m, amount: amounts, file: actuals.fromFile).map { actuals.filtered($0.keep) } ?? actuals
    }

    /// What `OneOffPosting` found, one sentence per kind, naming up to four lines each.
    static func oneOffNote(_ found: [(line: String, oneOff: OneOffPosting)]) -> String? {
        let money = { (x: Double) in NumberStyle().money(abs(x)) }, label = Frequency.month.label
        var once: [String] = [], spikes: [String] = [], recent: [String] = []
        for (line, oneOff) in found {
            switch oneOff {
            case let .once(month, amount): once.append("\(line), \(money(amount)) in \(label(month))")
            case let .recent(month, amount): recent.append("\(line), \(money(amount)) in \(label(month))")
            case let .spike(month, amount, usual): spikes.append("\(line), \(money(amount)) in \(label(month)) against \(money(usual)) a month")
            }
        }
        var said: [String] = []
        if !once.isEmpty {
            said.append("\(once.count == 1 ? "1 line" : "\(once.count) lines") posted once and not in the \(OneOffPosting.monthsAfter) months or more booked since (\(once.listed(upTo: 4))): read as one-off and projected at $0; budget \(once.count == 1 ? "it" : "them") if \(once.count == 1 ? "it recurs" : "they recur")")
        }
        if !spikes.isEmpty {
            said.append("\(spikes.count == 1 ? "1 line" : "\(spikes.count) lines") booked one month at \(NumberFormat.fixed(OneOffPosting.spikeRatio)) times \(spikes.count == 1 ? "its" : "their") usual month or more (\(spikes.listed(upTo: 4))): read as one-off, booked as it is and forecast at the usual month")
        }
        if !recent.isEmpty {
            said.append("\(recent.count == 1 ? "1 line" : "\(recent.count) lines") posted once, too recently to tell a one-off from a new monthly line (\(recent.listed(upTo: 4))): projected as monthly; if \(recent.count == 1 ? "it is a one-off, its" : "they are one-off, their") forecast_remaining is too high by as much")
        }
        return said.isEmpty ? nil : said.joined(separator: "; ")
    }

    /// A driven line's amount per unit of volume by month. A month whose volume is under half
    /// the line's median (a unit closed for renovation, 30 patient days instead of 300) says
    /// little about the cost per unit: its fixed costs spread over few units made it $1,333 a
    /// day against $333, and that one month lifted the forecast rate and the projection above
    /// every month booked. It takes the line's rate over all its months (total amount over
    /// total volume) instead.
    static func rates(_ booked: [Int: Double], volume: [Int: Double]) -> [Int: Double] {
        let volumes = booked.keys.map { volume[$0] ?? 0 }.sorted()
        let median = Median.of(sorted: volumes)
        let totalVolume = booked.keys.reduce(0) { $0 + (volume[$1] ?? 0) }
        let overall = totalVolume > 0 ? booked.values.reduce(0, +) / totalVolume : 0
        return booked.reduce(into: [:]) { rates, entry in
            let v = volume[entry.key] ?? 0
            rates[entry.key] = v > 0 && v >= median / 2 ? entry.value / v : overall
        }
    }

    /// Revenue booked as credits: when every revenue line is at or below zero in both the
    /// budget and the ledger (a trial balance's sign convention), their amounts are read with
    /// the signs turned and a note says so. Read as written, revenue 10% above a budget of
    /// -600,000 a month (-660,000) was a shortfall, every month flagged unfavorable, and the
    /// summary put it first among the largest unfavorable lines. When some revenue lines are
    /// positive, the negative ones are deductions (contractual allowances) and stay as they
    /// are: for them, more negative is rightly unfavorable.
    static func turnCreditRevenue(keys: [Key], types: [Key: VarianceLine.AccountType], budget: inout [Key: [Int: Double]], actual: inout [Key: [Int: Double]]) -> String? {
        let revenue = keys.filter { types[$0] == .revenue }
        let credits = revenue.allSatisfy { key in
            let planned = (budget[key] ?? [:]).values.reduce(0, +), booked = (actual[key] ?? [:]).values.reduce(0, +)
            return planned <= 0 && booked <= 0 && (planned < 0 || booked < 0)
        }
        guard !revenue.isEmpty, credits else { return nil }
        for key in revenue {
            budget[key] = budget[key]?.mapValues { -$0 }
            actual[key] = actual[key]?.mapValues { -$0 }
        }
        let lines = revenue.count == 1 ? "the revenue line (\(revenue[0].department) / \(revenue[0].account)) is" : "all \(revenue.count) revenue lines are"
        return "\(lines) booked below zero in both the budget and the ledger (revenue as credits): read with the signs turned, so revenue shows as positive and more of it is favorable"
    }

    /// The lines whose every booked month has the opposite sign of their budget: a ledger
    /// exporting revenue as credits (`(310,000.00)` against a budget of 300,000) read as a
    /// shortfall of twice the revenue, without a word.
    static func oppositeSignsNote(keys: [Key], budget: [Key: [Int: Double]], actual: [Key: [Int: Double]], through asOf: Int, ledger: String) -> String? {
        var opposite: [String] = []
        for key in keys {
            let planned = (budget[key] ?? [:]).values.reduce(0, +)
            let booked = (actual[key] ?? [:]).filter { $0.key <= asOf && $0.value != 0 }.map(\.value)
            guard planned != 0, !booked.isEmpty, booked.allSatisfy({ ($0 > 0) != (planned > 0) }) else { continue }
            opposite.append("\(key.department) / \(key.account)")
        }
        guard let first = opposite.first else { return nil }
        let count = opposite.count == 1 ? "1 line is" : "\(opposite.count) lines are"
        return "\(count) booked in every month with the opposite sign of the budget (\(first)\(opposite.count > 1 ? " and \(opposite.count - 1) more" : "")): the ledger\(ledger) likely exports revenue or credits as negative amounts, so each variance counts the amount twice; give the ledger and the budget the same sign"
    }

    /// "$5,550 under", "$1,200 over" or "on": the amount's size, its sign in the words given.
    /// "$1,694,880 over": the amount as a size, its direction in words. Never set in parentheses
    /// by the sentence, where `--negatives parentheses` readers take it for a negative.
    static func signed(_ difference: Double, _ positive: String, _ negative: String, numbers: NumberStyle) -> String {
        abs(difference) < 0.5 ? "on" : "\(numbers.money(abs(difference))) \(difference > 0 ? positive : negative)"
    }

    /// The summary's revenue sentence, when the ledger has revenue lines: the expense figures
    /// leave revenue out, and a revenue shortfall read "on budget" everywhere in the report.
    static func revenueSummary(_ lineYTD: [VarianceRow], fy: String, numbers: NumberStyle) -> [String] {
        let revenue = lineYTD.filter { $0.line.accountType == .revenue }
        guard !revenue.isEmpty else { return [] }
        func aboveOrBelow(_ difference: Double) -> String { signed(difference, "above", "below", numbers: numbers) }
        let budget = revenue.reduce(0) { $0 + $1.line.budget }, actual = revenue.reduce(0) { $0 + $1.line.actual }
        let projected = revenue.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        let projectedVariance = revenue.contains { $0.projectedVariance == nil } ? nil : revenue.reduce(0) { $0 + ($1.projectedVariance ?? 0) }
        let toDate = "Revenue year to date: budget \(numbers.money(budget)), actual \(numbers.money(actual)), \(aboveOrBelow(actual - budget)) budget"
        let year = "; projected \(fy) revenue \(numbers.money(projected))" + (projectedVariance.map { ", \(aboveOrBelow($0)) budget." } ?? ".")
        return [toDate + year]
    }

    /// The booked months of the lines flagged unfavorable: not their quarters, years to date
    /// and department totals, which count the same overspend again.
    static func unfavorableMonths(_ result: Result) -> [VarianceRow] {
        result.rows.filter {
            $0.flag == "unfavorable" && $0.basis == .actual && $0.line.account != "TOTAL" && !$0.line.period.contains("Q") && !$0.line.period.hasSuffix("YTD")
        }
    }

    /// How many booked months of the lines are flagged unfavorable, which budget_variance.csv's
    /// `flag` lists (with their quarters and years to date).
    static func unfavorableFlagsSentence(_ result: Result, file: String) -> String {
        let flagged = unfavorableMonths(result)
        let lines = Set(flagged.map { "\($0.line.department)\u{1F}\($0.line.account)" }).count
        guard !flagged.isEmpty else { return "No booked month is flagged unfavorable." }
        return "\(flagged.count) booked month\(flagged.count == 1 ? " is" : "s are") flagged unfavorable, on \(lines) line\(lines == 1 ? "" : "s") (\(file).csv, column flag)."
    }

    /// budget_variance.md: the executive summary, variance by department, the lines that
    /// matter, then quarters by department. `file` is the base name of the CSV the report
    /// points to (a stage's `file:`).
    public static func report(_ result: Result, calendar: FiscalCalendar, numbers: NumberStyle = NumberStyle(),
                              file: String = "budget_variance") -> Report {
        let fy = "FY\(result.fiscalYear)"
        let ytdTotals = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let ytdBudget = ytdTotals.reduce(0) { $0 + $1.line.budget }, ytdActual = ytdTotals.reduce(0) { $0 + $1.line.actual }
        let lineYTD = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == "\(fy)-YTD" }
        let projected = lineYTD.filter { $0.line.accountType == .expense }.reduce(0) { $0 + ($1.projectedFY ?? 0) }
        func overOrUnder(_ difference: Double) -> String { signed(difference, "over", "under", numbers: numbers) }
        var doc = Report(title: "Budget variance \(fy), through \(Frequency.month.label(result.asOf))", summary: [
            "\(fy) expense budget \(numbers.money(result.annualBudget)); year to date budget \(numbers.money(ytdBudget)), actual \(numbers.money(ytdActual)), \(overOrUnder(ytdActual - ytdBudget)) budget.",
            "Projected \(fy) expense \(numbers.money(projected)) "
                + (result.projectedLow.isFinite && result.projectedHigh.isFinite
                    ? "(80% range \(numbers.money(result.projectedLow)) to \(numbers.money(result.projectedHigh)))"
                    : "(no 80% range: some line's history is too short to measure how far its months stray)")
                + (result.partialBudget.map { part in "; the budget covers \(part.covered) of \(fy)'s \(part.months) months, so the projected year is not set against it." }
                    ?? ", \(overOrUnder(projected - result.annualBudget)) budget."),
        ] + revenueSummary(lineYTD, fy: fy, numbers: numbers) + [unfavorableFlagsSentence(result, file: file)]
          + (departmentsWithoutActualsNote(result).map { [$0] } ?? [])
          // How the exports were read (two budget versions summed, revenue as credits, a thin
          // last month): said where the figures are read, not only on the terminal and in
          // the run's index, since each can change the headline.
          + result.notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + ($0.hasSuffix(".") ? "" : ".") })
        doc.keyFigure("\(fy) expense budget", result.annualBudget, style: .money)
        doc.keyFigure("Year-to-date budget", ytdBudget, style: .money)
        doc.keyFigure("Year-to-date actual", ytdActual, style: .money)
        doc.keyFigure("Year-to-date variance", ytdActual - ytdBudget, style: .money)
        doc.keyFigure("Projected \(fy) expense", projected, style: .money)
        if result.partialBudget == nil { doc.keyFigure("Projected variance", projected - result.annualBudget, style: .money) }
        // The months the summary's sentence counts: counting quarters, years to date and
        // totals too gave 50 beside a sentence saying 21.
        doc.keyFigure("Booked months flagged unfavorable", Double(unfavorableMonths(result).count))
        if !ytdTotals.isEmpty {
            var chart = VarianceBarChart(
                title: "\(fy) year-to-date variance by department",
                caption: "Actual minus budget through \(Frequency.month.label(result.asOf)); positive expense variance is unfavorable.",
                bars: ytdTotals.sorted { $0.line.variance > $1.line.variance }.map {
                    VarianceBarChart.Bar(label: $0.line.department, value: $0.line.variance, favorable: $0.line.favorable)
                }, format: .money)
            chart.negatives = numbers.negatives
            doc.figure(Report.Figure(name: "by_department", description: "Year-to-date variance by department", svg: chart.svg(),
                                     chart: chart.workbookChart(categoryHeader: "Department", seriesName: "Variance")))
        }
        // Every line over budget (revenue under it), by amount, flagged or not: listing the
        // flagged ones alone left out a $28,800 overrun at 4.8% beside a $10,650 one at 8.9%, and
        // with none flagged the section was gone while two lines ran $23,000 over.
        let unfavorable = lineYTD.filter { !$0.line.favorable && abs($0.line.variance) >= 0.005 }
            .sorted { (abs($1.line.variance), $0.line.department, $0.line.account) < (abs($0.line.variance), $1.line.department, $1.line.account) }
        if !unfavorable.isEmpty {
            doc.heading("Largest unfavorable lines, year to date")
            doc.bullets(unfavorable.prefix(8).map { r in
                let l = r.line
                // A comma, not parentheses: with --negatives parentheses a negative percentage in
                // them read "($60,000) ((20%))".
                let head = "\(l.department) / \(l.account): \(numbers.money(l.variance)), \(l.variancePercent.map { numbers.percent($0) } ?? "no budget")"
                    + (r.flag.isEmpty ? " (within the flag thresholds)" : "")
                // Spending with no budget, or a fixed line's, is no price or efficiency: it read
                // "mostly rate (price or efficiency)" for a new department's whole payroll.
                guard l.splitsByVolume else {
                    let why = l.budget == 0 ? "all of it unbudgeted" : l.behavior == .fixed ? "a fixed line, not split by volume" : "no volume to split it by"
                    return head + " — \(why)."
                }
                let cause = abs(l.rateVariance) >= abs(l.volumeVariance) ? "mostly rate (price or efficiency)" : "mostly volume"
                return head + " — volume \(numbers.money(l.volumeVariance)), rate \(numbers.money(l.rateVariance)); \(cause)."
            })
        }
        let covered = lineYTD.filter { $0.line.overBudgetButCoveredByVolume }
        if !covered.isEmpty {
            doc.heading("Over budget but covered by volume")
            doc.bullets(covered.prefix(8).map { "\($0.line.department) / \($0.line.account): \(numbers.money($0.line.variance)) over, flexed budget \(numbers.money($0.line.flexedBudget)) covers it (volume variance \(numbers.money($0.line.volumeVariance)))." })
        }
        doc.heading("Quarters by department (expense)")
        let quarters = result.rows.filter { $0.line.account == "TOTAL" && $0.line.period.contains("-Q") }
        doc.table(["Department", "Quarter", "Basis", "Budget", "Actual or forecast", "Variance", "Variance %", "Volume", "Rate"],
                  // Forecast quarters carry their split as budget_variance.csv does (README: driver-based
                  // forecast rows carry flexed_budget, volume and rate like booked ones); the
                  // table left them blank beside the CSV's figures. A quarter whose split the
                  // CSV leaves blank is blank here too (`splitKnown`): summed from the lines, the
                  // table showed a split the CSV did not have.
                  quarters.map { r in
                      [r.line.department, r.line.period, r.basis.rawValue, numbers.money(r.line.budget), numbers.money(r.line.actual), numbers.money(r.line.variance),
                       r.line.variancePercent.map { numbers.percent($0) } ?? "", r.splitKnown && r.line.volumeVariance.isFinite ? numbers.money(r.line.volumeVariance) : "",
                       r.splitKnown && r.line.rateVariance.isFinite ? numbers.money(r.line.rateVariance) : ""]
                  }, alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right],
                  // The figures as budget_variance.csv writes them, behind the whole dollars shown.
                  values: quarters.map { r in
                      func cents(_ x: Double) -> Double? { x.isFinite ? (x * 100).rounded() / 100 : nil }
                      return [nil, nil, nil, cents(r.line.budget), cents(r.line.actual), cents(r.line.variance), r.line.variancePercent.map { ($0 * 10).rounded() / 10 },
                              r.splitKnown ? cents(r.line.volumeVariance) : nil, r.splitKnown ? cents(r.line.rateVariance) : nil]
                  })
        let unsplit = quarters.filter { !$0.splitKnown }
        if !unsplit.isEmpty {
            // Why: the lines projected from their amounts have no forecast volume to flex by.
            let lines = result.rows.filter { row in
                !row.splitKnown && row.line.account != "TOTAL" && row.line.accountType == .expense && row.line.period.contains("-Q")
                    && unsplit.contains { $0.line.department == row.line.department && $0.line.period == row.line.period }
            }
            var named: [String] = []
            for row in lines where !named.contains("\(row.line.department) / \(row.line.account)") { named.append("\(row.line.department) / \(row.line.account)") }
            doc.paragraph("Volume and rate are blank for \(unsplit.count == 1 ? "1 forecast quarter" : "\(unsplit.count) forecast quarters"), as in \(file).csv: "
                          + "\(named.count == 1 ? "a line in it is" : "lines in them are") projected from \(named.count == 1 ? "its" : "their") amounts, with no forecast volume to flex the budget by (\(named.listed(upTo: 5, of: named.count))).")
        }
        let split = ytdTotals.filter { $0.projectedVariance != nil && $0.projectedVolumeVariance != nil }
        if !split.isEmpty {
            doc.heading("Projected \(fy) variance by department: volume and rate (expense)")
            doc.paragraph("Booked months flexed by actual volume, forecast months by forecast volume (variable accounts with volumes are projected as forecast volume x forecast rate); fixed accounts and lines without volumes are all rate.")
            doc.table(["Department", "Budget", "Projected", "Projected variance", "From volume", "From rate"], split.map { r in
                let variance = r.projectedVariance ?? 0, projected = r.projectedFY ?? 0
                return [r.line.department, numbers.money(projected - variance), numbers.money(projected), numbers.money(variance),
                        numbers.money(r.projectedVolumeVariance ?? 0), numbers.money(r.projectedRateVariance ?? 0)]
            }, alignments: [.left, .right, .right, .right, .right, .right])
        }
        if let scenarios = result.scenarios { scenarioSection(&doc, scenarios, fy: fy, numbers: numbers, partialBudget: result.partialBudget != nil) }
        supplySection(&doc, result, numbers: numbers)
        return doc
    }

    /// The scenarios' projected fiscal year beside the budget, by department (expense), and
    /// as a chart of each scenario's projected variance.
    static func scenarioSection(_ doc: inout Report, _ rows: [ScenarioProjection.Row], fy: String, numbers: NumberStyle, partialBudget: Bool = false) {
        var names: [String] = []
        for row in rows where !names.contains(row.scenario) { names.append(row.scenario) }
        let totals = rows.filter { $0.account == "TOTAL" }
        var departments: [String] = []
        for row in totals where !departments.contains(row.department) { departments.append(row.department) }
        func total(_ scenario: String, _ department: String) -> ScenarioProjection.Row? {
            totals.first { $0.scenario == scenario && $0.department == department }
        }
        doc.heading("Scenarios: projected \(fy) by department (expense)")
        let all = names.map { total($0, "ALL") }
        func allRow(_ scenario: String, _ account: String) -> ScenarioProjection.Row? {
            rows.first { $0.scenario == scenario && $0.department == "ALL" && $0.account == account }
        }
        func change(_ value: Double) -> String { (value > 0.5 ? "+" : "") + numbers.money(value) }
        doc.bullets(zip(names, all).dropFirst().compactMap { name, row in
            row.map { expense in
                var text = "\(name): projected expense \(numbers.money(expense.projectedFY)), \(change(expense.changeVsBase)) against the base"
                    + (partialBudget ? "" : ", \(numbers.money(abs(expense.projectedVariance))) \(expense.projectedVariance > 0 ? "over" : "under") budget")
                if let revenue = allRow(name, ScenarioProjection.revenueAccount), let net = allRow(name, ScenarioProjection.netAccount) {
                    // (Commas, not parentheses: with --negatives parentheses a fall is itself
                    // in parentheses, and read "(($5,940) against the base)".)
                    text += "; revenue \(numbers.money(revenue.projectedFY)), \(change(revenue.changeVsBase)) against the base; net \(numbers.money(net.projectedFY)), \(change(net.changeVsBase)) against the base"
                }
                return text + "."
            }
        })
        doc.table(["Department", "Budget"] + names, departments.map { department in
            [department, numbers.money(total(names[0], department)?.budgetFY ?? 0)] + names.map { numbers.money(total($0, department)?.projectedFY ?? 0) }
        }, alignments: [.left] + Array(repeating: .right, count: names.count + 1))
        let shown = departments.filter { $0 != "ALL" }
        // A budget for part of the year has no projected variance to chart.
        guard !shown.isEmpty, !partialBudget else { return }
        var chart = GroupedBarChart(title: "Projected \(fy) variance by department and scenario",
                                    caption: "Projected fiscal year minus budget; positive is over budget.", categories: shown,
                                    series: names.map { name in .init(name: name, values: shown.map { total(name, $0)?.projectedVariance ?? 0 }) },
                                    format: .money)
        chart.negatives = numbers.negatives
        doc.figure(Report.Figure(name: "scenarios", description: "Projected variance by department and scenario", svg: chart.svg(),
                                 chart: chart.workbookChart(categoryHeader: "Department")))
    }

    /// Unfavorable rate variances on expense lines this year: paying more per unit of
    /// volume than budgeted (prices or efficiency), for the run's index.
    public static func costReductions(_ result: Result, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        let fy = "FY\(result.fiscalYear)-YTD"
        // Only lines whose variance splits by volume: a line with no budget or a fixed one
        // has no rate to speak of (\$108,000 of unbudgeted spend was counted as rate variance).
        let lines = result.rows.filter { $0.line.account != "TOTAL" && $0.line.period == fy && $0.line.accountType == .expense && $0.line.splitsByVolume && $0.line.rateVariance > 0 }
            .sorted { $0.line.rateVariance > $1.line.rateVariance }
        guard !lines.isEmpty else { return [] }
        let largest = lines.prefix(3).map { "\($0.line.department) / \($0.line.account) \(numbers.money($0.line.rateVariance))" }.joined(separator: "; ")
        return [CostReduction(area: "Rate variances (price or efficiency)", detail: "\(NumberFormat.count(lines.count, "expense line")) \(lines.count == 1 ? "costs" : "cost") more per unit of volume than budgeted this year; largest: \(largest).",
                              amount: lines.reduce(0) { $0 + $1.line.rateVariance }, report: report)]
    }
}
