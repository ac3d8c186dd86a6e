import Tabular

/// When a shift runs on the clock: its start and end as minutes after midnight. A shift that
/// ends at or before its start ends the next day (a night from 19:00 to 07:00).
public struct ShiftWindow: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Length in minutes; a shift ending before it starts runs past midnight.
    public var minutes: Int { end > start ? end - start : end + ClockTime.minutesPerDay - start }

    public var crossesMidnight: Bool { end <= start }

    /// The window on `day` (the day the shift starts), in minutes since 1970-01-01.
    public func interval(on day: CalendarDay) -> (start: Int, end: Int) {
        let base = Int(day.daysSinceEpoch) * ClockTime.minutesPerDay
        return (base + start, base + start + minutes)
    }

    /// Shift names a shifts file may use without start and end columns: the 12-hour pattern
    /// most US inpatient units staff by (day 07:00-19:00, night 19:00-07:00). Any other name
    /// needs its times on the row, because an unknown name guessed wrong would check the
    /// ratio against the wrong staff.
    public static let standard: [String: ShiftWindow] = [
        "day": ShiftWindow(start: 7 * 60, end: 19 * 60), "d": ShiftWindow(start: 7 * 60, end: 19 * 60),
        "night": ShiftWindow(start: 19 * 60, end: 7 * 60), "n": ShiftWindow(start: 19 * 60, end: 7 * 60),
    ]

    /// The standard window of a name, in any case and spacing.
    public static func standard(named name: String) -> ShiftWindow? { standard[name.matchKey()] }

    /// `day` or `night` for a standard name or its letter (`D`, `Day`, `n`, `NIGHT`), nil for
    /// any other: the grid and the shifts ahead group a shift's history by it, and `D` beside
    /// `Day` split one shift's census levels and schedule into two half-histories.
    public static func standardName(of name: String) -> String? {
        switch name.matchKey() {
        case "day", "d": return "day"
        case "night", "n": return "night"
        default: return nil
        }
    }
}
