/// Daily series of a file that records some weekdays only (a clinic closed at weekends) are
/// forecast on their open days, and their closed days forecast nothing.
///
/// Filled in with zeros, a clinic's 20 a day from Monday to Friday reads as demand on five
/// days in seven: intermittent by its intervals (ADI 1.4), so only Croston-type models and
/// means were tried and every day, weekends too, was forecast at about 15 (105 a week against
/// 100). On its open days alone the same history is a steady 20, and a week of them is five
/// days long. With `GapPolicy.missing` the closed days would otherwise be drawn as lines
/// between Friday and Monday.
public struct OpenDaySeries: Sendable {
    public let open: OpenWeekdays

    /// Nil unless daily rows are known to skip some weekdays.
    public init?(frequency: Frequency, open: OpenWeekdays) {
        guard frequency == .day, open != .all, open.count > 0 else { return nil }
        self.open = open
    }

    /// Whether a history whose first day is `first` gets it: enough open days to learn from,
    /// and nothing on its closed days unless `strays` (`SeriesWeekdays.onlyStrayUse`): then
    /// `forecast` reads what they hold as `openDays(of:first:flows:)` says. A series with more
    /// than stray use on a weekday the file does not record is forecast as it is.
    public func applies(to history: [Double], first: Int, strays: Bool = false) -> Bool {
        var openDays = 0
        for (k, value) in history.enumerated() {
            if isOpen(first + k) { openDays += 1 } else if !strays && !(value == 0 || value.isNaN) { return false }
        }
        return openDays > 0
    }

    /// The history's open days (their indices in it) and what the models learn from on each.
    ///
    /// For `flows` (usage: `GapPolicy.zero`) an open day also holds what the closed days since
    /// the open day before it hold, a stray Sunday's use read with the Monday after it, so the
    /// total is kept as a month's is (left out, the days were forecast a little under the
    /// months); a missing open day passes it on to the next recorded one. What would be read
    /// with an open day of the history's last week (its last 7 days), or falls after its last
    /// open day, is left out: the models carry the last week forward (seasonal naive copies
    /// it), and a clinic's weekend strays read with its last Monday made every Monday 88 where
    /// it used 28 (200 a week for 140), added to its last Friday 179.65 a week. A return on a
    /// closed day (a negative value) is left out too: a credit of 100 posted on a clinic's
    /// Saturday is no use to take off its Monday's (-72, then 0 every Monday). For levels (a
    /// census, `GapPolicy.missing`) a closed day's value is a level, not an amount used: summed
    /// into the Monday, a census of 20 was forecast 26.5; it is left out.
    func openDays(of history: [Double], first: Int, flows: Bool) -> (indices: [Int], values: [Double]) {
        var indices: [Int] = [], values: [Double] = []
        indices.reserveCapacity(history.count * open.count / 7 + 1)
        values.reserveCapacity(history.count * open.count / 7 + 1)
        let lastWeek = history.count - 7
        var pending = 0.0
        for (k, value) in history.enumerated() {
            if isOpen(first + k) {
                indices.append(k)
                if value.isNaN || pending == 0 {
                    values.append(value)
                } else {
                    values.append(k >= lastWeek ? value : value + pending)
                    pending = 0
                }
            } else if flows && value > 0 {
                pending += value
            }
        }
        return (indices, values)
    }

    @inline(__always)
    func isOpen(_ day: Int) -> Bool { open.contains(Frequency.day.firstDay(of: day)) }

    /// Forecasts a history whose first day is `first` on its open days, with a season of one
    /// week of them (`open.count`) where it was a week; closed days ahead get zero with no
    /// spread. What the closed days hold is read as `openDays(of:first:flows:)` says. Also
    /// returns the history the models saw, put back on its days (closed days 0).
    public func forecast(_ history: [Double], first: Int, flows: Bool = true, with forecaster: DemandForecaster) throws -> (forecast: SeriesForecast, fitted: [Double]) {
        let (openIndices, compressed) = openDays(of: history, first: first, flows: flows)
        var settings = forecaster.settings
        let horizon = settings.horizon
        let ahead = (0..<horizon).map { isOpen(first + history.count + $0) }
        settings.horizon = max(1, ahead.filter { $0 }.count)
        if settings.season == 7 { settings.season = open.count }
        settings.longCycle = settings.longCycle.map { $0 * Double(open.count) / 7 }
        let (forecast, filled) = try DemandForecaster(settings: settings).forecast(allowingGaps: compressed)

        // The fitted history (missing open days at either end dropped, as `MissingPeriods`
        // does) back on its days, through the closed days after the last open one: the history
        // ends on the file's last day, as the run history's seasonal naive reads it (ended on
        // a Friday, a clinic's Sunday forecast was set beside the Friday a week before).
        let leading = compressed.prefix(while: \.isNaN).count
        var fitted: [Double] = []
        if !filled.isEmpty {
            let from = openIndices[leading], through = openIndices[leading + filled.count - 1]
            var j = 0
            for k in from...through {
                if isOpen(first + k) { fitted.append(filled[j]); j += 1 } else { fitted.append(0) }
            }
            for k in (through + 1)..<max(through + 1, history.count) {
                guard !isOpen(first + k) else { break }
                fitted.append(0)
            }
        }
        return (forecast.spread(onto: ahead), fitted)
    }
}

extension SeriesForecast {
    /// A forecast of the open days, laid on the days ahead: `open[k]` says whether day `k` is
    /// one; the others get zero. The backtest's horizon, counted in open days, is counted in
    /// days too: a clinic open Monday to Friday backtested on all 20 of the 28 days' open days
    /// was called "too short to backtest 28 periods ahead (clinic: 20)".
    func spread(onto open: [Bool]) -> SeriesForecast {
        func lay(_ values: [Double]) -> [Double] {
            var j = 0
            return open.map { isOpen in
                guard isOpen else { return 0 }
                defer { j += 1 }
                return j < values.count ? values[j] : 0
            }
        }
        var f = self
        f.backtestHorizon = Self.days(through: backtestHorizon, openDays: open)
        f.mean = lay(mean)
        f.lower = lower.map(lay)
        f.upper = upper.map(lay)
        f.spread = lay(spread)
        return f
    }

    /// The days ahead through the `steps`-th open one; all of them when `steps` reaches the
    /// last open day ahead (or there is none); 0 stays 0 (no backtest).
    static func days(through steps: Int, openDays open: [Bool]) -> Int {
        guard steps > 0 else { return 0 }
        var seen = 0
        for (k, isOpen) in open.enumerated() where isOpen {
            seen += 1
            if seen == steps { return seen == open.filter({ $0 }).count ? open.count : k + 1 }
        }
        return open.count
    }
}
