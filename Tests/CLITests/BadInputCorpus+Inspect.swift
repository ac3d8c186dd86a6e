import Foundation

extension BadInputCorpus {
    /// Issue 17: `quartermaster inspect`. A missing file fails naming it; an unknown kind is a
    /// usage error listing the kinds.
    static func inspectCases() -> [CorpusCase] {
        let usage = CSVInput.usage
        return [
            CorpusCase(kind: usage.kind, name: "inspect of a missing file", files: [:],
                       arguments: ["inspect", "absent.csv", "--kind", "usage"],
                       expectation: .fails(file: "absent.csv", line: nil, says: ["file not found"])),
            CorpusCase(kind: usage.kind, name: "inspect with an unknown kind", files: files(usage),
                       generated: generator(usage) { Data(usage.contents) },
                       arguments: ["inspect", usage.file, "--kind", "stock"],
                       expectation: .usageError(says: ["unknown kind 'stock'", "usage, items, inventory"])),
        ]
    }
}
