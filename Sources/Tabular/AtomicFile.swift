#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears at its final path only when complete.
///
/// Bytes go to a hidden temporary file beside the target; `commit()` flushes and renames
/// it into place. A run that fails (or is interrupted) leaves whatever was there before, and
/// an interruption removes the temporary file (`InterruptCleanup`).
/// The path `-` writes straight to standard output; a device or pipe (`/dev/null`) is written
/// in place, since renaming onto it would replace the device with a regular file; a symbolic
/// link keeps pointing at the file it names.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String?
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity = 1 << 18
    private var closed = false

    /// The file written in place: standard output, or a device or pipe such as /dev/null,
    /// which a rename would replace with a regular file.
    private let inPlace: Bool

    public init(path: String) throws {
        self.path = path
        buffer = .allocate(capacity: capacity)
        if path == "-" {
            temporaryPath = nil
            fd = 1
            inPlace = true
            return
        }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            // Replace the file the link points to, not the link.
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
        }
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFDIR:
                buffer.deallocate()
                throw InputError(file: path, "is a folder; give the path of a file to write")
            default:
                let descriptor = open(target, O_WRONLY)
                guard descriptor >= 0 else {
                    buffer.deallocate()
                    throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno)))")
                }
                temporaryPath = nil
                fd = descriptor
                inPlace = true
                return
            }
        }
        inPlace = false
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let made = InterruptCleanup.makeTemporary("\(directory.isEmpty ? "/" : directory)/.\(name).XXXXXX")
        let descriptor = made.descriptor
        guard descriptor >= 0 else {
            buffer.deallocate()
            throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno))); check that the folder exists and is writable")
        }
        fchmod(descriptor, 0o644)
        fd = descriptor
        temporaryPath = made.path
        finalPath = target
        cleanupSlot = made.slot
    }

    /// Where an interruption finds the temporary file to remove it (`InterruptCleanup`).
    private var cleanupSlot: Int?

    /// Where the temporary file is renamed to (the link's target for a symbolic link).
    private var finalPath: String?

    deinit {
        if !closed { abandon() }
        buffer.deallocate()
    }

    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if count + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try writeAll(bytes)
            return
        }
        if let base = bytes.baseAddress {
            (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func flush() throws {
        try writeAll(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && path == "-" {
                    throw InputError(file: "standard output", "the reader closed it before the output was written whole (a pipe to head?), so the run failed; write to a file with --out FILE and read that")
                }
                throw InputError(file: path, "write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Flushes and moves the file into place.
    public func commit() throws {
        guard !closed else { return }
        try flush()
        closed = true
        guard let temporaryPath else {
            if inPlace && fd != 1 { close(fd) }
            return
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            unlink(temporaryPath)
            InterruptCleanup.forget(cleanupSlot)
            throw InputError(file: path, "could not be saved: \(String(cString: strerror(errno)))")
        }
        defer { InterruptCleanup.forget(cleanupSlot) }
        if rename(temporaryPath, finalPath ?? path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw InputError(file: path, "could not be moved into place: \(reason)")
        }
    }

    /// Drops what was written; the target is left as it was.
    public func abandon() {
        guard !closed else { return }
        closed = true
        guard let temporaryPath else {
            if inPlace && fd != 1 { close(fd) }
            return
        }
        close(fd)
        unlink(temporaryPath)
        InterruptCleanup.forget(cleanupSlot)
    }
}
