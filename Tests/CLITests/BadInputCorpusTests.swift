import Foundation
import Testing
import TestScratch

/// Issue 12: every malformed or hostile input the CLI accepts, run through the built binary.
///
/// Each case must end with the documented exit status (1 for bad data or a bad pipeline,
/// 2 for a bad flag), never by a signal, within 20 seconds, with a short message on standard
/// error naming the file (and the line where there is one), leaving no output behind when it
/// fails. Where the import rejects rows instead of failing (`--on-error skip`), the rejects
/// file must list exactly the damaged rows, with their line, column and reason.
@Suite struct BadInputCorpusTests {
    static let timeLimit = 20.0
    /// Standard error longer than this means a row or a field was dumped.
    static let stderrLimit = 8_192

    struct Outcome: Sendable {
        var index: Int
        var problems: [String]
        var run: BoundedRun?
        var skipped: String?
    }

    @Test func everyBadInputFailsCleanlyOrIsRejectedExactly() throws {
        let built = Date()
        // QM_CORPUS_ONLY=text runs only the cases whose name contains the text, while working on them.
        let only = ProcessInfo.processInfo.environment["QM_CORPUS_ONLY"]
        let cases = BadInputCorpus.cases().filter { only == nil || $0.name.contains(only ?? "") }
        let buildSeconds = Date().timeIntervalSince(built)
        let root = TestScratch.path("qm-corpus")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        let started = Date()
        let collected = Collected()
        // As many at a time as there are cores: most of a case is the process itself.
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            collected.add(BadInputCorpusTests.run(cases[index], index: index, root: root))
        }
        let outcomes = collected.all.sorted { $0.index < $1.index }
        let seconds = Date().timeIntervalSince(started)

