import Planning
import Tabular

/// The item master indexed by item, with typed lookups of DESIGN.md's columns.
struct ItemMaster {
    let index: [String: Int]
    let table: Table

    init(_ table: Table) {
        self.table = table
        var index: [String: Int] = [:]
        for (row, item) in (table.texts("item") ?? []).enumerated() where index[item] == nil { index[item] = row }
        self.index = index
    }

    func has(_ item: String) -> Bool { index[item] != nil }

    /// The item master gives the item a unit cost.
    func hasCost(_ item: String) -> Bool { number("unit_cost", item) != nil }

    func number(_ column: String, _ item: String) -> Double? {
        guard let row = index[item], let value = table.numbers(column)?[row], value.isFinite else { return nil }
        return value
    }

    func text(_ column: String, _ item: String) -> String? {
        guard let row = index[item], let value = table.texts(column)?[row], !value.isEmpty else { return nil }
        return value
    }

    func stockItem(_ item: String) -> StockItem {
        var s = StockItem(item: item)
        s.description = text("description", item) ?? ""
        s.vendor = text("vendor", item) ?? ""
        s.unitCost = number("unit_cost", item) ?? 0
        s.packSize = number("pack_size", item) ?? 1
        s.minimumOrder = number("min_order_qty", item) ?? 0
        s.leadTimeDays = number("lead_time_days", item)
        s.leadTimeStandardDeviationDays = number("lead_time_sd_days", item) ?? 0
        s.reviewPeriodDays = number("review_period_days", item)
        s.shelfLifeDays = number("shelf_life_days", item)
        s.criticality = text("criticality", item).flatMap { ServiceLevelMatrix.Criticality(rawValue: $0.uppercased()) } ?? .essential
        s.serviceLevel = number("service_level", item).map { $0 > 1 ? $0 / 100 : $0 }
        s.parLevel = number("par_level", item)
        s.discontinued = isDiscontinued(item)
        return s
    }

    /// The master marks the item discontinued (status, or a discontinued flag).
    func isDiscontinued(_ item: String) -> Bool {
        text("status", item).flatMap(ItemStatus.init) == .discontinued
            || text("discontinued", item).map { ["true", "yes", "y", "1"].contains($0.trimmed().lowercased()) } ?? false
    }
}
