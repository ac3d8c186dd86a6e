/// What a cost center is, which decides its workload statistic and who uses which supplies.
enum UnitKind: Sendable, Hashable {
    case icu, medSurg, emergency, laborDelivery, telemetry, clinic, surgery, pharmacy

    /// Nursing units and clinics appear in census, timekeeping and staffing targets.
    var isStaffed: Bool { self != .surgery && self != .pharmacy }

    /// Inpatient units count midnight census (patient days); the rest count visits, cases or doses.
    var isInpatient: Bool {
        switch self {
        case .icu, .medSurg, .laborDelivery, .telemetry: return true
        default: return false
        }
    }

    var statistic: String {
        switch self {
        case .icu, .medSurg, .laborDelivery, .telemetry: return "Patient Days"
        case .emergency, .clinic: return "Visits"
        case .surgery: return "Cases"
        case .pharmacy: return "Doses Dispensed"
        }
    }
}
