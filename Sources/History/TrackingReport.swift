import Reports
import Tabular

extension ForecastTracking {
    /// Series listed in the report's drifting table (all of them are counted).
    static let driftingShown = 25
    /// Lags drawn in the chart of accuracy over runs.
    static let lagsCharted = 6

    /// How many series have scored forecasts from one run only, which no signal judges yet.
    var oneRunNote: String? {
        judgedOnOneRun == 0 ? nil
            : "\(NumberFormat.count(judgedOnOneRun, "series", plural: "series")) \(judgedOnOneRun == 1 ? "has" : "have") scored forecasts from one run only: drift is judged once a later run's are scored too"
    }

    /// forecast_tracking.md: how good the archived forecasts were once their actuals came in,
    /// per stage and frequency (`groups`), negatives written as `numbers` says.
    public func report(history: String, numbers: NumberStyle = NumberStyle()) -> Report {
        let format = Format(numbers: numbers)
        let scoredGroups = groups.keys.sorted()
        let several = scoredGroups.count > 1
        var summary = ["\(archivedForecasts) forecasts archived by \(runs.count) run\(runs.count == 1 ? "" : "s") in \(history); \(scored) have an actual recorded by a later run\(repeatsNote)."]
        if scored > 0 {
            if several {
                summary.append("The figures are per stage and frequency, never pooled: stages forecast different things in different units (dollars, units), and a lag is a week in one and a month in another.")
            }
            for group in scoredGroups {
                let overall = groups[group]!.overall
                let per = group.frequency.isEmpty ? "period" : group.frequency
                let noIntervals = overall.coverage80.isNaN && overall.coverage95.isNaN
                    ? " (the scored forecasts have no 80% or 95% interval archived: their runs forecast at other levels, or without intervals)" : ""
                let figures = "WAPE \(format.percent(overall.wape)), bias \(format.number(overall.bias)) a \(per) (forecast - actual), value added over the seasonal naive forecast \(format.percent(overall.valueAdded))"
                let coverage = "\(format.percent(overall.coverage80)) inside the 80% intervals, \(format.percent(overall.coverage95)) inside the 95% ones\(noIntervals)"
                if several {
                    summary.append("\(ForecastTracking.title(group)): \(overall.count) scored; \(figures); \(coverage).\(ForecastTracking.readings(overall, format).map { " " + $0 } .joined())")
                } else {
                    summary.append("Overall \(figures).")
                    summary.append("Interval coverage: \(coverage).")
                    summary += ForecastTracking.readings(overall, format)
                }
            }
            summary += seriesSummary(format)
            let oneOffs = drifting.filter { $0.oneOff != nil }.count
            summary.append("\(drifting.count) series drift (|tracking signal| above \(NumberFormat.fixed(ForecastTracking.signalThreshold, decimals: 0)))" + (oneOffs == 0 ? "" : ", \(oneOffs) of them by one period's error (a late or corrected posting?) more than a lean") + "." + (oneRunNote.map { " " + $0 + "." } ?? ""))
        } else if seriesKeysDiffer {
            summary.append(ForecastTracking.seriesKeysNote + ".")
        } else if unrecorded == 0 && absent.isEmpty && stopped.isEmpty {
            summary.append("No archived forecast has its actual yet: run again with the same --history once new periods are in the data.")
        }
        if unrecorded > 0 { summary.append(unrecordedNote) }
        if let renamesNote { summary.append(renamesNote.prefix(1).uppercased() + renamesNote.dropFirst() + ".") }
        if let absentNote { summary.append(absentNote + ".") }
        if let unitChangesNote { summary.append(unitChangesNote + ".") }
        if let stoppedNote { summary.append(stoppedNote.prefix(1).uppercased() + stoppedNote.dropFirst() + ".") }
        var doc = Report(title: "Forecast tracking", summary: summary)
        doc.keyFigure("Forecasts scored", Double(scored))
        for group in scoredGroups {
            let overall = groups[group]!.overall
            let suffix = several ? ", " + ForecastTracking.title(group) : ""
            doc.keyFigure("WAPE" + suffix, overall.wape, style: .percent)
            doc.keyFigure("Value added over seasonal naive" + suffix, overall.valueAdded, style: .percent)
        }
        doc.paragraph("Each archived forecast is scored against the actual recorded for its series and period by the run with the most recent data (the later run when two saw the same last period); one forecast counts for each series, period and data cutoff (the last period the run saw): a re-run from the same data (another setting, a corrected export) replaces the earlier run's forecast, and one repeating its value is scored once, under the first run that made it. Error = forecast - actual. WAPE = sum of absolute errors / sum of absolute actuals. Value added = 1 - MAE / MAE of the seasonal naive forecast (the value one season earlier) over the same forecasts: above 0 the engine beat it. Coverage = share of actuals inside the interval, against the nominal 80% and 95%.")
        let header = ["forecasts", "MAE", "WAPE", "bias", "value added", "inside 80%", "inside 95%"]
        // Several groups: a stage and a frequency column first.
        let keyHeader = several ? ["stage", "frequency"] : []
        func key(_ group: Group) -> [String] { several ? [group.stage, group.frequency] : [] }
        let keyAlignments: [Report.Alignment] = several ? [.left, .left] : []
        doc.heading("Accuracy by lag")
        doc.table(keyHeader + ["lag"] + header, scoredGroups.flatMap { group in
            groups[group]!.byLag.sorted { $0.key < $1.key }.map { key(group) + [String($0.key)] + format.cells($0.value) }
        }, alignments: keyAlignments + Array(repeating: .right, count: header.count + 1))
        doc.heading("Accuracy by demand class")
        doc.table(keyHeader + ["demand class"] + header, scoredGroups.flatMap { group in
            groups[group]!.byClass.sorted { $0.key < $1.key }.map { key(group) + [$0.key] + format.cells($0.value) }
        }, alignments: keyAlignments + [.left] + Array(repeating: .right, count: header.count))
        for (k, group) in scoredGroups.enumerated() {
            lagsOverRuns(&doc, groups[group]!, name: k == 0 ? "wape_by_lag" : "wape_by_lag_\(k + 1)", of: several ? ForecastTracking.title(group) : nil, format)
        }
        seriesSection(&doc, several: several, format)
        doc.heading("Drifting series")
        if drifting.isEmpty {
            doc.paragraph("No series has a tracking signal (sum of its errors / their mean absolute error, one forecast a run) beyond ±\(NumberFormat.fixed(ForecastTracking.signalThreshold, decimals: 0))." + (oneRunNote.map { " " + $0 + "." } ?? ""))
        } else {
            doc.paragraph("Tracking signal = sum of a series' errors / their mean absolute error, over one forecast a run (its shortest lag scored), once two runs or more have scored forecasts (one run's lags share its one error of level); beyond ±\(NumberFormat.fixed(ForecastTracking.signalThreshold, decimals: 0)) its forecasts lean one way, unless one period's error makes most of the sum (then check that period's posting before changing the forecast). Positive: forecasts too high. \(drifting.count > ForecastTracking.driftingShown ? "The \(ForecastTracking.driftingShown) strongest of \(drifting.count); all are in forecast_drift.csv, with their signal, sum of errors, mean absolute error and direction." : "Each is in forecast_drift.csv too, with its sum of errors, mean absolute error and direction.")")
            doc.table(["series", "stage", "tracking signal", "reading", "errors (period lag: error)"], drifting.prefix(ForecastTracking.driftingShown).map { d in
                [d.series, d.stage, format.number(d.trackingSignal, decimals: 1), ForecastTracking.reading(d, format),
                 d.errors.prefix(12).map { "\($0.period) L\($0.lag): \(format.number($0.error))" }.listed(of: d.errors.count)]
            }, alignments: [.left, .left, .right, .left, .left])
        }
        doc.heading("Runs")
        doc.table(["run", "started (UTC)", "command", "as of"], runs.map { [String($0.id), $0.startedAt, $0.command, $0.asOf] },
                  alignments: [.right, .left, .left, .left])
        return doc
    }

