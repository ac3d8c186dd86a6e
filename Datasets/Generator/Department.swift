/// One cost center of the fictional system, with the parameters of its daily volume.
struct Department: Sendable {
    let code: Int
    let name: String
    let kind: UnitKind
    /// 0 for Harbor Valley; copies made by `--scale` are numbered 1, 2, ...
    let facility: Int
    /// Staffed beds (inpatient) — the census never exceeds it.
    let beds: Int
    /// Mean daily volume: average daily census, visits on an open weekday, or cases on a weekday.
    let baseVolume: Double
    /// Amplitudes of the smooth winter wave and of the respiratory season bump.
    let winter: Double
    let respiratory: Double
    /// Multipliers Monday ... Sunday.
    let weekday: [Double]
    /// Step change of volume from a day on (the planted growth of Med-Surg 4E).
    let growthStart: Int?
    let growthFactor: Double
    /// Average length of stay (inpatient) or share of visits admitted (ED).
    let lengthOfStay: Double

    /// `6010 ICU`; copies add 10000 per facility: `16010 ICU`.
    var label: String { "\(code + 10_000 * facility) \(name)" }

    var statistic: String { kind.statistic }
}
