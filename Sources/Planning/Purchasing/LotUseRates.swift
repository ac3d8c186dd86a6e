import Tabular

/// How fast each lot of an item is used when the usage names locations: a lot at a location
/// the usage names is used at that location's rate, with that location's other lots; a lot
/// elsewhere (or without a location) at the item's rate less what the locations with lots of
/// their own use.
///
/// At the whole item's rate, every location's lots were pooled: suture used 10 a day at the
/// main OR and 2 at a clinic, with 100 at the OR expiring in 5 days and 30 at the clinic in
/// 10, read as 60 and 30 used in time (40 wasted, $208) where the OR uses 50 of its 100 and
/// the clinic 20 of its 30 (60 wasted, $312); `reorder` counted the 20 as usable stock and
/// ordered nothing, while `purchasing`, on the same files, found 60. Both read lots here.
public struct LotUseRates: Sendable {
    /// The usage's locations, as match keys (`Main OR` and `main  or` are one place).
    public let locations: Set<String>
    /// Units a day by item, then by location match key.
    public let perPlace: [String: [String: Double]]

    /// - Parameters:
    ///   - locations: every location the usage names, as match keys.
    ///   - perPlace: each item's use a day at each of those locations.
    public init(locations: Set<String>, perPlace: [String: [String: Double]]) {
        self.locations = locations
        self.perPlace = perPlace
    }

    /// The stock a lot is used up with: its item at its location when the usage names that
    /// location, else the item (`LotExpiry.plan`'s `stock`). Joined by the unit separator, as
    /// the planning jobs' keys are, so two items' places never share a key.
    public func stock(of lot: LotExpiry.Lot) -> String {
        let place = lot.location.matchKey()
        return locations.contains(place) ? lot.item + "\u{1F}" + place : lot.item
    }

    /// The rate of each stock key of `lots` (`stock(of:)`): a location's own, and for an item
    /// key `itemRate` less the rates of the item's locations that hold lots of their own (at the
    /// whole rate, a location's use counted for both its own lots and the central store's).
    ///
    /// With `historic` (each item's use a day over the same window, every row), the item's
    /// locations share `itemRate` (a forecast) as they shared that use: 10 and 2 a day of an
    /// item used 12 a day and forecast at 18 are 15 and 3. An item with no history has no
    /// location rates (nothing says how its forecast splits).
    public func rates(of lots: [LotExpiry.Lot], itemRate: (String) -> Double, historic: [String: Double]? = nil) -> [String: Double] {
        var rates: [String: Double] = [:], usedApart: [String: Double] = [:]
        for lot in lots {
            let key = stock(of: lot)
            guard rates[key] == nil, key != lot.item else { continue }
            var rate = perPlace[lot.item]?[lot.location.matchKey()] ?? 0
            if let historic {
                let total = historic[lot.item] ?? 0
                rate = total > 0 ? rate * max(0, itemRate(lot.item)) / total : 0
            }
            rates[key] = rate
            usedApart[lot.item, default: 0] += rate
        }
        for lot in lots where rates[lot.item] == nil && stock(of: lot) == lot.item {
            rates[lot.item] = max(0, itemRate(lot.item) - (usedApart[lot.item] ?? 0))
        }
        return rates
    }
}