    /// `stage 'demand' (month)`: how a group is named in the report.
    static func title(_ group: Group) -> String {
        "stage '\(group.stage)'" + (group.frequency.isEmpty ? "" : " (\(group.frequency))")
    }

    /// WAPE by lag for each run that has scored forecasts in a group: does accuracy hold up run
    /// to run? `name` names the figure's file; `title` the group, when there are several.
    private func lagsOverRuns(_ doc: inout Report, _ group: GroupAccuracy, name: String, of title: String?, _ format: Format) {
        let scoredRuns = Set(group.byRunLag.keys.map(\.run)).sorted()
        let allLags = Set(group.byRunLag.keys.map(\.lag)).sorted()
        let lags = Array(allLags.prefix(ForecastTracking.lagsCharted))
        guard !scoredRuns.isEmpty else { return }
        let of = title.map { ": " + $0 } ?? ""
        doc.heading("Accuracy by lag over runs" + of)
        let asOf = Dictionary(runs.map { ($0.id, $0.asOf) }, uniquingKeysWith: { a, _ in a })
        let categories = scoredRuns.map { "run \($0)" + (asOf[$0].map { $0.isEmpty ? "" : " (\($0))" } ?? "") }
        let chart = GroupedBarChart(title: "WAPE by lag, per run" + of, caption: "Each run's forecasts scored against the actuals later runs recorded; lower is better.",
                                    categories: categories,
                                    series: lags.map { lag in .init(name: "lag \(lag)", values: scoredRuns.map { (group.byRunLag[RunLag(run: $0, lag: lag)]?.wape ?? .nan) * 100 }) },
                                    format: .percent)
        doc.figure(Report.Figure(name: name, description: "WAPE by lag, per run" + of, svg: chart.svg(), chart: chart.workbookChart(categoryHeader: "Run")))
        doc.table(["run"] + lags.map { "lag \($0) WAPE" }, zip(scoredRuns, categories).map { run, label in
            [label] + lags.map { lag in group.byRunLag[RunLag(run: run, lag: lag)].map { format.percent($0.wape) } ?? "" }
        }, alignments: [.left] + lags.map { _ in .right })
        // A horizon of 18 stopped at lag 6 here without a word: the rest looked unscored.
        if allLags.count > lags.count {
            let beyond = allLags.dropFirst(lags.count)
            doc.paragraph("The chart and this table show the first \(lags.count) lags scored; lags \(beyond.first!)\(beyond.count > 1 ? " to \(beyond.last!)" : "") are in the accuracy by lag table above.")
        }
    }

