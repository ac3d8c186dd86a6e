#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a run removes when it is interrupted (Ctrl-C, `kill`, a closed terminal): the
/// hidden temporary files of `AtomicFile`s still being written and the `OutputLock` files.
///
/// A forecast of a million series stopped half-way left its `.forecasts.csv.Xa81Qz` and its
/// `out.lock` beside the outputs, where no later run removes the first (each run takes a new
/// name) and a folder of interrupted runs filled with them. On SIGINT, SIGTERM or SIGHUP the files still open are
/// unlinked and the signal then takes its default course, so the process ends as it would have.
/// The signal handler only calls `unlink`, which is safe there; the table is fixed, so
/// registering allocates nothing the handler could see half-made. A signal the process was
/// started to ignore (`nohup`) stays ignored.
enum InterruptCleanup {
    /// Files open at once; a run writes a handful at a time, and a file beyond the table is only
    /// not cleaned up after an interruption.
    static let slots = 64
    static let pathBytes = Int(PATH_MAX)

    private nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
        p.initialize(repeating: 0, count: slots * pathBytes)
        return p
    }()
    private nonisolated(unsafe) static let inUse: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        p.initialize(repeating: 0, count: slots)
        return p
    }()
    private nonisolated(unsafe) static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let p = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(p, nil)
        return p
    }()

    /// Installs the handlers once, on the first file registered.
    private static let installed: Void = {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            guard sigaction(signal, nil, &old) == 0 else { continue }
            // SIG_IGN is the handler 1: a signal ignored from the start stays ignored.
            if let handler = old.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                InterruptCleanup.removeAll()
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
            // A parent's thread mask is inherited: a run started from a program that blocks these
            // signals (Foundation's Process does) could not be interrupted at all.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, signal)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        }
    }()

    /// Remembers `path` until `forget(_:)`; nil when the table is full or the path too long.
    static func remember(_ path: String) -> Int? {
        _ = installed
        return claim(Array(path.utf8CString))
    }

    /// A free slot holding `bytes` (a C string), marked in use; nil when the table is full or
    /// the path too long.
    private static func claim(_ bytes: [CChar]) -> Int? {
        guard bytes.count <= pathBytes else { return nil }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard let slot = (0..<slots).first(where: { inUse[$0] == 0 }) else { return nil }
        bytes.withUnsafeBufferPointer { (paths + slot * pathBytes).update(from: $0.baseAddress!, count: bytes.count) }
        inUse[slot] = 1
        return slot
    }

    /// Creates a hidden temporary file from `template` (ending in `XXXXXX`, as for `mkstemp`)
    /// already remembered, so no moment exists when the file is on disk and an interruption
    /// would leave it: `mkstemp` writes the name it picks into the remembered slot itself.
    /// (Remembering after `mkstemp` returned left a `.agg.rejects.csv.fd31ST` behind when
    /// Ctrl-C came in between.) Returns the descriptor (negative on failure, with `errno`
    /// set), the path made, and the slot to `forget(_:)`, nil when the table was full.
    static func makeTemporary(_ template: String) -> (descriptor: Int32, path: String, slot: Int?) {
        _ = installed
        var bytes = Array(template.utf8CString)
        if let slot = claim(bytes) {
            let name = paths + slot * pathBytes
            let descriptor = mkstemp(name)
            if descriptor < 0 {
                let failure = errno
                forget(slot)
                errno = failure
                return (descriptor, template, nil)
            }
            return (descriptor, String(cString: name), slot)
        }
        let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        return (descriptor, bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, nil)
    }

    static func forget(_ slot: Int?) {
        guard let slot else { return }
        pthread_mutex_lock(lock)
        inUse[slot] = 0
        pthread_mutex_unlock(lock)
    }

    /// The path remembered in `slot`, as the handler would read it.
    static func path(in slot: Int) -> String? {
        inUse[slot] != 0 ? String(cString: paths + slot * pathBytes) : nil
    }

    /// Unlinks every file still remembered: what the handler does, callable from a test.
    static func removeAll() {
        for slot in 0..<slots where inUse[slot] != 0 {
            unlink(paths + slot * pathBytes)
        }
    }
}
