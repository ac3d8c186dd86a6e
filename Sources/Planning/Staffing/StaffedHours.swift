import Tabular

/// The hours a day a unit has staff on duty, by weekday, from its shifts' times: what the
/// ratio minimum (`StaffingPlanner.plan`) multiplies the staff a census needs by.
///
/// Counted 24 hours a day, an endoscopy recovery unit open Monday to Friday 07:00-17:00 (one
/// 10-hour shift, 20 patients at 1:4: 5 RNs x 10 h x 5 days = 250 h a week, exactly its HPPD
/// plan) was told to "plan to the ratio" of 5 x 24 x 5 = 600 h, while all 60 of its shift
/// checks were compliant. A weekday is staffed for the clock time its shifts cover (the union
/// of their windows, so a day 07:00-19:00 and a night 19:00-07:00 are 24 hours, and two
/// overlapping shifts are not counted twice), and a weekday on which the shifts file has no
/// shift of the unit is closed, when the file covers a whole week of it.
public struct StaffedHours: Sendable, Equatable {
    /// Hours staffed on each ISO weekday, Monday first.
    public private(set) var hoursByWeekday: [Double]

    public init(hoursByWeekday: [Double]) {
        precondition(hoursByWeekday.count == 7)
        self.hoursByWeekday = hoursByWeekday
    }

    /// Hours staffed on `day`'s weekday.
    public func hours(on day: CalendarDay) -> Double { hoursByWeekday[day.isoWeekday - 1] }

    /// Hours staffed on each of the `count` days from `first`.
    public func hours(from first: CalendarDay, count: Int) -> [Double] {
        (0..<max(0, count)).map { hours(on: first.adding(days: $0)) }
    }

    /// Each unit's staffed hours from its shifts: the day each shift starts on and its window.
    /// A unit whose shifts span less than a week (a shifts file of three days) gives its other
    /// weekdays the mean of the weekdays it shows, not a closed day nobody recorded.
    public struct Builder: Sendable {
        private var windows: [String: [Set<ShiftWindow>]] = [:]
        private var span: [String: (first: CalendarDay, last: CalendarDay)] = [:]

        public init() {}

        public mutating func add(unit: String, day: CalendarDay, window: ShiftWindow) {
            windows[unit, default: Array(repeating: [], count: 7)][day.isoWeekday - 1].insert(window)
            let known = span[unit]
            span[unit] = (min(known?.first ?? day, day), max(known?.last ?? day, day))
        }

        public var units: [String: StaffedHours] {
            var result: [String: StaffedHours] = [:]
            for (unit, byWeekday) in windows {
                var hours = byWeekday.map { StaffedHours.unionMinutes(Array($0)) / 60 }
                if let s = span[unit], s.last.daysSinceEpoch - s.first.daysSinceEpoch < 6 {
                    let seen = byWeekday.indices.filter { !byWeekday[$0].isEmpty }
                    let mean = seen.reduce(0) { $0 + hours[$1] } / Double(max(1, seen.count))
                    for w in 0..<7 where byWeekday[w].isEmpty { hours[w] = mean }
                }
                result[unit] = StaffedHours(hoursByWeekday: hours)
            }
            return result
        }
    }

    /// Minutes of clock time the windows cover together, from the earliest start, at most a day.
    static func unionMinutes(_ windows: [ShiftWindow]) -> Double {
        let intervals = windows.map { ($0.start, $0.start + $0.minutes) }.sorted { $0 < $1 }
        var total = 0, end = Int.min
        for (s, e) in intervals {
            if s >= end { total += e - s; end = e } else if e > end { total += e - end; end = e }
        }
        return Double(min(total, ClockTime.minutesPerDay))
    }
}
