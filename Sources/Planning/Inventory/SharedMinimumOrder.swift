/// A vendor's minimum order quantity applies to a purchase order, not to a storeroom: one
/// order of an item serves all of its locations. Raised to the minimum line by line, an item
/// stocked in two storerooms was ordered at twice the minimum (two lines of 500 gloves where
/// the two needed 102 together, one purchase order of 500 being enough).
///
/// So the locations' lines are first planned without the minimum (`prepare`); when what they
/// order together falls short of it, the lines ordering the most take the difference, each
/// as far as its shelf life lets it use the stock (`apply`). When the shelf lives cannot take
/// it all, the lines say so together, as a single line's capped order does.
public enum SharedMinimumOrder {
    /// Marks the stock of items held at more than one location with a minimum order: their
    /// minimum moves to `sharedMinimumOrder` and each location is planned without it. Items
    /// planned once over their locations, and discontinued ones, are left alone. Returns whether
    /// any item shares its minimum.
    public static func prepare(_ stock: inout [StockItem]) -> Bool {
        var locations: [String: Int] = [:]
        for s in stock where s.minimumOrder > 0 && !s.discontinued { locations[s.item, default: 0] += 1 }
        var any = false
        for k in stock.indices where (locations[stock[k].item] ?? 0) > 1 && !stock[k].discontinued {
            stock[k].sharedMinimumOrder = stock[k].minimumOrder
            stock[k].minimumOrder = 0
            any = true
        }
        return any
    }

    /// Brings each sharing item's lines up to its minimum together, re-planning the lines it
    /// changes with `plan` (given the stock's index and the stock to plan). `lines[k]` is
    /// `stock[k]`'s line planned after `prepare`.
    ///
    /// The remainder goes to the lines ordering the most first (the first of equal ones, so the
    /// result depends on nothing but the lines), each taking what its shelf-life cap allows;
    /// with the minimum reached or not, every ordering line of the item is planned once more
    /// knowing how many locations order, what they order together and whether that reaches
    /// the minimum, for its reason.
    public static func apply(to stock: inout [StockItem], lines: inout [ReorderLine], plan: (Int, StockItem) -> ReorderLine) {
        var groups: [String: [Int]] = [:], order: [String] = []
        for k in stock.indices where stock[k].sharedMinimumOrder != nil {
            if groups[stock[k].item] == nil { order.append(stock[k].item) }
            groups[stock[k].item, default: []].append(k)
        }
        for item in order {
            let ordering = groups[item]!.filter { lines[$0].orderQuantity > 0 }
            guard let minimum = stock[ordering.first ?? groups[item]![0]].sharedMinimumOrder, !ordering.isEmpty else { continue }
            // One location ordering is one purchase order of its own: planned as a single
            // location is, with the vendor's minimum, its shelf-life cap and their flags.
            if ordering.count == 1 {
                let k = ordering[0]
                stock[k].minimumOrder = minimum
                stock[k].sharedMinimumOrder = nil
                lines[k] = plan(k, stock[k])
                continue
            }
            var remainder = minimum - ordering.reduce(0) { $0 + lines[$1].orderQuantity }
            let largestFirst = ordering.sorted { (lines[$1].orderQuantity, $0) < (lines[$0].orderQuantity, $1) }
            var raised = Set<Int>()
            var capped = Set<Int>()
            for k in largestFirst where remainder > 1e-9 {
                var trial = stock[k]
                trial.minimumOrder = lines[k].orderQuantity + remainder
                let line = plan(k, trial)
                if line.flags.contains("shelf_life_cap") { capped.insert(k) }
                let added = line.orderQuantity - lines[k].orderQuantity
                guard added > 0 else { continue }
                remainder -= added
                lines[k] = line
                raised.insert(k)
            }
            let total = ordering.reduce(0) { $0 + lines[$1].orderQuantity }
            for k in ordering {
                // A raised line keeps its order as its own minimum; the others order their need.
                stock[k].minimumOrder = raised.contains(k) ? lines[k].orderQuantity : 0
                stock[k].sharedCappedByShelfLife = capped.contains(k)
                stock[k].locationsSharingMinimum = ordering.count
                stock[k].sharedOrderTotal = total
                lines[k] = plan(k, stock[k])
            }
        }
    }
}
