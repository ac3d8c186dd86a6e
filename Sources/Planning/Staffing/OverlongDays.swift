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
    /// The largest of them (most hours first, then in export order), up to `shown`.
    public private(set) var largest: [Day] = []

    /// `employees` holds a number per row standing for its employee (the import never keeps
    /// the ids themselves); a negative number is a row without one, which is no one's day.
    public init(employees: [Int32], days: [CalendarDay], units: [String], hours: [Double], shown: Int = 5, denseSlots: Int = OverlongDays.denseSlots) {
        var people = 0, first = Int32.max, last = Int32.min
        for row in employees.indices where employees[row] >= 0 {
            people = max(people, Int(employees[row]) + 1)
            first = min(first, days[row].daysSinceEpoch)
            last = max(last, days[row].daysSinceEpoch)
        }
        guard people > 0 else { return }
        // Each employee-day's hours in one flat array when it is small enough (a year of a
        // thousand staff is 365,000 slots, 4 bytes each); else the rows sorted by employee and day. Hashing
        // each row's employee and day into a dictionary doubled a timekeeping import's time.
        let span = Int(last - first) + 1
        var over: [(row: Int, hours: Double)] = []
        if people * span <= denseSlots {
            var total = [Float](repeating: 0, count: people * span)
            var firstRow = [Int32](repeating: -1, count: people * span)
            for row in employees.indices where employees[row] >= 0 && hours[row].isFinite && hours[row] > 0 {
                let slot = Int(employees[row]) * span + Int(days[row].daysSinceEpoch - first)
                total[slot] += Float(hours[row])
                if firstRow[slot] < 0 { firstRow[slot] = Int32(row) }
            }
            for slot in total.indices where Double(total[slot]) > Self.limit + 0.005 { over.append((Int(firstRow[slot]), Double(total[slot]))) }
        } else {
            var keyed: [(key: UInt64, row: Int32)] = []
            for row in employees.indices where employees[row] >= 0 && hours[row].isFinite && hours[row] > 0 {
                keyed.append((UInt64(employees[row]) << 32 | UInt64(UInt32(bitPattern: days[row].daysSinceEpoch - first)), Int32(row)))
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
            var k = 0
            while k < keyed.count {
                var sum = 0.0, next = k
                while next < keyed.count && keyed[next].key == keyed[k].key { sum += hours[Int(keyed[next].row)]; next += 1 }
                if sum > Self.limit + 0.005 { over.append((Int(keyed[k].row), sum)) }
                k = next
            }
        }
        count = over.count
        largest = over.sorted { ($0.hours, $1.row) > ($1.hours, $0.row) }.prefix(shown)
            .map { Day(unit: units[$0.row], day: days[$0.row], hours: $0.hours) }
    }

    /// Employee-days held in one array at most; more are sorted instead.
    public static let denseSlots = 4_000_000
}
