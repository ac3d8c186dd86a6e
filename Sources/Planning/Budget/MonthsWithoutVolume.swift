/// The months of a variance line that no volume splits: a variable line's booked months
/// without an actual volume while its department reports one in other months (a statistics
/// export ending a month before the ledger and as-of, or a unit's months left out of it).
///
/// Such a month cannot be flexed (flexed = budget x actual volume / budget volume needs the
/// volume). Read as flexed at its budget it invented a census exactly on budget: Surgery's
/// December salaries, $328,862 against $340,518, were filed as $11,656 of rate variance and
/// $0 of volume, and the year to date read "$45,188 over, flexed budget $2,090,076 covers it"
/// where December's census (334 patient days against 348, known a month later) leaves it
/// $11,919 over its flexed budget. So the month's own rows leave the split blank, and a
/// quarter's or year to date's split covers its months with a volume only: these months'
/// variance is neither volume nor rate.
public struct MonthsWithoutVolume: Sendable, Equatable {
    /// How many line-months with anything budgeted or booked (a department total counts each
    /// of its lines' months).
    public var count: Int
    public var budget: Double
    public var actual: Double

    public init(count: Int = 1, budget: Double, actual: Double) {
        self.count = count
        self.budget = budget
        self.actual = actual
    }

    /// actual - budget: the part of a period's variance no volume splits.
    public var variance: Double { actual - budget }

    /// The months of several lines together; nil when none has any.
    public static func sum(_ parts: [MonthsWithoutVolume?]) -> MonthsWithoutVolume? {
        let given = parts.compactMap { $0 }
        guard !given.isEmpty else { return nil }
        return MonthsWithoutVolume(count: given.reduce(0) { $0 + $1.count }, budget: given.reduce(0) { $0 + $1.budget }, actual: given.reduce(0) { $0 + $1.actual })
    }
}
