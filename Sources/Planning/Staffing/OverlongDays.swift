import Tabular

/// Employee-days whose timekeeping rows add up to more hours than a day holds.
///
/// Why: no one works 36 hours in a day, but a timekeeping export that repeats a shift under
/// a second pay code (regular and overtime for the same 12 hours) or lists a pay period's
/// total on one day reads that way, and every such hour lifts the unit's hours per patient
/// day and its premium share without a word. The rows are each valid, so they are not
/// rejected; the days are counted and the largest named by unit and date (never by
/// employee: DESIGN keeps employee ids out of every output).
public struct OverlongDays: Sendable {
    public struct Day: Sendable, Equatable {
        public var unit: String
        public var day: CalendarDay
        public var hours: Double
    }

    /// Hours a day holds.
    public static let limit = 24.0

    /// Employee-days over the limit.
    public private(set) var count = 0
    /// The largest of them (most hours first, then the earlier day), up to `shown`.
    public private(set) var largest: [Day] = []

    /// `employees` holds a number per row standing for its employee (the import never keeps
    /// the ids themselves); a negative number is a row without one, which is no one's day.
    public init(employees: [Int32], days: [CalendarDay], units: [String], hours: [Double], shown: Int = 5) {
        var total: [Int64: Double] = [:], unitRow: [Int64: Int] = [:]
        for row in employees.indices where employees[row] >= 0 && hours[row].isFinite && hours[row] > 0 {
            let key = Int64(employees[row]) << 32 | Int64(UInt32(bitPattern: days[row].daysSinceEpoch))
            total[key, default: 0] += hours[row]
            if unitRow[key] == nil { unitRow[key] = row }
        }
        var over: [Day] = []
        for (key, hours) in total where hours > Self.limit + 1e-9 {
            let row = unitRow[key] ?? 0
            over.append(Day(unit: units[row], day: days[row], hours: hours))
        }
        count = over.count
        largest = Array(over.sorted { ($0.hours, $1.day.daysSinceEpoch, $1.unit) > ($1.hours, $0.day.daysSinceEpoch, $0.unit) }.prefix(shown))
    }
}
