import Foundation

/// One run as the history stores it: when and what ran, and what each forecasting stage
/// recorded. Appended whole, in one transaction, or not at all.
public struct RunRecord: Sendable {
    /// `forecast`, `run`, ...
    public var command: String
    public var startedAt: Date
    /// The pipeline file's SHA-256 (empty for a canned command).
    public var pipelineSHA256: String
    /// Where the run wrote its outputs.
    public var output: String
    public var stages: [StageRecord] = []

    public init(command: String, startedAt: Date = Date(), pipelineSHA256: String = "", output: String) {
        self.command = command
        self.startedAt = startedAt
        self.pipelineSHA256 = pipelineSHA256
        self.output = output
    }

    /// The last period of data the run saw (the latest over its stages).
    public var asOf: String? {
        stages.max { $0.lastPeriod < $1.lastPeriod }.map { $0.frequency.label($0.lastPeriod) }
    }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(formatter)
    }
}
