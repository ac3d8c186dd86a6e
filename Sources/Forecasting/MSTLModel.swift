#if canImport(Glibc)
import Glibc
#endif
import CGSL

/// Two seasonal cycles (the week of daily data and the year) removed, the rest forecast by
/// non-seasonal ETS, the seasonality put back: the shape of statsforecast's MSTL with its
/// default trend forecaster AutoETS(ZZN).
///
/// Where MSTL estimates the seasonal parts by iterated STL, this fits them in one GSL least
/// squares regression: intercept, linear trend (so growth does not leak into the seasonal
/// estimates), m - 1 dummies for the short season and `harmonics` sine/cosine pairs for the
/// long cycle (Fourier terms, which need no whole number of periods per cycle: 365.2425 days).
/// The long cycle is left out until the history covers one and a half of it
/// (`longCycleCoverage`), and always when there is none (`cycle: .infinity`): monthly data
/// then have the months' dummies removed alone.
///
/// A series with no zero or negative value is decomposed on the log scale, so the weekly and
/// yearly patterns are proportions of the level rather than fixed amounts: a weekend that
/// halves demand in summer halves it in winter too. On the bike set (two years of daily
/// rentals, a winter level a third of the summer one) MSTL alone went from MASE 1.293 to
/// 1.201 with it and six harmonics (four before), and the automatic combination from 1.226 to
/// 1.193; on Italy's daily ward and ICU census (the accuracy benchmark's census set) from
/// 0.194 to 0.178.
public struct MSTLModel: ForecastModel {
    public let name = "mstl"
    /// The long cycle in periods; `.infinity` for none (monthly and weekly data: the short
    /// season alone is removed).
    public var cycle: Double
    /// Fourier pairs for the long cycle: six resolve the year to about two months.
    public var harmonics: Int
    /// ETS forms for the deseasonalised series; nil chooses by AICc among the non-seasonal ones
    /// with no trend or a damped one (as the automatic ETS search does), additive errors only
    /// on the log scale.
    public var trendSpecs: [ETSSpec]?
    /// Whether the cycles may multiply the level (decomposing the log): nil or true decide by
    /// each history fitted, multiplicative when every value is positive (a log needs them);
    /// false keeps the additive form.
    public var multiplicative: Bool?

    public init(cycle: Double = 365.2425, harmonics: Int = 6, trendSpecs: [ETSSpec]? = nil, multiplicative: Bool? = nil) {
        self.cycle = cycle
        self.harmonics = harmonics
        self.trendSpecs = trendSpecs
        self.multiplicative = multiplicative
    }

    public func minimumLength(season: Int) -> Int { 2 * max(season, 1) + 2 }

    /// How many long cycles the history must cover before the long cycle's Fourier terms are
    /// fitted. From barely one, each day of the year is seen once, so the terms and the trend
    /// between them can draw any path through the one year, a recent step of level included:
    /// a census flat at 18 a day for a year (no yearly pattern), then 27 for the last 22 of its
    /// 380 days after a bed expansion, was forecast to slide from 27 to 24.3 in four weeks, a
    /// December dip that the terms made of the step against last November's 18. From one and a
    /// half, half the year is seen twice and the terms must hold for both; it stays at 27. Two
    /// years of bike rentals (training windows of 620 to 700 days) and five of Italy's census
    /// keep their yearly terms; a history of 365 to 547 days is fitted on its week and its level.
    public static let longCycleCoverage = 1.5

    public func backtestVariant(selectingOn history: UnsafeBufferPointer<Double>, season: Int) throws -> any ForecastModel {
        guard trendSpecs?.count != 1 else { return self }
        let logScale = usesLogScale(history)
        return try scaled(history, logScale: logScale) { y in
            guard let (adjusted, _) = try decompose(y, horizon: 0, season: season),
                  let chosen = try trendModel(logScale: logScale).forecast(adjusted, horizon: 1, season: 1),
                  let spec = ETSSpec(chosen.label) else { return self }
            // The scale is not pinned: a later, longer history with a zero is fitted additively
            // (the additive-error form chosen on the log scale fits there too).
            return MSTLModel(cycle: cycle, harmonics: harmonics, trendSpecs: [spec], multiplicative: multiplicative)
        }
    }

