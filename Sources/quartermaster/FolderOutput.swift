import Foundation
import Tabular

/// `--out` of the commands: a folder of files (`run`, `reorder`, `variance`, `staffing`), or one file.
enum FolderOutput {
    /// `-` means standard output to the commands that write one CSV; a folder of reports
    /// cannot go there, and taking `-` as a folder name (as these commands once did) surprised
    /// people. Refused before anything is read or written.
    static func check(_ out: String?, command: String, writes files: [String]) throws {
        guard out == "-" else { return }
        throw UsageError("--out -: \(command) writes a folder (\(files.joined(separator: ", ")), with index.md and manifest.json), not one CSV to standard output; give a folder path, e.g. --out out")
    }

    /// Creates the folder an output file goes into (`out/monthly.csv` on a fresh checkout,
    /// where `out/` is not kept): the folder commands make theirs, and the file commands
    /// failed at their lock file with "No such file or directory".
    static func makeParent(of output: String) {
        guard output != "-", let slash = output.lastIndex(of: "/"), slash != output.startIndex else { return }
        try? FileManager.default.createDirectory(atPath: String(output[..<slash]), withIntermediateDirectories: true)
    }
}
