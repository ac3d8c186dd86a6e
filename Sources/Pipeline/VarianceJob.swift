import Forecasting
import History
import Planning
import Tabular

/// Budget vs actual vs projected, per department x account: months, fiscal quarters and year
/// to date, flexed by volume, with the rest of the fiscal year forecast from each line's own
/// history. Shared by `quartermaster variance` and the `variance` stage.
///
/// The variance itself is Planning's (`BudgetVariance`): this job reads the tables' columns,
/// checks the scenarios' names against the ledger, runs the forecasting engine in parallel,
/// and writes what comes back as tables, notes and the report (`VarianceJob+Report`).
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
        /// The ledger's first month when it covers it in part (an extract from the 14th): the
        /// summary says the year to date is incomplete.
        public var partialFirstMonth: LedgerDays.Part?
        /// The as-of month when `--as-of` names one the ledger stops part-way through.
        public var partialLastMonth: LedgerDays.Part?
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

    /// The variance of `budget` against `actuals` (flexed by `volumes`), and with `usage` and
    /// `items` the supply accounts' spend bottom-up. A table without a column the variance
    /// reads, or a period that is no month, is an error naming them; so is what Planning
    /// refuses (`BudgetVarianceError`), as `variance: ...`.
    public func run(budget: Table, actuals: Table, volumes: Table?, usage: Table? = nil, items: Table? = nil) throws -> Result {
        var budgetRows = try Self.ledgerRows(budget, "budget"), ledgerRows = try Self.ledgerRows(actuals, "actuals")
        budgetRows.behavior = budget.texts("behavior")
        if let departments = budget.unshardedTexts["department"], let accounts = budget.unshardedTexts["account"] {
            budgetRows.wholeBehaviors = BudgetLedger.behaviors(departments: departments, accounts: accounts, behaviors: budget.unshardedTexts["behavior"])
        }
        budgetRows.labelsFiscalYears = budget.index(of: "fiscal_year") != nil
        ledgerRows.lastDay = actuals.periodDays["period"].map { ($0.lastDay, $0.daysOfMonth) }
        var volumeRows: VolumeRows?
        if let volumes, let department = volumes.texts("department") {
            volumeRows = VolumeRows(department: department, month: try Self.monthColumn(volumes, "period", "volumes"), days: volumes.days("period"),
                                    budget: volumes.numbers("budget_volume"), actual: volumes.numbers("actual_volume"), file: volumes.fromFile)
        }
        let variance = try Self.refusals {
            try BudgetVariance(budget: budgetRows, actuals: ledgerRows, volumes: volumeRows, calendar: calendar, asOf: asOf, sharded: sharded)
        }
        var notes = variance.notes
        var scenarios = self.scenarios
        if var set = scenarios, !sharded {
            let ledger = variance.ledger
            if let matched = try set.matchNames(departments: ledger.departments, accounts: ledger.accounts, revenueAccounts: ledger.revenueAccounts) {
                notes.append(matched)
            }
            notes += set.notes
            scenarios = set
        }
        let outcome = try Self.refusals {
            try variance.projected(horizonQuarters: horizonQuarters, flagPercent: flagPercent, flagAmount: flagAmount, scenarios: scenarios?.scenarios,
                                   keepingHistory: historyStage != nil) { batch, take in
                let progress = Progress(label: "variance: forecast \(batch.name)", total: batch.series.seriesCount, quiet: quiet)
                try ParallelForecast.each(batch.series, forecaster: DemandForecaster(settings: batch.settings), threads: threads, progress: progress) { id, _, forecast in
                    take(id, forecast)
                }
            }
        }
        var result = Result(rows: outcome.rows, asOf: variance.asOf, fiscalYear: variance.fiscalYear, annualBudget: outcome.annualBudget,
                            projectedLow: outcome.projected.lo80, projectedHigh: outcome.projected.hi80, scenarios: outcome.scenarioRows)
        result.partialBudget = outcome.partialBudget
        if let historyStage, let kept = outcome.history {
            var record = StageRecord(stage: historyStage, frequency: .month, lastPeriod: variance.asOf)
            for line in kept.forecasts {
                record.add(series: line.series, forecast: line.forecast, levels: BudgetVariance.HistoryRecord.levels, history: line.history, season: 12)
            }
            record.addActuals(kept.booked)
            result.history = record
        }
        result.notes = notes + outcome.notes
        result.departmentsWithoutActuals = variance.departmentsWithoutActuals
        result.partialFirstMonth = variance.partialFirstMonth
        result.partialLastMonth = variance.partialLastMonth
        if let supplyAccounts, !sharded {
            let accounts = variance.ledger.accounts
            for account in Set(supplyAccounts.values).sorted() where !accounts.contains(account) {
                throw PipelineError(location: nil, "variance: supply_accounts names account '\(account)', which is in neither the budget nor the actuals; their accounts: \(accounts.sorted().prefix(12).joined(separator: ", "))")
            }
        }
        if let supplyAccounts, let usage, let items, !outcome.remainingMonths.isEmpty {
            let spend = try SupplySpendJob(accounts: supplyAccounts).run(usage: usage, items: items, asOf: variance.asOf, months: outcome.remainingMonths,
                                                                       threads: threads, quiet: quiet)
            var trend: [LedgerLine: Double] = [:]
            for line in outcome.scenarioLines { trend[LedgerLine(department: line.department, account: line.account)] = line.remaining.reduce(0, +) }
            result.supply = spend.spend.lines { trend[LedgerLine(department: $0, account: $1)] }
            result.supplyMonths = outcome.remainingMonths
            result.supplyUnpriced = spend.unpriced
            result.supplyUncategorized = spend.uncategorized
        }
        return result
    }

    /// Planning's refusals of the exports (`BudgetVarianceError`) as this job's errors.
    static func refusals<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let refusal as BudgetVarianceError { throw PipelineError(location: nil, "variance: " + refusal.message) }
    }

    /// A budget's or a ledger's rows as the variance reads them, or an error naming the
    /// column it lacks or the value that is no month.
    static func ledgerRows(_ table: Table, _ what: String) throws -> LedgerRows {
        func required(_ name: String) throws -> [String] {
            guard let v = table.texts(name) else { throw PipelineError(location: nil, "variance: the \(what) table has no '\(name)' column") }
            return v
        }
        let department = try required("department"), account = try required("account")
        let month = try monthColumn(table, "period", what)
        guard let amount = table.numbers("amount") else {
            throw PipelineError(location: nil, "variance: the \(what) \(what == "actuals" ? "need" : "needs") a numeric amount column")
        }
        var rows = LedgerRows(department: department, account: account, month: month, amount: amount, file: table.fromFile)
        rows.accountType = table.texts("account_type")
        rows.volume = table.numbers("volume")
        rows.day = table.periodDayByRow["period"]
        rows.postingDays = table.unshardedPeriodDays["period"]
        return rows
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
            // A forecast row of months without a budget (`VarianceRow.budgeted`) has none of these.
            ("period", .text(rows.map(\.line.period))), ("budget", .number(rows.map { $0.budgeted ? money($0.line.budget) : .nan })),
            ("actual", .number(rows.map { $0.basis == .actual ? money($0.line.actual) : .nan })),
            ("variance", .number(rows.map { $0.budgeted ? money($0.line.variance) : .nan })),
            ("variance_pct", .number(rows.map { r in r.budgeted ? r.line.variancePercent.map { ($0 * 10).rounded() / 10 } ?? .nan : .nan })),
            ("favorable", .text(rows.map { $0.budgeted ? $0.line.favorable ? "true" : "false" : "" })),
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

    /// The actuals without a report's subtotal lines, as `run` reads them (for the proposal):
    /// a line the budget lists as its own is kept, as there.
    public static func withoutSubtotals(_ actuals: Table, budget: Table? = nil) throws -> Table {
        guard let d = actuals.texts("department"), let a = actuals.texts("account"), let amounts = actuals.numbers("amount"),
              actuals.texts("period") != nil else { return actuals }
        let ledger = LedgerRows(department: d, account: a, month: try monthColumn(actuals, "period", "actuals"), amount: amounts, file: actuals.fromFile)
        let budgetLines = budget.flatMap { b in
            b.texts("department").flatMap { bd in b.texts("account").map { LedgerRows(department: bd, account: $0, month: [], amount: []) } }
        }
        return SubtotalLines.leftOut(of: ledger, budget: budgetLines).map { actuals.filtered($0.keep) } ?? actuals
    }
}
