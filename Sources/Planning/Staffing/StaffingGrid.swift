/// The nurse manager's staffing grid: for each unit, job code and shift, the staff the ratio
/// requires at every census level seen (staff_required = ceil(patients / max patients per
/// staff)), so a charge nurse reads tonight's staffing off the census instead of doing the sum.
public struct StaffingGrid: Sendable {
    public struct Line: Sendable, Equatable {
        public var unit: String
        public var jobCode: String
        public var shift: String
        public var patients: Double
        public var staffRequired: Int
    }

    public private(set) var lines: [Line] = []
    private struct Level: Hashable { var unit: String; var jobCode: String; var shift: String; var patients: Double }
    private var seen = Set<Level>()

    public init() {}

    /// Adds a census level seen on a shift (each level once per unit, job code and shift).
    public mutating func add(unit: String, jobCode: String, shift: String, patients: Double, maxPatientsPerStaff: Double) {
        guard seen.insert(Level(unit: unit, jobCode: jobCode, shift: shift, patients: patients)).inserted else { return }
        lines.append(Line(unit: unit, jobCode: jobCode, shift: shift, patients: patients,
                          staffRequired: ShiftRatio.staffRequired(patients: patients, maxPatientsPerStaff: maxPatientsPerStaff)))
    }

    /// Lines by unit, job code, shift and census level.
    public var sorted: [Line] { lines.sorted { ($0.unit, $0.jobCode, $0.shift, $0.patients) < ($1.unit, $1.jobCode, $1.shift, $1.patients) } }
}
