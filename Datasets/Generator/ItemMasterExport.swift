/// Writes the two item masters: `items.csv` (materials management) and `formulary.csv`
/// (pharmacy), each with current prices, the last price change, order rules, lead times,
/// shelf life, criticality, the par level in use today and the status.
struct ItemMasterExport {
    let calendar: DemoCalendar
    let items: [SupplyItem]
    let supply: SupplyResult
    let pharmacy: PharmacyResult

    static let itemsHeader = ["Item #", "Description", "Category", "Commodity", "Vendor", "UOM", "Pack Size", "Min Order Qty",
                              "Unit Cost", "Prior Unit Cost", "Price Effective", "Lead Time (Days)", "Lead Time SD (Days)",
                              "Shelf Life (Days)", "Criticality", "Par Level", "Status", "Replaced By"]
    static let formularyHeader = ["Medication", "Therapeutic Class", "Supplier", "Package Size", "Min Order Qty", "Cost per Dose",
                                  "Prior Cost per Dose", "Cost Effective", "Lead Time Days", "Lead Time SD", "Shelf Life Days",
                                  "Criticality", "Par Level", "Status"]

    /// The par level a storeroom set long ago: two weeks of the item's first year of use,
    /// rounded up to whole packs, never revisited.
    static func parLevel(daily: [Int32], start: Int, pack: Int, days: Int = 14) -> Int {
        let window = min(365, daily.count - start)
        var total = 0
        for d in start..<(start + window) { total += Int(daily[d]) }
        let perDay = window > 0 ? Double(total) / Double(window) : 0
        let units = perDay * Double(days)
        return max(pack, Int((units / Double(pack)).rounded(.up)) * pack)
    }

    func write(itemsPath: String, formularyPath: String) throws -> (items: (rows: Int, bytes: Int), formulary: (rows: Int, bytes: Int)) {
        let end = calendar.dayCount
        let writer = try ExportWriter(path: itemsPath, header: ItemMasterExport.itemsHeader)
        for (i, item) in items.enumerated() {
            writer.int(item.number)
            writer.text(item.description)
            writer.text(item.category)
            writer.text(item.commodity)
            writer.text(item.vendor.vendor.name)
            writer.text(item.uom)
            writer.int(item.packSize)
            writer.int(item.minOrderQty)
            writer.dollars(item.cents(on: end - 1))
            if let change = item.lastChange {
                writer.dollars(change.previous)
                writer.field(calendar.usDate[change.day])
            } else {
                writer.empty(); writer.empty()
            }
            writer.fixed(item.leadTimeDays, decimals: 1)
            writer.fixed(item.leadTimeSD, decimals: 1)
            if let shelf = item.shelfLifeDays { writer.int(shelf) } else { writer.empty() }
            writer.text(item.criticality)
            writer.int(ItemMasterExport.parLevel(daily: supply.itemDaily[i], start: item.start, pack: item.packSize))
            writer.text(item.discontinued ? "Discontinued" : "Active")
            if let next = item.replacedBy { writer.int(next) } else { writer.empty() }
            writer.endRow()
        }
        try writer.commit()

        let formulary = try ExportWriter(path: formularyPath, header: ItemMasterExport.formularyHeader)
        for (k, entry) in pharmacy.medications.enumerated() {
            let medication = entry.medication
            let vendor = medication.supplier.vendor
            let start = medication.introduced.map { DemoCalendar.index($0.0, $0.1, $0.2) } ?? 0
            formulary.text(entry.column)
            formulary.text(medication.therapeuticClass)
            formulary.text(vendor.name)
            formulary.int(medication.pack)
            formulary.int(medication.pack)
            formulary.dollars(pharmacy.cents(k, on: end - 1))
            let prices = pharmacy.prices[k]
            if let last = prices.indices.last(where: { $0 > 0 && prices[$0].day > start }) {
                formulary.dollars(prices[last - 1].cents)
                formulary.field(calendar.isoDate[prices[last].day])
            } else {
                formulary.empty(); formulary.empty()
            }
            formulary.fixed(vendor.leadTimeDays, decimals: 1)
            formulary.fixed(vendor.leadTimeSD, decimals: 1)
            formulary.int(medication.shelfLife)
            formulary.text(medication.criticality)
            formulary.int(ItemMasterExport.parLevel(daily: pharmacy.daily[k], start: start, pack: medication.pack, days: 3))
            formulary.text(medication.discontinued == nil ? "Active" : "Discontinued")
            formulary.endRow()
        }
        try formulary.commit()
        return ((writer.rowsWritten, writer.bytesWritten), (formulary.rowsWritten, formulary.bytesWritten))
    }
}
