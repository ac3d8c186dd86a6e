import Foundation
import Testing

/// A golden file: output pinned byte for byte by a file committed under Fixtures/.
///
/// `QM_UPDATE_GOLDEN=1` (or `true`, `yes`) rewrites the file after an intended change; any other
/// value, `0` included, only compares. Rewriting never counts as a passed comparison: the new
/// output is still compared with the file as it was, and a difference is recorded as a known
/// issue naming the first changed line, so the run says what it rewrote instead of passing.
struct GoldenFile {
    var url: URL
    var name: String { url.lastPathComponent }

    /// The source tree's copy (not the one bundled into the build), so an update lands where
    /// git sees it and a comparison reads what is committed.
    init(_ name: String, filePath: String = #filePath) {
        url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    init(url: URL) { self.url = url }

    static func updating(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ["1", "true", "yes"].contains(environment["QM_UPDATE_GOLDEN"]?.lowercased() ?? "")
    }

    enum Outcome: Equatable {
        case same
        /// The output differs from the file (which is left as it was).
        case differs(String)
        /// The file was rewritten; it had differed as described (nil: there was no file).
        case rewrote(String?)
        case missing
    }

    /// Compares `text` with the file and, when updating, rewrites it.
    func compare(_ text: String, updating: Bool) throws -> Outcome {
        let previous = try? String(contentsOf: url, encoding: .utf8)
        let difference = previous.flatMap { GoldenFile.difference(text, $0, name: name) }
        if previous != nil && difference == nil { return .same }
        if updating {
            try Data(text.utf8).write(to: url)
            return .rewrote(difference)
        }
        return difference.map(Outcome.differs) ?? .missing
    }

    /// Compares and records what did not match: a failure, or a known issue when it was rewritten.
    func check(_ text: String, updating: Bool = GoldenFile.updating(), sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch try compare(text, updating: updating) {
        case .same: break
        case .differs(let difference):
            Issue.record("\(difference)\nRegenerate with QM_UPDATE_GOLDEN=1 if the change is intended, and review the diff.", sourceLocation: sourceLocation)
        case .missing:
            Issue.record("golden \(name) is missing; create it with QM_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        case .rewrote(let difference):
            withKnownIssue("rewrote golden \(url.path): review the diff, then run again without QM_UPDATE_GOLDEN") {
                Issue.record(Comment(rawValue: difference ?? "\(name) did not exist"), sourceLocation: sourceLocation)
            }
        }
    }

    /// The first line where `got` and `expected` differ, described; nil when they are equal.
    static func difference(_ got: String, _ expected: String, name: String) -> String? {
        guard got != expected else { return nil }
        let a = got.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        return """
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < b.count ? String(b[line]) : "<end of file>")
              got:      \(line < a.count ? String(a[line]) : "<end of file>")
            """
    }
}
