import Forecasting
import History
import Reports
import Tabular

/// One kind of pipeline step (import, aggregate, forecast, ...): a small value built from
/// its parameters, run on its input tables, producing named output tables.
///
/// The same type serves YAML pipelines (through `StageRegistry`) and Swift code, where an
/// analyst builds stages as plain values; a custom stage is a new conforming type plus one
/// `register` call.
public protocol Stage: Sendable {
    /// The `kind:` written in YAML.
    static var kind: String { get }
    /// One line for `quartermaster stages`.
    static var summary: String { get }
    static var parameters: [ParameterSpec] { get }
    /// Tables this kind produces; the first is the stage's default output.
    static var outputs: [String] { get }

    init(parameters: StageParameters) throws

    /// Other stages this one reads, as written: `stage` or `stage.table`.
    var inputs: [String] { get }

    /// Files this stage reads, as written (relative to the pipeline): the runner refuses an
    /// output folder that holds one, since a run replaces that folder whole.
    var inputFiles: [String] { get }

    /// Files this stage may write into the output folder (its CSVs, its reports in every
    /// format and their charts; a `*` stands for a number, as in `reorder_outlook_*.svg`):
    /// `validate` refuses another stage or an export writing one of them, or a file the run
    /// writes itself (`index.md`), which the run found only after all the work was done.
    var outputFiles: [String] { get }

    /// Checks that need the file system (files exist, headers have the columns), run by
    /// `validate` before anything executes. Reads headers only.
    func check(_ context: ValidationContext) -> [PipelineError]

    func run(_ context: StageContext) throws -> [String: Table]
}

extension Stage {
    public var inputs: [String] { [] }
    public var inputFiles: [String] { [] }
    public var outputFiles: [String] { [] }

    /// A report's files under `name`, in every format a run may write, and its `charts`
    /// beside the Markdown (`name_CHART.svg`, as `Report.figureFile` names them).
    static func reportFiles(_ name: String, charts: [String] = []) -> [String] {
        ReportFormat.allCases.map { name + "." + $0.fileExtension } + charts.map { name + "_" + $0 + ".svg" }
    }
    public func check(_ context: ValidationContext) -> [PipelineError] { [] }
}

/// What `validate` knows when checking a stage.
public struct ValidationContext: Sendable {
    public var pipelineDirectory: String
    public var stage: String
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
    public var calendar = PipelineCalendar()

    public func resolve(_ path: String) -> String { PipelinePaths.resolve(path, relativeTo: pipelineDirectory) }

    public func error(_ parameter: String?, _ message: String) -> PipelineError {
        PipelineError(location: parameter.flatMap { overriddenKey(of: $0, namedIn: message) ?? locations[$0] } ?? location, "stage '\(stage)': \(message)")
    }

    /// The `--set` that gave the key of map `parameter` a message is about (`--set
    /// data.columns.quantity=valu`, "sends quantity to 'valu'"): the fault is the command
    /// line's, where it was reported at the YAML line of the map the override went into.
    func overriddenKey(of parameter: String, namedIn message: String) -> SourceLocation? {
        ValidationContext.overriddenKey(in: locations, of: parameter, namedIn: message)
    }

    /// `overriddenKey(of:namedIn:)` over any stage's locations: `StageParameters.error` asks it
    /// too, or a `--set data.where.itm=B` into a YAML `where:` map was reported at that map's line.
    static func overriddenKey(in locations: [String: SourceLocation], of parameter: String, namedIn message: String) -> SourceLocation? {
        locations.sorted { $0.key < $1.key }.first { key, place in
            guard place.line == 0, place.file.hasPrefix("--set "), key.hasPrefix(parameter + ".") else { return false }
            let name = String(key.dropFirst(parameter.count + 1))
            let value = place.file.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return message.contains("'\(name)'") || message.contains(" \(name) ") || (!value.isEmpty && message.contains("'\(value)'"))
        }?.value
    }
}

/// What a running stage gets: its inputs, where to write, the calendar, and a log of the
/// files it read (for the manifest).
public final class StageContext: @unchecked Sendable {
    public let stage: String
    public let pipelineDirectory: String
    /// The temporary output folder; files move into place only when the whole run succeeds.
    public let outputDirectory: String
    public let calendar: PipelineCalendar
    public let threads: Int
    public let quiet: Bool
    /// The run's report format and number style.
    public let reports: ReportOptions
    let tables: [String: Table]
    let inputNames: [String: String]
    private(set) var filesRead: [ManifestInput] = []
    /// How the stage's import read its slash dates, left to it (`ImportSummary.slashDateOrder`):
    /// the run compares its inputs' (`PipelineRunner.dateOrderNote`).
    var slashDateOrder: (file: String, table: String, order: SlashDateOrder)?
    private(set) var filesWritten: [String] = []
    private(set) var notes: [String] = []
    /// Which of `notes` are the stage's summary (an import's counts, a plan's totals), not a
    /// note on the data: a canned command's `--quiet` folds them into its one summary line.
    private(set) var summaries: Set<Int> = []
    private(set) var reportsWritten: [ReportSummary] = []
    /// Workbooks asked for; the runner writes them after the last stage, when it knows every
    /// input and parameter their About sheet lists.
    private(set) var workbooks: [(report: Report, name: String)] = []
    private(set) var costReductions: [CostReduction] = []
    /// The run's history database (`--history`, `history:`), nil when the run keeps none.
    public let history: String?
    /// The shard the run's imports keep (`--shard`), which its reports name; nil for a whole run.
    var shard: ShardKey?
    /// What forecasting stages give the history; appended after the run's outputs are in place.
    private(set) var historyRecords: [StageRecord] = []

