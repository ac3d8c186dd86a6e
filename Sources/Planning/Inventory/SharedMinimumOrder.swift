/// A vendor's minimum order quantity applies to a purchase order, not to a storeroom: one
/// order of an item serves all of its locations. Raised to the minimum line by line, an item
/// stocked in two storerooms was ordered at twice the minimum (two lines of 500 gloves where
/// the two needed 102 together, one purchase order of 500 being enough).
///
/// So the locations' lines are first planned without the minimum; when what they order
/// together falls short of it, the location ordering the most is raised by the difference,
/// and the others order what they need.
public enum SharedMinimumOrder {
    /// The minimum each location's line must order so that the item's lines together reach
    /// its minimum order, by index into the arrays; indices not returned order what they need.
    ///
    /// - Parameters:
    ///   - items: each line's item.
    ///   - quantities: what each line orders when planned without the minimum.
    ///   - minimums: each line's item's minimum order (0 for none).
    /// - Returns: for the raised line of each item short of its minimum, the quantity it must
    ///   order at least. Items ordered nowhere are not raised: the minimum binds an order only.
    public static func raised(items: [String], quantities: [Double], minimums: [Double]) -> [Int: Double] {
        var lines: [String: [Int]] = [:]
        for k in items.indices where minimums[k] > 0 { lines[items[k], default: []].append(k) }
        var result: [Int: Double] = [:]
        for (_, ks) in lines {
            let total = ks.reduce(0) { $0 + quantities[$1] }
            let minimum = minimums[ks[0]]
            guard total > 0, total < minimum else { continue }
            // The largest order takes the rest (the first of equal ones, so the choice does not
            // depend on anything but the lines' order).
            let largest = ks.max { quantities[$0] < quantities[$1] || (quantities[$0] == quantities[$1] && $0 > $1) }!
            result[largest] = minimum - (total - quantities[largest])
        }
        return result
    }
}
