import Reports
import Tabular

/// One series' scored forecasts summed, in its stage and frequency: what names the series a
/// planner should distrust. The report gave pooled figures only (WAPE 7.9%), and a Foley
/// catheter at 42.8% and gloves whose 80% intervals held 7 of 14 actuals were nowhere in it.
public struct SeriesAccuracy: Sendable {
    public var group: ForecastTracking.Group
    public var series: String
    public var accuracy: TrackingAccuracy
}

extension ForecastTracking {
    /// Series the report names in each of its lists (all are counted).
    static let seriesShown = 10
    /// A series is named for its error with this many scored forecasts or more,
    static let worstMinimumForecasts = 3
    /// a WAPE of at least this and at least `worstFactor` times its stage's,
    static let worstWAPE = 0.2
    static let worstFactor = 2.0
    /// or above its stage's and this share of the stage's absolute error or more: a
    /// series making most of the error drags the stage's WAPE up and is never twice it (gloves
    /// at 29.0%, 82% of the stage's error, beside a stage at 20.3%, went unnamed).
    static let worstShare = 0.25
    /// and actuals of at least this much a period on average: a trickle item's 1 against 0 is
    /// a large WAPE of nothing. (Not a share of the stage's volume: gloves by the each dwarf a
    /// catheter used 8 a week, whose 42.8% was the worst forecast of the history.)
    static let worstMeanActual = 2.0
    /// A series is named for its intervals with this many actuals against an 80% interval or
    /// more, and under this share of them inside it.
    static let narrowMinimumPoints = 8
    static let narrowCoverage80 = 0.6

    /// Keeps the series forecast far worse than their stage, worst WAPE first, and those whose
    /// 80% intervals held far fewer actuals than 80%, lowest coverage first.
    mutating func rankSeries() {
        worstSeries = seriesAccuracy.filter { s in
            guard let stage = groups[s.group]?.overall else { return false }
            let a = s.accuracy
            return a.count >= ForecastTracking.worstMinimumForecasts && a.wape.isFinite
                && a.wape >= ForecastTracking.worstWAPE
                && (a.wape >= ForecastTracking.worstFactor * stage.wape
                    || (a.wape > stage.wape && a.sumAbsError >= ForecastTracking.worstShare * stage.sumAbsError))
                && a.sumAbsActual >= ForecastTracking.worstMeanActual * Double(a.count)
        }.sorted { ($0.accuracy.wape, $1.series) > ($1.accuracy.wape, $0.series) }
        narrowIntervals = seriesAccuracy.filter {
            $0.accuracy.intervals80 >= ForecastTracking.narrowMinimumPoints && $0.accuracy.coverage80 < ForecastTracking.narrowCoverage80
        }.sorted { ($0.accuracy.coverage80, $1.accuracy.intervals80, $0.series) < ($1.accuracy.coverage80, $0.accuracy.intervals80, $1.series) }
        seriesAccuracy = []
    }

    /// What a planner does about a series forecast badly: a lean one way is a level to
    /// correct, errors both ways a spread to hold stock against.
    static func advice(_ a: TrackingAccuracy, per: String, _ format: Format) -> String {
        if abs(a.bias) >= 0.5 * a.mae {
            return "forecasts run \(a.bias > 0 ? "high" : "low") by \(format.number(abs(a.bias))) a \(per) on average: check for a change in use (a new unit, a substitute item, a lost account) and review its forecast before ordering from it"
        }
        return "misses both ways: set its safety stock from these errors rather than from its intervals, and review its forecast before ordering from it"
    }

    /// The summary's line naming the worst series, if any.
    func seriesSummary(_ format: Format) -> [String] {
        var lines: [String] = []
        if !worstSeries.isEmpty {
            // A series named for its share of the stage's error says so: its WAPE alone is not far worse.
            let named = worstSeries.prefix(3).map { s -> String in
                let share = groups[s.group].map { $0.overall.sumAbsError > 0 ? s.accuracy.sumAbsError / $0.overall.sumAbsError : 0 } ?? 0
                let part = share >= ForecastTracking.worstShare ? ", \(format.percent(share)) of its stage's absolute error" : ""
                return "\(s.series) (WAPE \(format.percent(s.accuracy.wape))\(part))"
            }.joined(separator: ", ")
            let count = NumberFormat.count(worstSeries.count, "series", plural: "series")
            let their = worstSeries.count == 1 ? "its" : "their"
            let more = worstSeries.count > 3 ? " and \(worstSeries.count - 3) more" : ""
            lines.append("\(count) forecast far worse than \(their) stage: \(named)\(more); see Series to review.")
        }
        if !narrowIntervals.isEmpty {
            let named = narrowIntervals.prefix(3).map { "\($0.series) (\($0.accuracy.inside80) of \($0.accuracy.intervals80) inside)" }.joined(separator: ", ")
            let count = NumberFormat.count(narrowIntervals.count, "series", plural: "series")
            let their = narrowIntervals.count == 1 ? "its" : "their"
            let more = narrowIntervals.count > 3 ? " and \(narrowIntervals.count - 3) more" : ""
            let under = format.percent(ForecastTracking.narrowCoverage80)
            lines.append("\(count) with 80% intervals that held under \(under) of \(their) actuals: \(named)\(more); safety stock set from \(their) intervals is too low.")
        }
        return lines
    }

