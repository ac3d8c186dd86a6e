/// A supplier: its lead time and its contract price changes at the start of each fiscal year.
struct Vendor: Sendable {
    let name: String
    let leadTimeDays: Double
    let leadTimeSD: Double
    /// Price change (e.g. 0.025 = +2.5%) on 2024-07-01 and on 2025-07-01.
    let fiscalIncreases: [Double]
}
