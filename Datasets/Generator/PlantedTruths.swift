/// Builds `planted_truths.json`: each planted fact with the exact item, department,
/// account or unit it concerns and the numbers the exports hold for it, so end-to-end
/// tests can check that the pipeline finds them.
struct PlantedTruths {
    let seed: UInt64
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let items: [SupplyItem]
    let supply: SupplyResult
    let pharmacy: PharmacyResult
    let labor: LaborResult
    let ledger: LedgerGenerator.Output
    let inventory: InventoryExport.Output
    let nursing: NursingHomeResult
    let files: [(name: String, rows: Int, bytes: Int)]
    /// Truths built by generators of their own (the short night shifts).
    var moreTruths: [JSONValue] = []

    private func period(_ m: Int) -> JSONValue { .string(DemoCalendar.periodLabel(m)) }

    /// Budget, actual, flex and the volume/rate split of one ledger line over some months.
    private func variance(_ department: Int, _ account: String, _ months: [Int]) -> JSONValue {
        var budget = 0, actual = 0, budgetVolume = 0, actualVolume = 0
        var flexed = 0.0
        for line in ledger.lines where line.department == department && line.account == account && months.contains(line.month) {
            let b = line.budgetCents ?? 0
            budget += b
            actual += line.actualCents ?? 0
            budgetVolume += line.budgetVolume
            actualVolume += line.actualVolume
            flexed += line.variable && line.budgetVolume > 0 ? Double(b) * Double(line.actualVolume) / Double(line.budgetVolume) : Double(b)
        }
        let flex = Int(flexed.rounded())
        return .object([
            ("periods", .array(months.map(period))),
            ("budget", .money(budget)), ("actual", .money(actual)),
            ("budget_volume", .int(budgetVolume)), ("actual_volume", .int(actualVolume)),
            ("flexed_budget", .money(flex)),
            ("variance", .money(actual - budget)),
            ("volume_variance", .money(flex - budget)),
            ("rate_variance", .money(actual - flex)),
            ("rate_variance_pct_of_flexed", .fixed(flex == 0 ? 0 : 100 * Double(actual - flex) / Double(flex), 1)),
            ("volume_variance_pct_of_budget", .fixed(budget == 0 ? 0 : 100 * Double(flex - budget) / Double(budget), 1)),
        ])
    }