    /// The report's section naming the series to distrust.
    func seriesSection(_ doc: inout Report, several: Bool, _ format: Format) {
        doc.heading("Series to review")
        let stageHeader = several ? ["stage", "frequency"] : []
        let stageAlignments: [Report.Alignment] = several ? [.left, .left] : []
        func stage(_ s: SeriesAccuracy) -> [String] { several ? [s.group.stage, s.group.frequency] : [] }
        if worstSeries.isEmpty {
            doc.paragraph("No series with \(ForecastTracking.worstMinimumForecasts) scored forecasts or more and actuals of \(NumberFormat.fixed(ForecastTracking.worstMeanActual, decimals: 0)) or more a period on average has a WAPE of \(format.percent(ForecastTracking.worstWAPE)) or more and twice its stage's (or above it while making \(format.percent(ForecastTracking.worstShare)) or more of its absolute error).")
        } else {
            let shown = worstSeries.count > ForecastTracking.seriesShown ? " (the \(ForecastTracking.seriesShown) worst of \(worstSeries.count))" : ""
            let wape = format.percent(ForecastTracking.worstWAPE)
            doc.paragraph("Series with \(ForecastTracking.worstMinimumForecasts) scored forecasts or more and actuals of \(NumberFormat.fixed(ForecastTracking.worstMeanActual, decimals: 0)) or more a period on average, whose WAPE is \(wape) or more and twice their stage's or more (or above it while making \(format.percent(ForecastTracking.worstShare)) or more of its absolute error), worst first\(shown): do not order from these forecasts unchecked.")
            var rows: [[String]] = []
            for s in worstSeries.prefix(ForecastTracking.seriesShown) {
                let per = s.group.frequency.isEmpty ? "period" : s.group.frequency
                let figures = [String(s.accuracy.count), format.percent(s.accuracy.wape), format.number(s.accuracy.mae), format.number(s.accuracy.bias)]
                rows.append([s.series] + stage(s) + figures + [ForecastTracking.advice(s.accuracy, per: per, format)])
            }
            doc.table(["series"] + stageHeader + ["forecasts", "WAPE", "MAE", "bias", "what to do"], rows,
                      alignments: [.left] + stageAlignments + [.right, .right, .right, .right, .left])
        }
        if narrowIntervals.isEmpty {
            doc.paragraph("No series with \(ForecastTracking.narrowMinimumPoints) actuals or more against an 80% interval had under \(format.percent(ForecastTracking.narrowCoverage80)) of them inside it.")
        } else {
            let shown = narrowIntervals.count > ForecastTracking.seriesShown ? " (the \(ForecastTracking.seriesShown) lowest of \(narrowIntervals.count))" : ""
            let under = format.percent(ForecastTracking.narrowCoverage80)
            doc.paragraph("Series whose 80% intervals held under \(under) of \(ForecastTracking.narrowMinimumPoints) actuals or more, lowest first\(shown): the intervals are too narrow, so safety stock and reorder points set from them are too low and stock-outs more likely than planned. Set their safety stock from the tracked errors, or at a higher service level.")
            var rows: [[String]] = []
            for s in narrowIntervals.prefix(ForecastTracking.seriesShown) {
                let figures = [String(s.accuracy.intervals80), format.percent(s.accuracy.coverage80), format.percent(s.accuracy.coverage95), format.number(s.accuracy.bias)]
                rows.append([s.series] + stage(s) + figures)
            }
            doc.table(["series"] + stageHeader + ["actuals against an 80% interval", "inside", "inside 95%", "bias"], rows,
                      alignments: [.left] + stageAlignments + [.right, .right, .right, .right])
        }
    }
}
