/// One shift checked against a patient-to-staff ratio limit (California Title 22: ICU 1:2,
/// med-surg 1:5, telemetry 1:4), on the fewest staff on duty during the shift.
public struct ShiftRatio: Sendable, Equatable {
    public var patients: Double
    public var staffOnDuty: Int
    /// Most patients one staff member may care for.
    public var maxPatientsPerStaff: Double

    public init(patients: Double, staffOnDuty: Int, maxPatientsPerStaff: Double) {
        self.patients = patients
        self.staffOnDuty = staffOnDuty
        self.maxPatientsPerStaff = maxPatientsPerStaff
    }

    /// Patients per staff member; nil when nobody was on duty (infinitely many).
    public var patientsPerStaff: Double? {
        staffOnDuty > 0 ? patients / Double(staffOnDuty) : (patients > 0 ? nil : 0)
    }

    /// Within the limit: no patients, or patients per staff at most the maximum.
    public var isCompliant: Bool {
        guard let ratio = patientsPerStaff else { return false }
        return ratio <= maxPatientsPerStaff + 1e-9
    }

    /// Staff the ratio demands for `patients`: ceil(patients / max), the staffing grid's rule.
    public static func staffRequired(patients: Double, maxPatientsPerStaff: Double) -> Int {
        guard patients > 0, maxPatientsPerStaff > 0 else { return 0 }
        return Int((patients / maxPatientsPerStaff - 1e-9).rounded(.up))
    }
}
