import Tabular

/// Whether headers that read as months written with a name (`Jul-25`, `ago-25`) form a
/// plausible run of months, one column per month, rather than codes that happen to read as
/// one: an item `SET-01` is Italian and Portuguese for September 2001. A sterile-processing
/// sheet `date, SET-01, KIT-02, SET-03, TRAY-04` had `inspect` warn that the import would stop
/// on `KIT-02` ("written like the month headers around it but names no month") and drop its
/// `--unpivot` suggestion, though the import read all four items.
///
/// A run is most of the headers of its shapes (`aaa-99`: 2 of `SET-01, KIT-02, SET-03` is
/// most), whose months lie close together: no further apart, first to last, than twice their
/// count or a year (`SET-01` and `SET-03` are September 2001 and 2003, 25 months for 2).
/// Headers written in numbers alone (`02/03/2026`, `2024-01`) are dates whatever their span.
enum MonthHeaderRun {
    /// Whether the headers `dated` (which read as dates), among `free` (the columns not
    /// mapped to a role), are a run of periods.
    static func isPlausible(_ dated: [String], among free: [String]) -> Bool {
        let named = dated.filter { $0.contains(where: \.isLetter) }
        guard !named.isEmpty else { return true }
        let shapes = Set(named.map(Unpivot.shape))
        let sameShape = free.filter { shapes.contains(Unpivot.shape($0)) }.count
        guard 2 * named.count > sameShape else { return false }
        let parser = DateParser()
        let months = named.compactMap { parser.parse($0.trimmed()) }.map { day -> Int in
            let (year, month, _) = day.components
            return year * 12 + month
        }
        guard let low = months.min(), let high = months.max() else { return true }
        return high - low + 1 <= max(12, 2 * months.count)
    }
}
