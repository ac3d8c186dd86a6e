/// Target cycle service level by criticality (vital / essential / non-essential) and ABC
/// class by annual spend. Defaults follow common hospital practice: vital items 99%,
/// essential 95%, non-essential 90%, whatever their spend.
public struct ServiceLevelMatrix: Sendable, Equatable {
    public enum Criticality: String, Sendable, CaseIterable { case vital = "V", essential = "E", nonEssential = "N" }
    public enum ABC: String, Sendable, CaseIterable { case a = "A", b = "B", c = "C" }

    public var levels: [Criticality: [ABC: Double]]

    public init(levels: [Criticality: [ABC: Double]]? = nil) {
        self.levels = levels ?? [
            .vital: [.a: 0.99, .b: 0.99, .c: 0.99],
            .essential: [.a: 0.95, .b: 0.95, .c: 0.95],
            .nonEssential: [.a: 0.90, .b: 0.90, .c: 0.90],
        ]
    }

    public func level(criticality: Criticality, abc: ABC) -> Double {
        levels[criticality]?[abc] ?? 0.95
    }

    /// ABC classes by annual spend: A up to 80% of cumulative spend, B to 95%, C the rest.
    /// Ties in spend are ordered by item key so the classes are reproducible.
    public static func abcClasses(annualSpend: [String: Double]) -> [String: ABC] {
        // Summed in the sorted order: a dictionary's own order changes from run to run.
        let ranked = annualSpend.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key })
        let total = ranked.reduce(0) { $0 + max($1.value, 0) }
        var result: [String: ABC] = [:]
        result.reserveCapacity(ranked.count)
        var cumulative = 0.0
        for (item, spend) in ranked {
            let share = total > 0 ? cumulative / total : 1
            result[item] = share < 0.80 ? .a : share < 0.95 ? .b : .c
            cumulative += max(spend, 0)
        }
        return result
    }
}

extension ServiceLevelMatrix {
    /// A service level written as a probability (0.95) or, as the item master also takes it, a
    /// percentage (95); nil outside the item master's range, 0.5 to 0.9999 (50 to 99.99). The
    /// flag refused 0.5, which the item master and README accept.
    public static func probability(_ level: Double) -> Double? {
        if (0.5...0.9999).contains(level) { return level }
        if (50...99.99).contains(level) { return level / 100 }
        return nil
    }

    /// What `probability` accepts, for a message.
    public static let accepted = "a probability from 0.5 to 0.9999 (such as 0.95) or a percentage from 50 to 99.99 (such as 95)"
}
