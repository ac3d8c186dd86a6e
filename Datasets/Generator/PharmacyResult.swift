/// What the dispensing sheet produced, per facility and month, and per medication and day.
struct PharmacyResult: Sendable {
    /// Medications in sheet order (alphabetical), with the facility each belongs to.
    var medications: [(medication: Medication, column: String, facility: Int)]
    var prices: [[(day: Int, cents: Int)]]
    var costCents: [[Int]]
    var budgetCents: [[Double]]
    var doses: [[Int]]
    var budgetDoses: [[Double]]
    var daily: [[Int32]]
    var recentDailyDemand: [Double]
    var rows: Int
    var bytes: Int

    func cents(_ k: Int, on day: Int) -> Int {
        var price = prices[k][0].cents
        for point in prices[k] where point.day <= day { price = point.cents }
        return price
    }
}
