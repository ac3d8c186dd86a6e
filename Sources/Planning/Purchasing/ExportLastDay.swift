/// The last day a purchase order export covers, read so that one mistyped date cannot move it.
///
/// Lines open past their lead time on the export's last day count as late (`PurchasingAnalysis`).
/// Taken as the latest order or receipt date of all, one order dated 2062-03-31 for 2026-03-31
/// made every open line 36 years old: fill and on-time rates of every vendor with an open line
/// halved. Here the lines are ordered by their latest date, and the latest few lines that stand
/// more than `gapDays` after all the others (a year typed wrong, a date in the wrong century) are
/// read as far beyond the rest: the last day is the latest date of the other lines, and the
/// report names the lines beyond it. "A few" is at most one line in ten (at least one): the
/// later half of an export with a quiet half-year between is the export, not a typo.
public struct ExportLastDay: Sendable, Equatable {
    /// Days between the rest of the export and a date read as beyond it: more than any quiet
    /// spell of a purchasing export, less than a year, so a year typed one too high is caught.
    public static let gapDays: Int32 = 183

    /// The latest date of the lines not beyond the rest; nil without any dated line.
    public var day: Int32?
    /// The earliest date read as far beyond the rest; nil when none is.
    public var beyondFrom: Int32?
    /// Lines with a date on or after `beyondFrom`.
    public var linesBeyond: Int

    /// - Parameter latest: each line's latest date (order or receipt), days since the epoch.
    public init(latest: [Int32]) {
        let sorted = latest.sorted()
        let n = sorted.count
        guard n > 0 else { day = nil; beyondFrom = nil; linesBeyond = 0; return }
        let most = max(1, n / 10)
        // The lowest cut with few enough lines above it: every date after a gap counts as beyond.
        var cut = n
        var j = n - 1
        while j >= 1 && n - j <= most {
            if sorted[j] - sorted[j - 1] > Self.gapDays { cut = j }
            j -= 1
        }
        day = sorted[cut - 1]
        beyondFrom = cut < n ? sorted[cut] : nil
        linesBeyond = n - cut
    }
}
