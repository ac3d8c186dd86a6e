import Testing
@testable import Planning

/// A vendor's price increases at the items' last year of use (`VendorPriceIncrease.byVendor`).
@Suite struct VendorPriceIncreaseTests {
    @Test func increasesAreWeightedByUseAndCountEachItemOnce() {
        // Acme: A from 10 to 11 at 100 a year (+100 on 1,000), B from 2 to 3 at 50 a year
        // (+50 on 100): +150 on 1,100 = 13.64%. A's second location does not count it twice.
        // Zed's price fell, and C has no prior price: neither is an increase.
        let priced: [(item: String, vendor: String, unitCost: Double)] = [("A", "Acme", 11), ("A", "Acme", 11), ("B", "Acme", 3), ("Z", "Zed", 4), ("C", "Acme", 9)]
        let prior: [String: Double] = ["A": 10, "B": 2, "Z": 5]
        let increases = VendorPriceIncrease.byVendor(priced: priced, prior: { prior[$0] }, yearUse: ["A": 100, "B": 50, "Z": 1_000, "C": 10])
        #expect(increases.count == 1)
        #expect(increases[0].vendor == "Acme" && increases[0].items == 2 && increases[0].annualCost == 150)
        #expect(abs(increases[0].percent - 100 * 150 / 1_100) < 1e-9)
    }

    @Test func anItemUnusedLastYearAddsNoCostAndNoPercent() {
        let increases = VendorPriceIncrease.byVendor(priced: [("A", "Acme", 11)], prior: { _ in 10 }, yearUse: [:])
        #expect(increases == [VendorPriceIncrease(vendor: "Acme", items: 1, annualCost: 0, percent: 0)])
    }
}