    func build() -> JSONValue {
        let icu = system.department(.icu)
        let growing = system.department(.medSurg, 1)
        let short = system.department(.medSurg, 0)
        let fy2026 = Array(24..<36)
        let q1 = Array(24..<27), q2 = Array(27..<30), q3 = Array(30..<33), q4 = Array(33..<36)
        let supplies = LedgerGenerator.supplies

        // 1. Vendor price increase -> rate variance in ICU medical supplies.
        let vendor = VendorID.pacificCrest
        var vendorSpend = 0, icuSpend = 0
        for m in q1 + q2 {
            vendorSpend += supply.vendorCents[icu][vendor.rawValue][m]
            icuSpend += supply.supplyCents[icu][m]
        }
        let vendorItems = items.filter { $0.vendor == vendor && $0.facility == 0 }
        let priceIncrease: JSONValue = .object([
            ("id", .string("vendor_price_increase")),
            ("kind", .string("rate_variance")),
            ("summary", .string("\(vendor.vendor.name) raised every price by 12% on 2026-01-01. Its items are used only by \(system.departments[icu].label), whose patient days stayed on budget, so the department's medical supplies run over budget by the price effect: an unfavorable RATE variance from 2026-01, with little volume variance.")),
            ("vendor", .string(vendor.vendor.name)),
            ("increase_pct", .fixed(12, 1)),
            ("effective", .string("2026-01-01")),
            ("department", .string(system.departments[icu].label)),
            ("account", .string(supplies)),
            ("files", .array([.string("gl_actuals.csv"), .string("budget.csv"), .string("items.csv"), .string("supply_issues.csv")])),
            ("items", .array(vendorItems.map { .int($0.number) })),
            ("vendor_share_of_department_supplies_pct_FY2026_H1", .fixed(100 * Double(vendorSpend) / Double(max(1, icuSpend)), 1)),
            ("expected", .object([
                ("FY2026-Q1", variance(icu, supplies, q1)), ("FY2026-Q2", variance(icu, supplies, q2)),
                ("FY2026-Q3", variance(icu, supplies, q3)), ("FY2026-Q4", variance(icu, supplies, q4)),
                ("months", .array(fy2026.map { variance(icu, supplies, [$0]) })),
            ])),
        ])

        // 2. Volume growth -> volume variance covered by the flexed budget.
        let growthAccounts = [supplies, LedgerGenerator.salaries, LedgerGenerator.inpatientRevenue]
        let volumeGrowth: JSONValue = .object([
            ("id", .string("volume_growth")),
            ("kind", .string("volume_variance")),
            ("summary", .string("\(system.departments[growing].label) has 15% more patient days than budgeted from 2025-07-01 (FY2026). Its variable expenses rise with volume, but the flexed budget covers them: the variance is VOLUME variance, the rate variance stays small; revenue is favorable.")),
            ("department", .string(system.departments[growing].label)),
            ("statistic", .string("Patient Days")),
            ("growth_pct", .fixed(15, 1)),
            ("from", .string("2025-07-01")),
            ("accounts", .array(growthAccounts.map { .string($0) })),
            ("files", .array([.string("gl_actuals.csv"), .string("budget.csv"), .string("census.csv")])),
            ("expected", .object(growthAccounts.map { ($0, .object([
                ("FY2026", variance(growing, $0, fy2026)), ("FY2026-Q1", variance(growing, $0, q1)),
            ])) })),
        ])

        // 3. Understaffed unit: RN overtime and agency rising, productive hours under target.
        let rn = labor.targets.indices.filter { labor.targets[$0].department == short && labor.targets[$0].jobCode == "RN" }
        let unitCrews = labor.targets.indices.filter { labor.targets[$0].department == short }
        func staffing(_ months: [Int], _ crews: [Int]) -> JSONValue {
            var q = [0, 0, 0, 0]
            var patientDays = 0
            for m in months {
                for c in crews { for t in 0..<4 { q[t] += labor.quarters[c][t][m] } }
                patientDays += census.monthTotal(short, m, calendar)
            }
            let target = crews.reduce(0.0) { $0 + labor.targets[$1].hoursPerUnit }
            let productive = Double(q[0] + q[1] + q[2]) / 4
            return .object([
                ("periods", .array(months.map(period))),
                ("patient_days", .int(patientDays)),
                ("target_hppd", .fixed(target, 2)),
                ("target_hours", .fixed(target * Double(patientDays), 2)),
                ("productive_hours", .fixed(productive, 2)),
                ("productive_hppd", .fixed(productive / Double(max(1, patientDays)), 3)),
                ("regular_hours", .fixed(Double(q[0]) / 4, 2)),
                ("overtime_hours", .fixed(Double(q[1]) / 4, 2)),
                ("agency_hours", .fixed(Double(q[2]) / 4, 2)),
                ("pto_hours", .fixed(Double(q[3]) / 4, 2)),
                ("overtime_share_pct", .fixed(100 * Double(q[1]) / 4 / max(1, productive), 1)),
                ("agency_share_pct", .fixed(100 * Double(q[2]) / 4 / max(1, productive), 1)),
            ])
        }
        func periods(_ crews: [Int]) -> JSONValue {
            .object([
                ("FY2025", staffing(Array(12..<24), crews)),
                ("FY2026-H1", staffing(q1 + q2, crews)),
                ("FY2026-H2", staffing(q3 + q4, crews)),
                ("2026-03..2026-06", staffing(Array(32..<36), crews)),
                ("months", .array(Array(18..<36).map { staffing([$0], crews) })),
            ])
        }
        let understaffed: JSONValue = .object([
            ("id", .string("understaffed_unit")),
            ("kind", .string("staffing")),
            ("summary", .string("\(system.departments[short].label) lost its per diem pool at the end of 2025-10, then twelve RNs and five CNAs between 2025-11 and 2026-05 under a hiring freeze. Overtime and (RN) agency hours rise through 2026-06 while productive hours fall below target HPPD x patient days, for the RNs and for the unit as a whole.")),
            ("unit", .string(system.departments[short].label)),
            ("from", .string("2025-11")),
            ("departures", .object(["RN", "CNA"].map { job in
                (job, .array(TimekeepingGenerator.understaffedDepartures[job]!.map { .string(CalendarText.iso($0)) }))
            })),
            ("files", .array([.string("timekeeping.csv"), .string("census.csv"), .string("staffing_targets.csv"), .string("gl_actuals.csv")])),
            ("job_codes", .array([.string("RN"), .string("CNA")])),
            ("expected", .object([("RN", periods(rn)), ("unit", periods(unitCrews))])),
        ])

        // 4-6. Items.
        func itemFacts(_ i: Int) -> [(String, JSONValue)] {
            let item = items[i]
            let position = inventory.items[i]!
            let leadDemand = position.dailyDemand * item.leadTimeDays
            return [
                ("item", .string(String(item.number))), ("description", .string(item.description)),
                ("vendor", .string(item.vendor.vendor.name)), ("status", .string(item.discontinued ? "Discontinued" : "Active")),
                ("on_hand", .int(position.onHand)), ("on_order", .int(position.onOrder)),
                ("lead_time_days", .fixed(item.leadTimeDays, 1)), ("shelf_life_days", item.shelfLifeDays.map { .int($0) } ?? .null),
                ("daily_demand", .fixed(position.dailyDemand, 2)), ("lead_time_demand", .fixed(leadDemand, 1)),
                ("days_of_supply", .fixed(Double(position.onHand) / max(0.001, position.dailyDemand), 1)),
                ("par_level", .int(ItemMasterExport.parLevel(daily: supply.itemDaily[i], start: item.start, pack: item.packSize))),
            ]
        }
        let planted = { (role: PlantedRole) in items.indices.filter { items[$0].planted == role && items[$0].facility == 0 } }
        var stockouts: [JSONValue] = planted(.stockout).map {
            .object([("file", .string("supply_issues.csv"))] + itemFacts($0) + [("criticality", .string(items[$0].criticality))])
        }
        for (k, entry) in pharmacy.medications.enumerated() where entry.medication.planted == .stockout && entry.facility == 0 {
            let position = inventory.medications[k]!
            let lead = entry.medication.supplier.vendor.leadTimeDays
            stockouts.append(.object([
                ("file", .string("pharmacy_dispensing_wide.csv")), ("item", .string(entry.column)),
                ("vendor", .string(entry.medication.supplier.vendor.name)), ("status", .string("Active")),
                ("on_hand", .int(position.onHand)), ("on_order", .int(position.onOrder)),
                ("lead_time_days", .fixed(lead, 1)), ("daily_demand", .fixed(position.dailyDemand, 2)),
                ("lead_time_demand", .fixed(position.dailyDemand * lead, 1)),
                ("days_of_supply", .fixed(Double(position.onHand) / max(0.001, position.dailyDemand), 1)),
                ("criticality", .string(entry.medication.criticality)),
            ]))
        }
        let stockout: JSONValue = .object([
            ("id", .string("stockout_risk")), ("kind", .string("reorder_flag")),
            ("summary", .string("Active items with nothing on order whose on-hand quantity covers less than half of their lead time: each must be ordered now and flagged as a stockout risk.")),
            ("files", .array([.string("inventory.csv"), .string("pharmacy_inventory.csv"), .string("items.csv"), .string("formulary.csv")])),
            ("items", .array(stockouts)),
        ])
        let over = planted(.overstock)[0]
        let overItem = items[over], overPosition = inventory.items[over]!
        let overstock: JSONValue = .object([
            ("id", .string("overstock_expiry")), ("kind", .string("reorder_flag")),
            ("summary", .string("A bulk buy left far more on hand than can be used before the shelf life runs out: no order, and an excess / expiry-risk flag.")),
            ("files", .array([.string("inventory.csv"), .string("items.csv"), .string("supply_issues.csv")])),
            ("demand_over_shelf_life", .fixed(overPosition.dailyDemand * Double(overItem.shelfLifeDays ?? 0), 1)),
        ] + itemFacts(over))
        let gone = planted(.discontinuedInUse)[0]
        let discontinued: JSONValue = .object([
            ("id", .string("discontinued_item")), ("kind", .string("no_reorder")),
            ("summary", .string("Discontinued by the vendor (status Discontinued in items.csv) yet still issued daily and below its lead-time demand: a forecast alone would reorder it; it must not be ordered. Its replacement starts in 2026-06.")),
            ("files", .array([.string("items.csv"), .string("inventory.csv"), .string("supply_issues.csv")])),
            ("replaced_by", .string(items[gone].replacedBy.map(String.init) ?? "")),
        ] + itemFacts(gone))

        let dirty: JSONValue = .object([
            ("file", .string("supply_issues.csv")),
            ("columns", .object([("date", .string("Trans Date")), ("item", .string("Item #")), ("quantity", .string("Qty Issued")),
                                 ("department", .string("Cost Center"))])),
            ("rejected_rows", .int(supply.dirtyRows.filter { $0.kind != .blankLine }.count)),
            ("blank_lines", .int(supply.dirtyRows.filter { $0.kind == .blankLine }.count)),
            ("rows", .array(supply.dirtyRows.map { row in
                .object([("line", .int(row.line)), ("kind", .string(row.kind.rawValue)), ("value", row.value.map { .string($0) } ?? .null)])
            })),
        ])

        return .object([
            ("generator", .object([("seed", .int(Int(seed))), ("scale", .int(system.scale)), ("system", .string(HealthSystem.name))])),
            ("history", .object([
                ("first_day", .string("2023-07-01")), ("last_day", .string("2026-06-30")), ("as_of", .string("2026-06-30")),
                ("fiscal_year_start_month", .int(7)),
                ("fiscal_years", .array((0..<DemoCalendar.fiscalYears).map { .string(DemoCalendar.fiscalLabel($0)) })),
            ])),
            ("files", .object(files.map { ($0.name, .object([("rows", .int($0.rows)), ("bytes", .int($0.bytes))])) })),
            ("staffing_mix_FY2024", .object([
                ("overtime_share_of_productive_hours", .fixed(ledger.overtimeShare, 4)),
                ("pto_hours_per_productive_hour", .fixed(ledger.ptoRatio, 4)),
            ])),
            ("truths", .array([priceIncrease, volumeGrowth, understaffed, stockout, overstock, discontinued,
                               pharmacyMonthlySheet(), nursingHomeAgency()] + moreTruths)),
            ("dirty_rows", dirty),
        ])
    }

