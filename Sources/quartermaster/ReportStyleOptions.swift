import ArgumentParser
import Pipeline
import Reports
import Tabular

/// How reports are written, shared by `run` and the canned commands.
struct ReportStyleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Reports as a list of md (Markdown with SVG charts beside), html (standalone pages, charts inline) and xlsx (one Excel workbook per report). Default md, or a pipeline's formats:.", valueName: "md,html,xlsx"))
    var format: String?

    @Option(help: ArgumentHelp("Negative amounts in reports as minus (-$1,234) or parentheses (($1,234)).", valueName: "minus|parentheses"))
    var negatives = "minus"

    func options() throws -> ReportOptions {
        var formats: [ReportFormat] = [.markdown]
        if let format {
            do {
                formats = try ReportFormat.list(format.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            } catch {
                throw UsageError("--format: \(error.message)")
            }
        }
        guard let negatives = NumberStyle.Negatives(rawValue: negatives) else {
            throw UsageError("--negatives must be minus or parentheses, not '\(negatives)'")
        }
        return ReportOptions(formats: formats, numbers: NumberStyle(negatives: negatives))
    }

    /// The runner for these options: formats given here win over a pipeline's `formats:`.
    func configure(_ runner: inout PipelineRunner) throws {
        runner.reports = try options()
        runner.formatsGiven = format != nil
        runner.version = QuartermasterVersion.full
    }
}
