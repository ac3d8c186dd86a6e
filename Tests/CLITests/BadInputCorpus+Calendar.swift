import Foundation

extension BadInputCorpus {
    /// Issue 16: `--gaps` and `--partial` (and `gaps:` / `partial:` in a pipeline) take only
    /// the values DESIGN.md names; anything else is a clear error before any row is read.
    static func calendarCases() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let usage = CSVInput.usage, series = CSVInput.series
        for (input, flag, value, says) in [
            (usage, "--gaps", "blank", "--gaps must be zero or missing, not 'blank'"),
            (usage, "--gaps", "", "--gaps must be zero or missing, not ''"),
            (usage, "--partial", "trim", "--partial must be drop or keep, not 'trim'"),
            (series, "--gaps", "Missing", "--gaps must be zero or missing, not 'Missing'"),
            (series, "--partial", "yes", "--partial must be drop or keep, not 'yes'"),
        ] {
            cases.append(CorpusCase(kind: input.kind, name: "\(flag) '\(value)' on \(input.arguments[0])",
                                    files: [input.file: Data(input.contents)],
                                    arguments: input.arguments + [flag, value],
                                    expectation: .usageError(says: [says])))
        }
        // Line 8 of the base pipeline is the aggregate stage's `input: usage`.
        cases.append(PipelineCorpus.yaml("aggregate gaps: sometimes", PipelineCorpus.inserting(after: 8, "    gaps: sometimes"), line: 9,
                                         "gaps must be one of zero, missing, not 'sometimes'"))
        cases.append(PipelineCorpus.yaml("aggregate partial: [drop]", PipelineCorpus.inserting(after: 8, "    partial: [drop]"), line: 9, "partial"))
        cases.append(PipelineCorpus.yaml("aggregate partial: maybe", PipelineCorpus.inserting(after: 8, "    partial: maybe"), line: 9,
                                         "partial must be one of drop, keep, not 'maybe'"))
        return cases
    }
}
