/// One stocked item of one facility, expanded from a template: what the item master says
/// about it, its price history, and how each department uses it.
struct SupplyItem: Sendable {
    struct Use: Sendable {
        let department: Int
        /// Issue units per unit of the department's workload.
        let rate: Double
    }

    let number: Int
    let description: String
    let commodity: String
    let category: String
    let vendor: VendorID
    let uom: String
    let packSize: Int
    let minOrderQty: Int
    let leadTimeDays: Double
    let leadTimeSD: Double
    let shelfLifeDays: Int?
    let criticality: String
    let facility: Int
    /// Price per issue unit in cents from each day on (first entry applies from day 0).
    let prices: [(day: Int, cents: Int)]
    let uses: [Use]
    let respiratory: Double
    let winter: Double
    let campaign: Double
    /// Negative-binomial size per day of use (larger = closer to Poisson).
    let dispersion: Double
    /// Mean units per use event (screws come several at a time).
    let eventSize: Double
    /// Usage multiplier per year, centred on 2025-01-01.
    let trend: Double
    /// First day of use and the day after the last (dayCount when still in use).
    let start: Int
    let end: Int
    /// Share of the demand from a day on (a replacement taking over).
    let phases: [(day: Int, factor: Double)]
    let discontinued: Bool
    var replacedBy: Int?
    let planted: PlantedRole?

    func cents(on day: Int) -> Int {
        var price = prices[0].cents
        for point in prices where point.day <= day { price = point.cents }
        return price
    }

    /// The last price change the item has lived through: (day, price before).
    var lastChange: (day: Int, previous: Int)? {
        var result: (Int, Int)?
        for k in 1..<prices.count where prices[k].day > start && prices[k].day < DemoCalendar.index(2026, 7, 1) {
            result = (prices[k].day, prices[k - 1].cents)
        }
        return result
    }

    func share(on day: Int) -> Double {
        var factor = 1.0
        for phase in phases where phase.day <= day { factor = phase.factor }
        return factor
    }
}
