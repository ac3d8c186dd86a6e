/// Builds the monthly budget (three fiscal years) and the general-ledger actuals from what
/// the other exports recorded: supplies from the issues, drugs from the dispensing sheet,
/// wages from timekeeping, revenue from volumes. Budgets are what finance expected at the
/// start of each fiscal year: budgeted volumes (a typical flu season, no 4E growth), target
/// staffing hours, and each item's price on the first day of the year.
struct LedgerGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let supply: SupplyResult
    let pharmacy: PharmacyResult
    let labor: LaborResult
    let seed: UInt64

    /// Budget and ledger come from the same finance system and share their header names.
    static let budgetHeader = ["Fiscal Year", "Period", "Cost Center", "Account", "Account Type", "Behavior",
                               "Amount", "Stat Volume", "Statistic"]
    static let actualsHeader = ["Period", "Cost Center", "Account", "Amount", "Stat Volume"]

    static let inpatientRevenue = "4010 Inpatient Revenue"
    static let outpatientRevenue = "4020 Outpatient Revenue"
    static let surgicalRevenue = "4030 Surgical Revenue"
    static let pharmacyRevenue = "4040 Pharmacy Revenue"
    static let salaries = "5010 Salaries - Regular"
    static let overtime = "5020 Salaries - Overtime"
    static let benefits = "5100 Employee Benefits"
    static let supplies = "6100 Medical Supplies"
    static let implants = "6150 Implants"
    static let drugs = "6200 Pharmaceuticals"
    static let agency = "6300 Agency Labor"
    static let purchased = "6400 Purchased Services"

    static let benefitRate = 0.27
    static let revenueGrowth = 0.03

    /// Revenue per unit of workload in FY2024 (cents), and fixed purchased services per month.
    static func revenuePerUnit(_ kind: UnitKind) -> Int {
        switch kind {
        case .icu: return 420_000
        case .medSurg: return 185_000
        case .laborDelivery: return 260_000
        case .telemetry: return 230_000
        case .emergency: return 98_000
        case .clinic: return 18_500
        case .surgery: return 680_000
        case .pharmacy: return 0
        }
    }

    static func purchasedServices(_ kind: UnitKind) -> Int {
        switch kind {
        case .icu: return 1_800_000
        case .medSurg: return 900_000
        case .emergency: return 2_200_000
        case .laborDelivery: return 700_000
        case .telemetry: return 800_000
        case .clinic: return 600_000
        case .surgery: return 3_500_000
        case .pharmacy: return 1_200_000
        }
    }

    /// Salaried departments outside the timekeeping export: fixed monthly wages.
    static func fixedSalaries(_ kind: UnitKind) -> Int {
        switch kind {
        case .surgery: return 28_500_000
        case .pharmacy: return 16_500_000
        default: return 0
        }
    }

    /// The planted credit: an accrual reversed in the Emergency Dept's purchased services.
    static let creditMonth = DemoCalendar.monthIndex(2025, 3)

    struct Output {
        var lines: [LedgerLine]
        var overtimeShare: Double
        var ptoRatio: Double
        var budgetRows: Int
        var actualRows: Int
        var budgetBytes: Int
        var actualBytes: Int
    }

    func generate(budgetPath: String, actualsPath: String) throws -> Output {
        let months = calendar.monthCount
        // Budget staffing mix per unit and job code: the previous fiscal year's overtime and
        // PTO per productive hour (FY2024 uses its own year, having no history here).
        var overtimeShares: [[Double]] = [], ptoRatios: [[Double]] = []
        var regularAll = 0, overtimeAll = 0, agencyAll = 0, ptoAll = 0
        for c in labor.targets.indices {
            var shares: [Double] = [], ratios: [Double] = []
            for fiscal in 0..<DemoCalendar.fiscalYears {
                let basis = max(0, fiscal - 1)
                var q = [0, 0, 0, 0]
                for m in (basis * 12)..<(basis * 12 + 12) { for t in 0..<4 { q[t] += labor.quarters[c][t][m] } }
                let productive = Double(q[0] + q[1] + q[2])
                shares.append(productive > 0 ? Double(q[1]) / productive : 0)
                ratios.append(productive > 0 ? Double(q[3]) / productive : 0)
                if fiscal == 1 { regularAll += q[0]; overtimeAll += q[1]; agencyAll += q[2]; ptoAll += q[3] }
            }
            overtimeShares.append(shares)
            ptoRatios.append(ratios)
        }
        let productiveAll = Double(regularAll + overtimeAll + agencyAll)
        let overtimeShare = Double(overtimeAll) / productiveAll
        let ptoRatio = Double(ptoAll) / productiveAll

        var lines: [LedgerLine] = []
        for (index, department) in system.departments.enumerated() {
            var rng = RandomSource(seed: seed, stream: "ledger/\(department.label)")
            let kind = department.kind
            // Copies beyond the pharmacy sheet's limit have no dispensing data, hence no pharmacy ledger.
            if kind == .pharmacy && department.facility >= PharmacyGenerator.maximumCopies { continue }
            let crews = labor.targets.enumerated().filter { $0.element.department == index }
            for m in 0..<months {
                let fiscal = calendar.fiscalIndex[calendar.monthStart[m]]
                let growth = DetMath.pow(1 + LedgerGenerator.revenueGrowth, Double(fiscal))
                let actualVolume: Int, budgetVolume: Double
                if kind == .pharmacy {
                    actualVolume = department.facility < pharmacy.doses.count ? pharmacy.doses[department.facility][m] : 0
                    budgetVolume = department.facility < pharmacy.budgetDoses.count ? pharmacy.budgetDoses[department.facility][m] : 0
                } else {
                    actualVolume = census.monthTotal(index, m, calendar)
                    budgetVolume = census.monthBudget(index, m, calendar)
                }
                let budgetVolumeRounded = Int(budgetVolume.rounded())
                func line(_ account: String, revenue: Bool = false, variable: Bool = true, budget: Double?, actual: Int?) {
                    lines.append(LedgerLine(department: index, account: account, revenue: revenue, variable: variable, month: m,
                                            budgetCents: budget.map { Int(($0 / 100).rounded()) * 100 }, actualCents: actual,
                                            budgetVolume: budgetVolumeRounded, actualVolume: actualVolume))
                }
                func noisy(_ cents: Double, _ sd: Double) -> Int { Int((cents * (1 + sd * rng.normal())).rounded()) }

                // Revenue
                let perUnit = Double(LedgerGenerator.revenuePerUnit(kind)) * growth
                switch kind {
                case .icu, .medSurg, .laborDelivery, .telemetry:
                    line(LedgerGenerator.inpatientRevenue, revenue: true, budget: budgetVolume * perUnit, actual: noisy(Double(actualVolume) * perUnit, 0.015))
                case .emergency, .clinic:
                    line(LedgerGenerator.outpatientRevenue, revenue: true, budget: budgetVolume * perUnit, actual: noisy(Double(actualVolume) * perUnit, 0.015))
                case .surgery:
                    line(LedgerGenerator.surgicalRevenue, revenue: true, budget: budgetVolume * perUnit, actual: noisy(Double(actualVolume) * perUnit, 0.02))
                case .pharmacy:
                    let budgetCost = department.facility < pharmacy.budgetCents.count ? pharmacy.budgetCents[department.facility][m] : 0
                    let cost = department.facility < pharmacy.costCents.count ? pharmacy.costCents[department.facility][m] : 0
                    line(LedgerGenerator.pharmacyRevenue, revenue: true, budget: budgetCost * 2.6, actual: noisy(Double(cost) * 2.6, 0.02))
                }

                // Labor
                if kind.isStaffed {
                    var budgetRegular = 0.0, budgetOvertime = 0.0
                    for (c, target) in crews {
                        let hours = target.hoursPerUnit * budgetVolume
                        let rate = Double(target.hourlyCents)
                        let overtime = overtimeShares[c][fiscal], pto = ptoRatios[c][fiscal]
                        budgetRegular += hours * (1 - overtime) * rate + hours * pto * rate
                        budgetOvertime += hours * overtime * rate * target.overtimeMultiplier
                    }
                    let actualRegular = labor.regularCents[index][m], actualOvertime = labor.overtimeCents[index][m]
                    line(LedgerGenerator.salaries, budget: budgetRegular, actual: actualRegular)
                    line(LedgerGenerator.overtime, budget: budgetOvertime, actual: actualOvertime)
                    line(LedgerGenerator.benefits, budget: (budgetRegular + budgetOvertime) * LedgerGenerator.benefitRate,
                         actual: noisy(Double(actualRegular + actualOvertime) * LedgerGenerator.benefitRate, 0.01))
                } else {
                    let wages = Double(LedgerGenerator.fixedSalaries(kind)) * growth
                    let actual = noisy(wages, 0.02)
                    line(LedgerGenerator.salaries, variable: false, budget: wages, actual: actual)
                    line(LedgerGenerator.benefits, variable: false, budget: wages * LedgerGenerator.benefitRate,
                         actual: noisy(Double(actual) * LedgerGenerator.benefitRate, 0.01))
                }

                // Supplies, implants, drugs
                if kind != .pharmacy {
                    line(LedgerGenerator.supplies, budget: supply.supplyBudget[index][m], actual: supply.supplyCents[index][m])
                }
                if kind == .surgery {
                    line(LedgerGenerator.implants, budget: supply.implantBudget[index][m], actual: supply.implantCents[index][m])
                }
                if kind == .pharmacy {
                    let budgetCost = department.facility < pharmacy.budgetCents.count ? pharmacy.budgetCents[department.facility][m] : 0
                    let cost = department.facility < pharmacy.costCents.count ? pharmacy.costCents[department.facility][m] : 0
                    line(LedgerGenerator.drugs, budget: budgetCost, actual: cost)
                }

                // Agency: budgeted (a little) only where the unit expects to need it.
                if kind.isStaffed {
                    let expectsAgency = kind == .icu || kind == .emergency || (kind == .medSurg && department.code == 6020)
                    let actual = labor.agencyCents[index][m]
                    if expectsAgency || actual > 0 {
                        line(LedgerGenerator.agency, budget: expectsAgency ? 120_000 : nil, actual: actual)
                    }
                }

                // Purchased services (fixed), with one reversed accrual.
                let services = Double(LedgerGenerator.purchasedServices(kind)) * growth
                var actualServices = noisy(services, 0.04)
                if department.facility == 0 && kind == .emergency && m == LedgerGenerator.creditMonth {
                    actualServices = -418_000
                }
                line(LedgerGenerator.purchased, variable: false, budget: services, actual: actualServices)
            }
        }

        // Budget file: every line with a budget, by fiscal year.
        let budget = try ExportWriter(path: budgetPath, header: LedgerGenerator.budgetHeader)
        let labels = system.departments.map { ExportWriter.encode($0.label) }
        let statistics = system.departments.map { ExportWriter.encode($0.statistic) }
        let periodLabels = (0..<months).map { Array(DemoCalendar.periodLabel($0).utf8) }
        let fiscalLabels = (0..<DemoCalendar.fiscalYears).map { Array(DemoCalendar.fiscalLabel($0).utf8) }
        let sorted = lines.sorted {
            if $0.month != $1.month { return $0.month < $1.month }
            if $0.department != $1.department { return system.departments[$0.department].label < system.departments[$1.department].label }
            return $0.account < $1.account
        }
        for line in sorted {
            guard let cents = line.budgetCents else { continue }
            budget.field(fiscalLabels[calendar.fiscalIndex[calendar.monthStart[line.month]]])
            budget.field(periodLabels[line.month])
            budget.field(labels[line.department])
            budget.text(line.account)
            budget.text(line.revenue ? "Revenue" : "Expense")
            budget.text(line.variable ? "Variable" : "Fixed")
            budget.groupedInt(cents / 100)
            budget.int(line.budgetVolume)
            budget.field(statistics[line.department])
            budget.endRow()
        }
        try budget.commit()

        // General ledger: posted lines (and zero lines where a budget exists).
        let actuals = try ExportWriter(path: actualsPath, header: LedgerGenerator.actualsHeader)
        let monthEnds = (0..<months).map { Array(DemoCalendar.monthEndUS($0).utf8) }
        for line in sorted {
            guard let cents = line.actualCents, cents != 0 || line.budgetCents != nil else { continue }
            actuals.field(monthEnds[line.month])
            actuals.field(labels[line.department])
            actuals.text(line.account)
            actuals.dollars(cents)
            actuals.int(line.actualVolume)
            actuals.endRow()
        }
        try actuals.commit()
        return Output(lines: lines, overtimeShare: overtimeShare, ptoRatio: ptoRatio,
                      budgetRows: budget.rowsWritten, actualRows: actuals.rowsWritten,
                      budgetBytes: budget.bytesWritten, actualBytes: actuals.bytesWritten)
    }
}
