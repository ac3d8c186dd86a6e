import Tabular

extension FillRateAllocation {
    /// Replaces per-item safety stock with a class-level allocation for every (criticality, ABC)
    /// class, over the items that follow the class target (no own service level, not new,
    /// not discontinued, with demand).
    public func allocateByClass(_ levels: inout [ReorderPlanner.Levels], items: [StockItem], demands: [DemandEstimate], abc: [ServiceLevelMatrix.ABC]) {
        var classes: [String: [Int]] = [:]
        for (k, l) in levels.enumerated() {
            let s = items[k]
            guard s.serviceLevel == nil, !s.discontinued, l.dailyDemand > 0, !l.flags.contains("new_item") else { continue }
            classes["\(s.criticality.rawValue)\(abc[k].rawValue)", default: []].append(k)
        }
        for members in classes.values {
            // Item key order, so the allocation's tie-breaks do not depend on the input's order.
            let sorted = members.sorted { items[$0].item < items[$1].item }
            guard let first = sorted.first else { continue }
            let target = levels[first].serviceLevel
            let inputs = sorted.map { k in
                FillRateAllocation.Item(dailyDemand: levels[k].dailyDemand, reviewDays: levels[k].review, protectionMean: levels[k].protectionDemand,
                                        protectionStandardDeviation: levels[k].protectionStandardDeviation, usesCounts: levels[k].usesCounts,
                                        dispersion: demands[k].dispersion, unitCost: items[k].unitCost)
            }
            let note = "safety stock set with its class (\(items[first].criticality.rawValue), \(abc[first].rawValue)) to meet a \(NumberFormat.fixed(target * 100, decimals: 1))% class fill rate at least cost"
            for (k, level) in zip(sorted, self.levels(inputs, fillRate: target)) {
                levels[k].orderUpTo = level
                levels[k].safetyStock = level - levels[k].protectionDemand
                levels[k].notes.append(note)
            }
        }
    }
}
