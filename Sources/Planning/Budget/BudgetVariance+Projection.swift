import Forecasting
import Tabular

extension BudgetVariance {
    /// The variance of every line and department, with the fiscal year projected.
    public struct Outcome {
        /// budget_variance.csv's rows: each line's, then the department totals.
        public var rows: [VarianceRow]
        /// The fiscal year's expense budget, and the projected expense with its error.
        public var annualBudget: Double
        public var projected: Projection
        /// Each line's fiscal year as the scenarios change it, and the scenarios' rows when
        /// scenarios were given.
        public var scenarioLines: [ScenarioProjection.Line]
        public var scenarioRows: [ScenarioProjection.Row]?
        /// The fiscal year's months after as-of.
        public var remainingMonths: [Int]
        /// The fiscal year's months the budget covers and how many the year has, when it
        /// covers some of them only: the year's projection then has no budget to set it against.
        public var partialBudget: (covered: Int, months: Int)?
        /// What the reader should know about the projection and the budget, after the notes on
        /// reading the exports (`BudgetVariance.notes`).
        public var notes: [String]
        /// What a run history keeps of the projection, when asked for.
        public var history: HistoryRecord?
    }

    /// What a run history keeps of the projection (`--history`): each line (`department|account`)
    /// as a monthly series, the amounts booked through as-of and the projected months after it
    /// with their 80% and 95% ranges, so that later runs' bookings score them.
    public struct HistoryRecord {
        public static let levels: [Double] = [80, 95]
        /// Each line's projected months (when the first is the month after as-of) and its
        /// booked months before them, as the forecast's history.
        public var forecasts: [(series: String, history: [Double], forecast: SeriesForecast)] = []
        /// Each line's booked months through as-of.
        public var booked = PeriodTotals(frequency: .month)
    }

