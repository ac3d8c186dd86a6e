import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two runs into one output folder (or file) must not mix their files: the second fails at
/// once, naming the first, while the first completes.
@Suite struct ConcurrentRunTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/demo").path

    /// The demo supply export (138,000 rows): long enough in a debug build for two runs to overlap.
    static let pipeline = """
    stages:
      usage:
        kind: import
        table: usage
        file: \(demo)/supply_issues.csv
        columns: {date: "Trans Date", item: "Item #", quantity: "Qty Issued", location: "Cost Center"}
      monthly:
        kind: aggregate
        input: usage
      save:
        kind: export
        input: monthly
        file: series.csv

    """

    /// Interrupted (Ctrl-C, a kill, a closed terminal), a run takes its hidden temporary files
    /// and its lock file with it, and still ends by the signal. An aggregate reading standard
    /// input has opened its rejects file and taken the lock while it waits for more rows (with
    /// its encoding named: under auto it first holds the whole input, opening nothing).
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func anInterruptedRunLeavesNoHiddenOrLockFiles(signal: Int32) throws {
        let dir = try CLIRunner.workspace()
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["aggregate", "--input", "-", "--encoding", "utf-8", "--frequency", "month", "--out", "agg.csv"]
        process.currentDirectoryURL = dir
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("date,item,quantity\n2026-01-05,A,1\n".utf8))
        func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "agg.csv" } }
        // Wait (up to 20 s) for the rejects file's temporary and the lock to be there.
        var waited = 0
        while try leftovers().count < 2 && waited < 2_000 { usleep(10_000); waited += 1 }
        let during = try leftovers()
        #expect(during.contains("agg.csv.lock") && during.contains { $0.hasPrefix(".agg.rejects.csv.") }, "\(during)")
        kill(process.processIdentifier, signal)
        // Foundation's Process starts the run with these signals blocked: the run unblocks them.
        waited = 0
        while process.isRunning && waited < 1_000 { usleep(10_000); waited += 1 }
        if process.isRunning {
            Issue.record("signal \(signal) did not end the run in 10 s")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        let after = try leftovers()
        #expect(after.isEmpty, "\(after)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("agg.csv").path))
    }

    /// Holding the lock ourselves: the run must refuse, name our pid, and leave nothing.
    @Test func aRunRefusesAnOutputFolderThatIsLocked() throws {
        let dir = try CLIRunner.workspace()
        try CSVInput.usage.contents.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try PipelineCorpus.base.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let lockPath = dir.appendingPathComponent("out.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }

        for command in [["run", "p.yml", "--out", "out", "--quiet"],
                        ["aggregate", "--input", "usage.csv", "--out", "out"],
                        ["reorder", "--usage", "usage.csv", "--items", "usage.csv", "--inventory", "usage.csv", "--out", "out"]] {
            let blocked = try CLIRunner.run(command, in: dir)
            #expect(blocked.status == 1, "\(command[0]): \(blocked.stderr)")
            #expect(blocked.stderr.contains("another quartermaster run is writing out (pid \(getpid())); wait for it or choose another --out"),
                    "\(command[0]): \(blocked.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        }
        // Released, the same run goes through and takes its lock file away with it.
        flock(fd, LOCK_UN)
        let free = try CLIRunner.run(["run", "p.yml", "--out", "out", "--quiet"], in: dir)
        #expect(free.status == 0, "\(free.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/series.csv").path))
        #expect(!FileManager.default.fileExists(atPath: lockPath))
    }

    struct Started {
        var process: Process
        var stderr: URL
    }

    static func start(_ arguments: [String], in dir: URL, _ label: String) throws -> Started {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let err = dir.appendingPathComponent(".stderr-\(label)")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, stderr: err)
    }

    /// Two real runs started together: one output, complete, and either a clear refusal or
    /// two runs one after the other.
    @Test(arguments: ["run", "forecast"])
    func twoRunsAtOnceLeaveOneCompleteOutput(_ command: String) throws {
        let dir = try CLIRunner.workspace()
        try ConcurrentRunTests.pipeline.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let arguments = command == "run"
            ? ["run", "p.yml", "--out", "out", "--quiet"]
            : ["forecast", "--input", "\(ConcurrentRunTests.demo)/supply_issues.csv", "--series", "Item #", "--date", "Trans Date", "--value", "Qty Issued",
               "--horizon", "2", "--backtest", "0", "--models", "ses", "--threads", "1", "--quiet", "--out", "out.csv"]
        let first = try ConcurrentRunTests.start(arguments, in: dir, "1")
        let second = try ConcurrentRunTests.start(arguments, in: dir, "2")
        first.process.waitUntilExit()
        second.process.waitUntilExit()
        let outcomes = [first, second].map { ($0.process.terminationReason, $0.process.terminationStatus, (try? String(contentsOf: $0.stderr, encoding: .utf8)) ?? "") }
        for (reason, status, stderr) in outcomes {
            #expect(reason == .exit)
            #expect(status == 0 || (status == 1 && stderr.contains("another quartermaster run is writing out") && stderr.contains("(pid ")),
                    "status \(status): \(stderr)")
        }
        #expect(outcomes.contains { $0.1 == 0 }, "neither run completed")
        let refused = outcomes.filter { $0.1 == 1 }.count
        print("\(command): two concurrent runs, \(refused) refused by the lock, \(2 - refused) completed")

        // One complete output, no temporary or lock files left behind.
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".stderr") })
        if command == "run" {
            #expect(left == ["p.yml", "out"], "\(left)")
            let manifest = try CLIRunner.read(dir.appendingPathComponent("out/manifest.json"))
            for file in ["series.csv", "index.md"] {
                #expect(manifest.contains("\"\(file)\""))
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path))
            }
            let series = try CLIRunner.read(dir.appendingPathComponent("out/series.csv"))
            #expect(series.hasPrefix("series,period,value\n") && series.hasSuffix("\n"))
            #expect(series.split(separator: "\n").count > 1_000)
        } else {
            // The export has rows that do not parse; their rejects file belongs to the output.
            #expect(left == ["p.yml", "out.csv", "out.rejects.csv", "out.accuracy.csv"], "\(left)")
            let forecasts = try CLIRunner.read(dir.appendingPathComponent("out.csv"))
            #expect(forecasts.hasPrefix("series,period,forecast,") && forecasts.hasSuffix("\n"))
        }
    }
}
