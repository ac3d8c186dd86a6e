/// What a vendor's latest price changes cost a year at the items' last year of use.
///
/// An item master that keeps the previous price beside the current one (`prior_unit_cost`)
/// says what a vendor's increase costs before the invoices show it: the increase times the
/// item's use over the last year, summed by vendor, and weighted by use as a percent of what
/// that use cost at the prior prices (so one dear item used twice a year does not read as the
/// vendor's whole increase).
public struct VendorPriceIncrease: Sendable, Equatable {
    public var vendor: String
    public var items: Int
    public var annualCost: Double
    /// Weighted by use: annual cost / last year's spend at the prior prices, in percent.
    public var percent: Double

    public init(vendor: String, items: Int, annualCost: Double, percent: Double) {
        self.vendor = vendor
        self.items = items
        self.annualCost = annualCost
        self.percent = percent
    }

    /// The increases by vendor, largest annual cost first. `priced`: each stocked item's vendor
    /// and current unit cost (an item stocked at several locations counts once, its first);
    /// `prior`: its prior unit cost, if any; `yearUse`: its use over the last year. Items
    /// without a prior price, or whose price did not rise, are left out.
    public static func byVendor(priced: [(item: String, vendor: String, unitCost: Double)], prior: (String) -> Double?,
                                yearUse: [String: Double]) -> [VendorPriceIncrease] {
        var increases: [String: VendorPriceIncrease] = [:]
        var priorSpend: [String: Double] = [:]
        var seen = Set<String>()
        for s in priced where seen.insert(s.item).inserted {
            guard let before = prior(s.item), before > 0, s.unitCost > before else { continue }
            let use = max(0, yearUse[s.item] ?? 0)
            increases[s.vendor, default: VendorPriceIncrease(vendor: s.vendor, items: 0, annualCost: 0, percent: 0)].items += 1
            increases[s.vendor]?.annualCost += (s.unitCost - before) * use
            priorSpend[s.vendor, default: 0] += before * use
        }
        return increases.values.map { v in
            var v = v
            let spend = priorSpend[v.vendor] ?? 0
            v.percent = spend > 0 ? 100 * v.annualCost / spend : 0
            return v
        }.sorted { ($0.annualCost, $1.vendor) > ($1.annualCost, $0.vendor) }
    }
}
