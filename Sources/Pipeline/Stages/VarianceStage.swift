import Forecasting
import Planning
import Reports
import Tabular

/// `variance`: budget vs actual vs projected by department and account; writes
/// budget_variance.csv and budget_variance.md.
public struct VarianceStage: Stage {
    public static let kind = "variance"
    public static let summary = "Budget variance with flexed budgets, rate/volume split and projected fiscal year (budget_variance.csv, .md)."
    public static let outputs = ["variance"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("budget", .reference, required: true, "budget table"),
        ParameterSpec("actuals", .reference, required: true, "GL actuals table"),
        ParameterSpec("volumes", .reference, "optional volumes table (budget_volume, actual_volume)"),
        ParameterSpec("as_of", .string, "last month to report, e.g. 2026-03 (default: the last month with postings, months of zeros or of reversals alone left out, or the one before it when it holds postings for under half as many lines)"),
        ParameterSpec("fiscal_start", .integer, "first month of the fiscal year (default: the pipeline calendar's)"),
        ParameterSpec("flag_percent", .number, default: "5", "flag when |variance| is at least this percent of budget ..."),
        ParameterSpec("flag_amount", .number, default: "5000", "... and at least this amount"),
        ParameterSpec("propose", .string, "write budget_proposal.csv for this fiscal year, e.g. FY2028 (with file: icu_variance, icu_proposal.csv)"),
        ParameterSpec("inflation", .map, "percent per account for the proposal, accounts as the ledger names them, e.g. {6100 Medical Supplies: 3}"),
        ParameterSpec("default_inflation", .number, default: "0", "percent for accounts not listed in inflation"),
        ParameterSpec("proposal_columns", .map, "role: header for the proposal, to match the budget export's own headers"),
        ParameterSpec("horizon_quarters", .integer, "forecast this many fiscal quarters past the as-of quarter, 1-12, across the fiscal year end (default: to the fiscal year end)"),
        ParameterSpec("scenarios", .records, "what-ifs for budget_scenarios.csv: a list of {name, volume, rate, fte} or a scenario file's path"),
        ParameterSpec("usage", .reference, "with items and supply_accounts: usage table (date, item, quantity, department) for the bottom-up supply spend"),
        ParameterSpec("items", .reference, "with usage and supply_accounts: item master (category, unit_cost)"),
        ParameterSpec("supply_accounts", .map, "item category: GL account, e.g. {Supply: \"6100 Medical Supplies\"}; writes budget_supply.csv"),
        ParameterSpec("file", .outputFile, default: "budget_variance", "base name of the .csv and .md written; the proposal, scenarios and supply files take it without _variance (icu_variance: icu_proposal.csv)"),
    ]

    public var budget: String, actuals: String, volumes: String?
    public var job: VarianceJob
    public var fiscalStart: Int?
    public var file: String
    public var proposal: BudgetProposal?
    /// A scenario file to read when the stage runs (relative to the pipeline).
    public var scenarioFile: String?
    /// Usage and item master for the bottom-up supply spend (`supply_accounts:`).
    public var usage: String?, items: String?
    public var inputs: [String] { [budget, actuals] + (volumes.map { [$0] } ?? []) + [usage, items].compactMap { $0 } }
    public var inputFiles: [String] { scenarioFile.map { [$0] } ?? [] }

    public init(budget: String, actuals: String, volumes: String? = nil, job: VarianceJob = VarianceJob(), fiscalStart: Int? = nil,
                file: String = "budget_variance", proposal: BudgetProposal? = nil) {
        self.proposal = proposal
        self.budget = budget
        self.actuals = actuals
        self.volumes = volumes
        self.job = job
        self.fiscalStart = fiscalStart
        self.file = file
    }