    init(stage: String, pipelineDirectory: String, outputDirectory: String, calendar: PipelineCalendar,
         threads: Int, quiet: Bool, reports: ReportOptions = ReportOptions(), tables: [String: Table], inputNames: [String: String] = [:],
         history: String? = nil) {
        self.history = history
        self.stage = stage
        self.pipelineDirectory = pipelineDirectory
        self.outputDirectory = outputDirectory
        self.calendar = calendar
        self.threads = threads
        self.quiet = quiet
        self.reports = reports
        self.tables = tables
        self.inputNames = inputNames
    }

    /// The table an input reference (`stage` or `stage.table`) names.
    public func table(_ reference: String) throws -> Table {
        guard let table = tables[reference] else {
            throw PipelineError(location: nil, "stage '\(stage)': input '\(reference)' has not been produced")
        }
        return table
    }

    public func resolve(_ path: String) -> String { PipelinePaths.resolve(path, relativeTo: pipelineDirectory) }

    /// A path in the output folder for a file this stage writes.
    public func output(_ name: String) -> String {
        filesWritten.append(name)
        return outputDirectory + "/" + name
    }

    public func recordInput(path: String, rows: Int) {
        recordInput(path: path, rows: rows, sha256: (try? SHA256.hexDigest(ofFile: path)) ?? "")
    }

    /// Records an input whose checksum the stage already has (computed while it read the file).
    public func recordInput(path: String, rows: Int, sha256: String) {
        filesRead.append(ManifestInput(path: path, sha256: sha256, rows: rows))
    }

    public func note(_ text: String) { notes.append(text) }

    /// A note that sums up what the stage did (`387 items planned as of ...`; an import's
    /// `rows read, accepted, rejected`), printed as a note in a pipeline's run.
    public func summary(_ text: String) {
        summaries.insert(notes.count)
        notes.append(text)
    }

    /// Writes a report (and its charts) in each of the run's formats; the run's index links it
    /// and repeats its executive summary. Returns the file the index links (`reorder.md`, or
    /// `reorder.xlsx` when workbooks are the only format).
    @discardableResult
    public func write(_ report: Report, name: String) throws -> String {
        let report = shard.map { key in
            report.scoped("shard \(key.shard)", sentence: "This is shard \(key.shard) of the run, split by \(key.columns.joined(separator: " and ")): its figures cover only the rows whose \(key.columns.joined(separator: " and ")) falls in this shard, not the whole hospital.")
        } ?? report
        for format in reports.formats {
            if format == .xlsx {
                workbooks.append((report, name))
                filesWritten.append(name + ".xlsx")
            } else {
                filesWritten += try ReportWriter.write(report, name: name, in: outputDirectory, format: format)
            }
        }
        let linked = name + "." + (reports.formats.contains(reports.pageFormat) ? reports.pageFormat : .xlsx).fileExtension
        reportsWritten.append(ReportSummary(file: linked, title: report.title, summary: report.summary))
        return linked
    }

    /// Forecasts and actuals for the run's history (only kept when the run has one).
    public func record(_ forecasts: StageRecord) { historyRecords.append(forecasts) }

    /// A saving the run found, for the index's cost-reduction section.
    public func costReduction(_ item: CostReduction) { costReductions.append(item) }
}

/// A report as the index shows it: where it is and what it says first.
public struct ReportSummary: Sendable {
    public var file: String
    public var title: String
    public var summary: [String]
}

/// Money management could save or is losing, found by one stage: the first thing asked of a run.
public struct CostReduction: Sendable {
    /// What kind: "Inventory above target", "Overtime and agency premium", ...
    public var area: String
    public var detail: String
    /// Dollars per year (or over the plan, as `detail` says); positive = could be saved.
    public var amount: Double
    /// The report with the evidence.
    public var report: String

    public init(area: String, detail: String, amount: Double, report: String) {
        self.area = area
        self.detail = detail
        self.amount = amount
        self.report = report
    }
}

/// The calendar every stage shares.
public struct PipelineCalendar: Sendable, Equatable {
    /// The periods stages work in when they do not say; nil when the pipeline does not say
    /// either (aggregate and forecast then work by month, staffing by week).
    public var frequency: Frequency?
    /// First month of the fiscal year (1-12); nil when the pipeline does not say (July, unless a
    /// budget's `fiscal_year` labels say otherwise).
    public var fiscalYearStart: Int?
    public init(frequency: Frequency? = nil, fiscalYearStart: Int? = nil) {
        self.frequency = frequency
        self.fiscalYearStart = fiscalYearStart
    }
}

enum PipelinePaths {
    static func resolve(_ path: String, relativeTo directory: String) -> String {
        if path.hasPrefix("/") || path == "-" { return path }
        return directory.isEmpty || directory == "." ? path : directory + "/" + path
    }
}
