/// Writes `pharmacy_dispensing_wide.csv`: the pharmacy's daily sheet as Excel saves it
/// (UTF-8 byte-order mark, CRLF line ends), one row per day and one column per medication,
/// doses dispensed, empty where none were.
struct PharmacyGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let census: CensusData
    let seed: UInt64

    /// Copies of the formulary made by `--scale` stop here, to keep the sheet under the
    /// 4,096-column limit of the importer.
    static let maximumCopies = 20

    static let scheduledWeek = [1.04, 1.04, 1.03, 1.02, 1.0, 0.93, 0.94]
    static let dischargeWeek = [1.15, 1.1, 1.08, 1.05, 1.05, 0.8, 0.77]

    func generate(path: String) throws -> PharmacyResult {
        let n = calendar.dayCount, months = calendar.monthCount
        let copies = min(system.scale, PharmacyGenerator.maximumCopies)
        let sorted = Formulary.medications.sorted { $0.name < $1.name }
        var result = PharmacyResult(medications: [], prices: [],
                                    costCents: Array(repeating: Array(repeating: 0, count: months), count: system.scale),
                                    budgetCents: Array(repeating: Array(repeating: 0, count: months), count: system.scale),
                                    doses: Array(repeating: Array(repeating: 0, count: months), count: system.scale),
                                    budgetDoses: Array(repeating: Array(repeating: 0, count: months), count: system.scale),
                                    daily: [], recentDailyDemand: [], rows: 0, bytes: 0)
        for facility in 0..<copies {
            for medication in sorted {
                result.medications.append((medication, facility == 0 ? medication.name : "\(medication.name) #\(facility + 1)", facility))
            }
        }
        let winter = (0..<n).map { calendar.winter($0) }
        let respiratory = (0..<n).map { calendar.respiratory($0) }
        let censusModel = CensusGenerator(system: system, calendar: calendar, seed: seed)
        let typical = (0..<n).map { censusModel.typicalRespiratory($0) }
        let campaign = (0..<n).map { SupplyIssueGenerator.campaign($0, calendar) }
        let spring = (0..<n).map { d -> Double in
            var total = 0.0
            for year in [2024, 2025, 2026] {
                let z = Double(d - DemoCalendar.index(year, 4, 25)) / 30
                if abs(z) < 6 { total += DetMath.exp(-0.5 * z * z) }
            }
            return total
        }
        let fiscalStarts = [0, DemoCalendar.index(2024, 7, 1), DemoCalendar.index(2025, 7, 1)]
        let recentStart = n - 91

        var columns: [[Int32]] = []
        for (k, entry) in result.medications.enumerated() {
            let medication = entry.medication, facility = entry.facility
            var rng = RandomSource(seed: seed, stream: "pharmacy/\(entry.column)")
            let vendor = medication.supplier.vendor
            var prices: [(day: Int, cents: Int)] = [(0, medication.cents)]
            for (f, day) in fiscalStarts.dropFirst().enumerated() {
                let last = prices[prices.count - 1].cents
                let next = max(1, Int((Double(last) * (1 + vendor.fiscalIncreases[f] + rng.uniform(-0.01, 0.01))).rounded()))
                if next != last { prices.append((day, next)) }
            }
            result.prices.append(prices)
            let drivers = driverDepartments(medication.driver, facility: facility)
            let start = medication.introduced.map { DemoCalendar.index($0.0, $0.1, $0.2) } ?? 0
            let end = medication.discontinued.map { DemoCalendar.index($0.0, $0.1, $0.2) + 1 } ?? n
            let window = medication.window.map { (DemoCalendar.index($0.from.0, $0.from.1, $0.from.2), DemoCalendar.index($0.to.0, $0.to.1, $0.to.2), $0.factor) }
            let fiscalPrices = fiscalStarts.map { Double(result.cents(k, on: max($0, start))) }
            var daily = [Int32](repeating: 0, count: n)
            var recent = 0.0
            for d in start..<end {
                var volume = 0.0, budgetVolume = 0.0
                for department in drivers {
                    volume += Double(census.actual[department][d])
                    budgetVolume += census.budgeted[department][d]
                }
                let weekday = calendar.weekday[d] - 1
                let week: Double
                switch medication.week {
                case .scheduled: week = PharmacyGenerator.scheduledWeek[weekday]
                case .discharge: week = PharmacyGenerator.dischargeWeek[weekday]
                case .driver: week = 1
                }
                let common = 1 + medication.winter * winter[d] + medication.campaign * campaign[d] + medication.spring * spring[d]
                var factor = 1.0
                if let window, d >= window.0, d <= window.1 { factor = window.2 }
                let mean = medication.rate * volume * week * (common + medication.respiratory * respiratory[d]) * factor
                let budgetMean = medication.rate * budgetVolume * week * (common + medication.respiratory * typical[d])
                let doses = rng.negativeBinomial(mean: mean, size: 30)
                daily[d] = Int32(doses)
                let m = calendar.monthIndex[d]
                result.costCents[facility][m] += doses * result.cents(k, on: d)
                result.doses[facility][m] += doses
                result.budgetCents[facility][m] += budgetMean * fiscalPrices[calendar.fiscalIndex[d]]
                result.budgetDoses[facility][m] += budgetMean
                if d >= recentStart { recent += mean }
            }
            columns.append(daily)
            result.recentDailyDemand.append(recent / 91)
        }
        result.daily = columns

        let writer = try ExportWriter(path: path, header: ["Date"] + result.medications.map(\.column), lineEnding: .crlf, byteOrderMark: true)
        for d in 0..<n {
            writer.field(calendar.isoDate[d])
            for column in columns {
                if column[d] > 0 { writer.int(Int(column[d])) } else { writer.empty() }
            }
            writer.endRow()
        }
        result.rows = writer.rowsWritten
        try writer.commit()
        result.bytes = writer.bytesWritten
        return result
    }

    /// The departments whose workload drives a medication, in one facility.
    func driverDepartments(_ driver: Medication.Driver, facility: Int) -> [Int] {
        switch driver {
        case .inpatient:
            return system.departments(.icu, facility: facility) + system.departments(.medSurg, facility: facility)
                + system.departments(.telemetry, facility: facility)
        case .icu: return system.departments(.icu, facility: facility)
        case .emergency: return system.departments(.emergency, facility: facility)
        case .laborDelivery: return system.departments(.laborDelivery, facility: facility)
        case .clinic: return system.departments(.clinic, facility: facility)
        case .surgery: return system.departments(.surgery, facility: facility)
        }
    }
}