    public init(parameters p: StageParameters) throws {
        var job = VarianceJob()
        if let text = try p.string("as_of") {
            guard let day = DateParser().parse(text) else { throw p.error("as_of", "as_of must be a month like 2026-03, not '\(text)'") }
            job.asOf = Frequency.month.period(of: day)
        }
        let start = try p.integer("fiscal_start")
        if let start, !(1...12).contains(start) { throw p.error("fiscal_start", "fiscal_start is a month number 1-12") }
        if let quarters = try p.integer("horizon_quarters") {
            guard FiscalCalendar.horizonQuarters.contains(quarters) else {
                throw p.error("horizon_quarters", "horizon_quarters is a number of fiscal quarters from 1 to 12, not \(quarters)")
            }
            job.horizonQuarters = quarters
        }
        var scenarioFile: String?
        switch p.values["scenarios"] {
        case .scalar(let path)?: scenarioFile = path
        case nil: if p.locations["scenarios.1"] != nil { job.scenarios = try ScenarioSet.read(p.values, p.locations, field: "scenarios", at: p.location) }
        default: throw p.error("scenarios", "scenarios is a list of scenarios ({name, volume, rate, fte}) or the path of a scenario file")
        }
        job.flagPercent = try p.number("flag_percent", in: 0...1_000, "the variance in percent of budget that flags a line") ?? 5
        job.flagAmount = try p.number("flag_amount", in: 0...1e12, "the variance in money that flags a line") ?? 5_000
        let file = try p.string("file") ?? "budget_variance"
        guard ExportStage.isSafeName(file) else { throw p.error("file", "'\(file)' must be a plain file name") }
        var proposal: BudgetProposal?
        if let text = try p.string("propose") {
            guard let year = FiscalCalendar.parseYear(text) else { throw p.error("propose", "propose names a fiscal year like FY2028, not '\(text)'") }
            var plan = BudgetProposal(fiscalYear: year)
            plan.inflation = try p.map("inflation").mapValues { text in
                guard let v = Double(text) else { throw p.error("inflation", "inflation values are percentages, not '\(text)'") }
                return v
            }
            plan.defaultInflation = try p.number("default_inflation") ?? 0
            plan.headers = try p.map("proposal_columns")
            proposal = plan
        }
        let supplyAccounts = try p.map("supply_accounts")
        let usage = try p.string("usage"), items = try p.string("items")
        if !supplyAccounts.isEmpty {
            guard usage != nil, items != nil else {
                throw p.error("supply_accounts", "supply_accounts needs the usage and the item master: add usage: and items: (tables of this pipeline) to the stage")
            }
            job.supplyAccounts = supplyAccounts
        } else if usage != nil || items != nil {
            throw p.error(usage != nil ? "usage" : "items", "usage and items are read for the bottom-up supply spend only: add supply_accounts: {category: account}")
        }
        self.init(budget: try p.requiredString("budget"), actuals: try p.requiredString("actuals"), volumes: try p.string("volumes"),
                  job: job, fiscalStart: start, file: file, proposal: proposal)
        self.scenarioFile = scenarioFile
        self.usage = usage
        self.items = items
    }

    public func check(_ context: ValidationContext) -> [PipelineError] {
        guard let scenarioFile else { return [] }
        do {
            _ = try ScenarioSet.load(context.resolve(scenarioFile))
            return []
        } catch let error as PipelineError where error.location == nil {
            // A file that cannot be read points at the line that names it.
            return [context.error("scenarios", "\(error.message) (the path is read from the pipeline's folder)")]
        } catch let error as PipelineError {
            return [error]
        } catch {
            return [context.error("scenarios", "\(error)")]
        }
    }

    /// The base of the files written beside the variance: `file` without a trailing
    /// `_variance`, so the default `budget_variance` writes budget_proposal.csv,
    /// budget_scenarios.csv and budget_supply.csv, and `icu_variance` icu_proposal.csv and so
    /// on. Why: two variance stages with `propose` both wrote budget_proposal.csv, and no
    /// parameter renamed it, so two departments' proposals could not be in one pipeline.
    public var companionBase: String {
        let suffix = "_variance"
        return file.count > suffix.count && file.hasSuffix(suffix) ? String(file.dropLast(suffix.count)) : file
    }
    public var proposalFile: String { companionBase + "_proposal.csv" }
    public var scenariosFile: String { companionBase + "_scenarios.csv" }
    public var supplyFile: String { companionBase + "_supply.csv" }

