import Forecasting
import Tabular

/// The days a timekeeping export covers: from the first to the last date of its rows, and of
/// the days its spans start on (spans in a file of their own may carry no date column).
///
/// A shift is inside the export when its day is, not when it lies between the first punch-in
/// and the last punch-out: measured by the punches, a last night whose nurses all left at 03:00
/// ended the export at 03:00 itself, and the one shift most likely empty at its end was skipped
/// as "outside the spans". Ends never widen or narrow the period; starts and row dates do.
public struct TimekeepingPeriod: Sendable, Equatable {
    public private(set) var first: CalendarDay?
    public private(set) var last: CalendarDay?

    public init() {}

    /// Adds the dates of the export's rows.
    public mutating func add(days: [CalendarDay]) {
        for day in days where day.daysSinceEpoch != .min { add(day) }
    }

    /// Adds the day a span starts on (`start` in minutes since the epoch, on the spans' clock).
    public mutating func add(startingAt start: Int) {
        add(CalendarDay(daysSinceEpoch: Int32(SpanDays.day(start))))
    }

    public mutating func add(_ day: CalendarDay) {
        if first.map({ day < $0 }) ?? true { first = day }
        if last.map({ day > $0 }) ?? true { last = day }
    }

    /// First through last day; nil for an export with no rows.
    public var days: ClosedRange<CalendarDay>? {
        guard let first, let last else { return nil }
        return first...last
    }

    /// Whether `day` is one of the export's days.
    public func covers(_ day: CalendarDay) -> Bool { days?.contains(day) ?? false }
}

extension TimekeepingPeriod {
    /// The periods of `frequency` the export covers whole, counting only the days `open` (a
    /// weekday unit's week ends on Friday); nil when it covers none whole.
    ///
    /// Planning learns from complete periods only (DESIGN.md). A Sunday-to-Saturday export read
    /// by ISO week has a first week of 1 day and a last of 6: learned as whole weeks, they drew
    /// the overtime and agency hours at trend of a unit with 112 overtime and 84 agency hours in
    /// every whole week to 1,370 and 1,027 over 13 weeks, where 1,456 and 1,092 are right.
    public func wholePeriods(of frequency: Frequency, open: OpenWeekdays = .all) -> ClosedRange<Int>? {
        guard let first, let last else { return nil }
        var from = frequency.period(of: first), through = frequency.period(of: last)
        if !open.noneOpen(from: frequency.firstDay(of: from), through: first.adding(days: -1)) { from += 1 }
        if !open.noneOpen(from: last.adding(days: 1), through: frequency.firstDay(of: through + 1).adding(days: -1)) { through -= 1 }
        return from <= through ? from...through : nil
    }
}
