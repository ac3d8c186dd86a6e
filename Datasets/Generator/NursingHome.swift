/// A skilled nursing facility of Harbor Valley Health that reports its nurse staffing to the
/// federal payroll-based journal (PBJ): one line per day with the resident census and the
/// hours of each job code, split into employees' and contract (agency) hours. The homes
/// exist so the demo has a PBJ-layout export for `unpivot:` with `names_pattern`.
struct NursingHome: Sendable {
    /// `PROVNUM`, a fictional provider number.
    let provider: String
    /// `PROVNAME`, the unit key of the staffing plan.
    let name: String
    let city: String
    let beds: Int
    /// Mean residents a day (`MDScensus`).
    let residents: Double
    /// Share of each job code's 8-hour shifts worked by agency staff.
    let agencyShare: [String: Double]
    /// From this day on, the RN shifts go to agency at this share instead (planted truth).
    let rnAgencyChange: (from: (Int, Int, Int), share: Double)?

    /// Job codes with their target hours per resident day and pay rates (cents an hour).
    static let jobs: [(code: String, hprd: Double, hourlyCents: Int, agencyCents: Int)] = [
        ("RN", 0.75, 4_450, 8_900), ("LPN", 0.85, 3_050, 5_800), ("CNA", 2.40, 2_075, 3_900),
    ]

    /// Weekends run about 10% fewer hours per resident, as PBJ data show.
    static let weekendFactor = 0.9

    /// Harbor Valley Care Center loses most of its staff RNs at the end of March 2026: from
    /// April 1 well over a third of its RN hours are agency hours. Northgate stays steady.
    static let homes: [NursingHome] = [
        NursingHome(provider: "HV5101", name: "Harbor Valley Care Center", city: "Harbor Valley", beds: 120, residents: 104,
                    agencyShare: ["RN": 0.06, "LPN": 0.08, "CNA": 0.10], rnAgencyChange: ((2026, 4, 1), 0.40)),
        NursingHome(provider: "HV5102", name: "Northgate Rehabilitation & Nursing", city: "Northgate", beds: 80, residents: 68,
                    agencyShare: ["RN": 0.03, "LPN": 0.04, "CNA": 0.05], rnAgencyChange: nil),
    ]

    /// The homes of every facility copy (`--scale`): copy k adds ` #k+1` to the name.
    static func all(scale: Int) -> [NursingHome] {
        (0..<scale).flatMap { copy in
            homes.enumerated().map { h, home in
                copy == 0 ? home : NursingHome(provider: "HV\(5101 + 1000 * copy + h)", name: "\(home.name) #\(copy + 1)", city: home.city,
                                               beds: home.beds, residents: home.residents, agencyShare: home.agencyShare,
                                               rnAgencyChange: home.rnAgencyChange)
            }
        }
    }
}
