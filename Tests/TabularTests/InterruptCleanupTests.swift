import Foundation
import Testing
@testable import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// An interruption must find every hidden temporary file that is on disk: the name is in the
/// cleanup table from before the file exists, not only once it has been made. (A CI run caught
/// Ctrl-C landing between `mkstemp` and the registration: `.agg.rejects.csv.fd31ST` was left.)
@Suite struct InterruptCleanupTests {
    @Test func aTemporaryFileIsMadeInItsRememberedSlot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qm-cleanup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = InterruptCleanup.makeTemporary(dir.path + "/.out.csv.XXXXXX")
        #expect(made.descriptor >= 0)
        defer { close(made.descriptor) }
        let slot = try #require(made.slot)
        // The handler reads the name mkstemp picked, and that file is the one on disk.
        #expect(InterruptCleanup.path(in: slot) == made.path)
        #expect(!made.path.hasSuffix("XXXXXX"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [(made.path as NSString).lastPathComponent])
        InterruptCleanup.forget(slot)
    }

    @Test func aTemporaryFileThatCannotBeMadeFreesItsSlotAndKeepsErrno() {
        let made = InterruptCleanup.makeTemporary("/nonexistent-qm-folder/.x.csv.XXXXXX")
        let failure = errno
        #expect(made.descriptor < 0 && made.slot == nil)
        #expect(failure == ENOENT)
    }
}
