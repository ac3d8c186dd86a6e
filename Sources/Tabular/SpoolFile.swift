#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file with no name, holding standard input while its encoding is settled on the
/// whole of it (`EncodingCensus`), then read back in its place.
///
/// A pipe cannot be read twice, so its first chunk alone chose the encoding: a Windows-1252
/// accent after it was read as UTF-8 and its row rejected, while the same bytes given as a
/// file were read whole as Windows-1252. The file is unlinked as soon as it is made, so an
/// error, an interruption or a crash leaves nothing behind (`InterruptCleanup` has nothing to
/// remove); its space is freed when the descriptor closes.
struct SpoolFile {
    /// The open descriptor, read and write, positioned at the end of what was written.
    let fd: Int32
    /// Where it lives, for messages: `$TMPDIR`, else `/tmp`.
    let directory: String

    init() throws {
        var folder = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        if folder.isEmpty { folder = "/tmp" }
        directory = folder
        var template = Array("\(folder.hasSuffix("/") ? String(folder.dropLast()) : folder)/.quartermaster-stdin.XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SpoolFile.failure(folder) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        fd = descriptor
    }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                let error = SpoolFile.failure(directory)
                close(fd)
                throw error
            }
            done += n
        }
    }

    /// Moves back to the start, for reading what was written.
    func rewind() throws {
        guard lseek(fd, 0, SEEK_SET) == 0 else {
            let error = SpoolFile.failure(directory)
            close(fd)
            throw error
        }
    }

    /// The error for `errno`, with what to do.
    private static func failure(_ directory: String) -> InputError {
        InputError(file: "<stdin>", "could not be held in a temporary file in \(directory) to settle its encoding on the whole input: \(String(cString: strerror(errno))); free space there or set TMPDIR, give the file by name, or name its encoding (--encoding utf-8 or windows-1252), which reads standard input as it comes")
    }
}
