/// Target hours per unit of workload (HPPD: per patient day; per visit in the ED and the
/// clinics) for one job code on one unit, with its pay rates and ratio limit.
struct StaffingTarget: Sendable {
    let department: Int
    let jobCode: String
    let hoursPerUnit: Double
    let shiftHours: Int
    let hourlyCents: Int
    let agencyCents: Int
    let overtimeMultiplier: Double
    /// Most patients one staff member may care for (RN 1:2 in the ICU, ...); nil = no ratio rule.
    let maxPatients: Int?

    /// The targets of one unit: (job code, hours per unit, shift hours, rate, agency rate, ratio).
    static func targets(for kind: UnitKind) -> [(String, Double, Int, Int, Int, Int?)] {
        switch kind {
        case .icu:
            return [("RN", 15.5, 12, 5025, 10500, 2), ("CNA", 2.2, 12, 2140, 4400, 8), ("Tech", 1.3, 12, 2460, 5200, nil)]
        case .medSurg:
            return [("RN", 6.0, 12, 4650, 9800, 5), ("LPN", 1.2, 8, 3075, 6200, 6), ("CNA", 3.0, 12, 2040, 4400, 10), ("Tech", 0.5, 8, 2360, 5200, nil)]
        case .emergency:
            return [("RN", 1.45, 12, 4875, 10200, 4), ("CNA", 0.35, 12, 2090, 4400, nil), ("Tech", 0.55, 12, 2410, 5200, nil)]
        case .laborDelivery:
            return [("RN", 13.0, 12, 4950, 10200, 2), ("CNA", 2.4, 12, 2110, 4400, nil), ("Tech", 2.0, 12, 2580, 5400, nil)]
        case .telemetry:
            return [("RN", 7.4, 12, 4775, 9800, 4), ("LPN", 0.6, 8, 3075, 6200, 6), ("CNA", 3.0, 12, 2040, 4400, 10), ("Tech", 1.6, 12, 2390, 5200, nil)]
        case .clinic:
            return [("RN", 0.22, 8, 4450, 9200, nil), ("LPN", 0.30, 8, 2980, 6000, nil), ("CNA", 0.45, 8, 1960, 4200, nil)]
        case .surgery, .pharmacy:
            return []
        }
    }
}
