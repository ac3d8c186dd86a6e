import Foundation
#if canImport(Glibc)
import Glibc
import TestScratch
#endif

/// Runs the built `quartermaster` binary with a time limit, standard output and error going
/// to files (a pipe that nobody drains can block a chatty child), and reports how it ended.
struct BoundedRun: Sendable {
    enum End: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        case timedOut

        var description: String {
            switch self {
            case .exited(let status): return "exit \(status)"
            case .signalled(let signal): return "killed by signal \(signal)"
            case .timedOut: return "timed out"
            }
        }
    }

    var end: End
    var stdout: String
    var stderr: String
    var seconds: Double

    /// The user `nobody`, for the one case that needs an unprivileged reader.
    static let nobody = "65534"
    static let isRoot = geteuid() == 0
    static let setpriv = "/usr/bin/setpriv"

    /// Runs `arguments` in `directory`; `asNobody` drops to user and group 65534 through
    /// setpriv (only possible as root).
    /// `stdin`, when given, is written into a pipe (not a file: a pipe cannot be read twice).
    static func run(_ arguments: [String], in directory: URL, asNobody: Bool = false, timeout: Double = 20, stdin: Data? = nil) throws -> BoundedRun {
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", CLIRunner.binary.path] + arguments
        } else {
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let capture = TestScratch.path("qm-run")
        let outPath = capture.path + ".out", errPath = capture.path + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        let started = Date()
        try process.run()
        if let input, let stdin {
            DispatchQueue.global().async {
                input.fileHandleForWriting.write(stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        // A watchdog rather than a terminationHandler: with one set, Foundation's Process
        // leaks itself (LeakSanitizer shows about a dozen objects per process).
        let pid = process.processIdentifier
        let expired = Flag()
        let watchdog = DispatchWorkItem {
            expired.set()
            kill(pid, SIGTERM)
        }
        let killer = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout + 5, execute: killer)
        process.waitUntilExit()
        watchdog.cancel()
        killer.cancel()
        let timedOut = expired.isSet
        try? out.close()
        try? err.close()
        let seconds = Date().timeIntervalSince(started)
        let end: End
        if timedOut {
            end = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            end = .signalled(process.terminationStatus)
        } else {
            end = .exited(process.terminationStatus)
        }
        // Read at most 1 MiB of each: a case that floods its output is reported, not loaded.
        func head(_ path: String) -> String {
            guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return BoundedRun(end: end, stdout: head(outPath), stderr: head(errPath), seconds: seconds)
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
