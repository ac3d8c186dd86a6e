import ArgumentParser
import Forecasting
import Pipeline
import Planning
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// A ready pipeline: import budget, actuals (and volumes), then the variance stage.
struct Variance: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Budget vs actual vs projected by department and account (budget_variance.csv and .md).")

    @Option(help: ArgumentHelp("Budget export (department, account, period, amount, ...).", valueName: "path")) var budget: String
    @Option(help: ArgumentHelp("GL actuals export (department, account, period, amount, ...).", valueName: "path")) var actuals: String
    @Option(help: ArgumentHelp("Volumes (department, period, budget_volume, actual_volume).", valueName: "path")) var volumes: String?
    @Option(help: ArgumentHelp("First month of the fiscal year (default: as the budget's fiscal_year labels say, else 7, July).", valueName: "month")) var fiscalStart: Int?
    @Option(help: ArgumentHelp("Last month to report, e.g. 2026-09 (default: the last month with postings, months of zeros or of reversals alone left out, or the one before it when it holds postings for under half as many lines).", valueName: "month")) var asOf: String?
    @Option(help: ArgumentHelp("Also propose next year's budget, e.g. FY2028 (budget_proposal.csv).", valueName: "FY")) var propose: String?
    @Option(help: ArgumentHelp("Inflation per account for the proposal, percent, accounts as the ledger names them (any case): \"6100 Medical Supplies=3,6200 Drugs=6\".", valueName: "map")) var inflation: String?
    // Read whatever follows, so that deflation (`--default-inflation -5`) is a value, not an unknown flag.
    @Option(parsing: .unconditional, help: ArgumentHelp("Inflation for other accounts, percent (may be negative).", valueName: "percent")) var defaultInflation = 0.0
    @Option(help: ArgumentHelp("Forecast this many fiscal quarters past the as-of quarter, 1-12 (default: to the fiscal year end).", valueName: "N")) var horizonQuarters: Int?
    @Option(help: ArgumentHelp("What-if scenarios (volume, rate, fte) for budget_scenarios.csv.", valueName: "FILE.yml")) var scenarios: String?
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        if let fiscalStart, !(1...12).contains(fiscalStart) { throw UsageError("--fiscal-start is a month number 1-12") }
        var job = VarianceJob()
        if let asOf {
            guard let day = DateParser().parse(asOf) else { throw UsageError("--as-of must be a month like 2026-09, not '\(asOf)'") }
            job.asOf = Frequency.month.period(of: day)
        }
        if let horizonQuarters {
            guard FiscalCalendar.horizonQuarters.contains(horizonQuarters) else {
                throw UsageError("--horizon-quarters is a number of fiscal quarters from 1 to 12, not \(horizonQuarters)")
            }
            job.horizonQuarters = horizonQuarters
        }
        // Read before anything runs: a mistake in the file is reported at its line, with no output.
        if let scenarios { job.scenarios = try ScenarioSet.load(scenarios) }
        job.sharded = try pipeline.input.parsedShard() != nil
        var proposal: BudgetProposal?
        // Inflation shapes the proposal alone: given without it, it was ignored without a word.
        if propose == nil && (inflation != nil || defaultInflation != 0) {
            throw UsageError("--inflation and --default-inflation shape the budget proposal; add --propose FY2028 (the fiscal year to propose), or leave them out")
        }
        if let propose {
            guard let year = FiscalCalendar.parseYear(propose) else { throw UsageError("--propose names a fiscal year like FY2028") }
            var plan = BudgetProposal(fiscalYear: year)
            plan.inflation = try (inflation.map(ImportOptions.parseColumnMap) ?? [:]).mapValues { text in
                guard let v = Double(text) else { throw UsageError("--inflation values are percentages, not '\(text)'") }
                return v
            }
            plan.defaultInflation = defaultInflation
            // Checked here too, as usage errors, before anything is read.
            for (name, percent) in plan.inflation.sorted(by: { $0.key < $1.key }) + [("--default-inflation", defaultInflation)] where !(percent >= -100) {
                throw UsageError("\(name == "--default-inflation" ? "--default-inflation" : "--inflation of '\(name)'") is \(NumberFormat.fixed(percent))%; a price change runs from -100% up")
            }
            // (A key given twice in one spelling never reaches the map: counted in the text.)
            let written = (inflation ?? "").split(separator: ",").compactMap { $0.split(separator: "=", maxSplits: 1).first.map { String($0).trimmed() } }
            if let twice = written.first(where: { name in written.filter { $0 == name }.count > 1 }) {
                throw UsageError("--inflation names one account twice ('\(twice)'); keep one")
            }
            var seen: [String: String] = [:]
            for name in plan.inflation.keys.sorted() {
                if let first = seen.updateValue(name, forKey: name.matchKey()) {
                    throw UsageError("--inflation names one account twice ('\(first)' and '\(name)'); keep one")
                }
            }
            plan.headers = CannedPipelineOptions.columns(try pipeline.columnMap(), for: "budget")
            proposal = plan
        }
        // A shard is a set of departments, every line of each: a report's subtotal lines are
        // told by the lines above them in their department, and split by line a subtotal fell
        // in a shard without them and was read as spending. Volumes are per department and stay
        // whole, since every line of a department joins to them.
        let line = ["department"]
        var budgetStage = try pipeline.importStage(budget, "budget", shardKey: line)
        budgetStage.shard?.wholeColumns = ["department", "account", "behavior"]
        var stages: [PipelineRunner.NamedStage] = [.init("budget", budgetStage),
                                                   .init("actuals", try pipeline.importStage(actuals, "actuals", shardKey: line, main: true))]
        if let volumes { stages.append(.init("volumes", try pipeline.importStage(volumes, "volumes"))) }
        stages.append(.init("variance", VarianceStage(budget: "budget", actuals: "actuals", volumes: volumes == nil ? nil : "volumes", job: job, fiscalStart: fiscalStart, proposal: proposal)))
        try pipeline.run("variance", stages, writes: ["budget_variance.csv", "budget_variance.md"] + (propose == nil ? [] : ["budget_proposal.csv"])
                         + (scenarios == nil ? [] : ["budget_scenarios.csv"]),
                         reads: scenarios.map { [OutputGuard.Named($0, "--scenarios", remedy: "")] } ?? [], optional: ["volumes": "--volumes"])
    }
}
