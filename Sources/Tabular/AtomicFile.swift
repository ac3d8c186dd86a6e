#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears at its final path only when complete.
///
/// Bytes go to a hidden temporary file beside the target; `commit()` flushes and renames
/// it into place. A run that fails (or is killed) leaves whatever was there before.
/// The path `-` writes straight to standard output.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String?
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let capacity = 1 << 18
    private var closed = false

    public init(path: String) throws {
        self.path = path
        buffer = .allocate(capacity: capacity)
        if path == "-" {
            temporaryPath = nil
            fd = 1
            return
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            buffer.deallocate()
            throw InputError(file: path, "cannot be written: \(String(cString: strerror(errno))); check that the folder exists and is writable")
        }
        fchmod(descriptor, 0o644)
        fd = descriptor
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

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
        guard let temporaryPath else { return }
        if fsync(fd) != 0 || close(fd) != 0 {
            unlink(temporaryPath)
            throw InputError(file: path, "could not be saved: \(String(cString: strerror(errno)))")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw InputError(file: path, "could not be moved into place: \(reason)")
        }
    }

    /// Drops what was written; the target is left as it was.
    public func abandon() {
        guard !closed else { return }
        closed = true
        guard let temporaryPath else { return }
        close(fd)
        unlink(temporaryPath)
    }
}
