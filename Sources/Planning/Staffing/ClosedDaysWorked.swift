import Forecasting
import Tabular

/// Weekdays a unit's census reads as closed (it records no patients on them) while the unit's
/// timekeeping shows substantial hours worked on them: a census missing those days (a report
/// run on business days, a Monday snapshot), not a unit that closes.
///
/// The census's open weekdays (`UnitOpenWeekdays`) are the contract for a clinic shut at
/// weekends, but a ward whose weekday-only census left out Saturdays and Sundays was planned
/// as a Monday-to-Friday unit, 29% low, its hours per patient day 7.35 for 5.25 (all seven
/// days' hours over five days' census), with no note; a Monday-only snapshot census planned
/// 3.33 FTE for 23.33. The unit's own hours tell the two apart: a closed day is not staffed.
/// Said, with the hours, so the census can be exported for every day.
public struct ClosedDaysWorked: Sendable, Equatable {
    /// Hours on those days as a share of the unit's worked hours from which they are named; a
    /// manager's Saturday paperwork at a clinic is a few percent.
    public static let share = 0.1
    /// And the fewest distinct days with hours among them (a stray weekend entry is no pattern).
    public static let fewestDays = 4

    public var unit: String
    /// The weekdays the census reads as closed that have hours worked.
    public var weekdays: OpenWeekdays
    /// The census's open weekdays.
    public var open: OpenWeekdays
    public var hours: Double
    /// Of the unit's worked hours.
    public var shareOfHours: Double

    /// "4 West: the census records patients Monday to Friday only, so the plan reads Saturday
    /// and Sunday as closed, ..."
    public var sentence: String {
        "\(unit): the census records patients \(open.names) only, so the plan reads \(weekdays.names) as closed, "
            + "but the unit's timekeeping has \(NumberFormat.fixed(hours, decimals: 0)) h worked on \(weekdays.count == 1 ? "that day" : "those days") "
            + "(\(NumberFormat.fixed(100 * shareOfHours, decimals: 0))% of its hours), counted against the census of its open days"
    }

    /// Worked hours of each unit by weekday, and the days they fall on, as rows are read.
    public struct Builder: Sendable {
        private(set) var hours: [String: [Double]] = [:]
        private(set) var daysByWeekday: [String: [Set<Int32>]] = [:]
        private var lastUnit = "", lastDay = Int32.min
        public init() {}

        public mutating func add(unit: String, day: CalendarDay, hours worked: Double) {
            let w = day.isoWeekday - 1
            hours[unit, default: [Double](repeating: 0, count: 7)][w] += worked
            // Rows come a unit and a day at a time: one insert per unit and day.
            guard unit != lastUnit || day.daysSinceEpoch != lastDay else { return }
            lastUnit = unit
            lastDay = day.daysSinceEpoch
            daysByWeekday[unit, default: [Set<Int32>](repeating: [], count: 7)][w].insert(day.daysSinceEpoch)
        }

        /// The units (of `open`, by unit) with closed weekdays worked, by name.
        public func found(open: [String: OpenWeekdays]) -> [ClosedDaysWorked] {
            open.keys.sorted().compactMap { unit in
                guard let weekdayHours = hours[unit], let open = open[unit], open != .all else { return nil }
                let total = weekdayHours.reduce(0, +)
                var mask: UInt8 = 0, closedHours = 0.0, openHours = 0.0, closedDays = 0
                for w in 0..<7 {
                    if open.mask & (1 << UInt8(w)) != 0 { openHours += weekdayHours[w]; continue }
                    guard weekdayHours[w] > 0 else { continue }
                    mask |= 1 << UInt8(w)
                    closedHours += weekdayHours[w]
                    closedDays += daysByWeekday[unit]?[w].count ?? 0
                }
                // Open days without hours are a totals export dated on one weekday, not a pattern.
                guard total > 0, openHours > 0, closedDays >= ClosedDaysWorked.fewestDays, closedHours >= ClosedDaysWorked.share * total else { return nil }
                return ClosedDaysWorked(unit: unit, weekdays: OpenWeekdays(mask: mask), open: open, hours: closedHours, shareOfHours: closedHours / total)
            }
        }
    }
}
