/// The hundred years in which a column's two-digit years are read.
///
/// A fixed pivot at 70 (Excel's: `26` is 2026, `85` is 1985) splits a run of years that
/// crosses it: monthly rows `JAN66` to `DEC03` read as 2066-2069 and 1970-2003, and the
/// 744 empty months between became zeros; `12/31/69` and `1/1/70` were a century apart. A
/// file's years are read instead as one run that keeps them together (`fitting`), which is
/// the pivot itself whenever the years present allow it.
public struct TwoDigitYearWindow: Sendable, Equatable {
    /// The first year of the hundred: two-digit `yy` reads as the year of
    /// `start...start + 99` that ends in `yy`.
    public let start: Int

    public init(start: Int) { self.start = start }

    /// Excel's pivot: 70-99 are 1970-1999, 00-69 are 2000-2069.
    public static let pivot = TwoDigitYearWindow(start: 1970)

    /// The latest year a window may read: 00-26 stay 2000-2026 and 69 with 70 reads 1969-1970,
    /// since a date in 2069 in an export of usage is much less likely than one in 1969.
    public static let latestYear = 2068

    /// The four-digit year `yy` (0-99) stands for.
    @inlinable
    public func year(_ yy: Int) -> Int {
        let s = start % 100
        return start - s + yy + (yy < s ? 100 : 0)
    }

    /// `day`, read under the pivot from a two-digit `yy`, moved into this window; nil when the
    /// day does not exist there (29 February 1900).
    @inlinable
    public func moving(_ day: CalendarDay, yy: Int) -> CalendarDay? {
        let (year, month, dayOfMonth) = day.components
        let wanted = self.year(yy)
        return wanted == year ? day : CalendarDay(year: wanted, month: month, day: dayOfMonth)
    }

    /// The window for the two-digit years in `present`: it starts after the largest gap
    /// between them (counted round the hundred, so 66 to 03 is one run of 38 years, and 69 with
    /// 70 one of two), in the latest century in which the run ends no later than `latestYear`.
    /// Of two equal gaps, the one the pivot starts after wins. Nil when no year is present.
    public static func fitting(_ present: TwoDigitYearsSeen) -> TwoDigitYearWindow? {
        let years = (0..<100).filter(present.contains)
        guard let last = years.last else { return nil }
        var best: (gap: Int, start: Int, length: Int)?
        for (k, yy) in years.enumerated() {
            // The gap before `yy`: from the year before it, round the hundred for the first.
            let previous = k == 0 ? last - 100 : years[k - 1]
            let gap = yy - previous
            // The run from `yy` ends at the year before it round the hundred.
            let length = (previous + 100 - yy) % 100
            let start = firstYear(yy, length: length)
            if best == nil || gap > best!.gap || (gap == best!.gap && pivot.year(yy) == start) {
                best = (gap, start, length)
            }
        }
        return best.map { TwoDigitYearWindow(start: $0.start) }
    }

    /// The year `yy` starts a run of `length` more years from, latest so that it ends by `latestYear`.
    static func firstYear(_ yy: Int, length: Int) -> Int {
        yy + 100 * ((latestYear - length - yy) / 100)
    }

    /// Whether some year of `present` reads otherwise than under the pivot.
    public func differsFromPivot(for present: TwoDigitYearsSeen) -> Bool {
        (0..<100).contains { present.contains($0) && year($0) != TwoDigitYearWindow.pivot.year($0) }
    }

    /// Whether the pivot reads the years of `present` in two centuries (69 and 70 as 2069 and
    /// 1970), the only case in which "a century apart" is true of them.
    public static func pivotSplits(_ present: TwoDigitYearsSeen) -> Bool {
        let years = (0..<100).filter(present.contains).map(pivot.year)
        return years.contains { $0 < 2000 } && years.contains { $0 >= 2000 }
    }

    /// What a file read again in this window says of the years in `place` (`'date'`, `the
    /// header`). "A century apart" only
    /// when the pivot splits the years: 68 and 69 alone, read as 1968-1969 since no year is
    /// read past `latestYear`, are 2068-2069 under the pivot, together but a century later.
    public func note(in place: String, for present: TwoDigitYearsSeen) -> String {
        let pivotSpan = TwoDigitYearWindow.pivot.span(of: present)
        let why = TwoDigitYearWindow.pivotSplits(present)
            ? "one run of years (a fixed pivot at 70 would read them as \(pivotSpan.replacing("-", with: " to ")), a century apart)"
            : "no year read later than \(TwoDigitYearWindow.latestYear) (a fixed pivot at 70 would read them as \(pivotSpan))"
        return "two-digit years in \(place) read as \(span(of: present)), \(why); write four-digit years to read them otherwise"
    }

    /// "1966-2003": the years `present` reads as, first to last.
    public func span(of present: TwoDigitYearsSeen) -> String {
        let years = (0..<100).filter(present.contains).map(year)
        guard let low = years.min(), let high = years.max() else { return "" }
        return low == high ? "\(low)" : "\(low)-\(high)"
    }
}
