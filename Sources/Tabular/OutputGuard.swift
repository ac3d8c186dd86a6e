#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses, before anything is written, a run that would write over a file it reads or write
/// two of its outputs to one file.
///
/// A command writes more than its `--out`: an accuracy file, a rejects file (which a clean
/// import removes), a lock file beside the output (truncated, then removed), a run history,
/// and a folder that replaces the old one whole. Any of these pointed at the export, directly
/// or through a default derived from `--out`, used to destroy it while the run exited 0.
/// Paths are compared as files, not as text: `./a.csv`, a hard link or a symbolic link to the
/// input is the input.
public struct OutputGuard: Sendable {
    /// A path as the user gave it, with how a message names it and what to do instead.
    public struct Named: Sendable {
        public var path: String
        /// `--accuracy`, `the default rejects file beside --out`.
        public var label: String
        /// What to do when it is refused: `choose another path for --accuracy`.
        public var remedy: String

        public init(_ path: String, _ label: String, remedy: String) {
            self.path = path
            self.label = label
            self.remedy = remedy
        }
    }

    /// Files the run reads.
    public var inputs: [Named] = []
    /// Files the run writes (or truncates, or removes).
    public var files: [Named] = []
    /// Folders the run replaces whole: nothing it reads may be inside one.
    public var folders: [Named] = []

    public init(inputs: [Named] = [], files: [Named] = [], folders: [Named] = []) {
        self.inputs = inputs
        self.files = files
        self.folders = folders
    }

    /// Throws a usage error naming both paths and what to do, for the first collision.
    public func check() throws {
        // Standard input is read once and standard output is one stream: two inputs given as `-`
        // left the second an empty file (a data error naming neither flag), and two outputs
        // wrote one CSV after the other into the stream.
        let stdinReaders = inputs.filter { $0.path == "-" }, stdoutWriters = files.filter { $0.path == "-" }
        if stdinReaders.count > 1 {
            throw UsageError("\(stdinReaders.map(\.label).joined(separator: " and ")) \(stdinReaders.count == 2 ? "both" : "all") name standard input (-), which can be read once; give all but one as files")
        }
        if stdoutWriters.count > 1 {
            throw UsageError("\(stdoutWriters.map(\.label).joined(separator: " and ")) \(stdoutWriters.count == 2 ? "both" : "all") name standard output (-), which would hold one CSV after the other; \(stdoutWriters[1].remedy)")
        }
        // An input that does not exist is the import's to report ("file not found").
        let read = inputs.compactMap { input in OutputGuard.identity(input.path, existing: true).map { (input, $0) } }
        let written = files.compactMap { file in OutputGuard.identity(file.path).map { (file, $0) } }
        for (file, id) in written {
            if let (input, _) = read.first(where: { $0.1 == id }) {
                throw UsageError("\(file.label) names \(file.path), which is the input file \(input.path) (\(input.label)); writing there would replace the export, so \(file.remedy)")
            }
        }
        for (k, (first, id)) in written.enumerated() {
            if let (second, _) = written[(k + 1)...].first(where: { $0.1 == id }) {
                let same = second.path == first.path ? first.path : "\(first.path) and \(second.path)"
                throw UsageError("\(first.label) and \(second.label) name one file (\(same)); one would replace the other, so \(second.remedy)")
            }
        }
        for folder in folders {
            // The output folder named as an input file (`track --history h.sqlite --out
            // h.sqlite`): a usage error like any other clash, where it failed as a data error
            // ("exists and is not a folder") once the run reached it.
            if let id = OutputGuard.identity(folder.path, existing: true), let (input, _) = read.first(where: { $0.1 == id }) {
                throw UsageError("\(folder.label) names \(folder.path), which is the input file \(input.path) (\(input.label)); the run writes a folder of files there, so name another folder for \(folder.label)")
            }
            // A folder the run is about to make holds no input, but may already be named as
            // the place of a file the run writes beside it (`--out o --history o/h.sqlite`).
            guard let root = OutputGuard.existingFolder(folder.path) ?? OutputGuard.absentFolder(folder.path) else { continue }
            for (input, _) in read where OutputGuard.resolved(input.path).map({ OutputGuard.isInside($0, root) }) ?? false {
                throw UsageError("\(folder.label) \(folder.path) holds the input file \(input.path) (\(input.label)), and the run replaces that folder whole, which would delete it; \(folder.remedy)")
            }
            for file in files where OutputGuard.resolved(file.path).map({ OutputGuard.isInside($0, root) }) ?? false {
                throw UsageError("\(file.label) names \(file.path), inside \(folder.label) \(folder.path), which the run replaces whole; \(file.remedy)")
            }
        }
    }

    /// What makes two paths one file: the device and inode of an existing file or folder, or
    /// else the absolute path with the folder's symbolic links resolved. Nil for standard
    /// input or output (`-`) and for devices and pipes (`/dev/null`), which are written in
    /// place and never replaced.
    enum Identity: Equatable {
        case inode(UInt64, UInt64)
        case path(String)
    }

    static func identity(_ path: String, existing: Bool = false) -> Identity? {
        guard path != "-", !path.isEmpty else { return nil }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFDIR else { return nil }
            return .inode(UInt64(info.st_dev), UInt64(info.st_ino))
        }
        return existing ? nil : resolved(path).map { .path($0) }
    }

    /// The absolute path, with symbolic links resolved as far as the path exists.
    static func resolved(_ path: String) -> String? {
        guard path != "-", !path.isEmpty else { return nil }
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // Not there (yet): its folder's real path and its own name.
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: "/")
        let folder = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        if let real = realpath(folder, nil) {
            defer { free(real) }
            let base = String(cString: real)
            return (base == "/" ? "" : base) + "/" + name
        }
        return normalised(trimmed)
    }

    /// The real path of an existing folder, nil when there is none.
    static func existingFolder(_ path: String) -> String? {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return resolved(path)
    }

    /// The absolute path of a folder not made yet, nil when something is there.
    static func absentFolder(_ path: String) -> String? {
        var info = stat()
        guard path != "-", !path.isEmpty, stat(path, &info) != 0 else { return nil }
        return resolved(path)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// An absolute path without `.`, `..` or doubled slashes, for a path whose folder does not exist.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                absolute = String(cString: buffer) + "/" + path
            }
        }
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
