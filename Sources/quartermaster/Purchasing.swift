import ArgumentParser
import Pipeline
import Tabular

/// A ready pipeline: import orders (and contracts, items, lots with usage), then the purchasing stage.
struct Purchasing: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vendor scorecard, contract price variance, observed lead times and lot expiry risk (vendor_scorecard.csv, price_variance.csv, lead_times.csv, expiry_risk.csv, purchasing.md).")

    @Option(help: ArgumentHelp("Purchase order lines with receipts (item, vendor, order_date, quantity, unit_price, receipt_date, received_quantity, contract_price).", valueName: "path")) var orders: String
    @Option(help: ArgumentHelp("Contract prices (item, vendor, contract_price, start, end).", valueName: "path")) var contracts: String?
    @Option(help: ArgumentHelp("Item master: lead_time_days for on-time, unit_cost for waste.", valueName: "path")) var items: String?
    @Option(help: ArgumentHelp("Stock by lot (item, lot, expiry_date, quantity); needs --usage.", valueName: "path")) var lots: String?
    @Option(help: ArgumentHelp("Usage export (date, item, quantity): each item's daily use against its lots.", valueName: "path")) var usage: String?
    @Option(help: ArgumentHelp("Plan lots from this day (default: the last day of usage).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("Days past the item's lead time a receipt still counts as on time.", valueName: "days")) var graceDays = 1.0
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        var job = PurchasingJob()
        if let asOf {
            guard let day = DateParser().parse(asOf) else { throw UsageError("--as-of must be a date, not '\(asOf)'") }
            job.asOf = day
        }
        guard (0...365).contains(graceDays) else { throw UsageError("--grace-days is a number of days from 0 to 365") }
        job.settings.graceDays = graceDays
        if lots != nil && usage == nil { throw UsageError("--lots needs --usage, to know how fast each item is used") }
        var stages: [PipelineRunner.NamedStage] = [.init("orders", try pipeline.importStage(orders, "orders", shardKey: ["item"], main: true))]
        if let contracts { stages.append(.init("contracts", try pipeline.importStage(contracts, "contracts", shardKey: ["item"]))) }
        if let items {
            // Purchasing reads the master's lead time and cost: its shelf life and lead-time
            // spread were suggested for mapping, to no effect.
            var stage = try pipeline.importStage(items, "items", shardKey: ["item"])
            stage.rolesRead = ["item", "description", "vendor", "unit_cost", "lead_time_days", "lead_time_weeks"]
            stages.append(.init("items", stage))
        }
        if let lots { stages.append(.init("lots", try pipeline.importStage(lots, "lots", shardKey: ["item"]))) }
        if let usage { stages.append(.init("usage", try pipeline.importStage(usage, "usage", shardKey: ["item"]))) }
        stages.append(.init("purchasing", PurchasingStage(orders: "orders", contracts: contracts.map { _ in "contracts" }, items: items.map { _ in "items" },
                                                          lots: lots.map { _ in "lots" }, usage: usage.map { _ in "usage" }, job: job)))
        try pipeline.run("purchasing", stages, writes: ["vendor_scorecard.csv", "price_variance.csv", "lead_times.csv"] + (lots == nil ? [] : ["expiry_risk.csv"]) + ["purchasing.md"],
                         optional: ["contracts": "--contracts", "items": "--items", "lots": "--lots", "usage": "--usage"])
    }
}
