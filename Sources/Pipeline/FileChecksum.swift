import Foundation

/// The SHA-256 of an input file for the manifest, computed on a thread of its own while the
/// import parses the same file, so the checksum of a large export (hundreds of MB) costs the
/// run no wall time when a second core is free. The digest does not depend on the thread.
final class FileChecksum: @unchecked Sendable {
    private let path: String
    private let finished = DispatchSemaphore(value: 0)
    private let concurrent: Bool
    /// Written once by the hashing thread before `finished` is signalled, read after it.
    private var digest = ""

    /// Starts hashing `path` now when `concurrent`, else when `value()` is first asked.
    init(path: String, concurrent: Bool) {
        self.path = path
        self.concurrent = concurrent
        guard concurrent else { return }
        let thread = Thread { [self] in
            digest = (try? SHA256.hexDigest(ofFile: path)) ?? ""
            finished.signal()
        }
        thread.start()
    }

    /// The hex digest ("" when the file cannot be read), waiting for the hashing thread.
    func value() -> String {
        guard concurrent else { return (try? SHA256.hexDigest(ofFile: path)) ?? "" }
        finished.wait()
        finished.signal()
        return digest
    }
}
