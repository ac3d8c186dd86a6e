/// One formulary medication: a column of the pharmacy's daily dispensing sheet.
struct Medication: Sendable {
    typealias Date = (Int, Int, Int)

    /// Whose workload drives the doses dispensed.
    enum Driver: Sendable {
        /// ICU, both med-surg units and telemetry.
        case inpatient
        case icu, emergency, laborDelivery, clinic, surgery
    }

    /// Day-of-week shape on top of the driver's own.
    enum Week: Sendable {
        /// Scheduled inpatient doses: cabinet refills dip at the weekend.
        case scheduled
        /// Discharge prescriptions and clinic-ordered doses: weekdays much busier.
        case discharge
        /// Only the driver's pattern (ED visits, clinic visits, surgical cases).
        case driver
    }

    let name: String
    let therapeuticClass: String
    let driver: Driver
    /// Doses per unit of the driver's workload per day.
    let rate: Double
    let cents: Int
    let pack: Int
    let week: Week
    let winter: Double
    let respiratory: Double
    let campaign: Double
    let spring: Double
    let supplier: VendorID
    let criticality: String
    let shelfLife: Int
    let introduced: Date?
    let discontinued: Date?
    /// Dispensing multiplied by `factor` between two dates (shortage, or its substitutes).
    let window: (from: Date, to: Date, factor: Double)?
    let planted: PlantedRole?

    init(_ name: String, _ therapeuticClass: String, _ driver: Driver, _ rate: Double, cents: Int, pack: Int,
         week: Week = .scheduled, winter: Double = 0, resp: Double = 0, campaign: Double = 0, spring: Double = 0,
         supplier: VendorID = .northstar, crit: String = "E", shelf: Int = 730, intro: Date? = nil, end: Date? = nil,
         window: (from: Date, to: Date, factor: Double)? = nil, plant: PlantedRole? = nil) {
        self.name = name
        self.therapeuticClass = therapeuticClass
        self.driver = driver
        self.rate = rate
        self.cents = cents
        self.pack = pack
        self.week = week
        self.winter = winter
        self.respiratory = resp
        self.campaign = campaign
        self.spring = spring
        self.supplier = supplier
        self.criticality = crit
        self.shelfLife = shelf
        self.introduced = intro
        self.discontinued = end
        self.window = window
        self.planted = plant
    }
}
