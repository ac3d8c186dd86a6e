/// One person on a unit's roster (fictional: an id, never a name), from hire to departure.
struct Employee: Sendable {
    let id: [UInt8]
    /// Index of the staffing target (unit x job code) the employee works for.
    let crew: Int
    /// Scheduled shifts per week (3 for a full-time 12-hour nurse; 0 for PRN staff, who
    /// only fill gaps).
    let shiftsPerWeek: Int
    /// Offset into the weekly rotation, so the unit's shifts spread over the week.
    let rotation: Int
    let hire: Int
    let departure: Int
    var weekQuarters = 0
    var weekExtraShifts = 0

    func isActive(_ d: Int) -> Bool { d >= hire && d < departure }

    /// Works on the `ordinal`-th open day of the week (of `openDays`) by the rotation: a
    /// block of consecutive open days each week.
    func isScheduled(ordinal: Int, openDays: Int) -> Bool { (ordinal + rotation) % openDays < shiftsPerWeek }
}
