/// The series a run forecast on fewer weekdays than their file records (`SeriesWeekdays`),
/// counted with the first few named, for the run's note: a forecast of nothing on a clinic
/// item's Saturdays is a choice the user should be able to see and check.
public struct SeriesOnFewerWeekdays: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var examples: [String] = []

    public init() {}

    public mutating func add(_ key: String, _ weekdays: OpenWeekdays) {
        count += 1
        if examples.count < 3 { examples.append("\(key): \(weekdays.names)") }
    }

    /// "2 series are used on fewer weekdays than the file records ...", or nil when none is.
    public var note: String? {
        guard count > 0 else { return nil }
        let which = count == 1 ? "1 series is" : "\(count) series are"
        return "\(which) used on fewer weekdays than the file records and forecast on \(count == 1 ? "its" : "their") own ("
            + examples.joined(separator: "; ") + (count > examples.count ? "; ..." : "") + "): nothing on the other days, and months as long as the weekdays they hold"
    }
}
