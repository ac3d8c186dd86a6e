/// Harbor Valley Health, the fictional system behind the demo exports: Harbor Valley
/// Hospital (ICU, two medical-surgical units, emergency department, labor & delivery,
/// telemetry, surgical services, pharmacy) and two outpatient clinics.
///
/// `--scale N` adds N - 1 copies of the whole system ("facilities"), each with its own cost
/// centers (`16010 ICU`, ...), items and employees, for benchmark-sized exports.
struct HealthSystem: Sendable {
    static let name = "Harbor Valley Health"

    let scale: Int
    /// Every cost center of every facility, facility-major, by code within a facility.
    let departments: [Department]
    let vendors: [Vendor]

    /// Departments per facility (the same layout repeats for each copy).
    var departmentsPerFacility: Int { HealthSystem.layout.count }

    init(scale: Int) {
        self.scale = scale
        var departments: [Department] = []
        for facility in 0..<scale {
            for d in HealthSystem.layout {
                departments.append(Department(code: d.code, name: d.name, kind: d.kind, facility: facility, beds: d.beds,
                                              baseVolume: d.baseVolume, winter: d.winter, respiratory: d.respiratory,
                                              weekday: d.weekday, growthStart: d.growthStart, growthFactor: d.growthFactor,
                                              lengthOfStay: d.lengthOfStay))
            }
        }
        self.departments = departments
        vendors = VendorID.allCases.map(\.vendor)
    }

    /// Index of the department of `kind` (the n-th of that kind) in a facility.
    func department(_ kind: UnitKind, _ n: Int = 0, facility: Int = 0) -> Int {
        var seen = 0
        for k in 0..<departmentsPerFacility where HealthSystem.layout[k].kind == kind {
            if seen == n { return facility * departmentsPerFacility + k }
            seen += 1
        }
        preconditionFailure("no department of kind \(kind)")
    }

    /// Indices of a facility's departments of one kind.
    func departments(_ kind: UnitKind, facility: Int) -> [Int] {
        (0..<departmentsPerFacility).filter { HealthSystem.layout[$0].kind == kind }.map { facility * departmentsPerFacility + $0 }
    }

    static let flat: [Double] = [1, 1, 1, 1, 1, 1, 1]
    static let inpatientWeek: [Double] = [1.01, 1.02, 1.02, 1.01, 1.0, 0.97, 0.97]

    /// The cost centers of one facility, by code. Growth: Med-Surg 4E gains 15% patient
    /// days from 2025-07-01 (a hospitalist group moved its admissions there; the FY2026
    /// budget did not expect it).
    static let layout: [Department] = [
        Department(code: 6010, name: "ICU", kind: .icu, facility: 0, beds: 14, baseVolume: 11.0,
                   winter: 0.04, respiratory: 0.05, weekday: flat, growthStart: nil, growthFactor: 1, lengthOfStay: 3.4),
        Department(code: 6020, name: "Med-Surg 3W", kind: .medSurg, facility: 0, beds: 30, baseVolume: 21.0,
                   winter: 0.06, respiratory: 0.05, weekday: inpatientWeek, growthStart: nil, growthFactor: 1, lengthOfStay: 4.2),
        Department(code: 6030, name: "Med-Surg 4E", kind: .medSurg, facility: 0, beds: 28, baseVolume: 17.5,
                   winter: 0.05, respiratory: 0.04, weekday: inpatientWeek,
                   growthStart: DemoCalendar.index(2025, 7, 1), growthFactor: 1.15, lengthOfStay: 4.0),
        Department(code: 6040, name: "Emergency Dept", kind: .emergency, facility: 0, beds: 0, baseVolume: 48,
                   winter: 0.05, respiratory: 0.15, weekday: [1.12, 1.03, 1.0, 0.99, 0.98, 0.93, 0.95],
                   growthStart: nil, growthFactor: 1, lengthOfStay: 0.16),
        Department(code: 6050, name: "Labor & Delivery", kind: .laborDelivery, facility: 0, beds: 10, baseVolume: 4.6,
                   winter: -0.05, respiratory: 0, weekday: flat, growthStart: nil, growthFactor: 1, lengthOfStay: 2.2),
        Department(code: 6060, name: "Telemetry", kind: .telemetry, facility: 0, beds: 22, baseVolume: 14.0,
                   winter: 0.07, respiratory: 0.05, weekday: inpatientWeek, growthStart: nil, growthFactor: 1, lengthOfStay: 3.5),
        Department(code: 6500, name: "Surgical Services", kind: .surgery, facility: 0, beds: 0, baseVolume: 13,
                   winter: 0, respiratory: 0, weekday: [1, 1.02, 1.02, 1, 0.96, 0.08, 0.06],
                   growthStart: nil, growthFactor: 1, lengthOfStay: 0),
        Department(code: 7010, name: "Riverside Clinic", kind: .clinic, facility: 0, beds: 0, baseVolume: 72,
                   winter: 0.04, respiratory: 0.10, weekday: [1.08, 1.0, 0.98, 0.98, 0.96, 0, 0],
                   growthStart: nil, growthFactor: 1, lengthOfStay: 0),
        Department(code: 7020, name: "Northgate Clinic", kind: .clinic, facility: 0, beds: 0, baseVolume: 48,
                   winter: 0.04, respiratory: 0.10, weekday: [1.06, 1.0, 1.0, 0.98, 0.96, 0.42, 0],
                   growthStart: nil, growthFactor: 1, lengthOfStay: 0),
        Department(code: 8010, name: "Pharmacy", kind: .pharmacy, facility: 0, beds: 0, baseVolume: 0,
                   winter: 0, respiratory: 0, weekday: flat, growthStart: nil, growthFactor: 1, lengthOfStay: 0),
    ]
}