    /// 7. The monthly item sheet agrees with the daily dispensing sheet, cell by cell.
    func pharmacyMonthlySheet() -> JSONValue {
        let sheet = PharmacyMonthlySheetExport(calendar: calendar, pharmacy: pharmacy)
        let months = sheet.monthlyDoses()
        let shortage = pharmacy.medications.firstIndex { $0.medication.window?.factor ?? 1 < 1 && $0.facility == 0 }!
        let stocked = months.reduce(0) { $0 + $1.stocked.filter { $0 }.count }
        return .object([
            ("id", .string("pharmacy_monthly_sheet")), ("kind", .string("consistency")),
            ("summary", .string("pharmacy_monthly_sheet.csv (Windows-1252, one column per month JUL23..JUN26) holds each medication's doses per month: every cell is the sum of that medication's column of pharmacy_dispensing_wide.csv over the month; months it was not stocked are empty. Unpivoted and summed by month, the sheet gives the daily sheet's monthly totals exactly.")),
            ("files", .array([.string("pharmacy_monthly_sheet.csv"), .string("pharmacy_dispensing_wide.csv")])),
            ("encoding", .string("windows-1252")),
            ("months", .int(calendar.monthCount)),
            ("stocked_cells", .int(stocked)),
            ("total_doses", .int(months.reduce(0) { $0 + $1.doses.reduce(0, +) })),
            ("shortage_item", .object([
                ("code", .string(PharmacyMonthlySheetExport.code(shortage))),
                ("medication", .string(pharmacy.medications[shortage].column)),
                ("2023-11", .int(months[shortage].doses[DemoCalendar.monthIndex(2023, 11)])),
                ("2024-11", .int(months[shortage].doses[DemoCalendar.monthIndex(2024, 11)])),
            ])),
            ("codes", .object(pharmacy.medications.indices.map { (PharmacyMonthlySheetExport.code($0), .string(pharmacy.medications[$0].column)) })),
        ])
    }

