import Tabular

/// One unit, job code and shift's recent weeks by weekday: the patients on the shift and the
/// staff on duty, to set a future period's census against each day's schedule.
///
/// A shift follows its unit's week: 24 patients on weekdays and 10 at weekends, or a day
/// surgery open Monday to Friday only. Spread evenly over the days of a week, the census gave
/// 20 (or 7.1) patients on every shift, so the outlook said "covered" for a unit whose every
/// weekday shift had broken its 1:4 ratio. Each weekday keeps its own patients and schedule
/// instead, scaled by how the period's forecast compares with the recent weeks' census.
public struct ShiftWeekdays: Sendable {
    private var patients = [Double](repeating: 0, count: 7)
    private var shifts = [Int](repeating: 0, count: 7)
    private var staff = [[Int]](repeating: [], count: 7)

    public init() {}

    /// A recent shift: its day, patients and the fewest staff on duty.
    public mutating func add(day: CalendarDay, patients: Double, staffOnDuty: Int) {
        let w = day.isoWeekday - 1
        self.patients[w] += patients
        shifts[w] += 1
        staff[w].append(staffOnDuty)
    }

    public var isEmpty: Bool { shifts.allSatisfy { $0 == 0 } }

    /// One day of a future period: the patients expected on the shift, the staff the ratio
    /// requires for them and the staff the recent schedule puts on that weekday.
    public struct Day: Sendable, Equatable {
        public var day: CalendarDay
        public var patients: Double
        public var staffRequired: Int
        public var staffScheduled: Int
        public var shortBy: Int { max(0, staffRequired - staffScheduled) }
    }

    /// The days of `days` on weekdays the shift ran recently, with the shift's mean patients on
    /// that weekday times `level` (the period's census per day over the recent weeks'), the
    /// staff the ratio requires for them as whole patients (rounded to the nearest), and
    /// that weekday's median staff (of an even count the lower middle one, so a shift staffed
    /// under ratio half the time shows short).
    public func days(_ days: [CalendarDay], level: Double, maxPatientsPerStaff: Double) -> [Day] {
        var scheduled = [Int](repeating: 0, count: 7)
        for w in 0..<7 where !staff[w].isEmpty {
            let sorted = staff[w].sorted()
            scheduled[w] = sorted[(sorted.count - 1) / 2]
        }
        return days.compactMap { day in
            let w = day.isoWeekday - 1
            guard shifts[w] > 0 else { return nil }
            let expected = level * patients[w] / Double(shifts[w])
            // The ratio counts whole patients: 16.02 expected is 16 on the shift, which four
            // RNs at 1:4 cover. Rounded up, a census 0.1% above the recent weeks' asked a fifth
            // RN on every night for 13 weeks (about 1,100 hours) where every night checked had
            // 16 patients and four RNs, compliant. A shift that expects any patient at all
            // (one patient every fourth night: 0.25) still has one on duty.
            return Day(day: day, patients: expected,
                       staffRequired: expected > 0 ? max(1, ShiftRatio.staffRequired(patients: expected.rounded(), maxPatientsPerStaff: maxPatientsPerStaff)) : 0,
                       staffScheduled: scheduled[w])
        }
    }

    /// The day a period's row shows: the one most short of staff, or with no day short the
    /// busiest (the earlier of equals).
    public static func worst(_ days: [Day]) -> Day? {
        days.max { ($0.shortBy, $0.patients, $1.day.daysSinceEpoch) < ($1.shortBy, $1.patients, $0.day.daysSinceEpoch) }
    }
}
