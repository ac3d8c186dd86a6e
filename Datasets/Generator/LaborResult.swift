/// What the timekeeping export produced, for staffing targets, the ledger and the truths.
struct LaborResult: Sendable {
    enum PayType: Int, CaseIterable, Sendable {
        case regular, overtime, agency, pto

        /// The export's pay code.
        var code: String {
            switch self {
            case .regular: return "REG"
            case .overtime: return "OT"
            case .agency: return "AGENCY"
            case .pto: return "PTO"
            }
        }
    }

    var targets: [StaffingTarget]
    /// Quarter hours per target (unit x job code), pay type and month.
    var quarters: [[[Int]]]
    /// Cents per department and month: regular + PTO wages, overtime wages, agency invoices.
    var regularCents: [[Int]]
    var overtimeCents: [[Int]]
    var agencyCents: [[Int]]
    var employees: Int
    var rows: Int
    var bytes: Int
}
