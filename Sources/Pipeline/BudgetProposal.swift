import Forecasting
import Planning
import Reports
import Tabular

/// Next year's budget, proposed from this year's evidence: each department's volume is
/// forecast for the proposed fiscal year, variable accounts get that volume times the
/// current rate (actual amount per unit of volume over the last twelve months), fixed
/// accounts (and lines without volumes) the last twelve months' actuals; every account is
/// then raised by its inflation assumption. A line whose actuals begin within the twelve
/// months is taken over the months since it began.
///
/// The output uses the budget input's own columns (and, through `headers`, its own header
/// names), so it can be edited and loaded back as the budget.
public struct BudgetProposal: Sendable {
    public var calendar = FiscalCalendar()
    public var fiscalYear: Int
    /// Percent per account name (e.g. "Med Supplies": 3); accounts not listed use `defaultInflation`.
    public var inflation: [String: Double] = [:]
    public var defaultInflation = 0.0
    /// Role -> header to write (the user's column map); roles not listed keep their names.
    public var headers: [String: String] = [:]
    public var threads = 2
    /// The last month of actuals to learn from (the variance report's as-of); nil = the last
    /// month in the actuals. Months after it are what the report calls the future.
    public var asOf: Int?

    public init(fiscalYear: Int) { self.fiscalYear = fiscalYear }

    public struct Result: Sendable {
        public var table: Table
        public var assumptions: [String]
        public var total: Double
        /// The amount column's header in `table` (the budget file's own, `Budget USD`), so a
        /// workbook formats the amounts as money whatever the column is called.
        public var amountColumn = "amount"
    }

    /// `inflation` by the accounts of the actuals it names, matched ignoring case and runs of
    /// spaces, as the variance matches names. A name that is no account is an error: it was
    /// ignored while the proposal's assumptions listed it as applied.
    func inflationByAccount(_ accounts: Set<String>, file: String) throws -> [String: Double] {
        // (And leading zeros of a code, as the variance reads the names.)
        let spellings = NameSpellings(accounts.sorted(), foldsLeadingZeros: true)
        var byKey: [String: String] = [:]
        for account in accounts.sorted() where byKey[account.matchKey()] == nil { byKey[account.matchKey()] = account }
        var resolved: [String: Double] = [:], givenAs: [String: String] = [:]
        // Below -100% a cost turns negative; scenarios refuse it too.
        for (name, percent) in inflation.sorted(by: { $0.key < $1.key }) + [("(default)", defaultInflation)] where !(percent >= -100) {
            throw PipelineError(location: nil, "budget proposal: the inflation of \(name == "(default)" ? "every other account (--default-inflation, default_inflation:)" : "'\(name.clipped(60))'") is \(NumberFormat.fixed(percent))%; a price change runs from -100% up, so give a percent of at least -100")
        }
        for (name, percent) in inflation.sorted(by: { $0.key < $1.key }) {
            let key = name.matchKey()
            guard let account = spellings.spelling(of: name) else {
                let near = byKey.keys.sorted().filter { $0.contains(key) || key.contains($0) }.compactMap { byKey[$0] }
                throw PipelineError(location: nil, "budget proposal: the inflation (--inflation, inflation: in a pipeline) names '\(name.clipped(60))', which is no account of the actuals\(file)"
                                    + (near.isEmpty ? "; accounts are named as the ledger writes them, e.g. '\((accounts.sorted().first ?? "").clipped(60))'" : "; did you mean " + near.prefix(3).map { "'\($0.clipped(60))'" }.joined(separator: " or ") + "?"))
            }
            // One account named twice in two spellings: the later value wrote over the other.
            if let first = givenAs[account], resolved[account] != percent {
                throw PipelineError(location: nil, "budget proposal: the inflation names account '\(account.clipped(60))' twice ('\(first.clipped(60))' and '\(name.clipped(60))', \(NumberFormat.fixed(resolved[account]!))% and \(NumberFormat.fixed(percent))%); keep one")
            }
            givenAs[account] = name
            resolved[account] = percent
        }
        return resolved
    }