    public var outputFiles: [String] {
        // The what-ifs, the supply spend and the proposal only when asked for.
        [file + ".csv"] + (job.scenarios != nil || scenarioFile != nil ? [scenariosFile] : []) + (job.supplyAccounts != nil ? [supplyFile] : [])
            + (proposal != nil ? [proposalFile] : []) + Self.reportFiles(file, charts: ["by_department", "scenarios"])
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        var job = self.job
        let given = fiscalStart ?? context.calendar.fiscalYearStart
        job.threads = context.threads
        job.quiet = context.quiet
        job.historyStage = context.history.map { _ in context.stage }
        if let scenarioFile { job.scenarios = try ScenarioSet.load(context.resolve(scenarioFile)) }
        var budgetTable = try context.table(budget), actualsTable = try context.table(actuals)
        var volumesTable = try volumes.map { try context.table($0) }
        if let note = VarianceJob.matchingNames(budget: &budgetTable, actuals: &actualsTable, volumes: &volumesTable) { context.note(note) }
        let (calendar, calendarNote) = try VarianceJob.fiscalCalendar(given: given, budget: budgetTable)
        job.calendar = calendar
        if let calendarNote { context.note(calendarNote) }
        let result = try job.run(budget: budgetTable, actuals: actualsTable, volumes: volumesTable,
                                 usage: try usage.map { try context.table($0) }, items: try items.map { try context.table($0) })
        if let record = result.history { context.record(record) }
        let table = VarianceJob.table(result)
        try table.write(to: context.output(file + ".csv"))
        var document = VarianceJob.report(result, calendar: job.calendar, numbers: context.reports.numbers, file: file)
        document.sheet(WorkbookSheets.variance(table))
        if let scenarios = result.scenarios {
            let table = VarianceJob.scenarioTable(scenarios, fiscalYear: result.fiscalYear, partialBudget: result.partialBudget != nil)
            try table.write(to: context.output(scenariosFile))
            document.sheet(WorkbookSheets.scenarios(table, rows: scenarios))
            context.note("\(scenariosFile) for FY\(result.fiscalYear): base and \(job.scenarios?.scenarios.count ?? 0) scenarios, \(table.rowCount) rows")
        }
        if result.supply != nil {
            let table = VarianceJob.supplyTable(result)
            try table.write(to: context.output(supplyFile))
            document.sheet(WorkbookSheets.supply(table))
            context.note("\(supplyFile): \(table.rowCount) department and account lines, items bottom-up beside the ledger trend")
        } else if job.supplyAccounts != nil {
            context.note("supply_accounts: no months after as-of \(Frequency.month.label(result.asOf)) in FY\(result.fiscalYear) to project bottom-up")
        }
        if var proposal {
            proposal.calendar = job.calendar
            proposal.threads = context.threads
            proposal.asOf = result.asOf
            // (Without the ledger's subtotal lines, as the variance read it.)
            let proposed = try proposal.run(budget: budgetTable, actuals: try VarianceJob.withoutSubtotals(actualsTable, budget: budgetTable), volumes: volumesTable)
            try proposed.table.write(to: context.output(proposalFile))
            document.sheet(WorkbookSheets.proposal(proposed.table, amountColumn: proposed.amountColumn))
            document.heading("Proposed budget FY\(proposal.fiscalYear): \(context.reports.numbers.money(proposed.total)) (expense)")
            document.bullets(proposed.assumptions)
            context.note("\(proposalFile) for FY\(proposal.fiscalYear): \(proposed.table.rowCount) lines, expense \(NumberFormat.fixed(proposed.total, decimals: 2))")
        }
        let report = try context.write(document, name: file)
        for item in VarianceJob.costReductions(result, report: report, numbers: context.reports.numbers) {
            context.costReduction(item)
        }
        if let note = VarianceJob.departmentsWithoutActualsNote(result) { context.note(note) }
        for note in result.notes { context.note(note) }
        // The report's count (booked months of the lines), and the CSV's, which counts the same
        // overspend again in quarters, years to date, totals and forecast months: three
        // different figures read as one contradicting the others.
        let months = VarianceRow.unfavorableMonths(in: result.rows).count, rows = result.rows.filter { $0.flag == "unfavorable" }.count
        context.summary("FY\(result.fiscalYear) through \(Frequency.month.label(result.asOf)): \(result.rows.count) rows; \(months) booked month\(months == 1 ? "" : "s") of the lines flagged unfavorable (\(rows) row\(rows == 1 ? "" : "s") flagged in all, with quarters, years to date, department totals and forecast months)")
        return ["variance": table]
    }
}
