import History
import Reports
import Tabular

/// `track`: scores every forecast a run history archived against the actuals later runs
/// recorded (forecast_tracking.csv, forecast_tracking.md); its table is the accuracy by stage,
/// frequency and lag.
///
/// It reads the history as it was when the stage started: the run it belongs to is appended
/// only after all its outputs are in place, so it scores earlier runs.
public struct TrackStage: Stage {
    public static let kind = "track"
    public static let summary = "Score archived forecasts of a run history against the actuals later runs recorded."
    public static let outputs = ["accuracy"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("history", .inputFile, "the history database (default: the run's --history or history:)"),
    ]

    /// Nil reads the run's own history.
    public var history: String?
    public var inputFiles: [String] { history.map { [$0] } ?? [] }

    public init(history: String? = nil) { self.history = history }

    public init(parameters p: StageParameters) throws {
        self.init(history: try p.string("history"))
    }

    public var outputFiles: [String] { ["forecast_tracking.csv", "forecast_drift.csv"] + Self.reportFiles("forecast_tracking", charts: ["wape_by_lag", "wape_by_lag_*"]) }

    public func run(_ context: StageContext) throws -> [String: Table] {
        guard let path = history.map(context.resolve) ?? context.history else {
            throw PipelineError(location: nil, "stage '\(context.stage)': no history to track; give the stage history: FILE, or the run --history FILE")
        }
        let database = try RunHistory.openForReading(path)
        let csv = context.output("forecast_tracking.csv")
        let tracking = try ForecastTracking.score(database, csv: csv)
        // Every drifting series, with its signal: the report lists the strongest only, and
        // forecast_tracking.csv (whose columns are the contract) has no signal to find the rest by.
        try tracking.writeDrift(csv: context.output("forecast_drift.csv"))
        // The history is the report's input: the manifest and the About sheet name it, with
        // its checksum and the forecasts it held (they listed no input at all).
        context.recordInput(path: path, rows: tracking.archivedForecasts)
        var document = tracking.report(history: path, numbers: context.reports.numbers)
        // The run's own forecasts and actuals reach its history only when the whole run has
        // succeeded, after this stage: its report is the history as it stood before the run
        // (it had said no actual was in yet when this run's data held them).
        let ownRun = context.history == path
        let ownRunNote = "this run's own forecasts and actuals are appended to the history when the run succeeds, after this stage; the next run, or quartermaster track --history \(path), scores them"
        if ownRun { document.paragraph("Scored from the history as it stood before this run: " + ownRunNote + ".") }
        // The scored forecasts as a sheet: the workbook held the summary's headings alone.
        if context.reports.formats.contains(.xlsx) {
            // The CSV's text as it was before CSVWriter neutralised it (`'=SUM(A1:A2)`): the
            // workbook types strings as strings and never writes a formula, so the sheet held
            // a name no other sheet (nor the history) spelt so.
            var scored = try Table.read(csv, text: ["series", "period", "stage"])
            for name in ["series", "stage"] {
                if let values = scored.texts(name) { scored.replace(name, with: .text(values.map(TrackStage.unneutralised))) }
            }
            document.sheet(scored.reportSheet("Tracked forecasts", styles: [
                "lag": WorkbookSheets.quantity, "run_id": WorkbookSheets.quantity, "forecast": WorkbookSheets.tenths, "actual": WorkbookSheets.tenths,
                "error": WorkbookSheets.tenths, "seasonal_naive": WorkbookSheets.tenths,
            ], highlights: []))
            // The drifting series whole, as the report's table lists only the strongest.
            if !tracking.drifting.isEmpty { document.sheet(TrackStage.driftSheet(tracking.drifting)) }
        }
        try context.write(document, name: "forecast_tracking")
        context.note("\(tracking.scored) of \(tracking.archivedForecasts) archived forecasts scored from \(path)\(tracking.repeatsNote); \(tracking.drifting.count) drifting series" + (tracking.judgedOnOneRun > 0 ? " (\(tracking.judgedOnOneRun) not judged yet: forecasts of one run scored)" : "") + (tracking.seriesKeysDiffer ? "; " + ForecastTracking.seriesKeysNote : "") + (tracking.unrecorded > 0 ? "; " + tracking.unrecordedNote : "") + (tracking.renamesNote.map { "; " + $0 } ?? "") + (tracking.absentNote.map { "; " + $0 } ?? "") + (tracking.unitChangesNote.map { "; " + $0 } ?? "") + (tracking.stoppedNote.map { "; " + $0 } ?? "") + (ownRun ? "; " + ownRunNote : ""))
        // One row per stage, frequency and lag: stages are scored apart (units and lags differ).
        var stages: [String] = [], frequencies: [String] = [], lags: [Double] = [], rows: [TrackingAccuracy] = []
        for group in tracking.groups.keys.sorted() {
            for (lag, accuracy) in tracking.groups[group]!.byLag.sorted(by: { $0.key < $1.key }) {
                stages.append(group.stage); frequencies.append(group.frequency); lags.append(Double(lag)); rows.append(accuracy)
            }
        }
        return ["accuracy": Table([("stage", .text(stages)), ("frequency", .text(frequencies)), ("lag", .number(lags)), ("forecasts", .number(rows.map { Double($0.count) })),
                                   ("mae", .number(rows.map(\.mae))), ("wape", .number(rows.map(\.wape))), ("bias", .number(rows.map(\.bias))),
                                   ("value_added", .number(rows.map(\.valueAdded))), ("coverage80", .number(rows.map(\.coverage80))),
                                   ("coverage95", .number(rows.map(\.coverage95)))])]
    }

    /// `'=SUM(A1)` read back from a CSV as the text written (`=SUM(A1)`): CSVWriter prefixes
    /// `'` only to text a spreadsheet would run, so one before such text is always its own.
    static func unneutralised(_ text: String) -> String {
        guard text.hasPrefix("'") else { return text }
        var text = text
        return text.withUTF8 { String(decoding: ImportRow.unwrapped($0), as: UTF8.self) }
    }

    /// The workbook's "Drifting series" sheet: every series forecast_drift.csv lists, typed.
    static func driftSheet(_ drifting: [ForecastTracking.Drifting]) -> ReportSheet {
        ReportSheet(name: "Drifting series", columns: [
            .init("series", .text(drifting.map(\.series))),
            .init("stage", .text(drifting.map(\.stage))),
            .init("frequency", .text(drifting.map(\.frequency))),
            .init("runs", .number(drifting.map { Double($0.errors.count) }), style: WorkbookSheets.quantity),
            .init("tracking signal", .number(drifting.map(\.trackingSignal)), style: WorkbookSheets.tenths),
            .init("sum of errors", .number(drifting.map(\.sumOfErrors)), style: WorkbookSheets.tenths),
            .init("MAD", .number(drifting.map(\.meanAbsoluteError)), style: WorkbookSheets.tenths),
            .init("forecasts", .text(drifting.map(\.direction))),
        ])
    }
}
