import Planning
import Reports
import Tabular

/// `reorder`: this week's order list from usage, the item master and an inventory snapshot;
/// writes reorder.csv and reorder.md.
public struct ReorderStage: Stage {
    public static let kind = "reorder"
    public static let summary = "Forecast-driven reorder list with safety stock, pack rounding and reasons (reorder.csv, reorder.md)."
    public static let outputs = ["reorder"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("usage", .reference, required: true, "usage table (date, item, quantity)"),
        ParameterSpec("items", .reference, required: true, "item master table"),
        ParameterSpec("inventory", .reference, required: true, "inventory snapshot table"),
        ParameterSpec("as_of", .string, "last usage day to learn from (default: the last day in the usage)"),
        ParameterSpec("service_level", .number, "service level for items without their own (default: criticality matrix V .99, E .95, N .90)"),
        ParameterSpec("policy", .string, default: "periodic", "periodic (order up to), continuous (s,Q with EOQ) or minmax"),
        ParameterSpec("ordering_cost", .number, default: "25", "cost of placing one order, for EOQ"),
        ParameterSpec("holding_rate", .number, default: "0.25", "annual holding cost as a share of unit cost"),
        ParameterSpec("orders", .reference, "purchase order lines: observed lead times (items with at least 5 receipts) and latest paid prices"),
        ParameterSpec("lots", .reference, "stock by lot: units expiring before use are not counted as stock (flag expiry_waste)"),
        ParameterSpec("service_measure", .string, default: "fill-rate", "fill-rate (share of units served) or cycle (no stockout in a cycle: z x sigma_P)"),
        ParameterSpec("simulate", .integer, "replay this many weeks of demand through the recommended and the par levels"),
        ParameterSpec("file", .outputFile, default: "reorder", "base name of the .csv and .md written"),
    ]

    public var usage: String, items: String, inventory: String
    public var job: ReorderJob
    public var file: String
    /// Optional purchase orders and lots (`reorder --orders`, `--lots`).
    public var orders: String?
    public var lots: String?
    public var inputs: [String] { [usage, items, inventory] + [orders, lots].compactMap { $0 } }

    public init(usage: String, items: String, inventory: String, job: ReorderJob = ReorderJob(), file: String = "reorder") {
        self.usage = usage
        self.items = items
        self.inventory = inventory
        self.job = job
        self.file = file
    }

    public init(parameters p: StageParameters) throws {
        var job = ReorderJob()
        if let text = try p.string("as_of") {
            guard let day = DateParser().parse(text) else { throw p.error("as_of", "as_of must be a date, not '\(text)'") }
            job.asOf = day
        }
        if let level = try p.number("service_level") {
            guard let probability = ServiceLevelMatrix.probability(level) else {
                throw p.error("service_level", "service_level is \(ServiceLevelMatrix.accepted)")
            }
            job.settings.serviceLevel = probability
        }
        let policy = try p.string("policy") ?? "periodic"
        guard let parsed = ReorderPolicy(rawValue: policy) else { throw p.error("policy", "policy must be periodic, continuous or minmax") }
        job.settings.policy = parsed
        job.settings.orderingCost = try p.number("ordering_cost", in: 0...1_000_000, "the cost of placing one order") ?? 25
        job.settings.holdingRate = try p.number("holding_rate", in: 0.001...5, "the yearly holding cost as a share of the unit cost (0.25 = 25%)") ?? 0.25
        guard let measure = ServiceMeasure(rawValue: try p.string("service_measure") ?? "fill-rate") else {
            throw p.error("service_measure", "service_measure must be fill-rate or cycle")
        }
        job.settings.serviceMeasure = measure
        job.simulateWeeks = try p.integer("simulate")
        if let weeks = job.simulateWeeks, !(1...520).contains(weeks) { throw p.error("simulate", "simulate is a number of weeks, 1-520") }
        let file = try p.string("file") ?? "reorder"
        guard ExportStage.isSafeName(file) else { throw p.error("file", "'\(file)' must be a plain file name") }
        self.init(usage: try p.requiredString("usage"), items: try p.requiredString("items"),
                  inventory: try p.requiredString("inventory"), job: job, file: file)
        orders = try p.string("orders")
        lots = try p.string("lots")
    }

