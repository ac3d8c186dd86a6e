import ArgumentParser
import Forecasting
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// Flags of the commands that read a long series export (`aggregate`, `forecast`).
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Long-format CSV (- for standard input).", valueName: "path"))
    var input: String

    // Without these three a file headed item,date,quantity is read, or else aggregate's own
    // series,period,value (from a file, not standard input).
    @Option(help: ArgumentHelp("Header of the series key column (default: item, or series in aggregate's output).", valueName: "header"))
    var series: String?

    @Option(help: ArgumentHelp("Header of the date or period column (default: date, or period in aggregate's output).", valueName: "header"))
    var date: String?

    @Option(help: ArgumentHelp("Header of the value column (default: quantity, or value in aggregate's output).", valueName: "header"))
    var value: String?

    @Option(help: ArgumentHelp("day, week, month, quarter or year.", valueName: "frequency"))
    var frequency = "month"

    @Option(help: ArgumentHelp("A period without rows is zero (usage) or missing (census and other levels: neither fitted nor written as zero).", valueName: "zero|missing"))
    var gaps = "zero"

    @Option(help: ArgumentHelp("A first or last period the file's dates cover only in part: drop (left out, with a note) or keep.", valueName: "drop|keep"))
    var partial = "drop"

    @OptionGroup var inputOptions: InputOptions

    @Option(help: ArgumentHelp("Where rejected rows go (default: beside the output as NAME.rejects.csv).", valueName: "path"))
    var rejects: String?

    func seriesImport(output: String) throws -> SeriesImport {
        guard let parsed = Frequency(rawValue: frequency) else {
            throw UsageError("--frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", ")), not '\(frequency)'")
        }
        guard let gapPolicy = GapPolicy(rawValue: gaps) else {
            throw UsageError("--gaps must be zero or missing, not '\(gaps)'")
        }
        guard let partialPolicy = PartialPolicy(rawValue: partial) else {
            throw UsageError("--partial must be drop or keep, not '\(partial)'")
        }
        if SeriesOptions.sameFile(input, output) {
            throw UsageError("--out names the input file \(input); writing there would replace the export, so choose another output path")
        }
        var source = SeriesImport(input: input)
        source.seriesColumn = series
        source.dateColumn = date
        source.valueColumn = value
        source.frequency = parsed
        source.gaps = gapPolicy
        source.partial = partialPolicy
        source.options = try inputOptions.importOptions()
        source.options.rejectsPath = rejects ?? InputOptions.defaultRejectsPath(for: output)
        source.shard = try inputOptions.parsedShard()
        source.unpivot = try inputOptions.unpivotSettings()
        return source
    }

    /// True when both paths name one existing file (same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-" else { return false }
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