    /// The rows, months, quarters and year to date of every line and department, flagged
    /// unfavorable or favorable when the variance is at least `flagPercent` of budget and
    /// `flagAmount`, with the months after as-of projected to the fiscal year end or
    /// `horizonQuarters` quarters ahead (`FiscalCalendar.forecastMonths`), and `scenarios`
    /// projected beside the base.
    ///
    /// `forecast` runs the forecasting engine over a batch of series (`LineForecasts`),
    /// handing each series' name and forecast to the function it is given.
    public func projected(horizonQuarters: Int? = nil, flagPercent: Double = 5, flagAmount: Double = 5_000, scenarios: [BudgetScenario]? = nil,
                          keepingHistory: Bool = false,
                          forecast: (_ batch: LineForecasts.Batch, _ take: (_ id: String, _ forecast: SeriesForecast) -> Void) throws -> Void) throws -> Outcome {
        let months = Frequency.month, fy = fiscalYear, lines = ledger.lines
        var notes: [String] = []
        if let note = ledger.oppositeSignsNote(through: asOf, ledger: actuals.file) { notes.append(note) }
        var rolling = RollingForecast(calendar: calendar, asOf: asOf, horizon: calendar.forecastMonths(after: asOf, quarters: horizonQuarters))
        rolling.flagPercent = flagPercent
        rolling.flagAmount = flagAmount
        rolling.budgetedMonths = budgetMonths
        // (Months of this fiscal year without a budget have a note of their own, below.)
        let unbudgetedAhead = rolling.horizon.filter { !budgetMonths.contains($0) && calendar.fiscalYear(ofMonth: $0) > fy }
        if let first = unbudgetedAhead.first, let last = unbudgetedAhead.last {
            let span = first == last ? months.label(first) : "\(months.label(first)) to \(months.label(last))"
            notes.append("the forecast months \(span) have no budget: their rows and their quarters' leave budget, variance, favorable and the volume / rate split blank (unknown, not $0) and are not flagged; the forecast itself is shown")
        }
        let ahead = rolling.forecastMonths
        // A part first month is no month to learn from, unless it is the only one booked, and
        // nor is a part as-of month (`--as-of` naming a month the ledger stops in): a weekday GL
        // exported on 15 December, as of December, fed its half month (ICU supplies 24,440 and
        // drugs 53,434) into every line's level, January forecast 38,656 and 99,640 where the
        // months through November give 41,789 and 109,749: ICU's year $79,452 lower than the
        // days missing explain.
        let partial: Set<Int> = partialFirstMonth.map { [$0.month] } ?? []
        let partialAsOf: Set<Int> = partialLastMonth.flatMap { $0.month == asOf && $0.month > ledgerStart ? [$0.month] : nil } ?? []
        rolling.partialMonths = partial.union(partialLastMonth.map { [$0.month] } ?? [])
        var forecasts = LineForecasts(ledger, renamed: renamed, ledgerStart: ledgerStart, asOf: asOf, ahead: ahead,
                                      partial: partial.filter { $0 < asOf }.union(partialAsOf), calendar: calendar)
        notes += forecasts.notes
        for batch in forecasts.batches { try forecast(batch) { id, f in forecasts.take(id, f) } }

        var notYetBudgeted: [(line: LedgerLine, months: [Int])] = []
        var rows: [VarianceRow] = [], scenarioLines: [ScenarioProjection.Line] = []
        var annualBudget = 0.0, projectedLines: [Projection] = []
        let fyMonths = calendar.months(ofFiscalYear: fy)
        var history = keepingHistory ? HistoryRecord() : nil
        let z80 = CountDistribution.normalQuantile(0.9), z95 = CountDistribution.normalQuantile(0.975)
        for (i, key) in lines.enumerated() {
            var line = RollingForecast.Line(department: key.department, account: key.account, accountType: ledger.accountTypes[key] ?? .expense,
                                            behavior: ledger.behavior(of: key), budget: ledger.budget[key] ?? [:], actual: ledger.actual[key] ?? [:],
                                            budgetVolume: ledger.budgetVolume[key.department] ?? [:], actualVolume: ledger.actualVolume[key.department] ?? [:],
                                            forecast: [:])
            (line.forecast, line.forecastVolume) = forecasts.projection(ofLine: i)
            if history != nil {
                let name = "\(key.department)|\(key.account)"
                let booked = (ledger.actual[key] ?? [:]).filter { $0.key <= asOf }
                for (month, amount) in booked { history?.booked.add(name, month: month, amount) }
                if let first = booked.keys.min(), !ahead.isEmpty, ahead.first == asOf + 1 {
                    let mean = ahead.map { line.forecast[$0]?.amount ?? 0 }
                    let sd = ahead.map { (line.forecast[$0]?.variance ?? 0).squareRoot() }
                    func bound(_ z: Double) -> [Double] { zip(mean, sd).map { $0 + z * $1 } }
                    let f = SeriesForecast(mean: mean, lower: [bound(-z80), bound(-z95)], upper: [bound(z80), bound(z95)], spread: sd,
                                           model: forecasts.isDriverBased(i) ? "volume x rate" : "amount", demandClass: .smooth)
                    history?.forecasts.append((name, (first...asOf).map { booked[$0] ?? 0 }, f))
                }
            }
            rows += rolling.rows(line)
            let notYet = rolling.unbudgeted(line, rolling.horizon).filter(budgetMonths.contains)
            if !notYet.isEmpty { notYetBudgeted.append((key, notYet)) }
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
        notes += Self.partlyBudgetedNotes(rolling, budgetMonths: budgetMonths, notYetBudgeted: notYetBudgeted)
        let scenarioProjection = ScenarioProjection(lines: scenarioLines, remainingMonths: rolling.remaining.count)
        let scenarioRows = scenarios.map { scenarioProjection.rows($0) }
        // The scenarios change the fiscal year's months after as-of: at its last month none is
        // left, and every scenario came out as the base with no word.
        if scenarios != nil && rolling.remaining.isEmpty {
            notes.append("as-of \(months.label(asOf)) is FY\(fy)'s last month: no month of it is left for the scenarios to change, so each equals the base; give an earlier --as-of (as_of:) to compare them")
        }
        if let scenarios, let scenarioRows, !rolling.remaining.isEmpty { notes += scenarioProjection.notes(on: scenarios, rows: scenarioRows) }
        var outcome = Outcome(rows: rows, annualBudget: annualBudget, projected: Projection.acrossLines(projectedLines), scenarioLines: scenarioLines,
                              scenarioRows: scenarioRows, remainingMonths: rolling.remaining, notes: notes, history: history)
        if let note = partialBudgetNote(blanking: &outcome) { outcome.notes.append(note) }
        outcome.notes += ledger.budgetRepeatNotes
        return outcome
    }

    /// What the blank comparisons of budgets known in part say: forecast quarters holding
    /// months the budget covers and months it does not (cases/01: FY2027-Q1 budgeted for July
    /// and August, read 52.2% over against three months' forecast), and lines budgeted in
    /// as-of's year without next year's budget rows the file has for other lines (cases/03:
    /// only salaries loaded, every other line set against $0 with no word).
    static func partlyBudgetedNotes(_ rolling: RollingForecast, budgetMonths: Set<Int>, notYetBudgeted: [(line: LedgerLine, months: [Int])]) -> [String] {
        let months = Frequency.month, calendar = rolling.calendar
        var notes: [String] = []
        var quarters: [String] = [], members: [String: [Int]] = [:]
        for month in rolling.horizon {
            let label = calendar.quarterLabel(ofMonth: month)
            if members[label] == nil { quarters.append(label) }
            members[label, default: []].append(month)
        }
        var partly: [String] = []
        for label in quarters {
            let all = calendar.months(ofFiscalYear: calendar.fiscalYear(ofMonth: members[label]![0])).filter { calendar.quarterLabel(ofMonth: $0) == label }
            let covered = all.filter(budgetMonths.contains), uncovered = all.filter { !budgetMonths.contains($0) && $0 > rolling.asOf }
            guard !covered.isEmpty, !uncovered.isEmpty else { continue }
            partly.append("\(label) for \(covered.count) of its \(all.count) months (\(covered.map(months.label).joined(separator: ", ")); not \(uncovered.map(months.label).joined(separator: ", ")))")
        }
        if !partly.isEmpty {
            let one = partly.count == 1
            notes.append("the budget covers \(partly.joined(separator: "; ")): \(one ? "the quarter's" : "these quarters'") rows and department TOTALs leave budget, variance, favorable and the volume / rate split blank and are not flagged, as a month without budget does, rather than set part of \(one ? "the quarter's" : "a quarter's") budget against all of its forecast; the budgeted months' own rows keep their variance")
        }
        if !notYetBudgeted.isEmpty {
            let accounts = Set(notYetBudgeted.map(\.line.account)), departments = Set(notYetBudgeted.map(\.line.department))
            let all = Set(notYetBudgeted.flatMap(\.months)).sorted()
            let span = all.count == 1 ? months.label(all[0]) : "\(months.label(all[0])) to \(months.label(all[all.count - 1]))"
            let named = accounts.sorted().listed(upTo: 5)
            let lines = notYetBudgeted.count == 1 ? "1 line" : "\(notYetBudgeted.count) lines"
            notes.append("\(accounts.count == 1 ? "1 account" : "\(accounts.count) accounts") (\(named); \(lines) in \(departments.count == 1 ? "1 department" : "\(departments.count) departments")) budgeted in FY\(rolling.fiscalYear) \(notYetBudgeted.count == 1 ? "has" : "have") no budget row for forecast months \(span) that the budget covers for other lines (next year's budget loaded in part): not yet budgeted, so \(notYetBudgeted.count == 1 ? "its" : "their") forecast rows and quarters, and \(notYetBudgeted.count == 1 ? "its department's" : "their departments'") TOTALs, leave budget, variance, favorable and the volume / rate split blank (unknown, not $0) and are not flagged; a line never budgeted still counts as unbudgeted spend")
        }
        return notes
    }

    /// A budget for part of the fiscal year set against a whole year's projection reads as
    /// overspending by the unbudgeted months ($486,000 "from rate" for nine unbudgeted months):
    /// the projected variance and its split are left blank, and the note says which months the
    /// budget covers. A month of 0.00 rows before or after the months budgeted is a month the
    /// budget leaves out (a half-year budget exported for the whole year); one between them is
    /// budgeted at $0 (a month a unit closes), and set against the projection like the others:
    /// read as left out, it blanked projected_variance report-wide.
    func partialBudgetNote(blanking outcome: inout Outcome) -> String? {
        let fy = fiscalYear, fyMonths = calendar.months(ofFiscalYear: fy)
        var budgetedMonths = Set(budget.month.indices.filter { budget.amount[$0] != 0 }.map { budget.month[$0] }).intersection(fyMonths)
        if let first = budgetedMonths.min(), let last = budgetedMonths.max() {
            budgetedMonths.formUnion(Set(budget.month).filter { $0 > first && $0 < last })
        }
        guard !budgetedMonths.isEmpty && budgetedMonths.count < fyMonths.count && !sharded else { return nil }
        let covered = budgetedMonths.sorted()
        outcome.partialBudget = (covered.count, fyMonths.count)
        for i in outcome.rows.indices {
            outcome.rows[i].projectedVariance = nil
            outcome.rows[i].projectedVolumeVariance = nil
            outcome.rows[i].projectedRateVariance = nil
        }
        // Twelve months in a row from another month than the fiscal start, with no fiscal_year
        // labels to say otherwise, are most likely a year that starts there (October to
        // September read on the July default covered 9 of 12 months and dropped 3).
        var hint = ""
        let all = Set(budget.month).sorted()
        if !budget.labelsFiscalYears, all.count == 12, let first = all.first, all.last == first + 11 {
            let start = FiscalCalendar(firstMonth: 1).fiscalMonth(ofMonth: first)
            if start != calendar.firstMonth {
                hint = "; the budget's 12 months run \(Frequency.month.label(first)) to \(Frequency.month.label(first + 11)), a fiscal year from month \(start): if so, give --fiscal-start \(start) (fiscal_year_start: \(start) in a pipeline's calendar)"
            }
        }
        return "the budget covers \(covered.count) of FY\(fy)'s \(fyMonths.count) months (\(Frequency.month.label(covered[0])) to \(Frequency.month.label(covered[covered.count - 1]))): the projected year is not set against it, and projected_variance is left blank; booked months outside it count as unbudgeted spend" + hint
    }
}
