#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two runs from writing the same output at once: an advisory lock (flock) on
/// `OUTPUT.lock` beside the output folder or file, holding the pid of the run that has it.
///
/// A second run fails at once with a message naming the holder, rather than waiting or
/// mixing its files into the first run's. The lock file is removed when the run ends or is
/// interrupted (`InterruptCleanup`); a run killed outright leaves it behind, but flock locks
/// die with their process, so a stale file never blocks anyone.
public final class OutputLock {
    public let path: String
    private var fd: Int32

    /// Makes the folders `output` goes in (`mkdir -p` of its parent), as the lock file and the
    /// output beside it need them: `--out out/monthly.csv` on a fresh checkout, where `out/` is
    /// not kept, failed at the lock file with "No such file or directory". A folder that
    /// cannot be made is left to the lock's own error, which names the file.
    /// (Not NSString.deletingLastPathComponent: Foundation 6.3 traps on one-letter paths like "o".)
    static func makeFolders(above output: String) {
        guard let slash = output.lastIndex(of: "/"), slash != output.startIndex else { return }
        let parent = output[..<slash]
        for i in parent.indices where parent[i] == "/" && i != parent.startIndex {
            _ = mkdir(String(parent[..<i]), 0o755)
        }
        _ = mkdir(String(parent), 0o755)
    }

    /// Takes the lock for `output` (a folder or a file); standard output (`-`) needs none.
    public init?(for output: String) throws {
        guard output != "-", !output.isEmpty else { return nil }
        // A device such as /dev/null is not an output anyone else's run can spoil.
        var info = stat()
        if stat(output, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR { return nil }
        path = OutputLock.path(for: output)
        OutputLock.makeFolders(above: output)
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw InputError(file: output, "cannot create the lock file \(path): \(String(cString: strerror(errno))); check that the folder exists and is writable")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                // The holder writes its pid just after taking the lock: give it a moment.
                var holder = OutputLock.pid(in: descriptor)
                for _ in 0..<100 where busy && holder == nil {
                    usleep(10_000)
                    holder = OutputLock.pid(in: descriptor)
                }
                close(descriptor)
                if busy {
                    throw InputError(file: output, "another quartermaster run is writing \(output)\(holder.map { " (pid \($0))" } ?? ""); wait for it or choose another --out")
                }
                throw InputError(file: output, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            // The previous holder may have removed the file between our open and our lock:
            // then we hold a lock on a file nobody else can see, so try again.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                fd = descriptor
                break
            }
            close(descriptor)
        }
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        cleanupSlot = InterruptCleanup.remember(path)
    }

    /// Where an interruption finds the lock file to remove it.
    private var cleanupSlot: Int?

    deinit { release() }

    /// `OUTPUT.lock`, beside the output folder or file (a trailing slash does not move it
    /// inside); the output guard keeps it off the run's inputs.
    public static func path(for output: String) -> String {
        var target = output
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        return target + ".lock"
    }

    /// Removes the lock file and lets the next run in.
    public func release() {
        guard fd >= 0 else { return }
        InterruptCleanup.forget(cleanupSlot)
        unlink(path)
        close(fd)
        fd = -1
    }

    private static func pid(in descriptor: Int32) -> Int? {
        var buffer = [CChar](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.trimmed())
    }
}
