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

    /// The last period of data the run saw: that of the stage whose last period ends latest.
    /// Compared by their last days, not their numbers: periods of different frequencies are
    /// counted from different origins (a month's number, about 24,300, beat December's week,
    /// about 2,900, and a run through 2025-W52 with a monthly stage through June said 2025-06).
    public var asOf: String? {
        stages.filter { !$0.isEmpty }.max { $0.frequency.firstDay(of: $0.lastPeriod + 1) < $1.frequency.firstDay(of: $1.lastPeriod + 1) }
            .map { $0.frequency.label($0.lastPeriod) }
    }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(formatter)
    }
}