    public var outputFiles: [String] { [file + ".csv", file + "_simulation.csv"] + Self.reportFiles(file, charts: ["outlook_*"]) }

    public func run(_ context: StageContext) throws -> [String: Table] {
        var job = self.job
        job.threads = context.threads
        job.quiet = context.quiet
        job.historyStage = context.history.map { _ in context.stage }
        let plan = try job.plan(usage: try context.table(usage), items: try context.table(items), inventory: try context.table(inventory),
                                orders: try orders.map { try context.table($0) }, lots: try lots.map { try context.table($0) })
        if let record = plan.history { context.record(record) }
        let table = ReorderJob.table(plan.lines)
        try table.write(to: context.output(file + ".csv"))
        var document = ReorderJob.report(plan, numbers: context.reports.numbers, file: file)
        document.sheet(WorkbookSheets.reorder(table))
        if !plan.simulation.isEmpty { document.sheet(WorkbookSheets.simulation(ReorderJob.simulationTable(plan.simulation))) }
        let report = try context.write(document, name: file)
        for item in ReorderJob.costReductions(plan, report: report, numbers: context.reports.numbers) {
            context.costReduction(item)
        }
        if !plan.simulation.isEmpty { try ReorderJob.simulationTable(plan.simulation).write(to: context.output(file + "_simulation.csv")) }
        if let weeks = job.simulateWeeks, plan.simulation.isEmpty {
            context.note("no replay of \(weeks) weeks: it compares the recommended levels with each item's par level, and no item planned has a par_level in the item master, so \(file)_simulation.csv is not written")
        }
        let orders = plan.lines.filter { $0.orderQuantity > 0 }
        for note in plan.unitNotes { context.note(note) }
        for note in plan.orderLineNotes { context.note(note) }
        if !plan.lotLocationsUnmatched.isEmpty {
            context.note("lots at locations no inventory row of their item names are not planned (flag lot_location_unmatched): "
                         + plan.lotLocationsUnmatched.listed(upTo: 10) + "; write the lots' locations as the inventory does")
        }
        if !plan.itemCodesMatched.isEmpty {
            context.note("item codes read as the item master writes them (they differ only in leading zeros or case): " + plan.itemCodesMatched.listed(upTo: 10))
        }
        if let note = ReorderJob.packPricedNote(plan.packPricedCosts) { context.note(note) }
        if !plan.replacements.isEmpty { context.note(ItemReplacement.note(plan.replacements)) }
        if !plan.locationsMatched.isEmpty {
            context.note("usage locations read as the inventory spells them (case and spaces aside): " + plan.locationsMatched.listed(upTo: 10))
        }
        if plan.blankLocationsPlaced.rows > 0 {
            context.note("\(NumberFormat.count(plan.blankLocationsPlaced.rows, "usage row")) with no location read at the item's one stock location: " + plan.blankLocationsPlaced.items.listed(upTo: 10))
        }
        if !plan.usedWithoutStock.isEmpty { context.note(ReorderJob.usedWithoutStockNote(plan.usedWithoutStock, planned: plan.lines.map(\.item))) }
        if let totals = plan.usageReadAsTotals { context.note(totals) }
        if let end = plan.usageEnd { context.note(ReorderJob.usageEndNote(end, asOf: plan.asOf)) }
        context.summary("\(NumberFormat.count(plan.lines.count, plan.byLocation ? "stock line" : "item")) planned as of \(plan.asOf), \(orders.count) to order, \(ReorderJob.orderTotalSummary(orders)); forecasting \(NumberFormat.fixed(plan.forecastSeconds, decimals: 2)) s, planning \(NumberFormat.fixed(plan.planningSeconds, decimals: 2)) s")
        return ["reorder": table]
    }
}
