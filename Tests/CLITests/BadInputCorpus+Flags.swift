import Foundation

extension BadInputCorpus {
    /// Issue 23: `--out -` on a command that writes a folder is a usage error naming the
    /// folder, and leaves no folder called `-` behind (it used to make one).
    static func flagCases() -> [CorpusCase] {
        [(CSVInput.items, "reorder"), (CSVInput.budget, "variance"), (CSVInput.census, "staffing")].map { input, command in
            var c = CorpusCase(kind: input.kind, name: "--out - on \(command), which writes a folder",
                               files: files(input).merging([input.file: Data(input.contents)]) { _, own in own },
                               arguments: input.arguments.map { $0 == "out" ? "-" : $0 },
                               expectation: .usageError(says: ["--out -", "\(command) writes a folder"]))
            c.absentAfterFailure = ["-", "-.rejects", "-.lock"]
            return c
        }
    }
}
