extension SupplyCatalog {
    /// Expands the templates into the items of every facility, numbered and sorted.
    static func items(system: HealthSystem, calendar: DemoCalendar, seed: UInt64) -> [SupplyItem] {
        var items: [SupplyItem] = []
        let fy2025 = DemoCalendar.index(2024, 7, 1), fy2026 = DemoCalendar.index(2025, 7, 1)
        let increase = DemoCalendar.index(2026, 1, 1)
        for facility in 0..<system.scale {
            var rng = RandomSource(seed: seed, stream: "catalog/\(facility)")
            var nextInBlock: [Int: Int] = [:]
            for template in templates {
                let block = blocks[template.commodity]!
                let vendor = template.vendor.vendor
                for k in 0..<template.variants.count {
                    let index = nextInBlock[block, default: 0]
                    nextInBlock[block] = index + 1
                    let number = facility * 1_000_000 + block * 1000 + 100 + index * 3
                    var uses: [SupplyItem.Use] = []
                    for (kind, rate) in template.rates {
                        for department in system.departments(kind, facility: facility) {
                            let use = rate * template.shares[k] * rng.uniform(0.8, 1.25)
                            // A unit stocks a size variant only if it goes through a few a month.
                            let weekly = use * system.departments[department].baseVolume * 7
                            if template.variants.count > 1 && weekly < SupplyIssueGenerator.notStocked { continue }
                            uses.append(.init(department: department, rate: use))
                        }
                    }
                    let start = template.introduced.map { DemoCalendar.index($0.0, $0.1, $0.2) } ?? 0
                    let end = template.discontinued.map { DemoCalendar.index($0.0, $0.1, $0.2) + 1 } ?? calendar.dayCount
                    // Price history: an occasional mid-year change in FY2024/FY2025, the
                    // vendor's contract increase each July, and the planted +12% of
                    // Pacific Crest Critical Care on 2026-01-01.
                    var changes: [(day: Int, factor: Double)] = []
                    if rng.bernoulli(0.1) {
                        let day = rng.int(in: DemoCalendar.index(2023, 9, 1)...DemoCalendar.index(2025, 4, 30))
                        let factor = rng.uniform(0.94, 1.10)
                        if day != fy2025 { changes.append((day, factor)) }
                    }
                    changes.append((fy2025, 1 + vendor.fiscalIncreases[0] + rng.uniform(-0.005, 0.005)))
                    changes.append((fy2026, 1 + vendor.fiscalIncreases[1] + rng.uniform(-0.005, 0.005)))
                    if template.vendor == .pacificCrest { changes.append((increase, 1.12)) }
                    changes.sort { $0.day < $1.day }
                    var prices: [(day: Int, cents: Int)] = [(0, template.cents(k))]
                    for change in changes {
                        let last = prices[prices.count - 1].cents
                        let next = max(1, Int((Double(last) * change.factor).rounded()))
                        if next != last { prices.append((change.day, next)) }
                    }
                    let description = template.description(k)
                    let lead = max(1, vendor.leadTimeDays + Double(rng.int(in: -1...1)) * (vendor.leadTimeDays >= 5 ? 1 : 0))
                    let planted = template.planted[""]
                    let moq = template.pack * template.minOrderPacks
                    items.append(SupplyItem(
                        number: number, description: description, commodity: template.commodity, category: template.category,
                        vendor: template.vendor, uom: template.uom, packSize: template.pack, minOrderQty: moq,
                        leadTimeDays: planted == .stockout ? max(lead, vendor.leadTimeDays) : lead,
                        leadTimeSD: vendor.leadTimeSD, shelfLifeDays: template.shelfLife, criticality: template.criticality,
                        facility: facility, prices: prices, uses: uses, respiratory: template.respiratory, winter: template.winter,
                        campaign: template.campaign, dispersion: template.dispersion, eventSize: template.eventSize, trend: template.trend,
                        start: start, end: end,
                        phases: template.phases.map { (DemoCalendar.index($0.0.0, $0.0.1, $0.0.2), $0.1) },
                        discontinued: template.discontinued != nil || planted == .discontinuedInUse,
                        replacedBy: nil, planted: planted))
                }
            }
        }
        items.sort { $0.number < $1.number }
        // Link discontinued items to their replacements, within each facility.
        for (old, new) in replacements {
            for facility in 0..<system.scale {
                guard let o = items.firstIndex(where: { $0.facility == facility && $0.description == old }),
                      let n = items.firstIndex(where: { $0.facility == facility && $0.description == new }) else {
                    preconditionFailure("replacement pair \(old) -> \(new) not in the catalog")
                }
                items[o].replacedBy = items[n].number
            }
        }
        return items
    }
}
