import Foundation
import TestScratch

/// The repository root, found from this file's path (Tests/DatasetTests/...).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The committed demo exports.
let committedDemo: URL = repositoryRoot.appendingPathComponent("Datasets/demo")

/// A fresh folder under the system temp directory, removed by `remove()`.
final class ScratchFolder {
    let url: URL

    init(_ prefix: String) throws {
        url = TestScratch.path("\(prefix)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// planted_truths.json of the committed demo, parsed.
func committedTruths() throws -> [String: Any] {
    let data = try Data(contentsOf: committedDemo.appendingPathComponent("planted_truths.json"))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw CocoaError(.fileReadCorruptFile)
    }
    return object
}