    public func forecast(_ history: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard history.count >= minimumLength(season: season) else { return nil }
        let logScale = usesLogScale(history)
        return try scaled(history, logScale: logScale) { y in
            guard let (adjusted, future) = try decompose(y, horizon: horizon, season: season),
                  let trend = try trendModel(logScale: logScale).forecast(adjusted, horizon: horizon, season: 1) else { return nil }
            var mean = trend.mean
            for h in 0..<horizon { mean[h] += future[h] }
            var sd = trend.standardDeviation
            if logScale {
                // Back from the log: exp of the forecast is the median; the mean of the
                // log-normal adds half the variance, and its spread is the mean times the log
                // spread (to first order).
                for h in 0..<horizon {
                    let s = sd?[h] ?? 0
                    mean[h] = exp(mean[h] + s * s / 2)
                    sd?[h] = mean[h] * s
                }
            }
            return ModelForecast(mean: mean, standardDeviation: sd, label: "MSTL(\(trend.label))")
        }
    }

    func usesLogScale(_ y: UnsafeBufferPointer<Double>) -> Bool {
        multiplicative != false && y.allSatisfy { $0 > 0 }
    }

    /// Runs `body` on the history, or on its log when `logScale` (every value then positive).
    func scaled<T>(_ y: UnsafeBufferPointer<Double>, logScale: Bool, _ body: (UnsafeBufferPointer<Double>) throws -> T) rethrows -> T {
        guard logScale else { return try body(y) }
        let logs = y.map { log($0) }
        return try logs.withUnsafeBufferPointer(body)
    }

    /// On the log scale, values near or below zero are ordinary, so multiplicative errors are left out.
    func trendModel(logScale: Bool) -> ETSModel {
        let specs = trendSpecs ?? (logScale ? ETSSpec.candidates(seasonal: false, strictlyPositive: false).filter { $0.trend != .additive } : nil)
        return ETSModel(specs: specs, undampedTrends: false)
    }

    /// The series less its fitted seasonal parts, and those parts for the next `horizon` periods.
    func decompose(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ([Double], [Double])? {
        let n = y.count
        let m = max(season, 1)
        let pairs = Double(n) >= MSTLModel.longCycleCoverage * cycle ? harmonics : 0
        let p = 2 + (m - 1) + 2 * pairs
        guard n > p + 1, m > 1 || pairs > 0 else { return nil }
        // The season's dummies alone (no year): its levels less the first season's.
        if pairs == 0, let line = SeasonalTrendLine(y, seasons: m) {
            func seasonal(_ t: Int) -> Double { line.levels[t % m] - line.levels[0] }
            return ((0..<n).map { y[$0] - seasonal($0) }, (0..<horizon).map { seasonal(n + $0) })
        }
        GSL.prepare()
        guard let X = gsl_matrix_alloc(n, p), let Y = gsl_vector_alloc(n), let c = gsl_vector_alloc(p),
              let cov = gsl_matrix_alloc(p, p), let work = gsl_multifit_linear_alloc(n, p) else {
            throw GSLError(status: Int32(GSL_ENOMEM), call: "gsl_multifit_linear_alloc")
        }
        defer { gsl_matrix_free(X); gsl_vector_free(Y); gsl_vector_free(c); gsl_matrix_free(cov); gsl_multifit_linear_free(work) }
        var row = [Double](repeating: 0, count: p)
        func fill(_ t: Int) {
            row[0] = 1
            row[1] = Double(t) / Double(n)
            for k in 1..<max(m, 1) { row[1 + k] = t % m == k ? 1 : 0 }
            for k in 0..<pairs {
                let angle = 2 * Double.pi * Double(k + 1) * Double(t) / cycle
                row[m + 1 + 2 * k] = sin(angle)
                row[m + 2 + 2 * k] = cos(angle)
            }
        }
        for t in 0..<n {
            fill(t)
            for j in 0..<p { gsl_matrix_set(X, t, j, row[j]) }
            gsl_vector_set(Y, t, y[t])
        }
        var chisq = 0.0
        try GSL.check(gsl_multifit_linear(X, Y, c, cov, &chisq, work), "gsl_multifit_linear")
        var coefficients = [Double](repeating: 0, count: p)
        for j in 0..<p { coefficients[j] = gsl_vector_get(c, j) }
        // The seasonal part: every column but the intercept and the trend.
        func seasonal(_ t: Int) -> Double {
            fill(t)
            var s = 0.0
            for j in 2..<p { s += coefficients[j] * row[j] }
            return s
        }
        var adjusted = [Double](repeating: 0, count: n)
        for t in 0..<n { adjusted[t] = y[t] - seasonal(t) }
        var future = [Double](repeating: 0, count: horizon)
        for h in 0..<horizon { future[h] = seasonal(n + h) }
        return (adjusted, future)
    }
}

#if canImport(Glibc)
import Glibc
#endif
