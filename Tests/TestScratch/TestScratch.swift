import Foundation

/// The folders tests write their fixtures and outputs in: each a fresh one under a folder of
/// the test process's own, which is removed when the process exits.
///
/// Why: every test run left several thousand folders in the system's temporary directory
/// (workspaces, pipeline outputs, histories), and a machine that runs the suite on every
/// change filled it.
public enum TestScratch {
    /// The test process's folder, made on first use; its removal is registered then.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quartermaster-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return url
    }()

    /// A new, unique path under the process's folder, not yet created: `prefix-UUID` plus
    /// `suffix` (`.db`, `.csv`).
    public static func path(_ prefix: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }
}
