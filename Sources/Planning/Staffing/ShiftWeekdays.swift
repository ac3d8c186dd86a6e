import Tabular

/// One unit, job code and shift's recent weeks by weekday: the patients on the shift and the
/// staff on duty, to set a future period's census against each day's schedule.
///
/// A shift follows its unit's week: 24 patients on weekdays and 10 at weekends, or a day
/// surgery open Monday to Friday only. Spread evenly over the days of a week, the census gave
/// 20 (or 7.1) patients on every shift, so the outlook said "covered" for a unit whose every
/// weekday shift had broken its 1:4 ratio. Each weekday keeps its own patients and schedule
/// instead, scaled by how the period's forecast compares with the recent weeks' census.
///
/// The schedule a day is compared with is the staff the unit put on that shift at the same
/// workload (`days(_:level:maxPatientsPerStaff:)`): a unit that staffs to its census is not
/// short on a busier day because its quieter days had fewer on duty.
public struct ShiftWeekdays: Sendable {
    private var patients = [Double](repeating: 0, count: 7)
    private var shifts = [Int](repeating: 0, count: 7)
    /// Each recent shift of the weekday: its patients and the fewest staff on duty.
    private var seen = [[(patients: Double, staff: Int)]](repeating: [], count: 7)

    public init() {}

    /// A recent shift: its day, patients and the fewest staff on duty.
    public mutating func add(day: CalendarDay, patients: Double, staffOnDuty: Int) {
        let w = day.isoWeekday - 1
        self.patients[w] += patients
        shifts[w] += 1
        seen[w].append((patients, staffOnDuty))
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
    /// staff the ratio requires for them as whole patients (rounded to the nearest), and the
    /// staff the schedule puts on: the median staff on that weekday's recent shifts that
    /// needed as many staff, else on any weekday's that did, else on all that weekday's shifts
    /// (a workload not seen lately: today's schedule). Of an even count the lower middle one,
    /// so a shift staffed under ratio half the time shows short.
    ///
    /// Against the weekday's median over all its shifts, a unit of 25 patients one week and 26
    /// the next, staffed to ratio on every shift (5 RNs, then 6 at 1:5), was forecast 25.5, 6
    /// required and 5 scheduled: short on every day for 13 weeks (2,184 RN hours) although
    /// every shift checked was compliant. At the same workload it had 6 on; a unit that kept 5
    /// on at 26 patients is short as before.
    public func days(_ days: [CalendarDay], level: Double, maxPatientsPerStaff: Double) -> [Day] {
        func required(_ patients: Double) -> Int {
            patients > 0 ? max(1, ShiftRatio.staffRequired(patients: patients.rounded(), maxPatientsPerStaff: maxPatientsPerStaff)) : 0
        }
        func median(_ staff: [Int]) -> Int? {
            guard !staff.isEmpty else { return nil }
            return staff.sorted()[(staff.count - 1) / 2]
        }
        func atWorkload(_ need: Int, on weekdays: Range<Int>) -> Int? {
            median(weekdays.flatMap { w in seen[w].filter { required($0.patients) == need }.map(\.staff) })
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
            let need = required(expected)
            let scheduled = atWorkload(need, on: w..<(w + 1)) ?? atWorkload(need, on: 0..<7) ?? median(seen[w].map(\.staff)) ?? 0
            return Day(day: day, patients: expected, staffRequired: need, staffScheduled: scheduled)
        }
    }

    /// The day a period's row shows: the one most short of staff, or with no day short the
    /// busiest (the earlier of equals).
    public static func worst(_ days: [Day]) -> Day? {
        days.max { ($0.shortBy, $0.patients, $1.day.daysSinceEpoch) < ($1.shortBy, $1.patients, $0.day.daysSinceEpoch) }
    }
}
