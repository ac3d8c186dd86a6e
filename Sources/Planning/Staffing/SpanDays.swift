/// The days on which each unit has a worked span starting, from the timekeeping's punches.
///
/// A shift is checked against the staff on duty only where its unit's timekeeping runs: on a
/// day no span of the unit starts, the export is missing it (a week not exported for one
/// unit), which is no sign that nobody was on duty. Starts, not any overlap: the night shift
/// ending at 07:00 touched the first missing day, and its day shift read as nobody on duty.
/// Days are counted from the epoch in the spans' own clock (minutes since the epoch).
public struct SpanDays: Sendable {
    private var days: [String: Set<Int>] = [:]

    public init() {}

    /// Records a span of `unit` starting at `start` (minutes since the epoch).
    public mutating func add(unit: String, startingAt start: Int) {
        days[unit, default: []].insert(SpanDays.day(start))
    }

    /// Whether a span of `unit` starts on the day of `minute`.
    public func covers(unit: String, dayOf minute: Int) -> Bool {
        days[unit]?.contains(SpanDays.day(minute)) ?? false
    }

    static func day(_ minute: Int) -> Int { minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440) }
}
