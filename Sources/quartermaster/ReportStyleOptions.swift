import ArgumentParser
import Pipeline
import Reports
import Tabular

/// How reports are written, shared by `run` and the canned commands.
struct ReportStyleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Reports as md (Markdown with SVG charts beside) or html (standalone pages, charts inline).", valueName: "md|html"))
    var format = "md"

    @Option(help: ArgumentHelp("Negative amounts in reports as minus (-$1,234) or parentheses (($1,234)).", valueName: "minus|parentheses"))
    var negatives = "minus"

    func options() throws -> ReportOptions {
        guard let format = ReportFormat(rawValue: format == "markdown" ? "md" : format) else {
            throw UsageError("--format must be md or html, not '\(format)'")
        }
        guard let negatives = NumberStyle.Negatives(rawValue: negatives) else {
            throw UsageError("--negatives must be minus or parentheses, not '\(negatives)'")
        }
        return ReportOptions(format: format, numbers: NumberStyle(negatives: negatives))
    }
}
