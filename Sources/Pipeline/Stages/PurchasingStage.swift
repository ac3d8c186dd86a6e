import Planning
import Reports
import Tabular

/// `purchasing`: vendor scorecard, contract price variance, observed lead times and lot
/// expiry risk; writes vendor_scorecard.csv, price_variance.csv, lead_times.csv,
/// expiry_risk.csv (with lots) and purchasing.md.
public struct PurchasingStage: Stage {
    public static let kind = "purchasing"
    public static let summary = "Vendor scorecard, contract price variance, observed lead times and lot expiry risk (vendor_scorecard.csv, price_variance.csv, lead_times.csv, expiry_risk.csv, purchasing.md)."
    public static let outputs = ["vendors", "price_variance", "lead_times", "expiry_risk"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("orders", .reference, required: true, "purchase order lines (item, vendor, order_date, quantity, unit_price, receipt_date, ...)"),
        ParameterSpec("contracts", .reference, "contract prices (item, vendor, contract_price, start, end)"),
        ParameterSpec("items", .reference, "item master: lead times for on-time, unit costs for waste"),
        ParameterSpec("lots", .reference, "stock by lot (item, lot, expiry_date, quantity); needs usage"),
        ParameterSpec("usage", .reference, "usage table, for each item's daily use against its lots"),
        ParameterSpec("as_of", .string, "day lots are planned from (default: the last day in the usage)"),
        ParameterSpec("grace_days", .number, default: "1", "days past the item's lead time a receipt still counts as on time"),
        ParameterSpec("file", .outputFile, default: "purchasing", "base name of the report written"),
    ]

    public var orders: String
    public var contracts: String?, items: String?, lots: String?, usage: String?
    public var job: PurchasingJob
    public var file: String
    public var inputs: [String] { [orders] + [contracts, items, lots, usage].compactMap { $0 } }

    public init(orders: String, contracts: String? = nil, items: String? = nil, lots: String? = nil, usage: String? = nil,
                job: PurchasingJob = PurchasingJob(), file: String = "purchasing") {
        self.orders = orders
        self.contracts = contracts
        self.items = items
        self.lots = lots
        self.usage = usage
        self.job = job
        self.file = file
    }

    public init(parameters p: StageParameters) throws {
        var job = PurchasingJob()
        if let text = try p.string("as_of") {
            guard let day = DateParser().parse(text) else { throw p.error("as_of", "as_of must be a date, not '\(text)'") }
            job.asOf = day
        }
        let grace = try p.number("grace_days") ?? 1
        guard (0...365).contains(grace) else { throw p.error("grace_days", "grace_days is a number of days from 0 to 365") }
        job.settings.graceDays = grace
        let file = try p.string("file") ?? "purchasing"
        guard ExportStage.isSafeName(file) else { throw p.error("file", "'\(file)' must be a plain file name") }
        let lots = try p.string("lots"), usage = try p.string("usage")
        if lots != nil && usage == nil { throw p.error("lots", "lots need usage: (the usage table), to know how fast each item is used") }
        self.init(orders: try p.requiredString("orders"), contracts: try p.string("contracts"), items: try p.string("items"),
                  lots: lots, usage: usage, job: job, file: file)
    }

    public var outputFiles: [String] {
        ["vendor_scorecard.csv", "price_variance.csv", "lead_times.csv", "expiry_risk.csv"] + Self.reportFiles(file, charts: ["vendor_spend", "vendor_service"])
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        func optional(_ name: String?) throws -> Table? { try name.map { try context.table($0) } }
        let result = try job.run(orders: try context.table(orders), contracts: try optional(contracts), items: try optional(items),
                                 lots: try optional(lots), usage: try optional(usage))
        let scorecard = PurchasingJob.scorecardTable(result), variance = PurchasingJob.priceVarianceTable(result)
        let leadTimes = PurchasingJob.leadTimeTable(result), expiry = PurchasingJob.expiryTable(result)
        try scorecard.write(to: context.output("vendor_scorecard.csv"))
        try variance.write(to: context.output("price_variance.csv"))
        try leadTimes.write(to: context.output("lead_times.csv"))
        if result.hasLots { try expiry.write(to: context.output("expiry_risk.csv")) }
        var document = PurchasingJob.report(result, numbers: context.reports.numbers)
        for sheet in PurchasingJob.sheets(result) { document.sheet(sheet) }
        let report = try context.write(document, name: file)
        for item in PurchasingJob.costReductions(result, report: report, numbers: context.reports.numbers) {
            context.costReduction(item)
        }
        context.summary(PurchasingJob.note(result))
        return ["vendors": scorecard, "price_variance": variance, "lead_times": leadTimes, "expiry_risk": expiry]
    }
}
