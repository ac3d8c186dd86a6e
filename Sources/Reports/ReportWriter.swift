import Tabular

/// Writes a report in the run's format: `NAME.md` with its charts as `NAME_CHART.svg`, or
/// `NAME.html` with the charts inline. Each file is written atomically.
public enum ReportWriter {
    /// Writes `report` as `name` in `directory`; returns the file names written, report first.
    @discardableResult
    public static func write(_ report: Report, name: String, in directory: String, format: ReportFormat) throws -> [String] {
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
