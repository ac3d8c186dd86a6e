import Forecasting
import Foundation

extension ForecastTracking {
    /// What the actuals two stages both recorded say of one being the other renamed: a rename
    /// re-reads the same export, so its figures are the earlier stage's, bar the restatements
    /// a revision window brings.
    ///
    /// Counted over the series and periods both hold where either figure is non-zero: two
    /// hospitals' intermittent pharmacy jobs (about 75% of months empty) "agreed" on 609 of
    /// 1,040 pairs, 601 of them months where neither used anything, and were linked; all 600
    /// of one's forecasts were scored against the other's demand. Zeros on both sides are no
    /// evidence.
    struct RenameEvidence {
        /// Non-zero pairs, those recorded alike (within rounding), and those that differ
        /// before the earlier stage's revision window (a restatement inside it is what a later
        /// export does; one before it, in more than a few pairs, is another job's data).
        var shared = 0, alike = 0, differing = 0
        /// Per series of the earlier stage found in the later one: alike and differing pairs.
        var bySeries: [String: (alike: Int, differing: Int)] = [:]

        /// Adds one pair; `restatable` when the period is inside the earlier stage's revision window.
        mutating func add(series: String, earlier: Double, later: Double, restatable: Bool) {
            let larger = max(abs(earlier), abs(later))
            guard larger > 1e-9 else { return }
            shared += 1
            if RunHistory.SameData.alike(earlier, later) {
                alike += 1
                bySeries[series, default: (0, 0)].alike += 1
            } else if !restatable {
                differing += 1
                bySeries[series, default: (0, 0)].differing += 1
            }
        }

        /// Whether the figures agree on nearly all pairs: at most one in ten differs outside
        /// the revision window. An ICU job followed by a hospital-wide one agreed on 156 of 260
        /// pairs (the ICU-only items) and differed about 3-fold on the other 104 (40%, the
        /// items both use): linked, ICU's forecasts were scored against the hospital's use,
        /// WAPE 46.5% where 5.8% is right.
        static func nearlyAll(alike: Int, differing: Int) -> Bool {
            alike > 0 && differing * 10 <= alike + differing
        }

        var agrees: Bool { ForecastTracking.RenameEvidence.nearlyAll(alike: alike, differing: differing) }

        /// The earlier stage's series whose figures the later stage holds alike.
        var seriesAlike: Int { bySeries.values.filter { ForecastTracking.RenameEvidence.nearlyAll(alike: $0.alike, differing: $0.differing) }.count }
    }
}
