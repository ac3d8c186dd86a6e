import ArgumentParser
import Forecasting
import Pipeline
import Tabular

/// Flags of the commands that read a long series export (`aggregate`, `forecast`).
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Long-format CSV (- for standard input).", valueName: "path"))
    var input: String

    // Without these three a file headed item,date,quantity is read, or else aggregate's own
    // series,period,value (from a file or standard input, so aggregate pipes into forecast).
    @Option(help: ArgumentHelp("Header of the series key column (default: item, or series in aggregate's output).", valueName: "header"))
    var series: String?

    @Option(help: ArgumentHelp("Header of the date or period column (default: date, or period in aggregate's output).", valueName: "header"))
    var date: String?

    @Option(help: ArgumentHelp("Header of the value column (default: quantity, or value in aggregate's output).", valueName: "header"))
    var value: String?

    @Option(help: ArgumentHelp("day, week, month, quarter or year (default: month).", valueName: "frequency"))
    var frequency: String?

    @Option(help: ArgumentHelp("A period without rows is zero (usage) or missing (census and other levels: neither fitted nor written as zero). Default: missing when the value column's header names a level (patient_days, census, occupancy), else zero.", valueName: "zero|missing"))
    var gaps: String?

    @Option(help: ArgumentHelp("A first or last period the file's dates cover only in part: drop (left out, with a note) or keep.", valueName: "drop|keep"))
    var partial = "drop"

    @OptionGroup var inputOptions: InputOptions<OneInput>

    @Option(help: ArgumentHelp("Where rejected rows go (default: beside the output as NAME.rejects.csv).", valueName: "path"))
    var rejects: String?

    /// The import, once the flags are checked and no file the command writes is its input:
    /// `--out`, the rejects file, the lock beside `--out` and `writing` (forecast's accuracy
    /// file and history), each against `--input` and against each other, before anything is
    /// written.
    func seriesImport(command: String, output: String, writing others: [OutputGuard.Named] = []) throws -> SeriesImport {
        guard let parsed = Frequency(rawValue: frequency ?? "month") else {
            throw UsageError("--frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", ")), not '\(frequency ?? "")'")
        }
        let gapPolicy = try gaps.map { text in
            guard let policy = GapPolicy(rawValue: text) else { throw UsageError("--gaps must be zero or missing, not '\(text)'") }
            return policy
        }
        guard let partialPolicy = PartialPolicy(rawValue: partial) else {
            throw UsageError("--partial must be drop or keep, not '\(partial)'")
        }
        // CSV text under a spreadsheet's name is refused before anything is read or written.
        try OutputPaths.refuseSpreadsheetName(output, flag: "--out", command: command)
        if let rejects { try OutputPaths.refuseSpreadsheetName(rejects, flag: "--rejects", command: command) }
        let rejectsPath = rejects ?? OutputPaths.defaultRejectsPath(for: output)
        var written = [OutputGuard.Named(output, "--out", remedy: "choose another output path")]
        if let rejects {
            written.append(.init(rejects, "--rejects", remedy: "choose another path for --rejects"))
        } else if let rejectsPath {
            written.append(.init(rejectsPath, "the rejects file beside --out", remedy: "give --rejects another path, or choose another --out"))
        }
        written += others
        if output != "-", !OutputPaths.isDevice(output) {
            written.append(.init(OutputLock.path(for: output), "the lock file beside --out", remedy: "choose another --out"))
        }
        try OutputGuard(inputs: [.init(input, "--input", remedy: "")], files: written).check()
        var source = SeriesImport(input: input)
        source.seriesColumn = series
        source.dateColumn = date
        source.valueColumn = value
        source.frequency = parsed
        source.frequencyGiven = frequency != nil
        source.gaps = gapPolicy
        source.partial = partialPolicy
        source.options = try inputOptions.importOptions(command: command)
        source.options.rejectsPath = rejectsPath
        source.shard = try inputOptions.parsedShard()
        source.unpivot = try inputOptions.unpivotSettings()
        return source
    }
}