        // The counts the issue quotes: cases per input kind, by how they are expected to end.
        let total = outcomes.compactMap { $0.run?.seconds }.reduce(0, +)
        var lines = ["bad-input corpus: \(cases.count) cases in \(String(format: "%.1f", seconds)) s (generated in \(String(format: "%.1f", buildSeconds)) s; the runs took \(String(format: "%.1f", total)) s in all)"]
        lines.append("  " + "input kind".padding(toLength: 34, withPad: " ", startingAt: 0) + "cases  fail(1)  usage(2)  rejected-row  skipped  run time")
        for kind in InputKind.allCases {
            let mine = outcomes.filter { cases[$0.index].kind == kind }
            func count(_ test: (Expectation) -> Bool) -> Int { mine.filter { test(cases[$0.index].expectation) && $0.skipped == nil }.count }
            let fails = count { if case .fails = $0 { return true } else { return false } }
            let usage = count { if case .usageError = $0 { return true } else { return false } }
            let rejects = count { if case .rejects = $0 { return true } else { return false } }
            let skipped = mine.filter { $0.skipped != nil }.count
            let time = mine.compactMap { $0.run?.seconds }.reduce(0, +)
            lines.append("  " + kind.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0)
                         + [mine.count, fails, usage, rejects, skipped].map { String($0).leftPadded(to: 5) }.joined(separator: "    ")
                         + "     " + String(format: "%6.1f s", time))
        }
        for outcome in outcomes where outcome.skipped != nil {
            lines.append("  skipped: [\(cases[outcome.index].kind.rawValue)] \(cases[outcome.index].name): \(outcome.skipped ?? "")")
        }
        let slowest = outcomes.compactMap { o in o.run.map { (cases[o.index].name, $0.seconds) } }.max { $0.1 < $1.1 }
        if let slowest { lines.append("  slowest case: \(slowest.0), \(String(format: "%.2f", slowest.1)) s") }
        if ProcessInfo.processInfo.environment["QM_CORPUS_GEN"] != nil {
            var times: [(Double, String)] = []
            for c in cases {
                let t0 = Date()
                _ = c.generated?()
                times.append((Date().timeIntervalSince(t0), c.name))
            }
            lines.append("  generating every case's files: \(times.map(\.0).reduce(0, +)) s")
            for (t, name) in times.sorted(by: { $0.0 > $1.0 }).prefix(15) { lines.append("    \(t) \(name)") }
        }
        if ProcessInfo.processInfo.environment["QM_CORPUS_TIMES"] != nil {
            for o in outcomes.sorted(by: { ($0.run?.seconds ?? 0) > ($1.run?.seconds ?? 0) }).prefix(25) {
                lines.append("  \(String(format: "%.2f", o.run?.seconds ?? 0)) s  [\(cases[o.index].kind.rawValue)] \(cases[o.index].name)")
            }
        }
        print(lines.joined(separator: "\n"))

        if only == nil {
            #expect(cases.count >= 200)
            #expect(Set(cases.map(\.kind)) == Set(InputKind.allCases))
        }
        for outcome in outcomes where !outcome.problems.isEmpty {
            let c = cases[outcome.index]
            Issue.record("[\(c.kind.rawValue)] \(c.name): \(outcome.problems.joined(separator: "; "))\nstderr: \(outcome.run?.stderr.prefix(600) ?? "")")
        }
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [Outcome] = []
        func add(_ outcome: Outcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
        var all: [Outcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
    }

    // MARK: - One case

    static func run(_ c: CorpusCase, index: Int, root: URL) -> Outcome {
        if let reason = c.skipReason { return Outcome(index: index, problems: [], run: nil, skipped: reason) }
        let dir = root.appendingPathComponent("case-\(index)")
        let files = c.files.merging(c.generated?() ?? [:]) { _, made in made }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (name, data) in files {
                let url = dir.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try c.prepare?(dir)
        } catch {
            return Outcome(index: index, problems: ["setting up the case failed: \(error)"], run: nil, skipped: nil)
        }
        let result: BoundedRun
        do {
            result = try BoundedRun.run(c.arguments, in: dir, asNobody: c.asNobody, timeout: timeLimit, stdin: c.stdin)
        } catch {
            return Outcome(index: index, problems: ["could not start the binary: \(error)"], run: nil, skipped: nil)
        }
        var problems = check(c, result, dir, files)
        // Mode 000 leftovers would stop the folder from being removed by a non-root user.
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        for (name, _) in files { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.appendingPathComponent(name).path) }
        try? FileManager.default.removeItem(at: dir)
        if problems.isEmpty && result.seconds > timeLimit { problems.append("took \(result.seconds) s") }
        return Outcome(index: index, problems: problems, run: result, skipped: nil)
    }

    static func check(_ c: CorpusCase, _ result: BoundedRun, _ dir: URL, _ files: [String: Data]) -> [String] {
        var problems: [String] = []
        let err = result.stderr
        switch result.end {
        case .timedOut: problems.append("did not finish within \(Int(timeLimit)) s")
        case .signalled(let signal): problems.append("was killed by signal \(signal)")
        case .exited: break
        }
        for crash in ["Fatal error", "Program crashed", "Backtracing", "internal error", "Sanitizer"] where err.contains(crash) {
            problems.append("standard error reports a crash ('\(crash)')")
        }
        if err.utf8.count > stderrLimit { problems.append("standard error has \(err.utf8.count) bytes; a message must not dump rows or fields") }
        if case .inspected = c.expectation {
            // inspect's warnings are part of its report, on standard output.
        } else if err.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("nothing on standard error")
        }
        for secret in c.secrets where err.contains(secret) { problems.append("standard error shows '\(secret)' from the file") }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path) }
        for path in c.presentAfterRun where !exists(path) { problems.append("\(path) is missing after the run") }
        for path in c.unchangedFiles {
            let now = try? Data(contentsOf: dir.appendingPathComponent(path))
            if now != files[path] { problems.append("\(path) was changed or removed") }
        }

        switch c.expectation {
        case .fails(let file, let line, let says):
            if result.end != .exited(1) { problems.append("ended with \(result.end), expected exit 1") }
            let place = line.map { "\(file):\($0):" } ?? file
            if !err.contains(place) { problems.append("standard error does not name \(place)") }
            for phrase in says where !err.contains(phrase) { problems.append("standard error does not say '\(phrase)'") }
            for path in c.absentAfterFailure where exists(path) { problems.append("a failed run left \(path) behind") }
        case .usageError(let says):
            if result.end != .exited(2) { problems.append("ended with \(result.end), expected exit 2") }
            for phrase in says where !err.contains(phrase) { problems.append("standard error does not say '\(phrase)'") }
            for path in c.absentAfterFailure where exists(path) { problems.append("a refused run left \(path) behind") }
        case .rejects(let file, let rejectsFile, let rows, let read):
            if result.end != .exited(0) { problems.append("ended with \(result.end), expected exit 0 with rows rejected"); break }
            let summary = "\(file): \(read) rows read, \(read - rows.count) accepted, \(rows.count) rejected"
            if !err.contains(summary) { problems.append("standard error does not say '\(summary)'") }
            guard let text = try? String(contentsOf: dir.appendingPathComponent(rejectsFile), encoding: .utf8) else {
                problems.append("no rejects file \(rejectsFile)")
                break
            }
            let records = CSVText.parse(text)
            guard records.first == ["file", "line", "column", "reason", "record"] else {
                problems.append("\(rejectsFile) has the header \(records.first ?? [])")
                break
            }
            let listed = records.dropFirst().filter { $0.count >= 4 && !$0[3].contains("blank line") && !$0[3].hasSuffix("(skipped)") }
            let found = listed.map { RejectedRow(line: Int($0[1]) ?? -1, column: $0[2], says: $0[3]) }
            if found.map(\.line) != rows.map(\.line) || found.map(\.column) != rows.map(\.column) {
                problems.append("\(rejectsFile) lists \(found.map { "line \($0.line) column '\($0.column)'" }), expected \(rows.map { "line \($0.line) column '\($0.column)'" })")
            } else {
                for (got, want) in zip(found, rows) where !got.says.contains(want.says) {
                    problems.append("line \(want.line): reason '\(got.says)' does not say '\(want.says)'")
                }
            }
            for record in listed where record.first != file { problems.append("\(rejectsFile) names the file '\(record.first ?? "")'") }
            for secret in c.secrets where text.contains(secret) { problems.append("\(rejectsFile) shows '\(secret)'") }
        case .accepted(let file, let read, let output, let says):
            if result.end != .exited(0) { problems.append("ended with \(result.end), expected exit 0"); break }
            let summary = "\(file): \(read) rows read, \(read) accepted, 0 rejected"
            if !err.contains(summary) { problems.append("standard error does not say '\(summary)'") }
            if says.isEmpty {
                // Only that the run wrote its output (a file or a folder).
                if !exists(output) { problems.append("no output \(output)") }
                break
            }
            guard let text = try? String(contentsOf: dir.appendingPathComponent(output), encoding: .utf8) else {
                problems.append("no output \(output)")
                break
            }
            for phrase in says where !text.contains(phrase) { problems.append("\(output) does not say '\(phrase)'") }
        case .inspected(let says):
            if result.end != .exited(0) { problems.append("ended with \(result.end), expected exit 0"); break }
            for phrase in says where !result.stdout.contains(phrase) { problems.append("the report does not say '\(phrase)'") }
        }
        return problems
    }
}

/// RFC 4180 records of a small CSV text (quoted fields, doubled quotes, line breaks inside).
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(c); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\n" {
                record.append(field); records.append(record)
                record = []; field = ""; wasQuoted = false
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
