import Foundation
import Testing
import TestScratch

/// The golden files' own rules, which used to pass whatever the variable said.
@Suite struct GoldenFileTests {
    func scratch(_ text: String?) throws -> GoldenFile {
        let url = TestScratch.path("qm-golden", suffix: ".txt")
        if let text { try text.write(to: url, atomically: false, encoding: .utf8) }
        return GoldenFile(url: url)
    }

    @Test func onlyOneTrueOrYesUpdate() {
        for value in ["1", "true", "yes", "YES"] { #expect(GoldenFile.updating(["QM_UPDATE_GOLDEN": value]), "\(value)") }
        for value in ["0", "", "false", "no", "2"] { #expect(!GoldenFile.updating(["QM_UPDATE_GOLDEN": value]), "\(value)") }
        #expect(!GoldenFile.updating([:]))
    }

    @Test func comparingLeavesTheFileAndReportsTheLine() throws {
        let golden = try scratch("a\nb\n")
        defer { try? FileManager.default.removeItem(at: golden.url) }
        #expect(try golden.compare("a\nb\n", updating: false) == .same)
        guard case .differs(let text) = try golden.compare("a\nc\n", updating: false) else { Issue.record("no difference reported"); return }
        #expect(text.contains("line 2") && text.contains("expected: b") && text.contains("got:      c"))
        #expect(try String(contentsOf: golden.url, encoding: .utf8) == "a\nb\n")
    }

    @Test func updatingRewritesButStillReportsTheDifference() throws {
        let golden = try scratch("a\nb\n")
        defer { try? FileManager.default.removeItem(at: golden.url) }
        guard case .rewrote(let text?) = try golden.compare("a\nc\n", updating: true) else { Issue.record("the difference was not reported"); return }
        #expect(text.contains("line 2"))
        #expect(try String(contentsOf: golden.url, encoding: .utf8) == "a\nc\n")
        // Unchanged output is a real pass, updating or not.
        #expect(try golden.compare("a\nc\n", updating: true) == .same)
    }

    @Test func aMissingFileFailsUnlessCreated() throws {
        let golden = try scratch(nil)
        defer { try? FileManager.default.removeItem(at: golden.url) }
        #expect(try golden.compare("x\n", updating: false) == .missing)
        #expect(try golden.compare("x\n", updating: true) == .rewrote(nil))
    }
}
