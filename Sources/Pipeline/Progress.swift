#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error (done/total, rate, ETA), shown only when
/// standard error is a terminal and not silenced, so logs and pipes stay clean.
public final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started: Double
    private var lastPrinted = 0.0

    public init(label: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.total = total
        self.enabled = !quiet && StandardError.isTerminal
        self.started = Progress.now()
    }

    public func update(done: Int) {
        guard enabled else { return }
        let now = Progress.now()
        guard now - lastPrinted >= 0.2 || done == total else { return }
        lastPrinted = now
        let elapsed = max(now - started, 1e-9)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = "\r\(label): \(done)/\(total) (\(Int(rate))/s, ETA \(Int(eta.rounded())) s)   "
        StandardError.write(line)
    }

    public func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[K")
    }

    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
