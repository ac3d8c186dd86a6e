/// A catalog line before expansion: one description with its size variants, and how much
/// each kind of unit uses per unit of its workload (patient day, visit or case).
struct ItemTemplate: Sendable {
    typealias Date = (Int, Int, Int)

    let commodity: String
    let description: String
    let variants: [String]
    let shares: [Double]
    let variantCents: [Int]
    let vendor: VendorID
    let uom: String
    let pack: Int
    let cents: Int
    let rates: [(UnitKind, Double)]
    let criticality: String
    let shelfLife: Int?
    let respiratory: Double
    let winter: Double
    let campaign: Double
    let dispersion: Double
    let eventSize: Double
    let trend: Double
    let introduced: Date?
    let discontinued: Date?
    let phases: [(Date, Double)]
    let category: String
    let planted: [String: PlantedRole]
    let minOrderPacks: Int

    /// `description` may hold `{v}` where the variant goes; otherwise the variant is appended.
    init(_ commodity: String, _ description: String, _ vendor: VendorID, _ uom: String, pack: Int, cents: Int,
         _ rates: [(UnitKind, Double)], v: [String] = [], shares: [Double] = [], costs: [Int] = [],
         crit: String = "E", shelf: Int? = 1825, resp: Double = 0, winter: Double = 0, campaign: Double = 0,
         disp: Double = 25, event: Double = 1, trend: Double = 1, intro: Date? = nil, end: Date? = nil,
         phases: [(Date, Double)] = [], category: String = "Supply", plant: [String: PlantedRole] = [:], moq: Int = 1) {
        self.commodity = commodity
        self.description = description
        self.variants = v.isEmpty ? [""] : v
        self.shares = v.isEmpty ? [1] : (shares.isEmpty ? Array(repeating: 1 / Double(v.count), count: v.count) : shares)
        self.variantCents = costs
        self.vendor = vendor
        self.uom = uom
        self.pack = pack
        self.cents = cents
        self.rates = rates
        self.criticality = crit
        self.shelfLife = shelf
        self.respiratory = resp
        self.winter = winter
        self.campaign = campaign
        self.dispersion = disp
        self.eventSize = event
        self.trend = trend
        self.introduced = intro
        self.discontinued = end
        self.phases = phases
        self.category = category
        self.planted = plant
        self.minOrderPacks = moq
    }

    /// Full description of variant `k`.
    func description(_ k: Int) -> String {
        let variant = variants[k]
        guard !variant.isEmpty else { return description }
        var result = ""
        var replaced = false
        var rest = Substring(description)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[open...]
            if after.hasPrefix("{v}") {
                result += rest[..<open] + variant
                rest = rest[rest.index(open, offsetBy: 3)...]
                replaced = true
            } else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
            }
        }
        result += rest
        return replaced ? result : description + " " + variant
    }

    func cents(_ k: Int) -> Int { variantCents.isEmpty ? cents : variantCents[k] }
}
