/// Draws the daily census of inpatient units (an AR(1) deviation around a seasonal mean,
/// so busy days cluster like real ones), and daily visits and surgical cases.
struct CensusGenerator {
    let system: HealthSystem
    let calendar: DemoCalendar
    let seed: UInt64

    /// Annual growth of outpatient volume (visits), applied smoothly.
    static func trend(_ kind: UnitKind) -> Double {
        switch kind {
        case .emergency: return 0.02
        case .clinic: return 0.03
        default: return 0
        }
    }

    /// The respiratory curve a budget assumes: one average season peaking on January 20.
    func typicalRespiratory(_ d: Int) -> Double {
        var total = 0.0
        for year in [2024, 2025, 2026] {
            let z = Double(d - DemoCalendar.index(year, 1, 20)) / 30
            if abs(z) < 6 { total += DetMath.exp(-0.5 * z * z) }
        }
        return total
    }

    func generate() -> CensusData {
        let n = calendar.dayCount
        var data = CensusData(actual: [], admissions: [], expected: [], budgeted: [])
        let winter = (0..<n).map { calendar.winter($0) }
        let respiratory = (0..<n).map { calendar.respiratory($0) }
        let typical = (0..<n).map { typicalRespiratory($0) }
        let middle = DemoCalendar.index(2025, 1, 1)
        for department in system.departments {
            var rng = RandomSource(seed: seed, stream: "census/\(department.label)")
            var actual = [Int](repeating: 0, count: n), admissions = [Int](repeating: 0, count: n)
            var expected = [Double](repeating: 0, count: n), budgeted = [Double](repeating: 0, count: n)
            let kind = department.kind
            if kind == .pharmacy {
                data.actual.append(actual); data.admissions.append(admissions)
                data.expected.append(expected); data.budgeted.append(budgeted)
                continue
            }
            let trend = CensusGenerator.trend(kind)
            let (sd, phi): (Double, Double) = {
                switch kind {
                case .icu: return (0.07, 0.85)
                case .laborDelivery: return (0.22, 0.6)
                default: return (0.06, 0.85)
                }
            }()
            let innovation = sd * (1 - phi * phi).squareRoot()
            var deviation = rng.normal() * sd
            for d in 0..<n {
                let years = Double(d - middle) / 365.25
                var base = department.baseVolume * department.weekday[calendar.weekday[d] - 1] * (1 + trend * years)
                if calendar.isHoliday[d] {
                    if kind == .clinic { base = 0 }
                    if kind == .surgery { base *= 0.1 }
                }
                let season = 1 + department.winter * winter[d]
                let mean = base * (season + department.respiratory * respiratory[d])
                budgeted[d] = base * (season + department.respiratory * typical[d])
                var growth = 1.0
                if let start = department.growthStart, d >= start { growth = department.growthFactor }
                expected[d] = mean * growth
                switch kind {
                case .icu, .medSurg, .telemetry, .laborDelivery:
                    deviation = phi * deviation + innovation * rng.normal()
                    let census = (expected[d] * (1 + deviation)).rounded()
                    actual[d] = Int(min(Double(department.beds), max(0, census)))
                    let admitWeek = [1.1, 1.05, 1.05, 1.0, 1.0, 0.9, 0.9][calendar.weekday[d] - 1]
                    admissions[d] = rng.poisson(expected[d] / department.lengthOfStay * admitWeek)
                case .emergency:
                    actual[d] = rng.negativeBinomial(mean: expected[d], size: 60)
                    admissions[d] = rng.poisson(Double(actual[d]) * department.lengthOfStay)
                case .clinic, .surgery:
                    actual[d] = expected[d] > 0 ? rng.negativeBinomial(mean: expected[d], size: 40) : 0
                case .pharmacy:
                    break
                }
            }
            data.actual.append(actual); data.admissions.append(admissions)
            data.expected.append(expected); data.budgeted.append(budgeted)
        }
        return data
    }
}
