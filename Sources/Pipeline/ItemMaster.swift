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

    /// The lead time in days: `lead_time_days`, else `lead_time_weeks` x 7. A master keeping
    /// lead times in weeks (`Lead Time (Weeks)` = 3) was planned on the 7-day default without
    /// a word: 3 items used 10 a day with 150 on hand ordered 0 where 130 each was due ($1,261).
    func leadTimeDays(_ item: String) -> Double? {
        number("lead_time_days", item) ?? number("lead_time_weeks", item).map { $0 * 7 }
    }

    func stockItem(_ item: String) -> StockItem {
        var s = StockItem(item: item)
        s.description = text("description", item) ?? ""
        s.vendor = text("vendor", item) ?? ""
        s.unitCost = number("unit_cost", item) ?? 0
        s.packSize = number("pack_size", item) ?? 1
        s.minimumOrder = number("min_order_qty", item) ?? 0
        s.leadTimeDays = leadTimeDays(item)
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
