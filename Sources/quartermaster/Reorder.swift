import ArgumentParser
import Pipeline
import Planning
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// A ready pipeline: import usage, items and inventory, then the reorder stage.
struct Reorder: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "This week's reorder list by vendor, with reasons (reorder.csv and reorder.md).")

    @Option(help: ArgumentHelp("Usage export (date, item, quantity).", valueName: "path")) var usage: String
    @Option(help: ArgumentHelp("Item master (item, vendor, unit_cost, pack_size, lead_time_days, ...).", valueName: "path")) var items: String
    @Option(help: ArgumentHelp("Inventory snapshot (item, on_hand, on_order, location).", valueName: "path")) var inventory: String
    @Option(help: ArgumentHelp("Plan as of this day (default: the last day of usage).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("Service level for items without their own, e.g. 0.95 (or 95).", valueName: "p")) var serviceLevel: Double?
    @Option(help: ArgumentHelp("periodic, continuous or minmax.", valueName: "policy")) var policy = "periodic"
    @Option(help: ArgumentHelp("Purchase order lines with receipts: observed lead times for items with at least 5 receipts, latest paid prices, and open lines as on order where the inventory gives none.", valueName: "path")) var orders: String?
    @Option(help: ArgumentHelp("Stock by lot (item, lot, expiry_date, quantity): units expiring before use are not counted as stock.", valueName: "path")) var lots: String?
    @Option(help: ArgumentHelp("fill-rate (share of units served from stock) or cycle (probability of no stockout in a cycle).", valueName: "measure")) var serviceMeasure = "fill-rate"
    @Option(help: ArgumentHelp("Replay this many weeks of demand through the recommended and the par levels (items with a par_level in --items).", valueName: "weeks")) var simulate: Int?
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        var job = ReorderJob()
        if let asOf {
            guard let day = DateParser().parse(asOf) else { throw UsageError("--as-of must be a date, not '\(asOf)'") }
            job.asOf = day
        }
        if let serviceLevel {
            guard let level = ServiceLevelMatrix.probability(serviceLevel) else {
                throw UsageError("--service-level is \(ServiceLevelMatrix.accepted)")
            }
            job.settings.serviceLevel = level
        }
        guard let parsedPolicy = ReorderPolicy(rawValue: policy) else { throw UsageError("--policy must be periodic, continuous or minmax") }
        job.settings.policy = parsedPolicy
        if let simulate, !(1...520).contains(simulate) { throw UsageError("--simulate is a number of weeks, 1-520") }
        job.simulateWeeks = simulate
        guard let measure = ServiceMeasure(rawValue: serviceMeasure) else { throw UsageError("--service-measure must be fill-rate or cycle") }
        job.settings.serviceMeasure = measure
        var stage = ReorderStage(usage: "usage", items: "items", inventory: "inventory", job: job)
        var stages: [PipelineRunner.NamedStage] = [
            .init("usage", try pipeline.importStage(usage, "usage", shardKey: ["item"], main: true)),
            .init("items", try pipeline.importStage(items, "items", shardKey: ["item"])),
            .init("inventory", try pipeline.importStage(inventory, "inventory", shardKey: ["item"])),
        ]
        if let orders {
            stages.append(.init("orders", try pipeline.importStage(orders, "orders", shardKey: ["item"])))
            stage.orders = "orders"
        }
        if let lots {
            stages.append(.init("lots", try pipeline.importStage(lots, "lots", shardKey: ["item"])))
            stage.lots = "lots"
        }
        try pipeline.run("reorder", stages + [.init("reorder", stage)], writes: ["reorder.csv", "reorder.md"] + (simulate == nil ? [] : ["reorder_simulation.csv"]),
                         optional: ["orders": "--orders", "lots": "--lots"])
    }
}
