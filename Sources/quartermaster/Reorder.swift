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
    @Option(help: ArgumentHelp("Service level for items without their own, e.g. 0.95.", valueName: "p")) var serviceLevel: Double?
    @Option(help: ArgumentHelp("periodic, continuous or minmax.", valueName: "policy")) var policy = "periodic"
    @Option(help: ArgumentHelp("Replay this many weeks of demand through the recommended and the par levels.", valueName: "weeks")) var simulate: Int?
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        var job = ReorderJob()
        if let asOf {
            guard let day = DateParser().parse(asOf) else { throw UsageError("--as-of must be a date, not '\(asOf)'") }
            job.asOf = day
        }
        if let serviceLevel {
            guard serviceLevel > 0.5, serviceLevel < 1 else { throw UsageError("--service-level is a probability such as 0.95") }
            job.settings.serviceLevel = serviceLevel
        }
        guard let parsedPolicy = ReorderPolicy(rawValue: policy) else { throw UsageError("--policy must be periodic, continuous or minmax") }
        job.settings.policy = parsedPolicy
        if let simulate, !(1...520).contains(simulate) { throw UsageError("--simulate is a number of weeks, 1-520") }
        job.simulateWeeks = simulate
        try pipeline.run("reorder", [
            .init("usage", try pipeline.importStage(usage, "usage", shardKey: ["item"], main: true)),
            .init("items", try pipeline.importStage(items, "items", shardKey: ["item"])),
            .init("inventory", try pipeline.importStage(inventory, "inventory", shardKey: ["item"])),
            .init("reorder", ReorderStage(usage: "usage", items: "items", inventory: "inventory", job: job)),
        ], writes: ["reorder.csv", "reorder.md"] + (simulate == nil ? [] : ["reorder_simulation.csv"]))
    }
}