    /// Forecasts without an actual though a later period of their series has one: waiting
    /// for new data does not score them, so the report says what does.
    public var unrecordedNote: String {
        let forecasts = unrecorded == 1 ? "1 archived forecast is" : "\(unrecorded) archived forecasts are"
        return "\(forecasts) of periods before the latest actual of their series but have no actual of their own: new data will not fill them. A history written by an earlier Quartermaster with older runs added after newer ones has such gaps: run the newest export again with the same --history to record the periods it read. Otherwise the data had no figure for those periods."
    }

    /// Why nothing scored when the later runs' actuals cover the forecast periods.
    public static let seriesKeysNote = "no series of the later runs' actuals matches an earlier run's forecasts, though they cover the periods forecast: check the series keys (a code written 00001 in one export and 1 in the next, or renamed, is another series)"

    /// Says how many repeats of a scored forecast, and forecasts a later run from the same
    /// data cutoff replaced, were left out, if any.
    public var repeatsNote: String {
        var notes: [String] = []
        if repeats > 0 { notes.append("\(repeats) more repeat\(repeats == 1 ? "s" : "") a forecast already scored: the same series, period, data and value from a re-run, counted once") }
        if superseded > 0 {
            notes.append("\(superseded) forecast\(superseded == 1 ? "" : "s") of \(NumberFormat.count(supersededRuns.count, "run")) (\(supersededRuns.sorted().map(String.init).joined(separator: ", "))) left out as superseded: a later run from the same data cutoff (a re-run after a settings change or a corrected export) forecast \(superseded == 1 ? "that period" : "those periods") again, and only the latest is scored")
        }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }

    /// What a stage's figures mean for a planner, when they call for something: the seasonal
    /// naive doing better, intervals holding far fewer actuals than they claim. The monthly
    /// pharmacy report said "value added -60.3%" and "60% inside the 80% intervals", no more.
    static func readings(_ a: TrackingAccuracy, _ format: Format) -> [String] {
        var lines: [String] = []
        if a.valueAdded < 0 {
            lines.append("The seasonal naive forecast (the same period a season earlier) did better than these forecasts: check them against last season's figures before ordering from them.")
        }
        if a.intervals80 >= narrowMinimumPoints, a.coverage80 < 0.7 {
            lines.append("The 80% intervals held \(format.percent(a.coverage80)) of the actuals: they are too narrow, so safety stock set from them is too low.")
        }
        return lines
    }

    /// A drifting series in words: its lean, or the one period most of it comes from.
    static func reading(_ d: Drifting, _ format: Format) -> String {
        if let oneOff = d.oneOff {
            return "most of this lean comes from \(oneOff.period) (\(format.number(oneOff.error)) of \(format.number(d.sumOfErrors)) summed): a late or corrected posting? Without it the signal is \(oneOff.signalWithout.map { format.number($0, decimals: 1) } ?? "0"); check that period before changing the forecast"
        }
        return "forecasts lean \(d.trackingSignal > 0 ? "high" : "low"), by \(format.number(abs(d.sumOfErrors) / Double(max(d.errors.count, 1)))) a forecast on average"
    }

    /// The report's numbers: `n/a` where there is none, negatives as `--negatives` says
    /// (it was accepted and ignored: a bias in dollars showed -32461.88 under parentheses).
    struct Format {
        var numbers: NumberStyle

        func cells(_ a: TrackingAccuracy) -> [String] {
            [String(a.count), number(a.mae), percent(a.wape), number(a.bias), percent(a.valueAdded), percent(a.coverage80), percent(a.coverage95)]
        }

        func percent(_ share: Double) -> String { share.isFinite ? numbers.percent(share * 100) : "n/a" }
        func number(_ value: Double, decimals: Int = 2) -> String { value.isFinite ? numbers.quantity(value, decimals: decimals) : "n/a" }
    }
}
