#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tabular

/// The whole demo: every export of Harbor Valley Health for one seed and scale, written
/// into one folder. The same seed and scale always give the same bytes.
public struct DemoDataset {
    public let seed: UInt64
    public let scale: Int

    public init(seed: UInt64, scale: Int = 1) {
        precondition(scale >= 1, "scale must be at least 1")
        self.seed = seed
        self.scale = scale
    }

    /// One written file: its name in the folder, data rows and bytes.
    public struct FileSummary: Sendable {
        public let name: String
        public let rows: Int
        public let bytes: Int
    }

    /// The files in the order they are written; planted_truths.json comes last.
    public static let fileNames = [
        "supply_issues.csv", "pharmacy_dispensing_wide.csv", "timekeeping.csv", "census.csv", "staffing_targets.csv",
        "budget.csv", "gl_actuals.csv", "items.csv", "formulary.csv", "inventory.csv", "pharmacy_inventory.csv",
        "pharmacy_monthly_sheet.csv", "nursing_home_pbj.csv", "nursing_home_targets.csv", "purchase_orders.csv", "contracts.csv", "lots.csv", "shifts.csv", "timekeeping_spans.csv", "planted_truths.json",
    ]

    @discardableResult
    public func generate(into directory: String) throws -> [FileSummary] {
        try DemoDataset.makeDirectory(directory)
        func path(_ name: String) -> String { directory + "/" + name }
        let calendar = DemoCalendar()
        let system = HealthSystem(scale: scale)
        let census = CensusGenerator(system: system, calendar: calendar, seed: seed).generate()
        let items = SupplyCatalog.items(system: system, calendar: calendar, seed: seed)
        var files: [(name: String, rows: Int, bytes: Int)] = []

        let supply = try SupplyIssueGenerator(system: system, calendar: calendar, census: census, items: items, seed: seed)
            .generate(path: path("supply_issues.csv"))
        files.append(("supply_issues.csv", supply.rows, supply.bytes))
        let pharmacy = try PharmacyGenerator(system: system, calendar: calendar, census: census, seed: seed)
            .generate(path: path("pharmacy_dispensing_wide.csv"))
        files.append(("pharmacy_dispensing_wide.csv", pharmacy.rows, pharmacy.bytes))
        let labor = try TimekeepingGenerator(system: system, calendar: calendar, census: census, seed: seed)
            .generate(path: path("timekeeping.csv"))
        files.append(("timekeeping.csv", labor.rows, labor.bytes))
        let censusFile = try CensusExport(system: system, calendar: calendar, census: census).write(path: path("census.csv"))
        files.append(("census.csv", censusFile.rows, censusFile.bytes))
        let targets = try StaffingTargetsExport(system: system, calendar: calendar, census: census, labor: labor)
            .write(path: path("staffing_targets.csv"))
        files.append(("staffing_targets.csv", targets.rows, targets.bytes))
        let ledger = try LedgerGenerator(system: system, calendar: calendar, census: census, supply: supply, pharmacy: pharmacy,
                                         labor: labor, seed: seed)
            .generate(budgetPath: path("budget.csv"), actualsPath: path("gl_actuals.csv"))
        files.append(("budget.csv", ledger.budgetRows, ledger.budgetBytes))
        files.append(("gl_actuals.csv", ledger.actualRows, ledger.actualBytes))
        let masters = try ItemMasterExport(calendar: calendar, items: items, supply: supply, pharmacy: pharmacy)
            .write(itemsPath: path("items.csv"), formularyPath: path("formulary.csv"))
        files.append(("items.csv", masters.items.rows, masters.items.bytes))
        files.append(("formulary.csv", masters.formulary.rows, masters.formulary.bytes))
        let inventory = try InventoryExport(calendar: calendar, items: items, supply: supply, pharmacy: pharmacy, seed: seed)
            .write(inventoryPath: path("inventory.csv"), pharmacyPath: path("pharmacy_inventory.csv"))
        files.append(("inventory.csv", inventory.inventoryRows, inventory.inventoryBytes))
        files.append(("pharmacy_inventory.csv", inventory.pharmacyRows, inventory.pharmacyBytes))
        let monthlySheet = try PharmacyMonthlySheetExport(calendar: calendar, pharmacy: pharmacy).write(path: path("pharmacy_monthly_sheet.csv"))
        files.append(("pharmacy_monthly_sheet.csv", monthlySheet.rows, monthlySheet.bytes))
        let homes = NursingHome.all(scale: scale)
        let nursing = try NursingHomeGenerator(calendar: calendar, homes: homes, seed: seed).generate(path: path("nursing_home_pbj.csv"))
        files.append(("nursing_home_pbj.csv", nursing.rows, nursing.bytes))
        let homeTargets = try NursingHomeTargetsExport(homes: homes).write(path: path("nursing_home_targets.csv"))
        files.append(("nursing_home_targets.csv", homeTargets.rows, homeTargets.bytes))
        let purchasing = try PurchasingDemo(calendar: calendar, items: items, supply: supply, inventory: inventory, seed: seed)
            .write(ordersPath: path("purchase_orders.csv"), contractsPath: path("contracts.csv"), lotsPath: path("lots.csv"))
        files.append(("purchase_orders.csv", purchasing.orderRows, purchasing.orderBytes))
        files.append(("contracts.csv", purchasing.contractRows, purchasing.contractBytes))
        files.append(("lots.csv", purchasing.lotRows, purchasing.lotBytes))


        let shifts = try ShiftGenerator(system: system, calendar: calendar, census: census, seed: seed)
            .generate(shiftsPath: path("shifts.csv"), spansPath: path("timekeeping_spans.csv"))
        files.append(("shifts.csv", shifts.shiftRows, shifts.shiftBytes))
        files.append(("timekeeping_spans.csv", shifts.spanRows, shifts.spanBytes))


        let truths = PlantedTruths(seed: seed, system: system, calendar: calendar, census: census, items: items, supply: supply,
                                   pharmacy: pharmacy, labor: labor, ledger: ledger, inventory: inventory, nursing: nursing, files: files,
                                   moreTruths: [PurchasingDemo.truth(purchasing), ShiftGenerator.truth(shifts)])
        let json = truths.build().rendered() + "\n"
        let file = try AtomicFile(path: path("planted_truths.json"))
        try file.write(json)
        try file.commit()
        files.append(("planted_truths.json", 0, json.utf8.count))
        return files.map { FileSummary(name: $0.name, rows: $0.rows, bytes: $0.bytes) }
    }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") where !part.isEmpty {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw InputError(file: current, "cannot be created: \(String(cString: strerror(errno)))")
            }
        }
    }
}
