/// Writes `supply_issues.csv`: the storeroom's issues of stocked items to cost centers.
///
/// Each department consumes an item every day in proportion to its workload (with the item's
/// season, trend and over-dispersion); the storeroom restocks the busiest items (and the ICU's
/// critical-care items) twice a week, others weekly or every other week, each on its own
/// weekday, and issues slow items (implants, rare kits) as they are used. An issue is the
/// consumption since the last one. A row is one item issued to one cost center on one day.
struct SupplyIssueGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let items: [SupplyItem]
    let seed: UInt64

    static let header = ["Trans Date", "Item #", "Description", "Qty Issued", "UOM", "Unit Cost", "Cost Center"]

    /// Weekly use (issue units) from which a department's par is restocked twice a week,
    /// weekly, every other week; below the last, an item is issued as it is used.
    static let twiceWeekly = 300.0
    static let weekly = 60.0
    static let everyOtherWeek = 0.7
    /// Below this weekly use a department does not stock a size variant at all.
    static let notStocked = 0.25

    private enum Schedule {
        case twiceWeekly(Int)
        case weekly(Int)
        case everyOtherWeek(Int, Int)
        case asUsed
    }

    /// Dirty rows planted in the export: (date, kind, bad value).
    static let plantedDirt: [((Int, Int, Int), DirtyRow.Kind, String?)] = [
        ((2024, 7, 1), .blankLine, nil),
        ((2024, 7, 1), .repeatedHeader, nil),
        ((2024, 11, 15), .badQuantity, "#VALUE!"),
        ((2025, 3, 3), .blankLine, nil),
        ((2025, 8, 20), .badQuantity, "N/A"),
        ((2026, 3, 10), .badQuantity, "1O"),
    ]

    func generate(path: String) throws -> SupplyResult {
        let n = calendar.dayCount, months = calendar.monthCount
        let departments = system.departments.count
        let vendors = VendorID.allCases.count
        let winter = (0..<n).map { calendar.winter($0) }
        let respiratory = (0..<n).map { calendar.respiratory($0) }
        let censusModel = CensusGenerator(system: system, calendar: calendar, seed: seed)
        let typical = (0..<n).map { censusModel.typicalRespiratory($0) }
        let campaign = (0..<n).map { SupplyIssueGenerator.campaign($0, calendar) }
        let fiscalStarts = [0, DemoCalendar.index(2024, 7, 1), DemoCalendar.index(2025, 7, 1)]
        let middle = DemoCalendar.index(2025, 1, 1)
        let recentStart = n - 91
        let monthIndex = calendar.monthIndex, weekdays = calendar.weekday, holidays = calendar.isHoliday
        let fiscalIndex = calendar.fiscalIndex
        let items = self.items, census = self.census

        var result = SupplyResult(
            supplyCents: Array(repeating: Array(repeating: 0, count: months), count: departments),
            implantCents: Array(repeating: Array(repeating: 0, count: months), count: departments),
            vendorCents: Array(repeating: Array(repeating: Array(repeating: 0, count: months), count: vendors), count: departments),
            supplyBudget: Array(repeating: Array(repeating: 0, count: months), count: departments),
            implantBudget: Array(repeating: Array(repeating: 0, count: months), count: departments),
            itemDaily: [], recentDailyDemand: Array(repeating: 0, count: items.count),
            dirtyRows: [], rows: 0, bytes: 0)
        var rowsByDay = [[UInt64]](repeating: [], count: n)
        var season = [Double](repeating: 0, count: n), budgetSeason = [Double](repeating: 0, count: n)
        var week = [Double](repeating: 0, count: 7), weekQuantity = [Int](repeating: 0, count: 7)

        for (i, item) in items.enumerated() {
            var rng = RandomSource(seed: seed, stream: "supply/\(item.number)")
            let logTrend = item.trend == 1 ? 0 : DetMath.log(item.trend)
            for d in 0..<n {
                if d < item.start || d >= item.end { season[d] = 0; budgetSeason[d] = 0; continue }
                let trend = logTrend == 0 ? 1 : DetMath.exp(logTrend * Double(d - middle) / 365.25)
                let scale = trend * item.share(on: d)
                let common = 1 + item.winter * winter[d] + item.campaign * campaign[d]
                season[d] = (common + item.respiratory * respiratory[d]) * scale
                budgetSeason[d] = (common + item.respiratory * typical[d]) * scale
            }
            let fiscalPrices = fiscalStarts.map { Double(item.cents(on: max($0, item.start))) }
            let implant = item.category == "Implant"
            var daily = [Int32](repeating: 0, count: n)
            var recent = 0.0

            for use in item.uses {
                let department = use.department
                let volume = census.actual[department], budgetVolume = census.budgeted[department]
                var meanVolume = 0.0
                for v in census.expected[department] { meanVolume += v }
                meanVolume /= Double(n)
                let weeklyUse = use.rate * meanVolume * 7
                let schedule: Schedule
                if weeklyUse >= SupplyIssueGenerator.twiceWeekly
                    || (item.vendor == .pacificCrest && weeklyUse >= SupplyIssueGenerator.everyOtherWeek) {
                    // The ICU's high-value critical-care par is topped up twice a week.
                    schedule = .twiceWeekly(rng.int(in: 1...3))
                } else if weeklyUse >= SupplyIssueGenerator.weekly {
                    schedule = .weekly(rng.int(in: 1...5))
                } else if weeklyUse >= SupplyIssueGenerator.everyOtherWeek {
                    schedule = .everyOtherWeek(rng.int(in: 1...5), rng.int(in: 0...1))
                } else {
                    schedule = .asUsed
                }
                var monthBudget = 0.0, budgetMonth = monthIndex[item.start]
                var pending = 0.0, pendingDays = 0, weekDays = 0

                func issue(_ quantity: Int, on d: Int) {
                    guard quantity > 0 else { return }
                    rowsByDay[d].append(UInt64(i) << 40 | UInt64(department) << 24 | UInt64(quantity))
                    let cents = quantity * item.cents(on: d)
                    let m = monthIndex[d]
                    if implant { result.implantCents[department][m] += cents } else { result.supplyCents[department][m] += cents }
                    result.vendorCents[department][item.vendor.rawValue][m] += cents
                    daily[d] += Int32(quantity)
                }

                var d = item.start
                while d < n {
                    let m = monthIndex[d]
                    if m != budgetMonth {
                        if implant { result.implantBudget[department][budgetMonth] += monthBudget } else { result.supplyBudget[department][budgetMonth] += monthBudget }
                        monthBudget = 0
                        budgetMonth = m
                    }
                    let lambda = use.rate * Double(volume[d]) * season[d]
                    monthBudget += use.rate * budgetVolume[d] * budgetSeason[d] * fiscalPrices[fiscalIndex[d]]
                    if d >= recentStart { recent += lambda }
                    pending += lambda
                    pendingDays += 1
                    switch schedule {
                    case .twiceWeekly, .weekly, .everyOtherWeek:
                        // A delivery due on a holiday comes the day before.
                        func due(_ day: Int) -> Bool {
                            guard day < n else { return false }
                            let weekday = weekdays[day]
                            switch schedule {
                            case .weekly(let w): return weekday == w
                            case .everyOtherWeek(let w, let parity): return weekday == w && (day / 7) % 2 == parity
                            case .twiceWeekly(let w): return weekday == w || weekday == w + 3
                            case .asUsed: return false
                            }
                        }
                        let restock = (due(d) && !holidays[d]) || (d + 1 < n && holidays[d + 1] && due(d + 1))
                        if restock && pending > 0 {
                            issue(rng.negativeBinomial(mean: pending, size: item.dispersion * Double(pendingDays)), on: d)
                            pending = 0
                            pendingDays = 0
                        }
                    case .asUsed:
                        week[weekDays] = lambda
                        weekDays += 1
                        if weekdays[d] == 7 || d == n - 1 {
                            if pending > 0 {
                                let events = rng.negativeBinomial(mean: pending / item.eventSize, size: item.dispersion * Double(pendingDays))
                                for k in 0..<weekDays { weekQuantity[k] = 0 }
                                for _ in 0..<events {
                                    var u = rng.uniform() * pending
                                    var k = 0
                                    while k < weekDays - 1 && u >= week[k] { u -= week[k]; k += 1 }
                                    weekQuantity[k] += item.eventSize > 1 ? 1 + rng.poisson(item.eventSize - 1) : 1
                                }
                                let first = d - weekDays + 1
                                for k in 0..<weekDays { issue(weekQuantity[k], on: first + k) }
                            }
                            pending = 0
                            pendingDays = 0
                            weekDays = 0
                        }
                    }
                    if d >= item.end && pending == 0 && weekDays == 0 { break }
                    d += 1
                }
                if implant { result.implantBudget[department][budgetMonth] += monthBudget } else { result.supplyBudget[department][budgetMonth] += monthBudget }
            }
            result.itemDaily.append(daily)
            result.recentDailyDemand[i] = recent / 91
        }

        try write(path: path, rowsByDay: rowsByDay, result: &result)
        return result
    }

    private func write(path: String, rowsByDay: [[UInt64]], result: inout SupplyResult) throws {
        let writer = try ExportWriter(path: path, header: SupplyIssueGenerator.header)
        let descriptions = items.map { ExportWriter.encode($0.description) }
        let uoms = items.map { ExportWriter.encode($0.uom) }
        let centers = system.departments.map { ExportWriter.encode($0.label) }
        var dirt: [Int: [(DirtyRow.Kind, String?)]] = [:]
        for (date, kind, value) in SupplyIssueGenerator.plantedDirt {
            dirt[DemoCalendar.index(date.0, date.1, date.2), default: []].append((kind, value))
        }
        func row(_ d: Int, _ packed: UInt64, quantity: String? = nil) {
            let i = Int(packed >> 40), department = Int((packed >> 24) & 0xFFFF), q = Int(packed & 0xFF_FFFF)
            writer.field(calendar.usDate[d])
            writer.int(items[i].number)
            writer.field(descriptions[i])
            if let quantity { writer.raw(quantity) } else { writer.groupedInt(q) }
            writer.field(uoms[i])
            writer.cents(items[i].cents(on: d))
            writer.field(centers[department])
            writer.endRow()
        }
        for d in 0..<calendar.dayCount {
            let rows = rowsByDay[d].sorted()
            let planted = dirt[d] ?? []
            for (kind, _) in planted where kind != .badQuantity {
                result.dirtyRows.append(DirtyRow(line: writer.linesWritten + 1, kind: kind, value: nil))
                if kind == .blankLine { writer.blankLine() } else {
                    for name in SupplyIssueGenerator.header { writer.text(name) }
                    writer.endRow()
                }
            }
            for (k, packed) in rows.enumerated() {
                row(d, packed)
                if k == 0 {
                    for (kind, value) in planted where kind == .badQuantity {
                        result.dirtyRows.append(DirtyRow(line: writer.linesWritten + 1, kind: kind, value: value))
                        row(d, packed, quantity: value)
                    }
                }
            }
        }
        result.rows = writer.rowsWritten
        try writer.commit()
        result.bytes = writer.bytesWritten
    }

    /// Fall vaccination campaign: a bump centred on October 10 each year.
    static func campaign(_ d: Int, _ calendar: DemoCalendar) -> Double {
        var total = 0.0
        for year in [2023, 2024, 2025] {
            let z = Double(d - DemoCalendar.index(year, 10, 10)) / 25
            if abs(z) < 6 { total += DetMath.exp(-0.5 * z * z) }
        }
        return total
    }
}
