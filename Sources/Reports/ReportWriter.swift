import Tabular
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report in one format: `NAME.md` with its charts as `NAME_CHART.svg`,
/// `NAME.html` with the charts inline, or the workbook `NAME.xlsx`. Each file is written
/// atomically.
public enum ReportWriter {
    /// Writes `report` as `name` in `directory`; returns the file names written, report first.
    @discardableResult
    public static func write(_ report: Report, name: String, in directory: String, format: ReportFormat,
                             numbers: NumberStyle = NumberStyle(), provenance: RunProvenance? = nil) throws -> [String] {
        switch format {
        case .markdown:
            var written = [name + ".md"]
            try writeText(report.markdown(figurePrefix: name), to: directory + "/" + name + ".md")
            for figure in report.figures {
                let file = Report.figureFile(figure, prefix: name)
                try writeText(figure.svg, to: directory + "/" + file)
                written.append(file)
            }
            return written
        case .html:
            try writeText(report.html(), to: directory + "/" + name + ".html")
            return [name + ".html"]
        case .xlsx:
            try writeWorkbook(report, to: directory + "/" + name + ".xlsx", numbers: numbers, provenance: provenance)
            return [name + ".xlsx"]
        }
    }

    /// libxlsxwriter writes the file at close, so the workbook goes to a hidden name beside
    /// its target and is renamed into place only when complete.
    static func writeWorkbook(_ report: Report, to path: String, numbers: NumberStyle, provenance: RunProvenance?) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + "." + String(path[slash...]) + ".tmp-\(getpid())"
        do {
            try report.writeWorkbook(to: temporary, numbers: numbers, provenance: provenance)
            guard rename(temporary, path) == 0 else {
                throw Workbook.failure(path, String(cString: strerror(errno)))
            }
        } catch var failure as InputError {
            // Name the workbook the user asked for, not its hidden temporary name.
            unlink(temporary)
            failure.file = path
            throw failure
        } catch {
            unlink(temporary)
            throw error
        }
    }

    static func writeText(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }
}
