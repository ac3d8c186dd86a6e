import Foundation

/// Whether a history's last run of empty periods may be an off-season rather than a stop.
///
/// A stop (`LevelShift.stop`) is a run of empty periods beyond chance after none. A seasonal
/// product in its first year looks the same: an antivenom (CroFab, $3,200 a vial) first used in
/// April and then every month, 2, 4, 6, 7, 5, 3, 2 vials to October, then idle November to
/// February as every winter: 4 empty months after 7 come by chance (1 / 9)^4 = 1.5e-4, so the
/// stop rule forecast the whole next snake season at 0 and `reorder` planned it at 0 as unused
/// for 90 days (session start: 3.7 a month, 2 vials ordered; 29 vials, ~$92.8k, unplanned).
/// With less than a year from first use to now, the months now empty were never seen in use,
/// so a stop cannot be told from a season by the empty run. Two things still tell them apart:
/// - a whole year since first use: the months now empty were in use a year ago (a stop needs
///   the history never empty before), so they are no off-season;
/// - how the use ended: a product that stops (a contract moved, a backorder, an implant
///   dropped) stops at its level, while a season fades into its idle months. The use before the
///   run, summed by month (`year / 12` periods back from the last use), is fitted by least
///   squares with a line and a curve (a quadratic in time); the use
///   faded when the fitted value at its last period lies below the run's mean by more than
///   twice its standard error (the residuals' own scale). The antivenom, its last month (October,
///   2) left out as the use may stop inside it: 2, 4, 6, 7, 5, 3 fitted 3.0 at September
///   against a mean of 4.5, standard error 0.45, t = -3.4: it faded. An implant screw used 33
///   to 35 a week for 38 weeks, then not at all: no fade, a stop.
/// A season whose use ends at its full level (a clinic open October to March at a steady rate,
/// then closed) is read as a stop in its first year, as before.
public enum OffSeason {
    /// Twice the standard error: a fade by chance once in about 40 flat histories.
    static let criticalT = 2.0

    /// Whether the empty run ending `y` may be an off-season (see above): `y` from the series'
    /// first period, leading empty periods read as before first use; `year` in periods (the
    /// season for weeks and months, `Frequency.longCycle` for days). False when `y` does not end
    /// empty or holds no use.
    public static func mayExplain(_ y: UnsafeBufferPointer<Double>, year: Int) -> Bool {
        var first = 0
        while first < y.count, !(y[first] > 0) { first += 1 }
        var end = y.count
        while end > first, !(y[end - 1] > 0) { end -= 1 }
        guard end < y.count, end > first, y.count - first < year else { return false }
        // Judged by the month (a twelfth of the year: 4 weeks, 30 days), counted back from the
        // last use, a partial first month left out: weekly totals of a monthly issue are 2, 0,
        // 0, 0, 4, 0, ..., whose spread hides any fade, and days carry their weekday pattern.
        // The last period used is left out: the use may have stopped inside it (an implant
        // screw used 35 a week, its last week 15 as it stopped on a Wednesday, read as faded).
        let block = max(1, year / 12)
        var months: [Double] = []
        var k = end - 1
        while k - block >= first {
            var total = 0.0
            for i in (k - block)..<k { total += y[i] }
            months.append(total)
            k -= block
        }
        months.reverse()
        return months.withUnsafeBufferPointer { faded($0) }
    }

    /// Whether the use in `y` faded by its end: the least-squares quadratic's value at the last
    /// period below the mean by more than `criticalT` standard errors.
    static func faded(_ y: UnsafeBufferPointer<Double>) -> Bool {
        let n = y.count
        // Three coefficients and a residual degree of freedom at least.
        guard n >= 4, y.allSatisfy(\.isFinite) else { return false }
        // Orthogonal polynomials on x centred: p1 = x, p2 = x^2 - mean(x^2), orthogonal on a
        // symmetric grid, so each coefficient is its own projection.
        let centre = Double(n - 1) / 2
        var sxx = 0.0, sqq = 0.0, sxy = 0.0, sqy = 0.0, sum = 0.0
        var meanSquare = 0.0
        for i in 0..<n { let x = Double(i) - centre; meanSquare += x * x }
        meanSquare /= Double(n)
        for i in 0..<n {
            let x = Double(i) - centre, q = x * x - meanSquare
            sxx += x * x; sqq += q * q; sxy += x * y[i]; sqy += q * y[i]; sum += y[i]
        }
        let mean = sum / Double(n)
        guard sxx > 0, sqq > 0 else { return false }
        let b = sxy / sxx, c = sqy / sqq
        var residuals = 0.0
        for i in 0..<n {
            let x = Double(i) - centre, q = x * x - meanSquare
            let e = y[i] - (mean + b * x + c * q)
            residuals += e * e
        }
        let variance = residuals / Double(n - 3)
        // The fitted value at the last period less the mean, and its standard error.
        let xLast = Double(n - 1) - centre, qLast = xLast * xLast - meanSquare
        let drop = b * xLast + c * qLast
        let standardError = (variance * (xLast * xLast / sxx + qLast * qLast / sqq)).squareRoot()
        // No fall beyond rounding (a flat use fits exactly, its drop and error both ~1e-14).
        guard drop < -1e-9 * max(1, abs(mean)) else { return false }
        return drop < -criticalT * standardError
    }
}
