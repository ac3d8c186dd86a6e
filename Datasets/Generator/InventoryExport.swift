/// Writes the on-hand snapshots as of 2026-06-30: `inventory.csv` for the storeroom and
/// `pharmacy_inventory.csv` for the pharmacy. Ordinary items hold their lead time plus
/// two to six weeks of demand; the planted items do not (see the truths).
struct InventoryExport {
    let calendar: DemoCalendar
    let items: [SupplyItem]
    let supply: SupplyResult
    let pharmacy: PharmacyResult
    let seed: UInt64

    static let inventoryHeader = ["Item #", "Location", "On Hand", "On Order", "Snapshot Date"]
    static let pharmacyHeader = ["Medication", "On Hand", "On Order", "Count Date"]

    struct Position {
        let onHand: Int
        let onOrder: Int
        let dailyDemand: Double
    }

    struct Output {
        var items: [Int: Position]           // by index into `items`
        var medications: [Int: Position]     // by index into the sheet's medications
        var inventoryRows: Int, inventoryBytes: Int
        var pharmacyRows: Int, pharmacyBytes: Int
    }

    func write(inventoryPath: String, pharmacyPath: String) throws -> Output {
        let n = calendar.dayCount
        var output = Output(items: [:], medications: [:], inventoryRows: 0, inventoryBytes: 0, pharmacyRows: 0, pharmacyBytes: 0)
        var rng = RandomSource(seed: seed, stream: "inventory")
        let writer = try ExportWriter(path: inventoryPath, header: InventoryExport.inventoryHeader)
        let asOf = calendar.isoDate[n - 1]
        for (i, item) in items.enumerated() {
            let inUse = item.end >= n
            let daily = supply.recentDailyDemand[i]
            // Draws happen for every item, in order, so a change to one item leaves the others alone.
            let cover = rng.uniform(14, 42)
            let slowExtra = rng.int(in: 1...3)
            let ordered = rng.bernoulli(0.3)
            let stockoutShare = rng.uniform(0.3, 0.45)
            guard inUse else { continue }
            let lead = item.leadTimeDays
            var onHand: Int, onOrder = 0
            switch item.planted {
            case .stockout?:
                onHand = Int((daily * lead * stockoutShare).rounded())
            case .overstock?:
                onHand = Int((daily * Double(item.shelfLifeDays ?? 365) * 2.6 / Double(item.packSize)).rounded()) * item.packSize
            case .discontinuedInUse?:
                onHand = Int((daily * 4).rounded())
            case nil:
                if daily < 0.3 {
                    onHand = Int((daily * (lead + 7)).rounded(.up)) + slowExtra
                } else {
                    onHand = Int((daily * (lead + cover)).rounded())
                    if let shelf = item.shelfLifeDays { onHand = min(onHand, Int(daily * Double(shelf) * 0.6)) }
                    if ordered { onOrder = max(1, Int((daily * 14 / Double(item.packSize)).rounded(.up))) * item.packSize }
                }
            }
            output.items[i] = Position(onHand: onHand, onOrder: onOrder, dailyDemand: daily)
            writer.int(item.number)
            writer.text(item.category == "Implant" ? "OR Core" : "Central Supply")
            writer.groupedInt(onHand)
            writer.int(onOrder)
            writer.field(asOf)
            writer.endRow()
        }
        try writer.commit()
        output.inventoryRows = writer.rowsWritten
        output.inventoryBytes = writer.bytesWritten

        let sheet = try ExportWriter(path: pharmacyPath, header: InventoryExport.pharmacyHeader)
        let countDate = calendar.usDate[n - 1]
        for (k, entry) in pharmacy.medications.enumerated() {
            let medication = entry.medication
            let daily = pharmacy.recentDailyDemand[k]
            let cover = rng.uniform(4, 12)
            let ordered = rng.bernoulli(0.3)
            guard medication.discontinued == nil else { continue }
            let lead = medication.supplier.vendor.leadTimeDays
            var onHand: Int, onOrder = 0
            if medication.planted == .stockout {
                onHand = Int((daily * lead * 0.5).rounded())
            } else {
                // Slow but vital drugs (thrombolytics, antidotes) keep at least a dose or two.
                onHand = max(Int((daily * (lead + 7)).rounded(.up)) + 1, Int((daily * (lead + cover)).rounded()))
                if ordered && daily >= 1 { onOrder = max(1, Int((daily * 3 / Double(medication.pack)).rounded(.up))) * medication.pack }
            }
            output.medications[k] = Position(onHand: onHand, onOrder: onOrder, dailyDemand: daily)
            sheet.text(entry.column)
            sheet.groupedInt(onHand)
            sheet.int(onOrder)
            sheet.field(countDate)
            sheet.endRow()
        }
        try sheet.commit()
        output.pharmacyRows = sheet.rowsWritten
        output.pharmacyBytes = sheet.bytesWritten
        return output
    }
}
