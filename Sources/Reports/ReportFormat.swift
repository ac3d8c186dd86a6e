/// How a run writes its reports: Markdown with SVG charts beside it (the default, readable
/// in any viewer and diff-able), one standalone HTML page per report for browsers and email,
/// or one Excel workbook per report for people who sort, filter and sum. A run may write
/// several (`--format md,xlsx`).
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    case xlsx

    public var fileExtension: String { rawValue }

    /// Markdown and HTML are pages a run's index can be; a workbook is not.
    public var isPage: Bool { self != .xlsx }

    /// The names a user may write, for messages.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// One format by name (`markdown` is accepted for `md`).
    public init?(name: String) {
        let trimmed = name.split(separator: " ").joined().lowercased()
        self.init(rawValue: trimmed == "markdown" ? "md" : trimmed)
    }

    /// A list as written on the command line (`md,xlsx`) or in a pipeline (`[md, xlsx]`):
    /// each name known, none twice. The error message says what is accepted.
    public static func list(_ names: [String]) throws(ReportFormatError) -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for name in names {
            guard let format = ReportFormat(name: name) else {
                throw ReportFormatError(message: "'\(name.prefix(60))' is not a report format; use one or more of \(ReportFormat.names), separated by commas (e.g. md,xlsx)")
            }
            guard !formats.contains(format) else {
                throw ReportFormatError(message: "'\(format.rawValue)' is given twice; list each report format once")
            }
            formats.append(format)
        }
        guard !formats.isEmpty else { throw ReportFormatError(message: "no report format given; use one or more of \(ReportFormat.names)") }
        return formats
    }
}

/// A report format list that cannot be used, with what to write instead.
public struct ReportFormatError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// What a run's reports look like; set once per run.
public struct ReportOptions: Sendable, Equatable {
    /// In the order given; never empty.
    public var formats: [ReportFormat]
    public var numbers: NumberStyle

    public init(formats: [ReportFormat] = [.markdown], numbers: NumberStyle = NumberStyle()) {
        self.formats = formats.isEmpty ? [.markdown] : formats
        self.numbers = numbers
    }

    public init(format: ReportFormat, numbers: NumberStyle = NumberStyle()) {
        self.init(formats: [format], numbers: numbers)
    }

    /// The format of pages that link to the reports (the run's index): the first page format
    /// listed, Markdown when only workbooks are.
    public var pageFormat: ReportFormat { formats.first(where: \.isPage) ?? .markdown }
}
