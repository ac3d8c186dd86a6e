/// Whether a short history of a level (a census) is ramping, and the level it stands at now.
///
/// Short of `DemandClass.minimumHistory` periods a series gets the mean of its history
/// (`MovingAverageModel(window: 12)`), which for a unit opened five weeks ago and still
/// filling (56, 84, 112, 133 and 140 patient days) planned 105 a week: 210 RN hours a week
/// below the 140 it runs at now, a 2.5 FTE surplus where it is 3.3 FTE short. A level moving
/// one way every period has left its earlier periods behind, and the last is the best word on
/// where it stands; it is not carried on as a trend (the ramp is slowing: +28, +28, +21, +7),
/// which a history this short cannot tell from a step.
///
/// A real ramp-up is seldom that regular: one week a patient a day lower (56, 84, 112, 140,
/// 133) sent the unit back to its mean (105), and at 6 weeks (..., 133, 140) the models
/// planned 112, at 7 (56, 84, 112, 140, 140, 140, 140) 127.2, for a unit at 133-140 for
/// weeks. So a history of up to `longest` periods whose recent periods stand well above its
/// first ones (the mean of the last 2, or 3 from 6 periods, at least `rise` times the mean of
/// as many first ones), falling from one period to the next at most once, is planned at the
/// mean of those recent periods: 136.5, 137.7 and 140 above. By day, the same is read from
/// whole weeks (`recentSeasons`), a week's days planned at the mean of the same weekdays of
/// the recent weeks: read day by day, 8, 12, 16 then 20 patients a day for 3 weeks were
/// extrapolated to 22.5 a day, 153.9 for a week of 140.
/// Only callers forecasting levels ask (`ForecastSettings.shortRampsAtLastLevel`): a new
/// item's first months of use are no level.
public enum ShortRamp {
    /// The fewest periods that show a ramp.
    public static let fewest = 3
    /// The most periods a ramp is read from: past 10, the models have enough of the level.
    public static let longest = 10
    /// How far the recent periods' mean stands above the first ones' to read as a ramp.
    public static let rise = 1.25

    /// Moving the same way every period, up or down, over `fewest` periods or more.
    public static func isShown(in y: UnsafeBufferPointer<Double>) -> Bool {
        guard y.count >= fewest, let first = y.first, let last = y.last, last != first, y.allSatisfy(\.isFinite) else { return false }
        let rising = last > first
        for t in 1..<y.count where rising ? y[t] < y[t - 1] : y[t] > y[t - 1] { return false }
        return true
    }

    /// The last periods whose mean a ramp is planned at: 1 (the last) for a history under
    /// `DemandClass.minimumHistory` periods moving one way every period (`isShown`); 2, or 3
    /// from 6 periods, for one of up to `longest` periods rising with at most one dip; nil
    /// when the history is no ramp.
    public static func recentPeriods(in y: UnsafeBufferPointer<Double>) -> Int? {
        if y.count < DemandClass.minimumHistory && isShown(in: y) { return 1 }
        guard y.count >= 4, y.count <= longest, y.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let k = y.count >= 6 ? 3 : 2
        let early = y.prefix(k).reduce(0, +) / Double(k), recent = y.suffix(k).reduce(0, +) / Double(k)
        guard early > 0, recent >= rise * early else { return nil }
        let dips = (1..<y.count).filter { y[$0] < y[$0 - 1] }.count
        return dips <= 1 ? k : nil
    }

    /// The whole weeks whose same weekdays a ramp by day (a season of 7) is planned at, read
    /// from the totals of the history's last whole weeks as `recentPeriods` reads periods, and
    /// only where the recent weeks stand `rise` times above the first (3 weeks of a steady
    /// census, one a little busier each week, are no ramp); nil when the days are not such a
    /// ramp. Longer seasons (12 months) are years, whose totals are no ramp-up.
    public static func recentSeasons(in y: UnsafeBufferPointer<Double>, season m: Int) -> Int? {
        guard m == 7, y.count >= fewest * m else { return nil }
        let seasons = y.count / m, start = y.count - seasons * m
        let totals = (0..<seasons).map { s in (0..<m).reduce(0.0) { $0 + y[start + s * m + $1] } }
        guard let k = totals.withUnsafeBufferPointer({ recentPeriods(in: $0) }) else { return nil }
        let n = max(k, 1), early = totals.prefix(n).reduce(0, +), recent = totals.suffix(n).reduce(0, +)
        return early > 0 && recent >= rise * early ? k : nil
    }
}

/// A ramp's level (`ShortRamp`): the mean of the last `periods` values, or by season the mean
/// of each of the last `seasons` seasons' same position, repeated.
public struct RecentLevelModel: ForecastModel {
    public let name = "recent_level"
    public var periods: Int
    public var seasons: Int?
    public init(periods: Int, seasons: Int? = nil) {
        self.periods = periods
        self.seasons = seasons
    }
    public func minimumLength(season: Int) -> Int { seasons.map { $0 * max(season, 1) } ?? periods }

    public func forecast(_ y: UnsafeBufferPointer<Double>, horizon: Int, season: Int) throws -> ModelForecast? {
        guard let seasons, seasons > 0, season > 1 else {
            guard var f = try MovingAverageModel(window: periods).forecast(y, horizon: horizon, season: season) else { return nil }
            f.label = "RecentLevel(\(periods))"
            return f
        }
        let n = y.count, m = season
        guard n >= seasons * m else { return nil }
        // Each day of the week ahead: the mean of that weekday over the last `seasons` weeks.
        let byPosition = (0..<m).map { p in (1...seasons).reduce(0.0) { $0 + y[n - $1 * m + p] } / Double(seasons) }
        var sse = 0.0
        for t in (n - seasons * m)..<n { let e = y[t] - byPosition[(t - n + seasons * m) % m]; sse += e * e }
        let sigma = (sse / Double(max(1, seasons * m - 1))).squareRoot()
        return ModelForecast(mean: (0..<horizon).map { byPosition[$0 % m] }, standardDeviation: Array(repeating: sigma, count: horizon),
                             label: "RecentLevel(\(seasons) seasons)")
    }
}
