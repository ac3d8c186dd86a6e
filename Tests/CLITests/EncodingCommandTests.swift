import Foundation
import Testing

@Suite struct EncodingCommandTests {
    /// usage_windows1252.csv: item names with 0x96 (en dash), 0xA3 (pound) and 0xF4 (o circumflex).
    @Test func aWindows1252ExportIsReadAndWrittenAsUTF8() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let result = try CLIRunner.run(["aggregate", "--input", "usage_windows1252.csv", "--out", "series.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("usage_windows1252.csv: 3 rows read, 3 accepted, 0 rejected; read as Windows-1252: not valid UTF-8"), "\(result.stderr)")
        let output = try CLIRunner.read(dir.appendingPathComponent("series.csv"))
        #expect(output.contains("Gauze 4\u{2013}4 \u{A3}2"))
        #expect(output.contains("Cr\u{F4}me"))
        #expect(!output.contains("\u{FFFD}"))
    }

    @Test func forcedEncodings() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let latin = try CLIRunner.run(["aggregate", "--input", "usage_windows1252.csv", "--encoding", "latin-1", "--out", "latin.csv"], in: dir)
        #expect(latin.status == 0, "stderr: \(latin.stderr)")
        #expect(!latin.stderr.contains("read as"))
        let text = try CLIRunner.read(dir.appendingPathComponent("latin.csv"))
        // Latin-1 is read as Windows-1252: 0x96 is the en dash (it was the C1 control U+0096).
        #expect(text.contains("Gauze 4\u{2013}4 \u{A3}2"))
        #expect(text.contains("Cr\u{F4}me"))
        // Read as UTF-8, every row's item is rejected: an error even when skipping.
        let utf8 = try CLIRunner.run(["aggregate", "--input", "usage_windows1252.csv", "--encoding", "utf-8", "--on-error", "skip", "--out", "u.csv"], in: dir)
        #expect(utf8.status != 0 && utf8.stderr.contains("all 3 rows were rejected, so nothing could be imported"), "\(utf8.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("u.csv").path))
        let rejects = try CLIRunner.read(dir.appendingPathComponent("u.rejects.csv"))
        #expect(rejects.contains("not valid UTF-8"))
        #expect(rejects.contains("--encoding windows-1252"))
    }

    /// Standard input (a pipe) is decided on the whole of it, as a file is: a Windows-1252
    /// accent after the first chunk was read as invalid UTF-8 and its row rejected (exit 1:
    /// "1 of 40 rows rejected (2.5%)"), while the same bytes as a file read whole. It is held in
    /// a temporary file that has no name, so nothing is left in TMPDIR.
    @Test func standardInputIsDecidedOnTheWholeOfIt() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        var input = Data("date,item,location,quantity\n".utf8)
        for day in 1...40 {
            input.append(Data("2025-01-\(String(format: "%02d", (day - 1) % 28 + 1)),".utf8))
            input.append(day == 40 ? Data([0x43, 0x72, 0xE8, 0x6D, 0x65, 0x2C]) : Data("A100,".utf8))   // Crème in Windows-1252
            input.append(Data(String(repeating: "x", count: 8_000).utf8))
            input.append(Data(",\(day)\n".utf8))
        }
        let spool = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        try input.write(to: dir.appendingPathComponent("in.csv"))
        // Through `cat |` in a shell: a run that stops reading early breaks cat's pipe, not the test's.
        func run(_ extra: [String], tmp: String) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "cat in.csv | \"$0\" aggregate --input - --frequency day --out s.csv \"$@\"", CLIRunner.binary.path] + extra
            process.currentDirectoryURL = dir
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { _, given in given }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let piped = try run([], tmp: spool.path)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("<stdin>: 40 rows read, 40 accepted, 0 rejected; read as Windows-1252: not valid UTF-8"), "\(piped.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("s.csv")).contains("Cr\u{E8}me,2025-01-12,40"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path).isEmpty)
        // No room for the copy: an error that says what to do, not a guess from the first chunk.
        let nowhere = try run([], tmp: dir.appendingPathComponent("missing").path)
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("<stdin>: could not be held in a temporary file in \(dir.path)/missing to settle its encoding"), "\(nowhere.stderr)")
        #expect(nowhere.stderr.contains("--encoding utf-8 or windows-1252"))
        // A named encoding reads standard input as it comes, with no copy.
        let named = try run(["--encoding", "windows-1252"], tmp: dir.appendingPathComponent("missing").path)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("s.csv")).contains("Cr\u{E8}me,2025-01-12,40"))
    }

    /// UTF-16 without a byte-order mark: big-endian read as little-endian was garbage (a header
    /// of '搀愀琀攀'), and auto stopped at the NUL bytes of either order.
    @Test func utf16WithoutAByteOrderMark() throws {
        let dir = try CLIRunner.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "date,item,quantity\n2025-01-06,Cr\u{E8}me,3\n2025-01-07,Cr\u{E8}me,4\n"
        try Data(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: dir.appendingPathComponent("be.csv"))
        for encoding in ["utf-16", "auto"] {
            let result = try CLIRunner.run(["aggregate", "--input", "be.csv", "--encoding", encoding, "--frequency", "day", "--out", "s.csv"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("be.csv: 2 rows read, 2 accepted, 0 rejected; read as UTF-16BE: no byte-order mark, its zero bytes at even offsets"), "\(result.stderr)")
            #expect(try CLIRunner.read(dir.appendingPathComponent("s.csv")).contains("Cr\u{E8}me,2025-01-07,4"))
        }
    }

    @Test func unknownEncodingIsAUsageError() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let result = try CLIRunner.run(["aggregate", "--input", "usage_windows1252.csv", "--encoding", "utf-32", "--out", "s.csv"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown encoding 'utf-32'; use one of auto, utf-8, windows-1252, latin-1, utf-16"))
    }

    @Test func aPipelineImportTakesEncoding() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let pipeline = """
        stages:
          usage:
            kind: import
            table: usage
            file: usage_windows1252.csv
            encoding: windows-1252
          series:
            kind: aggregate
            input: usage
          out:
            kind: export
            input: series
            file: series.csv
        """
        try pipeline.write(to: dir.appendingPathComponent("p.yml"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["run", "p.yml", "--out", "out", "--quiet"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/series.csv")).contains("Gauze 4\u{2013}4 \u{A3}2"))
    }

    @Test func monthNameDatesOnTheCommandLine() throws {
        let dir = try CLIRunner.workspace()
        try "date,item,quantity\n02-Jun-06,A,1\n\"Jun 9, 2006\",A,2\n16 June 2006,A,3\n".write(to: dir.appendingPathComponent("m.csv"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["aggregate", "--input", "m.csv", "--frequency", "week", "--out", "s.csv"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("3 rows read, 3 accepted, 0 rejected"))
        let iso = try CLIRunner.run(["aggregate", "--input", "m.csv", "--date-format", "iso", "--out", "i.csv"], in: dir)
        #expect(iso.status == 1)
        #expect(iso.stderr.contains("looks like DD-MMM-YY: add --date-format DD-MMM-YY"), "\(iso.stderr)")
    }
}
