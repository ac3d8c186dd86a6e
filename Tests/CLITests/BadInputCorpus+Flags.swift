import Foundation

extension BadInputCorpus {
    /// Issue 23: `--out -` on a command that writes a folder is a usage error naming the
    /// folder, and leaves no folder called `-` behind (it used to make one).
    static func flagCases() -> [CorpusCase] {
        var cases = [(CSVInput.items, "reorder"), (CSVInput.budget, "variance"), (CSVInput.census, "staffing")].map { input, command in
            CorpusCase(kind: input.kind, name: "--out - on \(command), which writes a folder",
                       files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                       arguments: input.arguments.map { $0 == "out" ? "-" : $0 },
                       expectation: .usageError(says: ["--out -", "\(command) writes a folder"]))
        }
        cases.append(CorpusCase(kind: .pipeline, name: "--out - on run, which writes a folder",
                                files: ["usage.csv": Data(PipelineCorpus.usage), "p.yml": Data(PipelineCorpus.base)],
                                arguments: ["run", "p.yml", "--out", "-", "--quiet"],
                                expectation: .usageError(says: ["--out -", "run writes a folder"])))
        for k in cases.indices { cases[k].absentAfterFailure = ["-", "-.rejects", "-.lock"] }
        return cases
    }
}