    public func run(budget: Table, actuals: Table, volumes: Table?) throws -> Result {
        let months = Frequency.month
        guard let aDept = actuals.texts("department"), let aAcct = actuals.texts("account"), let aPeriod = actuals.texts("period"),
              let aAmount = actuals.numbers("amount") else {
            throw PipelineError(location: nil, "budget proposal: the actuals need department, account, period and amount")
        }
        let parser = DateParser()
        let aMonth = try aPeriod.map { t -> Int in
            guard let d = parser.parse(t) else { throw PipelineError(location: nil, "budget proposal: '\(t)' is not a month") }
            return months.period(of: d)
        }
        guard let latest = aMonth.max() else { throw PipelineError(location: nil, "budget proposal: the actuals are empty") }
        let last = min(asOf ?? latest, latest)
        let target = calendar.months(ofFiscalYear: fiscalYear)
        guard let firstTarget = target.first, firstTarget > last else {
            throw PipelineError(location: nil, "budget proposal: FY\(fiscalYear) must start after the last month of actuals (\(months.label(last)))")
        }
        // The twelve months to the last, or fewer when the actuals begin within them.
        let window = max(last - 11, aMonth.min() ?? last)...last

        // Last twelve months: amount per line, volume per department.
        // A line's first month with actuals, and its months with actuals in the window: a line
        // that began within the window (a new lease, a unit opened in the spring) and has been
        // booked in three months since is taken at its rate since then, not as if the months
        // before had cost nothing. One or two bookings may be one-off charges: spread over the
        // window, as before.
        var amount: [String: [String: Double]] = [:], firstMonth: [String: [String: Int]] = [:]
        var bookedMonths: [String: [String: Set<Int>]] = [:], byMonth: [String: [String: [Int: Double]]] = [:]
        var volume: [String: [Int: Double]] = [:]
        let aVolume = actuals.numbers("volume")
        for r in 0..<aDept.count where aMonth[r] <= last {
            if window.contains(aMonth[r]) {
                amount[aDept[r], default: [:]][aAcct[r], default: 0] += aAmount[r]
                bookedMonths[aDept[r], default: [:]][aAcct[r], default: []].insert(aMonth[r])
            }
            firstMonth[aDept[r], default: [:]][aAcct[r]] = min(firstMonth[aDept[r]]?[aAcct[r]] ?? .max, aMonth[r])
            byMonth[aDept[r], default: [:]][aAcct[r], default: [:]][aMonth[r], default: 0] += aAmount[r]
            if let v = aVolume?[r], v.isFinite { volume[aDept[r], default: [:]][aMonth[r]] = v }
        }
        if let volumes, let vDept = volumes.texts("department"), let vPeriod = volumes.texts("period"), let va = volumes.numbers("actual_volume") {
            // A daily census is summed into its months (see `DailyVolumes`), as the variance reads it.
            if let vDays = volumes.days("period"), let daily = DailyVolumes(departments: vDept, days: vDays, budget: nil, actual: va) {
                for (department, byMonth) in daily.actual { volume[department, default: [:]].merge(byMonth) { _, given in given } }
            } else {
                for r in 0..<vDept.count where va[r].isFinite {
                    if let d = parser.parse(vPeriod[r]) { volume[vDept[r], default: [:]][months.period(of: d)] = va[r] }
                }
            }
        }
        let raiseOf = try inflationByAccount(Set(aAcct), file: actuals.fromFile)
        // Account behaviour and type, from the current budget.
        // Kept as written (e.g. "Variable", "Revenue") so the proposal reads like the export.
        // By department and account, as the variance reads them: by account alone, Pharmacy's
        // salaries budgeted fixed made ICU's variable salaries fixed, so a line's proposal
        // depended on the other departments in the run (and shards disagreed with the whole).
        // A line the budget lacks takes its account's type (a revenue account is revenue in any
        // department) and the default behavior, variable, whatever other departments budget.
        var type: [String: String] = [:]
        var lineBehavior: [String: String] = [:], lineType: [String: String] = [:], lineBudget: [String: Double] = [:]
        if let bAcct = budget.texts("account") {
            let b = budget.texts("behavior"), t = budget.texts("account_type"), d = budget.texts("department"), amounts = budget.numbers("amount")
            for r in 0..<bAcct.count {
                let line = CompositeKey.joined(d?[r] ?? "", bAcct[r])
                if let v = amounts?[r], v.isFinite { lineBudget[line, default: 0] += v }
                if let v = b?[r], !v.isEmpty { lineBehavior[line] = v }
                if let v = t?[r], !v.isEmpty { type[bAcct[r]] = v; lineType[line] = v }
            }
        }
        func behaviorOf(_ department: String, _ account: String) -> String? { lineBehavior[CompositeKey.joined(department, account)] }
        func typeOf(_ department: String, _ account: String) -> String? { lineType[CompositeKey.joined(department, account)] ?? type[account] }

        // Forecast each department's monthly volume through the proposed year.
        // Volumes are levels: a month without a row is missing, not a month of none (gaps read as
        // zero were forecast as a seasonal drop and written into the proposal's volume column).
        // A closed department (`ClosedDepartment`: no posting and no volume in its last three
        // months or more) is proposed at its run rate, $0, and volume 0: forecast, its months
        // since read as missing gave it its census before it closed (a pediatrics unit closed
        // since October proposed at $5.85M expense and $21.2M revenue beside a rolling forecast
        // of about $35,000).
        // Its fixed lines (a lease, depreciation) do not keep it open, and those still posting
        // are proposed as they post (`keepsPosting`); a seasonal department's off-season is no
        // closure (`ClosedDepartment.isSeasonal`).
        var closed: [String: ClosedDepartment] = [:]
        func isFixed(_ department: String, _ account: String) -> Bool {
            (behaviorOf(department, account) ?? "variable").lowercased() == "fixed" && (typeOf(department, account) ?? "expense").lowercased() != "revenue"
        }
        var drivenPosted: [String: Set<Int>] = [:]
        for (department, lines) in byMonth {
            let posted = lines.filter { !isFixed(department, $0.key) }.values.reduce(into: Set<Int>()) { $0.formUnion(LedgerMonths.postedMonths($1)) }
            drivenPosted[department] = posted
            if let stop = ClosedDepartment.find(department, posted: posted, volume: volume[department] ?? [:], asOf: last, ledgerStart: aMonth.min()) { closed[department] = stop }
        }
        func keepsPosting(_ department: String, _ account: String) -> Bool {
            guard let stop = closed[department], isFixed(department, account) else { return false }
            return LedgerMonths.postedMonths(byMonth[department]?[account] ?? [:]).contains { $0 >= stop.since && $0 <= last }
        }
        var totals = PeriodTotals(frequency: .month, gaps: .missing)
        for (department, given) in volume where closed[department] == nil {
            // A month inside the department's history with neither a volume row nor a posting
            // on a variable or revenue line is a month it had no patients (a season's off
            // months), not a census nobody recorded: read as missing, a summer camp clinic open
            // June to August was interpolated across its winters and proposed at its
            // in-season census every month ($1.74M for the ~$0.46M it spends).
            var byMonth = given
            if let first = given.filter({ $0.value > 0 }).keys.min() {
                for month in first...max(first, last) where byMonth[month] == nil && !(drivenPosted[department] ?? []).contains(month) { byMonth[month] = 0 }
            }
            for (month, v) in byMonth where month <= last {
                var key = department
                key.withUTF8 { totals.add(key: $0, day: months.firstDay(of: month), value: v) }
            }
        }
        var volumeForecast: [String: [Int: Double]] = [:]
        for department in closed.keys where volume[department] != nil { volumeForecast[department] = Dictionary(uniqueKeysWithValues: target.map { ($0, 0) }) }
        if totals.seriesCount > 0 {
            let horizon = target.last! - totals.lastPeriod
            let forecaster = DemandForecaster(settings: ForecastSettings(horizon: horizon, season: 12, levels: [80], backtestOrigins: 3))
            try ParallelForecast.each(totals, forecaster: forecaster, threads: threads, progress: Progress(label: "proposal", total: totals.seriesCount, quiet: true)) { department, _, f in
                for (k, v) in f.mean.enumerated() { volumeForecast[department, default: [:]][totals.lastPeriod + 1 + k] = v }
            }
        }

        var departments: [String] = [], accounts: [String] = [], periods: [String] = [], amounts: [Double] = [], volumesOut: [Double] = []
        var years: [String] = [], types: [String] = [], behaviors: [String] = []
        var total = 0.0
        var newLines = 0
        // One-off postings (`OneOffPosting`), as the variance's forecast reads them: a lone
        // invoice is not budgeted again, a spike in a monthly line counts at the line's usual
        // month. Taken as they were, a single $10,000 invoice came back at $842 a month and a
        // $51,000 repair made a $1,000-a-month line $6,556, while the same run called both one-off.
        let ledgerStart = aMonth.min() ?? last
        var leftOut: [String] = [], normalised: [String] = [], spreadThin: [String] = [], flipped: [String] = [], maybeYearly: [String] = []
        var closedBase: [String: Double] = [:], unpriced: [String] = []
        // Every month with an amount is a posting here (a refund in a monthly line too: by the
        // net's sign alone, the refund was the line's only posting and the line left out).
        func postings(_ history: [Int: Double]) -> Set<Int> { Set(history.filter { abs($0.value) >= 0.005 }.keys) }
        func oneOff(_ department: String, _ account: String, _ booked: Double, _ month: Int) -> String {
            "\(department) / \(account) (\(NumberStyle().money(booked)) in \(months.label(month)))"
        }
        for department in amount.keys.sorted() {
            for account in amount[department]!.keys.sorted() {
                var spent = amount[department]![account]!
                if closed[department] != nil && !keepsPosting(department, account) {
                    if (typeOf(department, account) ?? "expense").lowercased() == "expense" { closedBase[department, default: 0] += spent }
                    for month in target {
                        departments.append(department); accounts.append(account); periods.append(months.label(month))
                        amounts.append(0); volumesOut.append(volumeForecast[department]?[month] ?? .nan)
                        years.append("FY\(fiscalYear)"); types.append(typeOf(department, account) ?? "expense"); behaviors.append(behaviorOf(department, account) ?? "variable")
                    }
                    continue
                }
                // Written in the budget's sign: revenue budgeted positive and booked as credits
                // came back negative, and loaded as next year's budget read as a shortfall.
                let budgeted = lineBudget[CompositeKey.joined(department, account)] ?? 0
                let flips = budgeted * spent < 0
                if flips { flipped.append("\(department) / \(account)") }
                let history = byMonth[department]?[account] ?? [:]
                let posted = postings(history)
                // A lone posting budgeted as a possible yearly charge, named with what it came to.
                var yearlyPosting: (month: Int, amount: Double)?
                switch OneOffPosting.find(history, posted: posted, ledgerStart: ledgerStart, asOf: last) {
                case let .once(month, booked)?:
                    // Left out where the ledger reaches a year before it or a year after it, so
                    // that a yearly charge (a licence, insurance) would have shown then; in a
                    // shorter ledger a lone posting may be either, and is budgeted as yearly (it
                    // is then within the base, so the base's amount holds it), named.
                    guard OneOffPosting.mayBeYearly(month: month, ledgerStart: ledgerStart, last: last) else {
                        leftOut.append(oneOff(department, account, booked, month))
                        continue
                    }
                    yearlyPosting = (month, booked)
                case let .spike(month, booked, usual)? where window.contains(month), let .credit(month, booked, usual)? where window.contains(month):
                    // At the usual month in the line's usual sign: a refund in a line of costs
                    // counts as a month of costs, and a month a rebate credit took far below the
                    // usual one (`OneOffPosting.credit`) counts as a usual month.
                    let others = history.filter { $0.key != month }.values.reduce(0, +)
                    let typical = others < 0 ? -abs(usual) : abs(usual)
                    spent += typical - booked
                    normalised.append("\(department) / \(account) (\(NumberStyle().money(booked)) in \(months.label(month)), counted at \(NumberStyle().money(typical)))")
                default:
                    break
                }
                // Begun within the base only three months or more into it: a quarterly line's
                // first posting falls in its first three months (a line posting in September,
                // December, March and June, from a July base, read as begun in September and came
                // out at 4.8 quarters a year).
                let firstPosted = firstMonth[department]?[account] ?? window.lowerBound
                let began = firstPosted - window.lowerBound >= 3 ? firstPosted : window.lowerBound
                let recurring = (bookedMonths[department]?[account]?.count ?? 0) >= 3
                let from = began > window.lowerBound && recurring ? began : window.lowerBound
                if from > window.lowerBound { newLines += 1 }
                // Begun within the base with one or two bookings: spread over the whole base,
                // as one-off charges may be, but named, since a new $600 lease came back at $102
                // a month without a word (a budget director's review).
                if began > window.lowerBound && !recurring && yearlyPosting == nil {
                    spreadThin.append("\(department) / \(account) (\(NumberStyle().money(spent)) since \(months.label(began)))")
                }
                let monthsCovered = Double(last - from + 1)
                let lastYearVolume = (from...last).reduce(0) { $0 + (volume[department]?[$1] ?? 0) }
                // Driver-based only when every month the line booked has its department's
                // volume: a year of spend over three months of volume made the cost per patient
                // day four times what it was ($480,000 proposed for a line of $120,000).
                let booked = (bookedMonths[department]?[account] ?? []).filter { $0 >= from }
                let volumeCovers = !booked.isEmpty && booked.allSatisfy { (volume[department]?[$0] ?? 0) > 0 }
                let raise = 1 + (raiseOf[account] ?? defaultInflation) / 100
                let variable = (behaviorOf(department, account) ?? "variable").lowercased() == "variable"
                // A variable line its department's volume does not cover is spread evenly while
                // the volume column beside it is the forecast: loaded back, each month implied a
                // different cost per unit (a statistics feed a month behind the ledger made
                // every variable line so, unnamed). Named with the months without a volume.
                if variable, !volumeCovers, !booked.isEmpty, volumeForecast[department] != nil {
                    let bare = booked.filter { (volume[department]?[$0] ?? 0) <= 0 }.sorted()
                    if let first = bare.first, let end = bare.last {
                        let span = first == end ? months.label(first) : bare.count == end - first + 1 ? "\(months.label(first)) to \(months.label(end))" : "\(bare.count) months, \(months.label(first)) to \(months.label(end))"
                        unpriced.append("\(department) / \(account) (no volume for \(span))")
                    }
                }
                var lineTotal = 0.0
                for month in target {
                    // The volume as written (to 2 decimals) is the one the amount is priced on:
                    // written as 2 while the amount was priced on 2.49, the proposal loaded back
                    // as next year's budget showed a 25% rate variance that was not there.
                    let forecastVolume = volumeForecast[department]?[month].map { ($0 * 100).rounded() / 100 }
                    let value: Double
                    if variable, volumeCovers, let v = forecastVolume, lastYearVolume > 0 {
                        value = spent / lastYearVolume * v * raise
                    } else {
                        value = spent / monthsCovered * raise
                    }
                    let rounded = ((flips ? -value : value) * 100).rounded() / 100
                    departments.append(department); accounts.append(account); periods.append(months.label(month))
                    amounts.append(rounded); volumesOut.append(forecastVolume ?? .nan)
                    years.append("FY\(fiscalYear)"); types.append(typeOf(department, account) ?? "expense"); behaviors.append(behaviorOf(department, account) ?? "variable")
                    if (typeOf(department, account) ?? "expense").lowercased() == "expense" { total += rounded }
                    lineTotal += rounded
                }
                if let (month, booked) = yearlyPosting {
                    maybeYearly.append("\(department) / \(account) (\(NumberStyle().money(booked)) in \(months.label(month)), \(NumberStyle().money(lineTotal)) proposed)")
                }
            }
        }
        // A lone posting before the base, with no row in it: named as the variance names it
        // (read as one-off, projected at $0), where the proposal had no word for it.
        for department in byMonth.keys.sorted() {
            for account in byMonth[department]!.keys.sorted() where amount[department]?[account] == nil {
                let history = byMonth[department]![account]!
                if case let .once(month, booked)? = OneOffPosting.find(history, posted: postings(history), ledgerStart: ledgerStart, asOf: last) {
                    leftOut.append(oneOff(department, account, booked, month))
                }
            }
        }
        // The budget export's own columns, in its order and with its header names.
        let produced: [String: Table.Column] = ["department": .text(departments), "account": .text(accounts), "period": .text(periods),
                                                "amount": .number(amounts), "volume": .number(volumesOut), "fiscal_year": .text(years),
                                                "account_type": .text(types), "behavior": .text(behaviors)]
        var layout = budget.sourceHeaders.filter { produced[$0.role] != nil }
        if layout.isEmpty {
            layout = ["department", "account", "period", "amount"].map { Table.SourceHeader(role: $0, header: $0) }
            for role in ["volume", "fiscal_year", "account_type", "behavior"] where budget.index(of: role) != nil {
                layout.append(Table.SourceHeader(role: role, header: role))
            }
        }
        // The volumes the variable lines are priced on, when they came from a volumes file and
        // the budget has no column for them: without it next year could not be flexed.
        if !layout.contains(where: { $0.role == "volume" }) && volumesOut.contains(where: { !$0.isNaN }) {
            layout.append(Table.SourceHeader(role: "volume", header: "volume"))
        }
        var table = Table()
        for column in layout { table.append(headers[column.role] ?? column.header, produced[column.role]!) }
        var assumptions = [
            "Base: actuals of the \(window.count == 12 ? "twelve months" : window.count == 1 ? "month" : "\(window.count) months") \(months.label(window.lowerBound)) to \(months.label(last))"
                + (window.count < 12 ? " (the actuals begin \(months.label(window.lowerBound)))" : "")
                + (newLines == 0 ? "." : "; \(newLines == 1 ? "1 line" : "\(newLines) lines") that began within them, booked in three months or more, at \(newLines == 1 ? "its" : "their") rate since \(newLines == 1 ? "it" : "they") began."),
            "Variable accounts: forecast department volume x last year's cost per unit of volume (where the department has a volume for every month the line booked); fixed accounts and lines without such volumes: last year's actuals spread evenly.",
            "Volumes forecast per department from their monthly history (backtest-weighted ETS, Theta and seasonal naive).",
        ]
        if !closed.isEmpty {
            let named = closed.keys.sorted().map { "\($0) (no volume and no variable posting since \(months.label(closed[$0]!.since)); \(NumberStyle().money(closedBase[$0] ?? 0)) of expense in the base)" }
            let kept = closed.keys.sorted().flatMap { department in (amount[department] ?? [:]).keys.sorted().filter { keepsPosting(department, $0) }.map { "\(department) / \($0)" } }
            assumptions.append("Closed \(closed.count == 1 ? "department" : "departments"), no volume and no posting on a variable or revenue line in \(closed.count == 1 ? "its" : "their") last \(ClosedDepartment.minimumMonths) months or more: proposed at \(closed.count == 1 ? "its" : "their") run rate, $0 and volume 0, \(named.listed(upTo: 5, of: named.count))"
                              + (kept.isEmpty ? "" : "; \(kept.count == 1 ? "a fixed line" : "fixed lines") still posting since the closure proposed as \(kept.count == 1 ? "it posts" : "they post"), \(kept.listed(upTo: 5, of: kept.count))")
                              + "; budget \(closed.count == 1 ? "it by hand if it reopens" : "any that reopens by hand").")
        }
        if !unpriced.isEmpty {
            assumptions.append("\(unpriced.count == 1 ? "1 variable line" : "\(unpriced.count) variable lines") at last year's actuals spread evenly, not on volume, since \(unpriced.count == 1 ? "its" : "their") department has no volume for every month \(unpriced.count == 1 ? "it" : "they") booked (a statistics file ending before the actuals): \(unpriced.listed(upTo: 5, of: unpriced.count)); the volume beside them is the department's forecast, not what they were priced on.")
        }
        if !leftOut.isEmpty {
            assumptions.append("One-off postings not budgeted again: \(leftOut.sorted().listed(upTo: 5, of: leftOut.count)); budget them if they recur.")
        }
        if !maybeYearly.isEmpty {
            assumptions.append("Posted once, in a ledger reaching neither a year before nor a year after: budgeted as yearly charges, \(maybeYearly.listed(upTo: 5, of: maybeYearly.count)); take out any that was a one-off.")
        }
        if !flipped.isEmpty {
            assumptions.append("Lines booked with the opposite sign to their budget (revenue as credits), proposed in the budget's sign: \(flipped.listed(upTo: 5, of: flipped.count)).")
        }
        if !spreadThin.isEmpty {
            assumptions.append("Lines that began in the base with one or two bookings, spread over its \(window.count) months as one-off charges: \(spreadThin.listed(upTo: 5, of: spreadThin.count)); if they are new monthly lines, budget them at their monthly rate.")
        }
        if !normalised.isEmpty {
            assumptions.append("One-off months counted at the line's usual month: \(normalised.listed(upTo: 5, of: normalised.count)).")
        }
        // A budgeted line without actuals in the base has no evidence to propose from: it is
        // left out, and said so (an annual fee not yet invoiced vanished from the proposal).
        if let bDept = budget.texts("department"), let bAcct = budget.texts("account"), let bAmount = budget.numbers("amount") {
            var unbooked: [String: (department: String, account: String, amount: Double)] = [:]
            for r in 0..<bDept.count where amount[bDept[r]]?[bAcct[r]] == nil && bAmount[r].isFinite {
                unbooked[CompositeKey.joined(bDept[r], bAcct[r]), default: (bDept[r], bAcct[r], 0)].amount += bAmount[r]
            }
            let lines = unbooked.keys.sorted().compactMap { unbooked[$0] }.filter { abs($0.amount) >= 0.005 }
            if !lines.isEmpty {
                let shown = lines.prefix(5).map { "\($0.department) / \($0.account) (\(NumberStyle().money(abs($0.amount))) budgeted)" }.listed(of: lines.count)
                assumptions.append("Left out: \(lines.count == 1 ? "1 budgeted line" : "\(lines.count) budgeted lines") without actuals from \(months.label(window.lowerBound)) to \(months.label(last)), \(shown); add \(lines.count == 1 ? "it" : "them") by hand if \(lines.count == 1 ? "it continues" : "they continue").")
            }
        }
        let listed = raiseOf.keys.sorted().map { "\($0) \(NumberFormat.fixed(raiseOf[$0]!, decimals: 2))%" }
        assumptions.append("Inflation: " + (listed.isEmpty ? "" : listed.joined(separator: ", ") + "; ") + "all other accounts \(NumberFormat.fixed(defaultInflation, decimals: 2))%.")
        let amountColumn = layout.first { $0.role == "amount" }.map { headers[$0.role] ?? $0.header } ?? "amount"
        return Result(table: table, assumptions: assumptions, total: total, amountColumn: amountColumn)
    }
}
