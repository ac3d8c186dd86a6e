/// How a run writes its reports: Markdown with SVG charts beside it (the default, readable
/// in any viewer and diff-able), or one standalone HTML page per report for browsers and email.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html

    public var fileExtension: String { rawValue }
}

/// What a run's reports look like; set once per run.
public struct ReportOptions: Sendable, Equatable {
    public var format: ReportFormat
    public var numbers: NumberStyle

    public init(format: ReportFormat = .markdown, numbers: NumberStyle = NumberStyle()) {
        self.format = format
        self.numbers = numbers
    }
}