    /// 8. A nursing home whose RN shifts go to agency from April 2026.
    func nursingHomeAgency() -> JSONValue {
        let rn = NursingHome.jobs.firstIndex { $0.code == "RN" }!
        let windows: [(String, [Int])] = [("FY2025", Array(12..<24)), ("FY2026-Q3", Array(30..<33)), ("FY2026-Q4", Array(33..<36))]
        func shares(_ h: Int) -> JSONValue {
            .object(windows.map { label, months in
                let rnHours = nursing.hours(h, job: rn, months: months), all = nursing.hours(h, job: nil, months: months)
                return (label, .object([
                    ("periods", .array(months.map(period))),
                    ("resident_days", .int(months.reduce(0) { $0 + nursing.residentDays[h][$1] })),
                    ("rn_hours", .fixed(rnHours.employee + rnHours.contract, 2)),
                    ("rn_agency_hours", .fixed(rnHours.contract, 2)),
                    ("rn_agency_share_pct", .fixed(100 * rnHours.contract / max(1, rnHours.employee + rnHours.contract), 2)),
                    ("agency_share_of_all_hours_pct", .fixed(100 * all.contract / max(1, all.employee + all.contract), 2)),
                ]))
            })
        }
        let all = nursing.hours(0, job: nil, months: Array(0..<calendar.monthCount))
        let other = nursing.hours(1, job: nil, months: Array(0..<calendar.monthCount))
        return .object([
            ("id", .string("nursing_home_agency")), ("kind", .string("staffing")),
            ("summary", .string("\(nursing.homes[0].name) lost most of its staff RNs at the end of March 2026: from 2026-04-01 40% of its whole 8-hour RN shifts go to agency (contract) staff instead of 6% (over a third of RN hours, see expected), so its agency share of nursing hours rises and the staffing plan flags rising overtime/agency; \(nursing.homes[1].name) stays steady. Hours are the Hrs_*_emp and Hrs_*_ctr columns of the PBJ export (the Hrs_RN, Hrs_LPN, Hrs_CNA totals repeat them).")),
            ("files", .array([.string("nursing_home_pbj.csv"), .string("nursing_home_targets.csv")])),
            ("unit", .string(nursing.homes[0].name)),
            ("steady_unit", .string(nursing.homes[1].name)),
            ("from", .string("2026-04-01")),
            ("total_hours", .object([(nursing.homes[0].name, .fixed(all.employee + all.contract, 2)),
                                     (nursing.homes[1].name, .fixed(other.employee + other.contract, 2))])),
            ("expected", .object([(nursing.homes[0].name, shares(0)), (nursing.homes[1].name, shares(1))])),
        ])
    }
}
