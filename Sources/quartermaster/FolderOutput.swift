import Tabular

/// `--out` of a command that writes a folder of files (`run`, `reorder`, `variance`, `staffing`).
enum FolderOutput {
    /// `-` means standard output to the commands that write one CSV; a folder of reports
    /// cannot go there, and taking `-` as a folder name (as these commands once did) surprised
    /// people. Refused before anything is read or written.
    static func check(_ out: String?, command: String, writes files: [String]) throws {
        guard out == "-" else { return }
        throw UsageError("--out -: \(command) writes a folder (\(files.joined(separator: ", ")), with index.md and manifest.json), not one CSV to standard output; give a folder path, e.g. --out out")
    }
}
